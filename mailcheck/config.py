"""Settings: ``[tool.mailcheck]`` in pyproject.toml or a ``mailcheck.toml``.

The nearest config file is found by walking up from the checked file, as ruff
and codespell do. Command-line options override it. The keys are documented in
docs/configuration.md; ``mailcheck init`` writes a commented example.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import SEVERITIES

CONFIG_NAMES = ("mailcheck.toml", ".mailcheck.toml", "pyproject.toml")
SIGNATURE_FIELDS = ("name", "position", "company", "phone", "email", "contact", "website", "address")


class ConfigError(ValueError):
    """A config file or option is invalid; the message says where and why."""


@dataclass
class Profile:
    """The sender's company, as the signature and office-hours rules need it."""

    company: str | None = None
    #: Fields a signature must carry. "contact" means a phone number or an e-mail address.
    signature_fields: tuple[str, ...] = ("name", "position", "company", "contact", "website")
    office_start: time = time(9, 0)
    office_end: time = time(18, 0)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))


@dataclass
class Config:
    select: tuple[str, ...] = ()  # empty: every rule enabled by default
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    region: str | None = None
    #: "en" or "zh"; None: from the locale (see mailcheck.i18n).
    lang: str | None = None
    fail_level: str = "warning"
    fail_under: float | None = None
    profile: Profile = field(default_factory=Profile)
    #: Extra rule packs (TOML files) that users add without writing Python.
    packs: tuple[Path, ...] = ()
    #: The user's own words for the spelling check.
    words: tuple[str, ...] = ()
    #: Per-rule option overrides: {"PRO-LENGTH": {"max-words": 200}}.
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: LanguageTool backend: {"remote-server": URL} or {"path": dir}; empty = offline only.
    languagetool: dict[str, str] = field(default_factory=dict)
    #: "Now" for timing rules; None means the real clock.
    now: datetime | None = None
    #: The file this config was read from, for messages.
    path: Path | None = None

    def replace(self, **changes: Any) -> "Config":
        return dataclasses.replace(self, **changes)


def _parse_time(value: str, where: str) -> time:
    try:
        return time.fromisoformat(value.strip())
    except ValueError as err:
        raise ConfigError(f"{where}: '{value}' is not a time like 09:00") from err


def _office_hours(value: str, where: str) -> tuple[time, time]:
    parts = re.split(r"\s*[-–~]\s*", value.strip())
    if len(parts) != 2:
        raise ConfigError(f"{where}: office-hours must look like '09:00-18:00'")
    return _parse_time(parts[0], where), _parse_time(parts[1], where)


def _zone(value: str, where: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ConfigError(f"{where}: unknown time zone '{value}'") from err


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _profile(raw: dict[str, Any], where: str) -> Profile:
    profile = Profile()
    known = {"company", "signature-fields", "office-hours", "timezone"}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{where}: unknown profile key(s) {', '.join(sorted(unknown))}")
    if "company" in raw:
        profile.company = str(raw["company"])
    if "signature-fields" in raw:
        fields = _strings(raw["signature-fields"], f"{where}.signature-fields")
        bad = [f for f in fields if f not in SIGNATURE_FIELDS]
        if bad:
            raise ConfigError(
                f"{where}.signature-fields: unknown {bad}; use {', '.join(SIGNATURE_FIELDS)}"
            )
        profile.signature_fields = fields
    if "office-hours" in raw:
        profile.office_start, profile.office_end = _office_hours(raw["office-hours"], where)
    if "timezone" in raw:
        profile.timezone = _zone(raw["timezone"], f"{where}.timezone")
    return profile


def from_table(raw: dict[str, Any], path: Path | None = None) -> Config:
    """Build a Config from the ``[tool.mailcheck]`` table (or a mailcheck.toml)."""
    where = str(path) if path else "config"
    config = Config(path=path)
    base = path.parent if path else Path.cwd()
    for key, value in raw.items():
        here = f"{where}: {key}"
        if key == "select":
            config.select = _strings(value, here)
        elif key == "ignore":
            config.ignore = _strings(value, here)
        elif key == "severity":
            for code, level in value.items():
                if level not in SEVERITIES:
                    raise ConfigError(f"{here}.{code}: severity must be one of {', '.join(SEVERITIES)}")
            config.severity = dict(value)
        elif key == "region":
            config.region = str(value).upper()
        elif key == "lang":
            if value not in ("en", "zh"):
                raise ConfigError(f"{here}: lang must be 'en' or 'zh'")
            config.lang = value
        elif key == "fail-level":
            if value not in SEVERITIES:
                raise ConfigError(f"{here}: must be one of {', '.join(SEVERITIES)}")
            config.fail_level = value
        elif key == "fail-under":
            config.fail_under = float(value)
        elif key == "profile":
            config.profile = _profile(value, here)
        elif key == "packs":
            config.packs = tuple((base / p).resolve() for p in _strings(value, here))
        elif key == "words":
            config.words = _strings(value, here)
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{here}: expected tables like [tool.mailcheck.rules.PRO-LENGTH]")
            config.options = {code: dict(opts) for code, opts in value.items()}
        elif key == "languagetool":
            config.languagetool = {k: str(v) for k, v in value.items()}
        else:
            raise ConfigError(f"{where}: unknown key '{key}'")
    return config


def read_config(path: Path) -> Config:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from err
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("mailcheck", {})
    return from_table(raw, path)


def find_config_file(start: Path) -> Path | None:
    """The nearest mailcheck.toml, .mailcheck.toml or pyproject.toml with [tool.mailcheck]."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


@lru_cache(maxsize=256)
def _has_tool_table(path: Path) -> bool:
    try:
        return "mailcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def config_for(path: Path) -> Config:
    """The config that applies to a draft at ``path`` (defaults when none is found)."""
    path = path.resolve()
    return _config_in(path if path.is_dir() else path.parent)


@lru_cache(maxsize=256)
def _config_in(folder: Path) -> Config:
    found = find_config_file(folder)
    return _read_cached(found) if found else Config()


@lru_cache(maxsize=64)
def _read_cached(path: Path) -> Config:
    return read_config(path)
