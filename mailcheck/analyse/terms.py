"""Words for matching a buyer's point to the reply: normal forms, codes and acronyms.

A reply rarely repeats the buyer's words exactly: "certified" answers
"certificate", "boxes" answers "box", "PI" answers "proforma invoice". Words are
compared by a light normal form (case and accents folded, plural and -ed/-ing
endings cut) and then by a shared stem of at least three quarters of the
shorter word. Codes ("CE", "ISO 13485", "E-mark", "SANS 434", "FOB") are
matched strictly: a reply that does not name a standard the buyer named has not
answered for it. A reply's text is read once into a :class:`Wording`, indexed by
stem, since every point is held against the same paragraphs; a point's words are
weighed by what they are (:func:`word_weights`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..packs import load_data
from ..spelling import dictionary
from .buyer import fold

# A number grouped in thousands by commas or by spaces ("10 000", the French and German habit), or a word.
_TOKEN = re.compile(
    r"(?<![\d.,])\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3}(?![\d,]))+)(?:\.\d+)?|[^\W_][\w'’]*(?:[-/.&+][^\W_][\w'’]*)*"
)
#: Words that carry no content of a point: function words, the verbs and nouns of asking itself, and its urgency
#: ("Kindly send your offer at the earliest").
STOPWORDS = frozenset(
    """a an the and or but nor if whether so as of to in on at by for from with without about into onto over under
    than then that this these those there here it its it's is are was were be been being am do does did done doing
    have has had having can could would will shall should may might must need needs needed want wants wanted like
    would'd i me my mine we us our ours you your yours he she him her his they them their what which who whom whose
    when where why how any some each every all both either neither other another such no not only also too very just
    please pls plz kindly kind let know tell send give provide share confirm advise quote mention require requires
    required request ask get see find look hope thank thanks regards dear sir madam possible able interested sure
    grateful appreciate information info detail details question questions point points answer reply following
    below above thing things way well much many more most less few lot lots one first again yet still already soon
    really even ok okay yes hi hello mr mrs ms dr know let's let us i'd we'd i'm we're you're i'll we'll could've
    would've best good great nice happy glad wish wishes include includes included including offer offers use used using
    earliest soonest asap urgent urgently
    """.split()
)
_SHORT_ALLOWED = frozenset({"pe", "pp", "ce", "ul", "pu", "pvc"})
_NUMBER_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)[a-z°µ²³]{1,4}")  # "550w", "40hq", "100ml"
_DIGITS = re.compile(r"\d+")


_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
    if n >= 2  # "one" is as often a pronoun ("one of our customers") as a number
} | {"twenty": "20", "thirty": "30", "fifty": "50", "hundred": "100", "dozen": "12"}


@lru_cache(maxsize=16384)
def normal(word: str) -> str:
    """Case-folded, accent-free form with the commonest English endings cut: "Boxes" → "box", "rated" → "rate".

    A number written as a word is the number: "three sizes" names the 3 of "all 3 sizes".
    """
    w = fold(word).lower().replace("’", "'")
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("-", "").replace("/", "").lstrip("+±~≈")
    if w[:1].isdigit():
        # "6,000" and "6000" are one number; "550W" is the number 550 (the unit may stand apart: "550 W").
        w = w.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        number = _NUMBER_WITH_UNIT.fullmatch(w)
        return number.group(1) if number else w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for ending, longer_than in (("ing", 5), ("ed", 4)):
        if len(w) > longer_than and w.endswith(ending) and not w.endswith("eed"):
            return _stem(w[: -len(ending)])
    return w


def _stem(stem: str) -> str:
    """The stem left by "-ing"/"-ed": "shipp" → "ship", "rat" → "rate", "coat" stays."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem + "e" if len(stem) < 4 else stem


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """Normal form → the normal forms of words a buyer and a supplier use for the same thing (rules/data/topics.toml)."""
    result: dict[str, frozenset[str]] = {}
    for group in load_data("topics")["synonyms"]["groups"]:
        members = frozenset(normal(w) for w in group)
        for word in members:
            result[word] = result.get(word, frozenset()) | members
    return result


def same_word(a: str, b: str) -> bool:
    """Two normal forms name the same thing: equal, synonyms, or sharing a long enough stem."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return b in synonyms().get(a, ()) if a else False
    if b in synonyms().get(a, ()):
        return True
    shorter = min(len(a), len(b))
    if shorter < 4 or a.isdigit() or b.isdigit():
        return False
    prefix = 0
    for x, y in zip(a, b):
        if x != y:
            break
        prefix += 1
    return prefix >= max(4, math.ceil(0.75 * shorter))


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words of ``text`` (hyphenated and slashed compounds kept whole) with their offsets.

    Cached: a point's clause is read for its kind, its codes and its terms.
    """
    return tuple((m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text))


