"""Driving the Debian ``chromium`` package with Playwright, with the network cut.

Every page opens in a fresh context whose requests are all routed: ``file://`` goes through,
anything else is recorded and aborted (optionally ``http://site.test/…`` is answered from a
folder, a stand-in for a static host), so tests can assert nothing left the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Flags for headless Chromium in a sandboxed, offline machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The site's pages set ``data-ready="true"`` on <html> once drawn.
READY = "() => document.documentElement.dataset.ready === 'true'"


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visible_ids(self) -> set[str]:
        return set(
            self.page.eval_on_selector_all(
                "#event-list li[data-event-id]:not([hidden])",
                "items => items.map(li => li.dataset.eventId)",
            )
        )

    def drawn_ids(self) -> set[str]:
        return set(self.page.evaluate("GeoNewsMap.view.drawnEventIds()"))

    def hash(self) -> str:
        return self.page.evaluate("decodeURIComponent(location.hash)")

    def clean(self) -> None:
        assert self.errors == []
        assert self.outside == []
        assert self.dialogs == []
        assert self.page.evaluate("typeof window.pwned") == "undefined"


@contextmanager
def opened(
    browser: Any,
    url: str,
    *,
    width: int = 1280,
    height: int = 800,
    serve: Path | None = None,
    extra: dict[str, str] | None = None,
    wait_ready: bool = True,
) -> Iterator[Opened]:
    """Open ``url``; with ``serve``, answer ``http://site.test/…`` from that folder instead
    of file:// (a stand-in for a static host; nothing goes over a network either way)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    result = Opened(page)
    page.on("console", lambda m: result.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: result.errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        result.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
            return
        if serve is not None and url.startswith("http://site.test/"):
            path = url.removeprefix("http://site.test/").split("#")[0].split("?")[0]
            if extra and path in extra:
                request_route.fulfill(body=extra[path], content_type="text/html")
                return
            target = serve / path
            if target.is_file():
                request_route.fulfill(path=str(target))
                return
        result.outside.append(url)
        request_route.abort()

    context.route("**/*", route)
    try:
        page.goto(url)
        if wait_ready:
            page.wait_for_function(READY)
        yield result
    finally:
        context.close()
