"""People and organizations on short texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.ingest import make_document
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def _extract(pipeline: Pipeline, text: str):
    return pipeline.extract(make_document(text, "test"))


def _person(extraction, surname: str):
    hits = [p for p in extraction.people if surname in p.name]
    assert len(hits) == 1, [p.name for p in extraction.people]
    return hits[0]


def test_byline_author_is_a_person_with_role_author(pipeline: Pipeline) -> None:
    text = (
        "Maria Fontaine - Beirut\n\n"
        "Heavy rain flooded several districts of the city on Monday, officials said, "
        "and schools were closed for the rest of the week.\n"
    )
    author = _person(_extract(pipeline, text), "Fontaine")
    assert author.name == "Maria Fontaine"
    assert author.role == "author"


def test_premodifier_gives_role_and_nationality(pipeline: Pipeline) -> None:
    text = (
        "Greek economist and political analyst Nikos Papadakis told Reuters that "
        "the new budget would not pass. Papadakis added that the vote could be delayed.\n"
    )
    person = _person(_extract(pipeline, text), "Papadakis")
    assert person.role == "economist and political analyst"
    assert person.nationality == "GRC"
    assert len(person.mentions) == 2
    assert person.evidence is not None and "political analyst" in person.evidence.text


def test_short_form_and_misspelling_merge_into_one_person(pipeline: Pipeline) -> None:
    text = (
        "The lawyer Samir Haddad Rahmouni said the trial was unfair. "
        "Haddad Rahmouni told reporters the court ignored the evidence.\n\n"
        "Rahmuni later said he would appeal the ruling before the end of the month.\n"
    )
    person = _person(_extract(pipeline, text), "Rahmouni")
    assert person.name == "Samir Haddad Rahmouni"
    assert "Rahmuni" in person.aliases
    assert len(person.mentions) == 3


def test_different_surnames_stay_apart(pipeline: Pipeline) -> None:
    text = "Defence Minister Paul Berger met Interior Minister Anna Becker in Vienna on Friday.\n"
    extraction = _extract(pipeline, text)
    names = sorted(p.name for p in extraction.people)
    assert names == ["Anna Becker", "Paul Berger"]


def test_affiliation_from_a_media_premodifier(pipeline: Pipeline) -> None:
    text = (
        "Local reporters - including a correspondent for the French weekly \"Le Point\" "
        "for African affairs Claire Dubois - believe the talks will fail.\n"
    )
    extraction = _extract(pipeline, text)
    person = _person(extraction, "Dubois")
    assert person.role == "correspondent"
    assert person.affiliation == "Le Point"
    media = [o for o in extraction.organizations if o.name == "Le Point"]
    assert media and media[0].kind == "media"


def test_gapped_title_is_shared_by_the_second_name(pipeline: Pipeline) -> None:
    text = (
        "The dispute will be discussed at a summit of French President Jean Morel "
        "and German Karl Weber next month.\n"
    )
    extraction = _extract(pipeline, text)
    weber = _person(extraction, "Weber")
    assert weber.role == "president"
    assert weber.nationality == "DEU"
    assert _person(extraction, "Morel").nationality == "FRA"


def test_caption_credit_is_a_media_organization(pipeline: Pipeline) -> None:
    text = (
        "Rescue teams searched the rubble of the market for a second day, the civil "
        "defence service said on Tuesday.\n\n"
        "Rescuers search the rubble of the destroyed market (Reuters)\n\n"
        "The service said more teams would arrive from the capital on Wednesday.\n"
    )
    extraction = _extract(pipeline, text)
    credit = [o for o in extraction.organizations if o.name == "Reuters"]
    assert credit and credit[0].kind == "media"
    assert all(m.text == "Reuters" for m in credit[0].mentions)


def test_name_before_a_geographic_noun_is_not_a_person(pipeline: Pipeline) -> None:
    text = (
        "Fighting moved towards the Kafr Halab-Tal Hadya triangle on Sunday, "
        "residents said.\n"
    )
    extraction = _extract(pipeline, text)
    assert not any("Hadya" in p.name for p in extraction.people)


def test_group_names_with_organization_words_are_organizations(pipeline: Pipeline) -> None:
    text = (
        "Fighters from Liwa al-Fajr and the Northern Shield Brigade attacked a checkpoint "
        "on Monday, the monitoring group said.\n"
    )
    extraction = _extract(pipeline, text)
    assert not any("Liwa" in p.name or "Brigade" in p.name for p in extraction.people)


def test_transliterated_place_names_are_not_people(pipeline: Pipeline) -> None:
    text = (
        "Government troops entered Tal Sahran and Kafr Dael on Sunday after two days of "
        "clashes, residents told reporters.\n"
    )
    extraction = _extract(pipeline, text)
    assert not any(p.name.startswith(("Tal ", "Kafr ")) for p in extraction.people)


def test_a_lone_name_without_role_or_action_is_not_a_person(pipeline: Pipeline) -> None:
    text = "Crowds gathered near Palmyra on Friday as the festival opened.\n"
    extraction = _extract(pipeline, text)
    assert [p.name for p in extraction.people] == []


def test_a_public_figure_without_a_title_gets_the_office_held_on_the_date(
    pipeline: Pipeline,
) -> None:
    text = "Angela Merkel arrived in Paris on Tuesday for talks on the budget dispute.\n"
    doc = make_document(text, "t", published="2012-05-15")
    person = _person(pipeline.extract(doc), "Merkel")
    assert person.nationality == "DEU"
    assert person.role == "chancellor"


def test_the_text_s_own_role_wins_over_the_dictionary(pipeline: Pipeline) -> None:
    text = "The veteran diplomat Kofi Annan spoke at the university on Friday.\n"
    person = _person(_extract(pipeline, text), "Annan")
    assert person.role == "diplomat"


def test_a_country_glued_to_a_name_does_not_take_later_mentions(pipeline: Pipeline) -> None:
    text = (
        "Jonas Egypt wrote the report.\n\n"
        "Egypt said on Monday that the border crossing would reopen next week.\n"
    )
    extraction = _extract(pipeline, text)
    for person in extraction.people:
        assert all(m.start < 20 for m in person.mentions), person


# --- towns the tagger takes for people or organizations ---------------------------------


def test_a_town_tagged_as_a_person_is_left_to_the_places_stage(pipeline: Pipeline) -> None:
    text = ("Residents said Inkhil was hit by at least six air strikes overnight in southern "
            "Syria. Inkhil lies north of Daraa city.\n")
    x = _extract(pipeline, text)
    assert not [p.name for p in x.people if "Inkhil" in p.name]
    assert any(m.text == "Inkhil" for p in x.places for m in p.mentions)


def test_a_town_tagged_as_an_organization_is_left_to_the_places_stage(pipeline: Pipeline) -> None:
    text = ("Government aircraft struck Talbiseh on Tuesday, local activists said. Talbiseh has "
            "been shelled for weeks, and residents of Homs province in central Syria fled west "
            "toward the coast.\n")
    x = _extract(pipeline, text)
    assert not [o.name for o in x.organizations if "Talbiseh" in o.name]
    assert any(m.text == "Talbiseh" for p in x.places for m in p.mentions)


def test_common_given_names_stay_people_where_towns_bear_them(pipeline: Pipeline) -> None:
    text = ("Coach Dana Whitfield said Tyler wrestled well on Saturday in Texas. Tyler won his "
            "match 7-2, and Mark lost in overtime.\n")
    names = {p.name for p in _extract(pipeline, text).people}
    assert {"Tyler", "Mark"} <= names


def test_a_town_name_with_a_role_is_a_person(pipeline: Pipeline) -> None:
    text = "Aid worker Karim Douma said the clinic in Aleppo, Syria, had run out of insulin.\n"
    assert _person(_extract(pipeline, text), "Douma").role is not None


def test_streets_are_not_people(pipeline: Pipeline) -> None:
    text = ("Lane closures on Harriet Drive and Walter Road will last through Friday, the city "
            "of Athens, Georgia, said. Crews closed Edith Drive between Oak Street and Pine "
            "Avenue on Tuesday.\n")
    assert [p.name for p in _extract(pipeline, text).people] == []


def test_census_names_are_known_and_town_names_are_not() -> None:
    from eventwire.extract.names import is_common_surname, is_given_name

    assert is_given_name("Sharon") and is_given_name("mark")
    assert is_common_surname("Keller") and not is_given_name("Keller")
    assert not is_given_name("Binnish") and not is_common_surname("Binnish")


def test_a_lane_after_a_house_number_is_a_street_not_a_person(pipeline: Pipeline) -> None:
    text = ("Firefighters were called to a house at 14 Wren Lane in Ohio on Sunday. No one was "
            "hurt, the fire chief said.\n")
    assert [p.name for p in _extract(pipeline, text).people] == []


def test_a_surname_that_ends_streets_stays_a_person_who_speaks(pipeline: Pipeline) -> None:
    text = ("Rebecca Lane told reporters in Ohio on Monday that the school would reopen. "
            "Lane said repairs were finished.\n")
    assert _person(_extract(pipeline, text), "Lane").name == "Rebecca Lane"


def test_a_capital_that_says_is_a_government_not_a_person(pipeline: Pipeline) -> None:
    text = ("The streets of the rebel capital were empty, and Tbilisi says the separatist leader "
            "has fled to Russia.\n")
    assert [p.name for p in _extract(pipeline, text).people] == []


def test_a_lane_in_the_block_of_is_a_street(pipeline: Pipeline) -> None:
    text = "A man was hurt in the 1800 block of Mabel Lane in Texas on Saturday, police said.\n"
    assert [p.name for p in _extract(pipeline, text).people] == []


def test_a_word_of_a_full_name_in_the_article_stays_a_person(pipeline: Pipeline) -> None:
    text = ("Chinese envoy Xian Wenhua arrived in Beijing on Monday for talks in China. Xian had "
            "demanded wider access for the inspectors.\n")
    names = [p.name for p in _extract(pipeline, text).people]
    assert "Xian" in names, names


def test_a_common_name_put_in_a_town_is_the_town(pipeline: Pipeline) -> None:
    text = ("Flooding closed two schools in Madison, and the Wisconsin governor said Madison "
            "would get state aid.\n")
    assert [p.name for p in _extract(pipeline, text).people] == []


def test_a_clause_after_the_comma_is_not_an_apposition() -> None:
    from eventwire.extract.roles import find_role
    from eventwire.records import Span

    text = "Aid reached Corinne Vallet, and the regional governor said more would follow."
    start = text.index("Corinne")
    assert find_role(text, Span.of(text, start, start + len("Corinne Vallet")), None) is None
    text = "Corinne Vallet, the regional governor, said more would follow."
    found = find_role(text, Span.of(text, 0, len("Corinne Vallet")), None)
    assert found is not None and found.role == "governor"


def test_a_public_figure_s_bare_surname_is_a_person_as_an_agent_or_object(
    pipeline: Pipeline,
) -> None:
    text = ("The two activists were pardoned on Monday by Lukashenko. "
            "The delegation will meet Putin in Sochi.\n")
    extraction = _extract(pipeline, text)
    assert _person(extraction, "Lukashenko").nationality == "BLR"
    assert _person(extraction, "Putin").nationality == "RUS"


def test_a_bare_surname_far_from_the_figure_s_years_needs_other_support(
    pipeline: Pipeline,
) -> None:
    text = "The two activists were pardoned on Monday by Obama.\n"
    dated = pipeline.extract(make_document(text, "t", published="1990-05-15"))
    assert [p.name for p in dated.people] == []
    undated = _extract(pipeline, text)
    assert _person(undated, "Obama").nationality == "USA"


@pytest.mark.parametrize(("text", "name", "country"), [
    # A US state that shares its name with a country, in a story set in the US.
    ("The Georgia Bureau of Investigation arrested a man in Macon on Tuesday.",
     "Georgia Bureau of Investigation", "USA"),
    ("ATLANTA - The University of Georgia said on Monday it would raise tuition.",
     "University of Georgia", "USA"),
    # The same name in a story that shows the country keeps the country.
    ("The Georgian Interior Ministry said in Tbilisi that the University of Georgia "
     "would close.", "University of Georgia", "GEO"),
    # "New Mexico" is not Mexico.
    ("New Mexico State University said on Friday that its students were safe.",
     "New Mexico State University", None),
    ("The Mexican Interior Ministry said on Friday it was investigating.",
     "Mexican Interior Ministry", "MEX"),
])
def test_organization_country_reads_the_story_around_an_ambiguous_name(
        pipeline: Pipeline, text: str, name: str, country: str | None) -> None:
    orgs = {o.name: o for o in _extract(pipeline, text).organizations}
    assert orgs[name].country == country


@pytest.mark.parametrize(("text", "facility"), [
    ("Bert Hollis Airport reopened on Monday after the storm.", "Bert Hollis Airport"),
    ("Fans left Anderson Arena after the blast, police said.", "Anderson Arena"),
])
def test_a_facility_the_tagger_took_for_a_person_is_no_person(
        pipeline: Pipeline, text: str, facility: str) -> None:
    assert facility not in {p.name for p in _extract(pipeline, text).people}


def test_an_international_body_takes_a_country_only_from_its_own_name(
        pipeline: Pipeline) -> None:
    text = ("A Latvian woman who joined Islamic State said she wanted to go home. "
            "Turkish Red Crescent workers said aid had arrived.")
    orgs = {o.name: o.country for o in _extract(pipeline, text).organizations}
    assert orgs.get("Islamic State", "missing") is None
    assert any(country == "TUR" for name, country in orgs.items() if "Red Crescent" in name)


@pytest.mark.parametrize(("text", "name"), [
    ("The lawyer for Hoda Malik said she wanted to return home.", "Hoda Malik"),
    ("A spokesman for Omar Haddad said he had left the country.", "Omar Haddad"),
])
def test_a_role_toward_someone_is_not_their_role(
        pipeline: Pipeline, text: str, name: str) -> None:
    people = {p.name: p for p in _extract(pipeline, text).people}
    assert people[name].role is None


@pytest.mark.parametrize(("text", "name"), [
    # a street, a water, a site: the name's own last or first word says so
    ("Shops along Royal Street reopened on Friday, the owners said.", "Royal Street"),
    ("Volunteers will clean up the Kanawha River near Canaan Valley on Saturday.",
     "Kanawha River"),
    ("Fighters patrolled the Oxford Street of Raqqa, the main shopping road, on Sunday.",
     "Oxford Street of Raqqa"),
    ("Aid workers reached Village Malakal on Tuesday after days of fighting in South Sudan.",
     "Village Malakal"),
    # a town the text puts things in, though "al-" opens group names too
    ("Thousands of women and children are held in al-Hawl, a camp in north-east Syria, "
     "officials said.", "al-Hawl"),
])
def test_a_place_the_tagger_took_for_an_organization_is_no_organization(
        pipeline: Pipeline, text: str, name: str) -> None:
    assert name not in {o.name for o in _extract(pipeline, text).organizations}


def test_a_town_named_like_a_body_is_left_to_places(pipeline: Pipeline) -> None:
    # "Bank" heads bank names, but the tagger calls the same name a place elsewhere.
    text = ("Traffic in East Bank was slow on Monday because of a mudslide, "
            "East Bank Mayor Chuck Blair said.")
    extraction = _extract(pipeline, text)
    assert "East Bank" not in {o.name for o in extraction.organizations}
    assert "East Bank" in {p.name for p in extraction.places}


@pytest.mark.parametrize(("text", "name"), [
    ("The Friends of the New Concord Reservoir will meet on Monday to plan the cleanup.",
     "Friends of the New Concord Reservoir"),
    ("Dell Inc said on Monday it would cut jobs in Texas.", "Dell Inc"),
])
def test_a_body_named_after_a_place_stays_an_organization(
        pipeline: Pipeline, text: str, name: str) -> None:
    assert name in {o.name for o in _extract(pipeline, text).organizations}


def test_a_surname_does_not_take_the_county_named_after_it(pipeline: Pipeline) -> None:
    text = ("Civil rights leader Xernona Clayton founded the award. Six Clayton County "
            "students were honored on Friday, Clayton said.")
    person = _person(_extract(pipeline, text), "Clayton")
    county = text.index("Clayton County")
    assert all(not (m.start <= county < m.end) for m in person.mentions)
    assert len(person.mentions) == 2


def test_a_county_office_glued_to_a_name_is_the_role(pipeline: Pipeline) -> None:
    text = ("When Laurel County Clerk Dean Johnson was inducted into the hall, "
            "he thanked his wife.")
    person = _person(_extract(pipeline, text), "Johnson")
    assert person.name == "Dean Johnson"
    assert person.role == "clerk"


@pytest.mark.parametrize(("text", "town"), [
    # residents of the town elsewhere in the article: a town "says no" as a person would
    ("About 50 Mansfield residents marched on Friday against the new tax. Mansfield says "
     "no to the tax, one marcher told reporters.", "Mansfield"),
    # "Greer Station" is a place named after the town, not a full name "Greer" is short for
    ("Greer's city limits reach the lake. Greer Station has 40 old buildings, and Greer "
     "also has a new park.", "Greer"),
])
def test_a_name_the_article_uses_as_a_town_is_no_person(
        pipeline: Pipeline, text: str, town: str) -> None:
    extraction = _extract(pipeline, text)
    assert town not in {p.name for p in extraction.people}
    assert town in {p.name for p in extraction.places}


def test_a_town_whose_mayor_speaks_is_no_organization(pipeline: Pipeline) -> None:
    text = ("Oakdale Mayor Ann Fisher said the bridge would reopen. Oakdale is expected to "
            "vote on the budget in May.")
    extraction = _extract(pipeline, text)
    assert "Oakdale" not in {o.name for o in extraction.organizations}
    assert _person(extraction, "Fisher").role == "mayor"


def test_a_leaders_men_do_not_make_a_town_of_the_leader(pipeline: Pipeline) -> None:
    text = ("Forces loyal to Omar Haddad attacked the town on Friday. Haddad's men held the "
            "bridge, and Haddad said the offensive would go on.")
    assert _person(_extract(pipeline, text), "Haddad").name == "Omar Haddad"


@pytest.mark.parametrize(("text", "name"), [
    # a dateline names the town the story was filed from
    ("Budget cuts loom.\n\nCLINTON — A town couple was charged with drug counts on Friday, "
     "police said.", "CLINTON"),
    # a "Lane" joined to a street's name is a street
    ("Crews will close Danielsville Road between Berry Lane and Lombardy Drive on Monday.",
     "Berry Lane"),
])
def test_a_town_or_street_by_its_place_in_the_text_is_no_person(
        pipeline: Pipeline, text: str, name: str) -> None:
    assert name not in {p.name for p in _extract(pipeline, text).people}


def test_names_sharing_a_plural_place_noun_are_no_organization(pipeline: Pipeline) -> None:
    text = "Johnson and Wyandotte counties led the state last year, officials said."
    assert "Wyandotte" not in {o.name for o in _extract(pipeline, text).organizations}


def test_people_named_side_by_side_stay_people(pipeline: Pipeline) -> None:
    text = ("Mary Jones and Paul Smith said on Monday they would run for the school board "
            "in Springfield.")
    assert {"Mary Jones", "Paul Smith"} <= {p.name for p in _extract(pipeline, text).people}


def test_a_preposition_the_tagger_glued_on_is_not_part_of_the_name(pipeline: Pipeline) -> None:
    text = "Beyond Madinaty, the club runs academies in Alexandria and Tanta, Khaled said."
    assert "Beyond Madinaty" not in {p.name for p in _extract(pipeline, text).people}


def test_a_town_after_a_station_is_no_media_name(pipeline: Pipeline) -> None:
    text = "Two men robbed the gas station in Riverdale, the sheriff said."
    assert "Riverdale" not in {o.name for o in _extract(pipeline, text).organizations}


def test_a_name_ends_at_a_spaced_dash(pipeline: Pipeline) -> None:
    text = ("Green groups sought recounts in two states narrowly won by Mr Trump - Wisconsin "
            "and Pennsylvania - as well as Michigan. One official in Wisconsin said they "
            "were ready.")
    extraction = _extract(pipeline, text)
    assert all("Wisconsin" not in m.text for p in extraction.people for m in p.mentions)
    assert "Wisconsin" in {p.name for p in extraction.places}


def test_a_named_area_is_no_organization(pipeline: Pipeline) -> None:
    text = "House prices are expected to slow in the Greater Toronto Area, the bank said."
    assert "Greater Toronto Area" not in {o.name for o in _extract(pipeline, text).organizations}
