"""What a reader sees at a glance, in real Chromium with the network cut: a phone, tall popups,
the timeline and its brush, a map that follows the filter, events at one point, the whole-map
embed, and a foreign table's own columns in the popups.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from layers import build_site, read_events
from layers.embed import embed_snippet
from tests.browsing import opened
from tests.layers.site_builders import (
    _event,
    _mention,
    _source,
    overlapping,
    world_articles,
    world_events,
    world_mentions,
)

pytestmark = pytest.mark.browser

EL_FASHER = Point(25.3494, 13.6279)
LONG_QUOTE = (
    "Aid convoys waited at the border crossing for a third day while officials on both sides "
    "traded accusations over the inspections, and the agencies said stocks in the camps would "
    "run out within the week unless the trucks were let through."
)


def _views_events() -> gpd.GeoDataFrame:
    """The world events, two shellings reported at the same point in El Fasher, and an event
    with four long sources (a popup taller than a phone's map)."""
    extra = [
        _event(
            id="fasher-market",
            title="Shelling hits El Fasher market",
            category="conflict",
            place_name="El Fasher",
            start="2024-10-10",
            end="2024-10-10",
            sources=[_source("fasher-1", "Darfur Desk", None, "Shells hit the market.")],
            geometry=EL_FASHER,
        ),
        _event(
            id="fasher-hospital",
            title="Hospital in El Fasher evacuated",
            category="conflict",
            place_name="El Fasher",
            start="2024-10-12",
            end="2024-10-12",
            sources=[_source("fasher-2", "Sahel Wire", None, "The hospital was evacuated.")],
            geometry=EL_FASHER,
        ),
        _event(
            id="border-convoys",
            title="Aid convoys held at the Adre border crossing",
            category="disaster",
            place_name="Adre",
            start="2024-10-20",
            end="2024-10-22",
            sources=[
                _source(f"convoy-{k}", f"Outlet number {k}", None, LONG_QUOTE) for k in range(4)
            ],
            geometry=Point(22.20, 13.47),
        ),
    ]
    world = world_events()
    frame = gpd.GeoDataFrame(extra, geometry="geometry", crs="EPSG:4326")
    return gpd.GeoDataFrame(pd.concat([world, frame], ignore_index=True), crs="EPSG:4326")


def _views_mentions() -> gpd.GeoDataFrame:
    """The world mentions and one of a place mentioned for its history (2021): the site's
    dates must still be those of the events."""
    old = _mention(
        "addis-1",
        "Negotiators in Addis Ababa signed a ceasefire on Saturday, the mediators said.",
        "Addis Ababa",
        place_id="geonames:344979",
        place_name="Addis Ababa",
        place_kind="capital",
        start="2021-03-01",
        end="2021-03-01",
        date_precision="day",
        geometry=Point(38.7469, 9.0249),
    )
    frame = gpd.GeoDataFrame([old], geometry="geometry", crs="EPSG:4326")
    return gpd.GeoDataFrame(
        pd.concat([world_mentions(), frame], ignore_index=True), crs="EPSG:4326"
    )


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-views") / "site"
    build_site(
        _views_events(),
        out,
        mentions=_views_mentions(),
        articles=world_articles(),
        title="World desk",
        images=True,
        on_problem=lambda message: None,
    )
    return out


def _url(root: Path, page: str = "index.html", fragment: str = "") -> str:
    return (root / page).as_uri() + (f"#{fragment}" if fragment else "")


def _inside(inner: dict[str, float], outer: dict[str, float], slack: float = 1.0) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def _screen(page: Any) -> dict[str, float]:
    size = page.viewport_size
    return {"x": 0, "y": 0, "width": size["width"], "height": size["height"]}


def _settled(page: Any) -> None:
    """Wait for Leaflet's pan animation (autoPan) to end."""
    page.wait_for_function(
        "() => !GeoNewsMap.view.map._panAnim || !GeoNewsMap.view.map._panAnim._inProgress"
    )
    page.wait_for_timeout(50)


# --------------------------------------------------------------------------- phone and popups


def test_phone_list_tap_opens_a_visible_popup_and_its_embed_button_is_reachable(
    browser: Any, views: Path
) -> None:
    with opened(browser, _url(views), width=390, height=844) as o:
        page = o.page
        entry = page.locator("li[data-event-id='border-convoys'] button")
        entry.scroll_into_view_if_needed()
        assert page.locator(".folium-map").bounding_box()["y"] + 200 < 0  # the map is far above
        entry.click()
        popup = page.locator(".leaflet-popup")
        popup.wait_for()
        page.wait_for_function("() => document.querySelector('.popup-details[aria-busy]') === null")
        _settled(page)
        map_box = page.locator(".folium-map").bounding_box()
        popup_box = popup.bounding_box()
        assert "Aid convoys held at the Adre border crossing" in popup.inner_text()
        # the popup is in the viewport and inside the map, even though four quotes are taller
        assert _inside(popup_box, _screen(page)), (popup_box, map_box)
        assert _inside(popup_box, map_box), (popup_box, map_box)
        content = page.locator(".leaflet-popup-content")
        assert content.evaluate("c => c.scrollHeight > c.clientHeight")  # it scrolls inside
        # the Embed button at the foot of the tall popup can be scrolled to and used
        button = content.get_by_role("button", name="Embed")
        button.scroll_into_view_if_needed()
        assert _inside(button.bounding_box(), map_box) and _inside(
            button.bounding_box(), _screen(page)
        )
        button.click()
        code = content.locator("textarea")
        code.scroll_into_view_if_needed()
        assert "border-convoys.html" in code.input_value()
        _settled(page)
        assert _inside(popup.bounding_box(), map_box)
        o.clean()


# --------------------------------------------------------------------------- time


def test_header_and_default_window_come_from_the_events(browser: Any, views: Path) -> None:
    events = _views_events()
    first, last = min(events["start"]), max(events["end"])
    with opened(browser, _url(views)) as o:
        page = o.page
        assert page.input_value("#date-from") == first == "2024-06-01"
        assert page.input_value("#date-to") == last
        # the 2021 mention of Addis Ababa does not stretch the dates
        assert "1 Jun – 3 Dec 2024" in page.locator(".site-summary").inner_text()
        o.clean()


def _bars(page: Any) -> list[int]:
    return page.eval_on_selector_all(
        ".timeline-bar", "bars => bars.map(b => +b.getAttribute('data-count'))"
    )


def test_timeline_counts_events_and_its_brush_sets_the_window(browser: Any, views: Path) -> None:
    events = _views_events()
    with opened(browser, _url(views)) as o:
        page = o.page
        svg = page.locator(".timeline-svg")
        assert svg.get_attribute("data-unit") == "week"  # six months of events
        assert sum(_bars(page)) == len(events)
        # drag across the first half of the chart
        box = svg.bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + 2, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=4)
        page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=4)
        page.mouse.up()
        page.wait_for_function("() => !location.hash.includes('to=2024-12')")
        first, last = page.input_value("#date-from"), page.input_value("#date-to")
        assert first == "2024-06-01" and "2024-08-15" < last < "2024-09-30"
        expected = overlapping(events, first, last)
        assert expected and o.visible_ids() == expected == o.drawn_ids()
        assert f"from={first}&to={last}" in o.hash()
        # the bars outside the window are drawn as such
        inside = page.eval_on_selector_all(".timeline-bar.in", "bars => bars.length")
        assert 0 < inside < len(_bars(page))
        # the map was fitted to what is left
        _fits(page, expected)
        o.clean()


