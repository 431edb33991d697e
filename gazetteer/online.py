"""Opt-in online geocoding for names the offline gazetteer cannot resolve.

:class:`OnlineGeocoder` wraps a geopy geocoder (Nominatim by default, any geopy service by
name) with the manners a public service asks for: a user agent that names you (required), at
most one request per ``min_interval`` seconds, ``Retry-After`` honoured on HTTP 429, and a
persistent SQLite cache keyed by (provider, normalized query) so a name is asked once. Every
request has a total deadline and a size cap (:mod:`gazetteer.online_http`). An answer is
turned into a place before it is cached: a failure (timeout, 5xx, malformed or unusable
answer, connection refused) is never cached; a real empty answer is cached as "not found"
(for :data:`~gazetteer.online_cache.NOT_FOUND_DAYS`). A broken cache file falls back to a
cache in memory (:mod:`gazetteer.online_cache`).

:class:`OnlineFallback` puts it behind a gazetteer: the offline result always wins, and a
failing service never raises out of :meth:`~OnlineFallback.resolve`; the failure is logged on
the ``gazetteer`` logger and kept in :attr:`OnlineFallback.problems`.

Privacy: every name sent online leaves the machine (see docs/online.md).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point, box, shape
from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError
from gazetteer.frames import polygons_only
from gazetteer.normalize import normalize
from gazetteer.online_cache import AnswerCache
from gazetteer.online_http import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BYTES,
    BoundedAdapter,
    retry_delay,
)
from gazetteer.place import KINDS, Place

__all__ = ["OnlineFallback", "OnlineGeocoder", "OnlineProblem", "default_cache_path"]

logger = logging.getLogger("gazetteer")

#: Geometry modes of :class:`OnlineGeocoder`.
GEOMETRY_MODES = frozenset({"point", "bbox", "polygon"})

#: Nominatim (class, type) or addresstype → gazetteer kind.
_TYPE_KINDS: dict[str, str] = {
    "city": "city",
    "town": "city",
    "village": "city",
    "hamlet": "city",
    "suburb": "city",
    "municipality": "city",
    "borough": "city",
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "region": "region",
    "county": "region",
    "state_district": "region",
    "island": "island",
    "islet": "island",
    "archipelago": "island_group",
    "peninsula": "peninsula",
    "strait": "strait",
    "bay": "bay",
    "sea": "sea",
    "ocean": "ocean",
    "desert": "desert",
    "mountain_range": "range",
    "ridge": "range",
    "lagoon": "lagoon",
}


def default_cache_path() -> Path:
    """Where the cache lives unless told otherwise: ``$XDG_CACHE_HOME/geo-news-map/
    geocode.sqlite3`` (``~/.cache/…`` when XDG_CACHE_HOME is unset)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "geo-news-map" / "geocode.sqlite3"


