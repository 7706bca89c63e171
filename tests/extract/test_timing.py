"""Attaching times to events: own clause, sentence, paragraph, publication, unknown.

The time expressions are built here by hand (the tagger itself is kg.temporal's job)."""

from datetime import date

import pytest

from extract.helpers import analyse, trigger
from kg.extract.document import Document
from kg.extract.timing import TimeAttacher, find_anchors, publication_time
from kg.model import TimeSpec

PUB = date(2022, 5, 17)


def spec(text: str, phrase: str, value: str, day: date | None, *, resolved=True,
         type_="DATE", occurrence=0) -> TimeSpec:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return TimeSpec(value=value, edtf=value, precision="day" if day else "unknown",
                    earliest=day, latest=day, text=phrase, start=start,
                    end=start + len(phrase), type=type_, resolved=resolved)


def attacher(text: str, timexes: list[TimeSpec], triggers: list[str], published=PUB):
    doc = Document.parse(text)
    offsets = [text.index(t) for t in triggers]
    return TimeAttacher(doc, timexes, published, "day", offsets), offsets


def test_expression_in_the_same_clause_wins():
    text = ("The ministry published a video on Sunday showing troops reclaiming the border."
            "\n\nRebels attacked the town.")
    tx = [spec(text, "Sunday", "2022-05-15", date(2022, 5, 15))]
    att, (pub, reclaim, attack) = attacher(text, tx, ["published", "reclaiming", "attacked"])
    for off in (pub, reclaim):
        t = att.attach(off)
        assert (t.value, t.basis) == ("2022-05-15", "expression")
    t = att.attach(attack)
    assert t.basis == "publication" and t.latest == PUB and t.earliest is None
    assert t.edtf == "../2022-05-17" and t.resolved


def test_sentence_time_only_from_clauses_without_their_own_event():
    text = "On Monday, officials arrived, and rebels attacked the town."
    tx = [spec(text, "Monday", "2022-05-16", date(2022, 5, 16))]
    att, (attack,) = attacher(text, tx, ["attacked"])
    t = att.attach(attack)
    assert (t.value, t.basis) == ("2022-05-16", "sentence")
    text = "After securing Kyiv in late March, Ukrainian forces have begun pushing east."
    tx = [spec(text, "late March", "2022-03", date(2022, 3, 21))]
    att, (secure, push) = attacher(text, tx, ["securing", "pushing"])
    assert att.attach(secure).basis == "expression"
    assert att.attach(push, perfect=True).basis == "publication"


def test_paragraph_time_carries_forward_but_not_backward_or_across_paragraphs():
    text = ("On Monday rebels attacked the town. They burned the market.\n\n"
            "Troops withdrew.")
    tx = [spec(text, "Monday", "2022-05-16", date(2022, 5, 16))]
    att, (burn, withdraw) = attacher(text, tx, ["burned", "withdrew"])
    t = att.attach(burn)
    assert (t.value, t.basis) == ("2022-05-16", "paragraph")
    assert att.attach(withdraw).basis == "publication"
    assert att.attach(burn, perfect=True).basis == "publication"


def test_unresolved_expression_stops_the_search():
    text = ("On Monday, troops advanced. The city had faced bombardment from the early days "
            "of the war.")
    tx = [spec(text, "Monday", "2022-05-16", date(2022, 5, 16)),
          spec(text, "the early days of the war", "XXXX-XX-XX", None, resolved=False)]
    att, (bomb,) = attacher(text, tx, ["bombardment"])
    assert att.attach(bomb).basis == "publication"  # never the neighbour's Monday


def test_planned_events_are_on_or_after_publication():
    text = "The president will visit the region."
    att, (visit,) = attacher(text, [], ["visit"])
    t = att.attach(visit, planned=True)
    assert (t.earliest, t.latest, t.edtf) == (PUB, None, "2022-05-17/..")


def test_no_publication_date_means_unknown():
    text = "Rebels attacked the town."
    att, (attack,) = attacher(text, [], ["attacked"], published=None)
    t = att.attach(attack)
    assert (t.basis, t.resolved, t.latest) == ("unknown", False, None)


def test_publication_bound_with_month_precision():
    t = publication_time(date(2022, 5, 1), "month")
    assert (t.edtf, t.latest, t.precision) == ("../2022-05", date(2022, 5, 31), "month")


