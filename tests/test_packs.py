"""The rule-pack format: loading and checking packs, the generic kinds, user packs through the CLI."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailcheck import check
from mailcheck.cache import ENV_DIR
from mailcheck.checks.generic import word_forms
from mailcheck.checks.metric import MEASURE_FUNCTIONS
from mailcheck.cli import main
from mailcheck.config import Config
from mailcheck.fix import apply_fixes
from mailcheck.packs import MEASURES, PackError, load_pack

HEADER = """
[[rule]]
code = "TEAM-TEST"
name = "team-test"
norms = ["PRO-CONCISE"]
pillar = "professional"
"""

DRAFT = """Subject: RE: LED panels

Dear Mr. Weber,

Our panels are cheap and reliable. We're glad you asked.

Best regards,
Cathy Lin

On Mon, Mar 2, 2026 at 9:00 AM Klaus Weber <k.weber@lichtwerk.de> wrote:
> We need cheap panels, cheap cheap.
"""


def pack(tmp_path: Path, body: str, name: str = "team.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def run(tmp_path: Path, body: str, draft: str = DRAFT):
    """Findings of the one rule in ``body`` on ``draft``."""
    config = Config(packs=(pack(tmp_path, body),), select=("TEAM-TEST",), lang="en")
    result = check(draft, config=config)
    return result, [f for f in result.findings if f.rule == "TEAM-TEST"]


# -- loading ---------------------------------------------------------------------------


def test_a_string_entry_is_a_phrase_and_list_keys_become_lists(tmp_path):
    (rule,) = load_pack(pack(tmp_path, HEADER + 'kind = "existence"\nmessage = "No."\nentries = ["cheap", { pattern = "low-?cost", unless = "budget" }]\n'))
    assert rule.entries == [{"phrase": ["cheap"]}, {"pattern": ["low-?cost"], "unless": ["budget"]}]


@pytest.mark.parametrize(
    ("rule_body", "error"),
    [
        ('kind = "existence"\nmessage = "No."\n', "needs a list of entries"),
        ('kind = "existence"\nmessage = "No."\nentries = [{ phrse = "cheap" }]\n', "unknown key(s) phrse"),
        ('kind = "existence"\nmessage = "No."\nentries = [{ inflect = true }]\n', "needs 'phrase' or 'pattern'"),
        ('kind = "substitution"\nmessage = "No."\nentries = ["cheap"]\n', "needs 'replace'"),
        ('kind = "substitution"\nmessage = "No."\nentries = [{ phrase = "cheap", replace = ["a", "b"], safe = true }]\n', "single replacement"),
        ('kind = "existence"\nmessage = "No."\nentries = [{ pattern = "(cheap" }]\n', "bad pattern"),
        ('kind = "existence"\nmessage = "No."\nentries = [{ phrase = "cheap", message = "price" }]\n', "not a key of [rule.message]"),
        ('kind = "existence"\nmessage = { price = "No." }\nentries = ["cheap"]\n', "no default message"),
        ('kind = "metric"\nmessage = "No."\nentries = [{ measure = "letters", max = 3 }]\n', "'measure' must be one of"),
        ('kind = "metric"\nmessage = "No."\nentries = [{ measure = "words", per = "line", max = 3 }]\n', "'per' must be one of"),
        ('kind = "metric"\nmessage = "No."\nentries = [{ measure = "words" }]\n', "needs 'min' or 'max'"),
        ('kind = "occurrence"\nmessage = "No."\nentries = [{ phrase = "valid", min = "one" }]\n', "must be a number"),
        ('kind = "existence"\nmessage = "No."\nentries = [{ phrase = "cheap", case = "yes" }]\n', "true or false"),
    ],
)
def test_malformed_entries_are_rejected_with_their_place(tmp_path, rule_body, error):
    with pytest.raises(PackError, match="team.toml: rule 1 \\(TEAM-TEST\\)") as raised:
        load_pack(pack(tmp_path, HEADER + rule_body))
    assert error in str(raised.value)


def test_every_measure_a_pack_may_name_is_implemented():
    assert set(MEASURE_FUNCTIONS) == set(MEASURES)


# -- matching --------------------------------------------------------------------------


def test_phrases_match_without_case_on_word_boundaries_and_never_in_the_quote(tmp_path):
    _, found = run(tmp_path, HEADER + 'kind = "existence"\nmessage = "Avoid {match}."\nentries = ["CHEAP"]\n')
    # The writer's "cheap" once; the buyer's three in the quote are not the writer's.
    assert [(f.excerpt, f.zone, f.message) for f in found] == [("cheap", "body", "Avoid cheap.")]


def test_a_phrase_matches_across_a_wrapped_line_and_either_apostrophe(tmp_path):
    draft = "Dear Anna,\n\nWe don’t accept\nsmall orders. We don't either.\n\nBest regards,\nLi\n"
    _, found = run(tmp_path, HEADER + 'kind = "existence"\nmessage = "No."\nentries = ["don\'t accept small orders", "don\'t either"]\n', draft)
    assert [f.excerpt for f in found] == ["don’t accept", "don't either"]


def test_word_boundaries_keep_longer_words_out(tmp_path):
    draft = "Dear Anna,\n\nThe cheapest option is cheaper than ours.\n\nBest regards,\nLi\n"
    _, found = run(tmp_path, HEADER + 'kind = "existence"\nmessage = "No."\nentries = ["cheap"]\n', draft)
    assert found == []


def test_inflect_matches_regular_forms_of_each_word():
    assert set(word_forms("revert")) == {"revert", "reverts", "reverted", "reverting"}
    assert {"shipped", "shipping", "ships"} <= set(word_forms("ship"))
    assert {"receives", "received", "receiving"} <= set(word_forms("receive"))
    assert word_forms("the") == ["the"]  # function words stay as written ("the" must not match "thing")


def test_inflected_phrase(tmp_path):
    draft = "Dear Anna,\n\nWe discussed about it and are discussing about it again.\n\nBest regards,\nLi\n"
    _, found = run(tmp_path, HEADER + 'kind = "existence"\nmessage = "No."\nentries = [{ phrase = "discuss about", inflect = true }]\n', draft)
    assert [f.excerpt for f in found] == ["discussed about", "discussing about"]


def test_except_covers_the_match_and_unless_reads_its_sentence(tmp_path):
    draft = "Dear Anna,\n\nMaybe you could send it. Maybe we can do it. Maybe we can, if the mould is ready.\n\nBest regards,\nLi\n"
    body = HEADER + 'kind = "existence"\nmessage = "No."\nentries = [{ phrase = "maybe", except = ["maybe you"], unless = ["if"] }]\n'
    _, found = run(tmp_path, body, draft)
    assert len(found) == 1 and found[0].excerpt == "Maybe"
    assert draft[found[0].start :].startswith("Maybe we can do it")


def test_a_hit_group_narrows_the_flagged_span_and_a_list_option_expands(tmp_path):
    body = HEADER + textwrap.dedent(
        """\
        kind = "substitution"
        message = "\\"{context}\\" needs a verb."
        suggestion = "Write \\"{fixed}\\"."
        entries = [{ pattern = '\\bwill\\s+(?P<hit>{adjectives})\\b', replace = "be {match}" }]
        [rule.options]
        adjectives = ["high", "late"]
        """
    )
    draft = "Dear Anna,\n\nThe price will high and the goods will late.\n\nBest regards,\nLi\n"
    _, found = run(tmp_path, body, draft)
    assert [(f.excerpt, f.message, f.suggestion) for f in found] == [
        ("high", '"will high" needs a verb.', 'Write "will be high".'),
        ("late", '"will late" needs a verb.', 'Write "will be late".'),
    ]


def test_a_team_extends_a_word_list_in_its_config(tmp_path):
    body = HEADER + textwrap.dedent(
        """\
        kind = "existence"
        message = "{match}"
        entries = [{ pattern = '\\b(?P<hit>{banned})\\b' }]
        [rule.options]
        banned = ["cheap"]
        """
    )
    draft = "Dear Anna,\n\nOur cheap and low-cost panels.\n\nBest regards,\nLi\n"
    config = Config(
        packs=(pack(tmp_path, body),),
        select=("TEAM-TEST",),
        options={"TEAM-TEST": {"banned": ["cheap", "low-cost"]}},
        lang="en",
    )
    assert [f.message for f in check(draft, config=config).findings] == ["cheap", "low-cost"]


def test_where_two_entries_overlap_the_first_listed_wins(tmp_path):
    body = HEADER + 'kind = "existence"\nmessage = { a = "A", b = "B" }\nentries = [{ phrase = "cheap and reliable", message = "a" }, { phrase = "cheap", message = "b" }]\n'
    _, found = run(tmp_path, body)
    assert [(f.excerpt, f.message) for f in found] == [("cheap and reliable", "A")]


def test_a_scope_that_names_the_quote_reads_it(tmp_path):
    body = HEADER + 'kind = "existence"\nscope = ["quote"]\nmessage = "The buyer wants {match}."\nentries = ["cheap"]\n'
    _, found = run(tmp_path, body)
    assert len(found) == 3 and {f.zone for f in found} == {"quote"}


# -- substitution and fixes ------------------------------------------------------------


def test_a_safe_substitution_is_fixed_and_keeps_the_writer_case(tmp_path):
    draft = "Dear Anna,\n\nCheap panels, cheap drivers.\n\nBest regards,\nLi\n"
    body = HEADER + 'kind = "substitution"\nmessage = "{match} -> {replacement}"\nentries = [{ phrase = "cheap", replace = "economical", safe = true }]\n'
    result, found = run(tmp_path, body, draft)
    assert [f.message for f in found] == ["Cheap -> Economical", "cheap -> economical"]
    assert [f.suggestion for f in found] == ['"Economical"', '"economical"']  # no suggestion table: the replacement itself
    fixed = apply_fixes("", result.message.text, found)
    assert fixed.text == "Dear Anna,\n\nEconomical panels, economical drivers.\n\nBest regards,\nLi"


def test_an_unsafe_substitution_is_shown_not_applied(tmp_path):
    draft = "Dear Anna,\n\nPlease be informed that the goods left.\n\nBest regards,\nLi\n"
    body = HEADER + 'kind = "substitution"\nmessage = "No."\nentries = [{ phrase = "please be informed that", replace = "" }]\n'
    result, found = run(tmp_path, body, draft)
    (finding,) = found
    assert finding.fix.applicability == "unsafe"
    # Deleting the phrase also takes the space after it.
    assert (finding.fix.edits[0].start, finding.fix.edits[0].end) == (finding.start, finding.end + 1)
    assert apply_fixes("", result.message.text, found).text == result.message.text


# -- occurrence and metric -------------------------------------------------------------

REQUIRED = HEADER + textwrap.dedent(
    """\
    kind = "occurrence"
    message = { missing = "Say how long the price is valid (\\"{phrase}\\").", often = "\\"{phrase}\\" {count} times." }
    entries = [
      { pattern = '\\bvalid\\s+(?:until|for)\\b', message = "missing" },
      { phrase = "sincerely", max = 1, message = "often" },
    ]
    """
)


def test_occurrence_requires_a_phrase(tmp_path):
    _, found = run(tmp_path, REQUIRED)
    assert [f.message for f in found] == ['Say how long the price is valid ("\\bvalid\\s+(?:until|for)\\b").']
    _, found = run(tmp_path, REQUIRED, DRAFT.replace("reliable.", "reliable, valid until 31 May."))
    assert found == []


def test_occurrence_flags_each_match_over_the_maximum(tmp_path):
    draft = "Dear Anna,\n\nWe sincerely thank you and sincerely hope, valid for 30 days, sincerely.\n\nBest regards,\nLi\n"
    _, found = run(tmp_path, REQUIRED, draft)
    assert [f.message for f in found] == ['"sincerely" 3 times.', '"sincerely" 3 times.']


def test_metric_per_sentence_with_unless(tmp_path):
    body = HEADER + textwrap.dedent(
        """\
        kind = "metric"
        message = "{value} words (max {max})."
        entries = [{ measure = "words", per = "sentence", max = 5, unless-pattern = ':' }]
        """
    )
    draft = "Dear Anna,\n\nThe panels are ready and will leave on Friday by sea. Sizes: 30, 60, 90, 120 and 150 cm.\n\nBest regards,\nLi\n"
    _, found = run(tmp_path, body, draft)
    assert [f.message for f in found] == ["11 words (max 5)."]


def test_metric_over_the_whole_reply_only_from_the_sample_size(tmp_path):
    body = HEADER + 'kind = "metric"\nmessage = "{value}"\nentries = [{ measure = "sentences", max = 2, sample = 12 }]\n'
    short = "Dear Anna,\n\nOne. Two. Three.\n\nBest regards,\nLi\n"
    assert run(tmp_path, body, short)[1] == []  # fewer than 12 words: not measured
    longer = "Dear Anna,\n\nThe panels are ready. They leave on Friday. The ship takes 32 days to Hamburg.\n\nBest regards,\nLi\n"
    assert [f.message for f in run(tmp_path, body, longer)[1]] == ["5"]  # greeting and closing are sentences too


# -- a sales manager's own pack, through the command line -------------------------------

TEAM_PACK = """\
[pack]
name = "team"

