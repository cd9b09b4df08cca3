"""The splitter on realistic export-trade mails: zones, quote headers in many clients and languages."""

from __future__ import annotations

from textwrap import dedent

import pytest

from mailcheck.split import parse_quote_header, split


def zones(text: str) -> list[tuple[str, str]]:
    result = split(text)
    return [(z.kind, text[z.start : z.end]) for z in result.zones]


def mail(text: str) -> str:
    return dedent(text).lstrip("\n")


TOP_POSTED_OUTLOOK = mail(
    """
    Dear Mr. Smith,

    Thank you for your inquiry about our LED panel lights.

    The price for model LP-600 is USD 12.50/pc FOB Shenzhen, MOQ 500 pcs.
    Delivery time is 25 days after receipt of the deposit.

    Best regards,
    Douglas Chen
    Sales Manager
    Shenzhen Bright Lighting Co., Ltd.
    Tel: +86 755 8888 6666
    Email: douglas@brightlight.cn

    -----Original Message-----
    From: John Smith [mailto:john.smith@acme-retail.com]
    Sent: Monday, May 6, 2024 9:12 AM
    To: douglas@brightlight.cn
    Subject: Inquiry for LED panels

    Hi Douglas,

    Please quote 1000 pcs of LP-600 with CE certificate.

    Regards,
    John
    """
)


def test_top_posted_reply_with_outlook_quote():
    assert zones(TOP_POSTED_OUTLOOK) == [
        ("greeting", "Dear Mr. Smith,"),
        (
            "body",
            "Thank you for your inquiry about our LED panel lights.\n\n"
            "The price for model LP-600 is USD 12.50/pc FOB Shenzhen, MOQ 500 pcs.\n"
            "Delivery time is 25 days after receipt of the deposit.",
        ),
        ("closing", "Best regards,\nDouglas Chen"),
        (
            "signature",
            "Sales Manager\nShenzhen Bright Lighting Co., Ltd.\nTel: +86 755 8888 6666\n"
            "Email: douglas@brightlight.cn",
        ),
        ("quote", TOP_POSTED_OUTLOOK[TOP_POSTED_OUTLOOK.index("-----Original") :].rstrip("\n")),
    ]


def test_quoted_inquiry_fields_and_text():
    result = split(TOP_POSTED_OUTLOOK)
    [inquiry] = result.quoted
    assert inquiry.sender == "John Smith <john.smith@acme-retail.com>"
    assert inquiry.date == "Monday, May 6, 2024 9:12 AM"
    assert inquiry.subject == "Inquiry for LED panels"
    assert inquiry.text == "Hi Douglas,\n\nPlease quote 1000 pcs of LP-600 with CE certificate.\n\nRegards,\nJohn"
    assert TOP_POSTED_OUTLOOK[inquiry.start : inquiry.end].startswith("-----Original Message-----")
    assert result.reply_text.endswith("Email: douglas@brightlight.cn")


def test_gmail_attribution_wrapped_over_two_lines_with_nested_quotes():
    text = mail(
        """
        Hi Anna,

        Yes, we can add your logo on the carton. The sample will be ready on Friday.

        Thanks & regards,
        Lily

        On Thu, May 2, 2024 at 3:15 PM, Anna Kowalski <anna.kowalski@homegoods.pl>
        wrote:

        > Hello Lily,
        >
        > Can you print our logo on the master carton?
        >
        > On Wed, May 1, 2024 at 10:02 AM Lily Wang <lily@ningbo-kitchen.com> wrote:
        >
        >> Dear Anna,
        >> Attached is our new catalogue.
        """
    )
    assert zones(text)[:3] == [
        ("greeting", "Hi Anna,"),
        ("body", "Yes, we can add your logo on the carton. The sample will be ready on Friday."),
        ("closing", "Thanks & regards,\nLily"),
    ]
    assert [z.kind for z in split(text).zones][3:] == ["quote", "quote"]
    newest, older = split(text).quoted
    assert (newest.sender, newest.date) == ("Anna Kowalski <anna.kowalski@homegoods.pl>", "Thu, May 2, 2024 at 3:15 PM")
    assert newest.text == "Hello Lily,\n\nCan you print our logo on the master carton?"
    assert (older.sender, older.date) == ("Lily Wang <lily@ningbo-kitchen.com>", "Wed, May 1, 2024 at 10:02 AM")
    assert older.text == "Dear Anna,\nAttached is our new catalogue."


