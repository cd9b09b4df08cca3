"""detect_decode and header decoding: labels right, wrong and missing."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest

from mailcheck.read import detect_decode
from mailcheck.read.headers import decode_header, parse_date, split_addresses

SIMPLIFIED = "王先生您好！感谢您对我司面板灯的询价。宁波港交货，最小起订量五百套，交期二十五天。"
TRADITIONAL = "陳先生您好：謝謝您的詢價。我們的燈具通過認證，交貨期約三十天，付款方式為電匯。"


@pytest.mark.parametrize(
    ("text", "encoding", "label", "codec"),
    [
        (SIMPLIFIED, "gbk", None, "gb18030"),
        (SIMPLIFIED + "王堃", "gbk", "gb2312", "gb18030"),
        (TRADITIONAL, "big5", None, "big5hkscs"),
        (TRADITIONAL + "㗎", "big5hkscs", "big5", "big5hkscs"),
        (SIMPLIFIED, "utf-8", None, "utf-8"),
        ("Grüße aus Ningbo, à bientôt", "cp1252", None, "cp1252"),
        ("Grüße aus Ningbo", "latin-1", "ISO-8859-1", "iso8859-1"),
        ("Price 12 € – FOB", "cp1252", "windows-1252", "cp1252"),
        ("Estimado Sr. Martínez", "utf-8", "iso-8859-1", "utf-8"),
        (SIMPLIFIED, "utf-16-le", None, "utf-16-le"),
        (SIMPLIFIED, "utf-16-be", "utf-16", "utf-16-be"),
        ("Dear Tom, price USD 12.50 单价", "utf-16-be", None, "utf-16-be"),
        (SIMPLIFIED, "gbk", "unknown-8bit", "gb18030"),
        (SIMPLIFIED, "utf-8", "gb2312", "utf-8"),
        ("报价", "gbk", "gbk", "gb18030"),
    ],
)
def test_detect_decode(text, encoding, label, codec):
    assert detect_decode(text.encode(encoding), label) == (text, codec)


def test_byte_order_marks_win_over_labels():
    assert detect_decode(b"\xef\xbb\xbf" + "单价".encode(), "iso-8859-1") == ("单价", "utf-8-sig")
    assert detect_decode("单价".encode("utf-16"), None) == ("单价", "utf-16")


def test_the_label_decides_what_guessing_cannot():
    russian = "Здравствуйте, цена 12 долларов".encode("koi8-r")
    assert detect_decode(russian, "koi8-r") == ("Здравствуйте, цена 12 долларов", "koi8-r")
    assert detect_decode(russian)[0] != "Здравствуйте, цена 12 долларов"


def test_truncated_last_character_is_dropped_not_fatal():
    assert detect_decode("交期二十五天".encode()[:-1]) == ("交期二十五", "utf-8")


def test_encoded_words_in_several_charsets():
    gbk = base64.b64encode("报价".encode("gbk")).decode()
    raw = f"=?ISO-8859-1?Q?Angebot_f=FCr?= =?GBK?B?{gbk}?= (LED)"
    assert decode_header(raw) == "Angebot für报价 (LED)"


def test_folded_header_and_raw_8bit_bytes():
    raw = ("回复：样品" .encode("gbk") + b"\r\n sent").decode("ascii", "surrogateescape")
    assert decode_header(raw, "gb2312") == "回复：样品 sent"


def test_broken_base64_word_does_not_raise():
    assert decode_header("Re: =?utf-8?B?5Lu35Z?= offer") == "Re: 价 offer"


def test_split_addresses_respects_quotes_and_brackets():
    assert split_addresses('"Baker, Tom" <tom@x.co.uk>; sarah@x.co.uk，王丽 <wl@x.cn>') == [
        '"Baker, Tom" <tom@x.co.uk>',
        "sarah@x.co.uk",
        "王丽 <wl@x.cn>",
    ]
    assert split_addresses("") == []


def test_parse_date_formats():
    cst = timezone(timedelta(hours=8))
    assert parse_date("Tue, 10 Mar 2026 09:12:45 +0800") == datetime(2026, 3, 10, 9, 12, 45, tzinfo=cst)
    assert parse_date("Tue, 10 Mar 2026 01:12:45 -0000") == datetime(2026, 3, 10, 1, 12, 45, tzinfo=timezone.utc)
    assert parse_date("2026-03-10T09:12:45+08:00") == datetime(2026, 3, 10, 9, 12, 45, tzinfo=cst)
    local = parse_date("2026年3月10日 星期二 09:12")
    assert local.tzinfo is not None and (local.month, local.day, local.hour, local.minute) == (3, 10, 9, 12)
    assert parse_date("next Tuesday") is None
    assert parse_date("Tue, 40 Mar 2026 09:12:45 +0800") is None
    assert parse_date(None) is None