[[rule]]
code = "TEAM-CHEAP"
name = "no-cheap"
norms = ["PRO-CONCISE"]
pillar = "professional"
kind = "substitution"
message = { en = "Don't call our products \\"{match}\\".", zh = "不要说我们的产品“{match}”。" }
entries = [{ phrase = "cheap", replace = "economical", except = ["cheaper than"] }]

[[rule]]
code = "TEAM-VALIDITY"
name = "say-validity"
norms = ["PRO-QUOTE"]
pillar = "professional"
kind = "occurrence"
message = "Every offer says how long the price is valid."
entries = [{ pattern = '\\bvalid\\s+(?:until|for)\\b' }]
"""


@pytest.fixture
def team(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "cache"))
    (tmp_path / "team.toml").write_text(TEAM_PACK, encoding="utf-8")
    config = tmp_path / "mailcheck.toml"
    config.write_text('packs = ["team.toml"]\nselect = ["TEAM"]\n', encoding="utf-8")
    return tmp_path, config


def test_a_user_pack_runs_from_the_config(team):
    folder, config = team
    draft = folder / "draft.txt"
    draft.write_text(DRAFT.replace("are cheap and reliable", "are cheap, and cheaper than theirs"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), "--lang", "en", "--no-color", str(draft)])
    assert result.exit_code == 1, result.output
    assert 'TEAM-CHEAP  [warning] Don\'t call our products "cheap".' in result.output
    assert result.output.count("TEAM-CHEAP") == 1  # "cheaper than" is an exception
    assert "TEAM-VALIDITY  [warning] Every offer says how long the price is valid." in result.output


def test_a_user_pack_draft_that_follows_it_passes(team):
    folder, config = team
    draft = folder / "draft.txt"
    draft.write_text(DRAFT.replace("are cheap and reliable", "are USD 21.40/pc, valid until 31 March"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), "--lang", "zh", str(draft)])
    assert result.exit_code == 0, result.output


def test_a_broken_user_pack_is_a_usage_error(team):
    folder, config = team
    (folder / "team.toml").write_text(TEAM_PACK.replace("phrase = \"cheap\"", "phrse = \"cheap\""), encoding="utf-8")
    draft = folder / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(draft)])
    assert result.exit_code == 2
    assert "unknown key(s) phrse" in result.output
