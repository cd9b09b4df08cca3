"""Plain-text drafts: encodings, header lines, and bodies that only look like headers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from mailcheck.read import read_bytes, read_file, read_text

TEXT = Path(__file__).parent / "data" / "read" / "text"

UTF16_BODY = (
    "Dear Tom,\n\n"
    "Thank you for your order of 500 sets of 600x600 LED panels.\n"
    "We confirm FOB Ningbo USD 12.50/set; the proforma invoice is attached.\n\n"
    "Best regards,\n"
    "Wang Kun (王堃)\n"
    "Ningbo Sunrise Lighting Co., Ltd."
)


def test_gbk_text_with_chinese_header_lines():
    msg = read_file(TEXT / "gbk_headers.txt")
    assert msg.subject == "回复：样品寄送"
    assert msg.to == ["林先生 <lin@klsupply.com.my>", "陈小姐 <chen@klsupply.com.my>"]
    assert msg.date is not None and (msg.date.year, msg.date.month, msg.date.day, msg.date.hour) == (2026, 3, 14, 10)
    assert msg.text == "林先生您好：\n\n样品已于今天通过顺丰寄出，单号SF1234567890。\n预计3天内送达吉隆坡。\n\n王堃"
    assert (msg.source.kind, msg.source.encoding, msg.source.newline) == ("text", "gb18030", "\r\n")
    assert (msg.source.subject_line, msg.source.body_line) == (1, 5)


def test_big5_text_is_not_mistaken_for_gbk():
    msg = read_file(TEXT / "big5.txt")
    assert msg.text == "陳生您好：\n\n樣品已經寄出，預計兩日內送到香港，唔使擔心㗎。\n\n林美華"
    assert msg.source.encoding == "big5hkscs"


def test_utf16_with_and_without_bom():
    with_bom = read_file(TEXT / "utf16le_bom.txt")
    without_bom = read_file(TEXT / "utf16be_nobom.txt")
    assert with_bom.text == UTF16_BODY
    assert without_bom.text == UTF16_BODY
    assert with_bom.source.encoding == "utf-16"
    assert with_bom.source.newline == "\r\n"
    assert without_bom.source.encoding == "utf-16-be"


def test_utf8_bom_markdown_keeps_its_text_and_codec():
    msg = read_file(TEXT / "utf8_bom.md")
    assert msg.text == "# Reply to Tom\n\nDear Tom,\n\n**Price:** USD 12.50/set FOB Ningbo.\n\nWang Kun"
    assert msg.source.encoding == "utf-8-sig"  # writing back keeps the BOM


def test_windows_1252_text():
    msg = read_file(TEXT / "cp1252.txt")
    assert msg.text == "Dear Mr. Müller,\n\nthe price is 13,20 € per piece – FOB Ningbo.\n\nBest regards,\nWang Kun"
    assert msg.source.encoding == "cp1252"


def test_english_header_lines_any_case():
    msg = read_file(TEXT / "headers.txt")
    assert msg.subject == "Re: Quotation for LED panel lights"
    assert msg.to == ["Tom Baker <tom@brightbuild.co.uk>"]
    assert msg.cc == ['"Lee, Sarah" <sarah.lee@brightbuild.co.uk>', "purchasing@brightbuild.co.uk"]
    assert msg.date == datetime(2026, 3, 9, 16, 20, 11, tzinfo=timezone(timedelta(hours=8)))
    assert msg.text.startswith("Dear Tom,\n\nThank you for your inquiry.")
    lines = (TEXT / "headers.txt").read_text(encoding="utf-8").split("\n")
    assert lines[msg.source.body_line - 1] == "Dear Tom,"


def test_body_opening_with_a_quoted_outlook_header_is_not_taken_as_headers():
    msg = read_file(TEXT / "quoted_from.txt")
    assert msg.subject is None and msg.sender is None and msg.to == []
    assert msg.text.startswith("From: Tom Baker <tom@brightbuild.co.uk>\nSent: Monday, March 16, 2026 6:10 PM\n")
    assert msg.source.body_line == 1


def test_header_lines_need_a_blank_line_after_them():
    msg = read_text("To: all buyers\nSubject: price update\nPrices rise 5% from May.\n")
    assert msg.subject is None
    assert msg.text == "To: all buyers\nSubject: price update\nPrices rise 5% from May."


def test_a_repeated_header_name_means_no_headers():
    msg = read_text("From: Tom\nFrom: Wang\n\nHello")
    assert msg.sender is None
    assert msg.text == "From: Tom\nFrom: Wang\n\nHello"


def test_header_lines_must_start_the_text():
    msg = read_text("Dear Tom,\n\nSubject: samples\n\nThey left today.")
    assert msg.subject is None
    assert msg.text.startswith("Dear Tom,")


def test_read_text_string_with_crlf_and_trailing_space():
    msg = read_text(
        "Subject: Samples\r\nFrom: Wang Kun <wangkun@sunrise-lighting.cn>\r\n\r\nDear Tom,\r\n\r\nDone.  \r\n\r\n"
    )
    assert msg.path == "<string>"
    assert msg.subject == "Samples"
    assert msg.sender == "Wang Kun <wangkun@sunrise-lighting.cn>"
    assert msg.text == "Dear Tom,\n\nDone."
    assert (msg.source.kind, msg.source.newline, msg.source.body_line) == ("string", "\r\n", 4)


def test_leading_blank_lines_are_kept_so_lines_stay_mapped():
    msg = read_text("\n\nDear Tom,\nthanks.")
    assert msg.text == "\n\nDear Tom,\nthanks."
    assert msg.source.body_line == 1


def test_read_bytes_sniffs_plain_text():
    msg = read_bytes("主题：报价\n\n您好".encode("gbk"), "draft")
    assert msg.subject == "报价"
    assert msg.text == "您好"
    assert msg.source.kind == "text"
