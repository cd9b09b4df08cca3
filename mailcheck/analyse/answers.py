"""Does the reply answer each buyer point? The way an export manager reviews a junior's draft.

A point is answered when the reply

* names every standard or code the buyer named ("E-mark", "SANS 434", "FOB"), or
  one of the alternatives the buyer offered ("cUL or cETL");
* gives, for each topic answered by a kind of fact, that fact: an amount for a
  price, a duration or date for a lead time, terms for payment, when and how
  samples come… When the buyer asks for the price or timing of a thing
  (samples, a catalogue), the answer must sit beside that thing;
* and, for points answered in the buyer's own words (a specification, a yes/no
  question on a feature), covers most of the point's content words.

Only the writer's own statements count: not questions back to the buyer, not
the opening thanks ("Thank you for your inquiry about T8 tubes" restates, it
does not answer), not the topic a sentence only introduces ("About flame
retardancy, our fabric is very stable" says nothing about flame retardancy),
and not a step mentioned in passing ("35 days after sample approval" says
nothing about samples). A point the reply puts off is *deferred*: answered when
the deferral says when, and left to CARE-DEFER-WHEN when it does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .deferrals import Deferral, reply_deferrals
from .draft import Draft, memoized
from .points import Point, buyer_points
from .reference import acknowledgement
from .sentences import Sentence, reply_sentences
from .terms import Code, acronyms, code_named, initials_of, normal, same_word, tokens, word_forms
from .topics import Topic, topics

#: Share of a point's weighted content words the reply must cover: asked points, stated requirements.
COVERAGE = {"explicit": 0.55, "numbered": 0.3, "requirement": 0.25}

# "About flame retardancy, …", "Regarding quantities, …": introduces a topic, answers nothing by itself.
_INTRO = re.compile(
    r"^(?:\(?\d{1,2}[.)]\s*)?(?:about|regarding|concerning|as\s+for|as\s+to|as\s+regards|with\s+regards?\s+to|with\s+respect\s+to|"
    r"in\s+terms\s+of|on\s+the\s+(?:question|subject|topic)\s+of|re)\b"
    # A topic, not a statement: "About SABER we don't have, but…" already answers.
    r"(?:(?!\b(?:we|i|you|they|it|is|are|was|were|have|has|had|do|does|did|don't|can|cannot|can't|will|would)\b)[^,:]){0,60}[,:]\s*",
    re.IGNORECASE,
)
# "after sample approval", "upon receipt of your deposit": a step of the schedule, not an answer about it.
_IN_PASSING = re.compile(r"\b(?:after|upon|once|following)\b[^.,;:()]*", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|[-*•·◆▪►–])\s+")
_MARKER_ONLY = re.compile(r"^\(?(?:\d{1,2}|[a-hA-H])[.)]$")


@dataclass
class ReplyPart:
    """A sentence of the reply as evidence: its role and the text that may answer."""

    sentence: Sentence
    #: "answer", "question", "acknowledgement" or "deferral".
    role: str
    #: The sentence without a topic it only introduces and without steps named in passing.
    main: str
    block: int
    #: The list number of the item the sentence belongs to ("3" in "3. Lead time: …").
    number: str | None = None


@dataclass
class Reply:
    parts: list[ReplyPart]
    deferrals: list[Deferral]
    #: Normal forms of every statement in the reply (acknowledgement included), for codes.
    forms: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)

    def answers(self) -> list[ReplyPart]:
        return [p for p in self.parts if p.role == "answer"]

    def blocks(self) -> list[str]:
        """The answering text of each paragraph or list item."""
        grouped: dict[int, list[str]] = {}
        for part in self.answers():
            grouped.setdefault(part.block, []).append(part.main)
        return [" ".join(texts) for texts in grouped.values()]

    def numbered(self, number: str) -> str | None:
        """The answering text of item ``number`` when the reply answers in a numbered list, else None."""
        numbers = {p.number for p in self.parts if p.number}
        if len(numbers) < 2 or number not in numbers:
            return None
        return " ".join(p.main for p in self.answers() if p.number == number)

    def statements(self) -> str:
        """Everything the reply says about the goods, the opening thanks and questions back included."""
        return " ".join(p.main for p in self.parts if p.role != "deferral")

    def acknowledged(self) -> str:
        """The opening thanks: what it names ("your inquiry about 50 ml glass jars") is shared context."""
        return " ".join(p.main for p in self.parts if p.role == "acknowledgement")


@dataclass(frozen=True)
class Verdict:
    point: Point
    #: "answered", "deferred" (with a time), "deferred_untimed" or "unanswered".
    status: str
    missing_topics: tuple[Topic, ...] = ()
    missing_codes: tuple[tuple[Code, ...], ...] = ()
    deferral: Deferral | None = None

    @property
    def open(self) -> bool:
        """Left without an answer or a dated promise of one."""
        return self.status in ("unanswered", "deferred_untimed")


def _main_clause(text: str) -> str:
    text = " ".join(_LIST_MARK.sub("", text).split())  # one line: evidence patterns read across wrapped lines
    text = _INTRO.sub("", text)
    return _IN_PASSING.sub(" ", text)


@memoized
def reply_parts(draft: Draft) -> Reply:
    """The writer's sentences, each with its role, grouped by paragraph."""
    deferrals = reply_deferrals(draft)
    deferred = {d.sentence.start for d in deferrals if not d.timed}
    acknowledged = acknowledgement(draft)
    parts = []
    block = 0
    number: str | None = None
    previous_end = None
    for sentence in reply_sentences(draft):
        gap = draft.text[previous_end : sentence.start] if previous_end is not None else ""
        item = _LIST_MARK.match(sentence.text + " ")
        if previous_end is None or "\n\n" in gap or ("\n" in gap and item):
            block += 1
            number = None
        if item:
            number = re.sub(r"\D", "", item.group(0)) or None
        previous_end = sentence.end
        if _MARKER_ONLY.match(sentence.text):
            continue  # "3." split off as a sentence: it numbers the next one
        if sentence.is_question:
            role = "question"
        elif acknowledged is not None and sentence.start == acknowledged.start:
            role = "acknowledgement"
        elif sentence.start in deferred:
            role = "deferral"  # put off with no time: no answer (a dated promise is one)
        else:
            role = "answer"
        parts.append(ReplyPart(sentence, role, _main_clause(sentence.text), block, number))
    reply = Reply(parts, deferrals)
    statements = " ".join(p.sentence.text for p in parts if p.role in ("answer", "acknowledgement"))
    reply.forms = word_forms(statements)
    reply.words = [w for w, _, _ in tokens(statements)]
    return reply


