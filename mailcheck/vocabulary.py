"""The trade vocabulary of export mail, read once from ``rules/data/trade_words.toml``.

Words that are right in export mail though general dictionaries lack them or
write them in lower case: Incoterms, payment and shipping terms, units,
certificates, currencies, product abbreviations, ports and the technical words
of many trades. The spelling check accepts them; the capitals checks
(STR-SUBJECT, PRO-FORMAT-CAPS) and the repetition check (PRO-CONCISE-REPEAT)
know that "FOB" and "USD" are terms, not shouting or rambling.
"""

from __future__ import annotations

from functools import lru_cache

from .packs import load_data


@lru_cache(maxsize=None)
def trade_words(*groups: str) -> tuple[str, ...]:
    """The words of the named groups ("currencies", "units", …; all when none is named), as written."""
    data = load_data("trade_words")
    return tuple(word for group in groups or tuple(data) for word in data[group])


@lru_cache(maxsize=1)
def trade_acronyms() -> frozenset[str]:
    """Every trade word in capitals, to tell a term written in capitals ("FOB", "ENEC") from shouting."""
    return frozenset(word.upper() for word in trade_words())
