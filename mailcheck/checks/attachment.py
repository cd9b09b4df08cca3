"""PRO-ATTACHMENT: what the reply says is attached is attached, and small enough to arrive."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..analyse.draft import Draft
from ..analyse.sentences import reply_sentences
from ..model import Message
from ..packs import Rule
from .prefilter import alternatives
from .registry import Hit, detector

#: Draft formats that carry their attachments. A plain-text draft cannot show them:
#: whether its "please find attached" is true is unknowable, so nothing is said.
MAIL_KINDS = frozenset({"eml", "msg", "emlx", "mbox", "maildir"})


def carries_attachments(message: Message) -> bool:
    return message.source.kind in MAIL_KINDS


@dataclass(frozen=True)
class Mention:
    zone: str
    start: int
    end: int
    text: str


def mentions(draft: Draft, rule: Rule) -> list[Mention]:
    """Places where the writer says this mail carries a file."""
    claim = alternatives(tuple(rule.options["mentions"])).pattern
    not_claim = alternatives(tuple(rule.options["not-claims"])).pattern
    found = []
    for sentence in reply_sentences(draft):
        if sentence.zone not in rule.scope:
            continue
        for match in claim.finditer(sentence.text):
            clause = re.split(r"[,;]", sentence.text[: match.start()])[-1]
            if not_claim.search(clause):
                continue
            start, end = sentence.start + match.start(), sentence.start + match.end()
            found.append(Mention(sentence.zone, start, end, match.group()))
    return found


def _anchor(draft: Draft, found: list[Mention]) -> tuple[str, int, int]:
    """Where a finding about the mail as a whole points: the mention, else the subject, else the first line."""
    if found:
        return found[0].zone, found[0].start, found[0].end
    if draft.subject:
        return "subject", 0, len(draft.subject)
    first_line = draft.text.split("\n", 1)[0]
    return "body", 0, len(first_line)


@detector("PRO-ATTACHMENT")
def attachment_present_and_small(draft: Draft, rule: Rule) -> Iterator[Hit]:
    if not carries_attachments(draft.message):
        return
    found = mentions(draft, rule)
    attachments = draft.message.attachments
    if found and not attachments:
        first = found[0]
        args = {"mention": first.text}
        yield Hit(first.zone, first.start, first.end, message="missing", args=args, suggestion="missing")
    limit = float(rule.options["max-mb"])
    for attachment in attachments:
        size = attachment.size / (1024 * 1024)
        if size > limit:
            zone, start, end = _anchor(draft, found)
            args = {"name": attachment.filename or attachment.content_type, "size": f"{size:.1f}", "max": f"{limit:g}"}
            yield Hit(zone, start, end, message="too_large", args=args, suggestion="too_large")
