"""Tidy format (norm PRO-FORMAT): shouting capitals and doubled spaces.

Repeated "!!!"/"???" are data (PRO-FORMAT-PUNCT in rules/format.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..analyse.draft import Draft
from ..model import Edit, Fix
from ..packs import Rule
from ..spelling import dictionary
from ..vocabulary import trade_acronyms
from .registry import Hit, detector

#: A word in capitals; not part of a model code ("BW-P6036") or a mixed-case word.
_CAPITAL_WORD = re.compile(r"(?<![\w’'-])[A-Z]{2,}(?:['’][A-Z]+)?(?![\w’'-])")
#: Two or more spaces between two characters of a line.
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
#: Two spaces after a full stop is the typewriter convention for ending a sentence, not a slip;
#: after a list marker ("*  Heard", "2.  Click") they indent the item.
_SENTENCE_END = re.compile(r"[.!?:;][\"')\]”’]*$|^(?:[-*•·]+|\(?\w{1,2}[.)])$")


def _shouted(word: str, acronyms: frozenset[str], ordinary: int) -> bool:
    """An ordinary English word written in capitals: "QUALITY", not "FOB", "ENEC" or "SASO"."""
    if word.upper() in acronyms:
        return False
    return dictionary().word_frequency[word.lower().replace("’", "'")] >= ordinary


def _printed_text(text: str, position: int, labels: re.Pattern[str]) -> bool:
    """Capitals quoted ("HANDLE WITH CARE") or after a label word ("Shipping marks: MADE IN CHINA"): text to print."""
    line = text[text.rfind("\n", 0, position) + 1 : position]
    quotes = sum(line.count(q) for q in '"“”')
    return quotes % 2 == 1 or bool(labels.search(line))


def _heading(text: str, start: int, end: int, most_words: int) -> bool:
    """A short line of capitals with no sentence punctuation ("PRICE LIST", "PAYMENT TERMS:") is a heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip().rstrip(":")
    return not re.search(r"[a-z.!?,;]", line) and len(line.split()) <= most_words


@lru_cache(maxsize=8)
def _labels(words: tuple[str, ...]) -> re.Pattern[str]:
    """Words after which capitals are text to print ("Shipping marks:")."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


@detector("PRO-FORMAT-CAPS")
def no_shouting(draft: Draft, rule: Rule) -> Iterator[Hit]:
    text = draft.text
    acronyms = trade_acronyms()
    labels = _labels(tuple(rule.options["print-labels"]))
    for zone, start, end in draft.spans(rule.scope):
        capitals = [m for m in _CAPITAL_WORD.finditer(text, start, end) if m.group().upper() not in acronyms]
        # Words in capitals on one line with no lower-case letter between them are one phrase;
        # acronyms and numbers between them do not break it ("NEW DESIGN LED PANEL").
        runs: list[list[re.Match[str]]] = []
        for word in capitals:
            if runs and not re.search(r"[a-z\n]", text[runs[-1][-1].end() : word.start()]):
                runs[-1].append(word)
            else:
                runs.append([word])
        for run in runs:
            if len(run) < rule.options["min-words"] or _printed_text(text, run[0].start(), labels):
                continue  # no dictionary lookup for a lone acronym; text to print keeps its capitals
            if _heading(text, run[0].start(), run[-1].end(), rule.options["heading-words"]):
                continue
            shouted = [w for w in run if _shouted(w.group(), acronyms, rule.options["ordinary-frequency"])]
            if len(shouted) < rule.options["min-words"]:
                continue
            words = text[shouted[0].start() : shouted[-1].end()]
            normal = re.sub(
                r"[^\W\d_]+", lambda m: m.group() if m.group().upper() in acronyms else m.group().lower(), words
            )
            before = text[text.rfind("\n", 0, shouted[0].start()) + 1 : shouted[0].start()]
            if not before.strip() or re.search(r"[.!?:]\s*$", before):
                normal = normal[:1].upper() + normal[1:]  # it starts a sentence
            yield Hit(
                zone,
                shouted[0].start(),
                shouted[-1].end(),
                args={"words": words, "normal": normal},
                suggestion="default",
            )


def _laid_out(line: str) -> bool:
    """A line whose spaces line up columns: a tab, a gap wider than a typing slip, or gap after gap."""
    gaps = _GAP.findall(line)
    return "\t" in line or len(gaps) > 2 or any(len(gap) > 2 for gap in gaps)


@detector("PRO-FORMAT-SPACES")
def single_spaces(draft: Draft, rule: Rule) -> Iterator[Hit]:
    text = draft.text
    for zone, start, end in draft.spans(rule.scope):
        if "  " not in text[start:end]:
            continue  # no gap of two spaces anywhere: the usual case
        lines = text[start:end].split("\n")
        offset = start
        for index, line in enumerate(lines):
            neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
            # A table: this line or the one above or below lines up columns with spaces.
            table = _laid_out(line) or any(_GAP.search(n) for n in neighbours)
            for gap in [] if table else _GAP.finditer(line):
                before = re.search(r"\S+$", line[: gap.start()]).group()
                if _SENTENCE_END.search(before):
                    continue
                after = re.match(r"\S+", line[gap.end() :]).group()
                # The finding shows the words around the gap; the fix touches only the spaces.
                yield Hit(
                    zone,
                    offset + gap.start() - len(before),
                    offset + gap.end() + len(after),
                    args={"count": len(gap.group()), "before": before, "after": after},
                    suggestion="default",
                    fix=Fix((Edit(offset + gap.start(), offset + gap.end(), " "),)),
                )
            offset += len(line) + 1
