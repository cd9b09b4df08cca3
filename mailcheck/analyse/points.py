"""The points of the buyer's newest message that need an answer.

A point is a direct question ("MOQ?", "How long is the lead time?"), a request
("please send", "kindly quote", "could you", "let us know whether…"), or a
stated requirement the supplier must confirm ("The wood must be beech",
"Delivery to Tokyo port by 31 May", the items of a specification list).
Background ("We are a distributor in Riyadh"), thanks, meta-requests ("please
answer the following:") and the buyer's own plans ("we will send the data")
are not points. One sentence may hold several points: "Please tell us your
price, how long production takes, and whether you can send a sample" holds three.

Only the buyer's newest message counts (``draft.buyer``); older quoted history
does not. The rules are lexical, and so are the weights of a point's words
(terms.word_weights: nouns count more than verbs). spaCy, when a model is
installed, parses only the clauses no cue word decides, to recognise orders
("Advise your best price"): its tagger and parser, nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import nlp
from .draft import Draft, memoized
from .lists import LIST_ITEM
from .sentences import split_sentences
from .terms import Code, codes_in, dimension_numbers, is_content, is_standard, normal, specificity, tokens, word_weights
from .topics import FREE_FORM, IN_PASSING, Topic, asked_topics, attached, slot_words
from .topics import topics as all_topics

_WH = r"(?:what|what's|which|how|when|where|who|why|whether)"
_AUX = r"(?:can|could|would|will|do|does|did|is|are|was|were|have|has|should|shall|may|might)"
_REQUEST_VERBS = (
    r"(?:send|quote|provide|share|give|confirm|mention|advise|tell|let|include|state|indicate|specify|check|arrange|"
    r"offer|show|explain|suggest|recommend|inform|clarify|attach|forward|prepare|make|submit|update|note down)"
)
# A clause that asks for something: "please …", "could you …", "let us know …", "we would like to know …".
_REQUEST = re.compile(
    rf"^(?:(?:and|also|so|but|then|finally|lastly)[,\s]+)*(?:"
    rf"(?:would|'d)\s+like\s+to\s+(?:know|have|receive|get|see|ask)\b|please|pls|plz|kindly|{_AUX}\s+(?:you|it|we|i|they)\b|would it be possible|is it possible|is there any|"
    rf"(?:i|we)(?:\s+(?:would|should|shall|will)|'d|'ll)\s+(?:also\s+)?"
    rf"(?:(?:like|love|want)\s+(?:you\s+)?to\s+(?:know|have|receive|get|see|ask|request|confirm|check|understand)\b"
    rf"|be\s+(?:most\s+|very\s+|so\s+|really\s+)?(?:grateful|glad|happy|thankful|obliged)|appreciate"
    rf"|(?:like|love|want)\s+(?:a|an|some|the|your|a\s+few|to\s+see)\b)|"
    rf"(?:i|we)\s+(?:also\s+)?(?:want|need|wish|would like|should like|'d like)\s+to\s+(?:know|have|receive|get|see|ask|check|understand)|"
    rf"(?:also\s+)?{_REQUEST_VERBS}\b|(?:also\s+)?need\b|"
    rf"awaiting your|looking forward to (?:your|receiving your) (?:best )?(?:price|offer|quotation|quote)"
    # "It would be great if you could…", "I was wondering whether…", "Do let me know…", "(Would) appreciate your best price".
    rf"|it\s+would\s+be\s+(?:great|good|nice|helpful|appreciated|perfect|useful)\s+if|(?:(?:i|we)\s+(?:was|were|am|are)\s+)?wondering"
    rf"|do\s+(?:let|tell|send|advise|share)\b|(?:would|will|'d)?\s*appreciate\b"
    # "We kindly request you to provide…", "We await your offer…", "We would be pleased to receive your catalogue".
    rf"|(?:we|i)\s+(?:kindly\s+|hereby\s+)?(?:request|ask|invite)\s+you\s+to\b|(?:we|i)\s+(?:\w+\s+)?await\s+your\b"
    rf"|(?:we|i)\s+(?:would|will|shall)\s+be\s+(?:very\s+|most\s+)?pleased\s+to\s+(?:receive|get|have|see|know)\b"
    r")",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    rf"^(?:(?:and|also|so|but|then|finally|lastly)[,\s]+)*{_AUX}\s+(?:you|it|they|there|the|your|this|these|we|i)\b", re.IGNORECASE
)
# A statement the supplier must confirm: "we need …", "must be …", "is required".
_REQUIREMENT = re.compile(
    r"\b(?:(?:we|i)(?:'d|'ll|\s+would|\s+will)?\s+(?:also\s+)?(?:need|require|want|prefer|expect|insist)|"
    r"(?:we|i)\s+(?:would|'d)\s+like|must|should\s+be|has\s+to|have\s+to|needs?\s+to\s+be|(?:is|are)\s+required|"
    r"required|requires?|also\s+need"
    # What the buyer's customer needs is theirs to meet: "Our customer needs the goods in Rotterdam before 20 June".
    r"|(?:customers?|clients?|end[- ]users?|buyers?|market|project|tender)\s+(?:also\s+|really\s+)?(?:needs?|wants?|expects?|insists?)"
    # A price or date the buyer aims at wants a yes, a no or a counter-offer: "Our target price is USD 2.10/pc FOB",
    # "Target in-hands date is 15 May".
    r"|target\s+(?:[\w-]+\s+)?(?:price|cost|date)|budget\s+(?:is|of)"
    # Terms the buyer proposes: "We pay 50% deposit and 50% when the ship arrives", "Project delivery is in June".
    r"|(?:we|i)\s+(?:usually\s+|normally\s+|always\s+|only\s+)?(?:will\s+|can\s+|would\s+|could\s+)?pay|delivery\s+(?:is|will\s+be|must\s+be|should\s+be|has\s+to\s+be)\s+(?:in|by|before)"
    # "The boxes should have our logo", "It is important that the cartons are marked…", "Our preference is sea freight".
    r"|should\s+(?:have|include|come|arrive|ship|carry|bear|pass|meet|comply)|it\s+is\s+(?:very\s+)?(?:important|essential|necessary|"
    r"mandatory|critical|vital)\s+that|(?:is|are)\s+(?:a\s+)?must|mandatory|(?:our|my)\s+preference\s+is"
    # "Delivery before 30 June is critical"; not "quality is important for us".
    r"|(?:is|are)\s+(?:very\s+|absolutely\s+)?(?:critical|essential|necessary|vital)(?!\s+(?:to|for|that)\b))\b",
    re.IGNORECASE,
)
_LOOKING_FOR = re.compile(r"\b(?:are|am|'re|'m)\s+looking\s+for\b", re.IGNORECASE)
# "looking for a new supplier" is background; "looking for 65/35 twill, 240 g/m2" is a specification.
_INTERESTED = re.compile(r"\b(?:are|am|'re|'m)\s+interested\s+in\b", re.IGNORECASE)
_SUPPLIER_WANTED = re.compile(
    r"looking for (?:a |an )?(?:new |reliable |good |second )?(?:supplier|partner|manufacturer|factory|source|vendor)", re.IGNORECASE
)
# Measures that make a statement a specification: "120 x 80 x 25 mm, printed in 4 colours"; not a model ("TN-328 K").
_MEASURE = re.compile(r"(?<![\w-])\d[\d,.]*\s*(?:x\s*\d|mm|cm|m|kg|g|gsm|ml|l|w|v|kw|kva|k|oz|inch|pcs|sets|units|colou?rs?|%)\b", re.IGNORECASE)
# Words that open a specification line with no verb: "Quantity: 30,000 m", "Delivery to Tokyo by 31 May".
_SPEC_LEAD = re.compile(
    r"^(?:(?:and|also)\s+)?(?:(?:the|our|your)\s+)?(?:quantity|qty|delivery|price|prices|packing|packaging|payment|samples?|certificates?|"
    r"certification|colou?rs?|sizes?|material|lead time|moq|destination|port|logo|label|finish|capacity|voltage|power|"
    r"warranty|guarantee|shipping|shipment|freight|incoterms?|terms|validity|accessories|spare\s+parts|documents|labell?ing|marking|"
    r"dimensions?|weight|specifications?|specs?|requirements?|details)\b"
    # A value follows ("Quantity: 30,000 m", "Delivery to Tokyo by 31 May", "Delivery terms: DDP"); not a remark
    # ("The samples you sent were good").
    r"(?=(?:\s+\w+)?\s*[:：–-]|.*\d|\s+(?:to|of|for|in|by|per|at|from|with|min|max|approx)\b"
    r"|(?!(?:\s+\w+){0,3}\s+(?:is|are|was|were|looks?|seems?)\b)(?:\s+[\w/&-]+){0,6}\W*$)",
    re.IGNORECASE,
)
# Not points: the buyer's background, thanks and courtesies, meta-requests, their own plans.
_BACKGROUND = re.compile(
    r"^(?:we\s+are|we're|i\s+am|i'm|i\s+run|we\s+have\s+(?!to\b)|we\s+run|we\s+sell|we\s+supply|we\s+import|i\s+import|"
    r"our\s+company|we\s+represent|we\s+distribute|we\s+operate|we\s+own|we\s+make|we\s+produce|we\s+manufacture|"
    r"as\s+a\b|being\s+a\b|we\s+found|i\s+found|we\s+saw|i\s+saw|we\s+got|we\s+met|our\s+(?:team|customers?|clients?)\s+(?:liked|like|are|is)"
    # The buyer telling, not asking: "I have to inform you about a quality problem with order PO-2026-014".
    r"|(?:we|i)\s+(?:\w+\s+){0,2}?(?:inform|tell|notify|advise)\s+you\b)",
    re.IGNORECASE,
)
# An offer to work together, which needs a yes or a no: "We are interested to become your sole agent in Kenya".
_PROPOSAL = re.compile(
    r"\b(?:becom(?:e|ing)|be|act\s+as)\s+your\s+(?:\w+\s+){0,2}?(?:agent|distributor|partner|representative|dealer|importer)s?\b",
    re.IGNORECASE,
)
_COURTESY = re.compile(
    r"^(?:thank|thanks|many thanks|i hope|hope|we hope|greetings|good (?:morning|afternoon|day|evening)|"
    r"awaiting your (?:kind |early |prompt )?(?:reply|response|answer)|"
    r"looking forward|i look forward|we look forward|hope to hear|hoping|waiting for your|have a nice|best regards|kind regards|regards|"
    r"(?:we\s+are\s+|i\s+am\s+)?looking\s+for\s+(?:a\s+|your\s+)?(?:good|best|competitive|quick|fast|prompt)|"
    r"nice to|glad to|pleased to|(?:we\s+(?:are|would\s+be)\s+|i\s+(?:am|would\s+be)\s+)?grateful)",
    re.IGNORECASE,
)
# A courtesy that looks ahead to something the buyer wants, not back at something received ("thank you for the samples").
_LOOKS_AHEAD = re.compile(
    r"\b(?:looking\s+(?:forward|for)|look\s+forward|hope|hoping|in\s+advance|awaiting|waiting\s+for|grateful|appreciate)\b", re.IGNORECASE
)
_APPRECIATED = re.compile(r"\b(?:is|are|will\s+be|would\s+be)\s+(?:highly\s+|much\s+|greatly\s+|very\s+much\s+)?appreciated\b", re.IGNORECASE)
# "We hope you can accept 500 pcs": a request, however politely put.
_HOPE_YOU_CAN = re.compile(r"\bhope\s+(?:that\s+)?you\s+(?:can|could|will|would|are\s+able\s+to)\b", re.IGNORECASE)
_META = re.compile(
    r"(?:\b(?:the\s+following|below|as\s+follows|these\s+points|following\s+(?:points|questions|information|details))\s*:?\s*$"
    r"|\b(?:clarify|confirm|answer|ask|have)\s+(?:you\s+)?(?:two|three|four|a\s+few|some|several|these|a\s+couple\s+of)\s+(?:more\s+)?"
    r"(?:things|points|questions|matters|details|issues)\b"
    r"|^(?:please\s+)?(?:see|find|note(?!\s+that|\s*:)|refer to|feel free|contact|call|reply|respond|answer)\b"
    r"|\blet\s+(?:me|us)\s+know\s+if\s+you\s+(?:have|need)\s+any)",
    re.IGNORECASE,
)
# Plans that explain the inquiry rather than ask: "We want to bring in your console for spring."
_INTENT = re.compile(
    r"^(?:and\s+)?(?:we|i)(?:'d|\s+would|\s+also)?\s+(?:want|like|wish|plan|intend|hope|are planning|are going)\s+(?:to\s+)?"
    r"(?:bring|launch|expand|import|start|buy|order|place|replace|develop|sell|introduce|add|grow|open|find|source|work|"
    r"cooperate|establish|build|try|test|purchase|set up|enter)\b",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"^(?:we|i|our|my|your|the|it|they|this|these|there)\b(?!\s+(?:would|'d)\s+like\s+to\s+know)", re.IGNORECASE)
# A thing is wanted when a verb of wanting comes before it: "We also need a shade card", not "within our limit sample".
_WANTED = re.compile(
    r"\b(?:need|needs|require|requires|required|want|wants|expect|send|provide|supply|share|like|prefer|get|receive|have)\b[^.;:]{0,60}$",
    re.IGNORECASE,
)
_OWN_PLAN = re.compile(r"^(?:and\s+)?(?:we|i)\s+(?:will|'ll|shall|am going to|are going to)\s+(?!need|require|like|want|prefer)", re.IGNORECASE)
# A header that is only a header: short, or announcing "the following"/"questions"/"details".
_HEADER_ONLY = re.compile(
    r"^\W*(?:\w+\W+){0,3}\w+\W*$|\b(?:confirm|answer|advise|clarify)\s+the\s+following\b"
    r"|\b(?:the\s+following|below|as\s+follows|questions?|points?|details|information|requirements?|"
    r"specifications?|specs|changes|needs|list|items|things|matters|from\s+you|need|require|want|would\s+like)\s*[:：]\s*$",
    re.IGNORECASE,
)
# How a header announces the list below it: "… with the following:", "… as follows:", "Details:".
_ANNOUNCEMENT = re.compile(
    r"[\s,]*(?:(?:with|for|in|on|as\s+per|about|regarding)\s+)?(?:the\s+)?(?:following|below|as\s+follows)(?:\s+\w+){0,2}\s*[:：]\s*$"
    r"|[:：]\s*$",
    re.IGNORECASE,
)
#: The content words a header must keep, once its announcement is cut, to be a point of its own.
_HEADER_CONTENT = 3
# Where one sentence holds several asks: "…, and whether …", "…, how long …", "… and how fast can you ship?"
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s*and,\s*if so,\s*"
    r"|,\s*(?:and\s+)?(?:also\s+)?(?=(?:what|what's|how|whether|if|please|pls|kindly|could you|can you|would you|will you|do you|"
    r"confirm|send|quote|mention|advise|tell|let (?:me|us) know|provide|share|give|include|state)\b)"
    r"(?!if (?:any|possible|so|needed|necessary)\b)"
    r"|\s+and\s+(?=(?:how|what|when|which|where|whether|could you|can you|would you|will you|do you|does it|is it|are they|"
    r"are you|is there|are there|please)\b)"
    r"|\s+[-–—]\s+(?=(?:please|pls|kindly|could you|can you|would you)\b)"
    r"|,?\s+so\s+(?=(?:please|pls|kindly|could you|can you|would you)\b)"
    r"|,?\s+and\s+(?=(?:we|i)\s+(?:also\s+)?(?:need|require|want|request|ask|(?:would|should|'d)\s+like)\b)"
    # A new ask after a full stop the sentence splitter read as an abbreviation's: "…, class I. Kindly also confirm…".
    r"|(?<=\.)\s+(?=(?:please|pls|kindly|could you|can you|would you)\b)"
    # "Please quote FOB Shanghai and tell us if you can add our logo": a second ask joined by "and".
    r"|\s+and\s+(?:also\s+)?(?=(?:tell|let\s+(?:me|us)\s+know|advise|confirm|inform|indicate|mention|state|send|share|provide|quote)"
    r"\s+(?:me|us|if|whether|the|your|a|an|our)\b)"
    # A comma splice that starts a new sentence: "…cannot clear at the port, we will like to pay with L/C at sight",
    # "We plan to order in May, so we need your price by end of April", "We are a hotel chain and would like to know…".
    r"|,\s*(?:so\s+)?(?=(?:we|i)\s+(?:also\s+)?(?:will|would|shall|need|want|require|prefer|expect|hope)\b)"
    r"|\s+and\s+(?=(?:would|'d)\s+like\s+to\s+(?:know|have|receive|get|see|ask)\b)",
    re.IGNORECASE,
)
# "Please confirm the following:", "Our questions:": the items below are asks.
_ASKING_HEADER = re.compile(r"\b(?:questions?|provide|confirm|answer|advise|let us know|from you)\b", re.IGNORECASE)
# "…, how long production takes": an embedded question cut from the ask before it.
_EMBEDDED_QUESTION = re.compile(
    rf"^(?:and\s+|also\s+)?(?:{_WH}\b"
    # "…, and if the rails can be cut to our lengths": an embedded yes-or-no question, not a condition ("if we order").
    r"|if\s+(?!(?:we|i|you)\b)(?:[\w-]+\s+){1,4}?(?:can|could|is|are|will|would|does|do|has|have)\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_CODE_PIECES = re.compile(r"[-/ ]")
_BRACKETED = re.compile(r"\([^)]*\)")
_CONDITION = re.compile(r"^(?:if|when|once|as soon as|in case|provided|assuming)\b", re.IGNORECASE)
#: Words that open a clause without saying anything: "And finally, could you …" leaves "And finally".
_FILLERS = frozenset("finally lastly firstly secondly thirdly additionally moreover besides furthermore then now so one more thing".split())
#: How much a word that names what is asked ("price", "quantity") weighs beside one that says what about.
FRAME_WEIGHT = 0.3
#: The longest match of a topic's pattern whose words are frame.
_FRAME_WORDS = 3
_REASON_AFTER = re.compile(r"\b(because|since|as\s+(?=our|we|the|it|they|this)|so\s+that|in\s+order\s+to|otherwise)\b", re.IGNORECASE)
_REASON_BEFORE = re.compile(r"^.*?,\s*so\s+(?=we|i)\b", re.IGNORECASE)
# What joins the things a point asks for: "the motor and the frame", "30% deposit, balance after arrival".
_JOIN = re.compile(r"[,;](?!\d)|[+&]|\band\b|\bas well as\b|[.?!]\s", re.IGNORECASE)
# The "or" of a choice the reply answers by naming one side: "in stock or made to order?". Not "and/or", not "or equivalent".
_CHOICE = re.compile(r"(?<!and/)\bor\b(?!\s+(?:equivalent|similar|so|not|more|less|other)\b)", re.IGNORECASE)
#: Nouns that name no particular thing: "Is your material suitable…" is about the suitability.
_GENERIC_NOUNS = frozenset(
    normal(w) for w in "material product item goods quality type kind model thing level option version part piece unit".split()
)


@dataclass(frozen=True)
class Term:
    """A content word of a point: its normal form and how much it says about the point."""

    text: str
    key: str
    weight: float
    #: A word that names what is asked ("price", "lead time", "quantity"), not what it is asked about.
    frame: bool = False
    #: A noun or a number (not a verb, an adjective, a word in brackets): a thing the point is about.
    thing: bool = False
    #: 1 or 2 for a word on one side of a choice ("Are you a factory or a trading company?"), else 0.
    side: int = 0
    #: Which of the things the point joins by "and" or a comma the word belongs to: "the motor and the frame".
    part: int = 0


@dataclass(frozen=True)
class Point:
    """One thing the buyer asked or required, in their words.

    ``start``/``end`` index ``draft.buyer.split.text``. ``kind`` is "question",
    "request" or "requirement". ``topics`` are topic ids from
    rules/data/topics.toml, main topic first; empty for a free-form point.
    ``codes`` are groups of alternative codes the reply must name.
    """

    text: str
    start: int
    end: int
    kind: str
    topics: tuple[str, ...]
    codes: tuple[tuple[Code, ...], ...]
    terms: tuple[Term, ...]
    #: The buyer's list number ("3" for item 3.), to find a numbered answer.
    number: str | None = None
    #: (topic, thing) pairs where the point asks for the price or timing of a thing it wants: ("price", "samples").
    attached: tuple[tuple[str, str], ...] = ()
    #: The words of the point this one follows up, when it has none of its own: "Can you ship by air? How much?"
    subject: tuple[Term, ...] = ()
    #: (topic, part): the joined thing of the point that asks for each topic ("price CIF Antofagasta, weight of
    #: each piece, delivery time": price in part 0, lead time in part 2).
    topic_parts: tuple[tuple[str, int], ...] = ()

    #: (topic, keys): the thing a topic is asked of, "the price of the spare parts kit", "the cost to Chicago".
    topic_objects: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def words_for(self, topic: str) -> tuple[Term, ...]:
        """The point's words that go with ``topic``: those of the joined thing that asks for it, or all."""
        part = dict(self.topic_parts).get(topic)
        own = tuple(t for t in self.terms if t.part == part) if part is not None else ()
        return own if any(t.thing and not t.frame for t in own) else self.terms

    @property
    def topic(self) -> str:
        return self.topics[0] if self.topics else FREE_FORM

    @property
    def explicit(self) -> bool:
        """A question or request, as opposed to a statement of a requirement."""
        return self.kind != "requirement"


