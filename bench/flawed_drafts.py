"""Measure how many labelled flaws mailcheck finds in drafts with known flaws, and what else it reports.

Usage::

    python bench/flawed_drafts.py [--data tests/data/flawed_drafts] [--show-errors]

``--data`` holds drafts and a ``labels.toml`` (see tests/data/flawed_drafts/README.md): for each
file, the ``norms`` a good checker must report and the ``also_ok`` norms it may report as a side
effect of a labelled flaw. A labelled norm is *found* when any finding (info included) carries it.
A norm reported at warning or error level that is neither labelled nor ``also_ok`` is an
*unlabelled warning*: everything not labelled was done right on purpose, so it is a false alarm.

Printed: recall per labelled norm, the unlabelled warnings per norm, and a total line.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailcheck import check_many  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "flawed_drafts"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-errors", action="store_true", help="list each missed flaw and unlabelled warning")
    args = parser.parse_args()
    labels = tomllib.loads((args.data / "labels.toml").read_text(encoding="utf-8"))
    paths = [args.data / name for name in sorted(labels)]
    report = check_many(paths, lang="en")

    found, missed, unlabelled = Counter(), Counter(), Counter()
    errors = []
    for path, result in zip(paths, report.files):
        if result.error:
            errors.append(f"{path.name}: unreadable: {result.error}")
            continue
        label = labels[path.name]
        wanted = set(label["norms"])
        allowed = wanted | set(label.get("also_ok", []))
        reported = {n for f in result.findings for n in f.norms}
        warned = {n for f in result.findings if f.severity != "info" for n in f.norms}
        for norm in sorted(wanted):
            if norm in reported:
                found[norm] += 1
            else:
                missed[norm] += 1
                errors.append(f"{path.name}: missed {norm}")
        for norm in sorted(warned - allowed):
            unlabelled[norm] += 1
            messages = "; ".join(f.message[:90] for f in result.findings if norm in f.norms and f.severity != "info")
            errors.append(f"{path.name}: unlabelled {norm}: {messages}")

    print(f"flawed_drafts: {len(paths)} drafts, {sum(len(labels[p.name]['norms']) for p in paths)} labelled flaws")
    print(f"{'norm':<24} {'found':>5} {'of':>3} {'recall':>7} {'unlabelled':>10}")
    for norm in sorted(set(found) | set(missed) | set(unlabelled)):
        total = found[norm] + missed[norm]
        recall = f"{found[norm] / total:.2f}" if total else "-"
        print(f"{norm:<24} {found[norm]:>5} {total:>3} {recall:>7} {unlabelled[norm]:>10}")
    hits, total = sum(found.values()), sum(found.values()) + sum(missed.values())
    print(f"labelled flaws found: {hits}/{total} = {hits / total:.2f}; unlabelled warning-norms reported: {sum(unlabelled.values())}")
    if args.show_errors:
        for error in errors:
            print("  " + error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
