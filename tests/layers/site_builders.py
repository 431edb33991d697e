"""Small events tables for the site tests, written by hand (no geo pipeline involved).

The events are invented and spread over other regions and kinds of event than the bundled
sample: a ceasefire in Addis Ababa, a naval patrol in the Strait of Malacca (a derived area),
a wildfire in British Columbia (a category the project does not know), cyclone relief around
Fiji (an area split at the antimeridian), a protest in La Paz and a summer summit in Reykjavik.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
from shapely.geometry import MultiPolygon, Point, Polygon, box

from layers import ArticleDoc

ADDIS_TEXT = (
    "Negotiators in Addis Ababa signed a ceasefire on Saturday, the mediators said.\n\n"
    "Delegations had flown in from Nairobi and Mekelle earlier in the week."
)
MALACCA_TEXT = (
    "A joint patrol sailed through the Strait of Malacca this week, off the coast of "
    "Penang. Fishermen near Penang reported grey hulls on Tuesday."
)


def _source(article: str, outlet: str | None, url: str | None, quote: str, **extra: Any) -> dict:
    return {
        "article": article,
        "title": extra.get("title"),
        "outlet": outlet,
        "url": url,
        "published": extra.get("published"),
        "quote": quote,
    }


def _event(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "place_id": "",
        "place_kind": "other",
        "geo_precision": 1,
        "date_precision": "day",
        "sources": [],
        "source_count": 0,
        "confidence": 1.0,
        "derivation": None,
        "notes": [],
    }
    base.update(fields)
    base["source_count"] = len({s["article"] for s in base["sources"]})
    return base


def world_events() -> gpd.GeoDataFrame:
    """Six events in six regions; ids are stable."""
    rows = [
        _event(
            id="addis-ceasefire",
            title="Ceasefire signed in Addis Ababa",
            category="diplomacy",
            place_name="Addis Ababa",
            place_id="geonames:344979",
            place_kind="capital",
            start="2024-11-02",
            end="2024-11-02",
            sources=[
                _source(
                    "addis-1",
                    "Horn Observer",
                    "https://horn.example.org/ceasefire",
                    "Negotiators in Addis Ababa signed a ceasefire on Saturday",
                    title="Ceasefire signed",
                    published="2024-11-03",
                ),
                _source(
                    "addis-2",
                    "Addis Standard Wire",
                    "https://wire.example.et/truce",
                    "The truce was signed in the capital.",
                ),
            ],
            notes=["Sources disagree on whether Mekelle delegates signed."],
            geometry=Point(38.7469, 9.0249),
        ),
        _event(
            id="malacca-patrol",
            title="Joint naval patrol, Strait of Malacca",
            category="military",
            place_name="Waters off Penang",
            place_id="derived:coast:50km:geonames:1735106",
            place_kind="derived",
            geo_precision=2,
            start="2024-11-04",
            end="2024-11-10",
            date_precision="week",
            derivation="the sea within 50 km of the coast of Penang",
            sources=[
                _source(
                    "malacca-1",
                    "Straits Courier",
                    "https://courier.example.my/patrol",
                    "A joint patrol sailed through the Strait of Malacca this week",
                )
            ],
            confidence=0.7,
            geometry=Polygon([(99.6, 5.0), (100.2, 5.0), (100.3, 5.8), (99.7, 5.9)]),
        ),
        _event(
            id="bc-wildfire",
            title="Wildfire forces evacuations in British Columbia",
            category="wildfire",
            place_name="British Columbia",
            place_id="ne:admin1:CA-BC",
            place_kind="admin1",
            geo_precision=3,
            start="2024-08-01",
            end="2024-08-31",
            date_precision="month",
            sources=[
                _source(
                    "bc-1", "Pacific Ledger", "http://ledger.example.ca/fire", "Crews fought it."
                )
            ],
            geometry=Polygon([(-139, 48.3), (-114, 49), (-120, 60), (-139, 60)]),
        ),
        _event(
            id="fiji-relief",
            title="Cyclone relief around Fiji",
            category="disaster",
            place_name="Waters around Fiji",
            place_id="derived:around:200km:geonames:2205218",
            place_kind="derived",
            geo_precision=2,
            start="2024-12-01",
            end="2024-12-03",
            derivation="within 200 km around Fiji",
            geometry=MultiPolygon(
                [box(176.0, -20.0, 180.0, -15.0), box(-180.0, -20.0, -178.0, -15.0)]
            ),
        ),
        _event(
            id="lapaz-protest",
            title="Teachers march in La Paz",
            category="conflict",
            place_name="La Paz",
            place_id="geonames:3911925",
            place_kind="city",
            start="2024-09-15",
            end="2024-09-15",
            date_precision="unknown",
            sources=[_source("lapaz-1", None, None, "Thousands of teachers marched.")],
            geometry=Point(-68.15, -16.5),
        ),
        _event(
            id="reykjavik-summit",
            title="Arctic council summit in Reykjavik",
            category="diplomacy",
            place_name="Reykjavik",
            place_id="geonames:3413829",
            place_kind="capital",
            start="2024-06-01",
            end="2024-08-31",
            date_precision="season",
            sources=[
                _source(
                    "reyk-1",
                    "Nordic Dispatch",
                    "https://nordic.example.is/summit",
                    "Ministers met.",
                )
            ],
            geometry=Point(-21.94, 64.15),
        ),
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _mention(article: str, text: str, phrase: str, **fields: Any) -> dict[str, Any]:
    start = text.index(phrase)
    row = {
        "article": article,
        "char_start": start,
        "char_end": start + len(phrase),
        "text": phrase,
        "sentence": text[max(0, start - 30) : start + len(phrase) + 30],
        "place_kind": "city",
        "date_precision": "day",
    }
    row.update(fields)
    return row


def world_mentions() -> gpd.GeoDataFrame:
    """Mentions of places in the two articles of :func:`world_articles`."""
    rows = [
        _mention(
            "addis-1",
            ADDIS_TEXT,
            "Addis Ababa",
            place_id="geonames:344979",
            place_name="Addis Ababa",
            place_kind="capital",
            start="2024-11-02",
            end="2024-11-02",
            geometry=Point(38.7469, 9.0249),
        ),
        _mention(
            "addis-1",
            ADDIS_TEXT,
            "Nairobi",
            place_id="geonames:184745",
            place_name="Nairobi",
            start="2024-10-28",
            end="2024-11-01",
            geometry=Point(36.8172, -1.2864),
        ),
        _mention(
            "malacca-1",
            MALACCA_TEXT,
            "the Strait of Malacca",
            place_id="ne:marine:strait-of-malacca",
            place_name="Strait of Malacca",
            place_kind="strait",
            start="2024-11-04",
            end="2024-11-10",
            date_precision="week",
            geometry=Polygon([(98, 3), (101, 2), (102, 3), (99.5, 5.5)]),
        ),
        _mention(
            "malacca-1",
            MALACCA_TEXT,
            "near Penang",
            place_id="geonames:1735106",
            place_name="George Town",
            start=None,
            end=None,
            date_precision="unknown",
            geometry=Point(100.3354, 5.4141),
        ),
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def world_articles() -> list[ArticleDoc]:
    return [
        ArticleDoc(
            id="addis-1",
            title="Ceasefire signed",
            outlet="Horn Observer",
            url="https://horn.example.org/ceasefire",
            published="2024-11-03",
            text=ADDIS_TEXT,
        ),
        ArticleDoc(
            id="malacca-1",
            title="Grey hulls off Penang",
            outlet="Straits Courier",
            url="https://courier.example.my/patrol",
            published="2024-11-08",
            text=MALACCA_TEXT,
        ),
    ]


# --------------------------------------------------------------------------- hostile input

#: Strings that would run script if they were ever pasted into HTML or JavaScript unescaped.
PAYLOADS = (
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1;alert(1)">',
    "`${window.pwned=1}` ${alert(1)}",
    "</script><script>window.pwned=1;alert(1)</script>",
    '"><svg onload="window.pwned=1">',
    "\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e \\ \\\\",
    "line\u2028separator\u2029 <!-- -->",
)
HOSTILE_URL = "javascript:window.pwned=1;alert(1)"
HOSTILE_TEXT = (
    "Officials in Kinshasa <script>window.pwned=1</script> denied the report. "
    "`${window.pwned=1}` Residents of Goma said otherwise."
)


def hostile_events() -> gpd.GeoDataFrame:
    """Events whose every string field carries a script payload."""
    rows = []
    for n, payload in enumerate(PAYLOADS):
        rows.append(
            _event(
                id=f"evil-{n}" if n % 2 else f'evil"{n}><img src=x onerror=window.pwned=1>',
                title=f"Title {payload}",
                category=f"cat {payload}" if n < 3 else "conflict",
                place_name=f"Place {payload}",
                place_id=f"geonames:{payload}",
                place_kind="city",
                start="2024-03-0" + str(n + 1),
                end="2024-03-0" + str(n + 1),
                derivation=f"derived {payload}",
                notes=[f"note {payload}"],
                sources=[
                    _source(
                        f"art-{n}" if n else "hostile-article",
                        f"Outlet {payload}",
                        HOSTILE_URL if n % 2 == 0 else f"https://ok.example/{n}?q=</script>",
                        f"Quote {payload}",
                        title=f"Headline {payload}",
                    )
                ],
                geometry=Point(15.3 + n, -4.3 + n),
            )
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def hostile_mentions() -> gpd.GeoDataFrame:
    rows = [
        _mention(
            "hostile-article",
            HOSTILE_TEXT,
            "<script>window.pwned=1</script>",
            place_id="geonames:<script>window.pwned=1</script>",
            place_name="Kinshasa <img src=x onerror=window.pwned=1>",
            start="2024-03-01",
            end="2024-03-01",
            geometry=Point(15.3, -4.3),
        ),
        _mention(
            "hostile-article",
            HOSTILE_TEXT,
            "Goma",
            place_id="geonames:`${window.pwned=1}`",
            place_name="Goma `${window.pwned=1}`",
            start="2024-03-01",
            end="2024-03-01",
            geometry=Point(29.2, -1.68),
        ),
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def hostile_articles() -> list[ArticleDoc]:
    return [
        ArticleDoc(
            id="hostile-article",
            title="<script>window.pwned=1</script> Headline",
            outlet='<img src=x onerror="window.pwned=1">',
            url=HOSTILE_URL,
            published="2024-03-02",
            text=HOSTILE_TEXT,
        ),
        ArticleDoc(
            id="../../escape attempt",
            title="`${window.pwned=1}`",
            outlet=None,
            url="https://ok.example/</script>",
            published=None,
            text="Nothing to see </script><script>window.pwned=1</script>",
        ),
    ]


def overlapping(frame: gpd.GeoDataFrame, first: str, last: str) -> set[str]:
    """Ids of the events whose [start, end] overlaps [first, last] (ISO dates)."""
    return {row.id for row in frame.itertuples() if row.start <= last and row.end >= first}
