"""--format sarif (validated against the official SARIF 2.1.0 schema) and --format github."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from mailcheck import Config, check_many
from mailcheck.packs import builtin_rules
from mailcheck.report import FORMATS, FormatOptions

TESTS = Path(__file__).parent
SAMPLES = TESTS.parent / "samples"
SCHEMA = json.loads((TESTS / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RECHAIN_DRAFT = """Subject: RE: RE: Fw: Offer for ceramic mugs

Dear Anna,

Please find our offer for the 11 oz mugs below.

Best regards,
Grace
"""


@pytest.fixture
def report(tmp_path, monkeypatch):
    """Drafts whose lines are the file's (.txt), whose are not (quoted-printable .eml, mbox),
    a file name that needs escaping, and an unreadable file; paths relative to the cwd."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(SAMPLES / "014-de-wiper-blades.txt", folder / "014-de-wiper-blades.txt")
    shutil.copy(SAMPLES / "003-uk-hoodies.eml", folder / "003-uk-hoodies.eml")
    shutil.copy(TESTS / "data" / "read" / "mbox" / "Drafts", folder / "Drafts")
    (folder / "offer, v2: mugs.txt").write_text(RECHAIN_DRAFT, encoding="utf-8")
    (folder / "empty.eml").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    return check_many(["drafts"], config=Config(select=("STR",), lang="en"))


def by_path(report, suffix):
    return next(r for r in report.files if r.path.endswith(suffix))


def render(report, fmt, lang="en"):
    return FORMATS[fmt](report, FormatOptions(lang=lang))


# --- SARIF ---------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(report):
    document = json.loads(render(report, "sarif"))
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    assert [e.message for e in validator.iter_errors(document)] == []
    # The validator is real: a result without a message is rejected.
    del document["runs"][0]["results"][0]["message"]
    assert not validator.is_valid(document)


def test_sarif_has_one_result_per_finding_pointing_at_its_rule(report):
    run = json.loads(render(report, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(report.findings) > 0
    assert {r["id"] for r in rules} == {f.rule for f in report.findings}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {(f.rule, f.severity) for f in report.findings}
    expected = {"error": "error", "warning": "warning", "info": "note"}
    assert {(r["ruleId"], r["level"]) for r in run["results"]} == {(c, expected[s]) for c, s in levels}


def test_sarif_regions_are_file_lines_only_where_the_draft_maps_onto_the_file(report):
    run = json.loads(render(report, "sarif"))["runs"][0]
    text = by_path(report, "014-de-wiper-blades.txt")
    located = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               == "drafts/014-de-wiper-blades.txt"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in located] == [
        f.line for f in text.findings
    ]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for r in located)

    in_mailbox = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  == "drafts/Drafts"]
    assert in_mailbox and all("region" not in r["locations"][0]["physicalLocation"] for r in in_mailbox)
    names = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in in_mailbox}
    assert names == {"drafts/Drafts:1", "drafts/Drafts:3"}
    assert all(r["message"]["text"].startswith(("drafts/Drafts:1", "drafts/Drafts:3")) for r in in_mailbox)

    quoted_printable = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        == "drafts/003-uk-hoodies.eml" and r["properties"]["zone"] != "subject"]
    assert quoted_printable and all("region" not in r["locations"][0]["physicalLocation"] for r in quoted_printable)


def test_sarif_escapes_file_names_into_uri_references(report):
    run = json.loads(render(report, "sarif"))["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "drafts/offer%2C%20v2%3A%20mugs.txt" in uris


def test_unreadable_drafts_are_error_notifications(report):
    invocation = json.loads(render(report, "sarif"))["runs"][0]["invocations"][0]
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "drafts/empty.eml: empty file"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/empty.eml"


def test_sarif_rule_docs_follow_the_report_language(report):
    rule = next(r for r in builtin_rules() if r.code == "STR-RECHAIN")
    for lang in ("en", "zh"):
        rules = json.loads(render(report, "sarif", lang))["runs"][0]["tool"]["driver"]["rules"]
        descriptor = next(r for r in rules if r["id"] == "STR-RECHAIN")
        assert descriptor["fullDescription"]["text"] == rule.why.get(lang)
        assert rule.bad in descriptor["help"]["text"]


# --- GitHub workflow commands --------------------------------------------------------------

_COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def annotations(output: str) -> list[dict]:
    parsed = []
    for line in output.splitlines():
        match = _COMMAND.match(line)
        assert match, line
        properties = dict(pair.split("=", 1) for pair in match["properties"].split(","))
        parsed.append({"level": match["level"], "message": _unescape(match["message"]),
                       **{k: _unescape(v) for k, v in properties.items()}})
    return parsed


def test_github_has_one_annotation_per_finding_and_unreadable_draft(report):
    found = annotations(render(report, "github"))
    assert len(found) == len(report.findings) + 1
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    assert sorted(a["level"] for a in found if "title" in a and a["title"] != "mailcheck") == sorted(
        levels[f.severity] for f in report.findings
    )
    (unreadable,) = [a for a in found if a["title"] == "mailcheck"]
    assert unreadable == {"level": "error", "file": "drafts/empty.eml", "title": "mailcheck",
                          "message": "drafts/empty.eml: empty file"}


def test_github_annotations_carry_file_lines_or_say_where_in_the_message(report):
    found = annotations(render(report, "github"))
    text = by_path(report, "014-de-wiper-blades.txt")
    on_text = [a for a in found if a["file"] == "drafts/014-de-wiper-blades.txt"]
    assert [(int(a["line"]), int(a["col"])) for a in on_text] == [(f.line, f.column) for f in text.findings]
    in_mailbox = [a for a in found if a["file"] == "drafts/Drafts"]
    assert in_mailbox and all("line" not in a for a in in_mailbox)
    assert all(a["message"].startswith(("drafts/Drafts:1, ", "drafts/Drafts:3, ")) for a in in_mailbox)


def test_github_escapes_commas_colons_and_newlines(report):
    output = render(report, "github")
    escaped = [line for line in output.splitlines() if "offer" in line and "mugs" in line]
    assert escaped and all("file=drafts/offer%2C v2%3A mugs.txt," in line for line in escaped)
    rechain = next(a for a in annotations(output) if a["title"].startswith("mailcheck STR-RECHAIN"))
    finding = next(f for f in by_path(report, "mugs.txt").findings if f.rule == "STR-RECHAIN")
    assert rechain["message"] == finding.message + (f"\n{finding.suggestion}" if finding.suggestion else "")
    # Suggestions go on a second line of the message, which stays one command line.
    assert any("\n" in a["message"] for a in annotations(output))
