"""Sentences with their offsets, found by rules (no spaCy).

Mail text is wrapped at ~72 columns, written in lists, and by writers who
leave out the space after a full stop ("produce.If"). A sentence ends at
. ! ? (not after an abbreviation, inside a number, a URL or an address), at a
blank line, before a list item, and after a line ending in punctuation or a
colon. Lines wrapped mid-sentence are joined. The statistical pipeline is then
run only on the sentences an analysis needs (see nlp.docs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft, memoized
from .lists import LIST_ITEM

#: Words after which a full stop never ends the sentence: a name or number follows.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof eng engr ing dott st no nos nr jr sr vs approx appr min max avg e.g i.e eg ie ca fig dept "
    "tel fax mob ref attn jan feb mar apr jun jul aug sep sept oct nov dec int'l incl excl abt".split()
)
#: Abbreviations that often end a sentence too: they end it when a capital follows.
_FINAL_ABBREVIATIONS = frozenset("etc co ltd inc corp est u.s u.k a.m p.m qty art vol".split())
# End punctuation followed by space (or by a capital, the missing-space habit),
# Chinese full-width ends included.
_END = re.compile(r"([.!?。！？]+)[\"')\]]*(?=\s|$|[A-Z][a-z])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    zone: str

    @property
    def is_question(self) -> bool:
        return self.text.rstrip().endswith(("?", "？"))


# The word before a full stop and the character before that word. Searched in a window before the
# mark, not in the whole line: a long line has many full stops.
_WORD_BEFORE = re.compile(r"(^|.)([\w.'’]+)$")
_ADDRESS_BEFORE = re.compile(r"(?:www|https?://\S*|@\S*|\.\w+)$")
_WINDOW = 200


def _ends_sentence(text: str, match: re.Match[str], since: int) -> bool:
    """Whether the punctuation of ``match`` really ends a sentence begun at ``since`` in ``text``."""
    mark_start = match.start(1)
    if match.group(1) == ".":
        window = max(0, mark_start - _WINDOW)
        word = _WORD_BEFORE.search(text, window, mark_start)
        token = word.group(2).lower() if word else ""
        before = word.group(1) if word else ""
        if token.rstrip(".") in _ABBREVIATIONS:
            return False
        # An initial ("J. Smith"), not the end of "B/L." or "-20 °C.".
        if len(token) == 1 and "a" <= token <= "z" and before in ("", " ", "\t"):
            return False
        # A list number ("1. Price: …") opening the sentence.
        if token.isdigit() and not text[since : word.start(2)].strip():
            return False
        if token.rstrip(".") in _FINAL_ABBREVIATIONS and not text[match.end() :].lstrip()[:1].isupper():
            return False
        following = text[match.end() : match.end() + 1]
        if following and not following.isspace():
            # "produce.If" ends a sentence; "www.abc.com" and "v1.2" do not.
            if _ADDRESS_BEFORE.search(text, window, mark_start) or len(token) < 2:
                return False
    return True


def split_sentences(text: str, offset: int = 0, zone: str = "body") -> list[Sentence]:
    """Sentences of ``text``; offsets are shifted by ``offset`` (the text's place in the draft)."""
    sentences: list[Sentence] = []
    start: int | None = None

    def close(end: int) -> None:
        nonlocal start
        if start is not None:
            chunk = text[start:end]
            stripped = chunk.rstrip()
            if stripped.strip():
                lead = len(chunk) - len(chunk.lstrip())
                sentences.append(Sentence(offset + start + lead, offset + start + len(stripped), stripped.strip(), zone))
        start = None

    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            close(line_start)
            continue
        indent = len(line) - len(line.lstrip())
        item = LIST_ITEM.match(line)
        if item and line[item.end() - 1].isspace():  # "1. Price…"; a line "16." may go on "…April"
            close(line_start)
        if start is None:
            start = line_start + indent
        # A marker alone on a line that begins a sentence ("1." above the item's text) numbers the line below.
        marker_line = item is not None and not line[item.end() :].strip() and start == line_start + indent
        cursor = 0
        for match in _END.finditer(line):
            since = max(cursor, start - line_start if start is not None else 0, 0)
            if match.end() <= cursor or not _ends_sentence(line, match, since):
                continue
            close(line_start + match.end())
            rest = line[match.end() :]
            if rest.strip():
                start = line_start + match.end() + len(rest) - len(rest.lstrip())
            cursor = match.end()
        stripped = line.rstrip()
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if start is not None and not marker_line and (stripped.endswith((":", "：", ";")) or _short_line(stripped, next_line)):
            close(line_start + len(stripped))
    close(len(text))
    return sentences


def _short_line(line: str, next_line: str) -> bool:
    """A short line followed by a capitalised one is its own unit ("Price list", "Dear Anna,")."""
    return len(line) < 40 and bool(next_line.strip()) and next_line.lstrip()[:1].isupper() and not line.endswith(",")


@memoized
def reply_sentences(draft: Draft) -> list[Sentence]:
    """Sentences of the writer's greeting, body and closing (never the quote or signature)."""
    result = []
    for zone in draft.split.zones:
        if zone.kind in ("greeting", "body", "closing"):
            result.extend(split_sentences(draft.text[zone.start : zone.end], zone.start, zone.kind))
    return result
