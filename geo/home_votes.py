"""Home-region votes and evidence for the toponym recognizer: the weights places give the
first-level division they lie in, the division an article is at home in (:func:`home_of`),
the divisions that are evidence for all its names (:func:`evidence_divisions`), and which names are
clear enough to be context for the others (anchors and leaders).

:class:`geo.recognize.Recognizer` counts the votes; these functions weigh them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gazetteer import Place
from geo.toponyms import (
    Toponym,
)

#: Score lead over the runner-up that makes a name an anchor for the others (see is_anchor_name).
ANCHOR_MARGIN = 2.5
#: Score lead over the runner-up that makes a name context for the others in a text with no
#: anchor (see leading_names): London, UK leads London, Ontario by 2.3.
WEAK_MARGIN = 1.0


#: At most this many anchors are passed as context (the nearest ones in the text).
MAX_NEARBY = 6


#: Home division (see Recognizer._home): the votes a division needs, and the factor by which
#: it must lead the runner-up. A dateline's division counts DATELINE_VOTE, a name qualified
#: by it ("Decatur, Ill.", "Salem, Oregon") QUALIFIED_VOTE, a named division or a place that
#: only lies there 1, a division named inside an organisation's name ("Indiana Department
#: of Workforce Development") ORG_VOTE.
HOME_MIN_VOTES = 2.0
HOME_LEAD = 2.0
DATELINE_VOTE = 3.0
QUALIFIED_VOTE = 2.0
ORG_VOTE = 0.25
#: A division that is the whole place name of an organisation-role mention ("Kentucky State
#: Police", "the S.C. Highway Patrol", "Texas Gov. …"): a local agency names its own state.
ORG_ROLE_VOTE = 1.0
#: A division with this many votes is evidence for every name of the article
#: (``Context.divisions``): named once, or holding a place that has no namesake elsewhere.
EVIDENCE_VOTES = 1.0
#: At most this many divisions are evidence: a story naming more spans them (a round-up, a
#: career in several states), and only those with more votes than the rest count.
MAX_EVIDENCE = 2


#: A given name that is also the name of a country, or of a division or capital of at least
#: this prominence, is no evidence of a person ("Georgia", "Virginia", "Sofia").
_STRONG_KINDS = frozenset({"admin1", "capital"})
STRONG_POP = 1_000_000


def is_own_capital(place: Place, country: str | None) -> bool:
    """Whether ``place`` is the national capital of ``country`` (the country of the
    article's home, its own or its outlet's, which never moves it)."""
    return country is not None and place.kind == "capital" and place.country == country


def home_of(votes: dict[str, tuple[float, Place]]) -> Place | None:
    """The first-level division an article is at home in, or ``None``: the division its
    places vote for clearly (:meth:`Recognizer._division_votes`; at least
    :data:`HOME_MIN_VOTES`, :data:`HOME_LEAD` times the runner-up's votes)."""
    if not votes:
        return None
    order = sorted(votes.values(), key=lambda v: -v[0])
    score, best = order[0]
    runner_up = order[1][0] if len(order) > 1 else 0.0
    if score < HOME_MIN_VOTES or score < HOME_LEAD * runner_up:
        return None
    return best


def firm_votes(
    votes: dict[str, tuple[float, Place]], soft: dict[str, list[Toponym]]
) -> dict[str, tuple[float, Place]]:
    """``votes`` without the votes of doubtful places (``soft``: division id → the names that
    gave it a vote as a town or county with no namesake in the main index but a small town
    of their name elsewhere, one vote each); ``votes`` itself when there are none."""
    if not soft:
        return votes
    out = {}
    for key, (v, place) in votes.items():
        left = v - len(soft.get(key, ()))
        if left > 1e-9:
            out[key] = (left, place)
    return out


def evidence_countries(
    votes: dict[str, tuple[float, Place]], divisions: Sequence[Place]
) -> list[str | None]:
    """The countries of an article's evidence ``divisions`` and voted divisions, for
    :func:`geo.outlets.prior_fits`."""
    return [*(d.country for d in divisions), *(p.country for _, p in votes.values())]


def close_behind(ranked: Sequence[Sequence[Any]]) -> list[Place]:
    """The first-level divisions a name may mean though its best candidate is a country:
    within :data:`ANCHOR_MARGIN` of it ("Georgia": the country first, the US state close
    behind). Not those of a town's name ("Enfield": the town, and the London borough close
    behind), which would be evidence for the town itself."""
    out: list[Place] = []
    for cands in ranked:
        if not cands or cands[0].place.kind != "country":
            continue
        top = float(getattr(cands[0], "score", 0.0))
        for c in cands[1:]:
            if top - float(getattr(c, "score", 0.0)) >= ANCHOR_MARGIN:
                break
            if c.place.kind == "admin1" and c.place not in out:
                out.append(c.place)
    return out


def evidence_divisions(
    votes: dict[str, tuple[float, Place]], named: Sequence[Place]
) -> tuple[Place, ...]:
    """The divisions that are evidence for every name of an article (``Context.divisions``):
    those with at least :data:`EVIDENCE_VOTES` votes, and those a name of the text may mean
    (``named``, at least 1 vote each), most votes first. When more than
    :data:`MAX_EVIDENCE` tie for the last place, the story spans several divisions and only
    those ahead of the tie count."""
    tally = {k: v for k, (v, _) in votes.items()}
    places = {k: p for k, (_, p) in votes.items()}
    for p in named:
        # a division named is worth one vote at least, though a weaker vote counted it
        # already ("Georgia" seven times and "Georgia State" once: not 0.25)
        if tally.get(p.id, 0.0) < 1.0:
            tally[p.id], places[p.id] = 1.0, p
    order = sorted((k for k, v in tally.items() if v >= EVIDENCE_VOTES), key=lambda k: -tally[k])
    if len(order) > MAX_EVIDENCE:
        cut = tally[order[MAX_EVIDENCE]]
        order = [k for k in order if tally[k] > cut]
    return tuple(places[k] for k in order)


def is_strong(place: Place) -> bool:
    """A country, or a first-level division or capital of at least ``STRONG_POP``."""
    return place.kind == "country" or (
        place.kind in _STRONG_KINDS and place.prominence >= STRONG_POP
    )


def is_anchor_name(cands: Sequence[Any]) -> bool:
    """A name is an anchor (resolved without context, then context for the others) when no
    context could change its place: it has one candidate, or every runner-up within
    :data:`ANCHOR_MARGIN` of the best score (scores are log-prominence based: 2.5 is a factor
    of ~300) is a namesake in the same country that overlaps the best one (Beijing the
    capital and Beijing the municipality)."""
    top = cands[0]
    top_score = float(getattr(top, "score", 0.0))
    for other in cands[1:]:
        if top_score - float(getattr(other, "score", 0.0)) >= ANCHOR_MARGIN:
            break
        same_country = other.place.country is not None and other.place.country == top.place.country
        if not (same_country and _overlap(other.place, top.place)):
            return False
    return True


def leading_names(
    toponyms: Sequence[Toponym], ranked: Sequence[Sequence[Any]], anchored: Sequence[bool]
) -> list[tuple[int, str, Place]]:
    """``(start, key, best place)`` of the names that are no anchors but whose best
    candidate leads the runner-up by at least :data:`WEAK_MARGIN` (London, UK before London,
    Ontario), in text order: the context of a text that has no anchor."""
    out = []
    for t, cands, anchor in zip(toponyms, ranked, anchored, strict=True):
        if anchor or not cands:
            continue
        lead = float(getattr(cands[0], "score", 0.0))
        if len(cands) > 1:
            lead -= float(getattr(cands[1], "score", 0.0))
        if lead >= WEAK_MARGIN:
            out.append((t.start, t.key, cands[0].place))
    return out


def other_leaders(
    leaders: Sequence[tuple[int, str, Place]], key: str, pos: int
) -> tuple[Place, ...]:
    """The leaders' places for a name (its own name left out), the nearest to ``pos`` in the
    text first, at most :data:`MAX_NEARBY` distinct places."""
    chosen: dict[str, Place] = {}
    for _, other, place in sorted(leaders, key=lambda lead: abs(lead[0] - pos)):
        if other != key and place.id not in chosen:
            chosen[place.id] = place
            if len(chosen) == MAX_NEARBY:
                break
    return tuple(chosen.values())


def _overlap(a: Place, b: Place) -> bool:
    try:
        return bool(a.geometry.intersects(b.geometry.buffer(0.5)))
    except Exception:  # pragma: no cover - defensive: an invalid geometry
        return False


#: Context resolutions remembered across texts (the cache is emptied when full).
CONTEXT_CACHE = 50_000


#: Kinds of place the home division re-picks among namesakes ("Decatur", "Boone County").
HOME_KINDS = frozenset({"city", "capital", "town", "county"})
#: Kinds of place with no namesake that vote for their division: not a national capital,
#: which news everywhere names ("Washington, D.C." says nothing of a story's state).
VOTING_KINDS = frozenset({"city", "town", "county"})

#: Kinds of place whose location mention gives a same-named organisation mention its place
#: ("Concord" … "the Concord Police"): not a country, division or capital, which an
#: organisation's name may mean apart from the place ("Georgia" the country, and "the
#: University of Georgia").
SENSE_KINDS = frozenset({"city", "town", "county"})
