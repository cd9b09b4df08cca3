"""Load rule packs and norm data from ``rules/`` (TOML).

A pack is a TOML file with a ``[pack]`` table and ``[[rule]]`` entries. Each
rule carries its metadata (code, name, norms, pillar, severity, scope,
messages and docs in English and Chinese) and either names a detector written
in Python (``kind = "code"``, the default) or is pure data of a generic kind
(``existence``, ``substitution``, ``occurrence``, ``metric``) that needs no
Python at all: its ``entries`` are checked here when the pack loads, and run
by mailcheck/checks/generic.py (metric.py for metrics). The format is
documented in docs/rule-packs.md.

Shared norm data that several rules read (regions, trade words, Incoterms…)
lives in ``rules/data/`` and is read with :func:`load_data`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import PILLARS, SCOPES, SEVERITIES

LANGS = ("en", "zh")
GENERIC_KINDS = ("existence", "substitution", "occurrence", "metric")
KINDS = ("code",) + GENERIC_KINDS

#: What a metric entry can measure, and over which parts (see docs/rule-packs.md).
MEASURES = ("words", "sentences", "words-per-sentence", "grade")
MEASURE_UNITS = ("sentence", "paragraph", "all")

# The keys an entry of each generic kind may carry. Keys naming phrases take
# plain words; their "-pattern" twins take regular expressions.
_MATCHING = {"phrase", "pattern", "inflect", "case", "message", "suggestion"}
_MATCHING |= {"except", "except-pattern", "unless", "unless-pattern"}
_ENTRY_KEYS = {
    "existence": _MATCHING,
    "substitution": _MATCHING | {"replace", "safe"},
    "occurrence": _MATCHING | {"min", "max"},
    "metric": {"measure", "per", "min", "max", "sample", "message", "suggestion", "unless", "unless-pattern"},
}
_LISTS = ("phrase", "pattern", "replace", "except", "except-pattern", "unless", "unless-pattern")
#: "{name}" in a pattern: the words of the list option ``name`` as alternatives.
_LIST_REFERENCE = re.compile(r"\{([a-z][a-z0-9-]*)\}")


class PackError(ValueError):
    """A rule pack is malformed; the message names the file and the rule."""


def rules_dir() -> Path:
    """The built-in rules folder: inside the installed package, or the checkout's top level."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError(f"built-in rules folder not found next to {here}")


