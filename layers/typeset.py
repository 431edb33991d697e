"""Setting untrusted text in images: clean it, find fonts that have its glyphs, wrap it.

Text from articles can hold anything: control characters, bidi overrides, emoji, scripts no
font here covers, a 50,000-character "title". This module promises that any ``str`` (and
``None`` or NaN, as empty) can be measured and drawn without raising:

- :func:`clean_text` drops control and format characters (including bidi overrides, which
  could make a label read differently from its text), folds every kind of line break and space
  into one space and caps the length.
- :func:`font_chain` returns the fonts to draw with: Source Sans Pro (the
  ``font-source-sans-pro`` package: Latin, Greek, Cyrillic, Vietnamese) first, then fonts found
  on the system for other scripts (DejaVu Sans, Noto; Arabic, Hebrew, CJK when installed), then
  Pillow's bundled font. Each character is drawn with the first font that has a glyph for it
  (read from the font's cmap with fontTools); a character no font has is drawn as the first
  font's box. Which system fonts exist can differ between machines, so images of text outside
  the bundled font's scripts are identical only on the same machine.
- :func:`wrap_text` breaks text into at most ``max_lines`` lines of at most ``max_width``
  pixels, breaking over-long words, and ends a truncated last line with "…".

Text is laid out by Raqm (HarfBuzz) where Pillow has it. A letter drawn alone (the images'
letter-spaced names are drawn letter by letter, halo and letter: some 3,000 a build of the
sample) skips the shaping when that cannot change it: a Latin letter, digit or punctuation mark
(U+0020 to U+024F, not a format character such as the soft hyphen, which Raqm leaves out) is
drawn with FreeType's basic layout, the same pixels (a test draws every such character both
ways) at about half the cost.
"""

from __future__ import annotations

import math
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from PIL import ImageDraw, ImageFont

__all__ = ["FontChain", "clean_text", "font_chain", "wrap_text"]

ELLIPSIS = "…"
#: Widths a :class:`FontChain` remembers (text → pixels) before it forgets them all: labels,
#: titles and the wrapping's trial lines are measured again and again in one build.
WIDTH_MEMORY = 20_000

#: Unicode categories removed from text: control, format, surrogate, private use, unassigned.
_DROPPED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
#: Categories turned into a plain space: separators of every kind.
_SPACES = frozenset({"Zs", "Zl", "Zp"})

#: System fonts tried, in order, for characters the bundled font lacks (file names).
_FALLBACK_FILES: dict[bool, tuple[str, ...]] = {
    False: (
        "DejaVuSans.ttf",
        "NotoSans-Regular.ttf",
        "NotoSansArabic-Regular.ttf",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansCJK-Regular.ttc",
        "NotoSansCJKsc-Regular.otf",
        "DroidSansFallbackFull.ttf",
        "Arial Unicode.ttf",
    ),
    True: (
        "DejaVuSans-Bold.ttf",
        "NotoSans-Bold.ttf",
        "NotoSansArabic-Bold.ttf",
        "NotoSansHebrew-Bold.ttf",
        "NotoSansDevanagari-Bold.ttf",
        "NotoSansCJK-Bold.ttc",
        "NotoSansCJKsc-Bold.otf",
        "DroidSansFallbackFull.ttf",
        "Arial Unicode.ttf",
    ),
}


