"""The event coder on short news-style texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.extract import events as events_module
from eventwire.extract.events import casualties
from eventwire.extract.events import lexicon as lexicon_module
from eventwire.ingest import make_document
from eventwire.records import Event
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def events_of(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract(make_document(text, "test")).events


def only(pipeline: Pipeline, text: str) -> Event:
    found = events_of(pipeline, text)
    assert len(found) == 1, [(e.plover_type, e.produced_by) for e in found]
    return found[0]


def codes(actors) -> list[str | None]:  # noqa: ANN001
    return [a.code for a in actors]


# --------------------------------------------------------------------------- types and codes


def test_verbal_trigger_with_country_actors(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Chinese foreign minister visited Japan on Monday.")
    assert (e.plover_type, e.plover_mode, e.cameo_code) == ("CONSULT", "visit", "042")
    assert codes(e.sources) == ["CHN"] and e.sources[0].sector == "GOV"
    assert codes(e.targets) == ["JPN"]


def test_object_fixes_the_sense_of_a_verb(pipeline: Pipeline) -> None:
    e = only(pipeline, "Government troops took control of three villages near the border.")
    assert e.plover_type == "FIGHT" and e.cameo_code.startswith("19")
    assert e.sources[0].sector == "MIL"


def test_nominal_trigger_takes_its_nationality_as_source(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Russian shelling of the town killed ten civilians.")
    assert e.plover_type == "FIGHT" and codes(e.sources) == ["RUS"]
    assert e.produced_by and "noun:shelling" in e.produced_by


def test_light_verb_object_is_the_event_with_the_verbs_subject(pipeline: Pipeline) -> None:
    e = only(pipeline, "Turkish forces launched an offensive against the militants.")
    assert e.plover_type == "FIGHT" and codes(e.sources) == ["TUR"]


def test_compound_actor_gives_two_sources(pipeline: Pipeline) -> None:
    e = only(pipeline, "Russian and Syrian regime forces continued their attacks on the city.")
    assert sorted(codes(e.sources)) == ["RUS", "SYR"]
    assert all(a.sector == "MIL" for a in e.sources)


def test_agent_noun_keeps_the_nationality_it_was_given(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Syrian regime forces shelled the town on Monday.\n\n"
                                "On Tuesday the regime forces stormed the nearby village.")
    assert [codes(e.sources) for e in found] == [["SYR"], ["SYR"]]


def test_a_demand_in_reported_speech_is_coded(pipeline: Pipeline) -> None:
    e = only(pipeline, "Britain said Libya must hand over the two suspects.")
    assert e.plover_type == "DEMAND" and codes(e.sources) == ["GBR"]


def test_no_source_no_event(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "There was an attack somewhere.") == ()


def test_sports_copy_is_not_violence(pipeline: Pipeline) -> None:
    text = "England attacked down the left wing and the striker scored a late goal."
    assert not [e for e in events_of(pipeline, text)
                if e.plover_type in ("ASSAULT", "FIGHT", "COERCE")]


def test_captions_and_headings_are_not_new_events(pipeline: Pipeline) -> None:
    text = ("Rebels shelled the town of Marsa on Sunday.\n\n"
            "Rebel fighters shell a town (Reuters)\n\n"
            "Aid agencies are waiting")
    found = events_of(pipeline, text)
    assert len(found) == 1 and found[0].evidence.start == 0


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(("text", "status"), [
    ("Rebels shelled the town on Sunday.", "asserted"),
    ("The army did not attack the village.", "negated"),
    ("The opposition fighters failed to capture the airport.", "negated"),
    ("The foreign ministers of France and Germany will meet in Paris next week.", "future"),
    ("If the talks fail, Iran could attack the border posts.", "hypothetical"),
    ("Germany's previous support to the rebels angered the government.", "historical"),
    ("The minister believes that Russian forces bombed the hospital.", "belief"),
])
def test_status(pipeline: Pipeline, text: str, status: str) -> None:
    assert [e.status for e in events_of(pipeline, text)][-1:] == [status]


def test_demanded_status_of_what_a_demand_governs(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The UN urged Israel to withdraw its troops from the town.")
    assert {e.plover_type: e.status for e in found} == {"DEMAND": "asserted",
                                                        "RETREAT": "demanded"}


@pytest.mark.parametrize(("text", "plover", "cameo", "source"), [
    ("The Egyptian president will visit Sudan next month.", "CONSULT", "042", "EGY"),
    ("The Chinese premier is scheduled to attend a summit in Brazil.", "CONSULT", "042", "CHN"),
    ("The Indian prime minister is due to visit Nepal on Friday.", "CONSULT", "042", "IND"),
    ("The French president is to visit Algeria next week.", "CONSULT", "042", "FRA"),
    ("The Turkish foreign minister is set to meet his Greek counterpart in Athens.",
     "CONSULT", "040", "TUR"),
    ("Iran is expected to hold talks with Iraq in the coming days.", "CONSULT", "040", "IRN"),
    ("The Kenyan president prepared to attend the summit in Addis Ababa.",
     "CONSULT", "042", "KEN"),
    ("Japan will supply arms to Ukraine.", "AID", "072", "JPN"),
])
def test_a_scheduled_act_is_the_act_with_status_future(pipeline: Pipeline, text: str,
                                                       plover: str, cameo: str,
                                                       source: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code, e.status) == (plover, cameo, "future")
    assert codes(e.sources) == [source]


def test_a_scheduled_act_has_no_acled_label_yet(pipeline: Pipeline) -> None:
    e = only(pipeline, "Kenyan troops are expected to withdraw from Somalia next year.")
    assert (e.plover_type, e.status) == ("RETREAT", "future")
    assert e.acled_sub_event_type is None


@pytest.mark.parametrize(("text", "cameo"), [
    ("Russia plans to send troops to Belarus.", "033"),
    ("Japan said it will supply arms to Ukraine.", "033"),
    ("Japan will supply arms to Ukraine, officials said on Monday.", "033"),
    ("Japan will supply arms to Ukraine, according to the defence ministry.", "033"),
    ("The Egyptian president intends to visit Sudan next month.", "036"),
    ("The Egyptian president hopes to visit Sudan next month.", "036"),  # "hopes": "hop"
])
def test_a_declared_intent_to_act_is_an_intent(pipeline: Pipeline, text: str,
                                               cameo: str) -> None:
    found = [e for e in events_of(pipeline, text) if e.cameo_code == cameo]
    assert found and found[0].plover_type == "AGREE" and found[0].status == "future"


@pytest.mark.parametrize("text", ["The Egyptian president agreed to visit Sudan.",
                                  "The Egyptian president has pledged to visit Sudan."])
def test_a_pledge_or_agreement_to_act_stays_an_intent(pipeline: Pipeline, text: str) -> None:
    found = events_of(pipeline, text)
    assert found and all(e.plover_type == "AGREE" and e.cameo_code.startswith("03")
                         for e in found)


def test_an_announced_attack_is_a_threat(pipeline: Pipeline) -> None:
    e = only(pipeline, "Russia will attack Ukraine.")
    assert (e.plover_type, e.cameo_code, e.status) == ("THREATEN", "138", "future")
    threat = only(pipeline, "Iran threatened to shell Iraqi towns.")
    assert threat.plover_type == "THREATEN" and codes(threat.sources) == ["IRN"]


def test_a_coming_attack_in_sports_copy_is_no_violence(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Chelsea will attack Arsenal from the first whistle on "
                                "Saturday, the manager said.")
    assert not [e for e in found if e.plover_type in ("ASSAULT", "FIGHT", "COERCE")]


def test_a_denied_act_is_negated_and_no_acled_event(pipeline: Pipeline) -> None:
    found = [e for e in events_of(pipeline, "The rebel group denied that it had attacked "
                                            "the army convoy.") if e.plover_type == "FIGHT"]
    assert [e.status for e in found] == ["negated"]
    assert found[0].acled_sub_event_type is None


def test_a_past_perfect_act_is_background(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The minister said Syrian forces had shelled the town.")
    assert [e.status for e in found if e.plover_type == "FIGHT"] == ["historical"]


def test_reported_speech_keeps_its_own_status_under_a_future(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Officials say the raids will stop, pointing out that Egypt "
                                "has sent a delegation to Khartoum to meet Sudanese officials.")
    sends = [e for e in found if e.cameo_code == "042"]
    assert [(e.plover_type, e.status) for e in sends] == [("CONSULT", "asserted")]


def test_forces_of_two_countries_exercising_together_cooperate(pipeline: Pipeline) -> None:
    e = only(pipeline, "British and French warships launched ten days of war games off "
                       "Cyprus on Monday.")
    assert (e.plover_type, e.cameo_code) == ("COOPERATE", "062")
    assert sorted(codes(e.sources)) == ["FRA", "GBR"]


def test_refusing_intent_is_a_rejection(pipeline: Pipeline) -> None:
    e = only(pipeline, "Jordan said it will not accept more refugees.")
    assert e.plover_type == "REJECT" and codes(e.sources) == ["JOR"]


def test_a_negated_agreement_is_a_rejection(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Chile and Peru failed to reach an agreement on the border.")
    assert [(e.plover_type, e.cameo_code, e.status) for e in found] == [
        ("REJECT", "120", "negated")]
    assert sorted(codes(found[0].sources)) == ["CHL", "PER"]


def test_an_act_announced_unless_a_condition_is_met_is_a_threat(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Kenya said it will withdraw its troops from Somalia unless "
                                "the fighting stops.")
    assert found[0].plover_type == "THREATEN" and codes(found[0].sources) == ["KEN"]


def test_an_announced_boycott_is_a_threat(pipeline: Pipeline) -> None:
    e = only(pipeline, "Opposition parties in Togo said they would boycott the elections.")
    assert (e.plover_type, e.cameo_code) == ("THREATEN", "1312")


def test_an_attempt_is_the_act_itself(pipeline: Pipeline) -> None:
    e = only(pipeline, "Militants tried to storm a police station in Mali on Sunday.")
    assert e.plover_type in ("FIGHT", "ASSAULT") and e.status == "asserted"


def test_declining_to_act_is_a_rejection(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Peruvian prime minister declined to resign on Monday.")
    assert found and found[0].plover_type == "REJECT" and codes(found[0].sources) == ["PER"]


def test_a_verb_the_lemmatizer_misreads_still_triggers(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Thousands of Chilean students staged protests in Santiago.")
    assert [e.plover_type for e in found] == ["PROTEST"]


def test_killing_in_a_gunbattle_is_fighting_and_attacking_civilians_an_assault(
        pipeline: Pipeline) -> None:
    fight = events_of(pipeline, "Nigerian troops killed four gunmen in a gunbattle.")
    assert [e.plover_type for e in fight][:1] == ["FIGHT"]
    assault = events_of(pipeline, "Gunmen attacked villagers in northern Nigeria on Friday.")
    assert [e.plover_type for e in assault][:1] == ["ASSAULT"]


def test_peacekeepers_sent_are_aid_and_a_suspension_of_links_a_sanction(
        pipeline: Pipeline) -> None:
    aid = events_of(pipeline, "Ghana will deploy peacekeepers to Liberia.")
    assert [e.plover_type for e in aid] == ["AID"]  # a foretold act is the act, future
    assert aid[0].status == "future"
    sanction = only(pipeline, "Canada announced a suspension of flights to Haiti.")
    assert sanction.plover_type == "SANCTION" and codes(sanction.sources) == ["CAN"]


@pytest.mark.parametrize("text", [
    "The charity has been fighting poverty in the region for years.",
    "The singer said she would fight the charges in court.",
])
def test_a_campaign_against_an_abstract_foe_is_no_fighting(pipeline: Pipeline,
                                                            text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.plover_type in ("FIGHT", "THREATEN")]


def test_scores_of_victims_is_no_sports_copy(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Soldiers in Chad have tortured scores of detainees, a rights group said.")
    assert [e.plover_type for e in found][:1] == ["ASSAULT"]


def test_claiming_anothers_attack_is_an_accusation(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Ecuador claimed that Peruvian troops had shelled its border posts.")
    by_type = {e.plover_type: e for e in found}
    assert by_type["DISAPPROVE"].cameo_code == "112" and codes(by_type["DISAPPROVE"].sources) == [
        "ECU"]
    assert codes(by_type["FIGHT"].sources) == ["PER"]  # the claimed act stays an event


def test_wanting_another_actor_to_act_is_an_appeal(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Germany wants Poland to reopen the border crossings.")
    assert [(e.plover_type, e.cameo_code, codes(e.sources)) for e in found][:1] == [
        ("DEMAND", "020", ["DEU"])]


def test_what_is_received_was_given_by_the_from_phrase(pipeline: Pipeline) -> None:
    e = only(pipeline, "Bolivian rebels received weapons from the Chilean army.")
    assert (e.plover_type, e.cameo_code) == ("AID", "072")
    assert codes(e.sources) == ["CHL"] and codes(e.targets) == ["BOL"]


@pytest.mark.parametrize("text", [
    "The storm hit the coast on Monday, with at least 300 people killed.",
    "Hurricane Ivan swept across the islands. Ivan killed about 40 people in 2004.",
])
def test_victims_and_storms_are_no_attackers(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text)
                if e.plover_type in ("ASSAULT", "FIGHT", "COERCE")]


@pytest.mark.parametrize("text", [
    "The airline is fighting the new rules in court, its chief executive Tom Reed said.",
    "Pop singer Lara Vance attacked the tabloid magazines on Monday.",
    "The two carmakers are locked in a price battle in Europe.",
])
def test_business_and_arts_fight_without_violence(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text)
                if e.plover_type in ("ASSAULT", "FIGHT", "COERCE")]


def test_a_state_attacking_a_place_is_fighting(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Ethiopia attacked the border town of Badme on Sunday.")
    assert [(e.plover_type, codes(e.sources)) for e in found][:1] == [("FIGHT", ["ETH"])]


def test_protesters_who_attack_riot(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Protesters attacked government buildings in Lagos.")
    assert [(e.plover_type, e.cameo_code, e.plover_mode) for e in found][:1] == [
        ("PROTEST", "145", "riot")]
    armed = events_of(pipeline, "Protesters fired rockets at the police station in Lagos.")
    assert [e.plover_type for e in armed][:1] == ["FIGHT"]


def test_the_possessor_of_an_arrest_is_the_arrested(pipeline: Pipeline) -> None:
    e = only(pipeline, "Kenyan police carried out John Mwangi's arrest on Monday.")
    assert e.plover_type == "COERCE" and codes(e.sources) == ["KEN"]
    assert [a.person_id is not None for a in e.targets] == [True]


def test_the_police_still_arrest_in_a_sports_story(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Spanish police arrested the club's goalkeeper after the match.")
    assert [(e.plover_type, codes(e.sources)) for e in found] == [("COERCE", ["ESP"])]


def test_a_statement_demanding_is_its_issuers_demand(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Kenyan opposition party issued a statement demanding "
                                "that the government free the journalists.")
    demand = [e for e in found if e.plover_type == "DEMAND"]
    assert demand and codes(demand[0].sources) == ["KEN"] and demand[0].sources[0].sector == "OPP"


def test_a_reiterated_demand_is_the_speakers(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Egypt reiterated its demand that Israel reopen the crossing.")
    assert [(e.plover_type, codes(e.sources), e.status) for e in found][:1] == [
        ("DEMAND", ["EGY"], "asserted")]


def test_a_country_committed_to_an_act_agrees(pipeline: Pipeline) -> None:
    e = only(pipeline, "The minister said Vietnam is committed to opening up the economy.")
    assert (e.plover_type, codes(e.sources), e.targets) == ("AGREE", ["VNM"], ())


# --------------------------------------------------------------------------- contract


def test_evidence_and_ids(pipeline: Pipeline) -> None:
    doc = make_document("Police arrested dozens of protesters in the capital on Friday. "
                        "Protesters later blocked the main road.", "test")
    ex = pipeline.extract(doc)
    assert [e.id for e in ex.events] == ["e1", "e2"]
    for e in ex.events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.produced_by and e.produced_by.startswith("events.rules.")
        assert e.confidence is not None and 0 < e.confidence < 1


def test_an_event_links_the_agreement_its_sentence_names(pipeline: Pipeline) -> None:
    ex = pipeline.extract(make_document(
        "Ukraine accused Russia of violating the Minsk agreements.", "test"))
    (e,) = ex.events
    (agreement,) = ex.agreements
    assert e.agreement_ids == (agreement.id,)
    assert agreement.name.startswith("Minsk")
    assert not any(c.startswith("agreement:") for c in e.contexts)


def test_extracting_twice_gives_the_same_events(pipeline: Pipeline) -> None:
    text = "Israeli jets struck targets in Gaza. Hamas fired rockets at Israel."
    assert events_of(pipeline, text) == events_of(pipeline, text)


# --------------------------------------------------------------------------- bad lexicon


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_lexicon_rejects_unknown_class(tmp_path: Path) -> None:
    classes = _write(tmp_path / "classes.tsv", "class\twords\nweapon\tgun|rifle\n")
    lex = _write(tmp_path / "lex.tsv", "trigger\tpos\trequires\tcameo\tplover\tmode\tcontexts\n"
                                       "fire\tVERB\tobj=@weapons\t193\tFIGHT\t\t\n")
    with pytest.raises(DictionaryError, match="lex.tsv, line 2.*unknown word class"):
        lexicon_module.load_from(lex, classes)


@pytest.mark.parametrize(("row", "message"), [
    ("fire\tVERB\t\t19x\tFIGHT\t\t", "cameo"),
    ("fire\tVERB\t\t193\tSHOOT\t\t", "PLOVER"),
    ("fire\tADV\t\t193\tFIGHT\t\t", "pos"),
    ("fire\tVERB\twith=gun\t193\tFIGHT\t\t", "condition"),
    ("fire\tVERB\t193\tFIGHT", "columns"),
])
def test_lexicon_rejects_malformed_rows(tmp_path: Path, row: str, message: str) -> None:
    classes = _write(tmp_path / "classes.tsv", "class\twords\nweapon\tgun\n")
    lex = _write(tmp_path / "lex.tsv",
                 f"trigger\tpos\trequires\tcameo\tplover\tmode\tcontexts\n{row}\n")
    with pytest.raises(DictionaryError, match=message):
        lexicon_module.load_from(lex, classes)


def test_packaged_lexicon_loads_and_covers_every_plover_type() -> None:
    lex = lexicon_module.packaged_lexicon()
    types = {r.plover for rules in lex.rules.values() for r in rules}
    assert lexicon_module.PLOVER_TYPES <= types


def test_an_acled_label_keeps_its_confidence_and_the_words_that_decided_it(
        pipeline: Pipeline) -> None:
    doc = make_document("Army artillery shelled the hill town of Doroga on Monday, "
                        "killing three farmers.", "test")
    labelled = [e for e in pipeline.extract(doc).events if e.acled_sub_event_type]
    assert labelled, "no event got an ACLED label"
    for e in labelled:
        assert e.acled_confidence is not None and 0 < e.acled_confidence <= 1
        assert e.acled_cue is not None
        assert doc.text[e.acled_cue.start:e.acled_cue.end] == e.acled_cue.text
        assert e.acled_cue.text.lower() in {"shelled", "artillery", "army artillery shelled"}


def test_events_without_an_acled_label_say_nothing_of_it(pipeline: Pipeline) -> None:
    e = only(pipeline, "Jordan said it will not accept more refugees.")
    assert (e.acled_sub_event_type, e.acled_confidence, e.acled_cue) == (None, None, None)


# --------------------------------------------------------------------------- session 3 constructions


def main_of(pipeline: Pipeline, text: str, plover: str) -> Event:
    """The one event of ``text`` with PLOVER type ``plover``."""
    found = [e for e in events_of(pipeline, text) if e.plover_type == plover]
    assert len(found) == 1, [(e.plover_type, e.produced_by) for e in events_of(pipeline, text)]
    return found[0]


def test_one_country_holding_war_games_shows_force(pipeline: Pipeline) -> None:
    e = only(pipeline, "Iranian forces launched war games near the Gulf on Sunday.")
    assert (e.plover_type, e.cameo_code) == ("MOBILIZE", "150")


def test_joint_exercises_are_military_cooperation(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Indian navy began joint exercises off the coast on Monday.")
    assert (e.plover_type, e.cameo_code) == ("COOPERATE", "062")


def test_peacekeepers_of_a_deployment_make_it_aid(pipeline: Pipeline) -> None:
    e = only(pipeline, "The deployment of Kenyan peacekeeping troops began in Somalia.")
    assert (e.plover_type, e.plover_mode, e.cameo_code) == ("AID", "peacekeeping", "074")
    deployed = only(pipeline, "Ghana sent peacekeeping troops to Liberia on Friday.")
    assert (deployed.plover_type, deployed.cameo_code) == ("AID", "074")


def test_workers_who_stop_work_strike(pipeline: Pipeline) -> None:
    e = only(pipeline, "Thousands of Nigerian dock workers stopped work on Monday over "
                       "unpaid wages.")
    assert (e.plover_type, e.plover_mode, e.cameo_code) == ("PROTEST", "strike", "143")


def test_protesters_hurling_stones_riot(pipeline: Pipeline) -> None:
    e = only(pipeline, "Protesters hurled stones at police outside parliament.")
    assert (e.plover_type, e.plover_mode, e.cameo_code) == ("PROTEST", "riot", "145")


def test_claiming_responsibility_is_no_attack_event(pipeline: Pipeline) -> None:
    # CAMEO codes a claim of responsibility as a statement (015), which is a quote's
    # code, not an event's; the claimed attack is coded where it is reported.
    assert not events_of(pipeline, "The Taliban claimed responsibility for the bombing.")


def test_forces_that_flee_retreat(pipeline: Pipeline) -> None:
    e = main_of(pipeline, "Rebel fighters fled the town as the army advanced.", "RETREAT")
    assert e.cameo_code == "0874" and e.sources[0].sector == "REB"


def test_a_force_preparing_to_strike_mobilizes(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Ethiopian army prepared to resume shelling the rebel positions.")
    assert (e.plover_type, e.cameo_code, e.status) == ("MOBILIZE", "152", "asserted")
    # A leader preparing to travel takes no posture: the visit is coming.
    trip = only(pipeline, "The Chinese president prepared to visit Japan.")
    assert (trip.plover_type, trip.cameo_code, trip.status) == ("CONSULT", "042", "future")


def test_police_clashing_with_protesters_repress_them(pipeline: Pipeline) -> None:
    e = only(pipeline, "Kenyan police clashed with protesters in Nairobi.")
    assert (e.plover_type, e.cameo_code) == ("COERCE", "175")
    battle = only(pipeline, "Rebels clashed with government troops near the border.")
    assert battle.plover_type == "FIGHT"


def test_an_attack_with_machetes_is_an_assault(pipeline: Pipeline) -> None:
    e = main_of(pipeline, "Militiamen armed with machetes attacked the village.", "ASSAULT")
    assert e.cameo_code == "180"
    gunfight = only(pipeline, "Militiamen armed with rifles and machetes attacked an army post.")
    assert gunfight.plover_type == "FIGHT"


def test_an_attack_on_a_refugee_camp_is_an_assault(pipeline: Pipeline) -> None:
    e = only(pipeline, "Sudanese militiamen attacked a refugee camp in the north.")
    assert (e.plover_type, e.cameo_code) == ("ASSAULT", "180")


def test_an_order_to_close_a_paper_is_the_closure(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Egyptian interior ministry ordered two opposition newspapers to "
                       "suspend publication.")
    assert (e.plover_type, e.cameo_code, e.status) == ("COERCE", "1721", "asserted")


def test_holding_civilians_as_human_shields_is_coercion(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Sudanese army was holding hundreds of villagers as human shields.")
    assert (e.plover_type, e.cameo_code) == ("COERCE", "181")


def test_out_of_the_question_is_a_rejection(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Turkish foreign minister said that talks with the militants were "
                       "out of the question.")
    assert (e.plover_type, e.cameo_code) == ("REJECT", "120") and codes(e.sources) == ["TUR"]


def test_ruling_out_is_a_rejection(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Colombian government ruled out a ceasefire with the guerrillas.")
    assert (e.plover_type, e.cameo_code) == ("REJECT", "120")


def test_prohibiting_aid_is_a_sanction(pipeline: Pipeline) -> None:
    e = only(pipeline, "Japan prohibited all aid to the military government.")
    assert (e.plover_type, e.cameo_code) == ("SANCTION", "162")


def test_the_country_of_an_authoritys_act_is_its_doer_only_when_done_there(
        pipeline: Pipeline) -> None:
    e = only(pipeline, "A journalist was arrested in Egypt on Monday.")
    assert e.plover_type == "COERCE" and codes(e.sources) == ["EGY"]
    # Not for an act only called for, nor for one done in many countries.
    assert not [e for e in events_of(pipeline, "He said he should be prosecuted in Peru.")
                if e.plover_type == "COERCE"]
    assert not events_of(pipeline, "Forty people were arrested worldwide - 12 of them in Brazil.")
    assert not events_of(pipeline, "Nine people were arrested in Chile, Peru and Bolivia.")


def test_the_weapon_an_act_was_done_by_decides_its_type(pipeline: Pipeline) -> None:
    e = only(pipeline, "Three houses were destroyed by Russian warplanes in the village.")
    assert (e.plover_type, e.cameo_code) == ("FIGHT", "195") and codes(e.sources) == ["RUS"]
    planted = only(pipeline, "Separatist rebels blew up the bridge.")
    assert planted.plover_type == "ASSAULT" and planted.cameo_code == "183"


def test_both_coders_link_place_date_and_counts_alike(pipeline: Pipeline) -> None:
    # One lexicon event and one casualty event, each with its place and its count.
    doc = make_document("Syrian troops shelled the town of Kafr Nabl on Monday. "
                        "Twelve Syrian soldiers were killed in Hama on Tuesday.", "test")
    ex = pipeline.extract(doc)
    by_rule = {e.produced_by.split()[0]: e for e in ex.events if e.produced_by}
    assert set(by_rule) == {events_module.VERSION, casualties.VERSION}, list(by_rule)
    for e in by_rule.values():
        assert e.place_id is not None
    killed = by_rule[casualties.VERSION]
    assert killed.count_ids and all(
        c.evidence.start >= killed.evidence.start for c in ex.counts if c.id in killed.count_ids)


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Gunmen gunned down a judge in Karachi.", "ASSAULT", "180"),
    ("The Iranian foreign minister lambasted the European Union.", "DISAPPROVE", "111"),
    ("The army airlifted food and medicine to the flooded region.", "AID", "070"),
    ("Iran equipped the militias with rockets.", "AID", "072"),
    ("The Afghan president thanked Pakistan for its help.", "SUPPORT", "051"),
    ("Rioters ransacked shops in the capital.", "COERCE", "171"),
])
def test_wire_verbs_of_the_cameo_codebook(pipeline: Pipeline, text: str, plover: str,
                                          cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


@pytest.mark.parametrize("text", ["The Syrian army rejected the allegations of torture.",
                                  "Iran rejected the accusation that it armed the rebels."])
def test_rejecting_an_accusation_is_a_denial_not_a_rejection(pipeline: Pipeline,
                                                             text: str) -> None:
    # A denial is a statement (CAMEO 016, coded on the quote), not CAMEO 12.
    assert [e for e in events_of(pipeline, text) if e.plover_type == "REJECT"] == []
    e = only(pipeline, "Iran rejected the European proposal.")
    assert (e.plover_type, e.cameo_code) == ("REJECT", "120")


def test_a_joined_passive_acts_on_the_first_verbs_subject(pipeline: Pipeline) -> None:
    # "released" has no subject of its own: the prisoners the first verb names were freed.
    e = only(pipeline, "The prisoners held for years without trial were released on "
                       "Monday by the Egyptian authorities.")
    assert (e.plover_type, e.cameo_code) == ("RETREAT", "0841")
    assert codes(e.sources) == ["EGY"]


@pytest.mark.parametrize(("text", "target"), [
    ("The State Department advised against travel to Tunisia after the attack.", "TUN"),
    ("Britain warned its citizens against all travel to Yemen.", "YEM"),
    ("The State Department advised Americans against traveling to Mali.", "MLI"),
    ("Germany issued a travel warning for Egypt on Monday.", None),
])
def test_a_travel_warning_reduces_relations(pipeline: Pipeline, text: str,
                                            target: str | None) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == ("SANCTION", "160")
    if target:  # aimed at the country travel to is advised against, not the travellers
        assert codes(e.targets) == [target]


def test_a_warning_against_anything_else_stays_a_threat(pipeline: Pipeline) -> None:
    e = only(pipeline, "Russia warned NATO against any expansion to the east.")
    assert e.plover_type == "THREATEN"


@pytest.mark.parametrize("text", ["The Turkish government declined to comment on the report.",
                                  "A spokesman for the ministry refused to comment."])
def test_declining_to_comment_is_a_statement_not_a_refusal(pipeline: Pipeline,
                                                           text: str) -> None:
    # CAMEO 011, coded on the quote by the statements stage; no REJECT event.
    assert events_of(pipeline, text) == ()


def test_declining_to_act_is_still_a_refusal(pipeline: Pipeline) -> None:
    e = only(pipeline, "The Syrian army declined to withdraw from the town.")
    assert (e.plover_type, e.cameo_code) == ("REJECT", "120")


@pytest.mark.parametrize("text", ["France urged Iran to release the detained sailors.",
                                  "The United Nations called on Libya to hold elections.",
                                  "Germany called for a ceasefire in the region."])
def test_urging_and_calling_on_are_appeals(pipeline: Pipeline, text: str) -> None:
    # CAMEO keeps appeals (02: urge, call on, call for) apart from demands (10).
    found = [e for e in events_of(pipeline, text) if e.status == "asserted"]
    assert [(e.plover_type, e.cameo_code) for e in found][:1] == [("DEMAND", "020")]


def test_demanding_stays_a_demand(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Russia demanded that Ukraine withdraw its troops.")
    assert found[0].cameo_code == "100"


def test_claiming_ones_own_attack_accuses_no_one(pipeline: Pipeline) -> None:
    claimed = events_of(pipeline, "The rebels claimed that they had attacked the air base.")
    assert [e for e in claimed if e.cameo_code == "112"] == []
    accused = events_of(pipeline, "The ministry claimed that the rebels had shelled the town.")
    assert [e.cameo_code for e in accused if e.plover_type == "DISAPPROVE"] == ["112"]


@pytest.mark.parametrize(("text", "source"), [
    ("A report released by Amnesty International accused Egyptian police of torture.",
     "NGOAMN"),
    ("A statement issued in Tehran condemned the new sanctions.", "IRN"),
    ("A report published on Monday in the Rwandan capital accused France of complicity.",
     "RWA"),
])
def test_a_document_acts_for_whoever_issued_it(pipeline: Pipeline, text: str,
                                               source: str) -> None:
    e = only(pipeline, text)
    assert e.plover_type == "DISAPPROVE" and codes(e.sources) == [source]


def test_a_document_issued_in_a_town_names_no_issuer(pipeline: Pipeline) -> None:
    # Only a capital stands for a government; a report released in another city
    # has no known author, so no accusation can be coded.
    assert events_of(pipeline, "A report released in Manchester accused the army of "
                               "torture.") == ()


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    # A sum's "in" phrase says what it is: aid.
    ("The Japanese government provided $2 million in assistance to Nepal.", "AID", "070"),
    # A person or a people named as the one set free.
    ("A Kenyan court on Tuesday freed opposition politician John Doe.", "RETREAT", "0841"),
    ("Militants released 19 Christians on Sunday.", "RETREAT", "0841"),
    ("Japan lifted travel curbs on North Korea.", "CONCEDE", "081"),
    # The tokenizer splits "cease-fire": "fire" after "cease" is the truce.
    ("The Afghan president announced a weeklong cease-fire with the Taliban.",
     "RETREAT", "0871"),
])
def test_aid_releases_and_truces_in_their_wire_forms(pipeline: Pipeline, text: str,
                                                     plover: str, cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


def test_releasing_a_thing_is_no_release_of_people(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Turkey released the new software on Monday.") == ()


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Pakistan on Thursday violated the ceasefire along the border.", "FIGHT", "196"),
    ("Iraqi warplanes carried out an air raid on Monday.", "FIGHT", "195"),
    ("The army launched an assault on the rebel-held town.", "FIGHT", "190"),
    ("Israeli troops apprehended a Lebanese man near the border.", "COERCE", "173"),
    ("Rebel fighters overran a military base in the north.", "FIGHT", "192"),
])
def test_acts_of_war_in_their_wire_forms(pipeline: Pipeline, text: str, plover: str,
                                         cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


def test_a_sexual_assault_is_no_battle(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Soldiers carried out a sexual assault on a woman in the "
                                "village.")
    assert [(e.plover_type, e.cameo_code) for e in found] == [("ASSAULT", "1821")]


@pytest.mark.parametrize(("text", "source"), [
    ("The passenger jet was blown up over the Black Sea by a missile believed to be "
     "fired by Georgian rebels.", "GEO"),
    ("The school was shelled by artillery fired by Syrian troops.", "SYR"),
])
def test_a_weapon_acts_for_whoever_used_it(pipeline: Pipeline, text: str,
                                           source: str) -> None:
    e = only(pipeline, text)
    assert e.plover_type == "FIGHT" and codes(e.sources) == [source]


@pytest.mark.parametrize("text", ["Syrian troops were locked in fierce fighting with rebels "
                                  "near Aleppo.",
                                  "Nigerian police engaged in a gunbattle with gunmen in the "
                                  "north."])
def test_whoever_is_engaged_in_a_fight_is_a_party_to_it(pipeline: Pipeline,
                                                        text: str) -> None:
    e = only(pipeline, text)
    assert e.plover_type == "FIGHT" and e.sources and e.sources[0].sector in ("MIL", "COP")
    assert e.targets


def test_those_killed_in_clashes_are_not_their_parties(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Two Indian soldiers were killed in clashes with Pakistani "
                                "troops on Monday.")
    assert [codes(e.sources) for e in found] == [["PAK"]]


def test_a_title_race_is_no_fight(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Arsenal were locked in a battle with Chelsea for the "
                               "league title.") == ()


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Egypt brokered a ceasefire between Israel and Hamas.", "CONSULT", "045"),
    ("The Chinese government cracked down on protesters in the city.", "COERCE", "175"),
    ("The Iranian president castigated the United States over the sanctions.",
     "DISAPPROVE", "111"),
    ("Germany contributed $141 million in aid to South Sudan.", "AID", "070"),
])
def test_more_wire_verbs_of_the_cameo_codebook(pipeline: Pipeline, text: str, plover: str,
                                               cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


def test_cracking_down_on_a_crime_is_no_repression(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Police cracked down on drunk driving.") == ()


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Indian and Pakistani troops exchanged fire across the border.", "FIGHT", "190"),
    ("Israeli soldiers traded fire with Hezbollah fighters.", "FIGHT", "190"),
    ("The United Nations convened an emergency meeting on Syria.", "CONSULT", "040"),
    ("Japan extended a $1 billion loan to Indonesia.", "AID", "070"),
])
def test_exchanges_of_fire_meetings_convened_and_loans_extended(
        pipeline: Pipeline, text: str, plover: str, cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


@pytest.mark.parametrize("text", ["The two teams traded shots in the first half.",
                                  "The company extended its support to the new plan."])
def test_shots_traded_in_sport_and_support_extended_are_no_fight_or_aid(
        pipeline: Pipeline, text: str) -> None:
    assert [e for e in events_of(pipeline, text) if e.plover_type in ("FIGHT", "AID")] == []


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("The Russian defence minister defended the country's military presence in the Arctic.",
     "SUPPORT", "052"),
    ("Taliban fighters laid down their arms in the northern city on Sunday.", "RETREAT",
     "0873"),
    ("Colombian rebels handed over their weapons to the United Nations.", "RETREAT",
     "0873"),
    ("The US ambassador paid a courtesy visit to the president of Nigeria.", "CONSULT",
     "042"),
    ("Syrian rebels released 21 United Nations peacekeepers on Saturday.", "RETREAT",
     "0841"),
])
def test_verbal_defence_disarming_visits_paid_and_captives_freed(
        pipeline: Pipeline, text: str, plover: str, cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


@pytest.mark.parametrize("text", ["Syrian troops defended the city against the rebels.",
                                  "Nadal defended his title at Roland Garros."])
def test_defending_a_city_or_a_title_is_no_verbal_support(pipeline: Pipeline,
                                                          text: str) -> None:
    assert [e for e in events_of(pipeline, text) if e.plover_type == "SUPPORT"] == []


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("The US government provided $340 million for assistance to Iraq.", "AID", "070"),
    ("Germany contributed $90 million to the relief fund.", "AID", "070"),
    ("The Sudanese president declared a cessation of hostilities.", "RETREAT", "0871"),
    ("Japan cut tariffs on American farm goods.", "RETREAT", "085"),
    ("The US Treasury removed the sanctions on the company.", "RETREAT", "085"),
])
def test_sums_of_aid_truces_and_eased_sanctions(pipeline: Pipeline, text: str, plover: str,
                                                cameo: str) -> None:
    e = only(pipeline, text)
    assert (e.plover_type, e.cameo_code) == (plover, cameo)


def test_a_payment_is_no_aid(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "The club gave $5 million to its new striker.") == ()


# --------------------------------------------------------------------------- lead's additions


def _with_places(pipeline: Pipeline, text: str, published: str | None = None):
    ex = pipeline.extract(make_document(text, "test", published=published))
    return ex, {p.id: p.name for p in ex.places}


@pytest.mark.parametrize(("text", "place"), [
    # The source's own name is who acted, not where.
    ("Russia sent jets to attack the rebel-held province of Idlib.", "Idlib"),
    ("US-backed fighters shelled Hajin on Tuesday.", "Hajin"),
    # A place phrase on the source still says where.
    ("Government forces in Homs shelled the town on Monday.", "Homs"),
])
def test_an_event_is_not_placed_in_its_own_sources_name(
        pipeline: Pipeline, text: str, place: str) -> None:
    ex, names = _with_places(pipeline, text)
    placed = [names.get(e.place_id) for e in ex.events if e.place_id]
    assert placed and set(placed) == {place}


@pytest.mark.parametrize("text", [
    "No country has agreed to take back its citizens from the camps.",
    "No one claimed responsibility for the bombing.",
    "With no government willing to resettle them, the families wait in the camp.",
])
def test_a_source_that_names_nobody_makes_no_event(pipeline: Pipeline, text: str) -> None:
    assert not events_of(pipeline, text)


def test_an_act_dated_long_before_the_report_is_background(pipeline: Pipeline) -> None:
    ex, _ = _with_places(pipeline, "Militants seized the town of Tarvel in 2014.", "2019-02-06")
    assert [(e.status, e.date, e.time_precision) for e in ex.events] == [
        ("historical", "2014-01-01", 4)]
    ex, _ = _with_places(pipeline, "Militants seized the town of Tarvel on Monday.",
                         "2019-02-06")
    assert [e.status for e in ex.events] == ["asserted"]


def test_a_place_held_by_a_group_is_a_state_not_an_act(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The army shelled villages held by the rebels.")
    assert ("FIGHT", "asserted") in {(e.plover_type, e.status) for e in found}
    assert all(e.status == "historical" for e in found if e.cameo_code == "192")



# --------------------------------------------------------------------------- capture and patrol


@pytest.mark.parametrize("text", [
    "The army captured Kandahar on Monday.",
    "Ethiopia captured Mekele in May.",
    "The rebels seized Goma on Tuesday.",
    "Rebels captured half of Goma.",
    "India captured two strategic peaks near the highway.",
    "Israeli troops seized the compound in Hebron on Monday.",
])
def test_a_place_named_as_what_was_captured_is_territory_taken(pipeline: Pipeline,
                                                               text: str) -> None:
    assert "192" in {e.cameo_code for e in events_of(pipeline, text)}


@pytest.mark.parametrize(("text", "cameo"), [
    ("Police captured the suspect on Monday.", "173"),
    ("Troops captured two militants near Kandahar.", "173"),
    ("Rebels captured two aid workers near Goma.", "181"),
])
def test_people_captured_are_arrested_or_abducted(pipeline: Pipeline, text: str,
                                                  cameo: str) -> None:
    assert cameo in {e.cameo_code for e in events_of(pipeline, text)}


def test_a_title_captured_is_no_event(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "She captured her third title in Rome on Sunday.") == ()


@pytest.mark.parametrize("text", [
    "Soldiers patrolled the streets of Jenin on Friday.",
    "The city is patrolled by troops.",
    "The Germans were patrolling near the airport on Monday.",
])
def test_forces_on_patrol_show_force(pipeline: Pipeline, text: str) -> None:
    assert ("MOBILIZE", "150") in {(e.plover_type, e.cameo_code)
                                   for e in events_of(pipeline, text)}


def test_a_crowd_on_patrol_is_no_military_posture(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Thousands of villagers patrolled the dyke.") == ()


def test_a_person_captured_in_a_country_is_taken_by_its_authorities(pipeline: Pipeline) -> None:
    e = only(pipeline, "The suspect was captured in Egypt on Monday.")
    assert (e.cameo_code, codes(e.sources)) == ("173", ["EGY"])


def test_a_town_captured_in_a_country_is_not_taken_by_that_country(pipeline: Pipeline) -> None:
    assert all(codes(e.sources) != ["SYR"]
               for e in events_of(pipeline, "The town was captured in northern Syria."))


def test_a_passive_joined_to_another_holds_both_verbs(pipeline: Pipeline) -> None:
    text = "A man was shot and killed by a gunman in Yala province."
    e = only(pipeline, text)
    assert text[e.evidence.start:e.evidence.end].startswith("A man was shot and killed")


@pytest.mark.parametrize(("text", "where"), [
    ("The suspect was arrested in Egypt on Monday.", "Egypt"),
    ("More than 10,000 people demonstrated in the Belarus capital Minsk on Friday.", "Minsk"),
])
def test_the_place_of_an_act_is_the_place_its_phrase_is_about(pipeline: Pipeline, text: str,
                                                               where: str) -> None:
    ex = pipeline.extract(make_document(text, "test"))
    names = {p.id: p.name for p in ex.places}
    assert [names.get(e.place_id) for e in ex.events] == [where]


def test_an_actor_is_not_its_own_target(pipeline: Pipeline) -> None:
    e = only(pipeline, "They were captured by Turkish soldiers in northern Iraq in April.")
    assert (codes(e.sources), codes(e.targets)) == (["TUR"], [])
