"""One draft through split → analyse → rules → score, and batches of drafts through spaCy.

:mod:`mailcheck.engine` imports this module only when a draft has to be
checked: a run answered from the cache never loads the rules and analyses.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .analyse import nlp
from .analyse.draft import Draft
from .checks import Hit, spec_for
from .config import Config
from .model import Finding, Message
from .packs import Rule
from .read import DraftSource, ReadError, parse, read_file
from .results import FileResult
from .score import score
from .selection import active_rules
from .split import split

EXCERPT_WIDTH = 80


#: Drafts parsed together whose texts then go through spaCy in one nlp.pipe
#: pass. Bounded so that one batch's docs fit in the nlp doc cache.
BATCH_DRAFTS = 64
BATCH_TEXTS = 1024


class _Locator:
    """Turns text offsets into 1-based (line, column) of the file the draft came from."""

    def __init__(self, message: Message):
        self.message = message
        self.line_starts = [0] + [i + 1 for i, c in enumerate(message.text) if c == "\n"]
        self.first_line = message.source.body_line or 1

    def text(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return self.first_line + index, offset - self.line_starts[index] + 1

    def subject(self, offset: int) -> tuple[int, int]:
        line = self.message.source.subject_line
        return (line, len("Subject: ") + offset + 1) if line else (1, offset + 1)


def _excerpt(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= EXCERPT_WIDTH else first[: EXCERPT_WIDTH - 1] + "…"


def _finding(rule: Rule, hit: Hit, draft: Draft, locator: _Locator) -> Finding:
    lang = draft.lang
    source = draft.subject if hit.zone == "subject" else draft.text
    where = locator.subject if hit.zone == "subject" else locator.text
    line, column = where(hit.start)
    end_line, end_column = where(hit.end)
    return Finding(
        rule=rule.code,
        name=rule.name,
        norms=rule.norms,
        pillar=rule.pillar,
        severity=rule.severity,
        message=rule.message(hit.message, lang, **hit.args),
        zone=hit.zone,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestion=hit.suggestion_text or rule.suggestion(hit.suggestion, lang, **hit.args),
        fix=hit.fix,
        excerpt=_excerpt(source[hit.start : hit.end]),
    )


def prepare(message: Message, config: Config, inquiry: Message | None) -> Draft:
    return Draft(message, split(message.text), config, inquiry)


def run_rules(draft: Draft, rules: list[Rule]) -> FileResult:
    message, config = draft.message, draft.config
    locator = _Locator(message)
    findings = []
    for rule in rules:
        for hit in spec_for(rule).run(draft, rule):
            findings.append(_finding(rule, hit, draft, locator))
    findings.sort(key=lambda f: (f.zone != "subject", f.line, f.column, f.rule))
    return FileResult(
        message.path,
        findings,
        score(findings),
        message=message,
        split=draft.split,
        fail_level=config.fail_level,
        fail_under=config.fail_under,
        lang=draft.lang,
    )


def check_message(
    message: Message,
    config: Config,
    inquiry: Message | None = None,
    rules: list[Rule] | None = None,
) -> FileResult:
    """Check one read draft. ``config`` must be resolved (see :func:`check`)."""
    return run_rules(prepare(message, config, inquiry), rules if rules is not None else active_rules(config))


def check_chunk(chunk: tuple[list[tuple[DraftSource, Config]], Message | None]) -> list[FileResult]:
    """Worker process entry point (top level, so that spawn can import it)."""
    items, inquiry = chunk
    return list(check_batch(items, inquiry))


def check_batch(items: list[tuple[DraftSource, Config]], inquiry: Message | None) -> Iterator[FileResult]:
    """Parse and split drafts a batch at a time, parse the texts the active
    rules need with spaCy in one pass per batch, then run the rules."""
    rules_of: dict[int, tuple[Config, list[Rule], bool]] = {}
    pending: list[tuple[Draft, list[Rule]] | FileResult] = []
    texts: list[str] = []
    for source, config in items:
        known = rules_of.get(id(config))
        if known is None:
            rules = active_rules(config)
            known = rules_of[id(config)] = (config, rules, any(spec_for(r).nlp for r in rules))
        _, rules, needs_nlp = known
        try:
            message = parse(source)
            draft_inquiry = read_file(source.inquiry) if source.inquiry is not None else inquiry
        except ReadError as err:
            pending.append(FileResult(source.path, error=err.reason))
        else:
            draft = prepare(message, config, draft_inquiry)
            if needs_nlp:
                texts.extend(nlp.texts_for(draft))
            pending.append((draft, rules))
        if len(pending) >= BATCH_DRAFTS or len(texts) >= BATCH_TEXTS:
            yield from _finish(pending, texts)
            pending, texts = [], []
    yield from _finish(pending, texts)


def _finish(pending: list[tuple[Draft, list[Rule]] | FileResult], texts: list[str]) -> Iterator[FileResult]:
    if texts:
        nlp.prefetch(texts)
    for item in pending:
        yield item if isinstance(item, FileResult) else run_rules(*item)
