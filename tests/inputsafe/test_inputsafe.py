"""The shared defences for hostile input: the YAML loader, the text sanitiser, the path
policy (issue 14). The end-to-end behaviour is tested where users meet it (tests/geo,
tests/gazetteer, tests/layers); these pin each promise down on its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inputsafe import MAX_DEPTH, YamlError, clean_str, clean_value, inside, load_yaml, printable


def test_yaml_refuses_any_alias_before_expanding_it() -> None:
    laughs = 'a: &a ["lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    with pytest.raises(YamlError, match=r"aliases \(\*a\) are not allowed at line 2"):
        load_yaml(laughs)
    assert load_yaml("a: &anchor 1\nb: 2\n") == {"a": 1, "b": 2}  # an anchor alone is harmless


@pytest.mark.parametrize("deep", ["x: " + "[" * 10_000, "x: " + "{" * 10_000, "- " * 5_000 + "1"])
def test_yaml_nesting_is_bounded(deep: str) -> None:
    with pytest.raises(YamlError, match=f"nested more than {MAX_DEPTH} levels"):
        load_yaml(deep)
    fine = "x: " + "[" * (MAX_DEPTH - 2) + "1" + "]" * (MAX_DEPTH - 2)
    assert load_yaml(fine) is not None


def test_yaml_impossible_dates_stay_text_and_real_ones_are_dates() -> None:
    got = load_yaml("a: 2024-13-45\nb: 2024-02-30\nc: 2024-10-14T25:61:00Z\nd: 2024-10-14\n")
    assert got == {
        "a": "2024-13-45",
        "b": "2024-02-30",
        "c": "2024-10-14T25:61:00Z",
        "d": date(2024, 10, 14),
    }


@pytest.mark.parametrize(
    "text",
    ["x: !!int abc", "x: !!python/object:os.system ls", "{[a]: b}", "x: [1, 2", "\t- a"],
)
def test_yaml_every_other_failure_is_one_yaml_error(text: str) -> None:
    with pytest.raises(YamlError):
        load_yaml(text)


def test_yaml_keys_as_text_and_cleaned_strings() -> None:
    assert load_yaml('001: "a\\ud800b"\n2024-10-16: c\n', keys_as_text=True) == {
        "001": "a\ufffdb",
        "2024-10-16": "c",
    }
    with pytest.raises(YamlError, match="expected a mapping"):
        load_yaml("- a\n", keys_as_text=True)


def test_clean_str_keeps_text_and_keeps_lengths() -> None:
    assert clean_str("Café 東京 🌊\ttab\nline") == "Café 東京 🌊\ttab\nline"
    dirty = "a\ud800b\x00c\x1b[31md\x85e"
    cleaned = clean_str(dirty)
    assert len(cleaned) == len(dirty)  # offsets into article text stay right
    assert cleaned == "a\ufffdb c [31md e"
    cleaned.encode("utf-8")
    assert clean_value({"k\udc80": ["\ud800", 1, None]}) == {"k\ufffd": ["\ufffd", 1, None]}


def test_printable_shows_escape_sequences_and_undecodable_bytes() -> None:
    assert printable("plain/café.txt") == "plain/café.txt"
    assert printable("\x1b]0;pwned\x07.txt") == "\\x1b]0;pwned\\x07.txt"
    assert printable("bad\udce9.txt") == "bad\\xe9.txt"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"


def test_inside_follows_links_and_refuses_the_way_out(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (folder / "in.txt").symlink_to(folder / "a.txt")
    (folder / "out.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    assert inside(folder / "a.txt", folder) and inside(folder / "in.txt", folder)
    assert not inside(folder / "out.txt", folder)
    assert not inside(folder / "loop.txt", folder)
    assert not inside(tmp_path / "in-other", folder)
