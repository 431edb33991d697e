"""The on-disk cache of derived areas: a cached area is the computed one, bit for bit; a
changed gazetteer never reads another's areas; a broken or unwritable cache, or one turned off,
never fails a derivation. Every cache file lives in a pytest tmp dir."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from gazetteer import areacache
from gazetteer.areacache import AreaCache, enable_area_cache, process_area_cache
from gazetteer.areas import derive
from gazetteer.core import Gazetteer
from gazetteer.deriver import Deriver
from gazetteer.modifiers import Modifier, parse_query

DATA = Path(__file__).resolve().parent.parent / "data"
ARTIFACT = Path(__file__).resolve().parents[2] / "gazetteer" / "data"

#: Cheap derivations of several rules: a city on land, a compass part, a water body
#: (returned as is), a sea rule falling back on land, and a sea band across the date line.
QUERIES = [
    ("near Kharkiv", False),
    ("northern Mali", False),
    ("waters of the Baltic Sea", False),
    ("off Mali", False),
    ("around Fiji", True),
]


def base_and_modifier(gaz: Gazetteer, query: str) -> tuple:
    modifier, name = parse_query(query)
    assert modifier is not None, query
    base = gaz.resolve(name)
    assert base is not None, name
    return base, modifier


def same(a, b) -> bool:
    """Equal in every field a user sees, geometry bit for bit."""
    return (
        a.to_dict() == b.to_dict()
        and a.alt_names == b.alt_names
        and shapely.to_wkb(a.geometry) == shapely.to_wkb(b.geometry)
    )


def no_computing(monkeypatch) -> None:
    def fail(self):
        raise AssertionError("computed although cached")

    monkeypatch.setattr(Deriver, "place", fail)


def test_a_cached_area_is_the_computed_one(gaz, tmp_path, monkeypatch) -> None:
    path = tmp_path / "areas.sqlite3"
    computed = {}
    for query, at_sea in QUERIES:
        base, modifier = base_and_modifier(gaz, query)
        computed[query] = derive(base, modifier, gaz, at_sea=at_sea, cache=False)
        stored = derive(base, modifier, gaz, at_sea=at_sea, cache=AreaCache(path))
        assert stored.geometry is not None  # drawing the area stores it in the file
    # A later process: a new cache object on the same file, and no geometry work allowed.
    later = AreaCache(path)
    no_computing(monkeypatch)
    for query, at_sea in QUERIES:
        base, modifier = base_and_modifier(gaz, query)
        cached = derive(base, modifier, gaz, at_sea=at_sea, cache=later)
        assert same(cached, computed[query]), query
    assert later.hits == len(QUERIES) and later.misses == 0 and later.error is None
    water, modifier = base_and_modifier(gaz, "waters of the Baltic Sea")
    assert derive(water, modifier, gaz, cache=later) is water  # the water body itself


def test_an_area_is_stored_when_drawn_and_not_before(gaz, tmp_path) -> None:
    # deciding which area "off Alaska" names needs no band: only what is drawn is kept
    cache = AreaCache(tmp_path / "areas.sqlite3")
    base, modifier = base_and_modifier(gaz, "central Mali")
    place = derive(base, modifier, gaz, cache=cache)
    with sqlite3.connect(cache.path) as db:
        assert db.execute("SELECT count(*) FROM areas").fetchone()[0] == 0
    assert place.geometry is not None
    with sqlite3.connect(cache.path) as db:
        assert db.execute("SELECT count(*) FROM areas").fetchone()[0] == 1


def test_the_key_holds_the_modifier_the_sea_context_and_the_base_shape(gaz, tmp_path) -> None:
    cache = AreaCache(tmp_path / "areas.sqlite3")
    base, modifier = base_and_modifier(gaz, "off Mali")
    derive(base, modifier, gaz, cache=cache)
    phrased = Modifier(modifier.rule, modifier.detail, "off the coast of")
    described = derive(base, phrased, gaz, cache=cache)  # the phrase is in the description
    assert "'off the coast of' is read on land" in described.derivation.description
    kharkiv, near = base_and_modifier(gaz, "near Kharkiv")
    on_land = derive(kharkiv, near, gaz, cache=cache)
    at_sea = derive(kharkiv, near, gaz, at_sea=True, cache=cache)  # inland: says why
    assert at_sea.derivation.description != on_land.derivation.description
    moved = type(kharkiv)(
        id=kharkiv.id,
        name=kharkiv.name,
        kind=kharkiv.kind,
        geometry=shapely.Point(30.0, 50.0),  # same id, another shape: derived anew
        country=kharkiv.country,
    )
    assert not derive(moved, near, gaz, cache=cache).geometry.contains(kharkiv.geometry)
    assert cache.hits == 0


def test_user_places_change_the_fingerprint(gaz) -> None:
    user = gaz.with_places(DATA / "user_places.yaml")
    assert gaz.fingerprint() is not None and user.fingerprint() is not None
    assert user.fingerprint() != gaz.fingerprint()
    assert user.fingerprint() == gaz.with_places(DATA / "user_places.yaml").fingerprint()


def test_a_rebuilt_artifact_is_never_read_as_the_old_one(tmp_path) -> None:
    copy = tmp_path / "artifact"
    shutil.copytree(ARTIFACT, copy, ignore=shutil.ignore_patterns("*.tsv", "*.yaml"))
    first = Gazetteer.load(copy)
    digest = first.fingerprint()
    assert digest == Gazetteer.default().fingerprint()  # same bytes, same fingerprint
    land = copy / "land.wkb.gz"
    land.write_bytes(land.read_bytes())  # rewritten in place, as a rebuild does
    assert first.fingerprint() is None  # the bytes on disk may not be the ones in memory
    second = Gazetteer.load(copy)
    assert second.fingerprint() == digest  # a rebuild with the same bytes shares the cache
    data = land.read_bytes()
    land.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit changed
    assert Gazetteer.load(copy).fingerprint() not in (None, digest)


def test_a_corrupt_file_turns_the_cache_off_not_the_derivation(gaz, tmp_path) -> None:
    path = tmp_path / "areas.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = AreaCache(path)
    base, modifier = base_and_modifier(gaz, "northern Mali")
    place = derive(base, modifier, gaz, cache=cache)
    assert same(place, derive(base, modifier, gaz, cache=False))
    assert not cache.enabled and "turned off" in cache.error


def test_an_unwritable_place_turns_the_cache_off(gaz, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache = AreaCache(blocker / "areas.sqlite3")
    base, modifier = base_and_modifier(gaz, "near Kharkiv")
    place = derive(base, modifier, gaz, cache=cache)
    assert place.id == "derived:near:land-50km:" + base.id
    assert place.geometry.contains(base.geometry)  # drawn, and stored if it could be
    assert not cache.enabled


def test_a_corrupt_row_is_a_miss(gaz, tmp_path) -> None:
    path = tmp_path / "areas.sqlite3"
    base, modifier = base_and_modifier(gaz, "northern Mali")
    expected = derive(base, modifier, gaz, cache=AreaCache(path))
    assert expected.geometry is not None  # drawn, so stored
    with sqlite3.connect(path) as db:
        db.execute("UPDATE areas SET wkb = x'00ff', meta = '{\"id\": 1'")
    cache = AreaCache(path)
    assert same(derive(base, modifier, gaz, cache=cache), expected)
    assert cache.hits == 0 and cache.misses == 1 and cache.enabled


def test_the_environment_turns_every_cache_off(gaz, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(areacache.ENV_VAR, "off")
    path = tmp_path / "areas.sqlite3"
    base, modifier = base_and_modifier(gaz, "near Kharkiv")
    derive(base, modifier, gaz, cache=AreaCache(path))
    assert not path.exists()
    assert enable_area_cache(path) is None and process_area_cache() is None


def test_the_process_cache_is_off_by_default_and_opt_in(gaz, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(areacache.ENV_VAR, raising=False)
    areacache.disable_area_cache()
    assert process_area_cache() is None
    base, modifier = base_and_modifier(gaz, "central Mali")
    derive(base, modifier, gaz)
    assert not (tmp_path / "xdg").exists()
    try:
        cache = enable_area_cache()
        assert cache is not None and cache.path == tmp_path / "xdg/geo-news-map/areas.sqlite3"
        derive(base, modifier, gaz, at_sea=True)  # a key the memory cache has not seen
        assert cache.path.exists() and cache.misses == 1
    finally:
        areacache.disable_area_cache()
    assert process_area_cache() is None


WORKER = """
import sys
from gazetteer import Gazetteer, parse_query
from gazetteer.areacache import AreaCache
from gazetteer.areas import derive
gaz = Gazetteer.default()
cache = AreaCache(sys.argv[1])
for query in ("near Kharkiv", "near Lviv", "northern Mali", "central Chad"):
    modifier, name = parse_query(query)
    derive(gaz.resolve(name), modifier, gaz, cache=cache).geometry  # drawn, so stored
