"""Where the buyer is: setting, recipient domain, buyer's signature."""

from __future__ import annotations

import pytest

from mailcheck import check
from mailcheck.analyse import region


@pytest.mark.parametrize(
    ("addresses", "code"),
    [
        (["Klaus <k.weber@lichtwerk.de>"], "DE"),
        (["buyer@gmail.com", "ops@store.co.uk"], "GB"),
        (["henrique@rodamotos.com.br"], "BR"),
        (["jason@homegoods.com"], None),
    ],
)
def test_country_from_address(addresses, code):
    found = region.from_addresses(addresses)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("signature", "code"),
    [
        ("Boutique Lumière\n12 rue de la Paix, 75002 Paris, France", "FR"),
        ("Al Noor Energy\nP.O. Box 1234, Riyadh, KSA", "SA"),
        ("Tel: +971 4 555 0000", "AE"),
        ("Mob: 0049 171 5550000", "DE"),
        ("Chinedu Okafor\nLagos", "NG"),
        ("uk sales team", None),  # a short name counts only in capitals
    ],
)
def test_country_from_signature(signature, code):
    found = region.from_signature(signature)
    assert (found.code if found else None) == code


def test_gulf_weekend_is_friday_and_saturday():
    assert region.country("SA").weekend == frozenset({4, 5})
    assert region.country("DE").weekend == frozenset({5, 6})


def test_setting_overrides_the_domain():
    draft = "Subject: RE: LED panels\nTo: k.weber@lichtwerk.de\n\nHi Klaus,\n\nThanks for your inquiry about our panels.\n\nBest regards,\nTom\n"
    assert any(f.rule == "STR-SALUTATION-REGION" for f in check(draft, select=("STR-SALUTATION-REGION",)).findings)
    assert not check(draft, select=("STR-SALUTATION-REGION",), region="US").findings
