"""Everything the checks read about one draft, computed once and only when asked.

A check receives a :class:`Draft`. Cheap facts (zones, the buyer, the region)
are properties; costly analyses (spaCy) live in their own modules as functions
of the draft decorated with :func:`memoized`, so a run whose selected rules do
not need them never computes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import Any, TypeVar

from ..config import Config
from ..model import Message, Split
from . import region as regions
from .buyer import Buyer, find_buyer

T = TypeVar("T")


@dataclass
class Draft:
    message: Message
    split: Split
    config: Config
    inquiry: Message | None = None
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.message.text

    @property
    def subject(self) -> str:
        return self.message.subject or ""

    @property
    def lang(self) -> str:
        return self.config.lang or "en"

    @cached_property
    def buyer(self) -> Buyer:
        return find_buyer(self.message, self.split, self.inquiry)

    @cached_property
    def country(self) -> regions.Country | None:
        """The buyer's country: the setting, else the recipient's domain, else the buyer's signature."""
        if self.config.region:
            return regions.country(self.config.region)
        found = regions.from_addresses(self.message.to + self.message.cc)
        if found:
            return found
        buyer = self.buyer
        if buyer.split is not None:
            signed = buyer.split.zone_text("signature") + "\n" + buyer.split.zone_text("closing")
            found = regions.from_signature(signed)
        return found or regions.from_addresses([buyer.address or ""])

    def spans(self, scope: tuple[str, ...]) -> list[tuple[str, int, int]]:
        """(zone, start, end) for every part of the draft a rule with ``scope`` reads.

        Spans of zone "subject" index into the subject, all others into the text.
        """
        result = []
        if "subject" in scope and self.subject:
            result.append(("subject", 0, len(self.subject)))
        for zone in self.split.zones:
            if zone.kind in scope:
                result.append((zone.kind, zone.start, zone.end))
        return result

    def zone_text(self, kind: str) -> str:
        return self.split.zone_text(kind)


def memoized(analysis: Callable[[Draft], T]) -> Callable[[Draft], T]:
    """Compute ``analysis(draft)`` once per draft, however many checks ask for it."""
    key = f"{analysis.__module__}.{analysis.__qualname__}"

    @wraps(analysis)
    def once(draft: Draft) -> T:
        try:
            return draft._memo[key]
        except KeyError:
            value = draft._memo[key] = analysis(draft)
            return value

    return once
