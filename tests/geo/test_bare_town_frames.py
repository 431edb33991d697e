"""The frames beyond the locative ones in which a small town of the story's own state is
named bare (geo.bare_towns, session 33): a municipality's name and a bearing ("the village of
New Miami", "east of Perham"), movement ("drove to Lanexa to"), an owner's home ("Carter's
Lanexa home"), a headline's venue ("at Buford home"), "the <town> man", a docket's "name,
age, town," a person's suffix ("Sr. of Grantville"), a given name in a frame ("in Glen
Allen.") and a list of towns; each with a sentence where it must not fire."""

from __future__ import annotations

from tests.geo.helpers import places_by_state


def test_the_village_of_a_town(gaz):
    text = "The Ohio village of New Miami is reeling again after a council member resigned."
    assert places_by_state(text, gaz)["New Miami"] == ("town", "Ohio")


def test_a_bearing_from_a_town(gaz):
    text = "Minnesota closed Highway 10 east of Perham from Monday after the flood."
    assert places_by_state(text, gaz)["Perham"] == ("town", "Minnesota")


def test_no_bearing_no_town(gaz):
    # counter-example: "in honor of" is no bearing, and the name ends no phrase
    text = "Minnesota officials spoke in honor of Perham veterans on Monday."
    assert "Perham" not in places_by_state(text, gaz)


def test_movement_to_a_town(gaz):
    text = "In Virginia, Perez drove Moore and Greene to Lanexa to check out the house."
    assert places_by_state(text, gaz)["Lanexa"] == ("town", "Virginia")


def test_movement_needs_the_name_to_end_its_phrase(gaz):
    # counter-example: "to Lanexa about" is someone spoken to, not a place gone to
    text = "In Virginia, Perez wrote to Lanexa about the house."
    assert "Lanexa" not in places_by_state(text, gaz)


def test_an_owners_home_in_a_town(gaz):
    text = "Virginia police said Carter was robbed at Carter's Lanexa home on Oct. 14."
    assert places_by_state(text, gaz)["Lanexa"] == ("town", "Virginia")


def test_an_owner_without_a_venue_is_no_town(gaz):
    # counter-example: no venue after the name
    text = "Virginia police said Carter's Lanexa account was emptied on Oct. 14."
    assert "Lanexa" not in places_by_state(text, gaz)


def test_a_headlines_venue_with_no_determiner(gaz):
    text = "Child drowns in pool at Buford home. Gwinnett County Police are investigating."
    assert places_by_state(text, gaz)["Buford"] == ("town", "Georgia")


def test_a_headline_name_with_no_venue_stays_unplaced(gaz):
    # counter-example: Buford is a given name too, and here nothing makes it a place
    text = "Child saved by Buford at pool. Gwinnett County Police are investigating."
    assert "Buford" not in places_by_state(text, gaz)


def test_the_towns_man(gaz):
    text = "Nebraska prosecutors said the Meadow Grove man and a woman were at a party."
    assert places_by_state(text, gaz)["Meadow Grove"] == ("town", "Nebraska")


def test_the_family_of_a_name_is_no_town(gaz):
    # counter-example: "the Carver family" is a family's name
    text = "Minnesota deputies said the Carver family was at home on Friday."
    assert "Carver" not in places_by_state(text, gaz)


def test_a_streets_court_is_no_force(gaz):
    # counter-example: "Court" right after the name is a street's or a building's name, and
    # a force or a court after a bare name is no frame (session 33)
    text = "Texas firefighters were called to the Brownsboro Court apartments on Monday."
    assert "Brownsboro" not in places_by_state(text, gaz)


def test_a_dockets_name_age_town(gaz):
    text = "Texas grand jury: Jeffery Bernard McDaniel, 41, Grapeland, date of offense, Nov. 1."
    assert places_by_state(text, gaz)["Grapeland"] == ("town", "Texas")


def test_a_number_before_a_name_is_no_docket(gaz):
    # counter-example: no person's name before the number
    text = "Texas grand jury: Count 41, Grapeland, date of offense, Nov. 1."
    assert "Grapeland" not in places_by_state(text, gaz)


def test_a_persons_suffix_before_of(gaz):
    text = "In Pennsylvania, she is survived by Gary Breidenstine Sr. of Grantville; and Fay."
    assert places_by_state(text, gaz)["Grantville"] == ("town", "Pennsylvania")


def test_a_given_name_in_a_locative_frame(gaz):
    text = "Virginia police said she lives on Telegraph Road in Glen Allen."
    assert places_by_state(text, gaz)["Glen Allen"] == ("town", "Virginia")


def test_a_given_name_as_a_lone_list_item_stays_unplaced(gaz):
    # counter-example: a person's name in a list with a town is no town by the list alone
    text = "Virginia's Glen Allen and Richmond met on Monday."
    assert "Glen Allen" not in places_by_state(text, gaz)


def test_a_list_of_towns_with_no_found_place(gaz):
    text = (
        "Connecticut firefighters called in companies including Harwinton, Bantam, "
        "Litchfield, Winsted and all Torrington departments."
    )
    places = places_by_state(text, gaz)
    assert places["Harwinton"] == ("town", "Connecticut")
    assert places["Bantam"] == ("town", "Connecticut")


def test_a_list_of_persons_is_no_list_of_towns(gaz):
    # counter-example: the article uses the items as persons' names
    text = "Connecticut firefighters Harwinton, Bantam, Winsted and Canaan came. Bantam said so."
    assert "Harwinton" not in places_by_state(text, gaz)
