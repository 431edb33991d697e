"""Where: how a place mention is tied to a trigger (its locative role), and which places a
trigger may take (what a protest is against is no location; "talks on Sudan" is a subject)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from geo.clauses import (
    AREA_OF,
    ATTRIBUTIVE_BEFORE,
    DIRECTION_OF,
    OBJECT_BEFORE,
    PREP_BEFORE,
    WIRE_OPENING,
    WORDS,
    Sentence,
)
from geo.lexicon import Lexicon, Trigger, TriggerType, load_lexicon
from geo.vocabulary import LazyPattern, LazyWords, alternation, grammar_words, load_data, words

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "NEAR_KM",
    "RELATIVE",
    "WhereWords",
    "care_type",
    "complement_spans",
    "fold_possessors",
    "is_appositive",
    "is_verbless",
    "load_where_words",
    "located_outside",
    "place_role",
    "possessed_place",
    "role_fits",
    "says_own_place",
    "treated_at",
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
            rf"(?:{alternation(raw['venue_determiners'])})\s+(?:[a-z][\w-]*\s+)?$",
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
    return role


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
            wider = text[max(sent_start, m.start - 80) : m.start]
            area = AREA_OF.search(wider)
            if area:
                return area.group(1).lower()  # "through hillside neighbourhoods of Viña del Mar"
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


#: What a protest is against or over: "protested in Dakar against foreign trawlers", "rallied
#: over the pardon", "at the treatment of migrants" (not "over the weekend", "about 10,000
#: people").
_PROTEST_COMPLEMENT = LazyPattern(
    lambda: (
        rf"\b(?:against|about(?!\s+(?:\d|(?:{words('about_quantities')})\b))"
        rf"|over(?!\s+(?:\d|(?:the\s+)?(?:{words('over_times')})\b))"
        rf"|at\s+the\s+(?:{words('protest_grievances')})\s+of"
        rf"|(?:{words('protest_causes')}))\b"
    ),
    re.IGNORECASE,
)
#: Verbs of a statement whose object is another happening: "condemning strikes on Aleppo".
_CONDEMN = LazyPattern(lambda: rf"\b(?:{words('condemning_verbs')})\b", re.IGNORECASE)
#: What ends such a complement early: a new clause with a subject of its own.
_COMPLEMENT_END = LazyPattern(
    lambda: rf";|\s[–—]\s|,\s+(?:{words('complement_end_openers')})\b|\.\s"
)


def complement_spans(
    text: str, sent: Sentence, triggers: Sequence[Trigger], recognized: Sequence[Recognized]
) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, kind)`` of sentence ``sent`` that say what a protest is against
    (kind ``protest``: "protested in Dakar on Friday against foreign trawlers off Senegal") or
    what a statement condemns (kind ``statement``: "condemning strikes on Aleppo"). Each runs
    from the word that opens it to the end of the sentence or of its clause, or, for a
    protest, to the last of two or more places after "in"/"at" in it, which locates the protest
    ("rallied against the war in Gaza in London")."""
    out: list[tuple[int, int, str]] = []
    starts: list[tuple[int, str]] = []
    for t in triggers:
        if t.type.category == "protest":
            found = _PROTEST_COMPLEMENT.search(text, t.end, sent.end)
            if found is not None and not any(
                u.start < found.start() and u.start > t.end and u.type.category != "protest"
                for u in triggers
            ):
                starts.append((found.start(), "protest"))
    for found in _CONDEMN.finditer(text, sent.start, sent.end):
        starts.append((found.end(), "statement"))
    for start, kind in sorted(starts):
        if any(a <= start < b for a, b, _ in out):
            continue
        end_at = _COMPLEMENT_END.search(text, start, sent.end)
        end = end_at.start() if end_at else sent.end
        if kind == "protest":
            located = [
                m.start
                for m in recognized
                if start <= m.start < end and place_role(text, sent.start, m) in {"in", "at"}
            ]
            if len(located) >= 2:
                end = located[-1]
        out.append((start, end, kind))
    return out