@dataclass(frozen=True)
class _Clause:
    text: str
    start: int
    end: int
    kind: str
    number: str | None
    #: The sentence the clause was cut from, counted in the message.
    sentence: int
    #: The line the clause starts on, counted in the message.
    line: int


def _body_zones(draft: Draft) -> list[tuple[str, int, int]]:
    buyer = draft.buyer
    if buyer.split is None:
        return []
    limit = buyer.split.reply_end
    return [(buyer.split.text, z.start, min(z.end, limit)) for z in buyer.split.zones if z.kind == "body" and z.start < limit]


def _clauses(text: str, start: int) -> list[tuple[str, int]]:
    """The asks one sentence holds, each with its offset."""
    result = []
    position = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.start() > position:
            result.append((text[position : match.start()], start + position))
        position = match.end()
    result.append((text[position:], start + position))
    cleaned: list[tuple[str, int]] = []
    for clause, offset in result:
        lead = len(clause) - len(clause.lstrip(" ,;:-–"))
        clause = clause.strip(" ,;:-–")
        if cleaned and _CONDITION.match(cleaned[-1][0]):
            # "If we order 2 containers, can you give discount?" is one ask with its condition.
            previous, previous_offset = cleaned.pop()
            clause, lead, offset = text[previous_offset - start : offset - start + lead + len(clause)], 0, previous_offset
        # A clause with nothing to say is dropped, unless it asks: "Would that be possible?" asks about the one before.
        if (
            any(is_content(w) and w.lower() not in _FILLERS for w, _, _ in tokens(clause))
            or clause.endswith(("?", "？"))
            or _CONFIRMS.search(clause)  # "Please confirm." asks about the statement before it
            or asked_topics(clause)  # "Could you send us your offer": "offer" is a word of asking, and a price
            or codes_in(clause)  # "Kindly send PI."
        ):
            cleaned.append((clause, offset + lead))
    return cleaned