def coverage(point: Point, text: str) -> float:
    """Share of the point's weighted content words and codes that ``text`` names.

    Synonyms, shared stems and acronyms count ("PI" names "proforma invoice"); a
    group of alternative codes counts once, as one word.
    """
    total = sum(t.weight for t in point.terms) + len(point.codes)
    if not total:
        return 1.0
    forms = word_forms(text)
    covered = {t.key for t in point.terms if any(same_word(t.key, f) for f in forms)}
    # "PI" in the reply stands for "proforma invoice" in the point.
    short = acronyms(text)
    if short:
        words = [w for w, _, _ in tokens(point.text)]
        for start in range(len(words)):
            for end in range(start + 2, min(start + 6, len(words)) + 1):
                if initials_of(words[start:end]) & short:
                    covered.update(normal(w) for w in words[start:end])
    words = [w for w, _, _ in tokens(text)]
    named = sum(1 for group in point.codes if any(code_named(c, forms, words) for c in group))
    return (sum(t.weight for t in point.terms if t.key in covered) + named) / total


def _codes_missing(point: Point, reply: Reply) -> tuple[tuple[Code, ...], ...]:
    return tuple(group for group in point.codes if not any(code_named(c, reply.forms, reply.words) for c in group))


def _topic_answered(topic: Topic, objects: list[Topic], reply: Reply) -> bool:
    """Whether the reply answers ``topic``; beside one of ``objects`` when it is their price or timing."""
    answers = reply.answers()
    if not objects:
        return any(topic.answered_in(p.main) for p in answers)
    # The price or timing of samples must be given where the samples are: beside them, not for the goods.
    blocks: dict[int, list[str]] = {}
    for part in answers:
        blocks.setdefault(part.block, []).append(part.main)
    return any(
        any(o.asked_in(" ".join(texts)) for o in objects) and any(topic.answered_in(t) for t in texts) for texts in blocks.values()
    )


def _related_deferral(point: Point, reply: Reply) -> Deferral | None:
    """The deferral that puts this point off, preferring one without a time (the one to report)."""
    related = []
    for deferral in reply.deferrals:
        text = deferral.sentence.text
        # "For delivery, we will check…": the words before the comma name what is put off.
        lead = re.match(r"^(?:\W*\w+){1,6}?\s*[,:]", text)
        named = word_forms(lead.group(0)) if lead else set()
        if (
            any(topics()[t].asked_in(text) for t in point.topics)
            or any(code_named(c, word_forms(text), [w for w, _, _ in tokens(text)]) for group in point.codes for c in group)
            or any(same_word(t.key, f) for t in point.terms if t.weight >= 1 for f in named)
            or coverage(point, text) >= 0.5
        ):
            related.append(deferral)
    related.sort(key=lambda d: d.timed)
    return related[0] if related else None


def judge(point: Point, reply: Reply) -> Verdict:
    missing_codes = _codes_missing(point, reply)
    asked = [topics()[t] for t in point.topics]
    factual = [t for t in asked if t.has_evidence]
    missing_topics = tuple(
        t for t in factual if not _topic_answered(t, [topics()[o] for a, o in point.attached if a == t.id], reply)
    )
    covered = True
    if not factual and point.explicit:
        # A question is answered in one place: a paragraph or list item must cover it, with the product
        # the opening thanks already named ("Frosted amber is one of our finishes" answers "Is the glass
        # available in frosted amber?" after "thank you for your inquiry about glass jars").
        # When the reply answers the buyer's numbered list item by item, item 3 answers point 3.
        context = reply.acknowledged()
        mirrored = reply.numbered(point.number) if point.number else None
        covered = (mirrored is not None and coverage(point, f"{mirrored} {context}") >= COVERAGE["numbered"]) or any(
            coverage(point, block) > 0 and coverage(point, f"{block} {context}") >= COVERAGE["explicit"]
            for block in reply.blocks()
        )
    elif not factual:
        # A stated specification is confirmed across the reply, often by restating it piece by piece.
        covered = coverage(point, reply.statements()) >= COVERAGE["requirement"]
    if not missing_codes and not missing_topics and covered:
        return Verdict(point, "answered")
    deferral = _related_deferral(point, reply)
    if deferral is not None:
        return Verdict(point, "deferred" if deferral.timed else "deferred_untimed", missing_topics, missing_codes, deferral)
    return Verdict(point, "unanswered", missing_topics, missing_codes)


@memoized
def verdicts(draft: Draft) -> list[Verdict]:
    """One verdict per buyer point, in the order the buyer wrote them."""
    points = buyer_points(draft)
    if not points:
        return []
    reply = reply_parts(draft)
    return [judge(point, reply) for point in points]
