"""Remake the screenshots in docs/img/ from the current build of the bundled sample.

    python docs/screenshots.py [--site FOLDER]

Builds the sample into a temporary folder (or uses ``--site``, a folder ``geo build`` wrote)
and opens it in the Debian ``chromium`` with Playwright, every request that is not a local
file refused, as the browser tests do. Writes:

- ``index-laptop.png``: the main page at 1280x800;
- ``index-phone.png``: the main page at 390x844 after tapping the last event in the list;
- ``popup.png``: the popup of the drills around Taiwan, at 1280x800;
- ``embed-whole-map.png``: ``embed/index.html`` with October 2024 and the military layer, 640x480;
- ``event.png``: the static image of the drills around Taiwan (``embed/<event>.png``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
IMG = HERE / "img"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
READY = "() => document.documentElement.dataset.ready === 'true'"


def _offline(page: Any) -> None:
    def route(request_route: Any) -> None:
        if request_route.request.url.startswith("file://"):
            request_route.continue_()
        else:
            request_route.abort()

    page.context.route("**/*", route)


def _open(browser: Any, url: str, width: int, height: int) -> Any:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    _offline(page)
    page.goto(url)
    page.wait_for_function(READY)
    return page


def _taiwan(site: Path) -> str:
    """The id of the sample's event around Taiwan."""
    events = json.loads((site / "data" / "events.geojson").read_text(encoding="utf-8"))
    for feature in events["features"]:
        props = feature["properties"]
        if "Taiwan" in props["title"]:
            return str(props["id"])
    raise SystemExit("the sample has no event around Taiwan")


def _image_name(site: Path, event_id: str) -> str:
    """The file stem of an event's pages (the id, unless the site had to rename it)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/json" id="site-data">')[1]
    ev = json.loads(block.split("</script>")[0])["ev"]
    files = ev.get("f") or []
    at = ev["id"].index(event_id)
    return (files[at] if files else None) or event_id


def shoot(site: Path) -> list[Path]:
    """Write the screenshots of ``site`` into docs/img/; return their paths."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("install Debian's chromium package first (apt-get install chromium)")
    IMG.mkdir(exist_ok=True)
    index = (site / "index.html").as_uri()
    event_id = _taiwan(site)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = _open(browser, index, 1280, 800)
        page.screenshot(path=IMG / "index-laptop.png")
        written.append(IMG / "index-laptop.png")
        page.close()

        page = _open(browser, index, 390, 844)
        page.locator("#event-list li:last-child button").click()
        page.locator(".leaflet-popup").wait_for()
        page.wait_for_timeout(600)  # the pan into view
        page.screenshot(path=IMG / "index-phone.png")
        written.append(IMG / "index-phone.png")
        page.close()

        page = _open(browser, f"{index}#event={event_id}", 1280, 800)
        page.locator(".leaflet-popup").wait_for()
        page.wait_for_function("() => !document.querySelector('.popup-details[aria-busy]')")
        page.wait_for_timeout(600)
        page.screenshot(path=IMG / "popup.png")
        written.append(IMG / "popup.png")
        page.close()

        embed = (site / "embed" / "index.html").as_uri()
        page = _open(browser, f"{embed}#from=2024-10-01&to=2024-10-31&layers=military", 640, 480)
        page.screenshot(path=IMG / "embed-whole-map.png")
        written.append(IMG / "embed-whole-map.png")
        page.close()
        browser.close()
    shutil.copyfile(site / "embed" / f"{_image_name(site, event_id)}.png", IMG / "event.png")
    written.append(IMG / "event.png")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site geo build wrote (default: build one)")
    args = parser.parse_args()
    if args.site is not None:
        paths = shoot(args.site)
    else:
        sys.path.insert(0, str(HERE.parent))
        import geo

        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            geo.build([str(p) for p in geo.sample_paths()], site)
            paths = shoot(site)
    for path in paths:
        print(path.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
