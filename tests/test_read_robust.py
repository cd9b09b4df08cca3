"""Damaged input never crashes the reader: it parses or raises ReadError."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mailcheck.read import ReadError, read_bytes
from mailcheck.read.flowed import unflow
from mailcheck.read.sniff import kind_by_name

DATA = Path(__file__).parent / "data" / "read"
FIXTURES = sorted(
    p for p in DATA.rglob("*") if p.is_file() and p.suffix != ".py" and p.name not in (".gitattributes", "Drafts.msf")
)


def _damaged(data: bytes, seed: int) -> list[bytes]:
    """Cut-off copies at 25 places and 15 copies with five random bytes changed."""
    rng = random.Random(seed)
    cuts = [data[:n] for n in range(1, len(data), max(1, len(data) // 25))]
    flips = []
    for _ in range(15):
        copy = bytearray(data)
        for _ in range(5):
            copy[rng.randrange(len(copy))] = rng.randrange(256)
        flips.append(bytes(copy))
    return cuts + flips


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(DATA)))
def test_damaged_fixture_parses_or_raises_read_error(path: Path):
    data = path.read_bytes()
    kind = kind_by_name(path) or "mbox"
    for number, damaged in enumerate(_damaged(data, seed=len(data))):
        try:
            message = read_bytes(damaged, path.name, kind=kind)
        except ReadError as err:
            assert "\n" not in str(err)
        else:
            assert isinstance(message.text, str) and "\r" not in message.text, number


def test_unflow_delsp_and_space_stuffing():
    flowed = "Our price is USD 12.50/set, valid un \ntil 30 April.\n From our factory to the port: 40 km.\n"
    assert unflow(flowed, delsp=True) == (
        "Our price is USD 12.50/set, valid until 30 April.\nFrom our factory to the port: 40 km.\n"
    )
