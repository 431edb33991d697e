"""The README's first command, end to end: ``geo build`` on the bundled sample, through the
installed console script, in a fresh folder; then the site it wrote, in real Chromium."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from layers import EVENT_COLUMNS, MENTION_COLUMNS
from tests.browsing import opened
from tests.geo.test_cli import run_geo

REPO = Path(__file__).resolve().parents[1]
SAMPLE_IDS = [
    "000_9373d973f4021972",
    "001_646846f35893e349",
    "002_2c6385e87956f5ff",
    "003_89839a2d7bf36050",
    "004_f9fa91b9999a0198",
]


csv.field_size_limit(64 * 1024 * 1024)  # WKT of a sea area is larger than the default


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    # like a fresh clone: site/ holds only the repository's README.md
    workdir = tmp_path_factory.mktemp("fresh-checkout")
    (workdir / "site").mkdir()
    shutil.copyfile(REPO / "site" / "README.md", workdir / "site" / "README.md")
    result = run_geo("build", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return workdir / "site", result.stdout


def _events(site: Path) -> list[dict[str, Any]]:
    collection = json.loads((site / "data" / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    return collection["features"]


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_prints_a_summary_and_the_path_to_open(built: tuple[Path, str]) -> None:
    site, stdout = built
    lines = stdout.strip().splitlines()
    assert lines[-1] == "Open site/index.html"
    summary = lines[-2]
    events = len(_events(site))
    assert "5 articles" in summary
    assert f"{events} events" in summary
    assert "0 warnings" in summary


def test_build_writes_the_site_tables_pages_and_embeds(built: tuple[Path, str]) -> None:
    site, _ = built
    assert (site / "index.html").stat().st_size > 0
    features = _events(site)
    assert len(features) >= 8
    for feature in features:
        assert set(EVENT_COLUMNS) <= set(feature["properties"])
        event_id = feature["properties"]["id"]
        for suffix in (".html", ".json", ".png"):
            assert (site / "embed" / f"{event_id}{suffix}").is_file()
    for article_id in SAMPLE_IDS:
        assert (site / "articles" / f"{article_id}.html").is_file()
    with (site / "data" / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(features)
    for row in rows:  # a spreadsheet can plot every row from its lon/lat columns
        assert -180 <= float(row["lon"]) <= 180 and -90 <= float(row["lat"]) <= 90
    mentions = json.loads((site / "data" / "mentions.geojson").read_text(encoding="utf-8"))
    assert mentions["features"]
    assert set(MENTION_COLUMNS) <= set(mentions["features"][0]["properties"])
    assert {f["properties"]["article"] for f in mentions["features"]} == set(SAMPLE_IDS)


def test_beijing_talks_cite_all_five_articles(built: tuple[Path, str]) -> None:
    site, _ = built
    beijing = [f["properties"] for f in _events(site) if f["properties"]["place_name"] == "Beijing"]
    talks = max(beijing, key=lambda p: p["source_count"])
    assert talks["source_count"] == 5
    assert {s["article"] for s in talks["sources"]} == set(SAMPLE_IDS)
    assert talks["start"] == "2024-10-14" and talks["end"] == "2024-10-15"


def test_rebuilding_gives_identical_bytes(built: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = built
    again = run_geo("-q", "build", "--out", str(tmp_path / "again"), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == ""  # -q: errors only
    built_files = _digest(site)
    readme = hashlib.sha256((REPO / "site" / "README.md").read_bytes()).hexdigest()
    assert built_files.pop("README.md") == readme  # the repository's README, kept as is
    assert _digest(tmp_path / "again") == built_files


def test_extract_places_counts_every_mention_once_per_place(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    site, _ = built
    sample = [str(p) for p in sorted((REPO / "geo" / "sample").glob("*"))]
    result = run_geo("extract", *sample, "--table", "places", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    places = [json.loads(line) for line in result.stdout.splitlines()]
    mentions = json.loads((site / "data" / "mentions.geojson").read_text(encoding="utf-8"))
    by_place = Counter(f["properties"]["place_id"] for f in mentions["features"])
    assert {p["place_id"]: p["mentions"] for p in places} == dict(by_place)
    beijing = next(p for p in places if p["place_name"] == "Beijing")
    assert beijing["articles"] == 5 and beijing["geometry"]["type"] == "Point"


def test_extract_and_site_round_trip(built: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = built
    sample = [str(p) for p in sorted((REPO / "geo" / "sample").glob("*"))]
    as_csv = run_geo("extract", *sample, "--format", "csv", cwd=tmp_path)
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == len(_events(site))
    assert set(EVENT_COLUMNS) <= set(rows[0])

    rebuilt = run_geo(
        "site",
        str(site / "data" / "events.geojson"),
        "--mentions",
        str(site / "data" / "mentions.geojson"),
        "--out",
        str(tmp_path / "from-table"),
        "--no-images",
        cwd=tmp_path,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert f"{len(rows)} events" in rebuilt.stdout
    assert (tmp_path / "from-table" / "index.html").is_file()


@pytest.mark.browser
def test_sample_site_opens_offline_with_one_list_entry_per_event(
    built: tuple[Path, str], browser: Any
) -> None:
    site, _ = built
    ids = {f["properties"]["id"] for f in _events(site)}
    with opened(browser, (site / "index.html").as_uri()) as page:
        assert page.visible_ids() == ids
        assert page.drawn_ids() == ids
        assert page.page.evaluate("GeoNewsMap.view.drawnPlaceIds()") == []  # places: off
        page.clean()  # no console errors, no outside requests, no dialogs
    with opened(browser, (site / "index.html").as_uri() + "#from=2024-09-01&to=2024-09-30") as p:
        september = p.visible_ids()
        assert september and september < ids
        assert p.drawn_ids() == september
        p.clean()


def _shown_text(page: Any) -> str:
    """What a reader sees or hears on the page: its text and its images' alt text."""
    return page.evaluate(
        """() => document.body.innerText + "\\n" +
            Array.from(document.images, (img) => img.alt).join("\\n") + "\\n" +
            Array.from(document.querySelectorAll("label, option"), (n) => n.textContent)
                .join("\\n")"""
    )