def _is_header(sentence: str) -> bool:
    """A sentence that announces a list: "Please answer the following:", "Our questions:", "Details:"."""
    return sentence.rstrip().endswith((":", "："))


def _announces_asks(header: str) -> bool:
    """Whether the items under ``header`` are asks ("Please confirm:") rather than specifications ("Details:")."""
    return bool(
        _REQUEST.match(header)
        or _ASKING_HEADER.search(header)
    )


def _kind(clause: str, question_sentence: bool, in_list: str | None) -> str | None:
    """"question", "request", "requirement", "maybe" (spaCy decides), or None when the clause is no point."""
    body = clause.strip()
    if _APPRECIATED.search(body) and asked_topics(body):
        return "request"  # "Your kind confirmation on the delivery date is highly appreciated."
    if _COURTESY.match(body) and ((_LOOKS_AHEAD.search(body) and asked_topics(body)) or _HOPE_YOU_CAN.search(body)):
        # "Looking forward to your catalogue and price list", "Thank you in advance for your price": asks politely.
        return "request"
    if _COURTESY.match(body) or _META.search(body):
        return None
    if question_sentence or body.endswith(("?", "？")) or _QUESTION_START.match(body):
        return "question"  # buyers often drop the question mark: "Can you send the price."
    if _REQUEST.match(body):
        return "request"
    if _EMBEDDED_QUESTION.match(body):
        return "request"  # an embedded question cut from "please tell us …, how long …"
    if _OWN_PLAN.match(body) or _INTENT.match(body):
        return None
    if in_list:
        # "Please check: 2. Our machines use 3\" cores, your sample came with 2\" core." states; the ask follows.
        return "requirement" if in_list == "request" and _STATEMENT.match(body) else in_list
    if _PROPOSAL.search(body):
        return "requirement"
    if _BACKGROUND.match(body):
        # "We are looking for 65/35 twill, 240 g/m2" states a specification; "We are a distributor" does not.
        if _LOOKING_FOR.search(body) and _DIGIT.search(body) and not _SUPPLIER_WANTED.search(body):
            return "requirement"
        if _INTERESTED.search(body) and _MEASURE.search(body):
            return "requirement"  # "We are interested in yurts, diameter 6 m and 8 m", not in "your C300i toner"
        return None
    if _REQUIREMENT.search(body) or _SPEC_LEAD.match(body):
        return "requirement"
    if _LOOKING_FOR.search(body) and _DIGIT.search(body):
        return "requirement"
    if len(_MEASURE.findall(body)) >= 2:
        return "requirement"  # "The boxes are 120 x 80 x 25 mm, printed in 4 colours": a specification
    return "maybe"


