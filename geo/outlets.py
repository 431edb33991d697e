"""An outlet's home region, learned from its articles: evidence for namesakes.

A reader of a local paper knows where it is published: "Alexandria" in the Town Talk is
Alexandria, Louisiana, though the story never names Louisiana. A batch of articles holds the
same knowledge. Each article whose own text gives first-level division evidence (a dateline,
a qualified name, a division named alone, a town or county with no namesake elsewhere:
:meth:`geo.recognize.Recognizer.resolve_article`) casts one **ballot**: its votes as shares
that sum to one. An outlet's **prior** for one of its articles is the division that holds at
least :data:`PRIOR_SHARE` of the ballots of its *other* articles (never the article's own:
leave one out) and is the top division of at least :data:`PRIOR_MIN_ARTICLES` of them. An
outlet whose archive is spread over many divisions (a national paper) has none.

The prior is used only in articles without a home division of their own that name or vote
for no division, or for the prior among others (:func:`prior_fits`): it is their home, and an
unqualified town, city or county named there takes its namesake in that division (the rule
of the article's own home, docs/gazetteer.md, *The article's divisions*). An article naming
its own state keeps it. A vote against the prior by a town that has no namesake in the main
index but a small town of its name in the prior's division ("Williston" in a Florida paper)
counts for nothing there. An article with no home of its own that names other divisions
keeps them, and the prior is evidence beside them for each name with no namesake in any of
them ("Manhattan" in a Kansas paper's story naming Oklahoma).

An outlet with no home division may still have a home **country**: each article whose
located places lie mostly in one country casts that country (:func:`article_country`), and
the country that at least :data:`COUNTRY_SHARE` of the outlet's other articles cast, at
least :data:`COUNTRY_MIN_ARTICLES` of them, is the prior (its id, ``iso:<code>``). It is the
home only of an article that names or votes for no division at all: an unqualified town,
city or county of the article placed in another country, where the article names no other
place of that country, takes its namesake in the home country ("Athens" in a stateless
story of a Texas paper whose other stories name no state is no longer Greece's).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "COUNTRY_MIN_ARTICLES",
    "COUNTRY_PREFIX",
    "COUNTRY_SHARE",
    "PRIOR_MIN_ARTICLES",
    "PRIOR_SHARE",
    "OutletPriors",
    "article_country",
    "ballot",
    "home_place",
    "needs_prior",
    "outlet_key",
    "prior_fits",
]

#: The top division must hold at least this share of the ballots of the outlet's other
#: articles (ballots with division evidence; each sums to one).
PRIOR_SHARE = 0.5
#: ...and be the top division of at least this many of those other articles.
PRIOR_MIN_ARTICLES = 2
#: An outlet's home country: the country cast by at least this share of its other articles
#: that cast one...
COUNTRY_SHARE = 0.6
#: ...and by at least this many of them.
COUNTRY_MIN_ARTICLES = 2
#: The id prefix of a country place (``iso:US``): a prior with it is a home country.
COUNTRY_PREFIX = "iso:"


def outlet_key(outlet: str | None) -> str | None:
    """The key articles of one outlet share: the outlet's name or host in lower case, without
    a leading ``www.``; ``None`` for no outlet."""
    if outlet is None:
        return None
    key = " ".join(outlet.split()).lower()
    if key.startswith("www."):
        key = key[4:]
    return key or None


def prior_fits(
    prior: str, evidence: Sequence[str], countries: Sequence[str | None] | None = None
) -> bool:
    """Whether an outlet's home region (division id ``prior``) may be the home of an article
    that has none of its own: the article names or votes for no division (``evidence``, ids,
    :class:`geo.recognize.Resolution`), or the prior is among those it does (it then breaks
    the tie). An article naming only other states keeps them. A home country
    (``iso:<code>``) fits an article whose evidence divisions all lie in it (``countries``,
    their ISO codes; ``None`` when not known yet, as in a batch before resolution: then it
    may fit)."""
    if prior.startswith(COUNTRY_PREFIX):
        code = prior[len(COUNTRY_PREFIX) :]
        return countries is None or all(c == code for c in countries)
    return not evidence or prior in evidence


def article_country(
    countries: Sequence[str | None], votes: Mapping[str | None, float] | None = None
) -> str | None:
    """The country an article casts for its outlet's home country: the country of the
    first-level division it votes for most (``votes``, ISO code → the votes of its best
    division; none on a tie between countries), else the ISO code that more than half of
    its distinct located places (``countries``, one code per place, ``None`` for a place in
    none) lie in, when there are at least two of them; else ``None``."""
    if votes:
        top = max(votes.values())
        best = {c for c, v in votes.items() if v >= top}
        if len(best) == 1:
            return next(iter(best))
        return None
    codes = [c for c in countries if c]
    if len(codes) < 2:
        return None
    top_code = max(set(codes), key=lambda c: (codes.count(c), c))
    return top_code if 2 * codes.count(top_code) > len(countries) else None


def needs_prior(prior: str, movable: Sequence[str]) -> bool:
    """Whether an article must be resolved again with its outlet's home region (division id
    ``prior``, or country ``iso:<code>``): one of the places a home would re-place lies
    elsewhere (``movable``: the ids of their divisions, and their countries as
    ``iso:<code>``, :class:`geo.recognize.Resolution`; an article with a home of its own
    has none). Whether the prior is then its home, or evidence beside the divisions it
    names, :meth:`geo.recognize.Recognizer.resolve_article` decides; otherwise the prior
    changes nothing."""
    country = prior.startswith(COUNTRY_PREFIX)
    return any(d != prior for d in movable if d.startswith(COUNTRY_PREFIX) == country)


def home_place(gazetteer: Any, prior: str | None) -> Any:
    """The place of the prior id ``prior`` (a division, or a country ``iso:<code>``) in
    ``gazetteer``, or ``None`` when there is no prior or the gazetteer has no such place."""
    from gazetteer import GazetteerError

    if prior is None:
        return None
    try:
        return gazetteer.get(prior)
    except GazetteerError:  # an unknown id: no home rather than a failure
        return None


def ballot(votes: Mapping[str, float]) -> dict[str, float]:
    """An article's ballot: its division ``votes`` (id → votes) as shares summing to one;
    empty when it has none."""
    total = sum(v for v in votes.values() if v > 0)
    if total <= 0:
        return {}
    return {k: v / total for k, v in votes.items() if v > 0}


@dataclass(slots=True)
class OutletPriors:
    """The ballots of a batch of articles, by outlet; :meth:`prior` answers for one article
    with its own ballot left out."""

    _ballots: dict[Hashable, tuple[str, dict[str, float]]] = field(default_factory=dict)
    _shares: dict[str, dict[str, float]] = field(default_factory=dict)
    _tops: dict[str, dict[str, int]] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _countries: dict[Hashable, tuple[str, str]] = field(default_factory=dict)
    _country_counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(
        self,
        article: Hashable,
        outlet: str | None,
        votes: Mapping[str, float],
        country: str | None = None,
    ) -> None:
        """Record the ballot of ``article`` (any key unique in the batch) of ``outlet`` from
        its division ``votes`` (id → votes), and the ``country`` it casts
        (:func:`article_country`); an article without an outlet, or already recorded, adds
        nothing, nor do empty votes or no country."""
        key = outlet_key(outlet)
        if key is not None and country and article not in self._countries:
            self._countries[article] = (key, country)
            counts = self._country_counts.setdefault(key, {})
            counts[country] = counts.get(country, 0) + 1
        cast = ballot(votes)
        if key is None or not cast or article in self._ballots:
            return
        self._ballots[article] = (key, cast)
        shares = self._shares.setdefault(key, {})
        for division, share in cast.items():
            shares[division] = shares.get(division, 0.0) + share
        tops = self._tops.setdefault(key, {})
        top = _top(cast)
        if top is not None:
            tops[top] = tops.get(top, 0) + 1
        self._counts[key] = self._counts.get(key, 0) + 1

    def prior(self, article: Hashable, outlet: str | None) -> str | None:
        """The id of the division ``outlet`` is at home in, from the ballots of its articles
        other than ``article``; else the id of its home country (``iso:<code>``, from the
        countries they cast); else ``None`` (no outlet, too few ballots, or none clearly
        ahead)."""
        key = outlet_key(outlet)
        if key is None:
            return None
        if key not in self._counts:
            return self._country(article, key)
        shares = self._others_shares(article, key)
        tops = dict(self._tops[key])
        count = self._counts[key]
        own = self._own_ballot(article, key)
        if own is not None:  # leave the article's own ballot out
            count -= 1
            top = _top(own)
            if top is not None:
                tops[top] -= 1
        if count >= PRIOR_MIN_ARTICLES:
            best = max(shares, key=lambda d: (shares[d], d))
            if shares[best] >= PRIOR_SHARE * count - 1e-9 and tops.get(best, 0) >= (
                PRIOR_MIN_ARTICLES
            ):
                return best
        return self._country(article, key)

    def shares(self, article: Hashable, outlet: str | None) -> dict[str, float]:
        """The shares of the ballots of ``outlet``'s articles other than ``article``, by
        division id (empty for no outlet or no other ballot)."""
        key = outlet_key(outlet)
        if key is None or key not in self._shares:
            return {}
        shares = self._others_shares(article, key)
        return {d: s for d, s in shares.items() if s > 1e-9}

    def _own_ballot(self, article: Hashable, key: str) -> Mapping[str, float] | None:
        """The ballot of ``article`` when it is one of outlet ``key``'s, else ``None``."""
        own = self._ballots.get(article)
        return own[1] if own is not None and own[0] == key else None

    def _others_shares(self, article: Hashable, key: str) -> dict[str, float]:
        """The shares of the ballots of outlet ``key``'s articles, ``article``'s own ballot
        left out (a division only it voted for stays, at about zero)."""
        shares = dict(self._shares.get(key, {}))
        own = self._own_ballot(article, key)
        for division, share in (own or {}).items():
            shares[division] -= share
        return shares

    def _country(self, article: Hashable, key: str) -> str | None:
        """The home country of outlet ``key`` for ``article`` (``iso:<code>``), from the
        countries its other articles cast, or ``None``."""
        counts = dict(self._country_counts.get(key, {}))
        own = self._countries.get(article)
        if own is not None and own[0] == key:  # leave the article's own country out
            counts[own[1]] -= 1
        total = sum(counts.values())
        if not total:
            return None
        best = max(counts, key=lambda c: (counts[c], c))
        if counts[best] < COUNTRY_MIN_ARTICLES or counts[best] < COUNTRY_SHARE * total - 1e-9:
            return None
        return COUNTRY_PREFIX + best


def _top(cast: Mapping[str, float]) -> str | None:
    """The division with the largest share of a ballot, ``None`` on a tie."""
    order = sorted(cast.items(), key=lambda kv: -kv[1])
    if len(order) > 1 and order[1][1] >= order[0][1]:
        return None
    return order[0][0] if order else None
