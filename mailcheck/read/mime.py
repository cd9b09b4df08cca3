"""RFC 822 / MIME bytes (.eml, mbox and Maildir messages, .emlx) → Message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.message import Message as Compat32Message
from email.parser import BytesParser

from ..model import Attachment, Message, Source
from .decoding import detect_decode, lenient_b64decode, unix_newlines
from .errors import ReadError
from .flowed import unflow
from .headers import decode_header, parse_date, recover_8bit, split_addresses
from .html_text import decode_html

_PARSER = BytesParser(policy=policy.default)
# A line that can only be a MIME boundary: "--" and a token, nothing else.
_BOUNDARY_LINE = re.compile(rb"^--([0-9A-Za-z'()+_,./:=?-]{1,70})[ \t]*\r?$", re.MULTILINE)


@dataclass
class _Leaf:
    part: EmailMessage
    in_related: bool  # inside multipart/related: images there are embedded in the HTML


def message_from_mime(data: bytes, path: str, kind: str, line_offset: int | None = 0) -> Message:
    """Parse one message. ``line_offset`` is the number of file lines before
    ``data`` (1 for .emlx's byte-count line), or None when the message's lines
    are not the file's (a message inside an mbox)."""
    msg = _PARSER.parsebytes(data)
    leaves = list(_leaves(msg, in_related=False))
    body = _choose_body(leaves)
    broken = _has_defects(msg)

    text, codec, from_html = "", "utf-8", False
    if body is not None:
        part, text, codec = body
        from_html = part.get_content_type() == "text/html"
    if not text.strip() and broken:
        raise ReadError(path, "broken MIME structure: no text could be recovered")

    body_line = subject_line = None
    if line_offset is not None and body is not None and _maps_lines(msg, body[0], data, codec, text):
        body_line = line_offset + _body_start_line(data)
        subject_line = _subject_line(data, line_offset)

    hint = codec if body is not None else None
    newline = "\r\n" if b"\r\n" in data[: data.find(b"\n") + 1] else "\n"
    body_part = body[0] if body is not None else None
    return Message(
        path=path,
        text=_finish(text),
        subject=decode_header(_raw(msg, "subject"), hint),
        sender=decode_header(_raw(msg, "from"), hint),
        to=split_addresses(decode_header(_raw(msg, "to"), hint)),
        cc=split_addresses(decode_header(_raw(msg, "cc"), hint)),
        date=parse_date(decode_header(_raw(msg, "date"), hint)),
        attachments=[
            _attachment(leaf.part, hint, newline)
            for leaf in leaves
            if leaf.part is not body_part and _is_attachment(leaf)
        ],
        from_html=from_html,
        source=Source(
            kind=kind,
            encoding=codec,
            newline=newline,
            body_line=body_line,
            subject_line=subject_line,
        ),
    )


def _finish(text: str) -> str:
    return unix_newlines(text).lstrip("\ufeff").rstrip()


# -- structure ---------------------------------------------------------------
def _leaves(part: EmailMessage, in_related: bool):
    """The non-multipart parts, recovering multiparts whose boundary is lost."""
    if part.get_content_type() == "message/rfc822" or part.get_content_maintype() != "multipart":
        yield _Leaf(part, in_related)
        return
    in_related = in_related or part.get_content_subtype() == "related"
    children = part.get_payload() if part.is_multipart() else _recover_parts(part)
    for child in children:
        yield from _leaves(child, in_related)


def _recover_parts(part: EmailMessage) -> list[EmailMessage]:
    """Parts of a multipart whose boundary parameter is missing or wrong.

    The boundary is guessed from the first line that can only be one;
    without such a line the body is taken as one plain-text part.
    """
    body = _payload_bytes(part)
    match = _BOUNDARY_LINE.search(body)
    if match is None:
        lone = _PARSER.parsebytes(b"Content-Type: text/plain\n\n" + body)
        return [lone]
    delimiter = re.compile(rb"^--" + re.escape(match[1]) + rb"(?:--)?[ \t]*\r?\n?", re.MULTILINE)
    chunks = delimiter.split(body)[1:]  # text before the first boundary is preamble
    return [_PARSER.parsebytes(chunk.lstrip(b"\r\n")) for chunk in chunks if chunk.strip()]


def _has_defects(msg: EmailMessage) -> bool:
    return any(part.defects for part in msg.walk())


# -- body ----------------------------------------------------------------------
def _choose_body(leaves: list[_Leaf]) -> tuple[EmailMessage, str, str] | None:
    """The draft's text: the first plain part, else the first HTML part.

    Parts with a file name are only used when nothing else is there: Apple
    Mail sends attached .txt files inline. A plain part that is blank loses
    to an HTML one (webmail drafts sometimes carry an empty plain stub).
    """
    candidates = [leaf.part for leaf in leaves if _is_text_body(leaf.part)]
    ordered = (
        [p for p in candidates if p.get_content_type() == "text/plain" and not _has_name(p)]
        + [p for p in candidates if p.get_content_type() == "text/html" and not _has_name(p)]
        + [p for p in candidates if p.get_content_type() == "text/plain" and _has_name(p)]
    )
    first = None
    for part in ordered:
        text, codec = _part_text(part)
        if first is None:
            first = (part, text, codec)
        if text.strip():
            return part, text, codec
    return first


def _is_text_body(part: EmailMessage) -> bool:
    return part.get_content_type() in ("text/plain", "text/html") and part.get_content_disposition() != "attachment"


def _part_text(part: EmailMessage) -> tuple[str, str]:
    data = _payload_bytes(part)
    declared = part.get_content_charset()
    if part.get_content_type() == "text/html":
        return decode_html(data, declared)
    text, codec = detect_decode(data, declared)
    if (part.get_param("format") or "").lower() == "flowed":
        text = unflow(unix_newlines(text), delsp=(part.get_param("delsp") or "").lower() == "yes")
    return text, codec


def _payload_bytes(part: EmailMessage) -> bytes:
    if part.get("content-transfer-encoding", "").strip().lower() == "base64":
        # Undecoded: the stdlib gives up on base64 it finds damaged. Anything
        # outside ASCII is noise in base64 and is dropped.
        return lenient_b64decode(part.get_payload(decode=False).encode("ascii", "ignore"))
    return part.get_payload(decode=True) or b""


# -- file line mapping ----------------------------------------------------------
def _maps_lines(msg: EmailMessage, part: EmailMessage, data: bytes, codec: str, text: str) -> bool:
    """True when the body's lines are the file's lines, one to one."""
    if part is not msg or part.get_content_type() != "text/plain":
        return False
    if part.get("content-transfer-encoding", "7bit").strip().lower() not in ("7bit", "8bit", "binary"):
        return False
    return unix_newlines(detect_decode(_split_raw(data)[1], codec)[0]) == unix_newlines(text)


def _split_raw(data: bytes) -> tuple[bytes, bytes]:
    """(header block with the blank line ending it, body) of raw message bytes."""
    ends = [i for i in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if i >= 0]
    if not ends:
        return data, b""
    end = min(ends)
    end += 4 if data.startswith(b"\r\n\r\n", end) else 2
    return data[:end], data[end:]


def _body_start_line(data: bytes) -> int:
    return _split_raw(data)[0].count(b"\n") + 1


def _subject_line(data: bytes, line_offset: int) -> int | None:
    """The Subject header's line, if it is one line of unencoded text."""
    lines = _split_raw(data)[0].split(b"\n")
    for number, line in enumerate(lines):
        if line[:8].lower() == b"subject:":
            folded = number + 1 < len(lines) and lines[number + 1][:1] in (b" ", b"\t")
            return None if folded or b"=?" in line else line_offset + number + 1
    return None


# -- headers and attachments -------------------------------------------------------
def _raw(msg: EmailMessage, name: str) -> str | None:
    """The raw value of a header (encoded words, 8-bit bytes and all)."""
    for key, value in msg.raw_items():
        if key.lower() == name:
            return value
    return None


def _is_attachment(leaf: _Leaf) -> bool:
    """For a part other than the body: is it a file the buyer receives?"""
    part = leaf.part
    if part.get_content_disposition() == "attachment" or part.get_content_type() == "message/rfc822":
        return True
    if part.get_content_maintype() == "text":
        return _has_name(part)  # unnamed ones are the body's alternatives or list footers
    # Images referenced from the HTML (signature logos, pasted pictures) are
    # part of the text, not files the buyer receives.
    return not (leaf.in_related and part.get("content-id"))


def _has_name(part: EmailMessage) -> bool:
    return _filename(part, None) is not None


def _attachment(part: EmailMessage, hint: str | None, newline: str) -> Attachment:
    if part.get_content_type() == "message/rfc822" and part.is_multipart():
        # A forwarded mail is parsed already; its size is that of the mail
        # written out again with the file's line ends.
        inner = part.get_payload(0)
        name = _filename(part, hint)
        if name is None and (subject := decode_header(_raw(inner, "subject"), hint)):
            name = f"{subject}.eml"
        return Attachment(name, "message/rfc822", len(inner.as_bytes(policy=inner.policy.clone(linesep=newline))))
    return Attachment(_filename(part, hint), part.get_content_type(), len(_payload_bytes(part)))


def _filename(part: EmailMessage, hint: str | None) -> str | None:
    """The file name, decoded however the sender's client encoded it.

    RFC 2231 (``filename*=gbk''%C8%...``), RFC 2047 words inside the quotes
    (against the standard, but what most Chinese clients send) and raw 8-bit
    bytes are all common. The raw header is re-read with the compat32 API,
    which hands back RFC 2231 values undecoded with their charset.
    """
    for header, param in (("content-disposition", "filename"), ("content-type", "name")):
        raw = _raw(part, header)
        if raw is None:
            continue
        holder = Compat32Message()
        # Decoded first: compat32 turns 8-bit bytes into U+FFFD on the way in.
        holder[header] = recover_8bit(re.sub(r"\r?\n(?=[ \t])", "", raw), hint)
        value = holder.get_param(param, header=header)
        if isinstance(value, tuple):
            charset, _, encoded = value
            name = detect_decode(encoded.encode("latin-1", "surrogateescape"), charset)[0]
        elif value:
            name = decode_header(value, hint)
        else:
            continue
        if name and name.strip():
            return name.strip()
    return None
