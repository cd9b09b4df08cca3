"""Reading drafts from disk into :class:`mailcheck.model.Message` objects.

Two steps, so a cache can sit between them::

    for found in discover(["drafts/"]):
        if isinstance(found, ReadError):
            print(found)            # "drafts/x.eml: empty file"
        else:
            message = parse(found)  # may raise ReadError

Formats: .eml (MIME, any charset), .txt/.md (with optional header lines),
mbox (Thunderbird's extensionless folders too), Maildir, Apple Mail .emlx and
Outlook .msg.
"""

from .decoding import detect_decode
from .discover import DEFAULT_MAX_BYTES, DraftSource, discover
from .errors import ReadError
from .parse import parse, read_bytes, read_file, read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DraftSource",
    "ReadError",
    "detect_decode",
    "discover",
    "parse",
    "read_bytes",
    "read_file",
    "read_text",
]
