"""Text structure inside a sentence: clause boundaries, attributions ("according to …"),
headlines, and the small patterns the other event passes share (prepositions before a place,
possessives, list gaps, datelines)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from geo.vocabulary import (
    LazyCaseless,
    LazyPattern,
    alternation,
    grammar_words,
    load_data,
    lowered,
    words,
)

__all__ = [
    "AREA_OF",
    "ASIDE_RELATIVE",
    "ATTRIBUTIVE_BEFORE",
    "CIRCUMSTANCE",
    "CLAIM",
    "COMPOUND",
    "COORDINATION",
    "DATELINE_AFTER",
    "DATELINE_BEFORE",
    "DIRECTION_OF",
    "GAP_BEFORE_WHEN",
    "HEADLINE_FUTURE",
    "LIST_GAP",
    "NEXT_WORD",
    "OBJECT_BEFORE",
    "PARTICIPLE",
    "POSSESSIVE",
    "PREP_BEFORE",
    "SUBORDINATE",
    "WHEN",
    "WIRE_OPENING",
    "WORDS",
    "Sentence",
    "analyse_sentence",
    "in_spans",
    "is_headline",
    "repeats_title",
    "word_distance",
]


WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CLAUSE_BREAK = LazyCaseless(
    lambda: rf"[;:]\s+|\s[–—]\s|—|,[”\"’]?\s+|\s(?P<sub>(?:{words('clause_openers')})\b)"
)
#: Clauses that speak of another time than the main one ("since his appointment in May").
SUBORDINATE = LazyPattern(lambda: rf"(?:{words('other_time_openers')})\b", re.IGNORECASE)
#: A clause that sets a circumstance or a contrast ("Considering how her life was going in
#: September, …", "Although the plant closed in 2009, …"): its times are its own.
CIRCUMSTANCE = LazyPattern(lambda: rf"(?:{words('circumstance_openers')})\b", re.IGNORECASE)
#: A relative clause set off by a comma (", which has been hard hit by rain this summer",
#: ", where the war that began in 2003 …"): it tells of the noun before it, and its times
#: date only its own happenings (:mod:`geo.own_dates`).
ASIDE_RELATIVE = LazyPattern(lambda: rf",\s+(?:{words('aside_relative_openers')})\b", re.IGNORECASE)
#: A participle that opens the content of a claim ("…, alleging he was beaten in 2015").
CLAIM = LazyPattern(lambda: rf"(?:{words('claim_participles')})\b", re.IGNORECASE)
_ATTRIBUTION = LazyPattern(
    lambda: (
        rf"\b(?:{words('attribution_phrases')}"
        rf"|in\s+a\s+(?:{words('attribution_documents')})\b)"
    ),
    re.IGNORECASE,
)
_ATTRIBUTION_END = re.compile(r"[;,—–]|\s[-–—]\s")
POSSESSIVE = re.compile(r"['’]s?\b")
#: "Leaders to meet in Brasília", "Army to hold drills": a headline's "to <verb>" is future.
HEADLINE_FUTURE = re.compile(r"\bto\s+(?:[a-z]+\s+){0,2}$")
ATTRIBUTIVE_BEFORE = LazyPattern(
    lambda: rf"(?:\b(?:{words('determiners')})\s+|[A-Za-z]-)$", re.IGNORECASE
)
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
#: A clause opened by a present participle ("…, killing 12 people in Hatay").
PARTICIPLE = LazyPattern(lambda: rf"(?!(?:{words('not_participles')})\b)[a-z]{{3,}}ing\b")
#: A wire dateline: a place in capitals and a comma before the date, a dash after it
#: (an outlet in brackets may come between).
DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{0,30})?,\s*")
DATELINE_AFTER = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([^)\n]{0,60}\)\s*)?[-–—]")
WHEN = re.compile(r"when\b", re.IGNORECASE)
GAP_BEFORE_WHEN = re.compile(r"[\s,]*")
#: A hyphen joining a name to the next word ("Asia-Pacific", "U.S.-led": the stop of an
#: abbreviation may come first).
COMPOUND = re.compile(r"\.?[-–]\w")
PREP_BEFORE = LazyPattern(
    lambda: (
        rf"\b({words('place_prepositions')})\s+(?:the\s+)?"
        # "in the occupied West Bank", "in rebel-held Goma": a place's status is no preposition
        rf"(?:(?:{words('place_status')}|[a-z]+-(?:{words('place_status_suffixes')}))\s+)?"
        # "in capital Seoul", "to the Syrian capital, Damascus": a head noun in apposition
        rf"(?:(?:[\w-]+\s+){{0,2}}(?:{words('place_appositive_heads')}),?\s+)?$"
    ),
    re.IGNORECASE,
)
#: "in the outskirts of X", "through neighbourhoods of X": the place of the area named (group 1
#: the preposition, or a compass point and "of": "north of the capital of X"); a country's
#: possessive may name the area ("in India's southern state of Kerala", "in Syria's northern
#: city of Aleppo": session 37).
AREA_OF = LazyPattern(
    lambda: (
        rf"\b({words('area_prepositions')}|(?:{words('compass_points')})\s+of)\s+(?:the\s+|a\s+)?"
        rf"(?:[\w'’-]+\s+){{0,3}}"
        # "in a rural area of the department of X": an area of a named division
        rf"(?:(?:{words('area_nouns')})\s+of\s+(?:the\s+|a\s+)?)?"
        rf"(?:{words('area_nouns')})\s+of\s+(?:the\s+)?$"
    ),
    re.IGNORECASE,
)
#: "south of Valencia": somewhere near the place.
DIRECTION_OF = LazyPattern(lambda: rf"\b(?:{words('compass_points')})\s+of\s+$", re.IGNORECASE)


@cache
def town_link() -> re.Pattern[str]:
    """The link phrase after a place name (", south of", ", 10 miles west of", ", near")
    that ties it to the place named next: "Edmonton, south of Cairns" is one place phrase,
    the Edmonton by Cairns (``geo/data/town_links.yaml``)."""
    raw = load_data("town_links.yaml")
    return re.compile(
        rf",[ \t]+(?:(?:{alternation(raw['hedges'])})[ \t]+)?"
        rf"(?:\d+(?:[.,]\d+)?[ \t]*(?:{alternation(raw['units'])})[ \t]+)?"
        rf"(?:(?:{alternation(raw['directions'])})[ \t]+of|{alternation(raw['near_words'])})"
        r"[ \t]+(?:the[ \t]+)?"
    )


#: What may stand between two places of one list: commas, "and"/"or", a preposition.
LIST_GAP = LazyPattern(
    lambda: (
        rf"\s*(?:,\s*)?(?:(?:{words('list_conjunctions')})\s+)?"
        rf"(?:(?:{words('list_prepositions')})\s+)?(?:the\s+)?$"
    ),
    re.IGNORECASE,
)
COORDINATION = LazyPattern(
    lambda: (
        rf"(?:\b(?:{words('list_conjunctions')})|,)\s+"
        rf"(?:({words('list_prepositions')})\s+)?(?:the\s+)?$"
    ),
    re.IGNORECASE,
)
OBJECT_BEFORE = LazyPattern(
    lambda: (
        # a participle in capitals in a title-case headline ("Vessels Transiting the Taiwan
        # Strait") is a verb too; a finite one ("Official Visits Georgia") is the lead's to read
        rf"\b([a-z]+|[A-Z][a-z]+ing)\s+(?:(?:{words('object_modifiers')}"
        rf"|[a-z]+-(?:{words('object_modifier_suffixes')}))\s+){{0,2}}$"
    )
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    clauses: tuple[int, ...]  # clause start offsets (absolute), first = sentence start
    attributions: tuple[tuple[int, int], ...]

    def clause_of(self, pos: int) -> int:
        return bisect_right(self.clauses, pos) - 1

    def clause_end(self, k: int) -> int:
        """Where clause ``k`` ends: the next clause's start, or the sentence's end."""
        return self.clauses[k + 1] if k + 1 < len(self.clauses) else self.end


_OXFORD_AND = LazyPattern(lambda: rf"(?:{words('list_conjunctions')})\s+")
#: The next item of a list of common nouns after a comma, then its conjunction and last item:
#: ", father and sister" in "his mother, father and sister were detained".
_NOUN_LIST_ITEM = LazyPattern(
    lambda: (
        rf"\s+(?:[a-z][a-z'’-]*\s+)?[a-z][a-z'’-]*\s+(?:{words('list_conjunctions')})"
        r"\s+[a-z]"
    )
)
#: A word before a comma that ends a list's first item: a lower-case word.
_NOUN_BEFORE = re.compile(r"\b[a-z][a-z'’-]*$")
#: A time of day right after a clause opener: "before 11 p.m.", "after 3:20", "after midnight".
_TIME_OF_DAY = LazyPattern(
    lambda: (
        rf"\s+(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?\s?m\b\.?|o'clock\b)|\d{{1,2}}[:.]\d{{2}}\b"
        rf"|(?:{words('times_of_day')})\b)"
    ),
    re.IGNORECASE,
)


#: A finite verb, a word of speech or a word in "-ed": no noun of a list (", police said and").
_FINITE_WORD = LazyPattern(
    lambda: rf"\b(?:{words('finite_auxiliaries', 'speech_words')}|\w+ed)\b", re.IGNORECASE
)

#: A comma, the end of a comma-fragment (the next break), and the fragment's filler words.
_FRAGMENT_END = re.compile(r"[,;:—–]|\s[-–—]\s")
_FRAGMENT_WORD = LazyPattern(
    lambda: (
        rf"(?:{words('fragment_words')}|{words('times_of_day')})\b"
        r"|\d+(?:[:.]\d+)?(?:\s*[ap]\.?\s?m\b\.?)?|[\s.'’]+"
    ),
    re.IGNORECASE,
)


def _verbless(text: str, a: int, b: int, protected: Sequence[tuple[int, int]]) -> bool:
    """True when ``text[a:b]`` (a comma-fragment) holds only places, time expressions,
    clock times and filler words: an apposition or an adjunct of the clause before it
    (", Edmonton,", ", at 3.20pm,", ", on Friday, February 3"), not a clause of its own."""
    pos = a
    k = bisect_right([p for p, _ in protected], a - 1)
    while pos < b:
        if k < len(protected) and protected[k][0] <= pos < protected[k][1]:
            pos = protected[k][1]
            k += 1
            continue
        while k < len(protected) and protected[k][1] <= pos:
            k += 1
        if k < len(protected) and protected[k][0] == pos:
            continue
        m = _FRAGMENT_WORD.match(text, pos, b)
        if m is None or m.end() == pos:
            return False
        pos = m.end()
    return True


def _noun_list_comma(text: str, comma: int) -> bool:
    """True when the comma at ``comma`` sets off the next item of a list of common nouns
    ("his mother, father and sister were detained"): lower-case words on both sides, one or
    two before the conjunction, none of them a finite verb, a word of speech or a word in
    "-ed" ("the fire was out, firefighters said and …" is a clause). Such a comma opens no
    clause."""
    before = _NOUN_BEFORE.search(text, max(0, comma - 40), comma)
    found = _NOUN_LIST_ITEM.match(text, comma + 1)
    if before is None or found is None:
        return False
    items = f"{before.group()} {text[comma + 1 : found.end() - 1]}"
    return not _FINITE_WORD.search(items)


def analyse_sentence(
    text: str,
    start: int,
    end: int,
    protected: Sequence[tuple[int, int]],
    places: Sequence[tuple[int, int]] = (),
):
    """Clause starts and attribution spans of the sentence ``text[start:end]``. Breaks
    inside ``protected`` spans (mentions, time expressions) are ignored, and so are commas
    between two of the ``places`` ("in Dakar, Thiès and Ziguinchor on Sunday": a list)."""
    s = text[start:end]
    clauses = [start]
    starts = [a for a, _ in protected]
    place_ends = {b for _, b in places}
    place_starts = {a for a, _ in places}
    for m in _CLAUSE_BREAK.finditer(s, lowered(s)):
        if m.group("sub") and _TIME_OF_DAY.match(s, m.end()):
            continue  # "arrested just before 11 p.m. on May 5": a time, not a clause
        pos = start + (m.start("sub") if m.group("sub") else m.end())
        at = start + m.start() + 1
        k = bisect_right(starts, at - 1) - 1
        if k >= 0 and protected[k][1] > at:
            continue
        if s[m.start()] == "," and not m.group("sub"):
            stop = _FRAGMENT_END.search(s, m.end())
            b = start + (stop.start() if stop else len(s))
            if _verbless(text, start + m.end(), b, protected):
                continue  # ", Edmonton,", ", on Friday, February 3": no clause of its own
        if (
            s[m.start()] == ","
            and start + m.start() in place_ends
            and (
                start + m.end() in place_starts
                or (
                    (after := _OXFORD_AND.match(s, m.end())) is not None
                    and start + after.end() in place_starts
                )
            )
        ):
            continue  # a comma in a list of places ("Dakar, Thiès, and Ziguinchor")
        if s[m.start()] == "," and not m.group("sub") and _noun_list_comma(text, start + m.start()):
            continue  # "his mother, father and sister were detained": a list, not a clause
        if pos < end and pos > clauses[-1]:
            clauses.append(pos)
    attributions = []
    low = s.lower()
    if not any(hint in low for hint in grammar_words("attribution_hints")):
        return Sentence(start, end, tuple(clauses), ())
    for m in _ATTRIBUTION.finditer(s):
        a = start + m.start()
        stop = _ATTRIBUTION_END.search(s, m.end())
        b = start + stop.start() if stop else end
        attributions.append((a, b))
    return Sentence(start, end, tuple(clauses), tuple(attributions))


#: A wire dateline opening a text or its lead: "NEW YORK (AP) —", "GLASGOW, Ky. –", or an
#: agency without its dash ("MEXICO CITY (AP) Mexico's Senate …").
WIRE_OPENING = re.compile(
    r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{0,30})?\s*"
    r"(?:\([^)\n]{0,60}\)(?:\s*[-–—:\ufffd])?|[-–—])"
)


def is_headline(text: str, sent: Sentence) -> bool:
    """True when the first sentence is a headline: one line, not ended by a full stop, or
    followed by a wire dateline ("Woman hurt in crash. WESTFIELD - A woman …": the story
    starts at the dateline)."""
    line = text[sent.start : sent.end].strip()
    if not line or "\n" in line:
        return False
    return line[-1] not in ".!?\"”'’:" or WIRE_OPENING.match(text, sent.end) is not None


def repeats_title(text: str, start: int, end: int, title: str | None) -> bool:
    """True when the sentence ``text[start:end]`` is the article's ``title`` word for word
    (case and punctuation aside): a text that opens with its own headline as a sentence
    ("Culver pushing new rules on dependant adult abuse. Less than a month after …"), which
    is a headline even with its full stop, never the lead."""
    if not title:
        return False
    said = [w.lower() for w in WORDS.findall(text, start, end)]
    return bool(said) and said == [w.lower() for w in WORDS.findall(title)]


def in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


class _WordIndex:
    """Where the words of one text start and end (one scan), so that a word count between two
    offsets is a binary search instead of a scan of the gap."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends: list[int] = []
        self.at: dict[int, int] = {}  # a word's start → its index
        for k, m in enumerate(WORDS.finditer(text)):
            self.at[m.start()] = k
            self.ends.append(m.end())
        self.starts = list(self.at)

    def count(self, lo: int, hi: int) -> int:
        """Exactly ``len(WORDS.findall(text, lo, hi))``: the scan from ``lo`` is followed only
        until it meets a word start of the whole text's scan (at once, unless ``lo`` cuts a
        word); from there on the words are the text's own, the last perhaps cut at ``hi``."""
        n = 0
        for m in WORDS.finditer(self.text, lo, hi):
            k = self.at.get(m.start())
            if k is None:
                n += 1  # a piece of a word cut at lo ("s" of "Kyiv's")
                continue
            whole = bisect_right(self.ends, hi)  # words [k, whole) end by hi
            n += max(whole - k, 0)
            if whole >= k and whole < len(self.starts) and self.starts[whole] < hi:
                n += 1  # the word cut at hi
            return n
        return n


#: The text of the last call and, from the second call on the same text, its word index.
_last: tuple[str | None, _WordIndex | None] = (None, None)


def word_distance(text: str, a: int, b: int) -> int:
    """The number of words between offsets ``a`` and ``b`` (``WORDS.findall`` between them).

    Event detection asks this for every place and trigger of a sentence; in one long run-on
    sentence a scan of the gap each time made that cubic. From the second call on the same
    text, the count comes from the text's word index, built once."""
    global _last
    lo, hi = (a, b) if a <= b else (b, a)
    last_text, index = _last
    if last_text is not text:
        _last = (text, None)
        return len(WORDS.findall(text, lo, hi))
    if index is None:
        index = _WordIndex(text)
        _last = (text, index)
    return index.count(lo, hi)


# ---------------------------------------------------------------------------------------------
# Dating
