"""geo.geoparse(text, published): the public place-mention API."""

from __future__ import annotations

from datetime import date

from shapely.geometry.base import BaseGeometry

import geo
from gazetteer import Gazetteer
from geo.model import Mention

TEXT = (
    "Floods hit Sylhet on Tuesday, officials said.\n\n"
    "Later, rescue boats reached villages near the Indian border. "
    "Aid arrived from Dhaka."
)


def test_geoparse_is_exported_from_geo() -> None:
    assert geo.geoparse is geo.geoparse  # importable from the package
    assert "geoparse" in geo.__all__


def test_mentions_carry_offsets_place_and_geometry(gaz: Gazetteer) -> None:
    mentions = geo.geoparse(TEXT, date(2024, 6, 19), gazetteer=gaz)
    assert [(m.text, m.role) for m in mentions] == [
        ("Sylhet", "location"),
        ("Indian", "demonym"),  # "the Indian border" mentions India, but places nothing
        ("Dhaka", "location"),
    ]
    assert mentions[1].place_name == "India"
    mentions = [m for m in mentions if m.role == "location"]
    for m in mentions:
        assert isinstance(m, Mention)
        assert TEXT[m.char_start : m.char_end] == m.text
        assert m.place_id and m.place_name and m.place_kind
        assert isinstance(m.geometry, BaseGeometry)
        minx, miny, maxx, maxy = m.geometry.bounds
        assert minx > 85 and maxx < 95 and miny > 20 and maxy < 27  # lon/lat of Bangladesh
        assert m.sentence in TEXT.replace("\n", " ")


def test_mentions_are_dated_by_their_sentence(gaz: Gazetteer) -> None:
    sylhet, _, dhaka = geo.geoparse(TEXT, date(2024, 6, 19), gazetteer=gaz)
    assert sylhet.dates is not None
    assert (sylhet.dates.start, sylhet.dates.precision) == (date(2024, 6, 18), "day")
    assert dhaka.dates is not None
    assert (dhaka.dates.start, dhaka.dates.precision) == (date(2024, 6, 19), "unknown")


def test_without_publication_date_undated_mentions_have_no_dates(gaz: Gazetteer) -> None:
    mentions = geo.geoparse("Talks in Doha ended on 3 March 2023. Envoys left Doha.", gazetteer=gaz)
    assert [m.dates.start if m.dates else None for m in mentions] == [date(2023, 3, 3), None]


def test_modifier_is_recorded_and_spans_the_phrase(gaz: Gazetteer) -> None:
    text = "Two destroyers sailed off the coast of Somalia."
    (m,) = geo.geoparse(text, date(2024, 1, 1), gazetteer=gaz)
    assert m.text == "off the coast of Somalia"
    assert m.modifier == "coast"
    assert m.place_kind == "derived"


def test_empty_and_placeless_texts(gaz: Gazetteer) -> None:
    assert geo.geoparse("", gazetteer=gaz) == []
    assert geo.geoparse("nothing here at all.", date(2024, 1, 1), gazetteer=gaz) == []


def test_untrusted_text_is_handled(gaz: Gazetteer) -> None:
    text = "<script>alert('Paris')</script> \x00 Kyiv\u202e and ﷽ Tokyo " * 3
    mentions = geo.geoparse(text, date(2024, 1, 1), gazetteer=gaz)
    for m in mentions:
        assert text[m.char_start : m.char_end] == m.text
    assert {m.place_name for m in mentions} >= {"Kyiv", "Tokyo"}


def test_default_gazetteer_is_used_when_none_is_given() -> None:
    (m,) = geo.geoparse("Leaders met in Canberra.")
    assert m.place_name == "Canberra"


def test_analyze_reports_its_steps_in_order_without_changing_the_result(gaz: Gazetteer) -> None:
    from geo.geoparse import analyze

    text = "Floods hit Dhaka on Monday. Rescuers reached Sylhet a day later."
    steps: list[str] = []
    with_hook = analyze(text, date(2024, 6, 20), gazetteer=gaz, on_step=steps.append)
    without = analyze(text, date(2024, 6, 20), gazetteer=gaz)
    assert steps == ["segmentation", "find", "resolve", "dates", "dating"]
    assert with_hook.mentions == without.mentions
    assert [m.place_name for m in with_hook.mentions] == ["Dhaka", "Sylhet"]
