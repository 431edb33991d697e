"""A big (sliced) site in real Chromium, from file:// and from a stand-in static host, with
the network cut: the first view, slices loaded as the date window moves, counts per cell
for a window too full to draw, and hostile text in a slice staying text."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from layers import build_site
from tests.browsing import opened
from tests.layers.big_builders import big_events, overlapping_ids, small_slices
from tests.layers.site_builders import PAYLOADS

pytestmark = pytest.mark.browser

#: Set by the page once a window is applied (and its slices loaded): "from/to[/cells]".
_APPLIED = (
    "w => document.documentElement.getAttribute('data-window') === w"
    " && !document.documentElement.hasAttribute('data-loading')"
)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        small_slices(monkeypatch)
        out = tmp_path_factory.mktemp("big-site") / "site"
        build_site(
            big_events(),
            out,
            images=False,
            sliced=True,
            embeds=["e-00101"],
            title="Big desk",
            on_problem=lambda m: None,
        )
    return out


@pytest.fixture(scope="module")
def hostile_big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        small_slices(monkeypatch)
        out = tmp_path_factory.mktemp("big-hostile") / "site"
        build_site(
            big_events(payload=" ".join(PAYLOADS)),
            out,
            images=False,
            sliced=True,
            on_problem=lambda m: None,
        )
    return out


def _go(page: Any, first: str, last: str, cells: bool = False) -> None:
    page.evaluate("h => { location.hash = h; }", f"#from={first}&to={last}")
    page.wait_for_function(_APPLIED, arg=f"{first}/{last}" + ("/cells" if cells else ""))


def _listed(page: Any) -> set[str]:
    return set(page.evaluate("GeoNewsMap.view.listedEventIds()"))


def _loaded(page: Any) -> list[int]:
    return page.evaluate("GeoNewsMap.view.loadedSlices()")


def test_first_view_loads_only_the_latest_slices_from_file(browser: Any, big: Path) -> None:
    events = big_events()
    with opened(browser, (big / "index.html").as_uri()) as o:
        page = o.page
        first, last = page.evaluate("decodeURIComponent(location.hash)").split("&")[:2]
        first, last = first.removeprefix("#from="), last.removeprefix("to=")
        assert last == "2024-06-28"  # the last start day
        expected = overlapping_ids(events, first, last)
        assert _listed(page) == expected
        assert o.drawn_ids() == expected
        total_slices = len(list((big / "slices").iterdir()))
        assert 0 < len(_loaded(page)) < total_slices / 2
        # the list shows at most LIST_MAX entries, in date order
        shown = page.eval_on_selector_all(
            "#event-list li[data-event-id]", "items => items.map(li => li.dataset.eventId)"
        )
        assert len(shown) == min(30, len(expected))
        assert shown == sorted(shown)
        o.clean()


def test_moving_the_window_loads_its_slices_and_shows_its_events(browser: Any, big: Path) -> None:
    events = big_events()
    with opened(browser, (big / "index.html").as_uri()) as o:
        page = o.page
        before = set(_loaded(page))
        _go(page, "2024-01-10", "2024-01-20")
        after = set(_loaded(page))
        assert after - before  # January's slices came in
        expected = overlapping_ids(events, "2024-01-10", "2024-01-20")
        assert _listed(page) == expected
        assert o.drawn_ids() == expected
        # the last day's events are in, the next day's out, and a 60-day event from 1 Jan in
        assert {"e-00039", "e-00000"} <= expected and "e-00040" not in expected
        count = page.locator("#event-count").inner_text()
        assert f"Showing {len(expected)} of {len(events)} events" in count
        # back to a window already loaded: nothing new is asked for, and the shapes that
        # left the window are hidden
        _go(page, "2024-01-12", "2024-01-14")
        assert set(_loaded(page)) == after
        narrower = overlapping_ids(events, "2024-01-12", "2024-01-14")
        assert narrower < expected
        assert _listed(page) == narrower
        assert o.drawn_ids() == narrower
        o.clean()


def test_a_slice_that_is_not_json_counts_as_not_loaded(
    browser: Any, big: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(big, copy)
    for path in (copy / "slices").iterdir():
        number = path.stem
        path.write_text(f'GeoNewsMap.slice({number}, "{{not json");\n', encoding="utf-8")
    with opened(browser, (copy / "index.html").as_uri()) as o:
        page = o.page
        _go(page, "2024-01-10", "2024-01-20")
        assert _listed(page) == set()
        assert _loaded(page) == []
        assert "Some events could not be loaded." in page.locator("#event-count").inner_text()
        o.clean()  # no script error: the text was refused, not run


def test_a_window_too_full_shows_counts_per_cell(browser: Any, big: Path) -> None:
    with opened(browser, (big / "index.html").as_uri()) as o:
        page = o.page
        loaded = _loaded(page)
        _go(page, "2024-01-01", "2024-06-30", cells=True)
        assert page.evaluate("GeoNewsMap.view.cellCount()") > 0
        assert _listed(page) == set()
        assert o.drawn_ids() == set()
        assert _loaded(page) == loaded  # nothing loaded for it
        assert "too many to draw" in page.locator("#event-count").inner_text()
        o.clean()


def test_an_event_link_opens_its_popup_after_loading_its_slice(browser: Any, big: Path) -> None:
    url = (big / "index.html").as_uri() + "#from=2024-02-20&to=2024-02-20&event=e-00101"
    with opened(browser, url) as o:
        page = o.page
        page.wait_for_selector(".leaflet-popup .popup-title")
        assert page.locator(".leaflet-popup .popup-title").inner_text() == "Event 101"
        page.wait_for_selector(".leaflet-popup .popup-source")
        assert "Quote of event 101." in page.locator(".leaflet-popup").inner_text()
        # this event was asked for: its popup has the Embed button; others have none
        assert page.locator(".leaflet-popup .embed-button").count() == 1
        page.locator("#event-list li[data-event-id='e-00100'] button").click()
        page.wait_for_selector(".leaflet-popup [data-event-id='e-00100'] .popup-source")
        other = page.locator(".leaflet-popup:has([data-event-id='e-00100'])")
        assert other.locator(".popup-source").count() == 1
        assert other.locator(".embed-button").count() == 0
        o.clean()


def test_a_big_site_works_from_a_static_host(browser: Any, big: Path) -> None:
    events = big_events()
    with opened(browser, "http://site.test/index.html", serve=big) as o:
        _go(o.page, "2024-02-01", "2024-02-03")
        assert _listed(o.page) == overlapping_ids(events, "2024-02-01", "2024-02-03")
        o.clean()


def test_hostile_text_in_a_slice_stays_text(browser: Any, hostile_big: Path) -> None:
    with opened(browser, (hostile_big / "index.html").as_uri()) as o:
        page = o.page
        _go(page, "2024-01-05", "2024-01-06")
        item = page.locator("#event-list li[data-event-id] button").first
        assert PAYLOADS[0] in item.inner_text()
        item.click()
        page.wait_for_selector(".leaflet-popup .popup-source")
        popup = page.locator(".leaflet-popup").inner_text()
        assert PAYLOADS[0] in popup and "Quote of event" in popup
        assert page.locator(".leaflet-popup script, #event-list script, img[src=x]").count() == 0
        o.clean()  # nothing ran: no window.pwned, no dialog, no error, no request out


def test_a_window_of_many_events_counts_them_until_zoomed_in(browser: Any, big: Path) -> None:
    events = big_events()
    with opened(browser, (big / "index.html").as_uri()) as o:
        page = o.page
        _go(page, "2024-03-01", "2024-03-31")
        expected = overlapping_ids(events, "2024-03-01", "2024-03-31")
        assert len(expected) > 60  # more than the shapes drawn at once
        assert _listed(page) == expected  # the list and its count stay exact
        assert page.evaluate("GeoNewsMap.view.drawMode()") == "cells"
        assert page.evaluate("GeoNewsMap.view.cellCount()") > 0
        assert o.drawn_ids() == set()
        # zoomed in on one event: the events in view are drawn, and only events of the window
        point = events.set_index("id").loc["e-00151", "geometry"]
        page.evaluate(
            "([lat, lon]) => { GeoNewsMap.view.map.setView([lat, lon], 7); }", [point.y, point.x]
        )
        page.wait_for_function("() => GeoNewsMap.view.drawMode() === 'view'")
        drawn = o.drawn_ids()
        assert "e-00151" in drawn and drawn <= expected
        assert page.evaluate("GeoNewsMap.view.cellCount()") == 0
        o.clean()
