"""Shipped derived areas: the file matches the sources, the artifact and its list, each
shipped area is the drawn one bit for bit, and a file that does not match is never read."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from gazetteer import areacache, shipped_file
from gazetteer.areas import derive, forget_derived
from gazetteer.core import Gazetteer
from gazetteer.deriver import Deriver
from gazetteer.shipped_file import ShippedArea, load_list, read_file, shipped_areas

DATA = Path(__file__).resolve().parents[2] / "gazetteer" / "data"
TESTDATA = Path(__file__).resolve().parent.parent / "data"
REMAKE = "python -m gazetteer.shipped"
#: Shipped areas cheap enough to draw again in every test run (the others: ``slow``).
CHEAP_WKB_BYTES = 20_000


@pytest.fixture(autouse=True)
def _fresh_memory() -> None:
    """No derivation remembered in memory from another test."""
    forget_derived()


def same(a, b) -> bool:
    """Equal in every field a user sees, geometry bit for bit."""
    return (
        a.to_dict() == b.to_dict()
        and a.alt_names == b.alt_names
        and shapely.to_wkb(a.geometry) == shapely.to_wkb(b.geometry)
    )


def drawn(gaz: Gazetteer, spec: ShippedArea):
    """The area of ``spec`` drawn now, neither shipped nor cached."""
    shipped_file.use_shipped_areas(False)
    forget_derived()  # not the shipped one remembered in memory
    try:
        place = derive(gaz.get(spec.base_id), spec.modifier(), gaz, at_sea=spec.at_sea, cache=False)
        place.geometry  # noqa: B018 - draw it while shipped areas are off
    finally:
        shipped_file.use_shipped_areas(True)
        forget_derived()
    return place


def from_package(gaz: Gazetteer, spec: ShippedArea):
    return derive(gaz.get(spec.base_id), spec.modifier(), gaz, at_sea=spec.at_sea, cache=False)


def count_drawing(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = Deriver.place

    def counted(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(Deriver, "place", counted)
    return calls


def test_the_shipped_file_matches_the_sources_the_artifact_and_the_list(gaz) -> None:
    areas = shipped_areas()
    assert areas is not None, f"gazetteer/data/shipped_areas.bin.gz is missing: run {REMAKE}"
    listed = load_list((DATA / "shipped_areas.tsv").read_text(encoding="utf-8"))
    assert sorted(areas.specs) == sorted(set(listed)), f"the list changed: run {REMAKE}"
    assert areas.digest == shipped_file.shipped_digest(gaz.fingerprint()), (
        f"the gazetteer's sources or artifact changed since the file was drawn: run {REMAKE}"
    )


def shipped_specs(*, cheap: bool) -> list[ShippedArea]:
    areas = shipped_areas()
    assert areas is not None
    small = {
        spec
        for spec, (_meta, wkb) in zip(areas.specs, areas.rows.values(), strict=True)
        if len(wkb or b"") <= CHEAP_WKB_BYTES
    }
    return [s for s in areas.specs if (s in small) == cheap]


def check_same_as_drawn(gaz: Gazetteer, specs: list[ShippedArea]) -> None:
    areas = shipped_areas()
    assert areas is not None
    if not areas.matches(gaz.fingerprint()):
        pytest.skip(f"drawn with other libraries ({areas.versions}): not read here")
    for spec in specs:
        package = from_package(gaz, spec)
        assert package.is_drawn, spec  # read from the file
        computed = drawn(gaz, spec)
        assert computed is not package and same(package, computed), spec


def test_the_cheap_shipped_areas_are_the_drawn_ones_bit_for_bit(gaz) -> None:
    specs = shipped_specs(cheap=True)
    assert specs
    check_same_as_drawn(gaz, specs)


@pytest.mark.slow
def test_every_shipped_area_is_the_drawn_one_bit_for_bit(gaz) -> None:
    check_same_as_drawn(gaz, shipped_specs(cheap=False))


def test_derive_reads_a_shipped_area_instead_of_drawing_it(gaz, monkeypatch) -> None:
    areas = shipped_areas()
    assert areas is not None
    if areas.versions != shipped_file.library_versions():
        pytest.skip(f"drawn with other libraries ({areas.versions}): not read here")
    assert areas.matches(gaz.fingerprint())
    calls = count_drawing(monkeypatch)
    for spec in areas.specs:
        place = from_package(gaz, spec)
        assert place.is_drawn and place.geometry.is_valid, spec
    assert calls == []


def test_a_mismatching_digest_or_library_falls_back_to_drawing(gaz, monkeypatch) -> None:
    areas = shipped_areas()
    assert areas is not None
    spec = min(shipped_specs(cheap=True))
    expected = drawn(gaz, spec)
    for stale in (
        dataclasses.replace(areas, digest="0" * 64),
        dataclasses.replace(areas, versions=("0.0", "0.0", "0.0")),
    ):
        monkeypatch.setattr(shipped_file, "shipped_areas", lambda stale=stale: stale)
        forget_derived()
        calls = count_drawing(monkeypatch)
        place = from_package(gaz, spec)
        assert not place.is_drawn  # decided now, drawn when read: not taken from the file
        assert same(place, expected) and calls == [1]


def test_another_gazetteer_draws_its_own_areas(gaz, monkeypatch) -> None:
    user = gaz.with_places(TESTDATA / "user_places.yaml")
    spec = min(shipped_specs(cheap=True))
    calls = count_drawing(monkeypatch)
    place = derive(user.get(spec.base_id), spec.modifier(), user, at_sea=spec.at_sea, cache=False)
    assert calls == [1] and not place.is_drawn


def test_the_environment_turns_shipped_areas_off(gaz, monkeypatch) -> None:
    monkeypatch.setenv("GEO_AREA_CACHE", "off")
    calls = count_drawing(monkeypatch)
    place = from_package(gaz, min(shipped_specs(cheap=True)))
    assert calls == [1] and not place.is_drawn


def test_only_listed_areas_are_shipped(gaz, monkeypatch) -> None:
    # Alaska has shipped areas, but not this one: it is drawn.
    spec = ShippedArea("ne:admin1:USA-3563", "compass", "north", "northern", False)
    areas = shipped_areas()
    assert areas is not None and spec not in areas.specs and spec.base_id in areas.base_ids
    calls = count_drawing(monkeypatch)
    from_package(gaz, spec)
    assert calls == [1]


def test_a_malformed_file_or_list_is_refused() -> None:
    data = (DATA / "shipped_areas.bin.gz").read_bytes()
    with pytest.raises(ValueError):
        read_file(data[: len(data) // 2])
    with pytest.raises(ValueError):
        read_file(b"not gzip at all")
    with pytest.raises(ValueError):
        load_list("iso:TW\taround\t-\taround\tmaybe\n")
    with pytest.raises(Exception, match="rule"):
        load_list("iso:TW\tbeside\t-\tbeside\tno\n")
    assert load_list("# only a comment\n\n") == []


def test_the_digest_covers_every_package_that_draws_areas(monkeypatch) -> None:
    code = (
        "import sys, gazetteer.areas, gazetteer.shipped;"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    project = {"gazetteer", "geo", "inputsafe", "layers", "lonlat"}
    # inputsafe only reads user places files, whose places enter the gazetteer's fingerprint
    assert set(done.stdout.split()) & project <= {"gazetteer", "lonlat", "inputsafe"}
    before = areacache._sources_digest().hexdigest()
    original = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = original(path)
        return data + b"\n# edited\n" if path.parent.name == "lonlat" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert areacache._sources_digest().hexdigest() != before
