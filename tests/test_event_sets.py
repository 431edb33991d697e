"""The event-gold sets in benchmarks/event_gold are well formed and rebuild into articles."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_events import CATEGORIES, main
from event_sets import (
    SETS,
    CorpusArticle,
    corpus_articles,
    load_gold,
    materialise,
    outlet_siblings,
)

from geo import read_articles

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
DAY = re.compile(r"\d{4}-\d\d-\d\d")


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_event_has_the_fields_the_scorer_reads(name: str) -> None:
    gold = load_gold(name)
    assert gold, f"{name} is empty"
    for docid, entry in gold.items():
        assert re.fullmatch(r"(lgl|gwn)-\d+", docid)
        assert DAY.fullmatch(entry["published"]), docid
        for ev in entry["events"]:
            assert ev["category"] in CATEGORIES, (docid, ev["category"])
            first, last = ev["window"]
            assert DAY.fullmatch(first) and DAY.fullmatch(last) and first <= last, docid
            lat, lon = ev["pt"]
            assert -90 <= lat <= 90 and -180 <= lon <= 180 and ev["tol_km"] > 0, docid
            assert isinstance(ev["required"], bool)
            assert all({"name", "pt", "tol_km"} <= set(alt) for alt in ev["alt"])
            # the repository keeps no quotes of the (GPL) articles
            assert "evidence" not in ev
        assert all({"name", "pt", "tol_km"} <= set(trap) for trap in entry["absent"])


def test_the_sets_share_no_article() -> None:
    seen: dict[str, str] = {}
    for name in SETS:
        for docid in load_gold(name):
            assert docid not in seen, f"{docid} is in {seen.get(docid)} and {name}"
            seen[docid] = name


def test_an_article_is_written_with_the_front_matter_the_reader_takes(tmp_path: Path) -> None:
    article = CorpusArticle(
        title='Fire "damages" apartment', outlet="example.com", url="http://x/1", text="Body.\n"
    )
    gold = {"lgl-1": {"published": "2009-03-18", "title": "t", "events": [], "absent": []}}
    materialise(gold, tmp_path, tmp_path / "set", {"lgl-1": article})
    [read] = read_articles([tmp_path / "set" / "articles" / "lgl-1.md"], on_problem=print)
    assert read.title == 'Fire "damages" apartment'
    assert read.outlet == "example.com" and str(read.published) == "2009-03-18"
    assert read.text.strip() == "Body."
    assert (tmp_path / "set" / "gold.json").is_file()
    with pytest.raises(KeyError, match="lgl-2"):
        materialise({"lgl-2": gold["lgl-1"]}, tmp_path, tmp_path / "other", {"lgl-1": article})


@pytest.mark.skipif(not (CORPORA / "lgl.xml").is_file(), reason="../shared/corpora not beside")
def test_every_gold_article_is_in_the_corpora() -> None:
    articles = corpus_articles(CORPORA)
    for name in SETS:
        missing = set(load_gold(name)) - set(articles)
        assert not missing, f"{name}: {sorted(missing)}"


def test_show_is_refused_on_a_held_out_set(capsys: pytest.CaptureFixture[str]) -> None:
    held_out = next(n for n, s in SETS.items() if s.held_out)
    assert main(["--set", held_out, "--show"]) == 2
    assert "held-out" in capsys.readouterr().err
    assert main(["--set", "no-such-set"]) == 2


def test_an_archive_run_adds_the_outlets_other_dated_articles_unscored(tmp_path: Path) -> None:
    def art(outlet: str, dated: str) -> CorpusArticle:
        return CorpusArticle(title="t", outlet=outlet, url="", text="Body.", dated=dated)

    articles = {
        "lgl-1": art("a.com", "2009-03-18"),
        "lgl-2": art("a.com", "2009-03-02"),
        "lgl-3": art("a.com", ""),  # no day the corpus tells: left out
        "lgl-4": art("b.com", "2009-03-05"),  # another outlet
    }
    gold = {"lgl-1": {"published": "2009-03-18", "title": "t", "events": [], "absent": []}}
    extra = outlet_siblings(gold, articles)
    assert extra == {"lgl-2": "2009-03-02"}
    folder = materialise(gold, tmp_path, tmp_path / "set", articles, extra)
    assert sorted(p.stem for p in (folder / "articles").glob("*.md")) == ["lgl-1", "lgl-2"]
    assert "published: 2009-03-02" in (folder / "articles" / "lgl-2.md").read_text()
    # the gold scores only its own articles
    assert list(json.loads((folder / "gold.json").read_text(encoding="utf-8"))) == ["lgl-1"]
