"""The qualifier rules of the toponym recognizer (:class:`geo.recognize.Recognizer`): a name
qualified by the division after it ("Kazan, Russia", "Albany, New York"), by an abbreviated
division ("London, Ont.", "LONDON, Ky. (WKYT) -"), the divisions wire datelines name
("PIKEVILLE, KY (AP)"), a qualifier foreign to its name ("Piedmont, South Dakota"), and the
areas derived from a place by a modifier ("off the coast of ...").

:class:`Qualifiers` is a mixin, like :class:`geo.divisions.Divisions`: its methods use the
recognizer's gazetteer, its caches and the division rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gazetteer import Place
from geo.nearness import at_edge_of, lies_in
from geo.phrase_patterns import (
    ABBREVIATION,
    DATELINE_ABBREVIATION,
    DATELINE_START,
    LIST_GOES_ON,
    QUALIFIABLE,
    QUALIFIER_ENDS,
    QUALIFIERS,
)
from geo.toponyms import Toponym


class Qualifiers:
    """The qualifier rules of :class:`geo.recognize.Recognizer` (which inherits them). Uses
    the recognizer's ``gazetteer``, ``candidates``, ``_has_town`` and ``_derived`` cache."""

    def _dateline_divisions(self, text: str) -> list[Place]:
        """The divisions the wire datelines of ``text`` name by an abbreviation that means
        only one ("HURRICANE, W.Va. -", "PIKEVILLE, KY (AP)"), one per dateline."""
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if lookup is None:
            return []
        out = []
        for m in DATELINE_ABBREVIATION.finditer(text):
            token = m.group("abbreviation")
            meanings = lookup(token, postal=True) or lookup(token.rstrip("."), postal=True)
            if len(meanings) == 1:
                out.append(meanings[0])
        return out

    def _qualifier(
        self, text: str, t: Toponym, nxt: Toponym, nxt_place: Place
    ) -> tuple[Toponym, Place] | None:
        """The next toponym when it qualifies ``t`` ("Kazan, Russia")."""
        between = text[t.name_end : nxt.name_start]
        if between.strip() != "," or nxt.modifier is not None or nxt.demonym:
            return None
        if nxt_place.kind not in QUALIFIERS:
            # "Albany, New York", "Seattle, Washington": a state whose name means a city
            # first qualifies as the state
            nxt_place = next(
                (c.place for c in self.candidates(nxt.name, nxt.key) if c.place.kind == "admin1"),
                None,
            )
            if nxt_place is None:
                return None
        cands = self.candidates(t.name, t.key)
        if not cands and not self._has_town(t.name):
            return None
        if cands and all(c.place.kind not in QUALIFIABLE for c in cands):
            return None
        return nxt, nxt_place

    def _abbreviated(
        self,
        text: str,
        t: Toponym,
        cands: Sequence[Any],
        nearby_of: Callable[[int], tuple[Place, ...]],
    ) -> tuple[Toponym, Place, Place | None] | None:
        """``t`` grown over a following abbreviated division, its place and the division:
        "London, Ont." (the London in Ontario), "LONDON, Ky. (WKYT) -" (a dateline, where
        postal codes count too: "LONDON, KY"). When no place of the name lies in the division
        and the division is the only one the abbreviation may mean, the division itself
        ("Wainwright, Alta.": a town the gazetteer lacks, never its namesake in another
        country), and no division beside it. ``None`` when no abbreviation follows, or the
        name is no town-like place, or nothing fits."""
        found = self._abbreviation_after(text, t)
        if found is None or (cands and all(c.place.kind not in QUALIFIABLE for c in cands)):
            return None
        if not cands and not self._has_town(t.name):
            return None
        end, meanings = found
        from gazetteer import Context

        base = division = None
        for region in meanings:
            ranked = self.gazetteer.candidates(
                t.lookup, context=Context(nearby=nearby_of(t.start), qualifier=region.name)
            )
            # the best namesake inside the division ("Kansas City, Kan.": not the larger one
            # across the state line, though it lies within the qualifier's reach)
            base = next((c.place for c in ranked if lies_in(c.place, region)), None)
            if base is None:  # a river town just outside a generalised state line
                base = next((c.place for c in ranked if at_edge_of(c.place, region)), None)
            if base is not None:
                division = region
                break
        if base is None:
            if not cands or len(meanings) != 1 or cands[0].place.kind in QUALIFIERS:
                # "Seattle, WA": Washington or Western Australia? "the Indiana, Ill.
                # border": a name that means a division is never placed in another one
                return None
            base = meanings[0]
        grown = Toponym(
            start=t.start,
            end=end,
            name_start=t.name_start,
            name_end=t.name_end,
            name=t.name,
            modifier=t.modifier,
            qualifier=text[t.name_end : end].lstrip(", \t"),
            key=t.key,
        )
        return grown, base, division

    def _abbreviation_after(self, text: str, t: Toponym) -> tuple[int, tuple[Place, ...]] | None:
        """``(end, meanings)`` of an abbreviated division right after the name of ``t``
        (", Ont.", ", Qld", and in a dateline ", KY"), as the gazetteer reads it: every
        division it may stand for, postal codes included ("WA": Western Australia and
        Washington). A full stop that ends the sentence too ("in Perth, WA.") is left out
        when the form has none."""
        if t.end != t.name_end or not text.startswith(",", t.name_end):
            return None
        m = ABBREVIATION.match(text, t.name_end)
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if m is None or lookup is None:
            return None
        postal = DATELINE_START.fullmatch(text, text.rfind("\n", 0, t.name_start) + 1, t.start)
        token, end = m.group(1), m.end(1)
        regions = lookup(token, postal=postal is not None)
        if not regions and token.endswith("."):
            token, end = token[:-1], end - 1
            regions = lookup(token, postal=postal is not None)
        if not regions:
            return None
        return end, tuple(lookup(token, postal=True))

    def _foreign_to(self, text: str, t: Toponym, q: Toponym, region: Place) -> bool:
        """True when no place named ``t`` lies in its qualifier ``region`` ("Piedmont, South
        Dakota": Italy's Piedmont is not in South Dakota) nor in its country, the pair is no
        list ("Texas, California and Arizona"; a country is never qualified), and the
        qualifier ends there (a preposition, a time word or punctuation follows it)."""
        if LIST_GOES_ON.match(text, q.end) or not QUALIFIER_ENDS.match(text, q.end):
            return False  # a list, or a subject: "In Beijing, Russia's defence chief said"
        cands = self.candidates(t.name, t.key)
        if not cands or any(c.place.kind == "country" for c in cands):
            return False
        # "Texas, California": a namesake in the qualifier's country is a list of neighbours
        return not any(
            lies_in(c.place, region)
            or (c.place.country is not None and c.place.country == region.country)
            for c in cands
        )

    def _derive(self, base: Place, modifier: Any, at_sea: bool) -> Place | None:
        key = (base.id, modifier.rule, getattr(modifier, "detail", None), at_sea)
        if key not in self._derived:
            from gazetteer import GazetteerError
            from gazetteer.areas import derive

            try:
                self._derived[key] = derive(base, modifier, self.gazetteer, at_sea=at_sea)
            except GazetteerError:
                self._derived[key] = None
        return self._derived[key]
