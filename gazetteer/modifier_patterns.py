"""The phrase tables of :mod:`gazetteer.modifiers`: the regular expressions of the modifier
phrases before a place name ("off the coast of", "northwestern", "the outskirts of") and
after it ("'s coast", " territorial waters"), each with the modifier rule and detail it means,
and the word sets that let :func:`gazetteer.modifiers.find_prefix` skip the patterns that
cannot match.

It promises data only, compiled once at import: :data:`PREFIXES` and :data:`SUFFIXES` are
lists of ``(pattern, rule, detail)`` (a ``compass`` detail is read from the phrase);
:data:`TAILS` maps a tuple of indexes into :data:`PREFIXES` to one pattern that tries them
at the end of a window of text, :data:`ENDINGS` a phrase's last word to those indexes.
"""

from __future__ import annotations

import re

__all__ = [
    "BEFORE_LAST",
    "COMPASS_ENDING",
    "ENDINGS",
    "FAR",
    "FIRST_WORDS",
    "LAST_WORDS",
    "PREFIXES",
    "SUFFIXES",
    "SUFFIX_HEAD",
    "TAILS",
    "THE",
    "WORD",
    "WS",
]

#: Whitespace between words.
WS = r"[\s\u00a0]+"

#: An optional "the".
THE = rf"(?:the{WS})?"

_APOS = r"['’]"

_DIR = r"(?:north(?:[-\s]?(?:east|west))?|south(?:[-\s]?(?:east|west))?|east|west)"

#: Compass adjectives: northern, north-western, southeastern…
_DIR_ADJ = rf"(?:{_DIR}ern|central|centre|center|middle)"

#: An optional "far-" ("far-northern").
FAR = r"(?:far[-\s])?"

_PART = r"(?:part|parts|region|regions|area|areas|reaches|half|section|provinces|districts|side)"

#: Prefix phrases, each with the modifier it means, tried in order (longest forms first).
PREFIXES: list[tuple[str, str, str | None]] = [
    # waters
    (rf"{THE}territorial{WS}waters{WS}of{WS}", "waters", "territorial"),
    (rf"{THE}(?:exclusive{WS}economic{WS}zone|(?-i:EEZ)){WS}of{WS}", "waters", "eez"),
    (rf"{THE}coastal{WS}waters{WS}(?:of|off){WS}", "coast", None),
    (rf"{THE}waters{WS}(?:around|surrounding|encircling){WS}", "around", None),
    (rf"{THE}(?:waters|seas?){WS}(?:near|close{WS}to){WS}", "near", "sea"),
    (rf"{THE}waters{WS}(?:off|of){WS}", "waters", "eez"),
    # coast
    (rf"(?:just{WS})?off{WS}{THE}(?:coasts?|coastline|shores?){WS}of{WS}", "coast", None),
    (rf"along{WS}{THE}(?:coasts?|coastline|shores?){WS}of{WS}", "coast", "coastal"),
    (rf"{THE}(?:coasts?|coastline|shores?){WS}of{WS}", "coast", "coastal"),
    (rf"coastal{WS}(?:{_PART}{WS}of{WS})?", "coast", "coastal"),
    (rf"(?:just{WS})?off(?:shore{WS}(?:from{WS})?|{WS})", "coast", None),
    # near
    (rf"(?:in{WS})?{THE}vicinity{WS}of{WS}", "near", None),
    (rf"not{WS}far{WS}from{WS}", "near", None),
    (rf"close{WS}to{WS}", "near", None),
    (rf"(?:just{WS})?outside{WS}(?:of{WS})?", "near", None),
    (rf"{THE}outskirts{WS}of{WS}", "near", None),
    (rf"near(?:{WS}to)?{WS}", "near", None),
    # around
    (rf"(?:all{WS})?around{WS}", "around", None),
    (r"(?:encircling|surrounding|circling|encircle|surround)" + WS, "around", None),
    # compass
    (rf"{THE}{FAR}{_DIR_ADJ}{WS}{_PART}{WS}of{WS}", "compass", None),
    (rf"the{WS}{FAR}(?:{_DIR}|centre|center|middle){WS}of{WS}", "compass", None),
    (rf"{THE}{FAR}(?:{_DIR_ADJ}|{_DIR}){WS}", "compass", None),
    (rf"{THE}(?-i:NE|NW|SE|SW){WS}", "compass", None),
]

