"""Which country the buyer writes from, and the regional norms that follow.

The country comes from an explicit setting, else the recipient's country-code
domain, else the buyer's own address or signature (country name or dialling
code). Unknown when nothing tells: regional rules then stay silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..packs import Text, load_data

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    group: str
    group_name: Text
    #: "formal", "formal_title", "relaxed" or "neutral" (see rules/data/regions.toml)
    salutation: str
    tz: ZoneInfo
    #: Non-working weekdays, Monday = 0.
    weekend: frozenset[int]
    tlds: tuple[str, ...]
    phone: str
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    data = load_data("regions")
    groups = data["groups"]
    result = {}
    for code, c in data["countries"].items():
        group = groups[c["group"]]
        result[code] = Country(
            code=code,
            name=c["name"],
            group=c["group"],
            group_name=Text(**group["name"]),
            salutation=group["salutation"],
            tz=ZoneInfo(c["tz"]),
            weekend=frozenset(WEEKDAYS.index(d) for d in c["weekend"]),
            tlds=tuple(c["tld"]),
            phone=c["phone"],
            names=tuple(c["names"]),
        )
    return result


def country(code: str | None) -> Country | None:
    if not code:
        return None
    return countries().get(code.strip().upper())


@lru_cache(maxsize=1)
def _by_tld() -> dict[str, Country]:
    return {tld: c for c in countries().values() for tld in c.tlds}


@lru_cache(maxsize=1)
def _name_pattern() -> tuple[re.Pattern[str], dict[str, Country]]:
    by_name = {}
    for c in countries().values():
        for name in c.names:
            by_name[name.casefold()] = c
    # Longest first, so "South Africa" wins over "Africa"-like shorter names.
    alternatives = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w])",
        re.IGNORECASE,
    )
    return pattern, by_name


@lru_cache(maxsize=1)
def _by_phone() -> dict[str, Country]:
    result: dict[str, Country] = {}
    # The first country listed for a shared code (US for +1, RU for +7) wins.
    for c in countries().values():
        result.setdefault(c.phone, c)
    return result


_ADDRESS = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_PHONE = re.compile(r"(?:\+|\b00)\s?\(?(\d{1,3})")


def from_addresses(addresses: list[str]) -> Country | None:
    """The country of the first address with a country-code domain."""
    for address in addresses:
        for domain in _ADDRESS.findall(address or ""):
            tld = domain.rsplit(".", 1)[-1].lower()
            found = _by_tld().get(tld)
            if found:
                return found
    return None


def from_signature(text: str) -> Country | None:
    """The country a signature or address block names, by name or dialling code."""
    if not text:
        return None
    pattern, by_name = _name_pattern()
    for match in pattern.finditer(text):
        word = match.group(1)
        # Short all-capital names ("UK", "HK", "KSA") must be written in capitals.
        if len(word) <= 3 and word != word.upper():
            continue
        return by_name[word.casefold()]
    for match in _PHONE.finditer(text):
        digits = match.group(1)
        for length in (3, 2, 1):
            found = _by_phone().get(digits[:length])
            if found:
                return found
    return None
