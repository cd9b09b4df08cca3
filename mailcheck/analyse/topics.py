"""The topics of buyer points (price, MOQ, lead time…) and the evidence that answers each.

The taxonomy is data: ``rules/data/topics.toml``. This module compiles it:
which topics a buyer's point is about, and whether a sentence of the reply
carries the kind of answer the topic needs (a price needs an amount, a lead
time a duration or a date). Topics without answer patterns are answered in
the buyer's own words; see answers.py.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

from ..packs import Text, load_data
from .terms import normal
from .time_phrases import DATE, DURATION, TIME_WORD

#: The topic of points that fit no entry of the taxonomy.
FREE_FORM = "other"
#: A step named in passing, in a point or a reply: "after sample approval", "once we pay the mold". It asks and
#: answers nothing about its topic ("35 days after sample approval" says nothing about samples).
IN_PASSING = re.compile(r"\b(?:after|upon|once|following)\b[^.,;:()?]*", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    id: str
    name: Text
    missing: Text
    example: Text
    asks: tuple[re.Pattern[str], ...]
    answers: tuple[re.Pattern[str], ...]
    strip: tuple[re.Pattern[str], ...]
    #: Something the buyer wants sent or given; its price or timing must be answered beside it.
    object: bool
    #: A service whose price is asked of it ("the freight cost"): given beside it, as an object's.
    priced: bool
    #: Terms a buyer may propose in figures ("payment 50/50?"): the reply's own figures answer, as a counter-offer.
    negotiable: bool
    #: For an object: the act of providing it ("send", "attached", "by DHL"), as one pattern for lowered text.
    acts: re.Pattern[str] | None
    #: ``asks`` and ``answers`` as one pattern each: one search instead of a dozen, for every clause and every topic.
    #: They are searched in lowered text, case-sensitive when they are lower case: twice as fast as ignoring case.
    any_ask: re.Pattern[str]
    any_answer: re.Pattern[str] | None

    @property
    def has_evidence(self) -> bool:
        """True when a reply answers this topic with a kind of fact, not with the buyer's words."""
        return bool(self.answers)

    def asked_in(self, text: str) -> re.Match[str] | None:
        """The first place where ``text`` asks about this topic."""
        return self.any_ask.search(lowered(text))

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` asks about this topic."""
        return [m.span() for p in self.asks for m in p.finditer(text)]

    def acted_in(self, text: str) -> bool:
        """Whether ``text`` provides this topic's object, whatever it calls it ("we will send two candles by DHL")."""
        return self.acts is not None and self.acts.search(lowered(text)) is not None

    def answered_in(self, text: str) -> bool:
        """Whether ``text`` gives this topic's kind of fact. Each point is held against the same sentences: cached."""
        return self.any_answer is not None and _answers(self.id, text)


@lru_cache(maxsize=8192)
def _answers(topic_id: str, text: str) -> bool:
    topic = topics()[topic_id]
    for pattern in topic.strip:
        text = pattern.sub(" ", text)
    return topic.any_answer.search(lowered(text)) is not None


def _placeholders(lower: bool = False) -> dict[str, str]:
    """The placeholders' patterns; ``lower``: for lowered text (currency codes in lower case)."""
    currencies = [c.lower() if lower else c for c in load_data("trade_words")["currencies"]]
    codes = "|".join(re.escape(c) for c in sorted(currencies, key=len, reverse=True))
    currency = rf"(?:\b(?:{codes})|[$€£¥])"
    number = r"\d[\d,]*(?:\.\d+)?"
    return {
        "currency": currency,
        "amount": rf"(?:{currency}\s?{number}|{number}\s?(?:{currency}|(?:us )?dollars?|euros?))",
        "duration": DURATION,
        "date": DATE,
        "time_word": TIME_WORD,
        "qty": r"\d[\d,.]*\s?[a-z]+",
    }


def _compile(patterns: list[str], values: dict[str, str]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        for name, value in values.items():
            pattern = pattern.replace("{" + name + "}", value)
        compiled.append(re.compile(pattern, re.IGNORECASE))
    return tuple(compiled)


def _either_lowered(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """``patterns`` as one, for lowered text: case-sensitive unless one names a capital (escapes such as \\W aside).

    Those that open with a word boundary share it, so that the alternatives are tried only where a
    word begins: three to five times faster than trying each of them everywhere.
    """
    capitals = any(c.isupper() for p in patterns for c in re.sub(r"\\.", "", p.pattern))
    opens_word = [p.pattern.startswith(r"\b") and not _alternatives(p.pattern) for p in patterns]
    at_word = [p.pattern[2:] for p, opens in zip(patterns, opens_word) if opens]
    elsewhere = [p.pattern for p, opens in zip(patterns, opens_word) if not opens]
    branches = ([r"\b(?:" + "|".join(f"(?:{w})" for w in at_word) + ")"] if at_word else []) + [f"(?:{e})" for e in elsewhere]
    return re.compile("|".join(branches), re.IGNORECASE if capitals else 0)


def _alternatives(pattern: str) -> bool:
    """Whether ``pattern`` is an alternation at its top level ("\\ba|b"), outside any group or set."""
    depth, in_set, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lowered(text: str) -> str:
    """``text`` with its ASCII capitals lowered: offsets stay (``str.lower`` may change a length, as of "İ")."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


@lru_cache(maxsize=1)
def topics() -> dict[str, Topic]:
    """Every topic of the taxonomy, in the order the data lists them."""
    data = load_data("topics")
    values, lowered_values = _placeholders(), _placeholders(lower=True)
    result = {}
    for topic_id in data["order"]:
        raw = data["topics"][topic_id]
        asks = _compile(raw["asks"], values)
        answers = _compile(raw.get("answers", []), values)
        result[topic_id] = Topic(
            id=topic_id,
            name=Text(**raw["name"]),
            missing=Text(**raw["missing"]),
            example=Text(**raw["example"]),
            asks=asks,
            answers=answers,
            strip=_compile(raw.get("strip", []), values),
            object=raw.get("object", False),
            priced=raw.get("priced", False),
            negotiable=raw.get("negotiable", False),
            acts=_either_lowered(_compile(raw["acts"], lowered_values)) if raw.get("acts") else None,
            any_ask=_either_lowered(asks),
            any_answer=_either_lowered(_compile(raw["answers"], lowered_values)) if answers else None,
        )
    return result


@lru_cache(maxsize=1)
def slot_words() -> frozenset[str]:
    """Normal forms of the words that name a kind of information ("quantity", "price"): see [slots] in topics.toml."""
    return frozenset(normal(w) for w in load_data("topics")["slots"]["words"])


@lru_cache(maxsize=1)
def value_kinds() -> dict[str, re.Pattern[str]]:
    """Slot word → the pattern of a value of it ("colours" → a colour's name): see [values] in topics.toml."""
    return {
        normal(slot): re.compile(raw["value"], re.IGNORECASE)
        for raw in load_data("topics")["values"].values()
        for slot in raw["slots"]
    }


@lru_cache(maxsize=1)
def figures() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a word that asks for a figure, with the word before it; a figure): see [figures] in topics.toml."""
    data = load_data("topics")["figures"]
    words = "|".join(re.escape(w) for w in data["words"])
    # "the REACH registration number", not "a number of cartons" (a count, asked by its own words).
    asked = re.compile(rf"(?:\b([\w-]+)\s+)?\b({words})\b(?!\s+of\b)", re.IGNORECASE)
    return asked, re.compile(data["value"], re.IGNORECASE)


def asked_topics(text: str) -> list[Topic]:
    """The topics a buyer's point asks about, in the order the point names them."""
    found = []
    text = lowered(text)
    for topic in topics().values():
        match = topic.any_ask.search(text)
        if match:
            found.append((match.start(), topic))
    return [topic for _, topic in sorted(found, key=lambda item: item[0])]


_SEPARATE = re.compile(r"[,;]|\b(?:and|or|as well as|also)\b")


def attached(attribute: Topic, thing: Topic, text: str) -> bool:
    """Whether ``text`` asks for the price or timing *of* the thing: "the sample cost", "how many days for samples".

    "Price and delivery time, as well as the sample lead time" asks for the sample's lead time
    but for the price of the goods: a comma or an "and" between them separates the two.
    """
    for a_start, a_end in attribute.spans_in(text):
        for t_start, t_end in thing.spans_in(text):
            between = text[min(a_end, t_end) : max(a_start, t_start)]
            if len(between) <= 30 and not _SEPARATE.search(between):
                return True
    return False
