"""The salutation: STR-GREETING (present, names the right buyer) and STR-SALUTATION-REGION."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..analyse.buyer import fold, name_tokens
from ..analyse.draft import Draft
from ..packs import Rule, load_data
from .registry import Hit, detector

# The opening words of a salutation, longest first so "good morning" beats "good".
_OPENERS = sorted(
    [
        "dear", "dearest", "hi", "hello", "hey", "hallo", "hiya", "yo", "greetings", "good morning",
        "good afternoon", "good evening", "good day", "morning", "to whom it may concern", "attn", "attention",
        "sehr geehrte", "sehr geehrter", "sehr geehrte damen und herren", "liebe", "lieber", "guten tag",
        "bonjour", "chère", "cher", "madame, monsieur", "hola", "estimado", "estimada", "estimados", "olá", "ola",
        "prezado", "prezada", "caro", "cara", "gentile", "egregio", "beste", "geachte",
    ],
    key=len,
    reverse=True,
)
_OPENER = re.compile(r"^\s*(" + "|".join(re.escape(o) for o in _OPENERS) + r")\b[\s,]*", re.IGNORECASE)
#: Addressees that are not a person's name.
_GENERIC = frozenset(
    fold(w)
    for w in (
        "sir sirs madam madame madams ladies gentlemen all everyone team friend friends customer customers client "
        "clients colleague colleagues partner partners buyer buyers purchaser purchasing procurement manager "
        "managers sourcing whom concern it may there valued and or damen herren monsieur messieurs señor señores "
        "senhor senhores signori my our dear"
    ).split()
)


@dataclass(frozen=True)
class Salutation:
    opener: str  # folded opening words: "dear", "hi", "good morning"
    names: frozenset[str]  # folded words naming a person
    title: bool  # "Mr.", "Ms.", "Dr.", "Sir/Madam"… present
    start: int
    end: int  # the salutation line in the draft text


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(load_data("regions")["salutation"]["titles"])


def salutation(draft: Draft) -> Salutation | None:
    """The draft's salutation line, parsed; None when the draft has no greeting zone."""
    zones = draft.split.spans("greeting")
    if not zones:
        return None
    zone = zones[0]
    text = draft.text[zone.start : zone.end]
    line = text.split("\n", 1)[0]
    match = _OPENER.match(line)
    opener = fold(match.group(1)) if match else ""
    rest = line[match.end() :] if match else line
    # The addressee ends at the first comma, colon or exclamation mark: "Dear Anna, thanks for…".
    addressee = re.split(r"[,:;!，：]", rest, maxsplit=1)[0]
    words = {fold(w) for w in re.findall(r"[^\W\d_]+", addressee)}
    names = frozenset(w for w in name_tokens(addressee) if w not in _GENERIC and w not in _titles())
    title = bool(words & (_titles() | {"sir", "madam", "sirs"}))
    return Salutation(opener, names, title, zone.start, zone.start + len(line))


def _same_person(greeted: frozenset[str], known: frozenset[str]) -> bool:
    """True when a greeted name is one of the buyer's, or a short form of one ("Alex" for "Alexander")."""
    for g in greeted:
        for k in known:
            if g == k or (len(g) >= 3 and (k.startswith(g) or g.startswith(k) and len(k) >= 3)):
                return True
    return False


def _first_name(draft: Draft) -> str:
    name = draft.buyer.name or ""
    return name.split()[0] if name.split() else ""


@detector("STR-GREETING")
def greeting_names_buyer(draft: Draft, rule: Rule) -> Iterator[Hit]:
    s = salutation(draft)
    known = draft.buyer.names
    args = {"buyer": draft.buyer.name or "", "first": _first_name(draft)}
    if s is None:
        reply_start = len(draft.text) - len(draft.text.lstrip())
        line_end = draft.text.find("\n", reply_start)
        end = line_end if line_end != -1 else len(draft.text)
        yield Hit("body", reply_start, end, message="missing", args=args,
                  suggestion="named" if known else "unnamed")
    elif not s.names and known:
        yield Hit("greeting", s.start, s.end, message="generic", args=args, suggestion="named")
    elif not s.names and not s.title and not known:
        yield Hit("greeting", s.start, s.end, message="nameless", args=args, suggestion="unnamed")


@detector("STR-GREETING-NAME")
def greeting_matches_buyer(draft: Draft, rule: Rule) -> Iterator[Hit]:
    s = salutation(draft)
    known = draft.buyer.names
    if s is None or not s.names or not known or _same_person(s.names, known):
        return
    args = {"buyer": draft.buyer.name or "", "first": _first_name(draft)}
    yield Hit("greeting", s.start, s.end, args=args, suggestion="default")


@detector("STR-SALUTATION-REGION")
def salutation_fits_region(draft: Draft, rule: Rule) -> Iterator[Hit]:
    s = salutation(draft)
    country = draft.country
    if s is None or country is None:
        return
    words = load_data("regions")["salutation"]
    args = {"country": country.name, "region": country.group_name, "first": _first_name(draft)}
    opener_line = draft.text[s.start : s.end]
    if any(re.match(rf"\s*{re.escape(c)}\b", opener_line, re.IGNORECASE) for c in words["always_casual"]):
        yield Hit("greeting", s.start, s.end, message="casual", args=args, suggestion="formal")
    elif country.salutation in ("formal", "formal_title") and s.opener in {fold(c) for c in words["casual"]}:
        yield Hit("greeting", s.start, s.end, message="casual_region", args=args, suggestion="formal")
    elif country.salutation == "formal_title" and not s.title and s.names:
        yield Hit("greeting", s.start, s.end, message="no_title", args=args, suggestion="title")
