"""The result cache: unchanged drafts are not checked again, anything that changes a result is a miss."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from mailcheck import Config, check_many
from mailcheck import cache as cache_module
from mailcheck.cache import CACHE_DIR_NAME, CLOCK_TTL, ResultCache, user_cache_dir

SAMPLES = Path(__file__).parents[1] / "samples"
DRAFTS = ("001-de-led-panels.eml", "003-uk-hoodies.eml", "012-au-outdoor-furniture.eml", "016-it-cookware.txt")
# A plain-text draft without a Date header: timing rules judge it against the clock.
UNDATED = """Subject: RE: Quotation for 600x600 LED panels

Dear Klaus,

Thank you for your inquiry of 10 March. The price is EUR 18.60/pc FOB Ningbo.

Best regards,
Cathy Lin
"""
# Structure rules only: fast, and no spaCy needed to test the cache itself.
CONFIG = Config(select=("STR",), lang="en")
COUNT = len(DRAFTS) + 1


@pytest.fixture(autouse=True)
def no_cache_override(monkeypatch):
    monkeypatch.delenv(cache_module.ENV_DIR, raising=False)


@pytest.fixture
def drafts(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in DRAFTS:
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "020-undated.txt").write_text(UNDATED, encoding="utf-8")
    return folder


def run(folder, store, config=CONFIG, **overrides):
    return check_many([folder], config=config, cache=store, **overrides)


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("*/*.json"))


def test_second_run_reuses_every_result_and_equals_a_fresh_check(drafts, tmp_path):
    fresh = check_many([drafts], config=CONFIG)
    first = run(drafts, ResultCache(tmp_path / "cache"))
    store = ResultCache(tmp_path / "cache")
    second = run(drafts, store)
    assert (store.hits, store.misses) == (COUNT, 0)
    assert [r.path for r in second.files] == [r.path for r in fresh.files]
    # Messages, zones, findings with fixes, scores: the cached result is the same result.
    assert second.files == fresh.files == first.files
    assert any(f.fix for r in second.files for f in r.findings), "the samples should exercise a stored fix"


def test_only_the_edited_draft_is_checked_again(drafts, tmp_path):
    run(drafts, ResultCache(tmp_path / "cache"))
    edited = drafts / "016-it-cookware.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Dear", "Hi", 1), encoding="utf-8")
    store = ResultCache(tmp_path / "cache")
    report = run(drafts, store)
    assert (store.hits, store.misses) == (COUNT - 1, 1)
    assert report.files == check_many([drafts], config=CONFIG).files


def test_a_renamed_draft_is_found_again_under_its_new_path(drafts, tmp_path):
    run(drafts, ResultCache(tmp_path / "cache"))
    (drafts / "003-uk-hoodies.eml").rename(drafts / "003-renamed.eml")
    store = ResultCache(tmp_path / "cache")
    report = run(drafts, store)
    assert store.misses == 0
    renamed = next(r for r in report.files if r.path.endswith("003-renamed.eml"))
    assert renamed.message.path == renamed.path


@pytest.mark.parametrize(
    "change",
    [
        {"region": "US"},
        {"lang": "zh"},
        {"select": ("STR-SUBJECT",)},
        {"fail_level": "error"},
        {"now": datetime(2026, 3, 12, 9, 0)},
        {"words": ("Lichtwerk",)},
    ],
    ids=lambda change: next(iter(change)),
)
def test_a_config_change_checks_every_draft_again(drafts, tmp_path, change):
    run(drafts, ResultCache(tmp_path / "cache"))
    store = ResultCache(tmp_path / "cache")
    run(drafts, store, config=CONFIG.replace(**change))
    assert (store.hits, store.misses) == (0, COUNT)


def test_a_changed_rule_pack_is_a_config_change(drafts, tmp_path):
    # A team pack that rewords a built-in rule: same detector, new message.
    pack = tmp_path / "team.toml"
    rule = """[[rule]]