def clean_text(value: Any, *, limit: int = 400) -> str:
    """``value`` as one line of at most ``limit`` characters that is safe to draw.

    ``None`` and NaN give ``""``; other values go through ``str``. Control, format (bidi
    overrides, zero-width joiners), surrogate, private-use and unassigned characters are
    dropped; runs of whitespace and line or paragraph separators become one space.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text[: limit * 4]  # bounded work before cleaning, whatever the input size
    out: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "\t\n\r\v\f" or category in _SPACES:
            out.append(" ")
        elif category not in _DROPPED:
            out.append(ch)
    cleaned = " ".join("".join(out).split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + ELLIPSIS
    return cleaned


@dataclass(frozen=True)
class _Face:
    """A font file (and face index, for collections)."""

    path: str
    index: int = 0


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]
    if sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    windir = os.environ.get("WINDIR")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    return [d for d in dirs if d.is_dir()]


@cache
def _system_fonts() -> dict[str, str]:
    """File name → path of every font file under the usual font folders (first found wins)."""
    found: dict[str, str] = {}
    for folder in _font_dirs():
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                found.setdefault(name, os.path.join(root, name))
    return found


def _bundled_face(bold: bool) -> _Face | None:
    try:
        import font_source_sans_pro
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    name = "SourceSansPro-Bold.ttf" if bold else "SourceSansPro-Regular.ttf"
    path = Path(font_source_sans_pro.font_directory) / name
    return _Face(str(path)) if path.is_file() else None


def _faces(bold: bool) -> list[_Face]:
    faces: list[_Face] = []
    bundled = _bundled_face(bold)
    if bundled is not None:
        faces.append(bundled)
    system = _system_fonts()
    faces.extend(_Face(system[name]) for name in _FALLBACK_FILES[bold] if name in system)
    return faces


@cache
def _cmap(face: _Face) -> frozenset[int]:
    """The code points ``face`` has glyphs for (empty if fontTools cannot read it)."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(face.path, fontNumber=face.index, lazy=True)
        try:
            # only the code points count, not the glyphs' names: numbered names spare
            # reading the font's table of names ('post', 60% of the time otherwise)
            font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
            cmap = font.getBestCmap() or {}
        finally:
            font.close()
    except Exception:  # an unreadable font is skipped, never fatal
        return frozenset()
    return frozenset(cmap)


@dataclass(frozen=True)
class FontChain:
    """Fonts of one size, tried in order for each character (see the module docstring)."""

    fonts: tuple[ImageFont.FreeTypeFont, ...]
    coverage: tuple[frozenset[int], ...]
    size: int
    #: (run, font index) → the run's width: FreeType lays a run out the same way every time.
    _widths: dict[tuple[str, int], float] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )
    #: font index → the font with FreeType's basic layout, for a letter drawn alone.
    _basic: dict[int, ImageFont.FreeTypeFont] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def runs(self, text: str) -> Iterator[tuple[str, ImageFont.FreeTypeFont]]:
        """Split ``text`` into runs drawn with one font each, in logical order."""
        for run, index in self._runs(text):
            yield run, self.fonts[index]

    def _runs(self, text: str) -> Iterator[tuple[str, int]]:
        start = 0
        current = -1
        for i, ch in enumerate(text):
            index = self._font_for(ch, current)
            if index != current:
                if current >= 0 and i > start:
                    yield text[start:i], current
                start, current = i, index
        if current >= 0 and len(text) > start:
            yield text[start:], current

    def _width(self, run: str, index: int) -> float:
        """``fonts[index].getlength(run)``, measured once per chain."""
        key = (run, index)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= WIDTH_MEMORY:
                self._widths.clear()
            width = self._widths[key] = self.fonts[index].getlength(run)
        return width

    def _font_for(self, ch: str, current: int) -> int:
        code = ord(ch)
        if current >= 0 and (ch == " " or code in self.coverage[current]):
            return current  # spaces and marks stay in the run they are in
        for index, covered in enumerate(self.coverage):
            if code in covered:
                return index
        return max(current, 0)

    def _font_alone(self, index: int) -> ImageFont.FreeTypeFont:
        """``fonts[index]`` with FreeType's basic layout, for a character :func:`_unshaped`
        draws alike without Raqm's shaping (made once per chain)."""
        font = self._basic.get(index)
        if font is None:
            font = self.fonts[index]
            if font.layout_engine != ImageFont.Layout.BASIC:
                font = font.font_variant(layout_engine=ImageFont.Layout.BASIC)
            self._basic[index] = font
        return font

    def length(self, text: str) -> float:
        """Width of ``text`` in pixels."""
        return sum(self._width(run, index) for run, index in self._runs(text))

    def draw(
        self,
        draw: ImageDraw.ImageDraw,
        xy: tuple[float, float],
        text: str,
        fill: Any,
        *,
        stroke_width: int = 0,
        stroke_fill: Any = None,
    ) -> float:
        """Draw ``text`` with its left end on the baseline at ``xy``; return the width drawn.
        ``stroke_width`` pixels of ``stroke_fill`` around the letters make a halo."""
        x, y = xy
        for run, index in self._runs(text):
            draw.text(
                (x, y),
                run,
                font=self._font_alone(index) if _unshaped(run) else self.fonts[index],
                fill=fill,
                anchor="ls",
                stroke_width=stroke_width,
                stroke_fill=stroke_fill,
            )
            x += self._width(run, index)
        return x - xy[0]


