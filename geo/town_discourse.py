"""One sense per article for a small town the article pins once.

A name only a small town bears (:mod:`gazetteer.towns`, no main-index place) is found
where the text pins it: "Bantam, Conn.", "off X in Italy", "Italy's X"
(:meth:`geo.recognize.Recognizer.find`). An article that pins it once names it bare after
("the island of X", "south of X"); :func:`with_pinned_repeats` gives those bare mentions the
pinned town, in that article only. A bare mention is taken only when it is the whole name,
with no capitalised word joined to it (not part of a longer name), the name is no common
word or designator and the article never uses it as a person's name (the filters of
:mod:`geo.bare_towns`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geo.bare_towns import a_person_here, has_town, not_a_town_word
from geo.toponyms import Recognized, Resolution, Toponym

if TYPE_CHECKING:
    from collections.abc import Sequence

    from gazetteer import Place

__all__ = ["with_pinned_repeats"]

#: Kinds of place a pinned town may be.
_TOWN_KINDS = frozenset({"town", "city"})
#: A capitalised word right before a mention, and what precedes that word.
_CAP_BEFORE = re.compile(r"(^|.)[ \t]*[A-Z][\w'’-]*[ \t]+$", re.S)
#: What ends a sentence or a line: the capitalised word after it opens a sentence.
_SENTENCE_END = frozenset('.!?:\n"“”')
#: A capitalised word right after a mention.
_CAP_AFTER = re.compile(r"[ \t]+[A-Z]")


def pinned_towns(recognized: Sequence[Recognized], recognizer: Any) -> dict[str, Place]:
    """The names of the ``recognized`` mentions that only a small town bears (no main-index
    place) mapped to that town, for names the article gives one town only."""
    towns: dict[str, set[str]] = {}
    places: dict[str, Place] = {}
    gazetteer = recognizer.gazetteer
    if getattr(gazetteer, "has_town", None) is None:
        return {}
    for r in recognized:
        name = r.toponym.name
        if r.place.kind not in _TOWN_KINDS or r.place != r.base:
            continue
        if not has_town(gazetteer, name) or recognizer.candidates(name):
            continue
        towns.setdefault(name, set()).add(r.place.id)
        places[name] = r.place
    return {n: places[n] for n, ids in towns.items() if len(ids) == 1}


def with_pinned_repeats(
    text: str,
    resolution: Resolution,
    recognizer: Any,
    pinned: dict[str, Place],
    skip: Sequence[Any] = (),
) -> Resolution:
    """``resolution`` with the bare mentions of each ``pinned`` name (of
    :func:`pinned_towns`, read from this article's own mentions) added as that town: whole
    words overlapping no mention and no ``skip`` span, no capitalised word joined to them;
    none for a common word or a name the article uses as a person's."""
    if not pinned:
        return resolution
    taken = sorted(
        [(r.start, r.end) for r in resolution.recognized] + [(s.start, s.end) for s in skip]
    )
    added: list[Recognized] = []
    for name, town in pinned.items():
        if not_a_town_word(name) or a_person_here(text, name):
            continue
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-]|['’][a-rt-z])", text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            if _CAP_AFTER.match(text, e) or _joined_before(text, s):
                continue  # "Port X", "X Harbour Authority": a longer name
            t = Toponym(start=s, end=e, name_start=s, name_end=e, name=name)
            added.append(Recognized(toponym=t, place=town, base=town))
    if not added:
        return resolution
    out = sorted([*resolution.recognized, *added], key=lambda r: r.start)
    return replace(resolution, recognized=out)


def _joined_before(text: str, start: int) -> bool:
    """True when a capitalised word that opens no sentence stands right before ``start``
    ("Port X", "Mayor X"); a sentence's first word ("In X") does not join."""
    m = _CAP_BEFORE.search(text[max(0, start - 40) : start])
    return m is not None and m.group(1) not in _SENTENCE_END and m.group(1) != ""
