"""Which rules run, at which severity and with which options, under a config.

A selector matches a rule by its code ("STR-SUBJECT"), a code prefix ("STR",
"PRO-CHINGLISH"), a norm ID the rule implements, a pillar ("care"), or "ALL".
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from .checks import spec_for
from .config import Config, ConfigError
from .model import PILLARS
from .packs import Rule, builtin_rules, load_pack


def matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    if s.upper() == "ALL" or s.lower() == rule.pillar:
        return True
    s = s.upper()
    return rule.code == s or rule.code.startswith(s + "-") or s in rule.norms


@lru_cache(maxsize=32)
def _user_pack(path: Path) -> tuple[Rule, ...]:
    return tuple(load_pack(path))


def all_rules(config: Config) -> list[Rule]:
    """Built-in rules plus the config's own packs; a user rule replaces a built-in of the same code."""
    rules = {r.code: r for r in builtin_rules()}
    for path in config.packs:
        if not path.is_file():
            raise ConfigError(f"rule pack not found: {path}")
        for rule in _user_pack(path):
            spec_for(rule)  # a user pack may only use the generic kinds or existing detectors
            rules[rule.code] = rule
    return list(rules.values())


def _check_selectors(selectors: tuple[str, ...], rules: list[Rule], what: str) -> None:
    for selector in selectors:
        if not any(matches(selector, r) for r in rules):
            raise ConfigError(f"{what}: '{selector}' matches no rule code, norm ID or pillar ({', '.join(PILLARS)})")


def active_rules(config: Config) -> list[Rule]:
    """The rules to run, with the config's severities and options applied."""
    rules = all_rules(config)
    _check_selectors(config.select, rules, "select")
    _check_selectors(config.ignore, rules, "ignore")
    _check_selectors(tuple(config.severity), rules, "severity")
    for code in config.options:
        if not any(r.code == code for r in rules):
            raise ConfigError(f"rules.{code}: no rule has this code")
    chosen = []
    for rule in rules:
        selected = any(matches(s, rule) for s in config.select) if config.select else rule.enabled
        if not selected or any(matches(s, rule) for s in config.ignore):
            continue
        severity = next((lvl for s, lvl in config.severity.items() if matches(s, rule)), rule.severity)
        options = rule.options
        if rule.code in config.options:
            overrides = config.options[rule.code]
            unknown = set(overrides) - set(rule.options)
            if unknown:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(f"rules.{rule.code}: unknown option(s) {', '.join(sorted(unknown))} (known: {known})")
            options = {**rule.options, **overrides}
        chosen.append(dataclasses.replace(rule, severity=severity, options=options))
    return chosen
