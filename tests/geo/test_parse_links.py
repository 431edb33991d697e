"""The optional dependency-parser pass (geo.parse_links, ``--parser``): off by default and
never imported then; with spaCy and its model, a past main verb with a located place and a
date of its own is a happening, and not when the clause says or plans or denies it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import pytest

from geo import Article, extract
from geo.errors import GeoError

#: A Monday: "Saturday" is 14 March 2009.
PUBLISHED = date(2009, 3, 16)


def test_the_default_path_never_imports_the_parser() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from geo import Article, extract\n"
        "import geo.cli, geo.pipeline\n"
        "text = 'Volunteers cleaned the riverbank in Parkersburg on Saturday.'\n"
        "extract([Article(id='a', text=text, published=date(2009, 3, 16))])\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
        "assert 'geo.parse_links' not in sys.modules, 'geo.parse_links imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_unknown_use_is_an_error() -> None:
    from geo.parse_links import check_uses

    with pytest.raises(GeoError, match="unknown parser uses"):
        check_uses(["guess"])


@pytest.fixture
def _no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from geo import parse_links

    config = dict(parse_links._config())
    config["model"] = "no_such_model_for_geo_tests"
    parse_links._nlp.cache_clear()
    monkeypatch.setattr(parse_links, "_config", lambda: config)
    yield
    parse_links._nlp.cache_clear()


@pytest.mark.usefixtures("_no_model")
def test_a_missing_model_is_one_error_before_any_article() -> None:
    article = Article(id="a", text="Volunteers cleaned a park in Parkersburg.", published=None)
    with pytest.raises(GeoError, match=r"--parser needs spaCy"):
        extract([article], parser=("generic",))


# --- with spaCy and the model ---------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed() -> None:
    pytest.importorskip("spacy", reason="the parser extra is not installed")
    from geo.parse_links import available

    if not available():
        pytest.skip("the parser extra's model is not installed")


def happenings(text: str, uses: tuple[str, ...] = ("generic",)) -> list[tuple[str, str, str]]:
    """(category, place name, start day) of the events ``extract`` gives with ``uses``."""
    events = extract([Article(id="a", text=text, published=PUBLISHED)], parser=uses).events
    return [(e.category, e.place_name, e.start) for e in events.itertuples()]


@pytest.mark.usefixtures("parsed")
@pytest.mark.parametrize(
    "text",
    [
        "Volunteers cleaned the riverbank in Parkersburg on Saturday.",
        # ("The county fair was held" is a rule's since session 31: `festivity` in triggers.yaml)
        "The quilt show was held in Parkersburg on Saturday.",
        "The mayor kissed a goat on Saturday at the old opera house in Parkersburg.",
    ],
)
def test_a_past_verb_with_a_place_and_a_date_of_its_own_is_a_happening(text: str) -> None:
    assert happenings(text, ()) == []  # the rules alone miss it
    assert happenings(text) == [("other", "Parkersburg", "2009-03-14")]


@pytest.mark.usefixtures("parsed")
@pytest.mark.parametrize(
    "text",
    [
        # a verb of saying: the place is where it was said, not a happening
        "The mayor said on Saturday in Parkersburg that taxes would rise.",
        # denied, conditional, planned
        "Volunteers did not clean the riverbank in Parkersburg on Saturday.",
        "If volunteers cleaned the riverbank in Parkersburg on Saturday, the mayor would "
        "thank them.",
        "Volunteers will clean the riverbank in Parkersburg next Saturday.",
        # no date of its own
        "Volunteers cleaned the riverbank in Parkersburg.",
        # the present: a habit, not a happening
        "Volunteers clean the riverbank in Parkersburg every Saturday.",
        # quoted speech
        '"We cleaned the riverbank in Parkersburg on Saturday," a volunteer said.',
    ],
)
def test_no_happening_when_the_clause_does_not_report_one(text: str) -> None:
    assert happenings(text) == []


@pytest.mark.usefixtures("parsed")
def test_a_sentence_the_rules_placed_gets_nothing_more() -> None:
    text = "A fire broke out at a warehouse in Parkersburg on Saturday."
    rules = happenings(text, ())
    assert rules and rules[0][0] == "disaster"
    assert happenings(text) == rules
