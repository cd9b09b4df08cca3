"""The ``mailcheck`` command: a thin layer over :mod:`mailcheck.engine`.

One module per sub-command; each defines a click command that is added to
the group here. ``mailcheck.cli:main`` is the console entry point.
"""

from __future__ import annotations

import click

from .. import __version__
from .check import check_command
from .explain import explain_command
from .hook import install_hook_command
from .init import init_command
from .parse import parse_command
from .rules import rules_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mailcheck")
def main() -> None:
    """Check drafted replies to overseas buyers before they are sent."""


for _command in (check_command, parse_command, rules_command, explain_command, init_command, install_hook_command):
    main.add_command(_command)

__all__ = ["main"]
