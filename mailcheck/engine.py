"""check(): read → split → analyse → checks → score. The CLI and the library both call this."""

from __future__ import annotations

import bisect
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analyse import nlp
from .analyse.draft import Draft
from .cache import ResultCache
from .checks import Hit, spec_for
from .config import Config, config_for
from .i18n import default_lang
from .model import Finding, Message
from .packs import Rule
from .read import DraftSource, ReadError, discover, parse, read_file, read_text
from .results import FileResult, Report
from .score import score
from .selection import active_rules
from .split import split

EXCERPT_WIDTH = 80


def _resolve(config: Config | None, path: Path | None, overrides: dict[str, Any] | None) -> Config:
    """The config for one draft: explicit, else the nearest file's, then command-line overrides."""
    if config is None:
        config = config_for(path) if path is not None else Config()
    if overrides:
        config = config.replace(**overrides)
    if config.lang is None:
        config = config.replace(lang=default_lang())
    return config


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


def _prepare(message: Message, config: Config, inquiry: Message | None) -> Draft:
    return Draft(message, split(message.text), config, inquiry)


def _run_rules(draft: Draft, rules: list[Rule]) -> FileResult:
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
    return _run_rules(_prepare(message, config, inquiry), rules if rules is not None else active_rules(config))


def _as_message(value: str | Path | Message | None, name: str) -> Message | None:
    if value is None or isinstance(value, Message):
        return value
    if isinstance(value, Path):
        return read_file(value)
    return read_text(value, name)


def check(
    draft: str | Message,
    *,
    inquiry: str | Path | Message | None = None,
    config: Config | None = None,
    **overrides: Any,
) -> FileResult:
    """Check one draft given as text (optionally with header lines) or as a Message.

    ``overrides`` are Config fields (``region="DE"``, ``select=("STR",)``, ``lang="zh"``…).
    """
    message = _as_message(draft, "<string>")
    return check_message(message, _resolve(config, None, overrides), _as_message(inquiry, "<inquiry>"))


def check_file(
    path: str | Path,
    *,
    inquiry: str | Path | Message | None = None,
    config: Config | None = None,
    **overrides: Any,
) -> FileResult:
    """Check one draft file (.eml, .txt, .md, .emlx, .msg). Unreadable input gives a result with ``error``."""
    return next(iter(check_many([path], inquiry=inquiry, config=config, **overrides).files))


def check_many(
    paths: Iterable[str | Path],
    *,
    inquiry: str | Path | Message | None = None,
    config: Config | None = None,
    cache: bool | ResultCache = False,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    **overrides: Any,
) -> Report:
    """Check every draft in ``paths`` (files, folders, mailboxes); one result per draft, in discovery order.

    ``cache``: True keeps results on disk (see :mod:`mailcheck.cache`) so that
    drafts checked before with the same content, config and mailcheck are not
    checked again; or a :class:`~mailcheck.cache.ResultCache` of your own.
    ``jobs``: worker processes for large batches (each loads spaCy once); 1
    checks in this process. ``progress(done, total)`` is called after each draft.
    """
    inquiry_message = _as_message(Path(inquiry) if isinstance(inquiry, str) else inquiry, "<inquiry>")
    store = ResultCache() if cache is True else cache or None
    found = list(discover(paths))
    results: list[FileResult | None] = [None] * len(found)
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(found))

    todo: list[_Job] = []
    configs = _Configs(config, overrides)
    for index, item in enumerate(found):
        if isinstance(item, ReadError):
            results[index] = FileResult(item.path, error=item.reason)
            advance()
            continue
        item_config = configs.for_file(item.file)
        key = store.key(item, item_config, inquiry_message) if store else None
        cached = store.load(key, item_config, item.path) if store and key else None
        if cached is not None:
            results[index] = cached
            advance()
        else:
            todo.append(_Job(index, item, item_config, key))
    for job, result in zip(todo, _check_jobs(todo, inquiry_message, jobs)):
        results[job.index] = result
        if store and job.key:
            store.store(job.key, job.config, result)
        advance()
    if store:
        store.close()
    return Report(files=results)


class _Configs:
    """The resolved config of each draft, one object per config file, so
    that rules, hashes and cache folders are worked out once per folder."""

    def __init__(self, config: Config | None, overrides: dict[str, Any]):
        self.config, self.overrides = config, overrides
        self._resolved: dict[int, tuple[Config, Config]] = {}

    def for_file(self, file: Path) -> Config:
        base = self.config if self.config is not None else config_for(file)
        known = self._resolved.get(id(base))
        if known is None:
            known = self._resolved[id(base)] = (base, _resolve(base, None, self.overrides))
        return known[1]


@dataclass
class _Job:
    """A draft to check: its place in the report, its source and config, its cache key."""

    index: int
    source: DraftSource
    config: Config
    key: str | None


#: Drafts parsed together whose texts then go through spaCy in one nlp.pipe
#: pass. Bounded so that one batch's docs fit in the nlp doc cache.
BATCH_DRAFTS = 64
BATCH_TEXTS = 1024
#: Below this many drafts to check, worker processes cost more than they save:
#: each one starts Python and loads spaCy.
MIN_DRAFTS_FOR_PROCESSES = 32


def _check_jobs(todo: list[_Job], inquiry: Message | None, jobs: int) -> Iterator[FileResult]:
    """The results of ``todo``, in order: in this process, or spread over ``jobs`` processes."""
    items = [(job.source, job.config) for job in todo]
    if jobs <= 1 or len(items) < MIN_DRAFTS_FOR_PROCESSES:
        yield from _check_batch(items, inquiry)
        return
    size = max(8, -(-len(items) // (jobs * 4)))  # a few chunks per worker evens out slow drafts
    chunks = [(items[i : i + size], inquiry) for i in range(0, len(items), size)]
    # "spawn": a fork of a process that already loaded spaCy or runs threads is unsafe.
    with multiprocessing.get_context("spawn").Pool(min(jobs, len(chunks))) as pool:
        for results in pool.imap(_check_chunk, chunks):
            yield from results


def _check_chunk(chunk: tuple[list[tuple[DraftSource, Config]], Message | None]) -> list[FileResult]:
    """Worker process entry point (top level, so that spawn can import it)."""
    items, inquiry = chunk
    return list(_check_batch(items, inquiry))


def _check_batch(items: list[tuple[DraftSource, Config]], inquiry: Message | None) -> Iterator[FileResult]:
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
            draft = _prepare(message, config, draft_inquiry)
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
        yield item if isinstance(item, FileResult) else _run_rules(*item)


def parse_many(paths: Iterable[str | Path]) -> Report:
    """Read and split drafts without checking them (``mailcheck parse``)."""
    report = Report()
    for item in discover(paths):
        if isinstance(item, ReadError):
            report.files.append(FileResult(item.path, error=item.reason))
            continue
        try:
            message = parse(item)
        except ReadError as err:
            report.files.append(FileResult(item.path, error=err.reason))
            continue
        report.files.append(FileResult(item.path, message=message, split=split(message.text)))
    return report
