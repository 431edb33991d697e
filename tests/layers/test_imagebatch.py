"""Images drawn in worker processes while the site's pages are written (layers.imagebatch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shapely.geometry import Point, Polygon

import layers.imagebatch as imagebatch
from layers import SiteError, build_site
from layers.imagebatch import ImageBatch
from layers.images import event_alt_text
from tests.layers.site_builders import world_articles, world_events, world_mentions

_EVENT = {"title": "A test", "category": "conflict", "start": "2024-10-14", "end": "2024-10-14"}


def _jobs(folder: Path, count: int) -> list[tuple[dict, object, Path]]:
    return [
        ({**_EVENT, "id": f"e{i}"}, Point(30.5 + i, 50.4), folder / f"{i}.png")
        for i in range(count)
    ]


def test_workers_draw_the_same_images_as_this_process(tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    with ImageBatch(_jobs(here, 8), width=600, height=315, processes=1) as batch:
        alts_here = [batch.alt(i) for i in range(8)]
    with ImageBatch(_jobs(there, 8), width=600, height=315, processes=2) as batch:
        alts_there = [batch.alt(i) for i in range(8)]
    assert alts_here == alts_there == [event_alt_text({**_EVENT, "id": "e0"})] * 8
    for i in range(8):
        assert (here / f"{i}.png").read_bytes() == (there / f"{i}.png").read_bytes()


def test_an_image_that_cannot_be_drawn_fails_alone(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 8)
    jobs[3] = ({**_EVENT, "id": "empty"}, Polygon(), tmp_path / "3.png")
    with ImageBatch(jobs, width=600, height=315, processes=2) as batch:
        with pytest.raises(SiteError, match="empty"):
            batch.alt(3)
        assert all(batch.alt(i) for i in range(8) if i != 3)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        f"{i}.png" for i in range(8) if i != 3
    ]


def test_leaving_the_block_by_an_error_waits_for_the_workers(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), ImageBatch(_jobs(tmp_path, 12), width=600, height=315) as b:
        raise RuntimeError("the build failed")
    # every image was either drawn before the block ended or never started: none is written
    # later into a folder the failed build has removed
    assert all(f.done() for f in b._futures)
    written = {p.name for p in tmp_path.glob("*.png")}
    assert written == {f"{i}.png" for i, f in enumerate(b._futures) if not f.cancelled()}


def test_a_small_batch_draws_in_this_process_when_asked(tmp_path: Path) -> None:
    batch = ImageBatch(_jobs(tmp_path, 3), width=600, height=315, processes=2)
    assert batch._pool is None and not list(tmp_path.glob("*.png"))  # nothing drawn yet
    assert batch.alt(1) and [p.name for p in tmp_path.glob("*.png")] == ["1.png"]
    batch.close()


def test_site_reports_an_event_whose_image_fails_and_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draw = imagebatch.render_event_image

    def failing(event, geometry, path, **size):
        if event["id"] == "addis-ceasefire":
            raise SiteError("addis-ceasefire: cannot draw it")
        return draw(event, geometry, path, **size)

    monkeypatch.setattr(imagebatch, "render_event_image", failing)  # six events: in-process
    problems: list[str] = []
    out = tmp_path / "site"
    build_site(
        world_events(),
        out,
        mentions=world_mentions(),
        articles=world_articles(),
        images=True,
        on_problem=problems.append,
    )
    assert problems == ["event addis-ceasefire: no image: addis-ceasefire: cannot draw it"]
    assert not (out / "embed" / "addis-ceasefire.png").exists()
    assert "thumbnail_url" not in json.loads((out / "embed" / "addis-ceasefire.json").read_text())
    assert (out / "embed" / "malacca-patrol.png").is_file()
    assert (out / "embed" / "index.png").is_file()  # the whole map too
