"""Where a finding sits in the file on disk, for formats that point editors and CI at files.

A draft's findings carry lines and columns of the draft. They are the file's
own lines only when the draft's text maps onto the file line for line (plain
text, 7bit/8bit mail: ``Source.body_line`` / ``subject_line`` are set). A draft
inside an mbox (``Drafts.mbox:3``), a quoted-printable or base64 body, or an
Outlook .msg has no such mapping: those findings point at the file as a whole
and say where in the message they are.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import pick
from ..model import Finding
from ..results import FileResult

_MAILBOX_INDEX = re.compile(r"^(?P<file>.+):(?P<index>\d+)$")


@dataclass(frozen=True)
class Region:
    line: int
    column: int
    end_line: int
    end_column: int


def draft_file(result: FileResult) -> str:
    """The file that holds the draft: ``Drafts.mbox`` for ``Drafts.mbox:3``."""
    match = _MAILBOX_INDEX.match(result.path)
    if match is None:
        return result.path
    if result.message is not None:
        in_mailbox = result.message.source.kind == "mbox"
    else:  # unreadable: no message says how it was found
        in_mailbox = not os.path.exists(result.path) and Path(match["file"]).is_file()
    return match["file"] if in_mailbox else result.path


def file_region(result: FileResult, finding: Finding) -> Region | None:
    """The finding's lines and columns in the file, or None when the draft's lines are not the file's."""
    source = result.message.source if result.message is not None else None
    if source is None:
        return None
    mapped = source.subject_line if finding.zone == "subject" else source.body_line
    if mapped is None:
        return None
    return Region(finding.line, finding.column, finding.end_line, finding.end_column)


def place_in_message(result: FileResult, finding: Finding, lang: str) -> str:
    """Where a finding without a file region is: "Drafts.mbox:3, line 5 of the message"."""
    if finding.zone == "subject":
        return pick(lang, f"{result.path}, subject", f"{result.path}，主题")
    return pick(lang, f"{result.path}, line {finding.line} of the message", f"{result.path}，正文第 {finding.line} 行")
