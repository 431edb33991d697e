"""Image workers end with the build (issue 14): after ``kill -9`` of a build, no worker
process is left behind (each image worker holds the base map, about 240 MB)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import layers.images as images
from layers.workers import process_pool


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}  # a zombie has ended; only its parent may reap it


def test_workers_die_when_the_build_is_killed(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys, time
        from layers.workers import process_pool

        def pid(_):
            time.sleep(0.2)  # let both workers take a task
            return os.getpid()

        if __name__ == "__main__":
            pool = process_pool(2)
            print(" ".join(map(str, sorted(set(pool.map(pid, range(8)))))), flush=True)
            time.sleep(600)  # a build still running, with idle workers
        """
    )
    path = tmp_path / "build.py"
    path.write_text(script)
    build = subprocess.Popen(
        [sys.executable, str(path)], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    try:
        workers = [int(p) for p in build.stdout.readline().split()]
        assert workers and all(_alive(p) for p in workers)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    # Not a timing assertion: wait as long as it takes, up to a minute, for the workers to go.
    for _ in range(600):
        if not any(_alive(p) for p in workers):
            break
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for p in left:  # do not leave them behind on failure either
        os.kill(p, signal.SIGKILL)
    assert left == []


def test_image_rendering_uses_the_pool_that_dies_with_its_parent(monkeypatch, tmp_path):
    made = []

    def recording(count):
        made.append(count)
        return process_pool(count)

    monkeypatch.setattr(images, "process_pool", recording)
    assert images.render_event_images([], processes=2) == []  # too few for workers
    assert made == []
    from shapely.geometry import Point

    event = {"event_id": "e", "title": "A test", "category": "conflict", "date_start": "2024-10-14"}
    jobs = [(event, Point(30.5, 50.4), tmp_path / f"{i}.png") for i in range(8)]
    assert len(images.render_event_images(jobs, processes=2)) == 8
    assert made == [2]
    assert len(list(tmp_path.glob("*.png"))) == 8


#: Names of the images drawn in this process (forked workers append to their own copies).
_DRAWN_HERE: list[str] = []
_RENDER_JOB = images._render_job


def _recording_job(job):
    _DRAWN_HERE.append(job[2].name)
    return _RENDER_JOB(job)


def test_forked_workers_inherit_what_the_first_image_made_ready(monkeypatch, tmp_path):
    """The first image is drawn in this process before the workers are forked (so that they
    share the base map, names and fonts it loaded); the others in the workers, same order."""
    import multiprocessing

    from shapely.geometry import Point

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers are forked only where fork is the start method")
    _DRAWN_HERE.clear()
    monkeypatch.setattr(images, "_render_job", _recording_job)
    event = {"title": "A test", "category": "conflict", "start": "2024-10-14"}
    jobs = [(event, Point(30.5 + i, 50.4), tmp_path / f"{i}.png") for i in range(8)]
    alts = images.render_event_images(jobs, processes=2)
    assert alts == [images.event_alt_text(event)] * 8
    assert _DRAWN_HERE == ["0.png"]
    assert len(list(tmp_path.glob("*.png"))) == 8
