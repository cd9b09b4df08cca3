"""Plain-text drafts (.txt, .md, strings), optionally topped by header lines.

A draft may start with a few header lines and a blank line::

    Subject: Re: Quotation for LED panel lights
    To: Tom Baker <tom@brightbuild.co.uk>

    Dear Tom,
    ...

They count as headers only when every line above the first blank line is a
known header, each named once, starting on the first line. A draft that opens
with a quoted "From: ... Sent: ..." block is left alone: "Sent" is no header
name here, and a quote header block is rarely followed directly by a blank line.
"""

from __future__ import annotations

import re

from ..model import Message, Source
from .decoding import newline_of, unix_newlines
from .headers import parse_date, split_addresses

_FIELDS = {
    "subject": "subject", "主题": "subject",
    "from": "sender", "发件人": "sender",
    "to": "to", "收件人": "to",
    "cc": "cc", "抄送": "cc",
    "date": "date", "日期": "date",
}  # fmt: skip
_HEADER = re.compile(r"^(subject|from|to|cc|date|主题|发件人|收件人|抄送|日期)[ \t]*[:：][ \t]*(.*)$", re.IGNORECASE)


def message_from_text(text: str, path: str, kind: str, encoding: str) -> Message:
    newline = newline_of(text)
    lines = unix_newlines(text).lstrip("\ufeff").split("\n")
    fields = _header_fields(lines)
    header_count = len(fields)
    body = "\n".join(lines[header_count + 1 :] if fields else lines).rstrip()
    value = {name: field[0] for name, field in fields.items()}
    return Message(
        path=path,
        text=body,
        subject=value.get("subject"),
        sender=value.get("sender"),
        to=split_addresses(value.get("to")),
        cc=split_addresses(value.get("cc")),
        date=parse_date(value.get("date")),
        source=Source(
            kind=kind,
            encoding=encoding,
            newline=newline,
            body_line=header_count + 2 if fields else 1,
            subject_line=fields["subject"][1] if "subject" in fields else None,
        ),
    )


def _header_fields(lines: list[str]) -> dict[str, tuple[str, int]]:
    """The header fields at the top as ``{field: (value, line number)}``; {} if none."""
    fields: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return fields
        match = _HEADER.match(line.rstrip())
        if match is None or _FIELDS[match[1].lower()] in fields:
            return {}
        fields[_FIELDS[match[1].lower()]] = (match[2].strip(), number)
    return {}  # no blank line after them: the whole text is body
