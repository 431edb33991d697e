"""``geoparse(text)``: the place mentions of a text, resolved and dated.

>>> from geo import geoparse
>>> [m.place_name for m in geoparse("Protesters marched in Tbilisi, Georgia, on Sunday.")]
['Tbilisi', 'Georgia']
>>> [m.place_id for m in geoparse("Protesters marched in Tbilisi, Georgia, on Sunday.")][1]
'iso:GE'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from geo.bare_towns import with_bare_towns
from geo.colocated import colocated_home
from geo.country_towns import with_country_towns
from geo.model import Mention
from geo.outlet_towns import outlet_prior, own_town
from geo.outlets import OutletPriors, article_country, home_place, needs_prior
from geo.recognize import Recognized, Recognizer
from geo.resolving import LOCAL_TOWN_KM
from geo.timeline import Timeline
from geo.town_discourse import pinned_towns, with_pinned_repeats

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from gazetteer import Place

__all__ = ["Analysis", "analyze", "analyze_batch", "geoparse", "geoparse_batch"]

_LOWER_WORDS = re.compile(r"\b[a-z][a-z'’]*\b")
_LOWER_WORD = re.compile(r"[a-z][a-z'’]*")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w'’-]+")


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything :func:`analyze` found in one text: sentence, quote and boilerplate spans,
    time expressions, resolved place phrases, the mentions made of them, and the
    :class:`~geo.timeline.Timeline` that dates positions in the text."""

    text: str
    published: date | None
    sentences: Sequence[Any]
    quotes: Sequence[Any]
    boilerplate: Sequence[Any]
    times: Sequence[Any]
    recognized: Sequence[Recognized]
    mentions: Sequence[Mention]
    timeline: Timeline
    #: The first-level division votes of the text itself (division id → (votes, place)),
    #: the ids of its evidence divisions, and the divisions of the places an outlet prior
    #: could re-place (:class:`geo.recognize.Resolution`).
    votes: Mapping[str, tuple[float, Place]] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    movable: tuple[str, ...] = ()
    #: The names of those places as the text writes them (:attr:`geo.toponyms.Resolution.towns`).
    towns: tuple[str, ...] = ()
    #: The country more than half of the text's distinct located places lie in (ISO code),
    #: the text's vote for its outlet's home country (:func:`geo.outlets.article_country`).
    country: str | None = None
    #: The id of the division the text's own towns lying together gave it as its home
    #: (:func:`geo.colocated.colocated_home`), ``None`` when they gave none.
    own_home: str | None = None


def _default_gazetteer() -> Any:
    from gazetteer import Gazetteer

    return Gazetteer.default()


class _Names:
    """Person-like names in a text, for "does this sentence name someone the sentence
    before named?": capitalised words that never occur in lower case in the text and are
    not places, demonyms, titles or sentence openers.

    Computed per sentence on first use: one regex pass over the sentence, then a
    ``str.find`` over the text for each capitalised word (most sentences are never asked
    about, and a whole-text word set costs more than the few look-ups)."""

    def __init__(self, text: str, recognizer: Recognizer) -> None:
        self.text = text
        self.recognizer = recognizer
        self._lower: set[str] | None = None  # every lower-case word, built only if needed
        self._in_lower: dict[str, bool] = {}
        self._words: dict[str, bool] = {}
        self._spans: dict[tuple[int, int], frozenset[str]] = {}

    def _occurs_in_lower_case(self, low: str) -> bool:
        """Whether ``low`` is one of the words ``_LOWER_WORDS`` finds in the text."""
        hit = self._in_lower.get(low)
        if hit is not None:
            return hit
        hit = False
        if _LOWER_WORD.fullmatch(low):
            text = self.text
            i = text.find(low)
            while i >= 0:
                before = text[i - 1] if i else " "
                if before in "'’":  # maybe inside a longer word ("rock'n"): ask the regex
                    if self._lower is None:
                        self._lower = set(_LOWER_WORDS.findall(text))
                    hit = low in self._lower
                    break
                if not (before.isalnum() or before == "_"):  # a word starts here
                    m = _LOWER_WORDS.match(text, i)
                    if m is not None and m.end() == i + len(low):
                        hit = True
                        break
                i = text.find(low, i + 1)
        self._in_lower[low] = hit
        return hit

    def _is_name(self, word: str) -> bool:
        """Whether a capitalised word of the text is a person-like name (cached per word)."""
        hit = self._words.get(word)
        if hit is None:
            hit = self._words[word] = not (
                self.recognizer.is_common_capitalised(word)
                or self._occurs_in_lower_case(word.lower())
            )
        return hit

    def __call__(self, start: int, end: int) -> frozenset[str]:
        """The names in ``text[start:end]`` (a sentence: no word runs across its ends)."""
        hit = self._spans.get((start, end))
        if hit is None:
            words = set(_CAPITALISED.findall(self.text, start, end))
            hit = frozenset(w.lower() for w in words if self._is_name(w))
            self._spans[(start, end)] = hit
        return hit


