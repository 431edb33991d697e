"""A story's home division told by its own towns: namesakes that lie together.

Local news names its towns bare and seldom its state ("TEGA CAY — … the Tega Cay Volunteer
Fire Department … a 2000 graduate of Fort Mill High School"); the outlet knows where it is,
a lone article does not say. Each name alone has namesakes in many states, or only a small
town that no division pins down; together they often lie in one place. :func:`colocated_home`
finds the first-level division where two or more distinct names of the text have namesakes
within :data:`COLOCATE_KM` of each other (a county's: a town of the other name inside it),
when exactly one division has such a pair. :func:`geo.geoparse.analyze` passes it to the
resolver as a home prior, the same weak evidence as an outlet's home learned in an archive
run (:mod:`geo.outlets`): it is the story's home only when the story names or votes for no
other division (:func:`geo.outlets.prior_fits`), and then it picks among namesakes and holds
the bare small towns (:mod:`geo.bare_towns`).

The names asked are those the text uses as places and the context could move: small-town
names in a locative frame (:func:`geo.bare_towns.bare_names`, which leaves out a person's
name, "Carver said"), and found names whose best reading is a town, city or county that
leads no clear margin over its namesakes ("Mansfield", "Henry County"). A name that leads
its namesakes clearly (an anchor: "Shreveport") joins with its own place only, and a pair of
anchors alone tells nothing new. Only when no division has a pair that way does an anchor
town join by its namesakes too: "Hagerstown" (Maryland's, by its margin) beside "New
Castle" in a story naming no state is the Indiana pair, when exactly one division has such
a pair. See docs/gazetteer.md, *A home told by the story's towns*.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gazetteer import Place
from geo.bare_towns import found_bare_names
from geo.lead_towns import holds
from geo.toponyms import LOCATION, Toponym
from lonlat.distance import km

__all__ = ["COLOCATE_KM", "colocated_home"]

#: Two towns of the text lie together when they are at most this far apart (km): the
#: neighbouring towns local news names, not two ends of a state.
COLOCATE_KM = 40.0
#: Kinds of place a name's namesakes may be (a county's are counties).
_TOWN_KINDS = frozenset({"city", "town"})
#: At most this many namesakes of one name are compared ("Springfield" has dozens).
_MAX_NAMESAKES = 60


def colocated_home(
    text: str, found: Sequence[Toponym], recognizer: Any, skip: Sequence[Any] = ()
) -> Place | None:
    """The first-level division where two or more distinct place names of ``text`` (the
    toponyms ``found`` by the recognizer and the bare small-town names, none inside the
    ``skip`` spans) have namesakes lying together, when exactly one division has them and
    one of those names is no anchor; ``None`` otherwise (see the module docstring)."""
    gazetteer = recognizer.gazetteer
    if getattr(gazetteer, "towns_named", None) is None:
        return None
    named = {d.id for d in _named_divisions(found, recognizer)}
    if len(named) > 1:
        return None  # the story names two divisions: it keeps what it says
    names = _named_places(text, found, recognizer, skip)
    if len(names) < 2:
        return None
    divisions = _pair_divisions(names, recognizer)
    if not divisions:
        # no pair with each anchor at its own place: an anchor town joins by its namesakes
        # ("Hagerstown" beside "New Castle": Indiana's pair, not Maryland's city)
        widened = {
            key: (_namesakes(gazetteer, key, places) if anchor else places, anchor)
            for key, (places, anchor) in names.items()
        }
        divisions = _pair_divisions(widened, recognizer)
    if len(divisions) != 1:
        return None
    home = next(iter(divisions.values()))
    if named - {home.id}:
        return None  # the story names another division: it keeps what it says
    return home


def _pair_divisions(
    names: dict[str, tuple[tuple[Place, ...], bool]], recognizer: Any
) -> dict[str, Place]:
    """The first-level divisions (by id) holding a pair of namesakes of two distinct
    ``names`` (lower-case name → its namesakes, whether it is an anchor) lying together;
    two anchors make no pair."""
    divisions: dict[str, Place] = {}
    items = sorted(names.items())
    for i, (_, (a_places, a_anchor)) in enumerate(items):
        for _, (b_places, b_anchor) in items[i + 1 :]:
            if a_anchor and b_anchor:
                continue  # two anchors place themselves: nothing to tell
            for division in _shared_divisions(a_places, b_places, recognizer):
                divisions[division.id] = division
    return divisions


def _named_divisions(found: Sequence[Toponym], recognizer: Any) -> list[Place]:
    """The first-level divisions the toponyms ``found`` name in any role, their best
    reading ("Illinois", "Ind.", "the Kentucky State Police")."""
    out: list[Place] = []
    for t in found:
        cands = recognizer.candidates(t.name, t.key)
        if cands and cands[0].place.kind == "admin1" and not t.demonym:
            out.append(cands[0].place)
    return out


def _named_places(
    text: str, found: Sequence[Toponym], recognizer: Any, skip: Sequence[Any]
) -> dict[str, tuple[tuple[Place, ...], bool]]:
    """Each distinct place name of the text the home could matter for (by its lower-case
    name) → (its namesakes, whether it is an anchor)."""
    gazetteer = recognizer.gazetteer
    out: dict[str, tuple[tuple[Place, ...], bool]] = {}
    for t in found:
        if t.role != LOCATION or t.abbreviation or t.demonym or t.modifier is not None:
            continue
        key = t.name.lower()
        if key in out:
            continue
        cands = recognizer.candidates(t.name, t.key)
        if not cands:
            continue
        best = cands[0].place
        anchor = recognizer.is_anchor(t.key, cands)
        if best.kind == "county":
            places = tuple(c.place for c in cands if c.place.kind == "county")
        elif best.kind in _TOWN_KINDS:
            places = (best,) if anchor else _towns(gazetteer, t.name)
        else:
            continue
        if places:
            out[key] = (places[:_MAX_NAMESAKES], anchor)
    for _, _, name in found_bare_names(text, found, recognizer, skip):
        key = name.lower()
        if key not in out:
            places = _towns(gazetteer, name)
            if places:
                out[key] = (places[:_MAX_NAMESAKES], False)
    return out


def _towns(gazetteer: Any, name: str) -> tuple[Place, ...]:
    """The cities and towns whose own name is ``name``, small towns included."""
    return tuple(p for p in gazetteer.towns_named(name) if p.kind in _TOWN_KINDS)


def _namesakes(gazetteer: Any, key: str, places: tuple[Place, ...]) -> tuple[Place, ...]:
    """An anchor's namesakes for a second look: every city and town called ``key`` when the
    anchor stands for one town (``places``), else ``places`` as they are (a county's)."""
    if len(places) != 1 or places[0].kind not in _TOWN_KINDS:
        return places
    return _towns(gazetteer, key)[:_MAX_NAMESAKES] or places


def _shared_divisions(
    a_places: Sequence[Place], b_places: Sequence[Place], recognizer: Any
) -> list[Place]:
    """The first-level divisions that hold a namesake of each name lying together: two
    towns within :data:`COLOCATE_KM`, or a county and a town inside it."""
    out: dict[str, Place] = {}
    b_points = [_point(q) for q in b_places]
    for p in a_places:
        p_point = _point(p)
        for q, q_point in zip(b_places, b_points, strict=True):
            if not _together(p, q, p_point, q_point):
                continue
            division = recognizer.division_of(p if p.kind != "county" else q)
            other = recognizer.division_of(q if p.kind != "county" else p)
            if division is not None and other is not None and division.id == other.id:
                out[division.id] = division
    return list(out.values())


def _point(place: Place) -> tuple[float, float]:
    """The lon/lat of ``place``'s representative point."""
    point = place.geometry.representative_point()
    return (point.x, point.y)


def _together(
    p: Place, q: Place, p_point: tuple[float, float], q_point: tuple[float, float]
) -> bool:
    """Whether two namesakes lie together: towns within :data:`COLOCATE_KM` of each other,
    a county and a town inside it (two counties never: a pair of county names says little)."""
    if p.id == q.id:
        return False
    if p.kind == "county" and q.kind == "county":
        return False
    if p.kind == "county":
        return holds(p, q)
    if q.kind == "county":
        return holds(q, p)
    if abs(p_point[1] - q_point[1]) > 1.0:
        return False  # a degree of latitude is 111 km: too far apart already
    return km(p_point[0], p_point[1], q_point[0], q_point[1]) <= COLOCATE_KM
