"""Untrusted text in images: cleaning, font fallback, wrapping, and no crash on anything."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from shapely.geometry import Point

from layers.images import render_event_image
from layers.typeset import clean_text, font_chain, wrap_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kyiv\n\nattack", "Kyiv attack"),
        ("tab\there\r\nand\u2028there", "tab here and there"),
        ("bidi \u202egnirts\u202c trick", "bidi gnirts trick"),
        ("nul\x00 bell\x07 esc\x1b[31m", "nul bell esc[31m"),
        ("zero\u200bwidth", "zerowidth"),
        ("lone \ud800 surrogate", "lone surrogate"),
        (None, ""),
        (math.nan, ""),
        (2024, "2024"),
        ("  São Paulo  ", "São Paulo"),
    ],
)
def test_clean_text(raw: object, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_caps_length_with_an_ellipsis() -> None:
    cleaned = clean_text("x" * 100_000, limit=50)
    assert len(cleaned) == 50
    assert cleaned.endswith("…")


def test_the_bundled_font_covers_european_scripts() -> None:
    chain = font_chain(20)
    first = chain.coverage[0]
    for ch in "ãçéłńőşžđ—“”€₴ΑΩжЖїЇ":
        assert ord(ch) in first, ch
    assert [run for run, _ in chain.runs("Łódź — Київ")] == ["Łódź — Київ"]


@pytest.mark.parametrize("bold", [False, True])
def test_coverage_is_the_fonts_whole_character_map(bold: bool) -> None:
    # the coverage is read with numbered glyph names: the same code points as the names
    # the font gives
    from fontTools.ttLib import TTFont

    from layers.typeset import _cmap, _faces

    faces = _faces(bold)
    assert faces
    for face in faces:
        font = TTFont(face.path, fontNumber=face.index, lazy=True)
        try:
            assert _cmap(face) == frozenset(font.getBestCmap()), face.path
        finally:
            font.close()


def test_characters_no_font_has_still_measure_and_draw() -> None:
    chain = font_chain(24, bold=True)
    text = "飞机 😀 \U0010fffd"
    image = Image.new("RGB", (400, 60), "white")
    assert chain.draw(ImageDraw.Draw(image), (5, 40), text, "black") > 0
    assert chain.length(text) > 0


def test_wrap_respects_width_and_line_count() -> None:
    chain = font_chain(30)
    text = "Ceasefire talks resume in Doha as negotiators meet for a third day " * 4
    lines = wrap_text(text, chain, 400, 2)
    assert len(lines) == 2
    assert all(chain.length(line) <= 400 for line in lines)
    assert lines[-1].endswith("…")
    assert lines[0].startswith("Ceasefire talks")


def test_wrap_keeps_short_text_whole() -> None:
    chain = font_chain(30)
    assert wrap_text("Quake in Hualien", chain, 800, 2) == ["Quake in Hualien"]
    assert wrap_text("", chain, 800, 2) == []


def test_wrap_breaks_a_word_longer_than_a_line() -> None:
    chain = font_chain(30)
    lines = wrap_text("https://example.org/" + "a" * 200, chain, 300, 3)
    assert len(lines) == 3
    assert all(chain.length(line) <= 300 for line in lines)


HOSTILE = [
    "<script>alert('x')</script>",
    "`${alert(1)}` \\ \\\\ '\"",
    "مظاهرات في القاهرة",
    "הפגנה בתל אביב",
    "东京发生地震 😀👩‍👩‍👧‍👦🏳️‍🌈",
    "\u202e\u2066\u2067\u200f mixed \u202d direction",
    "\x00\x01\x02\x7f\x85\x9f",
    "Ａｂｃ ｆｕｌｌｗｉｄｔｈ and  combining é a\u0301\u0302\u0303\u0304",
    "\ufeff\ufffe\uffff",
    "W" * 5000,
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders(tmp_path: Path, text: str) -> None:
    event = {
        "id": text,
        "title": text,
        "place_name": text,
        "sources": [{"outlet": text, "article": text}],
        "start": "2025-01-01",
        "end": "2025-01-01",
        "date_precision": "day",
    }
    out = tmp_path / "x.png"
    alt = render_event_image(event, Point(31.2, 30.0), out)
    with Image.open(out) as image:
        assert image.size == (1200, 630)
    assert "\n" not in alt and "\x00" not in alt and "\u202e" not in alt


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=st.text(max_size=300),
    place=st.one_of(st.none(), st.text(max_size=80)),
    outlet=st.one_of(st.none(), st.text(max_size=40)),
)
def test_any_text_renders(tmp_path: Path, title: str, place: str | None, outlet: str) -> None:
    event = {"title": title, "place_name": place, "sources": [{"outlet": outlet, "article": "a"}]}
    out = tmp_path / "any.png"
    alt = render_event_image(event, Point(-70.6, -33.4), out, width=600, height=315)
    assert alt.startswith("Map")
    with Image.open(out) as image:
        assert image.size == (600, 315)


def test_remembered_widths_are_the_fonts_own_and_the_memory_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import layers.typeset as typeset

    monkeypatch.setattr(typeset, "WIDTH_MEMORY", 3)
    chain = font_chain(17)
    texts = ["Gulf of Aden", "Łódź — Київ", "飞机 and Oslo", "Gulf of Aden", "x", "y", "z"]
    for text in texts:
        expected = sum(font.getlength(run) for run, font in chain.runs(text))
        assert chain.length(text) == expected
        assert chain.length(text) == expected  # the remembered width, the same number
        assert len(chain._widths) <= 3


@pytest.mark.parametrize(("size", "bold"), [(15, False), (16, True), (26, False)])
def test_a_letter_drawn_alone_without_shaping_is_the_same_pixels(size: int, bold: bool) -> None:
    """Every character a chain draws alone with FreeType's basic layout (Latin, digits,
    punctuation) comes out exactly as Raqm's shaping draws it: letter and halo, at any
    fraction of a pixel."""
    from PIL import ImageFont

    from layers.typeset import UNSHAPED_LAST, _unshaped

    chain = font_chain(size, bold=bold)
    for index, font in enumerate(chain.fonts):
        alone = chain._font_alone(index)
        assert alone.layout_engine == ImageFont.Layout.BASIC
        for code in range(0x20, UNSHAPED_LAST + 1):
            letter = chr(code)
            if not _unshaped(letter) or code not in chain.coverage[index]:
                continue
            for xy, halo in (((20.0, 40.0), 0), ((20.37, 40.81), 2), ((20.93, 40.5), 0)):
                drawn = []
                for face in (font, alone):
                    image = Image.new("RGB", (64, 64), "#ffffff")
                    ImageDraw.Draw(image).text(
                        xy,
                        letter,
                        font=face,
                        fill="#1b1b1b",
                        anchor="ls",
                        stroke_width=halo,
                        stroke_fill="#a3c6e0",
                    )
                    drawn.append(image.tobytes())
                assert drawn[0] == drawn[1], (size, bold, index, hex(code), xy, halo)


def test_only_single_latin_letters_skip_the_shaping() -> None:
    from layers.typeset import _unshaped

    assert all(_unshaped(c) for c in "aZ09.,;'ØéĐ ")
    assert not _unshaped("ab")  # a run: kerning and ligatures are shaping's
    assert not _unshaped("\u00ad")  # the soft hyphen, which Raqm leaves out
    assert not _unshaped("\u0301")  # a combining mark
    assert not _unshaped("ب")  # Arabic takes its forms from shaping
    assert not _unshaped("Ω")  # beyond Latin Extended-B
