"""The gazetteer: name keys, GeoNames dump import (bad files, resume), lookups, resolution, CLI.

Every index here is built from small dump-format files written in tmp_path,
so these tests never need the packaged data or the model.
"""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.resolve.gazetteer import Gazetteer, GazetteerError, dumps, loose_key, name_key
from eventwire.resolve.gazetteer.index import Entry
from eventwire.resolve.gazetteer.resolve import Anchor, GeoContext, choose, distance_km


def feature(gid: int, name: str, lat: float, lon: float, *, alt: str = "", fclass: str = "P",
            fcode: str = "PPL", cc: str = "SY", admin1: str = "12", pop: int = 0) -> str:
    """One line of a 19-column GeoNames dump."""
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, cc, "", admin1, "",
            "", "", str(pop), "", "300", "Asia/Damascus", "2020-01-01"]
    return "\t".join(cols) + "\n"


TOWNS = (
    feature(1001, "Kafr Tala", 35.60, 36.70, alt="Kafr Talah,Kfar Tala", pop=5000)
    + feature(1002, "Tall Abyad", 36.70, 38.95, alt="Tell Abiad", admin1="04", pop=14000)
    + feature(1003, "Kafr Tala", 31.90, 10.10, cc="LY", admin1="05", pop=800)
    + feature(1004, "Idlib Governorate", 35.80, 36.60, fclass="A", fcode="ADM1", pop=0)
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    target = tmp_path / "index.sqlite"
    dumps.import_file(write(tmp_path, "XX.txt", TOWNS), target)
    dumps.import_file(write(tmp_path, "admin1CodesASCII.txt",
                            "SY.12\tIdlib\tIdlib\t1004\nSY.04\tRaqqa\tRaqqa\t1005\n"), target)
    return target


# --------------------------------------------------------------------------- name keys


def test_transliterations_of_one_name_share_the_loose_key() -> None:
    spellings = ["Ma'rat al-Numan", "Maarat al-Numan", "Ma'arrat an-Nu'man", "Maarat al-Nouman",
                 "Ma‘arrat an Nu‘mān"]
    assert len({loose_key(s) for s in spellings}) == 1


def test_name_key_ignores_case_accents_and_marks_but_keeps_letters() -> None:
    assert name_key("Şurmān") == name_key("surman") == "surman"
    assert name_key("Deir ez-Zor") == "deir ez zor"
    assert name_key("Homs") != name_key("Hama")


# --------------------------------------------------------------------------- import


def test_import_then_lookup_by_name_alternate_and_spelling(index: Path) -> None:
    gaz = Gazetteer([index])
    assert [e.geonameid for e in gaz.lookup("Kafr Tala").entries] == [1001, 1003]
    assert [e.geonameid for e in gaz.lookup("Tell Abiad").entries] == [1002]
    loose = gaz.lookup("Kafr Talaa")
    assert loose.loose and [e.geonameid for e in loose.entries] == [1001, 1003]
    assert gaz.admin1_name("SY.12") == "Idlib"
    assert gaz.get(1002) is not None and gaz.get(1002).population == 14000


def test_unknown_name_finds_nothing(index: Path) -> None:
    gaz = Gazetteer([index])
    assert gaz.lookup("Nowhereville").entries == ()
    assert gaz.lookup("").entries == ()
    assert gaz.get(424242) is None


NAMESAKES = (
    feature(2001, "Santa Clara", 10.0, 10.0, cc="CU", pop=0)
    + feature(2002, "Santa Clara", 20.0, 20.0, cc="US", pop=120000)
    + feature(2003, "Santa Clara", 30.0, 30.0, cc="PE", pop=0)
    + feature(2004, "Santa Clara", 40.0, 40.0, cc="MX", pop=250000)
    + feature(2005, "Santa Clara", 50.0, 50.0, cc="CO", pop=120000)
)


def test_namesakes_come_most_populous_first_then_by_id(tmp_path: Path) -> None:
    one = tmp_path / "one.sqlite"
    dumps.import_file(write(tmp_path, "XX.txt", NAMESAKES), one)
    expected = [2004, 2002, 2005, 2001, 2003]
    assert [e.geonameid for e in Gazetteer([one]).lookup("Santa Clara").entries] == expected
    # Split over two files, with three ids in both, the merged answer keeps the same order.
    other = tmp_path / "other.sqlite"
    dumps.import_file(write(tmp_path, "YY.txt", NAMESAKES.split("\n", 2)[2]), other)
    both = Gazetteer([one, other]).lookup("Santa Clara").entries
    assert [e.geonameid for e in both] == expected
    loose = Gazetteer([one]).lookup("Santa Claraa")
    assert loose.loose and [e.geonameid for e in loose.entries] == expected


def test_malformed_lines_are_reported_with_their_line_numbers(tmp_path: Path) -> None:
    bad = (TOWNS + "1010\tShort line\n"
           + feature(1011, "Far", 95.0, 10.0) + feature(1012, "Good Town", 35.0, 36.0))
    report = dumps.import_file(write(tmp_path, "SY.txt", bad), tmp_path / "i.sqlite")
    assert [(m.line, m.reason.split(" ")[0]) for m in report.malformed] == [
        (5, "expected"), (6, "coordinates")]
    assert report.rows == 5
    assert Gazetteer([tmp_path / "i.sqlite"]).lookup("Good Town").entries


def test_a_line_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "SY.txt"
    path.write_bytes(TOWNS.encode() + feature(1020, "Bad", 1.0, 1.0).encode()
                     .replace(b"Bad", b"B\xffd"))
    report = dumps.import_file(path, tmp_path / "i.sqlite")
    assert [m.line for m in report.malformed] == [5]
    assert "UTF-8" in report.malformed[0].reason


@pytest.mark.parametrize("content", ["a\tb\tc\n", "", "\n\n"])
def test_a_file_that_is_not_a_dump_is_a_coded_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(GazetteerError, match=r"\[E600\].*notes.txt"):
        dumps.import_file(write(tmp_path, "notes.txt", content), tmp_path / "i.sqlite")


def test_a_file_of_mostly_bad_lines_is_refused(tmp_path: Path) -> None:
    text = feature(1, "A", 1.0, 1.0) + "".join(f"{i}\tx\n" for i in range(20)).replace(
        "\tx\n", "\tx" + "\t" * 17 + "\n")
    with pytest.raises(GazetteerError, match="malformed"):
        dumps.import_file(write(tmp_path, "SY.txt", text), tmp_path / "i.sqlite")


def test_a_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        dumps.import_file(tmp_path / "SY.txt", tmp_path / "i.sqlite")


def test_an_interrupted_import_resumes_where_it_stopped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dumps, "BATCH", 2)
    rows = "".join(feature(2000 + i, f"Town {chr(65 + i)}", 35.0, 36.0) for i in range(7))
    path = write(tmp_path, "SY.txt", rows)
    target = tmp_path / "i.sqlite"

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dumps.import_file(path, target, progress=stop)
    report = dumps.import_file(path, target)
    assert report.resumed_at == 2 and report.rows == 5
    again = dumps.import_file(path, target)
    assert again.already_done
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == 7


