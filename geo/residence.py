"""Residence phrases of local news: a bare name where a reader expects a home town.

"Joyce Doe, 22, Lebanon, was charged", "400 S. Locust St., Lebanon" and "a Lebanon woman"
name a town: a country is named so only by its demonym ("a Lebanese woman"), never by its
bare name before a word for residents, and a person's age or a street address is followed
by a town, not a country. :func:`residence_cue` tells the recognizer (``geo/recognize.py``)
that a name read as a country is a town of that name, to be looked for in the article's
home (its division, or its outlet's home country). The words are data,
``geo/data/residence.yaml``; this module holds the grammar and reads them once.
"""

from __future__ import annotations

import re
from functools import cache

from geo.vocabulary import alternation, load_data

__all__ = ["residence_cue"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(age before, address before, residents after), compiled once."""
    raw = load_data("residence.yaml")
    streets = alternation(str(w) for w in raw["streets"])
    residents = alternation(str(w) for w in raw["residents"])
    # "Doe, 22, " before the name: a capitalised word, a comma, an age, a comma
    age = re.compile(r"[A-Z][\w'’.-]*,[ \t]+\d{1,3},[ \t]+$")
    # "400 S. Locust St., " before the name: a house number, capitalised words, a designator
    address = re.compile(
        rf"\b\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][\w'’-]*\.?[ \t]+){{1,3}}"
        rf"(?:{streets})\.?,[ \t]+$"
    )
    after = re.compile(rf"[ \t]+(?:{residents})\b")
    return age, address, after


def residence_cue(text: str, start: int, end: int) -> bool:
    """Whether the bare name at ``text[start:end]`` stands where local news puts a home town:
    after a person's name and age ("Doe, 22, Lebanon"), after a street address ("400 S.
    Locust St., Lebanon"), or before a word for residents after "a" or "the", with or
    without an age between ("a Lebanon woman", "the Jordan boys", "a 54-year-old Lebanon
    man")."""
    age, address, after = _patterns()
    before = text[max(0, start - 80) : start]
    if age.search(before) or address.search(before):
        return True
    if after.match(text, end):
        words = before.split()[-2:]
        if words and _AGED.fullmatch(words[-1]):
            words = words[:-1]  # "a 54-year-old Palestine man": the age describes the man
        return bool(words) and words[-1].lower() in ("a", "an", "the")
    return False


#: An age before a residence phrase's name ("a 54-year-old Lebanon man").
_AGED = re.compile(r"\d{1,3}-year-old")
