"""Segmenting news text: paragraphs, sentences and quoted speech.

Every function takes the article text and returns :class:`Span` objects whose offsets point
into that same string, so ``text[span.start:span.end]`` is the segment. Nothing is copied or
normalised. The functions are linear passes with regexes compiled once at import.

Paragraphs
    A paragraph is one line of text. When a block of lines (between blank lines) is
    hard-wrapped, i.e. its lines break in mid-sentence, the whole block is one paragraph.
    A line break therefore ends a sentence unless the text is hard-wrapped: headlines,
    captions, datelines and bylines stand on their own.

Sentences
    Split at ``.``, ``!``, ``?`` and ellipses followed by white space and a capital letter,
    digit or opening quote, except after abbreviations (titles such as "Mr." and "Gen.",
    month abbreviations before a number such as "Oct. 15", single-letter initials such as
    "J. R.", dotted acronyms such as "U.S." unless a typical sentence opener follows) and
    except at an ellipsis inside quoted speech (an elision, not an ending).

Quotes
    Straight and curly double quotes and guillemets. A quote span includes its marks; nested
    quotes are part of the outer span; a quote left open ends at the end of its paragraph.

Boilerplate (page furniture, calls to action, photo credits) is :mod:`geo.page_furniture`'s.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

__all__ = ["WRAP_MAX", "Span", "containing", "paragraphs", "quotes", "sentences"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise ValueError(f"Span offsets must be integers, got {self.start!r}, {self.end!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}: need 0 <= start <= end")

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end

    def of(self, text: str) -> str:
        """The segment of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


_new = object.__new__
_setattr = object.__setattr__


def _span(start: int, end: int) -> Span:
    """A Span from offsets known to be valid (regex match positions): skips validation."""
    span = _new(Span)
    _setattr(span, "start", start)
    _setattr(span, "end", end)
    return span


_START = attrgetter("start")


def containing(spans: Sequence[Span], offset: int) -> Span | None:
    """The span of sorted, non-overlapping ``spans`` that contains ``offset``, else ``None``.

    A binary search: use it to ask "which sentence is this mention in?" or "is this offset
    inside a quote / boilerplate?" without a linear scan.
    """
    i = bisect_right(spans, offset, key=_START) - 1
    if i >= 0 and offset < spans[i].end:
        return spans[i]
    return None


# ---------------------------------------------------------------------------------------------
# Paragraphs

_TERMINAL = frozenset('.!?:;…"”’»)')
WRAP_MAX = 120  # hard-wrapped text has lines no longer than this


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Blocks of non-blank lines (between blank lines), each line as (start, end)."""
    blocks: list[list[tuple[int, int]]] = []
    block: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    find = text.find
    while pos < n:
        nl = find("\n", pos)
        stop = n if nl < 0 else nl
        line = text[pos:stop]
        stripped = line.lstrip()
        if stripped:
            s = stop - len(stripped)
            block.append((s, s + len(stripped.rstrip())))
        elif block:
            blocks.append(block)
            block = []
        pos = stop + 1
    if block:
        blocks.append(block)
    return blocks


def _is_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """A block is hard-wrapped when its lines are short and some line breaks mid-sentence."""
    if len(block) < 2 or max(e - s for s, e in block) > WRAP_MAX:
        return False
    for (s1, e1), (s2, _e2) in pairwise(block):
        breaks_mid_sentence = text[e1 - 1] not in _TERMINAL and (
            text[s2].islower() or text[s2] in "(,-–—"
        )
        if breaks_mid_sentence and e1 - s1 >= 30:
            return True
    return False


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans in text order, without surrounding white space.

    One line is one paragraph, except that a hard-wrapped block of lines (lines of at most
    120 characters, some of them breaking in mid-sentence) is one paragraph.
    """
    return list(_paragraphs(text))


@lru_cache(maxsize=16)
def _paragraphs(text: str) -> tuple[Span, ...]:
    """Cached: sentences, quotes and boilerplate of one article all need its paragraphs."""
    out: list[Span] = []
    for block in _blocks(text):
        if len(block) > 1 and _is_wrapped(text, block):
            out.append(_span(block[0][0], block[-1][1]))
        else:
            out.extend(_span(s, e) for s, e in block)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Quotes

_QUOTE_MARK = re.compile(r'["“”«»„]')
_OPENERS = frozenset("“«„")
#: The end of a sentence and white space right before a quote mark.
_REOPENS = re.compile(r"[.!?…][)\]’']?\s+\Z")
_CLOSERS = frozenset("”»")


