"""A small town of the story's own state, named bare in a locative frame, is that town
(geo.bare_towns); a person's name, a town of another state, a park or a street, a list of
counties and a name out of any frame stay unplaced."""

from __future__ import annotations

from geo.geoparse import geoparse
from tests.geo.helpers import places_by_state


def test_a_small_town_of_the_named_state_after_in(gaz):
    text = "New Hampshire troopers said three homes were broken into in Hopkinton on Friday."
    assert places_by_state(text, gaz)["Hopkinton"] == ("town", "New Hampshire")


def test_a_small_town_before_police(gaz):
    text = "A man was charged by Hopkinton police after a crash on a New Hampshire highway."
    assert places_by_state(text, gaz)["Hopkinton"] == ("town", "New Hampshire")


def test_a_small_town_of_another_state_stays_unplaced(gaz):
    # counter-example: no Hopkinton lies in Texas
    text = "Texas troopers said three homes were broken into in Hopkinton on Friday."
    assert "Hopkinton" not in places_by_state(text, gaz)


def test_the_articles_person_is_no_town(gaz):
    # counter-example: Carver is a town of Minnesota, and here a person's name
    text = "Minnesota deputies spoke to Tom Carver on Friday. Carver said he was in Carver today."
    assert not any(k.startswith("Carver") for k in places_by_state(text, gaz))


def test_the_same_name_without_the_person_is_the_town(gaz):
    text = "Minnesota deputies said a barn burned down in Carver on Friday."
    assert places_by_state(text, gaz)["Carver"] == ("town", "Minnesota")


def test_a_park_is_no_town(gaz):
    # counter-example: "Hopkins Park" is a town of Illinois, and the name of parks
    text = "The Illinois walk starts at noon at Hopkins Park in DeKalb."
    assert "Hopkins Park" not in places_by_state(text, gaz)


def test_a_list_of_counties_is_no_town(gaz):
    # counter-example: Becker is a town of Minnesota and the name of one of its counties
    text = "The Minnesota storm warning covers areas in Becker, Clay and Polk counties."
    assert places_by_state(text, gaz).get("Becker", ("county", ""))[0] != "town"


def test_a_name_out_of_any_frame_stays_unplaced(gaz):
    # counter-example: a team's name, no locative frame
    text = "Hopkinton beat the visitors 3-1 in the New Hampshire final on Friday."
    assert "Hopkinton" not in places_by_state(text, gaz)


def test_a_neighbourhood_is_no_town(gaz):
    # counter-example: a town of New York bears the name of a neighbourhood of the city
    text = "The man was hurt on Monday in the Crown Heights neighborhood of Brooklyn, New York."
    assert places_by_state(text, gaz).get("Crown Heights", ("", ""))[0] != "town"


def test_the_outlets_home_region_holds_the_bare_town(gaz):
    from geo.geoparse import geoparse_batch

    home = [
        ("The Concord, N.H., council met on Monday in Manchester, New Hampshire.", None, "x.com"),
        ("Nashua, N.H., firefighters were called to Concord, New Hampshire.", None, "x.com"),
        ("Keene, New Hampshire, schools closed; Dover, N.H., did too.", None, "x.com"),
    ]
    story = ("Three homes were broken into in Hopkinton on Friday, police said.", None, "x.com")
    mentions = geoparse_batch([*home, story], gazetteer=gaz)[-1]
    assert [(m.text, m.place.kind) for m in mentions] == [("Hopkinton", "town")]
    # counter-example: read alone, the story has no state, and the name no place
    assert geoparse_batch([story], gazetteer=gaz)[-1] == []


def test_a_body_that_serves_the_town_names_it(gaz):
    text = "In Minnesota, the Carver Fire Department was called to a barn on Friday."
    assert places_by_state(text, gaz)["Carver"] == ("town", "Minnesota")


def test_a_two_word_name_opening_with_the_town_before_a_body(gaz):
    text = "Louisiana troopers met at the Cottonport Fire Station and arrested 14 people."
    assert places_by_state(text, gaz)["Cottonport"] == ("town", "Louisiana")


def test_a_company_of_the_name_is_no_town(gaz):
    # counter-example: no body that serves a town ("Carver Industries")
    text = "In Minnesota, the Carver Industries plant closed on Friday."
    assert "Carver" not in places_by_state(text, gaz)


def test_a_school_after_a_surname_is_no_town(gaz):
    # counter-example: a school may be named after a person ("Carver Elementary School")
    text = "Minnesota pupils at Carver Elementary School went home early."
    assert "Carver" not in places_by_state(text, gaz)


def test_a_school_after_a_town_name_that_is_no_persons(gaz):
    text = "South Carolina pupils at Ravenel Elementary School went home early."
    assert places_by_state(text, gaz)["Ravenel"] == ("town", "South Carolina")


def test_where_a_named_person_lives(gaz):
    text = "South Carolina deputies said Mindy Miller of Ravenel, whose son is 8, spoke."
    assert places_by_state(text, gaz)["Ravenel"] == ("town", "South Carolina")


def test_of_after_no_persons_name_is_no_residence(gaz):
    # counter-example: "of" after a group's name, not a person's
    text = "In Minnesota, the Holy Sisters of Carver, a charity, met on Friday."
    assert "Carver" not in places_by_state(text, gaz)


