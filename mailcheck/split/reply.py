"""Zoning the writer's own text into greeting, body, closing and signature.

Closing and signature are found from the bottom up: the sign-off phrase nearest
the end that has nothing but names, contact details, disclaimers or a postscript
below it; the writer's name right after it belongs to the closing, the rest
below is signature. Without a sign-off phrase, trailing contact blocks (or what
follows a "--" rule) are signature and a lone name on the last line is the
closing. The greeting can only be the first line left over.

Lines the writer did not type (a phone's "Sent from my iPhone", a list
archive's footer, the name of an attached file) are not signature; they stay
in the body, as does a postscript.
"""

from __future__ import annotations

from mailcheck.split.lines import Line
from mailcheck.split.signoff import (
    closing_name,
    has_contact,
    is_appended,
    is_cjk_name,
    is_closing,
    is_company,
    is_courtesy_thanks,
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
    is_thanks_for,
)

Paragraph = list[int]  # indices of consecutive non-blank lines
# How far up from the end a sign-off is looked for, in non-blank lines: past a long signature
# with a disclaimer, but not into the middle of a long message.
_SIGN_OFF_REACH = 40


def zone_reply(lines: list[Line], writer: list[int]) -> list[tuple[str, int, int]]:
    """(kind, first line, last line) of each zone of the writer's text, the lines at ``writer``.

    ``writer`` is usually every line above the quoted mail; answers between quoted excerpts
    add lines further down. A zone never spans a line that is not the writer's.
    """
    content = [i for i in writer if not lines[i].blank]
    if not content:
        return []
    appended = _appended(lines, _paragraphs(content))
    message = [i for i in content if i not in appended]
    kinds = _Tail(lines, _paragraphs(message)).kinds() if message else {}
    unlabelled = [i for i in message if i not in kinds]
    if len(unlabelled) > 1:
        first = unlabelled[0]
        followed_by_text = first + 1 in unlabelled
        if is_greeting(lines[first].content, followed_by_text):
            kinds[first] = "greeting"
            # "Dear Anna,\n\nGood day!": the pleasantry belongs to the greeting.
            if len(unlabelled) > 2 and is_pleasantry(lines[unlabelled[1]].content):
                kinds[unlabelled[1]] = "greeting"
    return _runs([(i, kinds.get(i, "body")) for i in content], set(writer))


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
    found: set[int] = set()
    for k, paragraph in enumerate(paragraphs):
        start = next((n for n, i in enumerate(paragraph) if is_appended(lines[i].content)), None)
        if start is None:
            continue
        found.update(paragraph[start:])
        rule_above = paragraph[start - 1] if start > 0 else paragraphs[k - 1][-1] if k > 0 else None
        if rule_above is not None and is_delimiter(lines[rule_above].content):
            found.add(rule_above)
    return found


