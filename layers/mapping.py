"""The folium side of a page: the map, its layers and layer control, rendered reproducibly.

Folium writes the JavaScript that creates the Leaflet map, the base layers, one feature
group per event category, the "places mentioned" group and the layer control. It never sees
article text: the features, popups and list are drawn by ``assets/site.js`` from a JSON data
block. The only strings from the data that reach folium are category labels, which are
HTML-escaped here (Leaflet's layer control writes names as HTML) and then JSON-escaped by
folium (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``).

Folium gives every element a random id; :func:`render_map` renumbers them in tree order so
that the same map renders to the same bytes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import folium
import xyzservices
from branca.element import Element, Figure, MacroElement
from folium.map import Layer
from folium.template import Template

from layers.assets import script_urls, stylesheet_urls
from layers.csp import tile_hosts
from layers.errors import SiteError
from layers.style import CategoryStyle

__all__ = [
    "MapParts",
    "OnlineTiles",
    "embed_map",
    "embed_site_map",
    "index_map",
    "online_tiles",
    "render_map",
]


class SiteMap(folium.Map):
    """A folium Map without folium's page furniture.

    folium's header sets ``maximum-scale=1, user-scalable=no`` (which blocks pinch-zoom) and
    adds inline ``<style>`` blocks (which the pages' CSP refuses); the page templates provide
    the viewport and the styles instead. The map script is folium's own.
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <div class="folium-map" id={{ this.get_name()|tojson }}></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {
                    center: {{ this.location|tojson }},
                    crs: L.CRS.{{ this.crs }},
                    ...{{this.options|tojavascript}}
                }
            );
        {% endmacro %}
        """
    )

    def __init__(self, prefix: str, **kwargs: object) -> None:
        super().__init__(tiles=None, **kwargs)  # type: ignore[arg-type]
        # Local copies instead of folium's CDN lists; per instance, so pages in sub-folders
        # get their own relative paths.
        self.default_js = [(f"js{i}", url) for i, url in enumerate(script_urls(prefix))]
        self.default_css = [(f"css{i}", url) for i, url in enumerate(stylesheet_urls(prefix))]


class OfflineBasemap(Layer):
    """The Natural Earth base map (``GeoBasemap.layer`` from ``basemap-layer.js``) as a base
    layer, credited in the map's attribution."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = GeoBasemap.layer({});
            {{ this.get_name() }}.getAttribution = function () {
                return GeoBasemap.attribution;
            };
        {% endmacro %}
        """
    )

    def __init__(self, name: str = "Offline map (Natural Earth)", show: bool = True) -> None:
        super().__init__(name=name, overlay=False, control=True, show=show)
        self._name = "OfflineBasemap"


class SiteScript(MacroElement):
    """Hands the folium-made Leaflet objects to ``site.js``: ``GeoNewsMap.<entry>({...})``.

    Only variable names are written here; the data comes from the page's JSON block.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            GeoNewsMap.{{ this.entry }}({
                map: {{ this.map.get_name() }},
                base: {{ this.base.get_name() }},
                groups: [{{ this.group_names }}],
                places: {{ this.places.get_name() if this.places else "null" }},
                control: {{ this.control.get_name() if this.control else "null" }}
            });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        entry: str,
        map_: folium.Map,
        base: Layer,
        groups: Sequence[folium.FeatureGroup],
        places: folium.FeatureGroup | None = None,
        control: folium.LayerControl | None = None,
    ) -> None:
        super().__init__()
        if entry not in {"start", "embed"}:
            raise SiteError(f"unknown site script entry {entry!r}")
        self._name = "SiteScript"
        self.entry = entry
        self.map = map_
        self.base = base
        self.groups = list(groups)
        self.places = places
        self.control = control

    @property
    def group_names(self) -> str:
        """The JavaScript names of the groups, comma-separated (known only at render time)."""
        return ", ".join(g.get_name() for g in self.groups)


@dataclass(frozen=True, slots=True)
class OnlineTiles:
    """An online tile layer a builder opted into: its folium layer and the hosts it loads."""

    name: str
    url: str
    attribution: str
    max_zoom: int
    subdomains: str
    hosts: tuple[str, ...]


