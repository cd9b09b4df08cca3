"""``mailcheck rules``: every rule with its code, severity, pillar, norms and name."""

from __future__ import annotations

import json
import unicodedata

import click

from ..config import ConfigError
from ..i18n import pick
from ..packs import PackError, Rule
from ..report.text import PILLAR_ZH, SEVERITY_ZH
from ..selection import active_rules, all_rules
from .options import config_option, fail, lang_option, load_config, tr


def rule_dict(rule: Rule, active: Rule | None) -> dict:
    """A rule as ``rules --format json`` lists it; ``active`` is the rule as the config runs it, if it does."""
    return {
        "code": rule.code,
        "name": rule.name,
        "norms": list(rule.norms),
        "pillar": rule.pillar,
        "severity": (active or rule).severity,
        "default_severity": rule.severity,
        "active": active is not None,
        "enabled_by_default": rule.enabled,
        "scope": list(rule.scope),
        "pack": rule.pack,
        "options": (active or rule).options,
    }


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[dict], lang: str) -> str:
    headers = pick(lang, "code severity pillar norms name", "代码 级别 支柱 规范 名称").split()
    cells = [
        [
            r["code"],
            SEVERITY_ZH[r["severity"]] if lang == "zh" else r["severity"],
            PILLAR_ZH[r["pillar"]] if lang == "zh" else r["pillar"],
            ",".join(r["norms"]),
            r["name"] + ("" if r["active"] else pick(lang, "  (off)", "  （未启用）")),
        ]
        for r in rows
    ]
    widths = [max(_width(row[i]) for row in [headers, *cells]) for i in range(len(headers) - 1)]
    lines = [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)) + "  " + row[-1]
        for row in [headers, *cells]
    ]
    active = sum(r["active"] for r in rows)
    lines.append(pick(lang, f"{len(rows)} rules, {active} active", f"共 {len(rows)} 条规则，{active} 条启用"))
    return "\n".join(line.rstrip() for line in lines) + "\n"


@click.command("rules", help=tr(
    "List the rules: code, severity, pillar, norms, name.\n\nSeverities and \"(off)\" are as the config in effect "
    "here sets them. `mailcheck explain CODE` shows a rule's docs.",
    "列出规则：代码、级别、支柱、规范、名称。\n\n级别和“（未启用）”按此处生效的配置显示。"
    "`mailcheck explain 代码` 显示规则说明。"))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_option
@lang_option
def rules_command(fmt, config_path, lang) -> None:
    config = load_config(config_path, lang)
    try:
        active = {rule.code: rule for rule in active_rules(config)}
        rows = [rule_dict(rule, active.get(rule.code)) for rule in all_rules(config)]
    except (ConfigError, PackError) as err:
        fail(str(err))
    rows.sort(key=lambda r: r["code"])
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(rows, config.lang), nl=False)
