"""The context an article gives its place names before any is placed: each name's candidates,
the anchors (names whose place no context could change), the first-level divisions the article
votes for and its home among them (or its outlet's), county and town pairs, and the two
questions every later name asks of it: which anchors are nearest in the text
(:meth:`ArticleContext.nearby_of`) and where the article's home moves a place
(:meth:`ArticleContext.at_home`).

:class:`ArticleContexts` is a mixin of :class:`geo.recognize.Recognizer`: it reads the
recognizer's candidates and division rules (:class:`geo.divisions.Divisions`).
:mod:`geo.resolving` places the names in this context. See docs/gazetteer.md, *The article's
divisions* and *The outlet's home region*.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gazetteer import Place
from geo.home_votes import (
    HOME_KINDS,
    MAX_NEARBY,
    close_behind,
    evidence_countries,
    evidence_divisions,
    firm_votes,
    home_of,
    is_own_capital,
    leading_names,
)
from geo.outlets import COUNTRY_PREFIX, prior_fits
from geo.toponyms import DEMONYM, LOCATION, ORGANISATION, Toponym

__all__ = ["ArticleContext", "ArticleContexts"]

#: The kinds of place an outlet's own town is never taken for when the text names nothing
#: else of their country (ArticleContext.abroad_own_town).
_OWN_TOWN_ABROAD = frozenset({"capital", "country"})


@dataclass(slots=True)
class ArticleContext:
    """What one article tells about its names before any is placed (built by
    :meth:`ArticleContexts._article_context`). ``toponyms`` are the article's location
    mentions in text order; the lists ``firsts``, ``ranked``, ``anchored`` and
    ``name_divisions`` run parallel to them."""

    recognizer: Any  #: the recognizer whose division rules :meth:`at_home` applies
    toponyms: list[Toponym]  #: the location mentions
    roles: list[Toponym]  #: demonyms and names inside organisations (geo.roles)
    abbreviations: list[Toponym]  #: standalone abbreviated divisions ("S.C.")
    firsts: list[Place | None]  #: each name's first candidate, or None
    ranked: list[tuple[Any, ...]]  #: each name's candidates
    anchored: list[bool]  #: whether each name's place is fixed whatever the context
    first_anchor_ids: set[str]  #: the anchors before any division reopened one
    votes: dict[str, tuple[float, Place]]  #: division id → (votes, division)
    evidence: tuple[str, ...]  #: every division id the article names or votes for
    home: Place | None  #: the article's home division (or its outlet's)
    name_divisions: list[tuple[Place, ...]]  #: each name's divisions (Context.divisions)
    homeless: bool  #: whether an outlet's home would re-place the article's places
    own_capital: str | None  #: a country whose capital the home never moves
    foreign: dict[str | None, set[str]]  #: country → keys of its role mentions
    anchors: list[tuple[int, Place]]  #: (start, place) of the anchors, in text order
    countries: tuple[str, ...]  #: the anchors' countries
    leaders: list[tuple[int, str, Place]]  #: names that lead their namesakes (no anchors)
    named: tuple[Place, ...]  #: the divisions the text names, for county names
    pairs: dict[str, Place]  #: key → place pinned by a county-and-town pair
    near_pairs: dict[str, Place]  #: key → place pinned by two towns near each other
    #: :attr:`pairs` for organisations' names: a country-named town kept whatever else of
    #: the country the article names ("the Jordan Police Department" beside a Scott County)
    organisation_pairs: dict[str, Place] = field(default_factory=dict)
    #: divisions and countries of the places a home would be asked to move (at_home fills it)
    movable: set[str] = field(default_factory=set)
    #: the names of those places, as the text writes them (for the outlet's town, geo.outlet_towns)
    movable_names: set[str] = field(default_factory=set)
    anchor_points: dict[str, Any] = field(default_factory=dict)  #: place id → point (stray)
    _anchor_starts: list[int] = field(default_factory=list)
    _anchor_places: dict[str, Place] | None = None
    _own_named: list[Place | None] | None = None
    #: the town the outlet's name names (geo.outlet_towns.OwnTown), or None
    own_town: Any = None
    #: the keys of the names of the text's bare datelines ("MALTA –": no qualifier, no wire)
    bare_datelines: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._anchor_starts = [a for a, _ in self.anchors]

    def anchor_places(self) -> dict[str, Place]:
        """The distinct anchor places by id, in text order (built on first use)."""
        if self._anchor_places is None:
            self._anchor_places = {p.id: p for _, p in self.anchors}
        return self._anchor_places

    def nearby_of(self, pos: int) -> tuple[Place, ...]:
        """The anchors nearest ``pos`` in the text (distinct places, at most
        :data:`MAX_NEARBY`): the context that matters for a mention is mostly local.
        Walks outwards from ``pos``, the nearer side first (the earlier one on a tie)."""
        anchors, anchor_starts = self.anchors, self._anchor_starts
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

    def own_named(self) -> list[Place | None]:
        """:attr:`firsts`, with ``None`` for each name that means its place only by an old or
        foreign name ("Talla 2", a room of a recreation centre, is Tallaght only by an
        alternate name): such a match is no sign that the text names that place's country."""
        if self._own_named is None:
            self._own_named = [
                None if cands and getattr(cands[0], "alternate", False) else first
                for first, cands in zip(self.firsts, self.ranked, strict=True)
            ]
        return self._own_named

    def abroad_own_town(self, t: Toponym, base: Place) -> bool:
        """Whether ``base``, the place of ``t``, is a country or a capital abroad where the
        text means the outlet's own town (:attr:`own_town`): ``t`` is the town's name, the
        outlet's address tells no country or another one, the article's home (if any) lies
        elsewhere, and the article names no other place of that country, by a name, a
        demonym or an organisation ("Paris" in the Paris News, "Palestine" in the Palestine
        Herald-Press; not "Moscow" in moscowtimes.ru, nor "Paris" in a Paris paper's story
        of a trip to France)."""
        own = self.own_town
        if own is None or t.demonym or base.kind not in _OWN_TOWN_ABROAD or t.key != own.key:
            return False
        if base.country is None or base.country == own.country:
            return False
        return not self._names_else_of(t, base.country)

    def abroad_dateline(self, t: Toponym, base: Place) -> bool:
        """Whether ``base``, the place of ``t``, is a country that a bare dateline ("MALTA –",
        no qualifier and no wire after it) names where a local paper means its town: ``t``
        is that dateline's name, the country has no capital of the name (not "SINGAPORE
        —"), towns of another country bear its name, the article's home (if any) lies
        elsewhere, and the article names no other place of that country, by a name, a
        demonym or an organisation. A wire dateline from abroad names a city; a country's
        name opening a local paper's story is the paper's own Malta, Illinois."""
        if t.key not in self.bare_datelines or t.demonym or base.kind != "country":
            return False
        cands = self.recognizer.candidates(t.name, t.key)
        if any(c.place.kind == "capital" and c.place.country == base.country for c in cands):
            return False
        towns_named = getattr(self.recognizer.gazetteer, "towns_named", None)
        if towns_named is None or not any(p.country != base.country for p in towns_named(t.name)):
            return False
        own = self.own_town
        if own is not None and own.country == base.country:
            return False
        return not self._names_else_of(t, base.country, demonyms=True)

    def _names_else_of(self, t: Toponym, country: str | None, demonyms: bool = False) -> bool:
        """Whether the article's home lies in ``country`` or the article names another
        place of it than ``t``'s name: a location, a demonym or an organisation's name
        (``demonyms``: a demonym of ``t``'s own name counts too, "Maltese" beside "MALTA")."""
        if self.home is not None and self.home.country == country:
            return True
        for other, first in zip(self.toponyms, self.own_named(), strict=True):
            if other.key != t.key and first is not None and first.country == country:
                return True
        candidates = self.recognizer.candidates
        for r in self.roles:
            if r.key != t.key or (demonyms and r.role == DEMONYM):
                cands = candidates(r.name, r.key)
                if cands and cands[0].place.country == country:
                    return True
        return False

    def at_home(self, t: Toponym, base: Place, local: bool = False) -> Place:
        """``base`` for toponym ``t``, moved to its namesake in the article's home (or the
        outlet's) when one may move it (``_at_home`` of :class:`geo.divisions.Divisions`;
        never the home country's own capital, nor a place of a country the text's demonyms
        or organisations name); notes the divisions and country a home could move it from in
        :attr:`movable`. ``local``: a country's name used as a town's ("a Lebanon woman")."""
        recognizer, home = self.recognizer, self.home
        if self.homeless and (base.kind in HOME_KINDS or local):
            self.movable.update(
                (recognizer._division_id(base), f"{COUNTRY_PREFIX}{base.country or ''}")
            )
            self.movable_names.add(t.name)
        if (
            home is not None
            and not is_own_capital(base, self.own_capital)
            and not self.foreign.get(base.country, set()) - {t.key}
        ):
            return recognizer._at_home(
                t, base, home, self.toponyms, self.own_named(), self.nearby_of, local=local
            )
        return base


