"""A mail body as lines with offsets, quote depth and a normalised form for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Bodies that were never decoded from quoted-printable keep "=09" (tab) and "=20"
# (space); Lotus Notes headers are indented with them. Matching treats them as spaces.
_QP_SPACE = re.compile(r"=(?:09|20)")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


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
        content = _SPACES.sub(" ", _QP_SPACE.sub(" ", body)).strip()
        lines.append(Line(index, pos, pos + len(raw), depth, body, content, not raw.strip()))
        pos += len(raw) + 1
    return _unescape_mbox_from(lines)


def _unescape_mbox_from(lines: list[Line]) -> list[Line]:
    """mbox files escape a body line starting with "From " as ">From "; that is not a quote."""
    fixed = list(lines)
    for i, line in enumerate(lines):
        if line.depth != 1 or not line.body.startswith("From "):
            continue
        before = lines[i - 1].depth if i > 0 else 0
        after = lines[i + 1].depth if i + 1 < len(lines) else 0
        if before == 0 and after == 0:
            raw_body = ">" + line.body
            fixed[i] = Line(line.index, line.start, line.end, 0, raw_body, ">" + line.content, False)
    return fixed


def next_nonblank(lines: list[Line], i: int, stop: int, limit: int) -> int | None:
    """Index of the first non-blank line in lines[i:stop] within ``limit`` lines, else None."""
    for j in range(i, min(stop, i + limit)):
        if not lines[j].blank:
            return j
    return None
