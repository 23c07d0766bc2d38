"""Agreements: named agreements, talks, processes, formats and zones, merged and linked.

Short news-style sentences written for these tests, parsed by the real packaged model.
"""

from __future__ import annotations

import pytest

from eventwire.extract import agreements
from eventwire.extract.context import Context
from eventwire.extract.parse import parse_document
from eventwire.ingest import make_document
from eventwire.records import Actor, Agreement, Event, Span
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


class _Places:
    """A gazetteer stand-in that knows a few populous places (the real one is built in
    test_gazetteer/test_places; these tests are about names, not lookups)."""

    def __init__(self, *names: str) -> None:
        self.names = {n.lower() for n in names}

    def lookup(self, name: str):  # the shape of Gazetteer.lookup's Match
        class _Entry:
            feature_class, population = "P", 1_000_000

        class _Match:
            entries = (_Entry(),) if name.lower() in self.names else ()

        return _Match()


class _Resources:
    def __init__(self, gazetteer: object) -> None:
        self.gazetteer = gazetteer


def found(pipeline: Pipeline, text: str, *places: str) -> tuple[Agreement, ...]:
    doc = make_document(text, "test")
    ctx = Context(doc, parse_document(doc, pipeline.nlp), _Resources(_Places(*places)))
    return agreements.extract(ctx)


def names(records: tuple[Agreement, ...]) -> list[tuple[str, str]]:
    return [(a.name, a.kind) for a in records]


def test_named_agreements_talks_and_processes(pipeline: Pipeline) -> None:
    got = found(pipeline, "Both sides said the Dayton Agreement still held, while envoys in "
                          "Qatar prepared the Doha talks and the Oslo process stalled.", "Dayton")
    assert names(got) == [("Dayton Agreement", "agreement"), ("Doha talks", "talks"),
                          ("Oslo process", "process")]
    assert got[1].countries == ("QAT",)  # a capital: the dictionary knows its country
    assert got[0].countries == ()  # Dayton is in no country dictionary: nothing guessed
    assert [a.named_after for a in got] == [("Dayton",), ("Doha",), ("Oslo",)]
    assert not any(a.generic for a in got)


def test_repeated_mentions_make_one_record(pipeline: Pipeline) -> None:
    text = ("Kyiv and Moscow signed the Minsk agreements in 2015. Under the Minsk agreements, "
            "heavy weapons were to be withdrawn, but the Minsk agreements never held.")
    (minsk,) = found(pipeline, text)
    assert minsk.name == "Minsk agreements" and len(minsk.mentions) == 3
    assert all(text[m.start:m.end] == m.text == "Minsk agreements" for m in minsk.mentions)
    assert minsk.evidence.text.startswith("Kyiv and Moscow signed")
    assert minsk.id == "a1"


def test_talks_and_process_of_one_name_are_one_process(pipeline: Pipeline) -> None:
    (geneva,) = found(pipeline, "The Geneva peace talks resumed on Monday. Diplomats said the "
                                "Geneva process was the only way out.", "Geneva")
    assert geneva.name == "Geneva peace talks"
    assert geneva.aliases == ("Geneva process",)


def test_a_country_pair_in_either_form_is_one_agreement(pipeline: Pipeline) -> None:
    (pact,) = found(pipeline, "The Egyptian-Sudanese memorandum was signed in Cairo. Officials "
                              "said the agreement between Egypt and Sudan covers water.")
    assert pact.kind == "agreement"
    assert set(pact.countries) == {"EGY", "SDN"}
    assert pact.aliases == ("agreement between Egypt and Sudan",)


def test_generic_agreements_are_kept_only_with_their_topic(pipeline: Pipeline) -> None:
    got = found(pipeline, "A ceasefire agreement was reached on Friday, and rebels left the "
                          "buffer zone. The agreement was welcomed by the talks' mediators.")
    assert names(got) == [("ceasefire agreement", "ceasefire"), ("buffer zone", "zone")]
    assert all(a.generic for a in got)


def test_the_treaty_of_a_place(pipeline: Pipeline) -> None:
    (treaty,) = found(pipeline, "Historians say the Treaty of Lausanne drew the borders.",
                      "Lausanne")
    assert treaty.name == "Treaty of Lausanne" and treaty.named_after == ("Lausanne",)


def test_long_names_are_whole_and_only_places_are_named_after(pipeline: Pipeline) -> None:
    (area,) = found(pipeline, "Tariffs fall under the South Asian Free Trade Area Agreement, "
                              "which Nepal joined in 2006.")
    assert area.name == "South Asian Free Trade Area Agreement"
    assert area.named_after == () and area.countries == ()


def test_a_headline_names_only_places_and_countries(pipeline: Pipeline) -> None:
    got = found(pipeline, "Rebels Reject US-Russia Ceasefire\n\nEnvoys Revive Geneva Talks\n\n"
                          "Critics loved the film The Dead Zone.", "Geneva")
    assert names(got) == [("US-Russia Ceasefire", "ceasefire"), ("Geneva Talks", "talks")]
    assert got[0].countries == ("USA", "RUS")


def test_weak_heads_need_a_topic_a_country_or_a_place(pipeline: Pipeline) -> None:
    got = found(pipeline, "The Normandy format met again, months after the Iran nuclear deal "
                          "collapsed. Apple signed a deal with Disney, and the Apple deal lifted "
                          "its shares before the Champions League format changed.", "Normandy")
    assert names(got) == [("Normandy format", "format"), ("Iran nuclear deal", "agreement")]
    assert got[1].countries == ("IRN",)