#: The last code point a letter drawn alone may be drawn without shaping (Latin Extended-B).
UNSHAPED_LAST = 0x24F


def _unshaped(run: str) -> bool:
    """Whether ``run`` is one character that Raqm's shaping draws exactly as FreeType's basic
    layout does: a letter, digit, symbol or punctuation mark up to :data:`UNSHAPED_LAST`,
    never a format character (Raqm leaves the soft hyphen out) or a mark."""
    return (
        len(run) == 1
        and 0x20 <= ord(run) <= UNSHAPED_LAST
        and unicodedata.category(run)[0] in "LNPSZ"
    )


@cache
def font_chain(size: int, *, bold: bool = False) -> FontChain:
    """The fonts to draw text of ``size`` pixels with (cached per size and weight)."""
    size = max(1, int(size))
    fonts: list[ImageFont.FreeTypeFont] = []
    coverage: list[frozenset[int]] = []
    for face in _faces(bold):
        covered = _cmap(face)
        if not covered:
            continue
        try:
            fonts.append(ImageFont.truetype(face.path, size=size, index=face.index))
        except OSError:
            continue
        coverage.append(covered)
    default = ImageFont.load_default(size=size)
    if isinstance(default, ImageFont.FreeTypeFont):
        fonts.append(default)
        coverage.append(frozenset(range(0x20, 0x7F)))
    if not fonts:  # pragma: no cover - Pillow without FreeType
        raise RuntimeError("Pillow was built without FreeType; cannot draw text")
    return FontChain(tuple(fonts), tuple(coverage), size)


def _fit(text: str, chain: FontChain, max_width: float) -> str:
    """The longest prefix of ``text`` that fits ``max_width`` with "…" after it, plus "…"."""
    if chain.length(text + ELLIPSIS) <= max_width:
        return text + ELLIPSIS
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if chain.length(text[:mid].rstrip() + ELLIPSIS) <= max_width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


def _break_word(word: str, chain: FontChain, max_width: float) -> list[str]:
    """Split a word wider than ``max_width`` into pieces that fit."""
    pieces: list[str] = []
    rest = word
    while rest and chain.length(rest) > max_width:
        low, high = 1, len(rest)
        while low < high:
            mid = (low + high + 1) // 2
            if chain.length(rest[:mid]) <= max_width:
                low = mid
            else:
                high = mid - 1
        pieces.append(rest[:low])
        rest = rest[low:]
    if rest:
        pieces.append(rest)
    return pieces


def wrap_text(text: str, chain: FontChain, max_width: float, max_lines: int) -> list[str]:
    """Greedy word wrap of ``text`` (cleaned first) into at most ``max_lines`` lines.

    Each line is at most ``max_width`` pixels wide in ``chain``; a word wider than a line is
    broken; if the text does not fit, the last line ends with "…". Returns ``[]`` for empty
    text.
    """
    words: Sequence[str] = clean_text(text).split(" ")
    lines: list[str] = []
    line = ""
    truncated = False
    for word in words:
        if not word:
            continue
        candidate = f"{line} {word}" if line else word
        if chain.length(candidate) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        for piece in _break_word(word, chain, max_width):
            if line:
                lines.append(line)
            line = piece
        if len(lines) >= max_lines:
            truncated = True
            break
    if line and len(lines) < max_lines:
        lines.append(line)
    elif line:
        truncated = True
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        truncated = True
    if truncated and lines:
        lines[-1] = _fit(lines[-1], chain, max_width)
    return lines
