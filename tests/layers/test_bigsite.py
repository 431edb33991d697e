"""Big sites: events in slice files, embeds on request, tables written in pieces."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from layers import build_site, slices, tableformats, tables
from layers.payload import DETAIL_CHUNK
from tests.layers.big_builders import big_events, overlapping_ids, small_slices
from tests.layers.site_builders import PAYLOADS, world_events, world_mentions

_CALL = re.compile(r"^GeoNewsMap\.(slice|details)\((\d+), (.*)\);\n$", re.S)


def _data(root: Path) -> dict[str, Any]:
    page = (root / "index.html").read_text(encoding="utf-8")
    block = page.split('<script type="application/json" id="site-data">')[1]
    return json.loads(block.split("</script>")[0])


def _call(path: Path) -> tuple[str, int, Any]:
    """A slice or detail file's call: its kind, number and data (a slice's data is JSON text
    in a string literal, itself JSON)."""
    match = _CALL.match(path.read_text(encoding="utf-8"))
    assert match, path
    argument = json.loads(match[3])
    if match[1] == "slice":
        assert isinstance(argument, str)
        argument = json.loads(argument)
    return match[1], int(match[2]), argument


@pytest.fixture
def sliced_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    small_slices(monkeypatch)
    out = tmp_path / "site"
    build_site(big_events(), out, images=False, sliced=True, on_problem=lambda m: None)
    return out


def test_a_small_site_is_not_sliced(tmp_path: Path) -> None:
    summary = build_site(world_events(), tmp_path / "s", images=False)
    assert summary.sliced is False
    assert not (tmp_path / "s" / "slices").exists()
    data = _data(tmp_path / "s")
    assert "slices" not in data
    assert len(data["ev"]["id"]) == len(world_events())
    assert "em" not in data["ev"]  # every event has its embed page
    assert summary.embed_count == len(world_events())


def test_the_threshold_switches_to_slices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "SLICED_MIN_EVENTS", len(world_events()))
    monkeypatch.setattr("layers.site.SLICED_MIN_EVENTS", len(world_events()))
    summary = build_site(world_events(), tmp_path / "s", images=False)
    assert summary.sliced is True
    assert (tmp_path / "s" / "slices" / "0.js").is_file()


def test_every_event_is_in_exactly_one_slice_with_its_details(sliced_site: Path) -> None:
    events = big_events()
    data = _data(sliced_site)
    assert data["ev"]["id"] == []  # the page carries no event
    files = data["slices"]["files"]
    seen: dict[str, tuple[int, int]] = {}
    for number, (first, last, end, count, x0) in enumerate(files):
        kind, n, part = _call(sliced_site / "slices" / f"{number}.js")
        assert (kind, n) == ("slice", number)
        ev = part["ev"]
        assert len(ev["id"]) == count <= 25
        assert (min(ev["s"]), max(ev["s"]), max(ev["e"])) == (first, last, end)
        for j, ident in enumerate(ev["id"]):
            assert ident not in seen
            seen[ident] = (number, x0 + j)
    assert set(seen) == set(events["id"])
    # the detail files follow the slices: event at position x is detail x
    by_id = events.set_index("id")
    for ident in ("e-00000", "e-00097", "e-00200", "e-00359"):
        _, x = seen[ident]
        _, _, details = _call(sliced_site / "details" / f"{x // DETAIL_CHUNK}.js")
        sources = details[x % DETAIL_CHUNK][4]
        assert sources[0][4] == by_id.loc[ident, "sources"][0]["quote"]


def test_long_events_get_their_own_slices(sliced_site: Path) -> None:
    data = _data(sliced_site)
    short = []
    for number, (first, last, end, _, _) in enumerate(data["slices"]["files"]):
        _, _, part = _call(sliced_site / "slices" / f"{number}.js")
        lengths = {e - s for s, e in zip(part["ev"]["s"], part["ev"]["e"], strict=True)}
        # one length group a slice: up to a week, up to a quarter, longer
        assert max(lengths) <= 7 or min(lengths) > 7
        if max(lengths) <= 7:
            short.append((first, last, end))
    # a month's window needs few of the short slices, not every one
    assert all(end - first <= 7 + (last - first) for first, last, end in short)


def test_the_first_view_and_the_timeline_come_from_the_index(sliced_site: Path) -> None:
    events = big_events()
    data = _data(sliced_site)
    first, last = data["slices"]["first"]
    assert last == max(data["slices"]["files"], key=lambda f: f[1])[1]
    starting = sum(1 for s in events["start"] if s >= _iso(first))
    assert 0 < starting <= 40
    hist = data["slices"]["hist"]
    assert sum(sum(counts) for _, counts in hist) == len(events)
    assert data["slices"]["total"] == len(events)
    assert sum(data["slices"]["sourceCounts"]) == len(events)
    cells = data["slices"]["grid"]
    assert sum(sum(g[3::4]) for g in cells) == len(events)


def _iso(day: int) -> str:
    from datetime import date, timedelta

    return (date(1970, 1, 1) + timedelta(days=day)).isoformat()


def test_slices_are_inert_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small_slices(monkeypatch)
    out = tmp_path / "site"
    build_site(
        big_events(payload=" ".join(PAYLOADS)),
        out,
        images=False,
        sliced=True,
        on_problem=lambda m: None,
    )
    for path in (out / "slices").iterdir():
        text = path.read_text(encoding="utf-8")
        assert "</script" not in text.lower() and "<" not in text
        assert "\u2028" not in text and "\u2029" not in text
        kind, _, part = _call(path)  # one call whose argument is JSON
        assert kind == "slice"
        assert any("<script>window.pwned=1</script>" in t for t in part["ev"]["t"])


def test_a_big_site_makes_embeds_only_when_asked(tmp_path: Path) -> None:
    events = big_events()
    problems: list[str] = []
    summary = build_site(
        events,
        tmp_path / "s",
        images=False,
        sliced=True,
        embeds=["e-00003", "no-such-event"],
        on_problem=problems.append,
    )
    embed = tmp_path / "s" / "embed"
    assert sorted(p.name for p in embed.iterdir()) == [
        "e-00003.html",
        "e-00003.json",
        "index.html",
        "index.json",
    ]
    assert summary.embed_count == 1
    assert any("no-such-event" in p for p in problems)
    page = (embed / "e-00003.html").read_text(encoding="utf-8")
    # the full map opens on the event's dates, so the page loads its slice
    assert "../index.html#from=2024-01-02&amp;to=2024-01-02&amp;event=e-00003" in page
    marks = []
    for path in (tmp_path / "s" / "slices").iterdir():
        _, _, part = _call(path)
        marks += [i for i, m in zip(part["ev"]["id"], part["ev"]["em"], strict=True) if m]
    assert marks == ["e-00003"]


def test_a_big_site_makes_no_embed_by_default_and_all_on_request(tmp_path: Path) -> None:
    events = big_events().head(30)
    build_site(events, tmp_path / "none", images=False, sliced=True)
    assert sorted(p.name for p in (tmp_path / "none" / "embed").iterdir()) == [
        "index.html",
        "index.json",
    ]
    summary = build_site(events, tmp_path / "all", images=False, sliced=True, embeds="all")
    assert summary.embed_count == 30
    assert len(list((tmp_path / "all" / "embed").glob("e-*.html"))) == 30


def test_tables_written_in_pieces_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = big_events().head(50)
    events = tables.events_frame(events)
    whole = tables.write_tables(events, world_mentions(), tmp_path / "whole")
    monkeypatch.setattr(tableformats, "CHUNK_ROWS", 3)
    pieces = tables.write_tables(events, world_mentions(), tmp_path / "pieces")
    for a, b in zip(whole, pieces, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert tables.table_text(events, "csv") == (tmp_path / "pieces" / "events.csv").read_text(
        encoding="utf-8"
    )


def test_a_big_site_writes_mentions_as_points(tmp_path: Path) -> None:
    tables.write_tables(
        tables.events_frame(world_events()),
        world_mentions(),
        tmp_path / "d",
        mention_points=True,
    )
    mentions = json.loads((tmp_path / "d" / "mentions.geojson").read_text(encoding="utf-8"))
    places = json.loads((tmp_path / "d" / "places.geojson").read_text(encoding="utf-8"))
    assert {f["geometry"]["type"] for f in mentions["features"]} == {"Point"}
    # the outlines are in the places table, once each
    assert any(f["geometry"]["type"] != "Point" for f in places["features"])


def test_the_places_layer_is_aggregated_on_a_big_site(tmp_path: Path) -> None:
    build_site(world_events(), tmp_path / "s", mentions=world_mentions(), images=False, sliced=True)
    pl = _data(tmp_path / "s")["pl"]
    geoms = _data(tmp_path / "s")["geoms"]
    assert pl["id"] and all(geoms[g]["t"] == "pt" for g in pl["g"])
    assert all(len(m) <= 3 for m in pl["m"])


def test_overlapping_ids_helper_counts_long_events() -> None:
    events = big_events()
    ids = overlapping_ids(events, "2024-03-01", "2024-03-01")
    assert "e-00097" in ids  # starts on 18 Feb, lasts 60 days
    assert len(ids) > 2
