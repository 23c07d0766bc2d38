"""Dates: publication date and relative expressions, on short texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract import dates
from eventwire.extract.context import Context
from eventwire.extract.dates import DAY, MONTH, WEEK, DocumentDates, date_for
from eventwire.extract.parse import parse_document
from eventwire.ingest import make_document
from eventwire.records import Block, Document

# A Wednesday: relative expressions below resolve against it.
PUBLISHED = "2017-04-05"


def _doc(text: str, published: str | None = PUBLISHED) -> Document:
    return make_document(text, "test", published=published)


def _dates(text: str, published: str | None = PUBLISHED) -> DocumentDates:
    document = _doc(text, published)
    return dates.extract(Context(document, [], None))


def _value(text: str, phrase: str, published: str | None = PUBLISHED):
    found = _dates(text, published)
    hits = [d for d in found.mentions if phrase.lower() in d.span.text.lower()]
    assert hits, [d.span.text for d in found.mentions]
    return hits[0]


def test_publication_date_from_metadata() -> None:
    found = _dates("Talks resumed in Geneva on Monday, diplomats said.\n")
    assert found.published == date(2017, 4, 5) and found.published_from == "metadata"
    assert found.why_none is None


@pytest.mark.parametrize(("first_line", "expected"), [
    ("Wed 05 Apr 2017", date(2017, 4, 5)),
    ("March 3, 2019", date(2019, 3, 3)),
    ("BOGOTA, 3 JAN 90 (EFE) -- POLICE SAID TWO PEOPLE WERE HURT.", date(1990, 1, 3)),
    ("Published 2021-11-30 by the newsdesk", date(2021, 11, 30)),
])
def test_publication_date_from_the_first_lines(first_line: str, expected: date) -> None:
    text = f"{first_line}\n\nThe army said on Tuesday that the road to the port was open again.\n"
    found = _dates(text, None)
    assert found.published == expected and found.published_from == "text"
    assert found.published_span is not None
    assert text[found.published_span.start:found.published_span.end] == found.published_span.text


def test_no_date_is_invented() -> None:
    found = _dates("Fighting resumed on Wednesday near the border, residents said.\n", None)
    assert found.published is None
    assert found.why_none and "no publication date" in found.why_none
    (wed,) = found.mentions
    assert wed.span.text.lower() == "on wednesday" and wed.value is None


def test_weekday_is_the_last_such_day_up_to_publication() -> None:
    text = "Rebels attacked the town on Monday and again on Wednesday, officials said.\n"
    assert _value(text, "Monday").value == date(2017, 4, 3)
    wed = _value(text, "Wednesday")
    assert (wed.value, wed.precision, wed.relative) == (date(2017, 4, 5), DAY, True)


def test_yesterday_and_last_night() -> None:
    text = "Two shops were looted yesterday and a bomb exploded last night.\n"
    assert _value(text, "yesterday").value == date(2017, 4, 4)
    assert _value(text, "last night").value == date(2017, 4, 4)


def test_last_week_has_week_precision() -> None:
    d = _value("Troops withdrew from the valley last week.\n", "last week")
    assert (d.value, d.precision) == (date(2017, 3, 29), WEEK)


def test_earlier_this_month_and_last_month_have_month_precision() -> None:
    d = _value("Protests began earlier this month in the capital.\n", "earlier this month")
    assert (d.value, d.precision) == (date(2017, 4, 1), MONTH)
    d = _value("The ceasefire collapsed last month.\n", "last month")
    assert (d.value, d.precision) == (date(2017, 3, 1), MONTH)


def test_near_future_is_marked() -> None:
    for phrase in ("within a few days", "in the coming days"):
        d = _value(f"Aid convoys are expected to arrive {phrase}, the agency said.\n", phrase)
        assert d.future and d.precision == WEEK and d.value == date(2017, 4, 5)


def test_day_and_month_without_a_year_take_the_publication_year() -> None:
    d = _value("The massacre took place at daybreak on 16 November.\n", "16 November",
               "1990-01-10")
    assert (d.value, d.precision) == (date(1989, 11, 16), DAY)
    d = _value("The election was held on March 3 across the country.\n", "March 3")
    assert d.value == date(2017, 3, 3)


def test_absolute_dates_and_month_year() -> None:
    text = "The treaty was signed on March 3, 2019 and ratified in June 2020.\n"
    assert _value(text, "March 3, 2019").value == date(2019, 3, 3)
    d = _value(text, "June 2020")
    assert (d.value, d.precision, d.relative) == (date(2020, 6, 1), MONTH, False)


def test_days_ago_and_all_capitals() -> None:
    d = _value("A LEADER KILLED 13 DAYS AGO WAS BURIED YESTERDAY.\n", "13 DAYS AGO")
    assert d.value == date(2017, 3, 23)
    assert _value("A LEADER KILLED 13 DAYS AGO WAS BURIED YESTERDAY.\n",
                  "YESTERDAY").value == date(2017, 4, 4)


def test_may_the_verb_is_not_a_month() -> None:
    found = _dates("Talks may resume in the spring, officials said.\n")
    assert found.mentions == ()


def test_bad_metadata_date_falls_back_to_the_text() -> None:
    document = Document("d", "test", "5 April 2017\n\nShops reopened today.\n",
                        published="not a date",
                        blocks=(Block("title", 0, 12, "5 April 2017"),
                                Block("paragraph", 14, 35, "Shops reopened today.")))
    found = dates.extract(Context(document, [], None))
    assert found.published == date(2017, 4, 5) and found.published_from == "text"


@pytest.mark.model
def test_date_for_gives_the_date_of_the_sentence(pipeline) -> None:
    text = ("Gunmen attacked a convoy on Monday, police said. "
            "The road reopened yesterday after repairs.\n")
    document = _doc(text)
    ctx = Context(document, parse_document(document, pipeline.nlp), pipeline.resources)
    ctx.dates = dates.extract(ctx)
    attack = text.index("attacked")
    d = date_for(ctx, attack, attack + len("attacked"))
    assert d is not None and d.value == date(2017, 4, 3)
    reopened = text.index("reopened")
    d = date_for(ctx, reopened, reopened + 8)
    assert d is not None and d.value == date(2017, 4, 4)
    none = Context(_doc("Gunmen attacked a convoy, police said.\n"), [], None)
    none.parsed = parse_document(none.document, pipeline.nlp)
    none.dates = dates.extract(none)
    assert date_for(none, 7, 15) is None


def test_the_datelines_own_date_is_the_publication_date_not_a_mention() -> None:
    text = "LIMA, 3 JAN 90 (EFE) -- A BOMB EXPLODED YESTERDAY OUTSIDE A BANK.\n"
    found = _dates(text, None)
    assert found.published == date(1990, 1, 3)
    assert [m.span.text for m in found.mentions] == ["YESTERDAY"]
    assert found.mentions[0].value == date(1990, 1, 2)


def test_a_dateline_matching_the_metadata_date_is_not_a_mention_either() -> None:
    text = "QUITO, 5 April 2017 -- Police said the march ended peacefully on Monday.\n"
    found = _dates(text)
    assert found.published_from == "metadata"
    assert [m.span.text for m in found.mentions] == ["on Monday"]


def test_a_full_date_in_the_body_is_still_a_mention() -> None:
    text = ("QUITO, 5 April 2017 -- The court heard that the attack took place on "
            "12 March 2016.\n")
    found = _dates(text)
    assert [(m.span.text, m.value) for m in found.mentions] == \
        [("12 March 2016", date(2016, 3, 12))]


# --- the MUC-4 incident-date evaluator's pieces (eventwire.evaluate.dates) --------------


@pytest.mark.parametrize(("filler", "readings"), [
    ("21 JAN 89", [(date(1989, 1, 21), date(1989, 1, 21))]),
    ("15 JAN 89 - 21 JAN 89", [(date(1989, 1, 15), date(1989, 1, 21))]),
    ("- 21 JAN 89", [(date(1989, 1, 15), date(1989, 1, 21))]),
    ("(10 JAN 90) / (- 12 JAN 90)",
     [(date(1990, 1, 10), date(1990, 1, 10)), (date(1990, 1, 6), date(1990, 1, 12))]),
    ("? 05 MAY 89", [(date(1989, 5, 5), date(1989, 5, 5))]),
    ("-", []),
    ("31 FEB 89", []),
])
def test_muc_key_dates_are_read_in_their_three_forms(filler: str, readings: list) -> None:
    from eventwire.evaluate.dates import parse_key_date

    assert [(r.first, r.last) for r in parse_key_date(filler)] == readings


def test_a_date_covers_a_key_date_with_its_acled_precision() -> None:
    from eventwire.evaluate.dates import GoldDate, parse_key_date

    day = GoldDate("d", "21 JAN 89", parse_key_date("21 JAN 89"))
    assert day.covers(date(1989, 1, 21), DAY)
    assert not day.covers(date(1989, 1, 22), DAY)
    assert day.covers(date(1989, 1, 24), WEEK)  # the week up to the 24th holds the 21st
    assert not day.covers(date(1989, 1, 28), WEEK)
    assert day.covers(date(1989, 1, 1), MONTH)
    assert not day.covers(date(1989, 2, 1), MONTH)


def test_a_message_scores_its_incident_sentences_dates() -> None:
    from eventwire.evaluate.dates import gold_dates, score_document
    from eventwire.records import Extraction

    text = ("SAN JOSE, 10 FEB 89 -- [TEXT] GUERRILLAS KILLED THREE SOLDIERS IN AN AMBUSH "
            "YESTERDAY NEAR THE BORDER.  THE ARMY SAID ITS PATROLS WERE SEARCHING THE AREA.\n")
    record = {"id": "T-1", "gold_templates": [
        {"optional": False, "slots": {"INCIDENT: DATE": ["09 FEB 89"]}},
        {"optional": False, "slots": {"INCIDENT: DATE": ["09 FEB 89"]}},
        {"optional": True, "slots": {"INCIDENT: DATE": ["01 FEB 89"]}}]}
    gold = gold_dates(record)
    assert [g.filler for g in gold] == ["09 FEB 89"]  # repeated and optional dates dropped
    area = score_document("T-1", gold, Extraction(make_document(text, "t")))
    (incidents,) = [s for s in area.scores if s.name == "muc4.dates.incidents"]
    assert (incidents.found, incidents.required, incidents.correct, incidents.emitted) == \
        (1, 1, 1, 1)
    checks = {c.name: (c.hits, c.total) for c in area.checks}
    assert checks["muc4.dates.exact_day"] == (1, 1)
    assert checks["muc4.dates.published"] == (1, 1)


@pytest.mark.parametrize(("text", "phrase", "year"), [
    ("The militants seized the town in 2014.", "in 2014", 2014),
    ("The war has displaced millions since 2011.", "since 2011", 2011),
])
def test_a_year_alone_is_a_date_of_year_precision(text: str, phrase: str, year: int) -> None:
    d = _value(text, phrase)
    assert d.value == date(year, 1, 1) and d.precision == dates.YEAR and not d.relative


@pytest.mark.parametrize("text", [
    "Volunteers reviewed the files in 2000 cases last year.",
    "Pay rose by 2011 pounds a year.",
    "Rebels withdrew in 2011-12.",
])
def test_a_number_after_a_preposition_is_no_year(text: str) -> None:
    assert not [d for d in _dates(text).mentions if d.precision == dates.YEAR]


@pytest.mark.model
def test_a_year_yields_to_a_finer_date_and_to_the_publication_year(pipeline) -> None:
    text = ("Rebels who took the town in 2012 shelled it again on Monday. "
            "The army retook the hills in 2017.\n")
    document = _doc(text)
    ctx = Context(document, parse_document(document, pipeline.nlp), pipeline.resources)
    ctx.dates = dates.extract(ctx)
    shelled = text.index("shelled")
    assert date_for(ctx, shelled, shelled + 7).value == date(2017, 4, 3)
    retook = text.index("retook")
    assert date_for(ctx, retook, retook + 6) is None  # 2017 is the report's own year
