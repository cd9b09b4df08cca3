"""Where quoted material starts, and the quoted messages it holds."""

from __future__ import annotations

import re

from mailcheck.model import Quoted
from mailcheck.split.headers import HeaderSpan, match_header, parse_quote_header
from mailcheck.split.lines import Line

_EMAIL_OR_TIME = re.compile(r"@|\d{1,2}:\d{2}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")


def locate_quotes(lines: list[Line]) -> tuple[int | None, list[HeaderSpan]]:
    """The line where quoted material begins (None if there is none) and every quote header."""
    start: int | None = None
    headers: list[HeaderSpan] = []
    floor = 0
    i = 0
    while i < len(lines):
        if start is None and lines[i].depth > 0:
            start = _introducing_line(lines, i)
        span = match_header(lines, i, floor)
        if span:
            if start is None:
                start = span.first
            headers.append(span)
            floor = i = span.last + 1
            continue
        i += 1
    return start, headers


def _introducing_line(lines: list[Line], i: int) -> int:
    """Include an unrecognised attribution such as "Jane <jane@example.com>:" above a ">" block."""
    for j in (i - 1, i - 2):
        if j < 0:
            break
        line = lines[j]
        if line.blank:
            continue
        content = line.content
        introduces = content.endswith((":", "：")) and len(content) <= 200 and _EMAIL_OR_TIME.search(content)
        return j if line.depth == 0 and introduces else i
    return i


def quoted_messages(text: str, lines: list[Line], start: int, headers: list[HeaderSpan]) -> list[tuple[Quoted, int, int]]:
    """Each quoted message, newest first, with the indices of its first and last non-blank lines."""
    # A ">" block may come before any recognised header: it is a message of unknown origin.
    blocks: list[tuple[int, int | None]] = []
    if not headers or headers[0].first > start:
        blocks.append((start, None))
    blocks.extend((h.first, h.last) for h in headers)
    messages = []
    for k, (first, header_last) in enumerate(blocks):
        last = blocks[k + 1][0] - 1 if k + 1 < len(blocks) else len(lines) - 1
        while last > first and lines[last].empty:
            last -= 1
        if header_last is None:
            sender = date = subject = None
            body_from = first
        else:
            sender, date, subject = parse_quote_header(text[lines[first].start : lines[header_last].end])
            body_from = header_last + 1
        body = lines[body_from : last + 1]
        while body and body[0].blank:
            body = body[1:]
        while body and body[-1].blank:
            body = body[:-1]
        quoted = Quoted(
            sender=sender,
            date=date,
            subject=subject,
            text="\n".join(line.body.rstrip() for line in body),
            start=lines[first].start,
            end=lines[last].end,
        )
        messages.append((quoted, first, last))
    return messages