def test_durations_and_sets_are_not_event_times():
    text = "A 40-year-old man was killed in the attack."
    tx = [spec(text, "40-year-old", "P40Y", None, type_="DURATION")]
    att, (attack,) = attacher(text, tx, ["attack"])
    assert att.attach(attack).basis == "publication"


def test_anchor_stated_in_the_text():
    text = "Kharkiv has been hit hard since the start of Russia's full-scale invasion on " \
           "February 24."
    tx = [spec(text, "February 24", "2022-02-24", date(2022, 2, 24))]
    anchors = find_anchors(Document.parse(text), tx)
    assert anchors["invasion"] == date(2022, 2, 24)
    assert anchors["war"] == date(2022, 2, 24)


def test_the_past_day_is_the_day_before_publication():
    """kg.temporal: "over the past day" is a one-day stretch ending at publication (it was
    tagged "the past", PAST_REF, which dated nothing); "the last day of X" is no duration."""
    import pytest

    temporal = pytest.importorskip("kg.temporal")
    found = temporal.tag_timexes("Shelling killed two people over the past day.", PUB)
    past = next(t for t in found if t.text == "the past day")
    assert (past.type, past.value) == ("DURATION", "P1D")
    assert (past.earliest, past.latest) == (date(2022, 5, 16), PUB)
    later = temporal.tag_timexes("Talks ended on the last day of the summit.", PUB)
    assert not any(t.type == "DURATION" for t in later)


# -- events told inside a dated report: "on or before" the report's day ---------------------

def _time_of(text: str, trig: str, published=date(2024, 10, 18)) -> TimeSpec:
    doc = analyse(text, published=published)
    return next(e.time for e in doc.events if doc.article.text[e.trigger_start:
                                                                e.trigger_end] == trig)


@pytest.mark.parametrize("text, trig", [
    ("The army said on Thursday that its troops had killed 40 militants near the border.",
     "killed"),
    ("Police said on Thursday that a gunman shot dead three people in the town.", "shot dead"),
    ("Speaking on Thursday, the minister said troops had killed 40 militants.", "killed"),
    ("In a statement on Thursday, the army said it had captured the village.", "captured"),
    ("On Thursday, the army said it had captured the village.", "captured"),
    ("Ukrainian forces have retaken the village, the General Staff said on Thursday.",
     "retaken"),
    ("In a statement on Thursday, the army said the fighting had spread to the suburbs.",
     "fighting"),
    ("According to officials on Thursday, a landslide buried a village.", "landslide"),
    ("The army told residents on Thursday that it had evacuated the town.", "evacuated"),
    ("In a video posted on Thursday, the rebel leader said his fighters had seized the town.",
     "seized"),
    # (the next sentence of the report is bounded by its day too)
    ("Police said on Thursday that five bodies had been found. Hundreds of inmates escaped "
     "from the prison.", "escaped"),
])
def test_an_event_told_by_a_dated_report_happened_on_or_before_that_day(text, trig):
    t = _time_of(text, trig)
    assert (t.basis, t.earliest, t.latest, t.edtf, t.value) == (
        "report", None, date(2024, 10, 17), "../2024-10-17", "2024-10-17")
    assert (t.precision, t.text, t.rule) == ("day", "Thursday", "report-bound")


@pytest.mark.parametrize("text, trig, edtf", [
    # a day of its own
    ("Police said on Thursday that a gunman shot dead three people in the town on Tuesday.",
     "shot dead", "2024-10-15"),
    # the report's sentence does not hold the event
    ("On Thursday, troops captured the village, the army said.", "captured", "2024-10-17"),
    # going on that day
    ("Officials said on Thursday that fighting was continuing near the town.", "fighting",
     "2024-10-17"),
    # an apposition names the day
    ("The ministry issued a warning, officials said on Thursday, the day a cyclone hit the "
     "coast.", "cyclone", "2024-10-17"),
    # a statement keeps the day of the report that opens its sentence
    ("Russian forces withdrew on Saturday. The following day, the president responded with a "
     "video address.", "address", "2024-10-13"),
    # a day after a name, not after a verb of saying
    ("Gonzalez arrived in the United States on Thursday and met his son.", "arrived",
     "2024-10-17"),
    ("On April 4, 1949, on behalf of the United States, the secretary of state signed the "
     "treaty.", "treaty", "1949-04-04"),
])
def test_a_reports_day_stays_the_events_own_where_the_text_says_so(text, trig, edtf):
    t = _time_of(text, trig)
    assert (t.edtf, t.basis) == (edtf, "expression")


