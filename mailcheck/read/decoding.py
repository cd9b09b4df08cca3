"""Bytes of a known, unknown or wrongly labelled charset → text.

Mail written in China and Taiwan is often labelled with a charset smaller than
the one the client really used (``gb2312`` for GBK text, ``big5`` for HKSCS
text), or labelled ``iso-8859-1`` while holding UTF-8, or not labelled at all.
:func:`detect_decode` turns such bytes into the text the writer saw, quietly:
a wrong label is the sender's client's fault, not something to report.
"""

from __future__ import annotations

import base64
import codecs
import functools
import re

# Decoding with the superset loses nothing when the label is right and saves
# the characters outside the labelled set when it is not.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
# Labels seen in mail that Python does not know under that name.
_ALIASES = {"x-gbk": "gbk", "x-big5": "big5", "iso-8859-8-i": "iso8859-8"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, codec)`` with ``codec`` a Python codec name.

    Order: a byte-order mark; the ``declared`` label (widened to its superset);
    UTF-16 recognised by its zero bytes; UTF-8; GB18030 or Big5-HKSCS, whichever
    reads as common Chinese; cp1252. A label that decodes is trusted, unless
    the bytes are valid UTF-8 that the label cannot explain (see
    :func:`_mislabelled_utf8`). A truncated last character is dropped rather
    than making the whole text fail.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec

    label = canonical_codec(declared)
    if label in ("utf-16", "utf-32"):
        # No BOM (checked above): the byte order has to be guessed.
        label = _utf16_order(data) if label == "utf-16" else "utf-32-le"
    if label is not None:
        text = _decode_strict(data, label)
        if text is not None and not _mislabelled_utf8(data, label):
            return text, label

    utf16 = _utf16_order(data) if looks_utf16(data) else None
    if utf16 is not None and (text := _decode_strict(data, utf16)) is not None:
        return text, utf16

    text = _decode_strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"

    chinese = _best_chinese(data)
    if chinese is not None and chinese[2] >= 0.5:
        return chinese[0], chinese[1]
    text = _decode_strict(data, "cp1252")
    if text is not None:
        return text, "cp1252"
    if chinese is not None:
        return chinese[0], chinese[1]
    # BOM-less UTF-16 with too little ASCII to show by its zero bytes.
    utf16 = _utf16_order(data)
    text = _decode_strict(data, utf16)
    if text is not None and _readable_share(text) >= 0.9:
        return text, utf16
    fallback = label or "utf-8"
    return data.decode(fallback, errors="replace"), fallback


def canonical_codec(label: str | None) -> str | None:
    """The Python codec for a charset label, widened to its superset; None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def newline_of(text: str) -> str:
    """The newline style of ``text``, judged by its first line end."""
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def unix_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lenient_b64decode(data: bytes) -> bytes:
    """Base64 that survives truncation, stray characters and missing padding.

    The stdlib gives up and returns the encoded text when the length is one
    more than a multiple of four; a cut-off draft still deserves its text.
    """
    clean = re.sub(rb"[^A-Za-z0-9+/]", b"", data.split(b"=", 1)[0])
    if len(clean) % 4 == 1:
        clean = clean[:-1]  # a lone last character carries no whole byte
    return base64.b64decode(clean + b"=" * (-len(clean) % 4))


def _decode_strict(data: bytes, codec: str) -> str | None:
    # final=False keeps an incomplete last sequence (a truncated file or
    # base64 part) in the decoder instead of failing on it.
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        return decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None


@functools.cache
def _single_byte(codec: str) -> bool:
    # A multi-byte codec holds back a lone lead byte, waiting for the rest.
    return codecs.getincrementaldecoder(codec)("replace").decode(b"\xc3", final=False) != ""


def _mislabelled_utf8(data: bytes, label: str) -> bool:
    """True for valid UTF-8 behind another label: the commonest mislabel.

    Latin text is practically never valid UTF-8 by chance, so one non-ASCII
    character settles it for single-byte labels; GBK or Big5 text can be for
    a character or two, so those need four.
    """
    if label in ("utf-8", "utf-8-sig") or data.isascii():
        return False
    text = _decode_strict(data, "utf-8")
    if text is None:
        return False
    return _single_byte(label) or sum(1 for ch in text if not ch.isascii()) >= 4


def looks_utf16(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 has a zero in every other byte; 8-bit text has none."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    many, few = max(zeros_even, zeros_odd), min(zeros_even, zeros_odd)
    return many >= len(sample) // 2 * 0.1 and few <= many * 0.1


def _utf16_order(data: bytes) -> str:
    """utf-16-le or utf-16-be for BOM-less UTF-16."""
    sample = data[:4096]
    if looks_utf16(sample):
        # The zero is the high byte of ASCII characters.
        return "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
    # Too little ASCII to tell by (all Chinese, say): keep the order that reads as text.
    scores = {
        codec: _readable_share(text)
        for codec in ("utf-16-le", "utf-16-be")
        if (text := _decode_strict(sample, codec)) is not None
    }
    return max(scores, key=scores.get) if scores else "utf-16-le"


def _readable_share(text: str) -> float:
    readable = sum(
        1 for ch in text if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
    )
    return readable / len(text) if text else 0.0


# Lead bytes of the everyday characters of each set: GB2312's punctuation rows
# and first level of hanzi; Big5's punctuation and frequent-character level.
# Text decoded with the wrong one of the two lands mostly outside them.
_COMMON_LEADS = {
    "gb18030": frozenset([*range(0xA1, 0xA4), *range(0xB0, 0xD8)]),
    "big5hkscs": frozenset(range(0xA1, 0xC7)),
}


def _best_chinese(data: bytes) -> tuple[str, str, float] | None:
    """(text, codec, share of common characters) for the likelier Chinese codec."""
    best = None
    for codec, leads in _COMMON_LEADS.items():
        text = _decode_strict(data, codec)
        if text is None:
            continue
        wide = [ch for ch in text if not ch.isascii()]
        common = sum(1 for ch in wide if _lead_byte(ch, codec) in leads)
        share = common / len(wide) if wide else 0.0
        if best is None or share > best[2]:
            best = (text, codec, share)
    return best


def _lead_byte(ch: str, codec: str) -> int | None:
    encoded = ch.encode(codec, errors="ignore")
    return encoded[0] if len(encoded) == 2 else None
