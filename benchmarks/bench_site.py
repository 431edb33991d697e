"""Site scale benchmark: build and open sites of 100, 1,000 and 10,000 generated events.

    .venv/bin/python benchmarks/bench_site.py                  # 100, 1,000, 10,000 events
    .venv/bin/python benchmarks/bench_site.py --sizes 100,1000 --images-up-to 100
    .venv/bin/python benchmarks/bench_site.py --sizes 10000,100000 --images-up-to 0 --big
    .venv/bin/python benchmarks/bench_site.py --compare BEFORE/site AFTER/site --repeats 5

With ``--compare SITE…``, sites already built (say by the code before and after a change, from
the same table: ``--keep``) are only opened, alternately ``--repeats`` times each, and their
load, filter and a big site's script time applying a window (``GeoNewsMap.view.timings()``:
without loading its slices) compared in one table.

With ``--big``, each size of ``layers.SLICED_MIN_EVENTS`` events or more is built twice in
the same run: as one page holding every event with an embed page per event (what every site
was before big sites were sliced: ``sliced=False, embeds="all"``), and as the big site
(events in slice files loaded by date window, no embed page unless asked for). For each it
reports the build time, ``index.html``, the files written, the DOM nodes after the first
view, the load and the date filter (for the big site, including loading the slices the
window needs); and, for the largest size, Python's peak memory writing the tables as whole
strings (before) and in pieces (now), measured with tracemalloc.

For each size it generates a synthetic events table (seeded: the same table on every run;
mixed points, areas and derived-like areas incl. some across the antimeridian, realistic
titles, quotes and several sources, dates over two years at every precision), builds the site
with ``layers.build_site`` and reports: build time, ``index.html`` size, shared assets size,
and, in real Chromium with the network cut (Playwright driving the Debian ``chromium``):

- load: navigation start until the page says it is ready (``data-ready``) and one animation
  frame has passed, so the map and the list are drawn;
- filter: setting ``#from=…&to=…`` until the list and map layers are updated (in the page's
  own ``hashchange`` handler), and until the next animation frame (the canvas repainted).

The baseline, measured in the same run and the same browser: a plain Leaflet page with the
same events as canvas circle markers (areas as their centroid) and a naive filter that
clears the layer group and re-adds the markers in the window, with no list.

Static images are timed separately (``layers.render_event_image`` in this process, and
``render_event_images`` in worker processes): per image and images per second. Builds with
images are made up to ``--images-up-to`` events; larger builds skip images (the build time of
a site with images is about the build time plus N / images-per-second).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# --------------------------------------------------------------------------------------------
# The synthetic events table

_PLACES = [
    # name, lon, lat, kind
    ("Lagos", 3.38, 6.45, "city"),
    ("Khartoum", 32.53, 15.5, "city"),
    ("Kharkiv", 36.23, 49.99, "city"),
    ("Manila", 120.98, 14.6, "city"),
    ("Lima", -77.04, -12.05, "city"),
    ("Dhaka", 90.41, 23.81, "city"),
    ("Port-au-Prince", -72.33, 18.54, "city"),
    ("Goma", 29.22, -1.68, "city"),
    ("Tbilisi", 44.79, 41.72, "city"),
    ("Jakarta", 106.85, -6.21, "city"),
    ("Quito", -78.47, -0.18, "city"),
    ("Nouméa", 166.46, -22.27, "city"),
    ("Suva", 178.44, -18.14, "city"),
    ("Reykjavík", -21.9, 64.15, "city"),
    ("Anchorage", -149.9, 61.22, "city"),
]
_REGIONS = [
    ("Sahel", (-5.0, 12.0, 15.0, 18.0), "region"),
    ("Donbas", (36.5, 47.0, 40.2, 49.3), "region"),
    ("South China Sea", (109.0, 5.0, 121.0, 20.0), "sea"),
    ("Gulf of Aden", (43.0, 11.0, 51.0, 15.0), "sea"),
    ("Amazon basin", (-70.0, -10.0, -52.0, 0.0), "region"),
    ("Bering Sea", (175.0, 53.0, 195.0, 62.0), "sea"),  # crosses the antimeridian
    ("Horn of Africa", (38.0, 2.0, 51.0, 12.0), "region"),
    ("Baltic Sea", (13.0, 54.0, 24.0, 60.0), "sea"),
]
_ACTIONS = {
    "conflict": ["Shelling hits", "Clashes erupt near", "Drone strike reported in", "Siege of"],
    "military": ["Naval drill off", "Troops deploy to", "Air defence exercise over", "Patrol in"],
    "diplomacy": ["Ceasefire talks in", "Envoys meet in", "Summit held in", "Aid deal signed for"],
    "other": ["Floods displace thousands in", "Wildfire spreads near", "Strike halts port of"],
}
_OUTLETS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Le Monde", "NHK", "El País", "DW"]
_QUOTES = [
    "Residents said the power had been out since the morning.",
    "“We have nowhere else to go,” one woman told reporters.",
    "Officials did not respond to a request for comment.",
    "The ministry said the operation would continue for several days.",
    "Satellite images showed at least a dozen vessels in the area.",
]
_PRECISIONS = ["day"] * 6 + ["week", "month", "season", "year", "unknown"]


def _land_point(rng: np.random.Generator, land: BaseGeometry) -> tuple[float, float]:
    while True:
        lon, lat = rng.uniform(-180, 180), rng.uniform(-56, 72)
        if land.contains(Point(lon, lat)):
            return float(lon), float(lat)


def _blob(rng: np.random.Generator, lon: float, lat: float, radius: float) -> Polygon:
    """An irregular area around (lon, lat): a jittered ring of 12-24 vertices."""
    n = int(rng.integers(12, 25))
    angles = np.sort(rng.uniform(0, 2 * math.pi, n))
    radii = radius * rng.uniform(0.6, 1.0, n)
    ring = np.column_stack([lon + radii * np.cos(angles), lat + radii * np.sin(angles)])
    return Polygon(ring).buffer(0)


def _split_at_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Areas written past 180° as RFC 7946 wants them: parts on both sides of the line."""
    if geom.bounds[2] <= 180:
        return geom
    west = geom.intersection(box(-180, -90, 180, 90))
    east = shapely.affinity.translate(geom.intersection(box(180, -90, 540, 90)), xoff=-360)
    return shapely.union_all([west, east]) if not west.is_empty else east


