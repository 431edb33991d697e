"""An article's title read as its headline, the town a headline names as the story's focus,
police call-outs, and tallies that count happenings without telling one; each with the
sentences where the rule must not fire."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.extraction import extract_article, headed_text
from geo.factuality import mood
from geo.focus import article_focus
from geo.geoparse import analyze
from geo.model import Article
from geo.reports import EventReport
from tests.geo.helpers import PUBLISHED, reports_of, rule_reports


def summary(reports: list[EventReport]) -> list[tuple[str, str, str]]:
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in reports]


# --- the title as the headline -----------------------------------------------------------


def test_a_title_the_text_does_not_open_with_becomes_its_headline() -> None:
    article = Article(id="a", text="Body of the story.", title="Flood hits a town")
    text, offset = headed_text(article)
    assert text == "Flood hits a town\n\nBody of the story."
    assert text[offset:] == article.text


def test_a_title_the_text_already_opens_with_is_not_repeated() -> None:
    article = Article(id="a", text="Flood hits a town\n\nBody.", title="Flood hits a town")
    assert headed_text(article) == (article.text, 0)
    assert headed_text(Article(id="b", text="Body.")) == ("Body.", 0)


def test_a_title_loses_its_closing_stop_and_quote_marks_but_keeps_apostrophes() -> None:
    article = Article(
        id="a", text="Body.", title="Crowd chants ‘Don’t stop!’ at the mayor's rally."
    )
    text, _ = headed_text(article)
    assert text.startswith("Crowd chants Don’t stop! at the mayor's rally\n\n")


def test_mentions_keep_offsets_into_the_article_text_and_skip_the_title(gaz: Gazetteer) -> None:
    body = "Police arrested two men in Leeds on Monday after a break-in at a shop."
    article = Article(id="a", text=body, title="Arrests in Bradford", published=PUBLISHED)
    result = extract_article(article, gaz)
    assert [row["text"] for row in result.mentions] == ["Leeds"]
    row = result.mentions[0]
    assert body[row["char_start"] : row["char_end"]] == "Leeds"


# --- the headline's town is the story's focus ----------------------------------------------


def test_a_town_named_in_the_headline_places_the_lead_s_undated_happening(gaz: Gazetteer) -> None:
    text = (
        "Saskatoon councillor's aide arrested\n\n"
        "A senior aide of a Saskatoon councillor has been arrested on suspicion of fraud.\n"
        "The aide was arrested on Monday, as part of an inquiry into contracts.\n"
        "Canadian police gave no further details."
    )
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    focus = article_focus(text, a.recognized, a.timeline)
    assert focus is not None and focus.place.name == "Saskatoon"
    assert ("arrest", "Saskatoon", "2024-05-13") in summary(reports_of(text, gaz))


def test_a_town_named_once_in_the_body_and_never_in_a_headline_is_no_focus(
    gaz: Gazetteer,
) -> None:
    # counter-example: the same story without a headline names Saskatoon once, as a possessor
    text = (
        "A senior aide of a Saskatoon councillor has been arrested on suspicion of fraud.\n"
        "The aide was arrested on Monday, as part of an inquiry into contracts.\n"
        "Canadian police gave no further details."
    )
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    assert article_focus(text, a.recognized, a.timeline) is None


# --- police call-outs ----------------------------------------------------------------------


def test_police_called_to_a_place_is_a_call_out_there(gaz: Gazetteer) -> None:
    text = (
        "Officers were called to a bar in Saskatoon at about 1 a.m. Saturday to break up a fight."
    )
    assert ("police_call", "Saskatoon", "2024-05-11") in summary(reports_of(text, gaz))


def test_police_who_call_for_something_make_no_call_out(gaz: Gazetteer) -> None:
    # counter-example: "called for", "called on" are words, not a call-out
    text = "Police in Saskatoon called for calm on Saturday and called on drivers to slow down."
    assert not [r for r in reports_of(text, gaz) if r.type.name == "police_call"]


# --- tallies ---------------------------------------------------------------------------------


def test_a_tally_over_a_period_is_no_happening(gaz: Gazetteer) -> None:
    text = "The death marks the third homicide of 2023 in Saskatoon and the first since May."
    assert mood(text, 0, len(text), text.index("homicide"), text.index(" of 2023")) == "tally"
    assert not [r for r in reports_of(text, gaz) if r.place.name == "Saskatoon"]


def test_an_ordinal_without_a_period_still_reports(gaz: Gazetteer) -> None:
    # counter-examples: a second attack told as news; a period without an ordinal
    text = "A second attack hit a market in Saskatoon on Monday."
    start = text.index("attack")
    assert mood(text, 0, len(text), start, start + len("attack")) == "reported"
    other = "A fire destroyed a barn in Saskatoon this year, officials said."
    start = other.index("fire")
    assert mood(other, 0, len(other), start, start + len("fire")) == "reported"


# --- agreements, trade missions, journeys ----------------------------------------------------


def test_an_agreement_is_placed_by_nothing_in_its_purpose(gaz: Gazetteer) -> None:
    # counter-example for "signed"/"agreement" as statement forms: the place is the subject
    text = "On Monday, the company signed an agreement to build a smelter in Saskatchewan."
    assert not [r for r in rule_reports(text, gaz) if r.place.name == "Saskatchewan"]


def test_a_trade_mission_to_a_country_is_a_visit(gaz: Gazetteer) -> None:
    text = "The premier returned on Friday from a trade mission to Japan."
    assert ("visit", "Japan") in [(r.type.name, r.place.name) for r in reports_of(text, gaz)]


def test_a_mission_that_is_no_trade_mission_is_no_visit(gaz: Gazetteer) -> None:
    # counter-example: "a mission to modernize" is an aim
    text = "The prince is on a mission to modernize the economy of Japan, aides said on Monday."
    assert not [r for r in reports_of(text, gaz) if r.type.name == "visit"]


def test_a_journey_s_length_or_a_fare_is_no_visit(gaz: Gazetteer) -> None:
    text = "The 4 hour trip from Leeds to Glasgow stops in Carlisle, the operator said on Monday."
    assert not [r for r in reports_of(text, gaz) if r.type.name == "visit"]
    fares = "Airlines cut prices for round-trip flights to Lisbon on Monday."
    assert not [r for r in reports_of(fares, gaz) if r.type.name == "visit"]


def test_a_visit_of_some_days_stays_a_visit(gaz: Gazetteer) -> None:
    # counter-example for the journey sense: "a three-day visit" is a visit
    text = "The president began a three-day visit to Hanoi on Monday."
    assert "visit" in [r.type.name for r in reports_of(text, gaz)]


def test_troops_stationed_somewhere_are_no_deployment(gaz: Gazetteer) -> None:
    text = "Last year, 80 troops stationed in Kosovo sought treatment for injuries."
    assert not [r for r in reports_of(text, gaz) if r.type.name == "deployment"]


def test_troops_deployed_somewhere_still_are(gaz: Gazetteer) -> None:
    # counter-example: the happening of a deployment
    text = "The army deployed 300 troops in Kosovo on Monday."
    assert "deployment" in [r.type.name for r in reports_of(text, gaz)]


def test_an_agreement_signed_in_a_city_is_placed_there(gaz: Gazetteer) -> None:
    # counter-example for leaving out "signed": the place right after "signed in"
    text = "A trade accord between the two countries was signed in Lisbon on Monday."
    assert ("statement", "Lisbon") in [(r.type.name, r.place.name) for r in reports_of(text, gaz)]


# --- a headline takes the date the body gives the happening it sums up -------------------


def headline_dates(text: str, gaz: Gazetteer) -> tuple[str, str]:
    r = next(r for r in reports_of(text, gaz) if r.headline)
    return r.dates.start.isoformat(), r.dates.end.isoformat()


def test_a_headline_takes_the_day_the_body_gives_its_happening(gaz: Gazetteer) -> None:
    text = (
        "Men brawl in Leeds over a debt\n\n"
        "Police have released footage of a violent street fight between armed men.\n"
        "Seven men were convicted over the brawl that took place on a deserted street "
        "on 25 February last year."
    )
    assert headline_dates(text, gaz) == ("2023-02-25", "2023-02-25")


def test_a_headline_keeps_the_leads_date_when_its_happening_has_no_day_of_its_own(
    gaz: Gazetteer,
) -> None:
    # counter-examples: the body's brawl is undated, or comes after the lead's reach
    undated = (
        "Men brawl in Leeds over a debt\n\n"
        "Seven men fought with knives in a street on Monday, police said.\n"
        "Officers said the brawl left two men hurt."
    )
    assert headline_dates(undated, gaz) == ("2024-05-13", "2024-05-13")
    far = (
        "Men brawl in Leeds over a debt\n\n"
        "Seven men fought with knives in a street on Monday, police said.\n"
        "Two of them were taken to hospital.\n"
        "Officers closed the road for hours.\n"
        "A similar brawl took place on 25 February last year."
    )
    assert headline_dates(far, gaz) == ("2024-05-13", "2024-05-13")


def test_a_headlines_after_clause_the_body_dates_is_news(gaz: Gazetteer) -> None:
    text = (
        "Woman dies after tree falls on wedding party in Leeds\n\n"
        "A woman was killed when a large tree fell on a wedding party taking photographs "
        "at a park on Saturday, police said."
    )
    r = next(r for r in reports_of(text, gaz) if r.headline)
    assert (r.status, r.dates.start.isoformat()) == ("reported", "2024-05-11")


def test_a_headlines_after_clause_the_body_does_not_date_stays_background(
    gaz: Gazetteer,
) -> None:
    # counter-example: the body tells the fall without a day of its own
    text = (
        "Woman dies after tree falls on wedding party in Leeds\n\n"
        "A woman has died in hospital, police said.\n"
        "Witnesses said a large tree fell on the guests."
    )
    r = next(r for r in reports_of(text, gaz) if r.headline)
    assert r.status == "background"
