"""Deferrals in a reply: "we will check and revert", "I'll confirm later", "we are working on it".

Seed 000: when something cannot be answered yet, say when it will be. A
deferral is *timed* when the sentence says when ("by Friday", "within 2 days",
"tomorrow") or ties it to a fixed step of the order ("during the shop drawing
stage", "once you confirm the order"); "soon", "later" and "as soon as
possible" do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft, memoized
from .sentences import Sentence, reply_sentences
from .time_phrases import time_expression

# Who finds an answer out: the writer, or someone the writer asks ("our certification department", "our partner").
_SUBJECT = (
    r"(?:we|i|the\s+factory|our\s+(?:[\w-]+\s+){0,2}?(?:team|engineers?|technicians?|factory|boss|manager|colleagues?|department|"
    r"partners?|forwarder|supplier|lab|qc|qa|office))"
)
_WILL = r"(?:will|'ll|shall|would|are going to|am going to|need to|have to|must|want to|'d like to)"
# Verbs that always put off the answer: "get back to you", "revert", "let you know", "update you".
_REPORT = (
    r"(?:revert|get\s+back|come\s+back|let\s+you\s+know|update\s+you|keep\s+you\s+(?:updated|posted|informed)|inform\s+you|"
    r"advise\s+you|reply\s+(?:to\s+you\s+)?(?:later|soon|asap|as soon as possible)|answer\s+(?:you\s+)?later|respond\s+(?:later|soon)|"
    r"send\s+(?:\w+\s+){0,4}?(?:later|soon|shortly|asap|as soon as possible|in due course|when\s+(?:ready|available|possible))|"
    r"quote\s+(?:\w+\s+){0,3}?(?:later|soon|separately|once|when|after)|answer\s+(?:your|the|this)\b|follow\s+up)"
)
# Verbs that put off the answer when their object is information to be found.
_CHECK = (
    r"(?:check|confirm|verify|ask|consult|discuss|look\s+into|find\s+out|investigate|analy[sz]e|examine|study|calculate|evaluate|review|work\s+out|figure\s+out|"
    r"double[- ]check|clarify|get\s+(?:\w+\s+){0,3}?from)"
)
_DEFERRAL = re.compile(
    rf"\b{_SUBJECT}(?:\s+(?:\w+\s+){{0,2}}?{_WILL}|['’]ll)\s+(?:\w+\s+){{0,3}}?(?:{_REPORT}|{_CHECK})\b"
    rf"|\blet\s+(?:me|us)\s+(?:first\s+)?(?:{_CHECK}|{_REPORT})\b"
    rf"|^\W*(?:will|shall)\s+(?:{_REPORT}|update)\b"
    rf"|\b(?:{_SUBJECT}(?:['’](?:re|m)|\s+(?:are|am|is)))\s+(?:still\s+|now\s+)?(?:checking|working\s+on|looking\s+into|investigating|analy[sz]ing|confirming|calculating|"
    rf"discussing|reviewing|waiting\s+for|asking|studying|evaluating|preparing)\b"
    rf"|\b(?:is|are)\s+(?:still\s+)?(?:under\s+(?:review|discussion|checking|evaluation)|pending)\b|\bpending\b"
    rf"|\b(?:will|shall)\s+be\s+(?:advised|confirmed|informed|updated|sent|provided|quoted|checked)\s+(?:later|soon|shortly|separately|in\s+due\s+course|asap)\b"
    rf"|\b(?:to\s+be|needs?\s+to\s+be)\s+(?:confirmed|advised|decided|determined|checked|calculated|discussed)\b|\btb[ca]\b"
    rf"|\bwill\s+follow(?:\s+(?:soon|later|shortly|separately))?\s*[.!]?\s*$|\b(?:allow|give)\s+(?:me|us)\s+(?:some\s+)?(?:more\s+)?time\b"
    rf"|\b{_REPORT}\s+to\s+you\b|\bneed\s+(?:some\s+)?(?:more\s+)?time\s+to\b",
    re.IGNORECASE,
)
# Checking goods is work, not a deferral: "our QC team will check every carton".
_CHECK_ONLY = re.compile(rf"\b{_CHECK}\b", re.IGNORECASE)
_REPORT_ONLY = re.compile(_REPORT, re.IGNORECASE)
_INFO_OBJECT = re.compile(
    # "check with our forwarder", "check the registration with our partner in Brazil": asking someone is finding out.
    r"(?:(?:(?:the|this|that|your|its)\s+)?(?:[\w-]+\s+){0,2}?with\s+(?:our|my|the)\s+\w+"
    r"|(?:our|my|the)\s+(?:\w+\s+)?(?:forwarder|factory|supplier|boss|manager|engineers?|team|colleagues?|department|partners?|lab|agent)\b|and\s+(?:\w+\s+){0,2}(?:revert|get\s+back|come\s+back|let\s+you\s+know|update|inform|advise|reply|confirm)"
    r"|(?:it|this|that|them)\b|the\s+(?:price|cost|stock|lead\s+time|availability|details?|possibility|feasibility|freight|rate|date|schedule|"
    r"capacity|quantity|samples?|certificates?|reports?)\b|whether\b|if\b|[.!]?\s*$)",
    re.IGNORECASE,
)
# A fixed step of the order also says when: "during the shop drawing stage", "once you confirm the order".
_EVENT = re.compile(
    r"\b(?:during|at|before|after|upon|on)\s+(?:the\s+|your\s+|each\s+|every\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:stage|production|shipment|shipping|loading|delivery|approval|order|inspection|confirmation|receipt|deposit)\b"
    # "with" a step, not with the people who do it: "with the first shipment", not "with production".
    r"|\bwith\s+(?:the\s+|your\s+)?(?:first\s+|next\s+)?(?:shipment|order|delivery|deposit|goods|samples?)\b"
    r"|\b(?:once|as soon as|when)\s+you\s+(?:confirm|send|approve|place|pay|sign|return)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Deferral:
    sentence: Sentence
    #: The words that put the answer off, as offsets into the draft.
    start: int
    end: int
    #: The expression that says when, or None.
    when: str | None

    @property
    def timed(self) -> bool:
        return self.when is not None


def find_deferral(text: str) -> re.Match[str] | None:
    """The words of ``text`` that put an answer off, if any."""
    for match in _DEFERRAL.finditer(text):
        checks = _CHECK_ONLY.search(match.group(0))
        if checks and not _REPORT_ONLY.search(match.group(0)):
            rest = text[match.start() + checks.end() :].lstrip(" ,")
            if not _INFO_OBJECT.match(rest):
                continue  # "we check every carton before packing" is work, not a deferral
        return match
    return None


def when_of(text: str) -> str | None:
    """What in a deferral says when it will be answered, or None."""
    found = time_expression(text) or _EVENT.search(text)
    return found.group(0) if found else None


@memoized
def reply_deferrals(draft: Draft) -> list[Deferral]:
    """Every sentence of the writer's text that puts an answer off."""
    result = []
    for sentence in reply_sentences(draft):
        if sentence.is_question:
            continue
        match = find_deferral(sentence.text)
        if match:
            # A sentence's text is draft.text[start:end], so offsets in it shift by its start.
            start, end = sentence.start + match.start(), sentence.start + match.end()
            result.append(Deferral(sentence, start, end, when_of(sentence.text)))
    return result
