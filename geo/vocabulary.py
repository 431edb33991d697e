"""The English words of the event passes, as data: word lists loaded once from
``geo/data/grammar.yaml``, and the helpers that turn a word list into a regex alternation.

The passes hold the grammar (how the words combine: the structure of each regex); the data
file holds the vocabulary. A pattern is built on first use (:class:`LazyPattern`), so that
importing a pass reads no file.

    >>> alternation(["in", "ahead of", "war-torn"])
    'ahead\\\\s+of|war\\\\-torn|in'
    >>> "near" in LazyWords("locating_roles")
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from importlib import resources
from typing import Any

import yaml

from geo.errors import GeoError

__all__ = [
    "CaselessPattern",
    "LazyCaseless",
    "LazyPattern",
    "LazyWords",
    "alternation",
    "grammar_words",
    "load_data",
    "lowered",
    "words",
]


def alternation(phrases: Iterable[str], *, loose_hyphens: bool = False) -> str:
    """A regex alternation of ``phrases`` that matches each of them literally, longest first
    (so that a longer phrase wins over its prefix), with any run of whitespace between the
    words of a phrase. With ``loose_hyphens`` a hyphen also matches a space or nothing
    ("air-strike" matches "air strike" and "airstrike")."""
    ordered = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    parts = (re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    if loose_hyphens:
        parts = (p.replace(r"\-", r"[-\s]?") for p in parts)
    return "|".join(parts)


#: Characters that ``re.IGNORECASE`` matches to an ASCII letter and ``str.lower`` leaves alone
#: (the long s is "s", the dotless i is "i"). The dotted capital I, which lowers to two
#: characters, is caught by the length test of :func:`lowered`; the Kelvin sign lowers to "k"
#: as it folds. (tests/geo/test_caseless.py checks every code point.)
_FOLDS_APART = ("\u017f", "\u0131")
#: An escape in a regex source ("\\s", "\\W", "\\-"), or a group's name ("(?P<sub>").
_ESCAPE = re.compile(r"\\.|\(\?P(?:<\w+>|=\w+\))", re.DOTALL)
#: An inline flag group that sets or clears the ignore-case flag.
_CASE_FLAG = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]*)?i")


def _plain_letter(c: str) -> bool:
    """Whether the letter ``c`` of a pattern matches, ignoring case, just the characters that
    lower to it: a lower-case letter of ASCII or of the Latin supplements, not one of
    :data:`_FOLDS_APART` (Greek letters, the micro sign and a few others have more)."""
    return c.islower() and (c.isascii() or "\u00c0" <= c <= "\u024f") and c not in _FOLDS_APART


def lowered(text: str) -> str | None:
    """``text.lower()`` when a :class:`CaselessPattern` finds in it exactly the spans that an
    ``re.IGNORECASE`` search finds in ``text`` (the same length, and none of the characters
    the two fold apart); else ``None``."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _FOLDS_APART):
        return None
    return low