class _Tail:
    """The end of the writer's text, where the closing and the signature are."""

    def __init__(self, lines: list[Line], paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        self.flat = [i for p in paragraphs for i in p]
        self.text = {i: lines[i].content for i in self.flat}
        # Text that may follow a sign-off: a postscript (to the end of its paragraph) or a disclaimer.
        self.postscript: set[int] = set()
        self.disclaimer: set[int] = set()
        for paragraph in paragraphs:
            start = next((n for n, i in enumerate(paragraph) if is_postscript(self.text[i])), None)
            if start is not None:
                self.postscript.update(paragraph[start:])
            if any(is_disclaimer(self.text[i]) for i in paragraph):
                self.disclaimer.update(paragraph)
        self._prose: dict[int, bool] = {}

    def prose(self, i: int) -> bool:
        """A line of the message's own text, which no sign-off can have below it."""
        if i not in self._prose:
            self._prose[i] = i not in self.postscript and i not in self.disclaimer and is_prose(self.text[i])
        return self._prose[i]

    def kinds(self) -> dict[int, str]:
        closing = self._closing_line()
        if closing is None:
            return self._unsigned()
        kinds = {i: "closing" for i in self._closing_lines(closing)}
        last = max(kinds)
        # With prose below it, the sign-off is followed by afterthoughts of the message as well as by
        # the signature: then a paragraph is signature when it holds contact details, a disclaimer or
        # a name, and an afterthought otherwise.
        mixed = any(self.prose(i) for i in self.flat if i > last)
        for paragraph in self.paragraphs:
            below = [i for i in paragraph if i > last]
            signature = not mixed or bool(below) and self._holds_signature(below)
            for i in below:
                kinds[i] = "signature" if signature and i not in self.postscript else "body"
        return kinds

    def _holds_signature(self, paragraph: Paragraph) -> bool:
        if all(i in self.disclaimer for i in paragraph):
            return True
        prose = sum(self.prose(i) for i in paragraph)
        if any(has_contact(self.text[i]) for i in paragraph):
            return prose * 2 < len(paragraph)
        return prose == 0 and len(paragraph) <= 2 and self._name_led(paragraph)

    def _closing_line(self) -> int | None:
        """The sign-off line nearest the end with no prose of the message below it, or, above
        some prose, a sign-off with the writer's name ("Best regards,\nLily" / "Cheers -- Rick").

        A thanks for something on one of the first two lines ("Hi Klaus,\nThanks for your
        inquiry about our panels.") opens the message rather than closing it.
        """
        prose_below = False
        for position in range(len(self.flat) - 1, max(-1, len(self.flat) - 1 - _SIGN_OFF_REACH), -1):
            i = self.flat[position]
            if is_closing(self.text[i]):
                if position <= 1 and is_thanks_for(self.text[i]):
                    return None
                if not prose_below or self._signed(position):
                    return i
            prose_below = prose_below or self.prose(i)
        return None

    def _signed(self, position: int) -> bool:
        """Whether the sign-off at ``position`` names the writer, on its line or the next."""
        if closing_name(self.text[self.flat[position]]):
            return True
        following = self.flat[position + 1] if position + 1 < len(self.flat) else None
        return following == self.flat[position] + 1 and is_signed_name(self.text[following])

    def _closing_lines(self, closing: int) -> list[int]:
        """The sign-off line plus the writer's name: on the next line(s), or alone in the next paragraph.

        A thanks just above the sign-off ("Thanks for your help." / "Regards, Jane") closes too.
        """
        text = self.text
        position = self.flat.index(closing)
        lines = [closing]
        if position > 0 and is_courtesy_thanks(text[self.flat[position - 1]]):
            lines.insert(0, self.flat[position - 1])
        index = next(k for k, p in enumerate(self.paragraphs) if closing in p)
        paragraph = self.paragraphs[index]
        for i in paragraph[paragraph.index(closing) + 1 :]:
            # One name line; a second only when it writes the name in another script ("Lily Wang" / "王丽").
            named = len(lines) > 1 + (lines[0] != closing)
            if has_contact(text[i]) or not is_signed_name(text[i]) or named and not is_cjk_name(text[i]):
                break
            lines.append(i)
        if lines[-1] == closing == paragraph[-1] and index + 1 < len(self.paragraphs):
            following = self.paragraphs[index + 1]
            if len(following) <= 2 and all(is_signed_name(text[i]) and not has_contact(text[i]) for i in following):
                lines.extend(following)
            elif self._name_led(following) and is_given_name(text[following[0]]):
                lines.append(following[0])  # "Mark" heading the signature block signs the message
        return lines

    def _unsigned(self) -> dict[int, str]:
        """Signature and closing when no sign-off phrase is present."""
        kinds: dict[int, str] = {}
        remaining = [list(p) for p in self.paragraphs]
        rule = self._rule_before_signature()
        if rule is not None:
            kinds.update({i: "signature" for i in self.flat if i >= rule})
            remaining = [kept for p in remaining if (kept := [i for i in p if i < rule])]
        while remaining:
            block = self._signature_block(remaining[-1], continuing=bool(kinds))
            if not block or block == remaining[0] and not self._name_led(block):
                break  # a message of nothing but contact details is a message, unless a name heads it
            kinds.update({i: "signature" for i in block})
            remaining[-1] = remaining[-1][: len(remaining[-1]) - len(block)]
            if not remaining[-1]:
                remaining.pop()
            if self._name_led(block) and is_given_name(self.text[block[0]]) and remaining:
                kinds[block[0]] = "closing"  # "Mark" over his position and phone signs the message
                return kinds
        if remaining and (len(remaining) > 1 or len(remaining[0]) > 1) and self._signed_by_name(remaining[-1]):
            kinds[remaining[-1][-1]] = "closing"
        return kinds

    def _signed_by_name(self, paragraph: Paragraph) -> bool:
        """Whether the text ends with the writer's name: alone on the last line, after a finished sentence."""
        last = self.text[paragraph[-1]]
        if not (is_standalone_name(last) or is_given_name(last)):
            return False
        return len(paragraph) == 1 or self._ends_sentence(paragraph[-2])

    def _ends_sentence(self, i: int) -> bool:
        content = self.text[i]
        return content.endswith((".", "!", "?")) or is_closing(content.split()[-1])

    def _rule_before_signature(self) -> int | None:
        """The first rule line after which only signature material follows.

        After "--", the signature separator, anything but prose is signature; after other rules
        ("____", "*****") the next line must be a name, a contact detail or a disclaimer.
        """
        flat, text = self.flat, self.text
        start = None
        for position in range(len(flat) - 2, 0, -1):
            i = flat[position]
            if self.prose(i):
                break
            following = flat[position + 1]
            if is_signature_rule(text[i]) or is_delimiter(text[i]) and (
                is_signed_name(text[following]) or has_contact(text[following]) or following in self.disclaimer
            ):
                start = i
        return start

    def _signature_block(self, paragraph: Paragraph, continuing: bool) -> Paragraph:
        """The lines of ``paragraph`` that are signature: all, a trailing name-led block, or none.

        ``continuing`` is set when the paragraphs below are signature already, so that any
        paragraph of contact details joins them.
        """
        if all(i in self.disclaimer for i in paragraph) and not any(i in self.postscript for i in paragraph):
            return paragraph
        if self._is_contact_block(paragraph, continuing):
            return paragraph
        # "…are interested.\nRyan Ruppert\nSenior Geologist\n713.431.1839": a block run into the text.
        for k in range(1, len(paragraph) - 1):
            if self._ends_sentence(paragraph[k - 1]) and self._name_led(paragraph[k:]):
                if self._is_contact_block(paragraph[k:], continuing):
                    return paragraph[k:]
        return []

    def _is_contact_block(self, paragraph: Paragraph, continuing: bool) -> bool:
        if any(self.prose(i) or i in self.postscript for i in paragraph):
            return False
        contacts = sum(has_contact(self.text[i]) for i in paragraph)
        if self._name_led(paragraph):
            return contacts >= 1 and len(paragraph) >= 2
        if continuing:
            return contacts >= 1
        if len(paragraph) == 1:
            return is_company(self.text[paragraph[0]])  # a letterhead line: "Enron North America Corp."
        # A lone web link or number closing the text is more likely a reference than a signature.
        return contacts == len(paragraph)

    def _name_led(self, paragraph: Paragraph) -> bool:
        first = self.text[paragraph[0]]
        return is_standalone_name(first) or is_signed_name(first)


def _runs(labelled: list[tuple[int, str]], writer: set[int]) -> list[tuple[str, int, int]]:
    """Merge consecutive lines of one kind into zones, never across a line the writer did not write."""
    runs: list[tuple[str, int, int]] = []
    for i, kind in labelled:
        if runs and runs[-1][0] == kind and all(j in writer for j in range(runs[-1][2] + 1, i)):
            runs[-1] = (kind, runs[-1][1], i)
        else:
            runs.append((kind, i, i))
    return runs
