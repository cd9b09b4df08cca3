"""STR-BODY: a short company introduction; a first reply presents the product and quotes the price asked for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analyse.draft import Draft
from ..analyse.sentences import Sentence, reply_sentences
from ..packs import Rule, Text
from .prefilter import Alternatives, alternatives, buyer_haystack, haystack
from .quote import buyer_asks_price, prices, quotation_attached, writer_text
from .registry import Hit, detector

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Facts about a product: a model code ("HB-200D", "EC-ES04") or a figure with its unit.
_MODEL = re.compile(r"\b[A-Z]{1,5}[- ]?\d{2,}[A-Z0-9-]*\b")
_SPEC = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mm|cm|m|W|kW|V|A|Ah|mAh|kg|g|ml|L|lm|K|gsm|g/m2|°C|inch|Hz|bar|MPa|psi|rpm|dB|oz)(?![\w])"
)


def _option(rule: Rule, key: str) -> Alternatives:
    return alternatives(tuple(rule.options[key]))


def _paragraphs(sentences: list[Sentence], text: str) -> list[list[Sentence]]:
    """Sentences grouped by the blank lines between them."""
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and "\n\n" not in text[groups[-1][-1].end : sentence.start].replace("\r", ""):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def company_introduction(draft: Draft, rule: Rule) -> list[list[Sentence]]:
    """The body's paragraphs that mostly introduce the company."""
    # The writer's haystack (greeting, body, closing) holds the body's, and the rules share it.
    cue = _option(rule, "company").within(haystack(draft, ("greeting", "body", "closing")))
    if cue is None:
        return []  # the body has none of the words that introduce a company
    body = [s for s in reply_sentences(draft) if s.zone == "body"]
    intro = []
    for paragraph in _paragraphs(body, draft.text):
        introducing = sum(1 for s in paragraph if cue.search(s.text))
        if introducing and introducing * 2 >= len(paragraph):
            intro.append(paragraph)
    return intro


def first_reply(draft: Draft, rule: Rule) -> bool:
    """The draft answers the buyer's first message: no earlier mail of the thread is quoted or referred to."""
    buyer = draft.buyer
    if buyer.source is None or buyer.split is None:
        return False
    earlier = buyer.split.quoted if buyer.source == "inquiry" else draft.split.quoted[1:]
    if earlier or buyer.split.quoted:
        return False
    earlier_contact = _option(rule, "earlier-contact").within(buyer_haystack(draft))
    return earlier_contact is None or not earlier_contact.search(buyer.text or "")


def _presents_product(draft: Draft, rule: Rule, text: str) -> bool:
    if _MODEL.search(text) or _SPEC.search(text):
        return True
    subject = draft.buyer.subject
    if not subject:
        return True  # nothing to compare with: say nothing
    ignored = {w.casefold() for w in rule.options["not-products"]}
    wanted = {w.casefold() for w in _WORD.findall(subject) if len(w) > 3 and w.casefold() not in ignored}
    said = {w.casefold() for w in _WORD.findall(text)}
    # "boxes" answers "box": compare without a plural s.
    return not wanted or bool({w.rstrip("s") for w in wanted} & {w.rstrip("s") for w in said})


def _quotes(draft: Draft, rule: Rule, text: str) -> bool:
    if not buyer_asks_price(draft) or prices(draft) or quotation_attached(draft):
        return True
    return _option(rule, "quotation-pending").pattern.search(text) is not None


@detector("STR-BODY")
def body_intro_product_quote(draft: Draft, rule: Rule) -> Iterator[Hit]:
    limit = int(rule.options["max-words"])
    intro = company_introduction(draft, rule)
    words = sum(len(_WORD.findall(s.text)) for paragraph in intro for s in paragraph)
    if words > limit:
        start, end = intro[0][0].start, intro[-1][-1].end
        args = {"words": words, "max": limit}
        yield Hit("body", start, end, message="long_intro", args=args, suggestion="long_intro")
    if not first_reply(draft, rule):
        return
    text = writer_text(draft)
    present = {"product": _presents_product(draft, rule, text), "quotation": _quotes(draft, rule, text)}
    missing = [rule.labels[part] for part, there in present.items() if not there]
    body = draft.split.spans("body")
    if missing and body:
        line_end = draft.text.find("\n", body[0].start, body[0].end)
        parts = Text(" or ".join(m.en for m in missing), "，也没有".join(m.zh for m in missing))
        yield Hit("body", body[0].start, line_end if line_end != -1 else body[0].end, message="missing",
                  args={"parts": parts}, suggestion="missing")
