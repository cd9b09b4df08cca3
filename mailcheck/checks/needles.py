"""Needles: strings a regular expression cannot match without.

A match of ``(?<!\\w)revert\\w*\\s+back`` cannot exist in a text without "revert" in
it. :func:`needles` reads such strings out of a compiled pattern, from its syntax
tree (the standard library's own parser), so they are exact: a text that has none
of them has no match. Where the tree says nothing certain (optional parts, classes,
letters with a case outside ASCII, a Python whose parser looks different) there are
no needles. prefilter.py looks them up in drafts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

try:  # The re module's parser: public as sre_parse up to Python 3.10, private from 3.11 on.
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)  # (?>…), from Python 3.11
_GROUPS = {_sre.SUBPATTERN, _sre.BRANCH, _ATOMIC}
#: Anchors after which the next character starts a word or the text: ^, \A, \b.
_STARTS = {_sre.AT_BEGINNING, _sre.AT_BEGINNING_LINE, _sre.AT_BEGINNING_STRING, _sre.AT_BOUNDARY}
#: Anchors before which the last character ends a word or the text: $, \Z, \b.
_ENDS = {_sre.AT_END, _sre.AT_END_LINE, _sre.AT_END_STRING, _sre.AT_BOUNDARY}
_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"\w+")
#: A run of small classes ("don['’]t") is one needle while it has no more spellings than this.
_MOST_SPELLINGS = 16
#: Words too common in mail to tell one draft from another ("Best regards" closes them all).
COMMON = frozenset(
    "a an and are as at be best by can dear do for from have hi i if in is it kind me my not of on or our "
    "please regards so thank thanks that the this to us we will with you your".split()
)


@dataclass(frozen=True)
class Needle:
    """A string every match contains: words with single spaces between them, in lower case.

    ``word``: it is one whole word of the text ("u" in "Can u send", not in "you").
    ``bounded``: it starts and ends at word edges, so its words are whole words ("unable to").
    """

    text: str
    word: bool
    bounded: bool = False


def needles(pattern: re.Pattern[str]) -> frozenset[Needle] | None:
    """Needles of which every match of ``pattern`` contains at least one; None if none are certain."""
    try:
        found = _required(list(_sre_parse.parse(pattern.pattern, pattern.flags)), False, False)
    except Exception:  # an unforeseen tree must cost speed, never a match
        return None
    return frozenset(found) if found else None


def whole_word(pattern: re.Pattern[str]) -> bool:
    """The pattern is one word between word edges and nothing more: "\\bpayment\\b"."""
    try:
        items = list(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # as in needles()
        return False
    if len(items) < 3:
        return False
    (first_op, first), *middle, (last_op, last) = items
    return (
        _zero_width(first_op)
        and _ends_word((first_op, first))
        and _zero_width(last_op)
        and _starts_word((last_op, last))
        and all(op is _sre.LITERAL and _as_written(v) and _WORD_CHAR.match(chr(v)) for op, v in middle)
    )


def _required(items: Sequence[tuple[Any, Any]], left: bool, right: bool) -> set[Needle] | None:
    """Needles one of which every match of the sequence ``items`` contains, or None.

    ``left``/``right``: the character before/after the sequence is no word character (or
    the text's edge), so literal words at its ends are whole words.
    """
    candidates: list[set[Needle] | None] = []
    # Characters in a row, each a literal or a small class: the spellings of the run ("don't",
    # "don’t"), \s+ as one space. run_left: the run starts a word.
    run: list[str] = []
    run_left = False
    for index, (op, value) in enumerate(items):
        spellings, ends_run = _spellings(op, value)
        if spellings and len(run) * len(spellings) > _MOST_SPELLINGS:
            candidates.append(_from_run(run, run_left, False))  # too many spellings: a new run
            run = []
        if spellings:
            if not run:
                run_left = _edge_before(items, index, left)
            run = [s + t for s in run or [""] for t in spellings]
            if ends_run:  # a repeat that may be longer: what follows is not next to it
                candidates.append(_from_run(run, run_left, False))
                run = []
            continue
        if run and _is_space(op, value):
            run = [s if s.endswith(" ") else s + " " for s in run]  # white space: one space in a Haystack
            continue
        if run:
            candidates.append(_from_run(run, run_left, _edge_after(items, index - 1, right)))
            run = []
        if op in _GROUPS:
            before, after = _edge_before(items, index, left), _edge_after(items, index, right)
            if op is _sre.BRANCH:
                branches = [_required(branch, before, after) for branch in value[1]]
                candidates.append(None if None in branches else set().union(*branches))
            else:
                candidates.append(_required(value if op is _ATOMIC else value[-1], before, after))
        elif op in _REPEATS and value[0] >= 1:  # (min, max, item): the item at least once
            candidates.append(_required(value[2], False, False))
        # Anything else (classes, assertions, optional parts) requires no literal text.
    if run:
        candidates.append(_from_run(run, run_left, right))
    certain = [c for c in candidates if c]
    return min(certain, key=_chance, default=None)


def _as_written(code: int) -> bool:
    """A character a match holds as the pattern has it, in the folded text: not white space,
    and ASCII or without case (Chinese: "付款"). Ignoring case, the re module pairs the
    letters of other scripts with more than their lower case."""
    char = chr(code)
    return not char.isspace() and (code < 128 or char.lower() == char == char.upper() == char.casefold())


def _spellings(op: Any, value: Any) -> tuple[list[str], bool]:
    """(the strings the item may match, whether more of it may follow) for a literal, a class
    of a few literals ("['’]"), alternatives of such ("(?:ying|ies|ied|y)"), or one of them
    repeated ("[!！]{2,}"); ([], False) for any other item or too many strings."""
    if op is _sre.LITERAL:
        return ([chr(value)] if _as_written(value) else []), False
    if op is _sre.IN:
        literal = len(value) <= 4 and all(kind is _sre.LITERAL and _as_written(v) for kind, v in value)
        return ([chr(v) for _, v in value] if literal else []), False
    if op is _sre.BRANCH or op is _sre.SUBPATTERN:  # alternatives, or a group ("(?P<hit>send)")
        found: list[str] = []
        for branch in value[1] if op is _sre.BRANCH else [value[-1]]:
            strings = [""]
            for item in branch:
                more, longer = _spellings(*item)
                if not more or longer or len(strings) * len(more) > _MOST_SPELLINGS:
                    return [], False
                strings = [s + t for s in strings for t in more]
            found += strings
        return (found if len(found) <= _MOST_SPELLINGS else []), False
    if op in _REPEATS and value[0] >= 1 and len(value[2]) == 1:
        once, longer = _spellings(*value[2][0])
        strings = [""]
        for _ in range(min(value[0], 3)):
            strings = [s + t for s in strings for t in once]
        fits = once and not longer and len(strings) <= _MOST_SPELLINGS
        return (strings if fits else []), value[0] != value[1] or value[0] > 3
    return [], False


def _from_run(run: list[str], left: bool, right: bool) -> set[Needle] | None:
    """The needles of a run: for each spelling, the best of the run itself and its whole words."""
    found = set()
    for spelling in run:
        needle = _needle(spelling, left, right)
        if needle is None:
            return None
        found.add(needle)
    return found


def _needle(run: str, left: bool, right: bool) -> Needle | None:
    right = right or run.endswith(" ")
    run = run.strip().lower()
    if not _WORD_CHAR.search(run):
        return Needle(run, False) if len(run) > 1 else None  # "!!" is worth looking up, "?" is not
    if " " in run:
        return Needle(run, False, left and right)
    words = list(_WORD.finditer(run))
    whole = [Needle(w.group(), True) for w in words if (w.start() > 0 or left) and (w.end() < len(run) or right)]
    # The whole run ("don't") may be rarer than its longest word ("don").
    return min([*whole, Needle(run, False, left and right)], key=lambda n: _chance({n}))


def _chance(candidate: set[Needle]) -> tuple[float, int]:
    """A rough chance that a mail holds one of the needles (the best candidate has the least),
    then their number. Words every mail has ("your", "if you") are no help at all; a longer
    needle is rarer, and a whole word rarer than the same letters anywhere ("able")."""
    chance = 0.0
    for needle in candidate:
        common = set(_WORD.findall(needle.text)) <= COMMON
        chance += 1.0 if common else 0.5 ** (len(needle.text) - (1 if needle.word or needle.bounded else 2))
    return chance, len(candidate)


def _is_space(op: Any, value: Any) -> bool:
    """White space and only white space, at least one character: " ", "\\n", "\\s", "\\s+"."""
    if op is _sre.LITERAL:
        return chr(value).isspace()
    if op is _sre.IN:
        return value == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]
    return op in _REPEATS and value[0] >= 1 and all(_is_space(*item) for item in value[2])


def _no_word_char(op: Any, value: Any) -> bool:
    """The item consumes characters, and none of them is a word character."""
    if op is _sre.LITERAL:
        return not _WORD_CHAR.match(chr(value))
    if op is _sre.IN:
        return all(
            (kind is _sre.LITERAL and not _WORD_CHAR.match(chr(v)))
            or (kind is _sre.CATEGORY and v is _sre.CATEGORY_SPACE)
            for kind, v in value
        )
    if op in _REPEATS and value[0] >= 1:
        return all(_no_word_char(*item) for item in value[2])
    return False


def _not_word_assertion(value: Any, direction: int) -> bool:
    """``(?<!\\w)`` (direction -1) or ``(?!\\w)`` (1), or the same with more characters in the class."""
    look, body = value
    body = list(body)
    return (
        look == direction
        and len(body) == 1
        and body[0][0] is _sre.IN
        and (_sre.CATEGORY, _sre.CATEGORY_WORD) in body[0][1]
        and (_sre.NEGATE, None) not in body[0][1]
    )


def _edge_before(items: Sequence[tuple[Any, Any]], index: int, left: bool) -> bool:
    """The character before ``items[index]`` is no word character, or the text's edge.

    Assertions take no characters, and an optional part that ends in no word character
    ("(?:the\\s+)?") leaves the question to what stands before it.
    """
    for op, value in reversed(items[:index]):
        if _ends_word((op, value)):
            return True
        if not (_zero_width(op) or (_optional(op, value) and _no_word_char(*value[2][-1]))):
            return False
    return left


def _edge_after(items: Sequence[tuple[Any, Any]], index: int, right: bool) -> bool:
    """The character after ``items[index]`` is no word character, or the text's edge."""
    for op, value in items[index + 1 :]:
        if _starts_word((op, value)):
            return True
        if not (_zero_width(op) or (_optional(op, value) and _no_word_char(*value[2][0]))):
            return False
    return right


def _zero_width(op: Any) -> bool:
    return op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


def _optional(op: Any, value: Any) -> bool:
    return op in _REPEATS and value[0] == 0 and len(value[2]) > 0


def _ends_word(item: tuple[Any, Any]) -> bool:
    """After this item, a word starts afresh: it ends in no word character, or asserts so."""
    op, value = item
    if op is _sre.AT:
        return value in _STARTS
    if op is _sre.ASSERT_NOT:
        return _not_word_assertion(value, -1)
    return _no_word_char(op, value)


def _starts_word(item: tuple[Any, Any]) -> bool:
    """Before this item, a word ends: it starts with no word character, or asserts so."""
    op, value = item
    if op is _sre.AT:
        return value in _ENDS
    if op is _sre.ASSERT_NOT:
        return _not_word_assertion(value, 1)
    return _no_word_char(op, value)
