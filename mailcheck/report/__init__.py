"""Output formats. Each turns a Report into text; the CLI picks one by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..results import Report


@dataclass(frozen=True)
class FormatOptions:
    lang: str = "en"
    color: bool = False
    #: The text format lists every draft; otherwise only failing and unreadable ones.
    verbose: bool = False


Formatter = Callable[[Report, FormatOptions], str]

from . import github, json_format, parsed, sarif, text  # noqa: E402  (formatters import FormatOptions from here)


FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
}

#: Formats of ``mailcheck parse``: how drafts were read and split.
PARSE_FORMATS: dict[str, Formatter] = {
    "text": parsed.render_text,
    "json": parsed.render_json,
}
