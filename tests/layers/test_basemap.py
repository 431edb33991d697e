"""The offline base map: the committed asset, its Python geometry, and the recipe."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import shapely
from shapely.geometry import MultiLineString, MultiPolygon, Point, Polygon, box, mapping

from layers import BASEMAP_ASSETS, BASEMAP_ATTRIBUTION, SiteError, land_geometry
from layers.basemap import (
    BORDER_COLOUR,
    COAST_COLOUR,
    LAND_COLOUR,
    SEA_COLOUR,
    assets_dir,
    border_geometry,
    build_basemap,
    load_basemap,
    main,
    render_basemap_js,
)

REPO = Path(__file__).resolve().parents[2]


def _natural_earth() -> Path | None:
    """Natural Earth GeoJSON beside the checkout (../shared/naturalearth), if present."""
    for candidate in (
        os.environ.get("GEO_NATURAL_EARTH"),
        REPO.parent / "shared" / "naturalearth",
        Path("/work/shared/naturalearth"),
    ):
        if candidate and (Path(candidate) / "ne_50m_land.json").is_file():
            return Path(candidate)
    return None


def test_assets_exist_and_stay_compact() -> None:
    sizes = {name: (assets_dir() / name).stat().st_size for name in BASEMAP_ASSETS}
    labels = {"basemap/labels.js", "basemap/labels-layer.js"}
    assert sum(v for k, v in sizes.items() if k not in labels) < 500 * 1024
    assert sum(v for k, v in sizes.items() if k in labels) < 260 * 1024


def test_asset_is_exactly_what_the_recipe_writes() -> None:
    """Parsing and re-rendering gives the same bytes: no hand edits, stable formatting."""
    path = assets_dir() / BASEMAP_ASSETS[0]
    assert render_basemap_js(load_basemap(path)) == path.read_text(encoding="utf-8")


def test_asset_defines_the_global_the_layer_script_reads() -> None:
    text = (assets_dir() / BASEMAP_ASSETS[0]).read_text(encoding="utf-8")
    assert re.search(r"^window\.GEO_BASEMAP = \{", text, re.M)
    data = load_basemap()
    assert data["land"]["type"] == "FeatureCollection"
    assert data["borders"]["features"][0]["geometry"]["type"] == "MultiLineString"
    assert data["meta"]["attribution"] == BASEMAP_ATTRIBUTION == "Made with Natural Earth"


def test_land_is_valid_and_covers_the_world() -> None:
    land = land_geometry()
    assert isinstance(land, MultiPolygon)
    assert land.is_valid
    assert all(p.is_valid and p.exterior.is_ccw for p in land.geoms)
    assert land.bounds == pytest.approx((-180, -90, 180, 83.6), abs=0.5)
    # about 29% of the globe is land; in lon/lat degrees² (polar land inflated) about 21,000
    assert 19_000 < land.area < 23_000


@pytest.mark.parametrize(
    ("lon", "lat", "on_land"),
    [
        (2.35, 48.86, True),  # Paris
        (106.9, 47.9, True),  # Ulaanbaatar
        (-46.6, -23.5, True),  # São Paulo
        (150.5, -33.5, True),  # inland of Sydney
        (-40.0, 72.0, True),  # Greenland
        (0.0, -80.0, True),  # Antarctica
        (-150.0, 0.0, False),  # central Pacific
        (-30.0, 30.0, False),  # Atlantic
        (50.5, 42.0, False),  # Caspian Sea
        (3.4, 4.4, False),  # Gulf of Guinea
    ],
)
def test_land_and_sea_where_they_are(lon: float, lat: float, on_land: bool) -> None:
    assert land_geometry().contains(Point(lon, lat)) is on_land


def test_borders_are_shared_land_boundaries_not_coasts() -> None:
    borders = border_geometry()
    assert isinstance(borders, MultiLineString)
    assert borders.distance(Point(-100.0, 49.0)) < 0.05  # US–Canada on the 49th parallel
    assert borders.distance(Point(0.6, 42.7)) < 0.3  # France–Spain, the Pyrenees
    assert borders.distance(Point(151.2, -33.9)) > 10  # Sydney's coast is no border
    assert borders.distance(Point(-30.0, 30.0)) > 10  # nor is the open sea


def test_geometry_is_parsed_once() -> None:
    assert land_geometry() is land_geometry()
    assert border_geometry() is border_geometry()


def test_layer_script_defaults_match_python_colours() -> None:
    """Static images and the interactive map use the same palette."""
    script = (assets_dir() / BASEMAP_ASSETS[1]).read_text(encoding="utf-8")
    for key, colour in (
        ("sea", SEA_COLOUR),
        ("land", LAND_COLOUR),
        ("coast", COAST_COLOUR),
        ("border", BORDER_COLOUR),
    ):
        assert re.search(rf'\b{key}: "{colour}"', script), key
    assert f'attribution: "{BASEMAP_ATTRIBUTION}"' in script


# --- the recipe, on a small made-up Natural Earth folder -------------------------------------


def _write(path: Path, geometries: list) -> None:
    features = [
        {"type": "Feature", "properties": {"n": i}, "geometry": mapping(g)}
        for i, g in enumerate(geometries)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))


@pytest.fixture
def tiny_earth(tmp_path: Path) -> Path:
    """Two countries sharing the x=10 edge on one island, plus a lone islet (I wrote these)."""
    west = Polygon([(0, 0), (10, 0), (10, 5), (10, 10), (0, 10)])
    east = Polygon([(10, 0), (20.004, 0), (20.004, 10), (10, 10), (10, 5)])
    islet = box(30, 30, 31, 31).reverse()  # clockwise on purpose
    _write(tmp_path / "ne_50m_land.json", [west.union(east), islet])
    _write(tmp_path / "ne_50m_admin_0_countries.json", [west, east, islet])
    return tmp_path


def test_recipe_keeps_only_shared_edges_as_borders(tiny_earth: Path) -> None:
    data = build_basemap(tiny_earth)
    lines = data["borders"]["features"][0]["geometry"]["coordinates"]
    assert len(lines) == 1
    assert {tuple(p) for p in lines[0]} <= {(10, 0), (10, 5), (10, 10)}
    assert {lines[0][0][1], lines[0][-1][1]} == {0, 10}


def test_recipe_rounds_to_the_grid_and_orients_polygons(tiny_earth: Path) -> None:
    data = build_basemap(tiny_earth, grid=0.01)
    polygons = data["land"]["features"][0]["geometry"]["coordinates"]
    assert len(polygons) == 2
    coords = [c for polygon in polygons for ring in polygon for xy in ring for c in xy]
    assert 20.004 not in coords and 20 in coords
    assert all(Polygon(p[0]).exterior.is_ccw for p in polygons)


def test_recipe_output_is_deterministic(tiny_earth: Path) -> None:
    assert render_basemap_js(build_basemap(tiny_earth)) == render_basemap_js(
        build_basemap(tiny_earth)
    )


def test_recipe_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match=r"ne_50m_land\.json"):
        build_basemap(tmp_path)


def test_recipe_rejects_a_file_that_is_not_geojson(tiny_earth: Path) -> None:
    (tiny_earth / "ne_50m_admin_0_countries.json").write_text("[1, 2]")
    with pytest.raises(SiteError, match="not a GeoJSON FeatureCollection"):
        build_basemap(tiny_earth)


def test_command_writes_the_asset(tiny_earth: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out" / "basemap.js"
    assert main(["--natural-earth", str(tiny_earth), "--out", str(out)]) == 0
    assert "2 land polygons" in capsys.readouterr().out
    data = load_basemap(out)
    assert shapely.geometry.shape(data["land"]["features"][0]["geometry"]).is_valid


def test_command_reports_a_missing_folder(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--natural-earth", str(tmp_path / "nowhere"), "--out", str(tmp_path / "b.js")])
    assert exit_info.value.code == 1
    assert "ne_50m_land.json" in capsys.readouterr().err


def test_loading_a_broken_asset_says_to_rebuild(tmp_path: Path) -> None:
    bad = tmp_path / "basemap.js"
    bad.write_text("window.GEO_BASEMAP = {not json};\n")
    with pytest.raises(SiteError, match="rebuild"):
        load_basemap(bad)
    with pytest.raises(SiteError, match="rebuild"):
        load_basemap(tmp_path / "missing.js")


@pytest.mark.slow
def test_rebuilding_from_natural_earth_reproduces_the_committed_asset(tmp_path: Path) -> None:
    source = _natural_earth()
    if source is None:
        pytest.skip("Natural Earth GeoJSON (../shared/naturalearth) not found")
    out = tmp_path / "basemap.js"
    assert main(["--natural-earth", str(source), "--out", str(out)]) == 0
    assert out.read_bytes() == (assets_dir() / BASEMAP_ASSETS[0]).read_bytes()


def test_land_built_from_one_array_is_the_geometry_shape_builds() -> None:
    from shapely.geometry import shape

    from layers.basemap import _shape

    land = load_basemap()["land"]["features"][0]["geometry"]
    assert land["type"] == "MultiPolygon"
    assert shapely.to_wkb(_shape(land)) == shapely.to_wkb(shape(land))
    # two islands, one with a lake, and a 3D one (left to shapely, like every other kind)
    islands = mapping(MultiPolygon([box(0, 0, 4, 4).difference(box(1, 1, 2, 2)), box(5, 5, 6, 6)]))
    assert shapely.to_wkb(_shape(islands)) == shapely.to_wkb(shape(islands))
    ring = [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 1]]
    raised = {"type": "MultiPolygon", "coordinates": [[ring]]}
    assert _shape(raised).has_z
    line = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    assert _shape(line).equals(shape(line))