def _no_step(name: str) -> None:
    """The default ``on_step`` of :func:`analyze`: nothing."""


def analyze(
    text: str,
    published: date | None = None,
    *,
    gazetteer: Any = None,
    on_step: Callable[[str], None] | None = None,
    prior: Place | None = None,
    own_town: Any = None,
    title: str | None = None,
) -> Analysis:
    """Find, resolve and date the place mentions of ``text`` (see :func:`geoparse`), keeping
    the intermediate results that event detection needs.

    ``on_step``, if given, is called with the name of each step as it ends, in this order:
    ``"segmentation"`` (sentences, quotes, boilerplate), ``"find"`` (place phrases),
    ``"resolve"`` (places in context, derived areas included), ``"dates"`` (time
    expressions) and ``"dating"`` (each mention dated and built). It lets a profiler time
    the steps of the real code path (``benchmarks/bench_geoparse.py --stages``).

    ``prior`` is the home region of the text's outlet (:mod:`geo.outlets`): the division a
    namesake is placed in when the text itself names none (see
    :meth:`geo.recognize.Recognizer.resolve_article`); without one, a text with no firm home
    of its own may take one from its own towns' namesakes lying together
    (:func:`geo.colocated.colocated_home`). ``own_town`` is the town the outlet's
    name names (:func:`geo.outlet_towns.own_town`), never placed at a capital abroad.
    ``title`` is the article's title: a text that opens with it as a sentence has no lead
    there (:func:`geo.clauses.repeats_title`).
    """
    step = on_step or _no_step
    from geo.clauses import repeats_title
    from geo.dates import find_dates
    from geo.page_furniture import boilerplate
    from geo.text import containing, quotes, sentences

    recognizer = Recognizer.for_gazetteer(gazetteer or _default_gazetteer())
    sents = sentences(text)
    skip = boilerplate(text, published)
    quoted = quotes(text)
    step("segmentation")

    def sentence_of(offset: int) -> tuple[int, int]:
        span = containing(sents, offset)
        return (span.start, span.end) if span is not None else (0, len(text))

    found = recognizer.find(text, skip=skip)
    step("find")
    resolution = recognizer.resolve_article(
        text, found, sentence_of=sentence_of, prior=prior, own_town=own_town
    )
    own_home = None
    if prior is None and resolution.homeless:
        # the story's own towns may tell its home ("Tega Cay", "Fort Mill"): a prior weighs
        # only where the story has no firm home, so it is looked for only there
        home = colocated_home(text, found, recognizer, skip)
        if home is not None:
            own_home = home.id
            resolution = recognizer.resolve_article(
                text, found, sentence_of=sentence_of, prior=home, own_town=own_town
            )
    pinned = pinned_towns(resolution.recognized, recognizer)  # "off X in Italy", "X, Conn."
    resolution = with_bare_towns(text, found, resolution, recognizer, skip)  # "in Hopkinton"
    resolution = with_pinned_repeats(text, resolution, recognizer, pinned, skip)  # "near X"
    # "died … in Lebanon" beside Annville: the town
    resolution = with_country_towns(resolution, recognizer.gazetteer, LOCAL_TOWN_KM)
    recognized = resolution.recognized
    step("resolve")
    times = (
        [t for t in find_dates(text, published) if containing(skip, t.start) is None]
        if text
        else []
    )
    step("dates")
    timeline = Timeline(
        text,
        sents,
        times,
        quoted,
        [(r.start, r.end) for r in recognized if r.role == "location"],
        published,
        names_of=_Names(text, recognizer),
        titled=bool(sents) and repeats_title(text, sents[0].start, sents[0].end, title),
    )
    mentions = []
    sentence_texts: dict[int, str] = {}
    n_sents = len(sents)
    j = 0  # recognized phrases come in text order: walk the sentences along with them
    for r in recognized:
        if n_sents and r.start < sents[j].start:
            j = 0  # not in text order after all: start again
        while j + 1 < n_sents and sents[j + 1].start <= r.start:
            j += 1
        if n_sents and sents[j].start <= r.start < sents[j].end:
            s, e = sents[j].start, sents[j].end
        else:
            s, e = 0, len(text)
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
                role=r.role,
            )
        )
    step("dating")
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
        votes=resolution.votes,
        evidence=resolution.evidence,
        movable=resolution.movable,
        towns=resolution.towns,
        country=article_country(
            list({r.base.id: r.base.country for r in recognized if r.role == "location"}.values()),
            {p.country: v for v, p in sorted(resolution.votes.values(), key=lambda vp: vp[0])},
        ),
        own_home=own_home,
    )


