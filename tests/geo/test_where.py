"""The where-pass (geo/where.py): how a place phrase is tied to a trigger. The sentences are
written here in the style of wire news; none is taken from the dev corpus."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.geoparse import analyze
from geo.where import possessed_place
from tests.geo.helpers import reports_of

PUBLISHED = date(2024, 3, 11)


def places(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(place name, event type) of each event report of ``text``."""
    return [(r.place.name, r.type.name) for r in reports_of(text, gaz, PUBLISHED)]


# -- a place that owns a place noun is the location --------------------------------------------


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        ("shelling in Donetsk's Kyivskyi district on", "Donetsk's Kyivskyi district"),
        ("flooding in Jakarta's northern suburbs on", "Jakarta's northern suburbs"),
        ("on Paris' busy Rivoli street", "Paris' busy Rivoli street"),
        ("fighting in Sudan's west", "Sudan's west"),
    ],
)
def test_possessed_place_spans_the_owned_phrase(text: str, owned: str) -> None:
    start = text.index(owned)
    end = start + owned.index("'") if "'" in owned else start
    assert possessed_place(text, end) == start + len(owned)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's ambassador to Chile",
        "China's coast guard said",
        "Moscow's city council voted",
        "Russia's war in the east",  # "in" ends the phrase before "east"
        "Turkey's state-run news agency",
        "France's state of emergency",
    ],
)
def test_possessor_of_no_place(text: str) -> None:
    assert possessed_place(text, text.index("'")) is None


def test_possessor_of_a_district_is_where(gaz: Gazetteer) -> None:
    text = "A car bomb exploded in Baghdad's Karrada district on Sunday, police said."
    assert ("Baghdad", "attack") in places(text, gaz)


def test_possessor_of_mountains_takes_the_verb_object(gaz: Gazetteer) -> None:
    text = "A magnitude 5.8 earthquake struck Peru's southern highlands on Saturday."
    assert places(text, gaz) == [("Peru", "earthquake")]


def test_name_inside_the_owned_phrase_is_the_place(gaz: Gazetteer) -> None:
    # the range lies in the country that owns it: the finer place
    text = "Heavy snow storms hit Morocco's Rif mountains on Saturday."
    found = places(text, gaz)
    assert len(found) == 1 and found[0][1] == "storm"


def test_apposition_after_the_owned_phrase(gaz: Gazetteer) -> None:
    text = "Thousands of protesters rallied in Kenya's capital, Nairobi, on Saturday."
    assert places(text, gaz) == [("Nairobi", "protest")]


def test_possessor_that_is_an_actor_is_not_where(gaz: Gazetteer) -> None:
    text = "Russia's ambassador was attacked on Saturday, officials said."
    assert places(text, gaz) == []
    text = "China's coast guard held drills on Saturday."
    assert places(text, gaz) == []


# -- a police force or a court places a crime --------------------------------------------------


def test_police_force_places_a_crime(gaz: Gazetteer) -> None:
    # no crime types in the lexicon: the rule is checked on the role itself
    from geo.lexicon import load_lexicon
    from geo.trigger_places import role_fits
    from geo.where import place_role

    text = "The suspect was detained by Toronto police on Monday night."
    an = analyze(text, PUBLISHED, gazetteer=gaz)
    (m,) = an.recognized
    assert place_role(text, 0, m) == "force"
    lex = load_lexicon()
    crime = [t for t in lex.types.values() if t.category == "crime"]
    other = next(t for t in lex.types.values() if t.category == "protest")

    class _T:
        def __init__(self, type_):
            self.type, self.start, self.end = type_, 0, 3

    if crime:
        assert role_fits(text, _T(crime[0]), m, "force", lex)
    assert not role_fits(text, _T(other), m, "force", lex)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters rallied at Toronto police headquarters on Monday.",  # "at": a location
        "Toronto Mayor John Tory met protesters on Monday.",
    ],
)
def test_not_a_force(text: str, gaz: Gazetteer) -> None:
    from geo.where import place_role

    an = analyze(text, PUBLISHED, gazetteer=gaz)
    assert all(place_role(text, 0, m) != "force" for m in an.recognized)


def test_police_place_no_other_happening(gaz: Gazetteer) -> None:
    text = "Protesters marched through the city on Monday, Toronto police said."
    assert places(text, gaz) == []
    text = "Protesters rallied at Toronto police headquarters on Monday."
    assert places(text, gaz) == [("Toronto", "protest")]


def _events_of(text: str, published: str = "2017-07-23") -> list[tuple[str, str]]:
    from datetime import date

    from geo.extraction import extract
    from geo.model import Article

    result = extract([Article(id="a", text=text, published=date.fromisoformat(published))])
    return list(zip(result.events.title, result.events.start, strict=True))


def test_a_street_or_park_the_gazetteer_lacks_places_its_town_after_the_comma() -> None:
    text = (
        "The victim was stabbed after the attack in Seaton Street, Edmonton, London, at "
        "3.20pm on Friday, February 3, 2017."
    )
    assert ("Attack, Edmonton", "2017-02-03") in _events_of(text)
    rally = "More than 200 people attended a rally in Victoria Park, London, Ont., on Saturday."
    assert _events_of(rally) == [("Protest, London", "2017-07-22")]


