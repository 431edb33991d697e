"""Text scanning for the toponym recognizer: the word lists it filters with, the scanned form
of a text (folded, every non-word character a space, same length: :func:`scan_text`), word
shapes (capitalised, title case, sentence-initial), the words before and after a span
(:class:`Scan`) and the set of spans already taken (:class:`SpanSet`).

The word lists live in ``geo/data/toponym_filters.yaml`` and ``recognizer_grammar.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from gazetteer.designators import DESIGNATORS
from gazetteer.modifiers import (
    demonym_entry,
)
from gazetteer.normalize import fold
from geo.vocabulary import LazyPattern, alternation, load_data


@dataclass(frozen=True, slots=True)
class _Lists:
    never: frozenset[str]
    ambiguous: frozenset[str]
    titles: frozenset[str]
    title_abbreviations: frozenset[str]
    organisation_heads: frozenset[str]
    building_heads: frozenset[str]
    ship_prefixes: frozenset[str]
    vessel_nouns: frozenset[str]
    designators: frozenset[str]
    lowercase_tails: frozenset[str]
    street_plurals: frozenset[str]
    openers: frozenset[str]
    compass_words: frozenset[str]
    capitalised_openers: frozenset[str]
    party_prefixes: frozenset[str]
    name_particles: frozenset[str]
    saint_words: frozenset[str]
    verbs_after_a_head: frozenset[str]
    at_sea: re.Pattern[str]
    at_sea_heads: tuple[str, ...]  # the first word of each at_sea phrase, casefolded


@cache
def filter_lists() -> _Lists:
    """The filter word lists from ``geo/data/toponym_filters.yaml``."""
    data = resources.files("geo").joinpath("data")
    raw = load_data("toponym_filters.yaml")
    sets = {k: {str(w).lower() for w in raw[k]} for k in raw if k != "at_sea"}
    for line in data.joinpath("common_words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, rule = line.split("\t")[:2]
            sets["never" if rule == "never" else "ambiguous"].add(word)
    sea_words = sorted({str(w).lower() for w in raw["at_sea"]}, key=len, reverse=True)
    at_sea = re.compile(
        r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sea_words) + r")\b",
        re.IGNORECASE,
    )
    heads = tuple(sorted({re.split(r"[\s-]", w)[0].casefold() for w in sea_words}))
    return _Lists(at_sea=at_sea, at_sea_heads=heads, **{k: frozenset(v) for k, v in sets.items()})


def reports_at_sea(sentence: str) -> bool:
    """True when ``sentence`` reports something at sea or in the air (ships, naval, patrols,
    bombers, intercepted…): then "near X" means the waters off X."""
    lists = filter_lists()
    folded = sentence.casefold()
    if len(folded) != len(sentence):  # "ß" folds to "ss": offsets differ, scan it all
        return lists.at_sea.search(sentence) is not None
    # Every match starts where the first word of a phrase does: try the regex only there
    # (scanning a sentence with the long alternation costs far more than a few finds).
    for head in lists.at_sea_heads:
        i = folded.find(head)
        while i >= 0:
            if lists.at_sea.match(sentence, i) is not None:
                return True
            i = folded.find(head, i + 1)
    return False


_NON_WORD = re.compile(r"[\W_]")


WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


_SENTENCE_END = frozenset(".!?\n")


_OPENING = frozenset("\"“‘'([«")


def grammar_words(name: str) -> str:
    """The regex alternation of the word list ``name`` of ``recognizer_grammar.yaml``."""
    return alternation(load_data("recognizer_grammar.yaml")[name])


#: The tail of a sea phrase after a demonym ("Japanese waters").
_DEMONYM_TAIL = LazyPattern(lambda: rf"\b(?:{grammar_words('sea_tails')})\b", re.IGNORECASE)


@cache
def _demonym_tail_words() -> tuple[str, ...]:
    """The lower-case word every ``_DEMONYM_TAIL`` match starts with, none a prefix of
    another (so each match is found once)."""
    tails = load_data("recognizer_grammar.yaml")["sea_tails"]
    firsts = {str(t).split()[0].lower() for t in tails}
    return tuple(sorted(w for w in firsts if not any(w != o and w.startswith(o) for o in firsts)))


DEMONYM_WINDOW = 80  # characters before the tail word that a demonym phrase may use


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and not word.endswith("ay") else word + "s"


#: Plural designator → its singular ("regions" → "region", "counties" → "county").
PLURAL_DESIGNATORS = {_plural(w): w for w in DESIGNATORS}


PLURALS = "|".join(sorted(PLURAL_DESIGNATORS, key=len, reverse=True))


def blank(folded: str) -> str:
    """``folded`` with every non-alphanumeric character replaced by a space (same length)."""
    return _NON_WORD.sub(" ", folded)


#: ``blank(fold(c))`` of each non-ASCII character met so far, by code point (filled on use:
#: news meets a few dozen of them, so none is computed ahead).
_SCAN_CHARS: dict[int, str] = {}


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


#: "â" between a word and an English clitic ("Itâ s", "Minnesotaâ s", "Weâ re"): what is
#: left of a curly apostrophe whose UTF-8 bytes were read as Windows-1252 ("â€™") and whose
#: last two characters were lost. It is no letter of the word before it: "Itâ" is no "Itá".
_MOJIBAKE_APOSTROPHE = LazyPattern(
    lambda: rf"(?<=[^\W\d_])â(?=[ \t](?:{grammar_words('apostrophe_clitics')})\b)"
)


_ASCII_BLANK = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def _scan_char(match: re.Match[str]) -> str:
    char = match.group()
    out = _SCAN_CHARS.get(ord(char))
    if out is None:
        out = _SCAN_CHARS[ord(char)] = blank(fold(char))
    return out


def scan_text(text: str) -> str:
    """The text the automaton runs on: ``blank(fold(text))`` (folded, every
    non-alphanumeric character a space), same length as ``text``.

    Fast path: ``str.lower`` in C, then only the non-ASCII characters (typically curly quotes
    and dashes) go through the fold table, then one ASCII translate. A mangled apostrophe
    ("Itâ s") is a space, not the letter it looks like (:data:`_MOJIBAKE_APOSTROPHE`)."""
    if "â" in text:
        text = _MOJIBAKE_APOSTROPHE.compiled.sub(" ", text)
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): fold it all
        return blank(fold(text))
    if not low.isascii():
        low = _NON_ASCII.sub(_scan_char, low)
    return low.translate(_ASCII_BLANK)


def demonym_tails(text: str, padded: str) -> list[re.Match[str]]:
    """The matches of ``_DEMONYM_TAIL`` in ``text``, in text order. ``padded`` is
    ``f" {scan_text(text)} "``: the tail words are looked for there with ``str.find`` (a
    regex scan of the whole text costs about forty times more), and the regex only confirms
    each place found."""
    found = []
    for word in _demonym_tail_words():
        i = padded.find(word)
        while i >= 0:
            m = _DEMONYM_TAIL.match(text, i - 1)
            if m is not None:
                found.append(m)
            i = padded.find(word, i + len(word))
    found.sort(key=lambda m: m.start())
    return found


def is_capitalised(word: str) -> bool:
    """True when ``word`` starts with a capital letter or a digit."""
    return word[:1].isupper() or word[:1].isdigit()


def is_titlecase_word(word: str) -> bool:
    """Capitalised and not all capitals ("Putin", not "NATO")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def sentence_initial(text: str, pos: int) -> bool:
    """True when only white space and opening quotes separate ``pos`` from the start of the
    text or the end of the previous sentence."""
    i = pos - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _OPENING):
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def is_title_case_line(line: str) -> bool:
    """A headline-style line: short, no final full stop, most longer words capitalised."""
    if len(line) > 200 or line.rstrip().endswith("."):
        return False
    words = [w for w in WORD.findall(line) if len(w) >= 4]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.6 * len(words)


