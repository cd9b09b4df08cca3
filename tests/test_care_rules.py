"""The care rules on the independent sentence sets, the good replies and the samples."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mailcheck import check, check_file

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = tomllib.loads((DATA / "good_sentences.toml").read_text(encoding="utf-8"))
BAD = tomllib.loads((DATA / "bad_sentences.toml").read_text(encoding="utf-8"))
#: The care rules that judge single sentences of the reply.
SENTENCE_RULES = ("CARE-DEFER-WHEN", "CARE-REFERENCE", "CARE-GIVE-MORE", "CARE-CHOICE-Q", "CARE-ASK-BACK")


def _reply(sentence: str, opening: str = "Thank you for your inquiry of 3 May about our LED panels.") -> str:
    """A complete, otherwise sound reply around one sentence."""
    return (
        f"Subject: RE: LED panels\n\nDear Mr. Weber,\n\n{opening}\n\n{sentence}\n\n"
        "Do you prefer 500 or 1,000 pcs for the first order?\n\nBest regards,\nLisa Chen\n"
    )


@pytest.mark.parametrize(
    "sentence", [s for group in GOOD.values() for s in group["sentences"]], ids=lambda s: s[:40]
)
def test_good_sentences_trip_no_care_rule(sentence):
    result = check(_reply(sentence), select=SENTENCE_RULES, lang="en")
    assert [f.message for f in result.findings] == []


@pytest.mark.parametrize("sentence", BAD["CARE-DEFER-WHEN"]["sentences"], ids=lambda s: s[:40])
def test_undated_deferrals_are_flagged(sentence):
    result = check(_reply(sentence), select=("CARE-DEFER-WHEN",), lang="en")
    assert len(result.findings) == 1


@pytest.mark.parametrize("sentence", BAD["CARE-REFERENCE"]["sentences"], ids=lambda s: s[:40])
def test_bare_thanks_are_flagged(sentence):
    result = check(_reply("Our price is USD 12.50/pc FOB Ningbo.", opening=sentence), select=("CARE-REFERENCE",), lang="en")
    assert len(result.findings) == 1


# "Your price is impossible." judges the buyer's offer; it refuses nothing the buyer asked for.
REFUSALS = [s for s in BAD["REL-REFUSE-SOFTLY"]["sentences"] if s != "Your price is impossible."]


@pytest.mark.parametrize("sentence", REFUSALS, ids=lambda s: s[:40])
def test_refusals_without_alternative_are_flagged(sentence):
    result = check(_reply(sentence), select=("CARE-GIVE-MORE",), lang="en")
    assert len(result.findings) == 1


def _good_drafts() -> list[Path]:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    good_samples = [
        SAMPLES / line.split("`")[1] for line in readme.splitlines() if line.startswith("| `") and "| Good" in line
    ]
    replies = [p for p in (DATA / "good_replies").iterdir() if p.suffix in (".txt", ".eml") and ".inquiry." not in p.name]
    return sorted(good_samples + replies)


@pytest.mark.parametrize("path", _good_drafts(), ids=lambda p: p.name)
def test_good_replies_get_no_care_warning(path):
    result = check_file(path, select=("CARE",), lang="en")
    assert result.error is None
    assert [(f.rule, f.message) for f in result.findings if f.severity != "info"] == []


def test_the_weak_henrique_reply_gets_the_findings_seed_000_describes():
    result = check_file(SAMPLES / "000-henrique-weak.eml", select=("CARE",), lang="en")
    rules = {f.rule for f in result.findings}
    assert {"CARE-REFERENCE", "CARE-GIVE-MORE", "CARE-ASK-BACK", "CARE-ALL-POINTS"} <= rules
    unanswered = " ".join(f.message for f in result.findings if f.rule == "CARE-ALL-POINTS")
    assert "CIF Santos" in unanswered and "sample" in unanswered


def test_messages_and_suggestions_in_chinese():
    result = check_file(SAMPLES / "003-uk-hoodies.eml", select=("CARE",), lang="zh")
    assert result.findings
    assert all(any("\u4e00" <= c <= "\u9fff" for c in f.message) for f in result.findings)
