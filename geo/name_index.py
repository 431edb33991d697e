"""The recognizer's index of place names: every blanked gazetteer key, found in a text.

A name matches where its blanked form stands between two spaces of the padded scan text
(``" " + scan_text(text) + " "``), as an Aho-Corasick automaton of ``" " + name + " "``
found it. Such a match is a run of whole space-separated tokens of that text, so the index
holds dicts instead of an automaton: one-word names looked up token by token, and names of
several words followed token by token through the set of their word prefixes ("new",
"new york" for "new york city"). Building it is a dict insertion a name (the automaton's
build was about a fifth of a second a process, once per run); :meth:`NameIndex.spans` gives
the matches the automaton gave, each overlapping name too.
"""

from __future__ import annotations

__all__ = ["NameIndex"]


class NameIndex:
    """Blanked names (no leading or trailing space) → the gazetteer key first added for
    each; :meth:`add` names, then :meth:`spans` and ``in``."""

    __slots__ = ("_names", "_prefixes", "_words")

    def __init__(self) -> None:
        #: one-word blanked name → its key
        self._words: dict[str, str] = {}
        #: blanked name of several words → its key
        self._names: dict[str, str] = {}
        #: the proper word prefixes of the names of several words: "new", "new york", ...
        self._prefixes: set[str] = set()

    def add(self, blanked: str, key: str) -> None:
        """Index ``key`` under its blanked form, unless a key of that form came first."""
        if " " not in blanked:
            if blanked not in self._words:
                self._words[blanked] = key
            return
        if blanked in self._names:
            return
        self._names[blanked] = key
        prefixes = self._prefixes
        words = blanked.split(" ")
        prefix = words[0]
        prefixes.add(prefix)
        for word in words[1:-1]:
            prefix = f"{prefix} {word}"
            prefixes.add(prefix)

    def words(self) -> frozenset[str]:
        """The one-word names."""
        return frozenset(self._words)

    def __len__(self) -> int:
        return len(self._words) + len(self._names)

    def __contains__(self, padded: object) -> bool:
        """Whether ``padded`` (``" " + blanked + " "``) is an indexed name."""
        if not isinstance(padded, str) or len(padded) < 2:
            return False
        if padded[0] != " " or padded[-1] != " ":
            return False
        inner = padded[1:-1]
        return inner in self._names if " " in inner else inner in self._words

    def spans(self, padded: str) -> list[tuple[int, int, str]]:
        """Every indexed name standing between spaces of ``padded`` (the scan text with a
        space before and after) as (start, -end, key), offsets into the unpadded text;
        overlapping names all given, in no particular order."""
        found: list[tuple[int, int, str]] = []
        words = self._words
        names = self._names
        prefixes = self._prefixes
        tokens = padded.split(" ")
        count = len(tokens)
        pos = 0  # offset in padded of tokens[i]
        for i, token in enumerate(tokens):
            if token in words:
                found.append((pos - 1, 1 - pos - len(token), words[token]))
            if token in prefixes:
                name = token
                j = i + 1
                while j < count:
                    name = f"{name} {tokens[j]}"
                    key = names.get(name)
                    if key is not None:
                        found.append((pos - 1, 1 - pos - len(name), key))
                    if name not in prefixes:
                        break
                    j += 1
            pos += len(token) + 1
        return found
