"""Which reports and articles tell the same story, by their words: the content-word overlap
(Jaccard) of two reports' quotes (:meth:`Wording.overlap`) and of two whole articles
(:class:`Stories`), with the quote stop words of ``geo/data/grammar.yaml`` left out."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from geo.reports import EventReport
from geo.vocabulary import LazyWords

#: Content-word overlap (Jaccard) of two whole articles above which they tell one story: the
#: outlets of one story share 0.13-0.39 (the bundled sample); two unrelated articles of LGL and
#: GeoWebNews share at most 0.07 in 99 pairs of 100 and 0.09 in 999 of 1000.
SAME_STORY = 0.1

_WORDS = re.compile(r"[^\W\d_]{4,}")
#: Words too common to tell two quotes apart (data: ``quote_stop_words`` in grammar.yaml).
_STOP = LazyWords("quote_stop_words")


@lru_cache(maxsize=65536)
def _quote_words(quote: str) -> frozenset[str]:
    """The content words of a quote (its words but the stop words), computed once per quote:
    the same quotes come back for every pair of events compared."""
    stop = _STOP
    return frozenset(w for w in _lower_words(quote) if w not in stop)


@lru_cache(maxsize=65536)
def _lower_words(text: str) -> frozenset[str]:
    """The words of ``text`` (:data:`_WORDS`), lowercased; the same quotes and place names
    come back for every pair of events compared."""
    return frozenset(x.lower() for x in _WORDS.findall(text))


class Wording:
    """What the wording of a list of reports is compared by, gathered once for a list
    compared with many others: the words of its places' names and triggers (``exclude``)
    and the content words of each distinct quote (``quotes``)."""

    __slots__ = ("exclude", "quotes")

    def __init__(self, reports: Sequence[EventReport]) -> None:
        exclude: set[str] = set()
        for r in reports:
            exclude |= _lower_words(r.place.name)
            exclude |= _lower_words(r.text)
        self.exclude = frozenset(exclude)
        self.quotes = frozenset(_quote_words(r.quote) for r in reports)

    def overlap(self, other: Wording, enough: float = 1.0) -> float:
        """The highest content-word overlap (Jaccard) of a quote of ``self``'s reports and
        a quote of ``other``'s, the places' names and the trigger words of both left out;
        the search stops once it reaches ``enough`` (the caller's threshold), and reads each
        distinct quote once (copies of one wire story repeat it)."""
        exclude = self.exclude | other.exclude
        words_a = {w - exclude for w in self.quotes} - {frozenset()}
        words_b = {w - exclude for w in other.quotes} - {frozenset()}
        best = 0.0
        for wx in words_a:
            for wy in words_b:
                small, large = sorted((len(wx), len(wy)))
                if small <= best * large:
                    continue  # the overlap is at most small / large: it cannot beat best
                best = max(best, _jaccard(wx, wy))
                if best >= enough:
                    return best
        return best


class Stories:
    """Which articles tell one story: two articles whose content words overlap by
    :data:`SAME_STORY` (Jaccard, over the whole text, or over the quotes of their reports when
    the text is not given). Across articles, a report joins a cluster at another place
    ("Russia" and "Kazan", a town and its country) only when its article tells one story with
    an article of the cluster: in a newsroom's week, a town inside a country is many unrelated
    happenings. The same place, or the same article, needs no story link. Links are computed
    only for the pairs of articles whose reports could merge, once each, so the cost follows
    the candidate merges, not the square of the number of articles."""

    def __init__(self, reports: Sequence[EventReport], articles: Mapping[str, Any]) -> None:
        self._quotes: dict[str, list[str]] = defaultdict(list)
        for r in reports:
            self._quotes[r.article or ""].append(r.quote)
        self._articles = articles
        self._signatures: dict[str, int] = {}  # article id -> signature
        self._texts: dict[str, int] = {}  # text -> signature
        self._text: list[str] = []  # by signature
        self._words: dict[int, frozenset[str]] = {}  # by signature, computed on first use
        self._links: dict[tuple[int, int], bool] = {}

    def signature(self, article_id: str) -> int:
        """The story signature of an article: a number that articles with the same text
        (the text whose words :meth:`linked` compares) share, and no other article has.
        Whether two articles tell one story depends on their signatures only."""
        hit = self._signatures.get(article_id)
        if hit is None:
            text = getattr(self._articles.get(article_id), "text", None)
            text = text or " ".join(self._quotes.get(article_id, ()))
            hit = self._texts.get(text)
            if hit is None:
                hit = self._texts[text] = len(self._text)
                self._text.append(text)
            self._signatures[article_id] = hit
        return hit

    def _content(self, signature: int) -> frozenset[str]:
        words = self._words.get(signature)
        if words is None:
            # whole texts are not kept in the cache of short quotes' words (_lower_words)
            words = self._words[signature] = frozenset(
                x.lower() for x in _WORDS.findall(self._text[signature])
            ).difference(_stop_words())
        return words

    def linked(self, a: str, b: str) -> bool:
        """True when articles ``a`` and ``b`` tell one story (computed once per pair of
        signatures: copies of one text are tested once)."""
        return self.signatures_linked(self.signature(a), self.signature(b))

    def signatures_linked(self, x: int, y: int) -> bool:
        """True when the articles of signatures ``x`` and ``y`` (:meth:`signature`) tell
        one story: their content words overlap by :data:`SAME_STORY` (computed once per
        pair)."""
        key = (x, y) if x <= y else (y, x)
        hit = self._links.get(key)
        if hit is None:
            hit = self._links[key] = _jaccard(self._content(x), self._content(y)) >= SAME_STORY
        return hit

    def allow(self, r: EventReport, cluster: Sequence[EventReport]) -> bool:
        """True when ``r`` may join ``cluster`` as far as stories go: a report of ``r``'s
        article in the cluster, or every report of the cluster at ``r``'s place with a date
        of its own (and ``r`` too), or ``r``'s article linked to an article of the cluster.
        A report dated only by its publication day joins another article's report at its
        place only through a story link: a town's news of one week is many happenings (a
        donut shop and a restored warplane in one town, an airline's new route and a week
        of debates in one city)."""
        article = r.article or ""
        if any((o.article or "") == article for o in cluster):
            return True  # its own article tells the story at the other place too
        if all(o.place.id == r.place.id for o in cluster) and not (
            r.dates.precision == "unknown" or any(o.dates.precision == "unknown" for o in cluster)
        ):
            return True
        return any(self.linked(article, o.article or "") for o in cluster)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """:data:`_STOP` as a set, to take from a whole article's words at once."""
    return frozenset(_STOP)


def _jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """The Jaccard overlap of two word sets (0 when both are empty), counted without
    building their union."""
    shared = len(a & b)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0
