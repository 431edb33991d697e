"""The first-level division an outlet's host name names (geo/outlet_division.py): the home of
a state's news site when its other articles teach none. Outlets and sentences are invented."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.geoparse import geoparse_batch
from geo.outlet_division import host_division
from tests.geo.resolved import state_of

SHOOTING = "SPRINGFIELD - A man was shot twice in Springfield early Tuesday, police said."


def _name(gaz: Gazetteer, division_id: str | None) -> str | None:
    return None if division_id is None else gaz.get(division_id).name


def test_a_host_opening_with_a_division_names_it(gaz: Gazetteer) -> None:
    assert _name(gaz, host_division(gaz, "masslive.com")) == "Massachusetts"  # "Mass."
    assert _name(gaz, host_division(gaz, "www.oregonlive.com")) == "Oregon"
    assert _name(gaz, host_division(gaz, "ohio.com")) == "Ohio"
    assert _name(gaz, host_division(gaz, "newhampshirenews.com")) == "New Hampshire"
    assert _name(gaz, host_division(gaz, "ontariotimes.ca")) == "Ontario"


def test_a_host_naming_no_division_names_none(gaz: Gazetteer) -> None:
    # counter-examples: postal codes are also cities' initials ("LA" is Los Angeles), a name
    # that means a country or a capital first, a division of another country than the
    # address's, and a division's name followed by no masthead word
    assert host_division(gaz, "latimes.com") is None
    assert host_division(gaz, "nytimes.com") is None
    assert host_division(gaz, "georgiatoday.ge") is None
    assert host_division(gaz, "washingtonpost.com") is None
    assert host_division(gaz, "ontariotimes.com.au") is None
    assert host_division(gaz, "ohiofarms.com") is None
    assert host_division(gaz, None) is None


def test_a_state_sites_story_takes_the_states_namesake(gaz: Gazetteer) -> None:
    mentions = geoparse_batch([(SHOOTING, None, "masslive.com")])[0]
    assert {state_of(m.place, gaz) for m in mentions} == {"Massachusetts"}


def test_another_sites_story_keeps_the_best_namesake(gaz: Gazetteer) -> None:
    # counter-example: a host naming no division leaves the Springfield the ranking picks
    for outlet in ("example-ledger.com", "latimes.com"):
        mentions = geoparse_batch([(SHOOTING, None, outlet)])[0]
        assert "Massachusetts" not in {state_of(m.place, gaz) for m in mentions}
