"""Which patterns cannot match a draft: the cheap test before a regex search.

Most entries of a word list match nothing in a given draft, and a regex search
walks the whole text to find that out; looking up the pattern's needles
(needles.py) is far cheaper. :class:`Haystack` is the text they are looked up
in, made once a draft for each scope by :func:`haystack`; :class:`NeedleIndex`
picks the items a draft may match; :class:`Alternatives` joins a list of
patterns into one, and leaves out those a draft cannot match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, TypeVar

from ..analyse.draft import Draft, memoized
from .needles import COMMON, Needle, needles, whole_word

_WORD = re.compile(r"\w+")
#: The letters outside ASCII that the re module, ignoring case, takes for ASCII ones.
_ASCII_LOOKALIKES = {0x130: "i", 0x131: "i", 0x212A: "k", 0x17F: "s"}
T = TypeVar("T")


def fold(text: str) -> str:
    """``text`` in lower case, with the letters the re module takes for ASCII ones made ASCII.

    An ASCII string a pattern matches without case is then in the folded text as it is in
    lower case. The length and what is a word character stay as they were.
    """
    if not text.isascii() and any(chr(c) in text for c in _ASCII_LOOKALIKES):
        text = text.translate(_ASCII_LOOKALIKES)
    return text.lower()


class Haystack:
    """A text folded for needles: lower case, runs of white space as one space, and its words.

    Folding keeps every character a word character or not, so word edges stay where they were.
    """

    def __init__(self, text: str):
        self.text = " ".join(fold(text).split())
        self.words = frozenset(_WORD.findall(self.text))

    def has(self, needle: Needle) -> bool:
        return needle.text in self.words if needle.word else needle.text in self.text


class NeedleIndex(Generic[T]):
    """Items (patterns, entries) by their needles, to pick the ones a text may match at once.

    Whole-word needles are looked up with one set intersection. Others are searched in the
    text; one that has a whole word in it ("with regard to") only when that word is there.
    """

    def __init__(self, items: Iterable[tuple[T, frozenset[Needle] | None]]):
        self.items: list[T] = []
        self._always: list[int] = []  # items without needles
        self._by_word: dict[str, list[int]] = defaultdict(list)
        by_text: dict[str, list[int]] = defaultdict(list)
        for index, (item, found) in enumerate(items):
            self.items.append(item)
            if found is None:
                self._always.append(index)
            for needle in found or ():
                if needle.word:
                    self._by_word[needle.text].append(index)
                else:
                    by_text[needle].append(index)
        self._words = frozenset(self._by_word)
        self._unkeyed: list[tuple[str, list[int]]] = []  # searched in every text
        self._by_key: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
        for needle, indexes in by_text.items():
            whole = _whole_words(needle)
            if whole:  # the rarest: a word few mails have, the longest
                self._by_key[max(whole, key=lambda w: (w not in COMMON, len(w)))].append((needle.text, indexes))
            else:
                self._unkeyed.append((needle.text, indexes))
        self._keys = frozenset(self._by_key)

    def within(self, haystack: Haystack) -> list[T]:
        """The items a text inside ``haystack`` may match, in their order."""
        chosen = set(self._always)
        for word in self._words.intersection(haystack.words):
            chosen.update(self._by_word[word])
        for key in self._keys.intersection(haystack.words):
            chosen.update(i for text, indexes in self._by_key[key] if text in haystack.text for i in indexes)
        chosen.update(i for text, indexes in self._unkeyed if text in haystack.text for i in indexes)
        return [self.items[i] for i in sorted(chosen)]


def _whole_words(needle: Needle) -> frozenset[str]:
    """The words of a needle that are whole words wherever it stands: those with a character
    of it on both sides, and all of them when it is bounded."""
    text = needle.text
    return frozenset(
        w.group() for w in _WORD.finditer(text) if needle.bounded or (0 < w.start() and w.end() < len(text))
    )


@memoized
def _haystacks(draft: Draft) -> dict[tuple[str, ...], Haystack]:
    return {}


def haystack(draft: Draft, scope: tuple[str, ...]) -> Haystack:
    """The text of the draft's spans of ``scope`` (draft.spans), made once a draft for every scope."""
    made = _haystacks(draft)
    if scope not in made:
        spans = draft.spans(scope)
        made[scope] = Haystack("\n".join((draft.subject if z == "subject" else draft.text)[s:e] for z, s, e in spans))
    return made[scope]


@memoized
def buyer_haystack(draft: Draft) -> Haystack:
    """The buyer's newest message and its subject: the subject on both sides, so that the
    haystack holds the message alone and either of them joined to the other by a line break."""
    subject = draft.buyer.subject or ""
    return Haystack("\n".join((subject, draft.buyer.text or "", subject)))


class Alternatives:
    """Regular expressions searched as one, ``(?:a)|(?:b)|…``, case ignored."""

    def __init__(self, patterns: Iterable[str]):
        patterns = tuple(patterns)
        self.pattern = _joined(patterns)
        compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
        self._index = NeedleIndex((p.pattern, needles(p)) for p in compiled)
        self._words = {p.pattern for p in compiled if whole_word(p)}

    def within(self, haystack: Haystack) -> re.Pattern[str] | None:
        """The alternatives a text inside ``haystack`` may match, joined; None when it can match none.

        Their order is kept, so a match is the one the whole alternation finds.
        """
        kept = tuple(self._index.within(haystack))
        return _joined(kept) if kept else None

    def found(self, haystack: Haystack, text: str) -> bool:
        """Whether one of the patterns matches ``text``, the text ``haystack`` was made of.

        A pattern that is one word and nothing more ("\\bpayment\\b") matches where its
        needle is, so no search is needed when one of them is kept.
        """
        kept = self._index.within(haystack)
        if any(p in self._words for p in kept):
            return True
        return bool(kept) and _joined(tuple(kept)).search(text) is not None


@lru_cache(maxsize=512)
def _joined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=64)
def alternatives(patterns: tuple[str, ...]) -> Alternatives:
    """The :class:`Alternatives` of a rule option's list of patterns, made once a process."""
    return Alternatives(patterns)


def possible(pattern: re.Pattern[str], haystack: Haystack) -> bool:
    """False when no text inside ``haystack`` can match ``pattern``."""
    found = _needles_of(pattern)
    return found is None or any(map(haystack.has, found))


@lru_cache(maxsize=256)
def _needles_of(pattern: re.Pattern[str]) -> frozenset[Needle] | None:
    return needles(pattern)
