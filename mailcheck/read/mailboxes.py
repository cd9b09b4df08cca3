"""Messages inside mailbox files and folders: mbox, Maildir, Apple Mail .emlx."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from .errors import ReadError

# mboxrd escaping: a body line "From ..." is stored as ">From ...", and
# ">From" as ">>From"; reading removes one ">". (Thunderbird and Python's
# mailbox write the mboxo form, which this reads the same way.)
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_MOZILLA_STATUS = re.compile(rb"^X-Mozilla-Status:[ \t]*([0-9A-Fa-f]{4})", re.MULTILINE | re.IGNORECASE)
_MOZILLA_EXPUNGED = 0x0008


class MboxEntry(NamedTuple):
    index: int  # 1-based position in the file
    data: bytes | None  # None when the message is over the size limit
    size: int


def split_mbox(lines: Iterable[bytes], max_bytes: int) -> Iterator[MboxEntry]:
    """The messages of an mbox read line by line, so a large mailbox is never
    held whole; a message over ``max_bytes`` is skipped, not kept."""
    index, size, chunk = 0, 0, []
    for line in lines:
        if line.startswith(b"From "):
            if index:
                yield _entry(index, chunk, size, max_bytes)
            index, size, chunk = index + 1, 0, []
            continue
        size += len(line)
        if index and size <= max_bytes:
            chunk.append(line)
    if index:
        yield _entry(index, chunk, size, max_bytes)


def _entry(index: int, chunk: list[bytes], size: int, max_bytes: int) -> MboxEntry:
    if size > max_bytes:
        return MboxEntry(index, None, size)
    data = b"".join(chunk)
    # The blank line before the next "From " separates messages; it is not body.
    for end in (b"\r\n", b"\n"):
        if data.endswith(end + end):
            data = data[: -len(end)]
            break
    return MboxEntry(index, _ESCAPED_FROM.sub(rb"\1", data), size)


def is_expunged(data: bytes) -> bool:
    """Thunderbird keeps a deleted message (and each superseded copy of a
    re-saved draft) in the mbox, flagged, until the folder is compacted."""
    header = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0]
    match = _MOZILLA_STATUS.search(header)
    return bool(match and int(match[1], 16) & _MOZILLA_EXPUNGED)


def is_maildir(folder: Path) -> bool:
    return (folder / "cur").is_dir() and (folder / "new").is_dir()


def maildir_messages(folder: Path) -> Iterator[Path]:
    """Delivered messages (cur/, new/; tmp/ holds half-written ones), minus
    those flagged T (trashed, waiting to be expunged)."""
    for sub in ("cur", "new"):
        for path in sorted((folder / sub).iterdir()):
            if path.name.startswith(".") or not path.is_file():
                continue
            _, _, flags = path.name.partition(":2,")
            if "T" not in flags:
                yield path


def unwrap_emlx(data: bytes, path: str) -> bytes:
    """The RFC 822 message of an Apple Mail .emlx: the first line gives its
    length in bytes, an XML property list follows it."""
    first, newline, rest = data.partition(b"\n")
    if not newline or not first.strip().isdigit():
        raise ReadError(path, "not an Apple Mail .emlx file (no message length on the first line)")
    return rest[: int(first.strip())]
