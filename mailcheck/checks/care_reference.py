"""CARE-REFERENCE: thank for the inquiry by its date or matter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analyse.draft import Draft
from ..analyse.reference import acknowledgement, is_bare
from ..analyse.timing import inquiry_time
from ..packs import Rule
from .registry import Hit, detector

_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|fw|fwd|aw|sv|vs|antw|回复|答复|转发)\s*(?:\[\d+\])?\s*[:：])+\s*", re.IGNORECASE)


def _subject_matter(draft: Draft) -> str | None:
    """The buyer's subject without reply prefixes, when it is short enough to name the matter."""
    subject = _REPLY_PREFIX.sub("", draft.buyer.subject or draft.subject or "").strip()
    return subject if subject and len(subject.split()) <= 8 else None


@detector("CARE-REFERENCE")
def reference(draft: Draft, rule: Rule) -> Iterator[Hit]:
    sentence = acknowledgement(draft)
    if sentence is None or not is_bare(sentence.text):
        return
    date = inquiry_time(draft)
    if date is not None and draft.country is not None:
        date = date.astimezone(draft.country.tz)  # the day the buyer wrote it, in their calendar
    matter = _subject_matter(draft)
    args = {
        # The suggested sentence is English, as the reply is: the date stays English in both languages.
        "date": f"{date.day} {date:%B}" if date else rule.labels["date"],
        "matter": f"“{matter}”" if matter else rule.labels["matter"],
    }
    yield Hit(sentence.zone, sentence.start, sentence.end, args=args, suggestion="default")