def test_a_lawmakers_home_town_after_the_party_letter(gaz):
    text = "Minnesota Sen. Ann Rest (DFL-Carver) spoke to the committee."
    assert places_by_state(text, gaz)["Carver"] == ("town", "Minnesota")


def test_a_party_letter_before_a_longer_name_is_no_town(gaz):
    # counter-example: the hyphenated name goes on ("R-Carver Industries merger")
    text = "In Minnesota, the 2010 R-Carver Industries merger closed two plants."
    assert "Carver" not in places_by_state(text, gaz)


def test_a_list_item_beside_a_found_town_of_the_state(gaz):
    text = "Texas sales tax is booming. Paris and Roxton continue to reap the benefits."
    assert places_by_state(text, gaz)["Roxton"] == ("town", "Texas")


def test_a_list_of_people_is_no_list_of_towns(gaz):
    # counter-example: Carver is a town of Minnesota; the list holds no found place
    text = "Minnesota deputies thanked Carver, Smith and Jones for their help on Friday."
    assert "Carver" not in places_by_state(text, gaz)


def test_a_persons_name_beside_a_found_town_is_no_town(gaz):
    # counter-example: the list has a found town, but the article names Tom Carver
    text = (
        "Minnesota police named Tom Carver and Ann Jones. In Moorhead, Carver and Jones were held."
    )
    assert "Carver" not in places_by_state(text, gaz)


def test_a_list_beside_a_found_town_of_another_state_is_no_town(gaz):
    # counter-example: Hopkinton is a town of New Hampshire, the found Paris one of Texas
    text = "The Texas and New Hampshire teams met. Paris and Hopkinton reported gains on Monday."
    places = places_by_state(text, gaz)
    assert places["Paris"][1] == "Texas"
    assert "Hopkinton" not in places


def test_a_comma_without_a_conjunction_is_no_list(gaz):
    # counter-example: "Paris, Roxton" (an apposition, a headline) is no list of places
    text = "Texas sales tax news. Paris, Roxton continue to reap the benefits."
    assert "Roxton" not in places_by_state(text, gaz)


def test_the_items_of_a_list_of_areas(gaz):
    text = "In Florida, most of the men were from the Chiefland or Cross City areas, deputies said."
    places = places_by_state(text, gaz)
    assert places["Chiefland"] == ("town", "Florida")
    assert places["Cross City"] == ("town", "Florida")


def test_a_list_of_areas_of_another_state_stays_unplaced(gaz):
    # counter-example: no Chiefland or Cross City lies in Texas
    text = "In Texas, most of the men were from the Chiefland or Cross City areas, deputies said."
    places = places_by_state(text, gaz)
    assert "Chiefland" not in places and "Cross City" not in places


def test_downtown_before_a_town_ending_its_phrase(gaz):
    text = "A Louisiana boil advisory was issued in downtown Pineville. Service stopped Monday."
    assert places_by_state(text, gaz)["Pineville"] == ("town", "Louisiana")


def test_downtown_before_a_longer_phrase_is_no_frame(gaz):
    # counter-example: "downtown Pineville businesses": the name does not end its phrase
    text = "A Louisiana boil advisory was issued for downtown Pineville businesses on Monday."
    assert "Pineville" not in places_by_state(text, gaz)


def test_a_bare_dateline_of_a_small_town_of_the_named_state(gaz):
    text = "Man held after loud music call. CROMWELL — A Connecticut man was arrested on Sunday."
    assert places_by_state(text, gaz)["CROMWELL"] == ("town", "Connecticut")


def test_a_bare_dateline_of_several_words(gaz):
    text = (
        "Two vie for council seat. ISLE OF PALMS — Two planners filed in South Carolina on Friday."
    )
    found = {m.text: m.place for m in geoparse(text, gazetteer=gaz)}
    assert found["ISLE OF PALMS"].kind == "town"  # on the coast, off the state's outline
    assert 32.7 < found["ISLE OF PALMS"].geometry.y < 32.9


def test_a_bare_dateline_of_a_town_of_another_state_stays_unplaced(gaz):
    # counter-example: no Cromwell lies in Texas
    text = "Man held after loud music call. CROMWELL — A Texas man was arrested on Sunday."
    assert "CROMWELL" not in places_by_state(text, gaz)


def test_a_shouted_headline_word_is_no_dateline_town(gaz):
    # counter-example: "BREAKING —" has a dateline's form, and no town's name
    text = "Storm hits coast. BREAKING — A Connecticut man was hurt on Sunday."
    assert "BREAKING" not in places_by_state(text, gaz)


def test_a_bare_dateline_near_the_outlets_own_town(gaz):
    from geo.geoparse import geoparse_batch

    # the paper's name opens with Middletown; a Cromwell lies beside Connecticut's Middletown
    story = (
        "Man held. CROMWELL — Police said a man was arrested on Sunday.",
        None,
        "middletownpress.com",
    )
    mentions = geoparse_batch([story], gazetteer=gaz)[-1]
    assert [(m.text, m.place.kind, m.place.country) for m in mentions] == [
        ("CROMWELL", "town", "US")
    ]
    assert 41.5 < mentions[0].place.geometry.y < 41.7  # Connecticut's, not Indiana's
    # counter-example: an outlet whose name names no town gives no home to the story
    assert geoparse_batch([(story[0], None, "x.com")], gazetteer=gaz)[-1] == []
