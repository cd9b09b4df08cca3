"""The reading grade of PRO-SENTENCE-GRADE and the estimate that spares most drafts its dictionary."""

from __future__ import annotations

import sys
import tomllib

import pytest

from mailcheck import check, check_file
from mailcheck.analyse.sentences import split_sentences
from mailcheck.checks.metric import Unit, count_words, estimated_syllables, grade_ceiling, reading_grade
from mailcheck.read import read_file

from helpers import DATA, ROOT, good_replies, sentences_of


def _unit(text: str) -> Unit:
    return Unit("body", 0, len(text), text, tuple(split_sentences(text)))


def _texts() -> list[str]:
    """Whole mails and, from the sentence lists, runs of about a hundred words: plain and hard English."""
    paths = [p for p in (ROOT / "samples").iterdir() if p.suffix in (".eml", ".txt")]
    paths += [p for p in (DATA / "good_replies").iterdir() if p.suffix in (".eml", ".txt")]
    texts = [read_file(p).text for p in sorted(paths)]
    for path in sorted((DATA / "care_pairs").glob("*.toml")):
        pair = tomllib.loads(path.read_text(encoding="utf-8"))
        texts += [pair["inquiry"], pair["reply"]]
    for name in ("good_sentences.toml", "bad_sentences.toml"):
        run: list[str] = []
        for _, sentence in sentences_of(name):
            run.append(sentence)
            if count_words(" ".join(run)) >= 100:
                texts.append(" ".join(run))
                run = []
    return texts


def test_the_grade_ceiling_is_never_below_the_grade():
    below = []
    for text in _texts():
        unit = _unit(text)
        grade = reading_grade(unit)
        if grade is not None and grade_ceiling(unit) < grade:
            below.append((round(grade, 2), round(grade_ceiling(unit), 2), text[:60]))
    assert below == []


def test_the_ceiling_leaves_plain_replies_far_below_the_limit():
    # What the estimate is for: the grade of most replies needs no pronouncing dictionary.
    ceilings = [grade_ceiling(_unit(read_file(path).text)) for path in good_replies()]
    assert sum(c <= 12 for c in ceilings if c is not None) >= 0.8 * len(ceilings)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("make", 1), ("used", 1), ("files", 1), ("table", 2), ("via", 2), ("client", 2), ("our", 2), ("doing", 2),
     ("doesn't", 2), ("require", 3), ("FOB", 3), ("pcs", 3)],
)
def test_estimated_syllables(word, syllables):
    assert estimated_syllables(word) == syllables


def test_a_plain_reply_is_graded_without_textstat(monkeypatch):
    monkeypatch.setitem(sys.modules, "textstat", None)  # importing it now fails
    result = check_file(ROOT / "samples" / "000-henrique-rewritten.eml", select=["PRO-SENTENCE-GRADE"], lang="en")
    assert result.findings == []


def test_a_hard_reply_is_graded_by_textstat():
    sentences = [s for _, s in sentences_of("bad_sentences.toml") if count_words(s) > 25]
    result = check("Dear Anna,\n\n" + " ".join(sentences[:6]) + "\n\nBest regards,\nLily", select=["PRO-SENTENCE-GRADE"])
    unit = _unit(" ".join(sentences[:6]))
    assert grade_ceiling(unit) > 12
    assert len(result.findings) == (reading_grade(unit) > 12)
