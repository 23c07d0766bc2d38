"""Places from short news texts, through the real pipeline and the packaged gazetteer.

The gazetteer index is compiled from the pinned packages on first use (once
per machine, into the cache directory), so the first run takes a minute.
"""

from __future__ import annotations

import pytest

from eventwire.extract.places import parts
from eventwire.ingest import make_document
from eventwire.records import Place, Span
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def places_of(pipeline: Pipeline, text: str) -> tuple[Place, ...]:
    extraction = pipeline.extract(make_document(text, "test"))
    for p in extraction.places:
        for m in (*p.mentions, *p.name_mentions):
            assert extraction.document.text[m.start:m.end] == m.text
    return extraction.places


def named(places: tuple[Place, ...], name: str) -> list[Place]:
    return [p for p in places if any(name in m.text for m in p.mentions)]


def near(place: Place, lat: float, lon: float, degrees: float = 1.0) -> bool:
    return (place.lat is not None and place.lon is not None
            and abs(place.lat - lat) < degrees and abs(place.lon - lon) < degrees)


def test_countryside_of_a_governorate_is_part_of_a_region(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Government forces shelled villages in the western countryside "
                                 "of Homs on Tuesday, residents said.")
    (homs,) = named(places, "Homs")
    assert homs.country_code == "SY" and homs.geo_precision == 2
    assert homs.mentions[0].text == "western countryside of Homs"
    assert near(homs, 34.7, 36.7)


def test_demonyms_are_actors_not_places(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Iraqi warplanes and Kurdish fighters pounded the town of "
                                 "Tal Afar overnight, officials said.")
    assert not named(places, "Iraqi") and not named(places, "Kurdish")
    (town,) = named(places, "Tal Afar")
    assert town.geo_precision == 1 and town.country_code == "IQ"


def test_names_of_talks_and_agreements_are_not_places(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Geneva talks failed to save the Minsk agreement, and the "
                                 "Gulf Cooperation Council called for calm in Yemen.")
    assert not named(places, "Geneva") and not named(places, "Minsk")
    assert not named(places, "Gulf")
    assert named(places, "Yemen")[0].feature_code == "PCLI"


def test_a_capital_speaking_for_its_government_is_a_metonym(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Tehran is communicating with Baghdad about the truce, "
                                 "an official said in Beirut on Monday.")
    (tehran,) = named(places, "Tehran")
    assert tehran.metonym and tehran.country_code == "IR" and tehran.lat is not None
    (beirut,) = named(places, "Beirut")
    assert not beirut.metonym and beirut.country_code == "LB"


@pytest.mark.parametrize(("text", "capital"), [
    ("The militia was raised by Washington to fight the insurgents.", "Washington"),
    ("The town was retaken by Damascus in March.", "Damascus"),
    ("The minister urged Moscow to halt the strikes.", "Moscow"),
])
def test_a_capital_acting_or_addressed_is_a_metonym(
        pipeline: Pipeline, text: str, capital: str) -> None:
    (place,) = named(places_of(pipeline, text), capital)
    assert place.metonym


def test_a_capital_where_something_happens_is_no_metonym(pipeline: Pipeline) -> None:
    (place,) = named(places_of(pipeline, "Protesters marched through Washington on Saturday."),
                     "Washington")
    assert not place.metonym


def test_towns_of_a_triangle_are_each_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Clashes raged in the Homs-Tartus-Latakia triangle on Sunday.")
    for town in ("Homs", "Tartus", "Latakia"):
        (p,) = named(places, town)
        assert p.country_code == "SY" and p.geo_precision == 2


