"""The offline spelling checker behind PRO-SPELLING: words, a dictionary and its exceptions.

Export mail is full of words no general dictionary knows: Incoterms, units,
model numbers, certificates, port names, buyers' names, British spellings and
the technical words of every trade. A false alarm teaches the writer to ignore
the checker, so a word is reported only when it is very likely a typo:

- it is written in lower case: capitalised words in the middle of a sentence
  are names and brands, all-capital ones acronyms; a capitalised word that
  starts a sentence is read only as a typo of a common word ("Recieved");
- it is not in the dictionary (pyspellchecker's English word list), the trade
  vocabulary (``rules/data/trade_words.toml``), the user's ``words``, nor
  reachable from them as a British spelling, an inflection, or a compound of
  two common words ("backstamp", "undershelf");
- a correction exists one edit away (two for long words when the edits only
  double or undouble letters: "tommorow"). A word with no near correction is
  more likely jargon than a typo, and is left alone.

Two mistakes the dictionary cannot see are looked up in the rule's tables:
the regular past of an irregular verb ("sended", "payed") and two words
written as one ("alot", "thankyou").

The dictionary is loaded once per process, on first use, and lookups are cached.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .vocabulary import trade_words

if TYPE_CHECKING:
    from spellchecker import SpellChecker

#: A word: letters of any script, with inner apostrophes ("it’ll", "men's") and
#: hyphens ("custom-made", "Min-jun"); the parts of a hyphenated word are checked one by one.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Text that is not prose: web and mail addresses, domains and file names
# ("kaida-pack.com", "price_list.pdf"), and whitespace-separated chunks that
# carry a digit or a slash (model numbers "EC-ES04", "SS304", "600x600", "12V",
# units "lm/W", terms "T/T").
_NOT_PROSE = re.compile(
    r"(?i:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,4})(?![\w.])(?:/\S*)?"
    r"|[^\s]*[\d/_\\][^\s]*"
)
#: A whitespace-separated chunk with what every match of _NOT_PROSE needs: a digit, / _ \ @ :
#: or a dot inside it. Matches never cross white space, so only these chunks are searched.
_MAYBE_NOT_PROSE = re.compile(r"(?<!\S)(?=\S*?(?:[\d/_\\@:]|\.\S))\S+")
_PARTS = re.compile(r"[^-]+")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_CONTRACTION = re.compile(r"(?i)(?:'s|'ll|'re|'ve|'d|'m|n't)$")
_VOWELS = frozenset("aeiou")


def _consonant_y(word: str) -> bool:
    return len(word) > 1 and word[-1] == "y" and word[-2] not in _VOWELS


def _may_double(base: str) -> bool:
    """Ends consonant-vowel-consonant, where the final consonant may double before -ed/-ing."""
    return (
        len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x", "y"} and base[-2] in _VOWELS and base[-3] not in _VOWELS
    )


# Endings of inflected British words ("tyres", "cheques"). Longest first.
_INFLECTIONS = ("ing", "ers", "ed", "er", "es", "s", "d")


class Word(NamedTuple):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str
    correction: str


_lock = threading.Lock()
_checker: SpellChecker | None = None


def dictionary() -> SpellChecker:
    """pyspellchecker's English dictionary, loaded on first use (about 0.2 s)."""
    global _checker
    if _checker is None:
        with _lock:
            if _checker is None:
                from spellchecker import SpellChecker

                _checker = SpellChecker(language="en")
    return _checker


def prose(text: str) -> str:
    """``text`` with addresses, numbers and codes blanked out: what is left are its prose words."""
    return _MAYBE_NOT_PROSE.sub(lambda chunk: _NOT_PROSE.sub(_blank, chunk.group()), text)


def words(text: str) -> Iterator[Word]:
    """The prose words of ``text`` with their offsets."""
    for match in WORD.finditer(prose(text)):
        yield Word(match.start(), match.end(), match.group())


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