def _quote_spans(text: str, paras: Sequence[Span]) -> list[Span]:
    """The quote spans of ``text`` by paragraph (:func:`quotes`). A straight mark that opens
    a sentence inside an open quote opens a new one (:func:`_scan`); when that one is never
    closed, the mark was the open quote's closing mark put after the space ("… fifties and
    twenties. "An off-duty police officer stopped …" to the article's end), and the text is
    read again with that mark closing."""
    closing: set[int] = set()
    while True:
        out, displaced = _scan(text, paras, closing)
        if not displaced:
            return out
        closing |= displaced


def _scan(text: str, paras: Sequence[Span], closing: set[int]) -> tuple[list[Span], set[int]]:
    """The quote spans of ``text``, the marks of ``closing`` read as closing marks; and the
    straight marks that opened a sentence inside an open quote and opened one never closed
    (:func:`_quote_spans`)."""
    out: list[Span] = []
    displaced: set[int] = set()
    n = len(paras)
    k = 0
    depth = 0
    opened = -1
    reopened = -1  # the offset of a straight mark that opened a sentence inside a quote

    def unclosed(end: int) -> None:
        if opened == reopened:
            displaced.add(opened)
        out.append(_span(opened, end))

    for m in _QUOTE_MARK.finditer(text):
        i = m.start()
        if paras[k].end <= i:
            if depth:
                unclosed(paras[k].end)  # unclosed: ends with its paragraph
                depth = 0
            while k < n and paras[k].end <= i:
                k += 1
        p = paras[k]  # every mark is inside a paragraph (marks are not white space)
        ch = m.group()
        if i in closing:
            opening = False
        elif ch == '"':
            # A straight quote opens when nothing is open, or when it follows white space or
            # an opening bracket and is followed by a non-space (a nested quote).
            before = text[i - 1] if i > p.start else " "
            after = text[i + 1] if i + 1 < p.end else " "
            opening = depth == 0 or (
                (before.isspace() or before in "([{—–-") and not after.isspace()
            )
        elif ch == "“" and depth > 0 and i > p.start and text[i - 1].isalnum():
            opening = False  # a “ used as a closing mark right after a word (some fonts/OCR)
        else:
            opening = ch in _OPENERS
        if opening and depth > 0 and _REOPENS.search(text, max(p.start, i - 8), i) is not None:
            # “… a public school. “I’m not trying …: English nests quotes in single marks, so
            # a double mark opening a sentence inside a quote opens a new quote, and the one
            # before ended unclosed (a quote of several paragraphs run into one)
            end = i
            while text[end - 1].isspace():
                end -= 1
            out.append(_span(opened, end))
            depth = 0
            if ch == '"':
                reopened = i
        if opening:
            if depth == 0:
                opened = i
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                out.append(_span(opened, i + 1))
        # a closing mark with nothing open is a stray mark: ignore it
    if depth:
        unclosed(paras[k].end)
    return out, displaced


def quotes(text: str) -> list[Span]:
    """Spans of quoted speech, marks included, outermost quotes only, in text order.

    An unclosed quote ends at the end of its paragraph; a stray closing mark is ignored.
    Single quotes are not treated as quotes (they are mostly apostrophes).
    """
    return list(_quotes(text))


@lru_cache(maxsize=16)
def _quotes(text: str) -> tuple[Span, ...]:
    return tuple(_quote_spans(text, _paragraphs(text)))


# ---------------------------------------------------------------------------------------------
# Sentences

_PUNCT = frozenset(".!?…")
_CLOSERS_ALL = frozenset("\"'”’»)]")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Abbreviations after which a period never ends a sentence (titles and honorifics).
_TITLES = _wordset(
    "mr mrs ms mx dr prof gen lt col capt sgt adm maj cmdr cpl pvt brig gov sen rep rev fr "
    "amb atty rt "
    "st mt ft pres supt insp det hon messrs mme mlle sr jr esq ave blvd rd"
)
#: Abbreviations that do not end a sentence before a number ("Oct. 15", "No. 10").
_BEFORE_NUMBER = _wordset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos art vol fig pp p ch sec para "
    "approx est ca"
)
#: US state abbreviations (AP style): "Sacramento, Calif. Gov. Newsom said".
_STATES = _wordset(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo "
    "mont neb nev okla ore pa tenn vt va wash wis wyo"
)
#: Abbreviations that end a sentence only before a typical sentence opener.
_NON_FINAL = _wordset("inc corp co ltd bros plc llc vs etc al cf approx") | _STATES
#: A town in running text (after a lower-case word: not a dateline) and a comma, right before
#: a state.
_AFTER_TOWN = re.compile(
    r"\b[a-z][\w'’-]*[ \t]+[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*)*,[ \t]+$"
)
#: Words that typically open a sentence: after "U.S." they signal a real boundary.
_OPENER_WORDS = _wordset(
    "the a an he she it they we i you his her its their our this that these those there "
    "but and yet so however meanwhile in on at after before when while if as since "
    "officials police authorities"
)


