"""Results packed for the trip from a worker to the client (geo/transfer.py): a gazetteer's
own place travels as its id when both ends load the same gazetteer, any other place whole."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import date

from shapely.geometry import Point

from gazetteer import Gazetteer
from geo import Article
from geo.extraction import extract_article
from geo.transfer import pack, unpack


def test_a_gazetteer_place_travels_as_its_id(gaz: Gazetteer) -> None:
    country = gaz.resolve("Brazil")
    assert country is not None and country.kind == "country"
    data = pack([country, country], gaz, gaz.fingerprint())
    assert len(data) < len(pickle.dumps(country)) / 10  # no outline on the way
    back = unpack(data, gaz)
    assert back[0] is country and back[1] is country  # the client's own object


def test_a_derived_area_travels_whole(gaz: Gazetteer) -> None:
    area = gaz.resolve("northern Kano State")
    assert area is not None and area.kind == "derived"
    back = unpack(pack(area, gaz, gaz.fingerprint()), gaz)
    assert back == area
    assert back.geometry.equals(area.geometry)
    assert back.derivation == area.derivation


def test_a_place_that_is_not_the_gazetteers_own_object_travels_whole(gaz: Gazetteer) -> None:
    # same id, another shape (an online place, a user's edit): its own outline comes back
    city = gaz.resolve("Lyon")
    assert city is not None
    moved = replace(city, geometry=Point(10.0, 10.0))
    back = unpack(pack(moved, gaz, gaz.fingerprint()), gaz)
    assert back is not city
    assert back.geometry.equals(Point(10.0, 10.0))


def test_a_client_with_another_gazetteer_gets_every_place_whole(gaz: Gazetteer) -> None:
    country = gaz.resolve("Brazil")
    data = pack(country, gaz, "the fingerprint of another gazetteer")
    back = pickle.loads(data)  # plain pickle: no id to look up
    assert back == country and back.geometry.equals(country.geometry)
    assert pickle.loads(pack(country, gaz, None)) == country


def test_an_articles_result_comes_back_equal_and_smaller(gaz: Gazetteer) -> None:
    article = Article(
        "a1",
        "Floods swept through Nairobi on Monday, killing 12 people, Kenyan officials said. "
        "Rescue teams from Uganda arrived in the northern Kenyan town of Marsabit on Tuesday.",
        published=date(2024, 5, 8),
    )
    result = extract_article(article, gaz)
    assert result.reports and result.places
    data = pack([result], gaz, gaz.fingerprint())
    assert len(data) < len(pickle.dumps([result]))
    back = unpack(data, gaz)[0]
    assert back.reports == result.reports
    assert back.mentions == result.mentions
    assert back.problems == result.problems
    assert [p.id for p in back.places] == [p.id for p in result.places]
    for ours, theirs in zip(back.places, result.places, strict=True):
        assert ours.geometry.equals(theirs.geometry)
