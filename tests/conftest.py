"""Fixtures shared by every test package."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

from gazetteer import Gazetteer
from tests.browsing import CHROMIUM_ARGS

# Property tests check behaviour, never speed: Hypothesis's default per-example deadline
# (200 ms) is a timed assertion that fails on a loaded machine.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")


@pytest.fixture(scope="session", autouse=True)
def _cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """What the command line caches (derived areas, online answers) goes to a temporary
    folder for the whole session, never to the user's home; subprocesses inherit it."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache-home")))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The bundled gazetteer (``Gazetteer.default()``, one object per process)."""
    return Gazetteer.default()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the session (skipped when it or Playwright is
    missing)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("the Debian chromium package is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
