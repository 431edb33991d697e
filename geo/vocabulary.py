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
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources

import yaml

from geo.errors import GeoError

__all__ = ["LazyPattern", "LazyWords", "alternation", "grammar_words", "load_data", "words"]


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


class LazyPattern:
    """A compiled regex built on first use from ``source()`` (which may read the word lists),
    with the methods of :class:`re.Pattern` the passes use."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: Callable[[], str], flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (built once)."""
        if self._compiled is None:
            self._compiled = re.compile(self._source(), self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        return self.compiled.findall(string, pos, endpos)


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