def test_apple_mail_attribution():
    text = mail(
        """
        Hello Mike,

        The container was loaded today, B/L will follow tomorrow.

        Kind regards,
        Kevin

        > On Feb 21, 2024, at 5:18 PM, Mike Brown <mike@brownimports.com.au> wrote:
        >
        > Kevin, when will the goods be shipped?
        """
    )
    result = split(text)
    assert result.reply_text == (
        "Hello Mike,\n\nThe container was loaded today, B/L will follow tomorrow.\n\nKind regards,\nKevin"
    )
    [quoted] = result.quoted
    assert quoted.sender == "Mike Brown <mike@brownimports.com.au>"
    assert quoted.date == "Feb 21, 2024, at 5:18 PM"
    assert quoted.text == "Kevin, when will the goods be shipped?"


def test_outlook_rule_line_then_from_date_fields():
    text = mail(
        """
        Hi Sarah,

        Please find the proforma invoice attached.

        Best Regards Douglas

        ________________________________
        From: Sarah Jones <sarah@jonesdirect.co.uk>
        Date: Tuesday, 7 May 2024 at 08:30
        To: Douglas Chen <douglas@brightlight.cn>
        Subject: RE: PI for order 2405

        Douglas, please send the PI today.
        """
    )
    assert zones(text)[:3] == [
        ("greeting", "Hi Sarah,"),
        ("body", "Please find the proforma invoice attached."),
        ("closing", "Best Regards Douglas"),
    ]
    [quoted] = split(text).quoted
    assert quoted.sender == "Sarah Jones <sarah@jonesdirect.co.uk>"
    assert quoted.date == "Tuesday, 7 May 2024 at 08:30"
    assert quoted.subject == "RE: PI for order 2405"
    assert quoted.text == "Douglas, please send the PI today."


def test_lotus_notes_forward_and_header_blocks():
    text = mail(
        """
        Please check the revised shipping schedule below.

        Thanks,
        Peter
        ---------------------- Forwarded by Peter Zhang/SZ/Bright on 12/01/2000
        08:15 AM ---------------------------


        Maria Lopez/Purchasing/Importaciones
        12/01/2000 08:00 AM
        To: Peter Zhang/SZ/Bright@Bright
        cc:
        Subject: Shipping schedule

        Peter, we need the goods before Christmas.
        """
    )
    result = split(text)
    assert result.reply_text == "Please check the revised shipping schedule below.\n\nThanks,\nPeter"
    [quoted] = result.quoted
    assert quoted.sender == "Maria Lopez/Purchasing/Importaciones"
    assert quoted.date == "12/01/2000 08:00 AM"
    assert quoted.subject == "Shipping schedule"
    assert quoted.text == "Peter, we need the goods before Christmas."


def test_forwarded_message_marker():
    text = mail(
        """
        Hi Tom,

        FYI, the buyer's request below.

        Cheers
        Amy

        ---------- Forwarded message ---------
        From: Olivia Martin <olivia@martin-deco.fr>
        Date: Fri, May 3, 2024 at 10:20 AM
        Subject: Request for samples
        To: Amy Liu <amy@hz-textile.com>

        Could you send 3 samples of the linen cushion covers?
        """
    )
    result = split(text)
    assert [kind for kind, _ in zones(text)] == ["greeting", "body", "closing", "quote"]
    assert zones(text)[2] == ("closing", "Cheers\nAmy")
    [quoted] = result.quoted
    assert (quoted.sender, quoted.subject) == ("Olivia Martin <olivia@martin-deco.fr>", "Request for samples")


REPLY = "Hi,\n\nNoted, we will update the drawing.\n\nBest regards,\nLily\n\n"
QUOTED_BODY = "Please confirm the drawing."


