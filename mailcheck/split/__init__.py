"""Split a mail body into the writer's greeting, body, closing and signature, and the quoted mail.

``split(text)`` returns a :class:`~mailcheck.model.Split`: zones in text order
(each covers whole lines; blank lines between zones belong to none) and one
:class:`~mailcheck.model.Quoted` per quoted earlier message, newest first.
Everything from the first quote header ("On … wrote:", "-----Original
Message-----", "发件人：…") on is quoted; above it, ">" excerpts that the
writer answers in between alternate with the writer's zones.

Pure regular expressions and line heuristics: no models, about a millisecond a mail.
"""

from __future__ import annotations

from mailcheck.model import Split, Zone
from mailcheck.split.headers import parse_quote_header
from mailcheck.split.lines import split_lines
from mailcheck.split.quoted import layout, quoted_messages
from mailcheck.split.reply import zone_reply


def split(text: str) -> Split:
    """Zones and quoted messages of a decoded mail body (``\\n`` line ends)."""
    lines = split_lines(text)
    parts = layout(lines)
    spans = zone_reply(lines, parts.writer) + [("quote", first, last) for first, _, last in parts.blocks]
    spans.sort(key=lambda span: span[1])
    zones = [Zone(kind, lines[first].start, lines[last].end) for kind, first, last in spans]
    return Split(text=text, zones=zones, quoted=quoted_messages(text, lines, parts.blocks))


__all__ = ["parse_quote_header", "split"]
