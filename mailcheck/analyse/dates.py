"""Dates as mail clients write them in quote headers.

RFC 5322 dates ("Fri, 3 May 2024 10:20:00 +0200") carry a zone; Outlook,
Gmail and Foxmail headers ("Friday, May 3, 2024 10:20 AM", "2024年5月3日(星期五)
上午10:20") usually do not. A date without a zone comes back naive; the caller
decides which zone it is in (a quote header is written by the replier's mail
client, so in the replier's zone). A zone written after the time ("+0100",
"GMT+08:00") is kept, and "7:05 PM" is 19:05 whatever email.utils makes of it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "janvier", "januar", "enero", "janeiro", "gennaio", "januari"),
            ("feb", "february", "février", "fevrier", "februar", "febrero", "fevereiro", "febbraio", "februari"),
            ("mar", "march", "mars", "märz", "marz", "marzo", "março", "marco", "maart"),
            ("apr", "april", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maio", "maggio", "mei"),
            ("jun", "june", "juin", "juni", "junio", "junho", "giugno"),
            ("jul", "july", "juillet", "juli", "julio", "julho", "luglio"),
            ("aug", "august", "août", "aout", "agosto", "augustus"),
            ("sep", "sept", "september", "septembre", "septiembre", "setembro", "settembre"),
            ("oct", "october", "octobre", "oktober", "octubre", "outubro", "ottobre"),
            ("nov", "november", "novembre", "noviembre", "novembro"),
            ("dec", "december", "décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre"),
        ],
        start=1,
    )
    for name in names
}

_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
_WORD_DATE = [
    # May 3, 2024 [at] 10:20 AM
    re.compile(r"(?P<mon>[^\W\d_]{3,})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?:\D{1,6}" + _TIME + ")?"),
    # 3 May 2024 10:20 / 3. Mai 2024 um 10:20 / 3 de mayo de 2024
    re.compile(
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<mon>[^\W\d_]{3,})\.?,?\s+(?:de\s+)?(?P<y>\d{4})(?:\D{1,6}"
        + _TIME
        + ")?"
    ),
]
_NUMERIC = [
    # 2024-05-03 10:20 / 2024/5/3 10:20 / 2024年5月3日 (周五) 上午10:20
    re.compile(
        r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
        r"(?:[^\d]{0,12}?(?P<cn>上午|下午|晚上|中午)?\s*" + _TIME + ")?"
    ),
    # 03/05/2024 10:20 (day first outside the US is ambiguous: month first only when day > 12 says so)
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})(?:[ ,]+" + _TIME + ")?"),
]


def _hour(match: re.Match[str]) -> tuple[int, int, int]:
    if not match.group("h"):
        return 0, 0, 0
    hour, minute = int(match.group("h")), int(match.group("mi"))
    second = int(match.group("s") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    cn = match.groupdict().get("cn")
    if (ampm == "pm" or cn in ("下午", "晚上")) and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return hour, minute, second


# "7:05 PM": email.utils reads "PM" as a zone name and drops it, giving 07:05.
_AMPM = re.compile(r"\d\s*[AaPp]\.?[Mm]\b")
# A UTC offset written after the time: "+0100", "GMT+08:00", "(UTC-05:00)".
_OFFSET = re.compile(r"^\W{0,3}(?:GMT|UTC)?\s*(?P<sign>[+-])(?P<hh>\d{2}):?(?P<mm>\d{2})\b")


def _with_offset(moment: datetime, rest: str) -> datetime:
    """``moment`` in the zone written right after it, if any; naive otherwise."""
    match = _OFFSET.match(rest)
    if not match:
        return moment
    delta = timedelta(hours=int(match.group("hh")), minutes=int(match.group("mm")))
    return moment.replace(tzinfo=timezone(-delta if match.group("sign") == "-" else delta))


def parse_date(value: str | None) -> datetime | None:
    """A datetime from a header date in any common client's format, or None."""
    if not value:
        return None
    value = value.strip()
    parsed = None
    if not _AMPM.search(value):
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is not None:
        return parsed
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    for pattern in _WORD_DATE:
        for match in pattern.finditer(value):
            month = _MONTHS.get(match.group("mon").lower())
            if month:
                try:
                    moment = datetime(int(match.group("y")), month, int(match.group("d")), *_hour(match))
                except ValueError:
                    continue
                return _with_offset(moment, value[match.end() :])
    for pattern in _NUMERIC:
        match = pattern.search(value)
        if not match:
            continue
        if "m" in match.groupdict():
            month, day = int(match.group("m")), int(match.group("d"))
        else:
            a, b = int(match.group("a")), int(match.group("b"))
            day, month = (a, b) if a > 12 or b <= 12 else (b, a)
        try:
            moment = datetime(int(match.group("y")), month, day, *_hour(match))
        except ValueError:
            continue
        return _with_offset(moment, value[match.end() :])
    return None
