"""Text folding and the lookup keys of place names.

Two functions define how names are compared everywhere in the project:

- :func:`fold` maps every character of a text to exactly one character (lowercase, Latin
  diacritics stripped, typographic apostrophes and dashes unified), so an offset found in
  ``fold(text)`` is the same offset in ``text``. The recognizer matches names on folded text.
- :func:`normalize` turns a name into its lookup key: folded, whitespace collapsed, a leading
  "the" and surrounding punctuation removed.

:func:`variants` lists the extra keys under which the gazetteer indexes a name ("St." and
"Saint", "Sea of Japan" and "Japan Sea", hyphens as spaces…); :func:`town_spellings` the
keys a small town is also looked up under ("Hillsboro" / "Hillsborough").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gazetteer.wordlists import word_lists, word_map

__all__ = ["fold", "normalize", "town_spellings", "variants"]

#: Characters that read as an apostrophe in names ("Xi’an", "Hawaiʻi").
_APOSTROPHES = "\u2019\u2018\u201b\u02bc\u02bb\u02bd\u0060\u00b4\u2032\uff07"
#: Characters that read as a hyphen or dash.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
#: Latin letters that have no Unicode decomposition but an obvious base letter.
_LATIN_SPECIALS = {
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "ħ": "h",
    "Ħ": "h",
    "ı": "i",
    "ŀ": "l",
    "Ŀ": "l",
    "ŧ": "t",
    "Ŧ": "t",
    "ſ": "s",
    "ƒ": "f",
    "ɨ": "i",
    "ƚ": "l",
}


def _fold_char(char: str) -> str:
    """The single-character fold of ``char`` (see :func:`fold`), applied until it no longer
    changes: a compatibility form may decompose to a letter that folds again ("ꟸ", a
    modifier capital H with stroke, gives "ħ", which gives "h"), and folding twice must give
    what folding once gives."""
    for _ in range(_FOLD_ROUNDS):
        folded = _fold_once(char)
        if folded == char:
            break
        char = folded
    return char


#: More rounds than any chain of folds takes (two is the longest seen: ꟸ → ħ → h).
_FOLD_ROUNDS = 4


def _fold_once(char: str) -> str:
    """One step of :func:`_fold_char`."""
    if char in _LATIN_SPECIALS:
        return _LATIN_SPECIALS[char]
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if unicodedata.category(char) == "Zs":
        return " "
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    if len(stripped) == 1 and stripped != char and _is_latin(stripped):
        char = stripped
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN ")


class _FoldTable(dict):
    """A ``str.translate`` table that computes (and remembers) each character's fold."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Length-preserving per-character folding.

    Lowercases, strips diacritics from Latin letters (é→e, ł→l, İ→i), turns typographic
    apostrophes into ``'``, dashes and hyphens into ``-`` and Unicode spaces (no-break, thin…)
    into a plain space. ``len(fold(t)) == len(t)`` always: a character that cannot fold to
    one character (ß, æ, a ligature) stays as its lowercase single character or unchanged, so
    offsets found in ``fold(text)`` are offsets in ``text``.
    """
    return text.translate(_TABLE)


#: Punctuation stripped from both ends of a key.
_EDGE_PUNCT = " \t\n\r.,;:!?\"'()[]{}<>«»“”„‟*-–—/\\|"
_SPACES = re.compile(r"\s+")
#: How many names :func:`normalize` and :func:`variants` remember (a text asks about its
#: names again and again; the memo is bounded so a long run does not grow it forever).
NAME_MEMO = 1 << 16


@lru_cache(maxsize=NAME_MEMO)
def normalize(name: str) -> str:
    """The lookup key of a name.

    Folds the name (:func:`fold`), collapses whitespace to single spaces, strips surrounding
    punctuation and a leading "the ": ``normalize("The Sea of Japan") == "sea of japan"``,
    ``normalize("  KAZAN, ") == "kazan"``, ``normalize("U.S.") == "u.s"``. Inner punctuation is
    kept, so a key can be searched for in ``fold(text)``.
    """
    key = _SPACES.sub(" ", fold(name)).strip(_EDGE_PUNCT)
    while key.startswith("the "):
        key = key[4:].strip(_EDGE_PUNCT)
    return key


#: Abbreviations in source names and their spelled-out words, both ways for some
#: (``name_words.yaml``).
_ABBREVIATIONS = word_map("name_words.yaml", "abbreviations")
#: Spelled-out words that news also writes abbreviated.
_SHORT_FORMS = word_lists("name_words.yaml", "short_forms")
#: Endings of a town name's last word and their other spellings (``name_words.yaml``).
_TOWN_ENDINGS = word_lists("name_words.yaml", "town_endings")
_SEA_OF = re.compile(r"^sea of (?P<x>.+)$")
_STRAIT_OF = re.compile(r"^(?:strait|straits) of (?P<x>.+)$")
_X_STRAIT = re.compile(r"^(?P<x>.+) strait$")


def variants(name: str) -> list[str]:
    """Every key under which ``name`` is indexed, its :func:`normalize` key first.

    Adds, when they differ from the key: abbreviations spelled out and back ("St. Petersburg"
    / "Saint Petersburg" / "St Petersburg", "Spratly Is." / "Spratly Islands"), hyphens and
    apostrophes relaxed ("Port-au-Prince" / "Port au Prince", "Xi'an" / "Xian"), "Sea of X" as
    "X Sea" and "X Strait" as "Strait of X" (and back). Deterministic order, no duplicates.
    A new list on every call (the keys are remembered per name).
    """
    return list(_variants(name))


@lru_cache(maxsize=NAME_MEMO)
def town_spellings(name: str) -> tuple[str, ...]:
    """The lookup keys of ``name`` with its last word's ending spelled the other way
    (``town_endings`` of ``name_words.yaml``): ``town_spellings("Hillsboro") ==
    ("hillsborough",)``; empty for a name with no such ending, and for a last word that is
    the ending alone ("Boro"). Never the key of ``name`` itself."""
    key = normalize(name)
    head, _, last = key.rpartition(" ")
    out: list[str] = []
    for ending, others in _TOWN_ENDINGS.items():
        if len(last) <= len(ending) or not last.endswith(ending):
            continue
        stem = last[: -len(ending)]
        for other in others:
            spelled = f"{head} {stem}{other}" if head else f"{stem}{other}"
            if spelled != key and spelled not in out:
                out.append(spelled)
    return tuple(out)


@lru_cache(maxsize=NAME_MEMO)
def _variants(name: str) -> tuple[str, ...]:
    """:func:`variants`, as a tuple remembered per name."""
    return tuple(_compute_variants(name))


def _compute_variants(name: str) -> list[str]:
    """The keys of :func:`variants`, computed."""
    key = normalize(name)
    if not key:
        return []
    out: list[str] = [key]

    def add(candidate: str) -> None:
        candidate = normalize(candidate)
        if candidate and candidate not in out:
            out.append(candidate)

    words = _SPACES.sub(" ", fold(name)).strip().split(" ")
    spelled = [_ABBREVIATIONS.get(w, w) for w in words]
    add(" ".join(words))
    add(" ".join(spelled))
    for i, word in enumerate(spelled):
        for short in _SHORT_FORMS.get(word, ()):
            add(" ".join([*spelled[:i], short, *spelled[i + 1 :]]))
    for form in list(out):
        if "-" in form:
            add(form.replace("-", " "))
        if "'" in form:
            add(form.replace("'", ""))
            add(form.replace("'", " "))
    for form in list(out):
        if m := _SEA_OF.match(form):
            add(f"{m['x']} sea")
        elif m := _STRAIT_OF.match(form):
            add(f"{m['x']} strait")
        elif m := _X_STRAIT.match(form):
            add(f"strait of {m['x']}")
    return out
