"""An old happening a story about one town retells with its day is placed at the town
(session 28): "the murder … on March 24, 1994" in a story about the case's anniversary; an
old death so told (an obituary's background) and an old month are not."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_focus import ANCHOR
from tests.geo.test_focus_deaths import focused_in


def test_an_old_crime_retold_with_its_day_is_placed_at_the_town(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – Police have reopened the case of a young engineer.\n"
        "He was shot to death in a parking lot on March 24, 1994.\n"
        "His family still waits for answers." + ANCHOR
    )
    assert ("attack", "Winnipeg", "1994-03-24") in focused_in(text, gaz)


def test_an_old_death_or_an_old_month_is_not_placed_at_the_town(gaz: Gazetteer) -> None:
    # counter-examples: a death told with its old day is a life's background; an old month
    # names no happening the map can place
    death = (
        "WINNIPEG – Mary Underwood ran a framing shop for twenty years.\n"
        "Her husband died on Jan. 3, 1998.\nShe leaves two daughters." + ANCHOR
    )
    assert [f for f in focused_in(death, gaz) if f[2] < "2023"] == []
    month = (
        "WINNIPEG – Police have reopened the case of a young engineer.\n"
        "He was shot to death in a parking lot in March 1994.\n"
        "His family still waits for answers." + ANCHOR
    )
    assert [f for f in focused_in(month, gaz) if f[2] < "2023"] == []


def test_an_old_day_of_another_clause_does_not_date_the_happening(gaz: Gazetteer) -> None:
    # counter-example: the day is the payment's, told in the clause after the approval
    text = (
        "WINNIPEG – The city owes a design firm for a hotel it never built.\n"
        "City council approved the deal, and on Dec. 13, 2003, paid the firm $697,084.\n"
        "The firm sued the city in 2005." + ANCHOR
    )
    assert [f for f in focused_in(text, gaz) if f[2] < "2023"] == []