@memoized
def _raw_clauses(draft: Draft) -> list[_Clause]:
    """Every clause of the buyer's message that is or may be a point (kind "maybe": spaCy decides)."""
    found: list[_Clause] = []
    for text, zone_start, zone_end in _body_zones(draft):
        listing: str | None = None
        previous_end = zone_start
        for sentence_index, sentence in enumerate(split_sentences(text[zone_start:zone_end], zone_start)):
            gap = text[previous_end : sentence.start]
            previous_end = sentence.end
            item = LIST_ITEM.match(sentence.text)
            in_item = bool(item)
            # Only a line's first sentence is a list entry; "Can it handle -20 °C? Most cabins are unheated." adds context.
            line_head = in_item or sentence.start == 0 or text[sentence.start - 1] == "\n"
            number = item.group("number") if item else None
            if listing and "\n\n" in gap and not in_item:
                listing = None
            if _is_header(sentence.text):
                # Items under "Please confirm:" are requests; under "Details:" they are requirements.
                listing = "request" if _announces_asks(sentence.text) else "requirement"
            sentence_text, offset = sentence.text, sentence.start
            if _is_header(sentence.text) and _HEADER_ONLY.search(sentence.text):
                # "Please answer the following:" is no point itself; "Please quote these bolts:" is, and so is
                # "we need 2,400 pcs LED street lights 150W with the following:" without its last words.
                sentence_text = _ANNOUNCEMENT.sub("", sentence_text)
                if sum(1 for w, _, _ in tokens(sentence_text) if is_content(w)) < _HEADER_CONTENT:
                    continue
            if item:
                sentence_text, offset = sentence_text[item.end() :], offset + item.end()
            question_sentence = sentence_text.rstrip().endswith(("?", "？"))
            clauses = _clauses(sentence_text, offset)
            for index, (clause, clause_start) in enumerate(clauses):
                # The question mark belongs to the last clause: "Two arrived broken; can you improve the packing?"
                asked = question_sentence and index == len(clauses) - 1
                kind = _kind(clause, asked, listing if line_head and not _is_header(sentence.text) else None)
                if kind == "maybe" and in_item and _DIGIT.search(clause):
                    kind = "requirement"  # an unannounced specification list: "- 600 sets of each size"
                if kind:
                    line = text.count("\n", 0, clause_start)
                    found.append(_Clause(clause, clause_start, clause_start + len(clause), kind, number, sentence_index, line))
    return found


