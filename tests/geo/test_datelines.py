"""Wire datelines: found by their form (geo.datelines) and their place always recognised
(geo.recognize.Recognizer.find), with counter-examples where the form is not a dateline."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.datelines import find_datelines
from geo.recognize import recognize


def names(text: str) -> list[tuple[str, str | None, bool]]:
    """(name, qualifier, outlet) of each dateline of ``text``."""
    return [(text[d.name_start : d.name_end], d.qualifier, d.outlet) for d in find_datelines(text)]


def places(text: str, gaz: Gazetteer) -> list[tuple[str, str, str | None, float]]:
    """(phrase, place name, country, latitude) of each resolved mention, in text order."""
    return [
        (text[r.start : r.end], r.place.name, r.place.country, round(r.place.geometry.centroid.y))
        for r in recognize(text, gazetteer=gaz)
    ]


# -- the form --------------------------------------------------------------------------------


def test_dateline_after_a_one_line_headline() -> None:
    text = "Two teenagers found unharmed. HURRICANE, W.Va. - Deputies found two teenagers."
    assert names(text) == [("HURRICANE", "W.Va.", False)]


def test_dateline_with_an_outlet_and_no_dash() -> None:
    text = "MAINEVILLE, Ohio (AP)  Some rural townships are imposing fees on new homes."
    assert names(text) == [("MAINEVILLE", "Ohio", True)]


def test_dateline_on_the_line_after_the_headline() -> None:
    text = "Board approves the budget\n\nFALLS VILLAGE—The regional board moved quickly."
    assert names(text) == [("FALLS VILLAGE", None, False)]


def test_a_shouted_headline_word_with_a_colon_is_no_dateline() -> None:
    # counter-example: "BREAKING NEWS:" opens a headline, no place
    assert names("BREAKING NEWS: Interstate lanes reopen after a crash near the river.") == []


def test_capitals_and_a_qualifier_without_a_dash_are_a_sentence() -> None:
    # counter-example: "PARIS, Texas is …" has no dash or outlet after it
    assert names("PARIS, Texas is a small city in the northeast of the state.") == []


def test_a_dateline_deep_in_the_text_is_not_read() -> None:
    # counter-example: only the first lines open a story
    text = "A storm hit.\nRoads closed.\nSchools shut.\nMore rain came.\nFAIRFIELD, Conn. -- x"
    assert names(text) == []


# -- the place -------------------------------------------------------------------------------


def test_stop_listed_town_in_a_dateline_with_its_state(gaz: Gazetteer) -> None:
    text = "Two teenagers found unharmed. HURRICANE, W.Va. - Deputies found two teenagers."
    assert places(text, gaz)[0][1:] == ("Hurricane", "US", 38)


def test_stop_listed_word_outside_a_dateline_stays_no_place(gaz: Gazetteer) -> None:
    # counter-example: the same word in a sentence is the storm
    assert places("Hurricane Katrina hit the coast in 2005 and flooded streets.", gaz) == []


def test_stop_listed_town_in_a_bare_dateline_is_no_place(gaz: Gazetteer) -> None:
    # counter-example: without a state or an outlet, "HURRICANE —" may be a shouted word
    assert places("HURRICANE — A storm is on its way to the coast this week.", gaz) == []


def test_common_word_town_with_an_abbreviated_state(gaz: Gazetteer) -> None:
    text = "Woman handcuffs self to husband. FAIRFIELD, Conn. -- Police say a woman tried."
    assert places(text, gaz)[0][1:] == ("Fairfield", "US", 41)


def test_small_town_pinned_by_the_state_before_an_outlet(gaz: Gazetteer) -> None:
    text = "MAINEVILLE, Ohio (AP)  Some rural townships are imposing fees on new homes."
    assert places(text, gaz)[0][1:3] == ("Maineville", "US")


def test_bare_dateline_of_a_name_the_person_filter_refuses(gaz: Gazetteer) -> None:
    text = "HAMILTON — Two women were found dead in a house on Main Street this week."
    assert places(text, gaz)[0][:2] == ("HAMILTON", "Hamilton")


def test_a_shouted_word_before_a_dash_is_no_place(gaz: Gazetteer) -> None:
    # counter-example: a bare "WORD —" that names no place of the main index
    assert places("UPDATE — Police said the road was closed for two hours.", gaz) == []


def test_no_place_inside_a_dateline_town(gaz: Gazetteer) -> None:
    # "NEW MIAMI" is a village; its "MIAMI" is not Florida's city
    text = "NEW MIAMI — After a year of order, the village council met again on Monday."
    assert all(p[1] != "Miami" for p in places(text, gaz))


def test_bare_small_town_dateline_placed_by_the_state_named_below(gaz: Gazetteer) -> None:
    text = (
        "NEW MIAMI — After a year of order, the village council met again on Monday. "
        "It is the smallest council in Butler County, Ohio."
    )
    assert places(text, gaz)[0][:2] == ("NEW MIAMI", "New Miami")


def _resolved(text: str, gaz: Gazetteer, prior_name: str | None) -> list[tuple[str, str]]:
    """(name, place kind) of each place of ``text`` with the outlet's home ``prior_name``."""
    from geo.recognize import Recognizer

    recognizer = Recognizer.for_gazetteer(gaz)
    prior = None
    if prior_name is not None:
        prior = next(
            c.place for c in gaz.candidates(prior_name) if c.place.kind in ("admin1", "country")
        )
    found = recognizer.resolve_article(text, recognizer.find(text), prior=prior).recognized
    return [(r.place.name, r.place.kind) for r in found]


_BARE_TOWN = (
    "Candidate plans to run again. CROMWELL — The third Democrat to enter the race for "
    "first selectman has announced his intention to run."
)


def test_bare_small_town_dateline_in_the_outlets_home_division(gaz: Gazetteer) -> None:
    assert _resolved(_BARE_TOWN, gaz, "Connecticut") == [("Cromwell", "town")]


def test_bare_small_town_dateline_with_no_home_is_no_place(gaz: Gazetteer) -> None:
    # counter-example: no state anywhere, no outlet's home: which Cromwell is unknown
    assert _resolved(_BARE_TOWN, gaz, None) == []


def test_bare_small_town_dateline_with_a_country_home_is_no_place(gaz: Gazetteer) -> None:
    # counter-example: a home country is too wide to pick among a town's namesakes
    assert _resolved(_BARE_TOWN, gaz, "United States") == []
