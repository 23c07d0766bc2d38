"""The actor dictionaries: the packaged tables are well formed and lookups mean what news means."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.resolve import dictionaries as d
from eventwire.resolve.dictionaries import DictionaryError

COUNTRY_HEADER = "iso3\tiso2\tname\tnames\tadjectives\tdemonyms\tcapitals\tmetonyms\n"
ORG_HEADER = "name\taliases\tkind\tcountry\tcode\tcredit_aliases\n"


def iso3(country: d.Country | None) -> str | None:
    return country.iso3 if country else None


# ----------------------------------------------------------------- the packaged tables


def test_iso_codes_are_well_formed_and_unique() -> None:
    rows = d.countries()
    assert all(re.fullmatch(r"[A-Z]{3}", c.iso3) for c in rows)
    assert all(re.fullmatch(r"[A-Z]{2}", c.iso2) for c in rows)
    assert len({c.iso3 for c in rows}) == len(rows)
    assert len({c.iso2 for c in rows}) == len(rows)


def test_covers_un_members_and_named_territories() -> None:
    rows = d.countries()
    assert len(rows) >= 200  # 193 UN members plus observers and territories
    for code in ("PSE", "XKX", "TWN", "ESH", "HKG", "VAT", "SSD", "TLS", "KIR", "TUV", "CIV"):
        assert d.country_by_iso3(code) is not None, code


def test_every_country_has_an_adjective() -> None:
    missing = [c.iso3 for c in d.countries() if not c.adjectives]
    assert missing == []


def test_strong_country_words_lead_back_to_their_country() -> None:
    # A word that silently resolves to another row would code people with the wrong
    # nationality; weak ('~') words are the declared exceptions.
    wrong = []
    for c in d.countries():
        for word in (c.name, *c.names, *c.adjectives, *c.demonyms):
            if word not in c.weak and d.country_by_word(word) != c:
                wrong.append((c.iso3, word, iso3(d.country_by_word(word))))
    assert wrong == []


def test_every_organization_name_and_alias_resolves_to_itself() -> None:
    wrong = []
    for org in d.organizations():
        for text in (org.name, *org.aliases):
            if text not in org.weak and d.organization_by_name(text) != org:
                wrong.append((org.name, text))
    assert wrong == []


def test_organization_countries_are_known_countries() -> None:
    for org in d.organizations():
        assert org.country is None or d.country_by_iso3(org.country) is not None, org.name


def test_roles_are_lower_case_with_known_kinds() -> None:
    rows = d.roles()
    assert len(rows) >= 120
    assert all(r.role == r.role.lower() for r in rows)
    assert {r.kind for r in rows} == {"office", "profession", "title"}


def test_tables_are_not_read_at_import() -> None:
    code = (
        "import eventwire.resolve.dictionaries as d;"
        "print(d.countries.cache_info().currsize, d.roles.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "0"]


# ----------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Turkish", "TUR"),
        ("Turks", "TUR"),
        ("Turk", "TUR"),
        ("Türkiye", "TUR"),
        ("Russian", "RUS"),
        ("Syrian", "SYR"),
        ("Syrian Arab Republic", "SYR"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Ivorian", "CIV"),
        ("Côte d’Ivoire", "CIV"),  # typographic apostrophe
        ("Cote d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("the Netherlands", "NLD"),
        ("Dutch", "NLD"),
        ("U.S.", "USA"),
        ("Filipino", "PHL"),
        ("Bissau-Guinean", "GNB"),
        ("Guinean", "GIN"),
        ("Dominican", "DOM"),  # strong for DOM, weak for Dominica
        ("Congolese", "COD"),
        ("North Korean", "PRK"),
        ("Korean", "KOR"),
    ],
)
def test_country_by_word(word: str, expected: str) -> None:
    assert iso3(d.country_by_word(word)) == expected


def test_country_words_that_must_not_match() -> None:
    assert d.country_by_word("us") is None  # the pronoun, not the US
    assert d.country_by_word("Congo") is None  # two Congos: ambiguous
    assert d.country_by_word("Turkish-Russian") is None  # compounds are split elsewhere
    assert d.country_by_word("Kremlin") is None  # a metonym, not a nationality


def test_country_by_iso3_ignores_case() -> None:
    assert iso3(d.country_by_iso3("tur")) == "TUR"
    assert d.country_by_iso3("XXX") is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kremlin", "RUS"),
        ("the Kremlin", "RUS"),
        ("Ankara", "TUR"),
        ("White House", "USA"),
        ("Downing Street", "GBR"),
        ("Elysee", "FRA"),
        ("Élysée", "FRA"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
    ],
)
def test_metonym_country(word: str, expected: str) -> None:
    assert iso3(d.metonym_country(word)) == expected


def test_metonyms_are_proper_nouns() -> None:
    assert iso3(d.metonym_country("Male")) == "MDV"
    assert d.metonym_country("male") is None
    assert d.metonym_country("Russian") is None


@pytest.mark.parametrize(
    ("compound", "expected"),
    [
        ("Turkish-Russian", ("TUR", "RUS")),
        ("Russia–Ukraine", ("RUS", "UKR")),  # en dash
        ("US-Iranian", ("USA", "IRN")),
        ("Guinea-Bissau", ("GNB",)),  # a hyphenated name stays whole
        ("Syrian-Turkish-Iraqi", ("SYR", "TUR", "IRQ")),
        ("US-backed", ()),  # not every part is a country
    ],
)
def test_split_compound_adjective(compound: str, expected: tuple[str, ...]) -> None:
    assert tuple(c.iso3 for c in d.split_compound_adjective(compound)) == expected


# ----------------------------------------------------------------- organizations


def test_al_jazeera_variants() -> None:
    for text in ("al-jazeera net", "Al Jazeera", "Aljazeera", "AL-JAZEERA", "Al Jazeera English"):
        org = d.organization_by_name(text)
        assert org is not None and org.name == "Al Jazeera" and org.kind == "media", text
        assert org.country == "QAT"


def test_igo_lookups() -> None:
    arab_league = d.organization_by_name("League of Arab States")
    assert arab_league is not None and arab_league.kind == "igo"
    assert arab_league == d.organization_by_name("the Arab League")
    un = d.organization_by_name("U.N.")
    assert un is not None and un.code == "IGOUNO"


def test_credit_aliases_only_in_credits() -> None:
    assert d.organization_by_name("Anatolia") is None
    anadolu = d.organization_by_name("Anatolia", credit=True)
    assert anadolu is not None and anadolu.name == "Anadolu Agency"
    assert d.organization_by_name("AA", credit=True) == anadolu
    # Outside a credit "AA" is another alias, not the agency.
    assert d.organization_by_name("AA") != anadolu


def test_acronyms_and_articles() -> None:
    assert d.organization_by_name("is") is None
    islamic_state = d.organization_by_name("IS")
    assert islamic_state is not None and islamic_state.kind == "armed_group"
    assert islamic_state == d.organization_by_name("Daesh")
    assert d.organization_by_name("Nato") == d.organization_by_name("NATO")
    assert d.organization_by_name("who") is None
    times = d.organization_by_name("the New York Times")
    assert times is not None and times == d.organization_by_name("New York Times")
    assert d.organization_by_name("Hindu") is None  # "The Hindu" keeps its article
    assert d.organization_by_name("The Hindu") is not None


def test_shared_aliases_yield_or_stay_ambiguous() -> None:
    rsf = d.organization_by_name("RSF")
    assert rsf is not None and rsf.name == "Rapid Support Forces"
    assert d.organization_by_name("ABC") is None  # US or Australian: unknown


# ----------------------------------------------------------------- roles


def test_role_pattern_prefers_the_longest_phrase() -> None:
    found = [
        m.group(0) for m in d.role_pattern().finditer("Turkish journalist and political analyst")
    ]
    assert found == ["journalist", "political analyst"]


def test_role_pattern_is_word_bounded_and_case_insensitive() -> None:
    text = "Foreign Minister Hakan Fidan met the editor-in-chief; presidential palaces"
    found = [m.group(0) for m in d.role_pattern().finditer(text)]
    assert found == ["Foreign Minister", "editor-in-chief"]


def test_role_by_phrase() -> None:
    minister = d.role_by_phrase("Defence  Minister")
    assert minister is not None and (minister.sector, minister.kind) == ("GOV", "office")
    general = d.role_by_phrase("General")
    assert general is not None and (general.sector, general.kind) == ("MIL", "title")
    spokesman = d.role_by_phrase("spokesman")
    assert spokesman is not None and spokesman.sector is None  # takes its organization's
    assert d.role_by_phrase("astronaut") is None


# ----------------------------------------------------------------- malformed files


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "countries.tsv",
        "# comment\n" + COUNTRY_HEADER + "TUR\tTR\tTurkey\t\tTurkish\tTurk\tAnkara\t\n"
        "RUS\tRU\tRussia\tRussian\n",
    )
    with pytest.raises(DictionaryError, match=r"countries\.tsv, line 4: expected 8") as info:
        d.load_countries(path)
    assert info.value.code == "E500"


def test_bad_iso_code_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "c.tsv", COUNTRY_HEADER + "Tu\tTR\tTurkey\t\tTurkish\t\t\t\n")
    with pytest.raises(DictionaryError, match=r"c\.tsv, line 2: iso3 'Tu'"):
        d.load_countries(path)


def test_duplicate_iso_code_is_rejected(tmp_path: Path) -> None:
    row = "TUR\tTR\tTurkey\t\tTurkish\t\t\t\n"
    path = write(tmp_path, "c.tsv", COUNTRY_HEADER + row + row)
    with pytest.raises(DictionaryError, match=r"line 3: code TUR already used"):
        d.load_countries(path)


def test_bad_header_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "c.tsv", "iso3\tname\n")
    with pytest.raises(DictionaryError, match=r"line 1: expected header"):
        d.load_countries(path)


def test_bad_organization_rows(tmp_path: Path) -> None:
    kind = write(tmp_path, "o.tsv", ORG_HEADER + "Reuters\t\tnewswire\tGBR\t\t\n")
    with pytest.raises(DictionaryError, match=r"o\.tsv, line 2: kind 'newswire'"):
        d.load_organizations(kind)
    country = write(tmp_path, "o2.tsv", ORG_HEADER + "Reuters\t\tmedia\tZZZ\t\t\n")
    with pytest.raises(DictionaryError, match=r"line 2: country 'ZZZ'"):
        d.load_organizations(country, known_iso3=frozenset({"GBR"}))


def test_bad_role_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "r.tsv", "role\tsector\tkind\nPresident\tGOV\toffice\n")
    with pytest.raises(DictionaryError, match=r"r\.tsv, line 2: role 'President'"):
        d.load_roles(path)


def test_weak_marker_is_stripped_and_recorded(tmp_path: Path) -> None:
    path = write(tmp_path, "c.tsv", COUNTRY_HEADER + "DMA\tDM\tDominica\t\t~Dominican\t\t\t\n")
    (dominica,) = d.load_countries(path)
    assert dominica.adjectives == ("Dominican",)
    assert dominica.weak == frozenset({"Dominican"})
