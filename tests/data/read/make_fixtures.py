"""Writes the reader's fixture files next to this script.

Run it after changing a fixture: ``python tests/data/read/make_fixtures.py``.
tests/test_read_fixtures.py checks the committed files still match it.

The files are written byte by byte rather than through the ``email``
package, because the point is the quirks real clients produce: charsets
labelled smaller than what was used, raw 8-bit headers, encoded words that
split a character, a lost boundary, truncated base64. All people, companies
and numbers are invented.
"""

from __future__ import annotations

import base64
import quopri
import struct
import sys
from email.quoprimime import header_encode
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def b64_lines(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76)) + b"\r\n"


def encoded_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


# -- texts the tests compare against ------------------------------------------------

GBK_BODY = """林先生您好：

感谢您昨天对我司LED面板灯的询价。
600x600mm 40W面板灯，FOB宁波单价为12.50美元/套，最小起订量500套，交期为收到定金后25天。
付款方式：30%定金，70%见提单复印件付款。

我们的产品已通过CE和RoHS认证，可提供检测报告。
如需样品，我们可以在3个工作日内寄出。

祝好！
王堃
宁波晨光照明有限公司
"""

BIG5_BODY = """陳生您好：

多謝您的詢價。我們的LED燈帶通過CE認證，交貨期約三十天。
香港倉庫有現貨，明天就可以送貨，唔使等㗎。

付款方式：電匯，30%訂金，餘款見提單副本付清。

順祝商祺
林美華
"""

UTF16_BODY = """Dear Tom,

Thank you for your order of 500 sets of 600x600 LED panels.
We confirm FOB Ningbo USD 12.50/set; the proforma invoice is attached.

Best regards,
Wang Kun (王堃)
Ningbo Sunrise Lighting Co., Ltd.
"""

LATIN1_BODY = """Sehr geehrter Herr Müller,

vielen Dank für Ihre Anfrage vom 3. März.
Für 1.000 Stück LED-Panels 62x62 cm bieten wir 13,20 EUR pro Stück FOB Ningbo an.
Die Lieferzeit beträgt ca. 25 Tage nach Eingang der Anzahlung.

Mit freundlichen Grüßen
Wang Kun
"""

SPANISH_BODY = """Estimado Sr. Martínez:

Gracias por su consulta. Podemos fabricar los paneles LED con el logotipo de su compañía.
El pedido mínimo es de 500 unidades y el plazo de entrega es de 25 días.

Atentamente,
Wang Kun
"""

PLAIN_BODY = """Dear Tom,

Thank you for your inquiry about our 600x600 LED panel lights.

Price: USD 12.50/set FOB Ningbo, MOQ 500 sets, lead time 25 days after deposit.
The quotation is valid until 30 April.

Best regards,
Wang Kun
Sales Manager
Ningbo Sunrise Lighting Co., Ltd.
"""


