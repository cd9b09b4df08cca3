"""The end of the reply: STR-CLOSING, STR-SIGNATURE and STR-OFFICE-HOURS."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from ..analyse.buyer import signoff_name
from ..analyse.draft import Draft, memoized
from ..packs import Rule, Text
from ..split.signoff import EMAIL, is_closing
from .registry import Hit, detector

_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().\-/]{6,}\d(?!\w)")
_WEBSITE = re.compile(r"(?i)(?:https?://|www\.)\S+|(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn|biz|co|io|shop|store|info|hk|tw)(?:\.[a-z]{2})?(?:/\S*)?(?![\w@])")
_COMPANY = re.compile(
    r"(?i)(?<!\w)(?:co\.|co\.,|ltd\.?|limited|inc\.?|corp\.?|corporation|company|gmbh|llc|factory|"
    r"industrial|industries|industry|manufactur\w*|trading|group|technology|technologies|tech|enterprise|"
    r"import\s*&\s*export|imp\.?\s*&\s*exp\.?)(?!\w)|有限公司|公司|工厂|厂"
)
_ADDRESS = re.compile(
    r"(?i)(?<!\w)(?:road|rd\.|street|st\.|avenue|ave\.|district|zone|building|bldg|floor|room|no\.\s*\d+|"
    r"industrial park|province|city)(?!\w)|路|号|区|省|市"
)


@memoized
def signoff(draft: Draft) -> tuple[int, int, str]:
    """(start, end, text) of the closing and signature zones together: where a signature's fields live."""
    zones = draft.split.spans("closing") + draft.split.spans("signature")
    if not zones:
        return len(draft.split.reply_text), len(draft.split.reply_text), ""
    start, end = min(z.start for z in zones), max(z.end for z in zones)
    return start, end, draft.text[start:end]


def _end_of_reply(draft: Draft) -> tuple[int, int]:
    """The last non-blank line of the writer's text, to point at when something is missing after it."""
    reply = draft.split.reply_text
    start = reply.rfind("\n") + 1
    return start, len(reply)


def _has_phrase(draft: Draft) -> bool:
    # The closing zone also holds the name signed under the phrase, or only that name.
    return any(
        is_closing(line.strip())
        for zone in draft.split.spans("closing")
        for line in draft.text[zone.start : zone.end].splitlines()
    )


@detector("STR-CLOSING")
def closing_phrase(draft: Draft, rule: Rule) -> Iterator[Hit]:
    if _has_phrase(draft) or not draft.split.reply_text.strip():
        return
    after = draft.split.spans("closing") + draft.split.spans("signature")
    if after:
        z = min(after, key=lambda zone: zone.start)
        first_line_end = draft.text.find("\n", z.start, z.end)
        yield Hit(z.kind, z.start, first_line_end if first_line_end != -1 else z.end)
    else:
        yield Hit("body", *_end_of_reply(draft))


def signature_fields(text: str, name: bool, company: str | None, positions: list[str]) -> set[str]:
    """Which signature fields ``text`` (closing + signature) carries."""
    found = set()
    if name:
        found.add("name")
    without_mail = EMAIL.sub(" ", text)
    if EMAIL.search(text):
        found.add("email")
    if _PHONE.search(without_mail):
        found.add("phone")
    if found & {"email", "phone"}:
        found.add("contact")
    if _WEBSITE.search(without_mail):
        found.add("website")
    if (company and company.casefold() in text.casefold()) or _COMPANY.search(text):
        found.add("company")
    if any(re.search(rf"(?i)(?<!\w){re.escape(p)}(?!\w)", text) for p in positions):
        found.add("position")
    if _ADDRESS.search(without_mail):
        found.add("address")
    return found


@detector("STR-SIGNATURE")
def full_signature(draft: Draft, rule: Rule) -> Iterator[Hit]:
    if not draft.split.reply_text.strip():
        return
    start, end, text = signoff(draft)
    if not text:
        yield Hit("body", *_end_of_reply(draft), message="missing", suggestion="default")
        return
    named = signoff_name(draft.split) is not None or _closing_with_name(text)
    found = signature_fields(text, named, draft.config.profile.company, rule.options["positions"])
    missing = [f for f in draft.config.profile.signature_fields if f not in found]
    if missing:
        labels = [rule.labels[f] for f in missing]
        fields = Text(", ".join(label.en for label in labels), "、".join(label.zh for label in labels))
        zone = "signature" if draft.split.spans("signature") else "closing"
        yield Hit(zone, start, end, message="incomplete", args={"fields": fields}, suggestion="default")


def _closing_with_name(text: str) -> bool:
    """"Best Regards Douglas" on one line: a closing phrase followed by a name."""
    first = text.strip().split("\n", 1)[0]
    return bool(re.match(r"(?i)^\s*(?:best|kind|warm|warmest)?\s*regards[,.]?\s+[A-Z][\w'-]+", first))


_HOURS = re.compile(r"(?i)(?:office|working|business|work)\s+hours?|办公时间|工作时间")
_BUYER_TIME = re.compile(
    r"(?i)your\s+(?:local\s+)?time|your\s+working|in\s+your\s+time\s*zone|same\s+time|您的时间|你方时间"
)
_CLOCK_RANGE = re.compile(r"(?i)\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[-–~]\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?")


def _clock(t) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _in_zone(t, src, dst) -> str:
    # A fixed recent date gives the usual offsets; the text is advice, not a timetable.
    moment = datetime.combine(date(2026, 1, 15), t, tzinfo=src)
    return _clock(moment.astimezone(dst).time())


@detector("STR-OFFICE-HOURS")
def office_hours_in_buyer_time(draft: Draft, rule: Rule) -> Iterator[Hit]:
    if not draft.split.reply_text.strip():
        return
    profile = draft.config.profile
    country = draft.country
    own = f"{_clock(profile.office_start)}–{_clock(profile.office_end)}"
    args = {"hours": own, "tz": rule.options["timezone-names"].get(profile.timezone.key, profile.timezone.key)}
    if country is not None:
        args["yours"] = (
            f"{_in_zone(profile.office_start, profile.timezone, country.tz)}–"
            f"{_in_zone(profile.office_end, profile.timezone, country.tz)}"
        )
    advice = "converted" if country is not None else "default"
    reply = draft.split.reply_text
    stated = _HOURS.search(reply)
    if stated is None:
        start, end, _ = signoff(draft)
        zone = "signature" if draft.split.spans("signature") else "body"
        if start == end:
            start, end = _end_of_reply(draft)
        yield Hit(zone, start, end, message="missing", args=args, suggestion=advice)
        return
    line_start = reply.rfind("\n", 0, stated.start()) + 1
    line_end = reply.find("\n", stated.end())
    line_end = len(reply) if line_end == -1 else line_end
    line = reply[line_start:line_end]
    # The buyer's time is there when the line says so or gives a second range ("(2:00-11:00 Hamburg time)").
    same_zone = country is not None and _in_zone(profile.office_start, profile.timezone, country.tz) == _clock(
        profile.office_start
    )
    if not (_BUYER_TIME.search(line) or len(_CLOCK_RANGE.findall(line)) >= 2 or same_zone):
        zone = next((z.kind for z in draft.split.zones if z.start <= stated.start() < z.end), "body")
        yield Hit(zone, line_start, line_end, message="own_time_only", args=args, suggestion=advice)
