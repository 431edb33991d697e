"""Local places: abbreviated divisions after a place name, in running text and datelines."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.recognize import recognize


def found(text: str, gaz: Gazetteer) -> list[tuple[str, str, str | None]]:
    """(phrase, place name, country) for each resolved phrase, in text order."""
    return [
        (text[r.start : r.end], r.place.name, r.place.country)
        for r in recognize(text, gazetteer=gaz)
    ]


def test_abbreviated_province_picks_the_namesake_there(gaz: Gazetteer) -> None:
    text = "About 300 people marched through London, Ont., on Sunday afternoon."
    assert found(text, gaz) == [("London, Ont.", "London", "CA"), ("Ont.", "Ontario", "CA")]


def test_dateline_with_an_ap_state_abbreviation(gaz: Gazetteer) -> None:
    text = "LONDON, Ky. (WYMT) - Two men were charged after a break-in downtown."
    assert found(text, gaz)[0] == ("LONDON, Ky.", "London", "US")


def test_dateline_with_a_postal_code(gaz: Gazetteer) -> None:
    text = "LONDON, KY (WYMT) - Two men were charged after a break-in downtown."
    assert found(text, gaz)[0] == ("LONDON, KY", "London", "US")


def test_postal_code_in_running_text_is_not_read(gaz: Gazetteer) -> None:
    # counter-example: two capitals after a comma in a sentence are no division for certain
    text = "Fans in London, KY fans and others watched the final."
    assert found(text, gaz)[0] == ("London", "London", "GB")


def test_town_the_gazetteer_lacks_is_placed_in_its_division(gaz: Gazetteer) -> None:
    # no town of the name in Alberta (the hamlet has under 500 people): Alberta, never the
    # namesake in the United States. (Wainwright, which this test used, is now a town of
    # the gazetteer: gazetteer.towns places it, see tests/gazetteer/test_towns.py.)
    text = "The crash happened on a rural road near the hamlet of Rochester, Alta. on Monday."
    assert ("Rochester, Alta.", "Alberta", "CA") in found(text, gaz)


def test_australian_state_abbreviation(gaz: Gazetteer) -> None:
    text = "The storm cut power to thousands of homes in Newcastle, NSW, overnight."
    assert found(text, gaz) == [
        ("Newcastle, NSW", "Newcastle", "AU"),
        ("NSW", "New South Wales", "AU"),
    ]


def test_sentence_final_full_stop_is_not_part_of_a_bare_form(gaz: Gazetteer) -> None:
    text = "Firefighters were called to a house in Perth, WA. Nobody was hurt."
    assert found(text, gaz) == [("Perth, WA", "Perth", "AU"), ("WA", "Western Australia", "AU")]


def test_ambiguous_abbreviation_never_replaces_the_town(gaz: Gazetteer) -> None:
    # counter-example: "WA" is Western Australia or Washington: with no town of the name in
    # either, the town keeps its usual reading instead of becoming a state
    text = "A spokesman in Seattle, WA said the ferry would resume service."
    hits = found(text, gaz)
    assert hits[0][1] == "Seattle" and hits[0][2] == "US"


def test_title_after_a_name_is_no_division(gaz: Gazetteer) -> None:
    # counter-example: "M.D." is a degree, not Maryland ("Md.")
    text = "Dr. Ana Ruiz of Jordan, M.D., said the clinic in Amman would reopen."
    assert all("Maryland" not in name for _, name, _ in found(text, gaz))


def test_gazetteer_reads_the_abbreviations(gaz: Gazetteer) -> None:
    assert [p.name for p in gaz.abbreviation("Ont.")] == ["Ontario"]
    assert [p.name for p in gaz.abbreviation("Qld")] == ["Queensland"]
    assert gaz.abbreviation("KY") == ()
    assert [p.name for p in gaz.abbreviation("KY", postal=True)] == ["Kentucky"]
    assert gaz.abbreviation("M.D.") == ()
    assert gaz.resolve("Newcastle, NSW").country == "AU"


def test_division_before_an_abbreviation_is_no_town(gaz: Gazetteer) -> None:
    # counter-example: two states side by side, not a town placed in a state
    # ("Ill." is then a mention of Illinois of its own, see tests/geo/test_abbreviations.py)
    text = "The tornado touched down near the Iowa, Ill. state line on Sunday."
    assert [phrase for phrase, _, _ in found(text, gaz)] == ["near the Iowa", "Ill."]


def test_dateline_town_the_gazetteer_lacks_is_its_state(gaz: Gazetteer) -> None:
    # no town of the name in Alberta (Rochester's namesakes lie in the US and England): the
    # province. (Glasgow, Ky., which this test used, is now a town of the gazetteer, placed
    # by gazetteer.towns: see tests/gazetteer/test_towns.py.)
    text = "ROCHESTER, Alta. (CP) - A woman died after she was struck by a car on Saturday."
    assert found(text, gaz)[0] == ("ROCHESTER, Alta.", "Alberta", "CA")


def test_names_without_anchor_are_each_others_context(gaz: Gazetteer) -> None:
    # no name of the text is an anchor; London leads its namesakes clearly and places the
    # others: Edmonton and Enfield are the north London districts
    text = "A man from Edmonton was arrested after a fight in Enfield, in north London."
    places = {phrase: country for phrase, _, country in found(text, gaz)}
    assert places["Edmonton"] == "GB" and places["Enfield"] == "GB"


def test_a_lone_name_keeps_its_best_reading(gaz: Gazetteer) -> None:
    # counter-example: nothing else in the text, nothing to lean on
    text = "A suspect was arrested in Edmonton on Friday."
    assert found(text, gaz) == [("Edmonton", "Edmonton", "CA")]


def test_close_namesakes_are_no_context(gaz: Gazetteer) -> None:
    # counter-example: Richmond's namesakes are close in score: it places nothing else
    text = "Crews from Richmond helped firefighters in Enfield on Sunday."
    assert dict((p, c) for p, _, c in found(text, gaz))["Enfield"] == "US"
