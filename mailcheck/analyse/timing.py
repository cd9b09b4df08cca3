"""How long the reply took, measured the way the buyer experiences it (seed 001).

Seed 001: answer the same day, within 24 hours at most; Hong Kong, Taiwan and
Korea within 2 hours; European inquiries before 15:00 (the sender's time), so
the reply waits for the buyer's morning; American ones before the end of the
sender's working day. Hours of the buyer's weekend do not count against the
reply: a Saudi buyer who writes on Thursday does not read mail on Friday.

The inquiry's time is the quoted header's date (written in the replier's zone
by the mail client) or the Date of the inquiry file (in the buyer's zone when
it names none). The reply's time is ``config.now``, else the draft's Date,
else the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone, tzinfo
from typing import Any

from .draft import Draft
from .region import WEEKDAYS, Country


@dataclass(frozen=True)
class Timing:
    """A reply later than its region expects."""

    #: "late" (over the general limit), "fast" (the 2-hour regions), "europe" or "day_end".
    kind: str
    received: datetime
    sent: datetime
    #: Clock time between inquiry and reply.
    delay: timedelta
    #: The part of it that fell on the buyer's working days.
    working: timedelta
    #: The moment the reply was due, for the regional rules.
    due: datetime | None = None


def _aware(moment: datetime, zone: tzinfo) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _sent(draft: Draft) -> datetime:
    zone = draft.config.profile.timezone
    if draft.config.now is not None:
        return _aware(draft.config.now, zone)
    if draft.message.date is not None:
        return _aware(draft.message.date, zone)
    return datetime.now(timezone.utc)


def inquiry_time(draft: Draft) -> datetime | None:
    """When the buyer sent the message the draft answers, with its zone; None when unknown."""
    buyer = draft.buyer
    if buyer.date is None:
        return None
    if buyer.source == "inquiry" and draft.country is not None:
        return _aware(buyer.date, draft.country.tz)  # an inquiry file's Date is in the buyer's zone
    return _aware(buyer.date, draft.config.profile.timezone)  # a quote header is in the replier's zone


def _working_time(start: datetime, end: datetime, zone: tzinfo, weekend: frozenset[int]) -> timedelta:
    """Time between ``start`` and ``end`` that falls outside ``weekend`` days in ``zone``."""
    total = timedelta()
    cursor = start.astimezone(zone)
    end = end.astimezone(zone)
    while cursor < end:
        midnight = datetime.combine(cursor.date() + timedelta(days=1), time(), tzinfo=zone)
        step_end = min(midnight, end)
        if cursor.weekday() not in weekend:
            total += step_end - cursor
        cursor = step_end
    return total


def _office_time(start: datetime, end: datetime, zone: tzinfo, opens: time, closes: time, weekend: frozenset[int]) -> timedelta:
    """Time between ``start`` and ``end`` within the sender's office hours on the sender's working days."""
    total = timedelta()
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        if day.weekday() not in weekend:
            open_at = datetime.combine(day, opens, tzinfo=zone)
            close_at = datetime.combine(day, closes, tzinfo=zone)
            span_start, span_end = max(open_at, start), min(close_at, end)
            if span_end > span_start:
                total += span_end - span_start
        day += timedelta(days=1)
    return total


def _due(received: datetime, zone: tzinfo, by: time, weekend: frozenset[int]) -> datetime:
    """``by`` o'clock on the sender's first working day on which the inquiry is there before then."""
    local = received.astimezone(zone)
    day = local.date()
    if local.time() > by:
        day += timedelta(days=1)
    while day.weekday() in weekend:
        day += timedelta(days=1)
    return datetime.combine(day, by, tzinfo=zone)


def _clock(value: str) -> time:
    return time.fromisoformat(value)


def _days(names: list[str]) -> frozenset[int]:
    return frozenset(WEEKDAYS.index(name) for name in names)


def reply_timing(draft: Draft, options: dict[str, Any]) -> Timing | None:
    """The first regional expectation the reply misses, or None (also when a date is unknown)."""
    received = inquiry_time(draft)
    if received is None:
        return None
    sent = _sent(draft)
    if sent <= received:
        return None
    country: Country | None = draft.country
    profile = draft.config.profile
    zone = profile.timezone
    sender_weekend = _days(options["sender-weekend"])
    buyer_weekend = country.weekend if country is not None else sender_weekend
    buyer_zone = country.tz if country is not None else zone
    delay = sent - received
    working = _working_time(received, sent, buyer_zone, buyer_weekend)

    def timing(kind: str, due: datetime | None = None) -> Timing:
        return Timing(kind, received, sent, delay, working, due)

    if working > timedelta(hours=options["max-hours"]):
        return timing("late")
    if country is None:
        return None
    if country.code in options["fast-countries"]:
        office = _office_time(received, sent, zone, profile.office_start, profile.office_end, sender_weekend)
        if office > timedelta(hours=options["fast-hours"]):
            return timing("fast")
    elif country.group in options["europe-groups"]:
        due = _due(received, zone, _clock(options["europe-by"]), sender_weekend)
        if sent > due:
            return timing("europe", due)
    elif country.code in options["day-end-countries"]:
        due = _due(received, zone, _clock(options["day-end-by"]), sender_weekend)
        if sent > due:
            return timing("day_end", due)
    return None
