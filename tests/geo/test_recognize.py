"""Toponym recognition: the classic errors, modifiers, qualifiers and context."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from gazetteer import Gazetteer
from geo.recognize import Recognized, Recognizer, Toponym, recognize, reports_at_sea


def locations(text: str, gaz: Gazetteer) -> list[Recognized]:
    """The resolved phrases in the role of a location (no demonyms, no names inside an
    organisation's name: tests/geo/test_roles.py has those), in text order."""
    return [r for r in recognize(text, gazetteer=gaz) if r.role == "location"]


def found(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(phrase, place name, place kind) for each resolved location phrase, in text order."""
    return [(text[r.start : r.end], r.place.name, r.place.kind) for r in locations(text, gaz)]


def phrases(text: str, gaz: Gazetteer) -> list[str]:
    return [p for p, _, _ in found(text, gaz)]


def test_offsets_point_into_the_original_text(gaz: Gazetteer) -> None:
    text = "Émile flew from Zürich to São Paulo, then to Kraków."
    hits = recognize(text, gazetteer=gaz)
    assert [text[r.start : r.end] for r in hits] == ["Zürich", "São Paulo", "Kraków"]
    for r in hits:
        assert r.toponym.name == text[r.toponym.name_start : r.toponym.name_end]


def test_longest_leftmost_match_wins(gaz: Gazetteer) -> None:
    text = "Ships sailed through the South China Sea and the Sea of Japan."
    assert phrases(text, gaz) == ["South China Sea", "Sea of Japan"]


def test_lower_case_words_are_not_places(gaz: Gazetteer) -> None:
    text = "It was a nice day for reading on a mobile phone."
    assert phrases(text, gaz) == []


def test_common_words_at_sentence_start_are_not_places(gaz: Gazetteer) -> None:
    text = "Reading the report, she frowned. Since then, nothing. Police said so."
    assert phrases(text, gaz) == []


def test_common_word_places_are_found_inside_a_sentence(gaz: Gazetteer) -> None:
    text = "The festival in Nice drew crowds, and fans travelled to Reading by train."
    assert [p for p, _, _ in found(text, gaz)] == ["Nice", "Reading"]


def test_person_names_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "Russian President Vladimir Putin met Jordan Peterson. Mr. Lincoln and "
        "Florence Pugh were not there, nor was President (Vladimir) Putin."
    )
    assert phrases(text, gaz) == []


def test_organisations_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "The Washington Post quoted the Ministry of Foreign Affairs and the Bank of "
        "England, while the Chinese Communist Party's Central Military Commission met."
    )
    assert phrases(text, gaz) == []


def test_demonyms_are_not_place_mentions_but_demonym_waters_are(gaz: Gazetteer) -> None:
    text = "Swedish police seized a tanker in Swedish waters; Chinese and Russian ships left."
    hits = locations(text, gaz)
    assert [text[r.start : r.end] for r in hits] == ["Swedish waters"]
    place = hits[0].place
    assert place.kind == "derived"
    assert place.derivation is not None and place.derivation.rule == "waters"
    assert hits[0].base.name == "Sweden"


def test_coast_guard_is_an_organisation_not_a_coast(gaz: Gazetteer) -> None:
    text = "A Chinese coast guard ship fired a water cannon."
    assert phrases(text, gaz) == []


def test_modifier_phrases_are_one_mention(gaz: Gazetteer) -> None:
    text = (
        "Bombers flew near Alaska. Warships sailed in the northwestern Pacific Ocean. "
        "Drills were held around Taiwan. A boat sank off the coast of South Carolina."
    )
    hits = recognize(text, gazetteer=gaz)
    spans = [text[r.start : r.end] for r in hits]
    assert spans == [
        "near Alaska",
        "the northwestern Pacific Ocean",
        "around Taiwan",
        "off the coast of South Carolina",
    ]
    assert [r.modifier_rule for r in hits] == ["near", "compass", "around", "coast"]
    assert all(r.place.kind == "derived" for r in hits)


def test_near_means_the_sea_when_the_sentence_is_at_sea(gaz: Gazetteer) -> None:
    at_sea = locations("Russian bombers were intercepted near Alaska.", gaz)[0]
    on_land = recognize("A new school opened near Alaska's border towns.", gazetteer=gaz)
    alaska = Gazetteer.default().resolve("Alaska")
    assert alaska is not None
    assert at_sea.place.kind == "derived"
    # the waters off Alaska lie (almost) entirely at sea: little overlap with Alaska itself
    overlap = at_sea.place.geometry.intersection(alaska.geometry).area
    assert overlap < 0.2 * at_sea.place.geometry.area
    assert on_land == [] or on_land[0].place.id != at_sea.place.id


def test_reports_at_sea_lexicon() -> None:
    assert reports_at_sea("The coast guard patrolled the strait.")
    assert reports_at_sea("Jets were scrambled after bombers were intercepted.")
    assert not reports_at_sea("The minister opened a hospital.")


def test_reports_at_sea_in_any_case_and_script() -> None:
    assert reports_at_sea("WARSHIPS SAILED THROUGH THE STRAIT.")
    assert reports_at_sea("A frigate was moored off Kieler Straße.")  # "ß" folds to "ss"
    assert reports_at_sea("Two fishing  boats were seized.")
    assert not reports_at_sea("The shipment of grain arrived.")  # "ship" inside a word
    assert not reports_at_sea("Straße closed for the parade.")


def test_qualifier_is_absorbed_and_picks_the_namesake(gaz: Gazetteer) -> None:
    text = "Mayors met in Paris, Texas, while ministers met in Paris, France."
    hits = recognize(text, gazetteer=gaz)
    assert [text[r.start : r.end] for r in hits] == [
        "Paris, Texas",
        "Texas",
        "Paris, France",
        "France",
    ]
    assert [r.role for r in hits] == ["location", "qualifier"] * 2
    texas, _, france, _ = hits
    assert texas.place.country == "US"
    assert france.place.country == "FR"
    assert texas.toponym.qualifier == "Texas"


def test_a_bare_name_repeats_its_earlier_qualified_place(gaz: Gazetteer) -> None:
    text = "Farmers gathered in Paris, Texas, on Thursday. Paris has 25,000 people."
    hits = recognize(text, gazetteer=gaz)
    places = [r.place.id for r in hits if r.role == "location"]
    assert places == [hits[0].place.id, hits[0].place.id]
    assert hits[0].place.country == "US"


def test_kazan_russia_is_the_russian_city(gaz: Gazetteer) -> None:
    hits = recognize("Leaders will meet in Kazan, Russia, next week.", gazetteer=gaz)
    assert [r.role for r in hits] == ["location", "qualifier"]
    assert hits[0].place.country == "RU"
    assert hits[0].place.kind in {"city", "capital"}


def test_lists_of_countries_are_not_qualifiers(gaz: Gazetteer) -> None:
    text = "Envoys from Russia, China, Iran and India arrived."
    assert phrases(text, gaz) == ["Russia", "China", "Iran", "India"]


def test_georgia_in_a_story_about_tbilisi_is_the_country(gaz: Gazetteer) -> None:
    text = "Protesters filled the streets of Tbilisi. Georgia's parliament passed the bill."
    hits = recognize(text, gazetteer=gaz)
    georgia = [r for r in hits if text[r.start : r.end] == "Georgia"]
    assert georgia and georgia[0].place.kind == "country"
    assert georgia[0].place.country == "GE"


def test_georgia_in_a_story_about_atlanta_is_the_state(gaz: Gazetteer) -> None:
    text = "Voters queued in Atlanta for hours. Georgia's governor extended the hours."
    hits = recognize(text, gazetteer=gaz)
    georgia = [r for r in hits if text[r.start : r.end] == "Georgia"]
    assert georgia and georgia[0].place.country == "US"


def test_hyphenated_names_that_are_not_places_are_skipped(gaz: Gazetteer) -> None:
    text = "The tanker had sailed from Ust-Luga to Rotterdam."
    assert "Luga" not in phrases(text, gaz)
    assert "Rotterdam" in phrases(text, gaz)


def test_title_case_headlines_keep_their_places(gaz: Gazetteer) -> None:
    text = "Moscow and Beijing Pledge Closer Ties as Russian Minister Visits China\n\nBody."
    assert phrases(text, gaz) == ["Moscow", "Beijing", "China"]


def test_all_caps_headlines_keep_their_places(gaz: Gazetteer) -> None:
    text = "FLOODS HIT BANGLADESH AS RIVERS RISE\n\nThe water kept rising."
    assert phrases(text, gaz) == ["BANGLADESH"]


def test_boilerplate_is_skipped(gaz: Gazetteer) -> None:
    text = (
        "Troops arrived in Kyiv on Monday.\n\nAdvertisement\n"
        "Support us today! Help us keep reporting from Lebanon and Washington — donate now!\n\n"
        "Officials in Lviv said the same."
    )
    assert phrases(text, gaz) == ["Kyiv", "Lviv"]


def test_find_is_pure_text_work_and_resolve_drops_unknown_names(gaz: Gazetteer) -> None:
    recognizer = Recognizer.for_gazetteer(gaz)
    assert Recognizer.for_gazetteer(gaz) is recognizer
    text = "Ministers met in Brasília."
    toponyms = recognizer.find(text)
    assert [t.name for t in toponyms] == ["Brasília"]
    fake = Toponym(start=0, end=9, name_start=0, name_end=9, name="Zzyzxqwvb")
    assert recognizer.resolve("Zzyzxqwvb", [fake]) == []


def test_resolved_geometry_is_lon_lat(gaz: Gazetteer) -> None:
    (hit,) = recognize("Talks were held in Islamabad.", gazetteer=gaz)
    point = hit.place.geometry
    assert isinstance(point, Point)
    assert 72 < point.x < 74 and 33 < point.y < 34  # lon, lat


def test_bad_toponym_spans_are_rejected() -> None:
    from geo.errors import GeoError

    with pytest.raises(GeoError, match="bad toponym span"):
        Toponym(start=5, end=3, name_start=5, name_end=3, name="x")


class _FakeOnline:
    """An online fallback stand-in: the offline gazetteer plus one place only "online"."""

    def __init__(self, offline: Gazetteer) -> None:
        self.offline = offline
        self.geocoder = object()
        self.asked: list[str] = []

    def __getattr__(self, name: str):
        return getattr(self.offline, name)

    def resolve(self, name: str, *, context=None):
        place = self.offline.resolve(name, context=context)
        if place is not None:
            return place
        self.asked.append(name)
        if name == "Zyxville":
            from gazetteer import Place

            return Place("online:zyx", "Zyxville", "city", Point(10.0, 50.0))
        return None


def test_unknown_names_after_prepositions_go_online_only_when_asked(gaz: Gazetteer) -> None:
    text = "Clashes broke out in Zyxville in January, near Kyiv and in Chinese waters."
    offline = [r.base.name for r in recognize(text, gazetteer=gaz)]
    assert offline == ["Kyiv", "China"]
    online = _FakeOnline(gaz)
    assert [r.base.name for r in recognize(text, gazetteer=online)] == ["Zyxville", *offline]
    assert online.asked == ["Zyxville"]  # not "January", not known places


def test_us_in_capitals_is_the_country_but_us_is_a_pronoun(gaz: Gazetteer) -> None:
    text = "US and Canadian jets flew. Let us hope. The U.S. said so."
    hits = locations(text, gaz)
    assert [text[r.start : r.end] for r in hits] == ["US", "U.S"]
    assert {r.place.country for r in hits} == {"US"}


def test_ship_names_are_not_places(gaz: Gazetteer) -> None:
    assert phrases("The destroyer CNS Shenzhen sailed through the strait.", gaz) == []
    assert phrases("The frigate HMS Richmond shadowed the group.", gaz) == []
    assert phrases("Satellite images showed the carrier Liaoning near the island.", gaz) == []
    # counter-examples: a vessel noun with a preposition or a verb between names a place
    assert phrases("The destroyer sailed to Shenzhen on Monday.", gaz) == ["Shenzhen"]
    assert phrases("A tanker bound for Rotterdam ran aground.", gaz) == ["Rotterdam"]


def test_short_acronyms_are_no_towns_but_country_acronyms_stay(gaz: Gazetteer) -> None:
    assert phrases("The UN human rights office said the talks failed.", gaz) == []
    # counter-example: country acronyms in capitals are places
    assert phrases("Officials in the US, the UK and the UAE agreed.", gaz) == ["US", "UK", "UAE"]


# -- saints' feasts and churches; proper adjectives -----------------------------------------


def test_a_saints_feast_or_church_is_no_place(gaz: Gazetteer) -> None:
    text = (
        "The blast hit the church of St. Peter and St. Paul beside St. Mark's Coptic "
        "Cathedral in Cairo. Pupils of St. John's Lutheran School marched on St. Patrick's Day."
    )
    assert phrases(text, gaz) == ["Cairo"]


def test_a_saints_name_that_is_a_city_stays_a_place(gaz: Gazetteer) -> None:
    """Counter-examples: no capitalised word after the possessive, no building before "of",
    no given name after "St."."""
    text = (
        "St. Paul's mayor spoke in the city of St. Paul. The ferry reached St. John's on "
        "Monday, and St. Petersburg's Nevsky Prospect was closed."
    )
    assert phrases(text, gaz) == ["St. Paul", "St. Paul", "St. John's", "St. Petersburg"]


def test_proper_adjectives_named_like_small_places_are_no_places(gaz: Gazetteer) -> None:
    text = "The Olympic champion trained in Toronto, Xinhua news agency reported."
    assert phrases(text, gaz) == ["Toronto"]