def test_an_event_ahead_of_which_a_day_is_told_is_not_of_that_day():
    for text in ("Ahead of the minister's visit, the State Department on Thursday issued a "
                 "travel warning.",
                 "Ahead of the minister's visit, police on Thursday closed the main roads."):
        t = _time_of(text, "visit")
        assert t.basis == "publication", text  # (the visit comes after Thursday)
    t = _time_of("Candidates held final rallies on Thursday ahead of Sunday's presidential "
                 "election.", "election")
    assert t.edtf == "2024-10-20"


def test_the_year_of_a_named_treaty_dates_the_treaty_not_what_is_done_to_it():
    t = _time_of("India suspended the 1960 Indus Waters Treaty.", "suspended",
                 published=date(2025, 4, 24))
    assert t.basis == "publication"
    t = _time_of("On April 23, India said it had suspended the 1960 Indus Waters Treaty.",
                 "suspended", published=date(2025, 4, 24))
    assert t.edtf == "../2025-04-23"
    # (a treaty made keeps the year it was made, and a day in its name is no time)
    t = _time_of("Clinton marked 25 years since politicians signed the 1998 Good Friday "
                 "Agreement.", "signed", published=date(2023, 4, 13))
    assert t.value == "1998"
    # (the treaty itself keeps its year)
    assert _time_of("The 2014 Minsk agreements were signed in Belarus.", "agreements",
                    published=date(2025, 4, 24)).value == "2014"


@pytest.mark.parametrize("text, trig", [
    ("The UN chief urged both countries on Thursday to show restraint.", "urged"),
    ("The chief minister rejected the claim on Thursday.", "rejected"),
])
def test_a_speech_act_with_a_short_object_takes_the_day_after_it(text, trig):
    assert _time_of(text, trig).edtf == "2024-10-17"
    # (not the day of what a clause after the object tells)
    t = _time_of("The minister rejected the claim that troops had attacked the town on "
                 "Thursday.", "rejected")
    assert t.basis == "publication"


@pytest.mark.parametrize("text, trig, value", [
    ("In 2019, dozens of people went missing after a boat sank on the lake.", "sank", "2019"),
    ("In March, a dam burst after heavy rain flooded the valley.", "flooded", "2024-03"),
])
def test_a_year_or_month_opening_the_sentence_holds_its_after_clause(text, trig, value):
    assert _time_of(text, trig).value == value


def test_an_opening_day_or_a_participle_clause_is_not_carried_into_an_after_clause():
    # (a day: the attack may have been the day before; on or before that day)
    t = _time_of("On Monday, police arrested a man after he attacked a guard.", "attacked")
    assert t.basis != "expression" and t.earliest is None and t.edtf.startswith("../")
    t = _time_of("In January, officers concluded he had been killed soon after being "
                 "captured.", "captured")
    assert t.basis == "publication"


def test_an_event_a_dated_reaction_names_came_on_or_before_that_day():
    doc = analyse("ECOWAS on Wednesday condemned the deadly attack on the market.",
                  published=date(2023, 10, 19))
    attack = next(e for e in doc.events if e.type == "Attack")
    assert (attack.time.basis, attack.time.latest, attack.time.edtf) == \
        ("report", date(2023, 10, 18), "../2023-10-18")
    # (a day of its own, beside the reaction's, stays the event's)
    doc = analyse("The Cypriot government Saturday strongly condemned two terrorist bomb attacks "
                  "in Kenya and Tanzania Friday.", published=date(1998, 8, 9))
    bombing = next(e for e in doc.events if e.type == "Bombing")
    assert (bombing.time.basis, bombing.time.value) == ("expression", "1998-08-07")


def test_a_named_event_noun_is_the_event_told_before_at_that_place():
    doc = analyse("Gunmen stormed the weekly market in Markoye on Saturday, killing 27 people. "
                  "ECOWAS condemned the Markoye attack on Wednesday.",
                  published=date(2023, 10, 19))
    attacks = [e for e in doc.events if e.type == "Attack"]
    assert len(attacks) == 1 and attacks[0].time.value == "2023-10-14"
    # (an actor's name is no place of one event: "the Hamas attack" of last October is not
    # Wednesday's air strike on Hamas positions)
    doc = analyse("Israeli jets struck Hamas positions in Gaza City on Wednesday, killing 12 "
                  "people. The Hamas attack on southern Israel last October killed about 1,200 "
                  "people.", published=date(2024, 3, 14))
    assert "Attack" in [e.type for e in doc.events]


