"""Hostile input folders (issue 14, part A): a bad file costs one problem naming it, the good
articles are still built, and nothing from outside the input folder is published.

Each test builds a folder the way a newsroom gets one (a scrape, a tip, an export): one good
article beside the hostile file, then checks what the user gets.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo import GeoError
from geo.pipeline import BuildOptions, build
from geo.problems import Problem
from geo.readers import read_articles

GOOD = "date 2024-10-14\nPolice dispersed a protest in Nairobi on Monday, witnesses said.\n"
NO_IMAGES = BuildOptions(images=False)


def _build(folder: Path, out: Path) -> tuple[list[Problem], Path]:
    problems: list[Problem] = []
    build([folder], out, NO_IMAGES, on_problem=problems.append)
    return problems, out


def _site_text(out: Path) -> str:
    """Every text file of the built site, concatenated."""
    parts = []
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".geojson", ".csv", ".json", ".js"}:
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def _article_ids(out: Path) -> set[str]:
    return {p.stem for p in (out / "articles").glob("*.html")}


def _about(problems: list[Problem], name: str) -> list[Problem]:
    return [p for p in problems if name in p.source]


# --- finding 1: impossible dates --------------------------------------------------------------


@pytest.mark.parametrize("value", ["2024-13-45", "2024-02-30", "2024-10-14T25:61:00Z"])
def test_impossible_front_matter_date_is_one_problem_and_the_build_goes_on(
    tmp_path: Path, value: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bad.md").write_text(
        f"---\ntitle: Floods\npublished: {value}\n---\nFloods hit Valencia on 29 October 2024.\n",
        encoding="utf-8",
    )
    problems, out = _build(folder, tmp_path / "site")
    assert _article_ids(out) == {"good", "bad"}  # the bad date is dropped, not the article
    about = _about(problems, "bad.md")
    assert any(value in p.message and "invalid publication date" in p.message for p in about)


def test_impossible_sidecar_date_is_one_problem_and_the_build_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "other.txt").write_text("Fires burned near Valparaiso on Friday.\n", "utf-8")
    (folder / "articles.yaml").write_text(
        "other:\n  title: Fires\n  published: 2024-02-30\ngood:\n  outlet: Daily\n",
        encoding="utf-8",
    )
    problems, out = _build(folder, tmp_path / "site")
    assert _article_ids(out) == {"good", "other"}
    assert any("2024-02-30" in p.message for p in _about(problems, "other.txt"))
    assert "Daily" in (out / "articles" / "good.html").read_text(encoding="utf-8")


# --- findings 2 and 12: deep nesting and aliases ------------------------------------------------


def _laughs() -> str:
    """A "billion laughs" in under 600 bytes: nine levels of nine aliases each."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        prev, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("tags: " + "[" * 10_000, "nested more than"),
        ("tags: " + "{" * 10_000, "nested more than"),
        (_laughs(), "aliases"),
    ],
    ids=["lists", "mappings", "billion-laughs"],
)
def test_hostile_front_matter_costs_its_file_only(tmp_path: Path, front: str, reason: str) -> None:
    assert len(_laughs()) < 600
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bomb.md").write_text(f"---\n{front}\n---\nDrills near Taiwan.\n", "utf-8")
    problems, out = _build(folder, tmp_path / "site")
    assert _article_ids(out) == {"good"}
    about = _about(problems, "bomb.md")
    assert len(about) == 1 and reason in about[0].message
    assert "front matter" in about[0].message


def test_a_sidecar_with_aliases_is_ignored_with_one_problem(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "articles.yaml").write_text(_laughs(), encoding="utf-8")
    problems, out = _build(folder, tmp_path / "site")
    assert _article_ids(out) == {"good"}
    about = _about(problems, "articles.yaml")
    assert len(about) == 1 and "aliases" in about[0].message


# --- finding 3: lone surrogates --------------------------------------------------------------