def geoparse(text: str, published: date | None = None, *, gazetteer: Any = None) -> list[Mention]:
    """The place mentions of ``text``, in text order.

    Each :class:`~geo.model.Mention` has character offsets into ``text`` (spanning modifiers
    such as "near Alaska" and qualifiers such as "Kazan, Russia"), the resolved place (its
    id, name, kind and lon/lat geometry), its sentence, and the date range of its sentence
    (or of the sentence it continues); without a date in the text that is ``published`` with
    precision ``unknown``, and ``None`` when there is no publication date either.
    Each mention has a ``role``: ``location`` when the text names the place, ``demonym``
    ("Russian forces" → Russia) or ``organisation`` ("Texas" in "University of Texas"): the
    last two mention the place but never place an event by themselves. Boilerplate
    (advertising, credits) is skipped. ``gazetteer`` defaults to
    :meth:`gazetteer.Gazetteer.default`.
    """
    return list(analyze(text, published, gazetteer=gazetteer).mentions)


def analyze_batch(
    texts: Sequence[tuple[str, date | None, str | None]], *, gazetteer: Any = None
) -> list[Analysis]:
    """:func:`analyze` of each ``(text, published, outlet)``, with each outlet's home region
    as evidence (:mod:`geo.outlets`): an article with no home division of its own, whose
    evidence does not point elsewhere, and whose outlet's *other* articles of the batch are
    clearly at home in one division is analysed again with that division as its home; an
    outlet the batch teaches no home is at home in the country its web address tells
    (:func:`geo.outlet_country.country_prior`: "Perth" in a story of ``www.thecourier.co.uk``
    is Scotland's), or in the division of the town its name opens with
    (:func:`geo.outlet_towns.outlet_prior`: "athensreview.com"). Articles without such an
    outlet, and batches of one article of a generic address, give what :func:`analyze`
    gives. The result depends on the whole batch, never on its order."""
    gazetteer = gazetteer or _default_gazetteer()
    towns = [own_town(gazetteer, outlet) for _, _, outlet in texts]
    first = [
        analyze(text, published, gazetteer=gazetteer, own_town=town)
        for (text, published, _), town in zip(texts, towns, strict=True)
    ]
    priors = OutletPriors()
    for n, (analysis, (_, _, outlet)) in enumerate(zip(first, texts, strict=True)):
        priors.add(n, outlet, {k: v for k, (v, _) in analysis.votes.items()}, analysis.country)
    out = []
    for n, (analysis, (text, published, outlet)) in enumerate(zip(first, texts, strict=True)):
        prior = (
            outlet_prior(
                priors, gazetteer, n, outlet, towns=analysis.towns, own_home=analysis.own_home
            )
            if analysis.movable
            else None
        )
        home = home_place(gazetteer, prior)
        if home is not None and needs_prior(home.id, analysis.movable):
            analysis = analyze(text, published, gazetteer=gazetteer, prior=home, own_town=towns[n])
        out.append(analysis)
    return out


def geoparse_batch(
    texts: Sequence[tuple[str, date | None, str | None]], *, gazetteer: Any = None
) -> list[list[Mention]]:
    """The place mentions of each ``(text, published, outlet)``, as :func:`geoparse` gives
    them, with each outlet's home region learned from the batch as evidence for namesakes
    (:func:`analyze_batch`, :mod:`geo.outlets`): "Alexandria" in a story of a paper whose
    other stories are in Louisiana is Louisiana's, though the story names no state."""
    return [list(a.mentions) for a in analyze_batch(texts, gazetteer=gazetteer)]