@nlp.parses
def _undecided(draft: Draft) -> list[str]:
    """The clauses no cue word makes a point: spaCy tells whether they are orders ("Advise best price")."""
    return [c.text for c in _raw_clauses(draft) if c.kind == "maybe"]


def _terms(clause: str, codes: list[list[Code]], asked: list[Topic]) -> tuple[Term, ...]:
    """The content words of a point, weighted by what they are and how specific they are.

    Nouns and numbers weigh 1, adjectives and verbs ½ (terms.word_weights), words that name
    nothing in particular ("material", "product") ½, and words in brackets half as much ("speed
    limited to 25 km/h (Dutch rules)": the rule is the reason, not the ask). That is multiplied by
    the word's specificity (terms.specificity: "Durban" 1, "order" 0.4). Words that name what
    is asked rather than what about (the topic's own words, "price", "quantity") are *frame* and
    weigh a third. Codes are left out: they are counted on their own, one per group of alternatives.
    """
    coded = {normal(part) for group in codes for code in group for part in code.parts}
    coded |= {normal(piece) for group in codes for code in group for piece in _CODE_PIECES.split(code.text) if piece}
    bracketed = [m.span() for m in _BRACKETED.finditer(clause)]
    # The buyer's reason is not asked: "…, because we want a second source", "The bid closes on 15 April, so we need…".
    bracketed += [(m.start(1), len(clause)) for m in _REASON_AFTER.finditer(clause)]
    bracketed += [(0, m.end()) for m in _REASON_BEFORE.finditer(clause)]
    # A topic's keyword ("price", "lead time") is frame; a long phrase that puts a point on a topic ("be at our
    # factory by 15 December") is the point's own words.
    framed = [(a, b) for topic in asked for a, b in topic.spans_in(clause) if len(tokens(clause[a:b])) <= _FRAME_WORDS]
    choice = _CHOICE.search(clause)
    pieces = [(piece, at) for word, start, _ in tokens(clause) for piece, at in _pieces(word, start)]
    words = [(word, start, weight) for (word, start), weight in zip(pieces, word_weights([w for w, _ in pieces]))]
    # "40x35x10 cm" is three numbers, which the reply may write apart: "40 x 35 x 10 cm".
    words = [(n, start, weight) for word, start, weight in words for n in dimension_numbers(word) or [word]]
    unique: dict[str, Term] = {}
    for word, start, weight in words:
        key = normal(word)
        month = word == "May" and start > 0  # the month, not the verb: "visit your factory in May"
        if not (weight or month) or not (is_content(word) or month) or key in coded:
            continue
        if key.replace(".", "").isdigit() or month:
            weight = 1.0  # a number or a date is as specific as a noun, whatever the tagger calls it
        elif key in _GENERIC_NOUNS:
            weight = min(weight, 0.5)
        aside = any(a <= start < b for a, b in bracketed)
        if aside:
            weight /= 2
        thing = weight >= 1 and not aside
        frame = not key[:1].isdigit() and (key in slot_words() or any(a <= start < b for a, b in framed))
        weight *= specificity(word) * (FRAME_WEIGHT if frame else 1.0)
        side = 0 if choice is None else 1 if start < choice.start() else 2
        part = _part_at(clause, start)
        unique.setdefault(key, Term(word, key, weight, frame, thing, side, part=part))
    return tuple(unique.values())


