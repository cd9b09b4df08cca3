"""The ``mailcheck`` command: a thin layer over :mod:`mailcheck.engine`."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import click

from . import __version__
from .config import ConfigError, read_config
from .engine import check_many, parse_many
from .i18n import default_lang
from .model import SEVERITIES
from .read import ReadError, read_file
from .report import FORMATS, PARSE_FORMATS, FormatOptions


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` -> ("A", "B", "C")."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def _use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _fail(message: str) -> None:
    click.echo(f"mailcheck: error: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mailcheck")
def main() -> None:
    """Check drafted replies to overseas buyers before they are sent."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--inquiry", type=click.Path(path_type=Path, dir_okay=False),
              help="The buyer's message, when it is not quoted in the draft.")
@click.option("--region", metavar="CODE", help="The buyer's country (ISO code: DE, US, SA…).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes, code prefixes, norm IDs or pillars, comma-separated.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--fail-level", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding is at least this severe [default: warning].")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when a draft's overall score is below this.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
              help="Report language [default: from the locale].")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Use this config file instead of searching for one.")
@click.option("--now", type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]),
              help="The time to judge reply timing against (default: the draft's Date, else now).")
@click.option("--color/--no-color", default=None, help="Colour the text report [default: on a terminal].")
@click.option("-q", "--quiet", is_flag=True, help="List only drafts with findings.")
def check(paths, fmt, inquiry, region, select, ignore, fail_level, fail_under, lang, config_path, now,
          color, quiet) -> None:
    """Check drafts: files, folders (recursively) or mailboxes."""
    overrides: dict = {}
    if region:
        overrides["region"] = region.upper()
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    if lang:
        overrides["lang"] = lang
    if now:
        overrides["now"] = now
    if fail_level:
        overrides["fail_level"] = fail_level
    if fail_under is not None:
        overrides["fail_under"] = fail_under
    try:
        config = read_config(config_path) if config_path else None
        if inquiry is not None:
            read_file(inquiry)  # fail early and clearly: an unreadable inquiry is a usage error
        report = check_many(paths, inquiry=inquiry, config=config, **overrides)
    except (ConfigError, ReadError) as err:
        _fail(str(err))
    checked = [r for r in report.files if not r.error]
    report_lang = lang or (checked[0].lang if checked else default_lang())
    options = FormatOptions(lang=report_lang, color=_use_color(color), quiet=quiet)
    click.echo(FORMATS[fmt](report, options), nl=False, color=options.color)
    sys.exit(report.exit_code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(PARSE_FORMATS)), default="text", show_default=True)
def parse(paths, fmt) -> None:
    """Show how drafts were read and split into zones ("why did it say that?")."""
    report = parse_many(paths)
    click.echo(PARSE_FORMATS[fmt](report, FormatOptions(lang=default_lang())), nl=False)
    sys.exit(report.exit_code)
