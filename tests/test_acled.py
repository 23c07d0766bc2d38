"""ACLED sub-event classifier: cues, the protest and territory decisions, hints, the lexicon.

Every text here is a short news-style sentence written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.evaluate.acled import NONE, class_scores, weighted_f1
from eventwire.extract import acled
from eventwire.extract.acled import AcledLabel, classify, classify_many, load_lexicon


def sub(text: str, **kw: str) -> str | None:
    label = classify(text, **kw)
    return label.sub_event_type if label else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Warplanes struck a market in the north of the province on Monday, killing five people.",
     "Air/drone strike"),
    ("A drone strike hit a vehicle carrying two commanders near the border.", "Air/drone strike"),
    ("Government forces shelled rebel positions outside the city overnight.",
     "Shelling/artillery/missile attack"),
    ("A suicide bomber blew himself up at a checkpoint, killing four policemen.",
     "Suicide bomb"),
    ("A roadside bomb struck an army patrol, wounding three soldiers.",
     "Remote explosive/landmine/IED"),
    ("Unknown men threw a hand grenade into a crowded bus station, injuring nine.", "Grenade"),
    ("Activists said the town was attacked with chlorine gas, leaving dozens struggling to "
     "breathe.", "Chemical weapon"),
    ("Bomb disposal experts defused an explosive device found near the courthouse.",
     "Disrupted weapons use"),
    ("Police seized a large cache of weapons and ammunition during a raid on a farmhouse.",
     "Disrupted weapons use"),
    ("Militants clashed with soldiers for several hours near the district centre.",
     "Armed clash"),
    ("Gunmen shot dead a village chief and his son in their home on Sunday night.", "Attack"),
    ("Armed men kidnapped three aid workers on the road to the provincial capital.",
     "Abduction/forced disappearance"),
    ("Soldiers were accused of raping two women at a camp for displaced people.",
     "Sexual violence"),
    ("Police arrested twelve members of the opposition party at their offices.", "Arrests"),
    ("The two sides signed a ceasefire agreement in the capital on Friday.", "Agreement"),
    ("Turkish forces set up a new military post in the countryside south of the town.",
     "Headquarters or base established"),
    ("Hundreds of fighters defected from the armed group and joined the army.",
     "Change to group/activity"),
    ("Shops were looted and several houses torched in the market town overnight.",
     "Looting/property destruction"),
    ("A mob lynched a man accused of stealing a goat in the village.", "Mob violence"),
])
def test_cues_name_the_sub_event_type(text: str, expected: str) -> None:
    assert sub(text) == expected


# Wordings found missing in v7, written from the ACLED codebook's definitions (acled.rules.v8).
@pytest.mark.parametrize(("text", "expected"), [
    ("The army said it had wrested back control of three villages held by jihadists.",
     "Government regains territory"),
    ("Troops freed the town from militant control after a week-long operation.",
     "Government regains territory"),
    ("Iraqi forces hoisted the national flag over the city centre after driving out the "
     "militants.", "Government regains territory"),
    ("The armed group now controls the road after capturing the junction from the army.",
     "Non-state actor overtakes territory"),
    ("The Taliban took control of the district after government forces retreated under fire.",
     "Non-state actor overtakes territory"),
    ("Two rival armed groups fought each other in the hills, leaving 12 fighters dead.",
     "Armed clash"),
    ("Police killed three suspected bandits in a gun duel in the forest.", "Armed clash"),
    ("Rebels and government troops traded gunfire along the front line.", "Armed clash"),
    ("Pro-government militiamen engaged rebel fighters near the airport.", "Armed clash"),
    ("The bodies of three men bearing gunshot wounds were found in the river.", "Attack"),
    ("Gunmen seized 20 students from their school dormitory.",
     "Abduction/forced disappearance"),
    ("Militants took a foreign aid worker captive in the north.",
     "Abduction/forced disappearance"),
    ("Hundreds of teachers gathered outside parliament to demand higher pay.",
     "Peaceful protest"),
    ("Nurses staged a walkout to demand better working conditions.", "Peaceful protest"),
    ("Hundreds of women demonstrated in the capital on Sunday.", "Peaceful protest"),
    ("Villagers blocked a highway to protest against power cuts.", "Peaceful protest"),
    ("Activists held a silent protest outside the embassy.", "Peaceful protest"),
    ("Protesters gathered peacefully outside the embassy and dispersed without incident.",
     "Peaceful protest"),
    ("Protesters burned an effigy of the president during the march.", "Peaceful protest"),
    ("Police dispersed a gathering of opposition supporters in the capital.",
     "Protest with intervention"),
    ("A protester died after being shot by police during the rally.",
     "Excessive force against protesters"),
    ("Protesters assaulted a journalist covering the march.", "Violent demonstration"),
    ("Opposition supporters protesting the results burned ballot boxes.",
     "Violent demonstration"),
    ("Supporters of rival candidates clashed after the vote, injuring 20.", "Mob violence"),
    ("A suspected robber was burnt to death by residents.", "Mob violence"),
    ("The warring sides agreed to exchange prisoners.", "Agreement"),
    ("Both sides committed to a cessation of hostilities.", "Agreement"),
    ("The rebels accepted the government's offer of talks.", "Agreement"),
    ("The rebel commander announced that his fighters had joined the government side.",
     "Change to group/activity"),
    ("Troops were deployed to the capital ahead of the election.", "Change to group/activity"),
    ("The government banned the opposition movement and froze its assets.",
     "Change to group/activity"),
    ("Police recovered two AK-47 rifles and 200 rounds of ammunition.",
     "Disrupted weapons use"),
    ("A plot to attack the embassy was foiled by police.", "Disrupted weapons use"),
    ("Soldiers destroyed a bomb-making factory in the forest.", "Disrupted weapons use"),
    # Captions report in the present tense.
    ("Protesters throw stones at riot police during a demonstration in the capital.",
     "Violent demonstration"),
    ("Demonstrators torch a car during a protest against the lockdown.",
     "Violent demonstration"),
    ("Protesters tore down the fence around the parliament.", "Violent demonstration"),
    ("Police fire tear gas at protesters during a rally in the capital.",
     "Protest with intervention"),
    ("Riot police charge at demonstrators outside the parliament.",
     "Protest with intervention"),
    ("Police detain a protester during a demonstration against the new law.",
     "Protest with intervention"),
    ("Police shoot at demonstrators during a protest in the capital.",
     "Excessive force against protesters"),
    ("Rebel fighters attacked a government-held town but were repelled.", "Armed clash"),
    ("The rebels released 10 soldiers they had captured.", "Agreement"),
    ("The group announced the end of its armed struggle.", "Change to group/activity"),
    ("The militants destroyed a telecommunications mast.", "Looting/property destruction"),
    ("A man was beaten by a group of people who accused him of stealing a phone.",
     "Mob violence"),
    ("Supporters of the ruling party attacked opposition members at a rally, injuring ten.",
     "Mob violence"),
    ("Clashes between Hindus and Muslims left three people dead.", "Mob violence"),
    ("Students of two rival schools clashed, injuring several.", "Mob violence"),
    ("The army and the rebels fought over the town for several hours.", "Armed clash"),
    ("Fighting is ongoing for control of the town.", "Armed clash"),
    ("Rebels tried to seize the town but were pushed back by the army.", "Armed clash"),
    ("Soldiers retook positions they had lost the previous day.",
     "Government regains territory"),
    ("The army declared the city free of militants.", "Government regains territory"),
    ("The national army reopened the highway after expelling the militants from the area.",
     "Government regains territory"),
    ("Security forces took back the police station that had been seized by militants.",
     "Government regains territory"),
    ("Rebels claimed control of the town after the army fled.",
     "Non-state actor overtakes territory"),
    ("Militants took over a police station and hoisted their flag.",
     "Non-state actor overtakes territory"),
    ("The militants left the town and government forces moved in.",
     "Non-violent transfer of territory"),
    ("The army handed over security of the province to the police.",
     "Non-violent transfer of territory"),
    ("Tribal leaders brokered a reconciliation between the two clans.", "Agreement"),
    ("The government opened indirect talks with the rebels in the capital.", "Agreement"),
    ("Police stopped the march and arrested its organisers.", "Protest with intervention"),
    ("Security forces killed 40 suspected Northern Liberation Front (NLF) rebels.",
     "Armed clash"),
    ("The army discovered an underground depot containing a large amount of weapons.",
     "Disrupted weapons use"),
    ("A suicide car bomb killed at least 40 people in the city centre.", "Suicide bomb"),
    ("Six people were killed when a shell struck a house in the town.",
     "Shelling/artillery/missile attack"),
    ("At least 12 people were killed when a massive blast rocked the capital, police said.",
     "Remote explosive/landmine/IED"),
    ("The terrorists sustained heavy losses in raids by the army's choppers.",
     "Air/drone strike"),
    ("Suspected militants shot dead two soldiers in the market.", "Armed clash"),
    ("Gunmen killed ten villagers in their homes.", "Attack"),
    # What a protest is about, or a protest as the reason for an arrest, is background.
    ("Hundreds of people protested against the shelling of their town.", "Peaceful protest"),
    ("Protesters demanded the release of detained activists.", "Peaceful protest"),
    ("Police arrested five people for organising an unauthorised protest.", "Arrests"),
    ("An explosive-laden car was stopped at a checkpoint before it could reach its target.",
     "Disrupted weapons use"),
    ("The would-be suicide bomber was arrested before he could detonate his vest.",
     "Disrupted weapons use"),
    ("Two would-be suicide bombers blew themselves up near a checkpoint.", "Suicide bomb"),
    ("Thousands of troops were moved to the border amid rising tensions.",
     "Change to group/activity"),
    ("The army called up reservists after the border incident.", "Change to group/activity"),
    ("The activist was picked up by police from his home on Sunday.", "Arrests"),
    ("Fifty persons were held in combing operations in the city.", "Arrests"),
    ("Regime troops retook the village after heavy bombardment.",
     "Government regains territory"),
    ("The government said its forces were back in control of the town.",
     "Government regains territory"),
    ("The army said it repelled an attempt by the rebels to capture the town.", "Armed clash"),
    ("Assad's forces recaptured the town from rebels.", "Government regains territory"),
    ("Turkish-backed rebels captured the town from Kurdish fighters.",
     "Non-state actor overtakes territory"),
    ("Riot police officers beat a protester during a rally near parliament.",
     "Excessive force against protesters"),
    ("The first batch of fighter jets arrived from abroad to bolster the air force.",
     "Change to group/activity"),
    ("The rebels received a shipment of weapons from abroad.", "Change to group/activity"),
    ("Police stepped up patrols in the area after the attack.", "Change to group/activity"),
    ("The army destroyed a rocket launcher belonging to the militants.",
     "Disrupted weapons use"),
    ("The militants' drone was downed by the army.", "Disrupted weapons use"),
    ("Protesters set a police car on fire during the demonstration.",
     "Violent demonstration"),
    ("Protesters were tear-gassed by police outside the parliament.",
     "Protest with intervention"),
    ("Two protesters died of gunshot wounds after police opened fire.",
     "Excessive force against protesters"),
    ("Soldiers beat protesters to death, witnesses said.",
     "Excessive force against protesters"),
    ("The authorities detained the leader of the protest movement at his home.", "Arrests"),
])
def test_codebook_wordings_name_the_sub_event_type(text: str, expected: str) -> None:
    assert sub(text) == expected


def test_a_kidnapper_set_upon_by_a_crowd_is_mob_violence_not_an_abduction() -> None:
    assert sub("Residents set upon two suspected kidnappers and burned them alive.") == \
        "Mob violence"


@pytest.mark.parametrize("text", [
    "An Iranian blogger has been jailed for ten years for his posts.",
    "The film's star demonstrated a remarkable range in the second act.",
    "The airline has taken delivery of six new aircraft and expects more next year.",
])
def test_words_that_need_a_conflict_context_stay_unlabelled(text: str) -> None:
    assert sub(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of teachers marched peacefully through the capital to demand higher pay.",
     "Peaceful protest"),
    ("Police fired tear gas and water cannon to disperse students protesting outside "
     "parliament.", "Protest with intervention"),
    ("Security forces opened fire on protesters in the city centre, killing three of them.",
     "Excessive force against protesters"),
    ("Protesters hurled stones at police and set fire to cars during the demonstration.",
     "Violent demonstration"),
    ("Demonstrators clashed with police outside the ministry for a second day.",
     "Violent demonstration"),
    ("Riot police used tear gas to break up a sit-in by nurses outside the hospital.",
     "Protest with intervention"),
    ("Hundreds rallied in the square to protest against police brutality.", "Peaceful protest"),
])
def test_what_happened_at_a_protest_decides_its_type(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The army recaptured the town from the rebels after three days of fighting.",
     "Government regains territory"),
    ("Insurgents seized control of the district headquarters on Tuesday.",
     "Non-state actor overtakes territory"),
    ("The border town fell to the militants late on Saturday.",
     "Non-state actor overtakes territory"),
    ("The village was recaptured by government troops on Monday.",
     "Government regains territory"),
    ("Army units in a sweep against insurgents recaptured the district centre on Friday.",
     "Government regains territory"),
    ("After the army withdrew from the town, rebels took control of it without a fight.",
     "Non-violent transfer of territory"),
])
def test_who_took_territory_decides_government_or_non_state(text: str, expected: str) -> None:
    assert sub(text) == expected


@pytest.mark.parametrize("text", [
    "The striker's attack down the left wing set up the winning goal in the final minute.",
    "Shares in the carmaker fell 4% after it cut its profit forecast for the year.",
    "The film was a box-office bomb, earning less than half its budget.",
    "The new phone will go on sale in March at a lower price than its rival.",
    "The carmaker signed a deal to supply its rival with 30,000 engines a year.",
    "Oil prices extended their rally after a fall in US crude stocks.",
    "The sprinter was charged with missing three drugs tests and has protested her innocence.",
    "The two banks agreed to merge their investment arms next year.",
    "",
])
def test_text_without_an_event_gets_no_label(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize(("text", "unreal"), [
    ("No arrests have been made after the shop was looted, police said.", "Arrests"),
    ("Police deployed in the square ahead of protests planned for Friday.", "Peaceful protest"),
])
def test_a_negated_or_anticipated_event_is_not_the_one_reported(text: str, unreal: str) -> None:
    assert sub(text) != unreal


def test_a_weapon_disrupted_is_not_a_weapon_used() -> None:
    assert sub("Soldiers found two landmines buried beside the road and destroyed them.") == \
        "Disrupted weapons use"
    assert sub("Two soldiers were killed when their vehicle struck a landmine.") == \
        "Remote explosive/landmine/IED"


def test_a_chemical_attack_outranks_the_shells_that_carried_it() -> None:
    assert sub("Rebels fired shells filled with chlorine gas into the district, and dozens "
               "were treated for suffocation.") == "Chemical weapon"


def test_the_label_carries_types_confidence_version_and_cue_offsets() -> None:
    text = "On Monday, warplanes bombed a fuel depot on the outskirts of the city."
    label = classify(text)
    assert isinstance(label, AcledLabel)
    assert (label.event_type, label.sub_event_type) == ("Explosions/Remote violence",
                                                        "Air/drone strike")
    assert label.produced_by == acled.VERSION
    assert 0.0 < label.confidence <= 0.95
    assert label.cue is not None
    start, end = label.cue
    assert text[start:end].lower() == "warplanes"


def test_a_clear_winner_is_more_confident_than_a_close_call() -> None:
    clear = classify("A suicide bomber blew himself up outside a mosque.")
    close = classify("Rebels shelled the town and then clashed with soldiers on its outskirts.")
    assert clear is not None and close is not None
    assert clear.confidence > close.confidence


def test_plover_mode_tips_an_ambiguous_sentence() -> None:
    text = "The village was hit overnight, and two soldiers were killed."
    assert sub(text) != "Air/drone strike"
    assert sub(text, plover_type="ASSAULT", mode="aerial") == "Air/drone strike"


def test_plover_hints_alone_do_not_make_an_event_from_nothing() -> None:
    assert classify("The meeting will take place next week.", plover_type="FIGHT") is None


def test_classify_many_matches_classify_in_order() -> None:
    texts = ["Rebels shelled the airport.", "The bank raised interest rates.",
             "Police arrested a journalist in the capital."]
    assert classify_many(texts) == [classify(t) for t in texts]


def test_classify_many_takes_one_hint_per_text() -> None:
    texts = ["The village was hit overnight, and two soldiers were killed."] * 2
    labels = classify_many(texts, hints=[(None, None), ("ASSAULT", "aerial")])
    assert [lab.sub_event_type if lab else None for lab in labels][1] == "Air/drone strike"
    assert labels[0] != labels[1]
    with pytest.raises(ValueError, match="1 hints for 2 texts"):
        classify_many(texts, hints=[(None, None)])


def test_non_text_input_is_refused() -> None:
    with pytest.raises(TypeError):
        classify(None)  # type: ignore[arg-type]


def test_every_sub_event_type_belongs_to_one_of_six_event_types() -> None:
    assert len(acled.SUB_EVENT_TYPES) == 25
    assert set(acled.EVENT_TYPES) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
        "Riots", "Strategic developments"}


def test_the_packaged_lexicon_names_only_known_labels() -> None:
    lex = acled.default_lexicon()
    labels = {c.label for c in lex.cues}
    assert labels <= set(acled.SUB_EVENT_TYPES) | {"@protest", "@riot", "@intervene",
                                                   "@force", "@capture"}


def _write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("# test table\n" + "\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def contexts(tmp_path: Path) -> Path:
    return _write(tmp_path / "ctx.tsv", "group\tpattern",
                  ["armed\tsoldiers|troops", "government\tarmy|troops",
                   "nonstate\trebels|militants"])


def test_a_small_lexicon_can_be_injected(tmp_path: Path, contexts: Path) -> None:
    cues = _write(tmp_path / "cues.tsv", "label\tweight\tcontext\tpattern",
                  ["Armed clash\t5\tarmed\tskirmish(?:es)?"])
    lex = load_lexicon(cues, contexts)
    assert classify("Troops fought a skirmish with bandits.", lexicon=lex) is not None
    assert classify("A skirmish over the budget in parliament.", lexicon=lex) is None


@pytest.mark.parametrize(("row", "message"), [
    ("Armed clash\t5\tskirmish", "expected 4 tab-separated columns"),
    ("Battle royale\t5\t\tskirmish", "unknown label"),
    ("Armed clash\tmany\t\tskirmish", "not a number"),
    ("Armed clash\t5\tweather\tskirmish", "unknown context group"),
    ("Armed clash\t5\t\tskirmish(", "bad pattern"),
])
def test_a_malformed_cue_row_names_its_file_and_line(tmp_path: Path, contexts: Path,
                                                     row: str, message: str) -> None:
    cues = _write(tmp_path / "cues.tsv", "label\tweight\tcontext\tpattern", [row])
    with pytest.raises(DictionaryError, match=message) as info:
        load_lexicon(cues, contexts)
    assert info.value.code == "E500"
    assert info.value.origin == "cues.tsv, line 3"


def test_weighted_f1_weights_each_class_f1_by_its_support() -> None:
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), (NONE, "B"), ("B", NONE)]
    scores = {s.name: s for s in class_scores(pairs, "t")}
    assert (scores["t.a"].found, scores["t.a"].required, scores["t.a"].emitted) == (2, 3, 2)
    assert (scores["t.b"].found, scores["t.b"].required, scores["t.b"].emitted) == (1, 2, 3)
    f1_a, f1_b = 2 * 1.0 * (2 / 3) / (1 + 2 / 3), 2 * (1 / 3) * 0.5 / (1 / 3 + 0.5)
    average = weighted_f1(scores.values(), "t.weighted_f1")
    assert average.weight == 5
    assert average.value == pytest.approx((3 * f1_a + 2 * f1_b) / 5)
