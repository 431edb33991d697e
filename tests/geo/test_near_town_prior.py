"""Which namesake of the outlet's town a story is from, told by the story's own towns
(geo/outlet_towns.py, ``near_town_prior``; docs/gazetteer.md, *The outlet's town, from one
article*). Sentences and outlets are invented."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer, Place
from geo import Article, extract
from geo.geoparse import geoparse_batch
from geo.outlet_towns import near_town_prior

DAY = date(2024, 5, 6)
#: A county of that name lies in several states (New Mexico's is the most prominent), one
#: of them beside Columbus, Nebraska.
ROLLOVER = "A driver was hurt when his pickup rolled over on a gravel road in Colfax County."


def _division(gaz: Gazetteer, name: str) -> Place:
    return next(c.place for c in gaz.candidates(name) if c.place.kind == "admin1")


def _county(mentions: list) -> Place:
    return next(m.place for m in mentions if m.text.startswith("Colfax County"))


def _in(place: Place, division: Place) -> bool:
    return bool(division.geometry.intersects(place.geometry.representative_point()))


def test_the_namesake_of_the_outlets_town_near_the_storys_towns_is_the_prior(
    gaz: Gazetteer,
) -> None:
    # Colfax County borders Columbus, Nebraska, and no other Columbus
    found = near_town_prior(gaz, "columbustelegram.com", ["Colfax County"])
    assert found == _division(gaz, "Nebraska").id
    # Chicopee lies beside Springfield, Massachusetts
    found = near_town_prior(gaz, "springfieldledger.com", ["Chicopee"])
    assert found == _division(gaz, "Massachusetts").id


def test_no_prior_when_the_storys_towns_lie_beside_two_namesakes(gaz: Gazetteer) -> None:
    # counter-example: a Chatham lies beside the Springfields of Illinois and New Jersey
    assert near_town_prior(gaz, "springfieldledger.com", ["Chatham"]) is None
    assert near_town_prior(gaz, "springfieldledger.com", ["Chicopee", "Chatham"]) is None


def test_a_town_across_the_state_line_is_no_evidence_for_the_hosts_state(
    gaz: Gazetteer,
) -> None:
    # counter-example: Gary lies within 40 km of Chicago, but in Indiana
    assert near_town_prior(gaz, "chicagotribune.com", ["Gary"]) is None
    found = near_town_prior(gaz, "chicagotribune.com", ["Gary", "Evanston"])
    assert found == _division(gaz, "Illinois").id


def test_a_paper_named_after_its_division_counts_the_towns_in_it(gaz: Gazetteer) -> None:
    # "Essex" names an English county as well as towns in Ontario and the United States
    essex = next(c.place for c in gaz.candidates("Essex") if c.place.kind == "admin1")
    assert near_town_prior(gaz, "www.essexlive.news", ["Chelmsford"]) == essex.id
    # counter-example: a Colchester lies in Essex and another beside Essex, Ontario
    assert near_town_prior(gaz, "www.essexlive.news", ["Colchester"]) is None


def test_no_prior_when_no_town_of_the_story_lies_near_one(gaz: Gazetteer) -> None:
    # counter-examples: a far city, no towns, an outlet whose name names no town, and a
    # home country (from the web address) that holds no namesake near the towns
    assert near_town_prior(gaz, "springfieldledger.com", ["Tokyo"]) is None
    assert near_town_prior(gaz, "springfieldledger.com", []) is None
    assert near_town_prior(gaz, "example-ledger.com", ["Colfax County"]) is None
    assert near_town_prior(gaz, "columbustelegram.com", ["Colfax County"], "GB") is None


def test_a_story_alone_takes_the_namesake_beside_the_outlets_town(gaz: Gazetteer) -> None:
    nebraska = _division(gaz, "Nebraska")
    alone = geoparse_batch([(ROLLOVER, DAY, "columbustelegram.com")])[0]
    assert _in(_county(alone), nebraska)
    # counter-example: the same story in a paper whose name names no town
    other = geoparse_batch([(ROLLOVER, DAY, "example-ledger.com")])[0]
    assert not _in(_county(other), nebraska)


def test_a_story_naming_its_own_state_keeps_it(gaz: Gazetteer) -> None:
    # counter-example: the text says New Mexico; the outlet's town does not move the county
    text = "A driver was hurt on a gravel road in Colfax County, New Mexico, on Sunday."
    mentions = geoparse_batch([(text, DAY, "columbustelegram.com")])[0]
    assert _in(_county(mentions), _division(gaz, "New Mexico"))


def test_the_tables_of_extract_use_the_namesake_beside_the_outlets_town(
    gaz: Gazetteer,
) -> None:
    article = Article(id="a", text=ROLLOVER, published=DAY, outlet="columbustelegram.com")
    mentions = extract([article], gazetteer=gaz).mentions
    row = mentions[mentions["text"] == "Colfax County"]
    assert len(row) == 1
    point = row.geometry.iloc[0].representative_point()
    assert _division(gaz, "Nebraska").geometry.intersects(point)


def test_towns_named_gives_every_city_and_small_town_of_the_own_name(gaz: Gazetteer) -> None:
    towns = gaz.towns_named("Columbus")
    assert len({p.id for p in towns}) == len(towns) > 3
    assert any(_in(p, _division(gaz, "Nebraska")) for p in towns)  # a town of 20,000
    assert all(p.name == "Columbus" for p in towns)
    # counter-example: an alternate name is not the town's own ("Bombay" for Mumbai)
    assert all(p.name == "Bombay" for p in gaz.towns_named("Bombay"))


def test_two_of_the_storys_towns_may_be_asked_for(gaz: Gazetteer) -> None:
    # with least=2 one town beside the outlet's town is not enough; two are
    assert near_town_prior(gaz, "columbustelegram.com", ["Colfax County"], least=2) is None
    found = near_town_prior(
        gaz, "columbustelegram.com", ["Colfax County", "Platte County"], least=2
    )
    assert found == _division(gaz, "Nebraska").id


def test_the_storys_own_pair_outweighs_one_town_beside_the_outlets_town(
    gaz: Gazetteer,
) -> None:
    # Hagerstown and New Castle lie together in Indiana; a Frederick lies beside Maryland's
    # Hagerstown alone: one town near the outlet's town does not move the pair
    text = "Hagerstown advanced to the state meet on Friday. New Castle was third."
    indiana = _division(gaz, "Indiana")
    mentions = geoparse_batch([(text, DAY, "frederickledger.com")])[0]
    assert all(_in(m.place, indiana) for m in mentions)
    # counter-example: a story with no pair of its own takes the outlet's town's namesake
    # beside its one town, as before
    alone = geoparse_batch([(ROLLOVER, DAY, "columbustelegram.com")])[0]
    assert _in(_county(alone), _division(gaz, "Nebraska"))
