"""Public figures: the packaged table is consistent, and lookups by name, office and date are right."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from eventwire.resolve import dictionaries as d
from eventwire.resolve import figures as f
from eventwire.resolve.dictionaries import DictionaryError

HEADER = "name\taliases\tcountry\toffice\tstart\tend\tsector\n"
ERDOGAN = "Recep Tayyip Erdogan"


def names(text: str) -> list[str]:
    return [m.group() for m in f.name_pattern().finditer(text)]


def holder(country: str, office: str, on: date | None) -> str | None:
    row = f.office_holder(country, office, on)
    return row.name if row else None


# ----------------------------------------------------------------- the packaged table


def test_table_is_large_and_covers_its_regions() -> None:
    rows = f.figures()
    assert 300 <= len(rows) <= 1500
    required = "USA RUS CHN TUR IRN IRQ SYR ISR PSE LBN EGY SAU UKR AFG PAK PRK SDN SSD MMR"
    for code in required.split():
        assert any(r.country == code for r in rows), code


def test_every_row_has_ordered_dates() -> None:
    bad = [r.origin for r in f.figures() if r.start and r.end and r.end < r.start]
    assert bad == []


def test_terms_of_one_office_do_not_overlap() -> None:
    # A handover day may be listed as both the last day of one term and the first of the
    # next; any longer overlap means two holders for one date, a data error.
    by_office: dict[tuple[str, str], list[f.Figure]] = defaultdict(list)
    for row in f.figures():
        if row.start is not None:
            by_office[(row.country, f.office_key(row.country, row.office))].append(row)
    overlaps = []
    for rows in by_office.values():
        rows.sort(key=lambda r: r.start or date.min)
        for i, earlier in enumerate(rows):
            for later in rows[i + 1 :]:
                assert later.start is not None
                end = earlier.end or date.max
                if end > later.start and (end - later.start).days > 1:
                    overlaps.append((earlier.origin, later.origin))
    assert overlaps == []


def test_every_country_code_is_known_or_international() -> None:
    unknown = [
        (r.origin, r.country)
        for r in f.figures()
        if d.country_by_iso3(r.country) is None and not f.is_international_code(r.country)
    ]
    assert unknown == []


def test_every_office_is_a_role_and_every_sector_a_cameo_code() -> None:
    assert all(d.role_by_phrase(r.office) is not None for r in f.figures())
    assert all(r.sector in d.SECTORS for r in f.figures())


def test_every_name_and_unambiguous_alias_leads_back_to_its_person() -> None:
    wrong = []
    for row in f.figures():
        for text in (row.name, *row.aliases):
            found = f.figure_by_name(text)
            if text not in row.weak and (not found or found[0].name != row.name):
                wrong.append((row.name, text))
    assert wrong == []


# ----------------------------------------------------------------- names


def test_full_name_spellings_and_listed_surname_find_all_terms() -> None:
    for text in (ERDOGAN, "Recep Tayyip Erdoğan", "erdogan", "ERDOGAN", "Tayyip Erdogan"):
        rows = f.figure_by_name(text)
        assert {r.office for r in rows} == {"prime minister", "president"}, text
        assert {r.name for r in rows} == {ERDOGAN}


def test_unlisted_surnames_and_first_names_match_nothing() -> None:
    # "Hariri" is two prime ministers (father and son), "Joe" is anyone.
    for text in ("Hariri", "Kabila", "Joe", "Vladimir", "Recep"):
        assert f.figure_by_name(text) == (), text


def test_acronym_alias_needs_capitals() -> None:
    assert f.figure_by_name("MBS")[0].name == "Mohammed bin Salman"
    assert f.figure_by_name("mbs") == ()


def test_hyphens_and_particles_are_matched_loosely() -> None:
    assert f.figure_by_name("Bashar Al Assad")[0].name == "Bashar al-Assad"
    assert f.figure_by_name("Abu Mohammed al Jolani")[0].name == "Ahmed al-Sharaa"


# ----------------------------------------------------------------- offices by date


def test_erdogan_offices_by_date() -> None:
    president = f.office_on(ERDOGAN, date(2019, 9, 1))
    premier = f.office_on("Erdogan", date(2010, 1, 1))
    assert president is not None and (president.country, president.office) == ("TUR", "president")
    assert premier is not None and (premier.country, premier.office) == ("TUR", "prime minister")
    assert f.office_on("Erdogan", date(1999, 1, 1)) is None


def test_office_on_without_date_is_the_latest_term() -> None:
    latest = f.office_on("Erdogan", None)
    assert latest is not None and latest.office == "president"


def test_office_on_prefers_the_higher_of_two_concurrent_offices() -> None:
    # Crown prince since 2017, prime minister since 2022-09-27.
    assert f.office_on("Mohammed bin Salman", date(2023, 1, 1)).office == "prime minister"  # type: ignore[union-attr]
    assert f.office_on("Mohammed bin Salman", date(2020, 1, 1)).office == "crown prince"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("country", "office", "on", "expected"),
    [
        ("TUR", "president", date(2019, 9, 1), ERDOGAN),
        ("TUR", "prime minister", date(2010, 1, 1), ERDOGAN),
        ("RUS", "president", date(2010, 1, 1), "Dmitry Medvedev"),
        ("RUS", "president", date(2013, 1, 1), "Vladimir Putin"),
        ("USA", "president", date(2021, 6, 1), "Joe Biden"),
        ("USA", "president", date(2019, 6, 1), "Donald Trump"),
        # National titles and spellings name the same office.
        ("USA", "Secretary of State", date(2021, 6, 1), "Antony Blinken"),
        ("USA", "foreign minister", date(2021, 6, 1), "Antony Blinken"),
        ("GBR", "Foreign Minister", date(2020, 1, 1), "Dominic Raab"),
        ("CHN", "prime minister", date(2015, 1, 1), "Li Keqiang"),
        ("GBR", "monarch", date(2023, 1, 1), "Charles III"),
        ("IGOUNO", "secretary general", date(2010, 1, 1), "Ban Ki-moon"),
        ("SYR", "president", date(2025, 6, 1), "Ahmed al-Sharaa"),
        ("SYR", "president", date(2024, 12, 20), None),  # no president between Assad and Sharaa
        ("TUR", "president", date(1990, 1, 1), "Turgut Özal"),
        ("RUS", "leader", date(1988, 6, 1), "Mikhail Gorbachev"),  # Soviet offices are RUS
        ("RUS", "foreign minister", date(1991, 6, 1), "Alexander Bessmertnykh"),
        ("GBR", "prime minister", date(1985, 1, 1), "Margaret Thatcher"),
        ("ISR", "prime minister", date(1985, 1, 1), "Shimon Peres"),
        ("TUR", "president", date(1975, 1, 1), None),  # before the data
        ("FRA", "emperor", date(2020, 1, 1), None),
    ],
)
def test_office_holder_on_a_date(country: str, office: str, on: date, expected: str | None) -> None:
    assert holder(country, office, on) == expected


def test_handover_day_returns_the_incoming_holder() -> None:
    # Erdogan left the premiership and became president on 2014-08-28.
    assert holder("TUR", "president", date(2014, 8, 28)) == ERDOGAN
    assert holder("TUR", "prime minister", date(2014, 8, 28)) == "Ahmet Davutoglu"
    assert holder("TUR", "president", date(2014, 8, 27)) == "Abdullah Gül"


def test_without_a_date_only_a_sole_holder_is_returned() -> None:
    assert holder("TUR", "president", None) is None
    assert holder("USA", "president", None) is None
    assert holder("JOR", "king", None) is None  # Hussein, then Abdullah II
    assert holder("UGA", "president", None) == "Yoweri Museveni"


def test_row_with_unknown_start_never_answers_a_dated_question() -> None:
    # Meshaal led Hamas's political bureau from 1996; the file leaves the day empty.
    meshaal = f.figure_by_name("Khaled Meshaal")
    assert meshaal and meshaal[0].start is None
    assert holder("PSE", "leader", date(2010, 1, 1)) is None
    assert holder("PSE", "leader", date(2020, 1, 1)) == "Ismail Haniyeh"


# ----------------------------------------------------------------- finding names in text


def test_name_pattern_finds_full_names_in_a_sentence() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan spoke by phone with Russian President "
        "Vladimir Putin on Tuesday about the grain deal."
    )
    assert names(text) == [ERDOGAN, "Vladimir Putin"]


def test_name_pattern_respects_word_boundaries() -> None:
    assert names("Analysts call it Putinism, after Vladimir Putinov.") == []
    assert names("the Vladimir Putin-era policy") == ["Vladimir Putin"]


def test_name_pattern_prefers_the_longest_name() -> None:
    assert names("Recep Tayyip Erdogan and Tayyip Erdogan") == [ERDOGAN, "Tayyip Erdogan"]


def test_name_pattern_tolerates_spelling_variants() -> None:
    assert names("Kim Jong Un and Kim Jong-un") == ["Kim Jong Un", "Kim Jong-un"]
    assert names("Gideon Sa’ar said") == ["Gideon Sa’ar"]
    assert names("Recep Tayyıp Erdogan") == ["Recep Tayyıp Erdogan"]
    assert names("Mohammed Bin Salman") == ["Mohammed Bin Salman"]


def test_name_pattern_is_case_sensitive_and_skips_single_words() -> None:
    assert names("vladimir putin") == []
    assert names("Putin said") == []  # single-word aliases are left to the tagger


# ----------------------------------------------------------------- malformed files


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "figures.tsv"
    path.write_text("# a comment\n" + HEADER + body, encoding="utf-8")
    return path


GOOD = "Jane Doe\tDoe\tTUR\tpresident\t2001-01-01\t2002-01-01\tGOV\n"


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    body = GOOD + "Jane Doe\tJ. Doe\tTUR\tprime minister\t2002-01-01\t\tGOV\n"
    rows = f.load_figures(write(tmp_path, body))
    assert [r.office for r in rows] == ["president", "prime minister"]
    assert rows[0].aliases == ("Doe", "J. Doe")  # aliases are pooled over the person's rows
    assert rows[1].end is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Jane Doe\t\tTUR\tpresident\t2001-13-01\t\tGOV\n", "not a valid date"),
        ("Jane Doe\t\tTUR\tpresident\t1/1/2001\t\tGOV\n", "not a YYYY-MM-DD date"),
        ("Jane Doe\t\tTUR\tpresident\t2001-01-01\tGOV\n", "7 tab-separated columns"),
        ("Jane Doe\t\tTUR\tpresident\t2005-01-01\t2001-01-01\tGOV\n", "before start"),
        ("Jane Doe\t\tturkey\tpresident\t2001-01-01\t\tGOV\n", "ISO3"),
        ("Jane Doe\t\tTUR\tPresident\t2001-01-01\t\tGOV\n", "lower case"),
        ("Jane Doe\t\tTUR\tpresident\t2001-01-01\t\tXYZ\n", "CAMEO"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message) as info:
        f.load_figures(write(tmp_path, GOOD + row))
    assert info.value.origin == "figures.tsv, line 4"


def test_unknown_country_and_office_are_rejected_when_checked(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    with pytest.raises(DictionaryError, match="not a known ISO3"):
        f.load_figures(path, known_countries=frozenset({"USA"}))
    with pytest.raises(DictionaryError, match="not a role"):
        f.load_figures(path, known_offices=frozenset({"king"}))


def test_wrong_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "figures.tsv"
    path.write_text("name\taliases\tcountry\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="expected header"):
        f.load_figures(path)


def test_alias_naming_two_people_is_an_error_unless_weak(tmp_path: Path) -> None:
    clash = GOOD + "John Doe\tDoe\tUSA\tpresident\t2001-01-01\t\tGOV\n"
    with pytest.raises(DictionaryError, match="more than one person"):
        f.load_figures(write(tmp_path, clash))
    # Marked weak on both, the alias loads but is ambiguous.
    both_weak = clash.replace("\tDoe\t", "\t~Doe\t")
    assert len(f.load_figures(write(tmp_path, both_weak))) == 2


def test_leaders_before_2000_resolve_by_name_and_surname() -> None:
    for text, country in (("Boris Yeltsin", "RUS"), ("Yeltsin", "RUS"), ("Thatcher", "GBR"),
                          ("Francois Mitterrand", "FRA"), ("Helmut Kohl", "DEU"),
                          ("Slobodan Milosevic", "SRB"), ("Nelson Mandela", "ZAF"),
                          ("Rafsanjani", "IRN"), ("King Hussein", "JOR")):
        rows = f.figure_by_name(text)
        assert rows and rows[-1].country == country, text
    # A surname two leaders share stays unlisted.
    assert f.figure_by_name("Bhutto") == () and f.figure_by_name("Castro") == ()


# ----------------------------------------------------------------- bare surnames by date


def test_a_bare_surname_names_its_figure_when_the_date_is_unknown() -> None:
    assert f.figure_in_news("Putin", None)[0].name == "Vladimir Putin"
    assert f.figure_in_news("Lukashenko", None)[0].country == "BLR"


def test_a_bare_surname_names_its_figure_in_office_and_within_the_margin() -> None:
    assert f.figure_in_news("Obama", date(2015, 6, 9))[0].name == "Barack Obama"
    # A candidate a year before taking office, a former president a year after leaving.
    assert f.figure_in_news("Obama", date(2008, 3, 1))
    assert f.figure_in_news("Obama", date(2018, 1, 1))


def test_a_bare_surname_names_no_one_far_from_the_figure_s_years() -> None:
    assert f.figure_in_news("Obama", date(1995, 1, 1)) == ()
    assert f.figure_in_news("Obama", date(2025, 1, 1)) == ()


def test_a_full_name_names_its_figure_whatever_the_date() -> None:
    assert f.figure_in_news("Barack Obama", date(1995, 1, 1))[0].name == "Barack Obama"


def test_a_surname_two_people_share_names_no_one_on_any_date() -> None:
    shared = "Hariri"  # the header says shared family names are not listed
    assert f.figure_in_news(shared, None) == ()
    assert f.figure_in_news(shared, date(2010, 1, 1)) == ()


def test_the_margin_is_applied_from_a_loaded_table(tmp_path: Path) -> None:
    path = tmp_path / "figures.tsv"
    path.write_text(HEADER + "Ana Ruiz\tRuiz\tESP\tprime minister\t2004-04-17\t2011-12-21\tGOV\n",
                    encoding="utf-8")
    (row,) = f.load_figures(path)
    assert f._near(row, date(2003, 1, 1)) and f._near(row, date(2013, 6, 1))
    assert not f._near(row, date(2001, 1, 1)) and not f._near(row, date(2014, 6, 1))


def test_in_the_margin_a_relative_in_office_takes_the_surname() -> None:
    # The father held the office until mid-2000; the son's margin reaches back to 1998.
    assert f.figure_in_news("Assad", date(1999, 1, 1)) == ()
    assert f.figure_in_news("Assad", date(2001, 1, 1))[0].name == "Bashar al-Assad"
    # A margin day with no namesake in office still names the figure.
    assert f.figure_in_news("Putin", date(1998, 6, 1))[0].name == "Vladimir Putin"
