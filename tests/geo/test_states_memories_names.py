"""States over years, memories, counts since a year and trigger words inside names: none
reports a happening of its own (issue 10). Each rule has sentences where it must fire and
counter-examples where it must not; the sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.factuality import mood
from geo.lexicon import find_triggers
from geo.senses import in_name, resolve
from tests.geo.helpers import reports_of


def mood_of(text: str, form: str) -> str:
    start = text.index(form)
    return mood(text, 0, len(text), start, start + len(form))


# --- a perfect told again and again --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("She has visited the ministry office in Hanoi weekly to no avail.", "visited"),
        ("The two leaders have met in Geneva several times.", "met"),
    ],
)
def test_a_repeated_perfect_is_no_happening(text: str, form: str) -> None:
    assert mood_of(text, form) == "ongoing"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        # a perfect of news; a span of years tells what a story may be about; a simple past
        ("Police have arrested five people in Tulsa since Tuesday.", "arrested"),
        ("Rebels have fought troops in the north since 2015.", "fought"),
        ("The two leaders met in Geneva several times last year.", "met"),
    ],
)
def test_a_perfect_told_once_still_reports(text: str, form: str) -> None:
    assert mood_of(text, form) == "reported"


def test_a_repeated_perfect_makes_no_event(gaz: Gazetteer) -> None:
    text = "She has visited the ministry office in Hanoi weekly, her lawyer said."
    assert not [r for r in reports_of(text, gaz) if r.place.name == "Hanoi"]


# --- memories -----------------------------------------------------------------------------


def test_a_memory_is_no_news(gaz: Gazetteer) -> None:
    text = "The sergeant spoke on Tuesday, recalling the weeks they spent on patrol in Kandahar."
    assert mood_of(text, "patrol") == "recalled"
    assert not [r for r in reports_of(text, gaz) if r.place.name == "Kandahar"]


def test_a_happening_without_a_memory_verb_is_news(gaz: Gazetteer) -> None:
    text = "The sergeant said soldiers were on patrol in Kandahar on Tuesday."
    assert mood_of(text, "patrol") == "reported"


# --- counts since a year ------------------------------------------------------------------


def test_an_ordinal_count_since_a_year_is_a_tally() -> None:
    text = "He is the 14th soldier from the county killed since 2004 in the war."
    assert mood_of(text, "killed") == "tally"
    assert mood_of("It was the third attack since 2019 on the market.", "attack") == "tally"


@pytest.mark.parametrize(
    "text",
    [
        # "first" tells the happening itself; no year after it
        "It was the first visit by a president since 1990.",
        "It was the third visit by a president this spring.",
    ],
)
def test_a_first_or_a_count_without_a_year_still_reports(text: str) -> None:
    assert mood_of(text, "visit") == "reported"


# --- trigger words inside names -----------------------------------------------------------


def _forms_in_names(text: str) -> list[str]:
    return [text[t.start : t.end] for t in find_triggers(text) if in_name(text, t)]


def test_a_trigger_word_in_a_name_is_no_happening() -> None:
    text = "Thieves broke into the Baxter Funeral Home and the Storm Harbor marina."
    assert _forms_in_names(text) == ["Funeral", "Storm"]
    drive = "The car stopped at a light at Forum Drive in the town."
    assert [drive[t.start : t.end] for t in find_triggers(drive)] == ["Forum"]
    assert resolve(drive, find_triggers(drive), lambda _p: (0, len(drive))) == []


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised happening before a place or a time; a name head in lower case
        "Crowds attended the Easter Vigil at the cathedral on Saturday.",
        "The Summit opened in Lima on Friday.",
        "A funeral home employee said the funeral was held on Monday.",
    ],
)
def test_a_capitalised_happening_is_no_name(text: str) -> None:
    assert find_triggers(text)
    assert _forms_in_names(text) == []


# --- frequency and general truths ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("A cargo ship typically docked in Duluth will sail to Chicago in June.", "docked"),
        (
            "Conditions tend to be more favorable for hurricane development in the Gulf.",
            "hurricane",
        ),
    ],
)
def test_what_is_usual_is_no_happening(text: str, form: str) -> None:
    assert mood_of(text, form) in {"habitual", "ongoing"}


@pytest.mark.parametrize(
    ("text", "form"),
    [
        # the frequency belongs to another verb; a weekly meeting told once; a simple past
        ("Officials said on Monday, as they usually do, that troops docked in Duluth.", "docked"),
        ("The weekly meeting was held in Hanoi on Monday.", "meeting"),
        ("She visited the ministry office in Hanoi on Monday.", "visited"),
    ],
)
def test_a_happening_told_once_still_reports(text: str, form: str) -> None:
    assert mood_of(text, form) == "reported"


@pytest.mark.parametrize(
    "text",
    [
        # a call-back, not a memory
        "The ministry is recalling its ambassador to Hanoi for consultations.",
        "After the talks the envoy was recalled for consultations.",
    ],
)
def test_recalling_an_envoy_is_no_memory(text: str) -> None:
    assert mood_of(text, "consultations") == "reported"
