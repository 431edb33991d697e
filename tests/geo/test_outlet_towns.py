"""The town an outlet's name names, as evidence for its home division (geo/outlet_towns.py;
docs/gazetteer.md, *The outlet's home region*). Sentences and outlets are invented."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer, Place
from geo import Article, extract
from geo.geoparse import geoparse, geoparse_batch
from geo.outlet_towns import SquashedKeys, outlet_town_key, town_prior

DAY = date(2024, 5, 6)
STATELESS = "Police in Springfield arrested a man after a break-in at a hardware store."
#: Two stories of one paper: one in Massachusetts, one in Texas. Neither division tops two of
#: its articles, so the ballots alone give the paper no home division.
SPLIT = [
    "The council of Worcester, Massachusetts, approved a new school budget on Monday.",
    "AMARILLO, Texas - A bridge over the canal will close for repairs next month.",
]
SQUASHED = {
    "athens": "athens",
    "lancaster": "lancaster",
    "lasvegas": "las vegas",
    "dail": "dail",
    "lansing": "lansing",
    "lansings": "lansings",
    "amarillo": "amarillo",
}


def _division(gaz: Gazetteer, name: str) -> Place:
    return next(c.place for c in gaz.candidates(name) if c.place.kind == "admin1")


def _springfield(mentions: list) -> Place:
    return next(m.place for m in mentions if m.text == "Springfield")


def _in(place: Place, division: Place) -> bool:
    return bool(division.geometry.intersects(place.geometry.representative_point()))


def test_the_outlets_name_opens_with_the_longest_town_name() -> None:
    assert outlet_town_key("athensreview.com", SQUASHED) == "athens"
    assert outlet_town_key("www.TheLancasterCitizen.co.uk", SQUASHED) == "lancaster"
    assert outlet_town_key("lasvegassun.com", SQUASHED) == "las vegas"


def test_an_outlet_name_with_no_town_at_its_start_names_none() -> None:
    # counter-examples: a town inside the name, or none, is no evidence
    assert outlet_town_key("dailyathens.com", SQUASHED) is None
    assert outlet_town_key("example-ledger.com", SQUASHED) is None
    assert outlet_town_key(None, SQUASHED) is None


def test_the_rest_of_the_name_must_read_as_a_newspapers_name() -> None:
    # the town is followed by nothing or by a masthead word ("Daily News", "State Journal")
    assert outlet_town_key("amarillo.com", SQUASHED) == "amarillo"
    assert outlet_town_key("lansingstatejournal.com", SQUASHED) == "lansing"
    assert outlet_town_key("www.athensdailynews.com", SQUASHED) == "athens"
    # counter-examples: a short name that only begins a word ("Daily Jeff", not "Dail")
    assert outlet_town_key("daily-jeff.com", SQUASHED) is None
    assert outlet_town_key("athensfoods.com", SQUASHED) is None


def test_the_division_voted_for_that_holds_the_town_is_the_prior(gaz: Gazetteer) -> None:
    texas, hawaii = _division(gaz, "Texas"), _division(gaz, "Hawaii")
    # Hawaii has more of the ballots but no Athens: the paper's Athens is in Texas
    assert town_prior(gaz, "athensreview.com", {texas.id: 0.4, hawaii.id: 1.0}) == texas.id


def test_no_town_prior_without_a_namesake_in_a_voted_division(gaz: Gazetteer) -> None:
    # counter-example: the other stories vote only for a division with no Athens
    hawaii = _division(gaz, "Hawaii")
    assert town_prior(gaz, "athensreview.com", {hawaii.id: 1.0}) is None
    assert town_prior(gaz, "athensreview.com", {}) is None


def test_no_town_prior_when_two_voted_divisions_hold_the_town_equally(gaz: Gazetteer) -> None:
    # counter-example: a Springfield in each of two divisions with the same share
    ma, oregon = _division(gaz, "Massachusetts"), _division(gaz, "Oregon")
    assert town_prior(gaz, "springfieldledger.com", {ma.id: 1.0, oregon.id: 1.0}) is None


def test_a_stateless_story_takes_the_namesake_of_the_outlets_town(gaz: Gazetteer) -> None:
    ma = _division(gaz, "Massachusetts")
    alone = _springfield(geoparse(STATELESS, DAY))
    assert not _in(alone, ma)
    batch = geoparse_batch([(t, DAY, "springfieldledger.com") for t in [*SPLIT, STATELESS]])
    assert _in(_springfield(batch[-1]), ma)


def test_an_outlet_whose_name_names_no_town_keeps_the_prominent_namesake() -> None:
    # counter-example: the same stories in a paper whose name names no town
    batch = geoparse_batch([(t, DAY, "example-ledger.com") for t in [*SPLIT, STATELESS]])
    assert _springfield(batch[-1]) == _springfield(geoparse(STATELESS, DAY))


def test_the_tables_of_extract_use_the_outlets_town(gaz: Gazetteer) -> None:
    articles = [
        Article(id=f"a{n}", text=t, published=DAY, outlet="springfieldledger.com")
        for n, t in enumerate([*SPLIT, STATELESS])
    ]
    mentions = extract(articles, gazetteer=gaz).mentions
    row = mentions[(mentions["article"] == "a2") & (mentions["text"] == "Springfield")]
    assert len(row) == 1
    point = row.geometry.iloc[0].representative_point()
    assert _division(gaz, "Massachusetts").geometry.intersects(point)


def _full_table(keys: list[str]) -> dict[str, str]:
    """The table SquashedKeys stands for, built the plain way: every key of letters in words
    of three or more, without its spaces; a one-word key over one of several words."""
    table: dict[str, str] = {}
    for key in keys:
        words = key.split(" ")
        if not all(w.isascii() and w.isalpha() and w.islower() for w in words):
            continue
        if any(len(w) < 3 for w in words):
            continue
        squashed = key.replace(" ", "")
        if squashed not in table or len(words) == 1:
            table[squashed] = key
    return table


def test_squashed_keys_answer_as_the_full_table() -> None:
    keys = [
        "middle town",
        "middletown",
        "las vegas",
        "lasve gas",
        "new port",
        "newp ort",
        "da il",
        "athens2",
        "st  ives",
        "san josé",
        "Upper",
        "ajo",
        "el paso",
    ]
    squashed = SquashedKeys(keys)
    table = _full_table(keys)
    probes = {*table, "middletown", "lasvegas", "newport", "dail", "stives", "elpaso", "zzz"}
    assert {p: squashed.get(p) for p in probes} == {p: table.get(p) for p in probes}
    assert squashed.get("middletown") == "middletown"  # the one-word key, listed second
    assert squashed.get("lasvegas") == "las vegas"  # the first listed of two
    assert squashed.get("elpaso") is None  # "el" is too short a word
