"""An article at home in one state resolves ambiguous town and county names there."""

from __future__ import annotations

from tests.geo.resolved import place_of, state_of


def test_a_town_resolves_in_the_article_home_state(gaz):
    text = (
        "ATLANTA, Ga. (AP) - Fulton County commissioners met Tuesday in Atlanta. "
        "Mourners gathered in Decatur for the funeral of the former mayor."
    )
    assert state_of(place_of(text, "Decatur", gaz), gaz) == "Georgia"


def test_a_qualified_name_keeps_its_qualifier(gaz):
    text = (
        "ATLANTA, Ga. (AP) - Fulton County commissioners met Tuesday in Atlanta. "
        "The suspect was arrested later in Decatur, Ill., police said."
    )
    assert state_of(place_of(text, "Decatur", gaz), gaz) == "Illinois"


def test_a_foreign_capital_in_a_foreign_story_stays_foreign(gaz):
    text = (
        "HARTFORD, Conn. (AP) - A Hartford company said Monday it will open an office "
        "in Berlin next year, its first in Germany, after talks with officials in Munich."
    )
    assert place_of(text, "Berlin", gaz).country == "DE"


def test_a_state_in_an_organisation_name_is_evidence_for_the_story(gaz):
    # a state's own agencies report on its towns: the organisation mentions vote for Indiana
    # (on LGL this reading fixes 18 namesakes and breaks 1; docs/gazetteer.md)
    text = (
        "The Indiana Department of Workforce Development and Indiana University "
        "economists said on Friday that jobless claims rose in Columbus last month."
    )
    assert state_of(place_of(text, "Columbus", gaz), gaz) == "Indiana"


def test_an_organisation_state_does_not_outweigh_a_dateline(gaz):
    # counter-example: the dateline places the story in Ohio
    text = (
        "COLUMBUS, Ohio (AP) - The Indiana Department of Workforce Development said on "
        "Friday that jobless claims rose in Columbus last month."
    )
    assert state_of(place_of(text, "Columbus", gaz), gaz) == "Ohio"
