"""A mail body as lines with offsets, quote depth and a normalised form for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Bodies that were never decoded from quoted-printable keep "=09" (tab) and "=20"
# (space); Lotus Notes headers are indented with them. Matching treats them as spaces.
_QP_SPACE = re.compile(r"=(?:09|20)")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# ">500 pcs", ">= 2000 pcs" (price tiers) and mbox's escaped ">From " are not quote markers.
_FALSE_MARKER = re.compile(r"[ \t]*>(?:=\s?)?\d|[ \t]*>From ")


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the first character in the text
    end: int  # offset just past the last character (the newline excluded)
    depth: int  # number of ">" quote markers
    body: str  # the line without its quote markers
    content: str  # body stripped, runs of whitespace collapsed; "" for blank lines
    empty: bool  # nothing but whitespace, not even a quote marker

    @property
    def blank(self) -> bool:
        return not self.content


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        marker = _MARKERS.match(raw)
        depth = marker.group(1).count(">") if marker else 0
        body = raw[marker.end() :] if marker else raw
        content = _normalise(body)
        lines.append(Line(index, pos, pos + len(raw), depth, body, content, not raw.strip()))
        pos += len(raw) + 1
    return _unquote_false_markers(text, lines)


def _unquote_false_markers(text: str, lines: list[Line]) -> list[Line]:
    """Take back ">" markers that do not quote: a run of ">" lines made only of price tiers
    (">500 pcs: USD 3.20") and mbox escapes (">From next month …") is text."""
    fixed = list(lines)
    i = 0
    while i < len(lines):
        if lines[i].depth == 0:
            i += 1
            continue
        run_end = i
        while run_end + 1 < len(lines) and lines[run_end + 1].depth > 0:
            run_end += 1
        run = lines[i : run_end + 1]
        if all(_FALSE_MARKER.match(text, line.start, line.end) for line in run):
            for line in run:
                raw = text[line.start : line.end]
                fixed[line.index] = Line(line.index, line.start, line.end, 0, raw, _normalise(raw), False)
        i = run_end + 1
    return fixed


def _normalise(body: str) -> str:
    return _SPACES.sub(" ", _QP_SPACE.sub(" ", body)).strip()


def next_nonblank(lines: list[Line], i: int, stop: int, limit: int) -> int | None:
    """Index of the first non-blank line in lines[i:stop] within ``limit`` lines, else None."""
    for j in range(i, min(stop, i + limit)):
        if not lines[j].blank:
            return j
    return None
