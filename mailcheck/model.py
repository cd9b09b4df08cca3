"""The data every stage passes on: a read message, its zones, and findings.

Data flows one way: ``read`` builds a :class:`Message`, ``split`` adds a
:class:`Split`, ``checks`` produce :class:`Finding` objects, ``score`` and
``report`` consume them. Nothing here imports from the other stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

ZoneKind = Literal["greeting", "body", "closing", "signature", "quote"]
#: The parts of a draft a rule can read. "subject" is a header, not a zone of
#: the body text, but rules scope themselves to it the same way.
ZONE_KINDS: tuple[str, ...] = ("greeting", "body", "closing", "signature", "quote")
SCOPES: tuple[str, ...] = ("subject",) + ZONE_KINDS

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")  # ascending

Pillar = Literal["care", "professional", "reliable"]
PILLARS: tuple[str, ...] = ("care", "professional", "reliable")


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int  # bytes of the decoded payload


@dataclass
class Source:
    """How the draft sits on disk, so that ``--fix`` can write it back.

    ``kind`` is the reader that produced the message ("eml", "text", "mbox",
    "maildir", "emlx", "msg", "string"). ``body_line`` is the 1-based line of
    the file on which ``Message.text`` starts when body lines map one to one
    onto file lines (plain-text drafts, 7bit/8bit single-part mail); ``None``
    otherwise. ``subject_line`` likewise for the Subject header.
    """

    kind: str = "string"
    encoding: str = "utf-8"
    newline: str = "\n"
    body_line: int | None = None
    subject_line: int | None = None


@dataclass
class Message:
    """One draft (or one buyer inquiry), decoded.

    ``text`` is the decoded body as a ``str`` with ``\\n`` line ends. All zone
    and finding offsets are Python string offsets into it.
    """

    path: str
    text: str
    subject: str | None = None
    sender: str | None = None  # the From header, as written
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    date: datetime | None = None
    attachments: list[Attachment] = field(default_factory=list)
    #: Set when the body came from text/html because no text/plain part exists.
    from_html: bool = False
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Zone:
    kind: str  # one of ZONE_KINDS
    start: int
    end: int


@dataclass
class Quoted:
    """An earlier message quoted in the draft (newest first in ``Split.quoted``).

    ``text`` is its body with quote markers (``>``) removed. ``start``/``end``
    span the whole quoted block in the draft text, header included.
    """

    sender: str | None
    date: str | None
    subject: str | None
    text: str
    start: int
    end: int


@dataclass
class Split:
    """The zones of a draft's text, in text order, and the quoted messages."""

    text: str
    zones: list[Zone]
    quoted: list[Quoted] = field(default_factory=list)

    def spans(self, kind: str) -> list[Zone]:
        return [z for z in self.zones if z.kind == kind]

    def zone_text(self, kind: str) -> str:
        """The text of every zone of ``kind``, joined by newlines."""
        return "\n".join(self.text[z.start : z.end] for z in self.spans(kind))

    @property
    def reply_end(self) -> int:
        """Offset where the writer's own text ends (the first quote starts)."""
        quotes = self.spans("quote")
        return quotes[0].start if quotes else len(self.text)

    @property
    def reply_text(self) -> str:
        """Everything the writer wrote: the text before the first quote."""
        return self.text[: self.reply_end].rstrip()


@dataclass(frozen=True)
class Edit:
    """Replace ``target[start:end]`` by ``replacement``.

    ``target`` is "subject" for edits of the Subject header, "text" for edits
    of ``Message.text``.
    """

    start: int
    end: int
    replacement: str
    target: Literal["text", "subject"] = "text"


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    #: "safe" fixes are applied by ``--fix``; "unsafe" ones are only shown.
    applicability: Literal["safe", "unsafe"] = "safe"


@dataclass
class Finding:
    rule: str
    name: str
    norms: tuple[str, ...]
    pillar: str
    severity: str
    message: str
    zone: str  # a SCOPES member: where the span points
    start: int  # offsets into Message.text, or into the subject for zone "subject"
    end: int
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    suggestion: str | None = None
    fix: Fix | None = None
    #: The offending text, for reports.
    excerpt: str = ""

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "norms": list(self.norms),
            "pillar": self.pillar,
            "severity": self.severity,
            "message": self.message,
            "zone": self.zone,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "fix": None
            if self.fix is None
            else {
                "applicability": self.fix.applicability,
                "edits": [
                    {"target": e.target, "start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            },
        }
