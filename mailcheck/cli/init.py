"""``mailcheck init``: write a commented ``mailcheck.toml`` with the company's profile."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import click

from ..analyse.region import country
from ..config import ConfigError, from_table
from ..i18n import LANGS, default_lang, pick
from .options import fail, tr

CONFIG_NAME = "mailcheck.toml"

TEMPLATES = {
    "en": """\
# mailcheck configuration, written by `mailcheck init`.
# mailcheck uses the nearest mailcheck.toml above each draft it checks.
# Every key is optional; docs/configuration.md describes them all.

# Which rules run: rule codes, code prefixes, norm IDs or pillars (care,
# professional, reliable). Without `select`, every rule that is on by default.
# select = ["care", "STR"]
# ignore = ["STR-OFFICE-HOURS"]

# The buyer's country (ISO code) when every draft here goes to one market;
# otherwise mailcheck finds it from the recipient's address and signature.
{region}

# Report language: "en" or "zh".
lang = "{lang}"

# A draft fails (exit code 1) on a finding at this severity or above: error, warning or info.
fail-level = "warning"
# ... or when its overall score (0-100) is below this.
# fail-under = 80

# Your own words for the spelling check: names, brands, product terms.
words = []

# Your own rule packs (TOML files, paths relative to this file); see docs/rule-packs.md.
# packs = ["team-rules.toml"]

# Your company, as the signature and office-hours rules need it.
[profile]
{company}
# What a signature must carry: name, position, company, phone, email,
# contact (a phone number or an e-mail address), website, address.
signature-fields = ["name", "position", "company", "contact", "website"]
# Your office hours and time zone; a reply should give the buyer these hours in their own time.
office-hours = {office_hours}
timezone = {timezone}

# The severity of single rules, by code, prefix or norm.
# [severity]
# STR-OFFICE-HOURS = "warning"

# Options of one rule; `mailcheck explain CODE` lists them.
# [rules.STR-SUBJECT]
# max-words = 12
""",
    "zh": """\
# mailcheck 配置文件，由 `mailcheck init` 生成。
# mailcheck 对每封草稿使用其所在文件夹及上级文件夹中最近的 mailcheck.toml。
# 所有设置都可省略；说明见 docs/configuration.md。

# 运行哪些规则：规则代码、代码前缀、规范编号或支柱（care 重视、
# professional 专业、reliable 可信）。不写 `select` 时运行所有默认启用的规则。
# select = ["care", "STR"]
# ignore = ["STR-OFFICE-HOURS"]

# 如果这里的草稿都发往同一个市场，写上买家所在国家（ISO 代码）；
# 否则 mailcheck 根据收件人地址和签名判断。
{region}

# 报告语言："en" 或 "zh"。
lang = "{lang}"

# 出现该级别及以上的问题时草稿不通过（退出码 1）：error、warning 或 info。
fail-level = "warning"
# ……或总分（0-100）低于此值时不通过。
# fail-under = 80

# 拼写检查应接受的词：人名、品牌、产品术语。
words = []

# 自己的规则包（TOML 文件，路径相对于本文件）；见 docs/rule-packs.md。
# packs = ["team-rules.toml"]

# 公司信息，签名和办公时间规则会用到。
[profile]
{company}
# 签名必须包含的内容：name 姓名、position 职位、company 公司、phone 电话、email 邮箱、
# contact（电话或邮箱）、website 网站、address 地址。
signature-fields = ["name", "position", "company", "contact", "website"]
# 办公时间和时区；回复中应按买家时间写明这段办公时间。
office-hours = {office_hours}
timezone = {timezone}

# 单条规则的级别，可按代码、前缀或规范设置。
# [severity]
# STR-OFFICE-HOURS = "warning"

# 单条规则的选项；`mailcheck explain 代码` 会列出。
# [rules.STR-SUBJECT]
# max-words = 12
""",
}

#: Shown, commented out, when no company is given.
EXAMPLE_COMPANY = "Ningbo Bright Lighting Co., Ltd."
EXAMPLE_REGION = "DE"


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def render_config(
    lang: str, company: str | None, region: str | None, office_hours: str, timezone: str
) -> str:
    """The commented config text; raises ConfigError when a value is invalid."""
    text = TEMPLATES[lang].format(
        lang=lang,
        company=f"company = {_toml_string(company)}" if company else f"# company = {_toml_string(EXAMPLE_COMPANY)}",
        region=f"region = {_toml_string(region)}" if region else f"# region = {_toml_string(EXAMPLE_REGION)}",
        office_hours=_toml_string(office_hours),
        timezone=_toml_string(timezone),
    )
    from_table(tomllib.loads(text))  # the same checks as when the file is read
    return text


@click.command("init", help=tr("Write a commented mailcheck.toml with your company profile into FOLDER.",
                               "在 FOLDER 中生成带注释、含公司信息的 mailcheck.toml。"))
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--company",
              help=tr("Your company's name, as it appears in signatures.", "公司名称，与签名中的写法一致。"))
@click.option("--region", metavar="CODE", help=tr("The buyer's country, when every draft goes to one market.",
                                                  "草稿都发往同一市场时，买家所在国家。"))
@click.option("--office-hours", default="09:00-18:00", show_default=True, help=tr("Your office hours.", "办公时间。"))
@click.option("--timezone", default="Asia/Shanghai", show_default=True,
              help=tr("Your time zone (IANA name).", "所在时区（IANA 名称）。"))
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help=tr("Language of the comments and reports [default: the locale's].",
                      "注释和报告的语言［默认：按系统语言］。"))
@click.option("--force", is_flag=True, help=tr("Overwrite an existing mailcheck.toml.", "覆盖已有的 mailcheck.toml。"))
def init_command(folder, company, region, office_hours, timezone, lang, force) -> None:
    lang = lang or default_lang()
    target = folder / CONFIG_NAME
    if target.exists() and not force:
        fail(pick(lang, f"{target} exists; use --force to overwrite it.", f"{target} 已存在；如需覆盖请加 --force。"))
    if company is None and sys.stdin.isatty():
        company = click.prompt(pick(lang, "Company name (empty: skip)", "公司名称（留空跳过）"),
                               default="", show_default=False).strip() or None
    if region is not None:
        region = region.strip().upper()
        if country(region) is None:
            fail(pick(lang, f"unknown country code '{region}'", f"未知的国家代码“{region}”"))
    try:
        text = render_config(lang, company, region, office_hours, timezone)
    except ConfigError as err:
        fail(str(err))
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(pick(lang, f"Wrote {target}. Edit it, then run `mailcheck check`.",
                    f"已写入 {target}。请按需修改，然后运行 `mailcheck check`。"))