#: "40x35x10", "60 x 60": dimensions, whose numbers a reply may write apart.
DIMENSIONS = re.compile(r"^\d+(?:[.,]\d+)?(?:[xX×*]\d+(?:[.,]\d+)?)+[a-zA-Z]{0,3}$")
_DIMENSION_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# "EN 71-1, 2 and 3" names parts 71-1, 71-2 and 71-3 of a standard.
_PART_LIST = re.compile(r"\b(\d+)-\d+((?:\s*,\s*\d+)*\s*,?\s*(?:and|&)\s*\d+)")


def dimension_numbers(word: str) -> list[str]:
    """The numbers of a dimension written as one word ("40x35x10" → 40, 35, 10); empty for any other word."""
    return _DIMENSION_NUMBER.findall(word) if DIMENSIONS.match(word) else []


def _forms(text: str, words: list[str]) -> frozenset[str]:
    """Every normal form in ``text``, compounds also split into their parts ("E-mark" → emark, e, mark)."""
    forms = set()
    for word in words:
        forms.add(normal(word))
        parts = _COMPOUND.split(word)
        if len(parts) > 1:
            forms.update(normal(p) for p in parts if p)
        forms.update(dimension_numbers(word))
    for match in _PART_LIST.finditer(text):
        forms.update(f"{match.group(1)}{n}" for n in _DIGITS.findall(match.group(2)))
    forms.discard("")
    return frozenset(forms)


_COMPOUND = re.compile(r"[-/.&+]")
#: How many words after its letters a code's number may stand: "L/C at 90 days".
_BESIDE = 3


