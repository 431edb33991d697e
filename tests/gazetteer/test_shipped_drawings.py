"""Shipped drawings: the file matches the sources, the artifact and its list, each outline is
the drawn one bit for bit whatever phrase named the area, and a file that does not match,
another gazetteer's place or a phrase-dependent area is never read."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import shapely

from gazetteer import shipped_drawings, shipped_file
from gazetteer.areas import derive, forget_derived
from gazetteer.core import Gazetteer
from gazetteer.modifiers import Modifier
from gazetteer.shipped_file import load_list

DATA = Path(__file__).resolve().parents[2] / "gazetteer" / "data"
TESTDATA = Path(__file__).resolve().parent.parent / "data"
REMAKE = "python -m gazetteer.shipped"


@pytest.fixture(autouse=True)
def _fresh_memory() -> None:
    """No derivation remembered in memory from another test."""
    forget_derived()


def listed() -> list[shipped_file.ShippedArea]:
    return load_list((DATA / shipped_drawings.DRAWINGS_LIST).read_text(encoding="utf-8"))


def drawings() -> shipped_drawings.ShippedDrawings:
    found = shipped_drawings.shipped_drawings()
    name = shipped_drawings.DRAWINGS_FILE
    assert found is not None, f"gazetteer/data/{name} is missing: run {REMAKE}"
    return found


def derived(gaz: Gazetteer, spec: shipped_file.ShippedArea, *, phrase: str | None = None, on=True):
    """The area of ``spec`` (with ``phrase``), drawn (or read) now, with shipping ``on``."""
    shipped_file.use_shipped_areas(on)
    forget_derived()
    try:
        modifier = Modifier(spec.rule, spec.detail, phrase or spec.phrase)
        place = derive(gaz.get(spec.base_id), modifier, gaz, at_sea=spec.at_sea, cache=False)
        place.geometry  # noqa: B018 - drawn (or read) while shipping is as asked
    finally:
        shipped_file.use_shipped_areas(True)
        forget_derived()
    return place


def same(a, b) -> bool:
    """Equal in every field a user sees, geometry bit for bit."""
    return a.to_dict() == b.to_dict() and shapely.to_wkb(a.geometry) == shapely.to_wkb(b.geometry)


def count_makes(monkeypatch) -> list[str]:
    """The derived ids drawn (not read) from now on."""
    made: list[str] = []
    original = shipped_drawings.note_drawn

    def noted(place_id, outline, description):
        made.append(place_id)
        original(place_id, outline, description)

    monkeypatch.setattr("gazetteer.workarea.note_drawn", noted)
    return made


def decided(gaz: Gazetteer, spec: shipped_file.ShippedArea) -> str:
    """The derived id ``spec`` names (decided, not drawn)."""
    return derive(gaz.get(spec.base_id), spec.modifier(), gaz, at_sea=spec.at_sea, cache=False).id


def cheapest(gaz: Gazetteer) -> shipped_file.ShippedArea:
    """The listed area with the smallest shipped outline (the cheapest to draw again)."""
    found = drawings()

    def size(spec: shipped_file.ShippedArea) -> int:
        _, start, end = found.rows[decided(gaz, spec)]
        return end - start

    return min(listed(), key=lambda spec: (size(spec), spec))


def matching(gaz: Gazetteer) -> shipped_drawings.ShippedDrawings:
    found = drawings()
    if found.versions != shipped_file.library_versions():
        pytest.skip(f"drawn with other libraries ({found.versions}): not read here")
    return found


def test_the_drawings_file_matches_the_sources_the_artifact_and_the_list(gaz) -> None:
    found = drawings()
    assert found.digest == shipped_drawings.drawings_digest(gaz.fingerprint()), (
        f"the gazetteer's sources or artifact changed since the file was drawn: run {REMAKE}"
    )
    assert {decided(gaz, spec) for spec in listed()} == set(found.rows), (
        f"the list changed: run {REMAKE}"
    )


def check_same_as_drawn(gaz: Gazetteer, chosen: list[shipped_file.ShippedArea], monkeypatch):
    matching(gaz)
    made = count_makes(monkeypatch)
    for spec in chosen:
        shipped = derived(gaz, spec)
        assert made == [], spec  # read from the file
        computed = derived(gaz, spec, on=False)
        assert made == [computed.id]
        made.clear()
        assert same(shipped, computed) and shipped.derivation == computed.derivation, spec


def test_the_cheapest_drawing_is_the_drawn_one_bit_for_bit(gaz, monkeypatch) -> None:
    check_same_as_drawn(gaz, [cheapest(gaz)], monkeypatch)


@pytest.mark.slow
def test_every_drawing_is_the_drawn_one_bit_for_bit(gaz, monkeypatch) -> None:
    one_each: dict[tuple[int, int], shipped_file.ShippedArea] = {}
    for spec in sorted(listed()):  # one area of each outline (coast and waters share one)
        _, start, end = drawings().rows[decided(gaz, spec)]
        one_each.setdefault((start, end), spec)
    check_same_as_drawn(gaz, list(one_each.values()), monkeypatch)


def test_a_drawing_answers_any_phrase_of_its_area(gaz, monkeypatch) -> None:
    matching(gaz)
    spec = min(listed(), key=lambda s: (s.rule != "coast", s))
    made = count_makes(monkeypatch)
    for phrase in ("off the coast of", "off", "along the coast of"):
        place = derived(gaz, spec, phrase=phrase)
        assert place.id in drawings().rows and place.is_drawn
    assert made == []


def test_a_mismatching_digest_or_library_draws_the_area(gaz, monkeypatch) -> None:
    found = matching(gaz)
    spec = cheapest(gaz)
    for stale in (
        dataclasses.replace(found, digest="0" * 64),
        dataclasses.replace(found, versions=("0.0", "0.0", "0.0")),
    ):
        monkeypatch.setattr(shipped_drawings, "shipped_drawings", lambda stale=stale: stale)
        shipped_drawings._matches.cache_clear()
        made = count_makes(monkeypatch)
        place = derived(gaz, spec)
        assert made == [place.id]
    shipped_drawings._matches.cache_clear()


def test_another_gazetteer_and_the_environment_draw_the_area(gaz, monkeypatch) -> None:
    matching(gaz)
    spec = cheapest(gaz)
    user = gaz.with_places(TESTDATA / "user_places.yaml")
    made = count_makes(monkeypatch)
    place = derive(user.get(spec.base_id), spec.modifier(), user, at_sea=spec.at_sea, cache=False)
    place.geometry  # noqa: B018
    assert made == [place.id]
    made.clear()
    monkeypatch.setenv("GEO_AREA_CACHE", "off")
    assert derived(gaz, spec).id == place.id and made == [place.id]


def test_an_area_whose_outline_depends_on_its_phrase_is_never_read(gaz, monkeypatch) -> None:
    # "near" on land (the place and 50 km around it) is drawn; so is a sea rule that finds
    # no sea (its description quotes the phrase), even of a place with drawings shipped.
    matching(gaz)
    spec = cheapest(gaz)
    made = count_makes(monkeypatch)
    land = derived(gaz, spec._replace(rule="near", detail=None, at_sea=False))
    assert land.id not in drawings().rows and made == []
    with pytest.raises(ValueError, match="no drawing ships"):
        from gazetteer.shipped import draw_shipped_drawings

        draw_shipped_drawings(gaz, [spec._replace(rule="near", detail=None, at_sea=False)])


def test_a_malformed_drawings_file_is_refused() -> None:
    data = (DATA / shipped_drawings.DRAWINGS_FILE).read_bytes()
    with pytest.raises(ValueError):
        shipped_drawings.read_drawings(data[: len(data) // 2])
    with pytest.raises(ValueError):
        shipped_drawings.read_drawings(b"no header at all")
    with pytest.raises(ValueError):
        shipped_drawings.read_drawings(b'{"format": 1}\n')
