"""Reading articles: formats, paths, sidecars, ids, dates and bad input."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from geo import Article, GeoError, Problem
from geo.readers import read_articles, sample_paths

DATA = Path(__file__).parent.parent / "data" / "articles" / "mixed"


def read(paths: object) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    articles = read_articles(paths, on_problem=problems.append)  # type: ignore[arg-type]
    return articles, problems


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def not_dating(problems: list[Problem]) -> list[Problem]:
    """The problems other than the (expected) publication-date notes."""
    return [p for p in problems if "publication date" not in p.message]


def messages(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


# --- the test folder: every format ---------------------------------------------------------


def test_folder_reads_every_format_sorted_by_path() -> None:
    articles, _ = read(DATA)
    assert [a.id for a in articles] == [
        "kenya-protests",
        "chile-fires",
        "niger-convoy",
        "rio-grande",
        "taiwan-quake",
        "valencia-floods",
    ]
    assert all(a.path and Path(a.path).exists() for a in articles)


def test_txt_date_marker_is_metadata_not_text() -> None:
    a = by_id(read(DATA / "kenya-protests.txt")[0])["kenya-protests"]
    assert a.published == date(2024, 6, 26) and not a.published_inferred
    assert a.text.startswith("Protesters stormed parliament in Nairobi on Tuesday")
    assert "2024-06-26" not in a.text
    assert a.title is None  # the first line is a sentence, not a headline


def test_markdown_front_matter_and_plain_text() -> None:
    articles, problems = read(DATA / "valencia-floods.md")
    a = articles[0]
    assert a.outlet == "The Example Courier"
    assert a.url == "https://news.example.org/europe/valencia-floods"
    assert a.published == date(2024, 11, 2)
    assert a.extra["tags"] == ["floods", "Spain"] and a.extra["author"] == "Staff reporter"
    # markup is gone, words stay, offsets point into the plain text
    assert "**" not in a.text and "](" not in a.text and "![" not in a.text
    assert "car parks in Paiporta on Saturday, four days" in a.text  # joined wrapped lines
    assert "region of Valencia in eastern Spain" in a.text  # link text kept
    assert '"We lost everything in twenty minutes," said a shop owner in Alfafar.' in a.text
    assert "Schools in 30 towns stay closed until Monday." in a.text
    assert problems == []


def test_sidecar_overrides_the_file() -> None:
    a = by_id(read(DATA)[0])
    assert a["valencia-floods"].title == "Valencia floods: the search goes on"
    assert a["kenya-protests"].outlet == "Example Daily Nation"
    assert a["kenya-protests"].url == "https://daily.example.co.ke/protests"


def test_sidecar_derived_date_is_marked_inferred_with_its_note() -> None:
    rio = by_id(read(DATA)[0])["rio-grande"]
    assert rio.published == date(2024, 5, 6)
    assert rio.published_inferred
    assert rio.published_note == "the floods peaked on Monday 6 May 2024 in Porto Alegre"
    assert rio.outlet == "Example Sul"


def test_html_main_text_and_metadata() -> None:
    articles, problems = read(DATA / "taiwan-quake.html")
    a = articles[0]
    assert a.title == "Strong earthquake strikes eastern Taiwan"
    assert a.outlet == "Example Wire"
    assert a.url == "https://wire.example.com/asia/taiwan-quake"
    assert a.published == date(2024, 4, 3) and not a.published_inferred
    assert "damaging buildings in the city of Hualien" in a.text
    for furniture in ("Home", "Most read", "Subscribe", "window.ads", "Breaking news"):
        assert furniture not in a.text
    assert problems == []


def test_jsonl_bad_lines_are_one_problem_each_with_line_numbers() -> None:
    articles, problems = read(DATA / "more" / "feed.jsonl")
    assert [a.id for a in articles] == ["chile-fires", "niger-convoy", "rio-grande"]
    text = messages(problems)
    assert "feed.jsonl:3: not valid JSON" in text
    assert "feed.jsonl:4: expected a JSON object, got list" in text
    assert "feed.jsonl:5: no article text" in text
    assert "feed.jsonl:6: invalid url 'ftp://files.example.org/rio.txt'" in text
    chile = articles[0]
    assert chile.extra == {"section": "world"}
    assert chile.title == "Wildfires kill dozens around Viña del Mar"
    assert articles[1].title == "Militants attack army convoy in western Niger"  # headline


def test_inferred_publication_date_with_problem_and_note() -> None:
    articles, problems = read(DATA / "more" / "feed.jsonl")
    niger = by_id(articles)["niger-convoy"]
    assert niger.published == date(2024, 3, 21)
    assert niger.published_inferred
    assert niger.published_note is not None and "March 21, 2024" in niger.published_note
    [p] = [p for p in problems if "inferred" in p.message]
    assert p.source.endswith("feed.jsonl:2")
    assert p.message.startswith("no publication date; inferred 2024-03-21 from '")


# --- the bundled sample ---------------------------------------------------------------------


def test_sample_paths_and_sidecar_dates() -> None:
    paths = sample_paths()
    assert len(paths) == 5 and all(p.suffix == ".txt" for p in paths)
    articles, problems = read(paths)
    assert problems == []
    got = {a.id[:3]: (a.published, a.published_inferred) for a in articles}
    assert got == {
        "000": (date(2024, 10, 16), False),
        "001": (date(2024, 10, 16), True),
        "002": (date(2024, 10, 15), True),
        "003": (date(2024, 10, 14), True),
        "004": (date(2024, 10, 14), True),
    }
    first = articles[0]
    assert first.text.startswith("In a discussion held in Beijing")  # marker removed
    assert articles[1].title == "In Beijing, Russia’s Defense Chief Hails Shared Views With China"


# --- paths ----------------------------------------------------------------------------------


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BODY = "Floods hit Sylhet on June 18, 2024, officials said.\n"


def test_globs_recursive_folders_and_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.md", BODY)
    write(tmp_path / "deep" / "c.txt", BODY)
    write(tmp_path / ".hidden" / "d.txt", BODY)
    write(tmp_path / ".e.txt", BODY)
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    assert [a.id for a in read(tmp_path)[0]] == ["a", "b", "c"]
    assert [a.id for a in read(str(tmp_path / "*.txt"))[0]] == ["b"]
    assert [a.id for a in read(str(tmp_path / "**" / "*.txt"))[0]] == ["b", "c"]
    # order of the arguments does not matter; duplicates are read once
    got = read([tmp_path / "b.txt", tmp_path / "a.md", str(tmp_path / "*.txt")])[0]
    assert [a.id for a in got] == ["a", "b"]


def test_folders_skip_readme_files_but_an_explicit_readme_is_read(tmp_path: Path) -> None:
    write(tmp_path / "story.md", BODY)
    write(tmp_path / "README.md", "# Test articles\n\nWritten for the project in Paris.\n")
    write(tmp_path / "sub" / "Readme.txt", "Notes about the corpus.\n")
    assert [a.id for a in read(tmp_path)[0]] == ["story"]
    assert [a.id for a in read(str(tmp_path / "*.md"))[0]] == ["story"]
    assert [a.id for a in read(tmp_path / "README.md")[0]] == ["README"]


def test_missing_path_and_empty_glob_are_errors(tmp_path: Path) -> None:
    with pytest.raises(GeoError, match=r"no such file or folder: .*nope"):
        read_articles(tmp_path / "nope")
    with pytest.raises(GeoError, match=r"no such file or folder: .*\*\.md"):
        read_articles(str(tmp_path / "*.md"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(GeoError, match="no article files"):
        read_articles(tmp_path / "empty")


def test_problems_go_to_the_geo_logger_without_a_sink(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "ok.txt", BODY)
    articles = read_articles(tmp_path)
    assert [a.id for a in articles] == ["ok"]
    assert any("empty.txt: empty file" in r.getMessage() for r in caplog.records)


# --- bad files ------------------------------------------------------------------------------


def test_each_bad_file_is_one_problem_and_others_still_read(tmp_path: Path) -> None:
    write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "empty.txt", b"  \n\n")
    write(tmp_path / "front.md", "---\ntitle: [unclosed\n---\nBody in Lima.\n")
    write(tmp_path / "noclose.md", "---\ntitle: x\nBody in Lima with no closing line.\n")
    write(tmp_path / "list.md", "---\n- a\n- b\n---\nBody in Lima.\n")
    write(tmp_path / "blank.html", "<html><body><script>x()</script></body></html>")
    write(tmp_path / "good.txt", BODY)
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    by_file = {Path(p.source).name: p.message for p in not_dating(problems)}
    assert by_file["binary.txt"].startswith("binary file")
    assert by_file["empty.txt"].startswith("empty file")
    assert by_file["front.md"].startswith("malformed front matter")
    assert "line" in by_file["front.md"]
    assert by_file["noclose.md"].startswith("malformed front matter: no closing")
    assert "expected a mapping" in by_file["list.md"]
    assert by_file["blank.html"].startswith("no article text found")
    assert all(m.endswith("skipped") for m in by_file.values())


def test_encodings(tmp_path: Path) -> None:
    text = "Protesters gathered in Bogotá on “Tuesday”, March 5, 2024.\n"
    write(tmp_path / "bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    write(tmp_path / "utf16.txt", text.encode("utf-16"))
    write(tmp_path / "win.txt", text.encode("cp1252"))
    articles, problems = read(tmp_path)
    assert [a.text for a in articles] == [text.strip()] * 3
    [p] = not_dating(problems)
    assert Path(p.source).name == "win.txt" and "Windows-1252" in p.message


def test_undecodable_bytes_are_not_text(tmp_path: Path) -> None:
    write(tmp_path / "junk.txt", b"abc \x81\x8d\x8f\x90\x9d def")
    _, problems = read(tmp_path)
    assert problems[0].message.startswith("not text")


def test_invalid_date_marker_falls_back_to_inference(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "date 2024-13-45 Troops left Goma on Jan. 3, 2025.\n")
    articles, problems = read(tmp_path)
    a = articles[0]
    assert a.text == "Troops left Goma on Jan. 3, 2025."
    assert a.published == date(2025, 1, 3) and a.published_inferred
    assert "invalid date '2024-13-45' on the first line" in messages(problems)


def test_untrusted_metadata_is_validated(tmp_path: Path) -> None:
    lines = [
        {"id": "t", "text": BODY, "title": "x" * 1_000_000, "url": "javascript:alert(1)"},
        {"id": "u", "text": BODY, "published": "2024-13-45", "outlet": {"a": 1}},
        {"id": "v", "text": BODY, "published": "Wed, 19 June 2024", "url": "https://ok.test/x"},
        {"id": "bad/id", "text": BODY},
    ]
    write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines))
    articles, problems = read(tmp_path)
    a = by_id(articles)
    assert a["t"].title is not None and len(a["t"].title) <= 300 and a["t"].url is None
    assert a["u"].outlet is None
    assert a["u"].published == date(2024, 6, 18) and a["u"].published_inferred  # from text
    assert a["v"].published == date(2024, 6, 19) and a["v"].url == "https://ok.test/x"
    text = messages(problems)
    assert "title longer than 300 characters; truncated" in text
    assert "invalid url 'javascript:alert(1)'" in text
    assert "invalid publication date '2024-13-45'" in text
    assert "outlet must be text" in text
    assert "feed.jsonl:4: invalid id 'bad/id'" in text


def test_duplicate_ids_are_renamed(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", BODY)
    write(tmp_path / "b" / "story.txt", BODY)
    write(tmp_path / "c.jsonl", json.dumps({"id": "story", "text": BODY}))
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["story", "story-2", "story-3"]
    assert "duplicate article id 'story'" in messages(problems)
    assert "renamed to 'story-2'" in messages(problems)


def test_malformed_sidecar_is_one_problem(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "articles.yaml", "a: [unclosed\n")
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    [p] = not_dating(problems)
    assert p.source.endswith("articles.yaml") and "sidecar metadata not read" in p.message


def test_sidecar_keys_stay_text(tmp_path: Path) -> None:
    write(tmp_path / "001.txt", BODY)
    write(tmp_path / "articles.yaml", "001:\n  outlet: Leading Zero News\n")
    assert read(tmp_path)[0][0].outlet == "Leading Zero News"


def test_no_date_anywhere_is_one_problem(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Troops left Goma on Monday.\n")
    articles, problems = read(tmp_path)
    assert articles[0].published is None and not articles[0].published_inferred
    [p] = problems
    assert p.message.startswith("no publication date and none could be inferred")


def test_crlf_and_control_characters_are_normalised(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"Headline in Quito\r\nBody\x07 text on June 3, 2024.\r\n")
    a = read(tmp_path)[0][0]
    assert a.text == "Headline in Quito\nBody  text on June 3, 2024."
    assert a.title == "Headline in Quito"


def test_tiny_html_fragment_falls_back_to_visible_text(tmp_path: Path) -> None:
    write(tmp_path / "tiny.html", "<p>Shelling hit Kharkiv on Sept. 1, 2024.</p>")
    a = read(tmp_path)[0][0]
    assert a.text == "Shelling hit Kharkiv on Sept. 1, 2024."


def test_explicit_file_of_unknown_type_is_a_problem(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    good = write(tmp_path / "a.txt", BODY)
    articles, problems = read([pdf, good])
    assert [a.id for a in articles] == ["a"]
    assert "unsupported file type '.pdf'" in messages(problems)


@pytest.mark.parametrize(
    "first_line",
    [
        "date 2024-06-03 Body",
        "Date: 2024-06-03\nBody",
        "  date:2024-6-3 Body",
        "published 2024-06-03 Body",
    ],
)
def test_date_marker_variants(tmp_path: Path, first_line: str) -> None:
    write(tmp_path / "a.txt", first_line + " in Quito.\n")
    a = read(tmp_path)[0][0]
    assert a.published == date(2024, 6, 3) and not a.published_inferred
    assert a.text == "Body in Quito."


def test_a_file_reached_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", BODY)
    monkeypatch.chdir(tmp_path)
    articles, problems = read(["a.txt", "./a.txt", str(tmp_path / "a.txt"), "."])
    assert [a.id for a in articles] == ["a"]
    assert not [p for p in problems if "duplicate" in p.message]
