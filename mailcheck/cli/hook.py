"""``mailcheck install-hook``: a git pre-commit hook for a drafts folder kept in git.

The hook checks the drafts staged for the commit (added, copied, modified or
renamed) under the folders given at install time, and those whose buyer's
inquiry file is staged, with ``mailcheck check``: a failing draft stops the
commit (``git commit --no-verify`` skips the check). Repositories managed by
the pre-commit framework use its hook instead (docs/hooks.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from ..i18n import default_lang, pick
from ..read import DraftSource, discover
from .check import check_command
from .options import fail, tr

MARKER = "# installed by `mailcheck install-hook`"
SCRIPT = """\
#!{python}
{marker}; delete this file to remove it.
# Checks the drafts staged for the commit; `git commit --no-verify` skips it.
import sys

try:
    from mailcheck.cli.hook import check_staged
except ImportError:
    sys.exit("mailcheck pre-commit hook: mailcheck is not installed for {python}; "
             "reinstall it, or delete " + __file__)
sys.exit(check_staged({folders!r}))
"""


def _git(args: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def staged_drafts(folders: list[str]) -> list[str]:
    """The drafts under ``folders`` whose file or inquiry is staged, as paths from the repository root."""
    output = _git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--", *folders])
    staged = {os.path.normpath(p) for p in output.split("\0") if p}
    if not staged:
        return []
    chosen: dict[str, None] = {}
    # The folders' drafts as `mailcheck check FOLDER` would find them, so the
    # hook skips exactly what a folder run skips (notes, hidden files, inquiries).
    for found in discover(folders):
        if not isinstance(found, DraftSource):
            continue
        related = [found.file] + ([found.inquiry] if found.inquiry else [])
        if any(os.path.normpath(p) in staged for p in related):
            chosen[str(found.file)] = None
    return list(chosen)


def check_staged(folders: list[str]) -> int:
    """The hook's body: run ``mailcheck check`` on the staged drafts; its exit code."""
    try:
        os.chdir(_git(["rev-parse", "--show-toplevel"]).strip())
        drafts = staged_drafts(folders)
    except RuntimeError as err:
        click.echo(pick(default_lang(), "mailcheck pre-commit hook: ", "mailcheck 提交前钩子：") + str(err), err=True)
        return 2
    if not drafts:
        return 0
    # Exits with check's own code: 1 when a draft fails, 2 when one cannot be read.
    return check_command.main(["--", *drafts], prog_name="mailcheck check")


def _hooks_dir(repo: Path) -> Path:
    # --git-path honours core.hooksPath and linked worktrees.
    return (repo / _git(["rev-parse", "--git-path", "hooks"], cwd=repo).strip()).resolve()


@click.command("install-hook", help=tr(
    "Install a git pre-commit hook that checks the drafts staged under FOLDERS (default: the whole repository).",
    "安装 git 提交前钩子，检查 FOLDERS（默认整个仓库）中暂存的草稿。"))
@click.argument("folders", nargs=-1, type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--force", is_flag=True, help=tr("Replace a pre-commit hook that mailcheck did not install.",
                                              "替换不是 mailcheck 安装的提交前钩子。"))
def install_hook_command(folders, force) -> None:
    lang = default_lang()
    start = folders[0] if folders else Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd=start).strip()).resolve()
        hooks = _hooks_dir(top)
    except (RuntimeError, FileNotFoundError) as err:
        fail(pick(lang, f"not inside a git repository ({err})", f"不在 git 仓库中（{err}）"))
    relative = []
    for folder in folders or (top,):
        try:
            relative.append(Path(os.path.relpath(folder.resolve(), top)).as_posix())
        except ValueError:  # another drive on Windows
            fail(pick(lang, f"{folder} is outside the repository {top}", f"{folder} 不在仓库 {top} 中"))
    if any(r.startswith("..") for r in relative):
        fail(pick(lang, f"the folders must be inside the repository {top}", f"文件夹必须在仓库 {top} 中"))
    if (top / ".pre-commit-config.yaml").exists() and not force:
        fail(pick(lang, "this repository uses pre-commit: add the mailcheck hook to .pre-commit-config.yaml "
                        "instead (see docs/hooks.md), or use --force",
                  "此仓库使用 pre-commit：请在 .pre-commit-config.yaml 中添加 mailcheck 钩子"
                  "（见 docs/hooks.md），或加 --force"))
    hook = hooks / "pre-commit"
    if hook.exists() and MARKER not in hook.read_text(encoding="utf-8", errors="replace") and not force:
        fail(pick(lang, f"{hook} exists and was not installed by mailcheck; use --force to replace it",
                  f"{hook} 已存在且不是 mailcheck 安装的；如需替换请加 --force"))
    hooks.mkdir(parents=True, exist_ok=True)
    hook.write_text(SCRIPT.format(python=sys.executable, marker=MARKER, folders=relative), encoding="utf-8")
    hook.chmod(0o755)
    shown = ", ".join(relative)
    click.echo(pick(lang, f"Installed {hook}: each commit checks the drafts staged in {shown}.",
                    f"已安装 {hook}：每次提交都会检查 {shown} 中暂存的草稿。"))
