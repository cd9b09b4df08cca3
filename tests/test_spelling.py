"""The offline spelling checker: which words are typos, and what it suggests."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mailcheck import check
from mailcheck.packs import builtin_rules
from mailcheck.spelling import Speller, words

OPTIONS = next(r for r in builtin_rules() if r.code == "PRO-SPELLING").options


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(OPTIONS)


# Typos seen in export mail, with the correction a writer needs.
TYPOS = {
    "exising": "existing",
    "recieve": "receive",
    "seperate": "separate",
    "shippment": "shipment",
    "shiping": "shipping",
    "quatation": "quotation",
    "accomodate": "accommodate",
    "sucessful": "successful",
    "definately": "definitely",
    "occured": "occurred",
    "untill": "until",
    "begining": "beginning",
    "tommorow": "tomorrow",
    "neccessary": "necessary",
    "garantee": "guarantee",
    "responsiblity": "responsibility",
    "becuase": "because",
    "teh": "the",
    "adress": "address",
    "sampel": "sample",
    "prodcut": "product",
    "paymet": "payment",
    "warrenty": "warranty",
    "contianer": "container",
    "confrim": "confirm",
    "specifcation": "specification",
    "catalouge": "catalogue",
    "competetive": "competitive",
    "recomend": "recommend",
    "inconvinience": "inconvenience",
    "writting": "writing",
    "comming": "coming",
    "commited": "committed",
    "usefull": "useful",
    "sended": "sent",
    "buyed": "bought",
    "payed": "paid",
    "alot": "a lot",
    "thankyou": "thank you",
}


@pytest.mark.parametrize(("typo", "correction"), TYPOS.items())
def test_typos_are_found_with_their_correction(speller, typo, correction):
    [found] = speller.misspellings(next(words(typo)), sentence_start=False)
    assert found.correction == correction


# Correct words a general dictionary lacks: British spellings, inflections and
# compounds of known words, trade vocabulary.
CORRECT = (
    "colour colours favourite organised recognised galvanised anodised centre fibre fibres metre litres "
    "aluminium jewellery tyres moulded analyse defence programme travelled labelled fulfilment cheque "
    "coved coving backstamp backstamps undershelf datasheets preload microsuede hydroformed debossing "
    "luminaires dimmable hoodie keychain compostable retardancy pcs ctns rgds moq incoterms fibreglass colourfast"
).split()


@pytest.mark.parametrize("word", CORRECT)
def test_correct_words_pass(speller, word):
    assert not list(speller.misspellings(next(words(word)), sentence_start=False))


@pytest.mark.parametrize(
    "text",
    ["EC-ES04", "SS304", "600x600", "12V", "40HQ", "T/T", "lm/W", "sales@ecoride-ev.com",
     "www.ecoride-ev.com", "Kaida_price_list.pdf", "https://example.com/catalogue"],
)
def test_codes_numbers_and_addresses_are_not_words(text):
    assert [w.text for w in words(f"See {text} today")] == ["See", "today"]


def test_capitalised_words_inside_a_sentence_are_names(speller):
    [word] = [w for w in words("we met Mr Tremblay") if w.text == "Tremblay"]
    assert not list(speller.misspellings(word, sentence_start=False))


def test_a_name_at_the_start_of_a_sentence_is_left_alone(speller):
    # "Satchell" is one edit from "Satchel", a rare word: more likely a name than a typo.
    assert not list(speller.misspellings(next(words("Satchell")), sentence_start=True))
    [typo] = speller.misspellings(next(words("Recieved")), sentence_start=True)
    assert typo.correction == "Received"


def test_hyphenated_names_and_words(speller):
    assert not list(speller.misspellings(next(words("Min-jun")), sentence_start=False))
    [typo] = speller.misspellings(next(words("pre-shipement")), sentence_start=False)
    assert (typo.word, typo.correction) == ("shipement", "shipment")


def test_the_users_words_are_correct():
    draft = "Dear Ms. Roux,\n\nThe lamp cover is made of lexan, 3 mm thick.\n\nBest regards,\nMa Jun\n"
    assert [f.excerpt for f in check(draft, select=("PRO-SPELLING",)).findings] == ["lexan"]
    assert not check(draft, select=("PRO-SPELLING",), words=("Lexan",)).findings


def test_the_suggested_fix_is_shown_but_never_applied():
    [finding] = check("Dear Ms. Kim,\n\nOur exising model is EC-ES04.\n", select=("PRO-SPELLING",)).findings
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    assert finding.fix.edits[0].replacement == "existing"


def test_the_dictionary_is_loaded_only_when_a_word_is_checked():
    script = (
        "import mailcheck.checks, mailcheck.spelling as s\n"
        "assert s._checker is None\n"
        "s.dictionary()\n"
        "assert s._checker is s.dictionary()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