def _fits(page: Any, ids: set[str]) -> None:
    """Every listed point event is inside the map's view."""
    for ident in ids:
        point = page.evaluate(f"GeoNewsMap.view.screenPoint({json.dumps(ident)})")
        if point is None:
            continue  # an area
        box = page.locator(".folium-map").bounding_box()
        assert box["x"] <= point[0] <= box["x"] + box["width"], ident
        assert box["y"] <= point[1] <= box["y"] + box["height"], ident


def test_a_hash_filter_refits_the_map_and_the_legend_counts_follow(
    browser: Any, views: Path
) -> None:
    with opened(browser, _url(views)) as o:
        world_zoom = o.page.evaluate("GeoNewsMap.view.map.getZoom()")
        assert "(3)" in o.page.locator(".legend li[data-category='conflict']").inner_text()
    with opened(browser, _url(views, fragment="from=2024-10-01&to=2024-10-15")) as o:
        page = o.page
        expected = overlapping(_views_events(), "2024-10-01", "2024-10-15")
        assert expected == {"fasher-market", "fasher-hospital"} == o.visible_ids()
        assert page.evaluate("GeoNewsMap.view.map.getZoom()") > world_zoom
        _fits(page, expected)
        conflict = page.locator(".legend li[data-category='conflict'] .count").inner_text()
        diplomacy = page.locator(".legend li[data-category='diplomacy'] .count").inner_text()
        assert conflict == "(2 of 3)" and diplomacy == "(0 of 2)"
        page.fill("#date-to", "2024-11-02")
        page.wait_for_function("() => location.hash.includes('to=2024-11-02')")
        page.wait_for_function(
            "() => document.querySelector(\".legend li[data-category='diplomacy'] .count\")"
            ".textContent === '(1 of 2)'"
        )
        _fits(page, o.visible_ids())
        o.clean()


