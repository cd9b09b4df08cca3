"""What a run returns: one FileResult per draft, gathered in a Report."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import SEVERITIES, Finding, Message, Split
from .score import Scores


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    scores: Scores | None = None
    #: One line saying why the draft could not be read or checked; None when it was.
    error: str | None = None
    message: Message | None = None
    split: Split | None = None
    #: The thresholds of this draft's config: a finding at or above ``fail_level``,
    #: or an overall score under ``fail_under``, makes the draft fail.
    fail_level: str = "warning"
    fail_under: float | None = None
    lang: str = "en"

    def worst(self) -> str | None:
        """The highest severity among the findings, or None."""
        levels = [SEVERITIES.index(f.severity) for f in self.findings]
        return SEVERITIES[max(levels)] if levels else None

    @property
    def fails(self) -> bool:
        """True when this draft should block sending (exit code 1)."""
        if self.error or self.scores is None:
            return False  # unreadable drafts are reported separately, with exit code 2
        threshold = SEVERITIES.index(self.fail_level)
        if any(SEVERITIES.index(f.severity) >= threshold for f in self.findings):
            return True
        return self.fail_under is not None and self.scores.overall < self.fail_under


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def exit_code(self) -> int:
        """0 clean, 1 a draft fails, 2 a draft could not be read (that wins: nothing is silently lost)."""
        if any(r.error for r in self.files):
            return 2
        return 1 if any(r.fails for r in self.files) else 0
