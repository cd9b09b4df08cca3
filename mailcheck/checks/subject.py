"""The subject line: STR-SUBJECT (states the matter) and STR-RECHAIN (one reply prefix)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..analyse.draft import Draft
from ..model import Edit, Fix
from ..packs import Rule
from ..vocabulary import trade_acronyms
from .registry import Hit, detector

#: One reply or forward prefix as clients in many languages write it, optionally
#: numbered ("RE[3]:", "Re(2):") and with ASCII or full-width colon.
_PREFIX = re.compile(
    r"\s*(?P<word>re|fw|fwd|aw|wg|sv|vs|antw|doorst|tr|rv|res|enc|odp|vá|r|回复|答复|转发|回覆|轉寄|轉發)"
    r"\s*(?:\[(?P<n>\d+)\]|\((?P<n2>\d+)\))?\s*[:：]",
    re.IGNORECASE,
)


def reply_prefixes(subject: str) -> tuple[int, int]:
    """(number of replies the leading prefixes stand for, offset where the real subject starts)."""
    count, end = 0, 0
    while match := _PREFIX.match(subject, end):
        count += int(match.group("n") or match.group("n2") or 1)
        end = match.end()
    return count, end


def _core(subject: str) -> str:
    """The subject without reply prefixes and surrounding punctuation."""
    return subject[reply_prefixes(subject)[1] :].strip(" \t-–—:：")


def _folded(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _shouting(core: str, acronyms: frozenset[str]) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]{2,}", core) if w.upper() not in acronyms]
    upper = [w for w in words if w.isupper()]
    return len(words) >= 3 and len(upper) / len(words) > 0.7


@lru_cache(maxsize=8)
def _generic_subjects(subjects: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(_folded, subjects))


@lru_cache(maxsize=8)
def _spam(words: tuple[str, ...]) -> re.Pattern[str]:
    """Marks and words of spam: "!!", "$$$", "act now", "hot sale"."""
    return re.compile("|".join([r"[!?]{2,}|\${2,}", *(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words)]), re.IGNORECASE)


def _buyer_matter(draft: Draft) -> str | None:
    """The buyer's own subject, when it states a matter worth replying under."""
    subject = draft.buyer.subject
    if subject and _core(subject):
        return _core(subject)
    return None


@detector("STR-SUBJECT")
def subject_states_matter(draft: Draft, rule: Rule) -> Iterator[Hit]:
    subject = draft.subject
    core = _core(subject)
    generic = _generic_subjects(tuple(rule.options["generic"]))
    acronyms = trade_acronyms()
    matter = _buyer_matter(draft)
    # Replying under the buyer's own subject is the best fix when theirs states the matter.
    reuse = matter and _folded(matter) not in generic
    args = {"subject": core, "reuse": f"RE: {matter}" if reuse else ""}
    advice = "reuse" if reuse else "default"
    span = (reply_prefixes(subject)[1], len(subject.rstrip()))
    if not subject.strip():
        yield Hit("subject", 0, 0, message="missing", args=args, suggestion=advice)
    elif not core:
        yield Hit("subject", 0, len(subject), message="empty", args=args, suggestion=advice)
    elif _folded(core) in generic:
        yield Hit("subject", *span, message="generic", args=args, suggestion=advice)
    elif matter and _folded(matter) == _folded(core):
        return  # the buyer's own subject: replying under it is right, whatever its style
    elif _spam(tuple(rule.options["spam-words"])).search(core):
        yield Hit("subject", *span, message="spam", args=args, suggestion="calm")
    elif _shouting(core, acronyms):
        yield Hit("subject", *span, message="caps", args=args, suggestion="calm")
    elif len(core.split()) > rule.options["max-words"]:
        args["max"] = rule.options["max-words"]
        yield Hit("subject", *span, message="long", args=args, suggestion="short")


@detector("STR-RECHAIN")
def one_reply_prefix(draft: Draft, rule: Rule) -> Iterator[Hit]:
    subject = draft.subject
    count, end = reply_prefixes(subject)
    if count < 2:
        return
    fixed = "RE: " + subject[end:].lstrip()
    yield Hit(
        "subject",
        0,
        end,
        args={"count": count},
        suggestion_text=fixed,
        fix=Fix((Edit(0, len(subject) - len(subject[end:].lstrip()), "RE: ", target="subject"),)),
    )
