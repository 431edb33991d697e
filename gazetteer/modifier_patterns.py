"""The phrase tables of :mod:`gazetteer.modifiers`: the regular expressions of the modifier
phrases before a place name ("off the coast of", "northwestern", "the outskirts of") and
after it ("'s coast", " territorial waters"), each with the modifier rule and detail it means,
and the word sets that let :func:`gazetteer.modifiers.find_prefix` skip the patterns that
cannot match.

It promises data only, compiled once at import: :data:`PREFIXES` and :data:`SUFFIXES` are
lists of ``(pattern, rule, detail)`` (a ``compass`` detail is read from the phrase);
:data:`TAILS` maps a tuple of indexes into :data:`PREFIXES` to one pattern that tries them
at the end of a window of text, :data:`ENDINGS` a phrase's last word to those indexes.

The patterns are the grammar; the words that are vocabulary (part nouns, middle nouns, around
verbs, the pre-checks' first words and words before "of") come from
``gazetteer/data/modifiers.yaml``, read once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gazetteer.wordlists import word_list

__all__ = [
    "ABBREVIATED",
    "BEFORE_LAST",
    "CARDINALS",
    "CENTRAL",
    "COMPASS_ABBREVIATIONS",
    "COMPASS_ENDING",
    "DIRECTIONS",
    "EAST_WEST",
    "ENDINGS",
    "FAR",
    "FIRST_WORDS",
    "LAST_WORDS",
    "MIDDLE_NOUNS",
    "NORTH_SOUTH",
    "PREFIXES",
    "SUFFIXES",
    "SUFFIX_HEAD",
    "TAILS",
    "THE",
    "WORD",
    "WS",
]

#: The data file of the phrases' words (part nouns, middle nouns, around verbs, pre-checks).
_DATA = "modifiers.yaml"

#: Whitespace between words.
WS = r"[\s\u00a0]+"

#: An optional "the".
THE = rf"(?:the{WS})?"

_APOS = r"['’]"


def _alternatives(words: Iterable[str]) -> str:
    """The words as a regex alternation, in their order (words of a phrase apart by ``WS``)."""
    return "|".join(re.escape(w).replace(r"\ ", WS) for w in words)


#: The compass points. Grammar, not vocabulary (the compass rose is a closed class): "north"
#: and "south" take "east" or "west" after them ("northeast", "north-west"), their initials
#: make the abbreviations ("NE"), each direction takes "-ern" ("north-western").
NORTH_SOUTH = ("north", "south")
EAST_WEST = ("east", "west")
CARDINALS = (*NORTH_SOUTH, *EAST_WEST)
#: The eight compass directions written as one word ("north" … "southwest"), the compass
#: details of a modifier with "central".
DIRECTIONS = (*CARDINALS, *(ns + ew for ns in NORTH_SOUTH for ew in EAST_WEST))
_HYPHENATED = tuple(f"{ns}-{ew}" for ns in NORTH_SOUTH for ew in EAST_WEST)
#: The abbreviations of the intercardinal directions, lower case ("ne" → "northeast").
ABBREVIATED = {ns[0] + ew[0]: ns + ew for ns in NORTH_SOUTH for ew in EAST_WEST}
#: The abbreviations as a pattern, matched in capitals only ("NE", not "ne").
COMPASS_ABBREVIATIONS = "(?-i:" + "|".join(a.upper() for a in ABBREVIATED) + ")"
#: The compass detail of the middle of a place, and its adjective ("central Syria").
CENTRAL = "central"
#: The nouns of the middle of a place ("the centre of X"), which also mean "central".
MIDDLE_NOUNS = word_list(_DATA, "middle_nouns")

_EW = "|".join(EAST_WEST)
_DIR = "(?:" + "|".join(rf"{ns}(?:[-\s]?(?:{_EW}))?" for ns in NORTH_SOUTH) + f"|{_EW})"

#: Compass adjectives: northern, north-western, southeastern…
_DIR_ADJ = rf"(?:{_DIR}ern|{CENTRAL}|{_alternatives(MIDDLE_NOUNS)})"

#: An optional "far-" ("far-northern").
FAR = r"(?:far[-\s])?"

_PART_NOUNS = word_list(_DATA, "part_nouns")
_PART = f"(?:{_alternatives(_PART_NOUNS)})"
_AROUND_VERBS = word_list(_DATA, "around_verbs")
_WATERS_AROUND_VERBS = word_list(_DATA, "waters_around_verbs")
_POSSESSIVE_MIDDLE = _alternatives(word_list(_DATA, "possessive_middle_nouns"))

#: Prefix phrases, each with the modifier it means, tried in order (longest forms first).
PREFIXES: list[tuple[str, str, str | None]] = [
    # waters
    (rf"{THE}territorial{WS}waters{WS}of{WS}", "waters", "territorial"),
    (rf"{THE}(?:exclusive{WS}economic{WS}zone|(?-i:EEZ)){WS}of{WS}", "waters", "eez"),
    (rf"{THE}coastal{WS}waters{WS}(?:of|off){WS}", "coast", None),
    (rf"{THE}waters{WS}(?:around|{_alternatives(_WATERS_AROUND_VERBS)}){WS}", "around", None),
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
    (f"(?:{_alternatives(_AROUND_VERBS)})" + WS, "around", None),
    # compass
    (rf"{THE}{FAR}{_DIR_ADJ}{WS}{_PART}{WS}of{WS}", "compass", None),
    (rf"the{WS}{FAR}(?:{_DIR}|{_alternatives(MIDDLE_NOUNS)}){WS}of{WS}", "compass", None),
    (rf"{THE}{FAR}(?:{_DIR_ADJ}|{_DIR}){WS}", "compass", None),
    (rf"{THE}{COMPASS_ABBREVIATIONS}{WS}", "compass", None),
]

#: Which prefix patterns (indexes into PREFIXES) can end with a given last word; the
#: recognizer only runs the few that can match.
ENDINGS: dict[str, tuple[int, ...]] = {
    "of": (0, 1, 2, 5, 6, 7, 8, 9, 11, 14, 15, 19, 20),
    "off": (2, 5, 10),
    "to": (4, 13, 16),
    "from": (10, 12),
    "near": (4, 16),
    "around": (3, 17),
    **{verb: (3, 18) if verb in _WATERS_AROUND_VERBS else (18,) for verb in _AROUND_VERBS},
    "outside": (14,),
    "coastal": (9,),
    "offshore": (10,),
    **{abbreviation: (22,) for abbreviation in ABBREVIATED},
}

#: The prefix patterns a compass word may end (indexes into PREFIXES).
COMPASS_ENDING = (21,)

#: Every compass word a prefix phrase can end with: the directions, one word or hyphenated,
#: their adjectives ("northern", "north-western"), "central" and the middle nouns.
_COMPASS_FORMS = frozenset(
    {
        *DIRECTIONS,
        *_HYPHENATED,
        *(direction + "ern" for direction in (*DIRECTIONS, *_HYPHENATED)),
        CENTRAL,
        *MIDDLE_NOUNS,
    }
)

#: Words that can end a prefix phrase: a fast pre-check before running the regex.
LAST_WORDS = frozenset({"the", *ENDINGS, *_COMPASS_FORMS})

_COMPASS_WORDS = frozenset({*DIRECTIONS, *_HYPHENATED, *MIDDLE_NOUNS})

_PART_WORDS = frozenset(_PART_NOUNS)

#: For the prefix patterns ending with "of", "to" or "from": every word that can stand
#: right before that last word in them ("the waters of", "close to", "not far from"), so
#: find_prefix need not try the patterns after "the capital of", "to", "from"...
BEFORE_LAST: dict[str, frozenset[str]] = {
    "of": frozenset({*word_list(_DATA, "before_of"), *_PART_WORDS, *_COMPASS_WORDS}),
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
        *word_list(_DATA, "first_words"),
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
    (rf"{_APOS}s{WS}{FAR}(?:{_DIR}|{_POSSESSIVE_MIDDLE})", "compass", None),
]

#: Any suffix phrase right after a name (group ``s<i>`` tells which of SUFFIXES).
SUFFIX_HEAD = re.compile(
    r"(?P<mod>"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _, _) in enumerate(SUFFIXES))
    + r")(?![\w-])",
    re.IGNORECASE,
)
