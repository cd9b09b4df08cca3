"""mailcheck as a library: another tool imports it and calls check / check_file / check_many."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

import pytest

from mailcheck import Config, check_file, check_many
from mailcheck.analyse import nlp
from mailcheck.checks import spec_for
from mailcheck.engine import MIN_DRAFTS_FOR_PROCESSES
from mailcheck.selection import active_rules

SAMPLES = Path(__file__).parents[1] / "samples"
OUTLOOK = Path(__file__).parent / "data" / "read" / "outlook" / "quotation.msg"

TOOL = """
import json, sys
from pathlib import Path

from mailcheck import Config, Finding, Report, check, check_file, check_many

config = Config(select=("STR",), lang="en")
draft = "Subject: RE: RE: LED panels\\n\\nDear Klaus,\\n\\nOur price is EUR 18.60/pc.\\n\\nBest regards,\\nCathy\\n"
result = check(draft, config=config)
assert all(isinstance(f, Finding) for f in result.findings)
report = check_many([sys.argv[1]], config=config)
assert isinstance(report, Report)
single = check_file(sys.argv[2], config=config)
print(json.dumps({
    "loaded": sorted(m for m in ("spacy", "click") if m in sys.modules),
    "string": [f.rule for f in result.findings],
    "fixable": [f.rule for f in result.findings if f.fix is not None],
    "paths": [Path(r.path).name for r in report.files],
    "exit": report.exit_code,
    "msg": [single.message.source.kind, single.error],
}))
"""


def test_another_tool_imports_and_calls_mailcheck(tmp_path):
    """A plain import in a fresh interpreter: no CLI, and no spaCy for rules that do not need it."""
    folder = tmp_path / "outbox"
    folder.mkdir()
    for name in ("001-de-led-panels.eml", "012-au-outdoor-furniture.eml"):
        shutil.copy(SAMPLES / name, folder / name)
    done = subprocess.run([sys.executable, "-c", TOOL, str(folder), str(OUTLOOK)], cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    answer = json.loads(done.stdout)
    assert answer["loaded"] == []
    assert "STR-RECHAIN" in answer["string"] and "STR-RECHAIN" in answer["fixable"]
    assert answer["paths"] == ["001-de-led-panels.eml", "012-au-outdoor-furniture.eml"]
    assert answer["exit"] == 1  # 012 carries "回复: RE: Fw:"
    assert answer["msg"] == ["msg", None]


@pytest.fixture
def samples(tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    return folder


class _PipelineSpy:
    """The real spaCy pipeline, counting how texts reach it."""

    def __init__(self, real):
        self.real = real
        self.batches: list[int] = []
        self.single = 0

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        self.batches.append(len(texts))
        return self.real.pipe(texts, **kwargs)

    def __call__(self, text):
        self.single += 1
        return self.real(text)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_check_many_parses_every_draft_in_one_nlp_pipe_pass(samples, monkeypatch):
    config = Config(lang="en")
    if not any(spec_for(rule).nlp for rule in active_rules(config)):
        pytest.skip("no default rule needs spaCy")
    spy = _PipelineSpy(nlp.load())
    monkeypatch.setattr(nlp, "load", lambda: spy)
    monkeypatch.setattr(nlp, "_docs", OrderedDict())
    batched = check_many([samples], config=config)
    # Only the clauses no cue word decides are parsed (analyse/points.py): a few per batch, all in one pass.
    assert len(spy.batches) == 1 and spy.batches[0] > 1
    assert spy.single == 0
    # Batching changes nothing in the results.
    monkeypatch.setattr(nlp, "_docs", OrderedDict())
    assert batched.files == [check_file(r.path, config=config) for r in batched.files]


def test_worker_processes_give_the_same_report_in_the_same_order(samples):
    copies = 0
    for path in sorted(samples.glob("0*.eml")):
        if ".inquiry." not in path.name:
            for n in range(3):
                shutil.copy(path, samples / f"copy{n}-{path.name}")
                copies += 1
    assert copies + 15 >= MIN_DRAFTS_FOR_PROCESSES
    config = Config(lang="en")
    done: list[tuple[int, int]] = []
    in_processes = check_many([samples], config=config, jobs=2, progress=lambda d, t: done.append((d, t)))
    here = check_many([samples], config=config)
    assert in_processes.files == here.files
    total = len(here.files)
    assert done == [(n, total) for n in range(1, total + 1)]
