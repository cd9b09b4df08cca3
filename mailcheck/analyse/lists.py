"""List items in mail text: "1.", "2)", "a.", "- ", "•".

Buyers number their questions and good replies number their answers, so a
list number ties an answer to its question. A marker alone on its line ("1."
above the item's text) opens the sentence of the line below (see sentences.py).
"""

from __future__ import annotations

import re

#: A list item's marker at the start of a line or sentence; ``number`` holds a numbered item's number.
LIST_ITEM = re.compile(r"^\s*(?:\(?(?P<number>\d{1,2})[.)]|\(?[a-hA-H][.)]|[-*•·◆▪►–])(?:\s+|$)")
