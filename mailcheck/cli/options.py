"""Helpers the sub-commands share."""

from __future__ import annotations

import os
import sys

import click


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` -> ("A", "B", "C")."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def fail(message: str) -> None:
    """Stop with a usage error (exit code 2), as click does for bad options."""
    click.echo(f"mailcheck: error: {message}", err=True)
    sys.exit(2)
