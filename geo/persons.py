"""Evidence that a capitalised word is a person's name, not a place.

The toponym recognizer (``geo/recognize.py``) asks this module what a reader would accept
as evidence that a word naming a town ("Moore", "Taylor", "Lincoln") names a person here:

- a given name right before it ("Kelly Moore", "Lt. Paul Henderson"), from the US Census
  given names of ``geo/data/given_names.txt``;
- a lower-case person noun right before it ("coach Ripley", "officer Rogers",
  ``geo/data/person_cues.yaml``; capitalised titles are the recognizer's own list);
- a middle initial right before it ("Charles H. Wilson"), or a suffix after it
  ("Little Jr.");
- a verb of saying after a census surname ("Moore said", "Moore, 45, told"; "said Moore,"),
  unless "the" or a preposition comes before it ("officials in Columbia said");
- and, once the word is a person in an article, every later bare use of it in that article
  (coreference), unless that use carries place evidence: a locative preposition before it
  ("in Moore") or an abbreviated division after it ("Moore, Okla.").

A country, or a large division or capital ("Georgia", "Texas"), is never taken for a
person. The word lists are data (``person_cues.yaml``, ``given_names.txt``,
``surnames.txt``); this module holds the grammar and loads the lists once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from geo.vocabulary import alternation, load_data

__all__ = [
    "PersonCues",
    "age_after",
    "demonym_speaks",
    "initial_after",
    "initial_before",
    "nickname_around",
    "noun_apposition",
    "office_after",
    "person_cues",
    "place_cue",
    "possessive_before_noun",
    "pronoun_after",
    "saint_name",
    "speaker",
    "suffix_after",
    "two_initials_before",
]


@dataclass(frozen=True, slots=True)
class PersonCues:
    """The cues, read from the data files: ``given`` names (``not_given`` left out),
    ``surnames``, ``person_nouns`` (all lower case), name ``suffixes`` (as written: "Jr",
    "III"), ``name_openers`` ("the", "st"), and the patterns ``speech`` (a verb of saying
    after a name: "said", ", 45, said"), ``pronoun`` (a verb and a personal pronoun after a
    name: ", wearing his"), ``office`` (a head of government's office after a name:
    " administration", "-era"), ``relation_of`` (the people around a person and "of"
    before a name: "acquaintances of "), ``family_after`` (" family" after a name),
    ``place_before`` (a locative preposition ending the text before a name) and
    ``not_speaker_before``."""

    given: frozenset[str]
    surnames: frozenset[str]
    person_nouns: frozenset[str]
    suffixes: frozenset[str]
    name_openers: frozenset[str]
    speech: re.Pattern[str]
    pronoun: re.Pattern[str]
    office: re.Pattern[str]
    relation_of: re.Pattern[str]
    family_after: re.Pattern[str]
    place_before: re.Pattern[str]
    not_speaker_before: re.Pattern[str]


@cache
def person_cues() -> PersonCues:
    """The person cues of ``geo/data/person_cues.yaml`` and ``geo/data/given_names.txt``,
    read once per process."""
    raw = load_data("person_cues.yaml")
    not_given = {str(w).lower() for w in raw["not_given"]}
    given = _word_file("given_names.txt")
    return PersonCues(
        speech=re.compile(rf"(?:,[ \t]+\d{{1,3}},)?[ \t]+(?:{_words(raw, 'speech_verbs')})\b"),
        office=re.compile(
            r"(?:[ \t]+and[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?(?:[ \t]+|-)"
            rf"(?:{_words(raw, 'office_after')})\b"
        ),
        relation_of=re.compile(
            rf"\b(?:{_words(raw, 'relations_of')})[ \t]+of[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
        ),
        family_after=re.compile(rf"[ \t]+(?:{_words(raw, 'family_after')})\b"),
        pronoun=re.compile(
            rf",?[ \t]+(?!(?:{_words(raw, 'not_pronoun_verbs')})\b)[a-z]+[ \t]+"
            rf"(?:{_words(raw, 'pronouns')})\b"
        ),
        place_before=re.compile(
            rf"\b(?:{_words(raw, 'place_before')})[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
        ),
        not_speaker_before=re.compile(
            rf"\b(?:{_words(raw, 'not_speaker_before')})[ \t]+$", re.IGNORECASE
        ),
        name_openers=frozenset(str(w).lower() for w in raw["name_openers"]),
        given=frozenset(given - not_given),
        surnames=frozenset(_word_file("surnames.txt")),
        person_nouns=frozenset(str(w).lower() for w in raw["person_nouns"]),
        suffixes=frozenset(str(w) for w in raw["suffixes"]),
    )


@cache
def _census_given() -> frozenset[str]:
    return frozenset(_word_file("given_names.txt"))


def saint_name(word: str) -> bool:
    """Whether ``word`` is a census given name, ``not_given`` included ("Mark", "Patrick",
    "Mary"): after "St." it names a saint, whose feast and churches are no places."""
    return word.lower() in _census_given()


def _words(raw: dict[str, Any], name: str) -> str:
    """The words of list ``name`` of ``raw`` as a regex alternation, longest first."""
    return alternation(str(w).lower() for w in raw[name])


def _word_file(name: str) -> set[str]:
    """The lower-case words of ``geo/data/<name>``, one a line, ``#`` lines left out."""
    text = resources.files("geo").joinpath("data", name).read_text("utf-8")
    return {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}