def build_eml(out: Path) -> None:
    eml = out / "eml"
    eml.mkdir(parents=True, exist_ok=True)

    # GBK text labelled gb2312 (王堃's 堃 is not in GB2312); an encoded-word
    # subject whose second word starts in the middle of a character.
    subject = "回复：询价 LED面板灯 600x600".encode("gbk")
    cut = 7  # splits 询 between the two words
    words = " ".join(f"=?gb2312?B?{base64.b64encode(piece).decode()}?=" for piece in (subject[:cut], subject[cut:]))
    (eml / "gbk_mislabeled.eml").write_bytes(
        crlf(
            f"From: {encoded_word('王堃', 'gbk')} <wangkun@sunrise-lighting.cn>\n"
            'To: =?GBK?B?wdbPyMn6?= <lin@klsupply.com.my>, "Tan, Mei Ling" <meiling.tan@klsupply.com.my>\n'
            "Cc: sales@sunrise-lighting.cn\n"
            f"Subject: {words}\n"
            "Date: Tue, 10 Mar 2026 09:12:45 +0800\n"
            "MIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="gb2312"\n'
            "Content-Transfer-Encoding: base64\n"
            "\n"
        ).encode()
        + b64_lines(crlf(GBK_BODY).encode("gbk"))
    )

    # Big5 labelled big5 with an HKSCS character (㗎), quoted-printable.
    (eml / "big5_hk.eml").write_bytes(
        crlf(
            "From: Lin Mei-hua <meihua@formosa-led.com.tw>\n"
            "To: Chan Tai-man <tm.chan@harbourlights.com.hk>\n"
            f"Subject: {header_encode('RE: LED燈帶報價'.encode('big5'), 'big5')}\n"
            "Date: Wed, 11 Mar 2026 15:02:00 +0800\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=big5\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "\n"
        ).encode()
        + quopri.encodestring(crlf(BIG5_BODY).encode("big5hkscs"))
    )

    (eml / "utf16.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: Tom Baker <tom@brightbuild.co.uk>\n"
            "Subject: Order confirmation PO-2026-031\n"
            "Date: Thu, 12 Mar 2026 10:00:00 +0800\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-16\n"
            "Content-Transfer-Encoding: base64\n"
            "\n"
        ).encode()
        + b64_lines(crlf(UTF16_BODY).encode("utf-16"))
    )

    (eml / "latin1_de.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: =?ISO-8859-1?Q?Hans_M=FCller?= <h.mueller@licht-handel.de>\n"
            "Subject: =?ISO-8859-1?Q?Angebot_f=FCr_LED-Panels_62x62?=\n"
            "Date: Fri, 13 Mar 2026 08:30:00 +0800\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=ISO-8859-1\n"
            "Content-Transfer-Encoding: quoted-printable\n"
            "\n"
        ).encode()
        + quopri.encodestring(crlf(LATIN1_BODY).encode("latin-1"))
    )

    # UTF-8 bytes behind an iso-8859-1 label.
    (eml / "utf8_labelled_latin1.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: =?utf-8?Q?Carlos_Mart=C3=ADnez?= <carlos@iluminacion-mtz.es>\n"
            "Subject: Re: Paneles LED con logotipo\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=iso-8859-1\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
        ).encode()
        + crlf(SPANISH_BODY).encode("utf-8")
    )

    # No charset at all, raw GBK in Subject and From, LF line ends, a broken
    # Date: a file saved from an old Chinese client.
    (eml / "no_charset_gbk.eml").write_bytes(
        (
            "From: 王堃 <wangkun@sunrise-lighting.cn>\n"
            "To: lin@klsupply.com.my\n"
            "Subject: 回复：样品寄送\n"
            "Date: 星期六, 14 三月 2026\n"
            "Content-Type: text/plain\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
        ).encode("gbk")
        + GBK_BODY.encode("gbk")
    )

    (eml / "plain_7bit.eml").write_bytes(
        crlf(
            "Return-Path: <wangkun@sunrise-lighting.cn>\n"
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: Tom Baker <tom@brightbuild.co.uk>\n"
            "Subject: Re: Quotation for LED panel lights\n"
            "Date: Mon, 09 Mar 2026 16:20:11 +0800\n"
            "Message-ID: <20260309162011.4821@sunrise-lighting.cn>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=us-ascii\n"
            "Content-Transfer-Encoding: 7bit\n"
            "\n"
            + PLAIN_BODY
            + "\n\n"
        ).encode()
    )

    # Thunderbird's format=flowed: soft breaks end in a space, quotes are ">".
    (eml / "flowed.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: Tom Baker <tom@brightbuild.co.uk>\n"
            "Subject: Re: Samples\n"
            "Date: Mon, 16 Mar 2026 11:00:00 +0800\n"
            "User-Agent: Mozilla Thunderbird\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
            "Dear Tom,\n"
            "\n"
            "The two samples left our warehouse this morning by DHL, tracking number \n"
            "1234567890. They should reach Leeds by Thursday.\n"
            "\n"
            "On 2026-03-15 18:02, Tom Baker wrote:\n"
            "> Could you send two samples of the 600x600 panel, one 4000K and one \n"
            "> 6500K?\n"
            "\n"
            "-- \n"
            "Wang Kun\n"
        ).encode()
    )

    (eml / "html_outlook.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: Tom Baker <tom@brightbuild.co.uk>\n"
            "Subject: RE: LED panel lights - price list\n"
            "Date: Tue, 17 Mar 2026 09:45:00 +0800\n"
            "X-Mailer: Microsoft Outlook 16.0\n"
            "MIME-Version: 1.0\n"
            'Content-Type: text/html; charset="utf-8"\n'
            "Content-Transfer-Encoding: quoted-printable\n"
            "\n"
        ).encode()
        + quopri.encodestring(crlf(OUTLOOK_HTML).encode("utf-8"))
    )

    (eml / "html_gmail_quote.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: Tom Baker <tom@brightbuild.co.uk>\n"
            "Subject: Re: Certificates\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/html; charset=UTF-8\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
            + GMAIL_HTML
        ).encode()
    )

    build_multipart(eml)
    build_broken(eml)


