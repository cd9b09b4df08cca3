"""REL-ADMIT: a reply to a complaint owns the problem and says what will be done."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analyse.draft import Draft
from ..analyse.sentences import Sentence, reply_sentences
from ..packs import Rule
from .prefilter import Alternatives, alternatives, buyer_haystack, haystack
from .registry import Hit, detector


def _option(rule: Rule, key: str) -> Alternatives:
    return alternatives(tuple(rule.options[key]))


def _pattern(rule: Rule, key: str) -> re.Pattern[str]:
    return _option(rule, key).pattern


def buyer_complains(draft: Draft, rule: Rule) -> bool:
    """The buyer's message reports a problem with the goods or the order."""
    said = f"{draft.buyer.subject or ''}\n{draft.buyer.text or ''}"
    complaint, goods = (_option(rule, key).within(buyer_haystack(draft)) for key in ("complaint", "goods"))
    return bool(complaint and complaint.search(said) and goods and goods.search(said))


def _phrase_hit(sentence: Sentence, match: re.Match[str], key: str) -> Hit:
    """The matched words of a sentence, with the message and suggestion ``key``."""
    start, end = sentence.start + match.start(), sentence.start + match.end()
    return Hit(sentence.zone, start, end, message=key, args={"match": match.group()}, suggestion=key)


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
                yield _phrase_hit(sentence, match, "deflects")
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
            yield _phrase_hit(sentence, match, "vague")
            return
    body = [s for s in sentences if s.zone == "body"] or sentences
    yield Hit(body[0].zone, body[0].start, body[0].end, message="no_action", suggestion="no_action")
