"""Context in resolution: the divisions an article names anywhere weigh on every name.

Each rule has a sentence where it must fire and one where it must not (invented text)."""

from __future__ import annotations

import pytest

from gazetteer import Context, Gazetteer
from geo.home_votes import evidence_divisions
from geo.recognize import recognize
from tests.geo.resolved import place_of, state_of


def _us_state(gaz: Gazetteer, name: str):
    return next(
        c.place
        for c in gaz.candidates(name)
        if c.place.kind == "admin1" and c.place.country == "US"
    )


# -- the scoring term: Context.divisions ------------------------------------------------------


def test_a_division_named_elsewhere_picks_the_namesake_inside_it(gaz):
    georgia = _us_state(gaz, "Georgia")
    assert state_of(gaz.resolve("Decatur"), gaz) != "Georgia"
    best = gaz.candidates("Decatur", context=Context(divisions=(georgia,)))[0]
    assert state_of(best.place, gaz) == "Georgia"
    assert any("which the text names" in r for r in best.reasons)


def test_a_division_named_elsewhere_is_weaker_than_a_qualifier(gaz):
    # a state named somewhere in the text does not by itself outweigh a capital of two
    # million people: "Paris" with only Texas as context stays in France
    texas = _us_state(gaz, "Texas")
    assert gaz.resolve("Paris", context=Context(divisions=(texas,))).country == "FR"
    assert gaz.resolve("Paris", context=Context(qualifier="Texas")).country == "US"


# -- the recognizer: which divisions an article names, and the anchors they reopen -------------


def test_a_story_naming_texas_reads_paris_as_the_texas_town(gaz):
    text = (
        "Voters in Texas go to the polls on Saturday. In Paris, the city council race drew "
        "five candidates."
    )
    assert state_of(place_of(text, "Paris", gaz), gaz) == "Texas"


def test_a_story_naming_only_france_keeps_paris_in_france(gaz):
    text = "Tourists crowded Paris on Sunday as France celebrated, and Lyon held a parade."
    assert place_of(text, "Paris", gaz).country == "FR"


def test_a_texas_story_that_names_france_keeps_paris_in_france(gaz):
    # Houston has no namesake, so the story is in Texas; France is named too
    text = "The Houston choir flew to France on Monday and will sing in Paris on Friday."
    assert place_of(text, "Paris", gaz).country == "FR"


def test_a_county_with_no_namesake_places_the_story_in_its_state(gaz):
    text = (
        "Flooding closed roads in Freestone County on Monday. In Palestine, crews cleared "
        "debris from the highway."
    )
    assert state_of(place_of(text, "Palestine", gaz), gaz) == "Texas"


def test_a_middle_east_story_keeps_the_country_of_palestine(gaz):
    text = (
        "Israeli troops entered Nablus on Monday, and Palestine's foreign ministry condemned "
        "the raid."
    )
    assert place_of(text, "Palestine", gaz).kind == "country"


def test_a_town_named_like_a_country_goes_to_the_state_the_story_names(gaz):
    text = "Crews in Ohio repaired the bridge on Monday. Traffic in Lebanon was slow."
    assert state_of(place_of(text, "Lebanon", gaz), gaz) == "Ohio"


def test_a_country_with_its_capital_named_stays_the_country_in_a_state_story(gaz):
    text = (
        "Protesters marched in Beirut on Monday, and Lebanon's cabinet met, Ohio's governor "
        "said in a statement."
    )
    assert place_of(text, "Lebanon", gaz).kind == "country"


def test_a_dateline_abbreviation_places_the_later_bare_name(gaz):
    text = "HELENA, Mont. (AP) - Lawmakers met Monday. Helena police said the capitol was closed."
    assert state_of(place_of(text, "Helena", gaz), gaz) == "Montana"


def test_a_famous_namesake_votes_not_for_itself(gaz):
    # "Paris" alone (its namesakes elsewhere) is no evidence that the story is in France's
    # Ile-de-France, nor is a county with namesakes everywhere that holds no Paris. (With
    # Henry County, which holds a Paris in one state only, the pair places both there: see
    # tests/geo/test_county_pairs.py.)
    text = "Residents of Paris and Adams County will receive a letter from the rescue squad."
    assert place_of(text, "Paris", gaz).country == "FR"


