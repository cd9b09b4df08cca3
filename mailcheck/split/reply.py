"""Zoning the writer's own text into greeting, body, closing and signature.

Closing and signature are found from the bottom up: the sign-off phrase nearest
the end that has nothing but names, contact details, disclaimers or a postscript
below it; the writer's name right after it belongs to the closing, the rest
below is signature. Without a sign-off phrase, trailing contact blocks (or what
follows a "--" rule) are signature and a lone name on the last line is the
closing. The greeting can only be the first line left over.

Lines the writer did not type (a phone's "Sent from my iPhone", a list
archive's footer, the name of an attached file) are not signature; they stay
in the body.
"""

from __future__ import annotations

from mailcheck.split.lines import Line
from mailcheck.split.signoff import (
    has_contact,
    is_appended,
    is_closing,
    is_delimiter,
    is_disclaimer,
    is_given_name,
    is_greeting,
    is_pleasantry,
    is_postscript,
    is_prose,
    is_signature_rule,
    is_signed_name,
    is_standalone_name,
)

Paragraph = list[int]  # indices of consecutive non-blank lines


def zone_reply(lines: list[Line], end: int) -> list[tuple[str, int, int]]:
    """(kind, first line, last line) of each zone of the writer's text, ``lines[:end]``."""
    content = [i for i in range(end) if not lines[i].blank]
    if not content:
        return []
    appended = _appended(lines, _paragraphs(content))
    message = [i for i in content if i not in appended]
    kinds = _sign_off(lines, _paragraphs(message)) if message else {}
    unlabelled = [i for i in message if i not in kinds]
    if len(unlabelled) > 1:
        first = unlabelled[0]
        followed_by_text = first + 1 < end and not lines[first + 1].blank
        if is_greeting(lines[first].content, followed_by_text):
            kinds[first] = "greeting"
            # "Dear Anna,\n\nGood day!": the pleasantry belongs to the greeting.
            if len(unlabelled) > 2 and is_pleasantry(lines[unlabelled[1]].content):
                kinds[unlabelled[1]] = "greeting"
    return _runs([(i, kinds.get(i, "body")) for i in content])