def test_a_relative_clause_about_a_thing_keeps_its_own_time():
    # (first contact, batch 181: the derailment was dated by the recovery of a body)
    doc = analyse("The train came off the rails shortly after noon on Friday. Rescue teams on "
                  "Saturday pulled a fifth body from the wreckage of the train that derailed.",
                  published=date(2022, 6, 4))
    assert [e.time.value for e in doc.events if e.type == "Accident"] == ["2022-06-03T12:00"]
    # (but the thing's own time, and a report's complement, still count)
    doc = analyse("General Min Aung Hlaing led the 2021 coup that ousted the government.",
                  published=date(2025, 10, 9))
    assert {e.time.value for e in doc.events} == {"2021"}


def test_a_dateline_with_a_staff_credit_dates_nothing():
    # (first contact, batch 185: "(Reuters staff)" kept the dateline's June 13 in the sentence)
    doc = analyse("BEIRUT, June 13 (Reuters staff) - Hezbollah fired scores of rockets at northern "
                  "Israel on Wednesday, a day after an Israeli air strike killed a commander.",
                  published=date(2024, 6, 13))
    assert [e.time.value for e in doc.events if e.type == "ShellingMissileAttack"] == \
        ["2024-06-12"]


def test_a_reaction_gives_its_subject_no_part_in_the_event_it_names():
    # (review of the stop's rules: "the African Union condemned the Markoye attack" made the
    # Union the attacker of the attack told before; an actor inside the object stays)
    doc = analyse("Gunmen killed at least 14 civilians in an attack on a livestock market in "
                  "northern Burkina Faso on Sunday, local officials said. The assailants arrived "
                  "on motorbikes and opened fire on traders. On Tuesday, the African Union "
                  "condemned the Markoye attack and urged regional cooperation.",
                  published=date(2023, 5, 24))
    attack = next(e for e in doc.events if e.type == "Attack")
    assert not [p for p in attack.participants if p.role == "agent"]
    doc = analyse("Qatar on Wednesday denounced an Israeli air strike on a compound in Doha.",
                  published=date(2025, 9, 11))
    strike = next(e for e in doc.events if e.type == "AirStrike")
    agents = [p.entity for p in strike.participants if p.role == "agent"]
    assert [e.label for e in doc.entities if e.id in agents] == ["Israel"]


def test_a_place_named_anaphor_brings_no_party_of_its_reaction():
    # (third review of the stop's rules: al-Shabaab, blamed in the reaction's sentence, had
    # become the target of the bombing the anaphor joined)
    doc = analyse("A car bomb exploded in Mogadishu on Thursday, killing 10. The Somali "
                  "government condemned the Mogadishu bombing on Friday and blamed al-Shabaab.",
                  published=date(2023, 9, 1))
    bombing = next(e for e in doc.events if e.type == "Bombing")
    assert bombing.participants == [] and bombing.time.value == "2023-08-31"


def test_an_opening_clause_a_week_after_counts_back_from_the_main_clauses_day():
    doc = analyse("A week after soldiers seized power in Niamey, France began evacuating its "
                  "citizens on Wednesday. Two days after the earthquake struck, rescuers found "
                  "a girl alive on Wednesday.", published=date(2023, 8, 2))
    times = {e.type: e.time.value for e in doc.events}
    assert times["Other"] == "2023-07-26" and times["Earthquake"] == "2023-07-31"
    assert times["Evacuation"] == "2023-08-02"


def test_an_attributive_participle_before_a_title_is_no_event():
    doc = analyse("Investigators arrested impeached President Yoon Suk Yeol on Wednesday.",
                  published=date(2025, 1, 15))
    assert [e.type for e in doc.events] == ["Arrest"]


def test_now_in_a_later_mention_does_not_date_the_event():
    doc = analyse("Candidate Fernando Villavicencio was shot dead in the capital. Police "
                  "arrested six men who are now accused of taking part in the murder.",
                  published=date(2023, 8, 11))
    [killing] = [e for e in doc.events if e.type == "Killing"]
    assert killing.time.value != "PRESENT_REF" and killing.time.basis == "publication"


def test_a_report_and_its_participle_of_saying():
    pub = date(2024, 7, 22)
    doc = analyse("On Friday the army said it had retaken the town, saying it would advance "
                  "on Monday.", published=pub)
    [retaken] = [e for e in doc.events if e.type == "TerritoryRetaken"]
    assert retaken.time.edtf == "../2024-07-19"
    doc = analyse("The company's chief executive, Anna Berg, apologised on Friday, saying the "
                  "firm was sorry.", published=pub)
    assert [e.time.value for e in doc.events if e.type == "Statement"] == ["2024-07-19"]


