"""Reading .eml drafts: charsets, encoded words, HTML, attachments, broken MIME."""

from __future__ import annotations

import importlib.util
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailcheck.model import Attachment
from mailcheck.read import ReadError, read_bytes, read_file

DATA = Path(__file__).parent / "data" / "read"
EML = DATA / "eml"
_spec = importlib.util.spec_from_file_location("read_fixtures", DATA / "make_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

CST = timezone(timedelta(hours=8))


def test_gbk_body_labelled_gb2312_keeps_characters_outside_gb2312():
    msg = read_file(EML / "gbk_mislabeled.eml")
    assert msg.text == fixtures.GBK_BODY.rstrip()
    assert msg.text.startswith("林先生您好：\n\n感谢您昨天对我司LED面板灯的询价。\n")
    assert msg.text.endswith("祝好！\n王堃\n宁波晨光照明有限公司")  # 堃 is GBK only
    assert msg.source.encoding == "gb18030"
    assert msg.source.newline == "\r\n"


def test_encoded_word_subject_split_inside_a_character_and_addresses():
    msg = read_file(EML / "gbk_mislabeled.eml")
    assert msg.subject == "回复：询价 LED面板灯 600x600"
    assert msg.sender == "王堃 <wangkun@sunrise-lighting.cn>"
    assert msg.to == ["林先生 <lin@klsupply.com.my>", '"Tan, Mei Ling" <meiling.tan@klsupply.com.my>']
    assert msg.cc == ["sales@sunrise-lighting.cn"]
    assert msg.date == datetime(2026, 3, 10, 9, 12, 45, tzinfo=CST)


def test_big5_labelled_body_with_hkscs_character():
    msg = read_file(EML / "big5_hk.eml")
    assert msg.text == fixtures.BIG5_BODY.rstrip()
    assert "唔使等㗎。" in msg.text  # 㗎 is in HKSCS, not in plain Big5
    assert msg.subject == "RE: LED燈帶報價"
    assert msg.source.encoding == "big5hkscs"


def test_utf16_body_with_bom():
    msg = read_file(EML / "utf16.eml")
    assert msg.text == fixtures.UTF16_BODY.rstrip()
    assert msg.text.endswith("Wang Kun (王堃)\nNingbo Sunrise Lighting Co., Ltd.")


def test_iso_8859_1_quoted_printable_and_q_encoded_headers():
    msg = read_file(EML / "latin1_de.eml")
    assert msg.text.splitlines()[0] == "Sehr geehrter Herr Müller,"
    assert msg.text == fixtures.LATIN1_BODY.rstrip()
    assert msg.subject == "Angebot für LED-Panels 62x62"
    assert msg.to == ["Hans Müller <h.mueller@licht-handel.de>"]
    assert msg.source.encoding == "iso8859-1"


def test_utf8_body_behind_a_latin1_label_is_read_as_utf8():
    msg = read_file(EML / "utf8_labelled_latin1.eml")
    assert msg.text.startswith("Estimado Sr. Martínez:\n\nGracias por su consulta.")
    assert "compañía" in msg.text
    assert msg.source.encoding == "utf-8"
    assert msg.to == ["Carlos Martínez <carlos@iluminacion-mtz.es>"]


def test_no_charset_raw_8bit_headers_and_unreadable_date():
    msg = read_file(EML / "no_charset_gbk.eml")
    assert msg.text == fixtures.GBK_BODY.rstrip()
    assert msg.subject == "回复：样品寄送"
    assert msg.sender == "王堃 <wangkun@sunrise-lighting.cn>"
    assert msg.date is None  # "星期六, 14 三月 2026" is no date format a client agrees on
    assert msg.source.newline == "\n"


def test_single_part_7bit_mail_maps_body_and_subject_to_file_lines():
    path = EML / "plain_7bit.eml"
    msg = read_file(path)
    assert msg.text == fixtures.PLAIN_BODY.rstrip()
    file_lines = path.read_bytes().decode("ascii").split("\r\n")
    assert msg.source.body_line == 11
    assert file_lines[msg.source.body_line - 1] == "Dear Tom,"
    assert file_lines[msg.source.subject_line - 1] == "Subject: Re: Quotation for LED panel lights"
    assert msg.source.encoding == "ascii"
    assert msg.source.newline == "\r\n"


def test_base64_or_multipart_bodies_have_no_line_mapping():
    assert read_file(EML / "gbk_mislabeled.eml").source.body_line is None
    assert read_file(EML / "alternative_attachments.eml").source.body_line is None


def test_format_flowed_paragraphs_are_joined_and_quotes_kept():
    msg = read_file(EML / "flowed.eml")
    assert msg.text == (
        "Dear Tom,\n\n"
        "The two samples left our warehouse this morning by DHL, tracking number 1234567890. "
        "They should reach Leeds by Thursday.\n\n"
        "On 2026-03-15 18:02, Tom Baker wrote:\n"
        "> Could you send two samples of the 600x600 panel, one 4000K and one 6500K?\n\n"
        "-- \n"
        "Wang Kun"
    )
    assert msg.source.body_line is None  # the joined lines are no longer the file's


def test_outlook_html_only_mail_becomes_readable_lines():
    msg = read_file(EML / "html_outlook.eml")
    assert msg.from_html
    assert msg.text == (
        "Dear Tom,\n"
        "\n"
        "Please see our prices below (valid until 30 April):\n"
        "- 600x600 40W – USD 12.50/set\n"
        "- 300x1200 40W – USD 13.80/set\n"
        "MOQ\t500 sets\n"
        "Lead time\t25 days\n"
        "Terms: FOB Ningbo & 30% T/T deposit. “Best price” guaranteed.\n"
        "\n"
        "Best regards,\n"
        "Wang Kun\n"
        "\n"
        "From: Tom Baker <tom@brightbuild.co.uk>\n"
        "Sent: Monday, March 16, 2026 6:10 PM\n"
        "To: Wang Kun <wangkun@sunrise-lighting.cn>\n"
        "Subject: LED panel lights - price list\n"
        "\n"
        "Hi Wang,\n"
        "Could you send me your current price list?"
    )
    assert "tracking" not in msg.text and "font-size" not in msg.text


def test_gmail_html_blockquotes_become_quote_markers():
    msg = read_file(EML / "html_gmail_quote.eml")
    assert msg.from_html
    assert msg.text.endswith(
        "Wang Kun\n\n"
        "On Wed, Mar 18, 2026 at 9:02 AM Tom Baker <tom@brightbuild.co.uk> wrote:\n"
        "> Hi Wang,\n"
        ">\n"
        "> Do your panels carry UKCA?\n"
        ">\n"
        "> > Earlier: please quote 500 sets."
    )


def test_alternative_prefers_plain_and_lists_real_attachments():
    msg = read_file(EML / "alternative_attachments.eml")
    assert not msg.from_html
    assert msg.text == fixtures.ALT_PLAIN.rstrip()
    assert msg.attachments == [
        Attachment("晨光照明产品目录2026.pdf", "application/pdf", len(fixtures.PDF_BYTES)),
        Attachment(
            "价格表.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            len(fixtures.XLSX_BYTES),
        ),
        # The CRLF before the closing boundary belongs to the boundary, not the mail.
        Attachment("Inquiry: LED panels for school project.eml", "message/rfc822", len(fixtures.FORWARDED) - 2),
    ]
    # The signature logo (inline, referenced by cid) is not an attachment.
    assert all(a.filename != "image001.png" for a in msg.attachments)


def test_blank_plain_part_loses_to_html_alternative():
    data = (
        b"Subject: Offer\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\n \r\n"
        b"--b\r\nContent-Type: text/html\r\n\r\n<div>Dear Hans,</div><div>our offer is attached.</div>\r\n--b--\r\n"
    )
    msg = read_bytes(data, "offer.eml", kind="eml")
    assert msg.text == "Dear Hans,\nour offer is attached."
    assert msg.from_html


def test_raw_gbk_filename_and_inline_text_file_attachment():
    name = "装箱单.txt".encode("gbk")
    data = (
        b"Subject: Packing list\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain; charset=gbk\r\n\r\n" + "请查收装箱单。".encode("gbk") + b"\r\n"
        b"--b\r\nContent-Type: text/plain; charset=gbk\r\nContent-Disposition: inline; filename=\""
        + name + b"\"\r\n\r\n" + "箱号 1-20".encode("gbk") + b"\r\n--b--\r\n"
    )
    msg = read_bytes(data, "packing.eml", kind="eml")
    assert msg.text == "请查收装箱单。"
    assert msg.attachments == [Attachment("装箱单.txt", "text/plain", len("箱号 1-20".encode("gbk")))]


def test_missing_boundary_is_recovered():
    msg = read_file(EML / "no_boundary.eml")
    assert msg.text == "Dear Tom,\n\nEach carton holds 4 panels: 62 x 62 x 20 cm, 14 kg.\n\nWang Kun"
    assert msg.attachments == [Attachment("carton.pdf", "application/pdf", 90)]


def test_truncated_base64_keeps_the_text_before_the_cut():
    msg = read_file(EML / "truncated_base64.eml")
    assert msg.text.startswith("Dear Tom,\n\n我们已安排发货，预计3月25日到港。\nBest regards,\nWang")
    assert "\ufffd" not in msg.text


def test_broken_mime_without_any_text_is_a_read_error():
    with pytest.raises(ReadError) as err:
        read_file(EML / "no_text.eml")
    assert err.value.path == str(EML / "no_text.eml")
    assert str(err.value).endswith("no_text.eml: broken MIME structure: no text could be recovered")


def test_well_formed_mail_with_only_an_attachment_has_empty_text():
    data = (
        b"Subject: PI\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: application/pdf; name=PI.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"JVBERi0xLjQK\r\n--b--\r\n"
    )
    msg = read_bytes(data, "pi.eml", kind="eml")
    assert msg.text == ""
    assert msg.attachments == [Attachment("PI.pdf", "application/pdf", 9)]


def test_headerless_eml_is_read_as_its_text():
    msg = read_bytes(b"Hi Tom,\n\nThe price is USD 12.50.\n", "typed.eml", kind="eml")
    assert msg.text == "Hi Tom,\n\nThe price is USD 12.50."
    assert msg.subject is None