@lru_cache(maxsize=1)
def _trade_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(words that are codes a reply must repeat, trade words that are not codes), case-folded."""
    data = load_data("trade_words")
    # Product abbreviations (LED, PVC, USB) are what the goods are made of, not terms a reply must repeat.
    codes = {w.lower() for key in ("incoterms", "payment", "certifications") for w in data[key]}
    generic = {w.lower() for key in ("units", "business", "currencies", "products") for w in data[key]}
    return frozenset(codes), frozenset(generic - codes)


_HYPHEN_OR_SLASH = re.compile(r"[-/]")
_LETTER_MARK = re.compile(r"[A-Z]-[a-z]+")  # E-mark, S-mark
_UNIT_NUMBER = re.compile(r"^\d[\d.,\-–]*[a-zA-Z°µ²³/]{1,5}$")
_UNIT_RATIO = re.compile(r"^[a-zA-Z]{1,3}/[a-zA-Z]{1,3}[0-9²³]?$|^[xX×]\d+$")  # g/m2, km/h; "x2" is a count
# Capitals that are no standard the reply must repeat: sizes, file types, couriers.
_NOT_CODES = frozenset(
    "i ok ps fyi asap pls tbc tba usa uk eu rmb xs xl xxl xxxl 2xl 3xl 4xl 5xl pdf ai eps jpg png dwg "
    "dhl ups tnt ems fedex sf incoterms incoterm".split()
)


@lru_cache(maxsize=16384)
def is_code(word: str, shouting: bool = False) -> bool:
    """A standard, mark, model or term the reply must name as written: CE, cUL, E-mark, T8, FOB, ISO."""
    codes, generic = _trade_codes()
    lowered = word.lower()
    if lowered in _NOT_CODES or lowered in generic:
        return False
    if lowered in codes:
        return True
    if shouting:
        return False
    if _UNIT_NUMBER.match(word) or _UNIT_RATIO.match(word) or DIMENSIONS.match(word):
        return False  # 550W, 40HQ, 100ml, g/m2, km/h: quantities and units, matched as numbers
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in word):
        return True  # T8, TC-1600, UN38.3
    pieces = [p for p in _HYPHEN_OR_SLASH.split(word) if p]
    if len(pieces) > 1:
        # "GRS-certified", "CertiPUR-US" and "E-mark" are codes; "OE-quality" is not.
        return any(is_code(p) for p in pieces) or bool(_LETTER_MARK.fullmatch(word))
    # UKCA, cETL, DoC; two-letter ones only from the trade lists (CE, UL, KC) or before a number (SI 1385).
    return sum(c.isupper() for c in word[1:]) >= 1 and len(letters) >= 3


@dataclass(frozen=True)
class Code:
    """A code as the buyer wrote it ("ISO 13485") and the forms each of its words may take in a reply."""

    text: str
    parts: tuple[str, ...]


_NUMBER_PART = re.compile(r"^\d[\d\-./]*$")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER_OR_PER = re.compile(r"[\d.,]+|per")
_ALTERNATIVE = re.compile(r"\s*(?:or|/)\s*")  # "cUL or cETL", "CE/UKCA"


@lru_cache(maxsize=1)
def _certifications() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("trade_words")["certifications"])


def is_standard(code: Code) -> bool:
    """A certification mark or a standard (CE, UKCA, BIFMA, SANS 434, EN 71-1), not a model, a unit or a trade term.

    Marks and standards bodies are written in capitals without digits; models mix letters and digits (TC-1600).
    """
    certifications = _certifications()
    first = code.parts[0]
    if first.lower() in _trade_codes()[0] - certifications:
        return False  # FOB, L/C: trade terms
    return (
        first.lower() in certifications
        or (first.isalpha() and first.isupper() and 3 <= len(first) <= 6)
        or (len(code.parts) > 1 and first.isalpha() and first.isupper() and bool(_NUMBER_PART.match(code.parts[1])))
    )


def codes_in(text: str) -> list[list[Code]]:
    """The codes a point names, as groups of alternatives: "cUL or cETL" is one group of two."""
    words = tokens(text)
    alphabetic = [w for w, _, _ in words if _LETTER.search(w)]
    shouting = len(alphabetic) >= 4 and sum(w.isupper() for w in alphabetic) / len(alphabetic) > 0.6
    groups: list[list[Code]] = []
    last_end = 0
    index = 0
    while index < len(words):
        word, start, end = words[index]
        standard = (  # "SI 1385", "EN 71-1", "BS 476": two capitals before a number name a standard
            _TWO_CAPITALS.fullmatch(word) is not None
            and index + 1 < len(words)
            and _NUMBER_PART.match(words[index + 1][0]) is not None
            and not text[end : words[index + 1][1]].strip()
        )
        after_number = index > 0 and _NUMBER_OR_PER.fullmatch(words[index - 1][0]) is not None
        if after_number and not standard and not (word.isupper() and word.lower() in _trade_codes()[0]):
            index += 1
            continue  # "1.2 kWp", "per kWh", "35 pi" (mm of diameter): a unit; "30% TT" names the terms
        if not (standard or is_code(word, shouting)):
            index += 1
            continue
        parts = [word]
        # A number right after a code belongs to it: "ISO 13485", "EN 71-1", "SANS 434".
        while (
            index + 1 < len(words)
            and _NUMBER_PART.match(words[index + 1][0])
            and not text[end : words[index + 1][1]].strip()
        ):
            index += 1
            word, _, end = words[index]
            parts.append(word)
        # "GRS-certified" names GRS; "CertiPUR-US" names CertiPUR; "E-mark" and "TC-1600" stay whole.
        pieces = [p for p in _HYPHEN_OR_SLASH.split(parts[0]) if p]
        coded = [p for p in pieces if is_code(p, shouting)] if len(pieces) > 1 else []
        if coded:
            parts = coded + parts[1:]
        code = Code(" ".join(parts) if coded else text[start:end], tuple(parts))
        if groups and _ALTERNATIVE.fullmatch(text[last_end:start]):
            groups[-1].append(code)
        else:
            groups.append([code])
        last_end = end
        index += 1
    return groups


#: Small words an acronym may leave out: "Declaration of Conformity" is DoC.
_SMALL = frozenset({"of", "and", "&", "the", "for", "to"})


def initials_of_runs(words: list[str], longest: int = 6) -> Iterator[tuple[int, int, str]]:
    """(start, end, initials) of every run of up to ``longest`` words, lower-cased, with and without the small words."""
    for start in range(len(words)):
        full, skipping = "", ""
        for end in range(start, min(start + longest, len(words))):
            word = words[end]
            full += word[0]
            if word.lower() not in _SMALL:
                skipping += word[0]
            yield start, end + 1, full.lower()
            if skipping != full:
                yield start, end + 1, skipping.lower()


class Wording:
    """The words of a text, indexed for what a point asks of it: does it name this word, this code?"""

    def __init__(self, text: str) -> None:
        self.words = [w for w, _, _ in tokens(text)]
        self.forms = _forms(text, self.words)
        self._part_numbers = frozenset(f"{m.group(1)}{n}" for m in _PART_LIST.finditer(text) for n in _DIGITS.findall(m.group(2)))
        # Forms that share a stem share their first four letters (see same_word).
        self._by_stem: dict[str, list[str]] = {}
        for form in self.forms:
            if len(form) >= 4 and not form.isdigit():
                self._by_stem.setdefault(form[:4], []).append(form)
        self._named: dict[str, bool] = {}

    def names(self, key: str) -> bool:
        """Whether the text names the normal form ``key``: itself, a synonym or a word of the same stem."""
        found = self._named.get(key)
        if found is None:
            found = self._named[key] = (
                key in self.forms
                or not self.forms.isdisjoint(synonyms().get(key, ()))
                or (len(key) >= 4 and not key.isdigit() and any(same_word(key, f) for f in self._by_stem.get(key[:4], ())))
            )
        return found

    def names_code(self, code: Code) -> bool:
        """Whether the text names ``code`` ("CDL32" for "CDL 32", "HGH20" for "HGH", "Declaration of Conformity" for "DoC").

        The number of a code is named beside its letters: "LC 90 days" is not named by "we accept LC" and
        "90 m coils" elsewhere.
        """
        if len(code.parts) > 1 and normal("".join(code.parts)) in self.forms:
            return True
        for index, part in enumerate(code.parts):
            key = normal(part)
            if index and key[:1].isdigit():
                if not self._beside(normal(code.parts[0]), key):
                    return False
                continue
            if key in self.forms:
                continue
            if any(form.startswith(key) and form[len(key) :].isdigit() for form in self.forms):
                continue
            if part.isalpha() and 2 <= len(part) <= 6 and key in self.initials:
                continue
            return False
        return True

    def _beside(self, head: str, number: str) -> bool:
        """Whether ``number`` follows ``head`` within a few words ("ISO 13485", "L/C at 90 days", "NRS 097-2-1")."""
        if number in self._part_numbers:
            return True  # "EN 71-1, 2 and 3" names EN 71-3
        # Each word with its pieces: "OEKO-TEX Standard 100" names OEKO TEX 100, "SH5K-48" names 48.
        places = [{normal(piece) for piece in [w, *_COMPOUND.split(w)] if piece} for w in self.words]
        for at, forms in enumerate(places):
            if any(f == head or (f.startswith(head) and f[len(head) :] == number) for f in forms):
                if any(number in later for later in places[at : at + 1 + _BESIDE]):
                    return True
        return False

    @cached_property
    def initials(self) -> frozenset[str]:
        return frozenset(letters for _, _, letters in initials_of_runs(self.words))

    @cached_property
    def acronyms(self) -> frozenset[str]:
        """Capitalised abbreviations ("PI", "DoC"), lower-cased: they may stand for a point's words."""
        return frozenset(
            w.lower() for w in self.words if 2 <= len(w) <= 5 and w.isalpha() and w[0].isupper() and sum(c.isupper() for c in w) >= 2
        )


