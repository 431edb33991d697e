"""Abbreviated divisions standing alone: "the S.C. Highway Patrol", "a Ga. pastor", "died in
Ky. jail", "Sen. Byron Dorgan, D-N.D.".

After a place name and a comma an abbreviation qualifies the name ("Glasgow, Ky.": see
:meth:`geo.recognize.Recognizer.resolve`). Local news also writes the abbreviation alone, as a
mention of the division itself. :func:`find_abbreviations` finds those, with the division the
abbreviation means and the mention's role; the forms are the gazetteer's written
abbreviations (``gazetteer/data/abbreviations.yaml``: AP, Canadian Press and Australian
forms, never the two-letter postal codes, which are English words).

An abbreviation is read alone only where it cannot be a word of the sentence:

- it means exactly one division ("Ky.", "S.C."; not "WA");
- a lower-case word, a number or a comma, semicolon, bracket or possessive follows it ("Ga.
  pastor", "S.C. 5", "(Ga.)", "L.A.'s");
- a capitalised word, or the end of the sentence, follows only an abbreviation of two
  initials or more ("S.C. Highway Patrol", "in northern B.C. For…"): a one-word form there
  is a title or an ordinary word ("former Del. Brian Moran", "after Mass. The");
- no number stands before it ("250 B.C." is a year).

After a party letter ("D-N.D.", "R-Ky.") it names an office holder's state: role
``organisation``, as does an abbreviation opening an organisation's name ("the S.C.
Highway Patrol", :func:`geo.roles.organisation_run`); otherwise ``location``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from geo.roles import organisation_run

__all__ = ["StandaloneAbbreviation", "find_abbreviations"]

#: A written abbreviation: a capitalised word of one to five letters and a full stop, then
#: more short dotted parts ("Ky.", "Calif.", "S.C.", "W.Va.", "W. Va.", "N.S.W."). What may
#: stand before it (not a letter, a full stop or a hyphen, but a party letter's "D-") is
#: tested apart: a pattern opening on a capital scans texts several times faster.
_TOKEN = re.compile(r"(?P<token>[A-Z][A-Za-z]{0,4}\.(?:[ \t]?[A-Z][A-Za-z]{0,2}\.)*)(?![\w-])")
_PARTY = re.compile(r"\b[DRI]-$")
#: Characters that, right before a token, make it part of a longer word or abbreviation.
_INSIDE = frozenset(".'’-_")
_NUMBER_BEFORE = re.compile(r"\d[ \t]*$")
_LOWER_OR_DIGIT_NEXT = re.compile(r"[ \t]+[a-z0-9]")
_PUNCTUATION_NEXT = re.compile(r"(?:[,;:)\]]|['’]s\b)")
_CAPITAL_OR_END_NEXT = re.compile(r"(?:\s+[A-Z\"“‘(]|\s*\Z)")


@dataclass(frozen=True, slots=True)
class StandaloneAbbreviation:
    """An abbreviated division standing alone in a text: its span, the one division it
    means, and the mention's role (``location`` or ``organisation``)."""

    start: int
    end: int
    place: Any
    role: str


def _initials(token: str) -> int:
    """How many dotted parts ``token`` has ("S.C." 2, "W. Va." 2, "Ky." 1)."""
    return token.count(".")


def _reads_alone(text: str, end: int, token: str) -> bool:
    """Whether what follows the abbreviation ``token`` ending at ``end`` lets it stand alone:
    a lower-case word, a number or punctuation, or (two initials or more) a capitalised word
    or the sentence's end."""
    if _LOWER_OR_DIGIT_NEXT.match(text, end) or _PUNCTUATION_NEXT.match(text, end):
        return True
    return _initials(token) >= 2 and _CAPITAL_OR_END_NEXT.match(text, end) is not None


def find_abbreviations(
    text: str,
    lookup: Callable[[str], tuple[Any, ...]],
    organisation_words: frozenset[str],
) -> Iterator[StandaloneAbbreviation]:
    """The abbreviated divisions standing alone in ``text``, in text order (see the module
    docstring for when an abbreviation is read alone). ``lookup`` is the gazetteer's
    :meth:`gazetteer.Gazetteer.abbreviation` (written forms only); ``organisation_words`` the
    recognizer's words that make a name an organisation's."""
    for m in _TOKEN.finditer(text):
        token = m.group("token")
        start, end = m.span("token")
        previous = text[start - 1] if start else " "
        inside = previous.isalnum() or previous in _INSIDE
        if inside and (previous != "-" or _PARTY.search(text, max(0, start - 3), start) is None):
            continue  # inside a word ("Ust-Luga.", "U.S.A.") or a longer abbreviation
        places = lookup(token)
        if len(places) != 1:
            continue
        before = text[max(0, start - 8) : start]
        party = previous == "-"
        if not party and _NUMBER_BEFORE.search(before):
            continue  # "between 250 and 100 B.C.": a year
        if not (party or _reads_alone(text, end, token)):
            continue
        organisation = party or organisation_run(text, end, organisation_words)
        yield StandaloneAbbreviation(
            start, end, places[0], "organisation" if organisation else "location"
        )
