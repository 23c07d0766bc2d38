"""The DuckDB store against a real file in tmp_path: round trip, idempotency,
all-or-nothing writes, migrations, unopenable stores, failures and runs."""

from __future__ import annotations

import dataclasses
import itertools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import StoreError
from eventwire.records import (
    Actor,
    Agreement,
    Count,
    Document,
    Event,
    Extraction,
    Failure,
    Heading,
    Organization,
    Person,
    Place,
    Quote,
    Span,
)
from eventwire.store import SCHEMA_VERSION, DuckDBStore, Store, store_results

TEXT = (
    "Gunmen attack police post near Karesh\n\n"
    "KARESH, March 3 - Gunmen attacked a police post near Karesh on Monday, "
    "killing three officers and wounding at least 12 people, officials said.\n\n"
    "Interior Minister Dana Ruel said the attackers fled north. "
    '"We will find them," Ruel told reporters.\n\n'
    "The Northern Front claimed responsibility in a statement, saying the attack answered "
    "police raids that broke the Karesh truce agreement."
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def make_extraction(text: str = TEXT, doc_id: str = "doc-attack") -> Extraction:
    """A hand-built extraction whose spans all point into ``text``."""
    title = span(text, "Gunmen attack police post near Karesh")
    document = Document(
        id=doc_id, origin="attack.txt", text=text, title=title.text, dateline="KARESH, March 3",
        language="en", headings=(Heading(title.text, title.start, title.end),),
        dateline_span=span(text, "KARESH, March 3"),
    )
    ruel = Person("p1", "Dana Ruel", (span(text, "Dana Ruel"), span(text, "Ruel", 1)),
                  role="Interior Minister", evidence=span(text, "Interior Minister"))
    front = Organization("o1", "Northern Front", (span(text, "Northern Front"),),
                         kind="armed_group")
    police = Organization("o2", "police", (span(text, "police", 1),), kind="government")
    karesh = Place("l1", "Karesh", (span(text, "Karesh", 1),), lat=33.5, lon=44.0,
                   country_code="XX", feature_code="PPL")
    killed = Count("c1", "killed", span(text, "killing three officers"), value_low=3,
                   value_high=3, object="officers")
    wounded = Count("c2", "injured", span(text, "wounding at least 12 people"), value_low=12,
                    qualifier="at least", object="people")
    truce_sentence = span(text, "The Northern Front claimed responsibility")
    truce = Agreement("a1", "Karesh truce agreement", "ceasefire",
                      (span(text, "Karesh truce agreement"),),
                      Span.of(text, truce_sentence.start, len(text)),
                      named_after=("Karesh",), place_ids=("l1",))
    attack = Event("e1", "ASSAULT", span(text, "Gunmen attacked a police post"),
                   sources=(Actor("Gunmen", sector="REB"),),
                   targets=(Actor("police", sector="GOV", org_id="o2"),), place_id="l1",
                   count_ids=("c1", "c2"), confidence=0.8, produced_by="events.rules.v1",
                   cameo_code="183")
    claim = Event("e2", "ASSAULT", span(text, "The Northern Front claimed responsibility"),
                  sources=(Actor("Northern Front", sector="REB", org_id="o1"),),
                  agreement_ids=("a1",))
    quote = span(text, "We will find them,")
    said = Quote("q1", quote.text, quote.start, quote.end, "direct", speaker_id="p1",
                 speaker_name="Dana Ruel", cue=span(text, "told"), cameo_code="010")
    return Extraction(document, people=(ruel,), organizations=(front, police), places=(karesh,),
                      agreements=(truce,), events=(attack, claim), quotes=(said,),
                      counts=(killed, wounded),
                      extractors={"eventwire": "0.1.0", "entities": "entities.rules.v1"})


def run_info() -> dict:
    return {"versions": {"eventwire": "0.1.0"}, "model": {"digest": "abc"},
            "settings": {"max_chars": 100}}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "folder" / "events.duckdb"


def test_spans_of_the_fixture_are_evidence() -> None:
    ex = make_extraction()
    for count in ex.counts:
        assert TEXT[count.evidence.start:count.evidence.end] == count.evidence.text
    assert TEXT[ex.quotes[0].start:ex.quotes[0].end] == ex.quotes[0].text


def test_round_trip_gives_back_an_equal_extraction(db: Path) -> None:
    ex = make_extraction()
    with DuckDBStore(db) as store:
        run = store.begin_run(run_info())
        assert store.write_extraction(ex, run) is True
    assert db.is_file()  # parent folders were created
    with DuckDBStore(db, read_only=True) as store:
        assert store.has_document(ex.document.id)
        assert store.get_extraction(ex.document.id) == ex
        stored = store.get_document(ex.document.id)
    assert stored is not None
    assert stored.pop("stored")["run_id"] == run
    assert stored == ex.to_dict()


def test_a_place_named_inside_a_body_name_round_trips(db: Path) -> None:
    """Name mentions (a place inside a body's name) are stored and read back as written."""
    ex = make_extraction()
    (karesh,) = ex.places
    inside = span(TEXT, "Karesh", 2)  # "the Karesh truce agreement" stands in for a body here
    named = dataclasses.replace(karesh, name_mentions=(inside,))
    only_in_name = Place("l2", "Karesh", (), name_mentions=(inside,), lat=33.5, lon=44.0)
    ex = dataclasses.replace(ex, places=(named, only_in_name))
    with DuckDBStore(db) as store:
        store.write_extraction(ex, store.begin_run(run_info()))
        assert store.get_extraction(ex.document.id) == ex


def test_a_place_stored_before_name_mentions_reads_back_without_them() -> None:
    """Rows written before schema 1.4.0 have no ``name_mentions``: they read back empty."""
    from eventwire.store.codec import from_dict

    old = dataclasses.asdict(make_extraction().places[0])
    del old["name_mentions"]
    place = from_dict(Place, old)
    assert place.name_mentions == () and place == make_extraction().places[0]


def test_unknown_document_is_none(db: Path) -> None:
    with DuckDBStore(db) as store:
        assert store.get_document("nope") is None
        assert store.get_extraction("nope") is None
        assert not store.has_document("nope")


def test_writing_the_same_document_twice_stores_it_once(db: Path) -> None:
    ex = make_extraction()
    with DuckDBStore(db) as store:
        assert store.write_extraction(ex, None) is True
        before = store.stats()
        # Same text read from elsewhere: same id, nothing new.
        again = dataclasses.replace(ex, document=dataclasses.replace(ex.document, origin="b.txt"))
        assert store.write_extraction(again, None) is False
        assert store.stats() == before
    assert before == {"documents": 1, "people": 1, "organizations": 2, "places": 1,
                      "agreements": 1, "events": 2, "quotes": 1, "counts": 2, "failures": 0,
                      "runs": 0}


def test_record_ids_are_unique_per_document_only(db: Path) -> None:
    other_text = TEXT.replace("Monday", "Tuesday")
    with DuckDBStore(db) as store:
        store.write_extraction(make_extraction(), None)
        assert store.write_extraction(make_extraction(other_text, "doc-other"), None)
        assert store.stats()["people"] == 2
        assert [r["doc_id"] for r in store.query("people", name="ruel")] == sorted(
            ["doc-attack", "doc-other"])


def test_a_record_that_cannot_be_stored_leaves_no_trace_of_its_document(db: Path) -> None:
    ex = make_extraction()
    # The last count can't be written as JSON: the document row and every record
    # before it were already inserted in the transaction and must be undone.
    bad_count = dataclasses.replace(ex.counts[1], object=object())  # type: ignore[arg-type]
    bad = dataclasses.replace(ex, counts=(ex.counts[0], bad_count))
    with DuckDBStore(db) as store:
        with pytest.raises(StoreError) as info:
            store.write_extraction(bad, None)
        assert ex.document.id in str(info.value) and str(db) in str(info.value)
        assert not store.has_document(ex.document.id)
        assert set(store.stats().values()) == {0}
        # The connection is still usable, and the good version is stored whole.
        assert store.write_extraction(ex, None) is True
        assert store.get_extraction(ex.document.id) == ex


def test_a_database_error_midway_rolls_back_the_document(db: Path) -> None:
    ex = make_extraction()
    # Two events with one id violate the (doc_id, id) key after people and orgs went in.
    dup = dataclasses.replace(ex, events=(ex.events[0], ex.events[0]))
    with DuckDBStore(db) as store:
        with pytest.raises(StoreError, match="cannot store document"):
            store.write_extraction(dup, None)
        assert set(store.stats().values()) == {0}


def test_fresh_store_is_at_the_latest_schema_version(db: Path) -> None:
    with DuckDBStore(db) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 1
    # Reopening applies nothing twice.
    with DuckDBStore(db) as store:
        rows = store.con.execute("SELECT version FROM schema_migrations").fetchall()
    assert rows == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def test_a_store_from_a_newer_eventwire_is_refused(db: Path) -> None:
    with DuckDBStore(db) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (999, '999_future.sql', now())")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer") as info:
            DuckDBStore(db, read_only=read_only).open()
        assert str(db) in str(info.value)


