"""Finding drafts on disk: files, folders, mailboxes → DraftSource, unparsed.

Finding and parsing are separate steps so that a cache keyed on the raw
bytes can sit between them. Nothing here raises for one bad file: it yields
a :class:`ReadError` for it and goes on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import ReadError
from .mailboxes import is_expunged, is_maildir, maildir_messages, split_mbox
from .sniff import binary_reason, kind_by_name, sniff_kind

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

# "X.inquiry.eml" beside "X.eml" is the buyer's message that draft X answers.
_INQUIRY = re.compile(r"^(?P<stem>.+)\.inquiry\.(?:eml|txt|md)$", re.IGNORECASE)
_PAIRED_SUFFIXES = (".eml", ".txt", ".md")
_SNIFF_BYTES = 16384
# Notes kept beside the drafts, never drafts themselves.
_NOT_DRAFTS = re.compile(r"^(readme|license|licence|changelog)(\.[a-z]+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class DraftSource:
    """One draft found on disk, not yet parsed."""

    path: str  # display path: the file, or "Drafts.mbox:3" / "maildir/cur/<key>"
    file: Path  # the file on disk that holds it
    kind: str  # "eml" | "text" | "mbox" | "maildir" | "emlx" | "msg"
    data: bytes  # the raw bytes of this one message
    inquiry: Path | None = None  # the buyer's inquiry beside it, if any


Found = DraftSource | ReadError


def discover(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Found]:
    """Every draft in ``paths`` (files and folders, recursively).

    Paths come in the order given; inside a folder, its files in name order,
    then its subfolders.

    In folders, files of unknown type and hidden files and folders are
    skipped silently; a file named explicitly is sniffed instead. Inquiry
    files are not drafts: they come with theirs as ``DraftSource.inquiry``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path, not an iterable of characters
    seen: set[str] = set()
    for given in paths:
        path, display = Path(given), str(given)
        if path.is_dir():
            yield from _walk(path, display, max_bytes, seen)
        elif _is_inquiry(path) and _draft_of_inquiry(path) is not None:
            continue  # named by a shell glob along with its draft, which carries it
        else:
            yield from file_sources(path, display, max_bytes, seen)


def file_sources(
    path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES, seen: set[str] | None = None, kind: str | None = None
) -> Iterator[Found]:
    """The draft(s) in one file: one, or one per message of an mbox."""
    if seen is not None:
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
    if not path.exists():
        yield ReadError(display, "no such file or directory")
        return
    kind = kind or kind_by_name(path)
    if kind is None:
        head = _read(path, display, _SNIFF_BYTES)
        if isinstance(head, ReadError):
            yield head
            return
        kind = sniff_kind(head)
        if kind is None:
            yield ReadError(display, binary_reason(head) or "binary file, not a mail or text draft")
            return
    if kind == "mbox":
        yield from _mbox_file_sources(path, display, max_bytes)
        return
    data = _read(path, display, max_bytes, limit_is_error=True)
    if isinstance(data, ReadError):
        yield data
    elif kind in ("eml", "text", "maildir") and (reason := binary_reason(data)):
        yield ReadError(display, reason)
    else:
        inquiry = _inquiry_of(path) if kind in ("eml", "text") else None
        yield DraftSource(display, path, kind, data, inquiry)


def mbox_sources(stream: BinaryIO, display: str, file: Path, max_bytes: int) -> Iterator[Found]:
    """One source per live message of an mbox, as ``display:N``."""
    for entry in split_mbox(stream, max_bytes):
        path = f"{display}:{entry.index}"
        if entry.data is None:
            yield ReadError(path, f"message too large ({_size(entry.size)}; the limit is {_size(max_bytes)})")
        elif not is_expunged(entry.data):
            yield DraftSource(path, file, "mbox", entry.data)


def _mbox_file_sources(path: Path, display: str, max_bytes: int) -> Iterator[Found]:
    try:
        with path.open("rb") as stream:
            if stream.read(5) not in (b"From ", b""):
                yield ReadError(display, 'not an mbox file: it does not start with a "From " line')
                return
            stream.seek(0)
            yield from mbox_sources(stream, display, path, max_bytes)
    except OSError as err:
        yield ReadError(display, _os_reason(err))


def _walk(folder: Path, display: str, max_bytes: int, seen: set[str]) -> Iterator[Found]:
    maildir = is_maildir(folder)
    if maildir:
        for message in maildir_messages(folder):
            shown = os.path.join(display, message.parent.name, message.name)
            yield from file_sources(message, shown, max_bytes, seen, kind="maildir")
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        yield ReadError(display, _os_reason(err))
        return
    subfolders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .mailcheck_cache, .DS_Store, editor swap files
        path, shown = Path(entry.path), os.path.join(display, entry.name)
        if entry.is_dir(follow_symlinks=False):
            if not (maildir and entry.name in ("cur", "new", "tmp")):
                subfolders.append((path, shown))
            continue
        if _is_inquiry(path) or _NOT_DRAFTS.match(entry.name):
            continue
        kind = kind_by_name(path)
        if kind is None and not (path.suffix == "" and _starts_like_mbox(path)):
            continue  # not a draft format; Thunderbird's folders are extensionless mboxes
        yield from file_sources(path, shown, max_bytes, seen, kind=kind or "mbox")
    for path, shown in subfolders:
        yield from _walk(path, shown, max_bytes, seen)


def _read(path: Path, display: str, max_bytes: int, limit_is_error: bool = False) -> bytes | ReadError:
    """The file's bytes, or its first ``max_bytes`` when the limit is only a
    sniffing window; a ReadError for an empty, oversized or unreadable file."""
    try:
        size = path.stat().st_size
        if size == 0:
            return ReadError(display, "empty file")
        if size > max_bytes and limit_is_error:
            return ReadError(display, f"file too large ({_size(size)}; the limit is {_size(max_bytes)})")
        with path.open("rb") as stream:
            return stream.read(max_bytes)
    except OSError as err:
        return ReadError(display, _os_reason(err))


def _starts_like_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"From "
    except OSError:
        return False


def _is_inquiry(path: Path) -> bool:
    return _INQUIRY.match(path.name) is not None


def _inquiry_of(draft: Path) -> Path | None:
    if draft.suffix.lower() not in _PAIRED_SUFFIXES or _is_inquiry(draft):
        return None
    for suffix in _PAIRED_SUFFIXES:
        candidate = draft.with_name(f"{draft.stem}.inquiry{suffix}")
        if candidate.is_file():
            return candidate
    return None


def _draft_of_inquiry(inquiry: Path) -> Path | None:
    stem = _INQUIRY.match(inquiry.name)["stem"]
    for suffix in _PAIRED_SUFFIXES:
        candidate = inquiry.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _os_reason(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"
