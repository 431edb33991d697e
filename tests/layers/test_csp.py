"""The Content-Security-Policy: hashes of inline scripts, and nothing else allowed."""

from __future__ import annotations

import base64
import hashlib

import pytest

from layers.csp import PLACEHOLDER, add_policy, inline_script_hashes, policy, tile_hosts


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed() -> None:
    page = (
        '<script src="a.js"></script>'
        '<script type="application/json" id="d">{"a":1}</script>'
        "<script>var x = 1;</script>"
        '<script type="module">import "./m.js";</script>'
    )
    assert inline_script_hashes(page) == [_hash("var x = 1;"), _hash('import "./m.js";')]


def test_policy_blocks_by_default() -> None:
    text = policy([_hash("x")])
    assert "default-src 'none'" in text
    assert "script-src 'self' " + _hash("x") in text
    assert "unsafe-inline" not in text
    assert "unsafe-eval" not in text
    assert "frame-src 'none'" in text
    assert "img-src 'self' data:;" in text


def test_policy_without_scripts_and_with_tiles() -> None:
    text = policy(scripts=False, img_hosts=["https://b.tile.example", "https://a.tile.example"])
    assert "script-src 'none'" in text
    assert "img-src 'self' data: https://a.tile.example https://b.tile.example" in text


def test_add_policy_puts_the_meta_tag_in_place() -> None:
    page = f"<head>{PLACEHOLDER}</head><body><script>go()</script></body>"
    out = add_policy(page)
    assert out.startswith('<head><meta http-equiv="Content-Security-Policy" content="')
    assert _hash("go()") in out
    with pytest.raises(ValueError):
        add_policy("<head></head>")


def test_tile_hosts_expand_subdomains() -> None:
    assert tile_hosts("https://{s}.tile.example/{z}/{x}/{y}.png", "ab") == [
        "https://a.tile.example",
        "https://b.tile.example",
    ]
    assert tile_hosts("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == [
        "https://tile.openstreetmap.org"
    ]
    assert tile_hosts("javascript:alert(1)") == []