@pytest.mark.parametrize(
    ("header", "sender", "date", "subject"),
    [
        pytest.param(
            "------------------ 原始邮件 ------------------\n"
            '发件人："Wang Lei"<wanglei@foshan-furniture.cn>;\n'
            "发送时间：2024年5月3日(星期五) 上午10:20\n"
            '收件人："Lily"<lily@x-trade.cn>;\n'
            "主题：回复：图纸确认",
            '"Wang Lei"<wanglei@foshan-furniture.cn>',
            "2024年5月3日(星期五) 上午10:20",
            "回复：图纸确认",
            id="foxmail-fullwidth-colons",
        ),
        pytest.param(
            "发件人: Wang Lei <wanglei@foshan-furniture.cn>\n发送时间: 2024-05-03 10:20\n"
            "收件人: lily@x-trade.cn\n主题: Re: drawing",
            "Wang Lei <wanglei@foshan-furniture.cn>",
            "2024-05-03 10:20",
            "Re: drawing",
            id="chinese-ascii-colons",
        ),
        pytest.param(
            "在 2024年5月3日 周五 10:20，Wang Lei <wanglei@foshan-furniture.cn> 写道：",
            "Wang Lei <wanglei@foshan-furniture.cn>",
            "2024年5月3日 周五 10:20",
            None,
            id="chinese-attribution",
        ),
        pytest.param(
            "Am 03.05.2024 um 10:20 schrieb Max Müller <max.mueller@haushalt-shop.de>:",
            "Max Müller <max.mueller@haushalt-shop.de>",
            "03.05.2024 um 10:20",
            None,
            id="german-attribution",
        ),
        pytest.param(
            "-----Ursprüngliche Nachricht-----\nVon: Max Müller <max.mueller@haushalt-shop.de>\n"
            "Gesendet: Freitag, 3. Mai 2024 10:20\nAn: lily@x-trade.cn\nBetreff: AW: Zeichnung",
            "Max Müller <max.mueller@haushalt-shop.de>",
            "Freitag, 3. Mai 2024 10:20",
            "AW: Zeichnung",
            id="german-fields",
        ),
        pytest.param(
            "Le ven. 3 mai 2024 à 10:20, Claire Petit <claire@petit-maison.fr> a écrit :",
            "Claire Petit <claire@petit-maison.fr>",
            "ven. 3 mai 2024 à 10:20",
            None,
            id="french-attribution",
        ),
        pytest.param(
            "-----Message d'origine-----\nDe : Claire Petit <claire@petit-maison.fr>\n"
            "Envoyé : vendredi 3 mai 2024 10:20\nÀ : lily@x-trade.cn\nObjet : RE: plan",
            "Claire Petit <claire@petit-maison.fr>",
            "vendredi 3 mai 2024 10:20",
            "RE: plan",
            id="french-fields",
        ),
        pytest.param(
            "El vie, 3 may 2024 a las 10:20, Ana García (<ana@hogar-ideal.es>) escribió:",
            "Ana García (<ana@hogar-ideal.es>)",
            "vie, 3 may 2024 a las 10:20",
            None,
            id="spanish-attribution",
        ),
        pytest.param(
            "-----Mensaje original-----\nDe: Ana García [mailto:ana@hogar-ideal.es]\n"
            "Enviado el: viernes, 3 de mayo de 2024 10:20\nPara: lily@x-trade.cn\nAsunto: RE: plano",
            "Ana García <ana@hogar-ideal.es>",
            "viernes, 3 de mayo de 2024 10:20",
            "RE: plano",
            id="spanish-fields",
        ),
        pytest.param(
            "Em sex., 3 de mai. de 2024 às 10:20, João Silva <joao@casaboa.com.br> escreveu:",
            "João Silva <joao@casaboa.com.br>",
            "sex., 3 de mai. de 2024 às 10:20",
            None,
            id="portuguese-attribution",
        ),
        pytest.param(
            "De: João Silva <joao@casaboa.com.br>\nEnviada em: sexta-feira, 3 de maio de 2024 10:20\n"
            "Para: lily@x-trade.cn\nAssunto: RE: desenho",
            "João Silva <joao@casaboa.com.br>",
            "sexta-feira, 3 de maio de 2024 10:20",
            "RE: desenho",
            id="portuguese-fields",
        ),
        pytest.param(
            "Il giorno ven 3 mag 2024 alle ore 10:20 Marco Rossi <marco@casa-rossi.it> ha scritto:",
            "Marco Rossi <marco@casa-rossi.it>",
            "ven 3 mag 2024 alle ore 10:20",
            None,
            id="italian-attribution",
        ),
        pytest.param(
            "Da: Marco Rossi <marco@casa-rossi.it>\nInviato: venerdì 3 maggio 2024 10:20\n"
            "A: lily@x-trade.cn\nOggetto: R: disegno",
            "Marco Rossi <marco@casa-rossi.it>",
            "venerdì 3 maggio 2024 10:20",
            "R: disegno",
            id="italian-fields",
        ),
        pytest.param(
            "Op vr 3 mei 2024 om 10:20 schreef Jan de Vries <jan@devries-wonen.nl>:",
            "Jan de Vries <jan@devries-wonen.nl>",
            "vr 3 mei 2024 om 10:20",
            None,
            id="dutch-attribution",
        ),
        pytest.param(
            "Van: Jan de Vries <jan@devries-wonen.nl>\nVerzonden: vrijdag 3 mei 2024 10:20\n"
            "Aan: lily@x-trade.cn\nOnderwerp: RE: tekening",
            "Jan de Vries <jan@devries-wonen.nl>",
            "vrijdag 3 mei 2024 10:20",
            "RE: tekening",
            id="dutch-fields",
        ),
        pytest.param(
            "-----原始郵件-----\n寄件者: 陳美玲 <meiling@harbour-gifts.com.hk>\n"
            "寄件日期: 2024年5月3日 星期五 上午 10:20\n收件者: lily@x-trade.cn\n主旨: 圖紙確認",
            "陳美玲 <meiling@harbour-gifts.com.hk>",
            "2024年5月3日 星期五 上午 10:20",
            "圖紙確認",
            id="traditional-chinese-outlook",
        ),
        pytest.param(
            "差出人: 山田太郎 <yamada@tokyo-zakka.jp>\n送信日時: 2024年5月3日 10:20\n"
            "宛先: lily@x-trade.cn\n件名: RE: 図面",
            "山田太郎 <yamada@tokyo-zakka.jp>",
            "2024年5月3日 10:20",
            "RE: 図面",
            id="japanese-fields",
        ),
        pytest.param(
            "2024/05/03 10:20、山田太郎 <yamada@tokyo-zakka.jp> のメッセージ:",
            "山田太郎 <yamada@tokyo-zakka.jp>",
            "2024/05/03 10:20",
            None,
            id="japanese-apple",
        ),
        pytest.param("山田太郎 さんは書きました:", "山田太郎", None, None, id="japanese-thunderbird"),
        pytest.param(
            "2024년 5월 3일 (금) 오전 10:20, 김민수 <minsu@seoul-living.kr>님이 작성:",
            "김민수 <minsu@seoul-living.kr>",
            "2024년 5월 3일 (금) 오전 10:20",
            None,
            id="korean-attribution",
        ),
        pytest.param(
            "보낸 사람: 김민수 <minsu@seoul-living.kr>\n보낸 날짜: 2024년 5월 3일 금요일 오전 10:20\n"
            "받는 사람: lily@x-trade.cn\n제목: RE: 도면",
            "김민수 <minsu@seoul-living.kr>",
            "2024년 5월 3일 금요일 오전 10:20",
            "RE: 도면",
            id="korean-fields",
        ),
        pytest.param(
            "Mensaje original\nDe: Ana García <ana@hogar-ideal.es>\nFecha: 3 may 2024 10:20\n"
            "Para: lily@x-trade.cn\nAsunto: plano",
            "Ana García <ana@hogar-ideal.es>",
            "3 may 2024 10:20",
            "plano",
            id="spanish-bare-separator",
        ),
        pytest.param(
            "-----Исходное сообщение-----\nОт: Иван Петров <ivan@dom-mebel.ru>\n"
            "Отправлено: 3 мая 2024 г. 10:20\nКому: lily@x-trade.cn\nТема: RE: чертеж",
            "Иван Петров <ivan@dom-mebel.ru>",
            "3 мая 2024 г. 10:20",
            "RE: чертеж",
            id="russian-fields",
        ),
    ],
)
def test_quote_headers_across_clients_and_languages(header, sender, date, subject):
    text = REPLY + header + "\n\n" + QUOTED_BODY + "\n"
    result = split(text)
    assert result.reply_text == REPLY.rstrip()
    [quoted] = result.quoted
    assert (quoted.sender, quoted.date, quoted.subject) == (sender, date, subject)
    assert quoted.text == QUOTED_BODY
    assert parse_quote_header(header) == (sender, date, subject)


