"""A geopy HTTP adapter with a total deadline and a size cap for every request.

A socket timeout bounds one wait for bytes, not a request: a server that sends one byte every
few seconds holds a plain urllib request for ever, and a server may send an answer of any
size. :class:`BoundedAdapter` gives each request a deadline for the whole answer (a watchdog
shuts the socket down when it passes, which wakes the blocked read) and stops reading past
``max_bytes``. It also refuses JSON answers no geocoder sends (a bare string or number, an
empty object), so they are errors, never a cached "not found".
"""

from __future__ import annotations

import contextlib
import http.client
import json
import math
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Any

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut

__all__ = ["DEFAULT_DEADLINE", "DEFAULT_MAX_BYTES", "BoundedAdapter", "retry_delay"]

#: Seconds a whole request (connection, headers and body) may take, by default.
DEFAULT_DEADLINE = 30.0
#: Largest answer read, by default (a Nominatim answer with an outline is rarely 1 MB).
DEFAULT_MAX_BYTES = 4_000_000

_CHUNK = 64 * 1024


class _Watchdog:
    """Shuts down the sockets it watches once ``seconds`` have passed since it started."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        self._timer.join()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket method, also for an SSLSocket: it acts on the connection (waking a
    # read blocked in another thread) without touching the TLS object that thread is using.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], watchdog: _Watchdog) -> type:
    class Watched(base):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self._watchdog), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog, context: Any) -> None:
        super().__init__(context=context)
        self._watchdog = watchdog

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            _watched(http.client.HTTPSConnection, self._watchdog), req, context=self._context
        )


class BoundedAdapter(BaseSyncAdapter):
    """geopy's adapter interface over urllib, with ``deadline`` seconds for a whole request
    and at most ``max_bytes`` read. Proxies as geopy's own urllib adapter (``None``: the
    environment's)."""

    def __init__(
        self,
        *,
        proxies: Any,
        ssl_context: Any,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self._proxies = proxies
        self._ssl_context = ssl_context
        self.deadline = deadline
        self.max_bytes = max_bytes

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        """The answer as JSON; GeocoderParseError unless it is a list or a non-empty object
        (a string, a number or ``{}`` is no geocoder's answer, found or not)."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            answer = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise GeocoderParseError(f"the answer is not JSON ({error})") from None
        if isinstance(answer, list) or (isinstance(answer, dict) and answer):
            return answer
        raise GeocoderParseError(f"the answer is not a geocoding result: {text[:40]!r}")

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        """The answer's text, within the deadline and the size cap; geopy's errors otherwise
        (AdapterHTTPError for an HTTP error status, GeocoderTimedOut past the deadline)."""
        started = time.monotonic()
        with _Watchdog(self.deadline) as watchdog:
            handlers: list[Any] = [
                _HTTPHandler(watchdog),
                _HTTPSHandler(watchdog, self._ssl_context),
            ]
            if self._proxies is not None:
                handlers.append(urllib.request.ProxyHandler(self._proxies))
            opener = urllib.request.build_opener(*handlers)
            request = urllib.request.Request(url=url, headers=headers)
            try:
                with opener.open(request, timeout=timeout) as page:
                    body = self._read(page, watchdog)
                    status = page.getcode()
                    response_headers = {k.lower(): v for k, v in page.headers.items()}
            except urllib.error.HTTPError as error:
                with error:
                    raise AdapterHTTPError(
                        f"HTTP {error.code}",
                        status_code=error.code,
                        headers={k.lower(): v for k, v in (error.headers or {}).items()},
                        text="",
                    ) from None
            except (OSError, http.client.HTTPException) as error:
                if watchdog.expired:
                    raise self._late(started) from None
                if "timed out" in str(error):
                    raise GeocoderTimedOut("Service timed out") from None
                raise GeocoderServiceError(f"{type(error).__name__}: {error}") from None
            if watchdog.expired:
                raise self._late(started)
        text = body.decode("utf-8", errors="replace")
        if status >= 400:
            raise AdapterHTTPError(
                f"HTTP {status}", status_code=status, headers=response_headers, text=text
            )
        return text

    def _read(self, page: http.client.HTTPResponse, watchdog: _Watchdog) -> bytes:
        length = page.headers.get("Content-Length", "")
        if length.isdigit() and len(length) < 20 and int(length) > self.max_bytes:
            raise GeocoderServiceError(self._too_big(f"{int(length):,} bytes announced"))
        chunks: list[bytes] = []
        size = 0
        while chunk := page.read(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise GeocoderServiceError(self._too_big("more"))
            chunks.append(chunk)
            if watchdog.expired:
                break
        return b"".join(chunks)

    def _too_big(self, what: str) -> str:
        return f"the answer is too large ({what}; the limit is {self.max_bytes:,} bytes)"

    def _late(self, started: float) -> GeocoderTimedOut:
        return GeocoderTimedOut(
            f"Service timed out: no complete answer within {self.deadline:g} s "
            f"(after {time.monotonic() - started:.1f} s)"
        )


def retry_delay(retry_after: Any, default: float) -> float:
    """Seconds to wait for a ``Retry-After`` value as geopy parsed it (``math.inf`` when it is
    absurd: negative, not a number, or too large for a float)."""
    if retry_after is None:
        return default
    try:
        delay = float(retry_after)
    except (TypeError, ValueError, OverflowError):
        return math.inf
    return delay if math.isfinite(delay) and delay >= 0 else math.inf
