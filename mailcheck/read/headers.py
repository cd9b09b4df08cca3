"""Header values as the writer meant them: decoded words, addresses, dates."""

from __future__ import annotations

import binascii
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from .decoding import detect_decode, lenient_b64decode

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_SURROGATE = re.compile("[\udc80-\udcff]")


def decode_header(raw: str | None, charset_hint: str | None = None) -> str | None:
    """Unfold and decode a raw header value.

    Handles RFC 2047 encoded words in any charset (gb2312 read as GB18030 and
    so on) and raw 8-bit bytes, which many Chinese clients put in headers
    unencoded; the stdlib parser keeps those as surrogate escapes. Such bytes
    are decoded with ``charset_hint`` (the body's charset) when it fits.
    """
    if raw is None:
        return None
    value = recover_8bit(re.sub(r"\r?\n(?=[ \t])", "", raw), charset_hint)
    return " ".join(_decode_words(value).split())


def recover_8bit(value: str, charset_hint: str | None = None) -> str:
    """Decode the raw 8-bit bytes of a header value (surrogate escapes in
    what the stdlib parser hands back), leaving encoded words alone."""
    if _SURROGATE.search(value):
        return detect_decode(value.encode("ascii", "surrogateescape"), charset_hint)[0]
    return value


def _decode_words(value: str) -> str:
    pieces: list[str] = []
    # Bytes of adjacent encoded words in one charset are joined before
    # decoding: encoders split multi-byte characters across words.
    run: tuple[str, bytearray] | None = None
    pos = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[pos : match.start()]
        charset = match[1].split("*")[0]  # drop an RFC 2231 language tag
        payload = _word_bytes(match[2], match[3])
        adjacent = run is not None and not between.strip()
        if adjacent and run[0] == charset.lower():
            run[1].extend(payload)
        else:
            if run is not None:
                pieces.append(detect_decode(bytes(run[1]), run[0])[0])
            if not adjacent:  # white space between encoded words is not text
                pieces.append(between)
            run = (charset.lower(), bytearray(payload))
        pos = match.end()
    if run is not None:
        pieces.append(detect_decode(bytes(run[1]), run[0])[0])
    pieces.append(value[pos:])
    return "".join(pieces)


def _word_bytes(encoding: str, text: str) -> bytes:
    data = text.encode("ascii", "replace")
    if encoding in "bB":
        return lenient_b64decode(data)
    try:
        return binascii.a2b_qp(data, header=True)
    except binascii.Error:
        return data


def split_addresses(value: str | None) -> list[str]:
    """Split an address list into the addresses as written.

    Commas and semicolons (Outlook's separator; Chinese writers also type the
    full-width forms) separate addresses except inside quotes, angle brackets
    and comments: ``"Smith, John" <j@x.com>`` stays whole.
    """
    if not value:
        return []
    addresses, current = [], []
    quoted, angle, comment = False, 0, 0
    for ch in value:
        if ch == '"' and not comment:
            quoted = not quoted
        elif not quoted:
            if ch == "<":
                angle += 1
            elif ch == ">" and angle:
                angle -= 1
            elif ch == "(":
                comment += 1
            elif ch == ")" and comment:
                comment -= 1
            elif ch in ",;，；" and not angle and not comment:
                addresses.append("".join(current))
                current = []
                continue
        current.append(ch)
    addresses.append("".join(current))
    return [a.strip() for a in addresses if a.strip()]


_CHINESE_DATE = re.compile(
    r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?(?:\D{0,6}?(\d{1,2})\s*[:：]\s*(\d{2}))?"
)


def parse_date(value: str | None) -> datetime | None:
    """An aware datetime from an RFC 5322, ISO 8601 or Chinese-style date; else None.

    RFC 5322 dates without a zone ("-0000") are UTC by that RFC. Dates typed
    into a text draft without a zone are the writer's local time.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = _chinese_date(value)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.astimezone()


def _chinese_date(value: str) -> datetime | None:
    match = _CHINESE_DATE.match(value)
    if not match:
        return None
    year, month, day, hour, minute = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None
