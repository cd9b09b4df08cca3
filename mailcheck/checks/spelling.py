"""PRO-SPELLING: typos (offline, always) and grammar (LanguageTool, when configured)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..analyse.draft import Draft, memoized
from ..analyse.sentences import reply_sentences
from ..languagetool import Match, server_for
from ..model import Edit, Fix
from ..packs import Rule
from ..spelling import WORD, Speller, prose
from .registry import Hit, detector
from .subject import reply_prefixes

_CHECKED = ("greeting", "body", "closing")
#: (pack, code, user words) -> [(options, their speller)]: one speller per options and user
#: words, kept for the process (its caches are the point).
_spellers: dict[tuple[str, str, tuple[str, ...]], list[tuple[dict[str, Any], Speller]]] = {}


def _speller(rule: Rule, user_words: tuple[str, ...]) -> Speller:
    made = _spellers.setdefault((rule.pack, rule.code, user_words), [])
    # The options are mostly the very dict of the pack (selection copies it only to override).
    for options, speller in made:
        if options is rule.options or options == rule.options:
            return speller
    made.append((rule.options, Speller(rule.options, user_words)))
    return made[-1][1]


@memoized
def others_words(draft: Draft) -> frozenset[str]:
    """Words other people wrote or that name people: never the writer's typos.

    The buyer's message and the quoted thread (a reply repeats the buyer's
    product words: "hoodie", "wicking"), the names in the address headers, and
    the writer's own signature (names, company, street).
    """
    message = draft.message
    texts = [message.sender or "", *message.to, *message.cc, draft.buyer.text or "", draft.buyer.subject or ""]
    texts += [draft.text[z.start : z.end] for z in draft.split.zones if z.kind in ("quote", "signature")]
    return frozenset(w.casefold() for text in texts for w in WORD.findall(text))


@memoized
def _sentence_starts(draft: Draft) -> set[int]:
    """Offsets of the first word of every sentence of the reply (list markers skipped)."""
    starts = set()
    for sentence in reply_sentences(draft):
        first = WORD.search(draft.text, sentence.start, sentence.end)
        if first:
            starts.add(first.start())
    return starts


@detector("PRO-SPELLING")
def spelling(draft: Draft, rule: Rule) -> Iterator[Hit]:
    speller = _speller(rule, tuple(draft.config.words))
    hits: list[Hit] = []
    for zone, start, end in draft.spans(rule.scope):
        text = draft.subject if zone == "subject" else draft.text
        if zone == "subject" and reply_prefixes(text)[0]:
            continue  # after "RE:" stands the buyer's subject ("RE: Demande de prix / Price request")
        for match in WORD.finditer(prose(text[start:end])):
            word, at = match.group(), start + match.start()
            # In the subject every word may be capitalised: only lower-case words are read.
            # (Where a sentence starts matters only for a capitalised word.)
            first = zone != "subject" and word[0].isupper() and at in _sentence_starts(draft)
            for offset, typo, correction in speller.typos(word, first):
                # Typos are few: the words of others are gathered only when there is one.
                exempt = others_words(draft)
                if word.casefold() in exempt or typo.casefold() in exempt:
                    continue
                s, e = at + offset, at + offset + len(typo)
                hits.append(
                    Hit(
                        zone,
                        s,
                        e,
                        args={"word": typo, "correction": correction},
                        suggestion="default",
                        fix=Fix((Edit(s, e, correction, "subject" if zone == "subject" else "text"),), "unsafe"),
                    )
                )
    yield from hits
    yield from _languagetool_hits(draft, rule, speller, hits)


def _languagetool_hits(draft: Draft, rule: Rule, speller: Speller, offline: list[Hit]) -> Iterator[Hit]:
    server = server_for(draft.config.languagetool)
    if server is None:
        return
    exempt, starts = others_words(draft), _sentence_starts(draft)
    zones = [z for z in draft.split.zones if z.kind in _CHECKED and z.kind in rule.scope]
    if not zones:
        return
    end = max(z.end for z in zones)
    # Only the writer's own text goes to the server; the signature in between is skipped.
    skipped = [(z.start, z.end) for z in draft.split.zones if z.end <= end and z.kind not in _CHECKED]
    categories = set(rule.options["languagetool-categories"])
    taken = [(h.start, h.end) for h in offline]
    for match in server.check(draft.text[:end], skipped):
        if match.category not in categories or match.end <= match.start:
            continue
        if any(s < match.end and match.start < e for s, e in taken):
            continue  # the offline check reported this place already
        word = draft.text[match.start : match.end]
        if match.category == "TYPOS" and not _real_typo(word, match, speller, exempt, starts):
            continue
        zone = next((z.kind for z in zones if z.start <= match.start < z.end), "body")
        taken.append((match.start, match.end))
        yield _lt_hit(rule, zone, match)


def _real_typo(word: str, match: Match, speller: Speller, exempt: frozenset[str], starts: set[int]) -> bool:
    """LanguageTool's spelling matches pass the same exceptions as the offline check's."""
    if not re.fullmatch(r"[A-Za-z]+(?:['’][A-Za-z]+)*", word) or word.casefold() in exempt:
        return False
    if word.isupper() or any(c.isupper() for c in word[1:]):
        return False
    if word[0].isupper() and match.start not in starts:
        return False
    return not speller.is_known(word)


def _lt_hit(rule: Rule, zone: str, match: Match) -> Hit:
    label = rule.labels.get(match.category.casefold(), rule.labels["other"])
    replacement = match.replacements[0] if match.replacements else None
    return Hit(
        zone,
        match.start,
        match.end,
        message="languagetool",
        args={"category": label, "detail": match.message, "replacement": replacement or ""},
        suggestion="languagetool" if replacement is not None else None,
        fix=Fix((Edit(match.start, match.end, replacement),), "unsafe") if replacement is not None else None,
    )
