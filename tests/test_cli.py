"""The mailcheck command: check (formats, verbosity, exit codes, cache), rules, explain, init."""

from __future__ import annotations

import io
import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailcheck.cache import CACHE_DIR_NAME, ENV_DIR
from mailcheck.cli import main
from mailcheck.cli.progress import MIN_DRAFTS, progress_bar
from mailcheck.config import from_table, read_config
from mailcheck.packs import builtin_rules
from mailcheck.selection import active_rules

TESTS = Path(__file__).parent
READ = TESTS / "data" / "read"

CLEAN = """Subject: RE: Quotation for 600x600 LED panels
From: Cathy Lin <cathy@brightway-lighting.com>
To: Klaus Weber <k.weber@lichtwerk.de>
Date: Tue, 10 Mar 2026 10:05:00 +0800

Dear Mr. Weber,

Our price is EUR 18.60/pc FOB Ningbo, valid until 10 April.

Best regards,
Cathy Lin
Office hours: 09:00-18:00 Beijing time (your time 02:00-11:00)
"""
CHAINED = CLEAN.replace("Subject: RE: Quotation", "Subject: RE: RE: RE: Quotation")
NO_OFFICE_HOURS = CLEAN.replace("Office hours: 09:00-18:00 Beijing time (your time 02:00-11:00)\n", "")


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path, monkeypatch):
    """Keep the cache of runs without a config file out of the user's cache folder."""
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "user-cache"))


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def folder(tmp_path):
    """A failing draft (RE: chain, a warning), one with only an info finding, a clean one."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a-chained.txt").write_text(CHAINED, encoding="utf-8")
    (drafts / "b-no-office-hours.txt").write_text(NO_OFFICE_HOURS, encoding="utf-8")
    (drafts / "c-clean.txt").write_text(CLEAN, encoding="utf-8")
    return drafts


RULES = ("--select", "STR-RECHAIN,STR-OFFICE-HOURS", "--region", "DE", "--lang", "en")


def test_default_output_lists_failing_drafts_and_the_summary(folder):
    result = invoke("check", folder, *RULES)
    assert result.exit_code == 1
    assert "a-chained.txt:1:10  STR-RECHAIN" in result.stdout
    assert "b-no-office-hours" not in result.stdout  # an info finding does not fail a draft
    assert "c-clean" not in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "3 draft(s): 1 clean, 2 with findings, 0 unreadable; 0 error(s), 1 warning(s), 1 info"
    )


def test_verbose_lists_every_draft(folder):
    result = invoke("check", folder, *RULES, "-v")
    assert "b-no-office-hours.txt:" in result.stdout and "STR-OFFICE-HOURS" in result.stdout
    assert f"{folder / 'c-clean.txt'}: clean" in result.stdout


def test_exit_codes(folder):
    assert invoke("check", folder, *RULES, "--fail-level", "error").exit_code == 0
    assert invoke("check", folder, *RULES, "--fail-level", "info").exit_code == 1
    (folder / "d-empty.eml").write_bytes(b"")
    result = invoke("check", folder, *RULES, "--fail-level", "error")
    assert result.exit_code == 2
    assert f"{folder / 'd-empty.eml'}: cannot check: empty file" in result.stdout


def test_passing_run_prints_only_the_summary(folder):
    result = invoke("check", folder / "c-clean.txt", *RULES)
    assert result.exit_code == 0
    assert result.stdout == "1 draft(s): 1 clean, 0 with findings, 0 unreadable; 0 error(s), 0 warning(s), 0 info\n"


def test_chinese_report(folder):
    result = invoke("check", folder, "--select", "STR-RECHAIN", "--lang", "zh")
    assert "[警告]" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("共 3 封草稿：2 封无问题")


def mixed_folder(tmp_path: Path) -> Path:
    """Drafts in every format mail clients keep them in."""
    drafts = tmp_path / "mixed"
    drafts.mkdir()
    shutil.copy(READ / "eml" / "plain_7bit.eml", drafts / "plain_7bit.eml")
    shutil.copy(READ / "text" / "headers.txt", drafts / "headers.txt")
    shutil.copy(READ / "text" / "utf8_bom.md", drafts / "utf8_bom.md")
    shutil.copy(READ / "mbox" / "Drafts", drafts / "Drafts")  # Thunderbird: an extensionless mbox
    shutil.copy(READ / "apple" / "48213.emlx", drafts / "48213.emlx")
    shutil.copy(READ / "outlook" / "quotation.msg", drafts / "quotation.msg")
    maildir = drafts / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    shutil.copy(READ / "eml" / "plain_7bit.eml", maildir / "cur" / "1773972000.M1P42.mail:2,DS")
    return drafts


def test_a_folder_mixing_mail_client_formats(tmp_path):
    drafts = mixed_folder(tmp_path)
    result = invoke("check", drafts, "--format", "json", "--select", "STR", "--lang", "en")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [
        str(drafts / "48213.emlx"),
        f"{drafts / 'Drafts'}:1",
        f"{drafts / 'Drafts'}:3",
        str(drafts / "headers.txt"),
        str(drafts / "plain_7bit.eml"),
        str(drafts / "quotation.msg"),
        str(drafts / "utf8_bom.md"),
        str(drafts / "Maildir" / "cur" / "1773972000.M1P42.mail:2,DS"),
    ]
    assert all(f["error"] is None for f in json.loads(result.stdout)["files"])
    text = invoke("check", drafts, "--select", "STR", "--lang", "en", "-v").stdout
    # A message inside a mailbox is named by the file and its position.
    assert re.search(rf"^{re.escape(str(drafts / 'Drafts'))}:3:\d+:\d+  STR-", text, re.MULTILINE)


def test_results_are_cached_beside_the_config_unless_no_cache(folder, monkeypatch):
    monkeypatch.delenv(ENV_DIR)
    (folder / "mailcheck.toml").write_text('select = ["STR-RECHAIN"]\nlang = "en"\n', encoding="utf-8")
    first = invoke("check", folder, "--no-cache")
    assert not (folder / CACHE_DIR_NAME).exists()
    second = invoke("check", folder)
    assert len(list((folder / CACHE_DIR_NAME).glob("*/*.json"))) == 3
    third = invoke("check", folder)
    assert first.stdout == second.stdout == third.stdout
    assert first.exit_code == second.exit_code == third.exit_code == 1


def test_jobs_option_gives_the_same_report(folder):
    assert invoke("check", folder, *RULES, "-j", "2", "--no-cache").stdout == invoke(
        "check", folder, *RULES, "--no-cache"
    ).stdout


def test_a_broken_config_is_a_usage_error(folder):
    (folder / "mailcheck.toml").write_text('select = ["NO-SUCH-RULE"]\n', encoding="utf-8")
    result = invoke("check", folder)
    assert result.exit_code == 2
    assert "'NO-SUCH-RULE' matches no rule" in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_bar_only_on_a_terminal(monkeypatch, terminal):
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    with progress_bar("Checking drafts") as advance:
        for done in range(1, MIN_DRAFTS + 6):
            advance(done, MIN_DRAFTS + 5)
    shown = stderr.getvalue()
    assert ("Checking drafts" in shown and "100%" in shown) is terminal
    assert shown == "" or terminal


def test_no_progress_bar_for_a_few_drafts(monkeypatch):
    stderr = _Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    with progress_bar("Checking drafts") as advance:
        for done in range(1, 4):
            advance(done, 3)
    assert stderr.getvalue() == ""


# --- rules, explain, init ------------------------------------------------------------------


def test_rules_lists_every_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = json.loads(invoke("rules", "--format", "json").stdout)
    assert [r["code"] for r in rows] == sorted(r.code for r in builtin_rules())
    rechain = next(r for r in rows if r["code"] == "STR-RECHAIN")
    assert rechain | {"options": None} == {
        "code": "STR-RECHAIN", "name": "one-reply-prefix", "norms": ["STR-RECHAIN"], "pillar": "professional",
        "severity": "warning", "default_severity": "warning", "active": True, "enabled_by_default": True,
        "scope": ["subject"], "pack": "structure", "options": None,
    }
    text = invoke("rules", "--lang", "en").stdout
    assert re.search(r"^STR-RECHAIN +warning +professional +STR-RECHAIN +one-reply-prefix$", text, re.MULTILINE)


def test_rules_follow_the_config_in_effect(tmp_path, monkeypatch):
    (tmp_path / "mailcheck.toml").write_text(
        'ignore = ["STR-OFFICE-HOURS"]\n[severity]\nSTR-RECHAIN = "error"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    text = invoke("rules", "--lang", "zh").stdout
    assert text.startswith("代码")
    assert re.search(r"^STR-RECHAIN +错误 ", text, re.MULTILINE)
    assert re.search(r"^STR-OFFICE-HOURS .*（未启用）$", text, re.MULTILINE)


def test_explain_a_rule_in_english_and_chinese():
    rule = next(r for r in builtin_rules() if r.code == "STR-SUBJECT")
    english = invoke("explain", "STR-SUBJECT", "--lang", "en")
    assert english.exit_code == 0
    assert rule.why.en in english.stdout and rule.bad in english.stdout and rule.good in english.stdout
    assert "max-words = 15" in english.stdout
    chinese = invoke("explain", "str-subject", "--lang", "zh").stdout
    assert rule.why.zh in chinese and "好的写法" in chinese


def test_explain_a_norm_lists_the_rules_that_implement_it():
    output = invoke("explain", "STR-GREETING", "--lang", "en").stdout
    implementing = sorted(r.code for r in builtin_rules() if "STR-GREETING" in r.norms)
    assert f"  Rules: {', '.join(implementing)}" in output
    for code in implementing:
        assert f"\n{code} — " in output


def test_explain_a_prefix_shows_each_rule():
    output = invoke("explain", "STR", "--lang", "en").stdout
    assert all(f"{r.code} — {r.name}" in output for r in builtin_rules() if r.code.startswith("STR-"))


def test_explain_an_unknown_topic_suggests_a_code():
    result = invoke("explain", "STR-SUBJCT", "--lang", "en")
    assert result.exit_code == 2
    assert "Did you mean STR-SUBJECT?" in result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_init_writes_a_commented_config_that_loads(tmp_path, lang):
    result = invoke("init", tmp_path, "--company", 'Ningbo "Bright" Lighting Co., Ltd.', "--region", "de",
                    "--timezone", "Asia/Taipei", "--office-hours", "08:30-17:30", "--lang", lang)
    assert result.exit_code == 0
    written = (tmp_path / "mailcheck.toml").read_text(encoding="utf-8")
    assert written.count("\n# ") > 10
    config = read_config(tmp_path / "mailcheck.toml")
    assert config.profile.company == 'Ningbo "Bright" Lighting Co., Ltd.'
    assert (config.region, config.lang, config.profile.timezone.key) == ("DE", lang, "Asia/Taipei")
    assert (config.profile.office_start.isoformat(), config.profile.office_end.isoformat()) == ("08:30:00", "17:30:00")
    active_rules(config)


def test_init_examples_are_valid_when_uncommented(tmp_path):
    invoke("init", tmp_path, "--lang", "en")
    text = (tmp_path / "mailcheck.toml").read_text(encoding="utf-8")
    uncommented = re.sub(r"^# ((?:[\w-]+ = .*)|(?:\[[\w.-]+\]))$", r"\1", text, flags=re.MULTILINE)
    assert uncommented.count("\n# ") < text.count("\n# ")
    (tmp_path / "team-rules.toml").write_text("", encoding="utf-8")
    config = from_table(tomllib.loads(uncommented), tmp_path / "mailcheck.toml")
    assert config.profile.company == "Ningbo Bright Lighting Co., Ltd."
    assert config.options == {"STR-SUBJECT": {"max-words": 12}}
    active_rules(config)


def test_init_does_not_overwrite_without_force(tmp_path):
    invoke("init", tmp_path, "--lang", "en", "--company", "First Co.")
    refused = invoke("init", tmp_path, "--lang", "en", "--company", "Second Co.")
    assert refused.exit_code == 2 and "--force" in refused.output
    assert read_config(tmp_path / "mailcheck.toml").profile.company == "First Co."
    assert invoke("init", tmp_path, "--lang", "en", "--company", "Second Co.", "--force").exit_code == 0
    assert read_config(tmp_path / "mailcheck.toml").profile.company == "Second Co."


def test_init_rejects_bad_values(tmp_path):
    assert invoke("init", tmp_path, "--timezone", "Mars/Olympus").exit_code == 2
    assert invoke("init", tmp_path, "--region", "XX").exit_code == 2
    assert not (tmp_path / "mailcheck.toml").exists()
