"""The built site in real Chromium (the Debian package), opened from file:// with the network cut.

Every page is opened in a fresh context whose requests are all routed: file:// goes through,
anything else is recorded and aborted, and each test asserts nothing else was asked for.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from layers import build_site
from layers.embed import embed_snippet
from layers.safety import page_names
from tests.browsing import READY, opened
from tests.layers.site_builders import (
    PAYLOADS,
    hostile_articles,
    hostile_events,
    hostile_mentions,
    overlapping,
    world_articles,
    world_events,
    world_mentions,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-world") / "site"
    build_site(
        world_events(),
        out,
        mentions=world_mentions(),
        articles=world_articles(),
        title="World desk",
        images=True,
    )
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-hostile") / "site"
    build_site(
        hostile_events(),
        out,
        mentions=hostile_mentions(),
        articles=hostile_articles(),
        title="<script>window.pwned=1</script>",
        images=False,
        on_problem=lambda message: None,
    )
    return out


def _url(root: Path, page: str = "index.html", fragment: str = "") -> str:
    return (root / page).as_uri() + (f"#{fragment}" if fragment else "")


# --------------------------------------------------------------------------- the main page


def test_map_renders_offline_with_base_map_and_events(browser: Any, world: Path) -> None:
    with opened(browser, _url(world)) as o:
        page = o.page
        assert page.locator(".leaflet-container").count() == 1
        assert page.evaluate("GeoNewsMap.view.baseOnMap()") is True
        assert page.locator(".leaflet-geoBasemap-pane canvas").count() == 1
        assert o.drawn_ids() == set(world_events()["id"])
        # the Addis Ababa point is painted in the diplomacy colour on the event canvas
        point = _screen_point(page, ADDIS)
        assert _has_colour(_around(page, point), DIPLOMACY)
        attribution = page.locator(".leaflet-control-attribution").inner_text()
        assert "Natural Earth" in attribution and "GeoNames" in attribution
        o.clean()


DIPLOMACY = (0x00, 0x72, 0xB2)
ADDIS = "[9.0249, 38.7469]"


def _screen_point(page: Any, latlng: str) -> list[float]:
    return page.evaluate(
        f"(() => {{ const p = GeoNewsMap.view.map.latLngToContainerPoint({latlng});"
        " const r = document.querySelector('.folium-map').getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; })()"
    )


def _around(page: Any, point: list[float]) -> bytes:
    return page.screenshot(clip={"x": point[0] - 3, "y": point[1] - 3, "width": 7, "height": 7})


def _has_colour(png: bytes, rgb: tuple[int, int, int], tolerance: int = 40) -> bool:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return any(
        all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb, strict=True))
        for pixel in image.get_flattened_data()
    )


def test_list_has_one_entry_per_event(browser: Any, world: Path) -> None:
    with opened(browser, _url(world)) as o:
        ids = o.page.eval_on_selector_all(
            "#event-list li[data-event-id]", "items => items.map(li => li.dataset.eventId)"
        )
        assert sorted(ids) == sorted(world_events()["id"])
        assert o.visible_ids() == set(ids)
        assert "Showing 6 of 6 events" in o.page.locator("#event-count").inner_text()
        o.clean()


@pytest.mark.parametrize(
    ("first", "last"),
    [("2024-11-01", "2024-11-05"), ("2024-08-15", "2024-09-30"), ("2024-12-03", "2025-01-01")],
)
def test_hash_window_filters_map_and_list_alike(
    browser: Any, world: Path, first: str, last: str
) -> None:
    expected = overlapping(world_events(), first, last)
    with opened(browser, _url(world, fragment=f"from={first}&to={last}")) as o:
        assert o.visible_ids() == expected
        assert o.drawn_ids() == expected
        assert o.page.input_value("#date-from") == first
        assert o.page.input_value("#date-to") == last
        o.clean()


def test_filtered_out_events_are_not_painted(browser: Any, world: Path) -> None:
    with opened(browser, _url(world, fragment="from=2024-11-03&to=2024-11-30")) as o:
        page = o.page
        # the map is fitted to the events shown; look at Addis Ababa, filtered out
        page.evaluate(f"GeoNewsMap.view.map.setView({ADDIS}, 4, {{animate: false}})")
        point = _screen_point(page, ADDIS)
        assert not _has_colour(_around(page, point), DIPLOMACY)
        page.fill("#date-from", "2024-11-01")
        page.wait_for_function("() => location.hash.includes('from=2024-11-01')")
        page.wait_for_timeout(100)
        point = _screen_point(page, ADDIS)  # the map was fitted to the events now shown
        assert _has_colour(_around(page, point), DIPLOMACY)
        o.clean()


def test_inputs_update_the_hash_and_reload_restores_it(browser: Any, world: Path) -> None:
    with opened(browser, _url(world)) as o:
        page = o.page
        page.fill("#date-from", "2024-11-03")
        page.wait_for_function("() => location.hash.includes('from=2024-11-03')")
        expected = overlapping(world_events(), "2024-11-03", "2024-12-03")
        assert o.visible_ids() == expected == o.drawn_ids()
        page.fill("#date-to", "2024-11-05")
        page.wait_for_function("() => location.hash.includes('to=2024-11-05')")
        expected = overlapping(world_events(), "2024-11-03", "2024-11-05")
        assert o.visible_ids() == expected == o.drawn_ids() == {"malacca-patrol"}
        page.reload()
        page.wait_for_function(READY)
        assert "from=2024-11-03&to=2024-11-05" in o.hash()
        assert page.input_value("#date-from") == "2024-11-03"
        assert o.visible_ids() == expected == o.drawn_ids()
        o.clean()


def test_sliders_move_the_window_from_the_keyboard(browser: Any, world: Path) -> None:
    with opened(browser, _url(world)) as o:
        page = o.page
        page.focus("#range-to")
        page.keyboard.press("Home")  # the end of the window goes to the first day
        page.wait_for_function("() => location.hash.includes('to=2024-06-01')")
        assert o.visible_ids() == {"reykjavik-summit"} == o.drawn_ids()
        page.click("#date-reset")
        page.wait_for_function("() => location.hash.includes('to=2024-12-03')")
        assert len(o.visible_ids()) == 6
        o.clean()


def test_layers_follow_the_hash_and_the_layer_control(browser: Any, world: Path) -> None:
    with opened(browser, _url(world, fragment="layers=military,wildfire")) as o:
        page = o.page
        assert o.visible_ids() == {"malacca-patrol", "bc-wildfire"} == o.drawn_ids()
        page.hover(".leaflet-control-layers")
        page.locator(".leaflet-control-layers-overlays label", has_text="Diplomacy").click()
        page.wait_for_function("() => location.hash.includes('diplomacy')")
        assert o.visible_ids() == {
            "malacca-patrol",
            "bc-wildfire",
            "addis-ceasefire",
            "reykjavik-summit",
        }
        assert "layers=diplomacy,military,wildfire" in o.hash()
        assert page.evaluate("GeoNewsMap.view.drawnPlaceIds()") == []  # off at first
        page.locator(".leaflet-control-layers-overlays label", has_text="Places mentioned").click()
        page.wait_for_function("() => location.hash.includes('places=1')")
        assert page.evaluate("GeoNewsMap.view.drawnPlaceIds()") != []
        o.clean()


def test_sources_filter(browser: Any, world: Path) -> None:
    with opened(browser, _url(world)) as o:
        page = o.page
        page.get_by_label("Straits Courier (1)").uncheck()
        page.wait_for_function("() => location.hash.includes('sources=')")
        assert "malacca-patrol" not in o.visible_ids()
        assert "malacca-patrol" not in o.drawn_ids()
        page.get_by_label("Horn Observer (1)").uncheck()  # Addis has a second source
        page.wait_for_function("() => decodeURIComponent(location.hash).includes('Addis')")
        assert "addis-ceasefire" in o.visible_ids()
        page.click("#sources-none")
        page.wait_for_function(
            "() => document.querySelectorAll('#event-list li:not([hidden])').length === 0"
        )
        assert o.drawn_ids() == set()
        page.reload()
        page.wait_for_function(READY)
        assert o.visible_ids() == set()
        page.click("#sources-all")
        page.wait_for_function("() => !location.hash.includes('sources=')")
        assert len(o.visible_ids()) == 6
        o.clean()


#: True once every open popup's sources (its details file, loaded on demand) are in place.
SOURCES_LOADED = (
    "() => document.querySelector('.leaflet-popup-content') !== null"
    " && document.querySelector('.leaflet-popup-content .popup-details[aria-busy]') === null"
)


def test_choosing_a_list_entry_opens_its_popup(browser: Any, world: Path) -> None:
    with opened(browser, _url(world)) as o:
        page = o.page
        page.click("li[data-event-id='malacca-patrol']")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        page.wait_for_function(SOURCES_LOADED)  # the details file loads after the popup opens
        text = popup.inner_text()
        assert "Joint naval patrol, Strait of Malacca" in text
        assert "week of 4 Nov 2024" in text
        assert "How this area was drawn: the sea within 50 km of the coast of Penang" in text
        assert "Straits Courier" in text and "Confidence: 70%" in text
        link = popup.locator("a", has_text="Original article")
        assert link.get_attribute("href") == "https://courier.example.my/patrol"
        assert link.get_attribute("rel") == "noopener noreferrer nofollow"
        page_link = popup.locator("a", has_text="Text with places highlighted")
        assert page_link.get_attribute("href") == "articles/malacca-1.html"
        assert "event=malacca-patrol" in o.hash()
        # keyboard: Enter on another entry
        page.focus("li[data-event-id='addis-ceasefire'] button")
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash.includes('event=addis-ceasefire')")
        page.wait_for_function(SOURCES_LOADED)
        text = page.locator(".leaflet-popup-content", has_text="Addis Ababa").inner_text()
        assert "Ceasefire signed in Addis Ababa" in text and "2 Nov 2024" in text
        assert "Sources disagree" in text
        page.focus("li[data-event-id='reykjavik-summit'] button")
        page.keyboard.press("Space")
        page.wait_for_function("() => location.hash.includes('event=reykjavik-summit')")
        page.wait_for_function(SOURCES_LOADED)
        popup = page.locator(".leaflet-popup-content", has_text="Reykjavik")
        assert "summer 2024" in popup.inner_text()
        # the popup has the focus; Tab reaches its Embed button, Escape goes back to the list
        assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") in {"Embed", "Original article"}
        page.keyboard.press("Escape")
        page.wait_for_function("() => !location.hash.includes('event=')")
        assert page.evaluate("document.activeElement.closest('li').dataset.eventId") == (
            "reykjavik-summit"
        )
        o.clean()


def test_embed_button_shows_the_iframe_code(browser: Any, world: Path) -> None:
    with opened(browser, _url(world, fragment="event=bc-wildfire")) as o:
        page = o.page
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Wildfire forces evacuations" in popup.inner_text()
        popup.get_by_role("button", name="Embed").click()
        code = popup.locator("textarea").input_value()
        src = (world / "embed" / "bc-wildfire.html").as_uri()
        assert code == embed_snippet(src, "Wildfire forces evacuations in British Columbia")
        assert 'sandbox="allow-scripts allow-popups' in code
        assert popup.get_by_role("link", name="Image (PNG)").get_attribute("href") == (
            "embed/bc-wildfire.png"
        )
        o.clean()


@pytest.mark.parametrize("title", ["Drill $` at $& sea $' {src} $$ $1", "Patrol $`$`$`"])
def test_embed_code_keeps_a_title_with_replacement_patterns_as_written(
    browser: Any, tmp_path: Path, title: str
) -> None:
    # a title from a places file or an online name: "$`" must not pull the snippet's start in
    events = world_events().iloc[:1].copy()
    events["title"] = [title]
    out = tmp_path / "site"
    build_site(events, out, images=False, title=title)  # the site's title too: the whole map
    ident = events["id"].iat[0]
    with opened(browser, _url(out, fragment=f"event={ident}")) as o:
        popup = o.page.locator(".leaflet-popup-content")
        popup.wait_for()
        popup.get_by_role("button", name="Embed").click()
        code = popup.locator("textarea").input_value()
        src = (out / "embed" / f"{page_names([ident])[ident]}.html").as_uri()
        # the same snippet as the embed pages (the page's JS writes ' as &#39;, Python &#x27;)
        assert code == embed_snippet(src, title).replace("&#x27;", "&#39;")
        assert code.count("<iframe") == 1 and code.count("sandbox=") == 1
        o.page.click("#embed-view")  # "Embed this view": the whole map, titled by the site
        whole = o.page.input_value("#embed-view-code")
        whole_src = html.unescape(whole.split('src="')[1].split('"')[0])
        assert whole == embed_snippet(whole_src, title).replace("&#x27;", "&#39;")
        assert whole.count("<iframe") == 1 and whole.count("sandbox=") == 1
        o.clean()


def test_popups_load_their_sources_from_later_detail_files(browser: Any, tmp_path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import Point

    from layers.payload import DETAIL_CHUNK

    count = 2 * DETAIL_CHUNK + 50
    rows = [
        {
            "id": f"quake-{k:04d}",
            "title": f"Aftershock {k}",
            "date": f"2023-{1 + k % 12:02d}-{1 + k % 28:02d}",
            "outlet": f"Seismic Desk {k % 7}",
            "quote": f"Aftershock number {k} was felt in the valley.",
            "geometry": Point(-70 + (k % 40) * 0.5, -33 + (k // 40) * 0.5),
        }
        for k in range(count)
    ]
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    build_site(frame, tmp_path / "site", images=False)
    assert len(list((tmp_path / "site" / "details").glob("*.js"))) == 3
    # the list is in date order; take an event the third detail file holds
    k = int(sorted(rows, key=lambda r: (r["date"], r["title"], r["id"]))[420]["id"][6:])
    with opened(browser, _url(tmp_path / "site", fragment=f"event=quake-{k:04d}")) as o:
        popup = o.page.locator(".leaflet-popup-content", has_text=f"Aftershock {k}")
        popup.wait_for()
        o.page.wait_for_function(
            "() => document.querySelector('.popup-details[aria-busy]') === null"
        )
        assert f"Aftershock number {k} was felt in the valley." in popup.inner_text()
        assert f"Seismic Desk {k % 7}" in popup.inner_text()
        o.clean()


def test_place_hash_opens_the_places_popup(browser: Any, world: Path) -> None:
    fragment = "place=" + quote("geonames:344979", safe="")
    with opened(browser, _url(world, fragment=fragment)) as o:
        popup = o.page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Addis Ababa" in popup.inner_text()
        link = popup.locator("a", has_text="Ceasefire signed")
        assert link.get_attribute("href") == "articles/addis-1.html#m-1"
        o.clean()


def test_article_page_links_back_to_the_map(browser: Any, world: Path) -> None:
    with opened(browser, _url(world, "articles/malacca-1.html"), wait_ready=False) as o:
        page = o.page
        assert page.locator("mark").count() == 2
        page.click("a.mention >> text=the Strait of Malacca")
        page.wait_for_function(READY)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Strait of Malacca" in popup.inner_text()
        assert "place=ne:marine:strait-of-malacca" in o.hash()
        o.clean()


def test_skip_link_reaches_the_list_and_keeps_the_hash(browser: Any, world: Path) -> None:
    with opened(browser, _url(world, fragment="from=2024-11-01&to=2024-11-30")) as o:
        page = o.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "event-list"
        assert "from=2024-11-01" in o.hash()
        o.clean()


def test_small_screens_stack_map_and_list(browser: Any, world: Path) -> None:
    with opened(browser, _url(world), width=360, height=740) as o:
        page = o.page
        box = page.locator(".folium-map").bounding_box()
        assert box["width"] == 360 and box["height"] > 300
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        viewport = page.get_attribute("meta[name=viewport]", "content")
        assert "maximum-scale" not in viewport and "user-scalable" not in viewport
        o.clean()


# --------------------------------------------------------------------------- embeds


@pytest.mark.parametrize("width", [320, 1000])
def test_embed_works_in_a_sandboxed_iframe(browser: Any, world: Path, width: int) -> None:
    snippet = embed_snippet("http://site.test/embed/fiji-relief.html", "Cyclone relief")
    host = f"<!doctype html><html><body style='margin:0'><h1>News</h1>{snippet}</body></html>"
    with opened(
        browser,
        "http://site.test/host.html",
        width=width,
        height=900,
        serve=world,
        extra={"host.html": host},
        wait_ready=False,
    ) as o:
        page = o.page
        frame = page.frame_locator("iframe")
        iframe = page.locator("iframe")
        assert iframe.get_attribute("sandbox") == (
            "allow-scripts allow-popups allow-popups-to-escape-sandbox"
        )
        frame.locator("html[data-ready='true']").wait_for()
        inner = page.frames[1]
        assert inner.evaluate("GeoNewsMap.view.drawnEventIds()") == ["fiji-relief"]
        box = frame.locator(".leaflet-container").bounding_box()
        assert box["width"] >= width - 2 and box["height"] >= 150
        assert inner.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert frame.locator(".embed-title").inner_text() == "Cyclone relief around Fiji"
        assert frame.locator(".embed-fallback").count() == 0  # replaced by the live map
        o.clean()


def test_embed_page_shows_its_image_when_scripts_cannot_run(browser: Any, world: Path) -> None:
    # Opened from disk inside a sandboxed iframe, Chromium refuses the scripts (an opaque
    # origin may not read file:// URLs): the static image is what the reader gets.
    host = world / "embed-host-test.html"
    src = (world / "embed" / "addis-ceasefire.html").as_uri()
    host.write_text(f"<!doctype html>{embed_snippet(src, 'Ceasefire')}", encoding="utf-8")
    try:
        with opened(browser, host.as_uri(), wait_ready=False) as o:
            frame = o.page.frame_locator("iframe")
            image = frame.locator("img.embed-fallback")
            image.wait_for()
            assert "Ceasefire signed in Addis Ababa" in image.get_attribute("alt")
            o.page.wait_for_function(
                "() => document.querySelector('iframe').contentDocument === null"
            )  # sandboxed: the host cannot reach in
    finally:
        host.unlink()


# --------------------------------------------------------------------------- hostile input


def test_hostile_index_runs_nothing(browser: Any, hostile: Path) -> None:
    with opened(browser, _url(hostile)) as o:
        page = o.page
        titles = page.eval_on_selector_all(
            "#event-list .event-button", "items => items.map(i => i.firstChild.textContent)"
        )
        assert sorted(titles) == sorted(" ".join(f"Title {p}".split()) for p in PAYLOADS)
        for item in page.locator("#event-list li").all():
            item.click()
            ident = item.get_attribute("data-event-id")
            popup = page.locator(f".leaflet-popup-content > [data-event-id={ident!r}]")
            popup.wait_for()
            page.wait_for_function(SOURCES_LOADED)  # its links too
            popup.get_by_role("button", name="Embed").click()
            for link in popup.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith("javascript:")
        text = popup.inner_text()
        assert "Quote " in text and "Outlet " in text
        for place, name in (
            ("geonames:<script>window.pwned=1</script>", "Kinshasa <img"),
            ("geonames:`${window.pwned=1}`", "Goma `${"),
        ):
            page.evaluate(f"location.hash = 'place=' + encodeURIComponent({place!r})")
            page.locator(".popup-place-mentions", has_text=name).wait_for()
        page.hover(".leaflet-control-layers")
        labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
        assert any("Cat <script>window.pwned=1</script>" in label for label in labels)
        # and the CSP stops markup injected by any future bug from running
        o.clean()
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', "
            '\'<img src="data:," onerror="window.pwned=1"><img src=x onerror="window.pwned=1">\')'
        )
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert any("Content Security Policy" in e for e in o.errors)  # blocked, and said so
        assert o.dialogs == []


def test_hostile_embed_and_article_pages_run_nothing(browser: Any, hostile: Path) -> None:
    embeds = [f"embed/{n}.html" for n in page_names(hostile_events()["id"]).values()]
    articles = [f"articles/{n}.html" for n in page_names(d.id for d in hostile_articles()).values()]
    with opened(browser, _url(hostile, embeds[0])) as o:
        page = o.page
        for name in embeds:
            page.goto(_url(hostile, name))
            page.wait_for_function(READY)
            assert page.locator(".embed-title").inner_text().startswith("Title ")
            page.locator(".leaflet-container").click()  # the event is a point at the centre
            assert "Title " in page.locator(".leaflet-popup-content").inner_text()
            o.clean()
        for name in articles:
            page.goto(_url(hostile, name))
            assert page.locator("h1").count() == 1
            o.clean()


def test_scripting_a_date_window_filters_like_the_inputs(browser: Any, world: Path) -> None:
    # GeoNewsMap.view.setWindow is the console/scripting entry point (documented in site.js)
    first, last = "2024-08-15", "2024-09-30"
    expected = overlapping(world_events(), first, last)
    with opened(browser, _url(world)) as o:
        listed = o.page.evaluate(f"GeoNewsMap.view.setWindow('{last}', '{first}')")
        assert listed == len(expected)
        assert o.visible_ids() == expected
        assert o.drawn_ids() == expected
        o.clean()
