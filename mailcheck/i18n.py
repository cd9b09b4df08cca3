"""The report language: English or Chinese, from the option, the config or the locale."""

from __future__ import annotations

import locale
import os

LANGS = ("en", "zh")


def default_lang() -> str:
    """"zh" when the user's locale is Chinese, else "en"."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


def pick(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en
