"""A local story that names no town placed at its outlet's own town (geo/outlet_local.py,
geo/outlet_towns.py ``settled_town``, geo/lead_event.py). Sentences and outlets are invented."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer, Place
from geo import Article, extract
from geo.events import detect_events
from geo.geoparse import analyze
from geo.lead_event import LEAD_ROLE
from geo.outlet_towns import settled_town
from tests.geo.helpers import PUBLISHED

OUTLET = "norfolkdailynews.com"
#: A local story told with a council's vote and no town named.
VOTE = (
    "Council backs new fire hall\n\n"
    "The City Council voted Monday to build a new fire hall beside the district's central "
    "office, after months of debate over its cost."
)
DAY = date(2024, 5, 6)
#: Stories of the outlet's state that teach the batch its home division.
HOME_STORIES = [
    "LINCOLN, Neb. - The Nebraska Legislature passed a property tax bill on Monday.",
    "The Nebraska Department of Roads will close a highway bridge near Kearney, Nebraska.",
    "Grand Island, Nebraska, police arrested two men after a robbery on Saturday.",
]


def _division(gaz: Gazetteer, name: str) -> Place:
    return next(c.place for c in gaz.candidates(name) if c.place.kind == "admin1")


def _in(place: Place, division: Place) -> bool:
    return bool(division.geometry.intersects(place.geometry.representative_point()))


def lead_at(text: str, gaz: Gazetteer, own: Place | None) -> list[tuple[str, str]]:
    """(place, start day) of each lead report of ``text`` with the outlet's settled town."""
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    reports = detect_events(text, a.recognized, a.timeline, article="t", own_town=own)
    return [(r.place.id, r.dates.start.isoformat()) for r in reports if r.role == LEAD_ROLE]


def test_the_home_division_settles_the_outlets_town(gaz: Gazetteer) -> None:
    nebraska = _division(gaz, "Nebraska")
    town = settled_town(gaz, OUTLET, nebraska)
    assert town is not None and town.name == "Norfolk" and _in(town, nebraska)


@pytest.mark.parametrize(
    ("outlet", "home"),
    [
        # counter-example: a home division that holds no town of the outlet's name
        (OUTLET, "Montana"),
        # counter-example: an outlet whose name names no town
        ("example-ledger.com", "Nebraska"),
    ],
    ids=["no-namesake-at-home", "no-town-in-name"],
)
def test_no_settled_town(gaz: Gazetteer, outlet: str, home: str) -> None:
    assert settled_town(gaz, outlet, _division(gaz, home)) is None
    assert settled_town(gaz, OUTLET, None) is None


def test_a_local_lead_that_names_no_town_is_the_outlets_towns(gaz: Gazetteer) -> None:
    own = settled_town(gaz, OUTLET, _division(gaz, "Nebraska"))
    assert own is not None
    assert lead_at(VOTE, gaz, own) == [(own.id, "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        # counter-example: a wire story, its dateline another town
        VOTE.replace("The City Council", "OMAHA, Neb. - The City Council"),
        # counter-example: the text names another town for the story
        VOTE + " The hall will serve farms around Madison and Battle Creek.",
        # counter-example: a place outside the town's county and state
        VOTE + " The design copies a hall built in Colorado.",
        # counter-example: a lead with no word of a happening's kind (a feature, often)
        "Spring is here\n\nHundreds of residents filled the downtown streets on Saturday.",
    ],
    ids=["dateline", "another-town", "elsewhere", "plain"],
)
def test_leads_the_outlets_town_does_not_place(gaz: Gazetteer, text: str) -> None:
    own = settled_town(gaz, OUTLET, _division(gaz, "Nebraska"))
    assert own is not None
    assert all(place != own.id for place, _ in lead_at(text, gaz, own))


def test_no_own_town_leaves_the_local_lead_unplaced(gaz: Gazetteer) -> None:
    # counter-example: without a settled town the lead rule finds no place
    assert lead_at(VOTE, gaz, None) == []


def _batch(outlet: str) -> list[Article]:
    texts = [*HOME_STORIES, VOTE]
    return [Article(id=f"a{n}", text=t, published=DAY, outlet=outlet) for n, t in enumerate(texts)]


def test_extract_places_the_local_story_by_the_batchs_home(gaz: Gazetteer) -> None:
    events = extract(_batch(OUTLET), gazetteer=gaz).event_list
    local = [e for e in events if any(r.article == "a3" for r in e.reports)]
    nebraska = _division(gaz, "Nebraska")
    assert len(local) == 1 and local[0].place.name == "Norfolk" and _in(local[0].place, nebraska)


def test_extract_leaves_a_paper_of_no_town_unplaced(gaz: Gazetteer) -> None:
    # counter-example: the same stories in a paper whose name names no town
    events = extract(_batch("example-ledger.com"), gazetteer=gaz).event_list
    assert not [e for e in events if any(r.article == "a3" for r in e.reports)]
