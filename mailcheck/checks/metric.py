"""The generic kind ``metric``: a measure of each sentence, each paragraph or the whole scope.

The measures (packs.MEASURES) are words, sentences, words per sentence and the
Flesch–Kincaid reading grade, checked against the entry's ``min``/``max``. The
format is docs/rule-packs.md.

The grade counts syllables with textstat, whose pronouncing dictionary takes
about a second to load. Most replies are far below the limit, and an estimate
from the spelling says so without the dictionary (:func:`grade_ceiling`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..analyse.draft import Draft
from ..analyse.sentences import Sentence
from ..packs import Rule
from .generic import compiled_rule, source_text, suggestion_key, zone_sentences
from .registry import Hit, kind_detector

#: A word, for counting: a run of non-space characters with a letter or digit in it.
_WORD = re.compile(r"(?<!\S)(?=\S*?[^\W_])\S+")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Unit:
    """What a metric measures: a sentence, a paragraph or the whole scope."""

    zone: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]


@lru_cache(maxsize=4096)
def count_words(text: str) -> int:
    """Words of ``text``; a sentence is counted by several rules, so the count is kept."""
    return len(_WORD.findall(text))


def units(draft: Draft, rule: Rule, per: str) -> list[Unit]:
    """The sentences, the paragraphs (blocks between blank lines) or the whole of the rule's scope."""
    spans = draft.spans(rule.scope)
    if per == "sentence":
        return [
            Unit(zone, s.start, s.end, s.text, (s,))
            for zone, start, end in spans
            for s in zone_sentences(draft, zone, start, end)
        ]
    if per == "paragraph":
        found = []
        for zone, start, end in spans:
            sentences = zone_sentences(draft, zone, start, end)
            for _, first, last in paragraphs(draft, [(zone, start, end)]):
                inside = tuple(s for s in sentences if first <= s.start < last)
                found.append(Unit(zone, first, last, source_text(draft, zone)[first:last], inside))
        return found
    spans = [s for s in spans if s[0] != "subject"] or spans
    if not spans:
        return []
    sentences = tuple(s for zone, start, end in spans for s in zone_sentences(draft, zone, start, end))
    text = "\n\n".join(source_text(draft, zone)[start:end] for zone, start, end in spans)
    return [Unit(spans[0][0], spans[0][1], spans[-1][2], text, sentences)]


def paragraphs(draft: Draft, spans: list[tuple[str, int, int]]) -> Iterator[tuple[str, int, int]]:
    """(zone, start, end) of each run of non-blank lines in the spans (zone, start, end)."""
    for zone, start, end in spans:
        first = last = None
        position = start
        for line in source_text(draft, zone)[start:end].split("\n"):
            if line.strip():
                first = position if first is None else first
                last = position + len(line)
            elif first is not None:
                yield zone, first, last
                first = None
            position += len(line) + 1
        if first is not None:
            yield zone, first, last


def _prose(unit: Unit) -> list[str]:
    """Sentences of three words or more: list items and labels say little about reading ease."""
    return [s.text for s in unit.sentences if count_words(s.text) >= 3]


def _words_per_sentence(unit: Unit) -> float | None:
    counted = [count_words(s.text) for s in unit.sentences if count_words(s.text)]
    return sum(counted) / len(counted) if counted else None


def _flesch_kincaid(unit: Unit, syllables: Callable[[str], int]) -> float | None:
    """0.39·words/sentence + 11.8·syllables/word − 15.59 over the unit's prose.

    Numbers and codes count as words but have no syllables to count.
    """
    prose = _prose(unit)
    letters = _LETTER_WORD.findall(" ".join(prose))  # no word runs across the space
    if not letters:
        return None
    words = sum(count_words(s) for s in prose)
    return 0.39 * words / len(prose) + 11.8 * sum(map(syllables, letters)) / len(letters) - 15.59


@lru_cache(maxsize=65536)
def _textstat_syllables(word: str) -> int:
    import textstat  # its pronouncing dictionary loads on first use (about a second)

    return textstat.syllable_count(word)


