"""Folding and lookup keys: what every name comparison in the project relies on."""

from hypothesis import example, given
from hypothesis import strategies as st

from gazetteer import fold, normalize
from gazetteer.normalize import town_spellings, variants


@given(st.text())
def test_fold_preserves_length_so_offsets_carry_over(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(), st.data())
def test_an_offset_found_in_folded_text_is_the_offset_in_the_text(text: str, data) -> None:
    folded = fold(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fold(text[start:end]) == folded[start:end]


@given(st.text())
@example("ꟸ")  # a modifier letter that decomposes to "ħ", which folds again to "h"
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_fold_lowercases_and_strips_latin_diacritics() -> None:
    assert fold("Kraków Łódź İstanbul São Tomé Đà Nẵng") == "krakow lodz istanbul sao tome da nang"


def test_fold_unifies_apostrophes_dashes_and_spaces() -> None:
    assert fold("Xi’an N‘Djamena Hawaiʻi") == "xi'an n'djamena hawai'i"
    assert fold("Guinea–Bissau Bosnia—Herzegovina") == "guinea-bissau bosnia-herzegovina"
    assert fold("New\u00a0York") == "new york"


def test_fold_keeps_characters_that_cannot_fold_to_one() -> None:
    # ß would be "ss", æ would be "ae": they stay, keeping the length
    assert fold("Straße Ærø ﬁ") == "straße æro ﬁ"
    assert fold("Москва") == "москва"


def test_normalize_strips_the_case_and_surrounding_punctuation() -> None:
    assert normalize("The Sea of Japan") == "sea of japan"
    assert normalize("  THE   ARCTIC   OCEAN ") == "arctic ocean"
    assert normalize("(Kazan),") == "kazan"
    assert normalize("“Taiwan”") == "taiwan"
    assert normalize("U.S.") == "u.s"
    assert normalize("the") == "the"


def test_normalized_keys_can_be_found_in_folded_text() -> None:
    text = "Drills in the Sea of Japan and near the U.S. coast"
    folded = fold(text)
    for name in ("Sea of Japan", "U.S."):
        start = folded.index(normalize(name))
        assert text[start : start + len(normalize(name))].lower().startswith(name.lower()[:3])


def test_variants_cover_common_spellings() -> None:
    assert variants("Sea of Japan") == ["sea of japan", "japan sea"]
    assert "strait of taiwan" in variants("Taiwan Strait")
    assert "hormuz strait" in variants("Strait of Hormuz")
    assert {"saint petersburg", "st petersburg"} <= set(variants("St. Petersburg"))
    assert {"st. louis", "st louis"} <= set(variants("Saint Louis"))
    assert "spratly islands" in variants("Spratly Is.")
    assert "port au prince" in variants("Port-au-Prince")
    assert "xian" in variants("Xi'an")


def test_town_spellings_swap_the_ending_of_the_last_word() -> None:
    assert town_spellings("Hillsboro") == ("hillsborough",)
    assert town_spellings("Hillsborough") == ("hillsboro",)
    assert town_spellings("North Attleboro") == ("north attleborough",)


def test_town_spellings_leave_other_names_and_the_bare_ending_alone() -> None:
    # counter-examples: no such ending, the ending alone, an ending inside the name
    assert town_spellings("Boston") == ()
    assert town_spellings("Boro") == ()
    assert town_spellings("Boroughbridge") == ()


def test_variants_start_with_the_key_and_have_no_duplicates() -> None:
    for name in ("Mount Kenya", "Mt. Kenya", "Gulf of Aden", "Kazan", "St. John's"):
        keys = variants(name)
        assert keys[0] == normalize(name)
        assert len(keys) == len(set(keys))


def test_variants_of_an_empty_name_are_empty() -> None:
    assert variants("  ") == []
    assert variants("the") == ["the"]


def test_variants_are_a_new_list_each_time() -> None:
    keys = variants("St. Petersburg")
    keys.append("changed")
    keys[0] = "changed too"
    assert variants("St. Petersburg")[0] == "st. petersburg"
    assert "changed" not in variants("St. Petersburg")
