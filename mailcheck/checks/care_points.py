"""CARE-ALL-POINTS and CARE-DEFER-WHEN: every buyer point answered, every deferral dated."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analyse.answers import Verdict, verdicts
from ..analyse.deferrals import reply_deferrals
from ..analyse.draft import Draft
from ..analyse.points import Point
from ..analyse.topics import topics
from ..packs import Rule
from .registry import Hit, detector

QUOTE_WIDTH = 90


def quoted(text: str) -> str:
    """The buyer's words, shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1].rstrip() + "…"


def _in_quote(draft: Draft, point: Point) -> tuple[int, int] | None:
    """Where the point's words stand in the quoted inquiry in the draft (with "> " markers between lines)."""
    words = re.findall(r"\S+", point.text)
    if not words or draft.buyer.source != "quote":
        return None
    pattern = re.compile(r"[\s>]+".join(re.escape(w) for w in words))
    for message in draft.split.quoted:
        found = pattern.search(draft.text, message.start, message.end)
        if found:
            return found.span()
    return None


def _answer_place(draft: Draft) -> tuple[str, int, int]:
    """The reply's last paragraph of body text: where a missing answer would go."""
    bodies = draft.split.spans("body")
    if not bodies:
        end = len(draft.split.reply_text)
        return "body", max(0, draft.split.reply_text.rfind("\n", 0, end) + 1), end
    zone = bodies[-1]
    text = draft.text[zone.start : zone.end].rstrip()
    start = text.rfind("\n\n") + 2 if "\n\n" in text else 0
    return "body", zone.start + start, zone.start + len(text)


def _codes(verdict: Verdict) -> str:
    return ", ".join(" / ".join(code.text for code in group) for group in verdict.missing_codes)


@detector("CARE-ALL-POINTS", nlp=True)
def all_points(draft: Draft, rule: Rule) -> Iterator[Hit]:
    for verdict in verdicts(draft):
        if verdict.status != "unanswered":
            continue  # a deferral without a time is CARE-DEFER-WHEN's finding
        point = verdict.point
        args = {"point": quoted(point.text)}
        if verdict.missing_topics:
            topic = verdict.missing_topics[0]
            args["missing"] = topic.missing
            message = "topic"
        elif verdict.missing_codes:
            topic = topics().get(point.topic)
            args["codes"] = _codes(verdict)
            message = "codes"
        elif verdict.missing_numbers:
            topic = topics().get(point.topic)
            args["numbers"] = ", ".join(verdict.missing_numbers)
            message = "numbers"
        elif verdict.missing_words:
            topic = topics().get(point.topic)
            args["parts"] = ", ".join(verdict.missing_words)
            message = "parts"
        else:
            topic = topics().get(point.topic)
            message = "content" if point.explicit else "requirement"
        args["example"] = topic.example if topic is not None else rule.labels["example"]
        place = _in_quote(draft, point)
        zone, start, end = ("quote", *place) if place else _answer_place(draft)
        yield Hit(zone, start, end, message=message, args=args, suggestion="answer" if point.explicit else "confirm")


@detector("CARE-DEFER-WHEN", nlp=True)
def defer_when(draft: Draft, rule: Rule) -> Iterator[Hit]:
    # Name the buyer's point the deferral puts off, when it is clear which one.
    put_off = {v.deferral.sentence.start: v.point for v in verdicts(draft) if v.deferral is not None}
    for deferral in reply_deferrals(draft):
        if deferral.timed:
            continue
        args = {"phrase": quoted(draft.text[deferral.start : deferral.end])}
        point = put_off.get(deferral.sentence.start)
        if point is not None:
            args["point"] = quoted(point.text)
        yield Hit(
            deferral.sentence.zone,
            deferral.sentence.start,
            deferral.sentence.end,
            message="point" if point is not None else "default",
            args=args,
            suggestion="default",
        )

