"""``mailcheck check``: check drafts and report findings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..config import ConfigError, read_config
from ..engine import check_many
from ..i18n import default_lang, pick
from ..model import SEVERITIES
from ..packs import PackError
from ..read import ReadError, read_file
from ..report import FORMATS, FormatOptions
from ..results import Report
from ..write import fix_files, fix_report
from .options import fail, split_codes, tr, use_color
from .progress import progress_bar


@click.command("check", help=tr(
    "Check drafts: files, folders (recursively) or mailboxes.\n\nExits 1 when a draft fails (a finding at "
    "--fail-level or a score under --fail-under), 2 when a draft cannot be read. Results of drafts that did not "
    "change since the last run are reused (see --no-cache).",
    "检查草稿：文件、文件夹（含子文件夹）或邮箱。\n\n有草稿不通过（出现 --fail-level 级别的问题或得分低于 "
    "--fail-under）时退出码为 1，有草稿无法读取时为 2。上次检查后没有变化的草稿沿用上次的结果（见 --no-cache）。"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--inquiry", type=click.Path(path_type=Path, dir_okay=False),
              help=tr("The buyer's message, when it is not quoted in the draft.", "买家来信（草稿中没有引用时）。"))
@click.option("--region", metavar="CODE",
              help=tr("The buyer's country (ISO code: DE, US, SA…).", "买家所在国家（ISO 代码：DE、US、SA…）。"))
@click.option("--select", multiple=True, metavar="CODES",
              help=tr("Only these rules: codes, code prefixes, norm IDs or pillars, comma-separated.",
                      "只运行这些规则：规则代码、代码前缀、规范编号或支柱，用逗号分隔。"))
@click.option("--ignore", multiple=True, metavar="CODES",
              help=tr("Skip these rules (same forms as --select).", "跳过这些规则（写法同 --select）。"))
@click.option("--fail-level", type=click.Choice(SEVERITIES), default=None,
              help=tr("Exit 1 when a finding is at least this severe [default: warning].",
                      "出现该级别及以上的问题时退出码为 1［默认：warning］。"))
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help=tr("Exit 1 when a draft's overall score is below this.", "草稿总分低于此值时退出码为 1。"))
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
              help=tr("Report language [default: from the locale].", "报告语言［默认：按系统语言］。"))
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help=tr("Use this config file instead of searching for one.", "使用此配置文件，不再自动查找。"))
@click.option("--now", type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]),
              help=tr("The time to judge reply timing against (default: the draft's Date, else now).",
                      "判断回复时效所依据的时间（默认：草稿的 Date，否则为当前时间）。"))
@click.option("--color/--no-color", default=None,
              help=tr("Colour the text report [default: on a terminal].", "文本报告使用颜色［默认：在终端中使用］。"))
@click.option("-v", "--verbose", is_flag=True,
              help=tr("List every draft, not only the failing ones.", "列出所有草稿，而不只是不通过的。"))
@click.option("--no-cache", is_flag=True,
              help=tr("Check every draft again instead of reusing results of unchanged drafts.",
                      "重新检查所有草稿，不沿用未变化草稿的结果。"))
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help=tr("Worker processes for large folders (0: one per CPU).",
                      "检查大文件夹时使用的工作进程数（0：每个 CPU 一个）。"))
@click.option("--fix", is_flag=True, help=tr("Write the safe fixes into the drafts, then report what is left.",
                      "把安全的修改写入草稿，再报告剩下的问题。"))
@click.option("--diff", "show_diff", is_flag=True,
              help=tr("Show the safe fixes as a unified diff; change no file.",
                      "以 unified diff 显示安全的修改，不改动任何文件。"))
def check_command(paths, fmt, inquiry, region, select, ignore, fail_level, fail_under, lang, config_path, now,
                  color, verbose, no_cache, jobs, fix, show_diff) -> None:
    overrides: dict = {}
    if region:
        overrides["region"] = region.upper()
    if select:
        overrides["select"] = split_codes(select)
    if ignore:
        overrides["ignore"] = split_codes(ignore)
    if lang:
        overrides["lang"] = lang
    if now:
        overrides["now"] = now
    if fail_level:
        overrides["fail_level"] = fail_level
    if fail_under is not None:
        overrides["fail_under"] = fail_under
    try:
        config = read_config(config_path) if config_path else None
        if inquiry is not None:
            read_file(inquiry)  # fail early and clearly: an unreadable inquiry is a usage error
        label = pick(lang or default_lang(), "Checking drafts", "正在检查草稿")

        def run() -> Report:
            with progress_bar(label) as progress:
                return check_many(paths, inquiry=inquiry, config=config, cache=not no_cache,
                                  jobs=jobs or os.cpu_count() or 1, progress=progress, **overrides)

        report = run()
        if show_diff:
            rewrites = fix_report(report, write=False)
            click.echo("".join(r.diff() for r in rewrites), nl=False)
            sys.exit(1 if any(r.data is not None for r in rewrites) else 0)
        if fix:
            fixing = fix_files(report, run)
            for line in fixing.lines(lang or default_lang()):
                click.echo(line, err=True)
            report = fixing.report
    except (ConfigError, PackError, ReadError) as err:
        fail(str(err))
    except OSError as err:
        fail(f"cannot write the fixed draft: {err}")
    checked = [r for r in report.files if not r.error]
    report_lang = lang or (checked[0].lang if checked else default_lang())
    options = FormatOptions(lang=report_lang, color=use_color(color), verbose=verbose)
    click.echo(FORMATS[fmt](report, options), nl=False, color=options.color)
    sys.exit(report.exit_code)
