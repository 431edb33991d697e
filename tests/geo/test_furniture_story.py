"""Story text that page-furniture rules used to swallow (geo.page_furniture, session 33): a
story body the page printed twice (two GWN pages, 13 gold toponyms) and a quote that says one
call-to-action word twice ("able to donate … a plasma donation", TR-News). Real furniture stays
flagged."""

from __future__ import annotations

from geo.page_furniture import boilerplate

_BODY = (
    "TORONTO — A young man and his mother have launched a lawsuit against the city's police "
    "and its transit authority, alleging he was a victim of racial profiling when officers "
    "and fare inspectors pinned him to the ground on a streetcar platform earlier this year. "
    "The 19-year-old, whose name has been withheld from legal documents to protect his "
    "privacy, claims in the suit that he experienced physical and psychological harm. The "
    "statement of claim says the officers approached him as he stepped off a streetcar at "
    "a busy downtown stop, asked for proof of payment and then forced him to the ground "
    "while passengers watched. None of the allegations has been proven in court, and the "
    "police service and the transit commission said they could not comment on a matter "
    "before the courts. A hearing date has not been set."
)


def _flagged(text: str) -> list[str]:
    return [text[s.start : s.end] for s in boilerplate(text)]


def test_a_story_body_printed_twice_is_read_both_times() -> None:
    assert len(_BODY.split()) > 100
    text = f"{_BODY}\n\nThe family's lawyer spoke to reporters on Monday.\n\n{_BODY}\n"
    assert _flagged(text) == []


def test_a_short_line_printed_twice_is_still_furniture() -> None:
    # counter-example: a headline printed twice
    headline = "Man sues police over arrest"
    text = f"{headline}\n\nThe suit was filed on Monday.\n\n{headline}\n"
    assert _flagged(text) == [headline]


def test_a_quote_saying_one_call_twice_is_story() -> None:
    text = (
        "The blood service is worried about the outbreak.\n"
        "\"If they've been to one of the shopping centres in the area, they won't be able to "
        'donate whole blood at the moment but they will be able to make a plasma donation."\n'
    )
    assert _flagged(text) == []


def test_two_different_calls_are_still_a_call_to_action() -> None:
    # counter-example: "donate" and "your support" are two calls
    text = "The outbreak spread.\n\nDonate now: your support keeps our reporters in the field.\n"
    assert _flagged(text) == ["Donate now: your support keeps our reporters in the field."]


def test_real_furniture_stays_flagged() -> None:
    text = (
        "Floods close the main road in the valley.\n"
        "Share this\n"
        "Sign up for our newsletter\n"
        "Related:\n"
        "Storm damage in pictures\n"
        "How to prepare for a flood\n"
        "Officials said the water would recede by Friday.\n"
    )
    assert _flagged(text) == [
        "Share this",
        "Sign up for our newsletter",
        "Related:",
        "Storm damage in pictures",
        "How to prepare for a flood",
    ]