code = "STR-RECHAIN"
name = "one-reply-prefix"
norms = ["STR-RECHAIN"]
pillar = "professional"
scope = ["subject"]
message = {{ en = "{text}", zh = "{text}" }}
"""
    pack.write_text(rule.format(text="{count} reply prefixes; keep one."), encoding="utf-8")
    config = CONFIG.replace(packs=(pack,))
    run(drafts, ResultCache(tmp_path / "cache"), config=config)
    pack.write_text(rule.format(text="{count} RE: prefixes; one is enough."), encoding="utf-8")
    store = ResultCache(tmp_path / "cache")
    run(drafts, store, config=config)
    assert (store.hits, store.misses) == (0, COUNT)


def test_a_changed_inquiry_beside_the_draft_is_a_miss(tmp_path):
    folder = tmp_path / "pair"
    folder.mkdir()
    for name in ("007-ae-skincare.eml", "007-ae-skincare.inquiry.eml"):
        shutil.copy(SAMPLES / name, folder / name)
    run(folder, ResultCache(tmp_path / "cache"))
    inquiry = folder / "007-ae-skincare.inquiry.eml"
    inquiry.write_bytes(inquiry.read_bytes().replace(b"Dear", b"Hello", 1))
    store = ResultCache(tmp_path / "cache")
    run(folder, store)
    assert (store.hits, store.misses) == (0, 1)


def test_damaged_entries_are_ignored_and_replaced(drafts, tmp_path):
    run(drafts, ResultCache(tmp_path / "cache"))
    damaged = entries(tmp_path / "cache")
    damaged[0].write_text("{not json", encoding="utf-8")
    damaged[1].write_text(json.dumps({"expires": None, "result": {"findings": "?"}}), encoding="utf-8")
    damaged[2].write_bytes(b"")
    store = ResultCache(tmp_path / "cache")
    report = run(drafts, store)
    assert (store.hits, store.misses) == (COUNT - 3, 3)
    assert report.files == check_many([drafts], config=CONFIG).files
    again = ResultCache(tmp_path / "cache")
    run(drafts, again)
    assert again.hits == COUNT


def test_an_unwritable_cache_folder_does_not_stop_the_run(drafts, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    report = run(drafts, ResultCache(blocker))
    assert len(report.files) == COUNT and not any(r.error for r in report.files)


def test_a_draft_without_date_judged_against_the_clock_expires(drafts, tmp_path, monkeypatch):
    run(drafts, ResultCache(tmp_path / "cache"))
    stored = {
        json.loads(p.read_text(encoding="utf-8"))["result"]["message"]["path"]: p for p in entries(tmp_path / "cache")
    }
    undated = json.loads(stored[str(drafts / "020-undated.txt")].read_text(encoding="utf-8"))
    dated = json.loads(stored[str(drafts / "001-de-led-panels.eml")].read_text(encoding="utf-8"))
    assert undated["result"]["message"]["date"] is None and undated["expires"] is not None
    assert dated["expires"] is None

    later = cache_module.time.time() + CLOCK_TTL + 1
    monkeypatch.setattr(cache_module.time, "time", lambda: later)
    store = ResultCache(tmp_path / "cache")
    run(drafts, store)
    assert (store.hits, store.misses) == (COUNT - 1, 1)


def test_a_fixed_now_makes_undated_drafts_cacheable_for_good(drafts, tmp_path):
    run(drafts, ResultCache(tmp_path / "cache"), now=datetime(2026, 3, 12, 9, 0))
    assert all(json.loads(p.read_text(encoding="utf-8"))["expires"] is None for p in entries(tmp_path / "cache"))


def test_entries_live_beside_the_config_file(drafts):
    (drafts / "mailcheck.toml").write_text('select = ["STR"]\nlang = "en"\n', encoding="utf-8")
    check_many([drafts], cache=True)
    root = drafts / CACHE_DIR_NAME
    assert len(entries(root)) == COUNT
    assert (root / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    # The cache folder is hidden: a folder run does not take it for drafts.
    assert len(check_many([drafts]).files) == COUNT


def test_without_a_config_file_entries_go_to_the_user_cache_folder(drafts, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "mailcheck"
    check_many([drafts], cache=True, select=("STR",), lang="en")
    assert len(entries(tmp_path / "xdg" / "mailcheck")) == COUNT


def test_entries_of_other_code_versions_are_pruned_when_old(drafts, tmp_path):
    old_version = tmp_path / "cache" / "0123456789abcdef"
    old_version.mkdir(parents=True)
    (old_version / "stale.json").write_text("{}", encoding="utf-8")
    long_ago = cache_module.time.time() - cache_module.MAX_AGE - 60
    cache_module.os.utime(old_version, (long_ago, long_ago))
    recent_version = tmp_path / "cache" / "fedcba9876543210"
    recent_version.mkdir()
    run(drafts, ResultCache(tmp_path / "cache"))
    assert not old_version.exists()
    assert recent_version.exists()
