"""The documented scoring formula."""

from __future__ import annotations

from mailcheck.model import Finding
from mailcheck.score import score


def finding(rule, pillar, severity):
    return Finding(rule, rule.lower(), (rule,), pillar, severity, "m", "body", 0, 1)


def test_clean_reply_scores_100():
    s = score([])
    assert s.overall == 100 and set(s.pillars.values()) == {100}


def test_each_finding_lowers_its_pillar_by_its_weight():
    s = score([finding("A", "care", "error"), finding("B", "care", "warning"), finding("C", "reliable", "info")])
    assert s.pillars == {"care": 72, "professional": 100, "reliable": 98}
    assert s.overall == round((72 + 100 + 98) / 3)


def test_a_rule_counts_at_most_three_times():
    s = score([finding("PRO-SPELLING", "professional", "warning")] * 10)
    assert s.pillars["professional"] == 100 - 3 * 8


def test_pillar_never_below_zero():
    findings = [finding(f"R{i}", "care", "error") for i in range(8)]
    assert score(findings).pillars["care"] == 0
