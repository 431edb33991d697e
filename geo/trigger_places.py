"""Which places a trigger may take: a place in a role (:func:`geo.where.place_role`) is where
the trigger's happening is only when the trigger's type accepts that role.

:func:`role_fits` promises ``False`` for a role the type refuses: "talks on Sudan" (a
subject), a hospital's town in a sentence of care for a harm that happened elsewhere
(:func:`treated_at`, :func:`care_type`), a police force's town for a category it does not
place, a place that is no object of the trigger's verb. :func:`complement_spans` gives the
spans that say what a protest is against or what a statement condemns, and
:func:`located_outside` whether the sentence places its happening outside such a span: the
places inside it are what the happening is about, not where it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.clauses import (
    ATTRIBUTIVE_BEFORE,
    OBJECT_BEFORE,
    Sentence,
)
from geo.lexicon import Lexicon, Trigger, TriggerType, load_lexicon
from geo.vocabulary import LazyPattern, LazyWords, words
from geo.where import load_where_words, place_role

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "appended_place",
    "care_type",
    "complement_spans",
    "located_outside",
    "role_fits",
    "treated_at",
]


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


def appended_place(
    text: str, sent: Sentence, trigger_start: int, place_start: int, locative: frozenset[str]
) -> bool:
    """True when the place at ``place_start`` stands in the clause right after the trigger's,
    a clause that opens with a locative preposition: a place phrase set off by a comma that
    goes on with the trigger's clause ("after a boat capsized late on Sunday in the Tana
    River, in eastern Kenya's Garissa County"); not a place of the clause before the
    trigger's, nor one a clause of its own governs ("…, and rescuers reached Leeds")."""
    k = sent.clause_of(place_start)
    if k == 0 or sent.clause_of(trigger_start) != k - 1:
        return False
    opening = _OPENING_WORD.match(text, sent.clauses[k], place_start)
    return opening is not None and opening.group(1).lower() in locative


#: The first word of a clause, after the punctuation and spaces that open it.
_OPENING_WORD = re.compile(r"[\s,;:–—-]*([A-Za-z]+)\b")


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
    if role == "host":
        # "The Mount Vernon Chamber of Commerce held its annual banquet": named before it
        return t.type.name in words.placed_by_host_types and m.end <= t.start
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
