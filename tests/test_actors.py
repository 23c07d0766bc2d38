"""Actor resolution: agent table, codes, sectors and ACLED types, on texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.extract.parse import parse_document
from eventwire.ingest import make_document
from eventwire.records import Actor
from eventwire.resolve import actors
from eventwire.resolve.actors import ActorResolver, acled_inter, agent_for, load_agents
from eventwire.run import Pipeline


def test_agent_phrases_longest_first() -> None:
    armed = agent_for(["armed", "opposition"])
    plain = agent_for(["opposition"])
    assert armed is not None and armed.sector == "REB" and armed.inter == "rebel"
    assert plain is not None and plain.sector == "OPP"


def test_agent_plural_left_by_the_lemmatizer() -> None:
    found = agent_for(["Rebels".lower()])
    assert found is not None and found.sector == "REB"
    assert agent_for(["banana"]) is None


def test_state_forces_abroad_are_external() -> None:
    assert acled_inter("state", "RUS", "SYR") == "External/Other forces"
    assert acled_inter("state", "SYR", "SYR") == "State forces"
    assert acled_inter("state", "SYR", None) == "State forces"
    assert acled_inter("protester", None, "SYR") == "Protesters"
    assert acled_inter(None, "SYR", "SYR") is None


def test_iso2_and_iso3_codes() -> None:
    assert actors.iso3("sy") == "SYR"
    assert actors.iso3("TUR") == "TUR"
    assert actors.iso3("QQQ") is None and actors.iso3(None) is None


@pytest.mark.parametrize(("row", "message"), [
    ("Force\tMIL\tstate", "lower case"),
    ("force\tARMY\tstate", "sector"),
    ("force\tMIL\tsoldiers", "acled_inter"),
    ("force\tMIL", "columns"),
])
def test_bad_agent_rows_are_named(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "agents.tsv"
    path.write_text(f"agent\tsector\tacled_inter\n{row}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=f"agents.tsv, line 2.*{message}"):
        load_agents(path)


def test_duplicate_agent_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "agents.tsv"
    path.write_text("agent\tsector\tacled_inter\nforce\tMIL\tstate\nforce\tGOV\tstate\n",
                    encoding="utf-8")
    with pytest.raises(DictionaryError, match="already listed"):
        load_agents(path)


def _subjects(pipeline: Pipeline, text: str) -> list[tuple[Actor, ...]]:
    """Actors of every sentence subject, resolved in text order by one resolver."""
    doc = make_document(text, "test")
    ex = pipeline.extract(doc)
    resolver = ActorResolver(doc.text, ex.people, ex.organizations, theatre="SYR")
    out = []
    for pb in parse_document(doc, pipeline.nlp):
        for tok in pb.doc:
            if tok.dep_ == "nsubj":
                out.append(resolver.resolve(tok, pb))
    return out


@pytest.mark.model
def test_countries_capitals_and_agents(pipeline: Pipeline) -> None:
    (moscow,), (forces, ), (kremlin,) = _subjects(
        pipeline, "Moscow protested. Turkish forces advanced. The Kremlin denied it.")
    assert (moscow.code, moscow.sector) == ("RUS", "GOV")
    assert (forces.code, forces.sector, forces.acled_inter) == ("TUR", "MIL",
                                                                "External/Other forces")
    assert kremlin.code == "RUS"


@pytest.mark.model
def test_coordinated_nationalities_and_remembered_country(pipeline: Pipeline) -> None:
    both, later = _subjects(pipeline, "Russian and Syrian regime forces advanced. "
                                      "Then the regime forces withdrew.")
    assert sorted(a.code for a in both) == ["RUS", "SYR"]
    assert [a.code for a in later] == ["SYR"]


@pytest.mark.model
def test_organizations_and_people(pipeline: Pipeline) -> None:
    (league,), (person,) = _subjects(
        pipeline, "The Arab League met in Cairo. French President Jean Morel spoke later.")
    assert league.code and league.code.startswith("IGO") and league.org_id
    assert person.person_id and person.code == "FRA" and person.sector == "GOV"


@pytest.mark.model
def test_an_actor_of_no_country_acts_in_the_country_its_sentence_or_document_names(
        pipeline: Pipeline) -> None:
    (police,), (judge,) = _subjects(pipeline, "Police fired tear gas in Nairobi on Monday. "
                                              "A judge freed Kenyan and Ugandan activists.")
    assert (police.code, police.sector) == ("KEN", "COP")
    assert judge.code == "SYR"  # two countries named: the theatre's courts


@pytest.mark.model
def test_a_body_named_with_a_person_is_the_body(pipeline: Pipeline) -> None:
    (mission,), (envoy,) = _subjects(
        pipeline, "Kofi Mensah's African Union mission ended its work. "
                  "U.N. Secretary-General Maria Lund said no.")
    assert mission.org_id and mission.code and mission.code.startswith("IGO")
    assert envoy.person_id and envoy.code and envoy.code.startswith("IGOUNO")


@pytest.mark.model
def test_a_listed_body_keeps_the_home_its_entry_gives(pipeline: Pipeline) -> None:
    (group,) = _subjects(pipeline, "In a statement from Paris, Hezbollah denied it.")[0]
    assert group.org_id and group.code == "LBN" and group.sector == "REB"


@pytest.mark.model
def test_the_government_of_a_country_is_its_government(pipeline: Pipeline) -> None:
    (gov,) = _subjects(pipeline, "The government of Cameroon has arrested over 30 people.")[0]
    assert (gov.code, gov.sector) == ("CMR", "GOV")


@pytest.mark.model
def test_a_region_named_as_an_actor_is_of_its_country(pipeline: Pipeline) -> None:
    doc = make_document("Catalonia banned all rallies on Friday.", "test")
    ex = pipeline.extract(doc)
    resolver = ActorResolver(doc.text, ex.people, ex.organizations, places=ex.places)
    pb = parse_document(doc, pipeline.nlp)[0]
    head = next(t for t in pb.doc if t.dep_ == "nsubj")
    codes = [a.code for a in resolver.resolve(head, pb)]
    placed = {p.country_code for p in ex.places if p.name == "Catalonia"}
    assert placed, "the gazetteer places Catalonia"
    assert codes == [actors.iso3(next(iter(placed)))]


def test_wire_desk_agent_nouns() -> None:
    for lemmas, sector in ((["serviceman"], "MIL"), (["mujahideen"], "REB"),
                           (["state", "media"], "MED"), (["trade", "union"], "LAB"),
                           (["magistrate"], "JUD"), (["parliamentarian"], "LEG"),
                           (["world", "power"], "GOV"), (["member", "state"], "GOV"),
                           (["supreme", "leader"], "GOV"), (["ayatollah"], "REL")):
        found = agent_for(lemmas)
        assert found is not None and found.sector == sector, lemmas


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "sector"), [
    ("The Tamil Tigers attacked an army camp on Monday.", "LKA", "REB"),
    ("The IRA claimed the bombing in a statement.", "GBR", "REB"),
    ("The Kosovo Liberation Army ambushed a police patrol.", "XKX", "REB"),
    ("The State Duma approved the bill on Friday.", "RUS", "GOV"),
    ("The Justice Department charged two men.", "USA", "GOV"),
    ("The International Labour Office urged governments to act.", "IGOUNOILO", "IGO"),
    ("The Sandinistas rejected the peace plan on Monday.", "NIC", "OPP"),
    ("The Islamic Courts Union seized the port.", "SOM", "REB"),
])
def test_wire_desk_bodies_resolve_to_their_home(pipeline: Pipeline, text: str, code: str,
                                                sector: str) -> None:
    (actor,) = _subjects(pipeline, text)[0]
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.model
def test_a_listed_ngo_of_no_country_is_still_an_ngo(pipeline: Pipeline) -> None:
    (charity,) = _subjects(pipeline, "Caritas warned of famine in the region.")[0]
    assert charity.code == "NGO" and charity.sector == "NGO"


@pytest.mark.model
def test_a_lower_case_word_is_not_a_listed_name(pipeline: Pipeline) -> None:
    (memorial,) = _subjects(pipeline, "A memorial stood near the square.")[0] or (None,)
    assert memorial is None or memorial.code is None


@pytest.mark.model
def test_a_seat_of_power_of_two_words_is_its_government(pipeline: Pipeline) -> None:
    (seat,), (hill,) = _subjects(pipeline, "Downing Street rejected the claim. "
                                           "Capitol Hill demanded answers.")
    assert (seat.code, seat.sector) == ("GBR", "GOV")
    assert hill.code == "USA"


@pytest.mark.model
def test_an_unlisted_body_is_what_its_head_noun_says(pipeline: Pipeline) -> None:
    (court,) = _subjects(pipeline, "The Supreme Court overturned the verdict.")[0]
    assert (court.code, court.sector) == ("SYR", "JUD")  # the theatre's courts


@pytest.mark.model
def test_a_community_is_an_actor_of_the_country_its_sentence_names(
        pipeline: Pipeline) -> None:
    (kurds,) = _subjects(pipeline, "Kurds demonstrated in Ankara on Friday.")[0]
    assert (kurds.code, kurds.sector) == ("TUR", "CVL")


@pytest.mark.model
def test_an_ethnic_community_is_of_the_country_it_lives_in(pipeline: Pipeline) -> None:
    (community,), (rebels,), (story,) = _subjects(
        pipeline, "Thousands of ethnic Hungarians rallied in Romania on Sunday. "
                  "Ethnic Armenian fighters shelled a village in Azerbaijan. "
                  "Ethnic Turkmens have vowed to defend the town.")
    assert (community.code, community.sector) == ("ROU", None)  # who, not what they do
    assert (rebels.code, rebels.sector) == ("AZE", "REB")
    assert story.code == "SYR"  # no country in the sentence: where the story is


@pytest.mark.model
def test_states_in_the_plural_are_not_the_theatre(pipeline: Pipeline) -> None:
    (gulf,), (arab,) = _subjects(pipeline, "Gulf states condemned the raid. "
                                           "Arab countries pledged more aid to Lebanon.")
    assert (gulf.code, gulf.sector) == (None, "GOV")  # not the theatre (SYR) nor a Gulf town
    assert arab.code is None  # not the one country the sentence names


@pytest.mark.model
def test_a_body_based_in_a_country_is_of_that_country(pipeline: Pipeline) -> None:
    (paper,), (group,) = _subjects(
        pipeline, "A newspaper based in Amman criticized the decision. "
                  "A militia operating in Mali claimed the kidnapping.")
    assert (paper.code, paper.sector) == ("JOR", "MED")
    assert group.code == "MLI"


def _event_sources(pipeline: Pipeline, text: str) -> dict[str, list[str | None]]:
    doc = make_document(text, "test")
    return {e.plover_type: [a.code for a in e.sources] for e in pipeline.extract(doc).events}


@pytest.mark.model
def test_an_authority_act_without_agent_is_done_by_the_country_where_it_happened(
        pipeline: Pipeline) -> None:
    assert _event_sources(pipeline, "A Dutch journalist was arrested in Turkey on Friday.") \
        == {"COERCE": ["TUR"]}
    assert _event_sources(pipeline, "An Italian engineer has been placed under "
                                    "investigation in Brazil.") == {"INVESTIGATE": ["BRA"]}
    # Not every passive with a place: the dead of an attack did not kill themselves.
    killed = _event_sources(pipeline, "Three soldiers were killed in Iraq on Monday.")
    assert all("IRQ" not in codes for codes in killed.values())


@pytest.mark.model
def test_the_nationality_of_a_weapon_names_the_source_of_its_attacks(
        pipeline: Pipeline) -> None:
    found = _event_sources(pipeline, "Recent French drone strikes have killed four "
                                     "militant commanders since June.")
    assert any("FRA" in codes for codes in found.values())


@pytest.mark.model
def test_an_actor_of_no_country_acts_where_its_act_took_place(pipeline: Pipeline) -> None:
    # Two countries in the sentence: the place of the act decides, not the other one.
    (inmates,), (crowd,) = _subjects(
        pipeline, "Inmates rioted at a prison in Zambia's capital Lusaka on Monday, "
                  "demanding an end to British rule. "
                  "Students marched in Quito to denounce the American embassy.")
    assert (inmates.code, crowd.code) == ("ZMB", "ECU")


@pytest.mark.model
def test_a_people_after_the_state_they_live_in_is_of_that_state(pipeline: Pipeline) -> None:
    (bosnian,), (iraqi,) = _subjects(pipeline, "Bosnian Serb forces shelled the village. "
                                               "Iraqi Kurdish leaders met in Tehran.")
    assert (bosnian.code, bosnian.sector) == ("BIH", "MIL")
    assert iraqi.code == "IRQ"
    # Coordinated nationalities are still two.
    (both,) = _subjects(pipeline, "Russian and Syrian regime forces advanced.")
    assert sorted(a.code for a in both) == ["RUS", "SYR"]


@pytest.mark.model
def test_a_movement_named_as_a_modifier_gives_its_home(pipeline: Pipeline) -> None:
    (gov,) = _subjects(pipeline, "The Sandinista government accused Costa Rica of "
                                 "sheltering rebels.")[0]
    assert (gov.code, gov.sector) == ("NIC", "GOV")  # not the one country the sentence names


@pytest.mark.model
def test_a_rebel_leader_is_a_rebel(pipeline: Pipeline) -> None:
    (chief,) = _subjects(pipeline, "Angolan rebel leader Tomas Mbala threatened to "
                                   "attack the capital.")[0]
    assert chief.person_id and (chief.code, chief.sector) == ("AGO", "REB")


@pytest.mark.model
def test_forces_led_by_or_loyal_to_a_side_are_of_it(pipeline: Pipeline) -> None:
    (led,), (loyal,), (militia,) = _subjects(
        pipeline, "U.S.-led forces bombed targets near Mosul. "
                  "Troops loyal to President Mobutu attacked rebels in Shaba. "
                  "Militias loyal to Tehran shelled the camp in Iraq.")
    assert (led.code, led.sector) == ("USA", "MIL")  # not the country of the target
    assert loyal.code == "COD"
    assert (militia.code, militia.sector) == ("IRN", "REB")


@pytest.mark.model
def test_agents_of_a_bloc_are_not_of_the_one_country_their_sentence_names(
        pipeline: Pipeline) -> None:
    (arab,), (gulf,), (alliance,) = _subjects(
        pipeline, "Arab foreign ministers demanded an Israeli withdrawal. "
                  "Gulf leaders condemned Iran. "
                  "Kurdish-Arab alliance troops advanced in Syria.")
    assert (arab.code, arab.sector) == (None, "GOV")
    assert gulf.code is None
    assert alliance.code == "SYR"  # two peoples joined by a hyphen are no bloc


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("The Knesset approved the bill on Monday.", "ISR"),
    ("The Verkhovna Rada rejected the treaty.", "UKR"),
])
def test_more_legislatures_resolve_to_their_country(pipeline: Pipeline, text: str,
                                                    code: str) -> None:
    (body,) = _subjects(pipeline, text)[0]
    assert body.code == code


@pytest.mark.model
def test_a_figure_known_by_title_and_name_resolves(pipeline: Pipeline) -> None:
    (pope,) = _subjects(pipeline, "Pope Francis appealed for peace in Sudan.")[0]
    assert pope.person_id and (pope.code, pope.sector) == ("VAT", "REL")  # not Sudan


def _event_actors(pipeline: Pipeline, text: str, published: str | None = None
                  ) -> list[tuple[list[str | None], list[str | None]]]:
    doc = make_document(text, "test", published=published)
    return [([a.code for a in e.sources], [a.code for a in e.targets])
            for e in pipeline.extract(doc).events]


@pytest.mark.model
def test_a_bare_surname_is_the_passive_agent_of_an_undated_act(pipeline: Pipeline) -> None:
    found = _event_actors(pipeline, "The jailed opposition leader was arrested by Lukashenko.")
    assert any(sources == ["BLR"] for sources, _ in found), found


@pytest.mark.model
def test_bare_surnames_are_source_and_target_of_an_undated_meeting(pipeline: Pipeline) -> None:
    found = _event_actors(pipeline, "Obama will meet Putin in Geneva next month.")
    assert (["USA"], ["RUS"]) in found, found


@pytest.mark.model
def test_a_bare_surname_far_from_the_figure_s_years_has_no_country(pipeline: Pipeline) -> None:
    text = "Obama criticized the sanctions on Tuesday."
    assert (["USA"], []) in _event_actors(pipeline, text, "2016-03-01")
    assert not any("USA" in s for s, _ in _event_actors(pipeline, text, "1990-03-01"))


@pytest.mark.model
def test_a_passive_coordinated_with_an_earlier_verb_is_done_to_its_subject(
        pipeline: Pipeline) -> None:
    found = _event_actors(pipeline, "Two French journalists entered Syria in May and were "
                                    "later detained by Syrian forces.")
    assert (["SYR"], ["FRA"]) in found, found


@pytest.mark.model
def test_troops_loyal_to_a_bare_surname_follow_the_document_date(pipeline: Pipeline) -> None:
    text = "Troops loyal to Gaddafi shelled the port on Sunday."
    assert any(s == ["LBY"] for s, _ in _event_actors(pipeline, text, "2011-04-10"))
    assert not any(s == ["LBY"] for s, _ in _event_actors(pipeline, text, "2021-04-10"))


@pytest.mark.model
@pytest.mark.parametrize(("text", "source"), [
    ("The Islamic State group kidnapped 19 Christians in northern Iraq.", "IMGMUSISI"),
    ("The Islamic State kidnapped 19 Christians in northern Iraq.", "IMGMUSISI"),
])
def test_a_listed_body_named_before_the_word_group_is_that_body(pipeline: Pipeline,
                                                                text: str,
                                                                source: str) -> None:
    assert any(s == [source] for s, _ in _event_actors(pipeline, text)), \
        _event_actors(pipeline, text)


@pytest.mark.model
def test_an_unlisted_name_before_the_word_group_stays_unknown(pipeline: Pipeline) -> None:
    assert _event_actors(pipeline, "The Patriot group attacked the village.") == []


def test_maoists_are_rebels(pipeline: Pipeline) -> None:
    ex = pipeline.extract(make_document("The Maoists bombed an office building in Birgunj.",
                                        "t"))
    assert [a.sector for e in ex.events for a in e.sources] == ["REB"]