print(cache.error)
"""


def test_processes_share_one_file(tmp_path) -> None:
    path = tmp_path / "areas.sqlite3"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = [w.communicate(timeout=300)[0].strip() for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0]
    assert outputs == ["None"] * 3  # no worker had to turn its cache off
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM areas").fetchone()[0] == 4


def _derive_in_child(cache: AreaCache, query: str) -> None:
    gaz = Gazetteer.default()
    modifier, name = parse_query(query)
    assert derive(gaz.resolve(name), modifier, gaz, cache=cache).geometry is not None
    assert cache.error is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_opens_its_own_connection(gaz, tmp_path) -> None:
    cache = AreaCache(tmp_path / "areas.sqlite3")
    base, modifier = base_and_modifier(gaz, "near Kharkiv")
    derive(base, modifier, gaz, cache=cache)  # the parent's connection is open
    child = multiprocessing.get_context("fork").Process(
        target=_derive_in_child, args=(cache, "southern Chad")
    )
    child.start()
    child.join(120)
    assert child.exitcode == 0
    chad, south = base_and_modifier(gaz, "southern Chad")
    derive(chad, south, gaz, cache=cache)
    assert cache.hits == 1 and cache.error is None  # the child's row, read by the parent


def _rows(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT key, used FROM areas ORDER BY used").fetchall()


def _fill(gaz, path, queries) -> None:
    cache = AreaCache(path)
    for query in queries:
        base, modifier = base_and_modifier(gaz, query)
        assert derive(base, modifier, gaz, cache=cache).geometry is not None
    cache.close()


def test_rows_of_other_code_and_unused_rows_are_deleted_on_opening(gaz, tmp_path) -> None:
    # keys hold a digest of the code: a new release never reads the old rows again
    path = tmp_path / "areas.sqlite3"
    _fill(gaz, path, ["northern Mali", "near Kharkiv", "central Chad"])
    keys = [key for key, _ in _rows(path)]
    with sqlite3.connect(path) as db:
        db.execute("UPDATE areas SET code = 'an older release' WHERE key = ?", (keys[0],))
        db.execute("UPDATE areas SET used = 0 WHERE key = ?", (keys[1],))  # unused for ages
    cache = AreaCache(path)
    base, modifier = base_and_modifier(gaz, "central Chad")
    assert derive(base, modifier, gaz, cache=cache).is_drawn  # read back: a hit
    assert cache.pruned == 2 and cache.hits == 1
    assert [key for key, _ in _rows(path)] == [keys[2]]


def test_the_least_recently_used_rows_go_beyond_the_size_limit(gaz, tmp_path) -> None:
    path = tmp_path / "areas.sqlite3"
    _fill(gaz, path, ["northern Mali", "near Kharkiv"])
    with sqlite3.connect(path) as db:
        sizes = db.execute(
            "SELECT key, length(meta) + length(wkb) FROM areas ORDER BY used"
        ).fetchall()
    _oldest, (new, new_size) = sizes
    AreaCache(path, max_bytes=new_size)._connect()  # room for the newest row only
    assert [key for key, _ in _rows(path)] == [new]


def test_a_file_in_the_older_layout_is_emptied_and_used(gaz, tmp_path) -> None:
    path = tmp_path / "areas.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE areas (key TEXT PRIMARY KEY, meta TEXT NOT NULL, wkb BLOB)")
        db.execute("INSERT INTO areas VALUES ('k', '{}', NULL)")
    _fill(gaz, path, ["northern Mali"])
    assert len(_rows(path)) == 1
