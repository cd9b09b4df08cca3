"""The generic rule kinds: rules that are data in a pack, with no Python of their own.

- existence: flag every match of the entries' phrases or patterns.
- substitution: flag a match and suggest its replacement; the fix is applied by
  ``--fix`` only when the entry says ``safe = true``.
- occurrence: count the matches; fewer than ``min`` (default 1: "the reply must
  say X") or more than ``max`` is a finding.
- metric (metric.py): a measure of each sentence, each paragraph or the whole
  scope against ``min``/``max``.

A phrase matches case-insensitively on word boundaries; the space between two
words matches any whitespace (mail is wrapped) and an apostrophe matches ' or ’.
Only the zones in the rule's scope are read, so the buyer's quoted message is
never seen unless a scope names "quote". The format is docs/rule-packs.md.

A rule's entries are compiled once (:func:`compiled_rule`), and an entry is
searched only in a draft that has one of the words every match of it needs
(needles.py, prefilter.py): most entries match nothing in most drafts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..analyse.draft import Draft
from ..analyse.sentences import Sentence, reply_sentences, split_sentences
from ..model import Edit, Fix
from ..packs import Rule, compile_pattern, expand_lists
from .needles import Needle, needles
from .prefilter import NeedleIndex, haystack
from .registry import Hit, kind_detector

#: Words that ``inflect`` leaves as written: "the" must not become "thing".
_FUNCTION_WORDS = frozenset("the and our you your for with from that this than".split())
_REPLY_ZONES = ("greeting", "body", "closing")


def word_forms(word: str) -> list[str]:
    """``word`` and its regular inflections (-s/-es/-ies, -ed/-d/-ied, -ing), longest first."""
    w = word.lower()
    if len(w) < 3 or w in _FUNCTION_WORDS or not w.isalpha():
        return [w]
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    else:
        forms |= {w + ("es" if w.endswith(("s", "x", "z", "ch", "sh", "o")) else "s"), w + "ed", w + "ing"}
        if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", w):  # ship -> shipped, plan -> planning
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return sorted(forms, key=len, reverse=True)


def _escape(word: str) -> str:
    return "".join("['’]" if c in "'’" else re.escape(c) for c in word)


def phrase_regex(phrase: str, inflect: bool = False) -> str:
    """The regex of a phrase: its words on word boundaries, any whitespace between them."""
    parts = []
    for word in phrase.split():
        forms = word_forms(word) if inflect else [word]
        parts.append("(?:" + "|".join(map(_escape, forms)) + ")" if len(forms) > 1 else _escape(word))
    body = r"\s+".join(parts)
    start = r"(?<!\w)" if re.match(r"\w", phrase.strip()) else ""
    end = r"(?!\w)" if re.search(r"\w$", phrase.strip()) else ""
    return f"{start}{body}{end}"


@dataclass(frozen=True)
class CompiledEntry:
    """One entry of a rule with its patterns compiled."""

    entry: dict[str, Any]
    finds: tuple[re.Pattern[str], ...]
    excepts: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    #: For each of ``finds``: every match contains one of these (needles.py); None: search always.
    find_needles: tuple[frozenset[Needle] | None, ...]

    @property
    def needles(self) -> frozenset[Needle] | None:
        """Every match of the entry contains one of these; None: search always."""
        return None if None in self.find_needles else frozenset().union(*self.find_needles)


@dataclass(frozen=True)
class CompiledRule:
    """A rule's entries compiled, and indexed by their needles."""

    entries: tuple[CompiledEntry, ...]
    index: NeedleIndex[CompiledEntry]

    def within(self, draft: Draft, scope: tuple[str, ...]) -> list[CompiledEntry]:
        """The entries that may match in the draft's ``scope``: the others cannot."""
        return self.index.within(haystack(draft, scope))


def _compile(
    phrases: list[str], patterns: list[str], options: dict[str, Any], ignore_case: bool, inflect: bool = False
) -> tuple[re.Pattern[str], ...]:
    compiled = [compile_pattern(expand_lists(p, options), ignore_case) for p in patterns]
    if phrases:
        ordered = sorted(phrases, key=len, reverse=True)  # "revert back" before "revert"
        compiled.insert(0, compile_pattern("|".join(phrase_regex(p, inflect) for p in ordered), ignore_case))
    return tuple(compiled)


