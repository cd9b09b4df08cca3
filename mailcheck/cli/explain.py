"""``mailcheck explain TOPIC``: a rule's docs, or a norm and every rule that implements it."""

from __future__ import annotations

import difflib
import json
from typing import Any

import click

from ..config import ConfigError
from ..i18n import pick
from ..packs import PackError, Rule, load_data
from ..report.text import PILLAR_ZH, SEVERITY_ZH
from ..selection import all_rules, matches
from .options import config_option, fail, lang_option, load_config, tr

SCOPE_ZH = {
    "subject": "主题", "greeting": "称呼", "body": "正文", "closing": "结束语", "signature": "签名", "quote": "引用",
}
#: List options longer than this are shortened to their first entries.
SHOWN_ENTRIES = 5


def _term(word: str, table: dict[str, str], lang: str) -> str:
    return table.get(word, word) if lang == "zh" else word


def _indented(text: str, prefix: str = "    ") -> list[str]:
    return [prefix + line if line else "" for line in text.strip("\n").split("\n")]


def _option_value(value: Any) -> str:
    if isinstance(value, list) and len(value) > SHOWN_ENTRIES:
        head = ", ".join(json.dumps(v, ensure_ascii=False) for v in value[:SHOWN_ENTRIES])
        return f"[{head}, … ({len(value)})]"
    if isinstance(value, dict) and len(value) > SHOWN_ENTRIES:
        return "{" + ", ".join(list(value)[:SHOWN_ENTRIES]) + f", … ({len(value)})" + "}"
    return json.dumps(value, ensure_ascii=False)


def _norm_title(norm: str, lang: str) -> str | None:
    entry = load_data("norms").get(norm)
    return entry["title"].get(lang) or entry["title"]["en"] if entry else None


def explain_rule(rule: Rule, lang: str) -> list[str]:
    severity, pillar = _term(rule.severity, SEVERITY_ZH, lang), _term(rule.pillar, PILLAR_ZH, lang)
    scope = ", ".join(_term(s, SCOPE_ZH, lang) for s in rule.scope)
    norms = ", ".join(f"{n} ({t})" if (t := _norm_title(n, lang)) else n for n in rule.norms)
    lines = [
        f"{rule.code} — {rule.name}" + ("" if rule.enabled else pick(lang, "  (off by default)", "  （默认不启用）")),
        pick(lang, f"  Severity: {severity} · Pillar: {pillar} · Reads: {scope}",
             f"  级别：{severity} · 支柱：{pillar} · 检查范围：{scope}"),
        pick(lang, f"  Norms: {norms}", f"  规范：{norms}"),
    ]
    why = rule.why.get(lang)
    if why:
        lines += ["", pick(lang, "  Why", "  原因"), *_indented(why)]
    examples = ((pick(lang, "  Bad", "  不好的写法"), rule.bad), (pick(lang, "  Good", "  好的写法"), rule.good))
    for label, example in examples:
        if example:
            lines += ["", label, *_indented(example)]
    if rule.options:
        table = f"[rules.{rule.code}]"
        lines += ["", pick(lang, f"  Options ({table} in the config)", f"  选项（在配置的 {table} 中设置）")]
        lines += [f"    {key} = {_option_value(value)}" for key, value in rule.options.items()]
    return lines


def explain_norm(norm: str, entry: dict[str, Any], rules: list[Rule], lang: str) -> list[str]:
    title = entry["title"].get(lang) or entry["title"]["en"]
    pillar = _term(entry.get("pillar", ""), PILLAR_ZH, lang)
    seeds = ", ".join(entry.get("seeds", []))
    codes = ", ".join(r.code for r in rules) or pick(lang, "none yet", "暂无")
    return [
        f"{norm}: {title}",
        pick(lang, f"  Pillar: {pillar} · Seed guides: {seeds}", f"  支柱：{pillar} · 来源指南：{seeds}"),
        pick(lang, f"  Rules: {codes}", f"  规则：{codes}"),
    ]


@click.command(
    "explain",
    short_help=tr("Explain a rule, code prefix, norm or pillar.", "说明规则、代码前缀、规范或支柱。"),
    help=tr(
        "Explain a rule (STR-SUBJECT), a code prefix (STR), a norm ID or a pillar (care): why it matters, "
        "a bad and a good example, and the rule's options.",
        "说明一条规则（STR-SUBJECT）、一个代码前缀（STR）、一个规范编号或一个支柱（care）："
        "为什么重要、不好和好的写法示例，以及规则的选项。",
    ),
)
@click.argument("topic")
@config_option
@lang_option
def explain_command(topic, config_path, lang) -> None:
    config = load_config(config_path, lang)
    lang = config.lang
    try:
        rules = sorted(all_rules(config), key=lambda r: r.code)
    except (ConfigError, PackError) as err:
        fail(str(err))
    norms = load_data("norms")
    norm = topic.strip().upper()
    chosen = [r for r in rules if matches(topic, r)]
    if not chosen and norm not in norms:
        known = sorted({r.code for r in rules} | set(norms))
        close = difflib.get_close_matches(norm, known, n=3)
        hint = pick(lang, f" Did you mean {', '.join(close)}?", f" 是否要查 {'、'.join(close)}？") if close else ""
        fail(pick(lang, f"'{topic}' is no rule code, code prefix, norm ID or pillar.{hint} See `mailcheck rules`.",
                  f"“{topic}”不是规则代码、代码前缀、规范编号或支柱。{hint} 参见 `mailcheck rules`。"))
    out: list[str] = []
    if norm in norms:
        out += explain_norm(norm, norms[norm], [r for r in rules if norm in r.norms], lang) + [""]
    for rule in chosen:
        out += explain_rule(rule, lang) + [""]
    click.echo("\n".join(out).rstrip("\n") + "\n")