@pytest.mark.parametrize(
    ("header", "sender", "date", "subject"),
    [
        pytest.param(
            "From: Jane Doe on 12/21/2000 07:14 PM\nSent by: Jane Doe\nTo: Peter Zhang/SZ/Bright@Bright\n"
            "cc:\nSubject: Re: Pallets",
            "Jane Doe",
            "12/21/2000 07:14 PM",
            "Re: Pallets",
            id="lotus-from-on-date",
        ),
        pytest.param(
            "\tJane Doe\n\tSent by: Jane Doe\n\t12/21/2000 07:14 PM\n\t\t\n\t\t To: Peter Zhang/SZ/Bright@Bright\n"
            "\t\t cc:\n\t\t Subject: Re: Pallets",
            "Jane Doe",
            "12/21/2000 07:14 PM",
            "Re: Pallets",
            id="lotus-tabbed",
        ),
        pytest.param(
            "\tFrom:  Jane Doe @ IMPORTCO                 12/21/2000 07:14 PM\n\t\n\n\n"
            "To: Peter Zhang/SZ/Bright@Bright\ncc:\nSubject: Pallets",
            "Jane Doe @ IMPORTCO",
            "12/21/2000 07:14 PM",
            "Pallets",
            id="lotus-from-padded-date",
        ),
        pytest.param(
            "____________________Reply Separator____________________\nSubject:    Pallets\n"
            'Author: "Doe; Jane" <SMTP:jane@importco.com>\nDate:       03/23/2001 2:40 PM',
            '"Doe; Jane" <SMTP:jane@importco.com>',
            "03/23/2001 2:40 PM",
            "Pallets",
            id="ccmail-reply-separator",
        ),
        pytest.param(">>> Jane Doe 12/11/00 03:54PM >>>", "Jane Doe", "12/11/00 03:54PM", None, id="groupwise"),
        pytest.param(
            "In a message dated 10/5/00 2:28:31 PM Eastern Daylight Time, janedoe@aol.com writes:",
            "janedoe@aol.com",
            "10/5/00 2:28:31 PM Eastern Daylight Time",
            None,
            id="aol",
        ),
        pytest.param(
            "From: Jane Doe <jane@importco.com> Sent: Monday, May 6, 2024 9:12 AM To: Peter Zhang "
            "<peter@bright.cn> Subject: RE: Pallets",
            "Jane Doe <jane@importco.com>",
            "Monday, May 6, 2024 9:12 AM",
            "RE: Pallets",
            id="outlook-on-one-line",
        ),
        pytest.param(
            "On Mon, May 6, 2024 at 9:12 AM Jane Doe <\njane@importco.com> wrote:",
            "Jane Doe <jane@importco.com>",
            "Mon, May 6, 2024 at 9:12 AM",
            None,
            id="gmail-address-wrapped",
        ),
    ],
)
def test_older_and_unusual_quote_headers(header, sender, date, subject):
    text = "Peter, please check.\n\nThanks,\nTom\n\n" + header + "\n\nWe need 20 pallets.\n"
    result = split(text)
    assert result.reply_text == "Peter, please check.\n\nThanks,\nTom"
    [quoted] = result.quoted
    assert (quoted.sender, quoted.date, quoted.subject) == (sender, date, subject)
    assert quoted.text == "We need 20 pallets."


