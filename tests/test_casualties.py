"""Violent events without a nameable doer (extract/events/casualties.py), on sentences
written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.extract.events import casualties
from eventwire.ingest import make_document
from eventwire.records import Event
from eventwire.run import Pipeline

pytestmark = pytest.mark.model

VIOLENT = ("ASSAULT", "FIGHT", "COERCE")


def violent(pipeline: Pipeline, text: str) -> list[Event]:
    ex = pipeline.extract(make_document(text, "test"))
    return [e for e in ex.events if e.plover_type in VIOLENT]


def added(pipeline: Pipeline, text: str) -> Event:
    """The one event this module added for ``text``."""
    found = [e for e in violent(pipeline, text)
             if e.produced_by and e.produced_by.startswith(casualties.VERSION)]
    assert len(found) == 1, [(e.plover_type, e.produced_by) for e in violent(pipeline, text)]
    return found[0]


def place_name(pipeline: Pipeline, text: str, event: Event) -> str | None:
    ex = pipeline.extract(make_document(text, "test"))
    return next((p.name for p in ex.places if p.id == event.place_id), None)


# --------------------------------------------------------------------------- the rules


def test_a_means_as_subject_of_a_harm_verb(pipeline: Pipeline) -> None:
    text = "A roadside bomb killed four soldiers near the town of Kandahar on Tuesday."
    e = added(pipeline, text)
    assert (e.plover_type, e.plover_mode, e.cameo_code) == ("ASSAULT", "explosives", "1833")
    assert e.produced_by.endswith("casualties.means-subject")
    assert [a.sector for a in e.targets] == ["MIL"]
    assert e.sources[0].code is None and e.sources[0].name == casualties.UNIDENTIFIED
    assert place_name(pipeline, text, e) == "Kandahar"


def test_victims_killed_in_clashes_with_a_named_party(pipeline: Pipeline) -> None:
    e = added(pipeline, "At least nine fighters were killed in clashes with tribal "
                        "militiamen near the border on Sunday.")
    assert (e.plover_type, e.cameo_code) == ("FIGHT", "190")
    assert e.produced_by.endswith("casualties.means-oblique")
    assert "militiamen" in e.sources[0].name


def test_died_in_an_attack_on_civilians_is_assault(pipeline: Pipeline) -> None:
    e = added(pipeline, "Five villagers died in the attack on the market.")
    assert (e.plover_type, e.cameo_code) == ("ASSAULT", "180")
    assert [a.sector for a in e.targets] == ["CVL"]


def test_air_strikes_killing_civilians_are_aerial_assault(pipeline: Pipeline) -> None:
    e = added(pipeline, "Twelve civilians were killed in air strikes on the town of Hama.")
    assert (e.plover_type, e.plover_mode, e.cameo_code) == ("ASSAULT", "aerial", "195")
    assert e.acled_sub_event_type in (None, "Air/drone strike")


def test_clashes_erupted_between_two_parties(pipeline: Pipeline) -> None:
    e = added(pipeline, "Heavy clashes erupted on Friday between rebels and government "
                        "soldiers in the east of the city.")
    assert e.plover_type == "FIGHT"
    assert e.produced_by.endswith("casualties.means-occurs")
    assert {a.sector for a in e.sources} >= {"REB"}


def test_fighting_broke_out_keeps_the_particle_in_its_evidence(pipeline: Pipeline) -> None:
    e = added(pipeline, "Fighting broke out near the airport late on Sunday.")
    assert e.plover_type == "FIGHT" and "broke out" in e.evidence.text


def test_car_bomb_exploded_killing_soldiers_is_one_event(pipeline: Pipeline) -> None:
    e = added(pipeline, "A car bomb exploded near an army checkpoint on Monday, killing "
                        "three soldiers and wounding five others.")
    assert (e.plover_type, e.cameo_code) == ("ASSAULT", "1832")
    assert "three soldiers" in e.evidence.text


def test_unnamed_group_killing_soldiers_is_named_as_written(pipeline: Pipeline) -> None:
    e = added(pipeline, "The jihadist group killed 30 soldiers in the desert on Monday.")
    assert e.produced_by.endswith("casualties.agent-harm")
    assert e.sources[0].name == "jihadist group" and e.sources[0].code is None
    assert e.plover_type == "FIGHT"  # soldiers: armed on both sides


def test_nationality_of_the_means_is_the_source(pipeline: Pipeline) -> None:
    e = added(pipeline, "Eight people were wounded by Israeli shelling on the village.")
    assert [a.code for a in e.sources] == ["ISR"]


def test_weapon_of_an_attack_decides_the_mode(pipeline: Pipeline) -> None:
    e = added(pipeline, "Two women were killed in a terrorist attack with mortar shells "
                        "on the neighbourhood.")
    assert (e.plover_type, e.plover_mode) == ("ASSAULT", "heavy-weapons")
    assert all("shell" not in a.name for a in e.sources)


def test_when_clause_names_the_means(pipeline: Pipeline) -> None:
    e = added(pipeline, "Two people were killed when a mortar round hit their car.")
    assert (e.plover_type, e.plover_mode) == ("ASSAULT", "heavy-weapons")
    assert [a.sector for a in e.targets] == ["CVL"]


def test_aircraft_by_agent_is_the_source_and_its_country_no_place(pipeline: Pipeline) -> None:
    text = "Airstrikes by US-led coalition jets have killed at least 21 civilians in the north."
    e = added(pipeline, text)
    assert [a.code for a in e.sources] == ["USA"]
    assert place_name(pipeline, text, e) is None  # "US-led" names the doer, not the place


def test_a_weapon_after_with_is_no_party(pipeline: Pipeline) -> None:
    e = added(pipeline, "Warplanes targeted the town with gases believed to be chlorine.")
    assert e.sources[0].name == casualties.UNIDENTIFIED


def test_shot_dead_names_its_means_in_the_verb(pipeline: Pipeline) -> None:
    e = added(pipeline, "Two soldiers were shot dead at a checkpoint in the north of the "
                        "province.")
    assert (e.plover_type, e.plover_mode) == ("FIGHT", "firearms")
    assert "shot dead" in e.evidence.text


def test_attack_that_left_people_dead(pipeline: Pipeline) -> None:
    e = added(pipeline, "The attack left 15 people dead and dozens wounded.")
    assert e.plover_type == "ASSAULT" and [a.sector for a in e.targets] == ["CVL"]


def test_toll_of_a_bombing_rising_is_the_bombing(pipeline: Pipeline) -> None:
    e = added(pipeline, "The death toll from Tuesday's bombing in Kabul has risen to 95.")
    assert e.produced_by.endswith("casualties.means-toll")
    assert "toll" in e.evidence.text and e.plover_mode == "explosives"


def test_rockets_falling_on_a_town(pipeline: Pipeline) -> None:
    text = "Three rockets fell on the town of Sderot without causing casualties."
    e = added(pipeline, text)
    assert e.plover_mode == "heavy-weapons" and place_name(pipeline, text, e) == "Sderot"


@pytest.mark.parametrize("text", [
    "He left the country in March after the talks.",
    "Oil prices fell sharply on Monday.",
    "The film was shot in Morocco last year.",
    "The models were shot by a famous photographer in Paris.",
    "The jet landed safely at the airport.",
    "A man was shot in the thigh outside the studios on Friday.",
    "Mr Jones was stabbed after a row in a bar.",
])
def test_ordinary_senses_of_harm_and_falling_verbs(pipeline: Pipeline, text: str) -> None:
    assert not any((e.produced_by or "").startswith(casualties.VERSION)
                   for e in violent(pipeline, text))


# --------------------------------------------------------------------------- evidence and links


def test_evidence_is_the_text_and_confidence_is_below_the_lexicons(pipeline: Pipeline) -> None:
    text = "On Monday a suicide bomber killed 14 worshippers at a mosque in Quetta."
    ex = pipeline.extract(make_document(text, "test"))
    e = next(e for e in ex.events if (e.produced_by or "").startswith(casualties.VERSION))
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text
    assert (e.plover_mode, e.cameo_code) == ("suicide-attack", "1831")
    assert e.confidence is not None and e.confidence < 0.55
    killed = [c for c in ex.counts if c.id in e.count_ids]
    assert killed and killed[0].value_low == 14


def test_lexicon_event_is_not_coded_twice(pipeline: Pipeline) -> None:
    found = violent(pipeline, "Syrian government forces shelled the town, killing six "
                              "civilians.")
    assert found and not any((e.produced_by or "").startswith(casualties.VERSION)
                             for e in found)


# --------------------------------------------------------------------------- not violence


@pytest.mark.parametrize("text", [
    "Five people were killed in a car crash on the motorway on Friday.",
    "The earthquake killed more than 200 people in the province.",
    "He died of a heart attack at his home in London.",
    "Three workers died in a gas explosion at the factory.",
    "The striker's attack hit the post in the final minute of the match.",
    "The flu outbreak has killed 40 people this winter.",
    "Clashes between the two teams' fans broke out after the final.",
    "Fighting between Mr Duval and Mr Marchetti has hit the company's share price.",
])
def test_accidents_nature_disease_and_sports_are_no_violence(pipeline: Pipeline,
                                                             text: str) -> None:
    assert violent(pipeline, text) == []


def test_a_match_report_borrows_the_words_of_war(pipeline: Pipeline) -> None:
    text = ("The visitors won the league match 2-1. Their keeper was struck by a missile "
            "thrown from the crowd, and the clash with the home striker occurred before "
            "half-time. The club will ask the referee for his report.")
    assert not any((e.produced_by or "").startswith(casualties.VERSION)
                   for e in violent(pipeline, text))


def test_violence_dated_long_before_the_report_is_background(pipeline: Pipeline) -> None:
    text = ("Published 12 December 2004. Insurers paid less this year, but 191 people "
            "were killed in March in the bomb attack on the railway stations.")
    assert not any((e.produced_by or "").startswith(casualties.VERSION)
                   for e in violent(pipeline, text))


def test_growth_called_an_explosion_is_no_blast(pipeline: Pipeline) -> None:
    assert violent(pipeline, "The traffic explosion on mobile networks has continued "
                             "this year.") == []


@pytest.mark.parametrize("text", [
    "No one was killed in the blast, police said.",
    "Officials fear more people could die in air strikes if the talks fail.",
])
def test_negated_and_hypothetical_harm_is_not_an_event(pipeline: Pipeline, text: str) -> None:
    assert not any((e.produced_by or "").startswith(casualties.VERSION)
                   for e in violent(pipeline, text))


def test_headings_and_captions_are_not_new_events(pipeline: Pipeline) -> None:
    text = ("Car bomb kills six in market\n\n"
            "Prices of bread rose again this week, traders in the capital said.\n")
    assert violent(pipeline, text) == []


# --------------------------------------------------------------------------- vocabulary


def test_vocabulary_loads_and_knows_its_kinds() -> None:
    vocab = casualties.vocabulary()
    assert "air" in vocab["air strike"] and "harm" in vocab["kill"]
    assert "benign" in vocab["heart attack"]


def test_bad_vocabulary_row_is_a_coded_error_naming_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "violence.tsv"
    bad.write_text("phrase\tkind\nbomb\texplosive\nrocket\tweapon\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        casualties.load_vocabulary(bad)
    assert "line 3" in str(err.value) and "weapon" in str(err.value)


def test_duplicate_vocabulary_row_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "violence.tsv"
    bad.write_text("phrase\tkind\nBomb\texplosive\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        casualties.load_vocabulary(bad)


def test_a_number_of_troops_killed_died_fighting(pipeline: Pipeline) -> None:
    e = added(pipeline, "Twelve Ukrainian soldiers were killed in the east on Sunday.")
    assert (e.plover_type, e.cameo_code) == ("FIGHT", "190")
    assert [a.code for a in e.targets] == ["UKR"]
    assert e.produced_by and e.produced_by.endswith("armed-victims")


@pytest.mark.parametrize("text", [
    "Two soldiers were killed when their helicopter crashed near the base.",
    "A soldier was killed in the east on Sunday.",
])
def test_an_accident_or_one_soldier_is_not_a_battle(pipeline: Pipeline, text: str) -> None:
    assert not violent(pipeline, text)


def test_a_verb_of_massacre_decides_the_type_of_an_unnamed_doer(pipeline: Pipeline) -> None:
    e = added(pipeline, "Kidnappers beheaded three aid workers.")
    assert e.plover_type == "ASSAULT"


def test_executions_by_a_group_the_dictionary_cannot_name(pipeline: Pipeline) -> None:
    e = added(pipeline, "Kidnappers executed two hostages on Friday.")
    assert (e.plover_type, e.cameo_code) == ("ASSAULT", "186")
    assert not violent(pipeline, "The company executed its plan to cut costs.")


def test_a_pronoun_killed_in_a_named_attack_is_a_victim(pipeline: Pipeline) -> None:
    e = added(pipeline, "They were all killed in the attack, a witness said.")
    assert e.produced_by.endswith("casualties.means-oblique")


@pytest.mark.parametrize("text", [
    "The man was shot dead in Kabul on Monday.",
    "A man was fatally shot outside his home in Tijuana.",
])
def test_one_person_shot_dead_is_a_shooting(pipeline: Pipeline, text: str) -> None:
    assert added(pipeline, text).plover_mode == "firearms"


def test_one_person_shot_and_not_killed_is_left_out(pipeline: Pipeline) -> None:
    assert violent(pipeline, "A man was shot in the thigh in Leeds.") == []


def test_bombers_who_detonated_are_an_explosion(pipeline: Pipeline) -> None:
    e = added(pipeline, "Two suicide bombers detonated their vests near a market in Kano.")
    assert e.cameo_code == "1831"


@pytest.mark.parametrize("text", [
    "A car bomb detonated near a police convoy in Baghdad.",
    "The first bomb was detonated on the main road on Sunday.",
    "Another roadside bomb detonated at about 8:50 a.m. near the stadium in Baghdad.",
    "The two suicide bombers detonated at 10:30 a.m. near the base.",
])
def test_a_bomb_set_off_is_an_explosion(pipeline: Pipeline, text: str) -> None:
    assert added(pipeline, text).plover_mode in ("explosives", "suicide-attack")


@pytest.mark.parametrize("text", [
    "Scores of Taliban militants were killed.",
    "Dozens of Hezbollah fighters have been killed fighting in the town of Qusayr.",
    "Hundreds of soldiers have been killed in Syria while fighting rebels.",
    "A US Marine was killed in combat on Saturday in Anbar province.",
    "The rebel commander was killed in a military operation near the border on Thursday.",
    "A soldier was killed in northern Iraq by enemy fire.",
])
def test_fighters_killed_died_fighting(pipeline: Pipeline, text: str) -> None:
    assert added(pipeline, text).plover_type == "FIGHT"


@pytest.mark.parametrize("text", [
    "He was killed while fighting a fire in the warehouse.",
    "Hundreds of fans were killed in the stampede.",
])
def test_deaths_fighting_no_foe_are_not_violence(pipeline: Pipeline, text: str) -> None:
    assert violent(pipeline, text) == []


def test_one_person_shot_dead_needs_no_person_noun(pipeline: Pipeline) -> None:
    assert added(pipeline, "A cousin was shot dead in a town north of Baghdad.")


def test_a_film_shot_somewhere_is_no_shooting(pipeline: Pipeline) -> None:
    assert violent(pipeline, "The film was shot in the desert near Tucson.") == []


@pytest.mark.parametrize("text", [
    "A Taliban commander was killed on Monday in Helmand.",
    "Abu Omar, an ISIS leading member, was reportedly killed on Monday.",
])
def test_one_fighter_of_a_side_killed_died_fighting(pipeline: Pipeline, text: str) -> None:
    assert added(pipeline, text).produced_by.endswith("casualties.armed-victims")


@pytest.mark.parametrize("text", [
    "A senior Labour Party member was killed on Monday.",
    "A police officer was killed on Monday.",
])
def test_one_member_or_officer_killed_with_no_cause_is_left_out(pipeline: Pipeline,
                                                                text: str) -> None:
    assert violent(pipeline, text) == []


@pytest.mark.parametrize(("text", "cameo"), [
    ("Fourteen Iraqis were killed in a pair of suicide car bombings near the airport.", "1831"),
    ("Their artillery and mortar barrage killed five soldiers.", "194"),
])
def test_pairs_and_barrages_are_means(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert added(pipeline, text).cameo_code == cameo


@pytest.mark.parametrize("text", [
    "At least 5 civilians were killed and several others were reportedly injured.",
    "Dozens of civilians were killed in the town on Monday.",
])
def test_a_number_of_civilians_killed_is_an_attack(pipeline: Pipeline, text: str) -> None:
    e = added(pipeline, text)
    assert (e.plover_type, e.produced_by.split()[-1]) == ("ASSAULT",
                                                          "casualties.civilian-victims")


@pytest.mark.parametrize("text", [
    "A civilian was killed on Monday.",
    "Five civilians were killed when their bus crashed into a river.",
])
def test_one_civilian_or_an_accident_is_left_out(pipeline: Pipeline, text: str) -> None:
    assert violent(pipeline, text) == []


def test_a_place_named_as_a_modifier_is_not_where(pipeline: Pipeline) -> None:
    text = "A car bomb exploded near a US convoy in Baghdad's southern district of Saiydiah."
    assert place_name(pipeline, text, added(pipeline, text)) == "Saiydiah"
