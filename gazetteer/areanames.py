"""How derived areas are named and described: a place's name after a preposition ("off the
Philippines"), a compass part's base name and the sentence saying how it was cut, distances in
nautical miles, and name lists ("A, B and C").
"""

from __future__ import annotations

import re

from gazetteer.place import Place
from gazetteer.wordlists import word_list

NAUTICAL_MILE_KM = 1.852


#: The words and names that take "the" after a preposition (``article_names.yaml``).
_DATA = "article_names.yaml"
#: Last words of feature names English gives "the" after a preposition: "off the Kuril
#: Islands", "near the Black Sea", "around the Malay Peninsula" (not "near Sable Island").
_ARTICLE_HEADS = frozenset(word_list(_DATA, "heads"))
#: First words of names that take it when an "of" follows ("the Gulf of Mexico").
_ARTICLE_FIRST = frozenset(word_list(_DATA, "first_words"))
#: Kinds whose names take it by their generic word (a city "Montego Bay" does not). The
#: kinds of the data model (gazetteer/place.py), not English words.
_ARTICLE_KINDS = frozenset({
    "island_group", "range", "peninsula", "desert", "region", "ocean", "sea", "strait",
    "gulf", "bay", "sound", "channel", "lagoon", "other", "river", "port",
})  # fmt: skip
#: Country names written with "the" ("off the Philippines", "near the United States"): a
#: name that starts with one of the first words, is one of the names, or holds one of the
#: words.
_ARTICLE_COUNTRY = re.compile(
    "^(?:"
    + "|".join(
        [
            *(re.escape(word) + " " for word in word_list(_DATA, "country_first_words")),
            *(re.escape(name) + "$" for name in word_list(_DATA, "countries")),
            *(rf".*\b{re.escape(word)}\b" for word in word_list(_DATA, "country_words")),
        ]
    )
    + ")"
)


def after_preposition(place: Place) -> str:
    """``place``'s name as it reads after "off", "near", "around" or "of": with "the" for
    island groups, ranges, seas, gulfs and the like named by a generic word ("the Spratly
    Islands", "the South China Sea", "the Gulf of Mexico") and for the countries English
    names so ("the Philippines", "the United States"); the bare name otherwise ("Alaska",
    "Taiwan", "Sable Island", "Sabina Shoal")."""
    name = place.name
    if name.lower().startswith("the "):
        return name
    words = name.lower().split()
    generic = words[-1] in _ARTICLE_HEADS or (words[0] in _ARTICLE_FIRST and "of" in words)
    if (place.kind in _ARTICLE_KINDS and generic) or (
        place.kind == "country" and _ARTICLE_COUNTRY.match(name)
    ):
        return f"the {name}"
    return name


def nautical(km: float) -> str:
    """A distance as a description says it: in nautical miles when it is a whole number of
    them ("200 nautical miles"), else in kilometres ("50 km")."""
    nmi = km / NAUTICAL_MILE_KM
    return f"{nmi:g} nautical miles" if abs(nmi - round(nmi)) < 1e-6 else f"{km:g} km"


_COMPASS_HOW = {
    "north": "the northernmost two fifths of its area, cut along a parallel",
    "south": "the southernmost two fifths of its area, cut along a parallel",
    "east": "the easternmost two fifths of its area, cut along a meridian",
    "west": "the westernmost two fifths of its area, cut along a meridian",
    "central": "the middle third of its area from north to south and from east to west",
}


def compass_how(detail: str) -> str:
    """How the compass part ``detail`` ("north", "northwest", "central", …) is cut, as the
    end of a description ("the northernmost two fifths of its area, cut along a parallel")."""
    if detail in _COMPASS_HOW:
        return _COMPASS_HOW[detail]
    ns, ew = detail[:5], detail[5:]
    across = f"{ns}-{'west' if ew == 'east' else 'east'}"
    ends = f"{'south' if ns == 'north' else 'north'}-{ew}"
    return (
        f"the two fifths of its area farthest to the {ns}-{ew}, cut along a line running "
        f"{across} to {ends}"
    )


def compass_base_name(base: Place, detail: str) -> str:
    """The base's name as it reads after a compass adjective: Natural Earth splits oceans into
    "North Pacific Ocean" and "South Pacific Ocean", and "the northwestern Pacific" reads
    "Northwestern Pacific Ocean", not "Northwestern North Pacific Ocean"."""
    name = base.name
    if base.kind == "ocean":
        for word in ("North", "South"):
            if name.startswith(word + " ") and detail.startswith(word.lower()):
                return name[len(word) + 1 :]
    return name


def join_names(names: list[str]) -> str:
    """Names as a list in a sentence: "A", "A and B", "A, B and C" ("" for none)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
