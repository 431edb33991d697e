"""Single words that match a place's name but name something else in their sentence, read
from the words around them (issue 11, "no false friends"): a reporter's name in a byline
inside a line ("… shop. BY KENT PRUETT Staff Writer"), an abbreviated title ("U.S. Sens.
Robert Byrd"), an acronym or a credit in capitals inside a sentence ("the Effort, or NICE
program"), and a town's name heading a noun phrase after "the" ("running the Webster.",
"the Duma’s speaker"): a theatre, a parliament, a car.

The recognizer (:meth:`geo.finding.Finding._accept`) asks these after its own filters;
each answers from the text alone, or from the name's ranked candidates, and the word lists
it reads are the recognizer's (``geo/data/toponym_filters.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from geo.date_grammar import DATE_DATA, MONTHS
from geo.scanning import filter_lists, sentence_initial
from geo.vocabulary import LazyPattern, alternation

__all__ = [
    "caps_inside_sentence",
    "reporter_name",
    "thing_after_the",
    "title_abbreviation",
    "weekday_stamp",
]

#: After a name in capitals: the mark of a dateline ("MANSFIELD --", "LEBANON (AP)").
_DATELINE_MARK = re.compile(r"[ \t]*(?:[-—–\x97]|\()")

#: After a reporter's given name: a capitalised surname ("By Kent Pruett", "BY KENT PRUETT").
_BYLINE_SURNAME = re.compile(r"[ \t]+([A-Z][A-Za-z'’-]+)\b")

#: After an abbreviated title: its period and a capitalised word ("Sens. Robert Byrd").
_TITLE_ABBREVIATION = re.compile(r"\.[ \t]+[A-Z]")

#: After a name: punctuation, a possessive or a verb ("the Duma,", "the Webster.", "the
#: Duma’s", "The Webster was"): the name heads its noun phrase. Not a comma before a
#: capitalised word: a qualifier or a list ("the Pittsburgh, Pennsylvania-based company",
#: "the Cambridge, Pleasant City and…").
_HEAD_END = LazyPattern(
    lambda: (
        r"(?:[.;:!?”\"]|,(?![ \t]*[A-Z])|['’]s?\b|[ \t]+(?:"
        + "|".join(sorted(filter_lists().verbs_after_a_head))
        + r")\b)"
    )
)

#: The kinds of place whose one-word name, heading a noun phrase after "the", is doubtful.
_TOWN_KINDS = frozenset({"city", "town", "capital"})

#: The longest abbreviated title read as one ("Sens", "Reps", "Gov").
_TITLE_LETTERS = 4


#: The weekdays' three-letter abbreviations ("mon", "tue"), lower case.
_WEEKDAY_ABBREVIATIONS = frozenset(w[:3].lower() for w in DATE_DATA["weekdays"])

#: After a weekday's abbreviation: a day number and a month's name, or a month's name and a
#: day number ("Mon 29 January 2024", "Fri, Jan. 12"): the abbreviation opens a date.
_DATE_AFTER = LazyPattern(
    lambda: (
        rf"[ \t]*,?[ \t]+(?:\d{{1,2}}(?:{alternation(DATE_DATA['ordinal_suffixes'])})?"
        rf"[ \t]+(?:{alternation(MONTHS)})\b"
        rf"|(?:{alternation(MONTHS)})\.?[ \t]+\d{{1,2}}\b)"
    )
)


def weekday_stamp(text: str, end: int, word: str) -> bool:
    """True when ``word`` (lower case, ending at ``end``) is a weekday's abbreviation opening
    a date ("Mon 29 January 2024:", "Fri, Jan. 12"): a date stamp, not the place of that
    name (Mon State); "fighting in Mon on Tuesday" keeps the place."""
    return word in _WEEKDAY_ABBREVIATIONS and _DATE_AFTER.match(text, end) is not None


def reporter_name(
    text: str, end: int, prev_word: str, prev_start: int, designators: frozenset[str]
) -> bool:
    """True when the name ending at ``end`` opens a byline inside a line: "By" or "BY"
    opens the sentence right before it and a capitalised surname follows it ("… fishing
    shop. BY KENT PRUETT Staff Writer"); not "By Kent County standards" (a designator)."""
    if prev_word not in ("By", "BY") or not sentence_initial(text, prev_start):
        return False
    m = _BYLINE_SURNAME.match(text, end)
    return m is not None and m.group(1).lower() not in designators


def title_abbreviation(text: str, end: int, word: str, titles: frozenset[str]) -> bool:
    """True when ``word`` (lower case, ending at ``end``) is a short title of ``titles``
    written with its period before a capitalised word ("U.S. Sens. Robert Byrd"): a
    title, not the town of its letters ("in Sens. it was…" keeps the town)."""
    return (
        len(word) <= _TITLE_LETTERS
        and word in titles
        and _TITLE_ABBREVIATION.match(text, end) is not None
    )


def caps_inside_sentence(text: str, start: int, end: int, prev_word: str) -> bool:
    """True when the word in capitals at ``start:end`` stands inside a sentence as an
    acronym or a name in a credit ("the Effort, or NICE program", "news agency MENA
    reported"), not as a dateline: it does not open a sentence, follows no word in
    capitals ("NEW MIAMI —", "A PARANAQUE court") and no dateline mark follows it
    ("March 24, 2009 MANSFIELD --", "LEBANON (AP)"). The caller keeps the acronyms of
    countries and divisions ("the DPRK")."""
    if sentence_initial(text, start) or (prev_word and prev_word.isupper()):
        return False
    return _DATELINE_MARK.match(text, end) is None


def thing_after_the(text: str, end: int, cands: Sequence[Any]) -> bool:
    """True when a one-word name ending at ``end``, after "the", heads its noun phrase
    (punctuation or a possessive follows it: "running the Webster.", "the Duma’s speaker")
    and its best place (``cands``, ranked) is a city or town whose name has no "The" ("The
    Hague", "The Woodlands"): a theatre, a parliament or a car, not the town. A noun after
    the name makes it the town's ("the Atlanta area", "the Toronto symposium")."""
    if _HEAD_END.match(text, end) is None:
        return False
    if not cands or cands[0].place.kind not in _TOWN_KINDS:
        return False
    return not any(c.place.name.lower().startswith("the ") for c in cands)
