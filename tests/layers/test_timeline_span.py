"""A history told in passing must not squeeze the timeline: a few events far before (or
after) the rest are gathered into one bar at its end, the header says how many, and the
sliders and the brush still reach them (unit tests of :func:`layers.pagedata.timeline_span`,
and the site in real Chromium with the network cut)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from layers import build_site
from layers.pagedata import timeline_span
from tests.browsing import opened
from tests.layers.site_builders import _event, _source, world_articles, world_events


def _day(iso: str) -> int:
    return (date.fromisoformat(iso) - date(1970, 1, 1)).days


def _days(*isos: str) -> list[int]:
    return [_day(d) for d in isos]


RECENT = ("2024-06-01", "2024-08-01", "2024-09-15", "2024-11-02", "2024-11-04", "2024-12-01")


def test_one_event_decades_before_the_rest_is_left_out_of_the_timelines_days() -> None:
    starts = _days("1932-01-01", *RECENT)
    span = timeline_span(starts, starts)
    assert span == {"days": _days("2024-06-01", "2024-12-01"), "earlier": 1, "later": 0}


def test_a_distant_plan_is_left_out_at_the_other_end() -> None:
    starts = _days(*RECENT, "2024-12-05")
    ends = _days(*RECENT, "2034-12-31")
    span = timeline_span(starts, ends)
    assert span == {"days": _days("2024-06-01", "2024-12-01"), "earlier": 0, "later": 1}


def test_events_spread_evenly_over_years_keep_the_whole_timeline() -> None:
    # counter-example: no gap longer than the rest's span, nothing to leave out
    starts = _days("2016-03-01", "2018-07-01", "2020-01-10", "2022-05-05", "2024-09-09")
    assert timeline_span(starts, starts) is None


def test_two_groups_of_equal_size_keep_the_whole_timeline() -> None:
    # counter-example: the earlier group is no minority (over a quarter of the events)
    starts = _days(*[f"2010-0{m}-01" for m in range(1, 10)]) + _days(*RECENT * 2)
    assert timeline_span(starts, starts) is None


def test_a_gap_of_weeks_never_cuts_the_timeline() -> None:
    # counter-example: a month before a one-day story is drawn whole at a day's resolution
    starts = _days("2024-10-01", "2024-11-04", "2024-11-04", "2024-11-04")
    assert timeline_span(starts, starts) is None


# ---- the site in a browser


def _old_and_new() -> gpd.GeoDataFrame:
    old = _event(
        id="famine-1932",
        title="Famine in the Volga region",
        category="disaster",
        place_name="Saratov",
        start="1932-01-01",
        end="1932-12-31",
        date_precision="year",
        sources=[_source("history-1", "Archive Desk", None, "The famine of 1932 was recalled.")],
        geometry=Point(46.03, 51.53),
    )
    world = world_events()
    frame = gpd.GeoDataFrame([old], geometry="geometry", crs="EPSG:4326")
    return gpd.GeoDataFrame(pd.concat([world, frame], ignore_index=True), crs="EPSG:4326")


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("timeline-span") / "site"
    build_site(_old_and_new(), out, articles=world_articles(), title="World desk")
    return out


def _bars(page: Any) -> list[tuple[str, int, str]]:
    return page.eval_on_selector_all(
        ".timeline-bar",
        "bars => bars.map(b => [b.getAttribute('class'), +b.getAttribute('data-count'),"
        " b.textContent])",
    )


@pytest.mark.browser
def test_the_timeline_draws_the_recent_events_and_gathers_the_history_in_one_bar(
    browser: Any, history_site: Path
) -> None:
    events = _old_and_new()
    with opened(browser, (history_site / "index.html").as_uri()) as o:
        page = o.page
        summary = page.locator(".site-summary").inner_text()
        assert "(1 earlier, from 1932)" in summary and "2024" in summary
        svg = page.locator(".timeline-svg")
        assert svg.get_attribute("data-unit") == "week"  # not a month per bar over 92 years
        bars = _bars(page)
        assert sum(count for _, count, _ in bars) == len(events)
        edge = [b for b in bars if "timeline-edge" in b[0]]
        assert len(edge) == 1 and bars[0] == edge[0]
        assert edge[0][1] == 1 and edge[0][2].startswith("before ")
        # the sliders step through the recent days, their first step reaches 1932
        page.locator("#range-from").fill("1")
        page.wait_for_function("() => location.hash.includes('from=2024-')")
        assert page.input_value("#date-from") == "2024-06-01"
        assert "famine-1932" not in o.visible_ids()
        page.locator("#range-from").fill("0")
        page.wait_for_function("() => location.hash.includes('from=1932-01-01')")
        assert "famine-1932" in o.visible_ids()
        # brushing the edge bar alone picks the history's days
        box = svg.bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + 1, y)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_function("() => location.hash.includes('to=2024-05-')")
        assert page.input_value("#date-from") == "1932-01-01"
        assert o.visible_ids() == {"famine-1932"}
        o.clean()


@pytest.mark.browser
def test_a_timeline_without_outliers_has_no_edge_bar(browser: Any, tmp_path: Path) -> None:
    # counter-example: six months of events are drawn whole
    out = tmp_path / "site"
    build_site(world_events(), out, articles=world_articles(), title="World desk")
    with opened(browser, (out / "index.html").as_uri()) as o:
        page = o.page
        assert page.eval_on_selector_all(".timeline-edge", "bars => bars.length") == 0
        assert "earlier" not in page.locator(".site-summary").inner_text()
        o.clean()
