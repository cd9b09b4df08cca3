"""Runs every case in tests/rule_cases/*.toml against its rule (see that folder's README)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mailcheck import check
from mailcheck.config import from_table
from mailcheck.fix import apply_fixes
from mailcheck.read import read_bytes

CASES_DIR = Path(__file__).parent / "rule_cases"


def load_cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}: {case['name']}")


@pytest.mark.parametrize(("code", "case"), list(load_cases()))
def test_rule_case(code, case):
    config = from_table({**case.get("config", {}), "select": [code], "lang": "en"})
    draft = case["draft"]
    if case.get("format") == "eml":  # a whole mail file, attachments included
        draft = read_bytes(draft.encode("utf-8"), "case.eml", kind="eml")
    result = check(draft, inquiry=case.get("inquiry"), config=config)
    findings = [f for f in result.findings if f.rule == code]
    shown = [(f.message, f.suggestion, f.excerpt) for f in findings]
    assert len(findings) == case["fails"], shown
    for expected in case.get("messages", []):
        assert any(expected in f.message for f in findings), (expected, shown)
    for expected in case.get("suggestions", []):
        assert any(expected in (f.suggestion or "") for f in findings), (expected, shown)
    if "fixed_subject" in case or "fixed_text" in case:
        fixed = apply_fixes(result.message.subject or "", result.message.text, findings)
        if "fixed_subject" in case:
            assert fixed.subject == case["fixed_subject"]
        if "fixed_text" in case:
            assert fixed.text == case["fixed_text"]
