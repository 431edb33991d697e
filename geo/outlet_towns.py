"""The town an outlet's name names: evidence for the outlet's home division.

A reader knows that the Athens Review is published in Athens, and that of the Athenses the one
meant is in the state the paper's stories are about. A local outlet's archive in a batch is
often too small for :class:`geo.outlets.OutletPriors` to find its home division (at least
:data:`geo.outlets.PRIOR_MIN_ARTICLES` other articles topped by it): a paper of six stories,
one naming Texas, one Oklahoma and one Victoria, has none, and "Athens" in its stories that
name no state goes to Georgia. When the outlet's name opens with a town's name
("athensreview.com", "thelancasterandmorecambecitizen.co.uk", "norfolkdailynews.com") and that
town has a namesake in a division the outlet's *other* articles vote for, the division with
the largest share of their ballots among those holding such a namesake is the outlet's home
(:func:`town_prior`), used exactly as a prior learned from the ballots alone.

The rule reads only the outlet's host name and the other articles' ballots: an outlet whose
other articles vote for no division with a town of its name has no town prior.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from shapely.ops import nearest_points

from gazetteer.normalize import normalize
from gazetteer.ranking import QUALIFIER_REACH_DEG
from geo.nearness import MAX_COUNTIES, at_edge_of, lies_in
from geo.outlet_country import country_prior, outlet_country
from geo.outlet_division import host_division
from geo.outlets import COUNTRY_PREFIX, OutletPriors, outlet_key
from geo.vocabulary import load_data
from lonlat.distance import km

__all__ = [
    "MIN_TOWN_LETTERS",
    "NEAR_TOWN_KM",
    "OwnTown",
    "SquashedKeys",
    "near_town_prior",
    "outlet_prior",
    "outlet_town_key",
    "own_town",
    "settled_town",
    "shared_town_prior",
    "town_prior",
]

#: The shortest town name an outlet's name may open with ("Ajo" is too short to tell).
MIN_TOWN_LETTERS = 4
#: How near the outlet's town (one of its namesakes) a place of the article must lie to count
#: as its neighbourhood (:func:`near_town_prior`): a local paper's beat, about a county or two.
NEAR_TOWN_KM = 40.0
#: The kinds of place a division holds that count as the article's towns.
_HOLDING_KINDS = frozenset({"city", "capital", "town", "county"})
#: The kinds of place an outlet is published in.
_TOWN_KINDS = frozenset({"city", "capital", "town"})
_NOT_LETTERS = re.compile(r"[^a-z]")

#: gazetteer id → its name keys with spaces and punctuation removed → the key
_SQUASHED: dict[int, tuple[Any, SquashedKeys]] = {}


class _Squashed(Protocol):
    def get(self, squashed: str, /) -> str | None: ...


def outlet_town_key(outlet: str | None, squashed: _Squashed) -> str | None:
    """The gazetteer key of the longest name (at least :data:`MIN_TOWN_LETTERS` letters)
    that the first label of the outlet's host opens with, after an optional "the", and that
    the rest of the label follows as a newspaper's name does: nothing, or a word of
    ``masthead_words`` in ``geo/data/outlet_names.yaml``
    ("thelancasterandmorecambecitizen.co.uk" → "lancaster", "lansingstatejournal.com" →
    "lansing"; "dailyjeff.com" names no town "Dail"); ``squashed`` maps each key written
    without spaces or punctuation to the key. ``None`` when there is none."""
    key = outlet_key(outlet)
    if key is None:
        return None
    label = _NOT_LETTERS.sub("", key.split(".", 1)[0].split("/", 1)[0])
    starts = [0, 3] if label.startswith("the") else [0]
    masthead = _masthead_words()
    for start in starts:
        for end in range(len(label), start + MIN_TOWN_LETTERS - 1, -1):
            found = squashed.get(label[start:end])
            if found is not None and (end == len(label) or label.startswith(masthead, end)):
                return found
    return None


@dataclass(frozen=True, slots=True)
class OwnTown:
    """The town an outlet's name names (its gazetteer key, :func:`outlet_town_key`) and the
    country its web address tells (ISO code, ``None`` for a generic address)."""

    key: str
    country: str | None


def own_town(gazetteer: Any, outlet: str | None, url: str | None = None) -> OwnTown | None:
    """The outlet's own town (:class:`OwnTown`), or ``None`` when its name names none. A
    local paper named after its town writes of that town: "Paris" in the Paris News is the
    paper's Paris, not France's capital (:meth:`geo.resolving.Resolving.resolve_article`)."""
    if gazetteer is None or outlet is None or getattr(gazetteer, "name_keys", None) is None:
        return None
    key = outlet_town_key(outlet, _squashed(gazetteer))
    return None if key is None else OwnTown(key, outlet_country(outlet, url))


def settled_town(gazetteer: Any, outlet: str | None, home: Any, url: str | None = None) -> Any:
    """The outlet's own town as a place, when it is settled: the city or town that the
    outlet's name opens with (:func:`own_town`; by its own name or another of its names,
    "philly.com") and that lies in ``home``, the first-level division the outlet is at home
    in (:func:`geo.extraction.outlet_priors`), the most prominent such namesake. ``None`` when
    the outlet's name names no town, when ``home`` is no first-level division, or when it
    holds no town of that name: the namesake is then not settled."""
    if home is None or getattr(home, "kind", None) != "admin1":
        return None
    town = own_town(gazetteer, outlet, url)
    if town is None:
        return None
    from gazetteer import Context

    cands = gazetteer.candidates(town.key, context=Context(divisions=(home,)))
    held = [
        c.place
        for c in cands
        if c.place.kind in _TOWN_KINDS
        and normalize(c.matched or c.place.name) == town.key
        and _lies_in(gazetteer, c.place, home)
    ]
    if not held:
        return None
    return max(held, key=lambda p: (p.prominence, p.id))


@cache
def _masthead_words() -> tuple[str, ...]:
    """The words a newspaper's name puts after its town (``geo/data/outlet_names.yaml``)."""
    return tuple(load_data("outlet_names.yaml")["masthead_words"])