# --------------------------------------------------------------------------- one point, many events


def test_events_at_one_point_are_spread_and_reachable_by_keyboard(
    browser: Any, views: Path
) -> None:
    with opened(browser, _url(views, fragment="from=2024-10-01&to=2024-10-15")) as o:
        page = o.page
        a = page.evaluate("GeoNewsMap.view.screenPoint('fasher-market')")
        b = page.evaluate("GeoNewsMap.view.screenPoint('fasher-hospital')")
        assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= 14  # two circles, apart
        page.evaluate("GeoNewsMap.view.map.zoomIn(2, {animate: false})")
        a2 = page.evaluate("GeoNewsMap.view.screenPoint('fasher-market')")
        b2 = page.evaluate("GeoNewsMap.view.screenPoint('fasher-hospital')")
        assert ((a2[0] - b2[0]) ** 2 + (a2[1] - b2[1]) ** 2) ** 0.5 >= 14  # at every zoom
        # a click on one opens its own popup, which names the other
        page.mouse.click(a2[0], a2[1])
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Shelling hits El Fasher market" in popup.inner_text()
        other = popup.get_by_role("button", name="Hospital in El Fasher evacuated")
        assert "Also at this place" in popup.inner_text()
        other.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash.includes('event=fasher-hospital')")
        page.locator(".popup-title", has_text="Hospital in El Fasher evacuated").wait_for()
        assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
        o.clean()


# --------------------------------------------------------------------------- the whole-map embed

HASHES = [
    "from=2024-10-01&to=2024-11-05",
    "from=2024-06-01&to=2024-12-31&layers=conflict,military",
    "layers=diplomacy&sources=Horn%20Observer",
]


@pytest.mark.parametrize("fragment", HASHES)
def test_whole_map_embed_shows_what_the_index_shows(
    browser: Any, views: Path, fragment: str
) -> None:
    with opened(browser, _url(views, fragment=fragment)) as o:
        listed, drawn = o.visible_ids(), o.drawn_ids()
        o.clean()
    assert listed and listed == drawn
    with opened(browser, _url(views, "embed/index.html", fragment)) as o:
        assert o.visible_ids() == listed
        assert o.drawn_ids() == drawn
        page = o.page
        assert page.locator(".side-panel").is_hidden()
        full = page.locator(".embed-footer a.full-map").get_attribute("href")
        assert full.startswith("../index.html#") and fragment.split("&")[0] in full
        o.clean()


def test_whole_map_embed_popups_load_their_sources(browser: Any, views: Path) -> None:
    with opened(browser, _url(views, "embed/index.html", "event=addis-ceasefire")) as o:
        popup = o.page.locator(".leaflet-popup-content")
        popup.wait_for()
        o.page.wait_for_function(
            "() => document.querySelector('.popup-details[aria-busy]') === null"
        )
        assert "Horn Observer" in popup.inner_text()  # from ../details/0.js
        link = popup.locator("a", has_text="Text with places highlighted").first
        assert link.get_attribute("href").startswith("../articles/")
        o.clean()


def test_embed_this_view_gives_a_sandboxed_snippet_of_the_same_view(
    browser: Any, views: Path
) -> None:
    fragment = "from=2024-10-01&to=2024-11-05&layers=diplomacy,conflict"  # the legend's order
    with opened(browser, _url(views, fragment=fragment), width=1280, height=800) as o:
        page = o.page
        page.click("#embed-view")
        code = page.input_value("#embed-view-code")
        listed = o.visible_ids()
        zoom = page.evaluate("GeoNewsMap.view.map.getZoom()")
        o.clean()
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert src.startswith((views / "embed" / "index.html").as_uri() + "#" + fragment), src
    assert f"&view={zoom}/" in src
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in code
    # the snippet, served from a static host, shows the same events at the same zoom
    hash_part = src.split("#", 1)[1]
    served = "http://site.test/embed/index.html#" + hash_part
    host = embed_snippet(served, "World desk").replace("&amp;", "&").replace("&", "&amp;")
    page_html = f"<!doctype html><html><body style='margin:0'>{host}</body></html>"
    with opened(
        browser,
        "http://site.test/host.html",
        width=1000,
        height=900,
        serve=views,
        extra={"host.html": page_html},
        wait_ready=False,
    ) as o:
        frame = o.page.frame_locator("iframe")
        frame.locator("html[data-ready='true']").wait_for()
        inner = o.page.frames[1]
        assert set(inner.evaluate("GeoNewsMap.view.drawnEventIds()")) == listed
        assert inner.evaluate("GeoNewsMap.view.map.getZoom()") == zoom
        o.clean()