#: A capitalised word, spaces, one capital letter and a period, spaces: "Charles H. " read
#: from the end (the text before a surname).
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w'’-]+[ \t]+[A-Z]\.[ \t]+$")
#: After a name: a middle initial and a capitalised word ("Milton J. Little").
_INITIAL_AFTER = re.compile(r"[ \t]+[A-Z]\.[ \t]+[A-Z][a-z]")
#: After a name: a suffix ("Little Jr.", "Little, Jr.", "Ford III").
_SUFFIX_AFTER = re.compile(r",?[ \t]+([A-Z][a-zA-Z]{1,2})\b\.?")
#: After a name: an age in commas ("Flores, 26, had", "Harrison, 8, held", "Paris, 51.").
_AGE_AFTER = re.compile(r",[ \t]+\d{1,3}(?:,|\.(?!\d)|[ \t]*\))")
#: Before a name: a word and a comma ("her daughter, Brittany"): the word is read.
_WORD_COMMA_BEFORE = re.compile(r"\b([a-z]+),[ \t]+$")


#: Before a name: two initials with their periods ("J.M. Barrie", "J. M. Barrie"); group 1
#: holds them.
_TWO_INITIALS = re.compile(r"(?<![\w.])([A-Z]\.[ \t]?[A-Z]\.)[ \t]+$")
#: Compass letters: "N.W. Rochester" is a part of the town, not a person's initials.
_COMPASS_LETTERS = frozenset("NSEW")


def two_initials_before(text: str, start: int) -> str | None:
    """The two initials right before ``start`` ("J.M." of "J.M. Barrie"), or ``None``; not
    compass letters ("N.W. Rochester"). The caller leaves out abbreviations of places
    ("U.S.", "N.J.")."""
    m = _TWO_INITIALS.search(text, max(0, start - 12), start)
    if m is None:
        return None
    letters = {c for c in m.group(1) if c.isalpha()}
    return None if letters <= _COMPASS_LETTERS else m.group(1)


def age_after(text: str, end: int) -> bool:
    """True when an age in commas follows ``end`` ("Flores, 26, had left")."""
    return _AGE_AFTER.match(text, end) is not None


def noun_apposition(text: str, start: int, line_start: int) -> bool:
    """True when a person noun and a comma stand right before ``start`` ("her daughter,
    Brittany")."""
    m = _WORD_COMMA_BEFORE.search(text, max(line_start, start - _WINDOW), start)
    return m is not None and m.group(1) in person_cues().person_nouns


#: After a name: a comma and an abbreviated division ("Moore, Okla.", "Jackson, Miss.").
_PLACE_AFTER = re.compile(r",[ \t]*[A-Z][a-z]{0,4}\.")
#: After a name: a possessive and a lower-case word ("George’s apartment", "Smith's head"):
#: a preposition before the name governs the noun, not the name.
_POSSESSED_NOUN = re.compile(r"['’]s?[ \t]+[a-z]")
_ENDS_POSSESSIVE = re.compile(r"['’]s?$")
_WINDOW = 40  # characters looked at before a name


def initial_before(text: str, start: int) -> bool:
    """True when a given name and a middle initial stand right before ``start``
    ("Charles H. Wilson")."""
    return _INITIAL_BEFORE.search(text, max(0, start - _WINDOW), start) is not None


def initial_after(text: str, end: int) -> bool:
    """True when a middle initial and a surname follow ``end`` ("Milton J. Little")."""
    return _INITIAL_AFTER.match(text, end) is not None


def suffix_after(text: str, end: int) -> bool:
    """True when a name suffix follows ``end`` ("Little Jr.", "Ford III")."""
    m = _SUFFIX_AFTER.match(text, end)
    return m is not None and m.group(1) in person_cues().suffixes


