"""A trigger and a place in one sentence that the plain word distance kept apart (issue 10):
a chain of locative phrases and times between them. Each rule with a sentence where it must
not fire. All sentences are invented."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.roles import venue_seat
from tests.geo.helpers import PUBLISHED
from tests.geo.helpers import linked as events

# --- a chain of locative phrases and times --------------------------------------------------


def test_a_place_at_the_end_of_a_chain_of_locative_phrases_places_the_happening(
    gaz: Gazetteer,
) -> None:
    text = (
        "Police said a teenager from Tacoma was stabbed on Monday at about 11 p.m. in a "
        "parking lot behind a bakery in the 300 block of Elm Street in Spokane."
    )
    assert ("murder", "in", "Spokane", "2024-05-13") in events(text, gaz)


def test_a_time_with_its_lead_words_does_not_part_a_trigger_from_its_place(
    gaz: Gazetteer,
) -> None:
    text = (
        "Prosecutors said the victim was shot dead on the evening of May 4 last year on a "
        "housing estate, in north Leeds."
    )
    assert [e[0] for e in events(text, gaz) if "Leeds" in e[2]] == ["attack"]


def test_a_clause_breaks_the_chain(gaz: Gazetteer) -> None:
    # counter-example: the place belongs to a clause of its own ("belonging to"), not to the
    # phrases that say where the arrest was
    text = (
        "The man was arrested on Monday after officers found a car with stolen plates and a "
        "bag of cash belonging to a businessman in Spokane."
    )
    assert [e for e in events(text, gaz) if e[2] == "Spokane"] == []


# --- a venue named after its town ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "The archbishop led the Easter Vigil on Saturday at the Leeds Cathedral.",
            "vigil",
            "Leeds",
        ),
        ("A teacher was arrested on Monday at Spokane Elementary School.", "arrest", "Spokane"),
    ],
)
def test_a_town_that_names_a_venue_after_a_preposition_places_the_happening(
    gaz: Gazetteer, text: str, kind: str, place: str
) -> None:
    assert [(e[0], e[2]) for e in events(text, gaz)] == [(kind, place)]


def test_a_town_that_names_a_venue_without_a_preposition_places_nothing(gaz: Gazetteer) -> None:
    # counter-example: the venue speaks; it is not where anything happened
    text = "The Leeds Cathedral said on Monday that the suspect was arrested."
    assert events(text, gaz) == []


def test_a_town_inside_a_longer_venue_name_is_no_seat() -> None:
    # counter-example: "at Spokane" belongs to the name of the cathedral before it
    text = "the Cathedral of the Holy Spirit at Spokane Harvester Church"
    start = text.index("Spokane")
    assert not venue_seat(text, start, start + len("Spokane"))
    plain = "was arrested at Spokane Harvester Church"
    start = plain.index("Spokane")
    assert venue_seat(plain, start, start + len("Spokane"))


def test_a_place_outside_a_locative_phrase_takes_no_chain(gaz: Gazetteer) -> None:
    # counter-example: "in custody" is a locative phrase, but "Spokane police" after it is no
    # place of the stabbing's chain
    text = (
        "A party turned deadly on Sunday with a stabbing that killed a young man and left a "
        "raft of others in custody, Spokane police say."
    )
    assert events(text, gaz) == []


# --- a town that modifies a venue after a possessive ------------------------------------------


def test_a_town_before_a_venue_after_a_possessive_places_the_happening(gaz: Gazetteer) -> None:
    text = "The mayor hosted a dinner for the volunteers on Friday in his lakeside Spokane home."
    assert [(e[0], e[1], e[2]) for e in events(text, gaz)] == [("meeting", "in", "Spokane")]


def test_a_town_before_a_venue_after_another_preposition_places_nothing(gaz: Gazetteer) -> None:
    # counter-example: "about her Spokane home" says what was spoken of, not where
    text = "The mayor hosted a dinner on Friday and spoke about her lakeside Spokane home."
    assert [e for e in events(text, gaz) if e[2] == "Spokane"] == []


# --- a grand jury's indictment at its court's seat -------------------------------------------


def test_a_grand_jury_places_its_indictment_at_its_seat(gaz: Gazetteer) -> None:
    text = "On Monday, about three months later, a Spokane grand jury indicted the man."
    assert [(e[0], e[2], e[3]) for e in events(text, gaz)] == [("arrest", "Spokane", "2024-05-13")]


def test_a_grand_jury_does_not_place_the_arrest_it_hears_of(gaz: Gazetteer) -> None:
    # counter-example: "arrested" is no act of the court
    text = "A Spokane grand jury heard on Tuesday that the man was arrested on Monday."
    assert [e for e in events(text, gaz) if e[2] == "Spokane"] == []


def test_a_count_set_off_after_a_date_takes_that_date() -> None:
    text = "On Monday, about three months later, the man was charged."
    found = {t.text: t.range.start.isoformat() for t in find_dates(text, PUBLISHED)}
    assert found["three months later"] == "2024-05-13"
    # counter-example: a count that opens its own sentence counts from the date before it
    text = "He was arrested on Monday, May 6. Three days later, he was charged."
    found = {t.text: t.range.start.isoformat() for t in find_dates(text, PUBLISHED)}
    assert found["Three days later"] == "2024-05-09"


# --- a far trigger across a verbless list ----------------------------------------------------


def test_a_far_trigger_reaches_its_place_across_a_verbless_list(gaz: Gazetteer) -> None:
    text = (
        "A cold front on Monday brought severe storms that dropped large hail, more than two "
        "inches of rain and wind gusts higher than 60 mph in and around Spokane."
    )
    assert [(e[0], e[3]) for e in events(text, gaz) if "Spokane" in e[2]] == [
        ("storm", "2024-05-13")
    ]


def test_a_far_trigger_does_not_reach_where_a_person_lives(gaz: Gazetteer) -> None:
    # counter-example: "of Cheney, Washington near Spokane" says where the wife lives
    text = (
        "Prosecutors also have indicted the owner's wife, Jane Doe, 26, of Cheney, "
        "Washington near Spokane, who faces 20 felony counts."
    )
    assert [e for e in events(text, gaz) if "Spokane" in e[2]] == []


# --- quoted words do not set the tense of the words around them -----------------------------


def test_quoted_words_after_a_time_do_not_make_it_future() -> None:
    text = 'The news came out of a meeting in Spokane this week exploring "what lies ahead."'
    (week,) = find_dates(text, PUBLISHED)
    assert (week.range.start.isoformat(), week.range.end.isoformat()) == (
        "2024-05-13",
        "2024-05-15",
    )


def test_a_time_inside_a_quote_keeps_the_quotes_own_tense() -> None:
    # the other side: the speech verb after the quote does not make the quoted future past
    text = '"Nothing we do will change (in any real way) the outcome this year," the mayor said.'
    (year,) = find_dates(text, PUBLISHED)
    assert year.range.end.isoformat() == "2024-12-31"


def test_a_quote_does_not_hide_the_narrators_own_verb() -> None:
    # counter-example: the past verb before the time still tells its tense
    text = 'The board met this week in the "old" town hall and will vote in June.'
    week = find_dates(text, PUBLISHED)[0]
    assert week.range.end.isoformat() == "2024-05-15"


# --- a comma in a list of common nouns opens no clause ---------------------------------------


def test_a_list_of_nouns_does_not_part_a_happening_from_its_place(gaz: Gazetteer) -> None:
    text = (
        "The gunman's house in the eastern suburbs of Spokane was later searched and his "
        "brother, cousin and uncle were detained."
    )
    assert [e[:3] for e in events(text, gaz) if e[2] == "Spokane"] == [("arrest", "in", "Spokane")]


def test_list_commas_and_clause_commas() -> None:
    from geo.clauses import analyse_sentence

    listed = "Officers searched the house and his mother, father and sister were detained."
    assert len(analyse_sentence(listed, 0, len(listed), ()).clauses) == 1
    # counter-examples: a comma before words of speech or a finite verb opens a clause
    for text in (
        "The fire was out by noon, firefighters said and crews were sent home.",
        "The house was searched, officers arrested him and his brother was detained.",
    ):
        assert len(analyse_sentence(text, 0, len(text), ()).clauses) == 2