def test_talks_as_a_verb_and_dates_are_not_names(pipeline: Pipeline) -> None:
    got = found(pipeline, "Lavrov talks with his counterpart in Oslo today. Monday's talks "
                          "ended early, and new talks were planned.")
    assert got == ()


def test_extract_in_the_pipeline_links_events_of_the_sentence(pipeline: Pipeline) -> None:
    text = ("KYIV, March 3 (Reuters) - Russian forces shelled the town of Avdiivka on Monday, "
            "violating the Minsk agreements, Ukrainian officials said.\n\n"
            "Ukraine's president met French officials in Kyiv on Tuesday.\n")
    extraction = pipeline.extract(make_document(text, "t"))
    (minsk,) = extraction.agreements
    linked = [e for e in extraction.events if e.agreement_ids]
    assert linked, [(e.plover_type, e.evidence.text) for e in extraction.events]
    assert all(e.agreement_ids == (minsk.id,) for e in linked)
    assert all("Minsk" in text[e.evidence.start:text.index("\n", e.evidence.start)]
               for e in linked)
    unlinked = [e for e in extraction.events if "met" in e.evidence.text]
    assert all(not e.agreement_ids for e in unlinked)
    assert extraction.extractors["agreements"] == agreements.VERSION


def test_link_uses_the_sentence_not_the_clause(pipeline: Pipeline) -> None:
    text = "Rebels attacked a checkpoint, breaking the Doha truce. Talks went on elsewhere."
    doc = make_document(text, "t")
    ctx = Context(doc, parse_document(doc, pipeline.nlp), None)
    truce = Agreement("a1", "Doha truce", "ceasefire",
                      (Span.of(text, text.index("Doha"), text.index(". Talks")),),
                      Span.of(text, 0, text.index(". Talks") + 1))
    start = text.index("Rebels")
    attack = Event("e1", "ASSAULT", Span.of(text, start, start + len("Rebels attacked")),
                   sources=(Actor("Rebels", sector="REB"),))
    later = Event("e2", "CONSULT", Span.of(text, text.index("Talks"), len(text) - 1))
    linked = agreements.link(ctx, (attack, later), (truce,))
    assert [e.agreement_ids for e in linked] == [("a1",), ()]
    assert agreements.link(ctx, (attack,), ()) == (attack,)


def test_proper_plurals_days_and_particles_inside_names(pipeline: Pipeline) -> None:
    got = found(pipeline, "Both leaders praised the Camp David Accords, the Good Friday "
                          "Agreement and the Sharm el-Sheikh memorandum.", "David")
    assert names(got) == [("Camp David Accords", "agreement"),
                          ("Good Friday Agreement", "agreement"),
                          ("Sharm el-Sheikh memorandum", "agreement")]
    # "David" alone is a place somewhere, but the name is not made of it.
    assert got[0].named_after == ()


def test_generic_deals_of_a_topic(pipeline: Pipeline) -> None:
    got = found(pipeline, "Mediators said the prisoner exchange deal held, and the Paris "
                          "climate agreement was not discussed. A trade deal was signed.",
                "Paris")
    assert names(got) == [("prisoner exchange deal", "agreement"),
                          ("Paris climate agreement", "agreement")]
    assert got[0].generic and not got[1].generic and got[1].countries == ("FRA",)


def test_the_agreement_refers_back_only_when_one_was_named(pipeline: Pipeline) -> None:
    (doha,) = found(pipeline, "Rebels and the army signed the Doha agreement on Sunday. The "
                              "agreement collapsed on Monday when rebels shelled the town.")
    assert [m.text for m in doha.mentions] == ["Doha agreement", "agreement"]
    assert doha.name == "Doha agreement" and doha.aliases == ()
    two = found(pipeline, "The Doha agreement and the Oslo Accords were cited. The agreement "
                          "was praised.")
    assert [len(a.mentions) for a in two] == [1, 1]  # which one? nobody can say
    (truce,) = found(pipeline, "A ceasefire agreement was reached. The truce held for a day, "
                               "but the agreement on prisoners did not.")
    assert [m.text for m in truce.mentions] == ["ceasefire agreement", "truce"]


def test_generic_mentions_join_the_one_named_agreement_of_their_topic(
        pipeline: Pipeline) -> None:
    (geneva,) = found(pipeline, "Hundreds have died since peace talks broke off in April. The "
                                "Geneva peace talks were meant to end the war.", "Geneva")
    assert geneva.name == "Geneva peace talks" and not geneva.generic
    assert [m.text for m in geneva.mentions] == ["peace talks", "Geneva peace talks"]
    both = found(pipeline, "Both the Geneva peace talks and the Doha peace talks failed; "
                           "peace talks may resume.", "Geneva")
    assert names(both)[-1] == ("peace talks", "talks") and both[-1].generic


def test_one_sides_plans_are_intentions_not_agreements(pipeline: Pipeline) -> None:
    got = found(pipeline, "Britain warned about US plans to leave, and the US plan to withdraw. "
                          "The Russian-Turkish plan for the province held. The Arab peace plan "
                          "was revived.")
    assert names(got) == [("Russian-Turkish plan", "process"), ("Arab peace plan", "process")]
