"""Measure the splitter against the hand-labeled Quagga emails.

Usage::

    python bench/split_accuracy.py [--data /work/shared/data/quagga] [--half even|odd|all]
                                   [--show-errors N]

Every sub-directory of ``--data`` holding ``*.ann`` files is one corpus (``asf-train``,
``enron-train``, and a held-out ``*-test`` split if one is present). The text split is the
``.ann`` JSON's ``text`` (for Enron that is the body without the RFC 822 headers).

Gold line labels come from the annotations: from the first ``Header`` on everything is
``quote``; before it ``Body/Intro*`` is greeting, ``Body/Outro*`` closing, ``Body/Signature*``
signature and any other text body. A line takes the label covering most of its non-space
characters; blank lines are not scored.

Mails are divided into two halves by a hash of their file name so that rules can be developed
on one half ("even") and checked on the other ("odd"); both are always reported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailcheck.model import ZONE_KINDS, Split  # noqa: E402
from mailcheck.split import split  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/quagga")

# Annotation type prefixes, most specific meaning first.
_GOLD_KINDS = (("Body/Intro", "greeting"), ("Body/Outro", "closing"), ("Body/Signature", "signature"))


@dataclass
class Mail:
    corpus: str
    name: str
    text: str
    labels: list[str | None]  # gold label per line (None for blank lines)
    reply_text: str  # the text before the first Header, stripped

    @property
    def half(self) -> str:
        return "even" if hashlib.md5(self.name.encode()).digest()[0] % 2 == 0 else "odd"


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def majority_labels(text: str, char_labels: list[str | None]) -> list[str | None]:
    """The label covering most non-space characters of each line; None for blank lines."""
    labels: list[str | None] = []
    for start, end in line_spans(text):
        votes = Counter(char_labels[i] for i in range(start, end) if not text[i].isspace())
        labels.append(votes.most_common(1)[0][0] if votes else None)
    return labels


def gold_char_labels(text: str, denotations: list[dict]) -> tuple[list[str | None], int]:
    """Per-character gold labels and the offset of the first Header (len(text) if none)."""
    headers = [d["start"] for d in denotations if d["type"] == "Header"]
    quote_from = min(headers) if headers else len(text)
    chars: list[str | None] = ["body"] * quote_from + ["quote"] * (len(text) - quote_from)
    # Paint broad spans first so nested, more specific ones win.
    for ann in sorted(denotations, key=lambda d: d["end"] - d["start"], reverse=True):
        kind = next((k for prefix, k in _GOLD_KINDS if ann["type"].startswith(prefix)), None)
        if kind is None:
            continue
        for i in range(ann["start"], min(ann["end"], quote_from)):
            chars[i] = kind
    return chars, quote_from


def load_corpus(folder: Path) -> list[Mail]:
    mails = []
    for ann_path in sorted(folder.glob("*.ann")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        text = ann["text"]
        chars, quote_from = gold_char_labels(text, ann["denotations"])
        mails.append(
            Mail(
                corpus=folder.name,
                name=ann_path.name[: -len(".ann")],
                text=text,
                labels=majority_labels(text, chars),
                reply_text=text[:quote_from].strip(),
            )
        )
    return mails


def predicted_labels(result: Split) -> list[str | None]:
    chars: list[str | None] = [None] * len(result.text)
    for zone in result.zones:
        chars[zone.start : zone.end] = [zone.kind] * (zone.end - zone.start)
    # A non-blank line the splitter left out of every zone counts as a miss of its gold label.
    return majority_labels(result.text, chars)


@dataclass
class Outcome:
    mail: Mail
    predicted: list[str | None]
    reply_ok: bool


class Tally:
    def __init__(self) -> None:
        self.mails = self.reply_ok = self.lines = self.lines_ok = 0
        self.gold: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.hit: Counter[str] = Counter()

    def add(self, outcome: Outcome) -> None:
        self.mails += 1
        self.reply_ok += outcome.reply_ok
        for gold, pred in zip(outcome.mail.labels, outcome.predicted):
            if gold is None:
                continue
            self.lines += 1
            self.gold[gold] += 1
            if pred is not None:
                self.pred[pred] += 1
            if gold == pred:
                self.lines_ok += 1
                self.hit[gold] += 1

    def report(self, title: str) -> str:
        if not self.mails:
            return f"{title}: no mails"
        rows = [
            f"{title}: {self.mails} mails, reply text exact {self.reply_ok / self.mails:.3f}, "
            f"line accuracy {self.lines_ok / max(self.lines, 1):.3f} ({self.lines} lines)"
        ]
        for kind in ZONE_KINDS:
            p = self.hit[kind] / self.pred[kind] if self.pred[kind] else float("nan")
            r = self.hit[kind] / self.gold[kind] if self.gold[kind] else float("nan")
            rows.append(f"    {kind:<9} P {p:.3f}  R {r:.3f}  (gold {self.gold[kind]}, predicted {self.pred[kind]})")
        return "\n".join(rows)


def show_error(outcome: Outcome) -> None:
    mail = outcome.mail
    print(f"=== {mail.corpus}/{mail.name} (reply text {'ok' if outcome.reply_ok else 'WRONG'})")
    for line, gold, pred in zip(mail.text.split("\n"), mail.labels, outcome.predicted):
        mark = "  " if gold == pred else "!!"
        print(f"{mark} {str(gold)[:5]:<5} {str(pred)[:5]:<5} | {line[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all",
                        help="which mails --show-errors draws from (scores always show both halves)")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print N mails whose reply text or line labels are wrong")
    args = parser.parse_args(argv)

    corpora = sorted(p for p in args.data.glob("*") if p.is_dir() and any(p.glob("*.ann")))
    if not corpora:
        print(f"No labeled mails under {args.data} (expected sub-folders of *.ann files); "
              "pass --data DIR.", file=sys.stderr)
        return 2

    tallies: dict[tuple[str, str], Tally] = {}
    errors: list[Outcome] = []
    elapsed = 0.0
    count = 0
    for folder in corpora:
        for mail in load_corpus(folder):
            began = time.perf_counter()
            result = split(mail.text)
            elapsed += time.perf_counter() - began
            count += 1
            outcome = Outcome(mail, predicted_labels(result), result.reply_text.strip() == mail.reply_text)
            for key in ((mail.corpus, mail.half), (mail.corpus, "all"), ("overall", mail.half), ("overall", "all")):
                tallies.setdefault(key, Tally()).add(outcome)
            wrong = not outcome.reply_ok or outcome.predicted != mail.labels
            if wrong and args.half in ("all", mail.half):
                errors.append(outcome)

    for outcome in errors[: args.show_errors]:
        show_error(outcome)
    for corpus in [folder.name for folder in corpora] + ["overall"]:
        for half in ("even", "odd", "all"):
            if (corpus, half) in tallies:
                print(tallies[corpus, half].report(f"{corpus} [{half}]"))
    print(f"speed: {1000 * elapsed / count:.2f} ms/mail over {count} mails")
    return 0


if __name__ == "__main__":
    sys.exit(main())
