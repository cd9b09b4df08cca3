"""The reply's opening acknowledgement of the buyer's message, and whether it says what and when.

Seed 000 rewrites "Thank you for your email." as "Thank you for your email
dated XXX.": a reply that names the date or the matter of the inquiry shows it
was read. The acknowledgement is the first sentence or two of the reply that
thanks for or confirms receipt of the buyer's message.
"""

from __future__ import annotations

import re

from .draft import Draft, memoized
from .sentences import Sentence, reply_sentences

_ACKNOWLEDGE = re.compile(
    r"^(?:(?:dear\s+[^,]{1,40},\s*)?(?:many\s+|a\s+lot\s+of\s+)?thanks?\b|thank\s+you\b|(?:i|we)\s+(?:really\s+)?appreciate\b"
    r"|(?:i|we)\s+(?:have\s+)?(?:well\s+)?received\b|well\s+received\b|noted\s+with\s+thanks\b"
    r"|(?:(?:i|we)\s+(?:am|are)\s+)?(?:glad|happy|nice|pleased|good|great)\s+to\s+(?:receive|hear|get|have|see|read)\b"
    r"|(?:dear\s+[^,]{1,40},\s*)(?:nice|glad|happy|pleased|good)\s+to\b"
    r"|further\s+to\b|with\s+reference\s+to\b|following\s+your\b|as\s+discussed\b|it\s+was\s+(?:good|nice|great)\s+to\b"
    r"|in\s+(?:reply|response)\s+to\b|here\s+(?:is|are)\s+(?:our|the|my)\s+\w+\s+(?:to|for)\s+your\b)",
    re.IGNORECASE,
)
# What an acknowledgement says when it says nothing particular: "your email", "your interest in our products".
_GENERIC = re.compile(
    r"\b(?:dear|friend|many|a|lot|of|thanks?|thank|you|very|much|so|again|kindly|for|your|the|our|my|kind|prompt|quick|fast|early|"
    r"nice|detailed|recent|new|latest|valuable|e-?mails?|mails?|messages?|inquir(?:y|ies)|enquir(?:y|ies)|letters?|replies|reply|"
    r"responses?|interest|feedback|in|products?|company|items?|goods|us|contacting|choosing|considering|writing|reaching|out|"
    r"to|from|i|we|am|are|have|has|well|received?|noted|with|glad|happy|pleased|good|great|hear|get|read|see|it|was|and|"
    r"appreciate|really|sincerely|truly|time|patience|support|attention)\b",
    re.IGNORECASE,
)
_NON_LETTERS = re.compile(r"[\W\d_]+")
_DIGIT = re.compile(r"\d")
# Where an acknowledgement ends and the reply goes on to something else: "Thanks for your email, we are a factory…".
_CLAUSE_END = re.compile(r"[;:!.]|,\s*(?=(?:we|i|our|please|here|the|this|attached|below|as|and)\b)|\s+and\s+(?=(?:we|i|our|here)\b)", re.IGNORECASE)


def _ack_clauses(text: str) -> list[str]:
    """The parts of a sentence that acknowledge the buyer's message."""
    result = []
    position = 0
    for piece_end in [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        piece = text[position:piece_end].strip(" ,")
        position = piece_end + 1
        if _ACKNOWLEDGE.match(piece):
            result.append(piece)
    return result


def is_bare(sentence: str) -> bool:
    """True when an acknowledgement names neither the matter nor the date of the buyer's message."""
    clauses = _ack_clauses(sentence)
    if not clauses:
        return False
    # Bare when every acknowledging clause is only generic words ("Thank you for your email").
    return all(not _NON_LETTERS.sub(" ", _GENERIC.sub(" ", c)).strip() and not _DIGIT.search(c) for c in clauses)


def acknowledgements(draft: Draft) -> list[Sentence]:
    """The sentences among the first three of the reply that acknowledge the buyer's message."""
    opening = [s for s in reply_sentences(draft) if s.zone in ("greeting", "body")][:3]
    return [s for s in opening if _ack_clauses(s.text)]


@memoized
def acknowledgement(draft: Draft) -> Sentence | None:
    """The opening acknowledgement: the one that names the inquiry if any does, else the first."""
    found = acknowledgements(draft)
    return next((s for s in found if not is_bare(s.text)), found[0] if found else None)
