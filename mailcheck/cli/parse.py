"""``mailcheck parse``: how drafts were read and split."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..engine import parse_many
from ..i18n import default_lang
from ..report import PARSE_FORMATS, FormatOptions
from .options import tr


@click.command("parse", help=tr('Show how drafts were read and split into zones ("why did it say that?").',
                                "显示草稿是如何读取并划分区域的（“它为什么这么说？”）。"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(PARSE_FORMATS)), default="text", show_default=True)
def parse_command(paths, fmt) -> None:
    report = parse_many(paths)
    click.echo(PARSE_FORMATS[fmt](report, FormatOptions(lang=default_lang())), nl=False)
    sys.exit(report.exit_code)
