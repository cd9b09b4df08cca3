"""Measure unanswered-point detection (CARE-ALL-POINTS) against the labelled inquiry/reply pairs.

Usage::

    python bench/care_points.py [--data tests/data/care_pairs] [--blank] [--show-errors] [--repeat N]

Each pair in ``--data`` (see its README) gives the buyer's inquiry, the supplier's reply and every
point of the inquiry with whether the reply answers it. The reply is checked with the inquiry
beside it, as ``mailcheck check reply --inquiry inquiry`` would.

A point is *flagged* when CARE-ALL-POINTS reports it, or when CARE-DEFER-WHEN reports the undated
deferral that puts it off: both tell the writer the point still needs an answer. A flagged point is
a true positive when it overlaps a point labelled unanswered, a false positive otherwise (also when
it overlaps no labelled point at all). Recall counts the labelled unanswered points that some
flagged point overlaps. False alarms are CARE-ALL-POINTS findings on replies that answer everything.

The pairs are reported in two halves by their number, odd and even: develop on one half, check on
the other, then swap, so that a rule fitted to the sentences of one half shows on the other.
``--blank`` runs without the statistical spaCy model (the fallback when none is installed).
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailcheck import check  # noqa: E402
from mailcheck.analyse import nlp  # noqa: E402
from mailcheck.analyse.answers import verdicts  # noqa: E402
from mailcheck.analyse.draft import Draft  # noqa: E402
from mailcheck.config import Config  # noqa: E402
from mailcheck.read import read_text  # noqa: E402
from mailcheck.split import split  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "care_pairs"
#: The care rules that never call spaCy.
SPACY_FREE = ("CARE-TIMING", "CARE-REFERENCE", "CARE-ASK-BACK", "CARE-CHOICE-Q", "CARE-GIVE-MORE")


@dataclass
class Pair:
    name: str
    inquiry: str
    reply: str
    #: (start, end, answered, text) of each labelled point in the inquiry text.
    points: list[tuple[int, int, bool, str]]

    @property
    def half(self) -> str:
        return "odd" if int(self.name[:3]) % 2 else "even"

    @property
    def answers_all(self) -> bool:
        return all(answered for _, _, answered, _ in self.points)


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    false_alarms: int = 0  # CARE-ALL-POINTS findings on replies that answer everything
    complete_replies: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        missed = self.true_positive + self.false_negative
        return self.true_positive / missed if missed else 1.0

    def add(self, other: Score) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative
        self.false_alarms += other.false_alarms
        self.complete_replies += other.complete_replies
        self.errors += other.errors


def load_pairs(folder: Path) -> list[Pair]:
    pairs = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        inquiry = read_text(data["inquiry"].strip() + "\n").text
        points = []
        for point in data["points"]:
            start = inquiry.find(point["text"])
            if start < 0:
                raise ValueError(f"{path.name}: point not found in the inquiry: {point['text']!r}")
            points.append((start, start + len(point["text"]), point["answered"], point["text"]))
        pairs.append(Pair(path.stem, data["inquiry"].strip() + "\n", data["reply"].strip() + "\n", points))
    return pairs


def score_pair(pair: Pair) -> Score:
    """Compare the points mailcheck leaves open with the labels of one pair."""
    reply, inquiry = read_text(pair.reply), read_text(pair.inquiry)
    draft = Draft(reply, split(reply.text), Config(lang="en"), inquiry)
    flagged = [v.point for v in verdicts(draft) if v.open]
    score = Score()
    for point in flagged:
        hits = [answered for start, end, answered, _ in pair.points if start < point.end and point.start < end]
        if any(not answered for answered in hits):
            score.true_positive += 1
        else:
            score.false_positive += 1
            score.errors.append(f"{pair.name}: false alarm: {point.text!r}")
    for start, end, answered, text in pair.points:
        if not answered and not any(p.start < end and start < p.end for p in flagged):
            score.false_negative += 1
            score.errors.append(f"{pair.name}: missed: {text!r}")
    if pair.answers_all:
        score.complete_replies = 1
        result = check(pair.reply, inquiry=pair.inquiry, select=("CARE-ALL-POINTS",), lang="en")
        score.false_alarms = len(result.findings)
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--blank", action="store_true", help="without the statistical spaCy model")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the whole set")
    args = parser.parse_args()
    if args.blank:
        nlp.use_blank()
    pairs = load_pairs(args.data)

    started = time.perf_counter()
    nlp.load()
    loaded = time.perf_counter() - started
    # Speed of the whole care pack as the CLI runs it, the model and the rule data already
    # loaded: first with nothing parsed yet, then (below) with spaCy's document cache filled.
    check("Dear Tom,\n\nThanks.\n", inquiry="Hi,\n\nWhat is your MOQ?\n", select=("CARE",), lang="en")
    started = time.perf_counter()
    for pair in pairs:
        check(pair.reply, inquiry=pair.inquiry, select=("CARE",), lang="en")
    cold = (time.perf_counter() - started) / len(pairs) * 1000

    halves: dict[str, Score] = {"odd": Score(), "even": Score()}
    for pair in pairs:
        halves[pair.half].add(score_pair(pair))
    total = Score()
    for score in halves.values():
        total.add(score)

    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for pair in pairs:
            check(pair.reply, inquiry=pair.inquiry, select=("CARE",), lang="en")
        runs.append((time.perf_counter() - started) / len(pairs) * 1000)
    started = time.perf_counter()
    for pair in pairs:
        check(pair.reply, inquiry=pair.inquiry, select=SPACY_FREE, lang="en")
    lexical = (time.perf_counter() - started) / len(pairs) * 1000

    model = "blank pipeline" if args.blank else ("statistical model" if nlp.is_statistical() else "blank pipeline (no model)")
    print(f"care_points: {len(pairs)} pairs, spaCy {model} (loaded in {loaded:.1f} s)")
    print(f"{'half':<12} {'pairs':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'false alarms':>13}")
    for name, score in [*halves.items(), ("all", total)]:
        count = sum(1 for p in pairs if name == "all" or p.half == name)
        print(
            f"{name:<12} {count:>5} {score.true_positive:>4} {score.false_positive:>4} {score.false_negative:>4} "
            f"{score.precision:>9.3f} {score.recall:>7.3f} {score.false_alarms:>5} on {score.complete_replies:>2} complete"
        )
    print(
        f"speed: {cold:.1f} ms/draft for the care rules, parsing included; {min(runs):.1f} ms/draft with "
        f"parses cached; {lexical:.1f} ms/draft for the rules that need no spaCy"
    )
    if args.show_errors:
        for error in total.errors:
            print("  " + error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
