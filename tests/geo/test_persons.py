"""Person names are not places: given names, person nouns, initials, suffixes, verbs of
saying and coreference within an article; and where each rule must not fire.

Every sentence here is invented for the test."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.persons import age_after, noun_apposition, person_cues, place_cue, speaker, suffix_after
from geo.recognize import recognize


def phrases(text: str, gaz: Gazetteer) -> list[str]:
    return [text[r.start : r.end] for r in recognize(text, gazetteer=gaz)]


def test_the_cues_load_from_data() -> None:
    cues = person_cues()
    assert "kelly" in cues.given and "moore" in cues.surnames
    assert "will" not in cues.given  # not_given: an ordinary capitalised word
    assert "coach" in cues.person_nouns and "Jr" in cues.suffixes


# -- given names --------------------------------------------------------------------------


def test_a_given_name_makes_the_next_word_a_surname(gaz: Gazetteer) -> None:
    text = "The award went to Adam Moore of the county library on Tuesday."
    assert "Moore" not in phrases(text, gaz)


def test_a_given_name_that_is_a_town_is_not_taken_for_it(gaz: Gazetteer) -> None:
    text = "The spelling contest was won by Charlotte Graham of the fifth grade."
    assert phrases(text, gaz) == []


def test_a_given_name_before_a_state_does_not_hide_the_state(gaz: Gazetteer) -> None:
    """Counter-example: "Austin Texas" (no comma) names two places, not a person."""
    text = "The band flew from Denver to Austin Texas for the festival."
    assert "Texas" in phrases(text, gaz)


def test_a_given_name_inside_a_longer_name_is_no_person(gaz: Gazetteer) -> None:
    """Counter-examples: "St. Joseph London" (a school) and "Alton Edwardsville Road" (a
    road) give no person named London or Edwardsville to the rest of the article."""
    text = (
        "The team from St. Joseph London finished second. Crews closed Alton Edwardsville "
        "Road. Residents of Edwardsville met on Monday and travelled to London in June."
    )
    found = phrases(text, gaz)
    assert "Edwardsville" in found and "London" in found


def test_a_country_named_like_a_given_name_stays_a_place(gaz: Gazetteer) -> None:
    text = "Relief flights reached Georgia Moore said, and then Jordan."
    assert "Jordan" in phrases(text, gaz)


# -- titles, person nouns, initials, suffixes ------------------------------------------------


def test_a_person_noun_before_a_name(gaz: Gazetteer) -> None:
    text = "The team won again on Friday, said coach Ripley after the match."
    assert "Ripley" not in phrases(text, gaz)


def test_a_lower_case_noun_that_is_no_person_noun_keeps_the_place(gaz: Gazetteer) -> None:
    """Counter-example: "the city Ripley" is no person ("city" is not a person noun)."""
    text = "Floods hit the city Ripley on Friday."
    assert "Ripley" in phrases(text, gaz)


def test_a_middle_initial_before_or_after_a_name(gaz: Gazetteer) -> None:
    text = "The board elected Charles H. Wilson and Milton J. Little as trustees."
    assert phrases(text, gaz) == []


def test_a_suffix_after_a_name() -> None:
    assert suffix_after("Tom Parker Jr. spoke", len("Tom Parker"))
    assert not suffix_after("Parker Avenue", len("Parker"))  # counter-example


def test_an_abbreviated_state_after_a_dotted_initial_is_no_initial(gaz: Gazetteer) -> None:
    """Counter-example: "Jackson, Miss." is a town and its state, not a middle initial."""
    text = "The storm reached Jackson, Miss. on Sunday."
    assert phrases(text, gaz) == ["Jackson, Miss.", "Miss."]


def test_a_title_two_words_before_a_name(gaz: Gazetteer) -> None:
    text = "President Barack Obama spoke on Monday. Later Obama visited the school."
    assert phrases(text, gaz) == []


def test_a_title_before_a_place_word_keeps_the_later_place(gaz: Gazetteer) -> None:
    """Counter-example: "Minister Jordan" is a person, but Jordan, a country, is never
    taken for a person elsewhere in the article."""
    text = "Minister Jordan spoke. Aid reached Jordan on Monday."
    assert phrases(text, gaz) == ["Jordan"]


def test_an_age_in_commas_after_a_name(gaz: Gazetteer) -> None:
    text = "Her eldest, Tyler, 8, held a plate. Tyler smiled."
    assert phrases(text, gaz) == []
    assert age_after("Tyler, 8, held", len("Tyler"))
    assert not age_after("Tyler, 20 miles away", len("Tyler"))  # counter-example: distance


def test_a_person_noun_and_a_comma_before_a_name() -> None:
    text = "her son, Tyler, left"
    assert noun_apposition(text, text.index("Tyler"), 0)
    text = "the fair in town, Tyler, left"  # counter-example: "town" is no person noun
    assert not noun_apposition(text, text.index("Tyler"), 0)


# -- verbs of saying --------------------------------------------------------------------------


def test_a_verb_of_saying_after_a_surname() -> None:
    text = "The plan will work, Moore said on Monday."
    start = text.index("Moore")
    assert speaker(text, start, start + 5, 0)


def test_a_town_that_speaks_through_its_officials_is_no_speaker() -> None:
    """Counter-examples: a preposition or "the" before the name, or no census surname."""
    for text, name in (
        ("Officials in Moore said the road was closed.", "Moore"),
        ("The Moore said nothing.", "Moore"),
        ("Fargo said the river would crest on Friday.", "Fargo"),
        ("It was finished, said Richmond police on Friday.", "Richmond"),
    ):
        start = text.index(name)
        assert not speaker(text, start, start + len(name), 0), text


# -- coreference --------------------------------------------------------------------------


def test_a_known_person_is_a_person_later_in_the_article(gaz: Gazetteer) -> None:
    text = (
        "Kelly Moore opened the meeting. Later Moore told the council the budget was tight, "
        "and the board thanked Moore for her work."
    )
    assert phrases(text, gaz) == []


def test_the_town_of_a_known_persons_name_keeps_its_place_evidence(gaz: Gazetteer) -> None:
    """Counter-example: after "Kelly Moore", "in Moore" and "Moore, Okla." are the town."""
    text = (
        "Kelly Moore opened the meeting. The tornado struck homes in Moore on Monday. "
        "Crews from Moore, Okla. helped."
    )
    found = phrases(text, gaz)
    assert "Moore" in found and "Moore, Okla." in found


def test_without_a_person_the_town_stays(gaz: Gazetteer) -> None:
    """Counter-example: no person named Lincoln in the text, so Lincoln police are in
    Lincoln (Omaha nearby: a given name alone needs a place nearby, see
    tests/geo/test_given_name_places.py)."""
    text = "On Monday Lincoln police said the road from Omaha to Lincoln was open."
    assert phrases(text, gaz) == ["Lincoln", "Omaha", "Lincoln"]


def test_place_cue() -> None:
    text = "the fair in Moore and Moore, Okla. and Moore said"
    first = text.index("Moore")
    second = text.index("Moore", first + 1)
    third = text.rindex("Moore")
    assert place_cue(text, first, first + 5, 0)
    assert place_cue(text, second, second + 5, 0)
    assert not place_cue(text, third, third + 5, 0)


# -- vessels --------------------------------------------------------------------------------


def test_vessel_names_are_not_places(gaz: Gazetteer) -> None:
    text = "The destroyer CNS Shenzhen and the frigate HMS Richmond sailed past Hainan."
    assert phrases(text, gaz) == ["Hainan"]


def test_a_vessel_noun_with_a_capitalised_word_between_keeps_the_place(gaz: Gazetteer) -> None:
    """Counter-example: "a ferry to Tallinn" names a port, not a ship."""
    text = "She took a ferry to Tallinn on Monday."
    assert phrases(text, gaz) == ["Tallinn"]


def test_the_white_house_is_not_casablanca(gaz: Gazetteer) -> None:
    """GeoNames lists "White House" as a name of Casablanca; the city keeps its own name."""
    text = "The president spoke at the White House before flying to Casablanca."
    assert phrases(text, gaz) == ["Casablanca"]


# -- a place's name as a person's given name ------------------------------------------------


def test_a_place_name_opening_a_whole_name_is_that_person_later(gaz: Gazetteer) -> None:
    """A country's name as the given name of a whole name ("Georgia Stevens") makes every
    later bare use in the article the person."""
    text = (
        "Nine-year-old Georgia Stevens is lacing her skates for the season. Georgia began "
        "skating at four, and Georgia's coach in Calgary said she trains daily."
    )
    assert phrases(text, gaz) == ["Calgary"]


def test_the_person_of_a_place_name_keeps_the_places_own_evidence(gaz: Gazetteer) -> None:
    """Counter-example: "in Georgia" after "Georgia Stevens" still names the country."""
    text = "Georgia Stevens trained hard. Her family lived in Georgia before the move."
    assert phrases(text, gaz) == ["Georgia"]


def test_a_place_name_before_a_place_word_opens_no_person(gaz: Gazetteer) -> None:
    """Counter-examples: "Virginia Beach" is a city (a longer place name), and in "Victoria
    Park Saturday" a capitalised word follows the pair: no person named Virginia or
    Victoria."""
    text = (
        "Crews from Virginia Beach drove on. Virginia sent more. The rally in Victoria Park "
        "Saturday drew crowds, and Victoria police said it was calm."
    )
    found = phrases(text, gaz)
    assert found.count("Virginia") == 1 and found.count("Victoria") == 1
