"""The English words of the gazetteer's rules, as data: the word lists and word maps of the
YAML files in ``gazetteer/data/`` (``modifiers.yaml``, ``designators.yaml``,
``article_names.yaml``, ``name_words.yaml``), each parsed once per process.

The modules hold the grammar (how the words combine into a pattern, which rule a phrase
means); these files hold the vocabulary. A value that is not a string (YAML reads an unquoted
``off``, ``on``, ``yes`` or ``no`` as a boolean) is an error, never a silently lost word.

    >>> "provinces" in word_list("modifiers.yaml", "part_nouns")
    True
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from gazetteer.errors import GazetteerError

__all__ = ["WORD_FILES", "load_words", "word_list", "word_lists", "word_map"]

#: The data files read through this module (their bytes are part of the rules' digest:
#: :func:`gazetteer.areacache.source_fingerprint`).
WORD_FILES = ("article_names.yaml", "designators.yaml", "modifiers.yaml", "name_words.yaml")

#: libyaml's loader when PyYAML was built with it, else PyYAML's own (both safe).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_words(name: str) -> dict[str, object]:
    """The YAML file ``gazetteer/data/<name>``, parsed once per process (a mapping)."""
    text = resources.files("gazetteer").joinpath("data", name).read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=_LOADER)
    if not isinstance(raw, dict):
        raise GazetteerError(f"gazetteer/data/{name} must hold a mapping")
    return raw


def _entry(name: str, key: str) -> object:
    try:
        return load_words(name)[key]
    except KeyError:
        raise GazetteerError(f"gazetteer/data/{name} has no entry {key!r}") from None


def _is_words(values: object) -> bool:
    return isinstance(values, list) and all(isinstance(w, str) for w in values)


def word_list(name: str, key: str) -> tuple[str, ...]:
    """The list ``key`` of ``gazetteer/data/<name>``, in file order (every item a string)."""
    values = _entry(name, key)
    if not _is_words(values):
        raise GazetteerError(f"gazetteer/data/{name}: {key!r} must be a list of strings")
    return tuple(values)  # type: ignore[arg-type]


def word_map(name: str, key: str) -> dict[str, str]:
    """The mapping ``key`` of ``gazetteer/data/<name>``, in file order (every key and value
    a string)."""
    values = _entry(name, key)
    if not isinstance(values, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in values.items()
    ):
        raise GazetteerError(f"gazetteer/data/{name}: {key!r} must map strings to strings")
    return dict(values)


def word_lists(name: str, key: str) -> dict[str, tuple[str, ...]]:
    """The mapping ``key`` of ``gazetteer/data/<name>`` from a string to a list of strings,
    in file order."""
    values = _entry(name, key)
    if not isinstance(values, dict) or not all(
        isinstance(k, str) and _is_words(v) for k, v in values.items()
    ):
        raise GazetteerError(f"gazetteer/data/{name}: {key!r} must map strings to string lists")
    return {k: tuple(v) for k, v in values.items()}
