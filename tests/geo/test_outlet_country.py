"""The outlet's country (geo/outlet_country.py): read from its web address, it tells which
namesake a town of the story is, and nothing else does it for a generic address."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.geoparse import geoparse_batch
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
    ("outlet", "latitude", "country"),
    [
        # the paper's country is the story's home: its Perth, and the lead placed there
        ("www.perthnow.com.au", -32.0, "AU"),
        ("www.thecourier.co.uk", 56.4, "GB"),
        ("www.cbc.ca", 44.9, "CA"),
        # counter-examples: a generic address, a generic-use country code, no outlet, and a
        # paper of a country with no Perth: no word of which Perth, no event, and the
        # resolver's Perth stays the most prominent one
        ("example.com", None, "AU"),
        ("news.tv", None, "AU"),
        (None, None, "AU"),
        ("www.irishtimes.ie", None, "AU"),
    ],
)
def test_the_outlet_country_says_which_namesake(
    gaz: Gazetteer, outlet: str | None, latitude: float | None, country: str
) -> None:
    article = Article(id="a", text=STORY, published=date(2024, 5, 14), outlet=outlet)
    events = extract([article], gazetteer=gaz).events
    if latitude is None:
        assert len(events) == 0
    else:
        (event,) = events.itertuples()
        assert event.place_name == "Perth"
        assert event.geometry.y == pytest.approx(latitude, abs=0.5)
    # the geoparser of a batch reads the same Perth as the pipeline
    (mentions,) = geoparse_batch([(STORY, date(2024, 5, 14), outlet)], gazetteer=gaz)
    (perth,) = [m for m in mentions if m.text == "Perth"]
    assert perth.place is not None and perth.place.country == country