class CaselessPattern:
    """A regex of lower-case words, matched whatever the case of the text: compiled with
    ``re.IGNORECASE`` for any text, and without it for the text lowered once by
    :func:`lowered`, on which it finds the same spans several times faster (the engine no
    longer folds the case of every character it tries). Read the words a match covers from
    the text itself: the spans are the same, the letters lower-case.

    The source must hold no capital (escapes such as ``\\W`` aside), no letter outside
    ASCII and the Latin supplements ("é" in "coup d'état") and no inline flag for case: else
    only the ``re.IGNORECASE`` pattern is used. That one is compiled when first needed (most
    texts are searched lowered: compiling the lexicon's patterns twice cost 0.02 s a process)."""

    __slots__ = ("_folded", "_source", "lower")

    def __init__(self, source: str) -> None:
        self._source = source
        self._folded: re.Pattern[str] | None = None
        bare = _ESCAPE.sub("", source)
        plain = not _CASE_FLAG.search(bare) and all(_plain_letter(c) for c in bare if c.isalpha())
        self.lower = re.compile(source) if plain else None
        if self.lower is None:
            self._folded = re.compile(source, re.IGNORECASE)

    @property
    def folded(self) -> re.Pattern[str]:
        """The pattern compiled with ``re.IGNORECASE`` (on first use)."""
        if self._folded is None:
            self._folded = re.compile(self._source, re.IGNORECASE)
        return self._folded

    @property
    def pattern(self) -> str:
        return self._source

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """The matches in ``text``; ``low`` is :func:`lowered` of ``text``."""
        if low is None or self.lower is None:
            return self.folded.finditer(text)
        return self.lower.finditer(low)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A match at ``pos`` of ``text`` (with ``re.IGNORECASE``)."""
        return self.folded.match(text, pos)


class LazyCaseless:
    """A :class:`CaselessPattern` built on first use from ``source()`` (which may read the
    word lists), as :class:`LazyPattern` is for a plain one."""

    __slots__ = ("_built", "_source")

    def __init__(self, source: Callable[[], str]) -> None:
        self._source = source
        self._built: CaselessPattern | None = None

    @property
    def built(self) -> CaselessPattern:
        """The pattern (built once)."""
        if self._built is None:
            self._built = CaselessPattern(self._source())
        return self._built

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """The matches in ``text``; ``low`` is :func:`lowered` of ``text``."""
        return self.built.finditer(text, low)


#: libyaml's loader when PyYAML was built with it (several times faster), else PyYAML's own.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_data(name: str) -> dict:
    """The YAML data file ``geo/data/<name>``, parsed once per process (a mapping)."""
    text = resources.files("geo").joinpath("data", name).read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=_LOADER)
    if not isinstance(raw, dict):
        raise GeoError(f"geo/data/{name} must hold a mapping")
    return raw


@cache
def _grammar() -> dict[str, tuple[str, ...]]:
    raw = load_data("grammar.yaml")
    out: dict[str, tuple[str, ...]] = {}
    for name, value in raw.items():
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise GeoError(f"geo/data/grammar.yaml: {name!r} must be a list of strings")
        out[name] = tuple(value)
    return out


def grammar_words(name: str) -> tuple[str, ...]:
    """The word list ``name`` of ``geo/data/grammar.yaml``, in file order."""
    try:
        return _grammar()[name]
    except KeyError:
        raise GeoError(f"geo/data/grammar.yaml has no list {name!r}") from None


def words(*names: str) -> str:
    """The alternation (:func:`alternation`) of the word lists ``names`` of
    ``geo/data/grammar.yaml``, for use inside a regex group."""
    return alternation(w for name in names for w in grammar_words(name))


#: The methods of :class:`re.Pattern` a :class:`LazyPattern` offers.
_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall")


class LazyPattern:
    """A compiled regex built on first use from ``source()`` (which may read the word lists),
    with the methods of :class:`re.Pattern` the passes use. Once built, those methods are
    the compiled pattern's own (bound on the instance): a search costs no wrapper call."""

    __slots__ = ("_compiled", "_flags", "_source", *_PATTERN_METHODS)

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]

    def __init__(self, source: Callable[[], str], flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        for name in _PATTERN_METHODS:
            setattr(self, name, partial(_first_call, self, name))

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (built once)."""
        if self._compiled is None:
            compiled = re.compile(self._source(), self._flags)
            for name in _PATTERN_METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags


def _first_call(pattern: LazyPattern, name: str, *args: Any, **kwargs: Any) -> Any:
    """The first call of one of ``pattern``'s methods: compiles it, which binds them all."""
    return getattr(pattern.compiled, name)(*args, **kwargs)


class LazyWords:
    """The word list ``name`` of ``geo/data/grammar.yaml`` as a set, read on first use."""

    __slots__ = ("_name", "_words")

    def __init__(self, name: str) -> None:
        self._name = name
        self._words: frozenset[str] | None = None

    def _get(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(grammar_words(self._name))
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())