def located_outside(
    text: str,
    sent: Sentence,
    m: Recognized,
    complement: tuple[int, int, str],
    recognized: Sequence[Recognized],
) -> bool:
    """True when sentence ``sent`` places its happening at a place outside ``complement``
    (in a locative role: "protested in Dakar … against …"), so that ``m``, inside it, is what
    the protest is about rather than a second place."""
    for other in recognized:
        if other.start >= sent.end:
            break
        if other is m or other.start < sent.start:
            continue
        if complement[0] <= other.start < complement[1]:
            continue
        if place_role(text, sent.start, other) in _LOCATING_ROLES:
            return True
        if _names_the_gathering(text, sent, other, complement):
            return True
    return False


#: The words between a town and what its protest is for or against: "a London rally in
#: support of …" (the trigger, and one word before it: "the London solidarity rally").
_GATHERING_GAP = re.compile(r"(?:\s+[\w-]+){1,2}\s+\Z")


def _names_the_gathering(
    text: str, sent: Sentence, other: Recognized, complement: tuple[int, int, str]
) -> bool:
    """True when ``other`` is a town that modifies the protest whose complement follows it
    ("a London rally in support of the people of Aleppo", "the Ottawa vigil against …"): the
    gathering's own place, so the places of its complement are what it is about."""
    if other.place.precision != 1 or other.end > complement[0]:
        return False
    if _GATHERING_GAP.match(text[other.end : complement[0]]) is None:
        return False
    return (
        ATTRIBUTIVE_BEFORE.search(text, max(sent.start, other.start - 20), other.start) is not None
    )


_LOCATING_ROLES = LazyWords("locating_roles")

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


#: Categories whose "on X" names a subject ("talks on Sudan"), unless X is of :data:`_ON_KINDS`.
_ON_IS_SUBJECT = frozenset({"diplomacy", "politics", "protest"})
_ON_KINDS = frozenset({"island", "peninsula"})
#: A trigger form that ends in a plural noun ("three crashes", "bodies found").
_PLURAL = re.compile(r"\b\w{2,}[^\Wsui]s\b", re.IGNORECASE)
#: The roles a place's modifier gives it ("near Athens", "waters off Taiwan"): they locate.
_MODIFIER_ROLES = LazyWords("modifier_roles")


#: How far back (characters) the words of care before a hospital's place are read.
_CARE_REACH = 200
#: The end of the sentence before: the words of care are read after it.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]*\s+(?=[\"'‘“(]*[A-Z])|\n")


def treated_at(text: str, m: Recognized) -> bool:
    """True when the place ``m`` is named as a hospital's town (``care_venues``: "in a Dallas
    hospital", "at Hartford Hospital", "at Carle Foundation Hospital in Urbana") in a sentence
    that tells, before it, where someone was taken, treated or died (``care_words``: "died
    Saturday in a Dallas hospital", "recovers from a car crash at Hartford Hospital"): where a
    victim was treated, not where the happening that hurt them was."""
    words = load_where_words()
    lo = max(0, m.start - _CARE_REACH)
    if not (
        words.care_after.match(text, m.end)
        or words.care_before.search(text, max(lo, m.start - 60), m.start)
    ):
        return False
    breaks = list(_SENTENCE_BREAK.finditer(text, lo, m.start))
    start = breaks[-1].end() if breaks else lo
    return words.care_words.search(text, start, m.start) is not None


def care_type(text: str, t: Trigger, m: Recognized, lex: Lexicon) -> TriggerType | None:
    """The type trigger ``t`` takes when place ``m`` is a hospital's town in a sentence of care
    (:func:`treated_at`) and ``t`` is a word of care (``care_words``) that the cause pass read
    as a harm of ``care_unplaced_categories`` ("died Saturday in a Dallas hospital from
    injuries received in the collision", "died" read as the accident): the word's own type
    (the death), which happened at the hospital, not the harm, which happened elsewhere.
    ``None`` when ``t`` keeps its type."""
    words = load_where_words()
    if (
        t.type.category not in words.care_unplaced_categories
        or words.care_words.fullmatch(t.form) is None
        or not treated_at(text, m)
    ):
        return None
    own = lex.forms.get(t.form)
    if own is None or own[0].category in words.care_unplaced_categories:
        return None
    return own[0]


