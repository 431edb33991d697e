"""`geo site` and `geo build` options for big sites: `--slices`, `--embed`, `--embed-file`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from geo.cli import cli


def _events(folder: Path, count: int) -> Path:
    path = folder / "events.geojson"
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [2.0 + k, 48.0]},
            "properties": {"id": f"ev-{k}", "title": f"Rally {k}", "start": f"2024-05-{k + 1:02d}"},
        }
        for k in range(count)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _site(tmp_path: Path, *options: str) -> tuple[int, Path, str]:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        cli,
        ["site", str(_events(tmp_path, 4)), "--out", str(out), "--no-images", *options],
        prog_name="geo",
    )
    return result.exit_code, out, result.output


def _embeds(out: Path) -> list[str]:
    return sorted(p.stem for p in (out / "embed").glob("*.html"))


def test_a_small_site_has_every_embed_and_no_slices(tmp_path: Path) -> None:
    code, out, output = _site(tmp_path)
    assert code == 0, output
    assert _embeds(out) == ["ev-0", "ev-1", "ev-2", "ev-3", "index"]
    assert not (out / "slices").exists()


def test_slices_always_makes_a_big_site_with_the_embeds_asked_for(tmp_path: Path) -> None:
    code, out, output = _site(tmp_path, "--slices", "always", "--embed", "ev-2")
    assert code == 0, output
    assert (out / "slices" / "0.js").is_file()
    assert _embeds(out) == ["ev-2", "index"]


def test_embed_file_and_all(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("ev-1\n\nev-3\n", encoding="utf-8")
    code, out, output = _site(tmp_path, "--slices", "always", "--embed-file", str(ids))
    assert code == 0, output
    assert _embeds(out) == ["ev-1", "ev-3", "index"]
    code, out, output = _site(tmp_path, "--slices", "always", "--embed", "all")
    assert code == 0, output
    assert _embeds(out) == ["ev-0", "ev-1", "ev-2", "ev-3", "index"]


def test_an_unreadable_embed_file_is_one_error(tmp_path: Path) -> None:
    code, _, output = _site(tmp_path, "--embed-file", str(tmp_path / "missing.txt"))
    assert code != 0
    assert "Error: cannot read the embed file" in output
