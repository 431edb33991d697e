"""The online fallback against a hostile or broken service and a broken cache file (issue 14,
findings 5 and 16): nothing it answers may end a build, be cached when it makes no place, or
hold a request past its deadline; every failure is one problem the build counts."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from gazetteer.errors import GazetteerError
from gazetteer.online import OnlineFallback, OnlineGeocoder

TARTUS = {
    "osm_type": "node",
    "osm_id": 42,
    "lat": "34.889",
    "lon": "35.887",
    "type": "city",
    "name": "Tartus",
    "display_name": "Tartus, Syria",
    "address": {"country_code": "sy"},
}


class Hostile:
    """A /search on 127.0.0.1 answering each query as told in ``answers``: a body (bytes),
    with optional ``status``, ``headers``, ``drip`` (seconds between bytes, from the first byte
    or with ``drip_body`` from the body's) and ``length`` (False: no Content-Length)."""

    def __init__(self, answers: dict[str, dict]) -> None:
        self.answers = answers
        self.queries: list[str] = []
        self.sent: dict[str, int] = {}
        self.stop = threading.Event()
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
                hostile.queries.append(query)
                answer = hostile.answers.get(query, {"body": b"[]"})
                body = answer["body"]
                head = f"HTTP/1.0 {answer.get('status', 200)} X\r\n"
                head += "Content-Type: application/json\r\n"
                if answer.get("length", True):
                    head += f"Content-Length: {len(body)}\r\n"
                for key, value in answer.get("headers", {}).items():
                    head += f"{key}: {value}\r\n"
                data = head.encode() + b"\r\n" + body
                drip = answer.get("drip")
                with contextlib.suppress(OSError):
                    if drip is None:
                        self.wfile.write(data)
                        return
                    start = len(head) + 2 if answer.get("drip_body") else 0
                    self.wfile.write(data[:start])
                    self.wfile.flush()
                    for i in range(start, len(data)):
                        if hostile.stop.wait(drip):
                            return
                        self.wfile.write(data[i : i + 1])
                        self.wfile.flush()
                        hostile.sent[query] = i + 1

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Hostile:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def geocoder(server: Hostile, cache: Path, **options) -> OnlineGeocoder:
    options.setdefault("min_interval", 0.0)
    options.setdefault("timeout", 5.0)
    return OnlineGeocoder(
        user_agent="geo-news-map-tests/1.0 (tests@example.invalid)",
        domain=server.domain,
        scheme="http",
        cache_path=cache,
        **options,
    )


def _json(value) -> bytes:
    return json.dumps(value).encode()


BAD_ANSWERS = {
    "a string": b'"Tartus"',
    "a list of strings": b'["Tartus"]',
    "a number": b"1e400",
    "an empty object": b"{}",
    "a huge latitude": _json([{**TARTUS, "lat": "1e400"}]),
    "a number latitude": b'[{"lat": 1e400, "lon": 5}]',
    "no coordinates": _json([{"name": "Tartus"}]),
    "a bad osm id": _json([{**TARTUS, "osm_id": "not a number"}]),
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("query", sorted(BAD_ANSWERS))
def test_a_bad_answer_is_an_error_and_never_cached(tmp_path, query):
    with Hostile({q: {"body": body} for q, body in BAD_ANSWERS.items()}) as server:
        geo = geocoder(server, tmp_path / "geocode.sqlite3")
        for _ in range(2):
            with pytest.raises(GazetteerError):
                geo.lookup(query)
        geo.close()
        # Asked twice: neither the answer nor a "not found" was cached, so a later build
        # neither crashes on it nor believes the place does not exist.
        assert server.queries == [query, query]
    with sqlite3.connect(tmp_path / "geocode.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM geocode").fetchone() == (0,)


def test_a_real_empty_answer_is_still_a_cached_not_found(tmp_path):
    with Hostile({}) as server:
        geo = geocoder(server, tmp_path / "c.sqlite3")
        assert geo.lookup("Atlantis") is None
        assert geo.lookup("Atlantis") is None
        assert server.queries == ["Atlantis"]


def test_an_absurd_retry_after_gives_up_without_waiting(tmp_path):
    answers = {"Busy": {"status": 429, "body": b"slow down", "headers": {"Retry-After": "9" * 400}}}
    fake = FakeTime()
    with Hostile(answers) as server:
        geo = geocoder(server, tmp_path / "c.sqlite3", clock=fake.clock, sleep=fake.sleep)
        with pytest.raises(GazetteerError, match="rate limiting"):
            geo.lookup("Busy")
        assert server.queries == ["Busy"]
    assert fake.sleeps == []


@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_server_dripping_bytes_is_cut_off_at_the_deadline(tmp_path, part):
    body = _json([TARTUS])
    # A byte every 50 ms: about 15 s for the whole answer.
    answers = {"Tartus": {"body": body, "drip": 0.05, "drip_body": part == "body"}}
    with Hostile(answers) as server:
        # Each byte comes well within the socket timeout, so only a total deadline stops it.
        geo = geocoder(server, tmp_path / "c.sqlite3", timeout=5.0, deadline=1.0)
        with pytest.raises(GazetteerError, match="within 1 s"):
            geo.lookup("Tartus")
        total = len(body) + 100
        assert server.sent.get("Tartus", 0) < total / 2  # cut off long before the end
        assert not geo._cache.get(geo.cache_key, "tartus")[0]


@pytest.mark.parametrize("announced", [True, False])
def test_an_answer_over_the_size_cap_is_refused(tmp_path, announced):
    padding = "x" * 3_000_000
    body = _json([{**TARTUS, "padding": padding}])
    with Hostile({"Tartus": {"body": body, "length": announced}}) as server:
        geo = geocoder(server, tmp_path / "c.sqlite3", max_bytes=1_000_000)
        with pytest.raises(GazetteerError, match="too large"):
            geo.lookup("Tartus")
        assert not geo._cache.get(geo.cache_key, "tartus")[0]
        small = geocoder(server, tmp_path / "d.sqlite3")  # the default cap is larger
        assert small.lookup("Tartus").name == "Tartus"


def _corrupt(path: Path) -> None:
    path.write_bytes(b"this is not a database" * 1000)


def _other_schema(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE geocode (name TEXT, lat REAL)")
        db.execute("INSERT INTO geocode VALUES ('Tartus', 1.0)")


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("damage", [_corrupt, _other_schema, _folder])
def test_a_broken_cache_file_is_a_problem_not_a_crash(tmp_path, damage):
    cache = tmp_path / "geocode.sqlite3"
    damage(cache)
    problems = []
    with Hostile({"Tartus": {"body": _json([TARTUS])}}) as server:
        fallback = OnlineFallback(_Nothing(), geocoder(server, cache), on_problem=problems.append)
        assert fallback.resolve("Tartus").name == "Tartus"
        assert fallback.resolve("Tartus").name == "Tartus"
        assert server.queries == ["Tartus"]  # cached in memory for the run
    assert len(problems) == 1
    assert "geocode cache" in problems[0].message and str(cache) in problems[0].message


class _Nothing:
    """An offline gazetteer that knows no place."""

    def resolve(self, name, *, context=None):
        return None


def test_online_failures_reach_the_builds_problems(tmp_path, monkeypatch):
    import gazetteer
    from geo.pipeline import BuildOptions, make_gazetteer

    with Hostile({"Xyzzy Ridge": {"body": b'"no"'}}) as server:

        def test_geocoder(*, user_agent):
            return geocoder(server, tmp_path / "c.sqlite3")

        monkeypatch.setattr(gazetteer, "OnlineGeocoder", test_geocoder)
        problems = []
        gaz = make_gazetteer(BuildOptions(online=True, user_agent="t/1"), problems.append)
        assert gaz.resolve("Xyzzy Ridge") is None
    assert [p.source for p in problems] == ["online geocoding"]
    assert "Xyzzy Ridge" in problems[0].message
