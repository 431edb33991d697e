"""Modifiers around place names: "near", "off the coast of", "northwestern", "around",
"<demonym> waters".

A :class:`Modifier` says how a vague or relative phrase turns a base place into an area
(see :func:`gazetteer.areas.derive`). Three entry points:

- :func:`parse_query` splits a whole query: ``"off Alaska"`` → (coast, ``"Alaska"``);
  ``"Swedish waters"`` → (waters, ``"Sweden"``).
- :func:`find_prefix` / :func:`find_suffix` are for the text recognizer: given the offsets of a
  base name it already found in a text, they extend the span over a modifier just before it
  ("off the coast of ⟨Alaska⟩") or just after it ("⟨Alaska⟩'s coast").
- :func:`find_demonym_phrases` finds the phrases with no place name at all ("Swedish waters",
  "the Somali coast") and :func:`demonym_country` maps an adjective to its country.

All regular expressions are compiled once at import: these run once per mention. The phrase
tables they are built from are :mod:`gazetteer.modifier_patterns`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from gazetteer.errors import GazetteerError
from gazetteer.modifier_patterns import (
    ABBREVIATED,
    BEFORE_LAST,
    CARDINALS,
    CENTRAL,
    COMPASS_ABBREVIATIONS,
    COMPASS_ENDING,
    DIRECTIONS,
    EAST_WEST,
    ENDINGS,
    FAR,
    FIRST_WORDS,
    LAST_WORDS,
    MIDDLE_NOUNS,
    NORTH_SOUTH,
    PREFIXES,
    SUFFIX_HEAD,
    SUFFIXES,
    TAILS,
    THE,
    WORD,
    WS,
)

__all__ = [
    "RULES",
    "Demonym",
    "Modifier",
    "demonym_country",
    "demonym_entry",
    "demonym_table",
    "find_demonym_phrases",
    "find_prefix",
    "find_suffix",
    "parse_query",
]

#: Modifier rules, and the details each accepts (None: no detail).
RULES: dict[str, frozenset[str | None]] = {
    "compass": frozenset({*DIRECTIONS, CENTRAL}),
    "coast": frozenset({None, "coastal"}),
    "near": frozenset({None, "sea"}),
    "around": frozenset({None}),
    "waters": frozenset({"eez", "territorial"}),
}


@dataclass(frozen=True, slots=True)
class Modifier:
    """A parsed modifier. ``rule`` is ``compass``, ``coast``, ``near``, ``around`` or ``waters``;
    ``detail`` is e.g. ``"northwest"`` for a compass part; ``phrase`` is the text matched.

    Details: compass directions (``north`` … ``southwest``, ``central``); ``coast``: ``None``
    (the sea off a coast) or ``"coastal"`` (the coastal strip: land, or sea when the event is at
    sea); ``near``: ``None`` or ``"sea"`` (the phrase itself says the event is at sea, as in
    "waters near X"); ``waters``: ``"eez"`` (an exclusive-economic-zone-like band) or
    ``"territorial"`` (12 nautical miles).
    """

    rule: str
    detail: str | None = None
    phrase: str = ""

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise GazetteerError(f"unknown modifier rule {self.rule!r}; use one of {sorted(RULES)}")
        if self.detail not in RULES[self.rule]:
            allowed = sorted(d for d in RULES[self.rule] if d is not None)
            raise GazetteerError(
                f"modifier rule {self.rule!r} does not take detail {self.detail!r}"
                + (f"; use one of {allowed}" if allowed else "")
            )


# --- Demonyms -------------------------------------------------------------------------------


class Demonym(NamedTuple):
    """A row of ``gazetteer/data/demonyms.tsv``."""

    word: str
    place: str
    country: str
    kind: str


def _key(word: str) -> str:
    return " ".join(word.replace("’", "'").replace("‐", "-").split()).casefold()


@cache
def _demonyms() -> dict[str, Demonym]:
    table: dict[str, Demonym] = {}
    text = resources.files("gazetteer").joinpath("data/demonyms.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
    )
    header = next(rows)
    if header != ["word", "place", "iso2", "kind"]:
        raise GazetteerError(f"demonyms.tsv has an unexpected header {header!r}")
    for row in rows:
        if not row:
            continue
        entry = Demonym(*row)
        table[_key(entry.word)] = entry
    return table


def demonym_table() -> Mapping[str, Demonym]:
    """Every row of ``gazetteer/data/demonyms.tsv`` by its case-folded word (read once)."""
    return MappingProxyType(_demonyms())


def demonym_entry(word: str) -> Demonym | None:
    """The table row for a demonym or national adjective (any case), or None."""
    return _demonyms().get(_key(word))


def demonym_country(word: str) -> str | None:
    """The country name for a national adjective or demonym: ``"Swedish"`` → ``"Sweden"``,
    ``"Philippine"`` → ``"Philippines"``; None for unknown words and for adjectives of places
    that are not countries (``"Alaskan"``; see :func:`demonym_entry` for those)."""
    entry = demonym_entry(word)
    return entry.place if entry is not None and entry.kind == "country" else None


#: A compass word in a phrase: a direction (one word, hyphenated or spaced), "central" or a
#: middle noun, or an abbreviation in capitals.
_DIRECTION_WORD = re.compile(
    "|".join(rf"{ns}[-\s]?{ew}" for ns in NORTH_SOUTH for ew in EAST_WEST)
    + "|"
    + "|".join((*CARDINALS, CENTRAL, *MIDDLE_NOUNS))
    + "|"
    + "|".join(rf"\b{abbreviation.upper()}\b" for abbreviation in ABBREVIATED),
    re.IGNORECASE,
)
#: The compass detail an abbreviation or a middle noun stands for ("ne" → "northeast").
_CANONICAL_DIRECTION = {**ABBREVIATED, **dict.fromkeys(MIDDLE_NOUNS, CENTRAL)}


def _direction(phrase: str) -> str:
    """The canonical compass detail named in ``phrase``."""
    match = _DIRECTION_WORD.search(phrase.replace("far-", "far "))
    if match is None:  # pragma: no cover - every compass pattern contains a direction
        raise GazetteerError(f"no compass direction in {phrase!r}")
    word = re.sub(r"[-\s]", "", match.group(0).lower())
    return _CANONICAL_DIRECTION.get(word, word)


@lru_cache(maxsize=1024)
def _modifier(rule: str, detail: str | None, phrase: str) -> Modifier:
    phrase = " ".join(phrase.split())
    if rule == "compass":
        detail = _direction(phrase)
    return Modifier(rule, detail, phrase)


def _matched(match: re.Match[str], table: list[tuple[str, str, str | None]], tag: str) -> Modifier:
    for key, value in match.groupdict().items():
        if value is not None and key.startswith(tag) and key[len(tag) :].isdigit():
            _, rule, detail = table[int(key[len(tag) :])]
            return _modifier(rule, detail, match.group("mod"))
    raise GazetteerError(
        "internal error: modifier pattern matched no alternative"
    )  # pragma: no cover


def find_prefix(text: str, start: int) -> tuple[int, Modifier] | None:
    """If a modifier phrase (optionally with "the") ends right before ``text[start:]``, the
    offset where it starts and the modifier; else None.

    >>> find_prefix("drills off the coast of Alaska", 24)
    (7, Modifier(rule='coast', detail=None, phrase='off the coast of'))
    """
    if start <= 0 or start > len(text):
        return None
    window_start = max(0, start - 50)
    window = text[window_start:start]
    body = window.rstrip()
    if not body or len(body) == len(window):
        return None  # a modifier is a word (or words) followed by a space
    last = _last_word(body)
    if last == "the":  # "off the ⟨Alaska⟩ coast", "near the ⟨Taiwan Strait⟩"
        body = body[: len(body) - 3].rstrip()
        last = _last_word(body)
    if last not in LAST_WORDS:
        return None  # fast path: most mentions follow "in", "and", a verb…
    before = BEFORE_LAST.get(last)
    if before is not None:  # "of", "to", "from": most are not modifiers ("the capital of")
        words = body[: len(body) - len(last)].split()
        word = words[-1].casefold().replace("’", "'") if words else ""
        if word not in before and word.removeprefix("far-") not in before:
            return None
    pattern = TAILS[ENDINGS.get(last, COMPASS_ENDING)]
    # Try the word starts left to right: the longest phrase that ends at the name wins.
    for word in WORD.finditer(window):
        first = word.group().casefold()
        if first not in FIRST_WORDS and not first.startswith("far-"):
            continue
        match = pattern.match(window, word.start())
        if match is not None:
            return window_start + match.start("mod"), _matched(match, PREFIXES, "p")
    return None


def _last_word(body: str) -> str:
    cut = max(body.rfind(" "), body.rfind("\t"), body.rfind("\n"), body.rfind("\u00a0"))
    return body[cut + 1 :].casefold().replace("’", "'")


def find_suffix(text: str, end: int) -> tuple[int, Modifier] | None:
    """If a modifier phrase starts right after ``text[:end]`` ("'s coast", "'s territorial
    waters", " waters", "'s northwest"), the offset where it ends and the modifier; else None.

    When both a prefix and a suffix are found ("off the Alaska coast"), the prefix's modifier
    says more (it is the sea off the coast) unless it is a compass word.
    """
    if end < 0 or end >= len(text):
        return None
    if not (text[end] in "'’" or text[end].isspace()):
        return None  # every suffix starts with an apostrophe or a space: most names end here
    match = SUFFIX_HEAD.match(text, end)
    if match is None:
        return None
    return match.end("mod"), _matched(match, SUFFIXES, "s")


# --- Demonym phrases ------------------------------------------------------------------------

_DEMONYM_TAILS: list[tuple[str, str, str | None]] = [
    (rf"territorial{WS}waters", "waters", "territorial"),
    (rf"coastal{WS}waters", "coast", None),
    (r"waters", "waters", "eez"),
    (rf"(?:exclusive{WS}economic{WS}zone|(?-i:EEZ))", "waters", "eez"),
    (r"(?:coast|coastline|seaboard)", "coast", "coastal"),
]


@cache
def _demonym_pattern() -> re.Pattern[str]:
    words = sorted(_demonyms().values(), key=lambda d: -len(d.word))
    alternation = "|".join(re.escape(d.word).replace(r"\ ", WS) for d in words)
    tails = "|".join(f"(?P<t{i}>{pattern})" for i, (pattern, _, _) in enumerate(_DEMONYM_TAILS))
    return re.compile(
        rf"(?<![\w'’-])(?P<off>(?:just{WS})?off{WS})?(?P<the>the{WS})?"
        rf"(?P<word>{alternation}){WS}(?P<tail>{tails})(?![\w-])",
        re.IGNORECASE,
    )


def _demonym_match(match: re.Match[str]) -> tuple[Modifier, str]:
    entry = demonym_entry(match.group("word"))
    if entry is None:  # pragma: no cover - the pattern is built from the table
        raise GazetteerError(f"unknown demonym {match.group('word')!r}")
    for i, (_, rule, detail) in enumerate(_DEMONYM_TAILS):
        if match.group(f"t{i}") is not None:
            if match.group("off") and rule == "coast":
                detail = None  # "off the Somali coast": the sea
            return _modifier(rule, detail, match.group(0)), entry.place
    raise GazetteerError("internal error: demonym tail matched nothing")  # pragma: no cover


@cache
def _phrase_openers() -> frozenset[str]:
    """The first run of word characters of every demonym phrase (casefolded): "just", "off",
    "the" and the first word of each demonym ("south" for "South African")."""
    words = {"just", "off", "the"}
    for entry in _demonyms().values():
        first = _WORD_RUN.match(entry.word)
        if first is not None:
            words.add(first.group().casefold())
    return frozenset(words)


_WORD_RUN = re.compile(r"\w+")
#: Where a demonym phrase can start: a run of word characters after no word character.
_PHRASE_START = re.compile(r"(?<![\w'’-])\w+")


def find_demonym_phrases(text: str) -> list[tuple[int, int, Modifier, str]]:
    """Every "<demonym> waters"-like phrase in ``text`` as (start, end, modifier, place name):
    "Swedish waters", "Philippine territorial waters", "off the Somali coast".

    The same matches as scanning the text with the (large) demonym pattern, but the pattern
    is only tried at words that can open a phrase ("off", "the", a demonym's first word)."""
    pattern = _demonym_pattern()
    openers = _phrase_openers()
    out = []
    last_end = 0
    for word in _PHRASE_START.finditer(text):
        if word.start() < last_end or word.group().casefold() not in openers:
            continue
        m = pattern.match(text, word.start())
        if m is not None:
            out.append((m.start(), m.end(), *_demonym_match(m)))
            last_end = m.end()
    return out


# --- Whole queries --------------------------------------------------------------------------

_LEADING_THE = re.compile(rf"^the{WS}", re.IGNORECASE)
_PREFIX_HEAD = re.compile(
    r"^(?P<mod>"
    + "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _, _) in enumerate(PREFIXES))
    + r")(?P<base>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _strip_the(name: str) -> str:
    return _LEADING_THE.sub("", name).strip()


def parse_query(
    text: str, *, is_known: Callable[[str], bool] | None = None
) -> tuple[Modifier | None, str]:
    """Split a query such as ``"off the coast of South Carolina"`` into its modifier and the
    base name (``"South Carolina"``). Returns ``(None, text)`` when there is no modifier.

    ``"Swedish waters"`` gives ``(waters, "Sweden")``: demonyms become the place's name.

    ``is_known``, when given, is a callable telling whether a whole phrase is itself a place
    name (e.g. ``gazetteer.candidates``). A known name wins ("Western Australia" is the state),
    except when the compass word is written in lower case before a capitalised name
    ("western Australia"), the typographic sign of a plain adjective.
    """
    query = " ".join(text.split())
    if not query:
        return None, text
    demonym = _demonym_pattern().fullmatch(query)
    if demonym is not None:
        modifier, place = _demonym_match(demonym)
        return modifier, place
    head = _PREFIX_HEAD.match(query)
    modifier: Modifier | None = None
    base = query
    if head is not None:
        modifier = _matched(head, PREFIXES, "p")
        base = head.group("base")
    # A trailing form on what is left: "Alaska's coast", "off the Alaska coast".
    for position in range(1, len(base)):
        if base[position] not in " '’":
            continue
        tail = SUFFIX_HEAD.match(base, position)
        if tail is not None and tail.end() == len(base):
            suffix = _matched(tail, SUFFIXES, "s")
            if modifier is None or modifier.rule == "compass":
                modifier = suffix
            base = base[:position]
            break
    base = _strip_the(base)
    if modifier is None or not base or not (base[0].isalnum()):
        return None, text
    if modifier.rule == "compass" and not _plain_adjective(modifier.phrase, base, is_known, query):
        return None, text
    if modifier.rule != "compass" and is_known is not None and is_known(query):
        return None, text
    return modifier, base


_BARE_CARDINAL = re.compile(rf"^{THE}{FAR}(?:{'|'.join(CARDINALS)})$", re.IGNORECASE)
_OF_FORM = re.compile(
    rf"{WS}of$|^{COMPASS_ABBREVIATIONS}$|^the{WS}{COMPASS_ABBREVIATIONS}$", re.IGNORECASE
)


def _plain_adjective(
    phrase: str, base: str, is_known: Callable[[str], bool] | None, query: str
) -> bool:
    """Whether a compass phrase before ``base`` is a plain adjective ("southern Lebanon")
    rather than the start of a proper name ("South Africa", "North Pacific Ocean").

    "The north of", "northern parts of" and abbreviations ("NW") are always adjectives. Else a
    compass word written in lower case before a capitalised name always is one. Otherwise a
    known whole name wins (when ``is_known`` is given); without ``is_known``, a capitalised
    compass word is taken as part of a name, and so is a bare lower-case cardinal before a
    lower-case name ("south africa").
    """
    if _OF_FORM.search(phrase) or phrase[:1] in "'’":
        return True  # "the north of X", "northern parts of X", "NW X", "X's north"
    words = [w for w in re.split(r"[\s-]+", phrase) if w.lower() not in {"the", "far"}]
    lower = bool(words) and words[0][:1].islower()
    if lower and base[:1].isupper():
        return True
    if is_known is not None:
        return not is_known(query)
    if not lower:
        return False
    return _BARE_CARDINAL.match(phrase) is None
