"""The ``mailcheck`` command: a thin layer over :mod:`mailcheck.engine`.

One module per sub-command, each defining a click command. A sub-command's
module is imported only when it runs (or ``--help`` lists it), so that
``mailcheck check`` on an unchanged folder does not load the rule machinery
that ``rules`` and ``explain`` need. ``mailcheck.cli:main`` is the console
entry point.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__
from .options import tr

#: Sub-command name -> "module:command" in this package.
COMMANDS = {
    "check": "check:check_command",
    "parse": "parse:parse_command",
    "rules": "rules:rules_command",
    "explain": "explain:explain_command",
    "init": "init:init_command",
    "install-hook": "hook:install_hook_command",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=tr("Check drafted replies to overseas buyers before they are sent.",
                     "在发送前检查写给海外买家的回复草稿。"))
@click.version_option(__version__, prog_name="mailcheck")
def main() -> None:
    pass


__all__ = ["main"]
