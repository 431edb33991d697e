"""Patterns written with their first character before their look-behind (so that the
engine skips to the next capital) find what the plain form finds."""

from __future__ import annotations

import re

import pytest

from geo.phrase_patterns import DATELINE_ABBREVIATION, TOWN_BEFORE

#: The plain forms: the look-behind first.
_PLAIN_DATELINE = re.compile(
    r"(?<![\w.])[A-Z][A-Z.'’ -]*[A-Z.],[ \t]*(?P<abbreviation>[A-Z][A-Za-z.]{1,6})"
    r"[ \t]*(?:\(|[-–—])"
)
_PLAIN_TOWN = re.compile(r"(?<![\w.'’-])([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}),[ \t]+")

TEXTS = [
    "HOLLIDAY, Mo. - Crews worked in Bantam, Conn. on Friday.",
    "x.HOLLIDAY, Mo. - no dateline after a full stop; aHOLLIDAY, Mo. - none after a word",
    "Jean-Pierre, Ohio, and O’Neill, Texas, said; -Bantam, Conn. and ’Bantam, Conn. too",
    "B, KY - a one-letter town is none; LONDON, KY (WKYT) - is one\nMAPLE GROVE, Minn. — ok",
    "Troops in Kharkiv, Ukraine, and in Lviv, on Sunday. Later: Kyiv, Odesa, Dnipro, Kherson,",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_capital_first_forms_find_the_plain_forms_matches(text: str) -> None:
    for fast, plain in ((DATELINE_ABBREVIATION, _PLAIN_DATELINE), (TOWN_BEFORE, _PLAIN_TOWN)):
        found = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_the_look_behind_still_refuses_a_capital_inside_a_word() -> None:
    # counter-examples: a town after a word character, a full stop, a hyphen or an
    # apostrophe; a dateline after a word character or a full stop
    for before in ("x", ".", "-", "’"):
        assert TOWN_BEFORE.search(f"{before}Bantam, Conn.") is None, before
    for before in ("x", "."):
        assert DATELINE_ABBREVIATION.search(f"{before}LONDON, KY - x") is None, before
    assert TOWN_BEFORE.match("Bantam, Conn.") is not None
    assert DATELINE_ABBREVIATION.match("LONDON, KY - x") is not None
