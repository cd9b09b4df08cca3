"""check(): read → split → analyse → checks → score. The CLI and the library both call this."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .analyse.draft import Draft
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


def check_message(
    message: Message,
    config: Config,
    inquiry: Message | None = None,
    rules: list[Rule] | None = None,
) -> FileResult:
    """Check one read draft. ``config`` must be resolved (see :func:`check`)."""
    draft = Draft(message, split(message.text), config, inquiry)
    locator = _Locator(message)
    findings = []
    for rule in rules if rules is not None else active_rules(config):
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


def _check_source(
    source: DraftSource,
    config: Config | None,
    inquiry: Message | None,
    overrides: dict[str, Any],
) -> FileResult:
    try:
        message = parse(source)
        if source.inquiry is not None:
            inquiry = read_file(source.inquiry)
    except ReadError as err:
        return FileResult(source.path, error=str(err))
    return check_message(message, _resolve(config, source.file, overrides), inquiry)


def check_many(
    paths: Iterable[str | Path],
    *,
    inquiry: str | Path | Message | None = None,
    config: Config | None = None,
    **overrides: Any,
) -> Report:
    """Check every draft in ``paths`` (files, folders, mailboxes); one result per draft."""
    inquiry_message = _as_message(Path(inquiry) if isinstance(inquiry, str) else inquiry, "<inquiry>")
    report = Report()
    for item in discover(paths):
        if isinstance(item, ReadError):
            report.files.append(FileResult(getattr(item, "path", "?"), error=str(item)))
        else:
            report.files.append(_check_source(item, config, inquiry_message, overrides))
    return report


def parse_many(paths: Iterable[str | Path]) -> Report:
    """Read and split drafts without checking them (``mailcheck parse``)."""
    report = Report()
    for item in discover(paths):
        if isinstance(item, ReadError):
            report.files.append(FileResult(getattr(item, "path", "?"), error=str(item)))
            continue
        try:
            message = parse(item)
        except ReadError as err:
            report.files.append(FileResult(item.path, error=str(err)))
            continue
        report.files.append(FileResult(item.path, message=message, split=split(message.text)))
    return report
