"""Detectors: the Python half of a rule.

A rule's metadata (code, norms, messages, docs, options) is data in a pack in
``rules/``. Its detection logic is a function registered here under the same
code, or, for the generic kinds (existence, substitution, metric), one function
per kind that reads the rule's entries. Loading checks both halves match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..analyse.draft import Draft
from ..model import Fix
from ..packs import Rule


@dataclass
class Hit:
    """One place a detector found, before the engine turns it into a Finding.

    ``message`` and ``suggestion`` are keys into the rule's message and
    suggestion tables; ``args`` fill their placeholders. ``suggestion_text``
    is a literal suggestion (a corrected phrase) used when no key fits.
    """

    zone: str
    start: int
    end: int
    message: str = "default"
    args: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    suggestion_text: str | None = None
    fix: Fix | None = None


Detector = Callable[[Draft, Rule], Iterable[Hit]]


@dataclass(frozen=True)
class DetectorSpec:
    run: Detector
    #: True when the detector needs the spaCy pipeline (loaded lazily, batched by check_many).
    nlp: bool = False


_BY_CODE: dict[str, DetectorSpec] = {}
_BY_KIND: dict[str, DetectorSpec] = {}


def detector(code: str, *, nlp: bool = False) -> Callable[[Detector], Detector]:
    """Register the detection function of the rule ``code``."""

    def register(run: Detector) -> Detector:
        if code in _BY_CODE:
            raise ValueError(f"two detectors for {code}")
        _BY_CODE[code] = DetectorSpec(run, nlp)
        return run

    return register


def kind_detector(kind: str, *, nlp: bool = False) -> Callable[[Detector], Detector]:
    """Register the function that runs every data-only rule of ``kind``."""

    def register(run: Detector) -> Detector:
        _BY_KIND[kind] = DetectorSpec(run, nlp)
        return run

    return register


def spec_for(rule: Rule) -> DetectorSpec:
    spec = _BY_CODE.get(rule.code) if rule.kind == "code" else _BY_KIND.get(rule.kind)
    if spec is None:
        raise LookupError(f"rule {rule.code} ({rule.pack}): no detector for kind '{rule.kind}'")
    return spec


def registered_codes() -> frozenset[str]:
    return frozenset(_BY_CODE)
