"""`geo extract` writes the events table from the events themselves: the same text as the
GeoDataFrame's, without importing pandas or geopandas (geo/pipeline.py, layers/tableformats.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from shapely.geometry import Point, box

from geo import extract, sample_paths
from geo.extraction import EVENT_TABLE_COLUMNS, events_frame
from geo.pipeline import confident, events_text, write_table
from layers.tableformats import rows_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample():
    return extract(sample_paths(), on_problem=lambda p: None)


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv"])
@pytest.mark.parametrize("minimum", [0.0, 0.5, 0.99])
def test_the_events_text_is_the_tables(sample, fmt: str, minimum: float) -> None:
    text, count = events_text(sample, fmt, minimum)
    frame = confident(events_frame(sample.event_list), minimum)
    assert text == write_table(frame, fmt)
    assert count == len(frame)


def test_the_events_table_is_built_on_first_read(sample) -> None:
    assert not sample._events or sample.events is sample._events[0]
    assert sample.events is sample.events
    assert len(sample.events) == len(sample.event_list)


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv"])
def test_rows_with_gaps_and_no_rows_write_as_their_frame(fmt: str) -> None:
    import geopandas as gpd

    from layers.tableformats import table_text

    rows = [
        {c: None for c in EVENT_TABLE_COLUMNS}
        | {"id": "a", "title": "=1+1", "start": "2024-05-01", "source_count": 1, "confidence": 0.5},
        {c: None for c in EVENT_TABLE_COLUMNS}
        | {
            "id": "b",
            "title": "Line\nbreak",
            "sources": [{"outlet": "x", "n": 1}],
            "notes": ["n"],
            "source_count": 2,
            "confidence": 0.25,
        },
    ]
    geoms = [Point(1.1234567, 2.0), box(0, 0, 1, 1)]
    for chosen, shapes in ((rows, geoms), ([], [])):
        frame = gpd.GeoDataFrame(
            chosen or None, columns=list(EVENT_TABLE_COLUMNS), geometry=shapes, crs="EPSG:4326"
        )
        assert rows_text(chosen, shapes, EVENT_TABLE_COLUMNS, fmt) == table_text(frame, fmt)


def test_geo_extract_imports_no_pandas(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    code = textwrap.dedent(
        f"""
        import sys
        from geo.cli import cli
        try:
            cli(["-q", "extract", "--format", "jsonl", "-o", {str(out)!r}, *sys.argv[1:]])
        except SystemExit as stop:
            assert not stop.code, stop.code
        print(sorted(m for m in ("pandas", "geopandas") if m in sys.modules))
        """
    )
    paths = [str(p) for p in sample_paths()]
    done = subprocess.run(
        [sys.executable, "-c", code, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "GEO_AREA_CACHE": "off"},
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert out.read_text(encoding="utf-8").count("\n") >= 1