OUTLOOK_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<title>price list</title>
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style>
<script>var tracking = "never shown";</script>
</head>
<body lang=EN-US>
<div class=WordSection1>
<p class=MsoNormal>Dear Tom,<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Please see our prices below (valid until 30 April):<o:p></o:p></p>
<ul>
<li>600x600 40W &ndash; USD 12.50/set</li>
<li>300x1200 40W &ndash; USD 13.80/set</li>
</ul>
<table><tr><td>MOQ</td><td>500 sets</td></tr><tr><td>Lead time</td><td>25 days</td></tr></table>
<p class=MsoNormal>Terms: FOB Ningbo &amp; 30% T/T deposit. &#8220;Best price&#8221; guaranteed.<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Best regards,<br>Wang Kun<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>
<p class=MsoNormal><b>From:</b> Tom Baker &lt;tom@brightbuild.co.uk&gt;<br>
<b>Sent:</b> Monday, March 16, 2026 6:10 PM<br>
<b>To:</b> Wang Kun &lt;wangkun@sunrise-lighting.cn&gt;<br>
<b>Subject:</b> LED panel lights - price list<o:p></o:p></p>
</div>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Hi Wang,<o:p></o:p></p>
<p class=MsoNormal>Could you send me your current price list?<o:p></o:p></p>
</div>
</body>
</html>
"""

GMAIL_HTML = (  # Gmail writes its HTML as one line
    '<div dir="ltr"><div>Hi Tom,</div><div><br></div><div>Our CE and RoHS certificates are attached.<br>'
    "The UKCA mark can be added from the next batch.</div><div><br></div><div>Best regards,</div>"
    '<div>Wang Kun</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
    'On Wed, Mar 18, 2026 at 9:02 AM Tom Baker &lt;<a href="mailto:tom@brightbuild.co.uk">'
    "tom@brightbuild.co.uk</a>&gt; wrote:<br></div>"
    '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
    'padding-left:1ex"><div dir="ltr">Hi Wang,<div><br></div><div>Do your panels carry UKCA?</div><div><br></div>'
    '<blockquote type="cite">Earlier: please quote 500 sets.</blockquote></div></blockquote></div>\n'
)

PDF_BYTES = b"%PDF-1.4\n" + b"% product catalogue\n" * 60 + b"%%EOF\n"
XLSX_BYTES = b"PK\x03\x04" + bytes(range(256)) * 3
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 120
ALT_PLAIN = """Dear Tom,

Please find attached our 2026 catalogue and the price list.

