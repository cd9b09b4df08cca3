"""Split a mail body into the writer's greeting, body, closing and signature, and the quoted mail.

``split(text)`` returns a :class:`~mailcheck.model.Split`: zones in text order
(each covers whole lines; blank lines between zones belong to none) and one
:class:`~mailcheck.model.Quoted` per quoted earlier message, newest first.
Everything from the first quote header or ">" block on is quoted.

Pure regular expressions and line heuristics: no models, a millisecond or so a mail.
"""

from __future__ import annotations

from mailcheck.model import Split, Zone
from mailcheck.split.headers import parse_quote_header
from mailcheck.split.lines import split_lines
from mailcheck.split.quoted import locate_quotes, quoted_messages
from mailcheck.split.reply import zone_reply


def split(text: str) -> Split:
    """Zones and quoted messages of a decoded mail body (``\\n`` line ends)."""
    lines = split_lines(text)
    start, headers = locate_quotes(lines)
    reply_end = len(lines) if start is None else start
    zones = [Zone(kind, lines[a].start, lines[b].end) for kind, a, b in zone_reply(lines, reply_end)]
    quoted = []
    if start is not None:
        for message, first, last in quoted_messages(text, lines, start, headers):
            zones.append(Zone("quote", lines[first].start, lines[last].end))
            quoted.append(message)
    return Split(text=text, zones=zones, quoted=quoted)


__all__ = ["parse_quote_header", "split"]
