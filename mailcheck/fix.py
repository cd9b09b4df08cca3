"""Applying the safe fixes of findings to a draft's subject and text.

Edits never overlap in the result: when two fixes touch the same characters,
the first (in text order) wins and the other is left for the next run, as ruff
does. Writing the result back to the file is mailcheck.write's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Edit, Finding


@dataclass(frozen=True)
class Fixed:
    subject: str
    text: str
    applied: tuple[Finding, ...]


def _apply(original: str, edits: list[Edit]) -> str:
    out, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(original[cursor : edit.start])
        out.append(edit.replacement)
        cursor = edit.end
    out.append(original[cursor:])
    return "".join(out)


def apply_fixes(subject: str, text: str, findings: Iterable[Finding]) -> Fixed:
    """Subject and text with every safe, non-conflicting fix applied."""
    taken: dict[str, list[tuple[int, int]]] = {"subject": [], "text": []}
    chosen: dict[str, list[Edit]] = {"subject": [], "text": []}
    applied = []
    for finding in sorted(findings, key=lambda f: (f.zone != "subject", f.start)):
        fix = finding.fix
        if fix is None or fix.applicability != "safe":
            continue
        clash = any(
            e.start < end and start < e.end or (e.start == e.end == start)
            for e in fix.edits
            for start, end in taken[e.target]
        )
        if clash:
            continue
        for e in fix.edits:
            taken[e.target].append((e.start, e.end))
            chosen[e.target].append(e)
        applied.append(finding)
    return Fixed(_apply(subject, chosen["subject"]), _apply(text, chosen["text"]), tuple(applied))
