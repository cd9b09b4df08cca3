"""Where quoted material is, and the quoted messages it holds.

A quote header ("On … wrote:", "-----Original Message-----", …) starts an
earlier message, and everything from it on is quoted. A ">" block without a
header is an excerpt: when the writer answers between excerpts, the answers
are the writer's text, until the first header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailcheck.model import Quoted
from mailcheck.split.headers import HeaderSpan, match_header, parse_quote_header
from mailcheck.split.lines import Line

_EMAIL_OR_TIME = re.compile(r"@|\d{1,2}:\d{2}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")


@dataclass(frozen=True)
class Layout:
    """Which lines the writer wrote and which quoted blocks surround them."""

    writer: list[int]  # indices of the writer's lines, in order
    blocks: list[tuple[int, int | None, int]]  # (first line, header's last line or None, last line)


def layout(lines: list[Line]) -> Layout:
    start, headers = _locate(lines)
    if start is None:
        return Layout(list(range(len(lines))), [])
    stop = headers[0].first if headers else len(lines)
    writer = list(range(start))
    blocks: list[tuple[int, int | None, int]] = []
    if start < stop:  # ">" excerpts before any header, perhaps answered in between
        excerpts, answers = _excerpts_and_answers(lines, start, stop)
        if answers:
            writer += answers
            blocks += [(first, None, last) for first, last in excerpts]
        else:
            blocks.append((start, None, _last_content(lines, start, stop - 1)))
    for k, header in enumerate(headers):
        end = headers[k + 1].first - 1 if k + 1 < len(headers) else len(lines) - 1
        blocks.append((header.first, header.last, _last_content(lines, header.first, end)))
    return Layout(writer, blocks)


def _locate(lines: list[Line]) -> tuple[int | None, list[HeaderSpan]]:
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


def _excerpts_and_answers(lines: list[Line], start: int, stop: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Split ``lines[start:stop]`` into ">" blocks and the unquoted paragraphs between and after them."""
    excerpts: list[tuple[int, int]] = []
    answers: list[int] = []
    in_excerpt = False
    for i in range(start, stop):
        line = lines[i]
        if line.depth > 0 or i == start or in_excerpt and not line.blank and _wrapped(lines[i - 1]):
            if in_excerpt and excerpts:
                excerpts[-1] = (excerpts[-1][0], i)
            else:
                excerpts.append((i, i))
            in_excerpt = True
        elif not line.blank:
            answers.append(i)
            in_excerpt = False
    return excerpts, answers


def _wrapped(above: Line) -> bool:
    """Whether the unquoted line under ``above`` continues it: a long quoted line the mail
    program wrapped mid-sentence, rather than a question the writer answers right below."""
    return above.depth > 0 and len(above.content) >= 50 and not above.content.endswith((".", "?", "!", ":", ";", ")"))


def _last_content(lines: list[Line], first: int, last: int) -> int:
    while last > first and lines[last].empty:
        last -= 1
    return last


def quoted_messages(text: str, lines: list[Line], blocks: list[tuple[int, int | None, int]]) -> list[Quoted]:
    """One Quoted per block, newest first."""
    messages = []
    for first, header_last, last in blocks:
        if header_last is None:
            sender = date = subject = None
            body = lines[first : last + 1]
        else:
            sender, date, subject = parse_quote_header(text[lines[first].start : lines[header_last].end])
            body = lines[header_last + 1 : last + 1]
        while body and body[0].blank:
            body = body[1:]
        while body and body[-1].blank:
            body = body[:-1]
        messages.append(
            Quoted(
                sender=sender,
                date=date,
                subject=subject,
                text="\n".join(line.body.rstrip() for line in body),
                start=lines[first].start,
                end=lines[last].end,
            )
        )
    return messages
