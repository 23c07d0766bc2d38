"""Counts (killed, injured, displaced...) on short news-style texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.extract import counts
from eventwire.extract.context import Context
from eventwire.extract.counts import (
    Candidate,
    load_objects,
    load_qualifiers,
    load_triggers,
    load_vague,
    parse_figure,
    parse_number,
    read_block,
)
from eventwire.extract.parse import parse_document
from eventwire.ingest import make_document
from eventwire.records import Count
from eventwire.run import Pipeline


def _one(text: str) -> Candidate:
    found = read_block(text)
    assert len(found) == 1, [(c.kind, c.figure, text[c.start:c.end]) for c in found]
    return found[0]


def _kinds_values(text: str) -> list[tuple[str, int | None]]:
    return [(c.kind, c.figure.value_low) for c in read_block(text)]


# --- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("100,000", 100_000), ("1.5 million", 1_500_000), ("forty", 40),
    ("forty-two", 42), ("two thousand", 2_000), ("one hundred and fifty", 150),
    ("a thousand", 1_000), ("3m", 3_000_000), ("TWENTY SIX", 26),
])
def test_numbers_in_digits_and_words(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_ranges_keep_both_ends() -> None:
    for text in ("between 30 and 40", "30-40", "thirty to forty"):
        fig = parse_figure(text)
        assert fig is not None and (fig.value_low, fig.value_high) == (30, 40), text


def test_two_or_three_is_a_range() -> None:
    fig = parse_figure("two or three")
    assert fig is not None and (fig.value_low, fig.value_high) == (2, 3)


@pytest.mark.parametrize(("word", "value"), [
    ("dozens", 12), ("hundreds", 100), ("several", 3), ("a dozen", 12), ("scores", 20),
    ("thousands", 1_000), ("tens of thousands", 10_000),
])
def test_vague_words_follow_the_acled_table(word: str, value: int) -> None:
    fig = parse_figure(word)
    assert fig is not None
    assert (fig.value_low, fig.vague, fig.approximate) == (value, word, True)


def test_qualifiers_are_canonical_and_bound_the_figure() -> None:
    more = parse_figure("100", "over")
    assert more is not None and (more.qualifier, more.value_high) == ("more than", None)
    about = parse_figure("40", "around")
    assert about is not None and (about.qualifier, about.approximate) == ("about", True)
    assert about.value_high == 40
    nearly = parse_figure("50", "nearly")
    assert nearly is not None and nearly.qualifier == "nearly" and nearly.approximate


# --- constructions ---------------------------------------------------------------------


def test_people_were_killed() -> None:
    c = _one("At least 12 people were killed in the attack on Monday.")
    assert (c.kind, c.figure.value_low, c.figure.qualifier, c.object) == (
        "killed", 12, "at least", "people")
    assert c.figure.value_high is None


def test_killing_x() -> None:
    text = "A car bomb exploded near the market, killing nine civilians."
    c = _one(text)
    assert (c.kind, c.figure.value_low, c.object) == ("killed", 9, "civilians")
    assert text[c.start:c.end] == "killing nine civilians"


@pytest.mark.parametrize("text", [
    "Coalition air strikes have killed or wounded 300 fighters since March.",
    "Mortar fire killed and injured 14 people in the old city.",
])
def test_killed_or_wounded_x_counts_casualties(text: str) -> None:
    assert _kinds_values(text) == [("casualties", 300 if "300" in text else 14)]


@pytest.mark.parametrize("text", [
    "The civil war killed 4% of the country's population.",
    "The war killed 4 percent of the population.",
    "Mourners buried a 10-year-old boy who was killed in the shelling.",
    "A 10-year-old boy was killed by a stray bullet.",
])
def test_a_share_or_an_age_is_no_headcount(text: str) -> None:
    assert read_block(text) == []


def test_x_dead() -> None:
    assert _kinds_values("Officials said three dead and two missing after the flood.") == [
        ("killed", 3), ("missing", 2)]


def test_death_toll_rose_to() -> None:
    c = _one("The death toll rose to forty-two on Tuesday, the ministry said.")
    assert (c.kind, c.figure.value_low) == ("killed", 42)


def test_left_x_dead_and_y_wounded() -> None:
    assert _kinds_values("The shelling left 14 dead and 30 wounded in the old city.") == [
        ("killed", 14), ("injured", 30)]


def test_x_killed_and_y_injured() -> None:
    assert _kinds_values("Police said 5 killed and 11 injured in the clashes.") == [
        ("killed", 5), ("injured", 11)]


def test_displacement_of_more_than() -> None:
    c = _one("The offensive caused the displacement of more than 100,000 civilians.")
    assert (c.kind, c.figure.value_low, c.figure.qualifier, c.object) == (
        "displaced", 100_000, "more than", "civilians")


def test_dozens_of_casualties_daily() -> None:
    c = _one("Hospitals in the city receive dozens of casualties daily.")
    assert (c.kind, c.figure.value_low, c.figure.vague, c.rate) == (
        "casualties", 12, "dozens", "daily")


def test_rate_a_day_and_per_week() -> None:
    assert _one("Militias were killing 10 people a day in the valley.").rate == "daily"
    assert _one("About 300 refugees per week cross the river.").rate == "weekly"


def test_arrested_and_detained() -> None:
    assert _kinds_values("Security forces arrested 40 protesters and detained "
                         "two journalists.") == [("detained", 40), ("detained", 2)]


def test_took_control_of_villages_and_farms() -> None:
    c = _one("The rebels took control of about 40 villages and farms north of the city.")
    assert (c.kind, c.figure.value_low, c.figure.qualifier, c.object) == (
        "captured_places", 40, "about", "villages and farms")
    assert c.figure.approximate


def test_refugees_missing_and_displaced() -> None:
    assert _kinds_values("Two thousand refugees crossed the border, 15 people are missing "
                         "and 1.5 million have been displaced.") == [
        ("refugees", 2000), ("missing", 15), ("displaced", 1_500_000)]


def test_range_between_and_hyphen() -> None:
    assert _one("Between 30 and 40 soldiers were wounded.").figure.value_high == 40
    assert _one("30-40 people died.").figure.value_low == 30


def test_all_capitals_wire_copy() -> None:
    text = ("THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES "
            "YESTERDAY. THE ATTACK CAUSED THE DEATH OF SIX PEASANTS.")
    assert _kinds_values(text) == [("killed", 3), ("injured", 7), ("killed", 6)]


def test_active_subject_is_not_the_victims() -> None:
    # the gunmen did the killing: only the five soldiers are counted
    assert _kinds_values("Three gunmen killed five soldiers on Sunday.") == [("killed", 5)]


def test_coordinated_figures_share_the_verb() -> None:
    assert _kinds_values("Three policemen, a soldier and four civilians were wounded.") == [
        ("injured", 3), ("injured", 4)]
    assert _kinds_values("The raid left 17 rebels and 2 soldiers dead.") == [
        ("killed", 17), ("killed", 2)]
    assert _kinds_values("Protesters condemned the killing of six priests and their two "
                         "housekeepers.") == [("killed", 6), ("killed", 2)]


def test_figures_inside_a_parenthesis_share_the_kind() -> None:
    assert _kinds_values("Twenty-six people, four of whom are policemen, were injured.") == [
        ("injured", 26), ("injured", 4)]
    assert _kinds_values("Five more have been wounded, including two children.") == [
        ("injured", 5), ("injured", 2)]


def test_participle_before_the_noun_and_relative_clause() -> None:
    assert _kinds_values("Two of the 14 murdered fishermen were foreigners.") == [("killed", 14)]
    assert _kinds_values("The two people who were killed have not been named.") == [
        ("killed", 2)]


def test_conflicting_figures_are_kept_apart() -> None:
    text = ("Officials said 30 people were killed. Residents said at least 45 people "
            "were killed.")
    assert _kinds_values(text) == [("killed", 30), ("killed", 45)]


@pytest.mark.parametrize("text", [
    "He scored 3 goals and profits rose 40% in the year to March.",
    "Shares fell 5% after 12 people were hired in the sales team.",
    "None of the 12 passengers were hurt, the airline said.",
    "In 2019 officials killed the plan for a new stadium.",
    "The club was killed off 3 years ago and revived in 2010.",
    "The founder, killed 13 days ago in a crash, was buried on Friday.",
    "Two men who killed the deal were fired.",
    "The striker, who scored twice, was injured 10 minutes before half-time.",
])
def test_business_and_sport_figures_are_not_counts(text: str) -> None:
    assert read_block(text) == []


# --- lexicon files ---------------------------------------------------------------------


def test_bad_lexicon_rows_raise_a_coded_error(tmp_path: Path) -> None:
    bad_kind = tmp_path / "triggers.tsv"
    bad_kind.write_text("phrase\tkind\tposition\nkilled\tmurdered\tafter\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown count kind"):
        load_triggers(bad_kind)
    bad_value = tmp_path / "vague.tsv"
    bad_value.write_text("phrase\tvalue\ndozens\ttwelve\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="not a whole number"):
        load_vague(bad_value)
    bad_bound = tmp_path / "q.tsv"
    bad_bound.write_text("phrase\tqualifier\tapproximate\tbound\nover\tmore than\tno\tup\n",
                         encoding="utf-8")
    with pytest.raises(DictionaryError):
        load_qualifiers(bad_bound)
    bad_class = tmp_path / "o.tsv"
    bad_class.write_text("word\tclass\nvillages\ttown\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown object class"):
        load_objects(bad_class)


# --- through the stage ---------------------------------------------------------------


def _stage(pipeline: Pipeline, text: str) -> tuple[Count, ...]:
    """The counts stage on a real parse (the later stages are not needed here)."""
    document = make_document(text, "test")
    return counts.extract(Context(document, parse_document(document, pipeline.nlp),
                                  pipeline.resources))


@pytest.mark.model
def test_counts_carry_evidence_into_the_original_text(pipeline: Pipeline) -> None:
    text = ("Clashes in the north\n\n"
            "Fighting between the army and rebels killed 23 soldiers on Friday, the "
            "defence ministry said. Aid agencies said 4,000 families had fled their homes.\n")
    found = _stage(pipeline, text)
    assert [(c.kind, c.value_low) for c in found] == [("killed", 23), ("displaced", 4000)]
    for c in found:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    assert [c.id for c in found] == ["c1", "c2"]


@pytest.mark.model
def test_a_caption_repeating_a_body_figure_is_not_counted_twice(pipeline: Pipeline) -> None:
    text = ("Rescuers search the rubble where 17 people were killed (Reuters)\n\n"
            "An air strike on a market killed 17 people on Tuesday, witnesses said. "
            "Another 40 people were wounded, hospital staff said.\n")
    found = _stage(pipeline, text)
    assert [(c.kind, c.value_low) for c in found] == [("killed", 17), ("injured", 40)]
    assert found[0].evidence.start > text.index("\n\n")
