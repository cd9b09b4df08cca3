"""Refusals (analyse/refusals.py): REL-REFUSE-SOFTLY (a reason or an alternative beside it) and
CARE-GIVE-MORE (something concrete offered instead)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..analyse.draft import Draft
from ..analyse.refusals import reply_refusals
from ..packs import Rule, compile_pattern
from .registry import Hit, detector


@lru_cache(maxsize=8)
def _softeners(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_pattern(p) for p in patterns)


@detector("REL-REFUSE-SOFTLY")
def refuse_softly(draft: Draft, rule: Rule) -> Iterator[Hit]:
    softeners = _softeners(tuple(rule.options["softened-by"]))
    for refusal in reply_refusals(draft):
        sentence = refusal.sentence
        if sentence.zone in rule.scope and not any(p.search(sentence.text) for p in softeners):
            words = " ".join(draft.text[refusal.start : refusal.end].split())
            yield Hit(sentence.zone, refusal.start, refusal.end, args={"match": words}, suggestion="default")


@detector("CARE-GIVE-MORE")
def give_more(draft: Draft, rule: Rule) -> Iterator[Hit]:
    flagged: set[int] = set()  # one finding a sentence, however many refusals it holds
    for refusal in reply_refusals(draft):
        sentence = refusal.sentence
        if sentence.zone in rule.scope and not refusal.alternative and sentence.start not in flagged:
            flagged.add(sentence.start)
            words = draft.text[refusal.start : refusal.end]
            yield Hit(sentence.zone, sentence.start, sentence.end, args={"refusal": words}, suggestion="default")
