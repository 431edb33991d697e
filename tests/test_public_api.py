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


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("gazetteer", ("geo", "layers")), ("layers", ("geo", "gazetteer"))],
)
def test_package_boundaries(package: str, forbidden: tuple[str, ...]) -> None:
    """gazetteer and layers never import geo (nor each other): DESIGN.md's boundaries."""
    from pathlib import Path

    root = Path(importlib.import_module(package).__file__).parent
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in {"import", "from"}:
                top = words[1].split(".")[0]
                assert top not in forbidden, f"{path}: {line.strip()}"