def _compile_entry(entry: dict[str, Any], options: dict[str, Any]) -> CompiledEntry:
    phrases, patterns = entry.get("phrase", []), entry.get("pattern", [])
    finds = _compile(phrases, patterns, options, not entry.get("case"), entry.get("inflect", False))
    return CompiledEntry(
        entry,
        finds,
        excepts=_compile(entry.get("except", []), entry.get("except-pattern", []), options, True),
        unless=_compile(entry.get("unless", []), entry.get("unless-pattern", []), options, True),
        find_needles=tuple(needles(p) for p in finds),
    )


#: (pack, code) -> (the rule's entries, its options, their lists, the rule compiled). The
#: entries list is held, so that an identity test tells another pack's rule of the same name apart.
_COMPILED: dict[tuple[str, str], tuple[list[dict[str, Any]], dict[str, Any], tuple[Any, ...], CompiledRule]] = {}


def compiled_rule(rule: Rule) -> CompiledRule:
    """The rule's entries compiled: once a process, and again only for other list options.

    The copies of a rule that selection makes (another severity, options from the
    config) share its entries, and mostly its options, so they share this too.
    """
    cached = _COMPILED.get((rule.pack, rule.code))
    if cached is not None and cached[0] is rule.entries and cached[1] is rule.options:
        return cached[3]
    lists = tuple((k, tuple(v)) for k, v in sorted(rule.options.items()) if isinstance(v, list))
    if cached is None or cached[0] is not rule.entries or cached[2] != lists:
        entries = tuple(_compile_entry(entry, rule.options) for entry in rule.entries)
        compiled = CompiledRule(entries, NeedleIndex((e, e.needles) for e in entries))
    else:
        compiled = cached[3]  # the same lists in another options dict
    _COMPILED[(rule.pack, rule.code)] = (rule.entries, rule.options, lists, compiled)
    return compiled


def source_text(draft: Draft, zone: str) -> str:
    """What the offsets of a span of ``zone`` index: the subject or the text."""
    return draft.subject if zone == "subject" else draft.text


def zone_sentences(draft: Draft, zone: str, start: int, end: int) -> list[Sentence]:
    """The sentences of one zone span (the shared ones for the writer's own zones)."""
    if zone in _REPLY_ZONES:
        return [s for s in reply_sentences(draft) if start <= s.start < end]
    return split_sentences(source_text(draft, zone)[start:end], start, zone)


def _sentence_at(draft: Draft, zone: str, start: int, end: int, position: int) -> str:
    source = source_text(draft, zone)
    for sentence in zone_sentences(draft, zone, start, end):
        if sentence.start <= position < sentence.end:
            return source[sentence.start : sentence.end]
    line_start = source.rfind("\n", start, position) + 1
    line_end = source.find("\n", position, end)
    return source[line_start : end if line_end < 0 else line_end]


