"""Refusals in a reply, and whether an alternative follows them.

What a refusal is lives in rules/data/refusals.toml; two rules judge it:
REL-REFUSE-SOFTLY (a reason or an alternative in the same sentence) and
CARE-GIVE-MORE (something concrete offered soon after). Seed 000's Henrique
example: "the scooter you need is hard to produce" is rewritten as an offer of
an existing model with its specs and pictures, or a custom build "at USD xxx
and xxx days". A refusal has an alternative when the reply goes on to offer
something concrete: another model or option with a price, a lead time, a date,
a quantity, or its specs and pictures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..packs import compile_pattern, expand_lists, load_data
from .draft import Draft, memoized
from .sentences import Sentence, reply_sentences
from .time_phrases import DATE, DURATION, TIME_WORD

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
    r"(?:we|i)\s+(?:can|could|would|will)\s+(?:\w+\s+){0,2}?(?:offer|suggest|recommend|propose|make|do|supply|provide|send|start|translate|refund|reach|use|accept)|"
    r"(?:we|i)\s+(?:suggest|recommend|propose|offer)|how\s+about|what\s+about|if\s+you\s+(?:can\s+)?accept|but|however|so\s+we|which|available|from\s+\d+)\b",
    re.IGNORECASE,
)
_LATER_DATE = re.compile(DATE, re.IGNORECASE)
#: How many sentences after a refusal may carry its alternative.
WINDOW = 3
#: The writer's zones, where a refusal is the writer's own.
_ZONES = ("greeting", "body", "closing")


@dataclass(frozen=True)
class Refusal:
    sentence: Sentence
    start: int
    end: int
    #: True when a concrete alternative follows (in the sentence or the next few of its zone).
    alternative: bool


@dataclass(frozen=True)
class _Definition:
    """What a refusal is, compiled from rules/data/refusals.toml."""

    patterns: tuple[re.Pattern[str], ...]
    #: Negatives that refuse nothing.
    excepts: tuple[re.Pattern[str], ...]
    #: Words every refusal holds, one at least.
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def _definition() -> _Definition:
    data = load_data("refusals")
    verbs = {name: data[name] for name in ("refused", "refused-habit")}
    return _Definition(
        tuple(compile_pattern(expand_lists(p, verbs)) for p in data["patterns"]),
        tuple(compile_pattern(p) for p in data["except"]),
        tuple(data["words"]),
    )


def refusals_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that refuse, in order; where two overlap, the pattern listed first counts."""
    definition = _definition()
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    if not any(word in lowered for word in definition.words):
        return []
    spans: list[tuple[int, int]] = []
    excepted: list[tuple[int, int]] | None = None  # searched only once something matches
    for pattern in definition.patterns:
        for match in pattern.finditer(text, start, end):
            s, e = match.span()
            if excepted is None:
                excepted = [x.span() for p in definition.excepts for x in p.finditer(text, start, end)]
            if any(a <= s and e <= b for a, b in excepted) or any(s < b and a < e for a, b in spans):
                continue
            spans.append((s, e))
    return sorted(spans)


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
    """Every refusal in the writer's text, and whether an alternative follows it; a question refuses nothing."""
    sentences = reply_sentences(draft)
    result = []
    for zone in draft.split.zones:
        if zone.kind not in _ZONES:
            continue
        spans = refusals_in(draft.text, zone.start, zone.end)
        in_zone = [s for s in sentences if s.zone == zone.kind and zone.start <= s.start < zone.end] if spans else []
        for start, end in spans:
            index = next((i for i, s in enumerate(in_zone) if s.start <= start < s.end), None)
            if index is not None and not in_zone[index].is_question:
                result.append(Refusal(in_zone[index], start, end, _has_alternative(in_zone, index, end)))
    return result
