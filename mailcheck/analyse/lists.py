"""List items in mail text: "1.", "2)", "a.", "- ", "•".

Buyers number their questions and good replies number their answers, so a
list number ties an answer to its question. The shared sentence splitter cuts a
bare "1." off as a sentence of its own; ``MARKER_ONLY`` recognises it, so that
the number can be carried to the sentence it belongs to.
"""

from __future__ import annotations

import re

#: A list item's marker at the start of a line or sentence; ``number`` holds a numbered item's number.
LIST_ITEM = re.compile(r"^\s*(?:\(?(?P<number>\d{1,2})[.)]|\(?[a-hA-H][.)]|[-*•·◆▪►–])(?:\s+|$)")
#: A sentence that is only a list marker: "1.", "(b)".
MARKER_ONLY = re.compile(r"^\(?(?P<number>\d{1,2}|[a-hA-H])[.)]$")