def test_a_zipped_dump_is_read_from_its_member(tmp_path: Path) -> None:
    path = tmp_path / "SY.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("SY.txt", TOWNS)
        zf.writestr("readme.txt", "about")
    report = dumps.import_file(path, tmp_path / "i.sqlite")
    assert report.rows == 4 and not report.malformed


def test_a_later_index_wins_for_the_same_id(index: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    dumps.import_file(write(tmp_path, "fix.txt", feature(1002, "Tall Abyad", 36.69, 38.96,
                                                           pop=20000)), newer)
    gaz = Gazetteer([index, newer])
    assert gaz.get(1002).population == 20000


def test_a_missing_or_foreign_index_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no gazetteer index"):
        Gazetteer([tmp_path / "none.sqlite"]).lookup("Idlib")
    junk = write(tmp_path, "junk.sqlite", "not a database at all, just text" * 100)
    with pytest.raises(GazetteerError, match="not a gazetteer index"):
        Gazetteer([junk]).lookup("Idlib")


# --------------------------------------------------------------------------- resolution


def entry(gid: int, lat: float, lon: float, *, cc: str = "SY", pop: int = 0,
          fclass: str = "P", fcode: str = "PPL") -> Entry:
    return Entry(gid, f"place {gid}", lat, lon, cc, "01", None, fclass, fcode, pop)


def test_the_namesake_near_the_articles_places_wins_over_a_bigger_one_abroad() -> None:
    village, city = entry(1, 35.6, 36.7, pop=2000), entry(2, 32.8, 12.6, cc="LY", pop=90000)
    ctx = GeoContext(countries={"SY": 2.0}, anchors=[Anchor(35.9, 36.6)])
    assert choose([city, village], ctx).entry is village


def test_a_small_far_namesake_is_not_found_rather_than_placed_abroad() -> None:
    far = entry(2, 32.8, 12.6, cc="LY", pop=77000)
    assert choose([far], GeoContext(countries={"SY": 2.0}, anchors=[Anchor(35.9, 36.6)])) is None
    # Without any context there is nothing to be far from: the only candidate stands.
    assert choose([far], GeoContext()).entry is far


def test_a_head_noun_picks_the_division_over_the_town() -> None:
    town = entry(1, 35.93, 36.63, pop=120000)
    division = entry(2, 35.86, 36.63, fclass="A", fcode="ADM1")
    assert choose([town, division], GeoContext(), want="admin").entry is division
    assert choose([town, division], GeoContext(), want="town").entry is town


def test_other_names_near_a_small_namesake_outweigh_a_capital_abroad() -> None:
    # A suburb named like a capital, in a story naming two other towns of its county.
    capital = entry(1, 53.3, -6.2, cc="IE", pop=1_000_000, fcode="PPLC")
    suburb = entry(2, 40.1, -83.1, cc="US", pop=45_000)
    county = ((39.9, -83.0, "US.OH"), (31.0, -97.0, "US.TX"))
    town = ((39.9, -83.1, "US.OH"),)
    us = {"US": 1.0}
    assert choose([capital, suburb], GeoContext(us, cohort=(county, town))).entry is suburb
    # Readings of the other names far from both leave the capital in front.
    far = ((10.0, 10.0, None),)
    assert choose([capital, suburb], GeoContext(us, cohort=(far, far))).entry is capital


def test_a_states_name_is_the_state_not_a_village_named_after_it() -> None:
    state = Entry(1, "Florida", 27.8, -83.7, "US", "FL", None, "A", "ADM1", 16_000_000)
    village = Entry(2, "Florida", 41.3, -74.4, "US", "NY", None, "P", "PPL", 2_900)
    ctx = GeoContext({"US": 2.0}, anchors=[Anchor(41.0, -74.0)], admins={"US.NY": 1.0})
    assert choose([state, village], ctx, exact=frozenset({1, 2})).entry is state
    assert choose([state, village], ctx, want="town", exact=frozenset({1, 2})).entry is village


def test_a_regions_name_is_the_region_not_a_neighbourhood_named_after_it() -> None:
    region = Entry(-2, "Middle East", 29.3, 42.5, None, None, None, "L", "RGN", 0)
    suburb = Entry(3, "Middle East", 39.3, -76.6, "US", "MD", None, "P", "PPL", 1_900)
    ctx = GeoContext({"US": 2.0}, anchors=[Anchor(39.3, -76.6)])
    assert choose([suburb, region], ctx, exact=frozenset({-2, 3})).entry is region


def test_distance_is_great_circle_kilometres() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert distance_km(35.0, 36.0, 35.0, 36.0) == 0


# --------------------------------------------------------------------------- CLI


def test_cli_import_lookup_info(tmp_path: Path, index: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "cli.sqlite"
    bad = write(tmp_path, "SY.txt", TOWNS + "7\tbroken\n")
    result = runner.invoke(app, ["gazetteer", "import", str(bad), "--index", str(target)])
    assert result.exit_code == 2
    assert "line 5" in result.output and "4 features rows" in result.output
    result = runner.invoke(app, ["gazetteer", "lookup", "Tell Abiad", "--index", str(target)])
    assert result.exit_code == 0 and "1002" in result.output
    result = runner.invoke(app, ["gazetteer", "lookup", "Atlantis", "--index", str(target)])
    assert result.exit_code == 1 and "not in the gazetteer" in result.output
    result = runner.invoke(app, ["gazetteer", "info", "--index", str(index)])
    assert result.exit_code == 0 and "places: 4" in result.output


def test_cli_import_of_a_non_dump_fails_with_the_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["gazetteer", "import", str(write(tmp_path, "x.txt", "a,b\n")),
                                      "--index", str(tmp_path / "i.sqlite")])
    assert result.exit_code == 1 and "[E600]" in result.output


# --------------------------------------------------------------------------- real dumps

SHARED_GEONAMES = Path(__file__).resolve().parents[2] / "shared" / "data" / "geonames"


def test_import_of_the_shared_geonames_dumps(tmp_path: Path) -> None:
    files = [SHARED_GEONAMES / n for n in ("LB.txt", "admin1CodesASCII.txt",
                                           "cities15000_SY_LB_IQ_TR.txt")]
    if not all(f.is_file() for f in files):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI: GeoNames dumps missing under {SHARED_GEONAMES}")
        pytest.skip(f"GeoNames dumps missing under {SHARED_GEONAMES}")
    target = tmp_path / "imported.sqlite"
    reports = [dumps.import_file(f, target) for f in files]
    assert [r.kind for r in reports] == ["features", "admin1", "features"]
    assert all(not r.malformed for r in reports)
    assert reports[0].rows > 20_000
    gaz = Gazetteer([target])
    beirut = [e for e in gaz.lookup("Beirut").entries if e.feature_code == "PPLC"]
    assert [e.geonameid for e in beirut] == [276781]
    assert gaz.admin1_name("SY.05") == "As-Suwayda"
    assert any(e.geonameid == 171451 for e in gaz.lookup("Binnish").entries)


# --------------------------------------------------------------------------- packaged tables


def test_a_malformed_regions_table_is_a_coded_error(tmp_path: Path, monkeypatch) -> None:
    from eventwire.resolve.gazetteer import build

    bad = write(tmp_path, "regions.tsv", "geonameid\tname\taliases\tlat\tlon\tfeature_code\n"
                                         "\tSahel\t\tnorth\t5.0\tRGN\n")
    monkeypatch.setattr(build, "_regions_file", lambda: bad)
    with pytest.raises(GazetteerError, match=r"regions.tsv, row 2"):
        build._add_regions(build._Compiled())
    headless = write(tmp_path, "regions2.tsv", "\tSahel\t\t15\t5\tRGN\n")
    monkeypatch.setattr(build, "_regions_file", lambda: headless)
    with pytest.raises(GazetteerError, match="expected header"):
        build._add_regions(build._Compiled())


def test_an_alias_of_an_unknown_division_is_a_coded_error(tmp_path: Path, monkeypatch) -> None:
    from eventwire.resolve.gazetteer import build

    bad = write(tmp_path, "admin_aliases.tsv", "admin1\taliases\nZZ.99\tZz.\n")
    monkeypatch.setattr(build, "_aliases_file", lambda: bad)
    with pytest.raises(GazetteerError, match="unknown admin1 code 'ZZ.99'"):
        build._add_admin_aliases(build._Compiled())


def test_the_packaged_tables_are_well_formed() -> None:
    from eventwire.resolve.gazetteer import build

    compiled = build._Compiled()
    build._add_regions(compiled)
    assert any(row[1] == "Middle East" and row[0] < 0 for row in compiled.places)
    compiled.admin1.update({code: ("x", i) for i, code in enumerate(
        line.split("\t")[0] for line in build._aliases_file().read_text().splitlines()[3:])})
    compiled.admin1["US.MN"] = ("Minnesota", 5037779)
    build._add_admin_aliases(compiled)
    assert ("minn", 0, 5037779) in compiled.names
