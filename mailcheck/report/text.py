"""The default, human-readable report.

Per failing draft: ``path:line:col  CODE  message``, the offending text and
the suggestion, then the scores; a summary line at the end. Drafts that pass
(clean, or with findings below the fail level) are listed only when verbose;
unreadable ones always are. Colour only when
asked (the CLI asks on a terminal without NO_COLOR).
"""

from __future__ import annotations

import click

from ..i18n import pick
from ..model import Finding
from ..results import FileResult, Report

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
PILLAR_ZH = {"care": "重视", "professional": "专业", "reliable": "可信"}


def _severity(level: str, lang: str) -> str:
    return SEVERITY_ZH[level] if lang == "zh" else level


def _finding(result: FileResult, f: Finding, options) -> list[str]:
    style = (lambda s, **kw: click.style(s, **kw)) if options.color else (lambda s, **kw: s)
    lang = options.lang
    head = (
        f"{style(result.path, bold=True)}:{f.line}:{f.column}  "
        f"{style(f.rule, fg=SEVERITY_COLOURS[f.severity], bold=True)}  "
        f"[{_severity(f.severity, lang)}] {f.message}"
    )
    lines = [head]
    if f.excerpt:
        prefix = "Subject: " if f.zone == "subject" else ""
        lines.append(style(f"    | {prefix}{f.excerpt}", dim=True))
    if f.suggestion:
        label = pick(lang, "fix" if f.fix and f.fix.applicability == "safe" else "suggestion", "建议")
        lines.append(f"    = {label}: {f.suggestion}")
    return lines


def _scores(result: FileResult, options) -> str:
    s = result.scores
    lang = options.lang
    names = {p: (PILLAR_ZH[p] if lang == "zh" else p) for p in s.pillars}
    pillars = " · ".join(f"{names[p]} {v}" for p, v in s.pillars.items())
    return pick(lang, f"  score {s.overall}/100  ({pillars})", f"  得分 {s.overall}/100  （{pillars}）")


def render(report: Report, options) -> str:
    lang = options.lang
    out: list[str] = []
    counts = {"error": 0, "warning": 0, "info": 0}
    clean = unreadable = 0
    for result in report.files:
        if result.error:
            unreadable += 1
            label = pick(lang, "cannot check", "无法检查")
            out.append(f"{result.path}: {label}: {result.error}")
            continue
        for f in result.findings:
            counts[f.severity] += 1
        if not result.findings:
            clean += 1
            if options.verbose:
                out.append(f"{result.path}: " + pick(lang, "clean", "无问题") + _scores(result, options))
            continue
        if not (result.fails or options.verbose):
            continue
        for f in result.findings:
            out.extend(_finding(result, f, options))
        out.append(f"{result.path}" + _scores(result, options))
        out.append("")
    total = len(report.files)
    out.append(
        pick(
            lang,
            f"{total} draft(s): {clean} clean, {total - clean - unreadable} with findings, "
            f"{unreadable} unreadable; {counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} info",
            f"共 {total} 封草稿：{clean} 封无问题，{total - clean - unreadable} 封有问题，{unreadable} 封无法读取；"
            f"错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}",
        )
    )
    return "\n".join(out) + "\n"
