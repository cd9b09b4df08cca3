"""Outlook .msg drafts → Message, through extract_msg."""

from __future__ import annotations

import logging
import mimetypes
from datetime import datetime, timezone

from ..model import Attachment, Message, Source
from .decoding import newline_of, unix_newlines
from .errors import ReadError
from .html_text import decode_html

_ATTACH_SIZE = "0E200003"  # PR_ATTACH_SIZE, for attachments that are not plain bytes
_LAST_MODIFIED = "30080040"  # PR_LAST_MODIFICATION_TIME: when a draft was last saved


def message_from_msg(data: bytes, path: str) -> Message:
    # Imported here: extract_msg pulls in a large dependency tree and most
    # runs never see a .msg file.
    import extract_msg
    from extract_msg.enums import RecipientType

    # extract_msg logs a warning for every oddity of real-world files; they
    # say nothing the user can act on.
    if logging.getLogger("extract_msg").level == logging.NOTSET:
        logging.getLogger("extract_msg").setLevel(logging.ERROR)
    try:
        msg = extract_msg.openMsg(data)
    except Exception as err:  # corrupt files raise anything from olefile up
        raise ReadError(path, f"not a readable Outlook .msg file ({_describe(err)})") from err
    try:
        if not hasattr(msg, "body"):
            raise ReadError(path, f"Outlook item is a {msg.classType}, not a mail message")
        text, from_html = msg.body or "", False
        if not text.strip() and msg.htmlBody:
            text, from_html = decode_html(msg.htmlBody)[0], True
        recipients = list(msg.recipients)
        # An unsent draft has no send date; the time it was saved is the
        # nearest thing, as the Date header of a saved .eml draft is.
        date = msg.date or msg.getPropertyVal(_LAST_MODIFIED)
        if not isinstance(date, datetime):
            date = None
        return Message(
            path=path,
            text=unix_newlines(text).rstrip(),
            subject=msg.subject,
            sender=msg.sender,
            to=[r.formatted for r in recipients if r.type == RecipientType.TO],
            cc=[r.formatted for r in recipients if r.type == RecipientType.CC],
            date=date.replace(tzinfo=timezone.utc) if date and date.tzinfo is None else date,
            attachments=[_attachment(att) for att in msg.attachments if not att.hidden],
            from_html=from_html,
            source=Source(kind="msg", encoding=msg.stringEncoding, newline=newline_of(text)),
        )
    except ReadError:
        raise
    except Exception as err:  # same: a damaged stream fails deep inside extract_msg
        raise ReadError(path, f"damaged Outlook .msg file ({_describe(err)})") from err
    finally:
        msg.close()


def _attachment(att) -> Attachment:
    name = att.longFilename or att.shortFilename or att.displayName
    content_type = att.mimetype or (mimetypes.guess_type(name)[0] if name else None)
    data = att.data
    size = len(data) if isinstance(data, bytes) else att.getPropertyVal(_ATTACH_SIZE, 0)
    return Attachment(name, content_type or "application/octet-stream", size)


def _describe(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
