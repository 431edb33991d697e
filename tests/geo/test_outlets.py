"""An outlet's home region, learned from its other articles, as evidence for namesakes
(geo/outlets.py; docs/gazetteer.md, *The outlet's home region*). Sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from geo import Article, extract
from geo.geoparse import analyze, geoparse, geoparse_batch
from geo.outlets import (
    COUNTRY_MIN_ARTICLES,
    PRIOR_MIN_ARTICLES,
    OutletPriors,
    article_country,
    ballot,
    needs_prior,
    outlet_key,
    prior_fits,
)

DAY = date(2024, 5, 6)
STATELESS = "Police in Springfield arrested a man after a break-in at a hardware store."
#: Articles of a paper at home in Massachusetts: each names the state (a qualifier, or a
#: dateline abbreviation) and nothing else
AT_HOME = [
    "The council of Worcester, Massachusetts, approved a new school budget on Monday.",
    "LOWELL, Mass. - A bridge over the canal will close for repairs next month.",
    "Lawmakers in Boston, Massachusetts, debated a bill on housing on Tuesday.",
]


def _springfield(mentions: list) -> object:
    return next(m.place for m in mentions if m.text == "Springfield")


def _in_massachusetts(place: object) -> bool:
    return _in_massachusetts_point(place.geometry.representative_point())  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------------
# The prior


def test_an_outlet_whose_articles_agree_has_their_division_as_prior() -> None:
    priors = OutletPriors()
    for n in range(PRIOR_MIN_ARTICLES):
        priors.add(n, "www.Example-Ledger.com", {"ma": 2.0})
    priors.add("x", "example-ledger.com", {})  # an article with no evidence casts nothing
    assert priors.prior("x", "example-ledger.com") == "ma"
    assert priors.prior("x", "another-paper.com") is None
    assert priors.prior("x", None) is None


def test_an_article_never_counts_in_its_own_prior() -> None:
    # leave one out: with its own ballot the outlet would have enough; without, it has not
    priors = OutletPriors()
    for n in range(PRIOR_MIN_ARTICLES):
        priors.add(n, "paper", {"ma": 1.0})
    assert priors.prior(0, "paper") is None
    assert priors.prior("new", "paper") == "ma"


def test_an_outlet_spread_over_many_divisions_has_no_prior() -> None:
    # counter-example: a national paper, each story in another state
    priors = OutletPriors()
    for n, division in enumerate(["oh", "tx", "or", "ga", "ma", "oh"]):
        priors.add(n, "national", {division: 1.0})
    assert priors.prior("x", "national") is None


def test_a_ballot_is_the_articles_votes_as_shares() -> None:
    assert ballot({"a": 3.0, "b": 1.0}) == {"a": 0.75, "b": 0.25}
    assert ballot({}) == {}
    assert outlet_key(" WWW.Paper.com ") == "paper.com"


def test_an_article_whose_evidence_points_elsewhere_keeps_it() -> None:
    assert prior_fits("ma", ())
    assert prior_fits("ma", ("ma",))
    assert not prior_fits("ma", ("il",))


def test_an_article_is_resolved_again_only_when_the_prior_would_move_a_place() -> None:
    assert needs_prior("ma", ("mo",))
    assert not needs_prior("ma", ("ma",))  # its towns already lie there
    assert not needs_prior("ma", ())  # nothing a home would move (or a home of its own)
    # a home country looks at the places' countries, a division at their divisions
    assert not needs_prior("ma", ("ma", "iso:US"))
    assert not needs_prior("iso:US", ("oh", "iso:US"))  # every place already in it
    assert needs_prior("iso:US", ("oh", "iso:US", "", "iso:GR"))


# ------------------------------------------------------------------------------------------
# Geoparsing a batch


def test_a_namesake_in_a_stateless_story_goes_to_the_outlets_home() -> None:
    alone = _springfield(geoparse(STATELESS, DAY))
    assert not _in_massachusetts(alone)  # without the outlet: the most prominent namesake
    batch = [(t, DAY, "example-ledger.com") for t in [*AT_HOME, STATELESS]]
    mentions = geoparse_batch(batch)
    assert _in_massachusetts(_springfield(mentions[-1]))
    assert analyze(STATELESS, DAY).movable  # the division of the Springfield it placed


def test_a_story_naming_its_own_state_keeps_it() -> None:
    # counter-example: the story names Illinois, so the paper's Massachusetts does not apply
    text = "Police in Springfield arrested a man, the Illinois State Police said Monday."
    batch = [(t, DAY, "example-ledger.com") for t in [*AT_HOME, text]]
    place = _springfield(geoparse_batch(batch)[-1])
    assert not _in_massachusetts(place)
    assert place == _springfield(geoparse(text, DAY))


def test_without_outlets_a_batch_is_each_text_alone() -> None:
    texts = [*AT_HOME, STATELESS]
    batch = geoparse_batch([(t, DAY, None) for t in texts])
    assert [[m.place.id for m in ms] for ms in batch] == [
        [m.place.id for m in geoparse(t, DAY)] for t in texts
    ]


def test_a_spread_outlet_gives_no_prior_in_a_batch() -> None:
    # counter-example: the paper's stories are in three states, none of them a majority
    spread = [
        "The council of Dayton, Ohio, approved a new school budget on Monday.",
        "AMARILLO, Texas - A bridge over the canal will close for repairs next month.",
        "Lawmakers in Salem, Oregon, debated a bill on housing on Tuesday.",
    ]
    batch = geoparse_batch([(t, DAY, "national.com") for t in [*spread, STATELESS]])
    assert _springfield(batch[-1]) == _springfield(geoparse(STATELESS, DAY))


@pytest.mark.parametrize("order", [1, -1])
def test_the_tables_of_extract_use_the_outlets_home(order: int) -> None:
    texts = [*AT_HOME, STATELESS]
    articles = [
        Article(id=f"a{n}", text=t, published=DAY, outlet="Example Ledger")
        for n, t in enumerate(texts)
    ][::order]
    mentions = extract(articles).mentions
    row = mentions[(mentions["article"] == "a3") & (mentions["text"] == "Springfield")]
    assert len(row) == 1
    assert _in_massachusetts_point(row.geometry.iloc[0].representative_point())


@pytest.mark.slow
def test_workers_give_the_tables_of_one_process_with_outlet_priors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    import geo.parallel
    from geo.parallel import GazetteerSpec, extract_parallel
    from geo.pipeline import write_table

    monkeypatch.setattr(geo.parallel, "PARTITION_ARTICLES", 2)  # the prior crosses tasks
    articles = [
        Article(id=f"a{n}", text=t, published=DAY, outlet="Example Ledger")
        for n, t in enumerate([*AT_HOME, STATELESS])
    ]
    one = extract(articles)
    many = extract_parallel(articles, GazetteerSpec(), workers=1)
    assert write_table(many.mentions, "geojson") == write_table(one.mentions, "geojson")
    assert write_table(many.events, "geojson") == write_table(one.events, "geojson")
    springfield = many.mentions[many.mentions["text"] == "Springfield"]
    assert _in_massachusetts_point(springfield.geometry.iloc[0].representative_point())


def _in_massachusetts_point(point: object) -> bool:
    return -73.6 < point.x < -69.8 and 41.2 < point.y < 42.9  # type: ignore[attr-defined]


#: Articles of a paper at home in Texas (invented)
IN_TEXAS = [
    "The council of Tyler, Texas, approved a new school budget on Monday.",
    "AMARILLO, Texas - A bridge over the canal will close for repairs next month.",
    "Lawmakers in Austin, Texas, debated a bill on water rights on Tuesday.",
]


def test_a_foreign_capital_in_a_stateless_story_goes_to_the_outlets_namesake() -> None:
    text = "The council in Paris approved a budget for the fire station on Monday."
    assert geoparse(text, DAY)[0].place.country == "FR"
    batch = geoparse_batch([(t, DAY, "example-news.com") for t in [*IN_TEXAS, text]])
    place = next(m.place for m in batch[-1] if m.text == "Paris")
    assert place.country == "US"


def test_the_outlets_home_never_moves_its_own_countrys_capital() -> None:
    # counter-example: "Washington" in a Georgia paper's story that names no state stays
    # the capital, though a town of the name lies in Georgia
    in_georgia = [
        "The council of Macon, Georgia, approved a new school budget on Monday.",
        "VALDOSTA, Ga. - A bridge over the canal will close for repairs next month.",
        "Lawmakers in Savannah, Georgia, debated a bill on water rights on Tuesday.",
    ]
    text = "Officials in Washington approved the grant for the fire station on Monday."
    alone = next(m.place for m in geoparse(text, DAY) if m.text == "Washington")
    assert alone.kind == "capital"
    batch = geoparse_batch([(t, DAY, "example-news.com") for t in [*in_georgia, text]])
    # (without the rule the Georgia town is taken: this assertion fails)
    assert next(m.place for m in batch[-1] if m.text == "Washington") == alone


# ------------------------------------------------------------------------------------------
# The outlet's home country (no home division)

#: Articles of a paper in England whose stories name towns and no division: no home
#: division, but every one is in the United Kingdom (invented)
IN_ENGLAND = [
    "Shoppers in Manchester and Liverpool queued for the sales on Tuesday.",
    "Trains between Birmingham and Coventry were cancelled after a signal fault.",
    "Shoppers in Manchester and Coventry queued in the rain on Saturday.",
]


def test_an_article_casts_the_country_most_of_its_places_lie_in() -> None:
    assert article_country(["US", "US", None]) == "US"
    assert article_country(["US"]) is None  # one place is no ballot
    assert article_country(["US", "GB"]) is None  # no majority
    assert article_country([None, None]) is None
    # a division it votes for comes first: its country, whatever the places say
    assert article_country(["FR"], {"US": 3.0}) == "US"
    assert article_country(["US", "US"], {"CA": 1.0, "US": 1.0}) is None  # a tie


def test_an_outlet_without_a_home_division_may_have_a_home_country() -> None:
    priors = OutletPriors()
    for n in range(COUNTRY_MIN_ARTICLES):
        priors.add(n, "citizen", {}, "GB")
    assert priors.prior("x", "citizen") == "iso:GB"
    assert priors.prior(0, "citizen") is None  # leave one out: too few
    # a division prior comes first
    for n in range(PRIOR_MIN_ARTICLES):
        priors.add(f"d{n}", "citizen", {"eng": 1.0}, "GB")
    assert priors.prior("x", "citizen") == "eng"


def test_an_outlet_spread_over_countries_has_no_home_country() -> None:
    # counter-example: an international paper, its stories in several countries
    priors = OutletPriors()
    for n, country in enumerate(["US", "GB", "US", "CA", "FR", "US"]):
        priors.add(n, "world", {}, country)
    assert priors.prior("x", "world") is None


def test_a_home_country_fits_an_article_whose_divisions_lie_in_it() -> None:
    assert prior_fits("iso:GB", ())
    assert prior_fits("iso:GB", ("eng",), ["GB"])
    assert not prior_fits("iso:GB", ("oh",), ["US"])
    assert prior_fits("iso:GB", ("oh",))  # before resolution the countries are not known


def test_a_foreign_namesake_goes_to_the_outlets_home_country() -> None:
    text = "A man from Lancaster was fined for dumping rubbish near the railway station."
    assert geoparse(text, DAY)[0].place.country != "GB"
    for t in IN_ENGLAND:
        assert not analyze(t, DAY).evidence  # no division: the division prior cannot help
    batch = geoparse_batch([(t, DAY, "example-citizen.co.uk") for t in [*IN_ENGLAND, text]])
    assert batch[-1][0].place.country == "GB"


def test_a_foreign_place_stays_when_the_story_names_its_country_otherwise() -> None:
    # counter-examples: another place of the country, or its demonym, keeps it abroad
    for text in [
        "Ministers met in Athens and Thessaloniki to discuss the budget on Monday.",
        "Greek officials in Athens approved a budget for the new metro line on Monday.",
    ]:
        alone = next(m.place for m in geoparse(text, DAY) if m.text == "Athens")
        assert alone.country == "GR"
        for outlet_texts in (IN_TEXAS, IN_ENGLAND):
            batch = geoparse_batch([(t, DAY, "example-review.com") for t in [*outlet_texts, text]])
            assert next(m.place for m in batch[-1] if m.text == "Athens") == alone


def test_a_foreign_capital_moves_to_the_home_countrys_namesake() -> None:
    text = "The council in Athens approved a budget for the fire station on Monday."
    assert geoparse(text, DAY)[0].place.country == "GR"
    in_the_us = [
        "Firefighters in Dallas and Boston battled blazes at two warehouses on Monday.",
        "Voters in Chicago and Denver approved new school bonds on Tuesday.",
        "Storms knocked out power in Atlanta and Seattle overnight.",
    ]
    for t in in_the_us:
        assert analyze(t, DAY).country == "US"
    batch = geoparse_batch([(t, DAY, "example-review.com") for t in [*in_the_us, text]])
    assert batch[-1][0].place.country == "US"


# ------------------------------------------------------------------------------------------
# Doubtful votes: a town with no namesake in the main index but a small town of its name at
# the outlet's home


#: Articles of a paper at home in Florida
AT_HOME_FL = [
    "The council of Ocala, Florida, approved a new school budget on Monday.",
    "TAMPA, Fla. - A bridge over the canal will close for repairs next month.",
    "Lawmakers in Tallahassee, Florida, debated a bill on housing on Tuesday.",
]
WILLISTON = "Crews in Williston repaired a water main, and Williston residents must boil water."


def _williston(mentions: list) -> object:
    return next(m.place for m in mentions if m.text == "Williston")


def _in_florida(place: object) -> bool:
    point = place.geometry.representative_point()  # type: ignore[attr-defined]
    return -88.0 < point.x < -79.8 and 24.3 < point.y < 31.1


def test_a_town_voting_for_another_state_moves_to_its_namesake_at_the_outlets_home() -> None:
    alone = _williston(geoparse(WILLISTON, DAY))
    assert not _in_florida(alone)  # its only namesake in the main index votes for its state
    batch = [(t, DAY, "example-sun.com") for t in [*AT_HOME_FL, WILLISTON]]
    assert _in_florida(_williston(geoparse_batch(batch)[-1]))
    # the doubtful vote makes the article's home, yet its places are movable: the batch
    # resolves it again with the prior
    analysis = analyze(WILLISTON, DAY)
    assert analysis.votes and analysis.movable


def test_a_story_naming_the_other_state_keeps_its_town() -> None:
    # counter-example: the state is named, a vote no namesake at home can take away
    text = "Crews in Williston repaired a water main, North Dakota officials said."
    batch = [(t, DAY, "example-sun.com") for t in [*AT_HOME_FL, text]]
    place = _williston(geoparse_batch(batch)[-1])
    assert not _in_florida(place)
    assert place == _williston(geoparse(text, DAY))


def test_a_town_with_no_namesake_at_home_still_votes_for_its_state() -> None:
    # counter-example: Bismarck has no Florida namesake, so its vote for North Dakota holds
    text = "Crews drove from Bismarck to Williston to repair a water main on Tuesday."
    batch = [(t, DAY, "example-sun.com") for t in [*AT_HOME_FL, text]]
    assert not _in_florida(_williston(geoparse_batch(batch)[-1]))


# ------------------------------------------------------------------------------------------
# The outlet's home beside the divisions an article names


#: Articles of a paper at home in Kansas
AT_HOME_KS = [
    "The council of Topeka, Kansas, approved a new school budget on Monday.",
    "WICHITA, Kan. - A bridge over the canal will close for repairs next month.",
    "Lawmakers in Lawrence, Kansas, debated a bill on housing on Tuesday.",
]


def _manhattan(mentions: list) -> object:
    return next(m.place for m in mentions if m.text == "Manhattan")


def _in_kansas(place: object) -> bool:
    point = place.geometry.representative_point()  # type: ignore[attr-defined]
    return -102.1 < point.x < -94.6 and 37.0 < point.y < 40.0


def test_the_outlets_home_is_evidence_beside_another_division_the_story_names() -> None:
    text = "Police in Manhattan arrested a man who had fled from Oklahoma on Monday."
    assert not _in_kansas(_manhattan(geoparse(text, DAY)))
    batch = [(t, DAY, "example-mercury.com") for t in [*AT_HOME_KS, text]]
    assert _in_kansas(_manhattan(geoparse_batch(batch)[-1]))


def test_a_name_with_a_namesake_in_the_named_division_keeps_it() -> None:
    # counter-example: Illinois, named once, holds a Springfield; the paper's home is no
    # evidence for this name
    text = "Police in Springfield arrested a man who had fled from Illinois on Monday."
    batch = [(t, DAY, "example-ledger.com") for t in [*AT_HOME, text]]
    place = _springfield(geoparse_batch(batch)[-1])
    assert not _in_massachusetts(place)
    assert place == _springfield(geoparse(text, DAY))


def test_an_article_with_a_home_of_its_own_takes_no_evidence_from_the_outlet() -> None:
    # counter-example: the story is at home in Texas (two qualified names)
    text = "Officials in Dallas, Texas, and Austin, Texas, said a man from Manhattan was held."
    batch = [(t, DAY, "example-mercury.com") for t in [*AT_HOME_KS, text]]
    place = _manhattan(geoparse_batch(batch)[-1])
    assert not _in_kansas(place)
    assert place == _manhattan(geoparse(text, DAY))
