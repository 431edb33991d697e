"""Toponym recognition: find place names in text, with their modifiers, and resolve them.

The recognizer is gazetteer-driven (see docs/recognition-and-events.md):

1. The text is folded (:func:`gazetteer.normalize.fold`: lower case, no diacritics, same
   length) and every character that is not a letter or digit becomes a space. Gazetteer keys
   get the same treatment and are padded with a space on each side, so one Aho-Corasick pass
   over the padded text finds every name on word boundaries, and only there.
2. Overlapping matches keep the longest leftmost one ("Sea of Japan" over "Japan").
3. Filters drop the classic errors: lower-case words ("nice"), stop-listed words ("The",
   "Police"), ambiguous words at the start of a sentence ("Reading the report…"), person
   names ("President Putin", "Vladimir Putin"), organisation names ("Ministry of Foreign
   Affairs", "Washington Post") and boilerplate spans (advertising, credits).
4. Each name grows into a phrase with its modifier ("near Alaska", "the northwestern Pacific
   Ocean", "off the coast of South Carolina") and its qualifier ("Kazan, Russia", absorbed
   into one mention). "<Demonym> waters" phrases ("Swedish waters") are found separately.
5. Names resolve in two passes: unambiguous or prominent names first, then the rest with
   those places (and their countries) as context.

The word lists live in ``geo/data/toponym_filters.yaml``.

This module keeps the :class:`Recognizer` (its automaton, caches and :meth:`Recognizer.find`);
its parts live in modules named for their job: the records (:mod:`geo.toponyms`), text
scanning (:mod:`geo.scanning`), phrase patterns (:mod:`geo.phrase_patterns`), the find-side
filters (:mod:`geo.finding`) and phrase rules (:mod:`geo.phrase_finding`), division votes and
rules (:mod:`geo.divisions`, :mod:`geo.home_votes`), qualifiers (:mod:`geo.qualifiers`), the
article's context (:mod:`geo.article_context`), placing the names in it (:mod:`geo.resolving`)
and nearness of places (:mod:`geo.nearness`).
"""

from __future__ import annotations

import copy
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from gazetteer import Place
from gazetteer.normalize import normalize
from geo.datelines import find_datelines
from geo.divisions import Divisions
from geo.errors import GeoError
from geo.finding import IN_A_NAME, Finding
from geo.home_votes import is_anchor_name
from geo.longer_names import towns_in_names
from geo.name_index import NameIndex
from geo.persons import person_cues
from geo.phrase_finding import PhraseFinding
from geo.phrase_patterns import AND_NEXT, QUALIFIERS
from geo.qualifiers import Qualifiers
from geo.resolving import Resolving
from geo.scanning import (
    Scan,
    SpanSet,
    blank,
    demonym_tails,
    filter_lists,
    reports_at_sea,
    scan_text,
)
from geo.toponyms import (
    LOCATION,
    ORGANISATION,
    GazetteerLike,
    Recognized,
    Resolution,
    Toponym,
)
from geo.vehicles import vehicle_spans

__all__ = [
    "Recognized",
    "Recognizer",
    "Resolution",
    "Toponym",
    "recognize",
    "reports_at_sea",  # re-exported: whether a sentence reports something at sea (geo.scanning)
    "scan_text",  # re-exported: the text as the automaton scans it (geo.scanning)
]


# ---------------------------------------------------------------------------------------------
# The recognizer


