"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::warning file=drafts/x.eml,line=3,col=1,endLine=3,endColumn=12,title=…::message``.
Levels: error → error, warning → warning, info → notice. A finding whose lines
are not the file's (a draft inside an mbox, a base64 body) annotates the file
and says where in the message it is. Unreadable drafts are error annotations.
"""

from __future__ import annotations

from ..results import Report
from .locations import draft_file, file_region, place_in_message

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, properties: dict[str, object], message: str) -> str:
    fields = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
    return f"::{level} {fields}::{_data(message)}"


def render(report: Report, options) -> str:
    lines = []
    for result in report.files:
        file = draft_file(result)
        if result.error:
            lines.append(_command("error", {"file": file, "title": "mailcheck"}, f"{result.path}: {result.error}"))
            continue
        for finding in result.findings:
            properties: dict[str, object] = {"file": file}
            message = finding.message
            region = file_region(result, finding)
            if region is None:
                message = f"{place_in_message(result, finding, options.lang)}: {message}"
            else:
                properties.update(
                    line=region.line, col=region.column, endLine=region.end_line, endColumn=region.end_column
                )
            properties["title"] = f"mailcheck {finding.rule} ({finding.name})"
            if finding.suggestion:
                message += "\n" + finding.suggestion
            lines.append(_command(LEVELS[finding.severity], properties, message))
    return "".join(line + "\n" for line in lines)
