"""The committed artifact: integrity, size, antimeridian handling, loading errors."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest
import shapely

from gazetteer import KINDS, Gazetteer, GazetteerError
from gazetteer.artifact import ArtifactPaths
from gazetteer.build import DATA_DIR, load_aliases, load_english_names
from gazetteer.userplaces import has_unsplit_crossing

NAMESPACES = ("iso:", "geonames:", "ne:")
ID_PATTERN = re.compile(
    r"^(iso:[A-Z]{2}|geonames:\d+|ne:[a-z0-9]+:[A-Za-z0-9.+?_-]+|gn:admin1:[A-Z]{2}-[0-9A-Z]+"
    r"|census:county:\d{5})$"
)


@pytest.fixture(scope="module")
def all_places(gaz):
    return [gaz.get(place_id) for place_id in gaz._base.ids]


def test_artifact_is_compact() -> None:
    paths = ArtifactPaths(DATA_DIR)
    total = sum(p.stat().st_size for p in (paths.index, paths.geometries, paths.land))
    assert total < 25_000_000  # the hard limit; it is about 6 MB


def test_ids_are_unique_and_namespaced(gaz) -> None:
    ids = gaz._base.ids
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not ID_PATTERN.match(i)]
    assert bad == []


def test_every_place_is_a_valid_value(all_places) -> None:
    for place in all_places:
        assert place.kind in KINDS and place.kind != "derived", place.id
        assert place.name.strip() == place.name and "\n" not in place.name, place.id
        assert place.prominence >= 0, place.id
        assert place.country is None or re.fullmatch(r"[A-Z]{2}", place.country), place.id
        assert place.wikidata is None or re.fullmatch(r"Q\d+", place.wikidata), place.id


def test_all_geometries_are_valid_and_never_wrap_the_world(all_places) -> None:
    for place in all_places:
        geometry = place.geometry
        assert geometry.is_valid and not geometry.is_empty, place.id
        lines = {"LineString", "MultiLineString"} if place.kind == "river" else set()
        assert geometry.geom_type in {"Point", "Polygon", "MultiPolygon", *lines}, place.id
        assert not has_unsplit_crossing(geometry), place.id


def test_point_kinds_and_area_kinds(gaz, all_places) -> None:
    kinds_by_type: dict[str, set[str]] = {"Point": set(), "Area": set()}
    for place in all_places:
        kinds_by_type["Point" if place.geometry.geom_type == "Point" else "Area"].add(place.kind)
    assert {"city", "capital"} <= kinds_by_type["Point"] - kinds_by_type["Area"]
    assert {"country", "ocean", "sea", "strait", "gulf", "bay"} <= kinds_by_type["Area"]
    # a source polygon thinner than the 1e-5° grid is kept as its label point; in Natural Earth
    # 10m only the Luzon Strait among water bodies is such a sliver
    water_points = [p.id for p in all_places if p.kind in {"ocean", "sea", "strait", "gulf"}
                    and p.geometry.geom_type == "Point"]  # fmt: skip
    assert water_points == ["ne:marine:luzon-strait"]
    assert all(p.geometry.geom_type != "Point" for p in all_places if p.kind == "country")
    # admin-1 are label points except the US, CA, AU and BR polygons, the map units drawn
    # from label points (Wales, Flanders…: gazetteer.mapunits) and the regions made of
    # provinces (Catalonia, Lombardy…: gazetteer.adminregions)
    drawn = ("ne:mapunit:", "gn:admin1:")
    admin1_areas = {
        p.country
        for p in all_places
        if p.kind == "admin1" and p.geometry.area and not p.id.startswith(drawn)
    }
    assert admin1_areas == {"US", "CA", "AU", "BR"}
    regions = {p.country for p in all_places if p.id.startswith("gn:admin1:")}
    assert regions == {"ES", "FR", "IT"}
    units = {p.name for p in all_places if p.id.startswith("ne:mapunit:")}
    assert {"England", "Wales", "Scotland", "Northern Ireland", "Flanders"} <= units


@pytest.mark.parametrize(
    "place_id",
    [
        "ne:marine:bering-sea",
        "ne:marine:north-pacific-ocean",
        "ne:marine:pacific-ocean",
        "ne:marine:chukchi-sea",
        "ne:region:aleutian-islands",
        "iso:RU",
        "iso:FJ",
    ],
)
def test_antimeridian_geometries_are_split_at_180(gaz, place_id) -> None:
    geometry = gaz.get(place_id).geometry
    assert geometry.is_valid
    assert geometry.geom_type == "MultiPolygon"
    minx, _, maxx, _ = geometry.bounds
    assert minx == pytest.approx(-180, abs=0.02) and maxx == pytest.approx(180, abs=0.02)
    for part in geometry.geoms:  # every part stays on one side of the antimeridian
        west, _, east, _ = part.bounds
        assert east - west < 180 or (west <= -179.99 and east >= 179.99)
    assert not has_unsplit_crossing(geometry)


def test_has_unsplit_crossing_spots_an_unsplit_crossing() -> None:
    from shapely.geometry import Polygon

    unsplit = Polygon([(170, 50), (-170, 50), (-170, 60), (170, 60)])
    split = Polygon([(170, 50), (180, 50), (180, 60), (170, 60)])
    assert has_unsplit_crossing(unsplit)
    assert not has_unsplit_crossing(split)


def test_polygons_are_simplified_to_the_documented_tolerance(gaz) -> None:
    assert gaz._base.tolerance == 0.01
    assert gaz._base.land_tolerance == 0.01
    russia = gaz.get("iso:RU").geometry
    assert shapely.get_num_coordinates(russia) < 20_000


def test_every_curated_alias_resolves_to_its_place(gaz) -> None:
    for place_id, names in load_aliases().items():
        assert place_id in gaz
        for name in names:
            assert place_id in {c.place.id for c in gaz.candidates(name, limit=5)}, name


def test_every_curated_english_name_is_its_places_name(gaz) -> None:
    for place_id, name in load_english_names().items():
        place = gaz.get(place_id)
        assert place.name == name
        top = gaz.resolve(name)
        if top.id == place_id:
            continue
        if place.kind == "admin1" and top.kind in {"city", "capital"}:
            # a division named like its city (Kherson, which the sources leave unnamed): the
            # bare name is the city, "the Kherson region" the division
            assert top.country == place.country, name
            assert gaz.resolve(f"{name} region").id == place_id, name
        else:
            # a namesake comes first (the Sierra Nevada of California before Spain's, the
            # Austral Islands division before the island group): the place is still found
            assert top.name == name, name
            assert place_id in {c.place.id for c in gaz.candidates(name, limit=5)}, name


def test_curated_files_that_are_not_mappings_of_ids_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "names.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="mapping of place id"):
        load_english_names(bad)
    bad.write_text("ne:admin1:X: [a, list]\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="to a name"):
        load_english_names(bad)
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("iso:US: U.S.\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="list of names"):
        load_aliases(aliases)


def test_load_reports_missing_and_corrupt_artifacts(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="does not exist"):
        Gazetteer.load(tmp_path / "nowhere")
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer.load(tmp_path)
    (tmp_path / "index.bin.gz").write_bytes(gzip.compress(b"not an index"))
    with pytest.raises(GazetteerError, match="not a gazetteer index"):
        Gazetteer.load(tmp_path)
    (tmp_path / "index.bin.gz").write_bytes(b"not gzip")
    with pytest.raises(GazetteerError, match="cannot read"):
        Gazetteer.load(tmp_path)


def test_load_a_copy_of_the_artifact(tmp_path: Path) -> None:
    for name in ("index.bin.gz", "geometries.wkb.gz", "land.wkb.gz"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    copy = Gazetteer.load(tmp_path)
    assert copy.resolve("Kazan").id == "geonames:551487"
    assert copy is not Gazetteer.default()
    (tmp_path / "geometries.wkb.gz").unlink()
    with pytest.raises(GazetteerError, match="missing"):
        copy.get("iso:RU")  # geometries are read lazily, on first use


def test_default_is_loaded_once_per_process() -> None:
    assert Gazetteer.default() is Gazetteer.default()


def test_every_key_finds_places_that_carry_the_name(gaz) -> None:
    import random

    from gazetteer.normalize import variants

    keys = sorted(gaz.name_keys())
    for key in random.Random(7).sample(keys, 400):
        ranked = gaz.candidates(key, limit=50)
        assert ranked, key
        for candidate in ranked:
            assert key in variants(candidate.matched), (key, candidate.matched)
            labels = (candidate.place.name, *candidate.place.alt_names)
            assert candidate.matched in labels, (key, candidate.place.id)