def _dates(rng: np.random.Generator, first: date) -> tuple[str, str, str]:
    precision = _PRECISIONS[int(rng.integers(len(_PRECISIONS)))]
    start = first + timedelta(days=int(rng.integers(0, 730)))
    if precision == "day":
        end = start + timedelta(days=int(rng.choice([0, 0, 0, 1, 2])))
    elif precision == "week":
        start -= timedelta(days=start.weekday())
        end = start + timedelta(days=6)
    elif precision == "month":
        start = start.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    elif precision == "season":
        month = ((start.month - 3) // 3) * 3 + 3 if start.month >= 3 else 12
        year = start.year if start.month >= 3 else start.year - 1
        start = date(year, month, 1)
        end = (date(year + (month + 3 > 12), (month + 2) % 12 + 1, 1)) - timedelta(days=1)
    elif precision == "year":
        start, end = date(start.year, 1, 1), date(start.year, 12, 31)
    else:
        end = start
    return start.isoformat(), end.isoformat(), precision


def synthetic_events(n: int, seed: int = 7) -> Any:
    """A GeoDataFrame of ``n`` made-up events in the events-table layout (seeded)."""
    import geopandas as gpd

    from layers.basemap import land_geometry

    rng = np.random.default_rng(seed)
    land = shapely.prepared.prep(land_geometry())
    rows: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    categories = list(_ACTIONS)
    for i in range(n):
        category = categories[int(rng.integers(len(categories)))]
        action = _ACTIONS[category][int(rng.integers(len(_ACTIONS[category])))]
        roll = rng.random()
        derivation = None
        if roll < 0.45:  # a known city, slightly moved: many events at nearby places
            name, lon, lat, kind = _PLACES[int(rng.integers(len(_PLACES)))]
            geom: BaseGeometry = Point(lon + rng.normal(0, 0.05), lat + rng.normal(0, 0.05))
            precision_geo = 1
        elif roll < 0.65:  # a random town on land
            lon, lat = _land_point(rng, land)
            name, kind, precision_geo = f"Town {i}", "city", 1
            geom = Point(lon, lat)
        elif roll < 0.85:  # a region or sea
            name, bounds, kind = _REGIONS[int(rng.integers(len(_REGIONS)))]
            geom, precision_geo = box(*bounds), 3
        else:  # a derived area: "off the coast of", "near"
            name, lon, lat, _ = _PLACES[int(rng.integers(len(_PLACES)))]
            geom = _blob(rng, lon + 0.8, lat - 0.5, float(rng.uniform(0.5, 2.5)))
            kind, precision_geo = "derived", 2
            derivation = f"Sea within 200 km of the coast of {name}"
            name = f"Off {name}"
        geom = _split_at_antimeridian(geom)
        start, end, date_precision = _dates(rng, date(2023, 1, 1))
        k = int(rng.integers(1, 5))
        outlets = rng.choice(len(_OUTLETS), size=k, replace=False).tolist()
        sources = [
            {
                "article": f"art-{i:05d}-{j}",
                "title": f"{action} {name}",
                "outlet": _OUTLETS[o],
                "url": f"https://news.example.org/{i}/{j}",
                "published": end,
                "quote": _QUOTES[int(rng.integers(len(_QUOTES)))],
            }
            for j, o in enumerate(outlets)
        ]
        row = {
            "id": f"evt-{i:05d}",
            "title": f"{action} {name}",
            "category": category,
            "place_name": name,
            "place_id": f"synthetic:{name.lower().replace(' ', '-')}",
            "place_kind": kind,
            "geo_precision": precision_geo,
            "start": start,
            "end": end,
            "date_precision": date_precision,
            "sources": sources,
            "source_count": len(sources),
            "confidence": round(float(rng.uniform(0.4, 1.0)), 2),
        }
        if derivation:
            row["derivation"] = derivation
        rows.append(row)
        geoms.append(geom)
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


# --------------------------------------------------------------------------------------------
# Measuring


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB" if size < 10 * 1024 * 1024 else f"{size / 2**20:,.1f} MB"


def time_images(events: Any, count: int, folder: Path) -> dict[str, float]:
    """Per-image time in this process and images per second in worker processes."""
    from layers.images import render_event_image, render_event_images

    rows = events.head(count)
    records = [(row.drop("geometry").to_dict(), row.geometry) for _, row in rows.iterrows()]
    render_event_image(records[0][0], records[0][1], folder / "warm.png")  # load fonts, land
    times = []
    for k, (event, geom) in enumerate(records):
        t = time.perf_counter()
        render_event_image(event, geom, folder / f"s{k}.png")
        times.append(time.perf_counter() - t)
    jobs = [(event, geom, folder / f"p{k}.png") for k, (event, geom) in enumerate(records)]
    t = time.perf_counter()
    render_event_images(jobs)
    parallel = time.perf_counter() - t
    return {
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": float(np.percentile(times, 95)) * 1000,
        "serial_per_s": len(times) / sum(times),
        "parallel_per_s": len(jobs) / parallel,
        "png_kb": statistics.mean((folder / f"s{k}.png").stat().st_size for k in range(count))
        / 1024,
    }


_READY_PROBE = """
(() => {
  window.__bench = {};
  const mark = () => {
    if (window.__bench.ready) return;
    window.__bench.ready = performance.now();
    requestAnimationFrame(() => { window.__bench.painted = performance.now(); });
  };
  new MutationObserver(() => {
    const root = document.documentElement;
    if (root && root.getAttribute("data-ready") === "true") mark();
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
})();
"""

_FILTER = """
async ([from, to]) => {
  const listed = () => document.querySelectorAll("[data-event-id]:not([hidden])").length;
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    // the site's pages announce an applied window (a big site: once its slices are in);
    // the plain baseline page applies it in its own hashchange handler
    const applied = window.GeoNewsMap ? "geonewsmap:applied" : "hashchange";
    window.addEventListener(applied, () => {
      const t1 = performance.now();  // list and layers updated
      requestAnimationFrame(() => resolve([t1 - t0, performance.now() - t0]));
    }, {once: true});
  });
  window.location.hash = "#from=" + from + "&to=" + to;
  const [update, painted] = await done;
  return {update, painted, listed: listed()};
}
"""


def _windows(events: Any, rounds: int) -> list[tuple[str, str]]:
    """Date windows to filter with: alternately narrow (a month) and wide (a year)."""
    return _windows_from(date.fromisoformat(min(events["start"])), rounds)


def _windows_from(first: date, rounds: int) -> list[tuple[str, str]]:
    """The windows of :func:`_windows` for events whose first start day is ``first``."""
    out = []
    for k in range(rounds):
        start = first + timedelta(days=45 * k + 10)
        span = 30 if k % 2 == 0 else 365
        out.append((start.isoformat(), (start + timedelta(days=span)).isoformat()))
    return out


def _baseline_page(events: Any, folder: Path) -> Path:
    """A plain Leaflet page: the same events as canvas circle markers, a naive date filter."""
    from xstatic.pkg import leaflet

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(Path(leaflet.BASE_DIR) / name, folder / name)
    points = [
        [round(g.representative_point().y, 4), round(g.representative_point().x, 4), s, e]
        for g, s, e in zip(events.geometry, events["start"], events["end"], strict=True)
    ]
    (folder / "data.js").write_text("window.POINTS = " + json.dumps(points) + ";\n")
    (folder / "main.js").write_text(
        """
const map = L.map("map", {preferCanvas: true}).setView([20, 0], 2);
const group = L.layerGroup().addTo(map);
const markers = POINTS.map(p => L.circleMarker([p[0], p[1]], {radius: 5}));
function apply() {
  const h = new URLSearchParams(location.hash.slice(1));
  const from = h.get("from") || "0000", to = h.get("to") || "9999";
  group.clearLayers();
  POINTS.forEach((p, i) => { if (p[2] <= to && p[3] >= from) group.addLayer(markers[i]); });
}
window.addEventListener("hashchange", apply);
apply();
document.documentElement.setAttribute("data-ready", "true");
"""
    )
    (folder / "index.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" '
        'href="leaflet.css"><style>html,body,#map{margin:0;height:100%}</style></head>'
        '<body><div id="map"></div><script src="leaflet.js"></script>'
        '<script src="data.js"></script><script src="main.js"></script></body></html>'
    )
    return folder / "index.html"


def measure_page(browser: Any, index: Path, events: Any, rounds: int) -> dict[str, Any]:
    """Open ``index`` and filter it with the windows of :func:`_windows`: its load, DOM
    nodes, filter times, outside requests and errors."""
    return measure_windows(browser, index, _windows(events, rounds))


_APPLYING = """() => (window.GeoNewsMap && GeoNewsMap.view && GeoNewsMap.view.timings
  ? GeoNewsMap.view.timings().map(t => t.applying) : [])"""


def measure_windows(browser: Any, index: Path, windows: list[tuple[str, str]]) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file:") else outside.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(_READY_PROBE)
    page.goto(index.as_uri(), timeout=120_000)
    load = 0.0
    deadline = time.monotonic() + 120
    while not load and time.monotonic() < deadline:  # polled: the page's CSP forbids eval
        load = page.evaluate("() => (window.__bench && window.__bench.painted) || 0")
        time.sleep(0.02)
    nodes = page.evaluate("() => document.getElementsByTagName('*').length")
    page.evaluate(_APPLYING)  # the first view's
    updates, paints, applying = [], [], []
    for window in windows:
        result = page.evaluate(_FILTER, list(window))
        updates.append(result["update"])
        paints.append(result["painted"])
        applying += page.evaluate(_APPLYING)  # a big site's script time, without loading
    context.close()
    return {
        "applying": applying,
        "load_ms": load,
        "nodes": nodes,
        "filter_ms": statistics.median(updates),
        "filter_max_ms": max(updates),
        "paint_ms": statistics.median(paints),
        "outside": outside,
        "errors": errors,
    }


_BASEMAP_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="leaflet.css"><style>html,body,#map{margin:0;height:100%}</style>
</head><body><div id="map"></div><script src="leaflet.js"></script>
<script src="basemap.js"></script><script src="basemap-layer.js"></script></body></html>"""

_BASEMAP_RUN = """
(kind) => {
  const map = L.map("map", {zoomAnimation: false, fadeAnimation: false}).setView([20, 0], 2);
  const flush = () => {  // force the canvas to rasterise what was drawn
    document.querySelectorAll("canvas").forEach(c => c.getContext("2d").getImageData(0, 0, 1, 1));
  };
  let t = performance.now();
  if (kind === "GeoBasemap") {
    GeoBasemap.addTo(map);
  } else {  // the obvious way: L.geoJSON on a canvas renderer, coasts as polygon outlines
    const renderer = L.canvas();
    L.geoJSON(GEO_BASEMAP.land, {renderer, style: {color: "#97adbd", weight: 0.8,
      fillColor: "#f3f0e8", fillOpacity: 1}}).addTo(map);
    L.geoJSON(GEO_BASEMAP.borders, {renderer, style: {color: "#b3a796", weight: 0.8}}).addTo(map);
    renderer._redraw();  // Leaflet defers the first draw to an animation frame
  }
  flush();
  const add = performance.now() - t;
  const moves = [];
  for (const [lat, lon, z] of [[40, 20, 3], [45, 10, 5], [35, 135, 4], [20, 0, 2], [-20, -60, 3]]) {
    t = performance.now();
    map.setView([lat, lon], z, {animate: false});  // both redraw synchronously on moveend
    flush();
    moves.push(performance.now() - t);
  }
  moves.sort((a, b) => a - b);
  return {add, move: moves[Math.floor(moves.length / 2)]};
}
"""


def measure_basemap(browser: Any, folder: Path) -> dict[str, dict[str, float]]:
    """Adding the base map and redrawing it after a move: GeoBasemap vs plain L.geoJSON."""
    from xstatic.pkg import leaflet

    from layers.basemap import BASEMAP_ASSETS, assets_dir

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(Path(leaflet.BASE_DIR) / name, folder / name)
    for name in BASEMAP_ASSETS:
        shutil.copy(assets_dir() / name, folder / Path(name).name)
    (folder / "index.html").write_text(_BASEMAP_PAGE)
    out: dict[str, dict[str, float]] = {}
    for kind in ("GeoBasemap", "L.geoJSON"):
        runs = []
        for _ in range(3):
            context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
            page = context.new_page()
            page.goto((folder / "index.html").as_uri())
            runs.append(page.evaluate(_BASEMAP_RUN, kind))
            context.close()
        out[kind] = {key: statistics.median(r[key] for r in runs) for key in ("add", "move")}
    return out


def _build_sample(out: Path) -> dict[str, Any] | None:
    """Build the bundled sample articles with ``geo build`` (None if that fails)."""
    import subprocess

    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "geo", "-q", "build", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not (out / "index.html").is_file():
        print(f"sample build failed: {done.stderr.strip()[:300]}", file=sys.stderr)
        return None
    return {
        "build_s": time.perf_counter() - t,
        "index": (out / "index.html").stat().st_size,
        "assets": _folder_size(out / "assets"),
        "events": len(json.loads((out / "data" / "events.geojson").read_text())["features"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--images-up-to", type=int, default=1000)
    parser.add_argument("--image-sample", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7, help="filter updates per page")
    parser.add_argument("--keep", type=Path, help="build the sites here instead of a temp dir")
    parser.add_argument(
        "--big",
        action="store_true",
        help="compare, in this run, a page of every event with the big (sliced) site",
    )
    parser.add_argument(
        "--compare",
        nargs="+",
        type=Path,
        metavar="SITE",
        help="only open these built sites alternately and compare their load and filter",
    )
    parser.add_argument("--repeats", type=int, default=5, help="pages per site with --compare")
    args = parser.parse_args(argv)
    if args.compare:
        return compare_main(args.compare, args.repeats, args.rounds)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.big:
        return big_main(sizes, args.rounds, args.keep)

    from layers import build_site

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-site-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"sites in {work}", file=sys.stderr)

    results = []
    for n in sizes:
        t = time.perf_counter()
        events = synthetic_events(n)
        generate = time.perf_counter() - t
        out = work / f"site-{n}"
        images = n <= args.images_up_to
        t = time.perf_counter()
        build_site(events, out, images=images, on_problem=lambda m: None)
        build = time.perf_counter() - t
        baseline = _baseline_page(events, work / f"baseline-{n}")
        results.append(
            {
                "n": n,
                "generate_s": generate,
                "build_s": build,
                "images": images,
                "index": (out / "index.html").stat().st_size,
                "assets": _folder_size(out / "assets"),
                "site": _folder_size(out),
                "baseline_html": sum(p.stat().st_size for p in baseline.parent.glob("*.js"))
                - (baseline.parent / "leaflet.js").stat().st_size,
                "events": events,
                "out": out,
                "baseline": baseline,
            }
        )
        print(f"built {n} events in {build:.1f} s", file=sys.stderr)

    sample = _build_sample(work / "site-sample")

    image_stats = time_images(
        results[-1]["events"], min(args.image_sample, sizes[-1]), work / "images"
    )

    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for r in results:
            r["page"] = measure_page(browser, r["out"] / "index.html", r["events"], args.rounds)
            r["plain"] = measure_page(browser, r["baseline"], r["events"], args.rounds)
        basemap = measure_basemap(browser, work / "basemap")
        browser.close()

    print()
    print(
        "| events | build | index.html | shared assets | load | filter (update / painted) "
        "| baseline load | baseline filter (update / painted) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        p, b = r["page"], r["plain"]
        build = f"{r['build_s']:.1f} s" + ("" if r["images"] else " (no images)")
        print(
            f"| {r['n']:,} | {build} | {_kb(r['index'])} | {_kb(r['assets'])} "
            f"| {p['load_ms']:.0f} ms | {p['filter_ms']:.1f} / {p['paint_ms']:.1f} ms "
            f"| {b['load_ms']:.0f} ms | {b['filter_ms']:.1f} / {b['paint_ms']:.1f} ms |"
        )
    if sample:
        print()
        print(
            f"bundled sample (`geo build`, {sample['events']} events, with images): "
            f"{sample['build_s']:.1f} s, index.html {_kb(sample['index'])}, "
            f"shared assets {_kb(sample['assets'])}"
        )
    print()
    print(
        f"images ({min(args.image_sample, sizes[-1])} of the {sizes[-1]:,}-event table, "
        f"1200x630): median {image_stats['median_ms']:.0f} ms, p95 {image_stats['p95_ms']:.0f} ms "
        f"in one process = {image_stats['serial_per_s']:.0f}/s; "
        f"{image_stats['parallel_per_s']:.0f}/s in worker processes; "
        f"{image_stats['png_kb']:.0f} KB each"
    )
    print()
    print("| base map (1280x800, median of 3 page loads) | add and draw | redraw after a move |")
    print("|---|---:|---:|")
    for kind, figures in basemap.items():
        print(f"| {kind} | {figures['add']:.0f} ms | {figures['move']:.0f} ms |")
    for r in results:
        for key in ("page", "plain"):
            if r[key]["outside"] or r[key]["errors"]:
                print(
                    f"! {r['n']} {key}: outside requests {r[key]['outside'][:3]}, "
                    f"errors {r[key]['errors'][:3]}"
                )
    return 0


def _table_memory(events: Any, folder: Path) -> tuple[float, float]:
    """Python's peak memory (MB, tracemalloc) writing the events table as GeoJSON and CSV:
    as whole strings (how the site wrote them before) and in pieces (``write_tables``)."""
    import tracemalloc

    from layers.tables import events_frame, table_text, write_tables

    frame = events_frame(events, on_problem=lambda m: None)
    folder.mkdir(parents=True, exist_ok=True)
    peaks = []
    for how in ("whole", "pieces"):
        tracemalloc.start()
        if how == "whole":
            for fmt, suffix in (("geojson", "geojson"), ("csv", "csv")):
                (folder / f"whole.{suffix}").write_text(table_text(frame, fmt), encoding="utf-8")
        else:
            write_tables(frame, None, folder / "pieces")
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return peaks[0], peaks[1]


def _site_first_day(index: Path) -> date:
    """The first day of a built site's date range (from its data block)."""
    page = index.read_text(encoding="utf-8")
    block = page.split('<script type="application/json" id="site-data">')[1]
    day = json.loads(block.split("</script>")[0])["range"][0]
    return date(1970, 1, 1) + timedelta(days=day)


def compare_main(folders: list[Path], repeats: int, rounds: int) -> int:
    """Sites already built (e.g. by two versions of the code from the same table), opened
    alternately ``repeats`` times each in one browser, so that a busy machine weighs on all
    alike; the windows are those of :func:`_windows` from the first site's first day."""
    from playwright.sync_api import sync_playwright

    windows = _windows_from(_site_first_day(folders[0] / "index.html"), rounds)
    runs: dict[Path, list[dict[str, Any]]] = {f: [] for f in folders}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        for _ in range(repeats):
            for folder in folders:
                runs[folder].append(measure_windows(browser, folder / "index.html", windows))
        browser.close()
    print(
        "| site | index.html | load (median) | filter: update / painted (median of the pages' "
        "medians) | slowest update | script applying a window (median) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for folder in folders:
        pages = runs[folder]
        applying = [a for p in pages for a in p["applying"]]
        print(
            f"| {folder} | {_kb((folder / 'index.html').stat().st_size)} "
            f"| {statistics.median(p['load_ms'] for p in pages):,.0f} ms "
            f"| {statistics.median(p['filter_ms'] for p in pages):.0f} / "
            f"{statistics.median(p['paint_ms'] for p in pages):.0f} ms "
            f"| {max(p['filter_max_ms'] for p in pages):.0f} ms "
            f"| {statistics.median(applying) if applying else float('nan'):.0f} ms |"
        )
        for p in pages:
            if p["outside"] or p["errors"]:
                print(f"! {folder}: outside requests {p['outside'][:3]}, errors {p['errors'][:3]}")
    return 0


def big_main(sizes: list[int], rounds: int, keep: Path | None) -> int:
    """Before and after, in one run: one page of every event vs the big (sliced) site."""
    from playwright.sync_api import sync_playwright

    from layers import SLICED_MIN_EVENTS, build_site

    work = keep or Path(tempfile.mkdtemp(prefix="bench-bigsite-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"sites in {work}", file=sys.stderr)
    builds = []
    memory = None
    for n in sizes:
        events = synthetic_events(n)
        modes = [("one page, every embed", {"sliced": False, "embeds": "all"})]
        if n >= SLICED_MIN_EVENTS:
            modes.append(("big site (slices)", {}))
        for label, options in modes:
            out = work / f"site-{n}-{'whole' if options else 'sliced'}"
            wall, cpu = time.perf_counter(), time.process_time()
            summary = build_site(events, out, images=False, on_problem=lambda m: None, **options)
            builds.append(
                {
                    "n": n,
                    "mode": label,
                    "wall": time.perf_counter() - wall,
                    "cpu": time.process_time() - cpu,
                    "index": (out / "index.html").stat().st_size,
                    "files": summary.files,
                    "out": out,
                    "events": events,
                }
            )
            print(f"built {n} events ({label}) in {builds[-1]['wall']:.0f} s", file=sys.stderr)
        if n == sizes[-1]:
            memory = _table_memory(events, work / f"tables-{n}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        for b in builds:
            b["page"] = measure_page(browser, b["out"] / "index.html", b["events"], rounds)
        browser.close()
    print()
    print(
        "| events | page | build (wall / CPU) | files | index.html | DOM nodes | load "
        "| filter: update / painted (median, max) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for b in builds:
        p = b["page"]
        print(
            f"| {b['n']:,} | {b['mode']} | {b['wall']:.0f} / {b['cpu']:.0f} s | {b['files']:,} "
            f"| {_kb(b['index'])} | {p['nodes']:,} | {p['load_ms']:,.0f} ms "
            f"| {p['filter_ms']:.0f} / {p['paint_ms']:.0f} ms (max {p['filter_max_ms']:.0f}) |"
        )
        if p["outside"] or p["errors"]:
            print(f"! outside requests {p['outside'][:3]}, errors {p['errors'][:3]}")
    if memory is not None:
        print()
        print(
            f"writing the {sizes[-1]:,}-event table (GeoJSON and CSV), Python's peak memory: "
            f"{memory[0]:.0f} MB as whole strings, {memory[1]:.0f} MB in pieces"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