def test_a_border_between_two_countries_is_a_place_of_its_own(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Thousands fled toward the Iraqi-Syrian border on Friday.")
    (border,) = named(places, "border")
    assert border.name == "Iraqi-Syrian border" and border.geo_precision == 2
    assert border.geonameid is None


def test_transliterations_resolve_to_one_town(pipeline: Pipeline) -> None:
    for spelling in ("Jisr al-Shughur", "Jisr el-Shughour"):
        places = places_of(pipeline, f"Shelling hit the town of {spelling} in Syria on Monday.")
        (town,) = named(places, spelling)
        assert town.geonameid == 169023, spelling


def test_a_far_namesake_is_left_unresolved(pipeline: Pipeline) -> None:
    # Magnolia is a town in the United States, not a checkpoint in western Syria.
    places = places_of(pipeline, "Turkish troops at the Magnolia observation post near Jisr "
                                 "al-Shughur in Latakia province came under fire, the ministry "
                                 "said.")
    for p in named(places, "Magnolia"):
        assert p.lat is None or near(p, 35.8, 36.3)


def test_a_media_credit_is_not_a_place(pipeline: Pipeline) -> None:
    text = ("Rebels retook the town on Monday.\n\n"
            "Fighters in the streets of Latakia (Reuters)\n\n"
            "The army said it would respond.")
    places = places_of(pipeline, text)
    assert not named(places, "Reuters")


def test_extracting_twice_gives_the_same_places(pipeline: Pipeline) -> None:
    text = "Fighting in Aleppo and Homs displaced thousands, the UN said in Geneva."
    assert places_of(pipeline, text) == places_of(pipeline, text)


def test_a_state_named_like_a_country_is_the_state_in_a_story_about_its_towns(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Police in Atlanta said the suspect was arrested on Friday at "
                                 "a motel in Macon, Georgia.")
    (georgia,) = named(places, "Georgia")
    assert georgia.country_code == "US" and georgia.feature_code == "ADM1"


def test_a_country_named_like_a_state_stays_the_country_abroad(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Russian tanks rolled toward Tbilisi as Georgia appealed for a "
                                 "ceasefire, officials in Moscow said.")
    georgia = next(p for p in named(places, "Georgia") if not p.metonym)
    assert georgia.country_code == "GE" and georgia.feature_code == "PCLI"


def test_a_direction_word_alone_is_not_resolved(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Lane closures are expected on North Oak Street and on South "
                                 "through Friday in Macon, Georgia, the city said.")
    for p in places:
        assert p.name not in ("North", "South") or p.lat is None


def test_a_street_the_gazetteer_lacks_is_placed_at_its_town(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "A fire broke out in Lafayette, Louisiana, on Sunday and spread "
                                 "to a warehouse on Pinhook Road, firefighters said.")
    (road,) = named(places, "Pinhook Road")
    assert road.geonameid is None and road.geo_precision == 2 and road.country_code == "US"
    assert near(road, 30.2, -92.0)


def test_a_seat_of_power_stands_in_its_capital(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The president pardoned a turkey at the White House on "
                                 "Tuesday before flying to Ohio.")
    (house,) = named(places, "White House")
    assert house.country_code == "US" and near(house, 38.9, -77.0)


def test_a_dateline_in_capitals_is_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Council backs new budget. HUDSON -- Officials in central "
                                 "Illinois said on Monday the town would hire two officers.")
    (town,) = named(places, "HUDSON")
    assert town.country_code == "US" and town.geo_precision == 1 and near(town, 40.6, -89.0)


def test_capitals_that_open_a_story_without_a_place_are_not_places(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "BREAKING: The Senate voted on Monday to pass the budget.")
    assert not named(places, "BREAKING")


def test_a_named_region_of_news_without_a_state_is_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Russian troops moved into South Ossetia on Friday.")
    (region,) = named(places, "South Ossetia")
    assert region.geo_precision == 3 and near(region, 42.3, 44.0)


def test_a_town_qualified_by_an_abbreviated_state_is_in_that_state(pipeline: Pipeline) -> None:
    # A list of "Town, St." pairs: each state says where its town is, and the town's later
    # bare mention means the same town (New Haven, Ky., is the likelier reading alone here).
    places = places_of(pipeline, "The other finalists, Denver, Louisville, Ky., New Haven, "
                                 "Conn., and Surprise, Ariz., were picked from hundreds of "
                                 "towns. Louisville and New Haven were finalists last year too.")
    (haven,) = named(places, "New Haven")
    assert len(haven.mentions) == 2
    assert haven.admin1 == "Connecticut" and near(haven, 41.3, -72.9)


