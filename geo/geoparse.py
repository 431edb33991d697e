"""``geoparse(text)``: the place mentions of a text, resolved and dated.

>>> from geo import geoparse
>>> [m.place_name for m in geoparse("Protesters marched in Tbilisi, Georgia, on Sunday.")]
['Tbilisi']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from geo.events import Timeline
from geo.model import Mention
from geo.recognize import Recognized, Recognizer

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Analysis", "analyze", "geoparse"]

_LOWER_WORDS = re.compile(r"\b[a-z][a-z'’]*\b")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w'’-]+")


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything :func:`analyze` found in one text: sentence, quote and boilerplate spans,
    time expressions, resolved place phrases, the mentions made of them, and the
    :class:`~geo.events.Timeline` that dates positions in the text."""

    text: str
    published: date | None
    sentences: Sequence[Any]
    quotes: Sequence[Any]
    boilerplate: Sequence[Any]
    times: Sequence[Any]
    recognized: Sequence[Recognized]
    mentions: Sequence[Mention]
    timeline: Timeline


def _default_gazetteer() -> Any:
    from gazetteer import Gazetteer

    return Gazetteer.default()


class _Names:
    """Person-like names in a text, for "does this sentence name someone the sentence
    before named?": capitalised words that never occur in lower case in the text and are
    not places, demonyms, titles or sentence openers. One regex pass over the text, on
    first use; then a binary search per sentence."""

    def __init__(self, text: str, recognizer: Recognizer) -> None:
        self.text = text
        self.recognizer = recognizer
        self._positions: list[int] | None = None
        self._names: list[str | None] = []

    def _prepare(self) -> list[int]:
        lower = set(_LOWER_WORDS.findall(self.text))
        positions, names = [], []
        common = self.recognizer.is_common_capitalised
        for m in _CAPITALISED.finditer(self.text):
            word = m.group()
            low = word.lower()
            positions.append(m.start())
            names.append(None if low in lower or common(word) else low)
        self._positions, self._names = positions, names
        return positions

    def __call__(self, start: int, end: int) -> frozenset[str]:
        positions = self._positions if self._positions is not None else self._prepare()
        lo, hi = bisect_left(positions, start), bisect_left(positions, end)
        return frozenset(n for n in self._names[lo:hi] if n)


def analyze(
    text: str,
    published: date | None = None,
    *,
    gazetteer: Any = None,
) -> Analysis:
    """Find, resolve and date the place mentions of ``text`` (see :func:`geoparse`), keeping
    the intermediate results that event detection needs."""
    from geo.dates import find_dates
    from geo.text import boilerplate, containing, quotes, sentences

    recognizer = Recognizer.for_gazetteer(gazetteer or _default_gazetteer())
    sents = sentences(text)
    skip = boilerplate(text)
    quoted = quotes(text)

    def sentence_of(offset: int) -> tuple[int, int]:
        span = containing(sents, offset)
        return (span.start, span.end) if span is not None else (0, len(text))

    recognized = recognizer.resolve(text, recognizer.find(text, skip=skip), sentence_of=sentence_of)
    times = (
        [t for t in find_dates(text, published) if containing(skip, t.start) is None]
        if text
        else []
    )
    timeline = Timeline(
        text,
        sents,
        times,
        quoted,
        [(r.start, r.end) for r in recognized],
        published,
        names_of=_Names(text, recognizer),
    )
    mentions = []
    sentence_texts: dict[int, str] = {}
    for r in recognized:
        s, e = sentence_of(r.start)
        sentence = sentence_texts.get(s)
        if sentence is None:
            sentence = sentence_texts[s] = " ".join(text[s:e].split())
        dates, _ = timeline.date_at(r.start)
        mentions.append(
            Mention(
                char_start=r.start,
                char_end=r.end,
                text=text[r.start : r.end],
                place=r.place,
                sentence=sentence,
                dates=dates,
                modifier=r.modifier_rule,
            )
        )
    return Analysis(
        text=text,
        published=published,
        sentences=sents,
        quotes=quoted,
        boilerplate=skip,
        times=times,
        recognized=recognized,
        mentions=mentions,
        timeline=timeline,
    )


def geoparse(text: str, published: date | None = None, *, gazetteer: Any = None) -> list[Mention]:
    """The place mentions of ``text``, in text order.

    Each :class:`~geo.model.Mention` has character offsets into ``text`` (spanning modifiers
    such as "near Alaska" and qualifiers such as "Kazan, Russia"), the resolved place (its
    id, name, kind and lon/lat geometry), its sentence, and the date range of its sentence
    (or of the sentence it continues); without a date in the text that is ``published`` with
    precision ``unknown``, and ``None`` when there is no publication date either.
    Boilerplate (advertising, credits) is skipped. ``gazetteer`` defaults to
    :meth:`gazetteer.Gazetteer.default`.
    """
    return list(analyze(text, published, gazetteer=gazetteer).mentions)
