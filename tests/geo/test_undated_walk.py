"""The undated walk (geo/undated.py) reads only the dated events that may pass the rule's
tests of type name and story, and finds the same event as the exhaustive walk: the latest
earlier one of the kind and place whose article tells the cluster's story."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from gazetteer import Place
from geo.blocking import place_keys
from geo.compatibility import LABEL_POINT_KM, Divisions, places_compatible
from geo.model import DateRange
from geo.stories import Stories
from geo.undated import _StoryIndex
from tests.geo.test_blocking import _both
from tests.geo.test_merge import TYPES, day, report

REGION = Place("t:r", "Testland", "country", box(10, 10, 12, 12), country="XX")
TOWN = Place("t:c", "Testville", "city", Point(10.5, 10.5), country="XX")
ELSEWHERE = Place("t:o", "Outerton", "city", Point(13.5, 14.5), country="XX")


def _words(stem: str, n: int) -> str:
    """``n`` invented content words, distinct for each stem (no stop word among them)."""
    return " ".join(f"{stem}{chr(97 + k // 26)}{chr(97 + k % 26)}zq" for k in range(n))


def _article(text: str) -> SimpleNamespace:
    return SimpleNamespace(title=None, outlet=None, url=None, published=None, text=text)


def _month(year: int, month: int) -> DateRange:
    return DateRange(date(year, month, 1), date(year, month, 28), "month")


def _invasion(article: str, place: Place, dates: DateRange, kind: str = "invasion") -> object:
    return replace(report(article, place, dates), type=TYPES[kind], quote="Troops crossed.")


def test_the_newest_target_telling_another_story_is_passed_for_an_older_one() -> None:
    # January's and June's invasions of the region; the undated one of October tells
    # January's story, not June's: it joins January, though June is the latest target
    # (the test fails when a walk passes over the signature that tells the story)
    articles = {
        "jan": _article(f"{_words('alpha', 12)} {_words('shared', 6)}"),
        "jun": _article(_words("other", 18)),
        "oct": _article(f"{_words('shared', 6)} {_words('gamma', 12)}"),
    }
    reports = [
        _invasion("jan", REGION, _month(2022, 1)),
        _invasion("jun", REGION, _month(2022, 6)),
        _invasion("oct", TOWN, day("2024-10-14", "unknown")),
    ]
    events = _both(reports, articles)
    assert sorted((e[3].start, e[4]) for e in events) == [
        (date(2022, 1, 1), ("jan", "oct")),
        (date(2022, 6, 1), ("jun",)),
    ]
    # counter-example: when October tells neither story, it joins nothing
    articles["oct"] = _article(_words("gamma", 18))
    assert len(_both(reports, articles)) == 3


def test_a_target_is_found_by_the_story_of_an_article_that_joined_it() -> None:
    # October's undated invasion tells the story of January's article, and joins January;
    # November's tells October's story but not January's: it finds January by October's
    # article (the test fails when a target that grew is not filed under its new story)
    articles = {
        "jan": _article(f"{_words('alpha', 10)} {_words('left', 5)}"),
        "oct": _article(f"{_words('left', 5)} {_words('right', 5)} {_words('beta', 5)}"),
        "nov": _article(f"{_words('right', 5)} {_words('gamma', 10)}"),
    }
    reports = [
        _invasion("jan", REGION, _month(2022, 1)),
        _invasion("oct", TOWN, day("2024-10-14", "unknown")),
        _invasion("nov", TOWN, day("2024-11-20", "unknown")),
    ]
    (event,) = _both(reports, articles)
    assert event[4] == ("jan", "nov", "oct")
    # counter-example: without October, November tells no story of January's
    assert len(_both([reports[0], reports[2]], articles)) == 2


def test_an_undated_cluster_of_another_type_joins_the_event_its_own_article_dates() -> None:
    # one article dates strikes on the region in January, and names an undated attack in
    # the town of the region: the attack is background to the strikes its article dates,
    # whatever its type name (the test fails when a walk does not read the targets of its
    # own article)
    articles = {"jan": _article(_words("alpha", 12)), "oth": _article(_words("other", 12))}
    dated = _invasion("jan", REGION, _month(2022, 1), kind="strike")
    undated = _invasion("jan", TOWN, day("2024-10-14", "unknown"), kind="attack")
    assert TYPES["attack"].group == TYPES["strike"].group
    (event,) = _both([dated, undated], articles)
    assert event[4] == ("jan",)
    # counter-example: from another article telling another story it joins nothing
    assert len(_both([dated, replace(undated, article="oth")], articles)) == 2


def test_a_target_of_the_story_that_does_not_fit_is_passed_for_an_older_one() -> None:
    # two copies of one story date a disaster in the region in the month before, the later
    # ("jun") with a flood; the undated disaster of 14 October, with a fire, tells that
    # story: a fire is never a flood, so it joins the earlier ("jan") (the test fails when a
    # walk reads only the latest target of each story)
    story = _words("alpha", 12)
    articles = {"jan": _article(story), "jun": _article(story), "oct": _article(story)}
    reports = [
        _invasion("jan", REGION, day("2024-09-20"), kind="disaster"),
        _invasion("jun", REGION, day("2024-09-30"), kind="disaster"),
        _invasion("jun", REGION, day("2024-09-30"), kind="flood"),
        _invasion("oct", TOWN, day("2024-10-14", "unknown"), kind="disaster"),
        _invasion("oct", TOWN, day("2024-10-14", "unknown"), kind="fire"),
    ]
    events = _both(reports, articles)
    assert sorted((e[3].start, e[4]) for e in events) == [
        (date(2024, 9, 20), ("jan", "oct")),
        (date(2024, 9, 30), ("jun",)),
    ]
    # counter-example: without the fire, October's disaster is the later one, the latest
    events = _both(reports[:4], articles)
    assert sorted((e[3].start, e[4]) for e in events) == [
        (date(2024, 9, 20), ("jan",)),
        (date(2024, 9, 30), ("jun", "oct")),
    ]


def test_the_walk_reads_no_target_of_a_story_the_cluster_does_not_tell() -> None:
    # what makes the walk bounded: of the targets at compatible places, it reads those of
    # its own articles and of the stories it tells, never the others (however many)
    articles = {
        "old": _article(_words("alpha", 12)),
        "new": _article(_words("other", 12)),
        "own": _article(_words("gamma", 12)),
        "undated": _article(_words("alpha", 12)),
    }
    dated = [
        _invasion("old", REGION, _month(2022, 1), kind="disaster"),
        *(_invasion("new", REGION, _month(2022, m), kind="disaster") for m in range(2, 12)),
        _invasion("own", REGION, _month(2022, 12), kind="flood"),
    ]
    stories = Stories(dated, articles)
    ends = [r.dates.end for r in dated]
    index = _StoryIndex(ends, stories)
    for i, r in enumerate(dated):
        index.add(i, r.type.group, r.place, [r])

    def walk(article: str) -> list[int]:
        spots = place_keys(TOWN, LABEL_POINT_KM)
        compatible = partial(places_compatible, TOWN, divisions=Divisions(None))
        return list(
            index.before(
                "disaster",
                spots,
                date(2024, 10, 14),
                compatible,
                "disaster",
                [article],
                lambda i: True,
            )
        )

    assert walk("undated") == [0]  # not the ten targets of another story, nor "own"
    assert walk("own") == [11]  # its own article's, of another type


_PLACES = [REGION, TOWN, ELSEWHERE]
_TEXTS = [
    f"{_words('alpha', 8)} {_words('shared', 4)}",
    f"{_words('shared', 4)} {_words('beta', 8)}",
    _words("gamma", 12),
    "",  # no text: the article's quotes tell its story
]


@st.composite
def _reports(draw: st.DrawFn) -> tuple[list, dict]:
    texts = draw(st.lists(st.sampled_from(_TEXTS), min_size=6, max_size=6))
    articles = {f"a{k}": _article(t) for k, t in enumerate(texts)}
    out = []
    for _ in range(draw(st.integers(2, 9))):
        article = f"a{draw(st.integers(0, 5))}"
        kind = draw(st.sampled_from(["disaster", "flood", "fire", "storm", "earthquake"]))
        place = draw(st.sampled_from(_PLACES))
        if draw(st.booleans()):
            start = date(2022, draw(st.integers(1, 12)), 1)
            dates = DateRange(start, start.replace(day=draw(st.integers(1, 28))), "day")
        else:
            dates = day(f"2024-{draw(st.integers(1, 12)):02d}-14", "unknown")
        quote = draw(st.sampled_from(["Troops crossed.", "Troops crossed the river."]))
        out.append(replace(report(article, place, dates), type=TYPES[kind], quote=quote))
    return out, articles


@settings(max_examples=300, deadline=None)
@given(_reports())
def test_the_undated_walk_equals_the_exhaustive_one(case: tuple[list, dict]) -> None:
    reports, articles = case
    _both(reports, articles)  # asserts that the blocked and exhaustive merges agree