@lru_cache(maxsize=1024)
def _joins(clause: str) -> tuple[int, ...]:
    """Where ``clause`` joins the things it asks for (see _JOIN), outside brackets: the word at ``i`` is in part
    ``sum(1 for at in _joins(clause) if at < i)``."""
    bracketed = [m.span() for m in _BRACKETED.finditer(clause)]
    return tuple(m.start() for m in _JOIN.finditer(clause) if not any(a <= m.start() < b for a, b in bracketed))


def _part_at(clause: str, position: int) -> int:
    return sum(1 for at in _joins(clause) if at < position)


def _pieces(word: str, start: int) -> list[tuple[str, int]]:
    """A hyphenated word's parts, weighed apart: "OE-quality" → OE, quality."""
    if "-" not in word or word[:1].isdigit():
        return [(word, start)]
    result, offset = [], start
    for piece in word.split("-"):
        result.append((piece, offset))
        offset += len(piece) + 1
    return [(p, o) for p, o in result if p]


@memoized
def buyer_points(draft: Draft) -> list[Point]:
    """The points of the buyer's newest message, in the order written."""
    clauses = _raw_clauses(draft)
    undecided = _undecided(draft)
    orders = {text for text, doc in zip(undecided, nlp.docs(undecided)) if _imperative(doc)}
    message = draft.buyer.split.text if draft.buyer.split is not None else ""
    points: list[Point] = []
    sentences: list[int] = []  # the sentence each point was cut from
    lines: list[int] = []  # and the line it starts on
    statement: _Clause | None = None  # the last clause that is no point: "We pay 50% deposit…" before "Is it okay?"
    for clause in clauses:
        kind = clause.kind
        if kind == "maybe":
            if clause.text not in orders:
                statement = clause
                continue
            kind = "request"
        text, start, number = clause.text, clause.start, clause.number
        # "OK for you?", "Can you quote on that basis?", "Do you have them, or can you help?": a yes asked for what was just said.
        confirms = kind != "requirement" and (_CONFIRMS.search(text) or _ANAPHOR.search(text)) is not None and _follows_up(
            text, _terms(text, [], []), []
        )
        if confirms and statement is not None and statement.line == clause.line and clause.sentence - statement.sentence <= 1:
            if not points or points[-1].start < statement.start:
                # "We pay 50% deposit and 50% when the ship arrives. Is it okay?": the statement is the point.
                text, start, number, kind = message[statement.start : clause.end], statement.start, statement.number, "question"
        statement = None
        adjacent = bool(points) and lines[-1] == clause.line and clause.sentence - sentences[-1] <= 1
        if adjacent and kind != "requirement" and start == clause.start and points[-1].kind == "requirement" and confirms:
            # "Payment: 30% deposit, balance after arrival. OK for you?": one point, which asks for a yes or a no.
            previous = points.pop()
            sentences.pop()
            lines.pop()
            text, start, number, kind = message[previous.start : clause.end], previous.start, previous.number, "question"
            adjacent = bool(points) and lines[-1] == clause.line and clause.sentence - sentences[-1] <= 1
        codes = [group for group in codes_in(text) if not _optional(text, group)]
        # "Who owns the mold after we pay it?" asks about ownership, not payment.
        topics = asked_topics(IN_PASSING.sub(lambda m: " " * len(m.group()), text))
        if any(is_standard(c) for group in codes for c in group) and not any(t.id == "certification" for t in topics):
            topics.append(all_topics()["certification"])  # "flame retardant to SANS 434" asks for a certification
        deadline = all_topics()["deadline"].asked_in(text)
        if deadline:
            # "We need your offer by 9 April" asks for a date; the offer is asked for elsewhere.
            topics = [t for t in topics if t.id == "deadline" or not (t.asked_in(text) and deadline.start() <= t.asked_in(text).start() < deadline.end())]
        if kind == "requirement":
            # A statement that mentions a sample or a catalogue asks for none ("your sample came with a 2\" core").
            topics = [t for t in topics if not t.object or _WANTED.search(text, 0, t.asked_in(text).end())]
        topics.sort(key=lambda t: not t.has_evidence)
        terms = _terms(text, codes, topics)
        follows_up = bool(points) and adjacent and _follows_up(text, terms, codes)
        if not topics and not codes and len(terms) < 2:
            continue  # "Do you have experience?": too little said to tell whether a reply answers it
        pairs = [
            (a.id, o.id)
            for o in topics
            if o.object or o.priced
            for a in topics
            if a is not o and (o.object or a.id == "price") and attached(a, o, text)
        ]
        previous = points[-1] if points and sentences[-1] == clause.sentence else None
        if previous is not None and len(terms) <= 1 and not any(t.object for t in topics):
            # "Can you send 2 samples, and what is the cost?": the cost of the samples.
            things = [o for o in previous.topics if all_topics()[o].object]
            pairs += [(t.id, o) for t in topics if t.has_evidence for o in things]
        subject: tuple[Term, ...] = ()
        if follows_up and not any(t.object for t in topics):  # "Can you send samples?" names what it asks of
            # "Can ship by air to Ho Chi Minh City? How much cost?": the cost of that, answered beside it.
            subject = tuple(t for t in points[-1].terms + points[-1].subject if not t.frame)
        points.append(
            Point(
                text=text,
                start=start,
                end=clause.end,
                kind=kind,
                # Topics answered by a kind of fact (a price, a date) come first: they name best what is missing.
                topics=tuple(t.id for t in topics),
                codes=tuple(tuple(group) for group in codes),
                terms=terms,
                number=number,
                attached=tuple(pairs),
                subject=subject,
                topic_parts=tuple((t.id, _part_at(text, t.asked_in(text).start())) for t in topics if t.asked_in(text)),
                topic_objects=tuple((t.id, _object_of(text, t)) for t in topics if t.has_evidence and _object_of(text, t)),
            )
        )
        sentences.append(clause.sentence)
        lines.append(clause.line)
    return points