class Recognizer(Finding, PhraseFinding, Divisions, Qualifiers, Resolving):
    """Finds and resolves place mentions with one gazetteer.

    Build it once per gazetteer (:meth:`for_gazetteer` caches it): building indexes every
    gazetteer name (:class:`geo.name_index.NameIndex`). :meth:`find` is pure text work;
    :meth:`resolve` turns toponyms into places; :meth:`recognize` does both.

    The filters of finding live in :class:`geo.finding.Finding`, its phrase rules in
    :class:`geo.phrase_finding.PhraseFinding`, the division votes and rules of resolving in
    :class:`geo.divisions.Divisions`, the
    qualifiers ("Kazan, Russia", "London, Ont.") in :class:`geo.qualifiers.Qualifiers`, the
    article's context and the placing of its names in :class:`geo.resolving.Resolving`
    (:meth:`resolve_article`, with :mod:`geo.article_context`).
    """

    def __init__(self, gazetteer: GazetteerLike, *, online: bool | None = None) -> None:
        self.gazetteer = gazetteer
        #: Whether unknown names after locative prepositions go to the gazetteer's online
        #: fallback (a gazetteer with a ``geocoder``, such as gazetteer.OnlineFallback).
        self.online = _is_online(gazetteer) if online is None else online
        self._lists = filter_lists()
        #: Words that, after a place name, make it an organisation's (geo.roles).
        self._organisation_words = (
            self._lists.organisation_heads | self._lists.building_heads | self._lists.titles
        )
        #: every blanked gazetteer name → its key (the first key of that blanked form)
        self._names = NameIndex()
        self._caps_only: set[str] = set()
        for key in gazetteer.name_keys():
            # most keys are ASCII letters, digits and spaces: blank() leaves them as they are
            clean = key.isascii() and key.replace(" ", "").isalnum()
            blanked = (key if clean else blank(key)).strip()
            if not blanked:
                continue
            if blanked in self._lists.never:
                if not _country_acronym(gazetteer, key, blanked):
                    continue  # "the", "of", "police": never places alone, so never matched
                self._caps_only.add(key)  # "US" is the country, "us" is not
            self._names.add(blanked, key)
        # keys every source writes in capitals ("EU", "NYC"): matched only in capitals
        case_sensitive = getattr(gazetteer, "case_sensitive_keys", None)
        if case_sensitive is not None:
            self._caps_only.update(case_sensitive())
        if len(self._names) == 0:
            raise GeoError("the gazetteer has no place names; rebuild it (python -m gazetteer)")
        self._single_words = self._names.words()  # the one-word names
        self._candidates: dict[str, tuple[Any, ...]] = {}
        self._derived: dict[tuple[Any, ...], Place | None] = {}
        self._common: dict[str, bool] = {}
        self._anchors: dict[str, bool] = {}
        #: (key, nearby ids, countries) → place: articles about one story share context.
        self._in_context: dict[tuple[Any, ...], Place | None] = {}
        self._division_of: dict[str, Place | None] = {}  # place id → its admin-1 division
        self._given: dict[str, bool] = {}  # lower-case word → whether a usable given name
        self._lies: dict[tuple[str, str], bool] = {}  # (place id, division id) → lies in it
        self._all_counties: dict[str, tuple[Any, ...]] = {}  # county key → every candidate
        #: (town name, county id, km) → the town of the name by the county (geo.pairs)
        self._nearest: dict[tuple[str, str, float], Place | None] = {}

    _cache: dict[int, tuple[Any, Recognizer]] = {}  # noqa: RUF012 - a process-wide cache
    _lock = threading.Lock()

    @classmethod
    def for_gazetteer(cls, gazetteer: GazetteerLike) -> Recognizer:
        """The recognizer for ``gazetteer``, built on first use and then reused. An online
        wrapper (with an ``offline`` gazetteer) shares the offline gazetteer's automaton."""
        with cls._lock:
            hit = cls._cache.get(id(gazetteer))
            if hit is not None and hit[0] is gazetteer:
                return hit[1]
        offline = getattr(gazetteer, "offline", None)
        if offline is not None and offline is not gazetteer:
            recognizer = copy.copy(cls.for_gazetteer(offline))
            recognizer.gazetteer = gazetteer
            recognizer.online = _is_online(gazetteer)
            recognizer._candidates = {}
            recognizer._derived = {}
            recognizer._in_context = {}
            recognizer._nearest = {}
            recognizer._all_counties = {}
        else:
            recognizer = cls(gazetteer)
        with cls._lock:
            if len(cls._cache) >= 8:
                cls._cache.pop(next(iter(cls._cache)))
            cls._cache[id(gazetteer)] = (gazetteer, recognizer)
        return recognizer

    # -- finding --------------------------------------------------------------------------

    def find(self, text: str, *, skip: Iterable[Any] = ()) -> list[Toponym]:
        """Place phrases in ``text`` in text order, not overlapping each other.

        ``skip`` holds spans (objects with ``start`` and ``end``) to ignore, such as
        boilerplate. Offsets are offsets into ``text``.
        """
        if not text:
            return []
        padded = f" {scan_text(text)} "
        skipped = SpanSet(skip)
        scan = Scan(text)
        # (start, -end, key): sorted, the leftmost match first, then the longest.
        raw = self._names.spans(padded)
        raw.sort()
        names: list[tuple[int, int, str]] = []
        organisations: list[tuple[int, int, str]] = []  # names inside an organisation's name
        in_names: list[tuple[int, int, str]] = []  # names opening a longer capitalised name
        last_end = last_organisation = -1
        persons = self._persons(scan, raw)
        vehicles = SpanSet(vehicle_spans(text))  # "a 1993 brown Cadillac", "the Honda"
        for start, negative_end, key in raw:
            end = -negative_end  # offset in text of the end of the name (exclusive)
            if start < last_end or not (text[start].isupper() or text[start].isdigit()):
                continue
            if key in self._caps_only and not text[start:end].isupper():
                continue
            if skipped.starts and skipped.overlaps(start, end):
                continue
            if vehicles.starts and vehicles.overlaps(start, end):
                continue
            if _person_key(key, persons) and not self._place_cue(text, start, end):
                continue  # "Kelly Moore ... Moore said": the article's person, not a town
            if self._saints_dedication(text, start, end):
                last_end = end  # "St. Patrick's Day", "the church of St. Peter": no "Paul"
                continue
            role = self._accept(scan, start, end, key)
            if role == LOCATION:
                names.append((start, end, key))
                last_end = end
            elif role == ORGANISATION and start >= last_organisation:
                organisations.append((start, end, key))
                last_organisation = end
            elif role == IN_A_NAME:
                in_names.append((start, end, key))
        longest: dict[int, int] = {}
        for start, negative_end, _key in raw:
            longest.setdefault(start, -negative_end)  # the longest name at each start
        kept: list[tuple[int, int, str]] = []
        joined: set[int] = set()  # starts of the second names of "Saint Peter and Saint Paul"
        starts = {n[0] for n in names}
        dropped = -1  # the start of a surname dropped with the given name before it
        for n in names:
            if n[0] == dropped:
                continue
            if self._common_word_before_a_place(scan, n, starts):
                if n[2] in person_cues().given:
                    dropped = n[1] + 1  # "Marion Lawson Parker": a person's whole name
                continue  # "Metro Vancouver officials", "Van Boxtel": no town named Metro
            if self._coordinated_in_a_name(
                scan, n[1], longest, scan.title_lines.get(text.rfind("\n", 0, n[0]) + 1, False)
            ):
                joined.add(AND_NEXT.match(text, n[1]).end())  # type: ignore[union-attr]
            else:
                kept.append(n)
        names = kept
        if joined:  # the second name opens the building's name: no organisation mention
            organisations = [o for o in organisations if o[0] not in joined]
        toponyms = [self._grow(scan, s, e, key) for s, e, key in names]
        toponyms.extend(
            t
            for t in self._pinned_towns(text, toponyms, skipped)
            if not (_person_key(t.key, persons) and not self._place_cue(text, t.start, t.end))
        )
        toponyms = self._with_datelines(scan, toponyms, skipped)
        toponyms = self._listed_divisions(scan, toponyms, skipped)  # "Becker, Clay counties"
        tails = demonym_tails(text, padded)
        if tails:
            toponyms.extend(self._demonym_phrases(text, tails, names, skipped))
        if self.online:
            toponyms.extend(self._unknown_after_prepositions(text, names, skipped))
        toponyms.sort(key=lambda t: (t.start, -t.end))
        out: list[Toponym] = []
        for t in toponyms:
            if out and t.start < out[-1].end:
                continue
            out.append(t)
        if in_names:  # "the Paris Walmart" in a text that names Paris
            has_town = getattr(self.gazetteer, "has_town", None) or _no_town
            organisations = towns_in_names(text, organisations, in_names, out, has_town)
        others = self._role_toponyms(scan, padded, organisations, skipped, out)
        abbreviations = self._standalone_abbreviations(text, skipped)
        if abbreviations:
            others = sorted([*others, *abbreviations], key=lambda t: (t.start, -t.end))
        if others:
            out = _merge_roles(out, others)
        return out

    def _with_datelines(
        self, scan: Scan, toponyms: list[Toponym], skipped: SpanSet
    ) -> list[Toponym]:
        """``toponyms`` with the place of every wire dateline (:mod:`geo.datelines`) the
        filters refused or the automaton never held, in place of any name inside it ("NEW
        MIAMI —" is no Miami). A strong dateline ("FAIRFIELD, Conn. --", "MASON, Ohio (AP)")
        takes a name of the gazetteer whatever its common-word status, or a small town its
        qualifier pins down; a bare one ("HAMILTON —") takes a name of the main index that
        is no stop-listed word ("BREAKING —" is a shouted headline)."""
        text = scan.text
        added: list[Toponym] = []
        for d in find_datelines(text):
            s, e = d.name_start, d.name_end
            if skipped.overlaps(s, e) or any(
                t.name_start <= s and e <= t.name_end for t in toponyms
            ):
                continue
            name = text[s:e]
            key = normalize(name)
            if self.candidates(name, key):
                if not d.strong and blank(key).strip() in self._lists.never:
                    continue
                added.append(self._grow(scan, s, e, key))
            elif self._town_qualified(text, d.qualifier, s, e):
                added.append(Toponym(start=s, end=e, name_start=s, name_end=e, name=name))
        if not added:
            return toponyms
        inside = SpanSet(added)
        return [t for t in toponyms if not inside.overlaps(t.start, t.end)] + added

    def _town_qualified(self, text: str, qualifier: str | None, start: int, end: int) -> bool:
        """Whether a small town (:mod:`gazetteer.towns`) of the name ``text[start:end]``
        is what a dateline's ``qualifier`` pins down: an abbreviated division or a division's
        or country's name follows the comma."""
        has_town = getattr(self.gazetteer, "has_town", None)
        if has_town is None or not has_town(text[start:end]):
            return False
        if qualifier is None:
            return True
        t = Toponym(start=start, end=end, name_start=start, name_end=end, name=text[start:end])
        if self._abbreviation_after(text, t) is not None:
            return True
        cands = self.candidates(qualifier)
        return bool(cands) and cands[0].place.kind in QUALIFIERS

    # -- resolving ------------------------------------------------------------------------

    def candidates(self, name: str, key: str | None = None) -> tuple[Any, ...]:
        """The gazetteer's ranked candidates for ``name`` without context (cached by key)."""
        key = key or normalize(name)
        hit = self._candidates.get(key)
        if hit is None:
            hit = tuple(self.gazetteer.candidates(key))
            if len(self._candidates) > 200_000:
                self._candidates.clear()
                self._anchors.clear()
            self._candidates[key] = hit
        return hit

    def is_anchor(self, key: str, cands: Sequence[Any]) -> bool:
        """Whether the name with these candidates resolves the same in any context (cached)."""
        hit = self._anchors.get(key)
        if hit is None:
            hit = is_anchor_name(cands)
            self._anchors[key] = hit
        return hit

    def resolve(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        *,
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
    ) -> list[Recognized]:
        """Resolve ``toponyms`` found in ``text``, with the article as context (see
        :meth:`resolve_article`, with no outlet prior)."""
        return self.resolve_article(text, toponyms, sentence_of=sentence_of).recognized

    def recognize(
        self,
        text: str,
        *,
        skip: Iterable[Any] = (),
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
    ) -> list[Recognized]:
        """:meth:`find` then :meth:`resolve`."""
        return self.resolve(text, self.find(text, skip=skip), sentence_of=sentence_of)


