"""Does the reply answer each buyer point? The way an export manager reviews a junior's draft.

A point is answered when the reply

* names every standard or code the buyer named ("E-mark", "SANS 434", "FOB"), or
  one of the alternatives the buyer offered ("cUL or cETL");
* gives, for each topic answered by a kind of fact, that fact: an amount for a
  price, a duration or date for a lead time, terms for payment, when and how
  samples come… When the buyer asks for the price or timing of a thing
  (samples, a catalogue), the answer must sit beside that thing;
* names every quantity the buyer wanted a price for ("500 / 1,000 / 2,000 units");
* and, for points answered in the buyer's own words (a specification, a yes/no
  question on a feature), covers most of the point's content words in one
  paragraph, or gives a number for a question that asks for a measure ("How
  many per carton?").

Only the writer's own statements count: not questions back to the buyer, not
the opening thanks ("Thank you for your inquiry about T8 tubes" restates, it
does not answer), not the topic a sentence only introduces ("About flame
retardancy, our fabric is very stable" says nothing about flame retardancy),
not praise ("Spare parts are important to us"), and not a step mentioned in
passing ("35 days after sample approval" says nothing about samples). A point
the reply puts off is *deferred*: answered when the deferral says when, and
left to CARE-DEFER-WHEN when it does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .deferrals import Deferral, reply_deferrals
from .draft import Draft, memoized
from .lists import LIST_ITEM
from .points import FRAME_WEIGHT, Point, Term, buyer_points
from .reference import acknowledgement
from .refusals import Refusal, reply_refusals
from .sentences import Sentence, reply_sentences
from .terms import Code, Wording, initials_of_runs, is_content, is_standard, normal, tokens, wording
from .topics import IN_PASSING, Topic, figures, topics, value_kinds

#: Share of a point's weighted content words (codes count one each) the reply must cover: a question or
#: request in one paragraph; one that names a standard; the reply's item with the point's list number;
#: a stated requirement anywhere in the reply; a paragraph that says yes or no.
COVERAGE = {"explicit": 0.55, "standards": 0.45, "numbered": 0.3, "requirement": 0.3, "decided": 0.3}
#: The weight of a topic's words in a stated requirement (see coverage).
_STATED_FRAME = 0.5
#: Share of a point's own words (see _own) a paragraph must name to speak of the point.
ABOUT = 0.34
#: The weight from which a word of a point is specific enough that a reply answering the point names it.
_SPECIFIC = 0.5

# "About flame retardancy, …", "Regarding quantities, …": introduces a topic, answers nothing by itself.
_INTRO = re.compile(
    r"^(?:\(?\d{1,2}[.)]\s*)?(?:about|regarding|concerning|as\s+for|as\s+to|as\s+regards|with\s+regards?\s+to|with\s+respect\s+to|"
    r"in\s+terms\s+of|on\s+the\s+(?:question|subject|topic)\s+of|re)\b"
    # A topic, not a statement: "About SABER we don't have, but…" already answers.
    r"(?:(?!\b(?:we|i|you|they|it|is|are|was|were|have|has|had|do|does|did|don't|can|cannot|can't|will|would)\b)[^,:]){0,60}[,:]\s*",
    re.IGNORECASE,
)
# A decision: "Yes, …", "we can / cannot", "is possible", "no problem".
_DECISION = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:yes|no)\b|\b(?:we|i)\s+(?:can|could|will|do|are able to|cannot|can't|can not|don't|do not|won't)\b"
    r"|\b(?:is|are)\s+(?:not\s+)?(?:possible|available|no problem|acceptable)\b|\bno problem\b",
    re.IGNORECASE,
)
# A question that wants a yes or a no, asked directly or through "tell us / confirm / let us know if".
# "Could you tell us…", "Can we get…" ask for something, not for a yes or a no.
_YES_NO = re.compile(
    r"(?:^|[.?!]\s+)\W*(?:(?:and|also|so|but|then|finally)[,\s]+)*(?:can|could|would|will|do|does|did|is|are|was|were|have|has|should|shall|may)\b"
    r"(?!\s+(?:you|we|i)\s+(?:please\s+|also\s+|kindly\s+)*(?:tell|let|send|give|provide|quote|share|advise|confirm|inform|explain|"
    r"indicate|specify|mention|check|get|have|receive|see|offer)\b)"
    r"|^\W*whether\b|\b(?:know|tell\s+\w+|confirm|advise|check|ask|see|wonder\w*|inform\s+\w+)\s+(?:if|whether)\b",
    re.IGNORECASE,
)
# "Spare parts are important to us", "our prices are very competitive": praise that answers nothing.
_VAGUE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:very\s+|always\s+|already\s+|really\s+|quite\s+|so\s+|also\s+)?"
    r"(?:important|popular|good|stable|durable|excellent|reliable|competitive|satisfied|famous|well[- ]known|"
    r"time-sensitive|flexible|experienced|professional|high|best|great|nice|perfect|strong)\b"
    r"|\b(?:we\s+value|long-term\s+partners?|grow\s+with\s+us|used\s+to\s+working\s+under\s+pressure)\b",
    re.IGNORECASE,
)
# A statement that commits to something: a number, or we/you + a verb of doing or having.
_COMMITS = re.compile(
    r"\d|\byes\b|\bno\b|\b(?:we|i|you)\s+(?:\w+\s+)?(?:can|will|do|does|have|keep|hold|provide|supply|offer|use|make|pack|ship|send|"
    r"print|accept|include|give|test|guarantee|replace|deliver|produce|add|fit|cover|work)\b|\bcannot\b|\bnot\b",
    re.IGNORECASE,
)
# "What colours are available?", "What's the shelf life of the valve?", "How thick is the steel?": asks for a value
# (a colour's name, a measure), answered by one.
_VALUE_QUESTION = re.compile(
    r"^(?:and\s+|also\s+)?(?:(?:what|which)(?:'s|\s+is|\s+are|\s+kind\s+of|\s+type\s+of)?\s+(?:the\s+|your\s+)?[\w\s-]{0,30}?"
    r"\b(?P<slot>colou?rs?|sizes?|dimensions?|weight|thickness|capacity|length|width|height|depth|diameter|volume|range|life|lifespan|"
    r"lifetime|temperatures?|power|voltage|output|speed|pressure|density|gsm|composition|content|percentage|quantity|qty)\b"
    r"|how\s+(?P<how>long|many|much|thick|heavy|big|large|wide|high|tall|deep|often|low|cold|hot|warm|fast|far|strong|loud|bright))",
    re.IGNORECASE,
)
_PER_UNIT = re.compile(r"\b(?:per|in|into|on)\s+(?:a|an|one|each|the)?\s*([^\W_][\w-]*)\s*\??$", re.IGNORECASE)
# A number with what it counts or measures: "18 months", "1.2 mm", "1,450 tyres", "0.18 m³", "20%".
_QUANTITY = re.compile(r"\d[\d,.]*\s*(?:%|°\s?C|[^\W\d_]+)")


_BRACKETED = re.compile(r"\([^)]*\)")
# "For delivery, we will check…": the words before the comma name what a deferral puts off.
_LEAD = re.compile(r"^(?:\W*\w+){1,6}?\s*[,:]")


@dataclass
class ReplyPart:
    """A sentence of the reply as evidence: its role and the text that may answer."""

    sentence: Sentence
    #: "answer", "question", "acknowledgement", "deferral" or "praise".
    role: str
    #: The sentence without a topic it only introduces and without steps named in passing.
    main: str
    block: int
    #: The list number of the item the sentence belongs to ("3" in "3. Lead time: …").
    number: str | None = None
    #: The header of the list the sentence is an item of ("Prices for 2,400 pcs:" above "- FOB Ningbo: EUR 14.80").
    lead: str = ""

    @property
    def evidence(self) -> str:
        """The text that may carry a fact: the sentence, read with the header of its list."""
        return f"{self.lead} {self.main}" if self.lead else self.main


@dataclass
class Reply:
    parts: list[ReplyPart]
    deferrals: list[Deferral]
    refusals: list[Refusal]
    #: Every statement in the reply (acknowledgement included), for codes.
    said: Wording
    #: (point, inherited, topic) → the point's own words (see _own): asked for every paragraph and every rival.
    _owns: dict[tuple[int, bool, str | None], list[Term]] = field(default_factory=dict, repr=False)

    @cached_property
    def answers(self) -> list[ReplyPart]:
        return [p for p in self.parts if p.role == "answer"]

    @cached_property
    def answer_blocks(self) -> list[list[ReplyPart]]:
        """The answering sentences of each paragraph or list item (a list's header and its items are one)."""
        grouped: dict[int, list[ReplyPart]] = {}
        for part in self.answers:
            grouped.setdefault(part.block, []).append(part)
        return list(grouped.values())

    def numbered(self, number: str) -> str | None:
        """The answering text of item ``number`` when the reply answers in a numbered list, else None."""
        numbers = {p.number for p in self.parts if p.number}
        if len(numbers) < 2 or number not in numbers:
            return None
        return " ".join(p.main for p in self.answers if p.number == number)

    @cached_property
    def statements(self) -> str:
        """Everything the reply says about the goods, the opening thanks and questions back included: "For the
        200,000 cups a year, would you prefer two runs or four?" takes the buyer's quantity in."""
        return " ".join(p.main for p in self.parts if p.role != "deferral")

    @cached_property
    def acknowledged(self) -> str:
        """The opening thanks: what it names ("your inquiry about 50 ml glass jars") is shared context."""
        return " ".join(p.main for p in self.parts if p.role == "acknowledgement")

    @cached_property
    def known(self) -> Wording:
        """What the opening thanks names: shared context, no answer."""
        return wording(self.acknowledged)

    @cached_property
    def _block_wordings(self) -> dict[int, Wording]:
        return {id(block): wording(" ".join(p.evidence for p in block)) for block in self.answer_blocks}

    def said_in(self, block: list[ReplyPart]) -> Wording:
        """The words of one of the answer blocks, read with the headers of its lists."""
        return self._block_wordings[id(block)]


@dataclass(frozen=True)
class Verdict:
    point: Point
    #: "answered", "deferred" (with a time), "deferred_untimed" or "unanswered".
    status: str
    missing_topics: tuple[Topic, ...] = ()
    missing_codes: tuple[tuple[Code, ...], ...] = ()
    #: Quantities the buyer wanted a price for that the reply does not name.
    missing_numbers: tuple[str, ...] = ()
    deferral: Deferral | None = None
    #: The words that single the point out which the reply leaves out, when it answers only part of it.
    missing_words: tuple[str, ...] = ()

    @property
    def open(self) -> bool:
        """Left without an answer or a dated promise of one."""
        return self.status in ("unanswered", "deferred_untimed")


def _main_clause(text: str) -> str:
    text = " ".join(LIST_ITEM.sub("", text).split())  # one line: evidence patterns read across wrapped lines
    text = _INTRO.sub("", text)
    return IN_PASSING.sub(" ", text)


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
    lead = ""  # the header the sentences below belong to, until a blank line
    for sentence in reply_sentences(draft):
        gap = draft.text[previous_end : sentence.start] if previous_end is not None else ""
        item = LIST_ITEM.match(sentence.text)
        if previous_end is None or "\n\n" in gap or (lead and not item and sentence.text.endswith(".")):
            lead = ""  # a blank line, or a sentence that is no item ("Valid for 30 days."), ends the list
        # A list item opens a block of its own, unless it is one of the items a header announced.
        if previous_end is None or "\n\n" in gap or ("\n" in gap and item and not lead):
            block += 1
            number = None
        if item:
            number = item.group("number")
        previous_end = sentence.end
        if sentence.is_question:
            role = "question"
        elif acknowledged is not None and sentence.start == acknowledged.start:
            role = "acknowledgement"
        elif sentence.start in deferred:
            role = "deferral"  # put off with no time: no answer (a dated promise is one)
        elif _VAGUE.search(sentence.text) and not _COMMITS.search(_main_clause(sentence.text)):
            role = "praise"  # "Regarding samples, our products are popular": talks around the point
        else:
            role = "answer"
        parts.append(ReplyPart(sentence, role, _main_clause(sentence.text), block, number, lead))
        if sentence.text.endswith((":", "：")) and role == "answer":
            lead = _main_clause(sentence.text)
    statements = " ".join(p.sentence.text for p in parts if p.role in ("answer", "acknowledgement"))
    return Reply(parts, deferrals, reply_refusals(draft), wording(statements))


def coverage(point: Point, *said: Wording, part: int | None = None) -> float:
    """Share of the point's weighted content words and codes that the texts ``said`` name, together.

    Synonyms, shared stems and acronyms count ("PI" names "proforma invoice"); a
    group of alternative codes counts once, as one word. In a stated requirement
    the words of its topic are partly what is required ("Our logo on the fixture
    and the box"), not only a slot the reply fills with a value: they weigh half. ``part``: only the words of
    that joined thing of the point (see Term.part), without its codes.
    """
    terms = [t for t in point.terms if part is None or t.part == part]
    weights = {t.key: t.weight * _STATED_FRAME / FRAME_WEIGHT if t.frame and not point.explicit else t.weight for t in terms}
    codes = point.codes if part is None else ()
    total = sum(weights.values()) + len(codes)
    if not total:
        return 1.0
    covered = {t.key for t in terms if any(w.names(t.key) for w in said)}
    # "PI" in the reply stands for "proforma invoice" in the point.
    for acronym in set().union(*(w.acronyms for w in said)):
        covered.update(_spelled_out(point.text).get(acronym, ()))
    named = sum(1 for group in codes if any(w.names_code(c) for c in group for w in said))
    return (sum(weights[key] for key in covered if key in weights) + named) / total


@lru_cache(maxsize=1024)
def _spelled_out(text: str) -> dict[str, frozenset[str]]:
    """The acronyms that runs of two to six words of ``text`` would have, each with the normal forms of its run."""
    words = [w for w, _, _ in tokens(text)]
    runs: dict[str, frozenset[str]] = {}
    for start, end, letters in initials_of_runs(words):
        if end - start >= 2:
            runs[letters] = runs.get(letters, frozenset()) | {normal(w) for w in words[start:end]}
    return runs


def _valued(point: Point, slot: str, block: list[ReplyPart], reply: Reply) -> bool:
    """A paragraph that gives a value of ``slot`` ("18 months", "1.2 mm", "black") for what the point asks about.

    The value is of the slot's kind when topics.toml says what that looks like (a colour's name for
    "colours", a length for "size"), else a figure with its unit. What the point asks about is its own
    words that the opening thanks did not already name ("pallet" in "How many chairs per pallet?" to a
    reply about chairs). When the reply uses none of them, the product is the subject: "What fabric
    composition do you use?" is answered by "Our leggings are 75% nylon" after thanks for an inquiry
    about leggings; a point that names nothing but the slot ("What colours are available?") only needs
    the value.
    """
    if (value_kinds().get(normal(slot)) or _QUANTITY).search(" ".join(p.evidence for p in block)) is None:
        return False
    if not any(t.thing and not t.frame for t in point.terms):
        return True
    said = reply.said_in(block)
    # "How many chairs per pallet?", "how many fit in a 40HQ?": the answer counts per pallet, per 40HQ.
    unit = _PER_UNIT.search(point.text)
    if unit and not said.names(normal(unit.group(1))):
        return False
    known = reply.known
    own = [t.key for t in point.terms if _telling(t) and not known.names(t.key)]
    subject = [k for k in own if any(reply.said_in(b).names(k) for b in reply.answer_blocks)]
    if not subject:
        subject = [t.key for t in point.terms] + [normal(w) for w in known.words if is_content(w) and len(w) > 3]
    return any(said.names(key) for key in subject)


def _codes_missing(point: Point, reply: Reply) -> tuple[tuple[Code, ...], ...]:
    return tuple(group for group in point.codes if not any(reply.said.names_code(c) for c in group))


def _own(point: Point, reply: Reply, inherited: bool = False, topic: str | None = None) -> list[Term]:
    """The words that single the point out in this reply: not frame, not named by the opening thanks.

    "Need price for hybrid inverter 5kW 48V, 200 pcs" after "thanks for your inquiry about 5kW hybrid
    inverters" is singled out by 48 and 200. ``inherited``: with the words of the point it follows up
    ("Can you ship by air? How much?": the cost of the air freight). ``topic``: only the words that go
    with that topic ("price CIF Antofagasta, weight of each piece": Antofagasta for the price).
    """
    key = (id(point), inherited, topic)
    found = reply._owns.get(key)
    if found is None:
        terms = (point.words_for(topic) if topic else point.terms) + (point.subject if inherited else ())
        found = reply._owns[key] = [t for t in terms if t.thing and not t.frame and not reply.known.names(t.key)]
    return found


def _telling(term: Term) -> bool:
    """A word that says on its own what a point is about: a specific noun or number, not frame."""
    return term.thing and not term.frame and term.weight >= 0.5


def _share(terms: list[Term], said: Wording) -> float:
    """Share of the weight of ``terms`` that ``said`` names; one side of a choice is enough."""
    def weighed(side: list[Term]) -> tuple[float, float]:
        total = sum(t.weight for t in side)
        return sum(t.weight for t in side if said.names(t.key)), total

    named, total = weighed([t for t in terms if not t.side])
    sides = [weighed([t for t in terms if t.side == side]) for side in (1, 2)]
    if all(weight for _, weight in sides):
        # "in stock or made to order?": the better answered side counts, at the weight of the heavier side.
        best = max(sides, key=lambda s: s[0] / s[1])
        heavier = max(weight for _, weight in sides)
        named, total = named + best[0] / best[1] * heavier, total + heavier
    else:
        named, total = named + sum(n for n, _ in sides), total + sum(w for _, w in sides)
    return named / total if total else 1.0


def _speaks_of(point: Point, reply: Reply, block: list[ReplyPart], topic: str | None) -> bool:
    """Whether ``block`` names enough of the point's own words (for ``topic``, or all) to be about it."""
    own = _own(point, reply, inherited=True, topic=topic)
    return bool(own) and _share(own, reply.said_in(block)) >= ABOUT


def _asks_yes_or_no(point: Point) -> bool:
    """A question that wants a yes or a no: "Can you deliver within 20 days?", "tell us if the price includes the box".

    Not a choice ("Are you a factory or a trading company?"), which is answered by one of its sides.
    """
    return _YES_NO.search(point.text) is not None and not any(t.side for t in point.terms)


def _places(point: Point, reply: Reply, rivals: list[Point], topic: str) -> list[list[ReplyPart]]:
    """The paragraphs and list items that may answer the point.

    ``rivals`` are the other points that ask for the same kind of fact. A paragraph that speaks of
    one of them, and not of this point, gives *its* fact: to "price per square meter" and "freight
    charges up to Dammam port", "USD 8.60 per square meter" answers the first only. Any other
    paragraph may answer the point; any paragraph may answer a point with no words of its own
    ("Delivery time?").
    """
    own = _own(point, reply, inherited=True, topic=topic)
    if not own:
        return reply.answer_blocks
    counter_offered = topics()[topic].negotiable and all(t.key[:1].isdigit() for t in own)
    if _asks_yes_or_no(point) and not counter_offered:
        # "Does the price include the gift box?" is not answered by a price that says nothing of the box; the whole
        # question is asked ("We pay 50% deposit and 50% when the ship arrives. Is it okay?"). A question that only
        # proposes figures ("Is it possible payment 50/50?") is answered by the reply's own: a counter-offer.
        return [block for block in reply.answer_blocks if _speaks_of(point, reply, block, None)]
    rivals = [rival for rival in rivals if topic in rival.topics]
    return [
        block
        for block in reply.answer_blocks
        if _speaks_of(point, reply, block, topic) or not any(_speaks_of(rival, reply, block, topic) for rival in rivals)
    ]


def _mirrored(point: Point, topic: Topic, reply: Reply) -> bool:
    """Whether the reply's item with the point's list number gives the topic's fact, read with the question.

    "3. How long does production take?" is answered by "3. About 25 days.": the item need not repeat what
    the buyer asked, only give what it asked for.
    """
    item = reply.numbered(point.number) if point.number else None
    return bool(item) and topic.answered_in(f"{point.text} {item}") and not topic.answered_in(point.text)


def _topic_answered(
    topic: Topic,
    objects: list[Topic],
    places: list[list[ReplyPart]],
    own: Wording | None,
    yes_no: bool = False,
    things: Wording | None = None,
) -> bool:
    """Whether a place answers ``topic``; beside one of ``objects`` when it is their price or timing.

    A thing the buyer wants sent is also answered by a sentence that sends it by its own name:
    "We will send two Fig & Cedar candles with DHL on Friday" to "a sample of the Fig & Cedar scent".
    ``own`` holds the point's own words, ``things`` all the things it names. A question that wants a yes or a no (``yes_no``; its places
    speak of its own words) is also answered by one: "Yes, 20 days is possible" to "Can you deliver
    within 20 days?".
    """
    if not objects:
        return any(
            topic.answered_in(p.evidence) or (own is not None and topic.acted_in(p.main) and _names_any(own, p.main))
            for block in places
            for p in block
        ) or (yes_no and any(_DECISION.search(" ".join(p.main for p in block)) for block in places))
    # The price or timing of samples, or the cost of the freight, must be given where they are: beside them, or
    # beside the point's own words ("USD 2.45/pc DAP Bordeaux" prices the delivery to Bordeaux; "USD 5 FOB
    # Ningbo" is no freight cost).
    return any(
        (any(o.asked_in(text) for o in objects) or (things is not None and _names_any(things, text)))
        and any(topic.answered_in(p.evidence) for p in block)
        for block in places
        for text in [" ".join(p.main for p in block)]
    )


def _object_unnamed(point: Point, reply: Reply, topic: str) -> bool:
    """Whether the thing a fact is asked of goes unnamed in the whole reply: a price given for the pump does
    not price "the spare parts kit" the reply never mentions. Only its specific words count (see _own)."""
    keys = dict(point.topic_objects).get(topic, ())
    specific = [t for t in _own(point, reply) if t.key in keys and t.weight >= _SPECIFIC]
    return bool(specific) and not any(reply.said.names(t.key) for t in specific)


def _parts_missing(point: Point, reply: Reply) -> tuple[str, ...]:
    """The things the point joins ("the motor and the frame") of which the reply names none.

    A point answered by a kind of fact may still be answered in part: "Frame: lifetime warranty"
    to "What's the warranty on the motor and frame?"; "30% deposit is fine for us" to "Payment:
    30% deposit, balance after arrival Durban. OK for you?". Each joined thing that has words of
    its own (specific nouns and numbers, see _own) must be named somewhere in the reply, once the
    reply names one of them: echoing one part and leaving out the other is the mark of half an
    answer. A reply that turns the point down ("Payment after delivery is not possible…") has
    answered it whole.
    """
    parts: dict[int, list[Term]] = {}
    for term in _own(point, reply):
        if term.weight >= _SPECIFIC:
            parts.setdefault(term.part, []).append(term)
    missing = [terms for terms in parts.values() if not any(reply.said.names(t.key) for t in terms)]
    # A reply that names none of them answers with terms of its own ("we accept 30% deposit, 70% against B/L"
    # to "50% advance and 50% after arrival"): a counter-offer, which the kind of fact already judges.
    if not missing or len(missing) == len(parts) or _refused(point, reply):
        return ()
    return tuple(t.text for terms in missing for t in terms)


def _figures_missing(point: Point, reply: Reply) -> tuple[str, ...]:
    """The figures the point asks for that no paragraph gives beside their name.

    "the REACH registration number" is not given by "Our wax is REACH compliant", nor "the colour fastness
    grades" by "excellent colour fastness": the paragraph that names the figure (or the word before it) must
    hold one ("Class I", "grade 4-5", "USD 0.35 more"). A figure the buyer sets ("OEKO-TEX certification,
    class I") must be confirmed as written. A yes-or-no question on a thing that has figures ("Can you print OE
    numbers on the box?") asks for none.
    """
    asked, value = figures()
    missing = []
    for match in asked.finditer(point.text):
        before, figure = match.group(1), match.group(2)
        keys = [normal(figure)] + ([normal(before)] if before and is_content(before) else [])
        stated = value.match(point.text, match.start(2))
        if stated:
            given = " ".join(stated.group(0).lower().split()) in " ".join(reply.statements.lower().split())
        elif point.explicit and not _asks_yes_or_no(point):
            given = any(
                value.search(" ".join(p.evidence for p in block)) and any(reply.said_in(block).names(k) for k in keys)
                for block in reply.answer_blocks
            )
        else:
            continue
        if not given:
            missing.append(match.group(0) if before and is_content(before) else figure)
    return tuple(missing)


def _names_any(words: Wording, text: str) -> bool:
    """Whether ``text`` names one of the words of ``words``."""
    said = wording(text)
    return any(said.names(normal(w)) for w in words.words)


def _refused(point: Point, reply: Reply) -> bool:
    """Whether a refusal of the reply speaks of the point's topic: the buyer has their answer."""
    return any(topics()[t].asked_in(r.sentence.text) for r in reply.refusals for t in point.topics)


def _related_deferral(point: Point, reply: Reply) -> Deferral | None:
    """The deferral that puts this point off, preferring one without a time (the one to report)."""
    related = []
    for deferral in reply.deferrals:
        text = deferral.sentence.text
        lead = _LEAD.match(text)
        if (
            any(topics()[t].asked_in(text) for t in point.topics)
            or any(wording(text).names_code(c) for group in point.codes for c in group)
            or (lead is not None and any(wording(lead.group(0)).names(t.key) for t in point.terms if _telling(t)))
            or coverage(point, wording(text)) >= 0.5
        ):
            related.append(deferral)
    related.sort(key=lambda d: d.timed)
    return related[0] if related else None


def _set_aside(point: Point, reply: Reply) -> Deferral | None:
    """An undated deferral that names the point in its opening words: "About the charges, we will inform you later".

    The writer has said this point is still open, whatever fact of its kind the reply gives elsewhere (a price
    for the machines is no price for the installation the buyer asked about).
    """
    for deferral in reply.deferrals:
        lead = _LEAD.match(deferral.sentence.text)
        if not deferral.timed and lead and any(wording(lead.group(0)).names(t.key) for t in point.terms):
            return deferral
    return None


def _covered(point: Point, reply: Reply) -> bool:
    """Whether the reply covers a point that no kind of fact answers, in its own words."""
    if not point.explicit:
        # A stated specification is confirmed across the reply, often by restating it piece by piece.
        return coverage(point, wording(reply.statements)) >= COVERAGE["requirement"]
    # A question is answered in one place: a paragraph or list item must cover it, together with the
    # product the opening thanks named ("Frosted amber is one of our finishes" answers "Is the glass
    # available in frosted amber?" after "thank you for your inquiry about glass jars").
    context = reply.known
    # When the reply answers a numbered list item by item, its item 3 is where point 3 is answered.
    mirrored = reply.numbered(point.number) if point.number else None
    if mirrored and coverage(point, wording(mirrored), context) >= COVERAGE["numbered"]:
        return True
    blocks = reply.answer_blocks
    asked = _VALUE_QUESTION.match(point.text)
    if asked:
        # "How many chairs per pallet?" is answered by a number, not by "we use strong export pallets".
        slot = asked.group("slot") or asked.group("how")
        return any(_valued(point, slot, block, reply) for block in blocks)
    # A named standard is the heart of its point: "Can you do BIFMA testing?" ← "passed BIFMA X5.1".
    standard = any(is_standard(c) for group in point.codes for c in group)
    needed = COVERAGE["standards" if standard else "explicit"]
    # A yes or a no is the answer a "can you / do you / is it" question asks for; beside it, the reply need
    # not repeat the question ("Yes, we make OEM products for many brands" to "Do you offer OEM service?").
    return any(
        coverage(point, reply.said_in(block)) > 0
        and coverage(point, reply.said_in(block), context)
        >= (COVERAGE["decided"] if _DECISION.search(" ".join(p.main for p in block)) else needed)
        for block in blocks
    ) or _covered_part_by_part(point, reply, needed)


def _covered_part_by_part(point: Point, reply: Reply, needed: float) -> bool:
    """Whether each thing the point joins is covered in a paragraph or list item of its own: "the maximum speed
    rating and the noise level" is answered by "- Speed rating: up to 25,000 rpm" and "- Noise level: below 72 dB"."""
    parts = {t.part for t in point.terms}
    return len(parts) > 1 and all(
        any(coverage(point, reply.said_in(block), reply.known, part=part) >= needed for block in reply.answer_blocks)
        for part in parts
    )


def _quantities_missing(point: Point, reply: Reply) -> tuple[str, ...]:
    """Quantities a price was asked for that the reply never names: "for 500 / 1,000 / 2,000 units"."""
    if "price" not in point.topics or not point.explicit:
        return ()
    coded = {normal(part) for group in point.codes for code in group for part in code.parts}
    # "at 3,000 units (1,000 each in S/M/L)": the numbers in brackets say the one before them another way.
    groups: list[list[str]] = []
    bracketed = [m.span() for m in _BRACKETED.finditer(point.text)]
    for word, start, _ in tokens(point.text):
        number = normal(word)
        if not (number.isdigit() and len(number) >= 2 and number not in coded):
            continue
        if groups and any(a <= start < b for a, b in bracketed):
            groups[-1].append(number)
        else:
            groups.append([number])
    missing = [group[0] for group in groups if not any(n in reply.said.forms for n in group)]
    return tuple(dict.fromkeys(missing))


def judge(point: Point, reply: Reply, rivals: list[Point] | None = None) -> Verdict:
    """The verdict on one point; ``rivals``: the other points that ask for the same kind of fact."""
    missing_codes = _codes_missing(point, reply)
    missing_numbers = _quantities_missing(point, reply)
    factual = [topics()[t] for t in point.topics if topics()[t].has_evidence]
    own = _own(point, reply)
    named = wording(" ".join(t.text for t in own)) if own else None
    things = [t.text for t in point.terms if t.thing and not t.frame] + [c.text for group in point.codes for c in group]
    named_things = wording(" ".join(things)) if things else None
    missing_topics = tuple(
        t
        for t in factual
        if not _mirrored(point, t, reply)
        and (
            not _topic_answered(
                t,
                [topics()[o] for a, o in point.attached if a == t.id],
                _places(point, reply, rivals or [], t.id),
                named,
                _asks_yes_or_no(point) and bool(_own(point, reply, topic=t.id)),
                named_things,
            )
            or _object_unnamed(point, reply, t.id)
        )
    )
    if point.number and reply.numbered(point.number):
        missing_numbers = ()  # the item answers the buyer's item, quantities and all
    # A specification is confirmed in other words, seldom part by part ("6063-T5" for "alloy 6063-T5"); a point
    # that asks for facts names what it asks them for.
    missing_words = (_parts_missing(point, reply) if factual else ()) + _figures_missing(point, reply)
    if not (missing_codes or missing_numbers or missing_topics or missing_words) and (factual or _covered(point, reply)):
        set_aside = _set_aside(point, reply)
        return Verdict(point, "answered") if set_aside is None else Verdict(point, "deferred_untimed", deferral=set_aside)
    deferral = _related_deferral(point, reply)
    status = "unanswered" if deferral is None else "deferred" if deferral.timed else "deferred_untimed"
    return Verdict(point, status, missing_topics, missing_codes, missing_numbers, deferral, missing_words)


# "Please see our answers in red below": the answers sit between the buyer's quoted lines.
_INLINE = re.compile(
    r"\b(?:see|find|check)\s+(?:our|my|the)?\s*(?:answers?|replies|reply|comments?|remarks?)\s+(?:in\s+\w+\s+)?"
    r"(?:below|above|inline|in\s+(?:red|blue|green|bold))|\b(?:answered|replied|commented)\s+(?:below|inline|point\s+by\s+point)",
    re.IGNORECASE,
)


@memoized
def verdicts(draft: Draft) -> list[Verdict]:
    """One verdict per buyer point, in the order the buyer wrote them.

    None when the writer answers inside the quoted message ("see our answers in red below"):
    those answers cannot be told from the buyer's lines, and a guess would report points that
    were answered. Without a quoted message, "please find our answers below" announces the
    answers that follow in the reply itself.
    """
    points = buyer_points(draft)
    if not points or (draft.split.quoted and _INLINE.search(draft.split.reply_text)):
        return []
    reply = reply_parts(draft)

    def rivals(point: Point) -> list[Point]:
        factual = {t for t in point.topics if topics()[t].has_evidence}
        return [other for other in points if other is not point and factual.intersection(other.topics)]

    return [judge(point, reply, rivals(point)) for point in points]
