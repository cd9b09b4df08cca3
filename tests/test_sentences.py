"""Rule-based sentence splitting with offsets."""

from __future__ import annotations

from mailcheck.analyse.sentences import split_sentences


def texts(text):
    found = split_sentences(text, offset=10)
    for s in found:
        assert text[s.start - 10 : s.end - 10] == s.text
    return [s.text for s in found]


def test_missing_space_after_full_stop_still_ends_the_sentence():
    assert texts("But the scooter you need is hard to produce.If you need,we will change it.") == [
        "But the scooter you need is hard to produce.",
        "If you need,we will change it.",
    ]


def test_abbreviations_numbers_and_addresses_do_not_end_sentences():
    assert texts("Mr. Li quotes USD 3.20/pc, approx. 5,000 pcs. Visit www.abc.com.cn or write to sales@abc.com.") == [
        "Mr. Li quotes USD 3.20/pc, approx. 5,000 pcs.",
        "Visit www.abc.com.cn or write to sales@abc.com.",
    ]


def test_wrapped_lines_join_and_list_items_split():
    text = "The price is valid until\n31 May and the MOQ is 500 pcs.\nPlease confirm:\n1) the colour\n2) the quantity, 500 or 1,000 pcs?"
    assert texts(text) == [
        "The price is valid until\n31 May and the MOQ is 500 pcs.",
        "Please confirm:",
        "1) the colour",
        "2) the quantity, 500 or 1,000 pcs?",
    ]


def test_question_flag():
    found = split_sentences("Do you prefer 500 or 1,000 pcs? We can ship in May.")
    assert [s.is_question for s in found] == [True, False]


def test_list_numbers_titles_and_units():
    assert texts("1. Price: USD 3/pc. 2. MOQ: 500 pcs.") == ["1. Price: USD 3/pc.", "2. MOQ: 500 pcs."]
    assert texts("Film thickness (min. 80 µm) is fine.") == ["Film thickness (min. 80 µm) is fine."]
    assert texts("We send a copy of B/L.\nPayment is T/T.") == ["We send a copy of B/L.", "Payment is T/T."]
    assert texts("It works down to -20 °C. Charging needs 0 °C.") == ["It works down to -20 °C.", "Charging needs 0 °C."]
    assert texts("Dear Eng. Al-Dosari, thank you. Call J. Smith.") == ["Dear Eng. Al-Dosari, thank you.", "Call J. Smith."]


def test_a_list_marker_alone_on_its_line_opens_the_sentence_below():
    assert texts("Our answers:\n1.\nPrice: USD 3/pc FOB.\n2.\nMOQ: 500 pcs.") == [
        "Our answers:",
        "1.\nPrice: USD 3/pc FOB.",
        "2.\nMOQ: 500 pcs.",
    ]


def test_abbreviations_of_specifications():
    assert texts("Price incl. VAT and excl. freight, abt. 5 kg each. Qty. 500 per size. Art. 3310 is black.") == [
        "Price incl. VAT and excl. freight, abt. 5 kg each.",
        "Qty. 500 per size.",
        "Art. 3310 is black.",
    ]
    assert texts("We need a bigger qty. Can you ship in May?") == ["We need a bigger qty.", "Can you ship in May?"]
