"""The frames in which a name is used as a small town's (:mod:`geo.bare_towns`).

A local story names its towns bare in frames beyond the locative ones of
:func:`geo.lead_towns.used_as_place` ("in Hopkinton", "Hopkinton police", "a Chapin man"): a
body or school that serves the town ("the Tega Cay Fire Department", "Fort Mill High
School"), where a named person lives ("Mindy Miller of Ravenel,", a docket's "Jeffery
McDaniel, 41, Grapeland,", "Gary Breidenstine Sr. of Grantville;"), a lawmaker's town
("(R-Ocilla)"), the town's centre ("downtown Pineville."), a municipality's name or a bearing
("the village of New Miami", "east of Perham"), movement to or from it ("drove Moore and Greene
to Lanexa to check"), an owner's home in it ("at Carter's Lanexa home"), a headline's venue
("at Buford home"), and its people ("The Meadow Grove man"). The words are those of
``geo/data/bare_towns.yaml``; :func:`in_a_frame` holds the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geo.lead_towns import used_as_place
from geo.persons import person_cues
from geo.vocabulary import load_data
from geo.where import load_where_words

__all__ = ["frames", "in_a_frame", "name_heads", "opens_a_body"]


def in_a_frame(text: str, start: int, end: int, name: str) -> bool:
    """True when the name at ``start:end`` is used as a town: a locative frame
    (:func:`geo.lead_towns.used_as_place`), a municipality's name or a bearing ("the village
    of New Miami", "east of Perham"), movement to or from it, the name ending its phrase
    ("drove Moore and Greene to Lanexa to check"), an owner's home ("at Carter's Lanexa
    home"), a headline's venue ("at Buford home"), its people ("The Meadow Grove man"), the
    town's centre ("downtown Pineville."), a body or building that serves it ("the Tega Cay
    Fire Department", "East Bank Mayor Chuck Blair"; a school only when the name is no
    person's, not "Lincoln Elementary"), where a named person lives ("Ashley Evans, 26, of
    Chapin,", "Mindy Miller of Ravenel,", "Jeffery McDaniel, 41, Grapeland,"), or a
    lawmaker's home town ("(R-Ocilla)")."""
    if used_as_place(text, start, end):
        return True
    found = frames()
    where = load_where_words()
    ends = where.name_end.match(text, end) is not None
    if found.place_before.search(text, max(0, start - 20), start):
        return True  # "the village of New Miami", "east of Perham"
    if found.motion_before.search(text, max(0, start - 12), start) and (
        ends or found.motion_end.match(text, end)
    ):
        return True  # "drove Moore and Greene to Lanexa to check"
    if found.owner_before.search(text, max(0, start - 8), start) and where.venue_after.match(
        text, end
    ):
        return True  # "at Carter's Lanexa home"
    before = text[max(0, start - 12) : start]
    if found.bare_venue_before.search(before) and where.venue_after.match(text, end):
        return True  # a headline's "Child drowns in pool at Buford home"
    if found.the_before.search(before) and found.the_residents.match(text, end):
        return True  # "The Meadow Grove man"
    if ends and found.centre_before.search(text, max(0, start - 20), start):
        return True  # "a boil advisory issued in downtown Pineville."
    if text.startswith((" ", "\t"), end):  # a body or a school after the name
        if _serves(text, end):
            return True
        if found.school.match(text, end):
            return not _a_persons_word(name)
    if text.startswith("-", start - 1) and start:  # "R-Ocilla", "DFL-Cook,"
        party = found.party_before.search(text, max(0, start - 4), start)
        return party is not None and (ends or text.startswith(")", end))
    if not ends:
        return False
    residence = found.residence_before.search(text, max(0, start - 60), start)
    if residence is None:
        return False
    given = residence.group("given")
    return given is None or given.lower() in person_cues().given


def _serves(text: str, at: int) -> bool:
    """True when a body or building that serves a town opens at ``at`` ("… Fire Station",
    "… Board of Finance", "… Mayor"): ``institution_nouns`` of ``bare_towns.yaml``."""
    return frames().institution.match(text, at) is not None


def opens_a_body(text: str, at: int) -> bool:
    """True when a body, building or school that serves a town opens at ``at`` ("… Fire
    Station", "… High School"). A police force or a court after a bare name ("Brownsboro
    Police went", "Bantam Superior Court") is not read so: measured in session 33, it found
    one more toponym on LGL and moved two pool events, one right and one wrong."""
    return _serves(text, at) or frames().school.match(text, at) is not None


