"""The division rules of the toponym recognizer (:class:`geo.recognize.Recognizer`): the
first-level division each place lies in, the votes an article's places give their divisions
(datelines, qualifiers, organisation names), the home division and how it re-picks among
namesakes, and county and town pairs ("X County ... Y"). Qualifiers ("Kazan, Russia"),
abbreviated divisions ("Decatur, Ill.") and derived areas live in :mod:`geo.qualifiers`.

:class:`Divisions` is a mixin: its methods use the recognizer's gazetteer and caches, which
:class:`geo.recognize.Recognizer` sets up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gazetteer import Place
from geo.clauses import town_link
from geo.home_votes import (
    ANCHOR_MARGIN,
    CONTEXT_CACHE,
    DATELINE_VOTE,
    HOME_KINDS,
    MAX_NEARBY,
    ORG_ROLE_VOTE,
    ORG_VOTE,
    QUALIFIED_VOTE,
    STRONG_POP,
    VOTING_KINDS,
    firm_votes,
)
from geo.nearness import (
    GIVEN_NAME_KINDS,
    LINK_ANCHOR_KINDS,
    MAX_COUNTIES,
    NEAREST_MEMO,
    TOWN_LINK_KM,
    lies_in,
)
from geo.pairs import county_pairs, town_pairs
from geo.persons import (
    person_cues,
)
from geo.phrase_patterns import (
    CAPITALISED_NEXT,
    LIST_GOES_ON,
    QUALIFIABLE,
    in_org_name,
)
from geo.toponyms import (
    ORGANISATION,
    Toponym,
)


class Divisions:
    """The division rules of :class:`geo.recognize.Recognizer` (which inherits them), used by
    :meth:`geo.recognize.Recognizer.resolve_article`. Uses the recognizer's ``gazetteer`` and
    its caches (``_division_of``, ``_lies``, ``_all_counties``, ``_nearest``, ...)."""

    def _nearest_named(self, name: str, place: Place, within: float) -> Place | None:
        """:meth:`gazetteer.Gazetteer.nearest_named`, remembered per (name, place, reach) for
        the recognizer's life (the memo is emptied when it holds :data:`NEAREST_MEMO`)."""
        key = (name, place.id, within)
        memo = self._nearest
        if key not in memo:
            if len(memo) > NEAREST_MEMO:
                memo.clear()
            memo[key] = self.gazetteer.nearest_named(name, place, within)
        return memo[key]

    def _pairs(
        self,
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        roles: Sequence[Toponym],
        divisions: Sequence[Place],
    ) -> dict[str, Place]:
        """The places that county-and-town pairs of the article pin down, by key
        (:func:`geo.pairs.county_pairs`): nothing unless the article names a county. When
        the article names divisions (``divisions``, the evidence for every name), only the
        counties in them count: "Monroe County" in a Missouri story is Missouri's, whatever
        town of another Monroe County the story names."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None or not any(c and c[0].place.kind == "county" for c in ranked):
            return {}
        names: dict[str, tuple[str, str, Sequence[Any]]] = {}
        for t, cands in zip(toponyms, ranked, strict=True):
            if t.key in names:
                continue
            if cands and cands[0].place.kind == "county":
                cands = self._counties(t.lookup, t.key)
                if divisions:
                    inside = [
                        c for c in cands if any(self._in_division(c.place, d) for d in divisions)
                    ]
                    cands = inside or cands
            names[t.key] = (t.key, t.lookup, cands)
        for t in roles:
            if t.role == ORGANISATION and t.key not in names:
                names[t.key] = (t.key, t.lookup, self.candidates(t.name, t.key))
        return county_pairs(list(names.values()), self._nearest_named, self._has_town)

    def _town_pairs(
        self,
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        roles: Sequence[Toponym],
        divisions: Sequence[Place],
        countries: Sequence[str],
    ) -> dict[str, Place]:
        """The places that two town names near each other pin down, by key
        (:func:`geo.pairs.town_pairs`: "Lexington" and "Swansea" in a South Carolina paper;
        a name that leads its namesakes clearly stays). Only inside the ``divisions`` the
        article names, when it names any, and in the ``countries`` of its anchors, when it
        has any."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None:
            return {}
        out: dict[str, Place] = {}
        towns: dict[str, tuple[str, str, Sequence[Any], bool]] = {}
        named = [(t, cands) for t, cands in zip(toponyms, ranked, strict=True) if not t.demonym]
        named += [(t, self.candidates(t.name, t.key)) for t in roles if t.role == ORGANISATION]
        for t, cands in named:
            if t.key not in towns:
                anchor = bool(cands) and self.is_anchor(t.key, cands)
                towns[t.key] = (t.key, t.lookup, cands, anchor)
        paired = town_pairs(list(towns.values()), self._nearest_named, self._has_town)
        for key, place in paired.items():
            if countries and place.country not in countries:
                continue
            if not divisions or any(self._in_division(place, d) for d in divisions):
                out.setdefault(key, place)
        return out

    def _given_name_place(self, text: str, t: Toponym, place: Place) -> bool:
        """Whether ``t`` is one word that is also a common given name (``given_names.txt``:
        "Donna", "Lincoln", "Paris", "Alexandria"), with no place cue (a locative
        preposition before it: "talks in Geneva"), and ``place`` a town, city, capital or a
        division below :data:`STRONG_POP`: such a mention needs a place of the article
        nearby (:func:`drop_lonely`)."""
        if t.demonym or t.modifier is not None or t.name.lower() not in person_cues().given:
            return False
        if place.kind not in GIVEN_NAME_KINDS and not (
            place.kind == "admin1" and place.prominence < STRONG_POP
        ):
            return False
        return not self._place_cue(text, t.name_start, t.name_end)

    def _counties(self, name: str, key: str) -> tuple[Any, ...]:
        """Every candidate of a county's name (a dozen states may have a county of the name,
        more than a lookup's usual ten candidates), cached by key."""
        hit = self._all_counties.get(key)
        if hit is None:
            try:
                hit = tuple(self.gazetteer.candidates(key, limit=MAX_COUNTIES))  # type: ignore[call-arg]
            except TypeError:  # a gazetteer without the limit keyword
                hit = tuple(self.gazetteer.candidates(key))
            if len(self._all_counties) > 20_000:
                self._all_counties.clear()
            self._all_counties[key] = hit
        return hit

    def _division_votes(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        anchored: Sequence[bool],
        others: Sequence[Toponym] = (),
        soft: dict[str, list[Toponym]] | None = None,
        org_pairs: dict[str, Place] | None = None,
    ) -> dict[str, tuple[float, Place]]:
        """The first-level divisions the article names or places itself in, by id, with their
        votes: a dateline's abbreviated division :data:`DATELINE_VOTE`, a name qualified by a
        division ("Decatur, Ill.", "Salem, Oregon") :data:`QUALIFIED_VOTE`, a division named
        alone and a place with no namesake elsewhere 1 each, a division named in an
        organisation's name ("Indiana Department of Workforce Development")
        :data:`ORG_VOTE`, and a division that is the place of an organisation-role mention
        among ``others`` ("Kentucky State Police", "the S.C. Highway Patrol")
        :data:`ORG_ROLE_VOTE`. ``soft``, when given, receives the names whose vote is
        doubtful, by division id: a town or county with no namesake among the main index's
        places but with a small town of its name elsewhere ("Williston": the North Dakota
        city, and a Florida town), which an outlet's home may re-place
        (:meth:`_home_votes`). A division a name of an organisation-role mention may mean
        though it means a country first ("Northeast Georgia Medical Center") votes
        :data:`ORG_ROLE_VOTE` once too when another name of the article lies in it or has a
        namesake there (:meth:`_org_division`); ``org_pairs``, when given, receives the
        places that pin down, by key."""
        votes: dict[str, float] = {}
        places: dict[str, Place] = {}

        def vote(place: Place | None, weight: float) -> None:
            if place is not None and place.kind == "admin1":
                votes[place.id] = votes.get(place.id, 0.0) + weight
                places[place.id] = place

        for division in self._dateline_divisions(text):
            vote(division, DATELINE_VOTE)
        for i, (t, cands) in enumerate(zip(toponyms, ranked, strict=True)):
            if not cands or t.demonym:
                continue
            top = cands[0].place
            found = self._abbreviation_after(text, t)
            if found is not None and len(found[1]) == 1 and top.kind in QUALIFIABLE:
                vote(found[1][0], QUALIFIED_VOTE)
            elif top.kind == "admin1":
                if not (
                    CAPITALISED_NEXT.match(text, t.end) and self._given_name_place(text, t, top)
                ):  # "councillor Paul Van Meerbergen" names a person, no division
                    vote(top, ORG_VOTE if in_org_name(text, t) else 1.0)
            elif (
                anchored[i]
                and top.kind in VOTING_KINDS
                and not any(c.place.kind in HOME_KINDS for c in cands[1:])
            ):
                division = self.division_of(top)
                vote(division, 1.0)  # a town or county with no namesake
                if (
                    soft is not None
                    and division is not None
                    and division.kind == "admin1"
                    and self._has_town(t.name)
                ):
                    soft.setdefault(division.id, []).append(t)  # but a small town's name
            if (
                i + 1 < len(toponyms)
                and ranked[i + 1]
                and ranked[i + 1][0].place.kind == "admin1"
                and top.kind in QUALIFIABLE
                and text[t.name_end : toponyms[i + 1].name_start].strip() == ","
                and not LIST_GOES_ON.match(text, toponyms[i + 1].end)
            ):
                vote(ranked[i + 1][0].place, QUALIFIED_VOTE - 1.0)  # the division votes 1 too
        lookup = getattr(self.gazetteer, "abbreviation", None)
        org_named: set[str] = set()
        for t in others:
            if t.role != ORGANISATION:
                continue
            if t.abbreviation:  # "the S.C. Highway Patrol"
                meanings = lookup(t.name) if lookup is not None else ()
                if len(meanings) == 1:
                    vote(meanings[0], ORG_ROLE_VOTE)
                continue
            cands = self.candidates(t.name, t.key)  # "Kentucky State Police"
            if cands and cands[0].place.kind == "admin1":
                vote(cands[0].place, ORG_ROLE_VOTE)
            elif cands and not t.demonym:
                found = self._org_division(t, cands, toponyms, ranked, anchored, others)
                if found is not None and found[0].id not in org_named:
                    org_named.add(found[0].id)  # once: "Georgia" the state only close behind
                    vote(found[0], ORG_ROLE_VOTE)
                    if org_pairs is not None:
                        org_pairs.setdefault(t.key, found[0])
                        for key, place in found[1].items():
                            org_pairs.setdefault(key, place)
        return {k: (v, places[k]) for k, v in votes.items()}

    def _org_division(
        self,
        t: Toponym,
        cands: Sequence[Any],
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        anchored: Sequence[bool],
        others: Sequence[Toponym],
    ) -> tuple[Place, dict[str, Place]] | None:
        """The first-level division the organisation-role mention ``t`` names though its
        name means a country first (``cands``: "Georgia" in "Northeast Georgia Medical
        Center", the state within :data:`ANCHOR_MARGIN` of the country), and the namesakes
        in it of the article's other names, by key: when one other name (a location among
        ``toponyms``, or another organisation's) lies in that division, or is no anchor
        (``anchored``; an organisation's name: :meth:`is_anchor`) and has a city, town or
        county there within :data:`ANCHOR_MARGIN` of its best ("Gainesville Police":
        Georgia's Gainesville, not Florida's; never "Nashville-based", Tennessee's city far
        ahead of Georgia's town). ``None`` when no division has such a name, or two have as
        many."""
        if cands[0].place.kind != "country":
            return None
        top = float(getattr(cands[0], "score", 0.0))
        states = [
            c.place
            for c in cands[1:]
            if c.place.kind == "admin1" and top - float(getattr(c, "score", 0.0)) < ANCHOR_MARGIN
        ]
        if not states:
            return None
        names: dict[str, tuple[Sequence[Any], bool]] = {}
        for o, o_cands, anchor in zip(toponyms, ranked, anchored, strict=True):
            if o.key != t.key and o_cands and not o.demonym:
                names.setdefault(o.key, (o_cands, anchor))
        for o in others:
            if o.key != t.key and o.role == ORGANISATION and not o.demonym and not o.abbreviation:
                o_cands = self.candidates(o.name, o.key)
                if o_cands and o.key not in names:
                    names[o.key] = (o_cands, self.is_anchor(o.key, o_cands))
        found: list[tuple[int, Place, dict[str, Place]]] = []
        for state in states:
            held = 0
            moved: dict[str, Place] = {}
            for key, (o_cands, anchor) in names.items():
                if self._in_division(o_cands[0].place, state):
                    held += 1
                    continue
                if anchor:
                    continue
                best = float(getattr(o_cands[0], "score", 0.0))
                namesake = next(
                    (
                        c.place
                        for c in o_cands[1:]
                        if c.place.kind in HOME_KINDS
                        and best - float(getattr(c, "score", 0.0)) < ANCHOR_MARGIN
                        and self._in_division(c.place, state)
                    ),
                    None,
                )
                if namesake is not None:
                    moved[key] = namesake
            if held or moved:
                found.append((held + len(moved), state, moved))
        found.sort(key=lambda f: -f[0])
        if not found or (len(found) > 1 and found[1][0] == found[0][0]):
            return None
        return found[0][1], found[0][2]

    def _home_votes(
        self,
        votes: dict[str, tuple[float, Place]],
        soft: dict[str, list[Toponym]],
        home: Place,
    ) -> dict[str, tuple[float, Place]]:
        """``votes`` without the doubtful votes (``soft``, see :meth:`_division_votes`) for
        divisions other than ``home`` (an outlet's home division) of the names that have a
        namesake in ``home``: "Williston" in a Florida paper's story is no vote for North
        Dakota, since the paper's own Williston is as likely; ``votes`` itself when none
        drops."""
        drop: dict[str, list[Toponym]] = {}
        for key, names in soft.items():
            if key == home.id:
                continue
            moved = [t for t in names if self._home_namesake(t, home) is not None]
            if moved:
                drop[key] = moved
        return firm_votes(votes, drop) if drop else votes

    def _home_namesake(
        self, t: Toponym, home: Place, nearby: tuple[Place, ...] = ()
    ) -> Place | None:
        """The best town, city or county named ``t`` that lies in ``home``, ranked with the
        ``nearby`` places, or ``None`` (remembered per name, division and nearby places)."""
        memo = ("home", t.key, home.id, tuple(p.id for p in nearby))
        if memo in self._in_context:
            return self._in_context[memo]
        from gazetteer import Context

        ranked = self.gazetteer.candidates(
            t.lookup, context=Context(nearby=nearby, qualifier=home.name)
        )
        pick = next(
            (c.place for c in ranked if c.place.kind in HOME_KINDS and lies_in(c.place, home)),
            None,
        )
        if len(self._in_context) >= CONTEXT_CACHE:
            self._in_context.clear()
        self._in_context[memo] = pick
        return pick

    def division_of(self, place: Place) -> Place | None:
        """The first-level division ``place`` lies in (a county's recorded state), cached."""
        if place.id in self._division_of:
            return self._division_of[place.id]
        found = None
        get = getattr(self.gazetteer, "get", None)
        if place.parent and get is not None:
            try:
                found = get(place.parent)
            except Exception:  # an id the gazetteer no longer has
                found = None
        intersecting = getattr(self.gazetteer, "intersecting", None)
        if found is None and intersecting is not None:
            point = place.geometry.representative_point()
            found = next(
                (d for d in intersecting(point, kinds=("admin1",)) if d.country == place.country),
                None,
            )
        self._division_of[place.id] = found
        return found

    def _division_id(self, place: Place) -> str:
        """The id of the first-level division ``place`` lies in, "" when none."""
        division = self.division_of(place)
        return division.id if division is not None else ""

    def _at_home(
        self,
        t: Toponym,
        base: Place,
        home: Place,
        toponyms: Sequence[Toponym],
        firsts: Sequence[Place | None],
        nearby_of: Callable[[int], tuple[Place, ...]],
        *,
        local: bool = False,
    ) -> Place:
        """The namesake of ``base`` in the article's ``home`` division, when ``base`` is a
        town, city or county outside it ("Decatur" in a story at home in Georgia is
        Georgia's), or a country named where local news puts a home town (``local``:
        "Doe, 22, Palestine" in a Texas story, :func:`geo.residence.residence_cue`);
        ``base`` itself when it lies there, when no namesake does, or when the article names
        another place of ``base``'s country, a foreign one ("talks in Berlin with German
        officials" in a Connecticut story stay in Germany; "Paris" in a Kentucky story of a
        trip to France is France's)."""
        if (base.kind not in HOME_KINDS and not local) or lies_in(base, home):
            return base
        if base.country != home.country:
            for other, first in zip(toponyms, firsts, strict=True):
                if other.key != t.key and first is not None and first.country == base.country:
                    return base  # the article names another place of that country
        found = self._home_namesake(t, home, nearby_of(t.start))
        if found is None and local:
            found = self._home_town_named(t, home)
        return found or base

    def _home_town_named(self, t: Toponym, home: Place) -> Place | None:
        """A country's name used as a town's ("a Jordan resident"): the most populous city or
        town of that own name in ``home``, small towns included (the gazetteer offers no
        small town a country's name as a candidate: "Georgia, Armenia" is no town), or
        ``None``."""
        named = getattr(self.gazetteer, "towns_named", None)
        if named is None:
            return None
        inside = [p for p in named(t.name) if lies_in(p, home)]
        return max(inside, key=lambda p: (p.prominence, p.id), default=None)

    def _has_town(self, name: str) -> bool:
        """Whether the gazetteer has a small town of this name (:mod:`gazetteer.towns`)."""
        has_town = getattr(self.gazetteer, "has_town", None)
        return bool(has_town is not None and has_town(name))

    def _linked_town(
        self, text: str, t: Toponym, nxt: Toponym, nxt_place: Place | None
    ) -> Place | None:
        """The city or town named ``t`` within :data:`TOWN_LINK_KM` of the next place when a
        link phrase ties them ("Edmonton, south of Cairns": the Edmonton by Cairns, not
        Canada's), or ``None``."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None or nxt_place is None or nxt_place.kind not in LINK_ANCHOR_KINDS:
            return None
        if t.end != t.name_end or nxt.modifier is not None:
            return None
        link = town_link().match(text, t.end)
        if link is None or link.end() != nxt.start:
            return None
        return nearest(t.name, nxt_place, TOWN_LINK_KM)

    def _divisions_named(
        self, text: str, toponyms: Sequence[Toponym], ranked: Sequence[Sequence[Any]]
    ) -> tuple[Place, ...]:
        """The first-level divisions a text names anywhere, in text order (at most
        :data:`MAX_NEARBY`): a name whose candidates include a division within
        :data:`ANCHOR_MARGIN` of its best ("Georgia": the country, and the US state close
        behind; not "Washington", the capital far ahead of the state), and the division an
        abbreviation after a name stands for ("HURRICANE, W.Va."). They tell namesakes
        apart: "Putnam County" in that story is West Virginia's (they are also the county's
        nearby places, for the parent bonus)."""
        found: dict[str, Place] = {}
        for t, cands in zip(toponyms, ranked, strict=True):
            if not cands:
                continue
            top = float(getattr(cands[0], "score", 0.0))
            for c in cands:
                if top - float(getattr(c, "score", 0.0)) >= ANCHOR_MARGIN:
                    break
                if c.place.kind == "admin1":
                    found.setdefault(c.place.id, c.place)
            abbreviated = self._abbreviation_after(text, t)
            if abbreviated is not None and len(abbreviated[1]) == 1:
                found.setdefault(abbreviated[1][0].id, abbreviated[1][0])
        # a dateline whose town the gazetteer lacks: "HURRICANE, W.Va. -", "PIKEVILLE, KY (AP)"
        for division in self._dateline_divisions(text):
            found.setdefault(division.id, division)
        return tuple(found.values())[:MAX_NEARBY]

    def _namesake_in(self, t: Toponym, cands: Sequence[Any], divisions: Sequence[Place]) -> bool:
        """Whether a namesake of the best of ``cands`` (a city or county among them, or a small
        town of the name) lies in one of the ``divisions`` while the best lies in none."""
        if any(self._in_division(cands[0].place, d) for d in divisions):
            return False
        if any(
            c.place.kind in HOME_KINDS and any(self._in_division(c.place, d) for d in divisions)
            for c in cands[1:]
        ):
            return True
        if not self._has_town(t.name):
            return False
        from gazetteer import Context

        memo = ("towns", t.key, tuple(d.id for d in divisions))
        hit = self._in_context.get(memo)
        if hit is None and memo not in self._in_context:
            hit = next(
                (
                    c.place
                    for c in self.gazetteer.candidates(
                        t.lookup, context=Context(divisions=tuple(divisions))
                    )
                    if c.place.kind == "town"
                ),
                None,
            )
            if len(self._in_context) >= CONTEXT_CACHE:
                self._in_context.clear()
            self._in_context[memo] = hit
        return hit is not None

    def _namesake_within(
        self, t: Toponym, cands: Sequence[Any], divisions: Sequence[Place]
    ) -> bool:
        """Whether the best of ``cands`` or a namesake of it (a city or county among them, or
        a small town of the name) lies in one of the ``divisions``."""
        return any(self._in_division(cands[0].place, d) for d in divisions) or (
            self._namesake_in(t, cands, divisions)
        )

    def _division_named(self, q: Toponym, place: Place) -> Place | None:
        """The first-level division named like ``q`` (a name that means a country first:
        "Georgia") that ``place`` lies in, or ``None``."""
        return next(
            (
                c.place
                for c in self.candidates(q.name, q.key)
                if c.place.kind == "admin1" and self._in_division(place, c.place)
            ),
            None,
        )

    def _in_division(self, place: Place, division: Place) -> bool:
        """:func:`lies_in`, with a country test first and the answer cached per pair."""
        if place.country != division.country:
            return False
        key = (place.id, division.id)
        hit = self._lies.get(key)
        if hit is None:
            if len(self._lies) > 100_000:
                self._lies.clear()
            hit = self._lies[key] = lies_in(place, division)
        return hit
