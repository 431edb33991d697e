"""Mentions that are not locations: demonyms and places inside an organisation's name.

A place mention has a role (:data:`geo.model.ROLES`):

- ``location``: the text names the place itself ("talks in Beijing"); only these can place
  an event;
- ``demonym``: a national or regional adjective or people's name stands for it ("Russian
  forces", "Palestinians", "a Sri Lankan official": Russia, Palestine, Sri Lanka);
- ``organisation``: the name is part of an organisation's or an office holder's name ("the
  Alexandria Police Department", "University of Texas", "Monroe Mayor").

A court named after its seat (:func:`court_seat`: "Leeds Crown Court", "an Alexandria grand
jury") is the one exception: whatever its role, it places the court's own happenings
(trials, verdicts, rulings), as the annotation guidelines put them at the court's city.

This module holds the text side of the last two: :func:`find_demonyms` finds the demonyms of
``gazetteer/data/demonyms.tsv`` (and their plurals) in a scanned text with one
Aho-Corasick pass, and :func:`organisation_run` says whether the capitalised words after a
name make it an organisation's. The word lists are ``geo/data/roles.yaml``; the recognizer
(:mod:`geo.recognize`) applies the person-name and capitalisation filters and resolves the
place in the article's context ("Georgian" in a story about Atlanta is the US state's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from gazetteer.modifiers import demonym_table
from gazetteer.normalize import fold
from geo.vocabulary import alternation, load_data

__all__ = [
    "DemonymMatch",
    "court_seat",
    "find_demonyms",
    "organisation_run",
    "role_words",
    "venue_seat",
]

_LETTERS = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class RoleWords:
    """The word lists of ``geo/data/roles.yaml``, lower case."""

    demonym_not_before: frozenset[str]
    demonym_not_after: frozenset[str]
    organisation_words: frozenset[str]
    organisation_joiners: frozenset[str]
    demonym_no_plural_endings: frozenset[str]
    demonym_no_plural_kinds: frozenset[str]
    demonym_languages: frozenset[str]
    court_words: frozenset[str]
    court_modifiers: frozenset[str]
    court_groups: frozenset[str]
    court_forms: frozenset[str]
    court_crime_groups: frozenset[str]
    venue_seat_prepositions: frozenset[str]
    venue_seat_words: frozenset[str]


@cache
def role_words() -> RoleWords:
    """The lists of ``geo/data/roles.yaml``, loaded once."""
    raw = load_data("roles.yaml")
    return RoleWords(
        **{name: frozenset(str(w).lower() for w in raw[name]) for name in RoleWords.__slots__}
    )


@dataclass(frozen=True, slots=True)
class DemonymMatch:
    """A demonym in a text: its span and the name of the place it stands for."""

    start: int
    end: int
    place: str


@cache
def _automaton() -> ahocorasick.Automaton:
    """Every demonym form, folded and padded with a space on each side like the recognizer's
    scanned text (" russian ", " russians ", " sri lankan "), mapped to (length, place)."""
    automaton = ahocorasick.Automaton()
    no_plural = tuple(role_words().demonym_no_plural_endings)
    no_plural_kinds = role_words().demonym_no_plural_kinds
    for entry in demonym_table().values():
        forms = [entry.word]
        if not entry.word.lower().endswith(no_plural) and entry.kind not in no_plural_kinds:
            forms.append(entry.word + "s")
        for form in forms:
            blanked = _LETTERS.sub(" ", fold(form)).strip()
            automaton.add_word(f" {blanked} ", (len(blanked), entry.place))
    automaton.make_automaton()
    return automaton


def find_demonyms(text: str, padded: str) -> list[DemonymMatch]:
    """The capitalised demonyms of ``text`` ("Russian", "Russians", "Sri Lankan"), in text
    order, longest leftmost, with the place each stands for. ``padded`` is the recognizer's
    scanned text (:func:`geo.recognize.scan_text`) with a space on each side, so offsets in it
    are offsets in ``text`` plus one. A demonym whose first word is not capitalised, or that
    a word of :class:`RoleWords` rules out ("in Spanish", "Italian food", "Native
    American"), and a demonym that is mostly a language's name ("English"), is left out;
    person names are the recognizer's to filter."""
    words = role_words()
    found: list[DemonymMatch] = []
    last_end = -1
    hits = sorted(
        ((end - 1 - length, end - 1, place) for end, (length, place) in _automaton().iter(padded)),
        key=lambda h: (h[0], -h[1]),
    )
    for start, end, place in hits:
        if start < last_end or not text[start].isupper():
            continue
        if text[start:end].lower() in words.demonym_languages:
            continue
        if not all(w[:1].isupper() for w in text[start:end].split()):
            continue
        if _next_word(text, end) in words.demonym_not_before:
            continue
        if _previous_word(text, start) in words.demonym_not_after:
            continue
        found.append(DemonymMatch(start, end, place))
        last_end = end
    return found


_NEXT = re.compile(r"[ \t]+([A-Za-z][\w'’]*)")
_PREVIOUS = re.compile(r"([A-Za-z][\w'’]*)[ \t-]+$")


def _next_word(text: str, end: int) -> str:
    m = _NEXT.match(text, end)
    return m.group(1).lower() if m else ""


def _previous_word(text: str, start: int) -> str:
    m = _PREVIOUS.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


@cache
def _run_word() -> re.Pattern[str]:
    """One word of the capitalised run after a name: an ``organisation_joiners`` word may
    join it to the word before ("Department of Public Safety", "Parks and Recreation"); a
    word with a period ("Gov.", "Inc.") ends the run, so it never runs into the next
    sentence."""
    joiners = alternation(role_words().organisation_joiners)
    return re.compile(rf"[ \t]+(?:(?:{joiners})[ \t]+)?([A-Z][\w'’-]*)(\.?)")


#: At most this many words of the run are read.
_RUN_WORDS = 5


def organisation_run(text: str, end: int, heads: frozenset[str]) -> bool:
    """Whether the capitalised words right after ``text[:end]`` (a place name) make it part
    of an organisation's or an office holder's name: one of them is an
    ``organisation_words`` word of ``geo/data/roles.yaml`` or one of ``heads`` (the
    recognizer's organisation heads, building heads and titles): "Alexandria Police
    Department", "Texas Gov.", "Ohio State University"; not "Jordan Peterson. Mr. Lincoln"."""
    words = role_words().organisation_words
    run_word = _run_word()
    pos = end
    for _ in range(_RUN_WORDS):
        m = run_word.match(text, pos)
        if m is None:
            return False
        low = m.group(1).lower()
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        if low in words or low in heads:
            return True
        if m.group(2):
            return False  # "Peterson." ends the run
        pos = m.end()
    return False


@cache
def _court_after() -> re.Pattern[str]:
    """What follows a place that names a court's seat: up to three ``court_modifiers`` or
    capitalised words, then a ``court_words`` word."""
    words = role_words()
    modifiers = alternation(words.court_modifiers)
    return re.compile(
        rf"(?:[ \t]+(?:(?i:{modifiers})|[A-Z][\w'’-]*)){{0,3}}[ \t]+"
        rf"(?i:{alternation(words.court_words)})\b"
    )


def court_seat(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` names a court's seat: "Leeds Crown Court",
    "the Bantam Superior Court", "an Alexandria grand jury", "a Navarro County jury"; not
    "Leeds police said", "Leeds, where the court sat"."""
    return _court_after().match(text, end) is not None


@cache
def _venue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What stands before and after a town that names a venue's seat (see
    :func:`venue_seat`)."""
    words = role_words()
    before = re.compile(
        rf"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|the|and)[ \t]+)*)*)"
        rf"(?i:{alternation(words.venue_seat_prepositions)})[ \t]+(?:the[ \t]+)?\Z"
    )
    after = re.compile(
        rf"(?:[ \t]+[A-Z][\w'’-]*){{0,3}}?[ \t]+(?i:{alternation(words.venue_seat_words)})\b"
    )
    return before, after


def venue_seat(text: str, start: int, end: int) -> bool:
    """Whether the place name ``text[start:end]`` names the town of a venue it stands in, after
    a locative preposition: "at the Manila Cathedral", "at Kendale Lakes Elementary School";
    not "the Manila Cathedral said", "Manila police"."""
    before, after = _venue_patterns()
    found = before.search(text, max(0, start - 40), start)
    if found is None or after.match(text, end) is None:
        return False
    # not inside a longer name: "the Cathedral of the Holy Spirit at Chapel Hill Harvester
    # Church" is no church at Chapel Hill
    return not any(w.lower() in role_words().venue_seat_words for w in found.group(1).split())