#: The kinds of place an organisation's name may add to an article's anchors.
_ORGANISATION_TOWN_KINDS = frozenset({"city", "capital"})


class ArticleContexts:
    """Builds the :class:`ArticleContext` of an article for
    :class:`geo.recognize.Recognizer` (which inherits it); uses its ``candidates``,
    ``is_anchor`` and division rules."""

    def _article_context(
        self, text: str, toponyms: Sequence[Toponym], prior: Place | None
    ) -> ArticleContext:
        """The context of the article ``text`` with these ``toponyms`` and its outlet's home
        ``prior`` (see :meth:`geo.resolving.Resolving.resolve_article` for how the prior
        weighs against the article's own evidence)."""
        abbreviations = [t for t in toponyms if t.abbreviation]
        if abbreviations:
            toponyms = [t for t in toponyms if not t.abbreviation]
        roles = [t for t in toponyms if t.role != LOCATION]
        if roles:
            toponyms = [t for t in toponyms if t.role == LOCATION]
        toponyms = list(toponyms)

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
            # a name that means its place only by an old or foreign name ("Twickenham" for
            # Huntsville, Alabama) is no anchor: it is placed, or dropped, in context
            anchored.append(
                self.is_anchor(t.key, cands) and not getattr(cands[0], "alternate", False)
            )
        # every name that leads its namesakes clearly, before the evidence reopens any: how
        # many places the story names, for geo.nearness.stray
        first_anchors = [
            first
            for first, anchor in zip(firsts, anchored, strict=True)
            if anchor and first is not None
        ]
        first_anchor_ids = {p.id for p in first_anchors}
        soft: dict[str, list[Toponym]] = {}  # division id → its votes by a doubtful place
        org_pairs: dict[str, Place] = {}  # key → place an organisation's division pins down
        votes = self._division_votes(
            text, toponyms, ranked, anchored, [*roles, *abbreviations], soft, org_pairs
        )
        # the divisions a name may mean, organisations' names too ("the Georgia Bureau of
        # Investigation" names the state as surely as "Georgia" alone does)
        behind = close_behind(
            [*ranked, *(self.candidates(r.name, r.key) for r in roles if r.role == ORGANISATION)]
        )
        home = home_of(votes)
        # the first-level divisions the text names anywhere or places itself in: a weak
        # qualifier for every name
        divisions = evidence_divisions(votes, behind)
        # every division the article names or votes for, however weakly ("the Illinois
        # State Police"): an outlet prior must not contradict any of them
        evidence = tuple(dict.fromkeys([*(d.id for d in divisions), *votes]))
        if (
            home is None
            and prior is not None
            and prior_fits(prior.id, evidence, evidence_countries(votes, divisions))
        ):
            home = prior  # the outlet's home region stands in for the article's own
        elif prior is not None and soft and not prior.id.startswith(COUNTRY_PREFIX):
            # the names with a namesake at the outlet's home vote for no other division
            # ("Williston" in a Florida paper's story): the prior may be the home after all
            counted = self._home_votes(votes, soft, prior)
            own = home_of(counted)
            if counted is not votes and (own is None or own.id == prior.id):
                kept = evidence_divisions(counted, behind)
                ids = tuple(dict.fromkeys([*(d.id for d in kept), *counted]))
                if prior_fits(prior.id, ids, evidence_countries(counted, kept)):
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
            home is None
            or home is prior
            or (bool(soft) and home_of(firm_votes(votes, soft)) is None)
        )
        # a home, the article's own or its outlet's, never moves the capital of its own
        # country, which national news names everywhere ("Washington" in a stateless story
        # of a Georgia paper, or in one at home in Oklahoma by "Norman, Okla.", stays the
        # capital; "Paris" in a Texas paper's does not stay in France)
        own_capital = home.country if home is not None else None
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
        anchors = sorted([*anchors, *self._organisation_towns(roles)], key=lambda a: a[0])
        countries = tuple(sorted({p.country for _, p in anchors if p.country}))
        # Without anchors, the names that lead their namesakes clearly (WEAK_MARGIN) are
        # each other's context: "Edmonton" and "Enfield" in a story about north London.
        leaders = [] if anchors else leading_names(toponyms, ranked, anchored)

        # a county's namesakes are told apart by the divisions the text names anywhere
        named = (
            self._divisions_named(text, toponyms, ranked)
            if any(c and c[0].place.kind == "county" for c in ranked)
            else ()
        )

        # a county name's namesakes narrowed to one by the outlet's home would pair with no
        # town (geo.pairs): county pairs take the article's own divisions only
        organisation_pairs = self._pairs(toponyms, ranked, roles, divisions)
        pairs = self._country_towns_kept(organisation_pairs, toponyms, firsts, roles)
        near_pairs = self._town_pairs(
            toponyms, ranked, roles, (*divisions, *((beside,) if beside else ())), countries
        )
        for key, place in org_pairs.items():  # "Gainesville Police" by "Northeast Georgia"
            near_pairs.setdefault(key, place)
        return ArticleContext(
            recognizer=self,
            toponyms=toponyms,
            roles=roles,
            abbreviations=abbreviations,
            firsts=firsts,
            ranked=ranked,
            anchored=anchored,
            first_anchor_ids=first_anchor_ids,
            votes=votes,
            evidence=evidence,
            home=home,
            name_divisions=name_divisions,
            homeless=homeless,
            own_capital=own_capital,
            foreign=foreign,
            anchors=anchors,
            countries=countries,
            leaders=leaders,
            named=tuple(named),
            pairs=pairs,
            near_pairs=near_pairs,
            organisation_pairs=organisation_pairs,
        )

    def _country_towns_kept(
        self,
        pairs: dict[str, Place],
        toponyms: Sequence[Toponym],
        firsts: Sequence[Place | None],
        roles: Sequence[Toponym],
    ) -> dict[str, Place]:
        """``pairs`` without the country-named towns the article's other names take abroad: a
        name that means a country first ("Lebanon") is a town a county of the article holds
        only when no other name, demonym or organisation of the article is of that country
        ("Boone County deputies … Lebanon police" is Indiana's town; beside "Beirut" or
        "Lebanese" it stays the country)."""
        first_of = {t.key: f for t, f in zip(toponyms, firsts, strict=True) if f is not None}
        out = dict(pairs)
        for key in pairs:
            first = first_of.get(key)
            if first is None:
                cands = next((self.candidates(r.name, r.key) for r in roles if r.key == key), ())
                first = cands[0].place if cands else None
            if first is None or first.kind != "country":
                continue
            others = {
                f.country
                for t, f in zip(toponyms, firsts, strict=True)
                if f is not None and (t.key != key or t.demonym)
            }
            for r in roles:
                if r.key != key or r.role == DEMONYM:
                    cands = self.candidates(r.name, r.key)
                    if cands:
                        others.add(cands[0].place.country)
            if first.country in others:
                del out[key]
        return out

    def _organisation_towns(self, roles: Sequence[Toponym]) -> list[tuple[int, Place]]:
        """(start, place) of the cities an organisation's name names and that lead their
        namesakes clearly ("the Nashville Film Festival"): they tell the article's other
        names apart as a city named alone does."""
        found = []
        for r in roles:
            if r.role != ORGANISATION:
                continue
            cands = self.candidates(r.name, r.key)
            if (
                cands
                and cands[0].place.kind in _ORGANISATION_TOWN_KINDS
                and self.is_anchor(r.key, cands)
            ):
                found.append((r.start, cands[0].place))
        return found