def test_signature_with_disclaimer_and_no_dashes():
    text = mail(
        """
        Dear Sir/Madam,

        We are a manufacturer of stainless steel cookware and would like to send you our price list.

        Yours sincerely,
        Helen Zhou
        Export Department
        Guangdong Everbright Kitchenware Co., Ltd.
        No. 18 Industrial Road, Jiangmen, Guangdong, China
        Mobile/WhatsApp: +86 139 2222 3333

        CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended
        solely for the addressee. If you have received it in error, please delete it.
        """
    )
    assert zones(text) == [
        ("greeting", "Dear Sir/Madam,"),
        ("body", "We are a manufacturer of stainless steel cookware and would like to send you our price list."),
        ("closing", "Yours sincerely,\nHelen Zhou"),
        (
            "signature",
            "Export Department\nGuangdong Everbright Kitchenware Co., Ltd.\n"
            "No. 18 Industrial Road, Jiangmen, Guangdong, China\nMobile/WhatsApp: +86 139 2222 3333\n\n"
            "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended\n"
            "solely for the addressee. If you have received it in error, please delete it.",
        ),
    ]


def test_office_hours_sentence_in_the_signature():
    text = mail(
        """
        Hi Dan,

        Would you like the self-heating battery in all 20 kits?

        Best regards,
        Grace Wu
        Overseas Sales Manager
        Office hours: 9:00-18:00 China time; I also check my email until 11 PM China time (10 AM your time).
        """
    )
    assert zones(text)[2:] == [
        ("closing", "Best regards,\nGrace Wu"),
        (
            "signature",
            "Overseas Sales Manager\nOffice hours: 9:00-18:00 China time; I also check my email until 11 PM "
            "China time (10 AM your time).",
        ),
    ]