def _is_boundary(text: str, pos: int, punct: str, nxt: int, quote_spans: Sequence[Span]) -> bool:
    """Does terminal punctuation ``punct`` at ``pos`` end a sentence before ``nxt``?"""
    c = text[nxt]
    if c.islower():
        return False
    starts_sentence = c.isupper() or c.isdigit() or c in "\"“‘'«([" or not c.isascii()
    if not starts_sentence:
        return False
    if punct.endswith(("...", "…")):
        # An ellipsis inside quoted speech marks an elision, not the end of a sentence.
        return containing(quote_spans, pos) is None
    if punct != ".":
        return True
    k = pos
    floor = max(0, pos - 40)
    while k > floor and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    word = text[k:pos]
    if not word:
        return True
    low = word.lower()
    if "." in word:  # a dotted acronym: "U.S.", "a.m.", "e.g."
        return _next_word(text, nxt) in _OPENER_WORDS
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not c.isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. R. Smith"
    if low in _NON_FINAL:
        if low in _STATES and _AFTER_TOWN.search(text, max(0, k - 40), k):
            # "in Lumpkin, Ga. Hugley-Green collected …": a town's state ends the sentence
            # unless a title follows ("Sacramento, Calif. Gov. Newsom said")
            return _next_word(text, nxt) not in _TITLES
        return _next_word(text, nxt) in _OPENER_WORDS
    return True


def _terminal_runs(text: str) -> list[tuple[int, int, int]]:
    """Runs of terminal punctuation followed by white space, in text order.

    Each as (start of the punctuation, end of the closing quotes/brackets after it, start of
    the next non-space character). Found with ``str.find`` (much faster than a regex scan).
    """
    starts: list[int] = []
    find = text.find
    for ch in ".!?…":
        i = find(ch)
        while i >= 0:
            starts.append(i)
            i = find(ch, i + 1)
    starts.sort()
    n = len(text)
    out: list[tuple[int, int, int]] = []
    last = -1
    for i in starts:
        if i < last:
            continue  # inside the run already handled
        j = i + 1
        while j < n and text[j] in _PUNCT:
            j += 1
        while j < n and text[j] in _CLOSERS_ALL:
            j += 1
        last = j
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k > j:
            out.append((i, j, k))
    return out


_NEXT_WORD = re.compile(r"\w+")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group().lower() if m else ""


def sentences(text: str) -> list[Span]:
    """Sentence spans in text order, without surrounding white space.

    Sentences never cross paragraph boundaries (see :func:`paragraphs`); within a paragraph
    they end at terminal punctuation followed by a capital, a digit or an opening quote,
    except after abbreviations, initials and dotted acronyms, and except at an ellipsis
    inside quoted speech. Inside a hard-wrapped paragraph, line breaks are ordinary spaces.
    """
    return list(_sentences(text))


@lru_cache(maxsize=16)
def _sentences(text: str) -> tuple[Span, ...]:
    """Cached: place recognition and date tagging of one article both need its sentences."""
    paras = _paragraphs(text)
    out: list[Span] = []
    if not paras:
        return tuple(out)
    has_ellipsis = "…" in text or "..." in text
    quote_spans = _quotes(text) if has_ellipsis else ()
    n = len(paras)
    k = 0
    s = paras[0].start
    for pos, punct_end, nxt in _terminal_runs(text):
        if paras[k].end <= pos:
            while k < n and paras[k].end <= pos:
                out.append(_span(s, paras[k].end))
                k += 1
                if k < n:
                    s = paras[k].start
            if k == n:
                break
        if nxt < paras[k].end:
            punct = text[pos:punct_end].rstrip("\"'”’»)]")
            if _is_boundary(text, pos, punct, nxt, quote_spans):
                out.append(_span(s, punct_end))
                s = nxt
    while k < n:
        out.append(_span(s, paras[k].end))
        k += 1
        if k < n:
            s = paras[k].start
    return out