class OnlineGeocoder:
    """A polite, cached geopy geocoder returning :class:`~gazetteer.place.Place` objects.

    ``user_agent`` is required (it names you to the service: an app name and a contact).
    ``provider`` is any geopy service name (``"nominatim"``, ``"photon"``, …); extra keyword
    arguments go to that geocoder (an API key, for instance). ``domain``/``scheme`` point it
    at another server (your own Nominatim, or a test server). ``geometry`` is ``"point"``,
    ``"bbox"`` or ``"polygon"`` (Nominatim's GeoJSON outline). ``timeout`` bounds one wait for
    bytes, ``deadline`` a whole request, ``max_bytes`` the size of an answer. ``clock``/``sleep``
    are for tests.
    """

    def __init__(
        self,
        provider: str = "nominatim",
        *,
        user_agent: str | None = None,
        cache_path: str | Path | None = None,
        min_interval: float = 1.0,
        timeout: float = 10.0,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        domain: str | None = None,
        scheme: str | None = None,
        geometry: str = "point",
        max_retries: int = 2,
        max_retry_after: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        **provider_options: Any,
    ) -> None:
        if user_agent is None or not user_agent.strip() or user_agent.startswith("geopy/"):
            raise GazetteerError(
                "online geocoding needs a user agent that identifies you to the service, "
                "e.g. 'my-newsroom-map/1.0 (maps@example.org)'; set it with --user-agent "
                "(Nominatim's usage policy requires one)"
            )
        if geometry not in GEOMETRY_MODES:
            raise GazetteerError(
                f"unknown geometry mode {geometry!r}; use one of {sorted(GEOMETRY_MODES)}"
            )
        if min_interval < 0 or timeout <= 0 or deadline <= 0 or max_bytes <= 0:
            raise GazetteerError(
                "min_interval must be >= 0 and timeout, deadline and max_bytes > 0, got "
                f"{min_interval!r}, {timeout!r}, {deadline!r}, {max_bytes!r}"
            )
        from geopy.geocoders import get_geocoder_for_service

        try:
            geocoder_class = get_geocoder_for_service(provider)
        except Exception as error:  # geopy raises ConfigurationError
            raise GazetteerError(f"unknown geocoding provider {provider!r}: {error}") from error
        options: dict[str, Any] = {
            "user_agent": user_agent,
            "timeout": timeout,
            # No retries inside the HTTP library: 429/Retry-After and the request spacing are
            # handled here, where the rate limit can see every attempt.
            "adapter_factory": functools.partial(
                BoundedAdapter, deadline=deadline, max_bytes=max_bytes
            ),
        }
        if domain is not None:
            options["domain"] = domain
        if scheme is not None:
            options["scheme"] = scheme
        options.update(provider_options)
        self.provider = provider
        self.cache_key = provider if domain is None else f"{provider}@{domain}"
        self.geometry = geometry
        self.min_interval = min_interval
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after
        self._geocoder = geocoder_class(**options)
        self._cache = AnswerCache(
            Path(cache_path) if cache_path is not None else default_cache_path()
        )
        self._clock = clock
        self._sleep = sleep
        self._last_request: float | None = None
        self._lock = threading.Lock()

    @property
    def cache_path(self) -> Path:
        return self._cache.path

    def close(self) -> None:
        """Close the cache database."""
        self._cache.close()

    def take_notices(self) -> list[str]:
        """What went wrong with the cache since the last call (it went on in memory)."""
        notices, self._cache.notices = self._cache.notices, []
        return notices

    def lookup(self, name: str) -> Place | None:
        """The service's best place for ``name``, or None when it knows none (cached).

        Raises GazetteerError when the service fails (timeout, deadline, HTTP error, an answer
        too large, malformed or unusable, unreachable); such failures are not cached, so a
        later call asks again. A cached answer that no longer makes a place is asked again.
        """
        query = " ".join(name.split())
        key = normalize(query)
        if not key:
            return None
        hit, raw = self._cache.get(self.cache_key, key)
        if hit:
            if raw is None:
                return None
            try:
                return self._place(raw, query)
            except GazetteerError:
                pass  # a bad row (an older version, a hand edit): ask again
        raw = self._fetch(query)
        place = self._place(raw, query) if raw is not None else None
        self._cache.put(self.cache_key, key, raw)
        return place

    # -- requests --------------------------------------------------------------------------

    def _wait_turn(self) -> None:
        """Sleep until ``min_interval`` has passed since the previous request ended."""
        if self._last_request is not None:
            wait = self._last_request + self.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _fetch(self, query: str) -> dict[str, Any] | None:
        from geopy.exc import GeocoderRateLimited

        kwargs: dict[str, Any] = {"exactly_one": True}
        if self.provider == "nominatim":
            kwargs["addressdetails"] = True
            if self.geometry == "polygon":
                kwargs["geometry"] = "geojson"
        with self._lock:
            for attempt in range(self.max_retries + 1):
                self._wait_turn()
                try:
                    location = self._geocoder.geocode(query, **kwargs)
                except GeocoderRateLimited as error:
                    self._last_request = self._clock()
                    delay = retry_delay(error.retry_after, self.min_interval)
                    if attempt == self.max_retries or delay > self.max_retry_after:
                        raise GazetteerError(
                            f"{self.provider} is rate limiting us (HTTP 429) for {query!r}; "
                            "try again later"
                        ) from error
                    # Retry-After: wait that long before the next request.
                    self._sleep(delay)
                    self._last_request = self._clock()
                    continue
                except Exception as error:
                    # Any exception: geopy's parsers trust the answer's shape, and a hostile
                    # or broken service must not end the build.
                    self._last_request = self._clock()
                    raise GazetteerError(
                        f"{self.provider} failed for {query!r}: {type(error).__name__}: "
                        f"{str(error)[:300]}"
                    ) from error
                # The interval runs from the end of a request, so the server sees requests
                # at least min_interval apart whatever the network delays.
                self._last_request = self._clock()
                if location is None:
                    return None
                raw = getattr(location, "raw", None)
                try:
                    lat, lon = float(location.latitude), float(location.longitude)
                except (TypeError, ValueError, OverflowError, AttributeError):
                    lat = lon = math.nan
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise GazetteerError(
                        f"{self.provider} answered {query!r} with no usable coordinates"
                    )
                return {
                    **(raw if isinstance(raw, dict) else {}),
                    "_lat": lat,
                    "_lon": lon,
                    "_address": str(getattr(location, "address", "") or "")[:1000],
                }
        return None  # pragma: no cover - the loop always returns or raises

    # -- answers → places ------------------------------------------------------------------

    def _place(self, raw: dict[str, Any], query: str) -> Place:
        """The place an answer describes; GazetteerError when it describes none."""
        try:
            return Place(
                id=self._id(raw, query),
                name=_name(raw, query),
                kind=_kind(raw),
                geometry=self._geometry(raw),
                country=_country(raw),
                prominence=_prominence(raw),
                wikidata=_wikidata(raw),
                source=f"online:{self.provider}",
            )
        except Exception as error:  # the answer comes from outside: any shape at all
            raise GazetteerError(
                f"{self.provider}'s answer for {query!r} is unusable: {type(error).__name__}: "
                f"{str(error)[:300]}"
            ) from error

    def _id(self, raw: dict[str, Any], query: str) -> str:
        osm_type, osm_id = raw.get("osm_type"), raw.get("osm_id")
        if isinstance(osm_type, str) and osm_type and osm_id is not None:
            return f"{self.provider}:{osm_type[0].upper()}{int(osm_id)}"
        digest = hashlib.sha1(
            f"{raw['_lon']:.5f},{raw['_lat']:.5f},{raw['_address']}".encode()
        ).hexdigest()[:12]
        return f"{self.provider}:{digest}"

    def _geometry(self, raw: dict[str, Any]) -> BaseGeometry:
        lon, lat = float(raw["_lon"]), float(raw["_lat"])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GazetteerError(f"coordinates out of range: {lat!r}, {lon!r}")
        point = Point(lon, lat)
        if self.geometry == "polygon" and isinstance(raw.get("geojson"), dict):
            outline = polygons_only(shapely.make_valid(shape(raw["geojson"])))
            if not outline.is_empty and _in_bounds(outline):
                return outline
        if self.geometry in {"bbox", "polygon"} and raw.get("boundingbox"):
            south, north, west, east = (float(v) for v in raw["boundingbox"])
            if west < east and south < north:
                outline = box(west, south, east, north)
                if _in_bounds(outline):
                    return outline
        return point


