"""Segmentation of news text: sentences, paragraphs, quotes, boilerplate."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.page_furniture import boilerplate
from geo.text import Span, containing, paragraphs, quotes, sentences


def texts(spans: list[Span], text: str) -> list[str]:
    return [s.of(text) for s in spans]


# --- Span ----------------------------------------------------------------------------------


def test_span_validates_and_names_bad_offsets() -> None:
    with pytest.raises(ValueError, match=r"5\.\.2"):
        Span(5, 2)
    with pytest.raises(ValueError, match="-1"):
        Span(-1, 2)


def test_span_helpers() -> None:
    s = Span(2, 5)
    assert len(s) == 3
    assert 2 in s and 4 in s and 5 not in s
    assert s.of("abcdefg") == "cde"
    assert s.overlaps(Span(4, 9)) and not s.overlaps(Span(5, 9))


def test_containing_finds_the_span_by_bisection() -> None:
    spans = [Span(0, 4), Span(6, 10), Span(10, 12)]
    assert containing(spans, 0) == Span(0, 4)
    assert containing(spans, 5) is None
    assert containing(spans, 10) == Span(10, 12)
    assert containing(spans, 12) is None
    assert containing([], 3) is None


# --- sentences ------------------------------------------------------------------------------


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Gen. Mark Ortiz met Mr. Okafor on Sept. 3 at St. Mary's hospital in Lagos. "
        "The U.S. envoy, J. R. Hale, arrived on Oct. 15 with Dr. Amina Yusuf. "
        "Flooding hit No. 4 district."
    )
    assert texts(sentences(text), text) == [
        "Gen. Mark Ortiz met Mr. Okafor on Sept. 3 at St. Mary's hospital in Lagos.",
        "The U.S. envoy, J. R. Hale, arrived on Oct. 15 with Dr. Amina Yusuf.",
        "Flooding hit No. 4 district.",
    ]


def test_acronym_at_sentence_end_splits_before_an_opener() -> None:
    text = "Aid was flown in from the U.S. The first cargo landed in Port-au-Prince."
    assert len(sentences(text)) == 2


def test_a_towns_state_ends_a_sentence_before_a_capital() -> None:
    # "in Lumpkin, Ga. Hugley-Green collected …": the state abbreviation after a town in
    # running text ends the sentence (session 28: a vote was placed at the town of the
    # sentence before)
    text = "He works in Lumpkin, Ga. Hugley-Green collected 63 percent of the vote."
    assert texts(sentences(text), text) == [
        "He works in Lumpkin, Ga.",
        "Hugley-Green collected 63 percent of the vote.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Sacramento, Calif. Gov. Newsom said the budget was fair.",  # a title
        "SALINA, Kan. Strong winds toppled 13 vehicles.",  # a dateline
        "Salina, Kan. Strong winds toppled 13 vehicles.",  # a dateline in title case
        "He lives in Atlanta, Ga. and works in Macon.",  # a lower-case word follows
    ],
)
def test_a_towns_state_ends_no_sentence_before_a_title_or_in_a_dateline(text: str) -> None:
    assert len(sentences(text)) == 1


def test_numbers_and_decimals_are_not_boundaries() -> None:
    text = "A magnitude 5.6 earthquake struck near Izmir at 3.15 a.m. local time. No damage."
    assert texts(sentences(text), text) == [
        "A magnitude 5.6 earthquake struck near Izmir at 3.15 a.m. local time.",
        "No damage.",
    ]


def test_quotes_ending_sentences() -> None:
    text = (
        '"We will rebuild the bridge," the mayor said. "It will take a year." '
        "“Are we safe?” asked a resident. She left for Mombasa."
    )
    assert texts(sentences(text), text) == [
        '"We will rebuild the bridge," the mayor said.',
        '"It will take a year."',
        "“Are we safe?” asked a resident.",
        "She left for Mombasa.",
    ]


def test_line_breaks_end_headlines_and_captions() -> None:
    text = (
        "Floods displace thousands in Assam\n"
        "Villagers wade through water in Guwahati on July 2, 2024. Reuters/Anu Das\n"
        "Heavy rain has flooded 19 districts of the Indian state.\n"
    )
    assert texts(sentences(text), text) == [
        "Floods displace thousands in Assam",
        "Villagers wade through water in Guwahati on July 2, 2024.",
        "Reuters/Anu Das",
        "Heavy rain has flooded 19 districts of the Indian state.",
    ]


def test_ellipsis_inside_a_quote_is_an_elision_outside_it_ends() -> None:
    text = (
        "The minister said: “Our forces… Chile and Peru will coordinate the search.” "
        "Nothing more was said... Rescuers resumed work at dawn."
    )
    assert texts(sentences(text), text) == [
        "The minister said: “Our forces… Chile and Peru will coordinate the search.”",
        "Nothing more was said...",
        "Rescuers resumed work at dawn.",
    ]


def test_hard_wrapped_text_is_joined_into_sentences() -> None:
    text = (
        "Firefighters in the Greek island of Rhodes battled wildfires for a\n"
        "sixth day on Saturday, as thousands of tourists were evacuated from\n"
        "hotels. Officials said the winds would ease by Monday.\n"
        "\n"
        "More than 19,000 people left the island.\n"
    )
    assert texts(paragraphs(text), text)[0].endswith("ease by Monday.")
    sents = texts(sentences(text), text)
    assert len(sents) == 3
    assert sents[0].startswith("Firefighters") and sents[0].endswith("hotels.")


def test_sentences_cover_the_text_without_surrounding_space() -> None:
    text = "  First line\n\n  Second one. Third!  \n"
    spans = sentences(text)
    assert texts(spans, text) == ["First line", "Second one.", "Third!"]


@given(st.text(alphabet=st.sampled_from(list('ab .!?\n“”"…ABC5')), max_size=200))
def test_sentences_are_ordered_disjoint_and_trimmed(text: str) -> None:
    spans = sentences(text)
    prev = 0
    for s in spans:
        assert prev <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        prev = s.end
    # every non-space character belongs to a sentence
    covered = sum(len(s.of(text).replace(" ", "").replace("\n", "")) for s in spans)
    assert covered == len(text.replace(" ", "").replace("\n", ""))


# --- paragraphs -----------------------------------------------------------------------------


def test_paragraphs_are_lines_or_blank_separated_blocks() -> None:
    text = "Title line\nFirst paragraph.\n\n\nSecond paragraph.\n"
    assert texts(paragraphs(text), text) == ["Title line", "First paragraph.", "Second paragraph."]


def test_paragraphs_handle_crlf() -> None:
    text = "Title\r\nBody here.\r\n"
    assert texts(paragraphs(text), text) == ["Title", "Body here."]


# --- quotes ---------------------------------------------------------------------------------


def test_quotes_straight_curly_and_guillemets() -> None:
    text = (
        'The governor said "the dam held" on Friday. '
        "Residents called it “a miracle”. Le maire a dit « tout va bien »."
    )
    assert texts(quotes(text), text) == ['"the dam held"', "“a miracle”", "« tout va bien »"]


def test_nested_quotes_belong_to_the_outer_quote() -> None:
    text = "“He told me “stay inside” and left,” she said."
    assert texts(quotes(text), text) == ["“He told me “stay inside” and left,”"]


def test_unclosed_quote_ends_at_paragraph_end() -> None:
    text = "“We lost everything in Derna, the survivor said.\nThe next paragraph is narration."
    assert texts(quotes(text), text) == ["“We lost everything in Derna, the survivor said."]


def test_a_quote_opening_a_sentence_inside_a_quote_ends_the_quote_before_it() -> None:
    # a quote of several paragraphs run into one line: each reopens, only the last closes
    text = (
        "“We chose a private school. “I am a product of public ones,” Doe said. "
        "During a meeting on Monday, Doe spoke."
    )
    assert texts(quotes(text), text) == [
        "“We chose a private school.",
        "“I am a product of public ones,”",
    ]
    # counter-example: a quote opened inside a sentence of the quote is nested in it
    nested = "“He told me “stay inside” and left,” she said. Then she left."
    assert texts(quotes(nested), nested) == ["“He told me “stay inside” and left,”"]


def test_a_straight_mark_reopening_a_quote_never_closed_closes_the_one_before() -> None:
    # LGL: the closing mark put after the space ('twenties. "An off-duty'); read as opening,
    # it quoted the rest of the article, and hid the happenings told there
    text = (
        'The note read "Give me your hundreds, fifties and twenties. "An off-duty officer '
        'stopped the car. On March 7, agents searched the home, "a mess," a neighbour said.'
    )
    assert texts(quotes(text), text) == [
        '"Give me your hundreds, fifties and twenties. "',
        '"a mess,"',
    ]
    # counter-examples: a reopening mark that is closed later opens a quote of a second
    # paragraph; a curly opening mark is never a closing one
    closed = '"We chose a private school. "I am a product of public ones," Doe said.'
    assert texts(quotes(closed), closed) == [
        '"We chose a private school.',
        '"I am a product of public ones,"',
    ]
    curly = "“We had 14 incidents of damage. “It must be so distressing for families to visit."
    assert texts(quotes(curly), curly) == [
        "“We had 14 incidents of damage.",
        "“It must be so distressing for families to visit.",
    ]


def test_stray_closing_mark_is_ignored() -> None:
    text = "Stray mark” here. Then “a quote”."
    assert texts(quotes(text), text) == ["“a quote”"]


def test_no_quotes() -> None:
    assert quotes("No quoted speech in Nairobi today.") == []


# --- boilerplate ----------------------------------------------------------------------------


def test_marker_lines_are_boilerplate_body_is_not() -> None:
    text = (
        "Earthquake shakes central Mexico\n"
        "Advertisement\n"
        "A strong earthquake shook Mexico City on Tuesday.\n"
        "Share this article\n"
        "Read more: Mexico's earthquake warning system explained\n"
        "Sign up for our morning briefing\n"
        "Updated: 14:05 GMT\n"
        "Scientists said aftershocks were likely.\n"
    )
    flagged = texts(boilerplate(text), text)
    assert flagged == [
        "Advertisement",
        "Share this article",
        "Read more: Mexico's earthquake warning system explained",
        "Sign up for our morning briefing",
        "Updated: 14:05 GMT",
    ]


def test_words_that_are_markers_only_as_labels() -> None:
    text = (
        "Updated guidance was issued by the health ministry in Accra.\n"
        "Share prices fell in Tokyo on Friday.\n"
        "Video footage showed smoke over Khartoum.\n"
    )
    assert boilerplate(text) == []


def test_link_list_after_related_marker() -> None:
    text = (
        "Storm hits the Philippines\n"
        "The typhoon made landfall in Luzon on Sunday.\n"
        "Related\n"
        "How typhoons are named\n"
        "Photos: the storm from space\n"
        "Officials said 12 people died.\n"
    )
    flagged = texts(boilerplate(text), text)
    assert flagged == ["Related", "How typhoons are named", "Photos: the storm from space"]


def test_fundraising_call_to_action_is_boilerplate() -> None:
    text = (
        "Wildfires spread across Alberta.\n"
        "Independent journalism needs your support. Donate today and help us keep "
        "reporting from the front lines!\n"
        "Crews from British Columbia arrived on Monday.\n"
    )
    flagged = texts(boilerplate(text), text)
    assert len(flagged) == 1 and flagged[0].startswith("Independent journalism")


def test_news_about_donations_is_not_a_call_to_action() -> None:
    text = "The Red Cross said donations had reached $2 million after the floods in Valencia.\n"
    assert boilerplate(text) == []


def test_ad_unit_framed_by_a_repeated_line() -> None:
    text = (
        "Protesters gathered in Tbilisi on Sunday.\n"
        "\n"
        "Is your pension safe?\n"
        "Thousands of retirees are switching to this plan.\n"
        "Find out more before the deadline.\n"
        "Is your pension safe?\n"
        "Acme Finance Promoted\n"
        "\n"
        "Police said the march was peaceful.\n"
    )
    flagged = texts(boilerplate(text), text)
    assert flagged == [
        "Is your pension safe?",
        "Thousands of retirees are switching to this plan.",
        "Find out more before the deadline.",
        "Is your pension safe?",
        "Acme Finance Promoted",
    ]


def test_repeated_headline_copy_is_boilerplate_but_frame_needs_an_ad() -> None:
    text = (
        "Drought empties reservoirs in Catalonia\n"
        "A subtitle about the water restrictions in Barcelona.\n"
        "Drought empties reservoirs in Catalonia\n"
        "The regional government declared an emergency.\n"
    )
    assert texts(boilerplate(text), text) == ["Drought empties reservoirs in Catalonia"]
    assert boilerplate(text)[0].start > 0  # the second copy, not the headline


def test_photo_credits_are_boilerplate_captions_are_not() -> None:
    text = (
        "Rescuers search rubble in Antakya on Feb. 7, 2023. John Doe/Anadolu via Getty Images\n"
        "A soldier stands guard in Kyiv. © Reuters / Jane Roe\n"
        "Photo: AP\n"
        "The death toll rose to 40,000.\n"
    )
    flagged = texts(boilerplate(text), text)
    assert flagged == ["John Doe/Anadolu via Getty Images", "© Reuters / Jane Roe", "Photo: AP"]


def test_media_player_furniture() -> None:
    text = "Watch:\n0:00\n02:14 / 05:30\nThe volcano erupted near Reykjavik.\n"
    assert texts(boilerplate(text), text) == ["Watch:", "0:00", "02:14 / 05:30"]


def test_cookie_banner() -> None:
    text = (
        "We use cookies to improve your experience.\n"
        "Accept all\n"
        "Parliament in Canberra passed the bill.\n"
    )
    assert texts(boilerplate(text), text) == [
        "We use cookies to improve your experience.",
        "Accept all",
    ]


def test_boilerplate_spans_are_sorted_and_disjoint() -> None:
    text = "Advertisement\nBody in Lima.\nAdvertisement\nMore body. Photo: AFP\n"
    spans = boilerplate(text)
    assert spans == sorted(spans)
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_sample_ad_block_between_repeated_lines() -> None:
    from pathlib import Path

    import geo

    path = Path(geo.__file__).parent / "sample" / "003_89839a2d7bf36050.txt"
    text = path.read_text(encoding="utf-8")
    flagged = " ".join(texts(boilerplate(text), text))
    assert "kick in your support" in flagged
    assert "Coalition Sponsored" in flagged
    assert "Do you agree" in flagged
    assert "Belousov" not in flagged  # no body paragraph is flagged


@given(st.text(max_size=400))
def test_segmentation_never_fails_on_arbitrary_text(text: str) -> None:
    for fn in (paragraphs, sentences, quotes, boilerplate):
        spans = fn(text)
        assert all(0 <= s.start <= s.end <= len(text) for s in spans)
        assert spans == sorted(spans)


def test_us_state_abbreviations() -> None:
    text = (
        "Fires hit Paradise, Calif. Gov. Newsom visited. "
        "Rain fell in Pittsburgh, Pa. The river rose."
    )
    assert texts(sentences(text), text) == [
        "Fires hit Paradise, Calif. Gov. Newsom visited.",
        "Rain fell in Pittsburgh, Pa.",
        "The river rose.",
    ]