@lru_cache(maxsize=1024)
def wording(text: str) -> Wording:
    """The indexed words of ``text``: a reply's paragraphs are read against every point, so each is read once."""
    return Wording(text)


# How much a word of a point says, told from its form and the word before it, the way a tagger's parts of
# speech would (measured: the same weight as en_core_web_sm's tags for 90% of the content words of the
# buyer points in tests/ and samples/, against 76% for weighing all alike). Nouns and numbers say most;
# verbs and adjectives half, since a reply says "we make it" to "can you produce it"; adverbs and
# prepositions nothing. Parsing every point with spaCy to tell them apart would cost five times the rules.
_NO_CONTENT = frozenset(
    "per before after within near around off through because since plus instead later otherwise back least often "
    "outside inside until during against between among via across along upon onto e.g i.e etc approx min max".split()
)
_ADJECTIVES = frozenset(
    """free long safe hot cold warm high low new full same small large big soft hard thick thin light heavy dark clear
    flat double single extra direct private next last front rear inner outer spare raw pure round common similar own
    close better cheaper lowest total fast slow short wide narrow strong dry wet fresh solid empty open matte glossy black
    bigger larger smaller higher lower longer shorter faster slower thicker thinner wider heavier lighter stronger
    white red blue green yellow grey gray pink beige brown orange purple silver gold navy""".split()
)
#: Words after which a lower-case word is a verb: "to receive", "can you change", "we prefer".
_BEFORE_VERB = frozenset("to you we i they it please kindly pls can could will would should must may might shall cannot can't don't do does did".split())
#: Words passed over when looking for the word before: "we also need", "does not fit".
_PASSED_OVER = frozenset("also still not really just".split())
_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "less", "ous", "ive", "ical", "ial", "ular")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ish|ese|ian|ean)$")  # Japanese, Spanish, Italian, European
_ADVERB_ENDINGS = ("ally", "fully", "ably", "ibly", "ately", "ently", "antly", "ghly", "ctly", "ssly", "ously", "ively")


