"""The opt-in online fallback, against a small Nominatim-like server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from shapely.geometry import Point

from gazetteer.errors import GazetteerError
from gazetteer.online import OnlineFallback, OnlineGeocoder
from gazetteer.place import Place

#: Answers of the fake service, by query (as Nominatim's /search in JSON).
PLACES = {
    "Zaporizhzhia Nuclear Power Plant": {
        "place_id": 1,
        "osm_type": "way",
        "osm_id": 123456,
        "lat": "47.5119",
        "lon": "34.5853",
        "class": "power",
        "type": "plant",
        "addresstype": "industrial",
        "name": "Zaporizhzhia Nuclear Power Plant",
        "display_name": "Zaporizhzhia Nuclear Power Plant, Enerhodar, Ukraine",
        "importance": 0.61,
        "boundingbox": ["47.50", "47.52", "34.57", "34.60"],
        "address": {"country_code": "ua", "country": "Ukraine"},
        "geojson": {
            "type": "Polygon",
            "coordinates": [[[34.57, 47.50], [34.60, 47.50], [34.60, 47.52], [34.57, 47.50]]],
        },
    },
    "Tartus": {
        "place_id": 2,
        "osm_type": "node",
        "osm_id": 42,
        "lat": "34.889",
        "lon": "35.887",
        "class": "place",
        "type": "city",
        "addresstype": "city",
        "name": "Tartus",
        "display_name": "Tartus, Syria",
        "importance": 0.5,
        "boundingbox": ["34.85", "34.93", "35.85", "35.93"],
        "address": {"country_code": "sy"},
    },
}


class FakeNominatim:
    """A Nominatim-like /search on 127.0.0.1 that records every request's time and query.

    Special queries: "Busy" answers 429 with Retry-After once, then like "Tartus"; "Broken"
    500; "Slow" answers after ``slow_seconds``; "Garbled" malformed JSON; unknown names [].
    """

    def __init__(self, slow_seconds: float = 1.0) -> None:
        self.requests: list[tuple[float, str]] = []
        self.slow_seconds = slow_seconds
        self.busy_answered = False
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                url = urlparse(self.path)
                query = parse_qs(url.query).get("q", [""])[0]
                fake.requests.append((time.monotonic(), query))
                if url.path != "/search":
                    return self._send(404, b"not found")
                if query == "Busy" and not fake.busy_answered:
                    fake.busy_answered = True
                    return self._send(429, b"slow down", {"Retry-After": "2"})
                if query == "Broken":
                    return self._send(500, b"internal error")
                if query == "Slow":
                    time.sleep(fake.slow_seconds)
                    return self._send(200, b"[]")
                if query == "Garbled":
                    return self._send(200, b'[{"lat": "1", "lon": ')
                answer = PLACES.get("Tartus" if query == "Busy" else query)
                body = json.dumps([answer] if answer else []).encode()
                return self._send(200, body)

            def _send(self, status, body, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)  # the client may have given up (timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def queries(self) -> list[str]:
        return [q for _, q in self.requests]

    def __enter__(self) -> FakeNominatim:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    with FakeNominatim() as fake:
        yield fake


class FakeTime:
    """A clock and a sleep that only move when slept: rate-limit tests without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def make_geocoder(server, tmp_path, **options) -> OnlineGeocoder:
    options.setdefault("min_interval", 0.0)
    return OnlineGeocoder(
        user_agent="geo-news-map-tests/1.0 (tests@example.invalid)",
        domain=server.domain,
        scheme="http",
        cache_path=tmp_path / "geocode.sqlite3",
        timeout=options.pop("timeout", 2.0),
        **options,
    )


def test_lookup_returns_a_place_and_caches_it(server, tmp_path):
    geocoder = make_geocoder(server, tmp_path)
    place = geocoder.lookup("Tartus")
    assert isinstance(place, Place)
    assert place.id == "nominatim:N42"
    assert (place.name, place.kind, place.country) == ("Tartus", "city", "SY")
    assert place.source == "online:nominatim"
    assert place.geometry.equals(Point(35.887, 34.889))  # lon, lat
    again = geocoder.lookup("  tartus ")  # same normalized query
    assert again == place
    assert server.queries() == ["Tartus"]  # the second call was a cache hit
    # The cache persists across geocoders (and runs).
    geocoder.close()
    assert make_geocoder(server, tmp_path).lookup("Tartus") == place
    assert server.queries() == ["Tartus"]


def test_polygon_and_bbox_geometries(server, tmp_path):
    polygon = make_geocoder(server, tmp_path / "p", geometry="polygon")
    plant = polygon.lookup("Zaporizhzhia Nuclear Power Plant")
    assert plant.geometry.geom_type == "Polygon"
    assert plant.id == "nominatim:W123456"
    assert plant.kind == "other"
    bbox = make_geocoder(server, tmp_path / "b", geometry="bbox")
    assert bbox.lookup("Tartus").geometry.bounds == (35.85, 34.85, 35.93, 34.93)


def test_not_found_is_cached_as_not_found(server, tmp_path):
    geocoder = make_geocoder(server, tmp_path)
    assert geocoder.lookup("Atlantis") is None
    assert geocoder.lookup("Atlantis") is None
    assert server.queries() == ["Atlantis"]


