"""HTML mail → the plain text a reader sees, with quoting kept as ``> `` lines.

Only what the later stages need: line structure (so greetings, sign-offs and
quote headers stay on their own lines) and quote depth (so the splitter can
tell the writer's text from the quoted inquiry).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .decoding import detect_decode

# Elements whose text is never shown.
_HIDDEN = {"script", "style", "title", "template"}
# Elements that start and end a line.
_BLOCKS = {
    "address", "article", "aside", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "header", "main", "nav", "ol", "section", "table", "tr", "ul",
}
# Elements with space above and below, shown as a blank line.
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
# What Outlook (and the plain-text part it writes) shows for a reply separator.
_RULE = "_" * 32
_SPACE = re.compile(r"[ \t\r\n\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, codec) of an HTML body, its charset taken from ``declared`` or
    else from its own <meta> tag."""
    if declared is None and (meta := _META_CHARSET.search(data[:4096])):
        declared = meta[1].decode("ascii")
    html, codec = detect_decode(data, declared)
    return html_to_text(html), codec


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return parser.text()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[tuple[int, str]] = []  # (quote depth, text)
        self._pieces: list[str] = []
        self._line_open = False  # a block holding only &nbsp; still makes a line
        self._hidden = 0
        self._pre = 0
        self._quote = 0
        self._lists: list[int | None] = []  # None for <ul>, the next number for <ol>
        self._cell_gap = False
        self._outlook_paragraph = False

    # -- structure -------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self._end_line(force=True)
        elif tag == "hr":
            self._end_line()
            self._lines.append((self._quote, _RULE))
        elif tag == "blockquote":
            self._end_line()
            self._quote += 1
        elif tag == "p" and _is_outlook_line(attrs):
            self._end_line()  # Outlook's paragraphs have no margins: one per line
            self._outlook_paragraph = True
        elif tag in _PARAGRAPHS:
            self._blank_line()
            self._outlook_paragraph = False
            if tag == "pre":
                self._pre += 1
        elif tag in ("ul", "ol"):
            self._end_line()
            self._lists.append(None if tag == "ul" else 1)
        elif tag == "li":
            self._end_line()
            self._pieces.append(self._bullet())
        elif tag in ("td", "th"):
            self._cell_gap = bool(self._pieces)
        elif tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "blockquote":
            self._end_line()
            self._quote = max(0, self._quote - 1)
        elif tag == "p" and self._outlook_paragraph:
            self._end_line()
            self._outlook_paragraph = False
        elif tag in _PARAGRAPHS:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._blank_line()
        elif tag in ("ul", "ol"):
            self._end_line()
            if self._lists:
                self._lists.pop()
        elif tag in _BLOCKS or tag == "li":
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._add(first.replace("\r", ""))
            for line in rest:
                self._end_line(force=True)
                self._add(line.replace("\r", ""))
            return
        if "\xa0" in data:
            self._line_open = True
        text = _SPACE.sub(" ", data).replace("\xa0", " ")
        if not self._pieces or self._pieces[-1].endswith(" "):
            text = text.lstrip()
        self._add(text)

    # -- output ----------------------------------------------------------
    def _add(self, text: str) -> None:
        if not text:
            return
        if self._cell_gap:
            self._pieces.append("\t")
            self._cell_gap = False
        self._pieces.append(text)

    def _bullet(self) -> str:
        if not self._lists or self._lists[-1] is None:
            return "- "
        number = self._lists[-1]
        self._lists[-1] = number + 1
        return f"{number}. "

    def _end_line(self, force: bool = False) -> None:
        line = "".join(self._pieces).strip(" ")
        if line or force or self._line_open:
            self._lines.append((self._quote, line))
        self._pieces = []
        self._line_open = False
        self._cell_gap = False

    def _blank_line(self) -> None:
        self._end_line()
        if self._lines and self._lines[-1][1]:
            self._lines.append((self._quote, ""))

    def text(self) -> str:
        self._end_line()
        rendered: list[str] = []
        for depth, line in self._lines:
            out = (("> " * depth) + line).rstrip() if depth else line.rstrip()
            # HTML spacing (margins plus spacer paragraphs) has no fixed
            # count of blank lines: keep at most one.
            if not line and rendered and not _quote_body(rendered[-1]):
                continue
            rendered.append(out)
        return "\n".join(rendered).strip("\n")


def _is_outlook_line(attrs: list[tuple[str, str | None]]) -> bool:
    classes = next((value or "" for name, value in attrs if name == "class"), "")
    return any(cls.lower().startswith("mso") for cls in classes.split())


def _quote_body(line: str) -> bool:
    """True for a non-blank line (quote markers alone count as blank)."""
    return bool(line.strip("> "))