def test_slogan_in_the_signature_does_not_hide_the_closing():
    text = mail(
        """
        Dear Anna,

        The samples were sent today by DHL.

        Best regards,
        Lily Wang
        We are a leading manufacturer of LED lights in China since 2005.
        Ningbo Bright Lighting Co., Ltd.
        Tel: +86 574 1234 5678

        P.S. The tracking number is 1234567890.
        """
    )
    assert zones(text)[2:] == [
        ("closing", "Best regards,\nLily Wang"),
        (
            "signature",
            "We are a leading manufacturer of LED lights in China since 2005.\nNingbo Bright Lighting Co., Ltd.\n"
            "Tel: +86 574 1234 5678",
        ),
        ("body", "P.S. The tracking number is 1234567890."),
    ]


def test_afterthought_below_the_sign_off_is_body():
    text = mail(
        """
        Hi Tom,

        Please confirm the carton marks.

        Best regards,
        Lily

        One more thing: the forwarder needs the booking by Friday, so please send it as soon as you can.
        """
    )
    assert zones(text)[2:] == [
        ("closing", "Best regards,\nLily"),
        ("body", "One more thing: the forwarder needs the booking by Friday, so please send it as soon as you can."),
    ]


def test_contact_block_without_closing_phrase_is_signature():
    text = mail(
        """
        Hello,

        Attached is the updated quotation with the new aluminium price.

        Grace Lin
        Ningbo Homeware Trading Co., Ltd.
        Tel: 0574-8765 4321
        """
    )
    assert zones(text) == [
        ("greeting", "Hello,"),
        ("body", "Attached is the updated quotation with the new aluminium price."),
        ("signature", "Grace Lin\nNingbo Homeware Trading Co., Ltd.\nTel: 0574-8765 4321"),
    ]


def test_name_only_sign_off():
    text = "Hi Anna,\n\nThe goods were shipped today, tracking number to follow.\n\nKevin\n"
    assert zones(text) == [
        ("greeting", "Hi Anna,"),
        ("body", "The goods were shipped today, tracking number to follow."),
        ("closing", "Kevin"),
    ]


def test_dash_dash_signature():
    text = mail(
        """
        Good morning John,

        The inspection is booked for Tuesday.

        Regards,
        Amy
        --
        Amy Liu | Hangzhou Textile Import & Export Co., Ltd.
        www.hz-textile.com
        """
    )
    assert zones(text) == [
        ("greeting", "Good morning John,"),
        ("body", "The inspection is booked for Tuesday."),
        ("closing", "Regards,\nAmy"),
        ("signature", "--\nAmy Liu | Hangzhou Textile Import & Export Co., Ltd.\nwww.hz-textile.com"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Regarding your question about the packing, we use 5-layer cartons.",
        "Thanks for the quick reply, we will arrange the sample tomorrow.",
        "Best regards to your team, we enjoyed meeting you at the Canton Fair.",
    ],
)
def test_sign_off_words_inside_the_body_are_not_a_closing(line):
    text = f"Dear all\n\nPlease see our answers.\n{line}\n\nBest wishes,\nFrank\n"
    assert zones(text) == [
        ("greeting", "Dear all"),
        ("body", f"Please see our answers.\n{line}"),
        ("closing", "Best wishes,\nFrank"),
    ]


