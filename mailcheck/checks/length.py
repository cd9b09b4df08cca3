"""PRO-LENGTH: the reply as short as its content allows, and long enough to answer.

A reply carrying a quotation may be longer than one without; a short reply is
flagged only when the buyer asked more than so few words can answer. The
sentence rules (PRO-SENTENCE, PRO-SENTENCE-GRADE) are metrics in rules/length.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analyse.draft import Draft
from ..analyse.points import buyer_points
from ..packs import Rule
from .metric import count_words
from .quote import prices, quotation_attached
from .registry import Hit, detector


@detector("PRO-LENGTH")
def reply_length(draft: Draft, rule: Rule) -> Iterator[Hit]:
    spans = [(zone, start, end) for zone, start, end in draft.spans(rule.scope) if zone != "subject"]
    if not spans:
        return
    words = sum(count_words(draft.text[start:end]) for _, start, end in spans)
    where = (spans[0][0], spans[0][1], spans[-1][2])
    options = rule.options
    quotation = bool(prices(draft)) or quotation_attached(draft)
    limit = options["max-words-quotation"] if quotation else options["max-words"]
    if words > limit:
        yield Hit(*where, message="long", args={"words": words, "max": limit}, suggestion="long")
        return
    if words >= options["short-below"]:
        return  # long enough not to need the buyer's questions counted (which takes spaCy)
    asked = [p for p in buyer_points(draft) if p.explicit]
    if len(asked) >= options["min-points"] and words < options["words-per-point"] * len(asked):
        yield Hit(*where, message="short", args={"words": words, "points": len(asked)}, suggestion="short")
