"""Links, JSON inside <script>, and file names made from untrusted ids."""

from __future__ import annotations

import json

import pytest

from layers.safety import http_url, page_names, script_json, script_string


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=c#d", "http://news.example.com/", "HTTPS://EXAMPLE.ORG/x"],
)
def test_http_links_are_kept(url: str) -> None:
    assert http_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https://",
        "https://exa mple.org/",
        "https://example.org/\nx",
        "",
        None,
        42,
    ],
)
def test_other_links_are_dropped(url: object) -> None:
    assert http_url(url) is None


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"t": "</script><script>alert(1)</script><!-- & \u2028\u2029 `${x}`"}
    text = script_json(data)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text) == data


def test_script_string_is_a_string_of_that_json_with_nothing_to_close_a_script() -> None:
    data = {"t": 'a "quote", a \\ backslash, </script><!-- & \u2028\u2029 é', "n": [1, None]}
    text = script_string(data)
    assert text.startswith('"') and text.endswith('"')
    for forbidden in ("<", ">", "&", "\u2028", "\u2029", "\n"):
        assert forbidden not in text
    inner = json.loads(text)  # a JSON string is a JavaScript string literal
    assert inner == script_json(data) and json.loads(inner) == data


def test_script_json_is_compact_and_refuses_nan() -> None:
    assert script_json({"a": [1, 2.5, None]}) == '{"a":[1,2.5,null]}'
    with pytest.raises(ValueError):
        script_json({"a": float("nan")})


def test_page_names_keep_plain_ids_and_hash_the_rest() -> None:
    ids = ["event-1", "../../etc/passwd", "a b", "CON", "x" * 200, 'q"><script>', "ok.v2", "end."]
    names = page_names(ids)
    assert names["event-1"] == "event-1"
    assert names["ok.v2"] == "ok.v2"
    for ident in [*ids[1:6], "end."]:
        assert names[ident].startswith("h-")
        assert names[ident].replace("-", "").isalnum()
    assert len(set(names.values())) == len(ids)


def test_page_names_are_unique_ignoring_case_and_stable() -> None:
    names = page_names(["Event", "event", "EVENT"])
    assert names["Event"] == "Event"
    assert len({n.lower() for n in names.values()}) == 3
    assert page_names(["Event", "event", "EVENT"]) == names


def test_a_plain_id_cannot_take_a_hashed_name() -> None:
    first = page_names(["a/b"])["a/b"]
    names = page_names(["a/b", first])
    assert names["a/b"] != names[first]
