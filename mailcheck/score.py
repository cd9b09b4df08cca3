"""Scores: 0–100 per pillar and overall.

Each pillar (care, professional, reliable) starts at 100. Every finding lowers
its pillar by the weight of its severity: error 20, warning 8, info 2. A rule
counts at most three times per draft, so one habit repeated (ten spelling
slips) cannot hide every other result. A pillar never drops below 0. The
overall score is the mean of the three pillars. A reply without findings
scores 100 everywhere. Scores are rounded to whole numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import PILLARS, Finding

WEIGHTS = {"error": 20, "warning": 8, "info": 2}
MAX_COUNTED_PER_RULE = 3


@dataclass(frozen=True)
class Scores:
    overall: int
    pillars: dict[str, int]

    def to_dict(self) -> dict:
        return {"overall": self.overall, **self.pillars}


def score(findings: list[Finding]) -> Scores:
    lost = dict.fromkeys(PILLARS, 0)
    counted: Counter[str] = Counter()
    # The heaviest findings of a rule count first when its cap applies.
    for finding in sorted(findings, key=lambda f: -WEIGHTS[f.severity]):
        counted[finding.rule] += 1
        if counted[finding.rule] <= MAX_COUNTED_PER_RULE:
            lost[finding.pillar] += WEIGHTS[finding.severity]
    pillars = {p: max(0, 100 - lost[p]) for p in PILLARS}
    return Scores(round(sum(pillars.values()) / len(pillars)), pillars)
