"""CARE-TIMING: dates in the forms clients write them, and the reply delay by region."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from mailcheck import check
from mailcheck.analyse.dates import parse_date
from mailcheck.model import Message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Outlook's "Sent:" line: email.utils would read "PM" as a zone and return 07:05.
        ("Tuesday, March 3, 2026 7:05 PM", datetime(2026, 3, 3, 19, 5)),
        ("Wednesday, January 21, 2026 9:00 PM", datetime(2026, 1, 21, 21, 0)),
        ("1/27/2026 12:25 AM", datetime(2026, 1, 27, 0, 25)),
        ("Tue, 3 Mar 2026 7:05 PM +0100", datetime(2026, 3, 3, 19, 5, tzinfo=timezone(timedelta(hours=1)))),
        ("2026/3/3 19:05 GMT+08:00", datetime(2026, 3, 3, 19, 5, tzinfo=timezone(timedelta(hours=8)))),
    ],
)
def test_quote_header_dates(value, expected):
    assert parse_date(value) == expected


DRAFT = """Subject: RE: Pump parts
From: Lily Chen <lily@hengli-pumps.com>
To: Mohammed Al-Qahtani <mohammed@gulfpumps.com.sa>

Dear Mr. Al-Qahtani,

Thank you for your inquiry of 5 March about CDL pump parts.

Best regards,
Lily Chen
"""


def _timing(now: str, inquiry_date: str | datetime) -> list[str]:
    if isinstance(inquiry_date, str):
        inquiry = f"From: Mohammed Al-Qahtani <mohammed@gulfpumps.com.sa>\nDate: {inquiry_date}\n\nDear Ms. Chen,\n\nPrice CFR Dammam?\n"
    else:  # a date without a zone, as a program may hand one over
        inquiry = Message("<inquiry>", "Dear Ms. Chen,\n\nPrice CFR Dammam?\n", sender="mohammed@gulfpumps.com.sa", date=inquiry_date)
    result = check(DRAFT, inquiry=inquiry, select=("CARE-TIMING",), now=datetime.fromisoformat(now), lang="en")
    return [f.message for f in result.findings]


def test_now_setting_decides_the_reply_time():
    assert _timing("2026-03-05T18:00:00+08:00", "Thu, 05 Mar 2026 09:00:00 +0300") == []
    late = _timing("2026-03-09T18:00:00+08:00", "Mon, 08 Mar 2026 09:00:00 +0300")
    assert late and "reply within 24 hours" in late[0]


def test_a_naive_inquiry_date_is_the_buyers_own_time():
    # 09:00 in Riyadh is 14:00 in Shanghai: 24 hours later is 14:00 the next day, China time.
    assert _timing("2026-03-09T13:30:00+08:00", datetime(2026, 3, 8, 9, 0)) == []
    assert _timing("2026-03-09T14:30:00+08:00", datetime(2026, 3, 8, 9, 0)) != []


def test_no_inquiry_date_no_finding():
    result = check(DRAFT, inquiry="Dear Ms. Chen,\n\nPrice CFR Dammam?\n", select=("CARE-TIMING",), lang="en")
    assert result.findings == []