def recognize(text: str, *, gazetteer: GazetteerLike | None = None) -> list[Recognized]:
    """Resolved place phrases in ``text`` (the default gazetteer when none is given), with
    boilerplate skipped and sentences as the context of "near X"."""
    from geo.page_furniture import boilerplate
    from geo.text import containing, sentences

    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    recognizer = Recognizer.for_gazetteer(gazetteer)
    spans = sentences(text)

    def sentence_of(offset: int) -> tuple[int, int]:
        span = containing(spans, offset)
        return (span.start, span.end) if span is not None else (0, len(text))

    return recognizer.recognize(text, skip=boilerplate(text), sentence_of=sentence_of)


# ---------------------------------------------------------------------------------------------
# Small helpers


def _country_acronym(gazetteer: Any, key: str, blanked: str) -> bool:
    """A short stop-listed key that names a country ("us"): kept, but matched only when
    written in capitals ("US")."""
    if len(blanked.replace(" ", "")) > 3:
        return False
    try:
        cands = gazetteer.candidates(key, limit=1)
    except TypeError:  # a gazetteer without the limit keyword
        cands = gazetteer.candidates(key)
    return bool(cands) and cands[0].place.kind == "country"


def _no_town(name: str) -> bool:
    """The small-town test of a gazetteer without small towns: none."""
    return False


def _person_key(key: str, persons: frozenset[str]) -> bool:
    """Whether ``key`` is one of the article's ``persons``, or that name's possessive
    ("Smith’s" of "Rodney Eric Smith": the key "smith s" of a place named so)."""
    return key in persons or (key.endswith(" s") and key[:-2] in persons)


def _is_online(gazetteer: Any) -> bool:
    """A gazetteer with an online fallback (it has a ``geocoder``)."""
    return getattr(gazetteer, "geocoder", None) is not None


def _merge_roles(locations: list[Toponym], others: Sequence[Toponym]) -> list[Toponym]:
    """``locations`` and the ``others`` (demonyms, names in organisations) that overlap no
    location and no earlier other, in text order: a location always wins ("Swedish waters"
    is a location; its demonym is no second mention)."""
    starts = [t.start for t in locations]
    kept: list[Toponym] = []
    last = -1
    for t in others:
        if t.start < last:
            continue
        i = bisect_right(starts, t.start)
        if i and locations[i - 1].end > t.start:
            continue  # inside the location before it
        if i < len(locations) and locations[i].start < t.end:
            continue  # runs into the location after it
        kept.append(t)
        last = t.end
    return sorted([*locations, *kept], key=lambda t: (t.start, -t.end))
