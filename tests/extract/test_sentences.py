"""Sentence and paragraph splitting on news text."""

from kg.extract.document import Document
from kg.extract.sentences import split_paragraphs, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_abbreviations_titles_and_initials_do_not_end_sentences():
    text = ("Mr. Smith met Gen. J. R. Allen in the U.S. The talks ended at 5 p.m. on Sept. 3. "
            "He left.")
    assert texts(text) == ["Mr. Smith met Gen. J. R. Allen in the U.S.",
                           "The talks ended at 5 p.m. on Sept. 3.", "He left."]


def test_dotted_acronym_mid_sentence_is_kept():
    assert texts("U.S. troops left the U.S. embassy in Kabul.") == [
        "U.S. troops left the U.S. embassy in Kabul."]


def test_quotes_and_lowercase_continuations():
    text = '"We will win," he said. "Go now!" she shouted. Officials said it was "over."'
    assert texts(text) == ['"We will win," he said.', '"Go now!" she shouted.',
                           'Officials said it was "over."']


def test_headline_and_caption_lines_are_sentences_of_their_own():
    text = ("Storm Kills Three in Coastal Town\n\nA storm hit the town on Monday. "
            "Three people died.\nVideo of the flooded streets.\nPhoto by Jane Doe/Reuters")
    sents = split_sentences(text)
    kinds = [(text[s.start:s.end], s.kind, s.titlecase) for s in sents]
    assert kinds[0] == ("Storm Kills Three in Coastal Town", "headline", True)
    assert kinds[1][1] == "body" and kinds[2][0] == "Three people died."
    assert kinds[3] == ("Video of the flooded streets.", "caption", False)
    assert kinds[4][1] == "caption"


def test_a_headline_may_end_in_a_quotation():
    """A title-case line ending in a quotation without a stop is a headline; a paragraph
    whose quotation ends with its stop stays body text."""
    text = ("Gunmen Storm TV Studio As President Declares 'Internal Armed Conflict'\n\n"
            'Coalition Admits Strike, Blames "Incorrect Information"\n\n'
            'The minister said the country was "at war."')
    assert [p.kind for p in split_paragraphs(text)] == ["headline", "headline", "body"]


def test_paragraph_indices_and_hard_wrapped_lines():
    text = "First line of a paragraph\nthat wraps here.\n\nSecond paragraph.\nThird one."
    paras = split_paragraphs(text)
    assert [text[p.start:p.end] for p in paras] == [
        "First line of a paragraph\nthat wraps here.", "Second paragraph.", "Third one."]
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 2]


def test_offsets_cover_the_text_exactly():
    text = "  Leading space. Two sentences here!  \n\n\nAnd a third?  "
    for s in split_sentences(text):
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        assert s.start < s.end


def test_quotations_are_found_and_unclosed_ones_run_to_the_paragraph_end():
    text = '"It is over," she said. “Curly quotes” too.\n\n"An unclosed quote\n\nNext.'
    doc = Document.parse(text)
    quoted = [text[a:b] for a, b in doc.quotes]
    assert quoted == ['"It is over,"', "“Curly quotes”", '"An unclosed quote']


def test_empty_and_whitespace_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t ") == []


def test_page_furniture_lines_are_credits_and_a_trailing_photo_credit_makes_a_caption():
    """Eighty-sixth batch (scraped pages): "ADVERTISEMENT", "Share this: ...", "Source: ...",
    "Originally published by ..." say where the page came from, not what happened; a line
    ending "Photo: Reuters" is a caption."""
    text = ("Originally published by Eastern Europe Monitor. Share this: Facebook Twitter\n\n"
            "ADVERTISEMENT\n\nSource: Eastern Europe Monitor\n\nShare this: Facebook Email\n\n"
            "Wounded Palestinians are treated at a hospital on Thursday. Photo: Reuters\n\n"
            "The source said the photo was taken on Thursday.\n")
    kinds = [p.kind for p in split_paragraphs(text)]
    assert kinds == ["credit", "credit", "credit", "credit", "caption", "body"]


def test_a_title_case_question_is_a_headline():
    text = ("Analysis: What Is Left Of The Truce In Darfur?\n\nWill the talks go on? Nobody "
            "knows.\n\nWill the truce hold?")
    assert [p.kind for p in split_paragraphs(text)] == ["headline", "body", "body"]


def test_a_sentence_may_end_on_a_clock_time():
    """A capitalised word after "a.m."/"p.m." opens a sentence, unless it is a day, a month
    or a time zone, or the clock time opened the sentence."""
    assert texts("The truce took effect at 8 p.m. Later that night crowds gathered.") == [
        "The truce took effect at 8 p.m.", "Later that night crowds gathered."]
    for one in ("They met at 10 a.m. Tuesday in Paris.", "The blast came at 9 p.m. GMT.",
                "The strike hit at 4 a.m. Kyiv time, officials said.",
                "At 3 a.m. Russian forces crossed the line.",
                "On Monday, shortly after 4:15 a.m. Israeli jets struck.",
                "It ended at 5 p.m. on Sept. 3."):
        assert texts(one) == [one]


def test_a_short_subheading_may_keep_its_small_words_lower():
    text = "Hospitals and Banks Hit\n\nA Run in a Single Day\n\nPolice said so\n\nThe bank failed."
    assert [s.titlecase for s in split_sentences(text)] == [True, True, False, False]


def test_a_title_line_ending_in_a_quotation_is_in_title_case():
    text = ("Wagner Chief Calls Off March, Putin Vows Punishment For \"Treason\"\n\n"
            "Rebels Call Pullout 'Strategic'\n\n"
            "He called it \"a betrayal\"\n\n"
            "The rebels said the pullout was 'strategic.'")
    assert [s.titlecase for s in split_sentences(text)] == [True, True, False, False]