class Speller:
    """Knows which words are correct; built from the rule's options and the user's words."""

    def __init__(self, options: Mapping[str, Any], extra_words: Iterable[str] = ()):
        vocabulary = {w for entry in trade_words() for w in _ASCII_WORD.findall(entry)}
        vocabulary |= {w for entry in (*options["also-correct"], *extra_words) for w in _ASCII_WORD.findall(entry)}
        self.vocabulary = frozenset(w.casefold() for w in vocabulary)
        self.british = [(re.compile(pattern), repl) for pattern, repl in options["british-patterns"]]
        self.british_words = {k.casefold(): v for k, v in options["british-words"].items()}
        self.prefixes = tuple(sorted(options["prefixes"], key=len, reverse=True))
        self.attested = int(options["attested-frequency"])
        self.compound = int(options["compound-frequency"])
        self.long_word = int(options["long-word"])
        self.irregular = {k.casefold(): v for k, v in options["irregular-past"].items()}
        self.wrong_pasts = {
            form: past
            for base, past in self.irregular.items()
            for form in (base + "ed", base + base[-1] + "ed", base + "d" if base.endswith("e") else base + "ed")
        }
        self.run_together = {k.casefold(): v for k, v in options["run-together"].items()}
        self.preferred = frozenset(w.casefold() for w in options["preferred"])
        # Caches per instance: the answers depend on the user's words.
        self.is_known = lru_cache(maxsize=65536)(self._is_known)
        self.correction = lru_cache(maxsize=8192)(self._correction)
        self._near = lru_cache(maxsize=8192)(self._near)
        self.typos = lru_cache(maxsize=65536)(self._typos)

    def misspellings(self, word: Word, sentence_start: bool) -> list[Misspelling]:
        """The typos in ``word`` (each part of a hyphenated word on its own)."""
        return [
            Misspelling(word.start + offset, word.start + offset + len(part), part, correction)
            for offset, part, correction in self.typos(word.text, sentence_start)
        ]

    def _typos(self, word: str, sentence_start: bool) -> tuple[tuple[int, str, str], ...]:
        """(offset, part, correction) of each typo in ``word``: :meth:`misspellings` without
        offsets in a text. The same words recur, so ``typos`` is this, cached."""
        parts = [(m.start(), m.group()) for m in _PARTS.finditer(word)] if "-" in word else [(0, word)]
        if any(text[:1].isupper() for _, text in parts[1:]):
            return ()  # "Min-jun", "Rolls-Royce": a name
        found = []
        for index, (offset, text) in enumerate(parts):
            correction = self._typo(text, sentence_start and index == 0)
            if correction is not None:
                found.append((offset, text, correction))
        return tuple(found)

    def _typo(self, text: str, sentence_start: bool) -> str | None:
        """The correction of ``text`` if it is a typo worth reporting, else None."""
        plain = text.replace("’", "'")
        if not plain.isascii() or len(plain) < 3:
            return None  # foreign words ("Grüße", "São"), and short ones: mostly abbreviations
        if plain.isupper() or any(c.isupper() for c in plain[1:]):
            return None  # acronyms and brands ("GOTS", "DIALux", "PayPal")
        if plain[0].isupper() and not sentence_start:
            return None  # a capitalised word inside a sentence is a name
        past = self.irregular_past(plain)
        if past is not None:
            return past
        if self.is_known(plain) and plain.casefold() not in self.run_together:
            return None
        correction = self.correction(plain)
        if correction is None:
            return None
        if plain[0].isupper() and (correction[0] != plain[0] or self._frequency(correction.casefold()) < self.compound):
            return None  # a sentence may start with a name: only clear typos of common words ("Recieved")
        if len(plain) == 3 and sorted(correction.casefold()) != sorted(plain.casefold()):
            return None  # three letters: only swapped ones ("teh", "adn"); "pcs", "hrs" are abbreviations
        return correction

    # -- knowing a word --------------------------------------------------------
    def _frequency(self, word: str) -> int:
        return dictionary().word_frequency.dictionary.get(word, 0)

    def _in_dictionary(self, word: str) -> bool:
        return word in self.vocabulary or word in dictionary().word_frequency.dictionary

    def _attested(self, word: str) -> bool:
        """In the vocabulary, or in the dictionary often enough not to be one of its stray entries."""
        return word in self.vocabulary or self._frequency(word) >= self.attested

    def _is_known(self, word: str) -> bool:
        """Whether ``word`` (any case, ’ or ') is correct English or trade vocabulary."""
        word = word.casefold().replace("’", "'")
        if self._in_dictionary(word):
            return True
        stem = _CONTRACTION.sub("", word)
        if stem != word and stem and self._is_known(stem):
            return True
        return self._british(word) or self._derived(word)

    def _british(self, word: str) -> bool:
        """"colour", "organised", "centre", "aluminium": British spellings of known words."""
        candidates = {word}
        for pattern, repl in self.british:
            candidates |= {pattern.sub(repl, c) for c in candidates}
        # The British word may lead a compound: "fibreglass", "colourfast", "centrepiece".
        for cut in range(4, len(word) - 3):
            head, tail = word[:cut], word[cut:]
            candidates |= {pattern.sub(repl, head) + tail for pattern, repl in self.british}
        for ending in ("", *_INFLECTIONS):
            base = word[: len(word) - len(ending)]
            if word.endswith(ending) and base in self.british_words:
                candidates.add(self.british_words[base] + ending)
        return any(c != word and self._in_dictionary(c) for c in candidates)

    def _derived(self, word: str) -> bool:
        """A known word behind a prefix ("preload"), inflected ("coved", "luminaires"), or
        two very common words joined ("backstamp", "datasheets").

        Joined words must not be one edit from a dictionary word: "writting" is
        "writ"+"ting", but a typo of "writing". Short parts are never joined:
        "thankyou" and "usefull" are typos.
        """
        for prefix in self.prefixes:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 4 and self._attested(rest):
                return True
        if self._regular_inflection(word):
            return True
        joined = any(
            self._frequency(word[:cut]) >= self.compound and self._frequency(word[cut:]) >= self.compound
            for cut in range(4, len(word) - 3)
        )
        return joined and not self._near(word, distance=1)

    def _regular_inflection(self, word: str) -> bool:
        """A known word inflected by the spelling rules where they leave no doubt: "coved",
        "backstamps", "coving", "luminaires". Not where a final consonant may double
        ("occured", "begining" are typos of "occurred", "beginning"), nor "-ed" on
        irregular verbs ("sended")."""
        candidates: list[str] = []
        if word.endswith(("ies", "ied")) and len(word) > 4 and word[-4] not in _VOWELS:
            candidates.append(word[:-3] + "y")
        if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
            candidates.append(word[:-2])
        if word.endswith("s") and not word[:-1].endswith(("s", "x", "z", "ch", "sh")) and not _consonant_y(word[:-1]):
            candidates.append(word[:-1])
        if word.endswith("d") and word[:-1].endswith("e"):
            candidates.append(word[:-1])
        for ending in ("ed", "ing"):
            base = word[: -len(ending)]
            if not word.endswith(ending) or base in self.irregular:
                continue
            if ending == "ing" and not base.endswith("e"):
                candidates.append(base + "e")  # "coving"
            if _may_double(base):
                continue
            if not base.endswith("e") and not _consonant_y(base) or base.endswith(("ee", "ye", "oe")):
                candidates.append(base)
        return any(len(c) >= 4 and self._attested(c) for c in candidates)

    def irregular_past(self, word: str) -> str | None:
        """ "sended" -> "sent", "buyed" -> "bought": a regular past made of an irregular verb."""
        lower = word.casefold()
        if lower in self.wrong_pasts and not self._attested(lower):  # "seed" is a word of its own
            return _same_case(self.wrong_pasts[lower], word)
        return None

    # -- correcting it ---------------------------------------------------------
    def _near(self, word: str, distance: int = 2) -> tuple[str, ...]:
        """Attested words one edit away; for long words with none, two edits away when
        the two edits only double or undouble letters ("tommorow", "neccessary")."""
        checker = dictionary()
        near = {c for c in checker.edit_distance_1(word) if self._attested(c)}
        if not near and distance == 2 and len(word) >= self.long_word:
            shape = _undoubled(word)
            near = {
                c2
                for c1 in checker.edit_distance_1(word)
                if _undoubled(c1) == shape
                for c2 in checker.edit_distance_1(c1)
                if _undoubled(c2) == shape and self._attested(c2)
            }
        return tuple(sorted(near))

    def _correction(self, word: str) -> str | None:
        """The likeliest correction: words written together by mistake ("alot") from the
        rule's table; else a near word with the same first letter (it is rarely the one
        mistyped), a word of trade mail, the most frequent."""
        lower = word.casefold()
        if lower in self.run_together:
            return _same_case(self.run_together[lower], word)
        near = self._near(lower)
        if not near:
            return None

        def rank(candidate: str) -> tuple[bool, bool, int, str]:
            return candidate[0] == lower[0], candidate in self.preferred, self._frequency(candidate), candidate

        return _same_case(max(near, key=rank), word)


def _undoubled(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _same_case(correction: str, word: str) -> str:
    if word[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction
