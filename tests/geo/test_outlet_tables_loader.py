"""The outlet-division tables read ``abbreviations.yaml`` with PyYAML's C loader where it is
built (session 42's speed work): the same tables as the pure-Python ``safe_load`` made."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from geo import outlet_division


def test_the_tables_are_those_of_the_pure_python_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = outlet_division._tables()
    text = resources.files("gazetteer").joinpath("data", "abbreviations.yaml").read_text("utf-8")
    assert yaml.load(text, Loader=outlet_division._LOADER) == yaml.safe_load(text)
    monkeypatch.setattr(outlet_division, "_LOADER", yaml.SafeLoader)
    outlet_division._tables.cache_clear()
    try:
        slow = outlet_division._tables()
    finally:
        outlet_division._tables.cache_clear()
    assert repr(slow) == repr(fast)
    assert slow[0] and slow[1]  # both tables hold entries