def test_a_time_in_a_since_phrase_dates_no_verb_after_and():
    doc = analyse("Minutes after the shock, the agency issued a tsunami warning, its first since "
                  "the disaster of March 2011, and urged people to flee to high ground.",
                  published=date(2024, 1, 4))
    [flee] = [e for e in doc.events if trigger(doc, e) == "flee"]
    assert flee.time.value != "2011-03"
    assert flee.modality == "planned"



def test_the_deadliest_since_a_year_when_is_not_of_that_year():
    text = ("The crash was the country's worst aviation disaster since 1997, when a jet crashed "
            "in Guam. The former president has been held under house arrest since 4 August, "
            "when the judge ruled that he had broken a ban.")
    tx = [spec(text, "1997", "1997", date(1997, 1, 1)),
          spec(text, "4 August", "2025-08-04", date(2025, 8, 4))]
    att, (crash, crashed, arrest) = attacher(text, tx, ["crash ", "crashed", "arrest"],
                                             published=date(2025, 9, 12))
    assert att.attach(crash).basis == "publication"
    assert att.attach(crashed).value == "1997"
    assert att.attach(arrest).value == "2025-08-04"


def test_a_time_after_where_words_were_posted_dates_them():
    doc = analyse("Petro suspended talks on Friday.\n\n\"The ELN has chosen war,\" Petro wrote on "
                  "social media the following day.", published=date(2025, 1, 22))
    assert [e.time.value for e in doc.events if trigger(doc, e) == "wrote"] == ["2025-01-18"]


def test_an_after_clause_happened_on_or_before_its_main_clauses_day():
    doc = analyse("Prime Minister Fumio Kishida escaped unharmed on Saturday after a man hurled "
                  "what appeared to be a homemade pipe bomb towards him.",
                  published=date(2023, 4, 16))
    [bomb] = [e for e in doc.events if e.type == "Bombing"]
    assert (bomb.time.edtf, bomb.time.latest, bomb.time.earliest) == (
        "../2023-04-15", date(2023, 4, 15), None)
    doc = analyse("Police arrested him on Monday after he attacked a guard on Friday.",
                  published=date(2023, 4, 16))
    assert {trigger(doc, e): e.time.value for e in doc.events} == {
        "arrested": "2023-04-10", "attacked": "2023-04-14"}


def test_a_time_in_a_participle_phrase_before_the_verb_is_not_the_verbs():
    doc = analyse("The exchange, valued at $32 billion by investors as recently as January, filed "
                  "for bankruptcy protection in the United States on Friday.",
                  published=date(2022, 11, 14))
    assert [e.time.value for e in doc.events] == ["2022-11-11"]
    doc = analyse("The company's chief executive, Anna Berg, apologised on Friday, saying the "
                  "firm was sorry.", published=date(2024, 3, 14))
    assert {e.time.value for e in doc.events} == {"2024-03-08"}


def test_recently_gives_way_to_a_time_the_clause_names():
    doc = analyse("Thailand has had 12 successful coups since 1932, the most recent in 2014.",
                  published=date(2024, 3, 14))
    assert [e.time.value for e in doc.events if trigger(doc, e) == "coups"] == ["2014"]
    doc = analyse("The party recently took 13 percent of the vote in elections in an eastern "
                  "state, and hopes to win seats in parliament this September.",
                  published=date(1998, 6, 26))
    assert "1998-09" not in [e.time.value for e in doc.events if e.modality == "asserted"]


def test_a_year_in_a_since_phrase_of_a_common_noun_bounds_a_state():
    doc = analyse("The country has seen nine coups since independence in 1960, the most recent in "
                  "2015.", published=date(2024, 3, 14))
    assert [e.time.value for e in doc.events if trigger(doc, e) == "coups"] == ["2015"]
    doc = analyse("The island had not taken a direct hit from a major hurricane since Gilbert in "
                  "1988, which killed 45 people.", published=date(2025, 10, 30))
    assert [e.time.value for e in doc.events if e.fatalities == 45] == ["1988"]


def test_a_day_of_state_mourning_declared_on_a_day():
    doc = analyse("The state government declared a day of state mourning on Saturday.",
                  published=date(2023, 6, 5))
    assert [e.time.value for e in doc.events] == ["2023-06-03"]
