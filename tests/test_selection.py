"""Selecting rules by code, prefix, norm ID and pillar."""

from __future__ import annotations

from mailcheck.config import Config
from mailcheck.selection import active_rules


def codes(**kw):
    return {r.code for r in active_rules(Config(**kw))}


def test_prefix_selects_the_family():
    selected = codes(select=("STR",))
    assert {"STR-SUBJECT", "STR-RECHAIN", "STR-GREETING", "STR-GREETING-NAME"} <= selected
    assert all(c.startswith("STR-") for c in selected)


def test_norm_id_selects_every_rule_implementing_it():
    assert codes(select=("STR-GREETING",)) >= {"STR-GREETING", "STR-GREETING-NAME"}


def test_pillar_selects_by_pillar():
    assert codes(select=("care",)) >= {"STR-GREETING", "STR-OFFICE-HOURS"}
    assert "STR-SUBJECT" not in codes(select=("care",))


def test_ignore_wins_over_select_and_is_case_insensitive():
    assert "STR-RECHAIN" not in codes(select=("STR",), ignore=("str-rechain",))