def role_fits(text: str, t: Trigger, m: Recognized, role: str | None, lex: Lexicon) -> bool:
    """True when a place in ``role`` can be where trigger ``t`` happened. A hospital's town in a
    sentence of care (:func:`treated_at`) is never where a harm of ``care_unplaced_categories``
    happened ("recovers from a car crash at Hartford Hospital"), but a word of care that is the
    trigger is placed there ("died Saturday in a Dallas hospital from injuries received in the
    collision": the death, :func:`care_type`). A police force's
    or a court's place (role ``force``) is where only for the categories of
    ``placed_by_force`` (crime: "arrested by Danbury police") and, when the force is named
    first, the types of ``placed_by_force_types`` (what it investigates: "Berlin police are
    investigating the crash"), never for others ("Montreal police said the march was
    peaceful")."""
    words = load_where_words()
    if (
        t.type.category in words.care_unplaced_categories
        and treated_at(text, m)
        and words.care_words.fullmatch(t.form) is None
    ):
        # "recovers from a car crash at Hartford Hospital"; a death is at the hospital ("died
        # Saturday in a Dallas hospital from injuries received in the collision"), as a death
        # (:func:`care_type`), not as the crash
        return False
    if role == "force":
        if t.type.category in words.placed_by_force:
            return True
        # the force is the subject: "Berlin police are investigating the crash", not "injured
        # in the incident, said London police" or "asked to call London police"; one
        # happening, not a count ("Richmond police officers blamed for three crashes")
        return (
            t.type.name in words.placed_by_force_types
            and m.end <= t.start
            and _PLURAL.search(t.form) is None
        )
    if role is None or (role == "of" and role not in t.type.preps):
        # "invaded Ukraine"; "the storm devastated the territory of Mayotte"
        return t.type.object and t.end <= m.start and _is_object(text, t, m)
    if (
        role == "on"
        and t.type.category in _ON_IS_SUBJECT
        and "on" not in t.type.preps
        and m.place.kind not in _ON_KINDS
    ):
        # "talks on Sudan", "a statement on Ukraine", "protests on Gaza": "on" names the
        # subject; one meets "on" an island or a peninsula ("drills on the Sea of Japan" and
        # "fighting on the Donbas front" stay located)
        return False
    if role in lex.locative or role in _MODIFIER_ROLES:
        return True
    if role in t.type.preps:
        return t.end <= m.start  # "visit to Kyiv", "invasion of Ukraine": the trigger first
    # "missiles slammed into Kharkiv", "the hurricane slammed into Florida"
    return role == "into" and t.type.object and t.end <= m.start and _is_object(text, t, m)


def _is_object(text: str, t: Trigger, m: Recognized) -> bool:
    """True when the place is the object of the trigger verb ("invaded neighboring
    Ukraine", "visited Kyiv")."""
    if not t.type.object or t.end > m.start:
        return False
    between = text[t.end : m.start]
    lex = load_lexicon()
    weapon = lex.weapon.match(text, t.start)
    if (
        (t.type.category == "disaster" or (weapon is not None and weapon.end() == t.end))
        and len(between) <= 60
        and lex.impact.fullmatch(text, t.end, m.start)
    ):
        # "Cyclone Chido devastated the French territory of Mayotte", "Russian missiles hit
        # the Odesa and Mykolaiv regions"
        return True
    if len(between) > 40:
        return False
    found = OBJECT_BEFORE.search(text[t.start : m.start])
    return found is not None and found.start() == 0


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
