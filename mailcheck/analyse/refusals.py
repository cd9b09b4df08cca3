"""Refusals in a reply, and whether an alternative follows them.

Seed 000's Henrique example: "the scooter you need is hard to produce" is
rewritten as an offer of an existing model with its specs and pictures, or a
custom build "at USD xxx and xxx days". A refusal has an alternative when the
reply goes on to offer something concrete: another model or option with a
price, a lead time, a date, a quantity, or its specs and pictures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft, memoized
from .sentences import Sentence, reply_sentences
from .time_phrases import DATE, DURATION, TIME_WORD

_ACTION = (
    r"(?:offer|make|produce|manufacture|accept|do|supply|provide|meet|give|reduce|lower|ship|deliver|send|print|use|"
    r"change|customi[sz]e|support|reach|match|guarantee|hold|register|apply|arrange|sell|quote)"
)
# "We cannot offer…", "we are unable to…", "it is not possible to…", "X is hard to produce", "we don't accept L/C".
_REFUSAL = re.compile(
    rf"\b(?:we|i)\s+(?:really\s+|unfortunately\s+)?(?:cannot|can\s*not|can't|could\s+not|couldn't|are\s+(?:not\s+able|unable)|am\s+(?:not\s+able|unable)|"
    rf"won't\s+be\s+able|will\s+not\s+be\s+able)\s+(?:to\s+)?(?:\w+\s+)?{_ACTION}\b"
    rf"|\b(?:we|i)\s+(?:do\s+not|don't|does\s+not)\s+(?:\w+\s+)?(?:offer|accept|do|supply|provide|ship|deliver|send|sell|quote|have|hold|make|produce)\b"
    rf"|\b(?:is|are|will\s+be)\s+(?:very\s+|too\s+|a\s+little\s+|quite\s+)?(?:hard|difficult|impossible|not\s+possible)\s+(?:for\s+us\s+)?to\s+{_ACTION}"
    rf"|\b(?:it\s+is|it's)\s+(?:not\s+possible|impossible)\b|\b(?:is|are)\s+not\s+(?:possible|available|our\s+business)\b"
    rf"|\bwe\s+have\s+(?:some\s+)?difficult(?:y|ies)\b|\bno,\s+we\s+can't\b",
    re.IGNORECASE,
)
# Something concrete offered instead: an amount, a time, a quantity, a model's specs or pictures.
_CONCRETE = re.compile(
    rf"(?:USD|US\$|EUR|GBP|RMB|CNY|HKD|AUD|CAD|\$|€|£|¥)\s?\d|\d\s?(?:USD|EUR|GBP|%)|{DURATION}|{DATE}|{TIME_WORD}"
    r"|\b\d[\d,.]*\s*(?:pcs|pieces|units|sets|m|mm|cm|kg|g|w|v|ml|l)\b"
    r"|\b(?:specs?|specifications?|pictures?|photos?|drawings?|data\s*sheets?|catalog(?:ue)?|samples?)\b"
    r"|\b(?:EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)\s+[A-Z]",
    re.IGNORECASE,
)
# Offering words: "instead", "we can offer", "our existing model", "we suggest", "alternatively".
_OFFER = re.compile(
    r"\b(?:instead|alternative(?:ly|s)?|option|another|other\s+(?:model|way|term|size|colou?r)|existing|similar|closest|"
    r"(?:we|i)\s+(?:can|could|would|will)\s+(?:\w+\s+){0,2}?(?:offer|suggest|recommend|propose|make|do|supply|provide|send|start|translate|refund|reach|use)|"
    r"(?:we|i)\s+(?:suggest|recommend|propose|offer)|how\s+about|what\s+about|if\s+you\s+(?:can\s+)?accept|but|however|so\s+we|which|available|from\s+\d+)\b",
    re.IGNORECASE,
)
_LATER_DATE = re.compile(DATE, re.IGNORECASE)
#: How many sentences after a refusal may carry its alternative.
WINDOW = 3


@dataclass(frozen=True)
class Refusal:
    sentence: Sentence
    start: int
    end: int
    #: True when a concrete alternative follows (in the sentence or the next few).
    alternative: bool


def _has_alternative(sentences: list[Sentence], index: int, refusal_end: int) -> bool:
    """An offer and concrete detail after the refusal: in its sentence or the next few.

    "Here is what we can offer instead: 1. Our NORD-24 set … EUR 38.50/set" puts the offer
    and the detail in different sentences, so the window is read as a whole.
    """
    first = sentences[index]
    following = [s.text for s in sentences[index + 1 : index + 1 + WINDOW]]
    window = " ".join([first.text[refusal_end - first.start :], *following])
    # A date is an alternative by itself: "not before Chinese New Year; the first loading date is 3 March".
    return bool(_OFFER.search(window) and _CONCRETE.search(window)) or bool(_LATER_DATE.search(window))


@memoized
def reply_refusals(draft: Draft) -> list[Refusal]:
    """Every refusal in the writer's text, and whether it is followed by an alternative."""
    sentences = [s for s in reply_sentences(draft) if s.zone == "body"]
    result = []
    for index, sentence in enumerate(sentences):
        if sentence.is_question:
            continue
        match = _REFUSAL.search(sentence.text)
        if match:
            start, end = sentence.start + match.start(), sentence.start + match.end()
            result.append(Refusal(sentence, start, end, _has_alternative(sentences, index, end)))
    return result
