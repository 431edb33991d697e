"""Resolving an article's toponyms to places, in the article's context
(:class:`geo.article_context.ArticleContext`): qualifiers and abbreviations first ("Athens,
Georgia", "London, Ont."), then pairs, anchors and the context of the nearest anchors and the
article's divisions, the article's home, and the checks that drop a doubtful place (a name
that means it only by an old name, a lone city far from the story, a given name with no
evidence). Demonyms and names inside organisations are placed afterwards in the same context.

:class:`Resolving` is a mixin of :class:`geo.recognize.Recognizer`; its methods use the
recognizer's gazetteer, caches and division rules (:class:`geo.divisions.Divisions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gazetteer import Context, Place
from gazetteer.normalize import normalize
from geo.article_context import ArticleContext, ArticleContexts
from geo.country_pins import country_town, name_after_possessive, name_before_country
from geo.datelines import find_datelines
from geo.home_votes import ANCHOR_MARGIN, CONTEXT_CACHE, HOME_KINDS, SENSE_KINDS, other_leaders
from geo.lone_towns import drop_lone_cities
from geo.nearness import (
    COORDINATED_KINDS,
    NEXT_TO_DEGREES,
    abbreviated,
    by_alternate,
    coordinated_division,
    drop_lonely,
    lies_in,
    local_namesakes,
    near_any,
    stray,
)
from geo.phrase_patterns import LIST_GOES_ON, qualifier_mention
from geo.residence import residence_cue
from geo.scanning import SpanSet, reports_at_sea
from geo.toponyms import ORGANISATION, Recognized, Resolution, Toponym

__all__ = ["LOCAL_TOWN_KM", "Resolving"]

#: How far from one of the article's places a town named like a country, in a residence
#: phrase and with no home to look in, may lie ("Doe, 22, Palestine" next to Anderson
#: County): about a county's width.
LOCAL_TOWN_KM = 100.0

#: The word a county's name ends with ("DeKalb County"), as a lookup key ends.
_COUNTY_WORD = " county"
#: Kinds of place a county's shortened name may have been taken for ("DeKalb": the city).
_SHORTHAND_KINDS = frozenset({"city", "town"})

#: "-based" right after a name: an organisation's seat ("a Washington-based group")
_BASED = re.compile(r"[-\u2010\u2013]based\b", re.IGNORECASE)


def _based_far_ahead(text: str, t: Toponym, cands: Sequence[Any], base: Place) -> bool:
    """Whether ``t`` names an organisation's seat ("a Nashville-based company") and ``base``
    is its best candidate, every other city, town or county of the name trailing it by
    :data:`ANCHOR_MARGIN` at least: a home never moves such a seat to a small namesake
    ("Gainesville-based" in a Georgia story, with Florida's city only a little ahead, may
    move)."""
    if t.end != t.name_end or not _BASED.match(text, t.end) or not cands:
        return False
    if cands[0].place.id != base.id:
        return False
    top = float(getattr(cands[0], "score", 0.0))
    return all(
        top - float(getattr(c, "score", 0.0)) >= ANCHOR_MARGIN
        for c in cands[1:]
        if c.place.kind in HOME_KINDS
    )


#: Modifier rules the gazetteer's derived areas know.
_DERIVED_RULES = frozenset({"compass", "coast", "near", "around", "waters"})


@dataclass(slots=True)
class _Placed:
    """The places of one article so far: the mentions in order of placing, the indices in
    ``out`` of given names placed without evidence, the qualifiers absorbed (mentions of
    their own, with the toponym that absorbed each) and each key's first location."""

    out: list[Recognized] = field(default_factory=list)
    weak: list[int] = field(default_factory=list)
    qualifiers: list[tuple[Toponym, Recognized]] = field(default_factory=list)
    located: dict[str, Place] = field(default_factory=dict)