def reading_grade(unit: Unit) -> float | None:
    """Flesch–Kincaid grade of the unit's prose: sentences ours (mail-aware), syllables
    textstat's (offline: the CMU pronouncing dictionary, else pyphen)."""
    return _flesch_kincaid(unit, _textstat_syllables)


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
#: Two vowels read as two syllables more often than as one: "via", "client", "period", "actual".
_TWO_VOWELS = re.compile(r"i[aou]|u[ao]|eo|ie(?!s?$)")
#: A consonant before "le": the e is heard ("table", "bottles").
_SYLLABIC_LE = re.compile(r"[^aeiouy]l(?:e|es|ed)$")
#: Endings read as one syllable more than their vowels show: "our", "hours", "require".
_SPOKEN_R = re.compile(r"(?:^h?our|ire)[sd]?$")
#: How far textstat's grade may lie above the estimate. On 20,000 stretches of 80 to 400
#: words of real mail (Enron and Apache mailing lists, the samples, tests/data), the estimate
#: was at most 1.22 grades below textstat's grade, and 2 above it on average: it leans high
#: on purpose, and the margin keeps half a grade more. About one trade reply in ten is graded.
GRADE_MARGIN = 1.8


@lru_cache(maxsize=65536)
def estimated_syllables(word: str) -> int:
    """Syllables of ``word`` from its spelling; rather too many than too few."""
    if word.isupper() and len(word) <= 5:
        return len(word) + 2 * word.count("W")  # "USA", "CEO": said letter by letter
    lower = word.lower().replace("’", "'")
    negated = lower.endswith("n't")  # "doesn't", "isn't"
    lower = lower.replace("'", "")
    groups = len(_VOWEL_GROUP.findall(lower))
    if not groups:
        return len(lower) + 2 * lower.count("w")  # "pcs", "html": said letter by letter
    if groups > 1 and not _SYLLABIC_LE.search(lower):
        if lower.endswith("e") and not lower.endswith(("ee", "ie", "ye", "ue")):
            groups -= 1  # a silent e: "make", "file"
        elif lower.endswith("ed") and not lower.endswith(("ted", "ded")) and lower[-3] not in "aeiouy":
            groups -= 1  # "used", "fixed"
        elif lower.endswith("es") and lower[-3] not in "sxzcghaeiouy":
            groups -= 1  # "files", "takes"
    groups += len(_TWO_VOWELS.findall(lower)) + bool(_SPOKEN_R.search(lower))
    if negated or (lower.endswith("ing") and len(lower) > 4 and lower[-4] in "aeiouy"):
        groups += 1  # "doing", "trying"
    return max(1, groups)


def grade_ceiling(unit: Unit) -> float | None:
    """A grade the unit's :func:`reading_grade` does not exceed, found without textstat."""
    estimate = _flesch_kincaid(unit, estimated_syllables)
    return None if estimate is None else estimate + GRADE_MARGIN


#: One function per name in packs.MEASURES (the pack loader validates names against that list).
MEASURE_FUNCTIONS: dict[str, Callable[[Unit], float | None]] = {
    "words": lambda unit: count_words(unit.text),
    "sentences": lambda unit: len(unit.sentences),
    "words-per-sentence": _words_per_sentence,
    "grade": reading_grade,
}
#: Cheap upper bounds of the costly measures: a unit below its maximum is not measured.
MEASURE_CEILINGS: dict[str, Callable[[Unit], float | None]] = {"grade": grade_ceiling}


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@kind_detector("metric")
def metric(draft: Draft, rule: Rule) -> Iterator[Hit]:
    for compiled in compiled_rule(rule).entries:
        entry = compiled.entry
        low, high = entry.get("min"), entry.get("max")
        ceiling = MEASURE_CEILINGS.get(entry["measure"]) if low is None else None
        for unit in units(draft, rule, entry["per"]):
            if count_words(unit.text) < entry.get("sample", 1):
                continue
            if any(p.search(unit.text) for p in compiled.unless):
                continue
            if ceiling is not None:
                bound = ceiling(unit)
                if bound is None or bound <= high:
                    continue  # surely within the maximum, or nothing to measure
            value = MEASURE_FUNCTIONS[entry["measure"]](unit)
            if value is None or not ((high is not None and value > high) or (low is not None and value < low)):
                continue
            yield Hit(
                unit.zone,
                unit.start,
                unit.end,
                message=entry.get("message", "default"),
                args={"value": _shown(value), "min": "" if low is None else low, "max": "" if high is None else high},
                suggestion=suggestion_key(rule, entry),
            )
