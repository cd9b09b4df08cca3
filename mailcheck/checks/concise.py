"""PRO-CONCISE-REPEAT: the same phrase again and again in one paragraph.

Seed 000's rambling paragraph says "international couriers" four times in
45 words; its rewrite says "delivery cost" once. Wordy phrases and clichés are
data (rules/concise.toml); a repetition needs counting, so it is code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..analyse.draft import Draft
from ..analyse.terms import is_content, normal
from ..packs import Rule
from ..vocabulary import trade_acronyms
from .generic import source_text
from .metric import paragraphs
from .registry import Hit, detector

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: A line at least this long that breaks before the next word was wrapped, not ended.
_WRAPPED_LINE = 40


@dataclass(frozen=True)
class _Place:
    index: int  # the phrase's first word is the index-th word of the paragraph
    start: int
    end: int
    name: bool  # both words capitalised: "Steve Venturatos", "Day Ahead"
    quantity: bool  # a number before it: "0.9 million barrels"


def _joined(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Two words of one phrase: only spaces between them, or the line break of wrapped prose.

    Words on the lines of a list ("Size\nColour\nPrice") are not a phrase.
    """
    gap = text[first.end() : second.start()]
    if not gap.isspace() or gap.count("\n") > 1:
        return False
    return "\n" not in gap or first.end() - (text.rfind("\n", 0, first.start()) + 1) >= _WRAPPED_LINE


def _number_before(text: str, end: int) -> bool:
    """``text[:end]`` ends in a figure, perhaps with spaces after it: "0.9 ", "1,200"."""
    figure_end = end
    while figure_end and text[figure_end - 1].isspace():
        figure_end -= 1
    start = figure_end
    while start and (text[start - 1].isdecimal() or text[start - 1] in ",."):
        start -= 1
    return any(c.isdecimal() for c in text[start:figure_end])


@lru_cache(maxsize=16384)
def _ordinary(word: str) -> bool:
    """A word a rambling phrase is made of: it says something, and is no trade term or code.

    "USD 2.10/pc FOB Xiamen" on every line of a price list is not rambling.
    """
    return not word.isupper() and word.upper() not in trade_acronyms() and word.lower() != "per" and is_content(word)


def _places(text: str, least: int) -> list[list[_Place]]:
    """The places of each two-word phrase of ordinary words that ``text`` says ``least`` times or more."""
    words = list(_WORD.finditer(text))
    ordinary = [_ordinary(w.group()) for w in words]
    phrases: dict[tuple[str, str], list[int]] = defaultdict(list)  # by the normal forms of the words
    for index, (first, second) in enumerate(zip(words, words[1:])):
        if ordinary[index] and ordinary[index + 1] and _joined(text, first, second):
            phrases[(normal(first.group()), normal(second.group()))].append(index)
    return [[_place(text, words, i) for i in indexes] for indexes in phrases.values() if len(indexes) >= least]


def _place(text: str, words: list[re.Match[str]], index: int) -> _Place:
    first, second = words[index], words[index + 1]
    return _Place(
        index,
        first.start(),
        second.end(),
        name=first.group()[0].isupper() and second.group()[0].isupper(),
        quantity=_number_before(text, first.start()),
    )


@detector("PRO-CONCISE-REPEAT")
def repeated_phrase(draft: Draft, rule: Rule) -> Iterator[Hit]:
    repeats, window = rule.options["min-repeats"], rule.options["within-words"]
    for zone, start, end in paragraphs(draft, draft.spans(rule.scope)):
        text = source_text(draft, zone)[start:end]
        for places in _places(text, repeats):
            # Names and measured quantities recur by nature; so does a term through a long
            # paragraph. Rambling says the same words again and again within a few lines.
            if all(p.name for p in places) or sum(p.quantity for p in places) > 1:
                continue
            close = any(places[i + repeats - 1].index - places[i].index <= window for i in range(len(places) - repeats + 1))
            if close:
                second = places[1]
                yield Hit(
                    zone,
                    start + second.start,
                    start + second.end,
                    args={"phrase": " ".join(text[second.start : second.end].split()), "count": len(places)},
                    suggestion="default",
                )