class SpanSet:
    """Sorted, non-overlapping (start, end) spans with an overlap test."""

    def __init__(self, spans: Iterable[Any]) -> None:
        pairs = sorted((int(s.start), int(s.end)) for s in spans)
        self.starts = [s for s, _ in pairs]
        self.ends = [e for _, e in pairs]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


_WORD_CHARS_BACK = re.compile(r"[^\W_]+$")


def word_before(text: str, end: int) -> str:
    """The run of word characters ending at ``end``."""
    m = _WORD_CHARS_BACK.search(text, max(0, end - 40), end)
    return m.group() if m else ""


#: Read right to left from a name's start: an opening bracket, spaces, a period, a word.
_PREVIOUS_WORD_REVERSED = re.compile(r"[(\[]?[ \t]+(\.?)([^\W_]+)")


#: Read from a name's end: a closing bracket, spaces, a word (maybe empty).
_NEXT_WORD = re.compile(r"[)\]]?[ \t]+([^\W_]*)")


class Scan:
    """One text being scanned, with what the filters ask of it more than once: the text
    reversed (so the word before a name is one regex match, not a loop over characters),
    the words before names, and which lines are title-case headlines."""

    __slots__ = ("n", "plurals", "previous", "reversed", "text", "title_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.reversed = text[::-1]
        self.title_lines: dict[int, bool] = {}  # line start → is a title-case line
        self.previous: dict[int, tuple[str, bool, int]] = {}
        self.plurals: list[int] | None = None  # offsets of plural designators ("regions")

    def plural_designators(self) -> list[int]:
        """Offsets of the plural designators of the text ("regions", "States"), found once."""
        if self.plurals is None:
            # str.find per word: far faster than one regex here (offsets may drift by a
            # character after the rare letters lower() lengthens; only nearness is used)
            low = self.text.lower()
            n = len(low)
            found = []
            for word in PLURAL_DESIGNATORS:
                i = low.find(word)
                while i >= 0:
                    j = i + len(word)
                    if (i == 0 or not low[i - 1].isalnum()) and (j >= n or not low[j].isalnum()):
                        found.append(i)
                    i = low.find(word, j)
            self.plurals = sorted(found)
        return self.plurals

    def previous_word(self, start: int, floor: int) -> tuple[str, bool, int]:
        """The word right before ``start`` on the same line (``floor`` is the line start),
        separated from it only by spaces (and an opening bracket): ``(word, followed by a
        period, word start)``, or ``("", False, 0)``."""
        hit = self.previous.get(start)
        if hit is None:
            n = self.n
            m = _PREVIOUS_WORD_REVERSED.match(self.reversed, n - start, n - floor)
            if m is None:
                hit = ("", False, 0)
            else:
                hit = (m.group(2)[::-1], bool(m.group(1)), n - m.end(2))
            self.previous[start] = hit
        return hit

    def next_word(self, end: int) -> str:
        """The word right after ``end`` on the same line, separated only by spaces (and a
        closing bracket), else ``""``."""
        m = _NEXT_WORD.match(self.text, end)
        return m.group(1) if m is not None else ""


def is_demonym_word(word: str) -> bool:
    """True when ``word`` is a national or regional adjective ("French", "Texan")."""
    return demonym_entry(word) is not None


#: Kinds of place a short name in capitals may stand for ("US", "UK", "UAE", "DC").
ACRONYM_KINDS = frozenset({"country", "admin1", "capital"})