def test_thanks_for_the_inquiry_opens_the_message():
    text = "Hi Klaus,\n\nThanks for your inquiry about our panels.\n\nBest regards,\nTom\n"
    assert zones(text) == [
        ("greeting", "Hi Klaus,"),
        ("body", "Thanks for your inquiry about our panels."),
        ("closing", "Best regards,\nTom"),
    ]
    assert [kind for kind, _ in zones("Hi Klaus,\n\nThanks for your inquiry about our panels.\n")] == [
        "greeting",
        "body",
    ]


def test_courtesy_thanks_above_the_sign_off_closes():
    text = "Hi Klaus,\n\nThe samples left today.\n\nThanks again for your help!\n\nBest regards,\nTom\n"
    assert zones(text)[-1] == ("closing", "Thanks again for your help!\n\nBest regards,\nTom")


def test_body_ending_with_a_thanks_sentence_has_no_closing():
    text = "Hi Tom,\n\nThanks for the quick reply, we will arrange the sample tomorrow.\n"
    assert zones(text) == [
        ("greeting", "Hi Tom,"),
        ("body", "Thanks for the quick reply, we will arrange the sample tomorrow."),
    ]


@pytest.mark.parametrize(
    "closing",
    [
        "Best Regards Douglas",
        "Thanks and best regards,\nDouglas",
        "Thanks & regards,\nDouglas",
        "Yours sincerely,\nDouglas Chen",
        "Cheers\nDouglas",
        "B.R.\nDouglas",
        "Kind regards,\n\nDouglas",
        "Many thanks in advance,\nDouglas",
    ],
)
def test_closing_variants(closing):
    text = f"Hi Anna,\n\nThe PI is attached.\n\n{closing}\n"
    assert zones(text)[-1] == ("closing", closing)
    assert zones(text)[1] == ("body", "The PI is attached.")


@pytest.mark.parametrize(
    "greeting",
    ["Dear Mr. Smith,", "Hi Anna,", "Hello,", "Dear Sir/Madam,", "Good morning John,", "Dear all", "尊敬的王经理：", "Sally,"],
)
def test_greeting_variants(greeting):
    text = f"{greeting}\n\nOur factory will be closed for the May holiday from 1 to 5 May.\n\nBest regards,\nLily\n"
    assert zones(text)[0] == ("greeting", greeting)
    assert zones(text)[1] == ("body", "Our factory will be closed for the May holiday from 1 to 5 May.")


def test_pleasantry_after_the_greeting_belongs_to_it():
    text = "Dear Anna,\n\nGood day!\n\nThe revised drawing is attached.\n\nBest regards,\nLily\n"
    assert zones(text)[:2] == [("greeting", "Dear Anna,\n\nGood day!"), ("body", "The revised drawing is attached.")]


def test_postscript_and_attachment_lines_after_the_sign_off_are_body():
    text = mail(
        """
        Hi Sarah,

        The PI for order 2405 is attached.

        Best regards,
        Amy
        P.S. Our factory is closed on 1 May.

         - PI-2405.pdf
        """
    )
    assert zones(text) == [
        ("greeting", "Hi Sarah,"),
        ("body", "The PI for order 2405 is attached."),
        ("closing", "Best regards,\nAmy"),
        ("body", "P.S. Our factory is closed on 1 May.\n\n - PI-2405.pdf"),
    ]


def test_first_name_heading_a_signature_block_signs_the_message():
    text = mail(
        """
        FYI, the buyer accepted our offer.

        Mark
        Senior Sales Manager
        Phone: +86 574 8765 4321
        """
    )
    assert zones(text) == [
        ("body", "FYI, the buyer accepted our offer."),
        ("closing", "Mark"),
        ("signature", "Senior Sales Manager\nPhone: +86 574 8765 4321"),
    ]


def test_signature_run_into_the_last_paragraph():
    text = mail(
        """
        Please find our new catalogue attached, I think you will be interested.
        Ryan F. Miller
        Export Manager, Xiamen Stone Trading Co., Ltd.
        Tel: +86 592 555 0101
        """
    )
    assert zones(text) == [
        ("body", "Please find our new catalogue attached, I think you will be interested."),
        ("signature", "Ryan F. Miller\nExport Manager, Xiamen Stone Trading Co., Ltd.\nTel: +86 592 555 0101"),
    ]


