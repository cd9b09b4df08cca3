"""REL-ADMIT: a reply to a complaint owns the problem and says what will be done."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..analyse.draft import Draft
from ..analyse.sentences import reply_sentences
from ..packs import Rule
from .registry import Hit, detector


@lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _pattern(rule: Rule, key: str) -> re.Pattern[str]:
    return _compiled(tuple(rule.options[key]))


def buyer_complains(draft: Draft, rule: Rule) -> bool:
    """The buyer's message reports a problem with the goods or the order."""
    said = f"{draft.buyer.subject or ''}\n{draft.buyer.text or ''}"
    return bool(_pattern(rule, "complaint").search(said) and _pattern(rule, "goods").search(said))


@detector("REL-ADMIT")
def own_the_problem(draft: Draft, rule: Rule) -> Iterator[Hit]:
    complaint = buyer_complains(draft, rule)
    deflection = _pattern(rule, "deflection")
    mild = _pattern(rule, "deflection-in-complaint")
    sentences = [s for s in reply_sentences(draft) if s.zone in rule.scope]
    for sentence in sentences:
        for pattern in (deflection, mild) if complaint else (deflection,):
            match = pattern.search(sentence.text)
            if match:
                start = sentence.start + match.start()
                yield Hit(sentence.zone, start, sentence.start + match.end(), message="deflects",
                          args={"match": match.group()}, suggestion="deflects")
                break
    if not complaint or not sentences:
        return
    reply = "\n".join(s.text for s in sentences)
    if _pattern(rule, "action").search(reply):
        return
    vague = _pattern(rule, "vague")
    for sentence in sentences:
        match = vague.search(sentence.text)
        if match:
            start = sentence.start + match.start()
            yield Hit(sentence.zone, start, sentence.start + match.end(), message="vague",
                      args={"match": match.group()}, suggestion="vague")
            return
    body = [s for s in sentences if s.zone == "body"] or sentences
    yield Hit(body[0].zone, body[0].start, body[0].end, message="no_action", suggestion="no_action")