@pytest.mark.browser
def test_sample_site_never_shows_a_source_as_a_bare_id(
    built: tuple[Path, str], browser: Any
) -> None:
    site, _ = built
    seen: list[str] = []
    with opened(browser, (site / "index.html").as_uri()) as page:
        filter_names = page.page.eval_on_selector_all(
            "#source-filter label", "labels => labels.map(l => l.textContent)"
        )
        assert any(name.startswith("Article 000") for name in filter_names)  # no title
        for button in page.page.query_selector_all("#event-list li[data-event-id] button"):
            button.click()
            page.page.wait_for_selector(".leaflet-popup .popup-details:not([aria-busy])")
            seen.append(page.page.inner_text(".leaflet-popup"))
        seen.append(_shown_text(page.page))
        page.clean()
    for embed in sorted((site / "embed").glob("*.html")):
        with opened(browser, embed.as_uri()) as page:
            seen.append(_shown_text(page.page))
        oembed = json.loads(embed.with_suffix(".json").read_text(encoding="utf-8"))
        seen.append(" ".join(str(v) for v in oembed.values()))
    text = "\n".join(seen)
    assert "Article 000" in text
    for article in SAMPLE_IDS:
        assert article not in text, f"{article} shown as a source name"


# the country or sea around each sample event, which its image must name
SURROUNDINGS = {
    "Beijing": {"China"},
    "Kazan": {"Russia"},
    "Islamabad": {"Pakistan"},
    "New York City": {"United States", "North Atlantic Ocean"},
    "Ukraine": {"Black Sea", "Russia", "Poland"},
    "Sea of Japan": {"Japan", "Russia"},
}


def test_sample_event_images_name_the_country_or_sea_around_them(
    built: tuple[Path, str],
) -> None:
    from PIL import Image
    from shapely.geometry import shape

    from layers.images import event_image_labels

    site, _ = built
    checked = 0
    for feature in _events(site):
        props = feature["properties"]
        wanted = SURROUNDINGS.get(props["place_name"])
        if wanted is None:
            continue
        labels = event_image_labels(props, shape(feature["geometry"]))
        names = [label.name for label in labels]
        assert names[0] == props["place_name"]  # the event's own place comes first
        assert wanted & set(names), (props["place_name"], names)
        # the list is what the PNG shows: each listed name has dark text pixels in its box
        with Image.open(site / "embed" / f"{props['id']}.png") as png:
            image = png.convert("L")
        for label in labels:
            if label.name in wanted:
                left, top, right, bottom = (round(v) for v in label.text_box)
                crop = image.crop((left, top, right, bottom))
                assert crop.getextrema()[0] < 140, label  # text, darker than land or sea
        checked += 1
    assert checked == len(SURROUNDINGS)