def _in_bounds(geometry: BaseGeometry) -> bool:
    minx, miny, maxx, maxy = geometry.bounds
    return minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90


def _name(raw: dict[str, Any], query: str) -> str:
    name = raw.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()[:200]
    address = raw.get("display_name") or raw.get("_address") or ""
    first = str(address).split(",")[0].strip()
    return first[:200] or query


def _kind(raw: dict[str, Any]) -> str:
    for key in ("addresstype", "type"):
        value = raw.get(key)
        if isinstance(value, str) and value in _TYPE_KINDS:
            return _TYPE_KINDS[value]
    category = raw.get("category") or raw.get("class")
    if category == "place" and raw.get("type") in {"city", "town"}:
        return "city"
    if category == "natural" and raw.get("type") == "water":
        return "sea"
    kind = raw.get("type")
    return kind if isinstance(kind, str) and kind in KINDS else "other"


def _country(raw: dict[str, Any]) -> str | None:
    address = raw.get("address")
    code = address.get("country_code") if isinstance(address, dict) else None
    if isinstance(code, str) and len(code) == 2 and code.isalpha():
        return code.upper()
    return None


def _prominence(raw: dict[str, Any]) -> float:
    try:
        value = float(raw.get("importance") or 0.0)
    except (TypeError, ValueError):
        return 0.0
    return value if value >= 0 else 0.0


