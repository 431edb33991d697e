"""build_site without a browser: files, reproducibility, atomicity, CSP and escaping."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

import layers
from layers import SiteError, build_site
from layers.csp import inline_script_hashes
from layers.safety import page_names
from tests.layers.site_builders import (
    PAYLOADS,
    hostile_articles,
    hostile_events,
    hostile_mentions,
    world_articles,
    world_events,
    world_mentions,
)


def _build(out: Path, **options: object) -> layers.SiteSummary:
    options.setdefault("images", False)
    return build_site(
        world_events(),
        out,
        mentions=world_mentions(),
        articles=world_articles(),
        title="World desk",
        **options,  # type: ignore[arg-type]
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _inline_scripts(html: str) -> list[str]:
    return [
        m.group(2)
        for m in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S)
        if "src=" not in m.group(1) and "application/json" not in m.group(1)
    ]


def _details(root: Path) -> list:
    """The event details of a site, from its detail files, in event order."""
    out: list = []
    files = sorted(root.glob("details/*.js"), key=lambda p: int(p.stem))
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        prefix = f"GeoNewsMap.details({number}, "
        assert text.startswith(prefix) and text.endswith(");\n")
        out.extend(json.loads(text[len(prefix) : -3]))
    return out


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="site-data">(.*?)</script>', html, re.S)
    assert block is not None
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def world_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("world") / "site"
    problems: list[str] = []
    summary = _build(out, images=True, on_problem=problems.append)
    assert problems == []
    assert summary.index_path == out / "index.html"
    assert (summary.event_count, summary.mention_count, summary.article_count) == (6, 4, 2)
    return out


def test_site_has_every_page_and_download(world_site: Path) -> None:
    for name in (
        "index.html",
        "data/events.geojson",
        "data/events.csv",
        "data/mentions.geojson",
        "data/mentions.csv",
        "data/places.geojson",
        "data/places.csv",
        "assets/leaflet/leaflet.js",
        "assets/site.js",
        "assets/controls.js",
        "assets/bigmap.js",
        "assets/site.css",
        "assets/categories.css",
        "assets/basemap/basemap.js",
        "articles/addis-1.html",
        "articles/malacca-1.html",
    ):
        assert (world_site / name).is_file(), name
    for ident in world_events()["id"]:
        for suffix in (".html", ".json", ".png"):
            assert (world_site / "embed" / f"{ident}{suffix}").is_file()
    assert not list(world_site.parent.glob(".site.*"))  # no staging folders left behind
    index = (world_site / "index.html").read_text(encoding="utf-8")
    for href in (
        "data/events.geojson",
        "data/events.csv",
        "data/mentions.geojson",
        "data/places.geojson",
    ):
        assert f'href="{href}"' in index
    # the page scripts in order: controls.js (shared) before site.js, bigmap.js after it
    scripts = re.findall(r'<script src="assets/([^"]+)"', index)
    assert scripts.index("controls.js") < scripts.index("site.js") < scripts.index("bigmap.js")
    embed = (world_site / "embed" / "addis-ceasefire.html").read_text(encoding="utf-8")
    assert re.findall(r'<script src="\.\./assets/([^"]+)"', embed) == scripts


def test_no_page_loads_anything_from_outside(world_site: Path) -> None:
    for page in world_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'(?:src|href)="([^"]*)"', html):
            url = match.group(1)
            if url.startswith(("http://", "https://")):
                # only plain links to articles may point outside, never resources
                assert re.search(rf'<a [^>]*href="{re.escape(url)}"', html), (page, url)
        assert "cdn" not in html.lower()
        assert "maximum-scale" not in html and "user-scalable" not in html


def test_every_page_has_a_strict_csp(world_site: Path) -> None:
    pages = list(world_site.rglob("*.html"))
    assert len(pages) == 1 + 6 + 1 + 2  # index, events, the whole-map embed, articles
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert meta, page
        policy = meta.group(1)
        assert "default-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        if "<script" in html:
            assert html.index("Content-Security-Policy") < html.index("<script")
        for source in inline_script_hashes(html):
            assert source in policy
        assert "https:" not in policy  # no tile hosts unless asked


def test_index_data_is_complete_and_in_lat_lon_order(world_site: Path) -> None:
    data = _data((world_site / "index.html").read_text(encoding="utf-8"))
    assert sorted(data["ev"]["id"]) == sorted(world_events()["id"])
    i = data["ev"]["id"].index("addis-ceasefire")
    assert data["geoms"][data["ev"]["g"][i]]["c"] == [9.0249, 38.7469]  # [lat, lon]
    assert data["ev"]["l"][i] == "2 Nov 2024"
    j = data["ev"]["id"].index("reykjavik-summit")
    assert data["ev"]["l"][j] == "summer 2024"
    k = data["ev"]["id"].index("malacca-patrol")
    assert data["ev"]["l"][k] == "week of 4 Nov 2024"
    assert data["ev"]["dv"][k] == 1 and data["ev"]["dv"][i] == 0  # drawn dashed or not
    # what only popups show is in the detail files, in the same order
    details = _details(world_site)
    assert details[k][1] == "the sea within 50 km of the coast of Penang"
    assert details[k][3] == 0.7
    assert details[k][4] == [
        [
            "Straits Courier",
            "Grey hulls off Penang",  # the headline from the article
            "https://courier.example.my/patrol",
            "8 Nov 2024",
            "A joint patrol sailed through the Strait of Malacca this week",
            "malacca-1",
        ]
    ]
    assert details[i][2] == ["Sources disagree on whether Mekelle delegates signed."]
    assert sorted(data["sources"]) == sorted(
        [
            "Addis Standard Wire",
            "Horn Observer",
            "No source given",
            "Nordic Dispatch",
            "Pacific Ledger",
            "Straits Courier",
            "Lapaz 1",  # no outlet, site or title: a name read from the article id
        ]
    )
    fiji = data["geoms"][data["ev"]["g"][data["ev"]["id"].index("fiji-relief")]]
    lons = [p[1] for poly in fiji["c"] for ring in poly for p in ring]
    assert min(lons) == 176 and max(lons) == 182  # contiguous across the dateline
    assert [c["key"] for c in data["cats"]] == [
        "diplomacy",
        "military",
        "conflict",
        "disaster",
        "wildfire",
    ]
    assert "Places: GeoNames (CC BY 4.0)" in data["credits"]
    # places mentioned: one per place id, with links to the highlighted mention
    pl = data["pl"]
    addis = pl["id"].index("geonames:344979")
    assert pl["m"][addis][0][5] == "m-1"
    assert pl["w"][pl["id"].index("geonames:1735106")] is None  # undated: always shown


def test_list_order_is_by_date(world_site: Path) -> None:
    data = _data((world_site / "index.html").read_text(encoding="utf-8"))
    starts = data["ev"]["s"]
    assert starts == sorted(starts)


def test_article_page_highlights_and_links(world_site: Path) -> None:
    html = (world_site / "articles" / "addis-1.html").read_text(encoding="utf-8")
    assert '<a class="mention" id="m-1" href="../index.html#place=geonames%3A344979"' in html
    assert "<mark>Addis Ababa</mark>" in html and "<mark>Nairobi</mark>" in html
    assert 'href="../index.html#event=addis-ceasefire"' in html
    link = 'href="https://horn.example.org/ceasefire" target="_blank"'
    assert f'{link} rel="noopener noreferrer nofollow"' in html
    assert "<script" not in html
    assert "script-src 'none'" in html


def test_embed_page_and_oembed(world_site: Path) -> None:
    html = (world_site / "embed" / "malacca-patrol.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/json+oembed" href="malacca-patrol.json"' in html
    assert '<noscript><img class="embed-noscript" src="malacca-patrol.png" alt="' in html
    assert 'href="../index.html#event=malacca-patrol"' in html
    data = _data(html)
    assert data["ev"]["id"] == ["malacca-patrol"] and data["root"] == "../"
    assert data["details"]["inline"][0][1] == "the sea within 50 km of the coast of Penang"
    doc = json.loads((world_site / "embed" / "malacca-patrol.json").read_text(encoding="utf-8"))
    assert doc["version"] == "1.0" and doc["type"] == "rich"
    assert doc["title"] == "Joint naval patrol, Strait of Malacca"
    assert 'sandbox="allow-scripts allow-popups' in doc["html"]
    assert 'title="Map: Joint naval patrol, Strait of Malacca"' in doc["html"]
    assert 'loading="lazy"' in doc["html"]
    assert doc["thumbnail_url"] == "embed/malacca-patrol.png"


def test_builds_are_reproducible(tmp_path: Path) -> None:
    _build(tmp_path / "a", images=True)
    _build(tmp_path / "b", images=True)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_a_failed_build_leaves_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    _build(out)
    before = _tree(out)

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk full, say")

    monkeypatch.setattr("layers.indexpage.render_index", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        _build(out)
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_rebuild_replaces_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(out)
    (out / "embed" / "stale.html").write_text("old", encoding="utf-8")
    build_site(world_events().iloc[:2], out, images=False)
    assert not (out / "embed" / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert oct((out).stat().st_mode & 0o777) == oct(0o755)


def test_refuses_to_replace_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("...", encoding="utf-8")
    with pytest.raises(SiteError, match="refusing to replace"):
        _build(precious)
    assert (precious / "chapter1.tex").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    _build(empty)
    assert (empty / "index.html").exists()


def test_a_repository_site_folder_keeps_its_readme_and_gitignore(tmp_path: Path) -> None:
    # a fresh clone has site/README.md and site/.gitignore only: geo build must accept it
    out = tmp_path / "site"
    out.mkdir()
    (out / "README.md").write_text("# site/\nBuilt by geo build.\n", encoding="utf-8")
    (out / ".gitignore").write_text("*\n!README.md\n", encoding="utf-8")
    for _ in range(2):  # the first build and every rebuild keep them
        build_site(world_events().iloc[:2], out, images=False)
        assert (out / "index.html").is_file()
        assert (out / "README.md").read_text(encoding="utf-8") == "# site/\nBuilt by geo build.\n"
        assert (out / ".gitignore").read_text(encoding="utf-8") == "*\n!README.md\n"
    (out / "README.md").unlink()
    (out / "notes.txt").write_text("mine", encoding="utf-8")  # in a built site: replaced whole
    build_site(world_events().iloc[:2], out, images=False)
    assert not (out / "notes.txt").exists()
    with_other = tmp_path / "other"
    with_other.mkdir()
    (with_other / "README.md").write_text("x", encoding="utf-8")
    (with_other / "draft.md").write_text("x", encoding="utf-8")
    with pytest.raises(SiteError, match="refusing to replace"):
        build_site(world_events().iloc[:2], with_other, images=False)


def test_unwritable_output_is_a_site_error(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(SiteError, match="file"):
        _build(a_file)
    with pytest.raises(SiteError, match="cannot write the site"):
        _build(a_file / "site")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_parent_is_a_site_error(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        with pytest.raises(SiteError, match="permission denied"):
            _build(parent / "site")
    finally:
        parent.chmod(0o755)


def test_hostile_strings_never_reach_markup_or_inline_scripts(tmp_path: Path) -> None:
    out = tmp_path / "site"
    problems: list[str] = []
    build_site(
        hostile_events(),
        out,
        mentions=hostile_mentions(),
        articles=hostile_articles(),
        title="<script>window.pwned=1</script>",
        images=False,
        on_problem=problems.append,
    )
    pages = list(out.rglob("*.html"))
    assert len(pages) == 1 + len(PAYLOADS) + 1 + 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>window.pwned" not in html, page
        assert "<img src=x" not in html and "<svg onload" not in html, page
        assert 'href="javascript:' not in html.lower(), page
        for script in _inline_scripts(html):
            # data never goes into executable script; category labels that folium passes to
            # the layer control are HTML-escaped then JSON-escaped
            assert "<" not in script and "pwned=1</" not in script
            assert "Title " not in script and "Quote " not in script and "Outlet " not in script
    # file names made from hostile ids stay inside the site
    names = page_names(hostile_events()["id"])
    for name in names.values():
        assert (out / "embed" / f"{name}.html").is_file()
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    index = (out / "index.html").read_text(encoding="utf-8")
    data = _data(index)
    # javascript: URLs are not passed to the page as links at all
    sources = [s for detail in _details(out) for s in detail[4]]
    assert len(sources) == len(PAYLOADS)
    assert all(s[2] is None or s[2].startswith("https://") for s in sources)
    assert data["ev"]["t"][0] == "Title " + PAYLOADS[0]  # kept as text, exactly
    for path in out.glob("details/*.js"):
        text = path.read_text(encoding="utf-8")
        assert "<" not in text and ">" not in text and "\u2028" not in text


def test_online_tiles_are_opt_in_and_widen_the_csp(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(out, tiles=["OpenStreetMap.Mapnik"])
    html = (out / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in policy
    assert "openstreetmap.org/copyright" in html  # attribution comes with the layer
    script = _inline_scripts(html)[0]
    assert script.index("GeoBasemap.layer") < script.index("L.tileLayer")
    assert "tile_layer" in script and ".addTo(map" in script
    with pytest.raises(SiteError, match="unknown tile provider"):
        _build(tmp_path / "other", tiles=["No.Such.Tiles"])


def test_minimal_table_builds(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        [
            {"date": "2023-05-01", "geometry": Point(44.5, 40.2)},
            {"date": "2023-05-03", "geometry": box(44, 40, 45, 41)},
        ],
        geometry="geometry",
        crs="EPSG:4326",
    )
    summary = build_site(frame, tmp_path / "site", images=False)
    assert summary.event_count == 2
    data = _data((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert data["ev"]["t"] == ["Event", "Event"]
    assert data["cats"][0]["key"] == "other"


def test_empty_table_builds_a_page_that_says_so(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame({"date": [], "geometry": []}, geometry="geometry", crs="EPSG:4326")
    summary = build_site(frame, tmp_path / "site", images=False)
    assert summary.event_count == 0
    assert "0 events" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    _build(tmp_path / "site", on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] == len(world_events()) + 3
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_sample_sized_index_is_small(world_site: Path) -> None:
    assert (world_site / "index.html").stat().st_size < 300_000


def test_embed_credits_an_anonymous_article_by_a_readable_name_and_links_its_page(
    tmp_path: Path,
) -> None:
    events = gpd.GeoDataFrame(
        {
            "id": ["quake"],
            "title": ["Earthquake, Izmir"],
            "start": ["2024-03-02"],
            "sources": [[{"article": "wire-0042", "quote": "A quake shook Izmir."}]],
        },
        geometry=[Point(27.14, 38.42)],
        crs="EPSG:4326",
    )
    doc = layers.ArticleDoc(
        id="wire-0042", title=None, outlet=None, url=None, published=None, text="A quake."
    )
    build_site(events, tmp_path / "site", articles=[doc], images=False)
    html = (tmp_path / "site" / "embed" / "quake.html").read_text(encoding="utf-8")
    footer = html[html.index('class="embed-sources"') :]
    assert '<a href="../articles/wire-0042.html"' in footer
    assert ">Wire 0042</a>" in footer  # read from the id, never the bare id
    assert ">wire-0042<" not in html


def test_base_url_makes_oembed_absolute(tmp_path: Path) -> None:
    _build(tmp_path / "site", base_url="https://maps.example.org/desk/")
    doc = json.loads((tmp_path / "site" / "embed" / "bc-wildfire.json").read_text())
    assert 'src="https://maps.example.org/desk/embed/bc-wildfire.html"' in doc["html"]
    with pytest.raises(SiteError, match="base_url"):
        _build(tmp_path / "x", base_url="javascript:alert(1)//")


def _many_events(count: int) -> gpd.GeoDataFrame:
    """``count`` events spread over the world and two years: four in five at points, the rest
    areas; sources with quotes; about one place in five shared."""
    import random
    from datetime import date, timedelta

    rng = random.Random(5)
    rows = []
    for i in range(count):
        lon, lat = rng.uniform(-179, 175), rng.uniform(-55, 70)
        if rng.random() < 0.8:
            geom = Point(lon, lat)
        else:
            geom = box(lon, lat, lon + rng.uniform(0.2, 4), lat + rng.uniform(0.2, 4))
        start = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
        end = start + timedelta(days=rng.choice([0, 0, 0, 1, 6, 30]))
        rows.append(
            {
                "id": f"event-{i:05d}",
                "title": f"Reported clash number {i} near a town on a provincial road",
                "category": rng.choice(["conflict", "military", "diplomacy", "protest", "other"]),
                "place_name": f"Town {i % 2000}",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "sources": [
                    {
                        "article": f"article-{i // 3}",
                        "title": f"Article {i // 3}",
                        "outlet": f"Outlet {i % 40}",
                        "url": f"https://news.example.org/{i // 3}",
                        "published": end.isoformat(),
                        "quote": "Witnesses said the fighting lasted several hours before "
                        "the road was reopened on Tuesday evening, local officials said.",
                    }
                ],
                "geometry": geom,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


@pytest.mark.slow
def test_ten_thousand_events_fit_in_the_page_budget() -> None:
    from layers.pagedata import index_payload
    from layers.safety import script_json
    from layers.tables import events_frame

    tables = _tables(events_frame(_many_events(10_000)))
    data = script_json(index_payload(tables, title="Big", snippet="", on_problem=print))
    # index.html is this block plus about 15 kB of markup and the map script; the budget is
    # 5 MB, this keeps room for longer titles and place names than these
    assert len(data.encode("utf-8")) < 3_000_000


def test_popup_names_an_article_without_outlet_or_title_from_its_id() -> None:
    from layers.payload import event_detail

    row = {
        "place_kind": "city",
        "confidence": 0.9,
        "sources": [
            {"article": "wire-0042", "quote": "A quake shook Izmir."},
            {"article": "a-2", "outlet": "Aegean Post", "title": "Quake", "quote": "It shook."},
        ],
    }
    doc = layers.ArticleDoc(
        id="wire-0042", title=None, outlet=None, url=None, published=None, text="A quake."
    )
    anonymous, named = event_detail(row, {"wire-0042": doc}, {"wire-0042": "wire-0042"})[4]
    assert anonymous[:2] == [None, "Wire 0042"]  # the heading: a name read from the id
    assert anonymous[5] == "wire-0042"  # and links the article's page
    assert named[:2] == ["Aegean Post", "Quake"]


@pytest.mark.parametrize(
    ("place_id", "credited"),
    [("geonames:344979", True), ("zip:01101", True), ("ne:USA", False)],
)
def test_places_from_geonames_files_are_credited_on_the_map(place_id: str, credited: bool) -> None:
    """GeoNames' cities and the post-office towns of its postal-code file are CC BY 4.0: a map
    that shows one names GeoNames; a map of Natural Earth areas alone does not."""
    from layers.tables import events_frame

    events = events_frame(_many_events(1))
    events["place_id"] = place_id
    tables = _tables(events)
    assert ("Places: GeoNames (CC BY 4.0)" in tables.credits) is credited


def _tables(events: gpd.GeoDataFrame) -> layers.payload.SiteTables:
    """The site tables of ``events`` alone: no mentions, no articles."""
    from layers.payload import SiteTables
    from layers.style import category_styles

    return SiteTables(
        events=events,
        mentions=None,
        styles=category_styles(events["category"]),
        event_files=page_names(events["id"]),
        article_pages={},
        docs={},
    )