_LABELS_IN_MAP = """() => {
    const map = document.querySelector(".folium-map").getBoundingClientRect();
    return Array.from(document.querySelectorAll(".folium-map .geo-label"), (el) => {
        const r = el.getBoundingClientRect();
        return {
            text: el.textContent, kind: el.className,
            box: [r.left - map.left, r.top - map.top, r.right - map.left, r.bottom - map.top],
            font: getComputedStyle(el).fontFamily,
            visible: getComputedStyle(el.parentNode).visibility !== "hidden",
        };
    });
}"""


def _check_labels(page: Any) -> list[str]:
    """The names in the map: inside it, visible, never overlapping, in the page's font."""
    labels = page.evaluate(_LABELS_IN_MAP)
    size = page.evaluate("[document.querySelector('.folium-map').clientWidth,"
                         " document.querySelector('.folium-map').clientHeight]")  # fmt: skip
    body_font = page.evaluate("getComputedStyle(document.body).fontFamily")
    for k, a in enumerate(labels):
        assert a["visible"] and a["font"] == body_font
        assert a["box"][0] >= -1 and a["box"][1] >= -1
        assert a["box"][2] <= size[0] + 1 and a["box"][3] <= size[1] + 1
        for b in labels[k + 1 :]:
            overlap_x = min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0])
            overlap_y = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
            assert overlap_x <= 1 or overlap_y <= 1, (a["text"], b["text"])
    return [a["text"] for a in labels]


@pytest.mark.browser
def test_sample_map_names_oceans_countries_cities_and_events_offline(
    built: tuple[Path, str], browser: Any
) -> None:
    site, _ = built
    with opened(browser, (site / "index.html").as_uri()) as page:
        # the whole story: the world, its oceans, and the places of the events
        assert page.page.evaluate("GeoNewsMap.view.map.getZoom()") <= 2
        world = _check_labels(page.page)
        assert (
            len({"South Pacific Ocean", "Indian Ocean", "South Atlantic Ocean"} & set(world)) >= 2
        )
        assert {"Kazan", "Islamabad"} <= set(world)  # events' places
        # a region: countries, seas and cities by importance, and the event at Beijing
        page.page.evaluate("GeoNewsMap.view.map.setView([38, 120], 5, {animate: false})")
        region = _check_labels(page.page)
        assert {"Beijing", "China", "Yellow Sea", "Mongolia", "Seoul"} <= set(region)
        assert "Kazan" not in region  # out of view
        # zoomed in as far as the map goes: cities that were left out further out
        page.page.evaluate("GeoNewsMap.view.map.setView([39.9, 116.4], 12, {animate: false})")
        assert page.page.evaluate("GeoNewsMap.view.map.getZoom()") == 8  # 1:50m has no more
        close = _check_labels(page.page)
        assert "Beijing" in close and "Tianjin" in close
        assert set(close) - set(region)  # more detail than at zoom 5
        shown = page.page.evaluate("GeoNewsMap.view.labels()")
        assert {"name": "Beijing", "kind": "event"} in shown
        page.clean()  # no errors, nothing requested from outside


_EVENT_NAMES_FROM_THEIR_PLACES = """() => {
    const map = GeoNewsMap.view.map;
    const box = document.querySelector(".folium-map").getBoundingClientRect();
    const data = JSON.parse(document.getElementById("site-data").textContent);
    const out = [];
    for (const el of document.querySelectorAll(".folium-map .geo-label-event")) {
        const r = el.getBoundingClientRect();
        let nearest = Infinity;
        data.ev.p.forEach((name, i) => {
            if (name !== el.textContent) return;
            const g = data.geoms[data.ev.g[i]];
            const at = g.t === "pt" ? [g.c[0], g.c[1]]
                : [(g.b[0][0] + g.b[1][0]) / 2, (g.b[0][1] + g.b[1][1]) / 2];
            const p = map.latLngToContainerPoint(at);
            const dx = Math.max(r.left - box.left - p.x, 0, p.x - (r.right - box.left));
            const dy = Math.max(r.top - box.top - p.y, 0, p.y - (r.bottom - box.top));
            nearest = Math.min(nearest, Math.hypot(dx, dy));
        });
        out.push([el.textContent, nearest]);
    }
    return out;
}"""


