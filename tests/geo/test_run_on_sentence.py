"""Event detection in one long run-on sentence (issue 14, finding 14): the words between a
place and each trigger are counted from one index of the text, not by a scan of the gap for
every pair, which made 400 places in one 16 KB sentence take minutes."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import geo
import geo.clauses as clauses
from geo.model import Article

PLACES = ["Kyiv", "Odesa", "Kharkiv", "Lviv", "Dnipro", "Mykolaiv", "Kherson", "Sumy"]
MONTHS = ["March", "April", "May", "June"]


def run_on(pairs: int) -> str:
    parts = [
        f"fighting in {PLACES[i % 8]} on {1 + i % 28} {MONTHS[i % 4]} 2024" for i in range(pairs)
    ]
    return "There was " + ", and ".join(parts) + "."


class CountingWords:
    """``clauses.WORDS`` counting its scans and every word they produce."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scans = 0
        self.produced = 0

    def findall(self, *args):
        self.scans += 1
        found = self.pattern.findall(*args)
        self.produced += len(found)
        return found

    def finditer(self, *args):
        self.scans += 1
        for m in self.pattern.finditer(*args):
            self.produced += 1
            yield m


def test_word_counts_of_a_run_on_sentence_scan_each_word_a_few_times(monkeypatch):
    counting = CountingWords(clauses.WORDS)
    monkeypatch.setattr(clauses, "WORDS", counting)
    text = run_on(150)  # 150 places and 150 triggers: 22,500 pairs in one sentence
    article = Article("run-on", text, published=date(2024, 7, 1))
    result = geo.extract([article])
    assert len(result.mentions) >= 150
    assert len(result.events) > 0
    words = len(clauses.WORDS.pattern.findall(text))
    # Each count may look at one word to find its place in the index; beyond that, the words
    # scanned are those of the text, a few times over. A scan of the gap for every pair
    # produced more than a hundred times the words of the text here.
    assert counting.produced - counting.scans <= 5 * words


_TEXT = st.text(alphabet="ab '’_-.\u00e9", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_the_index_counts_exactly_what_a_scan_of_the_gap_counts(text, a, b):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    index = clauses._WordIndex(text)
    assert index.count(lo, hi) == len(clauses.WORDS.findall(text, lo, hi))


def test_places_past_the_sentence_budget_are_mentions_without_events(monkeypatch):
    import geo.events as events
    import geo.placing as placing
    from geo.geoparse import analyze

    text = run_on(60)
    analysis = analyze(text, date(2024, 7, 1))
    assert len(analysis.mentions) >= 60  # every place is still a mention
    everything = events.detect_events(text, analysis.recognized, analysis.timeline)
    monkeypatch.setattr(placing, "MAX_SENTENCE_MENTIONS", 20)
    budget = events.detect_events(text, analysis.recognized, analysis.timeline)
    twenty_first = sorted(m.start for m in analysis.recognized)[20]
    assert budget and all(r.char_start < twenty_first for r in budget)
    assert len(everything) > len(budget)
    assert [r for r in everything if r.char_start < twenty_first] == budget
