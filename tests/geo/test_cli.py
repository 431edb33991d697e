"""The ``geo`` command as users run it: help, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from geo.cli import cli

GEO = Path(sys.executable).with_name("geo")


def run_geo(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    return subprocess.run(
        [str(GEO), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "100"},
    )


def _commands(group: click.Group) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [()]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += [(name, *sub) for sub in _commands(command)]
        else:
            paths.append((name,))
    return paths


@pytest.mark.parametrize("command", _commands(cli), ids=lambda c: " ".join(c) or "geo")
def test_every_command_explains_itself(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"], prog_name="geo")
    assert result.exit_code == 0, result.output
    assert "Usage: geo" in result.output
    target = cli
    for name in command:
        target = target.commands[name]  # type: ignore[attr-defined]
    first_line = (target.help or "").strip().splitlines()[0]
    assert first_line and first_line[:40] in " ".join(result.output.split())


def test_console_script_and_python_m_agree() -> None:
    script = run_geo("--version")
    module = subprocess.run(
        [sys.executable, "-m", "geo", "--version"], capture_output=True, text=True, check=False
    )
    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout
    assert "geo" in script.stdout


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: ")
    for needle in needles:
        assert needle in last
    return last


def test_unknown_option_is_one_clear_line(tmp_path: Path) -> None:
    result = run_geo("build", "--frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    _assert_one_line_error(result, "--frobnicate")


def test_missing_path_is_one_clear_line(tmp_path: Path) -> None:
    result = run_geo("build", "no/such/articles", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    _assert_one_line_error(result, "no/such/articles")
    assert not (tmp_path / "out").exists()


def test_glob_matching_nothing_is_one_clear_line(tmp_path: Path) -> None:
    result = run_geo("extract", str(tmp_path / "*.md"), cwd=tmp_path)
    _assert_one_line_error(result, "*.md")


def test_unwritable_output_folder_is_one_clear_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits: use a path below a regular file instead
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        out = blocker / "site"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        out = locked / "site"
    result = run_geo("site", str(_tiny_events(tmp_path)), "--out", str(out), "--no-images")
    _assert_one_line_error(result)


def test_unknown_place_says_so_and_suggests(tmp_path: Path) -> None:
    result = run_geo("resolve", "Islamabd", cwd=tmp_path)
    last = _assert_one_line_error(result, "Islamabd")
    assert "Islamabad" in last


def test_resolve_prints_geojson(tmp_path: Path) -> None:
    result = run_geo("resolve", "Kazan", "--context", "Moscow", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    feature = json.loads(result.stdout)
    assert feature["type"] == "Feature"
    lon, lat = feature["geometry"]["coordinates"]
    assert 48 < lon < 50 and 55 < lat < 56.5  # Kazan on the Volga, not the Turkish town


def test_derived_areas_are_kept_on_disk_unless_asked_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    stored = tmp_path / "cache" / "geo-news-map" / "areas.sqlite3"
    uncached = run_geo("resolve", "off Alaska", "--no-area-cache", cwd=tmp_path)
    assert uncached.returncode == 0, uncached.stderr
    assert not stored.exists()
    first = run_geo("resolve", "off Alaska", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert stored.is_file()
    again = run_geo("resolve", "off Alaska", cwd=tmp_path)  # read back from the cache
    assert again.stdout == first.stdout == uncached.stdout
    monkeypatch.setenv("GEO_AREA_CACHE", "off")
    stored.unlink()
    assert run_geo("resolve", "off Alaska", cwd=tmp_path).stdout == first.stdout
    assert not stored.exists()


def test_resolve_all_ranks_candidates(tmp_path: Path) -> None:
    result = run_geo("resolve", "Paris", "--all", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) >= 2
    assert collection["features"][0]["properties"]["country"] == "FR"


def _tiny_events(folder: Path) -> Path:
    path = folder / "events.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [2.35, 48.86]},
                        "properties": {"title": "Rally", "start": "2024-05-01"},
                    }
                ],
            }
        )
    )
    return path


def _run_on_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run ``geo`` with its standard output on a pseudo-terminal, as at a shell prompt."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [str(GEO), *args],
        cwd=cwd,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=600)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_resolve_on_a_terminal_prints_a_short_summary(tmp_path: Path) -> None:
    code, text = _run_on_terminal("resolve", "off Alaska", cwd=tmp_path)
    assert code == 0
    assert len(text) < 2000  # not the 700 KB of GeoJSON
    assert text.startswith("Sea off Alaska\n")
    assert "derived:coast:" in text  # the id
    assert "coast of Alaska" in text  # how the area was drawn
    assert "across 180°" in text and "°W" in text and "°N" in text  # the bounds
    assert "--geojson" in text


def test_resolve_gives_geojson_on_a_terminal_when_asked(tmp_path: Path) -> None:
    code, text = _run_on_terminal("resolve", "Kazan", "--geojson", cwd=tmp_path)
    assert code == 0
    assert json.loads(text)["properties"]["name"] == "Kazan"


def test_resolve_summary_ranks_candidates(tmp_path: Path) -> None:
    result = run_geo("resolve", "Paris", "--all", "--summary", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. Paris\n")
    assert "\n2. " in result.stdout and "geonames:2988507" in result.stdout


def test_quiet_and_verbose_work_after_the_command(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "---\ntitle: Floods\npublished: 2024-05-03\n---\nFloods hit Porto Alegre on Friday.\n",
        encoding="utf-8",
    )
    quiet = run_geo("build", str(article), "--out", str(tmp_path / "s"), "--no-images", "-q")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == ""
    loud = run_geo("build", str(article), "--out", str(tmp_path / "s"), "--no-images")
    assert "Open " in loud.stdout
    verbose = run_geo("resolve", "Kazan", "-v", cwd=tmp_path)
    assert verbose.returncode == 0, verbose.stderr
    assert json.loads(verbose.stdout)["type"] == "Feature"
    assert run_geo("extract", str(article), "--quiet").returncode == 0