def test_a_lone_town_of_local_copy_is_a_place(pipeline: Pipeline) -> None:
    # The tagger misses the town and the article names no other place to anchor it.
    places = places_of(pipeline, "Officials in Owerri said the market would reopen. Traders in "
                                 "Owerri welcomed the news.")
    (town,) = named(places, "Owerri")
    assert town.country_code == "NG" and len(town.mentions) == 2
    places = places_of(pipeline, "A fire destroyed two homes in Chattanooga on Sunday, fire "
                                 "officials said.")
    assert named(places, "Chattanooga")[0].country_code == "US"


def test_a_common_personal_name_alone_is_not_a_lone_town(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Jackson told reporters the budget would pass. Jackson has led "
                                 "the committee since 2019.")
    assert not named(places, "Jackson")


def test_a_name_the_text_puts_something_in_is_a_town(pipeline: Pipeline) -> None:
    # "at Wana": the tagger misses the town; the preposition and a clear reading make it one.
    places = places_of(pipeline, "The army opened a new market at Wana last week, a spokesman "
                                 "said.")
    (town,) = named(places, "Wana")
    assert town.country_code == "PK" and town.geo_precision == 1


def test_a_transliterated_namesake_abroad_is_not_found(pipeline: Pipeline) -> None:
    # "Fuaa" matches Egypt's Fuwwah only through its transliteration key; the village in Idlib
    # is not in the packaged gazetteer, so the place stays unresolved rather than in Egypt.
    places = places_of(pipeline, "Buses left the besieged towns of Fuaa and Kafraya in Idlib "
                                 "province on Wednesday, as rebels let residents leave for "
                                 "Aleppo, the Syrian Observatory said.")
    (fuaa,) = named(places, "Fuaa")
    assert fuaa.country_code != "EG" and fuaa.lat is None
    assert named(places, "Aleppo")[0].country_code == "SY"


def test_a_capitalized_word_before_a_place_can_make_a_longer_name(pipeline: Pipeline) -> None:
    # The tagger marks only "Portugal"; the gazetteer knows the Toronto neighbourhood.
    places = places_of(pipeline, "The victim shared a Little Portugal home with her mother, "
                                 "police in Toronto said.")
    (hood,) = named(places, "Little Portugal")
    assert hood.country_code == "CA" and hood.mentions[0].text == "Little Portugal"
    assert not [p for p in places if p.country_code == "PT"]


def test_a_region_adjective_with_a_direction_is_not_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The app lists the wrong address for Singapore, despite it "
                                 "being nowhere near the South East Asian city-state.")
    assert not named(places, "South East")
    assert named(places, "Singapore")


def test_a_region_of_us_news_is_the_region_not_its_state(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "A tree fell on a wedding party at a Southern California park "
                                 "on Saturday, authorities said.")
    (region,) = named(places, "Southern California")
    assert region.feature_code == "RGN" and region.geo_precision == 3
    assert near(region, 34.0, -117.6)


def test_a_constituent_country_is_its_division(pipeline: Pipeline) -> None:
    # "England" is filed under the United Kingdom, but names its first-level division.
    places = places_of(pipeline, "Flooding closed roads across the north of England on Monday, "
                                 "the Environment Agency said.")
    (england,) = named(places, "England")
    assert england.feature_code == "ADM1" and england.country_code == "GB"
    assert england.admin1 == "England"


def test_a_name_tagged_as_a_place_once_is_that_place_where_the_tagger_missed_it(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Hundreds attended the funeral in Banbridge on Friday, with "
                                 "police officers and politicians of all hues. Banbridge also "
                                 "turned out for the vigil, and Canon Liam Stevenson, the "
                                 "Banbridge parish priest, led prayers. Officers in London and "
                                 "England were told.")
    (town,) = named(places, "Banbridge")
    assert len(town.mentions) == 3 and town.country_code == "GB"


def inside_names(places: tuple[Place, ...], name: str) -> list[Place]:
    return [p for p in places if any(name in m.text for m in p.name_mentions)]


def test_a_state_named_in_a_body_name_is_recorded_apart(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Ohio Department of Health reported 12 new cases of "
                                 "measles in Columbus on Monday.")
    (ohio,) = inside_names(places, "Ohio")
    assert ohio.mentions == () and ohio.feature_code == "ADM1" and ohio.country_code == "US"
    assert not named(places, "Health") and not inside_names(places, "Health")