def word_weights(words: list[str]) -> list[float]:
    """The weight of each of ``words`` (a point's words in order): 1 a noun or number, ½ a verb or adjective, 0 an adverb."""
    weights = []
    for index, word in enumerate(words):
        lowered = word.lower()
        before = index - 1
        while before >= 0 and words[before].lower() in _PASSED_OVER:
            before -= 1
        previous = words[before].lower() if before >= 0 else ""
        if lowered in _NO_CONTENT or previous == "how" or (len(lowered) >= 5 and lowered.endswith(_ADVERB_ENDINGS)):
            weights.append(0.0)  # "approximately", "per carton", "how long"
        elif previous in _BEFORE_VERB and word[:1].islower():
            weights.append(0.5)
        elif (len(lowered) > 4 and lowered.endswith("ed") and not lowered.endswith("eed")) or lowered in _ADJECTIVES:
            weights.append(0.5)  # "printed", "certified", "black"
        elif (len(lowered) > 5 and lowered.endswith(_ADJECTIVE_ENDINGS)) or _NATIONALITY.match(word):
            weights.append(0.5)
        else:
            weights.append(1.0)
    return weights


# How specific a word is, told from how often English uses it (pyspellchecker's word counts, the Zipf scale:
# log10 of the uses per billion words). "inverter" (2.1) or "Durban" (1.5) singles out what a buyer asks
# about; "order" (5.2) or "time" (6.2) could be in any point. A reply that confirms a point names its specific
# words; a reply that skips part of it ("30% deposit is fine" to "30% deposit, balance after arrival in
# Durban") leaves specific words out.
_RARE_ZIPF, _COMMON_ZIPF = 3.0, 5.5
#: The specificity of the commonest words: they still say something about a point.
_COMMON_WEIGHT = 0.3
#: British spellings pyspellchecker's American list lacks: "colour" counts as "color".
_BRITISH = ((re.compile(r"our(s?)$"), r"or\1"), (re.compile(r"is(e|ed|es|ing|ation)$"), r"iz\1"), (re.compile(r"tre(s?)$"), r"ter\1"),
            (re.compile(r"ogue(s?)$"), r"og\1"), (re.compile(r"yse(s?)$"), r"yze\1"), (re.compile(r"mme(s?)$"), r"m\1"))


@lru_cache(maxsize=16384)
def specificity(word: str) -> float:
    """How much ``word`` singles out a point: 1 for a number, a name or a rare word, down to 0.3 for "order", "time"."""
    if any(c.isdigit() for c in word):
        return 1.0
    lowered = fold(word).lower()
    forms = {lowered, normal(word)}
    spellings = forms | {pattern.sub(repl, form) for form in forms for pattern, repl in _BRITISH}
    frequency = max(dictionary().word_usage_frequency(w) for w in spellings)
    if not frequency:
        return 1.0  # a name, a brand or a trade word no general dictionary has
    zipf = math.log10(frequency) + 9
    share = (_COMMON_ZIPF - zipf) / (_COMMON_ZIPF - _RARE_ZIPF)
    return min(1.0, max(_COMMON_WEIGHT, _COMMON_WEIGHT + (1 - _COMMON_WEIGHT) * share))


@lru_cache(maxsize=16384)
def is_content(word: str) -> bool:
    """A word that says something about a point: not a function word, not a unit ("pcs", "kg")."""
    w = normal(word)
    lowered = fold(word).lower()
    if not w or w in STOPWORDS or lowered in STOPWORDS or (lowered in _units() and not any(c.isdigit() for c in word)):
        return False  # "pcs" says nothing; "40HQ" names a container
    return len(w) > 2 or w in _SHORT_ALLOWED or w.isdigit()


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("trade_words")["units"]) | frozenset(
        "piece pieces unit units set sets pair pairs meter meters metre metres kilogram kilograms kilo kilos ton tons tonne "
        "tonnes dozen dozens".split()
    )