# A code the buyer does not require: "(not only FDA)", "from a NABL lab or equivalent", "instead of RoHS".
_NOT_REQUIRED_BEFORE = re.compile(r"\b(?:not(?:\s+only)?|except|other\s+than|instead\s+of|besides|apart\s+from|no)\s+$", re.IGNORECASE)
# An authority that sets the requirement is not what the reply must name: "MPI requires the wax to be free of residues".
_NOT_REQUIRED_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}\s+or\s+(?:an?\s+)?(?:equivalent|similar)\b|^\s+(?:requires?|demands?|asks?\s+for|insists?\s+on)\b",
    re.IGNORECASE,
)


def _optional(text: str, group: list[Code]) -> bool:
    """Whether the buyer names the codes of ``group`` without requiring them."""
    first, last = text.find(group[0].text), text.find(group[-1].text)
    if first < 0 or last < 0:
        return False
    return bool(_NOT_REQUIRED_BEFORE.search(text[:first]) or _NOT_REQUIRED_AFTER.match(text[last + len(group[-1].text) :]))


# What a fact is asked of: "the price of the spare parts kit", "the air freight cost to Chicago", "lead time for the 24V version".
_OF = re.compile(
    r"^\s+(?P<preposition>of|for|on|to)\s+(?:the\s+|your\s+|a\s+|an\s+|our\s+|this\s+|these\s+)?"
    r"((?:(?!(?:to|in|at|from|with|by|or|if|for|of|on)\b)[\w-]+\s*){1,5})",
    re.IGNORECASE,
)


def _object_of(text: str, topic: Topic) -> tuple[str, ...]:
    """The normal forms of the words the fact ``topic`` is asked of, if the point names them right after it.

    Only a noun phrase right after the topic's word ("price of", "cost to"): a date the buyer sets is
    no such word ("in Antwerp before 1 September for our autumn season" gives a reason). A thing sent is of
    something ("a sample of the Fig & Cedar scent"); what it is for is the buyer's purpose ("a 5 kg sample for
    our laboratory").
    """
    match = topic.asked_in(text) if topic.id != "deadline" else None
    found = _OF.match(text[match.end() :]) if match else None
    if found and topic.object and found.group("preposition") != "of":
        return ()
    return tuple(normal(w) for w, _, _ in tokens(found.group(1)) if is_content(w)) if found else ()


def _follows_up(clause: str, terms: tuple[Term, ...], codes: list[list[Code]]) -> bool:
    """A short ask about what the one before it named: "How much cost?", "Can you quote on that basis?"."""
    if codes or any(not t.frame and t.thing for t in terms):
        return False
    return len(tokens(clause)) <= 4 or _ANAPHOR.search(clause) is not None


# An ask for a yes to what the buyer just stated: "OK for you?", "Is that possible?", "Can you quote on that basis?".
_CONFIRMS = re.compile(
    r"\b(?:ok|okay|fine|possible|acceptable|feasible|alright|accept\w*|agree\w*|confirm\w*|suit\w*|work\s+for\s+you|basis)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(r"\b(?:that|this|these|those|it|them|the same)\b(?!\s+(?:is|are)\s+(?:a|an|our|your|the)\b)", re.IGNORECASE)


#: Penn tags of adverbs and interjections, passed over before an order's verb: "Kindly advise", "Please send".
_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS", "UH"})


def _imperative(doc) -> bool:
    """A clause that opens with a bare verb and has no subject: "Advise best price"."""
    if doc is None or not nlp.is_statistical():
        return False
    # Fine-grained tags, not pos_: the tagger and the parser are all this needs (no attribute ruler, no lemmatizer).
    words = [t for t in doc if not t.is_punct and t.tag_ not in _ADVERB_TAGS]
    return bool(words) and words[0].tag_ == "VB" and words[0].dep_ == "ROOT" and not any(t.dep_ == "nsubj" for t in doc)
