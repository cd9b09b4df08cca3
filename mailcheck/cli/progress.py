"""A progress bar on stderr for long folder runs, only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

#: Fewer drafts than this finish before a bar would be worth reading.
MIN_DRAFTS = 20


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback for check_many that draws a bar once the total is known."""
    bar = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if total < MIN_DRAFTS or not sys.stderr.isatty():
                return
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
