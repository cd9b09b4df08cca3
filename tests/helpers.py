"""What several test modules read: the good and the flawed examples of samples/ and tests/data/."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from mailcheck.model import Finding

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
#: The packs of language rules (tests/test_language.py).
LANGUAGE_PACKS = ("concise", "chinglish", "tone", "format", "length")


def good_samples() -> list[Path]:
    """The samples whose row in samples/README.md gives the verdict "Good"."""
    readme = (ROOT / "samples" / "README.md").read_text(encoding="utf-8")
    return [ROOT / "samples" / name for name in re.findall(r"^\| `([^`]+)` \|.*\| Good\b[^|]*\|$", readme, re.M)]


def good_replies() -> list[Path]:
    """The replies of tests/data/good_replies (their buyers' inquiries left out)."""
    folder = DATA / "good_replies"
    return sorted(p for p in folder.iterdir() if p.suffix in (".eml", ".txt") and ".inquiry." not in p.name)


def sentences_of(name: str) -> list[tuple[str, str]]:
    """(group, sentence) of tests/data/good_sentences.toml or bad_sentences.toml."""
    groups = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
    return [(group, s) for group, table in groups.items() for s in table["sentences"]]


def shown(findings: Iterable[Finding]) -> list[tuple[str, str, str]]:
    """Findings as an assertion failure shows them best: rule, excerpt, message."""
    return [(f.rule, f.excerpt, f.message) for f in findings]
