"""A story's home division told by its own towns (geo.colocated): two names whose namesakes
lie together in one division make it the home of a story that names none; a person's name,
and a story naming its own division, make none. A multi-word name that one town alone bears
is that town in a story with no division (geo.bare_towns.unique_towns); a one-word name only
in a story that names no other place, and never a feast."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.colocated import colocated_home
from geo.geoparse import geoparse_batch
from geo.page_furniture import boilerplate
from geo.recognize import Recognizer
from tests.geo.helpers import places_by_state


def _home(text: str, gaz: Gazetteer) -> str | None:
    """The name of the division :func:`colocated_home` gives ``text``, or ``None``."""
    recognizer = Recognizer.for_gazetteer(gaz)
    skip = boilerplate(text)
    home = colocated_home(text, recognizer.find(text, skip=skip), recognizer, skip)
    return home.name if home is not None else None


def test_two_neighbouring_towns_tell_the_home(gaz):
    # Carver is a small town only a division pins down; Chaska lies next to it
    text = "A man was charged by Carver police on Friday. Chaska police helped."
    assert _home(text, gaz) == "Minnesota"
    assert places_by_state(text, gaz)["Carver"] == ("town", "Minnesota")


def test_surnames_that_are_towns_make_no_home(gaz):
    # counter-example: the same two names used as persons' names
    text = "Carver said the vote was close on Friday, and Chaska said he would appeal."
    assert _home(text, gaz) is None
    assert "Carver" not in places_by_state(text, gaz)


def test_a_story_naming_its_state_keeps_it(gaz):
    # counter-example: the story names Texas, where neither town lies
    text = "Texas deputies said a man was charged by Carver police. Chaska police helped."
    assert _home(text, gaz) is None
    assert "Carver" not in places_by_state(text, gaz)


def test_one_town_alone_makes_no_home(gaz):
    # counter-example: a single name has nothing to lie together with
    assert _home("A man was charged by Carver police on Friday.", gaz) is None


def test_a_name_only_one_town_bears_is_that_town(gaz):
    text = "TEGA CAY — A house fire was put out on Tuesday, the chief said."
    assert places_by_state(text, gaz)["TEGA CAY"] == ("town", "South Carolina")


def test_a_one_word_name_of_several_towns_stays_unplaced(gaz):
    # counter-example: four towns are called Hopkinton and the story names no state
    text = "A barn burned down in Hopkinton on Friday."
    assert "Hopkinton" not in places_by_state(text, gaz)


def test_a_lone_one_word_name_of_one_town_is_that_town(gaz):
    # the story names no other place, and one town alone is called Whitestown
    text = "Crews replaced the old water lines in Whitestown on Monday."
    assert places_by_state(text, gaz)["Whitestown"] == ("town", "Indiana")


def test_a_one_word_name_of_one_town_beside_another_place_stays_unplaced(gaz):
    # counter-example: the story names another place, so one word is not enough
    text = "Crews replaced the old water lines in Whitestown on Monday with pipes from Germany."
    assert "Whitestown" not in places_by_state(text, gaz)


def test_a_feast_is_no_lone_town(gaz):
    # counter-example: a town is called Christmas, but "at Christmas" is the feast
    text = "Volunteers delivered presents to a struggling family at Christmas, the charity said."
    assert "Christmas" not in places_by_state(text, gaz)


def test_a_unique_name_out_of_the_named_state_stays_unplaced(gaz):
    # counter-example: the story names Ohio, which holds no Tega Cay
    text = "Ohio troopers said a house fire broke out in Tega Cay on Tuesday."
    assert "Tega Cay" not in places_by_state(text, gaz)


def test_a_town_name_opened_by_a_common_word_is_whole(gaz):
    # "Fort" and "New" are common words, and open town names (name_words)
    text = "South Carolina troopers said a man was hurt in Fort Mill on Friday."
    assert places_by_state(text, gaz)["Fort Mill"] == ("town", "South Carolina")
    text = "Ohio deputies said a man was arrested in New Miami on Friday."
    assert places_by_state(text, gaz)["New Miami"] == ("town", "Ohio")


def test_a_town_name_opened_by_a_common_word_out_of_its_state_stays_unplaced(gaz):
    # counter-example: no Fort Mill lies in Ohio
    text = "Ohio troopers said a man was hurt in Fort Mill on Friday."
    assert "Fort Mill" not in places_by_state(text, gaz)


def test_a_common_word_that_opens_no_town_name_is_no_town(gaz):
    # counter-example: "Police" opens no town name; the title is no town
    text = "Minnesota deputies said Police Chief Tom Smith was at the scene on Friday."
    assert list(places_by_state(text, gaz)) == ["Minnesota"]


def test_an_anchor_town_joins_by_its_namesakes_when_nothing_pairs_otherwise(gaz):
    # Hagerstown leads its namesakes (Maryland's city); beside New Castle, which has no
    # namesake near it, the pair lying together is Indiana's
    text = "Hagerstown advanced to the state meet on Friday. New Castle was third."
    assert _home(text, gaz) == "Indiana"
    assert places_by_state(text, gaz)["Hagerstown"] == ("town", "Indiana")


def test_two_anchor_towns_make_no_pair_by_their_namesakes(gaz):
    # counter-example: Omaha leads its namesakes too; two anchors place themselves, though
    # a hamlet called Omaha lies near a Hagerstown of another state
    text = "Hagerstown advanced to the state meet on Friday. Omaha was third."
    assert _home(text, gaz) is None
    assert places_by_state(text, gaz)["Hagerstown"] == ("city", "Maryland")


def test_an_anchor_town_in_a_story_naming_its_state_stays(gaz):
    # counter-example: the story names Maryland, the anchor's own state
    text = "Maryland deputies said Hagerstown advanced to the state meet. New Castle was third."
    assert _home(text, gaz) is None
    assert places_by_state(text, gaz)["Hagerstown"] == ("city", "Maryland")


def test_an_outlets_home_elsewhere_unplaces_a_lone_one_word_town(gaz):
    # counter-example: the outlet's other stories are at home in Ohio, which holds no
    # Whitestown, so the story is read again with that home and the name stays unplaced
    outlet = "www.example-ohio-news.com"
    home = [
        ("Columbus police arrested a man in Dayton, Ohio, on Monday.", None, outlet),
        ("Toledo, Ohio, firefighters put out a fire in Akron, Ohio.", None, outlet),
    ]
    story = ("Crews replaced the old water lines in Whitestown on Monday.", None, outlet)
    assert geoparse_batch([*home, story], gazetteer=gaz)[-1] == []
    assert [m.text for m in geoparse_batch([story], gazetteer=gaz)[-1]] == ["Whitestown"]


def test_a_town_spelled_otherwise_than_its_source_pairs_with_its_neighbour(gaz):
    # "Hillsboro" is GeoNames' Hillsborough, New Hampshire, beside Hopkinton
    text = (
        "Four homes were burglarized this week, Hopkinton police said. "
        "The police in Hillsboro this week arrested two men."
    )
    assert _home(text, gaz) == "New Hampshire"
    assert places_by_state(text, gaz)["Hillsboro"] == ("town", "New Hampshire")


def test_a_town_spelled_as_its_source_keeps_its_own_neighbour(gaz):
    # counter-example: Oregon's Hillsboro beside Forest Grove is no Hillsborough
    text = "The police in Hillsboro arrested two men on Monday. Forest Grove police helped."
    assert places_by_state(text, gaz)["Hillsboro"] == ("city", "Oregon")