class Resolving(ArticleContexts):
    """The resolve side of :class:`geo.recognize.Recognizer` (which inherits it)."""

    def resolve_article(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        *,
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
        prior: Place | None = None,
        own_town: Any = None,
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
        index but a small town of its name in the prior: ``_home_votes``). An article
        with no home that names other divisions keeps them, and the prior is evidence beside
        them (``Context.divisions``) for each name with no namesake in any division the
        article names or votes for: "Manhattan" in a Kansas paper's story naming Oklahoma.

        ``own_town`` is the town the outlet's name names (:func:`geo.outlet_towns.own_town`):
        its name, unqualified, is never placed at a country or a capital abroad that the
        article names nothing else of (:meth:`ArticleContext.abroad_own_town`): "Paris" in
        the Paris News is left unplaced when no home tells which Paris it is. So is a country
        that a bare dateline names ("MALTA –") when the text names nothing else of it
        (:meth:`ArticleContext.abroad_dateline`).
        """
        ctx = self._article_context(text, toponyms, prior)
        ctx.own_town = own_town
        ctx.bare_datelines = frozenset(
            normalize(text[d.name_start : d.name_end]) for d in find_datelines(text) if not d.strong
        )
        placed = _Placed()
        self._place_locations(text, ctx, placed, sentence_of)
        self._place_roles(text, ctx, placed)
        self._county_shorthand(text, placed, sentence_of)
        out = placed.out
        nearest = getattr(self.gazetteer, "nearest_named", None)
        fixed = {
            *ctx.pairs,
            *ctx.near_pairs,
            *(r.toponym.key for r in out if r.toponym.qualifier is not None),
        }
        if nearest is not None and out:
            out = local_namesakes(out, nearest, fixed)
        if placed.weak:
            out = drop_lonely(out, placed.weak, self.candidates)
        if nearest is not None and out:
            out = drop_lone_cities(out, fixed)
        abbreviations, qualifiers = ctx.abbreviations, placed.qualifiers
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if abbreviations:
            spans = SpanSet(out)  # "Bowling Green, Ky.": a qualifier absorbed, no mention
        for t in abbreviations:  # "the S.C. Highway Patrol": the one division it means
            meanings = lookup(t.name) if lookup is not None else ()
            if len(meanings) == 1 and not (spans.starts and spans.overlaps(t.start, t.end)):
                out.append(Recognized(toponym=t, place=meanings[0], base=meanings[0]))
        if qualifiers:
            kept = {id(r.toponym) for r in out}
            out.extend(q for owner, q in qualifiers if id(owner) in kept)
        if ctx.roles or abbreviations or qualifiers:
            out.sort(key=lambda r: r.start)
        return Resolution(
            out,
            ctx.votes,
            ctx.evidence,
            tuple(sorted(ctx.movable)),
            towns=tuple(sorted(ctx.movable_names)),
            home=ctx.home,
            homeless=ctx.homeless,
        )

    def _place_locations(
        self,
        text: str,
        ctx: ArticleContext,
        placed: _Placed,
        sentence_of: Callable[[int], tuple[int, int]] | None,
    ) -> None:
        """Places the article's location mentions in text order, adding them to ``placed``."""
        toponyms, firsts, ranked = ctx.toponyms, ctx.firsts, ctx.ranked
        pairs, near_pairs = ctx.pairs, ctx.near_pairs
        out, weak, located = placed.out, placed.weak, placed.located
        sea_sentences: dict[int, bool] = {}  # sentence start → reports_at_sea
        qualified: dict[str, Place] = {}  # key → the place a qualifier gave it earlier
        towns: dict[str, Place] = {}  # a country's name → the town a residence phrase made it
        # the country names the text uses as a town's in a residence phrase anywhere: every
        # bare use of the name is that town, before the phrase as after it ("a Jordan
        # motorcyclist" … "the Jordan resident"), unless the text names another place of
        # that country ("a Jordan resident" in Amman)
        residents = {
            t.key
            for t, first in zip(toponyms, firsts, strict=True)
            if first is not None
            and first.kind == "country"
            and not t.demonym
            and residence_cue(text, t.name_start, t.name_end)
            and not any(
                o.key != t.key and f is not None and f.country == first.country
                for o, f in zip(toponyms, firsts, strict=True)
            )
        }
        skip_until = -1  # toponyms starting before this were absorbed as qualifiers
        for i, t in enumerate(toponyms):
            if t.start < skip_until:
                continue
            first = firsts[i]
            town_only = first is None and self._has_town(t.name)
            if first is None and not self.online and not town_only:
                continue
            cands = ranked[i] if first is not None else ()
            t, base, absorbed, mention = self._by_qualifier(text, ctx, i, t, cands, town_only)
            if absorbed is not None:
                skip_until = absorbed
            if mention is not None:
                placed.qualifiers.append((t, mention))
            if base is None and i + 1 < len(toponyms):
                base = self._linked_town(text, t, toponyms[i + 1], firsts[i + 1])
            if base is None and town_only:
                base = self._country_pinned(text, i, toponyms, firsts)
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
                base = self._in_article_context(ctx, i, t, cands)
            if base is None and town_only and ctx.home is not None and ctx.home.kind == "admin1":
                # a bare dateline's small town ("CROMWELL —" in a Connecticut paper): the
                # town of the name in the article's (or its outlet's) home division
                base = self.gazetteer.resolve(t.lookup, context=Context(divisions=(ctx.home,)))
            if free and not paired and base is not None and not t.demonym:
                # "Doe, 22, Lebanon", "a Lebanon woman": a town, though the name is a country's
                local = base.kind == "country" and (
                    key in residents
                    or residence_cue(text, t.name_start, t.name_end)
                    # "MALTA –" opening a local paper's story: its town, found as a
                    # resident's is (in the home, else by the article's places, else none)
                    or ctx.abroad_dateline(t, base)
                )
                if base.kind == "country" and key in towns:
                    base = towns[key]  # "a Palestine man" … "Palestine police": the same town
                elif _based_far_ahead(text, t, cands, base):
                    pass  # "a Nashville-based company" in a Georgia story: Tennessee's
                else:
                    base = ctx.at_home(t, base, local)
                if local and base.kind == "country":
                    # no home to look in: the town of the name by the article's other places,
                    # or none (it is no country)
                    base = self._local_town(t, ctx.nearby_of(t.start))
                if local and base is not None and base.kind != "country":
                    towns.setdefault(key, base)
            if free and base is not None and base.kind in COORDINATED_KINDS and not t.demonym:
                base = coordinated_division(text, i, base, toponyms, firsts, cands) or base
            if base is None or (
                free
                and not paired
                and (ctx.abroad_own_town(t, base) or ctx.abroad_dateline(t, base))
            ):
                continue
            if (
                free
                and not paired
                and by_alternate(cands, base)
                and not abbreviated(text, t, base)
                and not near_any(base, t.key, toponyms, firsts)
            ):
                continue  # "Berea" is Aleppo only by an old name: not in a Kentucky story
            if (
                len(cands) == 1
                and base.kind == "city"
                and stray(base, ctx.anchor_places(), ctx.anchor_points, ctx.first_anchor_ids)
            ):
                continue  # "a wildfire in Mati" in a story about Athens is not Mati, Philippines
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
            if base.kind in SENSE_KINDS:
                located.setdefault(key, base)

    def _country_pinned(
        self,
        text: str,
        i: int,
        toponyms: Sequence[Toponym],
        firsts: Sequence[Place | None],
    ) -> Place | None:
        """The one small town named by toponym ``i`` in the country written right after it
        with a link word ("X in Italy") or right before it as a possessive ("Italy's X"):
        :mod:`geo.country_pins`; ``None`` when neither pins it."""
        towns_named = getattr(self.gazetteer, "towns_named", None)
        if towns_named is None:
            return None
        t = toponyms[i]
        if i + 1 < len(toponyms) and firsts[i + 1] is not None:
            m = name_before_country().match(text, t.start)
            nxt = toponyms[i + 1]
            if m and m.end(1) == t.end and m.end() == nxt.start and nxt.modifier is None:
                return country_town(towns_named, t.name, firsts[i + 1])
        if i > 0 and firsts[i - 1] is not None:
            prev = toponyms[i - 1]
            span = name_after_possessive(text, prev.name_end)
            if span is not None and span[0] == t.start and prev.end == prev.name_end:
                return country_town(towns_named, t.name, firsts[i - 1])
        return None

    def _by_qualifier(
        self,
        text: str,
        ctx: ArticleContext,
        i: int,
        t: Toponym,
        cands: Sequence[Any],
        town_only: bool,
    ) -> tuple[Toponym, Place | None, int | None, Recognized | None]:
        """The place the qualifier after toponym ``i`` gives it, an abbreviation ("London,
        Ont.") or the next toponym ("Kazan, Russia", "Athens, Georgia"): the toponym grown to
        absorb the qualifier, the place (``None`` when no qualifier places it), the offset
        up to which later toponyms were absorbed (``None`` when none) and the qualifier's own
        mention (``None`` when it has none)."""
        abbreviated = (
            self._abbreviated(text, t, cands, ctx.nearby_of) if cands or town_only else None
        )
        if abbreviated is not None:
            t, base, division = abbreviated  # "London, Ont.": the toponym absorbed it
            mention = None
            if division is not None and t.qualifier:
                start = t.end - len(t.qualifier)
                mention = qualifier_mention(t, start, division, abbreviated=True)
            return t, base, t.end, mention
        toponyms, firsts = ctx.toponyms, ctx.firsts
        qualifier = None
        if i + 1 < len(toponyms) and firsts[i + 1] is not None:
            qualifier = self._qualifier(text, t, toponyms[i + 1], firsts[i + 1])
        if qualifier is None:
            return t, None, None, None
        base = self.gazetteer.resolve(
            t.lookup,
            context=Context(nearby=ctx.nearby_of(t.start), qualifier=qualifier[1].name),
        )
        if base is not None and qualifier[1].kind == "country":
            # "Athens, Georgia": the qualifier is the division of the name when the place
            # lies there and not in the country
            division = self._division_named(toponyms[i + 1], base)
            if division is not None and not lies_in(base, qualifier[1]):
                qualifier = (qualifier[0], division)
        if (
            base is not None
            and not lies_in(base, qualifier[1])
            and self._foreign_to(text, t, toponyms[i + 1], qualifier[1])
        ):
            # "the fire in Piedmont, South Dakota": a town the gazetteer lacks (its only
            # Piedmonts are Italy's region and a US plateau) is placed by its qualifier,
            # never at a far namesake
            base = qualifier[1]
        if (
            base is not None
            and base.kind == "town"
            and LIST_GOES_ON.match(text, toponyms[i + 1].end)
        ):
            base = None  # "Georgia, Armenia and Azerbaijan": a list, not a town
        if base is None or not lies_in(base, qualifier[1]):
            return t, None, None, None
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
        mention = None
        if base.id != qualifier[1].id:  # not "Piedmont, South Dakota" placed by it
            mention = qualifier_mention(t, q.name_start, qualifier[1], abbreviated=False)
        return t, base, q.end, mention

    def _in_article_context(
        self, ctx: ArticleContext, i: int, t: Toponym, cands: Sequence[Any]
    ) -> Place | None:
        """The place of toponym ``i`` that no qualifier, link or pair gave: an anchor's (or,
        in an article with no context at all, the best candidate's), else the gazetteer's
        pick with the nearest anchors (or leaders), the anchors' countries and the name's
        divisions as context (remembered per context, :data:`CONTEXT_CACHE`)."""
        anchored = ctx.anchored[i]
        key = t.key
        nearby = () if anchored else other_leaders(ctx.leaders, key, t.start)
        county = bool(cands) and cands[0].place.kind == "county"
        own_divisions = ctx.name_divisions[i]
        if cands and (anchored or (not ctx.anchors and not nearby and not own_divisions)):
            return cands[0].place
        named, countries = ctx.named, ctx.countries
        nearby = nearby or ctx.nearby_of(t.start)
        if county and named:
            nearby = (*named, *(p for p in nearby if p not in named))
        memo = (key, tuple(p.id for p in nearby), countries, tuple(d.id for d in own_divisions))
        if memo in self._in_context:
            return self._in_context[memo]
        base = self.gazetteer.resolve(
            t.lookup,
            context=Context(nearby=nearby, countries=countries, divisions=own_divisions),
        )
        if len(self._in_context) >= CONTEXT_CACHE:
            self._in_context.clear()
        self._in_context[memo] = base
        return base

    def _place_roles(self, text: str, ctx: ArticleContext, placed: _Placed) -> None:
        """Places the demonyms and names inside organisations ("Russian", "Alexandria
        Police") in the locations' context, adding them to ``placed``: a name's earlier
        location ("Concord" … "the Concord Police"), its pair, its anchor place or the
        gazetteer's pick with the nearest anchors, then the article's home."""
        pairs, near_pairs, countries = ctx.pairs, ctx.near_pairs, ctx.countries
        out, weak, located = placed.out, placed.weak, placed.located
        # with no anchors, the names placed in context are a better context than the
        # first-pass leaders they were placed against ("the Georgia Environmental Protection
        # Division" beside Gainesville and Hall County, placed in Georgia, not Florida)
        leaders = ctx.leaders
        if not ctx.anchors and out:
            leaders = [(r.start, r.toponym.key, r.base) for r in out if r.base is not None]
        for t in ctx.roles:
            cands = self.candidates(t.name, t.key)
            if not cands:
                continue
            if t.key in located and not t.demonym:
                base = located[t.key]  # "Concord" … "the Concord Police": the same Concord
            elif t.key in pairs:
                base = pairs[t.key]
            elif t.role == ORGANISATION and t.key in ctx.organisation_pairs:
                # "the Jordan Police Department" by a Scott County: the town, though the
                # article's location "Jordan" is the country (placed as if it were not there)
                base = ctx.organisation_pairs[t.key]
            elif t.key in near_pairs:
                base = near_pairs[t.key]
            elif self.is_anchor(t.key, cands):
                base = cands[0].place
            else:
                nearby = other_leaders(leaders, t.key, t.start) or ctx.nearby_of(t.start)
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
                base = ctx.at_home(t, base)
            if base is None or (
                t.key not in pairs
                and (ctx.abroad_own_town(t, base) or ctx.abroad_dateline(t, base))
            ):
                continue
            if (
                t.key not in pairs
                and by_alternate(cands, base)
                and not near_any(base, t.key, ctx.toponyms, ctx.firsts)
            ):
                continue
            if (
                len(cands) == 1
                and base.kind == "city"
                and stray(base, ctx.anchor_places(), ctx.anchor_points)
            ):
                continue
            if t.key not in pairs and self._given_name_place(text, t, base):
                weak.append(len(out))
            out.append(Recognized(toponym=t, place=base, base=base))

    def _county_shorthand(
        self,
        text: str,
        placed: _Placed,
        sentence_of: Callable[[int], tuple[int, int]] | None,
    ) -> None:
        """Re-places, in ``placed``, each unqualified town or city name that the article
        also names as a county ("<name> County") at that county, when its own place lies
        neither in the county nor next to it (:data:`geo.nearness.NEXT_TO_DEGREES`, about
        100 km: Hamilton, Ohio, just north of Hamilton County, stays): local news shortens
        a county's name ("a water main in north DeKalb" beside "DeKalb County", Georgia, is
        no DeKalb in Illinois). A derived area ("north DeKalb") is derived again from the
        county."""
        out = placed.out
        counties = {
            r.toponym.key[: -len(_COUNTY_WORD)]: r.base
            for r in out
            if r.base.kind == "county"
            and r.toponym.key.endswith(_COUNTY_WORD)
            and text[r.toponym.name_start : r.toponym.name_end].lower().endswith(_COUNTY_WORD)
        }
        if not counties:
            return
        for n, r in enumerate(out):
            t = r.toponym
            county = counties.get(t.key)
            if (
                county is None
                or t.demonym
                or t.qualifier is not None
                or r.base.kind not in _SHORTHAND_KINDS
                or county.geometry.distance(r.base.geometry.representative_point())
                <= NEXT_TO_DEGREES
            ):
                continue
            place: Place | None = county
            if r.place is not r.base and t.modifier is not None:
                at_sea = False
                if sentence_of is not None:
                    s, e = sentence_of(t.start)
                    at_sea = reports_at_sea(text[s:e])
                place = self._derive(county, t.modifier, at_sea) or county
            out[n] = Recognized(toponym=t, place=place, base=county)

    def _local_town(self, t: Toponym, nearby: Sequence[Place]) -> Place | None:
        """The city or town named ``t`` nearest one of the article's ``nearby`` places,
        within :data:`LOCAL_TOWN_KM` of it, or ``None``."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None:
            return None
        found = (nearest(t.name, p, LOCAL_TOWN_KM) for p in nearby if p.kind != "country")
        return next((f for f in found if f is not None), None)
