"""Config files: discovery by walking up, keys, errors that name the file and key."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from mailcheck.config import ConfigError, config_for, find_config_file, from_table, read_config
from mailcheck.selection import active_rules


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_mailcheck_toml_wins_over_a_pyproject_further_up(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.mailcheck]\nregion = 'US'\n")
    write(tmp_path / "team" / "mailcheck.toml", "region = 'DE'\n")
    draft = write(tmp_path / "team" / "drafts" / "a.txt", "Dear Klaus,\n")
    assert find_config_file(draft) == tmp_path / "team" / "mailcheck.toml"
    assert config_for(draft).region == "DE"


def test_pyproject_without_a_mailcheck_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.mailcheck]\nlang = 'zh'\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    draft = write(tmp_path / "sub" / "a.txt", "Hi\n")
    assert find_config_file(draft) == tmp_path / "pyproject.toml"
    assert config_for(draft).lang == "zh"


def test_profile_keys(tmp_path):
    path = write(
        tmp_path / "mailcheck.toml",
        """
[profile]
company = "Ningbo Bright Lighting Co., Ltd."
signature-fields = ["name", "company", "contact"]
office-hours = "08:30-17:30"
timezone = "Asia/Taipei"
""",
    )
    profile = read_config(path).profile
    assert profile.company == "Ningbo Bright Lighting Co., Ltd."
    assert profile.signature_fields == ("name", "company", "contact")
    assert (profile.office_start, profile.office_end) == (time(8, 30), time(17, 30))
    assert profile.timezone.key == "Asia/Taipei"


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ({"regoin": "DE"}, "unknown key 'regoin'"),
        ({"lang": "fr"}, "lang must be 'en' or 'zh'"),
        ({"fail-level": "fatal"}, "must be one of"),
        ({"profile": {"timezone": "Mars/Olympus"}}, "unknown time zone"),
        ({"profile": {"office-hours": "nine to six"}}, "office-hours must look like"),
        ({"profile": {"signature-fields": ["name", "fax"]}}, "unknown ['fax']"),
    ],
)
def test_bad_values_name_the_key(table, fragment):
    with pytest.raises(ConfigError) as err:
        from_table(table)
    assert fragment in str(err.value)


def test_unknown_selector_is_an_error():
    with pytest.raises(ConfigError, match="'STR-SUBJCT' matches no rule"):
        active_rules(from_table({"select": ["STR-SUBJCT"]}))


def test_unknown_rule_option_is_an_error():
    with pytest.raises(ConfigError, match="unknown option"):
        active_rules(from_table({"rules": {"STR-SUBJECT": {"max-wrds": 3}}}))


def test_rule_options_and_severity_apply():
    rules = active_rules(
        from_table({"select": ["STR-SUBJECT"], "severity": {"STR": "error"}, "rules": {"STR-SUBJECT": {"max-words": 3}}})
    )
    assert [(r.code, r.severity, r.options["max-words"]) for r in rules] == [("STR-SUBJECT", "error", 3)]


def test_broken_toml_names_the_file(tmp_path):
    path = write(tmp_path / "mailcheck.toml", "region = \n")
    with pytest.raises(ConfigError, match="mailcheck.toml"):
        read_config(path)
