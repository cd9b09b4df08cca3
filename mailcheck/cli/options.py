"""Helpers the sub-commands share."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..config import Config, ConfigError, config_for, read_config
from ..i18n import LANGS, default_lang, pick


def tr(en: str, zh: str) -> str:
    """Help text in the locale's language: help is built before ``--lang`` is read."""
    return pick(default_lang(), en, zh)


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


def config_option(function):
    """``--config FILE``, shared by the commands that read a config."""
    return click.option(
        "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
        help=tr("Use this config file instead of searching for one.", "使用此配置文件，不再自动查找。"),
    )(function)


def lang_option(function):
    return click.option("--lang", type=click.Choice(LANGS), default=None,
                        help=tr("Language [default: the config's, else the locale's].",
                                "语言［默认：按配置，否则按系统语言］。"))(function)


def load_config(config_path: Path | None, lang: str | None = None) -> Config:
    """The config named by ``--config``, else the one for the current folder, with ``--lang`` applied.

    A broken config is a usage error (exit 2)."""
    try:
        config = read_config(config_path) if config_path else config_for(Path.cwd())
    except ConfigError as err:
        fail(str(err))
    return config.replace(lang=lang or config.lang or default_lang())
