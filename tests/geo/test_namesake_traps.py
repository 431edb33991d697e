"""Events on a far namesake (docs/recognition-and-events.md, *Far namesakes*): the rules that
keep a place from being read as a namesake far from the story. Each rule has a sentence where
it fires and one where it must not. Sentences and outlets are invented."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.geoparse import geoparse, geoparse_batch
from geo.model import Mention
from geo.recognize import Recognizer

DAY = date(2024, 5, 6)


def _places(mentions: list[Mention], text: str) -> set[str]:
    return {m.place.country or "" for m in mentions if m.text == text}


def _ids(mentions: list[Mention], text: str) -> set[str]:
    return {m.place.id for m in mentions if m.text == text}


# -- a place matched only by an alternate name names no country ------------------------------

DUBLIN = "The Dublin City Council met Monday to fill two seats. Dublin residents may apply."


def test_a_name_read_only_by_an_alternate_name_does_not_keep_a_town_abroad() -> None:
    # "Talla 2", a room, is Tallaght only by an alternate name: no sign that the story is
    # Irish, so the outlet's Ohio home takes its Dublin
    text = DUBLIN + " A training session is set for Talla 2 at the recreation center."
    mentions = geoparse_batch([(text, DAY, "columbuslocalnews.com")])[0]
    assert _places(mentions, "Dublin") == {"US"}


def test_a_town_of_the_country_named_by_its_own_name_keeps_it_abroad() -> None:
    # counter-example: Cork is Ireland's by its own name
    text = DUBLIN + " The mayor flew home from Cork on Sunday."
    mentions = geoparse_batch([(text, DAY, "columbuslocalnews.com")])[0]
    assert _places(mentions, "Dublin") == {"IE"}


# -- a division named like a given name, before a surname, casts no vote ---------------------


def test_a_given_name_before_a_surname_votes_for_no_division(gaz: Gazetteer) -> None:
    recognizer = Recognizer.for_gazetteer(gaz)
    text = "Councillors Paul Van Meerbergen and Roger Caranci pushed to make London a hub."
    resolution = recognizer.resolve_article(text, recognizer.find(text))
    assert not resolution.votes


def test_the_division_named_like_a_given_name_still_votes_as_a_place(gaz: Gazetteer) -> None:
    # counter-example: no surname follows, the ferry reaches the division
    recognizer = Recognizer.for_gazetteer(gaz)
    text = "The ferry from Porto Novo reached Paul on Monday."
    resolution = recognizer.resolve_article(text, recognizer.find(text))
    assert {p.name for _, p in resolution.votes.values()} == {"Paul"}


# -- organisations' names are placed beside the article's placed names -----------------------


def test_an_organisations_division_follows_the_places_the_story_placed() -> None:
    text = (
        "Sewage spilled into a creek in Gainesville on Monday. Crews notified Hall County "
        "Environmental Health and the Georgia Environmental Protection Division."
    )
    georgia = [m for m in geoparse(text, DAY) if m.text == "Georgia"]
    assert [(m.place.kind, m.place.country) for m in georgia] == [("admin1", "US")]


def test_an_organisations_country_stays_beside_that_countrys_towns() -> None:
    # counter-example: the towns are the country's, so is its ministry
    text = "Protesters gathered in Gori and Kutaisi on Monday, the Georgia Interior Ministry said."
    georgia = [m for m in geoparse(text, DAY) if m.text == "Georgia"]
    assert [m.place.kind for m in georgia] == ["country"]


# -- the outlet's own town is no capital abroad ----------------------------------------------


def test_the_outlets_own_town_is_not_placed_at_a_capital_abroad() -> None:
    text = "Paris City Council approved the budget Tuesday. Paris police will get two new cars."
    mentions = geoparse_batch([(text, DAY, "theparisnews.com")])[0]
    assert "FR" not in _places(mentions, "Paris")


def test_the_capital_stays_when_the_story_names_its_country() -> None:
    # counter-example: a school trip to France
    text = "Students from the high school toured Paris and Lyon in France during spring break."
    mentions = geoparse_batch([(text, DAY, "theparisnews.com")])[0]
    assert _places(mentions, "Paris") == {"FR"}


def test_the_capital_stays_when_the_outlets_address_is_of_its_country() -> None:
    # counter-example: a Russian address
    mentions = geoparse_batch(
        [("Moscow city officials approved the budget.", DAY, "moscowtimes.ru")]
    )
    assert _places(mentions[0], "Moscow") == {"RU"}


# -- a county's shortened name ---------------------------------------------------------------


def test_a_countys_short_name_is_the_county_the_story_names() -> None:
    text = (
        "Crews repaired a water main in north DeKalb on Monday. The DeKalb County spokeswoman "
        "said a lane near Decatur, east of Atlanta, stays closed."
    )
    mentions = geoparse(text, DAY)
    county = _ids(mentions, "DeKalb County")
    assert len(county) == 1
    (north,) = [m for m in mentions if m.text == "north DeKalb"]
    assert north.place.id.endswith(next(iter(county)))


def test_a_town_inside_its_namesake_county_stays_the_town() -> None:
    # counter-example: Lexington lies in Lexington County
    mentions = geoparse("The Lexington council met. Lexington County deputies made an arrest.", DAY)
    assert {m.place.kind for m in mentions if m.text == "Lexington"} == {"city"}


def test_counties_named_only_in_a_list_do_not_re_place_the_town() -> None:
    # counter-example: "DeKalb counties" names no "DeKalb County" in the text
    text = (
        "Crews repaired a water main in north DeKalb on Monday, east of Atlanta. Officials in "
        "Gwinnett and DeKalb counties met on Tuesday."
    )
    (north,) = [m for m in geoparse(text, DAY) if m.text == "north DeKalb"]
    assert "county" not in north.place.id


def test_a_town_next_to_its_namesake_county_stays_the_town() -> None:
    # counter-example: Hamilton, Ohio lies just outside Hamilton County
    text = (
        "The Hamilton council met on Monday. Hamilton County deputies made an arrest in "
        "Cincinnati, Ohio."
    )
    mentions = geoparse(text, DAY)
    assert {m.place.kind for m in mentions if m.text == "Hamilton"} == {"city"}


# -- a photographer's credit in brackets after a caption votes for no namesake ----------------

CAPTION = (
    "A couple sit in bed in a store window in downtown London on the anniversary of the "
    "bed-in yesterday. (MORRIS LAMONT/Sun Media) A passer-by said the message still matters."
)


def test_a_bracketed_credit_after_a_caption_is_boilerplate() -> None:
    from geo.page_furniture import boilerplate

    spans = boilerplate(CAPTION)
    assert [CAPTION[s.start : s.end] for s in spans] == ["(MORRIS LAMONT/Sun Media)"]


def test_a_photographers_name_does_not_send_the_story_to_a_namesake_town() -> None:
    # the photographer's surname is a Californian town, which voted London to California;
    # the outlet's Canadian address now settles it
    mentions = geoparse_batch([(CAPTION, DAY, "lfpress.ca")])[0]
    assert _places(mentions, "London") == {"CA"}
    assert not [m for m in mentions if m.text == "LAMONT"]


def test_an_agencys_credit_in_brackets_is_boilerplate() -> None:
    from geo.page_furniture import boilerplate

    text = "Crowds gathered in the square on Monday. (AP Photo/Jane Doe) The march went on."
    assert [text[s.start : s.end] for s in boilerplate(text)] == ["(AP Photo/Jane Doe)"]


def test_places_in_brackets_are_no_credit() -> None:
    # counter-examples: the brackets follow no full stop, hold no slash, or hold names in
    # mixed case, as two places are written
    from geo.page_furniture import boilerplate

    for text in (
        "Flights between the two airports (Dallas/Fort Worth) rose this spring.",
        "Flights rose this spring. (Dallas and Fort Worth were busiest.)",
        "Flights rose this spring. (Dallas/Fort Worth) Both airports grew.",
    ):
        assert boilerplate(text) == []


# -- a bare dateline naming a country is a local paper's town of that name -------------------

SALE = (
    "Library hosts annual book sale. {dateline} About 5,000 books are stacked on tables near "
    "the entrance to the college library. {more}The proceeds will help the library buy books."
)


def _dateline_story(dateline: str, more: str = "") -> list[Mention]:
    text = SALE.format(dateline=dateline, more=more)
    return geoparse_batch([(text, DAY, "daily-herald-news.com")])[0]


def test_a_bare_dateline_naming_a_country_is_not_placed_abroad() -> None:
    # "MALTA –" opening a local paper's story that names nothing else of Malta: the paper's
    # Malta (a town of several US states), not the island country
    mentions = _dateline_story("MALTA –")
    assert not [m for m in mentions if m.place.kind == "country"]


def test_a_country_dateline_with_more_of_its_country_stays_abroad() -> None:
    # counter-examples: a demonym of the country, a qualified or a wire dateline, and a
    # city-state whose capital has the country's name
    assert _places(_dateline_story("MALTA –", "Maltese fishermen said so. "), "MALTA") == {"MT"}
    assert "MT" in _places(_dateline_story("VALLETTA, Malta –"), "Malta") | _places(
        _dateline_story("VALLETTA, Malta –"), "VALLETTA"
    )
    assert _places(_dateline_story("MALTA (AP) –"), "MALTA") == {"MT"}
    assert _places(_dateline_story("SINGAPORE –"), "SINGAPORE") == {"SG"}


# -- a bare dateline naming a country is the town of that name in the outlet's home ---------

HOME_STORIES = {
    "IL": (
        "Sycamore police arrested a man Friday at a gas station in DeKalb, Ill. He was held "
        "at the county jail in Sycamore, Ill.",
        "The Genoa, Ill., school board met Tuesday in Kirkland, Ill., to approve a budget.",
    ),
    "TX": (
        "Tyler police arrested a man Friday at a gas station in Longview, Texas. He was held "
        "at the county jail in Tyler, Texas.",
        "The Kilgore, Texas, school board met Tuesday in Marshall, Texas, to approve a budget.",
    ),
}


def _dateline_at_home(state: str) -> list[Mention]:
    outlet = "valley-chronicle-news.com"
    texts = [(SALE.format(dateline="MALTA –", more=""), DAY, outlet)]
    texts += [(story, DAY, outlet) for story in HOME_STORIES[state]]
    return geoparse_batch(texts)[0]


def test_a_bare_country_dateline_is_the_town_of_the_outlets_home() -> None:
    # the outlet's other stories are in Illinois, which holds a town Malta: the dateline is it
    malta = [m for m in _dateline_at_home("IL") if m.text == "MALTA"]
    assert [m.place.country for m in malta] == ["US"]
    assert malta[0].place.kind != "country"


def test_a_bare_country_dateline_with_no_town_of_its_name_at_home_stays_unplaced() -> None:
    # a Texas outlet: no Malta in Texas, so neither the island nor another state's town
    assert not [m for m in _dateline_at_home("TX") if m.text == "MALTA"]