def test_a_city_named_in_a_police_department_is_the_city(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Officers from the Dallas Police Department arrested two men "
                                 "in Garland, Texas, on Friday, a spokesman said.")
    (dallas,) = inside_names(places, "Dallas")
    assert dallas.admin1 == "Texas" and dallas.feature_code is not None
    assert dallas.feature_code.startswith("PPL") and dallas.mentions == ()


def test_a_place_named_alone_and_in_a_body_name_is_one_record(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Two men were arrested in Dallas on Friday. The Dallas Police "
                                 "Department said both were released on bail.")
    (dallas,) = [p for p in places if "Dallas" in p.name]
    assert [m.text for m in dallas.mentions] == ["Dallas"]
    assert [m.text for m in dallas.name_mentions] == ["Dallas"]
    assert dallas.mentions[0].start < dallas.name_mentions[0].start


def test_an_agreement_named_after_a_city_records_no_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Rebels said the Minsk agreement was dead and walked out of "
                                 "the Geneva talks on Tuesday.")
    assert not named(places, "Minsk") and not inside_names(places, "Minsk")
    assert not named(places, "Geneva") and not inside_names(places, "Geneva")


def test_an_event_is_never_placed_at_a_body_name(pipeline: Pipeline) -> None:
    extraction = pipeline.extract(make_document(
        "Gunmen shot dead two officers of the Dallas Police Department in Fort Worth, Texas, "
        "on Saturday, police said.", "test"))
    inside = [p.id for p in extraction.places if p.name_mentions and not p.mentions]
    assert inside, "the body's city is recorded as a name mention"
    located = [e.place_id for e in extraction.events if e.place_id]
    assert located and not set(located) & set(inside)


def test_a_state_named_like_a_country_in_a_body_name_is_the_state(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Agents of the Georgia Bureau of Investigation searched a home "
                                 "in Athens, Ga., on Monday.")
    (georgia,) = inside_names(places, "Georgia")
    assert georgia.country_code == "US" and georgia.feature_code == "ADM1"


def test_a_country_in_a_body_name_is_left_to_the_organization(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Lebanon Police Department arrested a man in Boone County, "
                                 "Indiana, on Thursday.")
    assert not inside_names(places, "Lebanon") and not named(places, "Lebanon")
    assert named(places, "Boone County")


def test_a_town_named_in_one_body_name_needs_the_article_to_place_it(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Dublin Singers will give a concert on Friday evening, the "
                                 "choir's director said.")
    assert not inside_names(places, "Dublin") and not named(places, "Dublin")


def test_a_legislators_state_after_the_party_letter_is_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The bill was opposed by Rep. Jane Doe, D-N.D., and by "
                                 "Sen. John Roe, R-Elbow Lake, on Tuesday.")
    (state,) = named(places, "N.D")
    assert state.country_code == "US" and state.feature_code == "ADM1"
    (town,) = named(places, "Elbow Lake")
    assert near(town, 45.99, -95.98)


def test_a_county_without_namesakes_in_a_body_name_is_kept_on_its_own(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The fire started in the garage. The Guernsey County Sheriff's "
                                 "Office reported receiving several calls.")
    (county,) = inside_names(places, "Guernsey County")
    assert county.country_code == "US" and near(county, 40.02, -81.61)


def test_a_county_with_namesakes_in_a_body_name_needs_the_article_to_place_it(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The fire started in the garage. The Madison County Sheriff's "
                                 "Office reported receiving several calls.")
    assert not inside_names(places, "Madison County")


def test_a_building_named_after_its_county_is_placed_in_the_county(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "ATHENS, Texas -- A man was arraigned at the Henderson County "
                                 "Jail on Tuesday morning.")
    (county,) = named(places, "Henderson County")
    assert county.feature_code == "ADM2" and near(county, 32.21, -95.84)


def test_a_county_service_cut_short_by_the_tagger_is_placed_in_the_county(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "HAMMOND, La. -- Smoke was reported at 9 p.m. Tangipahoa Parish "
                                 "Fire crews and deputies responded.")
    (parish,) = named(places, "Tangipahoa Parish")
    assert parish.feature_code == "ADM2" and near(parish, 30.69, -90.48)


