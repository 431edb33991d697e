"""GeoParquet tables: ``geo extract --format parquet`` and ``geo site EVENTS.parquet`` map the
same events as ``geo build`` (geo/parquet.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import cli

pytest.importorskip("pyarrow", reason="the parquet extra is not installed")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_a_site_built_from_extracted_parquet_tables_equals_the_built_site(tmp_path: Path) -> None:
    from geo import sample_paths

    sample = [str(p) for p in sample_paths()]
    events, mentions = tmp_path / "events.parquet", tmp_path / "mentions.parquet"
    _run("-q", "extract", *sample, "--format", "parquet", "--out", str(events))
    _run(
        "-q",
        "extract",
        *sample,
        "--table",
        "mentions",
        "--format",
        "parquet",
        "--out",
        str(mentions),
    )
    assert events.read_bytes()[:4] == b"PAR1"
    _run(
        "-q",
        "site",
        str(events),
        "--mentions",
        str(mentions),
        "--no-images",
        "--out",
        str(tmp_path / "a"),
    )
    _run("-q", "build", "--no-images", "--out", str(tmp_path / "b"))
    for name in ("events.geojson", "events.csv", "mentions.geojson"):
        built = (tmp_path / "b" / "data" / name).read_bytes()
        assert (tmp_path / "a" / "data" / name).read_bytes() == built, name


def test_a_file_that_is_not_parquet_gives_one_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "events.parquet"
    bad.write_bytes(b"<script>alert(1)</script>")
    result = CliRunner().invoke(cli, ["site", str(bad), "--out", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot read {bad} as GeoParquet")
    assert not (tmp_path / "site").exists()


def test_parquet_needs_an_output_file() -> None:
    from geo import sample_paths

    result = CliRunner().invoke(
        cli, ["extract", str(next(iter(sample_paths()))), "--format", "parquet"]
    )
    assert result.exit_code == 1
    assert "Error: --format parquet needs --out FILE" in result.output
