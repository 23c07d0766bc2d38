"""The parse cache gives the extractors exactly what a fresh parse gives them."""

from __future__ import annotations

from eventwire.extract.parse import ParseCache, parse_document
from eventwire.ingest import make_document

TEXT = ("Rebels shelled the market in Harbin on Monday, killing four people.\n\n"
        "The governor said police had arrested two men.")


def _signature(parsed):
    return [[(t.text, t.idx, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start)
             for t in pb.doc] for pb in parsed]


def test_cached_parse_equals_fresh_parse(pipeline, tmp_path):
    document = make_document(TEXT, "test")
    cache = ParseCache(tmp_path / "parses.sqlite", "model-a")
    fresh = parse_document(document, pipeline.nlp)
    first = parse_document(document, pipeline.nlp, cache=cache)
    second = parse_document(document, pipeline.nlp, cache=cache)
    assert cache.misses == len(fresh) and cache.hits == len(fresh)
    assert _signature(first) == _signature(fresh) == _signature(second)
    assert [pb.offset for pb in second] == [pb.offset for pb in fresh]


def test_cache_is_keyed_by_model(pipeline, tmp_path):
    document = make_document(TEXT, "test")
    path = tmp_path / "parses.sqlite"
    parse_document(document, pipeline.nlp, cache=ParseCache(path, "model-a"))
    other = ParseCache(path, "model-b")
    parse_document(document, pipeline.nlp, cache=other)
    assert other.hits == 0 and other.misses > 0


def test_cache_opens_nothing_until_used(tmp_path):
    ParseCache(tmp_path / "sub" / "parses.sqlite", "model-a")
    assert not (tmp_path / "sub").exists()