class SquashedKeys:
    """The gazetteer's name keys of letters only, in words of three letters or more, by the
    key written without its spaces (:func:`outlet_town_key`'s ``squashed``): a one-word key
    is its own, and of the keys of several words that squash alike the first the gazetteer
    lists ("middletown" before "middle town" whatever the order). Only the keys of several
    words are tabled (a third of them): a one-word key is looked up in the set of all."""

    __slots__ = ("_joined", "_keys")

    def __init__(self, keys: Iterable[str]) -> None:
        listed = list(keys)
        self._keys: set[str] = set(listed)
        several = [key for key in listed if " " in key]
        joined = _SEPARATOR.join(several)
        if joined.count(_SEPARATOR) != max(len(several) - 1, 0):  # a key holds the separator
            letters = [key for key in several if _letter_words(key, key.replace(" ", ""))]
        else:  # one scan of all the keys of several words, one separator apart
            letters = _LETTER_WORDS.findall(joined)
        # reversed, so that the first key the gazetteer lists of those that squash alike wins
        self._joined: dict[str, str] = {key.replace(" ", ""): key for key in reversed(letters)}

    def get(self, squashed: str) -> str | None:
        """The key that ``squashed`` is written without spaces, or ``None``."""
        if squashed in self._keys and _letter_words(squashed, squashed):
            return squashed
        return self._joined.get(squashed)


#: Joins the keys of several words for one scan by :data:`_LETTER_WORDS`.
_SEPARATOR = "\x00"
#: A whole key (between separators) of lower-case ASCII letters in words of three letters or
#: more, one space apart: what :func:`_letter_words` accepts among keys with a space.
_LETTER_WORDS = re.compile(r"(?<![^\x00])(?:[a-z]{3,} )+[a-z]{3,}(?![^\x00])")


def _letter_words(key: str, squashed: str) -> bool:
    """Whether ``key`` (``squashed`` without its spaces) is lower-case ASCII letters in words
    of three letters or more, one space apart ("da il", "athens2", "st. ives" are not)."""
    if not (squashed.isascii() and squashed.isalpha() and squashed.islower()):
        return False
    return all(len(word) >= 3 for word in key.split(" "))


def _squashed(gazetteer: Any) -> SquashedKeys:
    """The gazetteer's :class:`SquashedKeys` (built once per gazetteer)."""
    hit = _SQUASHED.get(id(gazetteer))
    if hit is not None and hit[0] is gazetteer:
        return hit[1]
    names = getattr(gazetteer, "name_keys", None)
    table = SquashedKeys(names() if names is not None else ())
    if len(_SQUASHED) >= 4:
        _SQUASHED.clear()
    _SQUASHED[id(gazetteer)] = (gazetteer, table)
    return table


def town_prior(gazetteer: Any, outlet: str | None, shares: Mapping[str, float]) -> str | None:
    """The id of the outlet's home division by the town its name opens with: of the
    divisions the outlet's other articles vote for (``shares``: division id → share of their
    ballots), the one with the largest share that holds a city or town of that name; ``None``
    when no such division leads alone, or the outlet's name names no town."""
    if not shares or outlet is None:
        return None
    key = outlet_town_key(outlet, _squashed(gazetteer))
    if key is None:
        return None
    return _leading_division(gazetteer, shares, (key,))