def _wikidata(raw: dict[str, Any]) -> str | None:
    tags = raw.get("extratags")
    value = tags.get("wikidata") if isinstance(tags, dict) else None
    return value if isinstance(value, str) and value.startswith("Q") else None


@dataclass(frozen=True, slots=True)
class OnlineProblem:
    """A name the online service could not answer, and why."""

    name: str
    message: str


class OnlineFallback:
    """A gazetteer that asks ``geocoder`` for names ``gazetteer`` cannot resolve.

    Everything else (``candidates``, ``get``, ``land``…) is the offline gazetteer's. Each
    failure of the service or of its cache is logged, kept in :attr:`problems` and, when
    given, passed to ``on_problem`` (a build counts it among its warnings).
    """

    def __init__(
        self,
        gazetteer: Any,
        geocoder: OnlineGeocoder,
        *,
        on_problem: Callable[[OnlineProblem], None] | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self.geocoder = geocoder
        self._on_problem = on_problem
        #: Failures of the online service, in order (also logged on the "gazetteer" logger).
        self.problems: list[OnlineProblem] = []
        self._take_notices()

    @property
    def offline(self) -> Any:
        """The wrapped offline gazetteer."""
        return self._gazetteer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._gazetteer, name)

    def __repr__(self) -> str:
        return f"OnlineFallback({self._gazetteer!r}, provider={self.geocoder.provider!r})"

    def with_places(self, path: str | Path) -> OnlineFallback:
        """The offline gazetteer with a places file applied, still with the online fallback."""
        return OnlineFallback(
            self._gazetteer.with_places(path), self.geocoder, on_problem=self._on_problem
        )

    def _report(self, name: str, message: str) -> None:
        problem = OnlineProblem(name, message)
        self.problems.append(problem)
        logger.warning("online lookup of %r failed: %s", name, message)
        if self._on_problem is not None:
            self._on_problem(problem)

    def _take_notices(self) -> None:
        for notice in self.geocoder.take_notices():
            self._report("(cache)", notice)

    def resolve(self, name: str, *, context: Any = None) -> Place | None:
        """The offline result when there is one; else the online answer (with the modifier
        applied, as offline); None when neither knows the name or the service fails."""
        place = self._gazetteer.resolve(name, context=context)
        if place is not None:
            return place
        from gazetteer.areas import derive
        from gazetteer.modifiers import parse_query

        modifier, base = parse_query(name)
        try:
            found = self.geocoder.lookup(base)
        except GazetteerError as error:
            self._report(name, str(error))
            return None
        finally:
            self._take_notices()
        if found is None or modifier is None:
            return found
        try:
            return derive(
                found, modifier, self._gazetteer, at_sea=bool(getattr(context, "at_sea", False))
            )
        except GazetteerError as error:
            self._report(name, f"no derived area for the online place: {error}")
            return None
