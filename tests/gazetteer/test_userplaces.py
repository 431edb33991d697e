"""User places files: extra places, aliases and pins for one corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point

from gazetteer import Gazetteer, GazetteerError
from gazetteer.userplaces import load_user_places

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def base() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def yaml_gaz(base) -> Gazetteer:
    return base.with_places(DATA / "user_places.yaml")


def test_user_places_resolve_by_name_alternate_and_alias(yaml_gaz) -> None:
    camp = yaml_gaz.resolve("Camp Lemonnier")
    assert (camp.id, camp.kind, camp.country, camp.wikidata) == (
        "user:camp-lemonnier",
        "other",
        "DJ",
        "Q1026928",
    )
    assert camp.geometry.equals(Point(43.15, 11.55))
    assert yaml_gaz.resolve("Lemonnier").id == "user:camp-lemonnier"
    assert yaml_gaz.resolve("the Lemonnier base").id == "user:camp-lemonnier"
    assert yaml_gaz.candidates("Lemonnier base")[0].matched == "Lemonnier base"
    box = yaml_gaz.get("user:exercise-box-7")
    assert box.geometry.geom_type == "Polygon" and box.kind == "region"


def test_aliases_can_name_existing_places(yaml_gaz) -> None:
    assert yaml_gaz.resolve("Breakaway Republic").id == "ne:disputed:transnistria"


def test_pins_override_ranking_and_context(yaml_gaz, base) -> None:
    from gazetteer import Context

    assert base.resolve("Georgia").id == "iso:GE"
    assert yaml_gaz.resolve("Georgia").id == "ne:admin1:USA-3543"
    tbilisi = base.resolve("Tbilisi")
    assert yaml_gaz.resolve("Georgia", context=Context(nearby=(tbilisi,))).id == (
        "ne:admin1:USA-3543"
    )
    assert "pinned by the user" in yaml_gaz.candidates("Georgia")[0].reasons


def test_with_places_leaves_the_original_unchanged(base, yaml_gaz) -> None:
    assert "user:camp-lemonnier" not in base
    assert "user:camp-lemonnier" in yaml_gaz
    assert len(yaml_gaz) == len(base) + 2
    assert base.resolve("Camp Lemonnier") is None
    assert "camp lemonnier" in set(yaml_gaz.name_keys())
    assert "camp lemonnier" not in set(base.name_keys())


def test_user_places_take_part_in_geometry_queries(yaml_gaz) -> None:
    hits = yaml_gaz.intersecting(Point(151.0, 11.0), kinds={"region"})
    assert [p.id for p in hits] == ["user:exercise-box-7"]
    feature = yaml_gaz.to_feature(yaml_gaz.get("user:exercise-box-7"))
    assert feature["properties"]["source"] == "user:user_places.yaml"


def test_toml_files_and_chaining(yaml_gaz) -> None:
    both = yaml_gaz.with_places(DATA / "user_places.toml")
    assert both.resolve("Fort Nine").id == "user:fort-antarctica-nine"
    assert both.resolve("Camp Lemonnier").id == "user:camp-lemonnier"  # still there
    assert both.resolve("Paris").id == "geonames:4717560"  # pinned to Paris, Texas
    reef = both.get("user:dateline-reef-zone")
    assert reef.geometry.geom_type == "MultiPolygon" and reef.geometry.is_valid


BAD_FILES = [
    ("places: [{kind: city, lon: 1, lat: 2}]", "places[0]: missing 'name'"),
    ("places: [{name: X, kind: volcano, lon: 1, lat: 2}]", "kind 'volcano'"),
    ("places: [{name: X, lon: 1, lat: 95}]", "lat 95 is outside -90..90"),
    ("places: [{name: X, lon: 200, lat: 5}]", "lon 200 is outside -180..180"),
    ("places: [{name: X, lon: one, lat: 5}]", "lon must be a number"),
    ("places: [{name: X}]", "give either lon and lat, or a GeoJSON geometry"),
    ("places: [{name: X, lon: 1, lat: 2, colour: red}]", "unknown key(s) colour"),
    ("places: [{name: X, lon: 1, lat: 2, country: Russia}]", "ISO alpha-2"),
    ("places: [{name: X, id: nonamespace, lon: 1, lat: 2}]", "namespaced"),
    (
        "places: [{name: Bow, geometry: {type: Polygon, coordinates: "
        "[[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}}]",
        "invalid geometry (Self-intersection",
    ),
    (
        "places: [{name: Wrap, geometry: {type: Polygon, coordinates: "
        "[[[170, 50], [-170, 50], [-170, 60], [170, 60], [170, 50]]]}}]",
        "split at ±180°",
    ),
    ("places: [{name: X, geometry: {type: Blob}}]", "not a GeoJSON geometry"),
    ("places: [{name: A, lon: 1, lat: 1}, {name: A, lon: 2, lat: 2}]", "duplicate id"),
    ("regions: []", "unknown section(s) regions"),
    ("places: {name: X}", "'places' must be a list"),
    ("aliases: [Donbas]", "'aliases' must map names to place ids"),
    ("pins: {Georgia: 42}", "pins['Georgia']: expected a place id"),
    ("places: [unclosed", "is not valid YAML"),
    ("- just a list", "expected a mapping"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_bad_files_name_the_file_and_the_entry(tmp_path, text, message) -> None:
    path = tmp_path / "corpus-places.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        load_user_places(path)
    assert "corpus-places.yaml" in str(info.value)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("aliases: {Somewhere: user:nothing}", "alias 'Somewhere' points to unknown place id"),
        ("pins: {Georgia: iso:XX}", "pin 'Georgia' points to unknown place id 'iso:XX'"),
        ("places: [{id: 'iso:RU', name: Russia2, lon: 1, lat: 1}]", "'iso:RU' already exists"),
    ],
)
def test_targets_must_exist(tmp_path, base, text, message) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"targets\.yaml") as info:
        base.with_places(path)
    assert message in str(info.value)


def test_unreadable_and_wrongly_named_files(tmp_path, base) -> None:
    with pytest.raises(GazetteerError, match="cannot read user places file"):
        base.with_places(tmp_path / "missing.yaml")
    other = tmp_path / "places.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"\.yaml, \.yml or \.toml"):
        base.with_places(other)
    bad_toml = tmp_path / "places.toml"
    bad_toml.write_text("[[places]\nname = 1", encoding="utf-8")
    with pytest.raises(GazetteerError, match="is not valid TOML"):
        base.with_places(bad_toml)


def test_a_pin_can_introduce_a_new_name(tmp_path, base) -> None:
    path = tmp_path / "pins.yaml"
    path.write_text("pins: {The Strip: 'ne:disputed:gaza'}", encoding="utf-8")
    pinned = base.with_places(path)
    assert "strip" in set(pinned.name_keys())
    assert pinned.resolve("the Strip").id == "ne:disputed:gaza"


def test_an_empty_file_adds_nothing(tmp_path, base) -> None:
    path = tmp_path / "empty.yml"
    path.write_text("", encoding="utf-8")
    assert len(base.with_places(path)) == len(base)


# --- hostile places files (issue 14): one `Error:` line naming the file, never a traceback ------


def _geo(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    geo = Path(sys.executable).with_name("geo")
    return subprocess.run(
        [str(geo), *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


COLLECTION = """places:
  - name: Exercise Box
    kind: region
    geometry:
      type: GeometryCollection
      geometries:
        - {type: Point, coordinates: [121, 21]}
        - {type: Polygon, coordinates: [[[120, 20], [122, 20], [122, 22], [120, 20]]]}
