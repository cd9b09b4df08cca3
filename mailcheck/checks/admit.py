"""REL-ADMIT: a reply to a complaint owns the problem and says what will be done."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analyse.draft import Draft
from ..analyse.sentences import reply_sentences
from ..packs import Rule
from .prefilter import Alternatives, alternatives, haystack
from .registry import Hit, detector


def _option(rule: Rule, key: str) -> Alternatives:
    return alternatives(tuple(rule.options[key]))


def _pattern(rule: Rule, key: str) -> re.Pattern[str]:
    return _option(rule, key).pattern


def buyer_complains(draft: Draft, rule: Rule) -> bool:
    """The buyer's message reports a problem with the goods or the order."""
    said = f"{draft.buyer.subject or ''}\n{draft.buyer.text or ''}"
    return bool(_pattern(rule, "complaint").search(said) and _pattern(rule, "goods").search(said))


@detector("REL-ADMIT")
def own_the_problem(draft: Draft, rule: Rule) -> Iterator[Hit]:
    complaint = buyer_complains(draft, rule)
    written = haystack(draft, rule.scope)
    keys = ("deflection", "deflection-in-complaint") if complaint else ("deflection",)
    deflections = [p for p in (_option(rule, key).within(written) for key in keys) if p is not None]
    sentences = [s for s in reply_sentences(draft) if s.zone in rule.scope]
    for sentence in sentences:
        for pattern in deflections:
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
