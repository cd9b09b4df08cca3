"""``--format json``: one object per draft, stable keys other tools can rely on."""

from __future__ import annotations

import json

from .. import __version__
from ..results import FileResult, Report

#: Bumped when a key changes meaning or disappears; new keys may be added freely.
SCHEMA_VERSION = 1


def file_dict(result: FileResult) -> dict:
    return {
        "path": result.path,
        "score": result.scores.overall if result.scores else None,
        "pillars": {k: v for k, v in result.scores.pillars.items()} if result.scores else None,
        "findings": [f.to_dict() for f in result.findings],
        "error": result.error,
    }


def render(report: Report, options) -> str:
    document = {
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "files": [file_dict(r) for r in report.files],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
