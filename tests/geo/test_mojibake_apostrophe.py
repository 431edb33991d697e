"""A curly apostrophe mangled into "â" ("Itâ s", "Minnesotaâ s": its UTF-8 bytes read as
Windows-1252, the last two characters lost, as in web news copied through old feeds) is no
letter of the word before it (geo/scanning.py, ``scan_text``). Sentences are invented."""

from __future__ import annotations

from geo.recognize import recognize
from geo.scanning import scan_text


def _names(text: str) -> list[str]:
    return [r.toponym.name for r in recognize(text)]


def test_a_mangled_apostrophe_makes_no_town_of_the_word_before_it() -> None:
    assert _names("“Itâ s the freezing that hurts,” the director said.") == []


def test_a_mangled_apostrophe_ends_the_place_before_it() -> None:
    assert _names("Minnesotaâ s lakes froze early this year.") == ["Minnesota"]
    assert scan_text("Weâ re here") == "we  re here"  # same length, "â" a space


def test_an_a_circumflex_before_no_clitic_stays_a_letter() -> None:
    # counter-examples: the town's own accented name, and "â" before a word that is no clitic
    assert _names("The road to Itá was closed on Monday.") == ["Itá"]
    assert scan_text("Brâ sov") == "bra sov"
