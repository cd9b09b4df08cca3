"""What kind of draft a file holds, by its name or, failing that, its bytes."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .decoding import detect_decode, looks_utf16

SUFFIX_KINDS = {".eml": "eml", ".txt": "text", ".md": "text", ".mbox": "mbox", ".emlx": "emlx", ".msg": "msg"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Files people save drafts as, or mistake for them, that are not text.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Word/Excel document"),
    (OLE_MAGIC, "an Office document or Outlook file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document; save the draft as .txt or .eml"),
)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_MAIL_HEADERS = {b"mime-version", b"content-type", b"received", b"return-path", b"message-id", b"x-mozilla-status"}
_ADDRESS_HEADERS = {b"from", b"to", b"cc", b"subject", b"date"}


def kind_by_name(path: Path) -> str | None:
    return SUFFIX_KINDS.get(path.suffix.lower())


def sniff_kind(data: bytes) -> str | None:
    """The kind of a file with no telling name; None for a binary file."""
    if data.startswith(OLE_MAGIC):
        return "msg"
    if data.startswith(b"From "):
        return "mbox"
    if _looks_like_mail(data):
        return "eml"
    return None if binary_reason(data) else "text"


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` cannot be a mail or text draft, or None if it can be."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not a mail or text draft"
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)) or looks_utf16(sample):
        # Zero bytes are normal in UTF-16; judge the characters instead.
        binary = _mostly_controls(detect_decode(sample)[0])
    else:
        binary = b"\x00" in sample or _mostly_controls(sample.decode("latin-1"))
    return "binary file, not a mail or text draft" if binary else None


def _mostly_controls(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\x1b")
    return controls > len(text) * 0.05


def _looks_like_mail(data: bytes) -> bool:
    """An RFC 822 header block: header lines up to a blank line, naming either
    a header only mail carries or two of the address headers."""
    names = set()
    for number, line in enumerate(data[:16384].split(b"\n")):
        line = line.rstrip(b"\r")
        if not line:
            return bool(names & _MAIL_HEADERS) or len(names & _ADDRESS_HEADERS) >= 2
        if line[:1] in (b" ", b"\t") and number:
            continue  # a folded header's continuation
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(b":", 1)[0].lower())
    return False
