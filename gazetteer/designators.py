"""Administrative designators: "Sylhet Division", "Idlib province", "Kano State", "the
Kharkiv region", "the province of Herat".

A city and the first-level division around it often share a name (Sylhet, Kano, Idlib, Herat,
Kharkiv). News that writes the bare name usually means the city, and the ranking says so (see
:meth:`gazetteer.ranking.Scorer.prefer_areas`); a designator word next to the name says the
text means the division. :func:`split_designator` takes the word off a query,
:func:`find_designator` finds it after a name in running text, and
:data:`DESIGNATORS` says which kinds of place each word can name.
"""

from __future__ import annotations

import re

from gazetteer.wordlists import word_lists

__all__ = ["DESIGNATORS", "find_designator", "split_designator"]

#: Designator word (lower case) → the kinds of place it names (``designators.yaml``).
DESIGNATORS: dict[str, frozenset[str]] = {
    word: frozenset(kinds) for word, kinds in word_lists("designators.yaml", "designators").items()
}

_WORDS = "|".join(re.escape(w) for w in sorted(DESIGNATORS, key=len, reverse=True))
_SPACE = r"[ \t\u00a0]+"
_AFTER = re.compile(rf"^(?:the{_SPACE})?(?P<name>.+?){_SPACE}(?P<word>{_WORDS})\.?$", re.I)
_BEFORE = re.compile(rf"^(?:the{_SPACE})?(?P<word>{_WORDS}){_SPACE}of{_SPACE}(?P<name>.+)$", re.I)
_FOLLOWING = re.compile(rf"{_SPACE}(?P<word>{_WORDS})(?![\w-])", re.I)


def split_designator(name: str) -> tuple[str, str] | None:
    """``(bare name, designator)`` of a query that names a division by its designator ("Kano
    State" → ``("Kano", "state")``, "the province of Herat" → ``("Herat", "province")``);
    ``None`` when it has none. Whether the bare name is a division is for the gazetteer to
    say."""
    text = name.strip()
    match = _AFTER.match(text) or _BEFORE.match(text)
    if match is None:
        return None
    bare = match.group("name").strip()
    if not bare or bare.lower() in DESIGNATORS or bare.lower() == "the":
        return None
    return bare, match.group("word").lower()


def find_designator(text: str, end: int) -> tuple[int, str] | None:
    """If a designator word follows ``text[:end]`` after a space ("Idlib| province",
    "Kano| State"), the offset where it ends and the word (lower case); else ``None``."""
    if end < 0 or end >= len(text):
        return None
    match = _FOLLOWING.match(text, end)
    if match is None:
        return None
    word = match.group("word")
    if not (word.islower() or word.istitle()):
        return None  # "KANO STATE" headlines are left to the plain name; "sTaTe" is noise
    return match.end(), word.lower()
