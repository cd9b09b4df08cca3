"""mbox, Apple Mail .emlx and Outlook .msg drafts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailcheck.model import Attachment
from mailcheck.read import DraftSource, ReadError, discover, parse, read_bytes, read_file

DATA = Path(__file__).parent / "data" / "read"


def test_thunderbird_drafts_mbox_skips_superseded_copies_and_unescapes_from():
    sources = list(discover([DATA / "mbox" / "Drafts"]))
    assert [s.path for s in sources] == [f"{DATA / 'mbox' / 'Drafts'}:1", f"{DATA / 'mbox' / 'Drafts'}:3"]
    latest = parse(sources[1])
    assert latest.subject == "Re: Price"
    assert latest.text == (
        "Dear Tom,\n\nOur price is USD 12.50/set.\nFrom our factory to Ningbo port is 40 km.\n\nWang Kun"
    )
    assert latest.date == datetime(2026, 3, 20, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    assert latest.source.kind == "mbox"
    assert latest.source.body_line is None  # lines of one message inside the mailbox file
    assert sources[1].file == DATA / "mbox" / "Drafts"
    assert sources[1].data.startswith(b"X-Mozilla-Status: 0000\r\n")


def test_mbox_message_bytes_exclude_the_separator_line():
    source = next(discover([DATA / "mbox" / "offers.mbox"]))
    assert source.data.endswith(b"Please see our offer for T8 LED tubes.\n\nWang Kun\n")


def test_read_bytes_of_a_one_message_mbox():
    data = b"From wk Sat Mar 21 09:00:00 2026\nSubject: Offer\n\nDear Hans,\n>>From the archive.\n\n"
    msg = read_bytes(data, "one.mbox")
    assert msg.path == "one.mbox:1"
    assert msg.text == "Dear Hans,\n>From the archive."


def test_apple_mail_emlx():
    msg = read_file(DATA / "apple" / "48213.emlx")
    assert msg.subject == "Re: Warranty"
    assert msg.text == "Dear Tom,\n\nAll our panels carry a 5-year warranty.\n\nWang Kun"
    assert "plist" not in msg.text
    assert msg.source.kind == "emlx"
    lines = (DATA / "apple" / "48213.emlx").read_bytes().replace(b"\r\n", b"\n").split(b"\n")
    assert lines[msg.source.body_line - 1] == b"Dear Tom,"  # the byte-count line is counted
    assert lines[msg.source.subject_line - 1] == b"Subject: Re: Warranty"


def test_apple_mail_partial_emlx_lists_the_attachment_stored_elsewhere():
    msg = read_file(DATA / "apple" / "48214.partial.emlx")
    assert msg.text == "Dear Tom, the drawings are attached."
    assert msg.attachments == [Attachment("drawing.pdf", "application/pdf", 0)]


def test_emlx_without_a_byte_count_is_a_read_error():
    with pytest.raises(ReadError, match="no message length on the first line"):
        read_bytes(b"Subject: x\n\nhello\n", "broken.emlx", kind="emlx")


def test_outlook_msg_draft():
    msg = read_file(DATA / "outlook" / "quotation.msg")
    assert msg.subject == "RE: Revised quotation 报价"
    assert msg.sender == "Wang Kun <wangkun@sunrise-lighting.cn>"
    assert msg.to == ["Tom Baker <tom@brightbuild.co.uk>"]
    assert msg.cc == ["Sarah Lee <sarah.lee@brightbuild.co.uk>"]
    assert msg.text == (
        "Dear Tom,\n\nThe revised quotation is attached.\nPrice: USD 12.30/set FOB Ningbo.\n\nBest regards,\nWang Kun"
    )
    assert not msg.from_html
    assert msg.attachments == [Attachment("报价单 Quotation SR-2026-031.pdf", "application/pdf", 140)]
    # An unsent draft has no send date: the time it was last saved stands in.
    assert msg.date == datetime(2026, 3, 20, 2, 0, tzinfo=timezone.utc)
    assert (msg.source.kind, msg.source.encoding, msg.source.newline) == ("msg", "utf-16-le", "\r\n")


def test_outlook_msg_with_html_body_only():
    msg = read_file(DATA / "outlook" / "html_only.msg")
    assert msg.from_html
    assert msg.text == "Dear Tom,\n\nPlease call me tomorrow."
    assert msg.attachments == []
    assert msg.date == datetime(2026, 3, 20, 2, 0, tzinfo=timezone.utc)


def test_damaged_msg_is_a_read_error():
    data = (DATA / "outlook" / "quotation.msg").read_bytes()
    with pytest.raises(ReadError, match=r"not a readable Outlook \.msg file"):
        parse(DraftSource("cut.msg", Path("cut.msg"), "msg", data[:1024]))