def test_signature_after_a_rule_with_credentials():
    text = mail(
        """
        Our audit report is attached.

        ******************************
        Helen Wu, CPA
        Quality Manager
        Suzhou Precision Parts Co., Ltd.
        """
    )
    assert zones(text) == [
        ("body", "Our audit report is attached."),
        (
            "signature",
            "******************************\nHelen Wu, CPA\nQuality Manager\nSuzhou Precision Parts Co., Ltd.",
        ),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        "Shipment details:\nFrom: Shenzhen\nTo: Hamburg\nDate: 20 May",
        "Price list:\n<500 pcs: USD 3.50/pc\n>500 pcs: USD 3.20/pc\n>=2000 pcs: USD 2.90/pc",
    ],
)
def test_trade_details_that_look_like_mail_syntax_stay_in_the_body(lines):
    text = f"Dear Anna,\n\n{lines}\n\nBest regards,\nLily\n"
    assert split(text).quoted == []
    assert zones(text) == [("greeting", "Dear Anna,"), ("body", lines), ("closing", "Best regards,\nLily")]


def test_a_heading_with_a_colon_is_not_a_greeting():
    text = "Price List:\nLP-600 USD 12.50\nLP-1200 USD 19.80\n\nBest regards,\nLily\n"
    assert zones(text)[0] == ("body", "Price List:\nLP-600 USD 12.50\nLP-1200 USD 19.80")


def test_greeting_followed_by_text_on_the_same_line_is_body():
    text = "Hi Anna, the samples left our factory today.\n\nBest regards,\nLily\n"
    assert zones(text)[0] == ("body", "Hi Anna, the samples left our factory today.")


def test_phone_footer_stays_in_body():
    text = "Hi Mike,\n\nConfirmed, we will ship on Monday.\n\nSent from my iPhone\n"
    assert zones(text) == [
        ("greeting", "Hi Mike,"),
        ("body", "Confirmed, we will ship on Monday.\n\nSent from my iPhone"),
    ]


def test_answers_between_quoted_excerpts_are_the_writers():
    text = mail(
        """
        Hi Anna,

        Please see our answers below.

        > 1. What is your MOQ?

        500 pcs per colour.

        > 2. Can you print our logo on the carton? We need it on two sides of the
        carton, in black.
        Yes, printing is free for orders above 1,000 pcs.

        Best regards,
        Lily
        """
    )
    assert zones(text) == [
        ("greeting", "Hi Anna,"),
        ("body", "Please see our answers below."),
        ("quote", "> 1. What is your MOQ?"),
        ("body", "500 pcs per colour."),
        ("quote", "> 2. Can you print our logo on the carton? We need it on two sides of the\ncarton, in black."),
        ("body", "Yes, printing is free for orders above 1,000 pcs."),
        ("closing", "Best regards,\nLily"),
    ]
    result = split(text)
    assert result.reply_text == "Hi Anna,\n\nPlease see our answers below."
    assert [q.text for q in result.quoted] == [
        "1. What is your MOQ?",
        "2. Can you print our logo on the carton? We need it on two sides of the\ncarton, in black.",
    ]
    assert all(q.sender is None for q in result.quoted)


def test_answers_below_an_attributed_quote_stay_quoted():
    text = mail(
        """
        On Mon, May 6, 2024 at 9:12 AM John Smith <john@acme-retail.com> wrote:
        > What is your MOQ?

        500 pcs.
        """
    )
    assert [kind for kind, _ in zones(text)] == ["quote"]
    assert split(text).quoted[0].text == "What is your MOQ?\n\n500 pcs."


def test_mbox_escaped_from_is_not_a_quote():
    text = "Hello,\n\n>From next month our prices will rise by 5%.\n\nBest regards,\nLily\n"
    assert split(text).quoted == []
    assert zones(text)[1] == ("body", ">From next month our prices will rise by 5%.")


def test_zones_cover_whole_lines_in_order_without_overlap():
    result = split(TOP_POSTED_OUTLOOK)
    previous_end = -1
    for zone in result.zones:
        assert zone.start > previous_end
        assert zone.start == 0 or TOP_POSTED_OUTLOOK[zone.start - 1] == "\n"
        assert zone.end == len(TOP_POSTED_OUTLOOK) or TOP_POSTED_OUTLOOK[zone.end] == "\n"
        previous_end = zone.end


def test_empty_and_blank_text():
    assert split("").zones == []
    assert split("\n \n").zones == []