def test_a_small_town_in_the_named_state_wins_over_a_foreign_city(gaz):
    text = "Crews in Ohio repaired the bridge on Monday. Traffic in Cambridge was slow."
    place = place_of(text, "Cambridge", gaz)
    assert place.kind == "town" and state_of(place, gaz) == "Ohio"


def test_a_small_town_is_never_a_candidate_without_a_named_state(gaz):
    text = "Scientists in Cambridge said on Monday that the telescope was ready."
    assert place_of(text, "Cambridge", gaz).country == "GB"


def test_a_name_that_means_a_state_stays_the_state_in_another_states_story(gaz):
    text = "Crews in Ohio repaired the bridge on Monday, and Oregon sent workers."
    assert place_of(text, "Oregon", gaz).kind == "admin1"


def test_a_national_capital_is_no_evidence_of_the_state_around_it(gaz):
    # Washington, D.C. lies inside Virginia's generalised outline, but names no state
    text = "Officials in Washington, D.C., said on Monday that Lexington would get the money."
    assert state_of(place_of(text, "Lexington", gaz), gaz) == "Kentucky"


def test_a_state_whose_name_means_a_city_first_still_qualifies(gaz):
    text = "She moved to Albany, New York, last year to join the hospital."
    hits = [r for r in recognize(text, gazetteer=gaz) if r.toponym.name == "Albany"]
    assert hits and state_of(hits[0].place, gaz) == "New York"
    assert hits[0].toponym.qualifier == "New York"


def test_a_subject_after_a_comma_is_no_qualifier(gaz):
    text = "In Baghdad, Washington's envoy met the prime minister on Monday."
    assert place_of(text, "Baghdad", gaz).country == "IQ"


def test_a_story_spanning_many_states_gives_no_evidence(gaz):
    states = {n: _us_state(gaz, n) for n in ("Kentucky", "Iowa", "Ohio", "Texas")}
    even = {p.id: (2.0, p) for p in states.values()}
    assert evidence_divisions(even, ()) == ()
    leading = {**even, states["Texas"].id: (5.0, states["Texas"])}
    assert evidence_divisions(leading, ()) == (states["Texas"],)
    two = {p.id: (1.0, p) for n, p in states.items() if n in ("Kentucky", "Iowa")}
    assert set(evidence_divisions(two, ())) == {states["Kentucky"], states["Iowa"]}
    # a division a name may mean counts once, with one vote
    assert evidence_divisions({}, (states["Ohio"],)) == (states["Ohio"],)


# -- a name listed with a first-level division ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "division"),
    [
        ("Wildfires burned across Oregon and Washington on Monday.", "Washington", "Washington"),
        ("Jobs left states such as California or Washington.", "Washington", "Washington"),
        ("The herd roamed the borders of Montana and Wyoming.", "Wyoming", "Wyoming"),
    ],
)
def test_a_name_listed_with_a_division_is_the_division(gaz, text, name, division):
    place = place_of(text, name, gaz)
    assert place.kind == "admin1" and place.name == division


@pytest.mark.parametrize(
    "text",
    [
        "The senator flew from Texas to Washington on Tuesday.",  # no list
        "Lawmakers in Maryland, Virginia and Washington agreed.",  # the capital's neighbours
    ],
)
def test_a_name_not_listed_with_a_far_division_keeps_its_city(gaz, text):
    """Counter-examples: no list joins the names, or the city lies next to the division."""
    assert place_of(text, "Washington", gaz).kind == "capital"


# -- a qualifier named like a country and a division ------------------------------------------


def test_a_town_qualified_by_a_division_named_like_a_country_lies_in_the_division(gaz):
    from geo.geoparse import geoparse

    mentions = geoparse("Officials in Athens, Georgia, said on Monday that a man was held.")
    town = next(m for m in mentions if m.text.startswith("Athens"))
    qualifier = next(m for m in mentions if m.role == "qualifier")
    assert town.place.kind == "city" and state_of(town.place, gaz) == "Georgia"
    assert qualifier.place.kind == "admin1" and qualifier.place.country == "US"


def test_a_town_of_the_country_keeps_the_country_as_its_qualifier(gaz):
    # counter-example: Batumi lies in Georgia the country, not in the US state
    from geo.geoparse import geoparse

    mentions = geoparse("Officials in Batumi, Georgia, said on Monday that a man was held.")
    qualifier = next(m for m in mentions if m.role == "qualifier")
    assert qualifier.place.kind == "country" and qualifier.place.country == "GE"
