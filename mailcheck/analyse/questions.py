"""The writer's questions to the buyer: are there any, are they choices, are they together?

Seed 000 asks the writer to ask back (main business, market, quantity, target
price…); seed 002 to list all questions at once, numbered, and to let the
buyer choose ("Do you prefer 500 or 1,000 pcs?") rather than fill in ("What
quantity do you need?"). A question is a sentence of the writer's text that
ends with a question mark, or a polite request for information ("Please let us
know your target price."). Questions in the quoted message are the buyer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft, memoized
from .lists import LIST_ITEM
from .sentences import Sentence, reply_sentences

# "Please let us know which colour you prefer", "Kindly confirm the quantity": a question without "?".
_INDIRECT = re.compile(
    r"^(?:(?:and|also|so)\s+)?(?:please\s+|kindly\s+|pls\s+)?(?:also\s+)?(?:let\s+(?:me|us)\s+know|advise|tell\s+(?:me|us)|confirm|inform\s+(?:me|us)|"
    r"specify|indicate|share|send\s+(?:me|us))\b"
    r"|\b(?:i|we)\s+(?:would|'d)\s+(?:appreciate\s+it|be\s+(?:grateful|glad|happy))\s+if\s+you\s+(?:could|would|can)\b"
    r"|\bmay\s+(?:i|we)\s+(?:ask|know)\b",
    re.IGNORECASE,
)
# Courtesy offers that ask nothing: "Please let me know if you have any questions."
_COURTESY = re.compile(
    r"\bif\s+you\s+(?:have|need|require)\s+(?:any|further|more|other)\b|\bfeel\s+free\b|\bdo\s+not\s+hesitate\b|\bdon't\s+hesitate\b"
    r"|\bif\s+(?:there\s+is|you\s+are)\s+(?:anything|interested)\b|\bany\s+(?:questions|comments)\b|^(?:ok|okay|right)\W*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# A question that offers options: "500 or 1,000 pcs?", "black, white or grey?".
_CHOICE = re.compile(r"\bor\b|\beither\b|\b(?:1|a)\)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    sentence: Sentence
    #: Written with a question mark (not a polite request for information).
    direct: bool
    #: The paragraph the question sits in, counted from the top of the reply.
    paragraph: int
    #: Part of a numbered or bulleted list.
    listed: bool

    @property
    def offers_choice(self) -> bool:
        return bool(_CHOICE.search(self.sentence.text))


def _is_question(sentence: Sentence) -> tuple[bool, bool] | None:
    """(direct, asks) for a sentence: None when it asks the buyer nothing."""
    text = sentence.text.strip()
    direct = text.endswith(("?", "？"))
    if not (direct or _INDIRECT.search(text)) or _COURTESY.search(text):
        return None
    if direct:
        return (True, True) if len(_WORD.findall(text)) >= 3 else None  # "Ok?" asks nothing
    return False, True


@memoized
def reply_questions(draft: Draft) -> list[Question]:
    """The writer's questions to the buyer, in order, with the paragraph each sits in."""
    result = []
    paragraph = 0
    previous_end: int | None = None
    for sentence in reply_sentences(draft):
        gap = draft.text[previous_end : sentence.start] if previous_end is not None else "\n\n"
        if "\n\n" in gap:
            paragraph += 1
        previous_end = sentence.end
        line_start = draft.text.rfind("\n", 0, sentence.start) + 1
        listed = bool(LIST_ITEM.match(draft.text[line_start : sentence.end]))
        asked = _is_question(sentence)
        if asked is not None:
            result.append(Question(sentence, asked[0], paragraph, listed))
    return result


def paragraphs_between(draft: Draft, first: Question, last: Question) -> int:
    """How many paragraphs without a question lie between two questions."""
    asking = {q.paragraph for q in reply_questions(draft)}
    return sum(1 for p in range(first.paragraph + 1, last.paragraph) if p not in asking)