"""


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("box.yaml", COLLECTION.encode(), "GeometryCollection"),
        (
            "latin1.yaml",
            "places:\n  - name: Café\n    lon: 1\n    lat: 2\n".encode("cp1252"),
            "UTF-8",
        ),
        ("latin1.toml", '[[places]]\nname = "Café"\nlon = 1\nlat = 2\n'.encode("cp1252"), "UTF-8"),
        ("deep.toml", b"a = " + b"[" * 5000, "nested"),
        (
            "bomb.yaml",
            b"places: &p [{name: A, lon: 1, lat: 2}]\naliases: {x: *p}\n",
            "(*p) are not allowed",
        ),
    ],
    ids=["geometry-collection", "yaml-not-utf8", "toml-not-utf8", "toml-deep", "yaml-alias"],
)
def test_a_bad_places_file_is_one_error_line_naming_it(
    tmp_path: Path, name: str, data: bytes, needle: str
) -> None:
    places = tmp_path / name
    places.write_bytes(data)
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2024-10-14\nWarships sailed off Exercise Box and near Taiwan on Monday.\n",
        encoding="utf-8",
    )
    result = _geo(
        "build",
        str(article),
        "--no-images",
        "--out",
        "site",
        "--places",
        str(places),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert name in lines[0] and needle in lines[0]
    assert not (tmp_path / "site").exists()
