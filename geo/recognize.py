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

This module keeps the :class:`Recognizer`'s orchestration; its parts live in modules named
for their job: the records (:mod:`geo.toponyms`), text scanning (:mod:`geo.scanning`), phrase
patterns (:mod:`geo.phrase_patterns`), the find-side rules (:mod:`geo.finding`), division
votes and rules (:mod:`geo.divisions`, :mod:`geo.home_votes`) and nearness of places
(:mod:`geo.nearness`).
"""

from __future__ import annotations

import copy
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ahocorasick

from gazetteer import Place
from gazetteer.normalize import normalize
from geo.divisions import _Divisions
from geo.errors import GeoError
from geo.finding import _Finding
from geo.home_votes import (
    _HOME_KINDS,
    _SENSE_KINDS,
    CONTEXT_CACHE,
    MAX_NEARBY,
    _close_behind,
    _countries,
    _evidence,
    _firm,
    _home_of,
    _is_anchor,
    _leaders,
    _others,
    _own_capital,
)
from geo.nearness import (
    _COORDINATED_KINDS,
    _by_alternate,
    _coordinated_division,
    _drop_lonely,
    _lies_in,
    _near_any,
    _stray,
)
from geo.outlets import COUNTRY_PREFIX, prior_fits
from geo.phrase_patterns import (
    _AND_NEXT,
    _LIST_GOES_ON,
    _qualifier_mention,
)
from geo.residence import residence_cue
from geo.scanning import (
    _blank,
    _demonym_tails,
    _lists,
    _Scan,
    _SpanSet,
    reports_at_sea,
    scan_text,
)
from geo.toponyms import (
    LOCATION,
    ORGANISATION,
    Recognized,
    Resolution,
    Toponym,
    _Gazetteer,
)

__all__ = [
    "Recognized",
    "Recognizer",
    "Resolution",
    "Toponym",
    "recognize",
]

#: How far from one of the article's places a town named like a country, in a residence
#: phrase and with no home to look in, may lie ("Doe, 22, Palestine" next to Anderson
#: County): about a county's width.
LOCAL_TOWN_KM = 100.0

#: Modifier rules the gazetteer's derived areas know.
_DERIVED_RULES = frozenset({"compass", "coast", "near", "around", "waters"})


# ---------------------------------------------------------------------------------------------
# The recognizer


class Recognizer(_Finding, _Divisions):
    """Finds and resolves place mentions with one gazetteer.

    Build it once per gazetteer (:meth:`for_gazetteer` caches it): building compiles an
    Aho-Corasick automaton of every gazetteer name. :meth:`find` is pure text work;
    :meth:`resolve` turns toponyms into places; :meth:`recognize` does both.

    The filters and phrase rules of finding live in :class:`geo.finding._Finding`, the
    division votes and rules of resolving in :class:`geo.divisions._Divisions`.
    """

    def __init__(self, gazetteer: _Gazetteer, *, online: bool | None = None) -> None:
        self.gazetteer = gazetteer
        #: Whether unknown names after locative prepositions go to the gazetteer's online
        #: fallback (a gazetteer with a ``geocoder``, such as gazetteer.OnlineFallback).
        self.online = _is_online(gazetteer) if online is None else online
        self._lists = _lists()
        #: Words that, after a place name, make it an organisation's (geo.roles).
        self._organisation_words = (
            self._lists.organisation_heads | self._lists.building_heads | self._lists.titles
        )
        self._automaton = ahocorasick.Automaton()
        single: set[str] = set()
        self._caps_only: set[str] = set()
        for key in gazetteer.name_keys():
            blanked = _blank(key).strip()
            if not blanked:
                continue
            if blanked in self._lists.never:
                if not _country_acronym(gazetteer, key, blanked):
                    continue  # "the", "of", "police": never places alone, so never matched
                self._caps_only.add(key)  # "US" is the country, "us" is not
            padded = f" {blanked} "
            if padded not in self._automaton:
                self._automaton.add_word(padded, (len(blanked), key))
            if " " not in blanked:
                single.add(blanked)
        # keys every source writes in capitals ("EU", "NYC"): matched only in capitals
        case_sensitive = getattr(gazetteer, "case_sensitive_keys", None)
        if case_sensitive is not None:
            self._caps_only.update(case_sensitive())
        if len(self._automaton) == 0:
            raise GeoError("the gazetteer has no place names; rebuild it (python -m gazetteer)")
        self._automaton.make_automaton()
        self._single_words = frozenset(single)
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
    def for_gazetteer(cls, gazetteer: _Gazetteer) -> Recognizer:
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
        skipped = _SpanSet(skip)
        scan = _Scan(text)
        # (start, -end, key): sorted, the leftmost match first, then the longest.
        raw = [
            (end - 1 - length, 1 - end, key) for end, (length, key) in self._automaton.iter(padded)
        ]
        raw.sort()
        names: list[tuple[int, int, str]] = []
        organisations: list[tuple[int, int, str]] = []  # names inside an organisation's name
        last_end = last_organisation = -1
        persons = self._persons(scan, raw)
        for start, negative_end, key in raw:
            end = -negative_end  # offset in text of the end of the name (exclusive)
            if start < last_end or not (text[start].isupper() or text[start].isdigit()):
                continue
            if key in self._caps_only and not text[start:end].isupper():
                continue
            if skipped.starts and skipped.overlaps(start, end):
                continue
            if key in persons and not self._place_cue(text, start, end):
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
        longest: dict[int, int] = {}
        for start, negative_end, _key in raw:
            longest.setdefault(start, -negative_end)  # the longest name at each start
        kept: list[tuple[int, int, str]] = []
        joined: set[int] = set()  # starts of the second names of "Saint Peter and Saint Paul"
        for n in names:
            if self._coordinated_in_a_name(
                scan, n[1], longest, scan.title_lines.get(text.rfind("\n", 0, n[0]) + 1, False)
            ):
                joined.add(_AND_NEXT.match(text, n[1]).end())  # type: ignore[union-attr]
            else:
                kept.append(n)
        names = kept
        if joined:  # the second name opens the building's name: no organisation mention
            organisations = [o for o in organisations if o[0] not in joined]
        toponyms = [self._grow(scan, s, e, key) for s, e, key in names]
        toponyms.extend(
            t
            for t in self._pinned_towns(text, toponyms, skipped)
            if not (t.key in persons and not self._place_cue(text, t.start, t.end))
        )
        tails = _demonym_tails(text, padded)
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
        others = self._role_toponyms(scan, padded, organisations, skipped, out)
        abbreviations = self._standalone_abbreviations(text, skipped)
        if abbreviations:
            others = sorted([*others, *abbreviations], key=lambda t: (t.start, -t.end))
        if others:
            out = _merge_roles(out, others)
        return out

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
            hit = _is_anchor(cands)
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

    def resolve_article(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        *,
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
        prior: Place | None = None,
    ) -> Resolution:
        """Resolve ``toponyms`` found in ``text``, with the article as context; the places,
        and the division evidence the article gave (:class:`Resolution`).

        Pass one resolves names whose place no context could change (one candidate, or
        namesakes far behind or in the same place); pass two resolves the rest with the
        nearest of those places (and all their countries) as context, and the first-level
        divisions the article names or places itself in (``Context.divisions``; a pass-one
        name with a namesake in one of them goes to pass two: "Paris" in a story naming
        Texas). See docs/gazetteer.md, *The article's divisions*. A name followed by
        ", <country or state>" is resolved with that qualifier and absorbs it when the place
        lies there. Modifiers become derived areas; "near X" becomes the sea off X when the
        sentence (``sentence_of(offset)`` gives its bounds) reports something at sea or in
        the air. Toponyms the gazetteer cannot place are dropped. Demonyms and names inside
        organisations (:mod:`geo.roles`) are placed afterwards in the same context; the
        locations are placed as if they were not there.

        ``prior`` is the first-level division the article's outlet is at home in
        (:mod:`geo.outlets`, learned from the outlet's other articles): it is the article's
        home only when the article has none of its own and names or votes for no division
        (none named, even inside an organisation's name, no dateline, no place lying only in
        one division), or for the prior among others (:func:`geo.outlets.prior_fits`), or
        when the only votes against it are doubtful (a town with no namesake in the main
        index but a small town of its name in the prior: :meth:`_home_votes`). An article
        with no home that names other divisions keeps them, and the prior is evidence beside
        them (``Context.divisions``) for each name with no namesake in any division the
        article names or votes for: "Manhattan" in a Kansas paper's story naming Oklahoma.
        """
        from gazetteer import Context

        abbreviations = [t for t in toponyms if t.abbreviation]
        if abbreviations:
            toponyms = [t for t in toponyms if not t.abbreviation]
        roles = [t for t in toponyms if t.role != LOCATION]
        if roles:
            toponyms = [t for t in toponyms if t.role == LOCATION]

        firsts: list[Place | None] = []
        ranked: list[tuple[Any, ...]] = []  # each toponym's candidates (its name's, by key)
        anchored: list[bool] = []  # whether each toponym's name is an anchor
        for t in toponyms:
            cands = self.candidates(t.name, t.key)
            ranked.append(cands)
            if not cands:
                firsts.append(None)
                anchored.append(False)
                continue
            firsts.append(cands[0].place)
            anchored.append(self.is_anchor(t.key, cands))
        # every name that leads its namesakes clearly, before the evidence reopens any: how
        # many places the story names, for _stray
        first_anchors = [
            first
            for first, anchor in zip(firsts, anchored, strict=True)
            if anchor and first is not None
        ]
        first_anchor_ids = {p.id for p in first_anchors}
        soft: dict[str, list[Toponym]] = {}  # division id → its votes by a doubtful place
        votes = self._division_votes(
            text, toponyms, ranked, anchored, [*roles, *abbreviations], soft=soft
        )
        behind = _close_behind(ranked)
        home = _home_of(votes)
        # the first-level divisions the text names anywhere or places itself in: a weak
        # qualifier for every name
        divisions = _evidence(votes, behind)
        # every division the article names or votes for, however weakly ("the Illinois
        # State Police"): an outlet prior must not contradict any of them
        evidence = tuple(dict.fromkeys([*(d.id for d in divisions), *votes]))
        if (
            home is None
            and prior is not None
            and prior_fits(prior.id, evidence, _countries(votes, divisions))
        ):
            home = prior  # the outlet's home region stands in for the article's own
        elif prior is not None and soft and not prior.id.startswith(COUNTRY_PREFIX):
            # the names with a namesake at the outlet's home vote for no other division
            # ("Williston" in a Florida paper's story): the prior may be the home after all
            counted = self._home_votes(votes, soft, prior)
            own = _home_of(counted)
            if counted is not votes and (own is None or own.id == prior.id):
                kept = _evidence(counted, behind)
                ids = tuple(dict.fromkeys([*(d.id for d in kept), *counted]))
                if prior_fits(prior.id, ids, _countries(counted, kept)):
                    home, divisions, evidence = prior, kept, ids
        # each name's divisions: the article's own, and beside them the outlet's home when
        # the article names other divisions but none is its home and the name has no
        # namesake in them ("Manhattan" in a Kansas paper's story naming Oklahoma)
        name_divisions: list[tuple[Place, ...]] = [tuple(divisions)] * len(toponyms)
        beside = (
            prior
            if home is None
            and prior is not None
            and not prior.id.startswith(COUNTRY_PREFIX)
            and all(d.id != prior.id for d in divisions)
            else None
        )
        if beside is not None:
            # every division the article names or votes for, however weakly, keeps its
            # namesakes ("Springfield" next to "the Illinois State Police")
            voted = (*divisions, *(p for _, p in votes.values()))
            for i, (t, cands) in enumerate(zip(toponyms, ranked, strict=True)):
                if cands and not self._namesake_within(t, cands, voted):
                    name_divisions[i] = (*divisions, beside)
        # a home would re-place the places of an article with no home of its own, or with
        # one only doubtful places vote for (geo.outlets.needs_prior)
        homeless = (
            home is None or home is prior or (bool(soft) and _home_of(_firm(votes, soft)) is None)
        )
        movable: set[str] = set()  # divisions of the places a home would be asked to move
        # an outlet's home, weaker evidence than the article's own, never moves the capital
        # of its own country, which national news names everywhere ("Washington" in a
        # stateless story of a Georgia paper stays the capital; "Paris" in a Texas paper's
        # does not stay in France)
        own_capital = prior.country if home is prior and prior is not None else None
        # a home moves no place of a country the article's demonyms or organisations name
        # under another name ("Greek officials in Athens" stays in Greece)
        foreign: dict[str | None, set[str]] = {}  # country → the keys of its role mentions
        if home is not None:
            for r in roles:
                cands = self.candidates(r.name, r.key)
                if cands and cands[0].place.country != home.country:
                    foreign.setdefault(cands[0].place.country, set()).add(r.key)
        # an anchor with a namesake in one of its divisions is resolved in context after
        # all ("Paris" in a story naming Texas)
        for i, cands in enumerate(ranked):
            if (
                anchored[i]
                and name_divisions[i]
                and self._namesake_in(toponyms[i], cands, name_divisions[i])
            ):
                anchored[i] = False
        anchors = [
            (t.start, first)
            for t, first, anchor in zip(toponyms, firsts, anchored, strict=True)
            if anchor and first is not None
        ]
        countries = tuple(sorted({p.country for _, p in anchors if p.country}))
        # Without anchors, the names that lead their namesakes clearly (WEAK_MARGIN) are
        # each other's context: "Edmonton" and "Enfield" in a story about north London.
        leaders = [] if anchors else _leaders(toponyms, ranked, anchored)

        anchor_starts = [a for a, _ in anchors]  # in text order
        # a county's namesakes are told apart by the divisions the text names anywhere
        named = (
            self._divisions_named(text, toponyms, ranked)
            if any(c and c[0].place.kind == "county" for c in ranked)
            else ()
        )

        # a county name's namesakes narrowed to one by the outlet's home would pair with no
        # town (geo.pairs): county pairs take the article's own divisions only
        pairs = self._pairs(toponyms, ranked, roles, divisions)
        near_pairs = self._town_pairs(
            toponyms, ranked, roles, (*divisions, *((beside,) if beside else ())), countries
        )

        def nearby_of(pos: int) -> tuple[Place, ...]:
            """The anchors nearest ``pos`` in the text (distinct places, at most
            :data:`MAX_NEARBY`): the context that matters for a mention is mostly local.
            Walks outwards from ``pos``, the nearer side first (the earlier one on a tie)."""
            chosen: dict[str, Place] = {}
            right = bisect_right(anchor_starts, pos)
            left = right - 1
            while left >= 0 or right < len(anchors):
                if right >= len(anchors) or (
                    left >= 0 and pos - anchor_starts[left] <= anchor_starts[right] - pos
                ):
                    place = anchors[left][1]
                    left -= 1
                else:
                    place = anchors[right][1]
                    right += 1
                if place.id not in chosen:
                    chosen[place.id] = place
                    if len(chosen) == MAX_NEARBY:
                        break
            return tuple(chosen.values())

        def at_home(t: Toponym, base: Place, local: bool = False) -> Place:
            """``base`` for toponym ``t``, moved to its namesake in the article's home (or
            the outlet's) when one may move it (:meth:`_at_home`; never the home country's
            own capital, nor a place of a country the text's demonyms or organisations name);
            notes the divisions and country a home could move it from in ``movable``.
            ``local``: a country's name used as a town's ("a Lebanon woman")."""
            if homeless and (base.kind in _HOME_KINDS or local):
                movable.update((self._division_id(base), f"{COUNTRY_PREFIX}{base.country or ''}"))
            if (
                home is not None
                and not _own_capital(base, own_capital)
                and not foreign.get(base.country, set()) - {t.key}
            ):
                return self._at_home(t, base, home, toponyms, firsts, nearby_of, local=local)
            return base

        out: list[Recognized] = []
        weak: list[int] = []  # indices in out of given names placed without evidence
        anchor_places: dict[str, Place] | None = None  # distinct anchors, in text order
        anchor_points: dict[str, Any] = {}  # place id → representative point, for _stray
        sea_sentences: dict[int, bool] = {}  # sentence start → reports_at_sea
        qualified: dict[str, Place] = {}  # key → the place a qualifier gave it earlier
        located: dict[str, Place] = {}  # key → the place of its first location mention
        skip_until = -1  # toponyms starting before this were absorbed as qualifiers
        # the absorbed qualifiers, mentions of their own, with the toponym that absorbed each
        qualifiers: list[tuple[Toponym, Recognized]] = []
        for i, t in enumerate(toponyms):
            if t.start < skip_until:
                continue
            first = firsts[i]
            town_only = first is None and self._has_town(t.name)
            if first is None and not self.online and not town_only:
                continue
            qualifier = None
            cands = ranked[i] if first is not None else ()
            abbreviated = (
                self._abbreviated(text, t, cands, nearby_of) if cands or town_only else None
            )
            if abbreviated is not None:
                t, base, division = abbreviated  # "London, Ont.": the toponym absorbed it
                skip_until = t.end
                if division is not None and t.qualifier:
                    start = t.end - len(t.qualifier)
                    mention = _qualifier_mention(t, start, division, abbreviated=True)
                    qualifiers.append((t, mention))
            else:
                base = None
                if i + 1 < len(toponyms) and firsts[i + 1] is not None:
                    qualifier = self._qualifier(text, t, toponyms[i + 1], firsts[i + 1])
                if qualifier is not None:
                    base = self.gazetteer.resolve(
                        t.lookup,
                        context=Context(nearby=nearby_of(t.start), qualifier=qualifier[1].name),
                    )
                    if base is not None and qualifier[1].kind == "country":
                        # "Athens, Georgia": the qualifier is the division of the name when the
                        # place lies there and not in the country
                        division = self._division_named(toponyms[i + 1], base)
                        if division is not None and not _lies_in(base, qualifier[1]):
                            qualifier = (qualifier[0], division)
                    if (
                        base is not None
                        and not _lies_in(base, qualifier[1])
                        and self._foreign_to(text, t, toponyms[i + 1], qualifier[1])
                    ):
                        # "the fire in Piedmont, South Dakota": a town the gazetteer lacks (its
                        # only Piedmonts are Italy's region and a US plateau) is placed by its
                        # qualifier, never at a far namesake
                        base = qualifier[1]
                    if (
                        base is not None
                        and base.kind == "town"
                        and _LIST_GOES_ON.match(text, toponyms[i + 1].end)
                    ):
                        base = None  # "Georgia, Armenia and Azerbaijan": a list, not a town
                    if base is not None and _lies_in(base, qualifier[1]):
                        q = toponyms[i + 1]
                        t = Toponym(  # the toponym grows to absorb its qualifier
                            start=t.start,
                            end=q.end if q.modifier is None else q.name_end,
                            name_start=t.name_start,
                            name_end=t.name_end,
                            name=t.name,
                            modifier=t.modifier,
                            qualifier=text[q.name_start : q.name_end],
                        )
                        skip_until = q.end
                        if base.id != qualifier[1].id:  # not "Piedmont, South Dakota" placed by it
                            mention = _qualifier_mention(
                                t, q.name_start, qualifier[1], abbreviated=False
                            )
                            qualifiers.append((t, mention))
                    else:
                        base = None
            if base is None and i + 1 < len(toponyms):
                base = self._linked_town(text, t, toponyms[i + 1], firsts[i + 1])
            key = t.key
            if base is not None and t.qualifier is not None:
                qualified[key] = base
            elif base is None and key in qualified:
                base = qualified[key]  # "Paris, Texas" … "came to Paris": the same Paris
            free = base is None  # no qualifier, link or earlier qualified mention placed it
            paired = free and key in pairs
            if paired:
                base = pairs[key]  # "Paris and Henry County": the Paris in a Henry County
            elif free and key in near_pairs:
                base = near_pairs[key]  # "Lexington" and "Swansea": the two near each other
            if base is None:
                nearby = () if anchored[i] else _others(leaders, key, t.start)
                county = bool(cands) and cands[0].place.kind == "county"
                own_divisions = name_divisions[i]
                if cands and (anchored[i] or (not anchors and not nearby and not own_divisions)):
                    base = cands[0].place
                else:
                    nearby = nearby or nearby_of(t.start)
                    if county and named:
                        nearby = (*named, *(p for p in nearby if p not in named))
                    memo = (
                        key,
                        tuple(p.id for p in nearby),
                        countries,
                        tuple(d.id for d in own_divisions),
                    )
                    if memo in self._in_context:
                        base = self._in_context[memo]
                    else:
                        base = self.gazetteer.resolve(
                            t.lookup,
                            context=Context(
                                nearby=nearby, countries=countries, divisions=own_divisions
                            ),
                        )
                        if len(self._in_context) >= CONTEXT_CACHE:
                            self._in_context.clear()
                        self._in_context[memo] = base
            if free and not paired and base is not None and not t.demonym:
                # "Doe, 22, Lebanon", "a Lebanon woman": a town, though the name is a country's
                local = base.kind == "country" and residence_cue(text, t.name_start, t.name_end)
                base = at_home(t, base, local)
                if local and base.kind == "country":
                    # no home to look in: the town of the name by the article's other places,
                    # or none (it is no country)
                    base = self._local_town(t, nearby_of(t.start))
            if free and base is not None and base.kind in _COORDINATED_KINDS and not t.demonym:
                base = _coordinated_division(text, i, base, toponyms, firsts, cands) or base
            if base is None:
                continue
            if (
                free
                and not paired
                and _by_alternate(cands, base)
                and not _near_any(base, t.key, toponyms, firsts)
            ):
                continue  # "Berea" is Aleppo only by an old name: not in a Kentucky story
            if len(cands) == 1 and base.kind == "city":
                if anchor_places is None:  # built once per text, only when asked
                    anchor_places = {p.id: p for _, p in anchors}
                if _stray(base, anchor_places, anchor_points, first_anchor_ids):
                    # "a wildfire in Mati" in a story about Athens is not Mati, Philippines
                    continue
            place = base
            if t.modifier is not None and getattr(t.modifier, "rule", None) in _DERIVED_RULES:
                at_sea = False
                if sentence_of is not None:
                    s, e = sentence_of(t.start)
                    at_sea = sea_sentences.get(s)
                    if at_sea is None:
                        at_sea = sea_sentences[s] = reports_at_sea(text[s:e])
                derived = self._derive(base, t.modifier, at_sea)
                if derived is None:
                    continue
                place = derived
            if free and not paired and self._given_name_place(text, t, base):
                weak.append(len(out))
            out.append(Recognized(toponym=t, place=place, base=base))
            if base.kind in _SENSE_KINDS:
                located.setdefault(key, base)
        for t in roles:  # "Russian", "Alexandria Police": placed in the locations' context
            cands = self.candidates(t.name, t.key)
            if not cands:
                continue
            if t.key in located and not t.demonym:
                base = located[t.key]  # "Concord" … "the Concord Police": the same Concord
            elif t.key in pairs:
                base = pairs[t.key]
            elif t.key in near_pairs:
                base = near_pairs[t.key]
            elif self.is_anchor(t.key, cands):
                base = cands[0].place
            else:
                nearby = _others(leaders, t.key, t.start) or nearby_of(t.start)
                memo = (t.key, tuple(p.id for p in nearby), countries)
                if memo in self._in_context:
                    base = self._in_context[memo]
                else:
                    base = self.gazetteer.resolve(
                        t.lookup, context=Context(nearby=nearby, countries=countries)
                    )
                    if len(self._in_context) >= CONTEXT_CACHE:
                        self._in_context.clear()
                    self._in_context[memo] = base
            if base is not None and t.key not in pairs:
                base = at_home(t, base)
            if base is None:
                continue
            if (
                t.key not in pairs
                and _by_alternate(cands, base)
                and not _near_any(base, t.key, toponyms, firsts)
            ):
                continue
            if len(cands) == 1 and base.kind == "city":
                if anchor_places is None:
                    anchor_places = {p.id: p for _, p in anchors}
                if _stray(base, anchor_places, anchor_points):
                    continue
            if t.key not in pairs and self._given_name_place(text, t, base):
                weak.append(len(out))
            out.append(Recognized(toponym=t, place=base, base=base))
        if weak:
            out = _drop_lonely(out, weak, self.candidates)
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if abbreviations:
            spans = _SpanSet(out)  # "Bowling Green, Ky.": a qualifier absorbed, no mention
        for t in abbreviations:  # "the S.C. Highway Patrol": the one division it means
            meanings = lookup(t.name) if lookup is not None else ()
            if len(meanings) == 1 and not (spans.starts and spans.overlaps(t.start, t.end)):
                out.append(Recognized(toponym=t, place=meanings[0], base=meanings[0]))
        if qualifiers:
            kept = {id(r.toponym) for r in out}
            out.extend(q for owner, q in qualifiers if id(owner) in kept)
        if roles or abbreviations or qualifiers:
            out.sort(key=lambda r: r.start)
        return Resolution(out, votes, evidence, tuple(sorted(movable)))

    def _local_town(self, t: Toponym, nearby: Sequence[Place]) -> Place | None:
        """The city or town named ``t`` nearest one of the article's ``nearby`` places,
        within :data:`LOCAL_TOWN_KM` of it, or ``None``."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None:
            return None
        found = (nearest(t.name, p, LOCAL_TOWN_KM) for p in nearby if p.kind != "country")
        return next((f for f in found if f is not None), None)

    def recognize(
        self,
        text: str,
        *,
        skip: Iterable[Any] = (),
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
    ) -> list[Recognized]:
        """:meth:`find` then :meth:`resolve`."""
        return self.resolve(text, self.find(text, skip=skip), sentence_of=sentence_of)


def recognize(text: str, *, gazetteer: _Gazetteer | None = None) -> list[Recognized]:
    """Resolved place phrases in ``text`` (the default gazetteer when none is given), with
    boilerplate skipped and sentences as the context of "near X"."""
    from geo.text import boilerplate, containing, sentences

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
