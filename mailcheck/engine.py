"""check(), check_file(), check_many(): the entry points the CLI and the library call.

A draft goes read → split → analyse → checks → score (:mod:`mailcheck.pipeline`).
check_many finds the drafts, answers unchanged ones from the cache
(:mod:`mailcheck.cache`), and checks the rest in batches, in this process or
in worker processes.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .cache import ResultCache
from .config import Config, config_for
from .i18n import default_lang
from .model import Message
from .read import DraftSource, ReadError, discover, parse, read_file, read_text
from .results import FileResult, Report


def _pipeline() -> ModuleType:
    """The checking code, imported on first use: a run answered wholly from
    the cache never loads the rules, analyses and their patterns."""
    from . import pipeline

    return pipeline


def _resolve(config: Config | None, path: Path | None, overrides: dict[str, Any] | None) -> Config:
    """The config for one draft: explicit, else the nearest file's, then command-line overrides."""
    if config is None:
        config = config_for(path) if path is not None else Config()
    if overrides:
        config = config.replace(**overrides)
    if config.lang is None:
        config = config.replace(lang=default_lang())
    return config


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
    return _pipeline().check_message(message, _resolve(config, None, overrides), _as_message(inquiry, "<inquiry>"))


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


#: Below this many drafts to check, worker processes cost more than they save:
#: each one starts Python and loads spaCy.
MIN_DRAFTS_FOR_PROCESSES = 32


def _check_jobs(todo: list[_Job], inquiry: Message | None, jobs: int) -> Iterator[FileResult]:
    """The results of ``todo``, in order: in this process, or spread over ``jobs`` processes."""
    items = [(job.source, job.config) for job in todo]
    if jobs <= 1 or len(items) < MIN_DRAFTS_FOR_PROCESSES:
        yield from _pipeline().check_batch(items, inquiry)
        return
    size = max(8, -(-len(items) // (jobs * 4)))  # a few chunks per worker evens out slow drafts
    chunks = [(items[i : i + size], inquiry) for i in range(0, len(items), size)]
    # "spawn": a fork of a process that already loaded spaCy or runs threads is unsafe.
    # An executor, not a Pool: a worker that dies (killed, out of memory) raises
    # BrokenProcessPool here instead of leaving the run waiting for it forever.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=context) as executor:
        for results in executor.map(_pipeline().check_chunk, chunks):
            yield from results


def parse_many(paths: Iterable[str | Path]) -> Report:
    """Read and split drafts without checking them (``mailcheck parse``)."""
    split = _pipeline().split
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