def _paragraphs(indices: list[int]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for i in indices:
        if paragraphs and paragraphs[-1][-1] == i - 1:
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    return paragraphs


def _appended(lines: list[Line], paragraphs: list[Paragraph]) -> set[int]:
    """Lines from an appended one to the end of its paragraph, with a rule line just above it."""
    footer: set[int] = set()
    for k, paragraph in enumerate(paragraphs):
        start = next((n for n, i in enumerate(paragraph) if is_appended(lines[i].content)), None)
        if start is None:
            continue
        footer.update(paragraph[start:])
        if start > 0 and is_delimiter(lines[paragraph[start - 1]].content):
            footer.add(paragraph[start - 1])
        elif start == 0 and k > 0 and len(paragraphs[k - 1]) == 1 and is_delimiter(lines[paragraphs[k - 1][0]].content):
            footer.add(paragraphs[k - 1][0])
    return footer


def _sign_off(lines: list[Line], paragraphs: list[Paragraph]) -> dict[int, str]:
    """Closing and signature labels for the lines at the end of the writer's text."""
    text = {i: lines[i].content for p in paragraphs for i in p}
    aside = _aside_paragraphs(text, paragraphs)
    closing = _closing_line(text, paragraphs, aside)
    if closing is None:
        return _unsigned_tail(text, paragraphs, aside)
    kinds = {i: "closing" for i in _closing_lines(text, paragraphs, closing)}
    last = max(kinds)
    for paragraph in paragraphs:
        if paragraph[-1] <= last:
            continue
        kind = "body" if is_postscript(text[paragraph[0]]) else "signature"
        kinds.update({i: kind for i in paragraph if i > last})
    return kinds


def _aside_paragraphs(text: dict[int, str], paragraphs: list[Paragraph]) -> set[int]:
    """Lines of paragraphs that may follow a sign-off without being the message: disclaimers, P.S."""
    aside: set[int] = set()
    for paragraph in paragraphs:
        if is_postscript(text[paragraph[0]]) or any(is_disclaimer(text[i]) for i in paragraph):
            aside.update(paragraph)
    return aside


def _closing_line(text: dict[int, str], paragraphs: list[Paragraph], aside: set[int]) -> int | None:
    """The sign-off line nearest the end with no prose of the message below it."""
    for paragraph in reversed(paragraphs):
        for i in reversed(paragraph):
            if is_closing(text[i]):
                return i
            if i not in aside and is_prose(text[i]):
                return None
    return None


def _closing_lines(text: dict[int, str], paragraphs: list[Paragraph], closing: int) -> list[int]:
    """The sign-off line plus the writer's name: on the next line(s), or alone in the next paragraph.

    A thanks just above the sign-off ("Thanks for your help." / "Regards, Jane") closes too.
    """
    flat = [i for p in paragraphs for i in p]
    position = flat.index(closing)
    lines = [closing]
    if position > 0 and is_closing(text[flat[position - 1]]):
        lines.insert(0, flat[position - 1])
    index = next(k for k, p in enumerate(paragraphs) if closing in p)
    paragraph = paragraphs[index]
    for i in paragraph[paragraph.index(closing) + 1 :]:
        if len(lines) > 3 or has_contact(text[i]) or not is_signed_name(text[i]):
            break
        lines.append(i)
    if lines[-1] == paragraph[-1] and index + 1 < len(paragraphs) and lines[-1] == closing:
        following = paragraphs[index + 1]
        if len(following) <= 2 and all(is_signed_name(text[i]) and not has_contact(text[i]) for i in following):
            lines.extend(following)
        elif _name_led(text, following) and is_given_name(text[following[0]]):
            lines.append(following[0])  # "Mark" heading the signature block signs the message
    return lines


def _unsigned_tail(text: dict[int, str], paragraphs: list[Paragraph], aside: set[int]) -> dict[int, str]:
    """Signature and closing when no sign-off phrase is present."""
    kinds: dict[int, str] = {}
    remaining = [list(p) for p in paragraphs]
    signature_from = _delimited_signature(text, remaining, aside)
    if signature_from is not None:
        kinds.update({i: "signature" for p in remaining for i in p if i >= signature_from})
        remaining = [[i for i in p if i < signature_from] for p in remaining]
        remaining = [p for p in remaining if p]
    while remaining and _is_contact_block(text, remaining[-1], aside, continuing=bool(kinds)):
        if len(remaining) == 1 and not _name_led(text, remaining[0]):
            break  # a message of nothing but contact details is a message, unless a name heads it
        block = remaining.pop()
        kinds.update({i: "signature" for i in block})
        if _name_led(text, block) and is_given_name(text[block[0]]) and len(remaining) > 0:
            kinds[block[0]] = "closing"  # "Mark" over his position and phone signs the message
            return kinds
    if remaining and (len(remaining) > 1 or len(remaining[0]) > 1) and _signed_by_name(text, remaining[-1]):
        kinds[remaining[-1][-1]] = "closing"
    return kinds


def _signed_by_name(text: dict[int, str], paragraph: Paragraph) -> bool:
    """Whether the text ends with the writer's name: alone on the last line, after a finished sentence."""
    last = text[paragraph[-1]]
    if not (is_standalone_name(last) or is_given_name(last)):
        return False
    if len(paragraph) == 1:
        return True
    above = text[paragraph[-2]]
    return above.endswith((".", "!", "?")) or is_closing(above.split()[-1])


def _delimited_signature(text: dict[int, str], paragraphs: list[Paragraph], aside: set[int]) -> int | None:
    """The first rule line after which only signature material follows.

    After "--", the signature separator, anything but prose is signature; after other rules
    ("____", "*****") the next line must be a name, a contact detail or a disclaimer.
    """
    flat = [i for p in paragraphs for i in p]
    start = None
    for position in range(len(flat) - 2, 0, -1):
        i = flat[position]
        if i not in aside and is_prose(text[i]):
            break
        following = text[flat[position + 1]]
        if is_signature_rule(text[i]) or is_delimiter(text[i]) and (
            is_signed_name(following) or has_contact(following) or flat[position + 1] in aside
        ):
            start = i
    return start


def _is_contact_block(text: dict[int, str], paragraph: Paragraph, aside: set[int], continuing: bool) -> bool:
    """Whether a paragraph is signature: a disclaimer, contact lines, or a name heading contact lines.

    ``continuing`` is set when the paragraphs below are signature already, so that any
    paragraph of contact details joins them.
    """
    if all(i in aside for i in paragraph) and not is_postscript(text[paragraph[0]]):
        return True  # a disclaimer
    if any(is_prose(text[i]) for i in paragraph):
        return False
    contacts = sum(has_contact(text[i]) for i in paragraph)
    if _name_led(text, paragraph):
        return contacts >= 1 and len(paragraph) >= 2
    if continuing:
        return contacts >= 1
    # A lone web link or number closing the text is more likely a reference than a signature.
    return contacts == len(paragraph) >= 2


def _name_led(text: dict[int, str], paragraph: Paragraph) -> bool:
    return is_standalone_name(text[paragraph[0]]) or is_signed_name(text[paragraph[0]])


def _runs(labelled: list[tuple[int, str]]) -> list[tuple[str, int, int]]:
    runs: list[tuple[str, int, int]] = []
    for i, kind in labelled:
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], i)
        else:
            runs.append((kind, i, i))
    return runs