Best regards,
Wang Kun
"""
ALT_HTML = "<p>Dear Tom,</p><p>HTML version: <b>see attachments</b>.</p><img src=\"cid:logo@sunrise\">"
FORWARDED = crlf(
    "From: Tom Baker <tom@brightbuild.co.uk>\n"
    "Subject: Inquiry: LED panels for school project\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "Hi, please quote 500 sets of 600x600 panels.\n"
).encode()


def build_multipart(eml: Path) -> None:
    catalogue = "晨光照明产品目录2026.pdf".encode("gbk")
    pdf_name = quote(catalogue, safe="")
    half = pdf_name.index("%", len(pdf_name) // 2)  # continuations split between escapes
    xlsx_name = encoded_word("价格表.xlsx", "gbk")
    parts = [
        b"--MIXED\r\nContent-Type: multipart/related; boundary=\"RELATED\"\r\n\r\n",
        b"--RELATED\r\nContent-Type: multipart/alternative; boundary=\"ALT\"\r\n\r\n",
        b"--ALT\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        crlf(ALT_PLAIN).encode(),
        b"--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
        ALT_HTML.encode() + b"\r\n",
        b"--ALT--\r\n",
        b"--RELATED\r\nContent-Type: image/png; name=\"image001.png\"\r\nContent-ID: <logo@sunrise>\r\n"
        b"Content-Disposition: inline; filename=\"image001.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        b64_lines(PNG_BYTES),
        b"--RELATED--\r\n",
        # RFC 2231 with continuations, GBK percent-encoded.
        b"--MIXED\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;\r\n"
        b" filename*0*=gbk''" + pdf_name[:half].encode() + b";\r\n filename*1*=" + pdf_name[half:].encode() + b"\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n",
        b64_lines(PDF_BYTES),
        # An encoded word inside the quotes: wrong by the RFCs, usual in practice.
        b"--MIXED\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;\r\n"
        b" name=\"" + xlsx_name.encode() + b"\"\r\nContent-Disposition: attachment; filename=\"" + xlsx_name.encode()
        + b"\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        b64_lines(XLSX_BYTES),
        b"--MIXED\r\nContent-Type: message/rfc822\r\n\r\n",
        FORWARDED,
        b"--MIXED--\r\n",
    ]
    header = crlf(
        "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
        "To: Tom Baker <tom@brightbuild.co.uk>\n"
        "Subject: Catalogue and price list\n"
        "Date: Thu, 19 Mar 2026 14:00:00 +0800\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"MIXED\"\n"
        "\n"
        "This is a multi-part message in MIME format.\n"
        "\n"
    ).encode()
    (eml / "alternative_attachments.eml").write_bytes(header + b"".join(parts))


def build_broken(eml: Path) -> None:
    # The Content-Type lost its boundary parameter (a hand-edited header).
    (eml / "no_boundary.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "To: Tom Baker <tom@brightbuild.co.uk>\n"
            "Subject: Re: Carton size\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed\n"
            "\n"
            "--_000_SUNRISE_\n"
            "Content-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
            "Dear Tom,\n"
            "\n"
            "Each carton holds 4 panels: 62 x 62 x 20 cm, 14 kg.\n"
            "\n"
            "Wang Kun\n"
            "--_000_SUNRISE_\n"
            "Content-Type: application/pdf; name=\"carton.pdf\"\n"
            "Content-Disposition: attachment; filename=\"carton.pdf\"\n"
            "Content-Transfer-Encoding: base64\n"
            "\n"
            + base64.b64encode(PDF_BYTES[:90]).decode()
            + "\n--_000_SUNRISE_--\n"
        ).encode()
    )

    # The file was cut off in the middle of the base64 body.
    body = crlf("Dear Tom,\n\n我们已安排发货，预计3月25日到港。\nBest regards,\nWang Kun\n").encode("utf-8")
    encoded = base64.b64encode(body)
    (eml / "truncated_base64.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "Subject: Shipment\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: base64\n"
            "\n"
        ).encode()
        + encoded[: len(encoded) - 7]
    )

    # Nothing but a cut-off picture inside a multipart whose end is missing.
    (eml / "no_text.eml").write_bytes(
        crlf(
            "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
            "Subject: photo\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"B1\"\n"
            "\n"
            "--B1\n"
            "Content-Type: image/jpeg; name=\"panel.jpg\"\n"
            "Content-Transfer-Encoding: base64\n"
            "\n"
            "/9j/4AAQSkZJRgABAQEASABIAAD\n"
        ).encode()
    )


# -- plain-text drafts -------------------------------------------------------------

TEXT_GBK = """主题：回复：样品寄送
收件人：林先生 <lin@klsupply.com.my>；陈小姐 <chen@klsupply.com.my>
日期：2026年3月14日 10:30