@dataclass(frozen=True)
class Match:
    """A flagged span; ``context_start``/``context_end`` span the whole pattern match around it."""

    zone: str
    start: int
    end: int
    text: str
    entry: dict[str, Any]
    context_start: int
    context_end: int

    @property
    def words(self) -> str:
        """The matched text on one line, for messages."""
        return _one_line(self.text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def entry_matches(draft: Draft, rule: Rule, compiled: CompiledEntry) -> list[Match]:
    """Every place in the rule's scope where the entry matches and no exception applies."""
    found = []
    # An entry of several patterns may match in the draft by one of them: the others are not searched.
    written = haystack(draft, rule.scope)
    finds = [p for p, n in zip(compiled.finds, compiled.find_needles) if n is None or any(map(written.has, n))]
    for zone, start, end in draft.spans(rule.scope):
        source = source_text(draft, zone)
        excepted: list[tuple[int, int]] | None = None  # searched only once something matches
        for pattern in finds:
            for hit in pattern.finditer(source, start, end):
                # A pattern may narrow what it flags to a group named "hit" (the rest is context).
                s, e = hit.span("hit") if "hit" in pattern.groupindex and hit.group("hit") else hit.span()
                if s == e:
                    continue
                if excepted is None:
                    excepted = [x.span() for p in compiled.excepts for x in p.finditer(source, start, end)]
                if any(a <= s and e <= b for a, b in excepted):
                    continue
                if compiled.unless:
                    sentence = _sentence_at(draft, zone, start, end, s)
                    if any(p.search(sentence) for p in compiled.unless):
                        continue
                found.append(Match(zone, s, e, source[s:e], compiled.entry, hit.start(), hit.end()))
    return found


def rule_matches(draft: Draft, rule: Rule) -> list[Match]:
    """Matches of all entries; where two overlap, the entry listed first wins."""
    kept: list[Match] = []
    for compiled in compiled_rule(rule).within(draft, rule.scope):
        for match in entry_matches(draft, rule, compiled):
            same_target = [k for k in kept if (k.zone == "subject") == (match.zone == "subject")]
            if not any(match.start < k.end and k.start < match.end for k in same_target):
                kept.append(match)
    return sorted(kept, key=lambda m: (m.zone != "subject", m.start))


def suggestion_key(rule: Rule, entry: dict[str, Any]) -> str | None:
    return entry.get("suggestion") or ("default" if "default" in rule.suggestions else None)


def _context(draft: Draft, match: Match) -> str:
    return _one_line(source_text(draft, match.zone)[match.context_start : match.context_end])


@kind_detector("existence")
def existence(draft: Draft, rule: Rule) -> Iterator[Hit]:
    for match in rule_matches(draft, rule):
        yield Hit(
            match.zone,
            match.start,
            match.end,
            message=match.entry.get("message", "default"),
            args={"match": match.words, "context": _context(draft, match)},
            suggestion=suggestion_key(rule, match.entry),
        )


def _cased(replacement: str, original: str) -> str:
    """``replacement`` in the case the writer used: "In order to" -> "To", "PLS" -> "PLEASE".

    Two capitals are not shouting ("OK?"), so only three or more make the replacement capitals.
    """
    if sum(c.isalpha() for c in original) > 2 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _replacement_edit(source: str, match: Match, replacement: str) -> Edit:
    start, end = match.start, match.end
    if not replacement:
        # Deleting a phrase also deletes one space beside it, so no double space is left.
        if source[end : end + 1] == " ":
            end += 1
        elif source[start - 1 : start] == " ":
            start -= 1
    return Edit(start, end, replacement, target="subject" if match.zone == "subject" else "text")


@kind_detector("substitution")
def substitution(draft: Draft, rule: Rule) -> Iterator[Hit]:
    for match in rule_matches(draft, rule):
        entry = match.entry
        choices = [_cased(r.replace("{match}", match.words), match.text) for r in entry["replace"]]
        key = suggestion_key(rule, entry)
        source = source_text(draft, match.zone)
        edit = _replacement_edit(source, match, choices[0])
        # The whole pattern match with the replacement in place: "will high" -> "will be high".
        left, right = min(match.context_start, edit.start), max(match.context_end, edit.end)
        fixed = source[left : edit.start] + edit.replacement + source[edit.end : right]
        yield Hit(
            match.zone,
            match.start,
            match.end,
            message=entry.get("message", "default"),
            args={
                "match": match.words,
                "replacement": " / ".join(choices),
                "context": _context(draft, match),
                "fixed": _one_line(fixed),
            },
            suggestion=key,
            suggestion_text=None if key else " / ".join(f'"{c}"' for c in choices),
            fix=Fix((edit,), "safe" if entry.get("safe") else "unsafe"),
        )


@kind_detector("occurrence")
def occurrence(draft: Draft, rule: Rule) -> Iterator[Hit]:
    spans = draft.spans(rule.scope)
    if not spans:
        return
    may_match = {id(c) for c in compiled_rule(rule).within(draft, rule.scope)}
    for compiled in compiled_rule(rule).entries:
        entry = compiled.entry
        found = entry_matches(draft, rule, compiled) if id(compiled) in may_match else []
        least = entry.get("min", 0 if "max" in entry else 1)
        most = entry.get("max")
        args = {
            "count": len(found),
            "min": least,
            "max": "" if most is None else most,
            "phrase": (entry.get("phrase") or entry.get("pattern"))[0],
        }
        message, suggestion = entry.get("message", "default"), suggestion_key(rule, entry)
        if len(found) < least:
            zone, start, end = spans[0]
            yield Hit(zone, start, end, message=message, args=args, suggestion=suggestion)
        if most is not None:
            for match in found[int(most) :]:
                yield Hit(match.zone, match.start, match.end, message=message, args=args, suggestion=suggestion)
