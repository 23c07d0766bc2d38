"""The evaluation harness: scoring rules on small hand-made gold and predictions.

Nothing here reads the shared seed: gold items, records and articles are
written for these tests. The gate on the real seed is tests/test_gate.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate import (
    REGISTRY,
    Check,
    DataPaths,
    EvaluationReport,
    EvaluatorResult,
    Score,
    check_floors,
    run_evaluation,
    update_floors,
)
from eventwire.evaluate.base import AreaResult, combine, register
from eventwire.evaluate.gold import (
    Gold,
    GoldAgreement,
    GoldCount,
    GoldEvent,
    GoldPerson,
    GoldPlace,
    GoldQuote,
    NotFar,
    parse_gold,
)
from eventwire.evaluate.match import contains_words, haversine_km, normalize, role_matches
from eventwire.evaluate.scoring import (
    score_agreements,
    score_counts,
    score_events,
    score_people,
    score_places,
    score_quotes,
    score_structure,
)
from eventwire.ingest import make_document
from eventwire.records import (
    Actor,
    Agreement,
    Count,
    Document,
    Event,
    Extraction,
    Person,
    Place,
    Quote,
    Span,
)
from eventwire.run import Pipeline

TEXT = (
    "Mira Castell - Port Ellis\n\n"
    "Harbour chief Tomas Velde said the strike had closed the port. Velde added that "
    "talks would resume on Monday, and at least 40 workers had been detained.\n\n"
    "Ships wait outside the closed harbour of Port Ellis (Coast Courier)\n\n"
    "Talks in the capital\n"
    "Union leader Ana Brisk told reporters that the union would not give in."
)
DOC = Document(id="d1", origin="test", text=TEXT)


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span.of(TEXT, start, start + len(text))


def person(pid: str, name: str, *mentions: str, **kw: object) -> Person:
    return Person(pid, name, tuple(span(m) for m in mentions or (name,)), **kw)  # type: ignore[arg-type]


def extraction(**records: object) -> Extraction:
    return Extraction(document=DOC, **records)  # type: ignore[arg-type]


# --- scores ----------------------------------------------------------------------------


def test_score_keeps_denominators_and_ratios() -> None:
    s = Score("people", found=6, required=6, correct=6, emitted=7)
    assert (s.recall, round(s.precision or 0, 3)) == (1.0, 0.857)
    assert s.f1 == pytest.approx(2 * (6 / 7) / (1 + 6 / 7))


def test_score_is_undefined_without_denominators_and_zero_f1_when_nothing_emitted() -> None:
    assert Score("x").recall is None and Score("x").precision is None and Score("x").f1 is None
    nothing = Score("x", found=0, required=3)
    assert nothing.precision is None and nothing.f1 == 0.0


def test_scores_add_counts_not_ratios() -> None:
    total = Score("a", 1, 1, 1, 1) + Score("a", 0, 3, 0, 1)
    assert (total.found, total.required, total.correct, total.emitted) == (1, 4, 1, 2)
    assert total.recall == 0.25  # not the mean of 1.0 and 0.0
    assert Score.from_counts("a", tp=2, fp=1, fn=2) == Score("a", 2, 4, 2, 3)


def test_combine_adds_areas_of_several_documents() -> None:
    one = AreaResult("people", (Score("people", 1, 2, 1, 1),), (Check("people.role", 1, 1),))
    two = AreaResult("people", (Score("people", 2, 2, 2, 3),), (Check("people.role", 0, 2),))
    (merged,) = combine([one, two])
    assert merged.metrics()["people.recall"] == 0.75
    assert merged.metrics()["people.role"] == pytest.approx(1 / 3)


# --- matching --------------------------------------------------------------------------


def test_normalize_ignores_case_accents_hyphens_and_apostrophes() -> None:
    assert normalize("Wadih Al-Hayek") == normalize("wadih  al hayek")
    assert normalize("Ma'arrat al-Nu'man") == normalize("Ma arrat Al Nu man")
    assert normalize("Erdoğan") == "erdogan"


def test_contains_words_needs_whole_words() -> None:
    assert contains_words("said Tekin on Monday", "tekin")
    assert not contains_words("said Tekinsoy on Monday", "Tekin")


def test_role_matches_head_noun_with_qualifiers_before_it() -> None:
    assert role_matches("Turkish political analyst", ["analyst"])
    assert not role_matches("analyst adviser", ["analyst"])
    assert not role_matches(None, ["analyst"])


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(35.0, 36.0, 36.0, 36.0) == pytest.approx(111.2, abs=0.5)


# --- structure -------------------------------------------------------------------------


def test_structure_scores_layout_found_by_the_parser() -> None:
    doc = make_document(TEXT, "test")
    gold = parse_gold({"document": "x", "structure": {
        "author": "Mira Castell", "dateline": "Port Ellis",
        "headings": ["Talks in the capital", "A heading that is not there"],
        "captions": [{"starts_with": "Ships wait outside", "credit": "Coast Courier"}]}})
    area = score_structure(gold.structure, doc)
    m = area.metrics()
    assert m["structure.author"] == 1.0 and m["structure.dateline"] == 1.0
    assert m["structure.headings.recall"] == 0.5 and m["structure.headings.precision"] == 1.0
    assert m["structure.captions.recall"] == 1.0 and m["structure.captions.credit"] == 1.0
    assert any("A heading that is not there" in x for x in area.misses)


def test_structure_wrong_credit_and_author_count_against() -> None:
    doc = make_document(TEXT, "test")
    gold = parse_gold({"document": "x", "structure": {
        "author": "Someone Else", "captions": [{"starts_with": "Ships wait", "credit": "AFP"}]}})
    m = score_structure(gold.structure, doc).metrics()
    assert m["structure.author"] == 0.0 and m["structure.captions.credit"] == 0.0


# --- people ----------------------------------------------------------------------------

VELDE = GoldPerson("Tomas Velde", ("Velde",), ("chief", "harbour chief"), "XYZ")
BRISK = GoldPerson("Ana Brisk", (), ("union leader",), required=False)


def test_people_found_by_alias_and_merged_when_one_record_holds_all_names() -> None:
    ex = extraction(people=(
        person("p1", "Tomas Velde", "Tomas Velde", "Velde", role="harbour chief",
               nationality="XYZ"),
        person("p2", "Mira Castell"),
    ))
    area = score_people([VELDE, BRISK], ex)
    m = area.metrics()
    assert (area.scores[0].found, area.scores[0].required) == (1, 1)
    assert (area.scores[0].correct, area.scores[0].emitted) == (1, 2)  # Castell is not gold
    assert m["people.role"] == 1.0 and m["people.nationality"] == 1.0
    assert m["people.merged"] == 1.0


def test_people_split_over_two_records_fail_the_merge_check() -> None:
    ex = extraction(people=(person("p1", "Tomas Velde", "Tomas Velde"),
                            person("p2", "Velde", "Velde")))
    area = score_people([VELDE], ex)
    assert area.metrics()["people.recall"] == 1.0
    assert area.metrics()["people.merged"] == 0.0
    assert area.metrics()["people.role"] == 0.0
    assert any("split" in x for x in area.misses)


def test_optional_people_cost_nothing_if_missed_but_count_as_correct() -> None:
    missed = score_people([VELDE, BRISK], extraction(people=(person("p1", "Tomas Velde"),)))
    assert missed.metrics()["people.recall"] == 1.0
    found = score_people([VELDE, BRISK], extraction(people=(person("p3", "Ana Brisk"),)))
    assert found.metrics()["people.recall"] == 0.0
    assert found.metrics()["people.precision"] == 1.0


# --- places ----------------------------------------------------------------------------

PORT = GoldPlace("Port Ellis", 40.0, 20.0, 10.0)


def _place(pid: str, lat: float | None, lon: float | None, name: str = "Port Ellis") -> Place:
    return Place(pid, name, (span(name),), lat=lat, lon=lon)


def _gold_places(**kw: object) -> Gold:
    return Gold("x", places=(PORT,), **kw)  # type: ignore[arg-type]


def test_place_matches_only_within_tolerance() -> None:
    near = score_places(_gold_places(), extraction(places=(_place("a", 40.05, 20.0),)))
    far = score_places(_gold_places(), extraction(places=(_place("a", 41.0, 20.0),)))
    assert near.metrics()["places.recall"] == 1.0 and near.metrics()["places.precision"] == 1.0
    assert far.metrics()["places.recall"] == 0.0 and far.metrics()["places.precision"] == 0.0
    assert far.metrics()["places.named.recall"] == 1.0


def test_unresolved_gold_place_is_neutral_for_precision_but_non_place_is_not() -> None:
    ex = extraction(places=(_place("a", None, None), _place("b", None, None, "Coast Courier")))
    area = score_places(_gold_places(not_places=("Coast Courier",)), ex)
    (score, named) = area.scores
    assert (score.correct, score.emitted) == (0, 1)  # only the credit is judged, and wrong
    assert (named.found, named.emitted) == (1, 2)
    assert area.metrics()["places.not_places"] == 0.0


def test_not_far_rule_broken_by_a_place_resolved_abroad() -> None:
    rule = NotFar("Port Ellis", (40.0, 20.0), 50.0)
    abroad = score_places(_gold_places(not_far=(rule,)),
                          extraction(places=(_place("a", 10.0, 10.0),)))
    unresolved = score_places(_gold_places(not_far=(rule,)),
                              extraction(places=(_place("a", None, None),)))
    assert abroad.metrics()["places.not_far"] == 0.0
    assert unresolved.metrics()["places.not_far"] == 1.0


# --- quotes ----------------------------------------------------------------------------

Q_GOLD = GoldQuote("Tomas Velde", "talks would resume", ("indirect",), ("added",))


def _quote(kind: str = "indirect", speaker: str | None = "p1", cue: str = "added") -> Quote:
    s = span("talks would resume on Monday")
    return Quote("q1", s.text, s.start, s.end, kind, speaker_id=speaker, cue=span(cue))


def test_quote_needs_fragment_speaker_kind_and_cue() -> None:
    people = (person("p1", "Velde", "Velde", "Velde"),)
    gold = Gold("x", people=(VELDE,), quotes=(Q_GOLD,))
    good = score_quotes(gold, extraction(people=people, quotes=(_quote(),))).metrics()
    assert good["quotes.recall"] == 1.0  # speaker matched through the gold person's alias
    wrong_kind = score_quotes(gold, extraction(people=people,
                                               quotes=(_quote(kind="direct"),))).metrics()
    assert wrong_kind["quotes.recall"] == 0.0 and wrong_kind["quotes.span.recall"] == 1.0
    assert wrong_kind["quotes.kind"] == 0.0 and wrong_kind["quotes.speaker"] == 1.0
    no_speaker = score_quotes(gold, extraction(quotes=(_quote(speaker=None, cue="said"),)))
    m = no_speaker.metrics()
    assert m["quotes.speaker"] == 0.0 and m["quotes.cue"] == 0.0


# --- counts ----------------------------------------------------------------------------

C_GOLD = GoldCount(("detained", "arrested"), 40, qualifier="at least", object="workers")


def _count(kind: str, value: int, qualifier: str | None) -> Count:
    return Count("c1", kind, span("at least 40 workers"), value_low=value, qualifier=qualifier,
                 object="workers")


def test_count_needs_value_kind_and_qualifier() -> None:
    ok = score_counts([C_GOLD], extraction(counts=(_count("detained", 40, "at least"),)))
    assert ok.metrics()["counts.recall"] == 1.0 and ok.metrics()["counts.object"] == 1.0
    bad_q = score_counts([C_GOLD], extraction(counts=(_count("detained", 40, "about"),)))
    assert bad_q.metrics()["counts.recall"] == 0.0
    assert bad_q.metrics()["counts.value.recall"] == 1.0
    assert bad_q.metrics()["counts.qualifier"] == 0.0
    wrong = score_counts([C_GOLD], extraction(counts=(_count("killed", 4, "at least"),)))
    assert wrong.metrics()["counts.value.precision"] == 0.0


# --- events ----------------------------------------------------------------------------

E_GOLD = GoldEvent("strike closes port", ("PROTEST",), ("XYZ",), near=(40.0, 20.0),
                   status_any=("asserted",))


def _event(code: str = "XYZ", place: str | None = "pl", etype: str = "PROTEST") -> Event:
    return Event("e1", etype, span("the strike had closed the port"),
                 sources=(Actor("workers", code=code),), place_id=place)


def test_event_needs_type_source_place_and_status() -> None:
    places = (_place("pl", 40.2, 20.1), _place("far", 45.0, 20.0))
    ok = score_events([E_GOLD], extraction(places=places, events=(_event(),)))
    assert ok.metrics()["events.recall"] == 1.0 and ok.metrics()["events.precision"] == 1.0
    far = score_events([E_GOLD], extraction(places=places, events=(_event(place="far"),)))
    assert far.metrics()["events.recall"] == 0.0 and far.metrics()["events.place"] == 0.0
    assert far.metrics()["events.typed.recall"] == 1.0
    other = score_events([E_GOLD], extraction(places=places, events=(_event(code="ABC"),)))
    assert other.metrics()["events.typed.recall"] == 0.0


# --- floors ----------------------------------------------------------------------------


def _report(*results: EvaluatorResult) -> EvaluationReport:
    return EvaluationReport("now", {}, {}, results)


def _result(found: int, emitted: int = 0) -> EvaluatorResult:
    area = AreaResult("people", (Score("people", found, 4, 0, emitted),))
    return EvaluatorResult("seed", (area,))


def test_gate_fails_under_a_floor_and_on_a_metric_no_longer_reported() -> None:
    floors = {"seed": {"people.recall": 0.5, "gone.metric": 0.0}}
    failures = check_floors(_report(_result(1)), floors)
    assert {(f.metric, f.reason) for f in failures} == {
        ("people.recall", "under its floor"), ("gone.metric", "metric no longer reported")}
    assert not check_floors(_report(_result(2)), {"seed": {"people.recall": 0.5}})


def test_gate_fails_when_gated_data_is_missing_or_metric_undefined() -> None:
    skipped = EvaluatorResult("seed", skipped="missing ../shared/seed/gold.json")
    (f,) = check_floors(_report(skipped), {"seed": {"people.recall": 0.0}})
    assert "missing" in f.reason
    undefined = check_floors(_report(_result(1)), {"seed": {"people.precision": 0.1}})
    assert [f.reason for f in undefined] == ["nothing to measure"]


def test_update_floors_raises_only_unless_lowering_is_allowed() -> None:
    floors = {"seed": {"people.recall": 0.5, "people.precision": 0.0}}
    raised, _ = update_floors(floors, _report(_result(3)))
    assert raised["seed"]["people.recall"] == 0.75
    kept, changes = update_floors(floors, _report(_result(1)))
    assert kept["seed"]["people.recall"] == 0.5
    assert [c.applied for c in changes if c.metric == "people.recall"] == [False]
    lowered, _ = update_floors(floors, _report(_result(1)), allow_lower=True)
    assert lowered["seed"]["people.recall"] == 0.25
    assert floors["seed"]["people.recall"] == 0.5  # the input is not modified


def test_update_floors_rounds_down_and_pins_unmeasured_metrics_at_zero() -> None:
    new, _ = update_floors({}, _report(EvaluatorResult("seed", (AreaResult(
        "people", (Score("people", 2, 3, 0, 0),)),))))
    assert new["seed"]["people.recall"] == 0.6666
    assert new["seed"]["people.precision"] == 0.0


# --- registry, runner, CLI -------------------------------------------------------------


def test_registered_evaluators_run_and_unknown_names_are_refused(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(REGISTRY, "toy", REGISTRY["seed"].__class__(
        "toy", lambda pipeline, paths: EvaluatorResult("toy", documents=("a",))))
    paths = DataPaths(tmp_path, tmp_path)
    report = run_evaluation(Pipeline(), paths, only=["toy"])
    assert [r.name for r in report.results] == ["toy"]
    with pytest.raises(ValueError, match="unknown evaluator"):
        run_evaluation(Pipeline(), paths, only=["nope"])
    with pytest.raises(ValueError, match="already registered"):
        register("toy")(lambda pipeline, paths: EvaluatorResult("x"))


def test_missing_seed_is_reported_as_skipped_never_scored(tmp_path: Path) -> None:
    report = run_evaluation(Pipeline(), DataPaths(tmp_path, tmp_path / "seed"), only=["seed"])
    (result,) = report.results
    assert result.areas == () and result.skipped is not None
    assert "gold.json" in result.skipped


def test_data_paths_from_options_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_SEED", "/env/seed")
    monkeypatch.delenv("EVENTWIRE_DATA", raising=False)
    paths = DataPaths.resolve(None, None)
    assert paths.seed == Path("/env/seed") and paths.data == Path("../shared/data")
    assert DataPaths.resolve("d", "s").seed == Path("s")


def test_cli_reports_missing_data_and_gate_fails_on_it(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    # Both locations missing: every registered evaluator must skip, none may run on real data.
    args = ["evaluate", "--seed", str(tmp_path / "none"), "--data", str(tmp_path / "none"),
            "--report", str(report)]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 0, plain.output
    assert "missing seed gold" in plain.output and "skipped" in plain.output
    assert all(e["skipped"] for e in json.loads(report.read_text())["evaluators"])
    gated = CliRunner().invoke(app, [*args, "--gate"])
    assert gated.exit_code == 1


ARTICLE = (
    "Mira Castell - Port Ellis\n\n"
    "Dock workers in Port Ellis walked out on Monday over unpaid wages, the union said.\n\n"
    "Talks in the capital\n"
    "Union leader Ana Brisk told reporters that the union would not give in.\n"
)


@pytest.mark.model
def test_seed_evaluator_end_to_end_on_a_written_gold(pipeline: Pipeline, tmp_path: Path,
                                                     ) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({
        "document": "a.txt", "notes": "test",
        "structure": {"author": "Mira Castell", "headings": ["Talks in the capital"]},
        "people": [{"name": "Ana Brisk", "required": True}],
        "counts": [{"kind_any": ["strikers"], "value_low": 300, "required": True}]}))
    report = run_evaluation(pipeline, DataPaths(tmp_path, tmp_path), only=["seed"])
    (result,) = report.results
    m = result.metrics()
    assert result.documents == ("a.txt",)
    assert m["structure.author"] == 1.0 and m["structure.headings.recall"] == 1.0
    assert m["counts.recall"] == 0.0  # nothing emits counts for this text
    assert json.loads(json.dumps(report.to_dict()))["evaluators"][0]["name"] == "seed"


def test_a_short_name_written_only_inside_the_full_name_need_not_be_an_alias() -> None:
    from eventwire.evaluate.gold import GoldPerson
    from eventwire.evaluate.scoring import written_names

    gold = GoldPerson(name="Anna Berg", aliases=("Berg",), role_any=(), required=True)
    assert written_names(gold, "Minister Anna Berg arrived.") == {"anna berg"}
    assert written_names(gold, "Minister Anna Berg arrived. Berg said no.") == {"anna berg", "berg"}


# --- averages and evaluators without a pipeline ----------------------------------------


def test_an_average_adds_up_exactly_over_parts() -> None:
    from eventwire.evaluate.base import Average

    # Weighted F1 of three classes (support 3, 1, 2) split over two parts.
    first = Average.of("acled.weighted_f1", [(0.8, 3), (None, 1)])
    second = Average.of("acled.weighted_f1", [(0.55, 2)])
    whole = first + second
    assert whole.weight == 6 and whole.value == pytest.approx((0.8 * 3 + 0.55 * 2) / 6)
    assert Average("empty").value is None
    # A Check rounds sum(support x F1) to whole hits; the Average keeps it exact.
    assert round(whole.total) / whole.weight != whole.value


def test_averages_join_metrics_floors_and_the_report_only_where_used() -> None:
    from eventwire.evaluate.base import Average

    area = AreaResult("acled", checks=(Check("acled.accuracy", 2, 3),),
                      averages=(Average("acled.weighted_f1", 1.5, 2),))
    merged = combine([area, area])
    assert merged[0].metrics() == {"acled.accuracy": 4 / 6, "acled.weighted_f1": 0.75}
    report = _report(EvaluatorResult("toy", (area, AreaResult("plain")), documents=("a",)))
    areas = report.to_dict()["evaluators"][0]["areas"]
    assert areas[0]["averages"] == [{"name": "acled.weighted_f1", "total": 1.5, "weight": 2,
                                     "value": 0.75}]
    assert "averages" not in areas[1]  # other evaluators' report shape is unchanged
    assert check_floors(report, {"toy": {"acled.weighted_f1": 0.76}})
    assert not check_floors(report, {"toy": {"acled.weighted_f1": 0.75}})


def test_an_evaluator_without_a_pipeline_runs_with_the_paths_alone(tmp_path: Path) -> None:
    from eventwire.evaluate.runner import needs_pipeline

    seen: list[DataPaths] = []

    def lookups(paths: DataPaths) -> EvaluatorResult:
        seen.append(paths)
        return EvaluatorResult("lookups", documents=("names.tsv",))

    register("lookups", needs_pipeline=False)(lookups)
    try:
        paths = DataPaths(tmp_path, tmp_path)
        report = run_evaluation(None, paths, only=["lookups"])
        assert seen == [paths] and report.results[0].documents == ("names.tsv",)
        assert report.versions["eventwire"]  # versions without building a pipeline
        assert not needs_pipeline(["lookups"]) and needs_pipeline(["lookups", "seed"])
        with pytest.raises(ValueError, match="seed need the extraction pipeline"):
            run_evaluation(None, paths, only=["lookups", "seed"])
    finally:
        del REGISTRY["lookups"]


def test_cli_runs_an_evaluator_without_a_pipeline_and_prints_its_average(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from eventwire.cli import evaluate as cli_evaluate
    from eventwire.evaluate.base import Average, RegisteredEvaluator

    def lookups(paths: DataPaths) -> EvaluatorResult:
        return EvaluatorResult("lookups", (AreaResult(
            "gazetteer", averages=(Average("gazetteer.km", 30.0, 4),)),), documents=("x",))

    def no_pipeline(*args: object, **kwargs: object) -> None:
        raise AssertionError("no pipeline may be built for this evaluator")

    monkeypatch.setitem(REGISTRY, "lookups", RegisteredEvaluator(
        "lookups", lookups, needs_pipeline=False))
    monkeypatch.setattr(cli_evaluate, "Pipeline", no_pipeline)
    result = CliRunner().invoke(app, ["evaluate", "--only", "lookups", "--report",
                                      str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert "gazetteer.km" in result.output and "7.5000 over 4" in result.output


# --- agreements --------------------------------------------------------------------------


def _talks(aid: str, name: str, *aliases: str) -> Agreement:
    return Agreement(aid, name, "talks", (span("talks"),), span("talks would resume"),
                     aliases=aliases)


def test_agreements_match_by_name_or_alias_and_must_be_one_record() -> None:
    gold = (GoldAgreement("Port Ellis talks", ("harbour talks",)),
            GoldAgreement("Coast accord", required=False))
    ex = extraction(agreements=(_talks("a1", "harbour talks"), _talks("a2", "Port Ellis talks"),
                                _talks("a3", "Monday talks")))
    area = score_agreements(gold, ex)
    (score,) = area.scores
    assert (score.found, score.required, score.correct, score.emitted) == (1, 1, 2, 3)
    (merged,) = area.checks
    assert (merged.hits, merged.total) == (0, 1)
    assert any("split over several records" in m for m in area.misses)


def test_a_missed_required_agreement_is_named() -> None:
    area = score_agreements((GoldAgreement("Coast accord"),), extraction())
    assert area.scores[0].found == 0 and area.scores[0].required == 1
    assert area.misses == ("agreements: missed required 'Coast accord'",)


def test_gold_agreements_are_read_with_their_aliases_and_count() -> None:
    gold = parse_gold({"document": "d1", "agreements": [
        {"name": "Coast accord", "aliases": ["the accord"], "count": 3}]})
    assert gold.agreements == (GoldAgreement("Coast accord", ("the accord",), 3),)


def test_geo_scoring_credits_the_gold_geonames_id_apart_from_distance(pipeline) -> None:
    from eventwire.evaluate import geo

    text = "OTTAWA - Canada will send two more ships to the Arctic, officials said on Monday."
    start = text.index("Canada")
    # GeoNames' own point for Canada (6251999) lies in northern Alberta, far from the
    # point the packaged gazetteer carries for the country.
    gold = geo.GoldToponym(start, start + 6, "Canada", 60.10867, -113.64258,
                           geo._geonameid("6251999"))
    article = geo.Article("t1", text, (gold,), ((start, start + 6),))
    ctx = geo.article_context(article, pipeline, "test")
    assert ctx is not None
    checks = {c.name: (c.hits, c.total) for c in geo.score_article(article, ctx, "t").checks}
    assert checks["t.exact_id"] == (1, 1)
    assert checks["t.gold_span.acc161_or_id"] == (1, 1)
    assert checks["t.acc161"] == (0, 1)  # the strict distance keeps the gap visible
    assert geo._geonameid("") is None and geo._geonameid("x12") is None


def test_fresh_checks_class_a_sentence_by_its_main_event_or_its_statement() -> None:
    from eventwire.evaluate import fresh
    from eventwire.records import Event, Extraction, Quote, Span

    text = "Rebels attacked a convoy near the border after the minister warned of unrest."
    document = make_document(text, "t")
    whole = Span.of(text, 0, len(text) - 1)
    clause = Span.of(text, text.index("the minister"), len(text) - 1)
    attack = Event("e1", "ASSAULT", whole, cameo_code="190")
    warning = Event("e2", "THREATEN", clause, cameo_code="138")
    assert [fresh.penta_class(r) for r in ("01", "04", "07", "12", "19", "99", None)] == \
        [0, 1, 2, 3, 4, None, None]
    # Phoenix's grouping: investigating and reducing relations are verbal, protest material.
    assert [fresh.penta_class(r) for r in ("09", "16", "14")] == [3, 3, 4]
    assert fresh.sentence_class(Extraction(document, events=(warning, attack))) == 4
    said = Quote("q1", "of unrest", text.index("of unrest"), len(text) - 1, "indirect",
                 cue=Span.of(text, text.index("warned"), text.index("warned") + 6),
                 cameo_code="010")
    assert fresh.sentence_class(Extraction(document, quotes=(said,))) == 0
    assert fresh.sentence_class(Extraction(document)) is None
    # The verb's event is the narrowest whose evidence holds it.
    at = text.index("warned")
    assert fresh.verb_event((attack, warning), at, at + 6) is warning
    assert fresh.verb_event((warning,), 0, 6) is None


def test_fresh_event_location_reads_gold_spans_and_names_outside_the_sentence() -> None:
    from eventwire.evaluate import fresh
    from eventwire.records import Place, Span

    text = "Gunmen killed two guards in Tarvel on Sunday."
    at = text.index("Tarvel")
    place = Place("p1", "Tarvel", (Span.of(text, at, at + 6),))
    assert fresh._place_ok(place, [{"span_matches_text": True, "start": at, "end": at + 6}])
    assert not fresh._place_ok(place, [{"span_matches_text": True, "start": 0, "end": 6}])
    assert fresh._place_ok(place, [{"span_matches_text": False, "text": "tarvel"}])
    assert not fresh._place_ok(place, [{"span_matches_text": False, "text": "Ostrava"}])