#: Before a name: "said" ("said Burley").
_SAID_BEFORE = re.compile(r"\b(?:said|says)[ \t]+$")


def speaker(text: str, start: int, end: int, line_start: int) -> bool:
    """True when the name at ``start:end`` speaks: a verb of saying follows it ("Moore
    said", "Moore, 45, told") or "said" stands before it and a comma or period after it
    ("said Moore, who…"; not "said Monroe Mayor…", "said Richmond police"), and neither "the"
    nor a preposition stands before it ("officials in Columbia said"). Only for census
    surnames: "Fargo said" is the city."""
    if text[start:end].lower() not in person_cues().surnames:
        return False
    floor = max(line_start, start - _WINDOW)
    if person_cues().not_speaker_before.search(text, floor, start) is not None:
        return False
    if person_cues().speech.match(text, end) is not None:
        return True
    return text[end : end + 1] in (",", ".", ";") and (
        _SAID_BEFORE.search(text, floor, start) is not None
    )


def demonym_speaks(text: str, start: int, end: int) -> bool:
    """True when the demonym at ``start:end`` is a person's surname that speaks: a verb of
    saying follows it and neither "the" nor a preposition stands before it ("“We
    cooperated,” French said"; not "the French said", nor a plural: "Russians say")."""
    cues = person_cues()
    if text[start:end].endswith("s") or cues.speech.match(text, end) is None:
        return False
    floor = text.rfind("\n", 0, start) + 1
    return cues.not_speaker_before.search(text, max(floor, start - _WINDOW), start) is None


#: A nickname in quotes between a given name and a surname ("Katherine “Kay” Parsons"):
#: after the given name, and before the surname.
_NICKNAME_AFTER = re.compile(r"[ \t]+[“\"‘'][A-Z][a-z]+[”\"’'][ \t]+[A-Z][a-z]")
_NICKNAME_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+[“\"‘'][A-Z][a-z]+[”\"’'][ \t]+$")


def nickname_around(text: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` opens or closes a whole name with a nickname in
    quotes ("Katherine “Kay” Parsons", "Rep. Harold “Hal” Rogers")."""
    if _NICKNAME_AFTER.match(text, end) is not None:
        return True
    return _NICKNAME_BEFORE.search(text, max(0, start - _WINDOW), start) is not None


def office_after(text: str, end: int) -> bool:
    """True when a head of government's office follows the name ending at ``end``, maybe
    after a second name ("the Clinton administration", "the Clinton and Bush Jr
    administrations", "the Obama-era rule")."""
    return person_cues().office.match(text, end) is not None


def pronoun_after(text: str, start: int, end: int, line_start: int) -> bool:
    """True when one verb and a personal pronoun follow the name at ``start:end``
    ("Lincoln, wearing his hat", "did Lincoln get his reputation") and neither "the" nor a
    preposition stands before it ("Kris Goodman of Cleveland, brought her dog")."""
    cues = person_cues()
    if cues.pronoun.match(text, end) is None:
        return False
    return cues.not_speaker_before.search(text, max(line_start, start - _WINDOW), start) is None


def possessive_before_noun(text: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` is a possessive ("George’s", "Smith's", the
    possessive in the span or right after it) followed by a lower-case word."""
    if _ENDS_POSSESSIVE.search(text, start, end) is not None:
        return text[end : end + 1] in (" ", "\t") and text[end + 1 : end + 2].islower()
    return _POSSESSED_NOUN.match(text, end) is not None


def place_cue(text: str, start: int, end: int, line_start: int) -> bool:
    """True when the name at ``start:end`` carries place evidence that outweighs its being a
    person elsewhere in the article: a locative preposition right before it ("in Moore")
    or an abbreviated division after a comma ("Moore, Okla."). The preposition is no cue
    when the name is a possessive before a lower-case noun ("at George’s apartment" is the
    apartment's place, and George stays the article's person), before an office ("in the
    days of the Obama administration") or " family" ("courtesy of the Flores family"),
    beside a nickname ("the beating of Katherine “Kay” Parsons"), or after the people
    around a person and "of" ("two acquaintances of Moore")."""
    cues = person_cues()
    floor = max(line_start, start - _WINDOW)
    if cues.place_before.search(text, floor, start) and not (
        possessive_before_noun(text, start, end)
        or office_after(text, end)
        or nickname_around(text, start, end)
        or cues.relation_of.search(text, floor, start) is not None
        or cues.family_after.match(text, end) is not None
    ):
        return True
    return _PLACE_AFTER.match(text, end) is not None
