"""The prefilter of the generic kinds: a pattern is skipped only where it cannot match."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from mailcheck.checks.generic import compiled_rule
from mailcheck.checks.needles import Needle, needles
from mailcheck.checks.prefilter import Haystack, alternatives
from mailcheck.packs import GENERIC_KINDS, builtin_rules

from helpers import sentences_of


def _texts() -> list[str]:
    """The drafts of the rule cases and the flawed sentences: text every built-in entry is meant to match."""
    texts = []
    for path in sorted((Path(__file__).parent / "rule_cases").glob("*.toml")):
        texts += [case["draft"] for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]
    return texts + [s for _, s in sentences_of("bad_sentences.toml")]


def _patterns() -> list[re.Pattern[str]]:
    return [
        pattern
        for rule in builtin_rules()
        if rule.kind in GENERIC_KINDS
        for entry in compiled_rule(rule).entries
        for pattern in entry.finds
    ]


def test_no_built_in_pattern_matches_a_text_the_prefilter_would_skip():
    haystacks = [(text, Haystack(text)) for text in _texts()]
    skipped_matches = []
    for pattern in _patterns():
        found = needles(pattern)
        for text, haystack in haystacks:
            if found is not None and not any(map(haystack.has, found)) and pattern.search(text):
                skipped_matches.append((pattern.pattern, pattern.search(text).group()))
    assert skipped_matches == []


def test_the_index_picks_the_entries_whose_needles_a_text_has():
    haystacks = [Haystack(text) for text in _texts()]
    for rule in builtin_rules():
        if rule.kind not in GENERIC_KINDS:
            continue
        compiled = compiled_rule(rule)
        for haystack in haystacks:
            expected = [e for e in compiled.entries if e.needles is None or any(map(haystack.has, e.needles))]
            assert [id(e) for e in compiled.index.within(haystack)] == [id(e) for e in expected], rule.code


def test_alternatives_find_what_the_whole_alternation_finds():
    lists = [tuple(v) for r in builtin_rules() for v in r.options.values() if isinstance(v, list) and len(v) > 3]
    lists = [patterns for patterns in lists if all(isinstance(p, str) for p in patterns)]
    texts = _texts()
    for patterns in lists:
        try:
            found = alternatives(patterns)
        except re.error:
            continue  # a list of words, not of patterns
        for text in texts:
            haystack = Haystack(text)
            within = found.within(haystack)
            match, whole = within and within.search(text), found.pattern.search(text)
            assert (match and match.span()) == (whole and whole.span()), (patterns, text)
            assert found.found(haystack, text) == (whole is not None), (patterns, text)


def test_most_built_in_patterns_have_needles():
    # The point of the prefilter: only punctuation patterns ("!!!") are searched in every draft.
    without = [p.pattern for p in _patterns() if needles(p) is None]
    assert len(without) <= 5, without


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # Whole words where the pattern puts non-word characters or assertions around them.
        (r"(?<!\w)u(?!\w)", {Needle("u", True)}),
        (r"\bkindly\b", {Needle("kindly", True)}),
        (r"(?<!\w)pl\.", {Needle("pl", True)}),
        # Letters that may be part of a longer word are looked for anywhere.
        (r"(?<!\w)(?P<hit>revert\w*)\s+back", {Needle("revert", False)}),
        (r"ok\s*\?", {Needle("ok", False)}),
        # Words with white space between them are one needle, the space as one space.
        (r"(?<!\w)with\s+regard\s+to(?!\w)", {Needle("with regard to", False, bounded=True)}),
        (r"as soon as\n possible", {Needle("as soon as possible", False)}),
        # Every alternative brings its own needle; an optional part brings none.
        (r"(?<!\w)(?:cannot|unable to)(?!\w)", {Needle("cannot", True), Needle("unable to", False, bounded=True)}),
        (r"(?:please\s+)?confirm(?!\w)", {Needle("confirm", False)}),
        # Nothing certain: every text is searched.
        # A few spellings of a run with small classes in it; a repeat as often as it must be.
        (r"(?<!\w)don['’]t(?!\w)", {Needle("don't", False, bounded=True), Needle("don’t", False, bounded=True)}),
        (r"(?:a|[xy])bc", {Needle("abc", False), Needle("xbc", False), Needle("ybc", False)}),
        (r"[!！]{2,}", {Needle("!!", False), Needle("!！", False), Needle("！!", False), Needle("！！", False)}),
        (r"ab+c", {Needle("ab", False)}),
        (r"x{3}y", {Needle("xxxy", False)}),
        # Nothing certain: every text is searched.
        (r"[!?]", None),
        (r"(?:foo)?\w+", None),
        (r"(?:a|\d)", None),
    ],
)
def test_needles(pattern, expected):
    found = needles(re.compile(pattern, re.IGNORECASE))
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?<!\w)u(?!\w)", "Can U send it?"),
        (r"(?<!\w)with\s+regard\s+to(?!\w)", "With\n   regard to the price"),
        # Letters the re module matches to ASCII ones without case: the Kelvin sign, long s, dotless i.
        (r"(?<!\w)ok(?!\w)", "o\u212a"),
        (r"(?<!\w)pls(?!\w)", "pl\u017f"),
        (r"(?<!\w)pi(?!\w)", "P\u0131"),
        (r"(?<!\w)pi(?!\w)", "P\u0130"),
    ],
)
def test_the_haystack_has_the_needle_of_every_match(pattern, text):
    compiled = re.compile(pattern, re.IGNORECASE)
    assert compiled.search(text)
    assert any(map(Haystack(text).has, needles(compiled)))


def test_a_word_needle_is_not_found_inside_another_word():
    found = needles(re.compile(r"(?<![\w'’])ur(?!\w)", re.IGNORECASE))
    assert not any(map(Haystack("Thank you for your order.").has, found))
    assert any(map(Haystack("Thank u for ur order.").has, found))