def test_lone_surrogates_never_stop_the_tables(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    line = {
        "id": "feed-1",
        "title": "Storm \ud800 warning",
        "outlet": "Wire\udfff",
        "text": "Date: none. Flooding hit Dhaka \ud83d on Monday after heavy rain.",
        "published": "2024-10-14",
        "tags": ["\udc80"],
    }
    (folder / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")  # \ud800 escapes
    (folder / "meta.md").write_text(
        '---\ntitle: "Quake \\ud800 report"\npublished: 2024-10-14\n---\n'
        "An earthquake shook Hualien on Monday.\n",
        encoding="utf-8",
    )
    if sys.platform.startswith("linux"):  # a file name that is not UTF-8
        (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    _, out = _build(folder, tmp_path / "site")
    ids = _article_ids(out)
    assert {"good", "feed-1", "meta"} <= ids and len(ids) == 3 + sys.platform.startswith("linux")
    text = _site_text(out)
    assert "Storm \ufffd warning" in text and "Quake \ufffd report" in text
    for name in ("events", "mentions", "places"):
        (out / "data" / f"{name}.csv").read_text(encoding="utf-8")  # strict UTF-8: readable


# --- finding 6: symbolic links out of the input folder -------------------------------------------


def test_a_symlink_out_of_the_input_folder_is_not_published(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:SECRET-ROOT-LINE in Paris on Monday\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "linked").symlink_to(secret.parent, target_is_directory=True)
    problems, out = _build(folder, tmp_path / "site")
    assert _article_ids(out) == {"good"}
    assert "SECRET-ROOT-LINE" not in _site_text(out)
    about = _about(problems, "passwd.txt")
    assert len(about) == 1 and "outside" in about[0].message


def test_a_symlink_inside_the_folder_and_a_named_file_are_still_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latest.txt").symlink_to(folder / "2024" / "good.txt")
    assert len(read_articles(folder)) == 1  # a link inside the folder: the file, read once
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD, encoding="utf-8")
    (folder / "named.txt").symlink_to(outside)
    problems: list[Problem] = []
    got = read_articles([folder / "named.txt"], on_problem=problems.append)
    assert [a.id for a in got] == ["named"]  # the user named it: followed


def test_a_sidecar_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    elsewhere = tmp_path / "private" / "articles.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text("good:\n  title: SECRET-TITLE\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "articles.yaml").symlink_to(elsewhere)
    problems: list[Problem] = []
    articles = read_articles(folder, on_problem=problems.append)
    assert [a.title for a in articles] != ["SECRET-TITLE"]
    assert any("articles.yaml" in p.source and "outside" in p.message for p in problems)


# --- finding 7: `geo build .` reads its own previous site -----------------------------------------


GEO = Path(sys.executable).with_name("geo")


def _geo(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GEO), *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def test_building_the_current_folder_never_reads_the_previous_site(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    summaries = []
    for _ in range(3):
        result = _geo("build", ".", "--no-images", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        summaries.append(result.stdout.splitlines()[0])
        assert _article_ids(tmp_path / "site") == {"good"}
    assert all("1 articles" in s for s in summaries), summaries
    # nor does another output folder's run read the first site
    result = _geo("build", ".", "--no-images", "--out", "site2", cwd=tmp_path)
    assert result.returncode == 0 and "1 articles" in result.stdout
    with pytest.raises(GeoError, match="no article files"):  # the sites' pages are not articles
        read_articles(str(tmp_path / "**" / "*.html"))
    with pytest.raises(GeoError, match="is a site built by geo-news-map"):
        read_articles(tmp_path / "site")


# --- finding 11: escape sequences in file names -------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs any bytes in names")
def test_escape_sequences_in_file_names_are_never_printed_raw(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred.txt"
    (folder / evil).write_bytes(b"")  # empty: one warning naming it
    (folder / os.fsdecode(b"bad\x9b\xff.txt")).write_bytes(b"\x00\x01binary")
    result = _geo("build", str(folder), "--no-images", "--out", str(tmp_path / "s"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr
    assert "\x9b" not in result.stderr
    assert "\\x1b]0;pwned\\x07" in result.stderr  # shown, as visible text
    assert "bad\\x9b\\xff.txt" in result.stderr
    missing = _geo("build", str(folder / evil).replace("red", "blue"), cwd=tmp_path)
    assert missing.returncode == 1 and missing.stderr.startswith("Error: no such file")
    assert "\x1b" not in missing.stderr and "\\x1b[2J" in missing.stderr


# --- odds and ends ------------------------------------------------------------------------------


def _read_one(tmp_path: Path, name: str, data: bytes) -> tuple[list, list[Problem]]:
    path = tmp_path / name
    path.write_bytes(data)
    problems: list[Problem] = []
    return read_articles([path], on_problem=problems.append), problems


def test_a_date_marker_outside_1800_to_2200_is_refused(tmp_path: Path) -> None:
    articles, problems = _read_one(
        tmp_path, "hastings.txt", b"date 1066-10-14\nA battle was fought near Hastings.\n"
    )
    assert articles[0].published is None or articles[0].published.year != 1066
    assert any("1066-10-14" in p.message and "implausible" in p.message for p in problems)


def test_utf32_with_a_bom_is_read_as_utf32(tmp_path: Path) -> None:
    text = "date 2024-10-14\nQuake near Hualien on Monday; café owners fled.\n"
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        articles, _ = _read_one(tmp_path, f"{codec}.txt", bom + text.encode(codec))
        assert articles[0].text == "Quake near Hualien on Monday; café owners fled."
        assert articles[0].published is not None and articles[0].published.isoformat() == (
            "2024-10-14"
        )


def test_a_date_marker_with_cr_only_line_ends_is_read(tmp_path: Path) -> None:
    data = b"date 2024-10-14\rPolice dispersed a protest in Nairobi on Monday.\r"
    articles, _ = _read_one(tmp_path, "mac.txt", data)
    assert articles[0].published is not None and articles[0].published.isoformat() == ("2024-10-14")
    assert not articles[0].published_inferred
    assert "2024-10-14" not in articles[0].text