def test_someone_elses_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (amount INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        DuckDBStore(path).open()


def test_reading_a_missing_store_creates_nothing(db: Path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        DuckDBStore(db, read_only=True).open()
    assert not db.exists() and not db.parent.exists()


@pytest.mark.parametrize("problem", ["directory", "corrupt", "parent_is_a_file"])
def test_an_unopenable_path_is_a_store_error(tmp_path: Path, problem: str) -> None:
    path = tmp_path / "store.duckdb"
    if problem == "directory":
        path.mkdir()
    elif problem == "corrupt":
        path.write_bytes(b"not a database " * 500)
    else:
        (tmp_path / "file").write_text("x")
        path = tmp_path / "file" / "store.duckdb"
    with pytest.raises(StoreError) as info:
        DuckDBStore(path).open()
    assert info.value.code == "E300"
    assert str(path) in str(info.value)


def test_a_store_locked_by_another_process_is_a_store_error(db: Path) -> None:
    DuckDBStore(db).open().close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="lock") as info:
            DuckDBStore(db).open()
        assert str(db) in str(info.value)
    finally:
        holder.communicate("")


def test_runs_and_failures_are_recorded(db: Path) -> None:
    with DuckDBStore(db) as store:
        run = store.begin_run(run_info())
        store.record_failure(Failure("bad.txt", "E101", "no text"), run)
        store.record_failure(Failure("corpus.jsonl", "E105", "not JSON", record_id="7"), run)
        store.finish_run(run, {"new": 0, "failures": 2})
        failures = store.query("failures")
        runs = store.query("runs")
        assert store.query("failures", type="E105")[0]["record_id"] == "7"
    assert [(f["run_id"], f["origin"], f["code"]) for f in failures] == [
        (run, "bad.txt", "E101"), (run, "corpus.jsonl", "E105")]
    assert runs[0]["id"] == run and runs[0]["status"] == "finished"
    assert runs[0]["summary"] == {"new": 0, "failures": 2}
    assert runs[0]["eventwire_version"] == "0.1.0" and runs[0]["finished_at"]


def test_query_filters(db: Path) -> None:
    with DuckDBStore(db) as store:
        store.write_extraction(make_extraction(), None)
        assert [o["name"] for o in store.query("organizations")] == ["Northern Front", "police"]
        assert [o["id"] for o in store.query("organizations", type="armed_group")] == ["o1"]
        assert [o["id"] for o in store.query("organizations", name="FRONT")] == ["o1"]
        assert store.query("organizations", doc="other") == []
        assert len(store.query("counts", limit=1)) == 1
        event = store.query("events", name="police")[0]
        assert event["evidence"] == TEXT[event["start_char"]:event["end_char"]]
        assert event["data"]["count_ids"] == ["c1", "c2"]
        assert store.query("documents")[0]["title"] == "Gunmen attack police post near Karesh"
        with pytest.raises(ValueError, match="unknown kind"):
            store.query("weather")
        with pytest.raises(ValueError, match="--doc"):
            store.query("runs", doc="doc-attack")


def test_query_by_cameo_prefix_finds_events_and_statements(db: Path) -> None:
    with DuckDBStore(db) as store:
        store.write_extraction(make_extraction(), None)
        by_root = store.query("events", cameo="18")
        assert [e["id"] for e in by_root] == ["e1"] and by_root[0]["cameo_code"] == "183"
        assert store.query("events", cameo="19") == []
        assert [q["id"] for q in store.query("quotes", cameo="01")] == ["q1"]
        assert store.query("quotes", cameo="016") == []
        with pytest.raises(ValueError, match="--cameo"):
            store.query("people", cameo="01")


def test_agreements_and_the_events_that_name_them_are_stored(db: Path) -> None:
    with DuckDBStore(db) as store:
        store.write_extraction(make_extraction(), None)
        (truce,) = store.query("agreements", type="ceasefire")
        assert store.query("agreements", name="TRUCE")[0]["id"] == "a1"
        assert store.query("agreements", type="talks") == []
        links = store.con.execute("SELECT doc_id, event_id, agreement_id FROM event_agreements"
                                  ).fetchall()
    assert truce["name"] == "Karesh truce agreement" and truce["mentions"] == 1
    assert truce["evidence"] == TEXT[truce["start_char"]:truce["end_char"]]
    assert truce["data"]["place_ids"] == ["l1"]
    assert links == [("doc-attack", "e2", "a1")]


def test_a_schema_1_store_gains_agreements_and_keeps_its_documents(db: Path) -> None:
    """A store written before agreements existed is migrated; its events read back
    with no agreements."""
    from eventwire.store.duckdb import migrations

    (version, name, sql), *_ = migrations()
    old = make_extraction()
    old = dataclasses.replace(old, agreements=(), events=tuple(
        dataclasses.replace(e, agreement_ids=()) for e in old.events))
    db.parent.mkdir(parents=True)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                "name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    con.execute(sql)
    con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    con.close()
    with DuckDBStore(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.write_extraction(old, None)
        # Event rows as schema 1 wrote them: no agreement_ids in their data.
        for event_id, data in store.con.execute("SELECT id, data FROM events").fetchall():
            data = json.loads(data)
            del data["agreement_ids"]
            store.con.execute("UPDATE events SET data = ? WHERE id = ?",
                              [json.dumps(data), event_id])
        rebuilt = store.get_extraction(old.document.id)
        assert store.query("agreements") == []
    assert rebuilt is not None and rebuilt.agreements == ()
    assert rebuilt == old


def test_quotes_are_stored_with_their_cameo_statement_code(db: Path) -> None:
    with DuckDBStore(db) as store:
        store.write_extraction(make_extraction(), None)
        (told,) = store.query("quotes", name="ruel")
        column = store.con.execute("SELECT cameo_code FROM quotes WHERE id = 'q1'").fetchone()
    assert told["cameo_code"] == "010" and told["data"]["cameo_code"] == "010"
    assert column == ("010",)


def test_a_schema_2_store_gains_quote_codes_and_keeps_its_quotes(db: Path) -> None:
    """Quotes written before statements were coded are migrated and read back uncoded."""
    from eventwire.store.duckdb import migrations

    before = [m for m in migrations() if m[0] <= 2]
    assert [m[0] for m in before] == [1, 2]
    old = make_extraction()
    old = dataclasses.replace(old, quotes=tuple(
        dataclasses.replace(q, cameo_code=None) for q in old.quotes))
    db.parent.mkdir(parents=True)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                "name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for version, name, sql in before:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    # A quote row as schema 2 wrote it: no cameo_code column, none in its data.
    quote = dataclasses.asdict(old.quotes[0])
    del quote["cameo_code"]
    con.execute("INSERT INTO documents (id, origin, text, extractors, stored_at) "
                "VALUES (?, ?, ?, ?, now())", ["old-doc", "old.txt", old.document.text, "{}"])
    con.execute("INSERT INTO quotes (doc_id, id, ord, kind, text, data) VALUES (?, ?, 0, ?, ?, ?)",
                ["old-doc", quote["id"], quote["kind"], quote["text"], json.dumps(quote)])
    con.close()
    with DuckDBStore(db) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 3
        (row,) = store.query("quotes")
        rebuilt = store.get_extraction("old-doc")
        assert store.write_extraction(make_extraction(), None)
        codes = {r["doc_id"]: r["cameo_code"] for r in store.query("quotes")}
    assert codes == {"old-doc": None, "doc-attack": "010"}
    assert row["cameo_code"] is None
    assert rebuilt is not None and rebuilt.quotes == old.quotes


def test_a_batch_of_only_failures_never_opens_the_store(db: Path) -> None:
    def never() -> DuckDBStore:
        raise AssertionError("the store must not be opened")

    results = [Failure("a.txt", "E101", "no text"), Failure("b.txt", "E102", "binary")]
    summary = store_results(results, never, run_info=run_info)
    assert (summary.run_id, summary.new, summary.failures) == (None, 0, 2)
    assert not db.exists()


def test_a_mixed_batch_records_failures_with_its_run(db: Path) -> None:
    ex = make_extraction()
    seen: list[tuple[str, bool | None]] = []
    results = [Failure("empty.txt", "E101", "no text"), ex, ex]
    summary = store_results(results, lambda: DuckDBStore(db), run_info=run_info,
                            on_result=lambda item, new: seen.append((type(item).__name__, new)))
    assert seen == [("Failure", None), ("Extraction", True), ("Extraction", False)]
    assert (summary.new, summary.already_stored, summary.failures) == (1, 1, 1)
    assert summary.records["counts"] == 2
    with DuckDBStore(db, read_only=True) as store:
        assert store.query("failures")[0]["run_id"] == summary.run_id
        run = store.query("runs")[0]
    assert run["summary"] == summary.to_dict()
    assert run["summary"]["status"] == "finished"


def test_duckdb_store_follows_the_store_protocol(db: Path) -> None:
    assert isinstance(DuckDBStore(db), Store)


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    """Any text with people, agreements, events, quotes and counts whose spans lie in it."""
    text = draw(st.text(min_size=1, max_size=60))

    def any_span() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    names = st.text(max_size=12)
    people = tuple(
        Person(f"p{i}", draw(names), tuple(any_span() for _ in range(draw(st.integers(0, 2)))),
               aliases=tuple(draw(st.lists(names, max_size=2))), role=draw(st.none() | names))
        for i in range(draw(st.integers(0, 3))))
    counts = tuple(
        Count(f"c{i}", draw(names), any_span(), value_low=draw(st.none() | st.integers(0, 10**9)),
              approximate=draw(st.booleans()))
        for i in range(draw(st.integers(0, 2))))
    agreements = tuple(
        Agreement(f"a{i}", draw(names), draw(st.sampled_from(["agreement", "talks", "zone"])),
                  (any_span(),), any_span(), generic=draw(st.booleans()),
                  countries=tuple(draw(st.lists(st.sampled_from(["RUS", "UKR"]), max_size=2))))
        for i in range(draw(st.integers(0, 2))))
    events = tuple(
        Event(f"e{i}", "AGREE", any_span(),
              agreement_ids=tuple(a.id for a in agreements if draw(st.booleans())))
        for i in range(draw(st.integers(0, 2))))
    quotes = tuple(
        Quote(f"q{i}", quoted.text, quoted.start, quoted.end, "indirect",
              speaker_name=draw(st.none() | names), cue=any_span(),
              cameo_code=draw(st.none() | st.sampled_from(["010", "016", "018"])))
        for i, quoted in enumerate(any_span() for _ in range(draw(st.integers(0, 2)))))
    doc = Document(id="replaced-by-the-test", origin=draw(names), text=text,
                   title=draw(st.none() | names))
    return Extraction(doc, people=people, agreements=agreements, events=events, quotes=quotes,
                      counts=counts, extractors={"x": draw(names)})


_fresh_ids = itertools.count()


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBStore]:
    # One store for all examples (each example gets a fresh document id): creating a
    # file per example would spend the time on migrations, not on round trips.
    with DuckDBStore(tmp_path_factory.mktemp("prop") / "s.duckdb") as store:
        yield store


@settings(max_examples=60, deadline=None)
@given(extraction=extractions())
def test_any_extraction_round_trips(shared_store: DuckDBStore, extraction: Extraction) -> None:
    # Hypothesis replays examples; a fresh id keeps each one new to the shared store.
    doc = dataclasses.replace(extraction.document, id=f"doc-{next(_fresh_ids)}")
    extraction = dataclasses.replace(extraction, document=doc)
    assert shared_store.write_extraction(extraction, None)
    assert shared_store.get_extraction(extraction.document.id) == extraction
    assert shared_store.write_extraction(extraction, None) is False
