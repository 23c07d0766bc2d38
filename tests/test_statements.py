"""CAMEO statement codes on quotes (extract/statements.py), on sentences written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.extract import statements
from eventwire.extract.context import Context
from eventwire.extract.parse import parse_document
from eventwire.ingest import make_document
from eventwire.records import Failure, Quote
from eventwire.run import Pipeline, process_batch
from eventwire.run.pipeline import extractor_versions
from eventwire.store import DuckDBStore, store_results

HEADER = "kind\tword\tcode\tcues\twhy\n"


def quotes_of(pipeline: Pipeline, text: str) -> tuple[Quote, ...]:
    return pipeline.extract(make_document(text, "statement-test")).quotes


def only_code(pipeline: Pipeline, text: str) -> str | None:
    (quote,) = quotes_of(pipeline, text)
    assert quote.speaker_id or quote.speaker_name, "the test sentence names its speaker"
    return quote.cameo_code


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("The interior minister said on Tuesday that the border crossing would reopen.", "010"),
    ("According to the army, three soldiers were wounded near the border.", "010"),
    ("A spokesman for the ministry declined to comment on the report.", "011"),
    ("The foreign minister said he was pessimistic about the talks.", "012"),
    ("The envoy feared that the truce would collapse within days.", "012"),
    ("The prime minister said she was optimistic that a deal would be reached.", "013"),
    ("The mayor hoped that the bridge would reopen before the winter.", "013"),
    ("The government is considering sanctions against the firm, the trade minister said.",
     "014"),
    ("The army admitted that its soldiers had fired on the crowd.", "015"),
    ("The ministry acknowledged responsibility for the error.", "015"),
    ("The rebel group denied that it had attacked the convoy.", "016"),
    ("The interior ministry rejected the allegations of torture in its prisons.", "016"),
    ("The president expressed condolences to the families of the victims.", "018"),
    ("The opposition leader agreed that the election had been fair.", "019"),
    # What the content's verb does to its object is not the statement: a plain 010.
    ("The envoy said the shelling had dashed hopes of a truce.", "010"),
    ("The aid agency said it had grave concerns about the camps.", "012"),
    ("The trade minister said the government would consider new tariffs.", "014"),
])
def test_each_statement_gets_its_cameo_code(pipeline: Pipeline, text: str, code: str) -> None:
    assert only_code(pipeline, text) == code


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # Acts CAMEO codes under other roots: the events stage codes them, not the quote.
    "The minister condemned the attack on the market.",
    "The governor urged residents to stay indoors.",
    # A refusal that is no refusal to comment is no statement.
    "The prime minister refused to resign after the vote.",
    # Hoping to do something is the speaker's intent (03), not an optimistic comment.
    "The party is hoping to win the seat at the next election.",
    # Defending someone or something verbally is CAMEO 052.
    "The minister defended the army over the raid on the camp.",
])
def test_a_more_specific_act_or_a_refusal_to_act_gets_no_statement_code(
    pipeline: Pipeline, text: str
) -> None:
    assert all(q.cameo_code is None for q in quotes_of(pipeline, text))


@pytest.mark.model
def test_a_quote_without_speaker_gets_no_code(pipeline: Pipeline) -> None:
    text = "The foreign minister said that the embassy would reopen in May."
    document = make_document(text, "no-speaker")
    (said,) = pipeline.extract(document).quotes
    assert said.cameo_code == "010"
    ctx = Context(document, parse_document(document, pipeline.nlp), pipeline.resources)
    ctx.quotes = (dataclasses.replace(said, speaker_id=None, speaker_name=None, cameo_code=None),
                  dataclasses.replace(said, cameo_code=None))
    unsourced, sourced = statements.extract(ctx)
    assert unsourced.cameo_code is None
    assert sourced.cameo_code == "010"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A report by the ministry said that exports had fallen by a tenth.",
    "A survey of small firms said that most expected higher costs next year.",
    "The statement said the talks would resume on Monday.",
])
def test_a_document_or_a_figure_as_speaker_gets_no_code(pipeline: Pipeline, text: str) -> None:
    quotes = quotes_of(pipeline, text)
    assert quotes and all(q.cameo_code is None for q in quotes)


def test_speaker_words_that_name_no_actor() -> None:
    codes = statements.statement_codes()
    assert not codes.names_an_actor("the report")
    assert not codes.names_an_actor("official figures")  # plural of a listed word
    assert codes.names_an_actor("the ministry")
    assert codes.names_an_actor("Western diplomats")
    assert not codes.names_an_actor("")


@pytest.mark.model
def test_a_passive_stance_with_no_source_gets_no_code(pipeline: Pipeline) -> None:
    quotes = quotes_of(pipeline, "The ceasefire is widely expected to hold until the spring.")
    assert quotes and all(q.speaker_name is None and q.cameo_code is None for q in quotes)


@pytest.mark.model
def test_statement_codes_round_trip_through_a_real_store(pipeline: Pipeline,
                                                         tmp_path: Path) -> None:
    texts = ["The health minister said the clinics would stay open through the weekend.",
             "The rebel commander denied that his fighters had shelled the village."]
    items = [make_document(t, f"doc{i}.txt") for i, t in enumerate(texts)]
    bad = Failure("empty.txt", "E101", "no text")
    results = list(process_batch([items[0], bad, items[1]], pipeline))
    db = tmp_path / "statements.duckdb"
    summary = store_results(results, lambda: DuckDBStore(db),
                            run_info=lambda: {"versions": extractor_versions()})
    assert (summary.new, summary.failures) == (2, 1)
    with DuckDBStore(db, read_only=True) as store:
        stored = [store.get_extraction(r.document.id) for r in results
                  if not isinstance(r, Failure)]
        rows = store.query("quotes")
    assert stored == [r for r in results if not isinstance(r, Failure)]
    assert sorted(r["cameo_code"] for r in rows) == ["010", "016"]
    assert all(r["cameo_code"] == r["data"]["cameo_code"] for r in rows)


def test_the_stage_is_versioned() -> None:
    assert extractor_versions()["statements"] == statements.VERSION == "statements.rules.v5"


def test_the_packaged_table_loads_and_covers_every_emitted_code() -> None:
    codes = statements.statement_codes()
    emitted = {c for c in codes.cues.values() if c in statements.CODES}
    emitted |= {code for code, _ in codes.content.values() if code in statements.CODES}
    assert emitted == statements.CODES - {"017"}  # 017 is an act, never words
    assert codes.cues["say"] == "010" and codes.cues["condemn"] == statements.NONE


def test_every_cue_of_the_quote_lexicon_has_a_statement_decision() -> None:
    """A cue the quotes stage learns needs a row here (a code, none or by-content)."""
    from eventwire.extract.quotes.lexicon import lexicon
    from eventwire.extract.quotes.nominal import NOUNS

    cues = statements.statement_codes().cues
    words = {f"{e.lemma} {e.particle}".strip() for e in lexicon().values()} | set(NOUNS)
    missing = sorted(w for w in words if w not in cues and w.split()[0] not in cues)
    assert not missing, f"add rows to statement_codes.tsv for: {', '.join(missing)}"


def test_a_content_word_refines_only_the_cues_it_names() -> None:
    codes = statements.statement_codes()
    assert codes.code("decline", ("comment",)) == "011"
    assert codes.code("decline", ("withdraw",)) is None
    assert codes.code("say", ("condolence",)) == "018"
    assert codes.code("say", ("comment",)) == "010"  # "said the comment was..."
    assert codes.code("deny", ("optimistic",)) == "016"  # only a plain statement is refined
    assert codes.code("urge", ("condolence",)) is None
    assert codes.code("offer", ("condolence",)) == "018"
    assert codes.code("offer", ("to",)) is None  # "offered to mediate": intent
    assert codes.code(None, ()) is None


@pytest.mark.parametrize(("row", "message"), [
    ("cue\tsay\t020\t-\tnot a statement code\n", "010-019"),
    ("cue\tSay\t010\t-\tupper case\n", "lower-case"),
    ("content\tcomment\t011\t-\tno cues\n", "cues"),
    ("quote\tsay\t010\t-\tbad kind\n", "kind"),
    ("cue\tsay\t010\t-\tonce\ncue\tsay\t010\t-\ttwice\n", "twice"),
    ("cue\tsay\t010\n", "columns"),
    ("speaker\treport\t010\t-\ta code\n", "speaker"),
])
def test_a_bad_table_row_is_a_coded_error_naming_its_line(tmp_path: Path, row: str,
                                                          message: str) -> None:
    path = tmp_path / "codes.tsv"
    path.write_text("# a comment\n" + HEADER + row, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as err:
        statements.load_codes(path)
    assert "codes.tsv, line" in str(err.value.origin)
    assert err.value.code == "E500"
