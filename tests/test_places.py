"""Places from short news texts, through the real pipeline and the packaged gazetteer.

The gazetteer index is compiled from the pinned packages on first use (once
per machine, into the cache directory), so the first run takes a minute.
"""

from __future__ import annotations

import pytest

from eventwire.ingest import make_document
from eventwire.records import Place
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def places_of(pipeline: Pipeline, text: str) -> tuple[Place, ...]:
    extraction = pipeline.extract(make_document(text, "test"))
    for p in extraction.places:
        for m in p.mentions:
            assert extraction.document.text[m.start:m.end] == m.text
    return extraction.places


def named(places: tuple[Place, ...], name: str) -> list[Place]:
    return [p for p in places if any(name in m.text for m in p.mentions)]


def test_countryside_of_a_governorate_is_part_of_a_region(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Government forces shelled villages in the southern countryside "
                                 "of Idlib on Tuesday, residents said.")
    (idlib,) = named(places, "Idlib")
    assert idlib.country_code == "SY" and idlib.geo_precision == 2
    assert idlib.mentions[0].text == "southern countryside of Idlib"
    assert abs(idlib.lat - 35.9) < 0.5 and abs(idlib.lon - 36.6) < 0.5


def test_demonyms_are_actors_not_places(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Russian warplanes and Syrian troops pounded the town of "
                                 "Saraqib overnight, activists said.")
    assert not named(places, "Russian") and not named(places, "Syrian")
    (saraqib,) = named(places, "Saraqib")
    assert saraqib.geo_precision == 1 and saraqib.country_code == "SY"


def test_names_of_talks_and_agreements_are_not_places(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Astana talks failed to save the Sochi Agreement, and the "
                                 "League of Arab States called for calm in Syria.")
    assert not named(places, "Astana") and not named(places, "Sochi")
    assert not named(places, "Arab")
    assert named(places, "Syria")[0].feature_code == "PCLI"


def test_a_capital_speaking_for_its_government_is_a_metonym(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Ankara is communicating with Moscow about the ceasefire, "
                                 "an official said in Damascus on Monday.")
    (ankara,) = named(places, "Ankara")
    assert ankara.metonym and ankara.country_code == "TR" and ankara.lat is not None
    (damascus,) = named(places, "Damascus")
    assert not damascus.metonym and damascus.country_code == "SY"


def test_towns_of_a_triangle_are_each_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Clashes raged in the Hama-Idlib-Latakia triangle on Sunday.")
    for town in ("Hama", "Idlib", "Latakia"):
        (p,) = named(places, town)
        assert p.country_code == "SY" and p.geo_precision == 2


def test_a_border_between_two_countries_is_a_place_of_its_own(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Thousands fled toward the Syrian-Turkish border on Friday.")
    (border,) = named(places, "border")
    assert border.name == "Syrian-Turkish border" and border.geo_precision == 2
    assert border.geonameid is None


def test_transliterations_resolve_to_one_town(pipeline: Pipeline) -> None:
    for spelling in ("Maarat al-Numan", "Ma'arrat an-Nu'man"):
        places = places_of(pipeline, f"Shelling hit {spelling} in Idlib province on Monday.")
        (town,) = named(places, spelling)
        assert town.geonameid == 167611, spelling


def test_a_far_namesake_is_left_unresolved(pipeline: Pipeline) -> None:
    # Surman is a town in Libya; a village of that name in Idlib is not in the packaged data.
    places = places_of(pipeline, "Turkish troops at the Surman observation post near Saraqib in "
                                 "Idlib province came under fire, the ministry said.")
    for p in named(places, "Surman"):
        assert p.lat is None or abs(p.lat - 35.6) < 1


def test_a_media_credit_is_not_a_place(pipeline: Pipeline) -> None:
    text = ("Rebels retook the town on Monday.\n\n"
            "Fighters in the streets of Saraqib (Anatolia)\n\n"
            "The army said it would respond.")
    places = places_of(pipeline, text)
    assert not named(places, "Anatolia")


def test_extracting_twice_gives_the_same_places(pipeline: Pipeline) -> None:
    text = "Fighting in Aleppo and Homs displaced thousands, the UN said in Geneva."
    assert places_of(pipeline, text) == places_of(pipeline, text)