@pytest.mark.parametrize(
    ("query", "message"),
    [("Broken", "GeocoderServiceError|GeocoderUnavailable"), ("Garbled", "Parse|JSON|Expecting")],
)
def test_errors_raise_and_are_never_cached(server, tmp_path, query, message):
    geocoder = make_geocoder(server, tmp_path)
    with pytest.raises(GazetteerError, match=message):
        geocoder.lookup(query)
    with pytest.raises(GazetteerError):
        geocoder.lookup(query)
    assert server.queries() == [query, query]  # asked again: the error was not cached


def test_timeout_is_an_error_not_a_not_found(tmp_path):
    with FakeNominatim(slow_seconds=1.5) as slow:
        geocoder = make_geocoder(slow, tmp_path, timeout=0.3)
        with pytest.raises(GazetteerError, match=r"(?i)timed out"):
            geocoder.lookup("Slow")
        hit, _ = geocoder._cache.get(geocoder.cache_key, "slow")
        assert not hit


def test_connection_refused_is_an_error(tmp_path):
    with FakeNominatim() as gone:
        domain = gone.domain
    geocoder = OnlineGeocoder(
        user_agent="geo-news-map-tests/1.0",
        domain=domain,
        scheme="http",
        cache_path=tmp_path / "c.sqlite3",
        timeout=1.0,
    )
    with pytest.raises(GazetteerError, match="nominatim failed"):
        geocoder.lookup("Tartus")


def test_retry_after_is_honoured(server, tmp_path):
    fake = FakeTime()
    geocoder = make_geocoder(server, tmp_path, clock=fake.clock, sleep=fake.sleep)
    place = geocoder.lookup("Busy")
    assert place is not None and place.name == "Tartus"
    assert server.queries() == ["Busy", "Busy"]
    assert 2.0 in fake.sleeps  # waited the Retry-After before asking again


def test_rate_limit_spaces_requests_by_min_interval(server, tmp_path):
    fake = FakeTime()
    geocoder = make_geocoder(server, tmp_path, min_interval=1.0, clock=fake.clock, sleep=fake.sleep)
    for name in ["Tartus", "Atlantis", "Lemuria"]:
        geocoder.lookup(name)
    assert fake.sleeps == [1.0, 1.0]  # before the 2nd and 3rd request, none before the 1st
    geocoder.lookup("Tartus")  # cached: no request, no wait
    assert fake.sleeps == [1.0, 1.0]


def test_rate_limit_seen_by_the_server(server, tmp_path):
    geocoder = make_geocoder(server, tmp_path, min_interval=0.3)
    for name in ["Tartus", "Atlantis", "Lemuria"]:
        geocoder.lookup(name)
    times = [t for t, _ in server.requests]
    assert len(times) == 3
    assert all(b - a >= 0.3 - 0.01 for a, b in itertools.pairwise(times))


def test_user_agent_is_required():
    for agent in (None, "", "  ", "geopy/2.4"):
        with pytest.raises(GazetteerError, match="user agent"):
            OnlineGeocoder(user_agent=agent)
    with pytest.raises(GazetteerError, match="unknown geocoding provider"):
        OnlineGeocoder("no-such-service", user_agent="x/1")


class OfflineStub:
    """An offline gazetteer that knows one name (and has no land: point rules only)."""

    def __init__(self) -> None:
        self.kyiv = Place("test:kyiv", "Kyiv", "capital", Point(30.52, 50.45), country="UA")

    def resolve(self, name, *, context=None):
        return self.kyiv if name == "Kyiv" else None

    def land(self):
        return Point(0, 0).buffer(0.1)

    def intersecting(self, geometry, kinds=None):
        return []

    def get(self, place_id):
        return self.kyiv


def test_fallback_prefers_offline_and_survives_failures(server, tmp_path, caplog):
    fallback = OnlineFallback(OfflineStub(), make_geocoder(server, tmp_path))
    assert fallback.resolve("Kyiv").id == "test:kyiv"
    assert server.queries() == []  # the offline answer won: no request
    assert fallback.resolve("Tartus").id == "nominatim:N42"
    with caplog.at_level(logging.WARNING, logger="gazetteer"):
        assert fallback.resolve("Broken") is None  # no exception out of resolve
    assert [p.name for p in fallback.problems] == ["Broken"]
    assert "Broken" in caplog.text
    # Modifiers apply to online places too: "near Tartus" on land is a 50 km disc.
    near = fallback.resolve("near Tartus")
    assert near.kind == "derived" and near.derivation.base_id == "nominatim:N42"
    assert near.geometry.covers(Point(35.887, 34.889))
    # Other gazetteer methods are the offline one's.
    assert fallback.get("x") is fallback.offline.kyiv


def test_fallback_with_unreachable_service_returns_none(tmp_path):
    with FakeNominatim() as gone:
        domain = gone.domain
    geocoder = OnlineGeocoder(
        user_agent="geo-news-map-tests/1.0",
        domain=domain,
        scheme="http",
        cache_path=tmp_path / "c.sqlite3",
        timeout=1.0,
    )
    fallback = OnlineFallback(OfflineStub(), geocoder)
    assert fallback.resolve("Tartus") is None
    assert len(fallback.problems) == 1
