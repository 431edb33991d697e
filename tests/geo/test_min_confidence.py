"""``--min-confidence``: events below a confidence are left out of the table and the site."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from click.testing import CliRunner
from shapely.geometry import Point

from geo.cli import cli
from geo.errors import GeoError
from geo.pipeline import confident


def _events(confidences: list[float | None]) -> gpd.GeoDataFrame:
    rows = {
        "title": [f"e{i}" for i in range(len(confidences))],
        "start": ["2024-05-01"] * len(confidences),
    }
    if any(c is not None for c in confidences):
        rows["confidence"] = confidences
    return gpd.GeoDataFrame(rows, geometry=[Point(0, 0)] * len(confidences), crs="EPSG:4326")


def test_confident_keeps_the_events_at_or_above_the_minimum() -> None:
    events = _events([0.4, 0.7, 0.95])
    assert list(confident(events, 0.7)["title"]) == ["e1", "e2"]
    assert confident(events, 0.0) is events  # 0 keeps every event


def test_confident_refuses_a_table_without_confidences_and_a_bad_minimum() -> None:
    with pytest.raises(GeoError, match="no confidence column"):
        confident(_events([None, None]), 0.5)
    assert len(confident(_events([None]), 0.0)) == 1  # nothing asked, nothing needed
    with pytest.raises(GeoError, match="between 0 and 1"):
        confident(_events([0.5]), 1.5)


def test_geo_extract_leaves_out_the_events_below_the_minimum() -> None:
    runner = CliRunner()
    full = runner.invoke(cli, ["extract", "--quiet", "--format", "jsonl", *_sample()])
    some = runner.invoke(
        cli, ["extract", "--quiet", "--format", "jsonl", "--min-confidence", "0.9", *_sample()]
    )
    assert full.exit_code == 0 and some.exit_code == 0, (full.output, some.output)
    all_rows = [json.loads(line) for line in full.output.splitlines()]
    kept = [json.loads(line) for line in some.output.splitlines()]
    assert 0 < len(kept) < len(all_rows)
    assert all(row["confidence"] >= 0.9 for row in kept)
    assert {row["id"] for row in kept} == {r["id"] for r in all_rows if r["confidence"] >= 0.9}


def test_a_minimum_outside_zero_to_one_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["extract", "--min-confidence", "2", *_sample()])
    assert result.exit_code == 2 and "--min-confidence" in result.output


def test_geo_site_leaves_out_the_events_below_the_minimum(tmp_path: Path) -> None:
    table = tmp_path / "events.geojson"
    table.write_text(_events([0.4, 0.9]).to_json(), encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(
        cli, ["site", str(table), "--out", str(out), "--no-images", "--min-confidence", "0.5"]
    )
    assert result.exit_code == 0, result.output
    assert "1 events" in result.output
    # a table from elsewhere without confidences is taken at its word (confidence 1)
    bare = tmp_path / "bare.geojson"
    bare.write_text(_events([None, None]).to_json(), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["site", str(bare), "--out", str(out), "--no-images", "--min-confidence", "0.5"]
    )
    assert result.exit_code == 0 and "2 events" in result.output, result.output


def _sample() -> list[str]:
    from geo.readers import sample_paths

    return [str(p) for p in sample_paths()]


def test_geo_build_maps_only_the_events_at_or_above_the_minimum(tmp_path: Path) -> None:
    from geo.pipeline import BuildOptions, build

    every = build([], tmp_path / "all", BuildOptions(images=False))
    some = build([], tmp_path / "some", BuildOptions(images=False, min_confidence=0.9))
    assert 0 < some.events < every.events
    assert some.articles == every.articles  # the articles and their places stay