@pytest.mark.browser
def test_a_view_wider_than_the_world_names_each_event_beside_its_own_place(
    built: tuple[Path, str], browser: Any
) -> None:
    """At zoom 1 a wide window shows more than 360 degrees of longitude, but the events are
    drawn once: each event's name stays beside its place, never on a copy of the world
    where nothing is drawn (New York City went 520 px east, into the Pacific)."""
    site, _ = built
    with opened(browser, (site / "index.html").as_uri(), width=1500, height=800) as page:
        page.page.evaluate("GeoNewsMap.view.map.setView([30, 160], 1, {animate: false})")
        span = page.page.evaluate(
            "GeoNewsMap.view.map.getBounds().getEast() - GeoNewsMap.view.map.getBounds().getWest()"
        )
        assert span > 360
        named = page.page.evaluate(_EVENT_NAMES_FROM_THEIR_PLACES)
        assert len(named) >= 3
        for name, distance in named:
            assert distance <= 30, (name, distance)
        page.clean()


_STROKES_AND_FILLS = """([lat, lon]) => {
    const map = GeoNewsMap.view.map;
    const runs = (ll) => (Array.isArray(ll[0]) ? ll.flatMap(runs) : [ll]);
    let seams = 0, fills = 0;
    map.eachLayer((layer) => {
        if (!(layer instanceof L.Polyline)) return;
        const closed = layer instanceof L.Polygon;
        if (layer.options.stroke !== false) {
            for (const run of runs(layer.getLatLngs())) {
                const pts = closed ? [...run, run[0]] : run;
                for (let k = 1; k < pts.length; k++) {
                    const a = pts[k - 1], b = pts[k];
                    if ((Math.abs(Math.abs(a.lng) % 360 - 180) < 0.01 && a.lng === b.lng)
                        || (a.lat > 89.9 && b.lat > 89.9)) seams++;
                }
            }
        }
        if (closed && layer.options.fill !== false && layer.getBounds().contains([lat, lon]))
            fills++;
    });
    return [seams, fills];
}"""


@pytest.mark.browser
def test_the_arctic_ocean_event_is_drawn_round_the_world_without_seams(
    built: tuple[Path, str], browser: Any
) -> None:
    """The sample's Arctic Ocean goes round the pole. A window at zoom 1 spans more than
    360 degrees: the ocean is filled in every copy of the world in view, outlined by its
    coasts only, never by the cut at 180 degrees or the pole (it showed as a box)."""
    site, _ = built
    with opened(browser, (site / "index.html").as_uri(), width=1500, height=800) as page:
        page.page.evaluate("GeoNewsMap.view.map.setView([60, 180], 1, {animate: false})")
        for lon in (100, 179, 181, 260):
            seams, fills = page.page.evaluate(_STROKES_AND_FILLS, [84, lon])
            assert seams == 0
            assert fills >= 1, lon
        page.clean()


def test_places_layer_draws_continents_and_oceans_as_dots(built: tuple[Path, str]) -> None:
    import re

    site, _ = built
    html = (site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="site-data">(.*?)</script>', html, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    shapes = {
        pid: data["geoms"][g]["t"] for pid, g in zip(data["pl"]["id"], data["pl"]["g"], strict=True)
    }
    # Natural Earth's rough "Europe" outline (and oceans) are not drawn as areas (the sample's
    # "Asia-Pacific" was in a caption of a 2022 summit, page furniture since session 42)
    for place in ("ne:region:europe", "ne:marine:north-pacific-ocean"):
        assert shapes[place] == "pt"
    assert shapes["iso:UA"] == "pg" and shapes["ne:marine:sea-of-japan"] == "pg"
    assert "is off at first" in html and "drawn as a dot" in html  # the legend says so