def _a_persons_word(name: str) -> bool:
    """True when ``name`` opens with a given name or is one surname ("Lincoln", "Kennedy"):
    a school of the name may be named after a person."""
    cues = person_cues()
    words = name.lower().split()
    return words[0] in cues.given or (len(words) == 1 and words[0] in cues.surnames)


@dataclass(frozen=True)
class _Frames:
    """The frames of ``geo/data/bare_towns.yaml`` beyond the locative ones."""

    institution: re.Pattern[str]
    school: re.Pattern[str]
    residence_before: re.Pattern[str]
    party_before: re.Pattern[str]
    party_name: re.Pattern[str]
    centre_before: re.Pattern[str]
    area_after: re.Pattern[str]
    place_before: re.Pattern[str]
    motion_before: re.Pattern[str]
    motion_end: re.Pattern[str]
    owner_before: re.Pattern[str]
    the_before: re.Pattern[str]
    bare_venue_before: re.Pattern[str]
    the_residents: re.Pattern[str]


@cache
def frames() -> _Frames:
    """The frames, compiled once: phrases matched right after a name (``institution``,
    ``school``), and patterns searched in the text just before it, ending at it."""
    raw = load_data("bare_towns.yaml")

    def phrases(key: str) -> re.Pattern[str]:
        words = sorted((str(w) for w in raw[key]), key=len, reverse=True)
        alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words)
        return re.compile(rf"[ \t]+(?:{alt})\b", re.IGNORECASE)

    def before(key: str) -> re.Pattern[str]:
        words = sorted((str(w) for w in raw[key]), key=len, reverse=True)
        alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words)
        return re.compile(rf"\b(?:{alt})[ \t]+$", re.IGNORECASE)

    preps = "|".join(re.escape(str(w)) for w in raw["residence_prepositions"])
    # "Gary Breidenstine Sr. of", "Richard Pehrson II of"
    suffix = "|".join(
        r"[ \t]+" + re.escape(str(w)).replace(r"\.", r"\.?") for w in raw["name_suffixes"]
    )
    owned = [str(w) for w in raw["owner_before"]]
    suffixes = "|".join(re.escape(w) for w in owned if w[0] in "'’")  # "Carter's"
    owners = "|".join(re.escape(w) for w in owned if w[0] not in "'’")  # "his"
    centre = "|".join(re.escape(str(w)) for w in raw["centre_words"])
    parties = "|".join(re.escape(str(w)) for w in raw["party_letters"])
    return _Frames(
        institution=phrases("institution_nouns"),
        school=phrases("school_nouns"),
        # "Evans, 26, of ", "Davis, of ", "Mindy Miller of " (the given name checked after),
        # "McDaniel, 41, "
        residence_before=re.compile(
            rf"(?:(?:\b[A-Z][\w'’.-]*|\b\d{{1,3}}),[ \t]+(?:{preps})"
            rf"|\b(?P<given>[A-Z][a-z]+)[ \t]+[A-Z][\w'’-]+(?:{suffix})?[ \t]+(?:{preps})"
            # a docket's "Jeffery McDaniel, 41, Grapeland, date of offense": name, age, town
            r"|\b[A-Z][\w'’-]+,[ \t]+\d{1,3},)[ \t]+$"
        ),
        party_before=re.compile(rf"(?<![\w.-])(?:{parties})-$"),
        party_name=re.compile(
            rf"(?<![\w.-])(?:{parties})-(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?![\w'’-])"
        ),
        centre_before=re.compile(rf"\b(?:{centre})[ \t]+$", re.IGNORECASE),
        area_after=phrases("area_nouns"),
        place_before=before("place_before"),
        motion_before=before("motion_before"),
        motion_end=phrases("motion_end"),
        owner_before=re.compile(rf"(?:\w(?:{suffixes})|\b(?:{owners}))[ \t]+$"),
        the_before=re.compile(r"\b(?i:the)[ \t]+$"),
        bare_venue_before=before("bare_venue_prepositions"),
        the_residents=phrases("the_residents"),
    )


@cache
def name_heads() -> frozenset[str]:
    """Nouns that end a building's, street's or park's name (``name_heads`` of
    ``geo/data/senses.yaml``)."""
    return frozenset(str(w).lower() for w in load_data("senses.yaml")["name_heads"])