#: Words that can end a prefix phrase: a fast pre-check before running the regex.
LAST_WORDS = frozenset(
    {
        "the",
        "of",
        "off",
        "to",
        "from",
        "near",
        "outside",
        "around",
        "encircling",
        "surrounding",
        "circling",
        "encircle",
        "surround",
        "coastal",
        "offshore",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
        "centre",
        "center",
        "middle",
        "ne",
        "nw",
        "se",
        "sw",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    }
)

#: Which prefix patterns (indexes into PREFIXES) can end with a given last word; the
#: recognizer only runs the few that can match.
ENDINGS: dict[str, tuple[int, ...]] = {
    "of": (0, 1, 2, 5, 6, 7, 8, 9, 11, 14, 15, 19, 20),
    "off": (2, 5, 10),
    "to": (4, 13, 16),
    "from": (10, 12),
    "near": (4, 16),
    "around": (3, 17),
    "surrounding": (3, 18),
    "encircling": (3, 18),
    "circling": (18,),
    "encircle": (18,),
    "surround": (18,),
    "outside": (14,),
    "coastal": (9,),
    "offshore": (10,),
    "ne": (22,),
    "nw": (22,),
    "se": (22,),
    "sw": (22,),
}

#: The prefix patterns a compass word may end (indexes into PREFIXES).
COMPASS_ENDING = (21,)

_COMPASS_WORDS = frozenset(
    {
        *("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"),
        *("north-east", "north-west", "south-east", "south-west", "centre", "center", "middle"),
    }
)

_PART_WORDS = frozenset(
    {
        *("part", "parts", "region", "regions", "area", "areas", "reaches", "half", "section"),
        *("provinces", "districts", "side"),
    }
)

#: For the prefix patterns ending with "of", "to" or "from": every word that can stand
#: right before that last word in them ("the waters of", "close to", "not far from"), so
#: find_prefix need not try the patterns after "the capital of", "to", "from"...
BEFORE_LAST: dict[str, frozenset[str]] = {
    "of": frozenset(
        {
            *("waters", "zone", "eez", "coast", "coasts", "coastline", "shore", "shores"),
            *("vicinity", "outside", "outskirts"),
            *_PART_WORDS,
            *_COMPASS_WORDS,
        }
    ),
    "to": frozenset({"close", "near"}),
    "from": frozenset({"offshore", "far"}),
}


def _tail_pattern(indexes: tuple[int, ...]) -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<p{i}>{PREFIXES[i][0]})" for i in indexes)
    return re.compile(rf"(?<![\w'’-])(?P<mod>{alternatives})(?:the{WS})?\Z", re.IGNORECASE)


#: One pattern per tuple of prefix indexes, tried at the end of a window of text.
TAILS: dict[tuple[int, ...], re.Pattern[str]] = {
    indexes: _tail_pattern(indexes) for indexes in {*ENDINGS.values(), COMPASS_ENDING}
}

#: A word, with its inner apostrophes and hyphens.
WORD = re.compile(r"(?<![\w'’-])\w[\w'’-]*")

#: Words a prefix phrase can start with.
FIRST_WORDS = frozenset(
    {
        "the",
        "in",
        "off",
        "just",
        "along",
        "not",
        "close",
        "near",
        "all",
        "coastal",
        "territorial",
        "exclusive",
        "eez",
        "waters",
        "seas",
        "sea",
        "far",
        "outside",
        "offshore",
        *(w for w in LAST_WORDS if w not in {"of", "to", "from"}),
    }
)

#: Suffix phrases after a base name.
SUFFIXES: list[tuple[str, str, str | None]] = [
    (rf"(?:{_APOS}s?)?{WS}territorial{WS}waters", "waters", "territorial"),
    (rf"(?:{_APOS}s?)?{WS}(?:exclusive{WS}economic{WS}zone|(?-i:EEZ))", "waters", "eez"),
    (rf"(?:{_APOS}s?)?{WS}coastal{WS}waters", "coast", None),
    (rf"(?:{_APOS}s?)?{WS}waters", "waters", "eez"),
    (rf"(?:{_APOS}s?)?{WS}(?:coast|coastline|shores?|seaboard)", "coast", "coastal"),
    (rf"{_APOS}s{WS}{FAR}(?:{_DIR_ADJ}|{_DIR}){WS}{_PART}", "compass", None),
    (rf"{_APOS}s{WS}{FAR}(?:{_DIR}|centre|center)", "compass", None),
]

#: Any suffix phrase right after a name (group ``s<i>`` tells which of SUFFIXES).
SUFFIX_HEAD = re.compile(
    r"(?P<mod>"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _, _) in enumerate(SUFFIXES))
    + r")(?![\w-])",
    re.IGNORECASE,
)
