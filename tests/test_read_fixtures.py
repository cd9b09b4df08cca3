"""The committed reader fixtures are what make_fixtures.py writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DATA = Path(__file__).parent / "data" / "read"


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix != ".py" and path.name != ".gitattributes"
    }


def test_fixtures_match_their_generator(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("read_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    committed = {name: data for name, data in _files(DATA).items() if "__pycache__" not in name}
    assert _files(tmp_path) == committed
