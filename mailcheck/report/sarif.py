"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; the driver lists the rules that produced results, with their docs in
the report language. Finding levels: error → error, warning → warning,
info → note. Unreadable drafts become error notifications of the invocation,
so a viewer shows them without inventing a rule for them. Columns count
Unicode code points (``columnKind``), as mailcheck's do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..i18n import pick
from ..model import Finding
from ..packs import Rule, builtin_rules, load_data
from ..results import FileResult, Report
from .locations import draft_file, file_region, place_in_message

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"


def _uri(path: str) -> tuple[str, str | None]:
    """A URI reference for a path, and the base it is relative to (None for an absolute one)."""
    file = Path(path)
    if file.is_absolute():
        return file.as_uri(), None
    return quote(path.replace(os.sep, "/")), ROOT


def _artifact(path: str) -> dict[str, Any]:
    uri, base = _uri(path)
    return {"uri": uri, "uriBaseId": base} if base else {"uri": uri}


def _descriptor(code: str, example: Finding, known: dict[str, Rule], lang: str) -> dict[str, Any]:
    """The reportingDescriptor of a rule: its docs when it is built in, else what its findings say."""
    norms = load_data("norms")
    descriptor: dict[str, Any] = {
        "id": code,
        "name": example.name,
        "defaultConfiguration": {"level": LEVELS[example.severity]},
        "properties": {
            "pillar": example.pillar,
            "norms": list(example.norms),
            "tags": [example.pillar, *example.norms],
        },
    }
    titled = [norms[n]["title"] for n in example.norms if n in norms]
    if titled:
        descriptor["shortDescription"] = {"text": titled[0].get(lang) or titled[0]["en"]}
    rule = known.get(code)
    if rule is not None:
        why = rule.why.get(lang)
        if why:
            descriptor["fullDescription"] = {"text": why}
            labelled = ((pick(lang, "Bad", "不好的写法"), rule.bad), (pick(lang, "Good", "好的写法"), rule.good))
            examples = "\n".join(f"{label}: {text}" for label, text in labelled if text)
            descriptor["help"] = {"text": why + ("\n\n" + examples if examples else "")}
    return descriptor


def _result(result: FileResult, finding: Finding, rule_index: int, lang: str) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": _artifact(draft_file(result))}}
    region = file_region(result, finding)
    text = finding.message
    if region is not None:
        location["physicalLocation"]["region"] = {
            "startLine": region.line,
            "startColumn": region.column,
            "endLine": region.end_line,
            "endColumn": region.end_column,
            **({"snippet": {"text": finding.excerpt}} if finding.excerpt else {}),
        }
    else:
        text = f"{place_in_message(result, finding, lang)}: {text}"
    if draft_file(result) != result.path:
        location["logicalLocations"] = [{"fullyQualifiedName": result.path}]
    properties: dict[str, Any] = {"zone": finding.zone, "pillar": finding.pillar, "norms": list(finding.norms)}
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if finding.excerpt:
        properties["excerpt"] = finding.excerpt
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text + (f"\n{finding.suggestion}" if finding.suggestion else "")},
        "locations": [location],
        "properties": properties,
    }


def _notification(result: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"{result.path}: {result.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(draft_file(result))}}],
    }


def render(report: Report, options) -> str:
    known = {rule.code: rule for rule in builtin_rules()}
    examples: dict[str, Finding] = {}
    for finding in report.findings:
        examples.setdefault(finding.rule, finding)
    codes = sorted(examples)
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {
            "driver": {
                "name": "mailcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(code, examples[code], known, options.lang) for code in codes],
            }
        },
        "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [_notification(r) for r in report.files if r.error],
            }
        ],
        "results": [
            _result(result, finding, index[finding.rule], options.lang)
            for result in report.files
            for finding in result.findings
        ],
        "columnKind": "unicodeCodePoints",
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