def test_a_town_the_tagger_missed_is_the_town_of_the_dateline(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "MARIETTA - Officers arrested a teenager on Tuesday after a chase "
                                 "through downtown. Marietta police said the boy had taken his "
                                 "uncle's car.")
    (town,) = named(places, "MARIETTA")
    assert [m.text for m in town.mentions] == ["MARIETTA", "Marietta"]
    assert near(town, 33.95, -84.55)


def test_a_town_ends_where_its_mayors_title_begins(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Flooding closed two roads in Bartow County on Monday. "
                                 "Cartersville Mayor Jane Doe said crews worked through the night.")
    (town,) = named(places, "Cartersville")
    assert [m.text for m in town.mentions] == ["Cartersville"] and near(town, 34.17, -84.80)


def test_a_town_ends_where_its_fire_chiefs_title_begins(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "A barn burned down in Whitfield County on Monday. Dalton Fire "
                                 "Chief John Smith said no one was hurt.")
    (town,) = named(places, "Dalton")
    assert [m.text for m in town.mentions] == ["Dalton"] and near(town, 34.77, -84.97)


def test_a_state_opening_a_name_the_gazetteer_lacks_is_a_name_mention(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Strong winds toppled 13 trucks near Salina, Kan., on Monday. "
                                 "Lt. Mike Murphy of the Kansas Highway Patrol said no one was hurt.")
    (kansas,) = inside_names(places, "Kansas")
    assert kansas.feature_code == "ADM1" and kansas.country_code == "US"
    assert not named(places, "Kansas Highway Patrol")


def test_a_state_closing_a_name_the_gazetteer_lacks_is_a_name_mention(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Voters in Minneapolis, Minnesota, will decide on the levy. The "
                                 "Minnesota House passed the bill on Monday.")
    (state,) = [p for p in places if p.feature_code == "ADM1"]
    assert [m.text for m in state.mentions] == ["Minnesota"]
    assert [m.text for m in state.name_mentions] == ["Minnesota"]
    assert state.name_mentions[0].start > state.mentions[0].start


def test_a_persons_name_is_not_split_into_places(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Sales rose at the dealership in Winter Haven, Florida, last "
                                 "year, said owner Tom Lakeland.")
    assert not inside_names(places, "Lakeland") and not named(places, "Lakeland")
    assert named(places, "Winter Haven")


def test_names_joined_by_a_hyphen_are_places_only_if_both_are(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Fans in South Bend, Indiana, watched the Notre Dame-UConn "
                                 "game on Saturday.")
    assert not inside_names(places, "Notre Dame")
    assert all(p.lat is None for p in named(places, "Notre Dame"))


def test_a_street_named_after_a_town_is_not_the_town(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Residents of Wichita, Kansas, say drivers use Haysville Drive "
                                 "instead of the new road.")
    assert not inside_names(places, "Haysville")
    assert named(places, "Haysville Drive")[0].admin1 == "Kansas"


def test_a_town_qualified_by_a_state_named_like_a_country_is_in_the_state(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Police in Athens, Georgia, arrested a man on Friday.")
    (town,) = named(places, "Athens")
    assert town.country_code == "US" and town.admin1 == "Georgia" and near(town, 33.96, -83.38)
    (state,) = named(places, "Georgia")
    assert state.feature_code == "ADM1"
    (gori,) = named(places_of(pipeline, "Shelling hit Gori, Georgia, on Friday."), "Gori")
    assert gori.country_code == "GE"


def test_a_town_opening_a_bodys_name_the_gazetteer_lacks_is_a_name_mention(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Residents of Dublin, Ohio, met on Monday. A member of the "
                                 "Westerville Historical Society spoke at the meeting.")
    (town,) = inside_names(places, "Westerville")
    assert town.mentions == () and town.admin1 == "Ohio" and near(town, 40.13, -82.93)


def test_the_surname_of_a_person_named_in_full_is_not_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Officers arrived quickly at the house in Huntsville, Texas, "
                                 "said Lt. Wes Altom of the police department. “We took him "
                                 "into custody,” Altom said.")
    assert not named(places, "Altom")
    assert named(places, "Huntsville")


