"""DraftSource → Message, and the one-call readers built on it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from ..model import Message
from .decoding import detect_decode
from .discover import DEFAULT_MAX_BYTES, DraftSource, file_sources, mbox_sources
from .errors import ReadError
from .mailboxes import unwrap_emlx
from .mime import message_from_mime
from .plain import message_from_text
from .sniff import binary_reason, sniff_kind


def parse(source: DraftSource) -> Message:
    """Parse one found draft; raises ReadError."""
    kind, data, path = source.kind, source.data, source.path
    if kind == "text":
        text, codec = detect_decode(data)
        return message_from_text(text, path, "text", codec)
    if kind in ("eml", "maildir"):
        return message_from_mime(data, path, kind)
    if kind == "mbox":
        # Body lines are not the file's lines: the message sits somewhere
        # inside the mailbox and ">From " lines were unescaped.
        return message_from_mime(data, path, kind, line_offset=None)
    if kind == "emlx":
        return message_from_mime(unwrap_emlx(data, path), path, kind, line_offset=1)
    if kind == "msg":
        from .outlook import message_from_msg

        return message_from_msg(data, path)
    raise ValueError(f"unknown draft kind {kind!r}")


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Message:
    """Read the one message in a file (a draft, or a buyer's inquiry for --inquiry)."""
    file = Path(path)
    if file.is_dir():
        raise ReadError(str(path), "is a folder, not a file")
    return _only(list(file_sources(file, str(path), max_bytes)), str(path))


def read_text(text: str, path: str = "<string>") -> Message:
    """A draft given as a string, header lines allowed as in a .txt draft."""
    return message_from_text(text, path, "string", "utf-8")


def read_bytes(data: bytes, path: str = "<bytes>", kind: str | None = None) -> Message:
    """A draft given as bytes; ``kind`` as in DraftSource, sniffed when None."""
    if not data:
        raise ReadError(path, "empty file")
    kind = kind or sniff_kind(data)
    if kind is None or (kind in ("eml", "text", "maildir") and binary_reason(data)):
        raise ReadError(path, binary_reason(data) or "binary file, not a mail or text draft")
    if kind == "mbox":
        return _only(list(mbox_sources(BytesIO(data), path, Path(path), len(data))), path)
    return parse(DraftSource(path, Path(path), kind, data))


def _only(found: list[DraftSource | ReadError], path: str) -> Message:
    for item in found:
        if isinstance(item, ReadError):
            raise item
    if len(found) != 1:
        raise ReadError(path, f"holds {len(found)} messages; expected one")
    return parse(found[0])
