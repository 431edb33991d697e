"""A call to action is short: a paragraph of more than a hundred words that scores as one is
a story's body (a local story printed as one paragraph about a fundraiser), not boilerplate
(geo.page_furniture, session 33)."""

from __future__ import annotations

from geo.page_furniture import boilerplate

_STORY = (
    "The Cookville Volunteer Fire Department will host its 19th annual fundraiser Saturday "
    "at the fire station in Cookville, located on County Road 4045. According to Cookville "
    "Fire Chief Wesley McCollum, patrons attending can enjoy a barbecue plate, a silent "
    "auction and music by local bands from noon until eight. The money raised pays for "
    "equipment and training for the department's volunteers, who answer calls across the "
    "eastern half of the county, McCollum said. Residents who cannot attend may donate by "
    "mail to the department, and your support is welcome all year, he said. Last year the "
    "event raised more than $9,000, which bought new breathing gear and a used brush truck "
    "for grass fires in the dry months."
)


def test_a_long_paragraph_with_two_calls_is_body():
    assert len(_STORY.split()) > 100
    assert boilerplate(_STORY) == []


def test_a_short_call_to_action_is_still_boilerplate():
    # counter-example: a short appeal with the same two calls
    text = "The story continues below.\n\nPlease donate today: your support keeps us going."
    spans = boilerplate(text)
    assert any("donate" in text[s.start : s.end] for s in spans)
