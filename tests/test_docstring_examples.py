"""The examples in the packages' docstrings run and print what they say: a reader who copies
one into a Python prompt gets the documented result."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("geo", "gazetteer", "layers", "lonlat", "inputsafe")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__, prefix=f"{package}."):
            names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples fail"


def test_some_modules_have_examples() -> None:
    """The check above runs real examples (a module list that found none would pass)."""
    attempted = sum(
        doctest.testmod(importlib.import_module(n), verbose=False).attempted
        for n in ("geo.geoparse", "gazetteer.wordlists")
    )
    assert attempted >= 3
