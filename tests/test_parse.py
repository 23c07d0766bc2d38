"""The parse cache gives the extractors exactly what a fresh parse gives them."""

from __future__ import annotations

from eventwire.extract.parse import ParseCache, block_at, block_index_at, parse_document
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


def test_block_at_finds_the_block_holding_an_offset(pipeline):
    document = make_document(TEXT, "test")
    parsed = parse_document(document, pipeline.nlp)
    second = TEXT.index("The governor")
    assert block_index_at(parsed, 0) == 0
    assert block_at(parsed, second) is parsed[1]
    assert block_at(parsed, second).block.text.startswith("The governor")
    # The blank line between paragraphs belongs to no block.
    assert block_index_at(parsed, second - 1) == -1 and block_at(parsed, second - 1) is None
    assert block_at(parsed, len(TEXT)) is None
