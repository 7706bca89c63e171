"""Offsets, bad arguments, garbage and non-English input."""

from __future__ import annotations

import random
import string
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InvalidInput
from kg.temporal import infer_publication_date, tag_timexes

from .support import DCT, tag

_ARTICLE = (
    "KYIV, May 18, 2022 - Shelling resumed overnight in the east, officials said on "
    "Wednesday. The city council met last week and will meet again on Friday at 3 p.m. "
    "Since late March, more than 1,200 people have fled. Two days later, on May 20, a convoy "
    "left; the following day it returned. In the early days of the war, in February, roads "
    "were closed for 48 hours. Fuel is delivered daily. Prices rose 5% in the first quarter "
    "from a year earlier and are now at their highest since the 1990s."
)


def test_offsets_match_the_text_on_a_realistic_paragraph():
    specs = tag(_ARTICLE)
    assert len(specs) >= 15
    assert all(_ARTICLE[t.start:t.end] == t.text for t in specs)
    starts = [t.start for t in specs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(specs, specs[1:], strict=False))  # no overlap


def test_offsets_are_code_points_with_non_ascii_text():
    text = "Ünïcödé 🙂 — the truce of 16 May 2022 held “until Friday”."
    specs = tag(text)
    assert [t.text for t in specs] == ["16 May 2022", "Friday"]


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "Некоторые тексты не на английском: 12 мая 2022 года.",
    "這是中文文本。2022年5月16日", "!!!???...,,,;;;", "\x00\x01\x02 May \x03",
    "9999-99-99 00:00 99/99/9999 31.02.2022 Feb. 30", "a" * 5000, "1 " * 3000,
    "the the the the the last last next next", "İstanbul İİİ in May 2022 İ",
])
def test_garbage_does_not_crash(text):
    for t in tag(text):
        assert text[t.start:t.end] == t.text


def test_turkish_dotted_capital_keeps_offsets():
    text = "İİİ in May 2022"
    (t,) = tag(text)
    assert t.text == "May 2022"


@given(st.text(alphabet=string.printable + "ÄÖÜßİ’“”—", max_size=300))
@settings(max_examples=200, deadline=None)
def test_random_text_never_crashes(text):
    for dct in (None, DCT):
        for t in tag_timexes(text, dct):
            assert 0 <= t.start < t.end <= len(text)
            assert text[t.start:t.end] == t.text


def test_random_word_salad_from_the_lexicon():
    rng = random.Random(7)
    vocab = ("the last next early late mid May March Sunday week weeks year ago later "
             "two a few 1998 16 p.m. 3 : of quarter third fiscal since until by now "
             "recent days of war into after before , . - 2022-05-16 every daily").split()
    for _ in range(300):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 25)))
        for t in tag(text):
            assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("kwargs", [
    {"text": None, "dct": DCT}, {"text": 42, "dct": DCT}, {"text": "x", "dct": "2022-05-18"},
    {"text": "x", "dct": DCT, "anchors": ["war"]},
    {"text": "x", "dct": DCT, "anchors": {"war": "2022-02-24"}},
])
def test_bad_arguments_raise_invalid_input(kwargs):
    text = kwargs.pop("text")
    dct = kwargs.pop("dct")
    with pytest.raises(InvalidInput):
        tag_timexes(text, dct, **kwargs)


def test_timezone_naive_datetime_dct_is_taken_as_utc():
    (t,) = tag_timexes("The blast came two hours ago.", datetime(2022, 5, 18, 9, 0))
    assert t.value == "2022-05-18T07:00" and t.earliest.tzinfo is not None


def test_results_are_deterministic():
    assert tag_timexes(_ARTICLE, DCT) == tag_timexes(_ARTICLE, DCT)


def test_timespecs_round_trip_through_the_model():
    from kg.model import TimeSpec

    for t in tag_timexes(_ARTICLE, DCT) + tag_timexes(_ARTICLE, None):
        again = TimeSpec.from_dict(t.to_dict(), "time")
        assert again.to_dict() == t.to_dict()


def test_publication_date_on_garbage():
    assert infer_publication_date("") is None
    assert infer_publication_date("no dates at all, only words") is None
    assert infer_publication_date(None) is None
    assert infer_publication_date("Некоторые тексты") is None


def test_dct_far_from_today_is_used_as_given():
    (t,) = tag_timexes("The mayor spoke yesterday.", date(1850, 3, 1))
    assert t.value == "1850-02-28"


def test_a_date_in_a_since_phrase_infers_no_publication():
    assert infer_publication_date("Odesa has come under attack since Russia launched its "
                                  "invasion in February 2022.") is None
    assert infer_publication_date("Fighting has raged since March 2023.") is None
    found = infer_publication_date("The first strike since the truce began came on March 3, "
                                   "2024 in Rafah.")
    assert found is not None and found[0].isoformat() == "2024-03-03"
