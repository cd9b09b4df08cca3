"""Recognising and parsing the header that introduces a quoted earlier message.

Mail clients introduce a quoted or forwarded message in a handful of ways, each
localised into the writer's language:

* an attribution line, "On <date>, <sender> wrote:", sometimes wrapped over
  two or three lines ("Am … schrieb …:", "在 … 写道：", "… のメッセージ:" …);
* a separator line ("-----Original Message-----", "---------- Forwarded
  message ---------", "------------------ 原始邮件 ------------------", an
  Outlook "____" rule), usually followed by a field block;
* a field block: "From: / Sent: / To: / Subject:" lines in any order and
  language, with wrapped address lists;
* Lotus Notes blocks: a sender line and a date line above "To: / cc: /
  Subject:", or "From: <name> on <date>".

``match_header`` finds such a block starting at a given line; ``parse_quote_header``
turns the text of one into (sender, date, subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailcheck.split.lines import Line, next_nonblank, split_lines
from mailcheck.split.signoff import EMAIL

# --- field blocks ------------------------------------------------------------------

_FIELD_LABELS: dict[str, tuple[str, ...]] = {
    # "Author" is cc:Mail's.
    "from": (
        "From", "Author", "Von", "De", "Da", "Van", "Od", "От", "Від", "Fra", "Från", "Lähettäjä", "Feladó",
        "Kimden", "发件人", "發件人", "寄件人", "寄件者", "差出人", "送信者", "보낸 사람", "보낸사람",
    ),
    "sent": (
        "Sent", "Date", "Gesendet", "Datum", "Envoyé", "Enviado", "Enviado el", "Enviada", "Enviada em",
        "Enviado em", "Fecha", "Data", "Inviato", "Verzonden", "Verstuurd", "Отправлено", "Дата", "Skickat",
        "Sendt", "Wysłano", "Lähetetty", "Elküldve", "发送时间", "發送時間", "发送日期", "寄件日期", "傳送時間",
        "时间", "時間", "日期", "送信日時",
        "日付", "보낸 날짜", "날짜",
    ),
    "to": (
        "To", "An", "À", "A", "Para", "Aan", "Кому", "Till", "Til", "Do", "Vastaanottaja", "Címzett", "Kime",
        "收件人", "收件者", "宛先", "받는 사람", "받는사람",
    ),
    "cc": (
        "Cc", "Kopie", "Copie", "Copia", "Kopia", "Копия", "Kopio", "Másolat", "抄送", "抄送人", "副本", "참조",
    ),
    "subject": (
        "Subject", "Betreff", "Objet", "Asunto", "Assunto", "Oggetto", "Onderwerp", "Тема", "Ämne", "Emne",
        "Temat", "Aihe", "Tárgy", "Konu", "主题", "主題", "主旨", "件名", "제목",
    ),
    # Fields that may sit inside a header block but say nothing about the message.
    "other": (
        "Bcc", "Reply-To", "Importance", "Priority", "Attachments", "Sent by", "Wichtigkeit", "Anlagen",
        "Pièces jointes", "Datos adjuntos", "Anexos", "Allegati", "Bijlagen", "附件", "重要性", "添付",
    ),
}
_LABEL_KIND = {label.casefold(): kind for kind, labels in _FIELD_LABELS.items() for label in labels}
_FIELD = re.compile(
    r"^\*{0,2}("
    + "|".join(re.escape(label) for label in sorted(_LABEL_KIND, key=len, reverse=True))
    + r")\*{0,2}[ \t]*[:：]\*{0,2}[ \t]*(.*)$",
    re.IGNORECASE,
)
# Outlook sometimes flattens the whole block onto the From line.
_INLINE_LABELS = "Sent|Date|To|Subject|Cc|Gesendet|An|Betreff|Envoyé|À|Objet|Enviado|Para|Asunto|发送时间|收件人|主题"
_INLINE_FIELD = re.compile(rf"\s\*{{0,2}}({_INLINE_LABELS})\*{{0,2}}\s*[:：]")
_INLINE_SPLIT = re.compile(rf"\s(?=\*{{0,2}}(?:{_INLINE_LABELS})\*{{0,2}}\s*[:：])")
_CORE_KINDS = {"from", "sent", "to", "cc", "subject"}
# What shows a field block is a mail's header: an address, a time of day, a year.
_MAIL_EVIDENCE = re.compile(r"@|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b|\d年")


def field(content: str) -> tuple[str, str] | None:
    """(kind, value) when ``content`` is a header field line such as "Sent: Monday …"."""
    m = _FIELD.match(content)
    if not m:
        return None
    return _LABEL_KIND[m.group(1).casefold()], m.group(2).strip()


# --- separators, attribution lines, Lotus Notes lines -------------------------------

_SEPARATOR_PHRASES = (
    r"original message|original mail|original|reply separator|forwarded message|forwarded e-?mail|"
    r"inline attachment follows|message d'origine|message transf[ée]r[ée]|message original|"
    r"urspr[üu]ngliche nachricht|weitergeleitete nachricht|originalnachricht|mensaje original|mensaje reenviado|"
    r"mensagem original|mensagem encaminhada|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|"
    r"origineel bericht|doorgestuurd bericht|ursprungligt meddelande|vidarebefordrat meddelande|"
    r"oprindelig meddelelse|opprinnelig melding|wiadomo[śs][ćc] oryginalna|исходное сообщение|"
    r"пересылаемое сообщение|原始邮件|原始郵件|原邮件|转发邮件|转发的邮件|轉寄郵件|元のメッセージ|"
    r"転送メッセージ|転送されたメッセージ|원본 메시지|전달된 메시지"
)
# "-----Original Message-----" (the dashes may be missing when the phrase stands alone).
_SEPARATOR = re.compile(rf"^(?:[-=_*~]{{2,}} ?)?(?:{_SEPARATOR_PHRASES})(?: ?[-=_*~]{{2,}})?\s*:?$", re.I)
# "---------------------- Forwarded by Jane Doe/HOU/ECT on 11/15/2000 12:03 PM -----" (may wrap).
_FORWARDED_BY = re.compile(r"^-{3,} ?Forwarded by\b", re.I)
_BEGIN_FORWARD = re.compile(
    r"^(?:begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée]|"
    r"inicio del mensaje reenviado|in[íi]cio da mensagem reencaminhada|inizio messaggio inoltrato|"
    r"begin doorgestuurd bericht|以下为转发的邮件|以下是转发的邮件)\s*[:：]?$",
    re.I,
)
_RULE = re.compile(r"^_{10,}$")
# GroupWise: ">>> Jane Doe <jane@example.com> 12/11/00 03:54PM >>>" (read with its markers stripped).
_GROUPWISE = re.compile(r"^(?:>>> ?)?\S.{0,150}\d{1,2}:\d{2}\s?(?:[AaPp][Mm])? ?>>>$")

# Words that open an attribution: "On …", "Am …", "In a message dated …" (AOL), "At …" (Eudora).
_ATTRIBUTION_START = re.compile(r"^(?:On|Am|Le|El|Em|Il|Op|Den|Dne|W dniu|In a message dated|At|在)\b", re.I)
# Horde and IMP: "Quoting Jane Doe <jane@example.com>:"
_QUOTING = re.compile(r"^(?:Quoting|Zitat von|Citando|Citation de)\s.{1,150}[:：]$", re.I)
_VERB_FINAL = re.compile(
    r"(?:\bwrote|\bwrites|\ba [ée]crit|\bescribi[óo]|\bescreveu|\bha scritto|\bkirjoitti|"
    r"\bnapisa[łl]\(a\)|\bnapisa[łl]a?|\bnapsal|\bпишет|\bнаписал\(а\)|\bнаписала?|"
    r"写道|寫道|のメッセージ|さんは書きました|は書きました|님이 작성|님이 씀)\s*[:：]?\s*$",
    re.I,
)
# Endings no sentence of prose has: enough on their own.
_UNAMBIGUOUS_ENDING = re.compile(r"(?:写道|寫道|のメッセージ|さんは書きました|님이 작성|님이 씀)\s*[:：]\s*$")
# German, Dutch and Scandinavian put the sender after the verb: "Am …, schrieb Max Muster:".
_VERB_MIDDLE = re.compile(r"\b(?:schrieb|schreef|skrev)\b.{0,150}[:：]\s*$", re.I)
# Gmail in many locales: "2017-03-02 15:57 GMT+02:00 Jane Doe <jane@example.com>:".
_DATE_FIRST = re.compile(r"^\d{1,4}[-/.年]\s?\d{1,2}[-/.月]\s?\d{1,4}.{0,150}<[^<>\s@]+@[^<>\s]+>\s*[:：]$")

# A Lotus Notes date line: "12/01/2000 08:00 AM", "09:01:03 PM", "2000-12-01 08:00".
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{3,4}|[+-]\d{4}))?"
_NUMERIC_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
_DATE_LINE = re.compile(rf"^(?:{_NUMERIC_DATE}(?:\s+{_TIME})?|{_TIME})$")
_ON_DATE = re.compile(rf"^(?P<who>.+?)\s+on\s+(?P<date>{_NUMERIC_DATE}(?:\s+{_TIME})?)\s*$", re.I)
# "Jane Doe @ ECT      04/04/2001 05:44 PM": sender and date on one line.
_TRAILING_DATE = re.compile(rf"^(?P<who>\D.*?)\s+(?P<date>{_NUMERIC_DATE}\s+{_TIME})\s*$")
_LOTUS_EXTRA = re.compile(r"^(?:Sent by:|Please respond to\b)", re.I)

# Wrapped address lists make long header blocks, but none runs for pages; and no sender line is
# a paragraph long. The limits keep matching linear on any input.
_MAX_BLOCK_LINES = 80
_MAX_SENDER_LINE = 200


@dataclass(frozen=True)
class HeaderSpan:
    first: int  # index of the header's first line
    last: int  # index of its last line


def match_header(lines: list[Line], i: int, floor: int) -> HeaderSpan | None:
    """The quote header that starts at (or, for Lotus Notes, just above) line ``i``.

    ``floor`` is the lowest line a Lotus Notes block may reach back to.
    """
    line = lines[i]
    if line.blank:
        return None
    content = line.content.strip("*")
    if _FORWARDED_BY.match(content) or _SEPARATOR.match(content) or _BEGIN_FORWARD.match(content):
        last = i
        if _FORWARDED_BY.match(content) and not content.endswith("--") and i + 1 < len(lines):
            if lines[i + 1].content.endswith("---"):  # the date wrapped onto the next line
                last = i + 1
        return HeaderSpan(i, _absorb_following_block(lines, last))
    if line.depth == 3 and _GROUPWISE.match(content):
        return HeaderSpan(i, i)
    if _RULE.match(content):
        j = next_nonblank(lines, i + 1, len(lines), 3)
        block = _field_block(lines, j, i + 1) if j is not None else None
        return HeaderSpan(i, block.last) if block and block.first == j else None
    end = _attribution_end(lines, i)
    if end is not None:
        return HeaderSpan(i, end)
    return _field_block(lines, i, floor)


def _absorb_following_block(lines: list[Line], last: int) -> int:
    """Extend a separator over the header block that follows it, if any."""
    j = next_nonblank(lines, last + 1, len(lines), 4)
    if j is None:
        return last
    for k in range(j, min(len(lines), j + 6)):
        if lines[k].blank:
            continue
        block = _field_block(lines, k, last + 1)
        if block:
            return block.last
        attribution = _attribution_end(lines, k)
        if attribution is not None:
            return attribution
        if len(lines[k].content) > 100:  # prose: the forwarded text itself
            break
    return last


def _attribution_end(lines: list[Line], i: int) -> int | None:
    """Last line of an attribution ("On … wrote:") starting at line ``i``, wrapped over up to 3 lines."""
    first = lines[i]
    if len(first.content) > 300:
        return None
    parts: list[str] = []
    for j in range(i, min(len(lines), i + 3)):
        line = lines[j]
        # Gmail wraps "Jane <jane@example.com>" so that the next line opens with the ">".
        wrapped_address = (
            bool(parts) and parts[-1].count("<") > parts[-1].count(">") and line.depth == first.depth + 1
        )
        if line.blank or line.depth != first.depth and not wrapped_address:
            break
        parts.append(">" + line.content if wrapped_address else line.content.strip("*"))
        tail = parts[-1]
        if not (tail.endswith((":", "：")) or tail.lower().endswith("wrote")):
            continue
        joined = " ".join(parts)
        if len(joined) > 400:
            break
        if _is_attribution(joined, lines, i, j):
            return j
    return None


def _is_attribution(joined: str, lines: list[Line], i: int, j: int) -> bool:
    if _DATE_FIRST.match(joined) or _QUOTING.match(joined):
        return True
    if not (_VERB_FINAL.search(joined) or _VERB_MIDDLE.search(joined)):
        return False
    if (_ATTRIBUTION_START.match(joined) or _UNAMBIGUOUS_ENDING.search(joined)) and len(joined) <= 300:
        return True
    # "Jane Doe <jane@example.com> wrote:" or "山田 さんは書きました:": no opening word, so ask for more
    # evidence, and that it opens a paragraph rather than ending a sentence of prose.
    if len(joined) > 200 or (i > 0 and not lines[i - 1].blank and lines[i - 1].depth == lines[i].depth):
        return False
    evidence = "@" in joined or any(ch.isdigit() for ch in joined)
    following = next_nonblank(lines, j + 1, len(lines), 3)
    quoted_next = following is not None and lines[following].depth > lines[i].depth
    if not joined.endswith((":", "：")):
        return quoted_next
    return evidence or quoted_next


def _field_block(lines: list[Line], i: int, floor: int) -> HeaderSpan | None:
    """A block of header fields starting at line ``i`` (plus Lotus Notes lines above it)."""
    first_field = field(lines[i].content)
    if first_field is None or first_field[0] == "other":
        return None
    if first_field[0] == "from" and len(set(_INLINE_FIELD.findall(lines[i].content))) >= 2:
        return HeaderSpan(i, i) if _MAIL_EVIDENCE.search(lines[i].content) else None
    kinds: set[str] = set()
    last = i
    current: tuple[str, str] | None = None
    j = i
    while j < min(len(lines), i + _MAX_BLOCK_LINES):
        line = lines[j]
        if line.blank:
            # Lotus Notes leaves blank lines inside its blocks; keep going while fields follow.
            k = next_nonblank(lines, j, len(lines), 3 if "to" in kinds else 5)
            if k is None or "subject" in kinds or field(lines[k].content) is None:
                break
            j = k
            continue
        if line.depth != lines[i].depth:
            break
        parsed = field(line.content)
        if parsed and parsed[0] in kinds and parsed[0] != "other":
            break  # a field seen already opens the next header
        if parsed:
            current = parsed
            kinds.add(parsed[0])
            last = j
        elif current and _continues(current, lines[j - 1], line):
            last = j
        else:
            break
        j += 1
    core = kinds & _CORE_KINDS
    if first_field[0] in ("from", "sent") or "from" in kinds:
        # "From: Shenzhen / To: Hamburg / Date: 20 May" lists a shipment; a mail header
        # has a subject, an address or a sending time.
        block = " ".join(lines[k].content for k in range(i, last + 1))
        evidence = "subject" in kinds or bool(_MAIL_EVIDENCE.search(block))
        return HeaderSpan(i, last) if len(core) >= 2 and evidence else None
    # No From field: Lotus Notes puts the sender and date on lines above "To:".
    top = _lotus_sender_lines(lines, i, floor)
    if top is not None and core & {"to", "cc", "subject"}:
        return HeaderSpan(top, last)
    if {"to", "subject"} <= core:
        return HeaderSpan(i, last)
    return None


def _continues(current: tuple[str, str], previous: Line, line: Line) -> bool:
    """Whether ``line`` wraps the value of the field above it."""
    kind, _ = current
    content = line.content
    if kind in ("from", "to", "cc", "other"):
        return bool(re.search(r"[@,;/<>]", content)) or len(previous.content) >= 60
    return kind == "subject" and len(previous.content) >= 60 and len(content) < 60


def _lotus_sender_lines(lines: list[Line], i: int, floor: int) -> int | None:
    """First line of the sender/date lines Lotus Notes writes above "To:", if present."""
    top = None
    j = i - 1
    blanks = 0
    seen_date = False
    while j >= floor:
        line = lines[j]
        content = line.content
        if len(content) > _MAX_SENDER_LINE:
            break
        if line.blank:
            blanks += 1
            if blanks > 2 or seen_date and top is not None and not _DATE_LINE.match(lines[top].content):
                break
            j -= 1
            continue
        if _DATE_LINE.match(content) or _LOTUS_EXTRA.match(content):
            seen_date = seen_date or bool(_DATE_LINE.match(content))
        elif _ON_DATE.match(content) or _TRAILING_DATE.match(content):
            return j  # "Jane Doe <jane@example.com> on 04/19/2001 09:01 PM": sender and date together
        elif seen_date and len(content) <= 80 and not content.endswith((".", "?", "!")):
            return j  # the sender's name above the date
        else:
            break
        top = j
        blanks = 0
        j -= 1
    return top if seen_date else None


# --- parsing ---------------------------------------------------------------------------

_ATTRIBUTION_PARTS = (
    # "在 2024年5月3日 周五 10:20，Jane <jane@example.com> 写道：" / "Jane <j@x> 于2024年5月3日 10:20写道："
    re.compile(r"^在\s*(?P<mid>.+?)\s*[写寫]道\s*[:：]?$"),
    re.compile(r"^(?P<sender>.+?)\s*于\s*(?P<date>.+?)\s*[写寫]道\s*[:：]?$"),
    # Apple Mail in Japanese: "2024/05/03 10:20、山田太郎 <t@x> のメッセージ:"; Thunderbird: "山田 さんは書きました:"
    re.compile(r"^(?P<date>.+?)[、,]\s*(?P<sender>.+?)\s*のメッセージ\s*[:：]?$"),
    re.compile(r"^(?P<sender>.+?)\s*さん?は書きました\s*[:：]?$"),
    # "Am 03.05.2024 um 10:20 schrieb Max Muster <max@x>:"
    re.compile(
        r"^(?:Am|Op|Den|På)\s+(?P<date>.+?),?\s+(?:schrieb|schreef|skrev)\s+(?P<sender>.+?)\s*[:：]$", re.I
    ),
    # GroupWise: ">>> Jane Doe 12/11/00 03:54PM >>>"
    re.compile(rf"^(?P<sender>.+?)\s+(?P<date>{_NUMERIC_DATE}\s+\d{{1,2}}:\d{{2}}\s?(?:[AaPp][Mm])?)\s*>>>$"),
    re.compile(r"^(?:Quoting|Zitat von|Citando|Citation de)\s+(?P<sender>.+?)\s*[:：]$", re.I),
    # "On <date>, <sender> wrote:" and its Romance, Slavic and Korean cousins.
    re.compile(
        r"^(?:On|Le|El|Em|Il(?:\s+giorno)?|Dne|W dniu|In a message dated|At)\s+(?P<mid>.+?),?\s*"
        r"(?:wrote|writes|a [ée]crit|escribi[óo]|escreveu|ha scritto|napsal|napisa[łl]\(a\)|napisa[łl]a?)"
        r"\s*[:：]?$",
        re.I,
    ),
    re.compile(r"^(?P<mid>.+?)\s*님이 (?:작성|씀)\s*[:：]?$"),
    re.compile(r"^(?P<sender>.+?),?\s+(?:wrote|writes|пишет|написал\(а\)|написала?)\s*[:：]?$", re.I),
)
_LAST_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|\s+[A-Z]{3,4}\b)?"
)


def parse_quote_header(block: str) -> tuple[str | None, str | None, str | None]:
    """(sender, date, subject) of one quoted message's header block; None where absent.

    ``block`` is the header as it appears in the mail: an attribution line, a
    field block, a Lotus Notes block, with or without ">" markers and a
    separator line.
    """
    contents = [
        line.content.strip("*").strip()
        for line in split_lines(block)
        if not line.blank and not _is_separator(line.content.strip("*"))
    ]
    if not contents:
        return None, None, None
    if any(field(c) for c in contents):
        return _parse_fields(contents)
    joined = " ".join(contents)
    if _DATE_FIRST.match(joined):
        date, sender = _split_date_sender(joined.rstrip(":："))
        return sender, date, None
    for pattern in _ATTRIBUTION_PARTS:
        m = pattern.match(joined)
        if m:
            parts = m.groupdict()
            if "mid" in parts:
                date, sender = _split_date_sender(parts["mid"])
            else:
                sender, date = parts.get("sender"), parts.get("date")
            return _clean(sender), _clean(date), None
    return None, None, None


def _is_separator(content: str) -> bool:
    """A separator line, or the wrapped end of one ("12:03 PM ---------------")."""
    return bool(
        _SEPARATOR.match(content) or _FORWARDED_BY.match(content) or _BEGIN_FORWARD.match(content)
        or _RULE.match(content) or content.endswith("---")
    )


def _parse_fields(contents: list[str]) -> tuple[str | None, str | None, str | None]:
    values: dict[str, str] = {}
    leading: list[str] = []  # Lotus Notes sender/date lines above the fields
    current: str | None = None
    for content in contents:
        parsed = field(content)
        if parsed and parsed[0] == "other":
            continue  # "Sent by:", "Importance:": nothing to report, and no end to the Lotus lines
        if parsed:
            current = parsed[0]
            values.setdefault(current, parsed[1])
            if current == "from" and len(set(_INLINE_FIELD.findall(content))) >= 2:
                _split_inline_fields(content, values)
        elif current is None:
            leading.append(content)
        elif current == "subject" and values.get("subject"):
            values["subject"] += " " + content
    sender, date = values.get("from"), values.get("sent")
    if sender:
        sender, date = _lotus_sender(sender, date)
    elif leading:
        sender, date = _lotus_leading(leading)
    return _clean(sender), _clean(date), _clean(values.get("subject"))


def _split_inline_fields(content: str, values: dict[str, str]) -> None:
    """Split "From: A Sent: B To: C Subject: D" written on one line."""
    values.pop("from", None)
    for piece in _INLINE_SPLIT.split(content):
        parsed = field(piece)
        if parsed:
            values.setdefault(parsed[0], parsed[1])


def _lotus_sender(sender: str, date: str | None) -> tuple[str, str | None]:
    """Lotus Notes writes "From: Jane Doe on 12/21/2000 07:14 PM" or pads the date with spaces."""
    if date or len(sender) > _MAX_SENDER_LINE:
        return sender, date
    for pattern in (_ON_DATE, _TRAILING_DATE):
        m = pattern.match(sender)
        if m:
            return m.group("who"), m.group("date")
    return sender, None


def _lotus_leading(leading: list[str]) -> tuple[str | None, str | None]:
    sender = date = None
    for content in leading:
        if _LOTUS_EXTRA.match(content) or len(content) > _MAX_SENDER_LINE:
            continue
        m = _ON_DATE.match(content) or _TRAILING_DATE.match(content)
        if m and sender is None:
            sender, date = m.group("who"), m.group("date")
        elif _DATE_LINE.match(content):
            date = f"{date} {content}" if date else content
        elif sender is None:
            sender = content
    return sender, date


def _split_date_sender(mid: str) -> tuple[str | None, str | None]:
    """Split "<date>, <sender>" at its last comma, or "<date> <time> <sender>" after the time of day."""
    mid = mid.strip(" ,，")
    for comma in (",", "，"):
        head, sep, tail = mid.rpartition(comma)
        if sep and head and not any(ch.isdigit() for ch in EMAIL.sub("", tail)):
            return _clean(head), _clean(tail)
    times = list(_LAST_TIME.finditer(mid))
    if times:
        cut = times[-1].end()
        return _clean(mid[:cut]), _clean(mid[cut:])
    return None, _clean(mid)


_BRACKETED_ADDRESS = re.compile(r"\[(?:mailto:)?([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6})\]")


def _clean(value: str | None) -> str | None:
    """Collapse whitespace and stray punctuation; write Outlook's "[mailto:a@b]" as "<a@b>"."""
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip(" ,，、:：;；\t")
    value = _BRACKETED_ADDRESS.sub(r"<\1>", value)
    value = re.sub(r"<\s+", "<", re.sub(r"\s+>", ">", value))  # an address wrapped after "<"
    return value or None


__all__ = ["HeaderSpan", "field", "match_header", "parse_quote_header"]
