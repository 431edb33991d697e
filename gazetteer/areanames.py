"""How derived areas are named and described: a place's name after a preposition ("off the
Philippines"), a compass part's base name and the sentence saying how it was cut, distances in
nautical miles, and name lists ("A, B and C").
"""

from __future__ import annotations

import re

from gazetteer.place import Place

NAUTICAL_MILE_KM = 1.852


#: Last words of feature names English gives "the" after a preposition: "off the Kuril
#: Islands", "near the Black Sea", "around the Malay Peninsula" (not "near Sable Island").
_ARTICLE_HEADS = frozenset({
    "islands", "isles", "islets", "keys", "mountains", "alps", "highlands", "sea", "ocean",
    "gulf", "bay", "strait", "straits", "channel", "sound", "peninsula", "desert",
    "archipelago", "basin", "plateau", "range", "lagoon", "delta", "river",
})  # fmt: skip
#: First words of names that take it when an "of" follows ("the Gulf of Mexico").
_ARTICLE_FIRST = frozenset({"gulf", "bay", "sea", "strait", "straits", "isthmus", "port", "river"})
#: Kinds whose names take it by their generic word (a city "Montego Bay" does not).
_ARTICLE_KINDS = frozenset({
    "island_group", "range", "peninsula", "desert", "region", "ocean", "sea", "strait",
    "gulf", "bay", "sound", "channel", "lagoon", "other", "river", "port",
})  # fmt: skip
#: Country names written with "the" ("off the Philippines", "near the United States").
_ARTICLE_COUNTRY = re.compile(
    r"^(?:United |Netherlands$|Philippines$|Bahamas$|Gambia$|Maldives$|Seychelles$|"
    r"Comoros$|Marshall Islands$|Solomon Islands$|Cayman Islands$|Falkland Islands$|"
    r"Faroe Islands$|Turks and Caicos Islands$|Cook Islands$|British Virgin Islands$|"
    r"Northern Mariana Islands$|Vatican$|.*\bRepublic\b)"
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
