"""Each package's curated public API: complete, and what users import works."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["gazetteer", "geo", "layers"])
def test_every_public_name_resolves(package: str) -> None:
    # (ruff's RUF022 keeps __all__ sorted)
    module = importlib.import_module(package)
    names = list(module.__all__)
    assert len(set(names)) == len(names)
    for name in names:
        assert getattr(module, name) is not None, name


def test_geo_functions_stay_functions_after_their_modules_load() -> None:
    # geo loads its table-building parts lazily; loading them must not shadow the public
    # functions with same-named modules
    code = (
        "import geo, geo.pipeline, geo.extraction, geo.geoparse;"
        "assert callable(geo.extract) and callable(geo.geoparse) and callable(geo.build)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_geo_does_not_load_the_site_builder() -> None:
    code = "import sys, geo; print('layers.site' in sys.modules, 'geopandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
