"""Quote-header dates in the formats clients write."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from mailcheck.analyse.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Fri, 3 May 2024 10:20:00 +0200", datetime(2024, 5, 3, 10, 20, tzinfo=timezone(timedelta(hours=2)))),
        ("Friday, May 3, 2024 10:20 AM", datetime(2024, 5, 3, 10, 20)),
        ("Fri, May 3, 2024 at 3:05 PM", datetime(2024, 5, 3, 15, 5)),
        ("3. Mai 2024 um 10:20", datetime(2024, 5, 3, 10, 20)),
        ("2024年5月3日(星期五) 下午3:20", datetime(2024, 5, 3, 15, 20)),
        ("2024-05-03 10:20", datetime(2024, 5, 3, 10, 20)),
        ("27/01/2026 09:15", datetime(2026, 1, 27, 9, 15)),
    ],
)
def test_formats(value, expected):
    assert parse_date(value) == expected


def test_nonsense_is_none():
    assert parse_date("sometime next week") is None
    assert parse_date(None) is None
