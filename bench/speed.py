"""How fast and how lean ``mailcheck check`` is, measured against proselint on one machine in one run.

Usage::

    python bench/speed.py [--drafts 500] [--repeat 3] [--jobs 1] [--keep DIR]

It writes ``--drafts`` realistic drafts (the samples/ drafts and their buyers'
inquiries, varied so no two are the same) as ``.txt`` files with header lines
into a temporary folder: a format both tools read. proselint is installed
from PyPI into this interpreter's environment when missing. Each command runs
as a fresh process ``--repeat`` times; the fastest time counts. Every default
mailcheck rule is on. The figures and their targets:

- folder: mailcheck on the folder (no cache) / proselint on the folder   (target ≤ 1.0)
- cold draft: mailcheck on one draft / ``import spacy; spacy.load(model)`` (target ≤ 1.3)
- warm folder: the folder re-checked unchanged / its first cached run      (target ≤ 0.1)
- peak memory of the folder run (resident set size)                         (target < 400 MB)

Ratios, not absolute times: they hold across machines.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailcheck.analyse.nlp import MODELS  # noqa: E402
from mailcheck.model import Message  # noqa: E402
from mailcheck.read import read_file  # noqa: E402

SAMPLES = ROOT / "samples"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
TARGETS = {"folder": 1.0, "cold": 1.3, "warm": 0.1, "memory_mb": 400}
_NUMBER = re.compile(r"\d+")


def _as_text(message: Message, body: str) -> str:
    headers = [
        ("Subject", message.subject),
        ("From", message.sender),
        ("To", ", ".join(message.to)),
        ("Cc", ", ".join(message.cc)),
        ("Date", format_datetime(message.date) if message.date else None),
    ]
    return "".join(f"{name}: {value}\n" for name, value in headers if value) + "\n" + body


def _vary(text: str, n: int) -> str:
    """Quantities, prices, dates and model numbers shifted by ``n``, keeping their width:
    no two drafts are the same, so neither the result cache nor spaCy's doc cache can
    answer one draft from another."""
    return _NUMBER.sub(lambda m: str(int(m.group()) + n).zfill(len(m.group())), text)


def write_drafts(folder: Path, count: int) -> list[Path]:
    """``count`` drafts made from the samples, each with its buyer's inquiry file when the sample has one."""
    originals = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".eml", ".txt") and ".inquiry." not in path.name:
            inquiry = next(SAMPLES.glob(f"{path.stem}.inquiry.*"), None)
            originals.append((read_file(path), read_file(inquiry) if inquiry else None))
    written = []
    for n in range(count):
        draft, inquiry = originals[n % len(originals)]
        round_ = n // len(originals)
        path = folder / f"{n:04d}-{Path(draft.path).stem}.txt"
        path.write_text(_as_text(draft, _vary(draft.text, round_)), encoding="utf-8")
        if inquiry is not None:
            sidecar = path.with_name(f"{path.stem}.inquiry.txt")
            sidecar.write_text(_as_text(inquiry, _vary(inquiry.text, round_)), encoding="utf-8")
        written.append(path)
    return written


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int


def run(command: list[str], env: dict[str, str]) -> Run:
    """One fresh process: wall time and its peak resident memory (children included)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(seconds, peak, process.returncode)


def fastest(command: list[str], env: dict[str, str], repeat: int, before=None) -> Run:
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        runs.append(run(command, env))
    return min(runs, key=lambda r: r.seconds)


def ensure_proselint() -> Path:
    if importlib.util.find_spec("proselint") is None:
        print("installing proselint from PyPI …", file=sys.stderr)
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "proselint"], check=True)
    return BIN / "proselint"


def installed_model() -> str:
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise SystemExit("no spaCy model is installed; mailcheck's speed without one is not what users get")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drafts", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="mailcheck --jobs for the folder runs")
    parser.add_argument("--keep", type=Path, help="write the drafts here and keep them")
    args = parser.parse_args()

    proselint = ensure_proselint()
    mailcheck = [PYTHON, "-m", "mailcheck", "check", "--jobs", str(args.jobs)]
    model = installed_model()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch) / "drafts"
        folder.mkdir(parents=True, exist_ok=True)
        drafts = write_drafts(folder, args.drafts)
        cache = Path(scratch) / "cache"
        # No config file in the folder: the cache goes to MAILCHECK_CACHE_DIR, the language is fixed.
        env = {**os.environ, "MAILCHECK_CACHE_DIR": str(cache), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        # Measure code as installed: with its bytecode cached, as pip leaves it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run([*mailcheck, "--no-cache", str(drafts[0])], env)

        def empty_cache() -> None:
            subprocess.run(["rm", "-rf", str(cache)], check=True)

        folder_run = fastest([*mailcheck, "--no-cache", str(folder)], env, args.repeat)
        proselint_run = fastest([str(proselint), "check", str(folder)], env, args.repeat)
        spacy_run = fastest([PYTHON, "-c", f"import spacy; spacy.load({model!r})"], env, args.repeat)
        single_run = fastest([*mailcheck, "--no-cache", str(drafts[0])], env, args.repeat)
        first_run = fastest([*mailcheck, str(folder)], env, args.repeat, before=empty_cache)
        warm_run = fastest([*mailcheck, str(folder)], env, args.repeat)

    ratios = {
        "folder": folder_run.seconds / proselint_run.seconds,
        "cold": single_run.seconds / spacy_run.seconds,
        "warm": warm_run.seconds / first_run.seconds,
        "memory_mb": folder_run.peak_mb,
    }
    print(f"{args.drafts} drafts (+ inquiries), mailcheck --jobs {args.jobs}, best of {args.repeat}, model {model}")
    print(f"  mailcheck folder, no cache    {folder_run.seconds:7.2f} s   peak {folder_run.peak_mb:6.0f} MB")
    print(f"  proselint folder              {proselint_run.seconds:7.2f} s   peak {proselint_run.peak_mb:6.0f} MB")
    print(f"  import spacy; spacy.load()    {spacy_run.seconds:7.2f} s   peak {spacy_run.peak_mb:6.0f} MB")
    print(f"  mailcheck one draft, cold     {single_run.seconds:7.2f} s   peak {single_run.peak_mb:6.0f} MB")
    print(f"  mailcheck folder, first run   {first_run.seconds:7.2f} s")
    print(f"  mailcheck folder, unchanged   {warm_run.seconds:7.2f} s")
    print()
    labels = {
        "folder": "folder / proselint",
        "cold": "cold draft / spaCy load",
        "warm": "unchanged / first run",
        "memory_mb": "peak memory (MB)",
    }
    for key, value in ratios.items():
        verdict = "ok" if (value < TARGETS[key] if key == "memory_mb" else value <= TARGETS[key]) else "MISSED"
        bound = "<" if key == "memory_mb" else "≤"
        print(f"  {labels[key]:<26} {value:7.2f}   target {bound} {TARGETS[key]}   {verdict}")


if __name__ == "__main__":
    main()
