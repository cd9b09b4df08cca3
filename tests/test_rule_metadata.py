"""Every rule carries complete metadata, a detector, docs in both languages and test cases."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from mailcheck.checks import spec_for
from mailcheck.checks.registry import registered_codes
from mailcheck.packs import builtin_rules, load_data

RULES = builtin_rules()
CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases(code):
    path = CASES_DIR / f"{code}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["case"] if path.exists() else []


def test_codes_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+", code), code


def test_every_detector_has_a_rule():
    assert registered_codes() <= {r.code for r in RULES if r.kind == "code"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata_is_complete(rule):
    spec_for(rule)  # raises when no detector exists
    catalogue = load_data("norms")
    assert rule.norms and all(n in catalogue for n in rule.norms), rule.norms
    assert rule.why.en and rule.why.zh and rule.why.en != rule.why.zh
    assert rule.bad and rule.good
    for table in (rule.messages, rule.suggestions, rule.labels):
        for key, text in table.items():
            assert text.en and text.zh and text.en != text.zh, (rule.code, key)
            fields_en = {f for _, f, _, _ in string.Formatter().parse(text.en) if f}
            fields_zh = {f for _, f, _, _ in string.Formatter().parse(text.zh) if f}
            assert fields_en == fields_zh, (rule.code, key)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_pass_and_fail_cases(rule):
    cases = _cases(rule.code)
    assert any(c["fails"] == 0 for c in cases), f"{rule.code}: no passing case in tests/rule_cases"
    assert any(c["fails"] > 0 for c in cases), f"{rule.code}: no failing case in tests/rule_cases"
