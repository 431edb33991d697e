"""The outlet's country (geo/outlet_country.py): read from its web address, it tells which
namesake a town of the story is, and nothing else does it for a generic address."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article
from geo.outlet_country import outlet_country


@pytest.mark.parametrize(
    ("outlet", "url", "country"),
    [
        ("www.irishtimes.ie", None, "IE"),
        ("bbc.co.uk", None, "GB"),  # .uk is Great Britain's ISO code
        ("www.cbc.ca/", None, "CA"),
        ("The Times", "https://www.thetimes.co.uk/article/x", "GB"),  # a name: the URL's host
        ("concordmonitor.com", "https://www.concordmonitor.com/a", None),  # generic domain
        ("news.tv", None, None),  # a country code sold for generic use
        ("startup.io", None, None),
        ("The Guardian", None, None),
        ("", "", None),
        (None, "ht!tp://[bad", None),  # untrusted text: never raises
        ("<script>.ie", None, None),
    ],
)
def test_the_outlet_country_is_read_from_its_address(
    outlet: str | None, url: str | None, country: str | None
) -> None:
    assert outlet_country(outlet, url) == country


#: A lead that names its town only as the home of the man in it, with no state or country.
STORY = (
    "Man charged after break-in\n\n"
    "A Perth man was arrested on Saturday after a break-in at a garden centre. "
    "He will appear in court next week."
)


@pytest.mark.parametrize(
    ("outlet", "places"),
    [
        # an Australian paper's Perth is the Perth the resolver reads
        ("www.perthnow.com.au", ["Perth"]),
        # counter-examples: a generic address, a generic-use country code, no outlet, and a
        # paper of another country than the resolved town's: no word of which Perth
        ("example.com", []),
        ("news.tv", []),
        (None, []),
        ("www.thecourier.co.uk", []),
    ],
)
def test_the_outlet_country_anchors_the_lead_town(
    gaz: Gazetteer, outlet: str | None, places: list[str]
) -> None:
    article = Article(id="a", text=STORY, published=date(2024, 5, 14), outlet=outlet)
    events = extract([article], gazetteer=gaz).events
    assert [e.place_name for e in events.itertuples()] == places
    if places:
        (event,) = events.itertuples()
        assert event.geometry.y < 0  # the southern hemisphere's Perth
