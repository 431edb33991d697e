"""geo.extract draws a derived area only for what is read: the events' places at once, the
other mentions' when the mentions table is first read."""

from __future__ import annotations

from datetime import date

import shapely

from gazetteer.place import LazyPlace
from geo import Article, extract

TEXT = (
    "The museum near Zhytomyr has a fine collection of icons, its director said.\n\n"
    "Protesters marched in Tbilisi on Monday against the new law."
)


def test_areas_only_mentioned_are_drawn_when_the_mentions_table_is_read() -> None:
    result = extract([Article(id="a", text=TEXT, published=date(2024, 10, 16))])
    assert "Tbilisi" in set(result.events["place_name"])
    near = [p for p in result.mention_places if isinstance(p, LazyPlace)]
    assert [p.name for p in near] == ["Near Zhytomyr"]
    # no event there: nothing has read its outline (no other test names Zhytomyr, whose
    # area the process would keep)
    assert not near[0].is_drawn
    mentions = result.mentions
    assert near[0].is_drawn
    row = mentions[mentions["place_name"] == "Near Zhytomyr"].iloc[0]
    assert shapely.equals(row.geometry, near[0].geometry)
    assert row.geometry.contains(shapely.Point(28.66, 50.25))  # Zhytomyr itself
    assert result.mentions is mentions  # built once