def shared_town_prior(
    gazetteer: Any, towns: Sequence[str], shares: Mapping[str, float]
) -> str | None:
    """The id of the division, of those the outlet's other articles vote for (``shares``:
    division id → share of their ballots), with the largest share that holds a city or town
    named as one of ``towns`` (an article's own town names): a student paper whose other
    story names "Alachua County" beside Gainesville writes of Florida's Gainesville. ``None``
    when no such division leads alone."""
    return _leading_division(gazetteer, shares, towns)


def _leading_division(
    gazetteer: Any, shares: Mapping[str, float], towns: Sequence[str]
) -> str | None:
    """Of the first-level divisions in ``shares`` (division id → share of the ballots) that
    hold a city or town named as one of ``towns``, the id of the one with the largest share;
    ``None`` when none does or two lead with the same share."""
    from gazetteer import GazetteerError

    holding: list[tuple[float, str]] = []
    for division_id, share in shares.items():
        if share <= 0 or division_id.startswith(COUNTRY_PREFIX):
            continue
        try:
            division = gazetteer.get(division_id)
        except GazetteerError:
            continue
        if any(_named_in(gazetteer, t, division, _TOWN_KINDS) for t in towns):
            holding.append((share, division_id))
    if not holding:
        return None
    holding.sort(reverse=True)
    if len(holding) > 1 and holding[1][0] >= holding[0][0] - 1e-9:
        return None
    return holding[0][1]


def near_town_prior(
    gazetteer: Any,
    outlet: str | None,
    towns: Sequence[str],
    country: str | None = None,
    *,
    least: int = 1,
) -> str | None:
    """The id of the first-level division of the namesake of the outlet's town (the town its
    name opens with, :func:`outlet_town_key`) near which the article's own towns lie: of
    the cities and towns of that name (in ``country``, an ISO code, when given), the one
    with the most of ``towns`` (the names of the article's unqualified towns, cities and
    counties, :attr:`geo.toponyms.Resolution.towns`) having a namesake within
    :data:`NEAR_TOWN_KM` of it, at least ``least`` (one by default). A reader of the
    Columbus Telegram who reads of Richland and Colfax County knows which Columbus the paper
    is in. ``None`` when the outlet's name names no town, on a tie (a name with a namesake
    beside two of them), and when the namesake lies in no first-level division."""
    if outlet is None or not towns:
        return None
    named = getattr(gazetteer, "towns_named", None)
    if named is None:
        return None
    key = outlet_town_key(outlet, _squashed(gazetteer))
    if key is None:
        return None
    names = sorted({t for t in towns if normalize(t) != key})
    if not names:
        return None
    scored = []
    for host in named(key):
        if country is not None and host.country != country:
            continue
        division = _division_of(gazetteer, host)
        if division is not None:
            count = sum(_near(gazetteer, name, host, division) for name in names)
            scored.append((count, host.id, division.id))
    # a paper may be named after its division ("essexlive.news"): the division counts the
    # towns that lie in it
    for division in _divisions_named(gazetteer, key):
        if country is None or division.country == country:
            count = sum(_holds(gazetteer, name, division) for name in names)
            scored.append((count, division.id, division.id))
    scored.sort(key=lambda s: (-s[0], s[1]))
    if (
        not scored
        or scored[0][0] < max(1, least)
        or (len(scored) > 1 and scored[1][0] == scored[0][0])
    ):
        return None
    return scored[0][2]


def _division_of(gazetteer: Any, place: Any) -> Any:
    """The first-level division of ``place``'s country that holds it, or ``None``; a town on
    the coast just outside every division's generalised outline (Miami, Galveston) is the
    nearest one's within :data:`gazetteer.ranking.QUALIFIER_REACH_DEG`
    (:func:`geo.nearness.at_edge_of`)."""
    point = place.geometry.representative_point()
    held = [
        d for d in gazetteer.intersecting(point, kinds=("admin1",)) if d.country == place.country
    ]
    if held:
        return held[0]
    near = [
        d
        for d in gazetteer.intersecting(point.buffer(QUALIFIER_REACH_DEG), kinds=("admin1",))
        if at_edge_of(place, d)
    ]
    return min(near, key=lambda d: d.geometry.distance(point)) if near else None


def _lies_in(gazetteer: Any, place: Any, division: Any) -> bool:
    """Whether ``place`` lies in the first-level ``division``: inside its outline, or on the
    coast just outside it when no other division holds it (:func:`_division_of`)."""
    if lies_in(place, division):
        return True
    held = _division_of(gazetteer, place)
    return held is not None and held.id == division.id


def _divisions_named(gazetteer: Any, key: str) -> list[Any]:
    """The first-level divisions whose own name is ``key`` (normalized)."""
    return [
        c.place
        for c in gazetteer.candidates(key)
        if c.place.kind == "admin1" and normalize(c.place.name) == key
    ]


