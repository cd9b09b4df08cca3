"""PRO-QUOTE: a price comes with its currency, Incoterm and place, validity, MOQ, lead time and payment.

Also the price spotting STR-BODY shares: :func:`prices` (figures that are
prices of goods, not credits or courier fees), :func:`quotation_attached`
and :func:`buyer_asks_price`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..analyse.draft import Draft, memoized
from ..analyse.sentences import reply_sentences
from ..packs import Rule, Text, load_data
from ..vocabulary import trade_words
from .attachment import carries_attachments
from .prefilter import Alternatives, alternatives, buyer_haystack, fold, haystack, possible
from .registry import Hit, detector

_WRITER_ZONES = ("greeting", "body", "closing")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ELEMENTS = ("validity", "moq", "lead_time", "payment")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Price:
    start: int
    end: int
    with_currency: bool


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _listed(key: str) -> Alternatives:
    """The patterns of the list ``key`` of rules/data/prices.toml."""
    return alternatives(tuple(load_data("prices")[key]))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_data("prices")
    codes = rf"(?<![A-Za-z])(?:{_alternation(trade_words('currencies'))})(?![A-Za-z])"
    words = rf"\b(?:{_alternation(data['currency-words'])})\b"
    currency = rf"{codes}|{_alternation(data['currency-signs'])}|{words}"
    units = _alternation(data["quantity-units"])
    return {
        # "USD 1.20-1.50", "$9.50", "3.60 USD"
        "with_currency": re.compile(
            rf"(?:{currency})\s?(?:{_NUMBER})(?:\s*[-–~]\s*(?:{currency})?\s?(?:{_NUMBER}))?"
            rf"|(?<![\w.,])(?:{_NUMBER})\s?(?:{codes}|{words})",
            re.IGNORECASE,
        ),
        # "2.85/set", "0.86 per box", "costs 46.5": a figure that can only be a price.
        "bare": re.compile(
            rf"(?<![\w.,/$€£¥])(?P<amount>{_NUMBER})(?=\s*(?:/|per\s+)\s*[^\W\d])"
            rf"|\b(?:costs|priced(?:\s+at)?|price(?:\s+is|:)?|only)\s+(?P<bare>{_NUMBER})"
            rf"(?![\d,.]*\s*(?:%|(?:{units})\b))",
            re.IGNORECASE,
        ),
        "per_unit": re.compile(r"\s*(?:/|per\s+|a\s+|each\b)\s*[^\W\d]", re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, Alternatives]:
    """Words that make a figure a price, and words of charges that are no price of goods."""
    data = load_data("prices")
    return {
        "price_word": Alternatives([rf"\b(?:{_alternation(data['price-words'])})\b"]),
        "not_goods": Alternatives([rf"(?<!\w)(?:{_alternation(data['not-goods'])})(?!\w)"]),
    }


@lru_cache(maxsize=1)
def _currency_parts() -> tuple[frozenset[str], re.Pattern[str] | None, frozenset[str], tuple[str, ...]]:
    """The alternatives of ``currency`` in :func:`_patterns`, folded: the codes of letters, a
    pattern of the other codes ("US$"), the currency words, the signs."""
    data = load_data("prices")
    codes = [fold(code) for code in trade_words("currencies")]
    others = [code for code in codes if not code.isalpha()]
    return (
        frozenset(code for code in codes if code.isalpha()),
        re.compile(rf"(?<![A-Za-z])(?:{_alternation(others)})(?![A-Za-z])", re.IGNORECASE) if others else None,
        frozenset(map(fold, data["currency-words"])),
        tuple(map(fold, data["currency-signs"])),
    )


def _has_currency(text: str) -> bool:
    """Whether the currency pattern matches in ``text``, told mostly without it: a sign anywhere,
    a code as a run of letters of its own ("USD12", "12 usd"), a currency word as a whole word."""
    codes, other_codes, words, signs = _currency_parts()
    folded = fold(text)
    return (
        any(sign in folded for sign in signs)
        or not codes.isdisjoint(_LETTERS.findall(folded))
        or not words.isdisjoint(_WORDS.findall(folded))
        or (other_codes is not None and other_codes.search(folded) is not None)
    )


def _says(words: re.Pattern[str] | None, text: str) -> bool:
    return words is not None and words.search(text) is not None


@memoized
def prices(draft: Draft) -> list[Price]:
    """The prices of goods the writer states (not credits, fees, or an earlier quotation's prices)."""
    written = haystack(draft, _WRITER_ZONES)
    earlier = _listed("earlier-quote").within(written)
    # Either list may be absent from the whole reply: then no sentence is searched for it.
    lists = _word_lists()
    price_word, not_goods = lists["price_word"].within(written), lists["not_goods"].within(written)
    found: list[Price] = []
    heading = False  # under "Prices DDP Venlo, per piece:", each list line is a price
    previous_end = 0
    for sentence in reply_sentences(draft):
        text = sentence.text
        if draft.text.find("\n\n", previous_end, sentence.start) >= 0:
            heading = False
        previous_end = sentence.end
        if earlier is not None and earlier.search(text):
            continue
        under_heading = heading
        if text.endswith(":"):
            heading = _says(price_word, text)
        if _DIGIT.search(text) is None:
            continue  # a price has a figure; most sentences have none
        for begin, end, with_currency in _figures(text, under_heading, price_word, not_goods):
            start = sentence.start + begin
            if not any(f.start <= start < f.end for f in found):
                found.append(Price(start, sentence.start + end, with_currency))
    return sorted(found, key=lambda f: f.start)


def _figures(
    text: str, under_heading: bool, price_word: re.Pattern[str] | None, not_goods: re.Pattern[str] | None
) -> Iterator[tuple[int, int, bool]]:
    """(start, end, with its currency) of the prices of goods in a sentence."""
    p = _patterns()
    # Whether the sentence speaks of prices, or of charges: looked up when a figure needs it.
    priced: bool | None = None
    charge: bool | None = None
    for kind in ("with_currency", "bare") if _has_currency(text) else ("bare",):
        for match in p[kind].finditer(text):
            group = next((g for g in ("amount", "bare") if match.groupdict().get(g)), 0)
            begin, end = match.span(group)
            per_unit = p["per_unit"].match(text, end) is not None
            if kind == "with_currency" and not per_unit:
                if priced is None:
                    priced = under_heading or _says(price_word, text)
                if not priced:
                    continue  # "we will credit USD 420": money, not a price
            if not per_unit:
                if charge is None:
                    charge = _says(not_goods, text)
                if charge:
                    continue
            yield begin, end, kind == "with_currency"


def writer_text(draft: Draft) -> str:
    """What the writer wrote: greeting, body and closing (not the signature or the quote)."""
    return "\n".join(draft.text[z.start : z.end] for z in draft.split.zones if z.kind in _WRITER_ZONES)


@memoized
def quotation_attached(draft: Draft) -> bool:
    """The reply sends its quotation as a document that is there (or cannot be seen: plain-text drafts)."""
    attached = _listed("attached-quotation").within(haystack(draft, _WRITER_ZONES))
    if attached is None or not attached.search(writer_text(draft)):
        return False
    return bool(draft.message.attachments) or not carries_attachments(draft.message)


@memoized
def buyer_asks_price(draft: Draft) -> bool:
    asked = f"{draft.buyer.text or ''}\n{draft.buyer.subject or ''}"
    request = _listed("price-request").within(buyer_haystack(draft))
    return request is not None and request.search(asked) is not None


# -- Incoterms -----------------------------------------------------------------------
@lru_cache(maxsize=1)
def _incoterms() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    data = load_data("incoterms")
    names = [name for term in data["terms"].values() for name in term["names"]]
    term = re.compile(rf"(?<![\w&+])(?:{'|'.join(data['terms'])})(?![\w&+])|\b(?:{_alternation(names)})\b")
    obsolete = re.compile(rf"(?<![\w&+])(?:{_alternation(list(data['obsolete']))})(?![\w&+])")
    return term, obsolete, dict(data["obsolete"])


# The named place follows the term ("FOB Ningbo", "DAP Linz", "EXW our factory in
# Dongguan", "DDP your site") or, less often, comes before it ("Ningbo FOB").
_PLACE_AFTER = re.compile(r"[ \t]+(?:port\s+of\s+|airport\s+)?([A-Z][\w'’.-]*|(?:our|your|buyer'?s)\s+\w+)")
_PLACE_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)[ \t]+\(?$")
_NOT_PLACES = frozenset("price prices unit the best total offer quotation quote basis term terms new and or".split())


def _has_place(text: str, match: re.Match[str]) -> bool:
    after = _PLACE_AFTER.match(text, match.end())
    if after is not None and after.group(1).split()[0].casefold() not in _NOT_PLACES:
        return True
    before = _PLACE_BEFORE.search(text, max(0, match.start() - 40), match.start())
    return before is not None and before.group(1).casefold() not in _NOT_PLACES | {"our", "your"}


def _missing(draft: Draft, rule: Rule, found: list[Price], text: str) -> list[Text]:
    """The labels of the elements the quotation lacks."""
    missing: list[Text] = []
    if not all(f.with_currency for f in found) and not _has_currency(text):
        missing.append(rule.labels["currency"])
    term_pattern, obsolete, _ = _incoterms()
    terms = list(term_pattern.finditer(text))
    if not terms:
        if not obsolete.search(text):  # an obsolete term has a finding of its own
            missing.append(rule.labels["incoterm"])
    elif not any(_has_place(text, t) for t in terms):
        label = rule.labels["place"]
        missing.append(Text(label.en.format(term=terms[0].group()), label.zh.format(term=terms[0].group())))
    # A quotation asked for carries all its terms, unless it travels as an attached document.
    if buyer_asks_price(draft) and not quotation_attached(draft):
        written = haystack(draft, _WRITER_ZONES)  # of ``text``
        # "valid for 30 days", "30 days net": the rest of such a clause holds days that are no lead time.
        clause = alternatives(tuple(f"(?:{p})[^,;.\n]*" for p in rule.options["validity"] + rule.options["payment"]))
        clauses = clause.within(written)
        lead_text, removed = clauses.subn(" ", text) if clauses else (text, 0)
        for key in _ELEMENTS:
            options = alternatives(tuple(rule.options[key]))
            if key == "lead_time" and removed:  # in the text without those clauses, which has no haystack
                present = options.pattern.search(lead_text) is not None
            else:
                present = options.found(written, text)
            if not present:
                missing.append(rule.labels[key])
    return missing


@detector("PRO-QUOTE")
def complete_quotation(draft: Draft, rule: Rule) -> Iterator[Hit]:
    found = prices(draft)
    _, obsolete, replacements = _incoterms()
    spans = draft.spans(rule.scope) if possible(obsolete, haystack(draft, rule.scope)) else []
    for zone, start, end in spans:
        for match in obsolete.finditer(draft.text, start, end):
            term = match.group()
            args = {"term": term, "replacement": replacements[term]}
            yield Hit(zone, match.start(), match.end(), message="obsolete", args=args, suggestion="obsolete")
    if not found:
        return
    missing = _missing(draft, rule, found, writer_text(draft))
    if missing:
        fields = Text("; ".join(m.en for m in missing), "；".join(m.zh for m in missing))
        first = found[0]
        zone = next((z.kind for z in draft.split.zones if z.start <= first.start < z.end), "body")
        yield Hit(zone, first.start, first.end, message="missing", args={"fields": fields}, suggestion="missing")