def test_a_month_before_the_comma_is_no_place_inside_the_next_name() -> None:
    import geo.where as where

    assert where._INSIDE_UNKNOWN.search("since his arrest in October, ") is None
    assert where._INSIDE_UNKNOWN.search("the attack in Seaton Street, ") is not None


def test_verbless_comma_fragments_join_their_clause_but_clauses_stay_apart() -> None:
    from geo.clauses import analyse_sentence

    text = "Talks were held in Geneva, on Monday, at noon, the ministry said."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Geneva", "Monday")]
    sent = analyse_sentence(text, 0, len(text), spans, spans[:1])
    # ", on Monday," and ", at noon," are adjuncts; ", the ministry said" is a clause
    assert [text[c:].split()[0] for c in sent.clauses] == ["Talks", "the"]


# -- what a gathering is for is not where it is --------------------------------------------


def test_a_rally_for_a_far_city_is_at_the_town_that_holds_it(gaz: Gazetteer) -> None:
    text = (
        "Organizers of a Calgary rally in support of the people caught in the conflict in "
        "Aleppo called for more action.\n"
        'More than 200 people attended the rally in a downtown park on Saturday, chanting "free '
        'Syria".\nSpeakers at the Calgary event asked Alberta to take in more refugees.'
    )
    assert places(text, gaz) == [("Calgary", "protest")]  # at the story's town (geo/focus.py)


def test_with_no_town_of_its_own_a_rally_is_where_those_it_supports_are(gaz: Gazetteer) -> None:
    text = "Protesters rallied on Saturday in support of striking dock workers in Dakar."
    assert places(text, gaz) == [("Dakar", "protest")]


# -- a compass point before "the <area noun> of X"; "the capital / state / republic of X" -----
# (session 33, evlink33)


def _role_of(text: str, name: str, gaz: Gazetteer) -> str | None:
    """The where-role of the mention on ``name`` in ``text``."""
    from geo.where import place_role

    an = analyze(text, PUBLISHED, gazetteer=gaz)
    (m,) = [m for m in an.recognized if text[m.start : m.end] == name]
    return place_role(text, 0, m)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("A shootout north of the capital of Chechnya left four dead.", "Chechnya", "near"),
        ("Gunmen attacked a convoy south of the city of Mosul on Monday.", "Mosul", "near"),
        ("A tornado touched down in the state of Ohio on Monday.", "Ohio", "in"),
        ("Rebels shelled villages in the capital of Somalia on Monday.", "Somalia", "in"),
        # a country's possessive names the area (session 37)
        ("Floods killed 12 people in India's southern state of Kerala.", "Kerala", "in"),
        ("A bomb exploded in Syria's northern city of Aleppo on Monday.", "Aleppo", "in"),
        # with the wire's typographic apostrophe (session 38, wintl38)
        ("Gunmen stormed a police post in Nigeria’s northern state of Zamfara.", "Zamfara", "in"),
    ],
)
def test_area_noun_of_a_place_takes_the_role_before_it(
    text: str, name: str, role: str, gaz: Gazetteer
) -> None:
    assert _role_of(text, name, gaz) == role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a far offset is a landmark, not where
        ("A shootout 90 miles north of the capital of Chechnya left four dead.", "Chechnya"),
        # no preposition before the noun: the governor's state, an actor
        ("The governor of the state of Ohio signed the bill on Monday.", "Ohio"),
        # nor before a possessive: the governor of a country's state is an actor
        ("The governor of India's southern state of Kerala signed the bill.", "Kerala"),
        ("The governor of Nigeria’s northern state of Zamfara met reporters.", "Zamfara"),
    ],
)
def test_area_noun_of_a_place_not_where(text: str, name: str, gaz: Gazetteer) -> None:
    from geo.lexicon import load_lexicon

    assert _role_of(text, name, gaz) not in load_lexicon().locative


def test_shootout_north_of_a_capital_is_placed(gaz: Gazetteer) -> None:
    text = "A three-hour shootout Thursday north of the capital of Chechnya left four gunmen dead."
    assert [name for name, _ in places(text, gaz)] == ["Chechnya"]


# -- a disaster that buries or hits "parts of X" is in X (session 33, evlink33) ------------------


def test_disaster_over_parts_of_a_place_is_there(gaz: Gazetteer) -> None:
    text = (
        "KANSAS CITY, Mo. - Two deaths were reported Saturday as an early spring blizzard "
        "buried parts of Kansas in snow and ice."
    )
    assert [name for name, _ in places(text, gaz)] == ["Kansas"]


def test_parts_of_a_place_not_after_an_impact_verb(gaz: Gazetteer) -> None:
    # the blizzard's verb has no place for its object: "parts of Kansas" is where people
    # come from
    text = "A blizzard on Saturday buried cars while residents from parts of Kansas stayed home."
    assert places(text, gaz) == []