def online_tiles(names: Sequence[str]) -> list[OnlineTiles]:
    """Look up xyzservices providers by name (``"OpenStreetMap.Mapnik"``, ``"CartoDB.Positron"``).

    Raises :class:`SiteError` for an unknown name or a provider that needs an API key.
    """
    out: list[OnlineTiles] = []
    for name in names:
        try:
            provider = xyzservices.providers.query_name(name)
        except ValueError as exc:
            raise SiteError(
                f"unknown tile provider {name!r}; use an xyzservices name such as "
                "'OpenStreetMap.Mapnik' or 'CartoDB.Positron'"
            ) from exc
        if provider.requires_token():
            raise SiteError(f"tile provider {name!r} needs an API key; pick another")
        url = provider.build_url(fill_subdomain=False)
        subdomains = str(provider.get("subdomains", "abc"))
        hosts = tuple(tile_hosts(url, subdomains))
        if not hosts:
            raise SiteError(f"tile provider {name!r} has no http(s) URL")
        out.append(
            OnlineTiles(
                name=provider.name,
                url=url,
                attribution=provider.html_attribution,
                max_zoom=int(provider.get("max_zoom", 19)),
                subdomains=subdomains,
                hosts=hosts,
            )
        )
    return out


def _new_map(prefix: str, *, zoom_control: bool = True) -> SiteMap:
    return SiteMap(
        prefix,
        location=[20, 0],
        zoom_start=2,
        min_zoom=1,
        prefer_canvas=True,
        zoom_control=zoom_control,
    )


def _add_tiles(m: folium.Map, tiles: Sequence[OnlineTiles]) -> None:
    for t in tiles:
        folium.TileLayer(
            tiles=t.url,
            attr=t.attribution,
            name=t.name,
            max_zoom=t.max_zoom,
            subdomains=t.subdomains,
            overlay=False,
            show=False,
        ).add_to(m)


def layer_label(style: CategoryStyle) -> str:
    """The layer control's label for a category: a colour swatch and the escaped label."""
    return f'<span class="swatch {style.css_class}"></span> {html.escape(style.label)}'


def index_map(
    categories: Sequence[CategoryStyle],
    *,
    tiles: Sequence[OnlineTiles] = (),
    places: bool,
    prefix: str = "",
) -> folium.Map:
    """The main page's map: base layers, a group per category, places mentioned, a control.

    ``prefix`` is the page's path to the site root (``"../"`` for the whole-map embed)."""
    m = _new_map(prefix)
    base = OfflineBasemap().add_to(m)
    _add_tiles(m, tiles)
    groups = [folium.FeatureGroup(name=layer_label(s)).add_to(m) for s in categories]
    places_group = None
    if places:
        places_group = folium.FeatureGroup(
            name='<span class="swatch places"></span> Places mentioned', show=False
        ).add_to(m)
    control = folium.LayerControl(position="topright", collapsed=True).add_to(m)
    SiteScript("start", m, base, groups, places_group, control).add_to(m)
    return m


def embed_site_map(
    categories: Sequence[CategoryStyle], *, tiles: Sequence[OnlineTiles] = (), places: bool
) -> folium.Map:
    """The whole-map embed's map (``embed/index.html``): the main page's, one folder down."""
    return index_map(categories, tiles=tiles, places=places, prefix="../")


def embed_map(*, tiles: Sequence[OnlineTiles] = ()) -> folium.Map:
    """An embed page's map: the base map and one group holding the event."""
    m = _new_map("../")
    base = OfflineBasemap().add_to(m)
    _add_tiles(m, tiles)
    group = folium.FeatureGroup(name="Event", control=False).add_to(m)
    control = folium.LayerControl(position="topright", collapsed=True).add_to(m) if tiles else None
    SiteScript("embed", m, base, [group], None, control).add_to(m)
    return m


def _renumber(element: Element, counter: list[int]) -> None:
    counter[0] += 1
    element._id = str(counter[0])
    for child in element._children.values():
        _renumber(child, counter)


@dataclass(frozen=True, slots=True)
class MapParts:
    """What folium rendered: links for ``<head>``, the map ``<div>``, and the map script."""

    head: str
    body: str
    script: str


def render_map(m: folium.Map) -> MapParts:
    """Render ``m`` into page parts, with element ids numbered in tree order (reproducible)."""
    figure = m.get_root()
    if not isinstance(figure, Figure):
        raise SiteError("the map is not attached to a folium Figure")
    _renumber(figure, [0])
    figure.header._children.pop("meta_http", None)  # the page template declares the charset
    for child in figure._children.values():
        child.render()
    head = "\n".join(line.strip() for line in figure.header.render().splitlines() if line.strip())
    body = figure.html.render().strip()
    script = "\n".join(
        line.rstrip() for line in figure.script.render().splitlines() if line.strip()
    )
    return MapParts(head=head, body=body, script="\n" + script + "\n")
