"""What PRO-QUOTE and STR-BODY take for a currency: a sign anywhere, a code between non-letters, a word."""

from __future__ import annotations

import pytest

from mailcheck.checks.quote import _has_currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("USD 12.50/pc", True),
        ("12.50usd per set", True),
        ("US$9.80", True),
        ("€ 4,20", True),
        ("two hundred dollars", True),
        ("RMB5.6", True),
        ("the bus driver", False),  # "usd" inside a word
        ("dollarsign", False),
        ("12.50 per set", False),
    ],
)
def test_a_currency_is_a_sign_a_code_or_a_word(text, currency):
    assert _has_currency(text) is currency