@dataclass(frozen=True)
class Text:
    """One text in English and Chinese."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass
class Rule:
    code: str
    name: str
    norms: tuple[str, ...]
    pillar: str
    severity: str
    scope: tuple[str, ...]
    kind: str
    messages: dict[str, Text]
    suggestions: dict[str, Text]
    why: Text
    bad: str
    good: str
    pack: str
    options: dict[str, Any] = field(default_factory=dict)
    #: A word or phrase table for generic kinds; see docs/rule-packs.md.
    entries: list[dict[str, Any]] = field(default_factory=list)
    #: Bilingual words a detector puts into messages ("position" / "职位").
    labels: dict[str, Text] = field(default_factory=dict)
    enabled: bool = True  # False: only when selected explicitly

    def message(self, key: str, lang: str, **args: Any) -> str:
        return _format(self.messages[key].get(lang), lang, args)

    def suggestion(self, key: str | None, lang: str, **args: Any) -> str | None:
        if key is None:
            return None
        return _format(self.suggestions[key].get(lang), lang, args)


def _format(template: str, lang: str, args: dict[str, Any]) -> str:
    # An argument may itself be bilingual (a Text), e.g. the name of a missing field.
    resolved = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in args.items()}
    return template.format(**resolved)


def _text(value: Any, where: str) -> Text:
    if isinstance(value, str):
        # A text without a translation is a defect in a built-in pack, but user
        # packs may be written in one language: use it for both.
        return Text(value, value)
    if not isinstance(value, dict) or not set(value) & set(LANGS):
        raise PackError(f"{where}: expected a string or a table with 'en' and 'zh'")
    en = value.get("en") or value.get("zh")
    zh = value.get("zh") or value.get("en")
    return Text(en, zh)


def _texts(table: Any, where: str) -> dict[str, Text]:
    if table is None:
        return {}
    if isinstance(table, str) or (isinstance(table, dict) and set(table) <= set(LANGS)):
        return {"default": _text(table, where)}
    if not isinstance(table, dict):
        raise PackError(f"{where}: expected a table")
    return {key: _text(value, f"{where}.{key}") for key, value in table.items()}


def expand_lists(pattern: str, options: dict[str, Any]) -> str:
    """``pattern`` with each ``{name}`` of a list option replaced by ``(?:word|word…)``.

    Braces that name no list option (regex counts like ``{2,}``) stay as they are.
    """

    def alternatives(match: re.Match[str]) -> str:
        words = options.get(match.group(1))
        if not isinstance(words, list):
            return match.group(0)
        return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"

    return _LIST_REFERENCE.sub(alternatives, pattern)


def _entry(raw: Any, rule: Rule, where: str) -> dict[str, Any]:
    """One entry of a generic rule, checked, with every list-valued key as a list."""
    entry = {"phrase": raw} if isinstance(raw, str) else raw
    if not isinstance(entry, dict):
        raise PackError(f"{where}: an entry is a phrase or a table")
    unknown = set(entry) - _ENTRY_KEYS[rule.kind]
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} for kind '{rule.kind}'")
    entry = {k: [v] if k in _LISTS and isinstance(v, str) else v for k, v in entry.items()}
    for key in _LISTS:
        # Only a replacement may be empty: "" deletes the match.
        if key in entry and not (
            isinstance(entry[key], list)
            and entry[key]
            and all(isinstance(v, str) and (v or key == "replace") for v in entry[key])
        ):
            raise PackError(f"{where}: '{key}' must be a string or a list of non-empty strings")
    if rule.kind == "metric":
        if entry.get("measure") not in MEASURES:
            raise PackError(f"{where}: 'measure' must be one of {', '.join(MEASURES)}")
        if entry.setdefault("per", "all") not in MEASURE_UNITS:
            raise PackError(f"{where}: 'per' must be one of {', '.join(MEASURE_UNITS)}")
        if "min" not in entry and "max" not in entry:
            raise PackError(f"{where}: a metric needs 'min' or 'max'")
    elif "phrase" not in entry and "pattern" not in entry:
        raise PackError(f"{where}: an entry needs 'phrase' or 'pattern'")
    if rule.kind == "substitution" and "replace" not in entry:
        raise PackError(f"{where}: a substitution entry needs 'replace'")
    for key in ("inflect", "case", "safe"):
        if key in entry and not isinstance(entry[key], bool):
            raise PackError(f"{where}: '{key}' must be true or false")
    if entry.get("safe") and len(entry["replace"]) != 1:
        raise PackError(f"{where}: only an entry with a single replacement can be safe")
    for key in ("min", "max", "sample"):
        if key in entry and (isinstance(entry[key], bool) or not isinstance(entry[key], (int, float))):
            raise PackError(f"{where}: '{key}' must be a number")
    for key, table in (("message", rule.messages), ("suggestion", rule.suggestions)):
        if key in entry and entry[key] not in table:
            raise PackError(f"{where}: {key} '{entry[key]}' is not a key of [rule.{key}]")
    if "message" not in entry and "default" not in rule.messages:
        raise PackError(f"{where}: no 'message' key and no default message")
    for key in ("pattern", "except-pattern", "unless-pattern"):
        ignore_case = key != "pattern" or not entry.get("case")
        for pattern in entry.get(key, []):
            try:
                compile_pattern(expand_lists(pattern, rule.options), ignore_case)
            except re.error as err:
                raise PackError(f"{where}: bad {key} {pattern!r}: {err}") from err
    return entry


@lru_cache(maxsize=None)
def compile_pattern(pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    """A pattern of a generic rule compiled as the kinds run it: ``^``/``$`` at line ends, and
    without case unless its entry says ``case = true`` (only "pattern" and "phrase" may).

    Checking a pack compiles its patterns; the kinds then find them here, compiled once.
    """
    return re.compile(pattern, re.MULTILINE | (re.IGNORECASE if ignore_case else 0))


def _rule(raw: dict[str, Any], pack: str, where: str) -> Rule:
    def need(key: str) -> Any:
        if key not in raw:
            raise PackError(f"{where}: missing '{key}'")
        return raw[key]

    code = need("code")
    where = f"{where} ({code})"
    norms = need("norms")
    norms = (norms,) if isinstance(norms, str) else tuple(norms)
    pillar = need("pillar")
    severity = raw.get("severity", "warning")
    scope = raw.get("scope", ["greeting", "body", "closing"])
    scope = (scope,) if isinstance(scope, str) else tuple(scope)
    kind = raw.get("kind", "code")
    if pillar not in PILLARS:
        raise PackError(f"{where}: pillar must be one of {', '.join(PILLARS)}")
    if severity not in SEVERITIES:
        raise PackError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    if kind not in KINDS:
        raise PackError(f"{where}: kind must be one of {', '.join(KINDS)}")
    bad_scope = [s for s in scope if s not in SCOPES]
    if bad_scope:
        raise PackError(f"{where}: unknown scope {bad_scope}; use {', '.join(SCOPES)}")
    docs = raw.get("docs", {})
    messages = _texts(need("message"), f"{where}.message")
    rule = Rule(
        code=code,
        name=need("name"),
        norms=norms,
        pillar=pillar,
        severity=severity,
        scope=scope,
        kind=kind,
        messages=messages,
        suggestions=_texts(raw.get("suggestion"), f"{where}.suggestion"),
        why=_text(docs.get("why", ""), f"{where}.docs.why"),
        bad=docs.get("bad", ""),
        good=docs.get("good", ""),
        pack=pack,
        options=dict(raw.get("options", {})),
        entries=list(raw.get("entries", [])),
        labels=_texts(raw.get("labels"), f"{where}.labels"),
        enabled=raw.get("enabled", True),
    )
    if kind in GENERIC_KINDS:
        entries = raw.get("entries")
        if not isinstance(entries, list) or not entries:
            raise PackError(f"{where}: a rule of kind '{kind}' needs a list of entries")
        rule.entries = [_entry(e, rule, f"{where}: entry {i + 1}") for i, e in enumerate(entries)]
    return rule


def load_pack(path: Path) -> list[Rule]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise PackError(f"{path}: {err}") from err
    pack = raw.get("pack", {}).get("name", path.stem)
    return [_rule(r, pack, f"{path.name}: rule {i + 1}") for i, r in enumerate(raw.get("rule", []))]


@lru_cache(maxsize=None)
def builtin_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for path in sorted(rules_dir().glob("*.toml")):
        rules.extend(load_pack(path))
    return tuple(rules)


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """A data table from ``rules/data/<name>.toml`` (regions, trade words, …)."""
    path = rules_dir() / "data" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise PackError(f"{path}: {err}") from err
