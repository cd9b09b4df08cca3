"""Precision and recall of the language rules (packs concise, chinglish, tone, format, length).

That good replies and sentences come out without a finding of these rules is tested in
test_good_drafts_clean.py. The flawed sentences of their norms in
tests/data/bad_sentences.toml are measured per norm; the same rules meet drafts nobody
tuned them on, so the floor is well below what they reach here.
"""

from __future__ import annotations

import pytest

from mailcheck import check, check_file
from mailcheck.fix import apply_fixes
from mailcheck.packs import GENERIC_KINDS, builtin_rules

from helpers import LANGUAGE_PACKS, ROOT, sentences_of, shown

PACKS = LANGUAGE_PACKS
RULES = tuple(r.code for r in builtin_rules() if r.pack in PACKS)
NORMS = sorted({n for r in builtin_rules() if r.pack in PACKS for n in r.norms})
#: The least share of a norm's flawed sentences its rules must find.
RECALL_FLOOR = 0.8


def test_language_rules_never_read_the_quote():
    # The buyer's quoted words are not the writer's: a language rule that read them would blame the writer.
    assert [r.code for r in builtin_rules() if r.pack in PACKS and "quote" in r.scope] == []


def test_the_built_in_packs_use_the_generic_kinds():
    # occurrence ("the reply must say X") is for teams' own packs; no norm requires a phrase.
    assert {r.kind for r in builtin_rules() if r.pack in PACKS} == {"code"} | set(GENERIC_KINDS) - {"occurrence"}


def test_the_language_packs_hold_the_rules():
    assert len(RULES) >= 20
    assert {"PRO-CONCISE", "PRO-SENTENCE", "PRO-LENGTH", "PRO-CONFIDENT", "PRO-CHINGLISH", "PRO-FORMAT"} <= set(NORMS)
    assert {"REL-NO-OVERPROMISE", "REL-POLITE", "REL-REFUSE-SOFTLY"} <= set(NORMS)


def recall(norm: str) -> tuple[int, list[str]]:
    """How many flawed sentences of ``norm`` a rule of that norm finds, and the ones it misses."""
    sentences = [s for group, s in sentences_of("bad_sentences.toml") if group == norm]
    missed = [s for s in sentences if not any(norm in f.norms for f in check(s, select=RULES, lang="en").findings)]
    return len(sentences), missed


@pytest.mark.parametrize("norm", [n for n in NORMS if n in {group for group, _ in sentences_of("bad_sentences.toml")}])
def test_flawed_sentences_of_the_norm_are_found(norm):
    total, missed = recall(norm)
    assert total and (total - len(missed)) / total >= RECALL_FLOOR, missed


# -- the samples' flaws, and the safe fixes on them ---------------------------------------------


def _codes(path: str) -> list[str]:
    return [f.rule for f in check_file(ROOT / "samples" / path, select=RULES, lang="en").findings]


def test_seed_000_weak_reply():
    codes = _codes("000-henrique-weak.eml")
    assert codes.count("PRO-CHINGLISH-SPACING") == 4  # produce.If, need,we (twice), you.But
    assert {"PRO-CHINGLISH-WILL", "REL-REFUSE-SOFTLY"} <= set(codes)


def test_seed_000_rewrite_still_uses_advice_as_a_verb():
    assert "PRO-CHINGLISH-ADVICE" in _codes("000-henrique-rewritten.eml")


def test_sample_005_full_width_marks_are_fixed_and_the_chinese_name_is_kept():
    result = check_file(ROOT / "samples" / "005-sa-pump-parts.eml", select=RULES, lang="en")
    codes = [f.rule for f in result.findings]
    assert codes.count("PRO-CHINGLISH-FULLWIDTH") == 2
    assert {"PRO-CHINGLISH-CHAT", "PRO-CHINGLISH-PLURAL", "PRO-CHINGLISH-REVERT"} <= set(codes)
    assert "PRO-CHINGLISH-HANZI" not in codes  # "Lily Chen 陈丽": a name beside the English one
    fixed = apply_fixes(result.message.subject or "", result.message.text, result.findings)
    assert "Dear Mohammed,\n" in fixed.text and "Our price as below, pls check." in fixed.text
    assert "informations" in fixed.text  # rewordings are shown, never applied
    assert {f.rule for f in fixed.applied} == {"PRO-CHINGLISH-FULLWIDTH"}


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("008-ng-brake-pads.eml", {"REL-NO-OVERPROMISE", "PRO-FORMAT-PUNCT", "PRO-CHINGLISH-CHAT"}),
        ("010-kr-plush-keychains.txt", {"PRO-CONFIDENT"}),
        ("012-au-outdoor-furniture.eml", {"REL-POLITE", "REL-POLITE-PRESSURE", "PRO-CONCISE-CLICHE"}),
        ("013-in-polyester-fabric.eml", {"PRO-CHINGLISH-REVERT"}),
        ("014-de-wiper-blades.txt", {"PRO-CHINGLISH-SPACING", "PRO-CHINGLISH-WILL", "PRO-CONFIDENT"}),
        ("015-us-string-lights.txt", {"PRO-FORMAT-CAPS", "PRO-FORMAT-PUNCT", "PRO-CONFIDENT"}),
    ],
)
def test_flawed_samples(sample, expected):
    assert expected <= set(_codes(sample))


def test_safe_fixes_in_one_pass():
    draft = "Dear Ms. Kim，\n\nThe samples are ready.We ship them  tomorrow，by DHL。\n\nBest regards,\nTina Xu\n"
    result = check(draft, select=RULES, lang="en")
    fixed = apply_fixes("", result.message.text, result.findings)
    assert fixed.text == "Dear Ms. Kim,\n\nThe samples are ready. We ship them tomorrow, by DHL.\n\nBest regards,\nTina Xu"
    again = check(fixed.text, select=RULES, lang="en")
    assert [f.rule for f in again.findings if f.fix and f.fix.applicability == "safe"] == []


def test_messages_in_chinese():
    result = check("Dear Mohammed，\n\nIf any other informations you need, pls tell me.\n", select=RULES, lang="zh")
    messages = {f.rule: f.message for f in result.findings}
    assert messages["PRO-CHINGLISH-FULLWIDTH"] == "英文中使用了全角标点“，”；英文应使用“,”。"
    assert messages["PRO-CHINGLISH-PLURAL"].startswith("“informations”不是英语")