林先生您好：

样品已于今天通过顺丰寄出，单号SF1234567890。
预计3天内送达吉隆坡。

王堃
"""

TEXT_BIG5 = """陳生您好：

樣品已經寄出，預計兩日內送到香港，唔使擔心㗎。

林美華
"""

TEXT_HEADERS = """Subject: Re: Quotation for LED panel lights
To: Tom Baker <tom@brightbuild.co.uk>
CC: "Lee, Sarah" <sarah.lee@brightbuild.co.uk>, purchasing@brightbuild.co.uk
date: Mon, 09 Mar 2026 16:20:11 +0800

Dear Tom,

Thank you for your inquiry. Our price is USD 12.50/set FOB Ningbo.

Best regards,
Wang Kun
"""

TEXT_QUOTED_FROM = """From: Tom Baker <tom@brightbuild.co.uk>
Sent: Monday, March 16, 2026 6:10 PM
To: Wang Kun <wangkun@sunrise-lighting.cn>
Subject: LED panel lights - price list

Hi Wang,

Could you send me your current price list?
"""

TEXT_CP1252 = "Dear Mr. Müller,\n\nthe price is 13,20 € per piece – FOB Ningbo.\n\nBest regards,\nWang Kun\n"

TEXT_MARKDOWN = "# Reply to Tom\n\nDear Tom,\n\n**Price:** USD 12.50/set FOB Ningbo.\n\nWang Kun\n"


def build_text(out: Path) -> None:
    text = out / "text"
    text.mkdir(parents=True, exist_ok=True)
    (text / "gbk_headers.txt").write_bytes(crlf(TEXT_GBK).encode("gbk"))
    (text / "big5.txt").write_bytes(TEXT_BIG5.encode("big5hkscs"))
    (text / "utf16le_bom.txt").write_bytes(b"\xff\xfe" + crlf(UTF16_BODY).encode("utf-16-le"))
    (text / "utf16be_nobom.txt").write_bytes(UTF16_BODY.encode("utf-16-be"))
    (text / "utf8_bom.md").write_bytes(b"\xef\xbb\xbf" + TEXT_MARKDOWN.encode("utf-8"))
    (text / "cp1252.txt").write_bytes(TEXT_CP1252.encode("cp1252"))
    (text / "headers.txt").write_bytes(TEXT_HEADERS.encode("utf-8"))
    (text / "quoted_from.txt").write_bytes(TEXT_QUOTED_FROM.encode("utf-8"))


# -- mailboxes -------------------------------------------------------------------


def draft_message(subject: str, body: str, status: str = "0000", date: str = "Fri, 20 Mar 2026 10:00:00 +0800") -> str:
    return (
        f"X-Mozilla-Status: {status}\n"
        "X-Mozilla-Status2: 00000000\n"
        "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
        "To: Tom Baker <tom@brightbuild.co.uk>\n"
        f"Subject: {subject}\n"
        f"Date: {date}\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        f"{body}"
    )


def build_mailboxes(out: Path) -> None:
    mbox = out / "mbox"
    mbox.mkdir(parents=True, exist_ok=True)
    # Thunderbird's Drafts: no extension, CRLF, a draft saved twice (the old
    # copy flagged expunged until the folder is compacted), and a body line
    # that starts with "From " escaped as ">From ".
    drafts = [
        draft_message("Re: Samples", "Dear Tom,\n\nThe samples go out today by DHL.\n\nWang Kun\n"),
        draft_message("Re: Price", "Dear Tom,\n\nOld version of this draft.\n", status="0009"),
        draft_message(
            "Re: Price",
            "Dear Tom,\n\nOur price is USD 12.50/set.\n>From our factory to Ningbo port is 40 km.\n\nWang Kun\n",
        ),
    ]
    (mbox / "Drafts").write_bytes(
        crlf("".join(f"From - Fri Mar 20 10:0{i}:00 2026\n{message}\n" for i, message in enumerate(drafts))).encode()
    )
    (mbox / "Drafts.msf").write_bytes(b"// <!-- <mdb:mork:z v=\"1.4\"/> -->\n< <(a=c)> // (f=iso-8859-1)\n")
    archive = [
        draft_message("Offer: LED tubes", "Dear Hans,\n\nPlease see our offer for T8 LED tubes.\n\nWang Kun\n"),
        draft_message("Offer: LED bulbs", "Dear Hans,\n\nPlease see our offer for A60 bulbs.\n\nWang Kun\n"),
    ]
    (mbox / "offers.mbox").write_bytes(
        "".join(f"From wangkun@sunrise-lighting.cn Sat Mar 21 09:00:00 2026\n{m}\n" for m in archive).encode()
    )

    apple = out / "apple"
    apple.mkdir(parents=True, exist_ok=True)
    message = crlf(
        "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
        "To: Tom Baker <tom@brightbuild.co.uk>\n"
        "Subject: Re: Warranty\n"
        "Date: Sat, 21 Mar 2026 09:15:00 +0800\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "Dear Tom,\n"
        "\n"
        "All our panels carry a 5-year warranty.\n"
        "\n"
        "Wang Kun\n"
    ).encode()
    plist = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        b'"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
        b"\t<key>flags</key>\n\t<integer>8590195713</integer>\n</dict>\n</plist>\n"
    )
    (apple / "48213.emlx").write_bytes(f"{len(message):<10}\n".encode() + message + plist)
    partial = crlf(
        "From: Wang Kun <wangkun@sunrise-lighting.cn>\n"
        "Subject: Drawings\n"
        "Content-Type: multipart/mixed; boundary=\"Apple-Mail=_1\"\n"
        "\n"
        "--Apple-Mail=_1\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Dear Tom, the drawings are attached.\n"
        "--Apple-Mail=_1\n"
        "Content-Type: application/pdf; name=drawing.pdf\n"
        "Content-Disposition: attachment; filename=drawing.pdf\n"
        "X-Apple-Content-Length: 48211\n"
        "\n"
        "--Apple-Mail=_1--\n"
    ).encode()
    (apple / "48214.partial.emlx").write_bytes(f"{len(partial)}\n".encode() + partial + plist)


# -- Outlook .msg -------------------------------------------------------------------

PT_LONG, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x0040, 0x001F, 0x0102
MSG_BODY = crlf(
    "Dear Tom,\n\nThe revised quotation is attached.\nPrice: USD 12.30/set FOB Ningbo.\n\nBest regards,\nWang Kun\n"
)
MSG_HTML = (
    "<html><body><p class=MsoNormal>Dear Tom,</p><p class=MsoNormal>&nbsp;</p>"
    "<p class=MsoNormal>Please call me tomorrow.</p></body></html>"
)
MSG_ATTACHMENT = b"%PDF-1.4\n% revised quotation\n%%EOF\n" * 4


def _props_stream(props: list[tuple[int, int, object]], header: bytes) -> bytes:
    """The __properties_version1.0 stream: fixed-size values inline, the
    others as a size pointing at their own __substg1.0_ stream."""
    out = [header]
    for prop_id, prop_type, value in props:
        tag = (prop_id << 16) | prop_type
        if prop_type in (PT_UNICODE, PT_BINARY):
            size = len(value) + (2 if prop_type == PT_UNICODE else 0)
            out.append(struct.pack("<IIII", tag, 0x06, size, 0))
        elif prop_type == PT_SYSTIME:
            out.append(struct.pack("<IIQ", tag, 0x06, value))
        else:
            out.append(struct.pack("<IIQ", tag, 0x06, int(value)))
    return b"".join(out)


def _add_props(writer, storage: list[str], props, header: bytes) -> None:
    for prop_id, prop_type, value in props:
        if prop_type in (PT_UNICODE, PT_BINARY):
            name = f"__substg1.0_{prop_id:04X}{prop_type:04X}"
            writer.addEntry([*storage, name], value)
    writer.addEntry([*storage, "__properties_version1.0"], _props_stream(props, header))


def _unicode(text: str) -> bytes:
    return text.encode("utf-16-le")


def build_msg(path: Path, body: str | None, html: str | None, attach: bool, sent: bool) -> None:
    """An unsent draft carries the time it was last saved; a sent mail its submit time."""
    from extract_msg import OleWriter

    writer = OleWriter()
    # 2026-03-20 02:00:00 UTC as a FILETIME (100 ns ticks since 1601).
    filetime = (1773972000 + 11644473600) * 10_000_000
    props = [
        (0x001A, PT_UNICODE, _unicode("IPM.Note")),
        (0x0037, PT_UNICODE, _unicode("RE: Revised quotation 报价")),
        (0x0C1A, PT_UNICODE, _unicode("Wang Kun")),
        (0x5D01, PT_UNICODE, _unicode("wangkun@sunrise-lighting.cn")),
        (0x0039 if sent else 0x3008, PT_SYSTIME, filetime),  # submit or last-modification time
        (0x0E07, PT_LONG, 0x01 if sent else 0x09),  # MSGFLAG_READ, plus MSGFLAG_UNSENT for a draft
    ]
    if body is not None:
        props.append((0x1000, PT_UNICODE, _unicode(body)))
    if html is not None:
        props.append((0x1013, PT_BINARY, html.encode("utf-8")))
    recipients = [
        ("Tom Baker", "tom@brightbuild.co.uk", 1),
        ("Sarah Lee", "sarah.lee@brightbuild.co.uk", 2),
    ]
    attachments = 1 if attach else 0
    writer.addEntry(["__nameid_version1.0"], storage=True)
    for name in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        writer.addEntry(["__nameid_version1.0", name], b"")
    header = struct.pack("<8xIIII8x", len(recipients), attachments, len(recipients), attachments)
    _add_props(writer, [], props, header)
    for index, (name, address, kind) in enumerate(recipients):
        storage = f"__recip_version1.0_#{index:08X}"
        writer.addEntry([storage], storage=True)
        recipient = [
            (0x3001, PT_UNICODE, _unicode(name)),
            (0x39FE, PT_UNICODE, _unicode(address)),
            (0x3003, PT_UNICODE, _unicode(address)),
            (0x0C15, PT_LONG, kind),
        ]
        _add_props(writer, [storage], recipient, b"\x00" * 8)
    if attach:
        storage = "__attach_version1.0_#00000000"
        writer.addEntry([storage], storage=True)
        attachment = [
            (0x3701, PT_BINARY, MSG_ATTACHMENT),
            (0x3707, PT_UNICODE, _unicode("报价单 Quotation SR-2026-031.pdf")),
            (0x3704, PT_UNICODE, _unicode("SR2026~1.PDF")),
            (0x370E, PT_UNICODE, _unicode("application/pdf")),
            (0x3705, PT_LONG, 1),  # ATTACH_BY_VALUE
            (0x0E20, PT_LONG, len(MSG_ATTACHMENT)),
        ]
        _add_props(writer, [storage], attachment, b"\x00" * 8)
    buffer = BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())


def build_outlook(out: Path) -> None:
    outlook = out / "outlook"
    outlook.mkdir(parents=True, exist_ok=True)
    build_msg(outlook / "quotation.msg", body=MSG_BODY, html=None, attach=True, sent=False)
    build_msg(outlook / "html_only.msg", body=None, html=MSG_HTML, attach=False, sent=True)


def build(out: Path) -> None:
    build_eml(out)
    build_text(out)
    build_mailboxes(out)
    build_outlook(out)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
