"""Each package's curated public API: complete, and what users import works."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

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


#: Modules that only drawing the map needs.
_DRAWING = ("folium", "PIL", "branca", "layers.site", "layers.images", "layers.mapping")


def _loaded_after_cli(args: list[str]) -> dict[str, bool]:
    """Run the ``geo`` command with ``args`` in a fresh process and say which of the
    drawing modules and a few others it loaded."""
    names = (*_DRAWING, "shapely", "gazetteer", "geo.geoparse", "distributed")
    code = (
        "import sys, json\n"
        "from click.testing import CliRunner\n"
        "from geo.cli import cli\n"
        f"result = CliRunner().invoke(cli, {args!r}, prog_name='geo')\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(json.dumps({{n: n in sys.modules for n in {names!r}}}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_geo_extract_does_not_load_the_map_drawing_code(tmp_path: Path) -> None:
    # geo extract writes tables: folium, PIL and the site builder are seconds of imports
    # it never uses
    out = tmp_path / "events.geojson"
    sample = Path(__file__).resolve().parent.parent / "geo" / "sample"
    loaded = _loaded_after_cli(["extract", str(sample), "--table", "mentions", "--out", str(out)])
    assert out.stat().st_size > 0
    assert not any(loaded[name] for name in _DRAWING), loaded


def test_geo_extract_on_a_small_corpus_does_not_import_dask(tmp_path: Path) -> None:
    # a corpus too small for workers runs in one process: importing dask.distributed only to
    # learn that it is installed cost about 0.6 s of a cold run's 7
    out = tmp_path / "events.geojson"
    sample = Path(__file__).resolve().parent.parent / "geo" / "sample"
    loaded = _loaded_after_cli(["extract", str(sample), "--out", str(out)])
    assert out.stat().st_size > 0
    assert not loaded["distributed"], loaded


def test_geo_resolve_does_not_load_the_map_drawing_code() -> None:
    loaded = _loaded_after_cli(["resolve", "Islamabad"])
    assert loaded["gazetteer"]
    assert not any(loaded[name] for name in _DRAWING), loaded
    assert not loaded["geo.geoparse"], "resolving a name needs no geoparser"


def test_geo_help_loads_neither_the_gazetteer_nor_shapely() -> None:
    loaded = _loaded_after_cli(["--help"])
    assert not any(loaded.values()), loaded


def test_the_table_schema_comes_without_the_site_builder() -> None:
    code = (
        "import sys, geo.extraction, layers.schema\n"
        f"print([n for n in {_DRAWING!r} if n in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_geoparse_is_the_function_whichever_module_loads_first() -> None:
    code = (
        "import geo.extraction, geo;"
        "from geo import geoparse;"
        "assert callable(geoparse) and geoparse is geo.geoparse;"
        "print([m.place_name for m in geo.geoparse('Protests in Tbilisi on Sunday.')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['Tbilisi']"


def test_the_geo_command_collects_cyclic_garbage_less_often_than_the_library() -> None:
    # the command sets the collector's thresholds for its own process and freezes what is
    # left when it ends; importing the library (or the CLI module) leaves the caller's
    # collector untouched
    code = (
        "import gc, sys\n"
        "default = gc.get_threshold()\n"
        "import geo, geo.extraction\n"
        "from geo.cli import GC_THRESHOLDS, main\n"
        "assert gc.get_threshold() == default and gc.get_freeze_count() == 0\n"
        "sys.argv = ['geo', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert gc.get_threshold() == GC_THRESHOLDS != default, gc.get_threshold()\n"
        "assert gc.get_freeze_count() > 0, 'the shutdown collection would walk every object'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