def _holds(gazetteer: Any, name: str, division: Any) -> bool:
    """Whether a city, town or county called ``name`` lies in ``division`` (small towns
    included, as for a qualifier); for a division the sources give only as a label point
    (the counties of England), within :data:`NEAR_TOWN_KM` of it in its country."""
    if division.geometry.geom_type == "Point":
        town = gazetteer.nearest_named(name, division, NEAR_TOWN_KM)
        return town is not None and town.country == division.country
    return _named_in(gazetteer, name, division, _HOLDING_KINDS)


def _named_in(gazetteer: Any, name: str, division: Any, kinds: frozenset[str]) -> bool:
    """Whether a place of one of the ``kinds`` whose own name is ``name`` (compared
    normalized) lies in ``division``, small towns included (the division is the context)."""
    from gazetteer import Context

    key = normalize(name)
    cands = gazetteer.candidates(name, context=Context(divisions=(division,)))
    return any(
        c.place.kind in kinds
        and normalize(c.place.name) == key
        and _lies_in(gazetteer, c.place, division)
        for c in cands
    )


def _near(gazetteer: Any, name: str, host: Any, division: Any) -> bool:
    """Whether a city, town or county called ``name`` lies within :data:`NEAR_TOWN_KM` of
    ``host`` (a county: its outline) and in ``division``, the host's own: a town across a
    state line is no evidence for the host's state."""
    town = gazetteer.nearest_named(name, host, NEAR_TOWN_KM)
    if town is not None and _lies_in(gazetteer, town, division):
        return True
    point = host.geometry.representative_point()
    return any(
        c.place.kind == "county"
        and (c.place.parent == division.id if c.place.parent else lies_in(c.place, division))
        and _km_to(c.place, point) <= NEAR_TOWN_KM
        for c in gazetteer.candidates(name, limit=MAX_COUNTIES)
    )


def _km_to(place: Any, point: Any) -> float:
    """Kilometres from ``point`` to the nearest point of ``place`` (0 inside it)."""
    if place.geometry.covers(point):
        return 0.0
    nearest = nearest_points(place.geometry, point)[0]
    return km(nearest.x, nearest.y, point.x, point.y)


def outlet_prior(
    priors: OutletPriors,
    gazetteer: Any,
    article: Hashable,
    outlet: str | None,
    url: str | None = None,
    *,
    towns: Sequence[str] = (),
    own_home: str | None = None,
) -> str | None:
    """The prior of ``article`` of ``outlet``: the division its other articles' ballots give
    (:meth:`geo.outlets.OutletPriors.prior`), else the division the outlet's host name
    names (:func:`geo.outlet_division.host_division`: "masslive.com"; in the home country
    the ballots give, if any), else the home country they give or the one the outlet's web
    address tells (:func:`geo.outlet_country.country_prior`); when that is
    no division, the division of the town the outlet's name opens with comes first: the one
    the other articles' ballots say (:func:`town_prior`, with ``gazetteer``), else the one
    the article's own ``towns`` lie near (:func:`near_town_prior`, in the home country when
    there is one); else ``None``. When the article's own towns lie together in a division
    (``own_home``, :func:`geo.colocated.colocated_home`: two names), the outlet's town
    counts only with two or more of them near it: a namesake of the outlet's town beside a
    namesake of a single one of the article's towns ("Golden Triangle" and "Mount
    Pleasant", two neighbourhoods of Washington, D.C.) is no home when "New London" and
    "Winfield" lie together in Iowa."""
    prior = priors.prior(article, outlet)
    if prior is None or prior.startswith(COUNTRY_PREFIX):
        named = host_division(gazetteer, outlet, url)
        if named is not None and (prior is None or _division_country(gazetteer, named) == prior):
            prior = named  # "masslive.com": a state's news, though no article says so
    prior = prior or country_prior(outlet, url)
    if gazetteer is not None and (prior is None or prior.startswith(COUNTRY_PREFIX)):
        town = town_prior(gazetteer, outlet, priors.shares(article, outlet))
        if town is None and towns:
            country = prior[len(COUNTRY_PREFIX) :] if prior is not None else None
            # two of the article's own towns lying together outweigh one near the outlet's
            least = 1 if own_home is None else 2
            town = near_town_prior(gazetteer, outlet, towns, country, least=least)
        if town is not None:
            return town
    return prior


def _division_country(gazetteer: Any, division_id: str) -> str | None:
    """The home-country prior (``iso:<code>``) of the division ``division_id``, or ``None``
    when the gazetteer does not have it or it has no country."""
    from gazetteer import GazetteerError

    try:
        country = gazetteer.get(division_id).country
    except GazetteerError:
        return None
    return f"{COUNTRY_PREFIX}{country}" if country else None
