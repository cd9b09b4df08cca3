"""How ``mailcheck parse`` shows a draft: its headers, zones and quoted messages."""

from __future__ import annotations

import json

from ..results import FileResult, Report


def parsed_dict(result: FileResult) -> dict:
    if result.error:
        return {"path": result.path, "error": result.error}
    m, s = result.message, result.split
    return {
        "path": result.path,
        "subject": m.subject,
        "from": m.sender,
        "to": m.to,
        "cc": m.cc,
        "date": m.date.isoformat() if m.date else None,
        "from_html": m.from_html,
        "text": m.text,
        "zones": [{"zone": z.kind, "start": z.start, "end": z.end} for z in s.zones],
        "quoted": [{"from": q.sender, "date": q.date, "subject": q.subject, "text": q.text} for q in s.quoted],
        "attachments": [
            {"filename": a.filename, "content_type": a.content_type, "size": a.size} for a in m.attachments
        ],
    }


def render_json(report: Report, options) -> str:
    return json.dumps([parsed_dict(r) for r in report.files], ensure_ascii=False, indent=2) + "\n"


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def _zone_lines(result: FileResult) -> list[str]:
    text, zones = result.message.text, result.split.zones
    out = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        kind = next((z.kind for z in zones if z.start <= offset < z.end or (z.start == offset == z.end)), "")
        if not kind and line.strip():
            kind = next((z.kind for z in zones if z.start < end and offset < z.end), "")
        out.append(f"  {kind:<10}| {line}")
        offset = end + 1
    return out


def render_text(report: Report, options) -> str:
    out: list[str] = []
    for result in report.files:
        if result.error:
            out.append(f"{result.path}: cannot read: {result.error}")
            continue
        m = result.message
        out.append(result.path)
        out.append(f"  Subject: {m.subject or ''}")
        out.append(f"  From:    {m.sender or ''}")
        out.append(f"  To:      {', '.join(m.to)}")
        out.append(f"  Date:    {m.date.isoformat() if m.date else ''}")
        if m.from_html:
            out.append("  (body converted from HTML)")
        for a in m.attachments:
            out.append(f"  Attachment: {a.filename or '(unnamed)'} ({a.content_type}, {_size(a.size)})")
        out.append("")
        out.extend(_zone_lines(result))
        for i, q in enumerate(result.split.quoted, 1):
            out.append(f"  quoted message {i}: from {q.sender or '?'}, date {q.date or '?'}, subject {q.subject or '?'}")
        out.append("")
    return "\n".join(out)
