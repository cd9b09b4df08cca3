"""Expressions of time in a reply: durations, dates, and the words that fix a moment.

Two care checks need them: a lead time is answered only with a duration or a
date (CARE-ALL-POINTS), and a deferral is acceptable only when it says when
(CARE-DEFER-WHEN: "by Friday", "within 2 days", "tomorrow"). "Soon", "later",
"as soon as possible" and "in due course" name no time and are not matched.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|a couple of|a"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

#: "25 days", "2-3 weeks", "two working days", "48 hours".
DURATION = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+)?|\b(?:{_NUMBER_WORDS}))[\s-]*(?:more\s+)?(?:working\s+|business\s+|calendar\s+|production\s+)?"
    r"(?:days?|weeks?|months?|hours?|hrs?)\b"
)
#: "15 May", "May 15th", "20/05", "mid-April", "end of March".
DATE = (
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    # "20/05", "20.05.2026"; not "9.50", which is a price.
    rf"|(?<![$€£¥.\d])\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|\b\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b"
    rf"|\b(?:end|middle|beginning|start|early|mid|late)[- ](?:of\s+)?{_MONTH}(?!\w)"
    # Days a buyer's calendar turns on: "by Christmas", "before Chinese New Year".
    r"|\b(?:christmas|xmas|chinese\s+new\s+year|lunar\s+new\s+year|ramadan|eid|easter|diwali|black\s+friday|thanksgiving)\b)"
)
#: "tomorrow", "this week", "next Monday", "Friday", "end of the week".
TIME_WORD = (
    rf"\b(?:today|tonight|tomorrow|this\s+(?:week|month|afternoon|morning|evening)|next\s+(?:week|month|{_WEEKDAY})"
    rf"|(?:the\s+)?end\s+of\s+(?:this|the|next)\s+(?:week|month|day)|same\s+day|{_WEEKDAY}|\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\b"
    r"|\d{1,2}:\d{2}|noon)\b"
)

_WHEN = re.compile(
    rf"\b(?:by|before|within|in|on|until|till|no later than|not later than|at)\s+(?:the\s+)?(?:latest\s+)?(?:{DURATION}|{DATE}|{TIME_WORD})"
    rf"|{TIME_WORD}|{DATE}|\bwithin\s+(?:the\s+)?(?:day|week|hour)\b",
    re.IGNORECASE,
)


def time_expression(text: str) -> re.Match[str] | None:
    """The first expression in ``text`` that says when: "by Friday", "within 2 days", "tomorrow", "on 3 May"."""
    return _WHEN.search(text)