def test_a_leaders_administration_is_not_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Clinton administration pressed Cairo to hold elections, "
                                 "officials in Washington said.")
    assert not named(places, "Clinton")
    assert named(places, "Cairo") and named(places, "Washington")


def test_towns_in_bodies_names_support_each_others_readings(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Athens Police Department arrested a 33-year-old man on "
                                 "Monday. He was booked into the Henderson County Jail on a "
                                 "charge of theft.")
    (county,) = named(places, "Henderson County")
    assert county.admin1 == "Texas" and near(county, 32.21, -95.84)
    (town,) = inside_names(places, "Athens")
    assert town.admin1 == "Texas" and near(town, 32.2, -95.86)


def test_a_state_opening_with_a_direction_stays_whole_in_a_body_name(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Voters in Charleston, West Virginia, rejected the plan. John "
                                 "Melton, attorney for the West Virginia Lottery Commission, said "
                                 "the law requires a hotel.")
    (state,) = [p for p in places if p.feature_code == "ADM1"]
    assert state.name == "West Virginia"
    assert [m.text for m in state.name_mentions] == ["West Virginia"]
    assert not inside_names(places, "Virginia Lottery")


def test_a_dotted_state_abbreviation_opening_a_name_is_its_place(pipeline: Pipeline) -> None:
    text = "the S.C. Highway Patrol and the N.J. Division of Taxation"
    gaz = pipeline.resources.gazetteer
    patrol = Span.of(text, 4, 23)
    assert [text[s:e] for s, e in parts.known_parts(patrol, gaz)] == ["S.C."]
    division = Span.of(text, 32, 47)
    assert [text[s:e] for s, e in parts.known_parts(division, gaz)] == ["N.J."]


def test_a_town_the_tagger_read_as_a_noun_before_a_noun_is_a_place(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The barn burned down on Monday near Litchfield, Connecticut. "
                                 "Torrington firefighters called in several other companies.")
    (town,) = named(places, "Torrington")
    assert town.admin1 == "Connecticut" and near(town, 41.8, -73.12)
    places = places_of(pipeline, "Police said the gunman shot the ambassador in Ankara. "
                                 "Altintas, the gunman, also fired shots in the air.")
    assert not named(places, "Altintas")


def test_a_clear_town_in_a_body_name_stands_in_an_article_with_no_other_place(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The Zionsville Education Foundation received $26,217 on "
                                 "Tuesday, its president said.")
    (town,) = inside_names(places, "Zionsville")
    assert town.admin1 == "Indiana" and town.mentions == ()
    places = places_of(pipeline, "The Athens Police Department is asking for the public's help "
                                 "after vandals damaged two parks.")
    assert not inside_names(places, "Athens")


def test_a_town_named_like_a_country_among_its_neighbours_is_the_town(
        pipeline: Pipeline) -> None:
    places = places_of(pipeline, "Jane Doe, 91, died Thursday at a nursing home in Lebanon. She "
                                 "was formerly of Hershey and Palmyra and a member of the church "
                                 "in Annville.")
    (town,) = named(places, "Lebanon")
    assert town.country_code == "US" and near(town, 40.34, -76.41)
    places = places_of(pipeline, "Israeli jets struck targets in Lebanon on Thursday, officials "
                                 "in Beirut and Tyre said.")
    (country,) = named(places, "Lebanon")
    assert country.feature_code == "PCLI" and country.country_code == "LB"


def test_a_country_name_before_state_is_the_namesake_division(pipeline: Pipeline) -> None:
    places = places_of(pipeline, "The new highway runs from the Kentucky border to the Georgia "
                                 "state line, officials said.")
    (georgia,) = named(places, "Georgia")
    assert georgia.country_code == "US" and georgia.feature_code == "ADM1"
    places = places_of(pipeline, "Gunmen killed four people in Mexico state on Sunday, "
                                 "prosecutors said.")
    (mexico,) = named(places, "Mexico")
    assert mexico.country_code == "MX" and mexico.feature_code == "ADM1"
