"""CARE-ASK-BACK (ask the buyer something) and CARE-CHOICE-Q (choices, listed together)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..analyse.draft import Draft
from ..analyse.questions import paragraphs_between, reply_questions
from ..analyse.sentences import reply_sentences
from ..packs import Rule, Text
from .registry import Hit, detector


@detector("CARE-ASK-BACK")
def ask_back(draft: Draft, rule: Rule) -> Iterator[Hit]:
    body = [s for s in reply_sentences(draft) if s.zone == "body"]
    if len(body) < rule.options["min-sentences"] or reply_questions(draft):
        return
    last = body[-1]
    yield Hit("body", last.start, last.end, suggestion="default")


@lru_cache(maxsize=32)
def _open_kinds(entries: tuple[tuple[str, str, str], ...]) -> list[tuple[re.Pattern[str], Text]]:
    return [(re.compile(pattern, re.IGNORECASE), Text(en, zh)) for pattern, en, zh in entries]


@detector("CARE-CHOICE-Q")
def choice_questions(draft: Draft, rule: Rule) -> Iterator[Hit]:
    questions = reply_questions(draft)
    kinds = _open_kinds(tuple((e["pattern"], e["suggestion"]["en"], e["suggestion"]["zh"]) for e in rule.entries))
    for question in questions:
        if not question.direct or question.offers_choice:
            continue
        for pattern, example in kinds:
            if pattern.search(question.sentence.text):
                s = question.sentence
                yield Hit(s.zone, s.start, s.end, message="open", args={"example": example}, suggestion="choice")
                break
    loose = [q for q in questions if q.direct and not q.listed]
    if len(loose) >= rule.options["scattered-min"] and paragraphs_between(draft, loose[0], loose[-1]) >= 1:
        first = loose[0].sentence
        yield Hit(first.zone, first.start, first.end, message="scattered", args={"count": len(loose)}, suggestion="numbered")