def test_whole_map_embed_has_its_image_oembed_and_policy(views: Path) -> None:
    page = (views / "embed" / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert '<noscript><img class="embed-noscript" src="index.png"' in page
    assert 'href="index.json"' in page
    doc = json.loads((views / "embed" / "index.json").read_text(encoding="utf-8"))
    assert doc["type"] == "rich" and 'src="embed/index.html"' in doc["html"]
    assert doc["thumbnail_url"] == "embed/index.png"
    from PIL import Image

    with Image.open(views / "embed" / "index.png") as image:
        assert image.size == (doc["thumbnail_width"], doc["thumbnail_height"])
    # the main page offers the whole-map image beside the snippet
    index = (views / "index.html").read_text(encoding="utf-8")
    assert 'href="embed/index.png" download' in index
    assert '<link rel="alternate" type="application/json+oembed" href="embed/index.json"' in index


def test_an_event_with_the_id_index_does_not_take_the_whole_map_embed(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        [{"id": "index", "title": "An event called index", "date": "2024-05-01"}],
        geometry=[Point(10, 10)],
        crs="EPSG:4326",
    )
    build_site(frame, tmp_path / "site", images=False)
    embed = tmp_path / "site" / "embed"
    assert 'class="site-index site-embed-all"' in (embed / "index.html").read_text("utf-8")
    others = [p for p in embed.glob("*.html") if p.name != "index.html"]
    assert len(others) == 1 and "An event called index" in others[0].read_text("utf-8")


# --------------------------------------------------------------------------- tables from elsewhere


def test_a_foreign_tables_columns_show_in_the_popup_escaped(browser: Any, tmp_path: Path) -> None:
    data = Path(__file__).resolve().parent.parent / "data" / "acled_like.csv"
    text = data.read_text(encoding="utf-8").splitlines()
    hostile = "<img src=x onerror=window.pwned=1>"
    text[0] += f",fatalities,{hostile}"
    text[1] += ',3,"<script>window.pwned=1</script>"'
    table = tmp_path / "acled.csv"
    table.write_text("\n".join(text) + "\n", encoding="utf-8")
    events = read_events(table, on_problem=lambda m: None)
    build_site(events, tmp_path / "site", images=False)
    with opened(browser, _url(tmp_path / "site", fragment="event=MLI3301")) as o:
        popup = o.page.locator(".leaflet-popup-content")
        popup.wait_for()
        o.page.wait_for_function(
            "() => document.querySelector('.popup-details[aria-busy]') === null"
        )
        names = popup.locator(".popup-fields dt").all_inner_texts()
        values = popup.locator(".popup-fields dd").all_inner_texts()
        assert dict(zip(names, values, strict=True)) == {
            "year": "2024",
            "sub_event_type": "Armed clash",
            "actor1": "Militia",
            "admin1": "Mopti",
            "fatalities": "3",
            hostile: "<script>window.pwned=1</script>",
        }
        assert popup.locator("img, script").count() == 0
        o.clean()
    with opened(browser, _url(tmp_path / "site", "embed/MLI3301.html")) as o:
        o.page.locator(".leaflet-interactive, canvas").first.wait_for(state="attached")
        assert o.page.evaluate("GeoNewsMap.view.drawnEventIds()") == ["MLI3301"]
        o.clean()


def test_many_events_at_one_point_stay_on_it_and_the_popup_lists_them(
    browser: Any, tmp_path: Path
) -> None:
    frame = gpd.GeoDataFrame(
        [
            {"id": f"raid-{k:02d}", "title": f"Raid {k}", "date": f"2024-05-{k + 1:02d}"}
            for k in range(25)
        ],
        geometry=[EL_FASHER] * 25,
        crs="EPSG:4326",
    )
    build_site(frame, tmp_path / "site", images=False)
    with opened(browser, _url(tmp_path / "site", fragment="event=raid-00")) as o:
        page = o.page
        ids = [f"raid-{k:02d}" for k in range(25)]
        points = page.evaluate(
            f"{json.dumps(ids)}.map(id => GeoNewsMap.view.screenPoint(id).map(Math.round).join())"
        )
        points = set(points)
        assert len(points) == 1  # a ring of 25 would cover the region
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Also at this place (24)" in popup.inner_text()
        assert popup.locator(".neighbour-button").count() == 20
        assert "and 4 more, in the list of events" in popup.inner_text()
        o.clean()
