"""The JavaScript and CSS a site uses, as data: where each file comes from and where it goes.

Leaflet comes from the ``xstatic-leaflet`` package (a local copy; no CDN), the base map from
``layers/assets/basemap/`` (see :mod:`layers.basemap`), the site's own code and styles from
``layers/assets/``. Folium's default asset lists (jQuery, Bootstrap, Font Awesome, all from
CDNs) are replaced by :data:`SCRIPTS` and :data:`STYLESHEETS`; nothing else is loaded.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from layers.errors import SiteError

__all__ = ["SCRIPTS", "STYLESHEETS", "Asset", "copy_assets"]


@dataclass(frozen=True, slots=True)
class Asset:
    """One file the site ships: ``package`` names where it comes from, ``source`` is the
    path inside it, ``target`` the path under the site's ``assets/`` folder."""

    package: str
    source: str
    target: str

    def __post_init__(self) -> None:
        if self.package not in {"leaflet", "layers"}:
            raise SiteError(f"unknown asset package {self.package!r}")
        if self.target.startswith("/") or ".." in Path(self.target).parts:
            raise SiteError(f"asset target must be a relative path, got {self.target!r}")

    def path(self) -> Path:
        """Where the file is on this machine."""
        return _package_dir(self.package) / self.source


def _package_dir(package: str) -> Path:
    if package == "leaflet":
        try:
            import xstatic.pkg.leaflet as leaflet
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise SiteError(
                "xstatic-leaflet is not installed; install it with pip install xstatic-leaflet"
            ) from exc
        return Path(leaflet.BASE_DIR)
    return Path(__file__).resolve().parent / "assets"


def _basemap_assets() -> tuple[Asset, ...]:
    from layers.basemap import BASEMAP_ASSETS

    return tuple(Asset("layers", name, name) for name in BASEMAP_ASSETS)


#: Scripts, in the order pages load them (Leaflet, then the base map, then the site's code).
SCRIPTS: tuple[Asset, ...] = (
    Asset("leaflet", "leaflet.js", "leaflet/leaflet.js"),
    *_basemap_assets(),
    Asset("layers", "timeline.js", "timeline.js"),
    Asset("layers", "controls.js", "controls.js"),
    Asset("layers", "site.js", "site.js"),
    Asset("layers", "bigmap.js", "bigmap.js"),
)


#: Stylesheets, in load order; ``categories.css`` is written per site by :mod:`layers.style`.
def _basemap_stylesheets() -> tuple[Asset, ...]:
    from layers.basemap import BASEMAP_STYLESHEETS

    return tuple(Asset("layers", name, name) for name in BASEMAP_STYLESHEETS)


STYLESHEETS: tuple[Asset, ...] = (
    Asset("leaflet", "leaflet.css", "leaflet/leaflet.css"),
    *_basemap_stylesheets(),
    Asset("layers", "site.css", "site.css"),
)
#: Files the stylesheets refer to.
_RESOURCES: tuple[Asset, ...] = (
    Asset("leaflet", "images/layers.png", "leaflet/images/layers.png"),
    Asset("leaflet", "images/layers-2x.png", "leaflet/images/layers-2x.png"),
    Asset("leaflet", "images/marker-icon.png", "leaflet/images/marker-icon.png"),
)
#: The stylesheet :mod:`layers.style` writes for the site's categories.
CATEGORY_CSS = "categories.css"


def copy_assets(assets_dir: Path) -> list[Path]:
    """Copy every script, stylesheet and image the pages use into ``assets_dir``.

    Returns the written paths. Raises :class:`SiteError` naming a missing source file (a
    broken install) or a file that cannot be written.
    """
    written: list[Path] = []
    for asset in (*SCRIPTS, *STYLESHEETS, *_RESOURCES):
        source = asset.path()
        target = assets_dir / asset.target
        if not source.is_file():
            raise SiteError(f"site asset {source} is missing; reinstall geo-news-map")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        except OSError as exc:
            raise SiteError(f"cannot write {target}: {exc.strerror or exc}") from exc
        written.append(target)
    return written


def script_urls(prefix: str) -> list[str]:
    """URLs of :data:`SCRIPTS` for a page whose path to the site root is ``prefix``."""
    return [f"{prefix}assets/{a.target}" for a in SCRIPTS]


def stylesheet_urls(prefix: str) -> list[str]:
    """URLs of the stylesheets (including the category colours) for a page at ``prefix``."""
    return [f"{prefix}assets/{a.target}" for a in STYLESHEETS] + [f"{prefix}assets/{CATEGORY_CSS}"]
