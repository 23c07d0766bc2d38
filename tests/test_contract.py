"""The extraction contract: schema, evidence offsets, determinism, the model pin."""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import ModelError
from eventwire.ingest import make_document
from eventwire.nlp.model import check_model, model_dir
from eventwire.records import RECORD_KINDS, SCHEMA_VERSION, Extraction, Span
from eventwire.run import Pipeline
from eventwire.schema import validate

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
# An article written for this test that names agreements, so that their mentions,
# evidence and the events linked to them are checked like every other record.
AGREEMENTS_ARTICLE = (
    "Envoys revive Geneva talks on Libya ceasefire\n\n"
    "GENEVA, May 4 (Reuters) - Envoys from Egypt and Turkey met in Geneva on Tuesday to revive "
    "the Geneva talks, a week after militias attacked a checkpoint near Sirte in breach of the "
    "ceasefire agreement.\n\n"
    "Officials said the Egyptian-Turkish memorandum signed last year still held, and that the "
    "agreement between Egypt and Turkey covered the buffer zone around the port.\n\n"
    "\"The Geneva process is the only way forward,\" a United Nations spokesman told "
    "reporters.\n"
)


def _spans(value: object):
    """Every {start, end, text} object anywhere inside a record."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for v in value.values():
            yield from _spans(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _spans(v)


@pytest.mark.model
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_span_is_evidence_and_the_output_follows_the_schema(
    path: Path, pipeline: Pipeline
) -> None:
    text = path.read_text(encoding="utf-8")
    payload = pipeline.extract(make_document(text, str(path))).to_dict()
    validate(payload)
    original = payload["document"]["text"]
    spans = list(_spans({k: v for k, v in payload.items() if k != "document"}))
    spans += list(_spans(payload["document"]["headings"] + payload["document"]["captions"]))
    assert spans, "an example article yields at least one record with evidence"
    for span in spans:
        assert original[span["start"]:span["end"]] == span["text"]


@pytest.mark.model
def test_agreements_and_their_links_are_evidence(pipeline: Pipeline) -> None:
    payload = pipeline.extract(make_document(AGREEMENTS_ARTICLE, "agreements")).to_dict()
    validate(payload)
    original = payload["document"]["text"]
    agreements = payload["agreements"]
    assert {a["kind"] for a in agreements} >= {"talks", "agreement", "ceasefire", "zone"}
    for span in _spans(agreements):
        assert original[span["start"]:span["end"]] == span["text"]
    ids = {a["id"] for a in agreements}
    linked = [i for e in payload["events"] for i in e["agreement_ids"]]
    assert linked and set(linked) <= ids


# Written for this test: places named inside bodies' names, alone, and both.
BODIES_ARTICLE = (
    "Ohio health officials warn of flu surge\n\n"
    "The Ohio Department of Health said on Monday that flu cases doubled in Columbus, and "
    "officers of the Columbus Police Department were asked to get vaccinated.\n"
)


@pytest.mark.model
def test_places_named_inside_bodies_names_are_evidence(pipeline: Pipeline) -> None:
    """Name mentions follow the schema and are evidence; every place has some evidence."""
    payload = pipeline.extract(make_document(BODIES_ARTICLE, "bodies")).to_dict()
    validate(payload)
    original = payload["document"]["text"]
    places = payload["places"]
    assert any(p["name_mentions"] for p in places)
    for place in places:
        assert place["mentions"] or place["name_mentions"]
        for span in (*place["mentions"], *place["name_mentions"]):
            assert original[span["start"]:span["end"]] == span["text"]


@pytest.mark.model
def test_extracting_twice_gives_the_same_result(pipeline: Pipeline) -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8")
    first = pipeline.extract(make_document(text, "a")).to_dict()
    second = pipeline.extract(make_document(text, "a")).to_dict()
    assert first == second


def test_examples_exist() -> None:
    assert len(EXAMPLES) >= 3


def test_schema_rejects_a_span_without_offsets() -> None:
    doc = make_document("Officials said the bridge reopened on Monday.", "t")
    from eventwire.records import Extraction, Person

    bad = Extraction(doc, people=(Person("p1", "X", (Span(0, 9, "Officials"),)),)).to_dict()
    del bad["people"][0]["mentions"][0]["start"]
    with pytest.raises(Exception, match="start"):
        validate(bad)


def test_a_tampered_model_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    check_model(copy)  # the untouched copy passes
    with (copy / "tokenizer").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="hash"):
        check_model(copy)


def test_a_model_with_other_figures_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    meta = json.loads((copy / "meta.json").read_text())
    meta["performance"]["ents_f"] = 0.9
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="ents_f"):
        check_model(copy)


@pytest.mark.model
def test_cli_extract_prints_valid_json(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Police said the road to the airport was closed on Monday after a "
                       "landslide, and drivers were told to use the coast road.\n")
    result = CliRunner().invoke(app, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip())
    validate(payload)
    assert payload["document"]["origin"] == str(article)


def test_cli_extract_names_an_empty_file_and_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = CliRunner().invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "E101" in result.stderr


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["$id"].endswith(f"/{SCHEMA_VERSION}")


def test_every_record_kind_is_in_the_schema() -> None:
    from eventwire.schema import load_schema

    schema = load_schema()
    assert set(RECORD_KINDS) <= set(schema["required"])
    doc = make_document("Talks resumed.", "t")
    assert list(Extraction(doc).to_dict()) == list(schema["properties"])


@pytest.mark.parametrize("cls", ["Span", "Person", "Organization", "Place", "Agreement",
                                 "Actor", "Event", "Quote", "Count"])
def test_each_record_field_is_a_required_schema_property(cls: str) -> None:
    """The schema and the records agree field for field (a new field needs both)."""
    import dataclasses

    from eventwire import records
    from eventwire.schema import load_schema

    definition = load_schema()["$defs"][cls.lower()]
    fields = [f.name for f in dataclasses.fields(getattr(records, cls))]
    assert set(fields) == set(definition["properties"]) == set(definition["required"])


def _quote_payload(cameo_code: object) -> dict:
    from eventwire.records import Quote

    doc = make_document("Officials said the bridge reopened on Monday.", "t")
    quote = Quote("q1", "the bridge reopened on Monday", 15, 44, "indirect",
                  speaker_name="Officials", cue=Span(10, 14, "said"), cameo_code="010")
    payload = Extraction(doc, quotes=(quote,)).to_dict()
    payload["quotes"][0]["cameo_code"] = cameo_code
    return payload


def test_schema_takes_a_cameo_statement_code_or_null_on_a_quote() -> None:
    validate(_quote_payload("010"))
    validate(_quote_payload("018"))
    validate(_quote_payload(None))


@pytest.mark.parametrize("code", ["111", "01", "0100", 10])
def test_schema_rejects_a_quote_code_outside_cameo_01(code: object) -> None:
    with pytest.raises(Exception, match="cameo_code|01"):
        validate(_quote_payload(code))


def test_record_to_dict_keeps_span_shape() -> None:
    assert asdict(Span(1, 3, "ab")) == {"start": 1, "end": 3, "text": "ab"}
