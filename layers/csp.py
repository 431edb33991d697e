"""The Content-Security-Policy every page carries, with hashes of its own inline scripts.

Scripts run only from the site's own files (``'self'``) and from inline ``<script>`` elements
whose exact text the builder hashed; ``<script type="application/json">`` data blocks are not
executed and need no hash. Styles come from files only (Leaflet positions things through the
CSSOM, which a policy does not restrict). Chromium applies ``'self'`` to ``file://`` pages
too, so the policy holds when the site is opened from disk; the browser tests check that.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["add_policy", "inline_script_hashes", "policy", "tile_hosts"]

#: Inline script elements: no ``src``, and a type that browsers execute (none, or JavaScript).
_SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.I)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTED_TYPES = {"text/javascript", "application/javascript", "module"}

#: Placeholder the page templates put where the policy goes.
PLACEHOLDER = "<!--content-security-policy-->"


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for each inline script the page would execute."""
    hashes: list[str] = []
    for match in _SCRIPT_RE.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE_RE.search(attrs)
        if kind and kind.group(1).lower() not in _EXECUTED_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(
    script_hashes: Iterable[str] = (),
    *,
    img_hosts: Iterable[str] = (),
    scripts: bool = True,
    frames: bool = False,
) -> str:
    """The policy text: nothing is allowed unless listed.

    ``img_hosts`` are origins (``https://tile.openstreetmap.org``) the page may load images
    from: the online tile layers a builder opted into. ``scripts=False`` gives a page with no
    scripts at all (article pages); ``frames`` lets a page frame its own embeds.
    """
    script_src = " ".join(["'self'", *script_hashes]) if scripts else "'none'"
    img_src = " ".join(["'self'", "data:", *sorted(set(img_hosts))])
    frame_src = "'self'" if frames else "'none'"
    directives = [
        "default-src 'none'",
        f"script-src {script_src}",
        "style-src 'self'",
        f"img-src {img_src}",
        "font-src 'none'",
        "connect-src 'none'",
        "object-src 'none'",
        f"frame-src {frame_src}",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join(directives)


def add_policy(html: str, **options: object) -> str:
    """Replace the template's placeholder with the policy meta tag for ``html``.

    Hashes are computed from the final inline scripts, so this must be the last change made
    to a page. Raises ``ValueError`` when the page has no placeholder (a template bug).
    """
    if PLACEHOLDER not in html:
        raise ValueError("page template lacks the content-security-policy placeholder")
    scripts = bool(options.pop("scripts", True))
    hashes = inline_script_hashes(html) if scripts else []
    text = policy(hashes, scripts=scripts, **options)  # type: ignore[arg-type]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    return html.replace(PLACEHOLDER, meta, 1)


def tile_hosts(url_template: str, subdomains: str | Iterable[str] = "abc") -> list[str]:
    """The origins a tile URL template (``https://{s}.tile.example/{z}/{x}/{y}.png``) uses."""
    parts = urlsplit(url_template)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return []
    host = parts.netloc
    if "{s}" in host:
        subs = list(subdomains)  # "abc" or ["a", "b", "c"]
        return [f"{parts.scheme}://{host.replace('{s}', s)}" for s in subs]
    return [f"{parts.scheme}://{host}"]
