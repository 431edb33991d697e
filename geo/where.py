"""Where: how a place mention is tied to a trigger (its locative role, :func:`place_role`),
the word lists of ``geo/data/where.yaml`` (:func:`load_where_words`), the place phrases a
possessor owns ("Morocco's High Atlas mountains", :func:`fold_possessors`), and whether a
sentence says its own place (:func:`says_own_place`). Which places a trigger may take (what a
protest is against is no location; "talks on Sudan" is a subject) is
:mod:`geo.trigger_places`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from geo.clauses import (
    AREA_OF,
    DIRECTION_OF,
    PREP_BEFORE,
    WIRE_OPENING,
    WORDS,
    Sentence,
)
from geo.lexicon import load_lexicon
from geo.vocabulary import LazyPattern, alternation, grammar_words, load_data, words

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "NEAR_KM",
    "RELATIVE",
    "WhereWords",
    "area_phrase_start",
    "fold_possessors",
    "host_seat",
    "is_appositive",
    "is_verbless",
    "load_where_words",
    "place_role",
    "possessed_place",
    "says_own_place",
]


@dataclass(frozen=True, slots=True)
class WhereWords:
    """The word lists of ``geo/data/where.yaml`` (see the comments there)."""

    possessed_places: frozenset[str]
    possessed_adjuncts: frozenset[str]
    possessed_stops: frozenset[str]
    force: re.Pattern[str]
    placed_by_force: frozenset[str]
    placed_by_force_types: frozenset[str]
    host: re.Pattern[str]
    placed_by_host_types: frozenset[str]
    focus_types: frozenset[str]
    focus_outcome_types: frozenset[str]
    landmark_before: re.Pattern[str]
    story_area_kinds: frozenset[str]
    venue_before: re.Pattern[str]
    venue_after: re.Pattern[str]
    resident_after: re.Pattern[str]
    resident_count: re.Pattern[str]
    resident_of: re.Pattern[str]
    residence_phrase: re.Pattern[str]
    residence_before: re.Pattern[str]
    name_end: re.Pattern[str]
    locative_before: re.Pattern[str]
    care_after: re.Pattern[str]
    care_before: re.Pattern[str]
    care_words: re.Pattern[str]
    care_unplaced_categories: frozenset[str]
    victory_before: re.Pattern[str]
    blame_before: re.Pattern[str]
    deictic: re.Pattern[str]


@cache
def load_where_words() -> WhereWords:
    """The where-pass word lists, read once."""
    raw = load_data("where.yaml")
    return WhereWords(
        possessed_places=frozenset(str(w).lower() for w in raw["possessed_places"]),
        possessed_adjuncts=frozenset(str(w).lower() for w in raw["possessed_adjuncts"]),
        possessed_stops=frozenset(str(w).lower() for w in raw["possessed_stops"]),
        force=re.compile(
            r"[ \t]+(?:"
            + "|".join(
                re.escape(str(w)).replace(r"\ ", r"[ \t]+").replace("'", "['’]")
                for w in sorted(raw["force_nouns"], key=len, reverse=True)
            )
            + r")\b",
            re.IGNORECASE,
        ),
        placed_by_force=frozenset(str(w).lower() for w in raw["placed_by_force"]),
        placed_by_force_types=frozenset(str(w) for w in raw["placed_by_force_types"]),
        host=re.compile(
            r"(?:[ \t]+(?:[A-Z][\w'’.-]*|&|of|and)){0,5}?[ \t]+(?i:"
            + alternation(raw["host_nouns"])
            + r")\b"
        ),
        placed_by_host_types=frozenset(str(w) for w in raw["placed_by_host_types"]),
        focus_types=frozenset(str(w) for w in raw["focus_types"]),
        focus_outcome_types=frozenset(str(w) for w in raw["focus_outcome_types"]),
        # "the Nov. 8 ", "the September 11th ": a determiner and only date words before the
        # trigger (capitalised or holding a digit)
        landmark_before=re.compile(
            rf"\b(?i:{alternation(raw['landmark_determiners'])})\s+"
            r"(?:(?:[A-Z][a-z]*\.?|[\w-]*\d[\w-]*,?)\s+){1,3}$"
        ),
        story_area_kinds=frozenset(str(w) for w in raw["story_area_kinds"]),
        venue_before=re.compile(
            rf"\b({alternation(raw['venue_prepositions'])})\s+"
            # or an owner's name: "at Carter's Lanexa home", "at the couple's Fairfield home"
            rf"(?:{alternation(raw['venue_determiners'])}|(?:the\s+)?[a-z][\w-]*['’]s)"
            r"\s+(?:[a-z][\w-]*\s+)?$",
            re.IGNORECASE,
        ),
        venue_after=re.compile(
            rf"\s+(?:[a-z][\w-]*\s+)?"
            rf"(?:{alternation([*raw['venue_nouns'], *raw['possessed_places']])})\b"
        ),
        resident_after=re.compile(rf"[ \t]+(?:{alternation(raw['resident_nouns'])})\b"),
        # "a Chapin man", "two Alexandria teens": searched in the text before the place
        resident_count=re.compile(
            rf"\b(?:{alternation(raw['resident_counts'])})[ \t]+$", re.IGNORECASE
        ),
        # "Ashley Evans, 26, of Paris, was": searched in the text before the place
        resident_of=re.compile(rf",[ \t]+(?:{alternation(raw['resident_prepositions'])})[ \t]+$"),
        # a comma-set phrase of residence after a name or an age, up to a place: ", 23, of the
        # 3200 block of North Monticello in " (searched in the text before the place)
        residence_phrase=re.compile(
            rf"(?:[A-Z][\w'’.-]*|\d{{1,3}}),[ \t]+"
            rf"(?:{alternation(raw['resident_prepositions'])})[ \t]+[^,;:()\n]{{0,80}}$"
        ),
        # "lives in ", "grew up in the ", "a native of ": searched in the text before the place
        residence_before=re.compile(
            rf"\b(?:{alternation(raw['residence_verbs'])})[ \t]+(?:in|to|of)[ \t]+(?:the[ \t]+)?$",
            re.IGNORECASE,
        ),
        # "in Newberry on Friday", "in Newberry.": matched right after the name
        # "in Newberry", "near Chapin": searched in the text before a name
        locative_before=re.compile(
            rf"\b(?:{alternation(raw['venue_prepositions'])})[ \t]+$", re.IGNORECASE
        ),
        name_end=re.compile(rf"(?:[,;:.](?!\w)|[ \t]+(?:{alternation(raw['name_followers'])})\b)"),
        # "Dallas hospital", "Hartford Hospital", "Derry's Altnagelvin Hospital": matched
        # right after the place, with up to three capitalised words of the venue's name between
        care_after=re.compile(
            rf"(?:['’]s?)?(?:[ \t]+[A-Z][\w'’.&-]*){{0,3}}?[ \t]+"
            rf"(?i:{alternation(raw['care_venues'])})\b"
        ),
        # "at Carle Foundation Hospital in Urbana", "a hospital in Dallas": searched before it
        care_before=re.compile(
            rf"\b(?i:{alternation(raw['care_venues'])})(?:[ \t]+[A-Z][\w'’.&-]*){{0,2}}"
            rf"(?:,|[ \t]+(?:{alternation(raw['venue_prepositions'])}))[ \t]+(?:the[ \t]+)?$"
        ),
        care_words=re.compile(rf"\b(?:{alternation(raw['care_words'])})\b", re.IGNORECASE),
        care_unplaced_categories=frozenset(str(w) for w in raw["care_unplaced_categories"]),
        # "a 38-19 win over ": searched in the text before the place
        victory_before=re.compile(
            rf"\b(?:{alternation(raw['victory_nouns'])})[ \t]+over[ \t]+(?:the[ \t]+)?$",
            re.IGNORECASE,
        ),
        # "blamed on Russia", "blamed the attack on Russia": searched in the text before the place
        blame_before=re.compile(
            rf"\b(?:{alternation(raw['blame_verbs'])})[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?on[ \t]+"
            rf"(?:the[ \t]+)?$",
            re.IGNORECASE,
        ),
        deictic=re.compile(
            rf"\b(?:{alternation(raw['deictic_places'])})\b(?!['’]s\b|\s+(?:is|are)\b)",
            re.IGNORECASE,
        ),
    )


#: The possessive after a place name ("Giza's", "Paris'"), then the words it owns.
_OWNER = re.compile(r"['’]s?(?=[ \t])")
_OWNED_WORD = re.compile(r"[ \t]+([^\W\d_][\w.’'-]*)")
#: A place owns at most this many words before its place noun ("Paris' iconic
#: Champs-Elysees boulevard", "Mexico's southern Pacific coast").
_OWNED_GAP = 3


def possessed_place(text: str, end: int) -> int | None:
    """The end of the place phrase that the place name ending at ``end`` owns, when the
    phrase ends in a place noun (``possessed_places``): "in Giza's Haram district", "at
    Whittier's Penn Park", "struck Morocco's High Atlas mountains". ``None`` when the name is
    not a possessor or owns no place ("Russia's ambassador", "China's coast guard", "Russia's
    war in the east")."""
    owner = _OWNER.match(text, end)
    if owner is None:
        return None
    words = load_where_words()
    pos = owner.end()
    for _ in range(_OWNED_GAP + 1):
        found = _OWNED_WORD.match(text, pos)
        if found is None:
            return None
        word = found.group(1).lower().rstrip(".'’")
        if word in words.possessed_stops:
            return None
        pos = found.end()
        if word in words.possessed_places:
            after = _OWNED_WORD.match(text, pos)
            if after is not None and after.group(1).lower() in words.possessed_adjuncts:
                return None  # "China's coast guard", "Moscow's city council"
            return pos
    return None


def fold_possessors(text: str, recognized: Sequence[Recognized]) -> list[Recognized]:
    """The mentions as the where-pass reads them: a place name inside the phrase another
    place owns ("struck Morocco's High Atlas mountains") is one mention from the possessor
    to its end, with its own place, when the possessor's area covers it (so the preposition
    or verb before the possessor places it); otherwise the possessor stays and the names
    inside its phrase are dropped ("Mexico's southern Pacific coast" is Mexico's coast, not
    the South Pacific). A name right after the phrase is its apposition ("in Kazakhstan's
    capital, Astana": Astana). Other mentions are unchanged."""
    out: list[Recognized] = []
    skip_until = -1
    for k, m in enumerate(recognized):
        if m.start < skip_until:
            continue
        phrase_end = possessed_place(text, m.end)
        if phrase_end is None:
            out.append(m)
            continue
        inner = [
            o
            for o in recognized[k + 1 :]
            if m.end <= o.start < phrase_end
            or (o.start >= phrase_end and _APPOSED.fullmatch(text, phrase_end, o.start))
        ]
        skip_until = max(phrase_end, inner[-1].end) if inner else phrase_end
        covered = [o for o in inner if _covers(m, o)]
        if covered:
            o = covered[-1]
            out.append(replace(o, toponym=replace(o.toponym, start=m.start)))
        else:
            out.append(m)
    return out


_APPOSED = re.compile(r",?[ \t]+")


def _covers(outer: Recognized, inner: Recognized) -> bool:
    """True when the place of ``inner`` lies in the area of ``outer``."""
    try:
        return bool(outer.place.geometry.covers(inner.place.geometry.representative_point()))
    except (AttributeError, ValueError):
        return False


#: "<locative preposition> <a capitalised name the gazetteer does not know>, " right before a
#: place: the unknown name (a street, a park, a venue) lies in the place after the comma.
_INSIDE_UNKNOWN = LazyPattern(
    lambda: (
        rf"\b({words('inside_unknown_prepositions')})\s+(?:the\s+)?"
        rf"(?!(?i:{words('calendar_names')})\b)"
        rf"(?:(?:[A-Z][\w'’.-]*|\d+[\w-]*|{words('name_joiners')})\s+){{0,4}}[A-Z][\w'’.-]*,\s+$"
    )
)


#: "in several other cities, including the southern cities of " right before a place: a
#: locative before a group of places (``member_group_nouns``: group 1 the preposition), a
#: comma, a member opener (``member_openers``), then at most an area phrase of the member's
#: own kind ("the western cities of").
_MEMBER_OF = LazyPattern(
    lambda: (
        rf"\b({words('area_prepositions')})\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:{words('member_group_nouns')})(?:\s+[\w'’-]+){{0,2}},\s+"
        rf"(?:{words('member_openers')})\s+(?:the\s+)?"
        rf"(?:(?:[\w'’-]+\s+){{0,2}}?(?:{words('area_nouns')})\s+of\s+(?:the\s+)?)?$"
    ),
    re.IGNORECASE,
)


def member_role(text: str, sent_start: int, start: int) -> str | None:
    """The preposition that places a group of places when the name at ``start`` is named as
    one of its members ("protests in several other cities, including Marseille": ``in``), or
    ``None``. The group's noun is a plural noun of places, so "in the country on Thursday,
    including …" and "killed in Lebanon, including …" give none."""
    found = _MEMBER_OF.search(text, max(sent_start, start - 120), start)
    return None if found is None else found.group(1).lower()


def place_role(text: str, sent_start: int, m: Recognized) -> str | None:
    """How the mention is placed: a modifier rule, a preposition before it, ``force`` for
    the place of a police force or court ("by Danbury police", "in Kenosha County Circuit
    Court"; see :func:`role_fits`), or ``None``."""
    role = _role(text, sent_start, m)
    if (
        role not in load_lexicon().locative
        and m.place.precision == 1
        and load_where_words().force.match(text, m.end)
    ):
        return "force"  # but "rallied at Toronto police headquarters" is at
    if role is None and m.place.precision == 1 and host_seat(text, m.end):
        return "host"  # "The Mount Vernon Chamber of Commerce held its annual banquet"
    return role


#: The first area noun of an area phrase names a part of the place ("a rural area of",
#: "the northern outskirts of"), not a place of its own kind ("the coastal city of").
_PART_FIRST = LazyPattern(
    lambda: rf"\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{words('area_part_nouns')})\s+of\b",
    re.IGNORECASE,
)


def area_phrase_start(text: str, sent_start: int, m: Recognized) -> int:
    """Where the place phrase of ``m`` starts to tell a place: right after its preposition
    when a noun for a part of a place (``area_part_nouns``) and "of" open the phrase ("killed
    in a rural area of the department of Meta": after "in"), else the name's start. A trigger
    before such a phrase is as near the place as it is to the preposition; "arrived here in
    the coastal city of Shandong province" names a city of its own, which the name does not."""
    prep = PREP_BEFORE.search(text[max(sent_start, m.start - 30) : m.start])
    if prep is None or prep.group(1).lower() != "of":
        return m.start
    lo = max(sent_start, m.start - 80)
    area = AREA_OF.search(text[lo : m.start])
    if area is None or area.group(1).lower().endswith(" of"):
        return m.start
    if _PART_FIRST.match(text[: m.start], lo + area.end(1)) is None:
        return m.start
    return lo + area.end(1)


def host_seat(text: str, end: int) -> bool:
    """Whether the town name ending at ``end`` names the host of a gathering or the gathering
    itself (``host_nouns``: "the Mount Vernon Chamber of Commerce", "The Palestine Old Time
    Music & Dulcimer Festival"); not "Mount Vernon police", "Mount Vernon residents"."""
    return load_where_words().host.match(text, end) is not None


def _role(text: str, sent_start: int, m: Recognized) -> str | None:
    rule = m.modifier_rule
    if load_lexicon().unlocated.search(text, max(sent_start, m.start - 60), m.start):
        # "felt in Elazig", "headquartered in Abuja", "leaders from across South America":
        # the place is not where the happening is
        return None
    phrase = (getattr(m.toponym.modifier, "phrase", "") or "").lower()
    for word in grammar_words("modifier_role_words"):
        if re.search(rf"\b{word}\b", phrase):
            if word in grammar_words("modifier_near_words"):
                return "near"  # "outside Leeds"
            return "around" if word in grammar_words("modifier_around_words") else word
    if rule == "waters":
        return "waters"
    member = member_role(text, sent_start, m.start)
    if member is not None:
        return member  # "in several other cities, including the southern cities of Marseille"
    before = text[max(sent_start, m.start - 30) : m.start]
    prep = PREP_BEFORE.search(before)
    if prep:
        word = prep.group(1).lower()
        if word == "over" and load_where_words().victory_before.search(before):
            return None  # "a 38-19 win over Hutchinson": the side beaten, not where
        if word == "on" and load_where_words().blame_before.search(
            text, max(sent_start, m.start - 60), m.start
        ):
            return None  # "an attack the government has blamed on Russia": the culprit
        if word == "of":
            if _far_offset(text, max(sent_start, m.start - 60), m.start):
                return None  # "about 60 miles southwest of Raleigh": a landmark, not where
            lo = max(sent_start, m.start - 80)
            area = AREA_OF.search(text[lo : m.start])
            if area:
                role = area.group(1).lower()
                if role.endswith(" of"):
                    # "north of the capital of Kabardino-Balkaria"; but "90 miles north of
                    # the city of X" is a landmark
                    cut = lo + area.end(1) + 1
                    return None if _far_offset(text, max(sent_start, cut - 60), cut) else "near"
                return role  # "through hillside neighbourhoods of Viña del Mar"
            if DIRECTION_OF.search(before):
                return "near"  # "south of Valencia"
        return word
    venue = load_where_words().venue_before.search(text, max(sent_start, m.start - 40), m.start)
    if venue and load_where_words().venue_after.match(text, m.end):
        # "in a Dallas hospital", "in a North Richmond residential neighborhood"
        return venue.group(1).lower()
    inside = _INSIDE_UNKNOWN.search(text, max(sent_start, m.start - 60), m.start)
    if inside:
        # "in Seaton Street, Edmonton", "at Victoria Park, London": a smaller place the
        # gazetteer does not know, then the town it is in
        return inside.group(1).lower()
    return None


#: An offset farther than this (km) from a place is not near it: a town's tolerance in the
#: events guidelines.
NEAR_KM = 40.0
_KM_PER_MILE = 1.609344
#: "60 miles southwest of ", "30 km north of ": a number, a unit, a compass point, "of".
_OFFSET = LazyPattern(
    lambda: (
        r"\b(\d[\d,]*(?:\.\d+)?)[ \t]*-?[ \t]*"
        rf"({alternation(load_data('town_links.yaml')['units'])})[ \t]+"
        rf"(?:{words('compass_points')})[ \t]+of[ \t]+(?:the[ \t]+)?$"
    ),
    re.IGNORECASE,
)


def _far_offset(text: str, lo: int, end: int) -> bool:
    """True when ``text[lo:end]`` ends with an offset farther than :data:`NEAR_KM` ("about 60
    miles southwest of "): the place after it is a landmark for finding another one."""
    found = _OFFSET.search(text, lo, end)
    if found is None:
        return False
    try:
        value = float(found.group(1).replace(",", ""))
    except ValueError:
        return False
    if found.group(2).lower().startswith("mile"):
        value *= _KM_PER_MILE
    return value > NEAR_KM


RELATIVE = LazyPattern(lambda: rf"(?:{words('relative_pronouns')})\b", re.IGNORECASE)
_APPOSITIVE = LazyPattern(
    lambda: rf"(?:{words('determiners', 'personal_determiners')})\s+[^,;:]*,", re.IGNORECASE
)
#: A finite verb, which makes a phrase set off by commas a clause.
_FINITE_VERB = LazyPattern(lambda: rf"\b(?:{words('finite_auxiliaries')}|\w+ed)\b")
#: An appositive has at most this many words ("a 19-year-old student").
_APPOSITIVE_WORDS = 8


def is_appositive(text: str, sent: Sentence, j: int) -> bool:
    """True when clause ``j`` of the sentence is a noun phrase set off by commas (", a
    19-year-old student,"), not a clause of its own."""
    start = sent.clauses[j]
    end = sent.clauses[j + 1] if j + 1 < len(sent.clauses) else sent.end
    m = _APPOSITIVE.match(text, start, end + 1)
    return (
        m is not None
        and m.end() >= end - 1
        and len(WORDS.findall(text, start, end)) <= _APPOSITIVE_WORDS
        and not _FINITE_VERB.search(text[start:end])
    )


def is_verbless(text: str, sent: Sentence, j: int) -> bool:
    """True when clause ``j`` of the sentence holds no finite verb (no auxiliary, no word in
    "-ed"): the next item of a list or an adjunct of the clause before it ("dropped large
    hail, more than two inches of rain and strong winds in and around Manhattan"), not a
    clause of its own."""
    start = sent.clauses[j]
    end = sent.clauses[j + 1] if j + 1 < len(sent.clauses) else sent.end
    return not _FINITE_VERB.search(text, start, end)


def says_own_place(text: str, sent: Sentence, recognized: Sequence[Recognized], place: Any) -> bool:
    """True when sentence ``sent`` says where its happening is, elsewhere than ``place`` (the
    place of another report it might take): a word of ``deictic_places`` ("A two-car accident
    here late Friday": the story's town, not the Dallas hospital of the next sentence), a wire
    dateline opening it ("FALLS VILLAGE—The Region 1 Board of Education … at its Monday night
    meeting"), or a region or country it names after a preposition, outside a possessive,
    that does not hold ``place`` ("A three-hour shootout north of the capital of
    Kabardino-Balkaria" is not in Dagestan's capital)."""
    if load_where_words().deictic.search(text, sent.start, sent.end):
        return True
    if WIRE_OPENING.match(text, sent.start) is not None:
        return True
    for m in recognized:
        if m.start >= sent.end:
            break
        if m.start < sent.start or m.place.precision < 3 or _OWNER.match(text, m.end):
            continue
        if place_role(text, sent.start, m) is None:
            continue  # "The North East Texas Regional Water Planning Group held a meeting"
        if not _covers(m, _Located(place)) and not _covers(_Located(place), m):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Located:
    """A place seen as a mention, for :func:`_covers`."""

    place: Any
