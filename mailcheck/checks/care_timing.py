"""CARE-TIMING: the reply leaves within the time the buyer's region expects (seed 001)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from ..analyse.draft import Draft
from ..analyse.timing import reply_timing
from ..packs import Rule, Text
from .registry import Hit, detector


def duration(delta: timedelta) -> Text:
    """"1 day 3 h", "8 h 33 min", "45 min" in both languages."""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    en, zh = [], []
    if days:
        en.append(f"{days} day{'s' if days > 1 else ''}")
        zh.append(f"{days} 天")
    if hours:
        en.append(f"{hours} h")
        zh.append(f"{hours} 小时")
    if minutes and not days:
        en.append(f"{minutes} min")
        zh.append(f"{minutes} 分钟")
    return Text(" ".join(en) or "0 min", " ".join(zh) or "0 分钟")


_WEEKDAYS_ZH = "一二三四五六日"


def _day_and_time(moment: datetime) -> Text:
    """"Wed 15:00" / "周三 15:00"."""
    clock = moment.strftime("%H:%M")
    return Text(f"{moment:%a} {clock}", f"周{_WEEKDAYS_ZH[moment.weekday()]} {clock}")


def _where(draft: Draft) -> tuple[str, int, int]:
    """The first line of the reply: the finding is about the whole mail."""
    zones = [z for z in draft.split.zones if z.kind in ("greeting", "body")]
    if not zones:
        return "body", 0, 0
    zone = zones[0]
    line_end = draft.text.find("\n", zone.start, zone.end)
    return zone.kind, zone.start, line_end if line_end != -1 else zone.end


@detector("CARE-TIMING")
def timing(draft: Draft, rule: Rule) -> Iterator[Hit]:
    if not draft.split.reply_text.strip():
        return
    found = reply_timing(draft, rule.options)
    if found is None:
        return
    country = draft.country
    zone = draft.config.profile.timezone
    args = {
        "delay": duration(found.delay),
        "working": duration(found.working),
        "hours": rule.options["max-hours"],
        "fast": rule.options["fast-hours"],
        "country": country.name if country else "",
        "sent": found.sent.astimezone(zone).strftime("%H:%M"),
        "due": _day_and_time(found.due.astimezone(zone)) if found.due else "",
    }
    message = found.kind
    if found.kind == "late" and found.working < found.delay - timedelta(hours=1):
        message = "late_weekend"  # say that the buyer's weekend was already left out
    yield Hit(*_where(draft), message=message, args=args, suggestion=found.kind)
