"""RFC 3676 ``format=flowed`` text back into the paragraphs the writer typed.

Thunderbird sends and saves drafts as flowed text: long lines are wrapped at
about 72 characters with a trailing space marking each soft break. Left
wrapped, one sentence spans several lines and line-based zoning sees ragged
fragments.
"""

from __future__ import annotations


def unflow(text: str, delsp: bool = False) -> str:
    out: list[str] = []
    paragraph: list[str] = []
    depth = 0

    def flush() -> None:
        if paragraph:
            joined = "".join(paragraph)
            out.append(f"{'>' * depth} {joined}".rstrip() if depth else joined)
            paragraph.clear()

    for line in text.split("\n"):
        line_depth = len(line) - len(line.lstrip(">"))
        content = line[line_depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing (or the space after quote markers)
        if paragraph and line_depth != depth:
            flush()  # a change of quote depth ends a paragraph, soft break or not
        depth = line_depth
        soft = content.endswith(" ") and content != "-- "
        if soft and delsp:
            content = content[:-1]
        paragraph.append(content)
        if not soft:
            flush()
    flush()
    return "\n".join(out)
