"""Commit hooks: `mailcheck install-hook` in a drafts repository, and the pre-commit framework hook
proven with the real `pre-commit try-repo` against this checkout."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailcheck.cache import ENV_DIR
from mailcheck.cli import main
from mailcheck.cli.hook import staged_drafts

ROOT = Path(__file__).parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PASSING = """Subject: RE: Quotation for 600x600 LED panels

Dear Mr. Weber,

Our price is EUR 18.60/pc FOB Ningbo.

Best regards,
Cathy Lin
"""
FAILING = PASSING.replace("Subject: RE: Quotation", "Subject: RE: RE: Fw: Quotation")
# Only the reply-chain rule: the tests are about hooks, not about what rules find.
CONFIG = 'select = ["STR-RECHAIN"]\nlang = "en"\n'


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    # No user or system git config (a global core.hooksPath would move the hooks).
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Cathy Lin")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "cathy@example.com")
    monkeypatch.delenv(ENV_DIR, raising=False)


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    # Hooks write to git's stderr; keep both streams in order, as a user sees them.
    return subprocess.run(["git", *args], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, check=False)


@pytest.fixture
def repo(tmp_path):
    """A repository of drafts, as a sales team keeps one."""
    repo = tmp_path / "sales"
    (repo / "drafts").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "drafts" / "mailcheck.toml").write_text(CONFIG, encoding="utf-8")
    (repo / "drafts" / "README.md").write_text("# Drafts\n\nRE: RE: notes are not drafts.\n", encoding="utf-8")
    (repo / "drafts" / "weber-panels.txt").write_text(PASSING, encoding="utf-8")
    (repo / "drafts" / "tanaka-mugs.txt").write_text(FAILING, encoding="utf-8")
    (repo / "notes.txt").write_text("Subject: RE: RE: not in the drafts folder\n", encoding="utf-8")
    return repo


def install(repo: Path, *args: str):
    cwd = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(main, ["install-hook", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)


def test_the_hook_stops_a_commit_with_a_failing_draft(repo):
    assert install(repo, "drafts").exit_code == 0
    git(repo, "add", "drafts/mailcheck.toml", "drafts/README.md", "drafts/weber-panels.txt", "notes.txt")
    passed = git(repo, "commit", "-q", "-m", "passing draft, notes")
    assert passed.returncode == 0, passed.stdout

    git(repo, "add", "drafts/tanaka-mugs.txt")
    stopped = git(repo, "commit", "-q", "-m", "failing draft")
    assert stopped.returncode == 1
    assert "tanaka-mugs.txt:1:10  STR-RECHAIN" in stopped.stdout
    assert "weber-panels" not in stopped.stdout  # unchanged drafts are not checked again
    assert git(repo, "log", "--format=%s").stdout.split("\n")[0] == "passing draft, notes"

    skipped = git(repo, "commit", "-q", "--no-verify", "-m", "sent anyway")
    assert skipped.returncode == 0
    # The cache the hook wrote beside the config is ignored by git.
    assert git(repo, "status", "--porcelain").stdout == ""


def test_a_staged_inquiry_rechecks_its_draft(repo):
    (repo / "drafts" / "tanaka-mugs.inquiry.txt").write_text("Please quote 11 oz mugs.\n", encoding="utf-8")
    git(repo, "add", "drafts/tanaka-mugs.inquiry.txt", "drafts/README.md")
    cwd = Path.cwd()
    os.chdir(repo)
    try:
        assert staged_drafts(["drafts"]) == ["drafts/tanaka-mugs.txt"]
    finally:
        os.chdir(cwd)


def test_the_hook_checks_the_whole_repository_by_default(repo):
    assert install(repo).exit_code == 0
    git(repo, "add", "notes.txt")
    stopped = git(repo, "commit", "-q", "-m", "notes")
    assert stopped.returncode == 1 and "notes.txt:1:10  STR-RECHAIN" in stopped.stdout


def test_install_hook_keeps_a_hook_it_did_not_write(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    refused = install(repo, "drafts")
    assert refused.exit_code == 2 and "--force" in refused.output
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"
    assert install(repo, "drafts", "--force").exit_code == 0
    assert install(repo, "drafts").exit_code == 0  # its own hook is replaced freely


def test_install_hook_defers_to_the_pre_commit_framework(repo):
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    refused = install(repo, "drafts")
    assert refused.exit_code == 2 and "docs/hooks.md" in refused.output
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()


def test_install_hook_outside_a_repository(tmp_path):
    (tmp_path / "drafts").mkdir()
    assert install(tmp_path, "drafts").exit_code == 2


# --- pre-commit framework -------------------------------------------------------------------


def _offline_env(tmp_path: Path) -> dict[str, str]:
    """pip inside pre-commit's hook environment builds and installs this checkout without an
    index: no dependencies, no isolated build. The dependencies (and the build backend) come
    from this test environment, minus mailcheck itself, so the hook runs the copy pre-commit built.
    Set MAILCHECK_HOOK_TEST_ONLINE=1 to install everything from the package index instead."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    if os.environ.get("MAILCHECK_HOOK_TEST_ONLINE"):
        return env
    deps = tmp_path / "deps"
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.startswith(("mailcheck", "_mailcheck", "__editable__")) or entry.suffix == ".pth":
            continue
        (deps / entry.name).symlink_to(entry)
    return {**env, "PIP_NO_INDEX": "1", "PIP_NO_DEPS": "1", "PIP_NO_BUILD_ISOLATION": "0", "PYTHONPATH": str(deps)}


def snapshot(tmp_path: Path) -> Path:
    """This checkout as it is on disk, new and changed files included, as a repository of its own:
    try-repo on a checkout with changes would take only the changes to files git already tracks."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout.split("\0")
    copy = tmp_path / "checkout"
    for name in filter(None, listed):
        if (ROOT / name).is_file():  # a tracked file deleted on disk is not part of the checkout
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "snapshot")):
        git(copy, *args)
    return copy


def try_repo(repo: Path, checkout: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(checkout), "mailcheck", "--verbose",
               "--files", *files]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_pre_commit_try_repo_runs_the_hook(repo, tmp_path):
    if not os.environ.get("MAILCHECK_HOOK_TEST_ONLINE") and importlib.util.find_spec("hatchling") is None:
        pytest.skip("the offline build needs hatchling (pip install '.[test]')")
    env = _offline_env(tmp_path)
    checkout = snapshot(tmp_path)
    git(repo, "add", "-A")
    drafts = ("drafts/weber-panels.txt", "drafts/tanaka-mugs.txt", "drafts/README.md")

    failed = try_repo(repo, checkout, env, *drafts)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "mailcheck" in output and "Failed" in output
    assert "drafts/tanaka-mugs.txt:1:10  STR-RECHAIN" in output
    # README.md is excluded by the hook's manifest; both drafts went to one mailcheck run.
    assert "2 draft(s): 1 clean, 1 with findings, 0 unreadable" in output

    passed = try_repo(repo, checkout, env, "drafts/weber-panels.txt", "drafts/README.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "1 draft(s): 1 clean" in passed.stdout
