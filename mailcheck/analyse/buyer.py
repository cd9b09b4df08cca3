"""Who the buyer is and what they last wrote.

The buyer's newest message is the inquiry given beside the draft, else the
newest quoted message that the writer did not send. Only that message counts:
older quoted history is not what the reply answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email.utils import getaddresses, parseaddr

from ..model import Message, Split
from ..split import split
from ..split.signoff import is_closing
from .dates import parse_date

#: Words in names that are not names: titles and the mailbox words of role addresses.
_NOT_NAMES = frozenset(
    "mr mrs ms miss mx dr prof sir madam dear team purchasing purchase sales info office "
    "manager buyer import export procurement admin contact service support no reply noreply "
    "department dept customer the and of".split()
)
#: A display name with a legal-form word names a company, not the person to greet.
_COMPANY = re.compile(
    r"(?<!\w)(gmbh|ltd|ltda|limited|inc|llc|corp|corporation|company|co|trading|group|s\.?a|s\.?r\.?l|b\.?v|"
    r"ag|plc|pty|fze|llp|sarl|s\.?p\.?a|oy|ab|import|imports|export|exports|industries|enterprises)(?!\w)",
    re.IGNORECASE,
)
_NAME_LINE = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[ '’.-]+[^\W\d_][^\W\d_'’.-]*){0,3}\.?$")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a word: "José" and "jose" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_tokens(name: str | None) -> frozenset[str]:
    """The words of a person's name, folded, without titles."""
    if not name:
        return frozenset()
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name)
    return frozenset(fold(w) for w in words if fold(w) not in _NOT_NAMES and len(w) > 1)


def display_name(header: str | None) -> str | None:
    """The person's name from a From header: "Silva, Henrique <h@x>" -> "Henrique Silva"."""
    if not header:
        return None
    name, address = parseaddr(header)
    name = name.strip().strip('"').strip()
    if not name and "<" not in header and "@" not in header:
        name = header.strip()  # quote headers often give only a name: "From: Henrique Silva"
    if _COMPANY.search(name):
        name = ""
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}".strip()
    if not name and address:
        local = address.split("@", 1)[0]
        parts = [p for p in re.split(r"[._]", local) if p.isalpha()]
        if len(parts) >= 2 and not set(map(str.lower, parts)) & _NOT_NAMES:
            name = " ".join(p.capitalize() for p in parts)
    return name or None


def address_of(header: str | None) -> str | None:
    if not header:
        return None
    addresses = [a for _, a in getaddresses([header]) if "@" in a]
    return addresses[0].lower() if addresses else None


def signoff_name(message_split: Split) -> str | None:
    """The name a message is signed with: the end of its closing, or the first line of its signature."""
    closing = [ln.strip() for ln in message_split.zone_text("closing").splitlines() if ln.strip()]
    signature = [ln.strip() for ln in message_split.zone_text("signature").splitlines() if ln.strip()]
    for candidate in closing[-1:] + signature[:1]:
        # "Zhao Min (Mindy)", "Douglas," -> the name itself
        candidate = re.sub(r"\s*\([^)]*\)$", "", candidate).rstrip(",")
        if _NAME_LINE.match(candidate) and not is_closing(candidate):
            return candidate
    return None


@dataclass
class Buyer:
    name: str | None
    #: Every known word of the buyer's name (display name and sign-off), folded.
    names: frozenset[str]
    address: str | None
    #: The buyer's newest message: its text and zones.
    text: str | None
    split: Split | None
    date: datetime | None
    sender: str | None
    subject: str | None
    #: "inquiry" (given beside the draft), "quote" (quoted in it), or None.
    source: str | None


NO_BUYER = Buyer(None, frozenset(), None, None, None, None, None, None, None)


def _from_parts(sender, text, date, subject, source, message_split=None) -> Buyer:
    message_split = message_split or split(text)
    name = display_name(sender)
    signed = signoff_name(message_split)
    return Buyer(
        name=name or signed,
        names=name_tokens(name) | name_tokens(signed),
        address=address_of(sender),
        text=message_split.reply_text,
        split=message_split,
        date=date,
        sender=sender,
        subject=subject,
        source=source,
    )


def find_buyer(message: Message, draft_split: Split, inquiry: Message | None) -> Buyer:
    if inquiry is not None:
        return _from_parts(inquiry.sender, inquiry.text, inquiry.date, inquiry.subject, "inquiry")
    writer = address_of(message.sender)
    for quoted in draft_split.quoted:
        if writer and address_of(quoted.sender) == writer:
            continue  # the writer's own earlier mail in the thread
        return _from_parts(quoted.sender, quoted.text, parse_date(quoted.date), quoted.subject, "quote")
    return NO_BUYER
