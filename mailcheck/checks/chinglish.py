"""Typing habits of Chinese writers that word lists cannot catch (norm PRO-CHINGLISH).

- PRO-CHINGLISH-FULLWIDTH: full-width punctuation (，。？！：) in English text; safe fix.
- PRO-CHINGLISH-SPACING: no space after . , ; ? ! ("produce.If", "need,we"); safe fix.
- PRO-CHINGLISH-HANZI: Chinese characters left in an English reply.

The word-level habits (chat shorthand, "informations", "advice" as a verb,
"revert", "will high") are data in rules/chinglish.toml.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..analyse.draft import Draft
from ..model import Edit, Fix
from ..packs import Rule
from .registry import Hit, detector

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Scripts whose text takes full-width punctuation: Han, kana, bopomofo, hangul.
_CJK = re.compile(rf"[{_HAN}\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\uac00-\ud7af]")
#: Full-width ASCII forms, the ideographic space, and the CJK marks English writes differently.
_FULLWIDTH_RUN = re.compile(r"[\uff01-\uff5e\u3000-\u3002\u300c-\u300f\u3010\u3011]+")
_CJK_MARKS = {"\u3000": " ", "、": ",", "。": ".", "「": '"', "」": '"', "『": '"', "』": '"', "【": "[", "】": "]"}
_SPACE_AFTER = ",.;:?!)]"
_NO_SPACE_BEFORE = ".,;:?!)]}\"'’”"
_MISSING_SPACE = re.compile(r"(?<=[^\W\d_])[.,;?!](?=[^\W\d_])")
#: Web and mail addresses, paths and query strings ("abc.com/list?id=3"): their marks need no space.
_ADDRESS_LIKE = re.compile(r"@|://|^www\.|[/=]", re.IGNORECASE)
#: Han characters, possibly with punctuation, digits or spaces between them: one stretch of Chinese.
_HAN_RUN = re.compile(rf"[{_HAN}](?:[{_HAN}\u3000-\u303f\uff00-\uffef0-9 \t]*[{_HAN}])?[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]?")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'’\- ]*")


def _ascii(run: str) -> str:
    return "".join(_CJK_MARKS.get(c) or unicodedata.normalize("NFKC", c) for c in run)


def _neighbour(text: str, index: int, step: int, start: int, end: int) -> str:
    """The nearest character that is not a space, walking from ``index`` by ``step`` within the line."""
    while start <= index < end and text[index] in " \t\u3000":
        index += step
    return text[index] if start <= index < end else ""


def _ascii_replacement(text: str, start: int, end: int, before: str, after: str) -> str:
    """The ASCII for the full-width run ``text[start:end]``, with the spaces English puts around it."""
    replacement = re.sub(" +", " ", _ascii(text[start:end]))
    next_char, previous_char = text[end : end + 1], text[start - 1 : start] if start else ""
    in_number = before.isdigit() and after.isdigit() and replacement in (",", ".")  # "1，800"
    if replacement[-1] in _SPACE_AFTER and next_char and not next_char.isspace() and next_char not in _NO_SPACE_BEFORE:
        replacement += "" if in_number else " "
    if replacement[0] in "([" and previous_char.isalnum():
        replacement = " " + replacement
    return replacement


@detector("PRO-CHINGLISH-FULLWIDTH")
def ascii_punctuation(draft: Draft, rule: Rule) -> Iterator[Hit]:
    text = draft.text
    for zone, start, end in draft.spans(rule.scope):
        for run in _FULLWIDTH_RUN.finditer(text, start, end):
            before = _neighbour(text, run.start() - 1, -1, start, end)
            after = _neighbour(text, run.end(), 1, start, end)
            if _CJK.match(before) or _CJK.match(after):
                continue  # Chinese text keeps its own punctuation
            if not run.group().strip("\u3000") and before in ("", "\n"):
                continue  # an ideographic space indenting a line
            replacement = _ascii_replacement(text, run.start(), run.end(), before, after)
            yield Hit(
                zone,
                run.start(),
                run.end(),
                args={"chars": run.group(), "ascii": replacement.strip() or " "},
                suggestion="default",
                fix=Fix((Edit(run.start(), run.end(), replacement),)),
            )


def _token(text: str, position: int) -> str:
    """The run of non-space characters around ``position``."""
    left = max(text.rfind(c, 0, position) for c in " \t\n") + 1
    right = min((i for i in (text.find(c, position) for c in " \t\n") if i >= 0), default=len(text))
    return text[left:right]


def _is_missing_space(text: str, position: int, left_word: str, right_word: str) -> bool:
    mark = text[position]
    if _ADDRESS_LIKE.search(_token(text, position)):
        return False
    if mark == ".":
        # "produce.If": a new sentence glued on. Lower case after the dot is a domain or a file
        # ("abc.com"); one letter before it an abbreviation ("e.g.", "U.S.").
        return (
            len(left_word) >= 2
            and right_word[:1].isupper()
            and (right_word[1:2].islower() or right_word == "I")
        )
    if mark == ",":
        # "S,M,L,XL" lists sizes; "need,we" is a missing space.
        return not (len(left_word) <= 2 and len(right_word) <= 2)
    return True


@detector("PRO-CHINGLISH-SPACING")
def space_after_punctuation(draft: Draft, rule: Rule) -> Iterator[Hit]:
    text = draft.text
    for zone, start, end in draft.spans(rule.scope):
        for match in _MISSING_SPACE.finditer(text, start, end):
            position = match.start()
            left = re.search(r"[^\W\d_]+$", text[start:position])
            right = re.match(r"[^\W\d_]+", text[position + 1 : end])
            left_word, right_word = left.group() if left else "", right.group() if right else ""
            if not _is_missing_space(text, position, left_word, right_word):
                continue
            words = f"{left_word}{text[position]}{right_word}"
            yield Hit(
                zone,
                position - len(left_word),
                position + 1 + len(right_word),
                args={"mark": text[position], "words": words, "fixed": f"{left_word}{text[position]} {right_word}"},
                suggestion="default",
                fix=Fix((Edit(position + 1, position + 1, " "),)),
            )


def _is_name_beside_english(line: str, chinese: str, max_length: int) -> bool:
    """ "Lily Chen 陈丽", "Best regards, Lily (陈丽)": a Chinese name next to the English one."""
    if len(re.sub(rf"[^{_HAN}]", "", chinese)) > max_length:
        return False
    rest = re.sub(r"[()（）,，]", " ", line.replace(chinese, " ")).strip()
    return bool(rest) and len(rest.split()) <= 4 and bool(_LATIN_NAME.fullmatch(rest))


def _mostly_english(draft: Draft, spans: list[tuple[str, int, int]]) -> bool:
    written = "".join(draft.text[start:end] for _, start, end in spans)
    latin = len(re.findall(r"[A-Za-z]", written))
    han = len(re.findall(rf"[{_HAN}]", written))
    return latin > han


@detector("PRO-CHINGLISH-HANZI")
def no_chinese_characters(draft: Draft, rule: Rule) -> Iterator[Hit]:
    text = draft.text
    spans = draft.spans(rule.scope)
    if not any(_HAN_CHAR.search(text, start, end) for _, start, end in spans):
        return  # the usual case: nothing to look at
    if not _mostly_english(draft, spans):
        return  # a mail written in Chinese, to a Chinese-speaking buyer
    for zone, start, end in spans:
        for run in _HAN_RUN.finditer(text, start, end):
            line_start = text.rfind("\n", 0, run.start()) + 1
            line_end = text.find("\n", run.end())
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if _is_name_beside_english(line, run.group(), rule.options["name-length"]):
                continue
            chars = run.group() if len(run.group()) <= 20 else run.group()[:19] + "…"
            yield Hit(zone, run.start(), run.end(), args={"chars": chars}, suggestion="default")
