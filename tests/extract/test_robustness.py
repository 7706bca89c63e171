"""Any text at all: the pipeline never crashes and its output always passes the model checks."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import analyse_article
from kg.model import Article

WORDS = ["Russian", "troops", "shelled", "Kharkiv", "on", "Monday", ",", ".", '"', "killing",
         "two", "people", "said", "President", "Ivan", "Petrov", "the", "not", "will", "attack",
         "in", "Kyiv's", "forces", "\n", "\n\n", "Mr.", "U.S.", "at", "least", "12", "quake",
         "“", "”", "'", "—", "(", ")", "according", "to", "Reuters", "withdrew", "from",
         "127th", "brigade", "ANKARA", "-", "strike", "no", "reports", "of", "damage"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80), st.booleans())
def test_news_like_word_salad(words, dated):
    text = " ".join(words)
    doc = analyse_article(Article(text=text, published=date(2024, 1, 2) if dated else None))
    doc.check()
    ids = [e.id for e in doc.events]
    assert ids == [f"ev{i}" for i in range(1, len(ids) + 1)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    doc = analyse_article(Article(text=text, published=date(2024, 1, 2)))
    doc.check()
