"""Readers: every input becomes Documents or coded Failures, and a batch goes on.

Fixtures are short news-style texts written for these tests, created in tmp_path.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.config import FieldMap, Settings
from eventwire.ingest.corpora import normalize_date
from eventwire.ingest.readers import read_inputs, read_path
from eventwire.records import Document, Failure

STORY = (
    "The harbour authority of Port Ellis said on Monday that two cargo ships had "
    "collided near the northern pier.\n\n"
    "No one was hurt, a spokeswoman for the authority told reporters, and the port "
    "reopened to traffic in the afternoon."
)
OTHER_STORY = "Farmers in the valley marched to the town hall on Friday to protest a new water tax."
GERMAN = (
    "Die Stadtverwaltung von Neustadt hat am Dienstag beschlossen, die alte Brücke über "
    "den Fluss im kommenden Frühjahr abzureißen. Nach Angaben des Bürgermeisters soll "
    "eine neue Brücke aus Stahl gebaut werden, die mehr Verkehr tragen kann. Die Arbeiten "
    "sollen zwei Jahre dauern und werden von Land und Bund gemeinsam bezahlt, teilte die "
    "Verwaltung in einer Erklärung mit."
)
HTML = """<!DOCTYPE html>
<html><head>
<title>Port reopens after ships collide</title>
<meta name="author" content="Mara Quill">
<meta property="og:site_name" content="Coast Courier">
</head><body>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/weather">Weather menu</a></li></ul></nav>
<article>
<h1>Port reopens after ships collide</h1>
<p>The harbour authority of Port Ellis said on Monday that two cargo ships had collided
near the northern pier, closing the port for several hours.</p>
<p>No one was hurt, a spokeswoman for the authority told reporters, and the port reopened
to traffic in the afternoon after divers checked the pier.</p>
</article>
<footer>All rights reserved by Coast Courier</footer>
</body></html>
"""


def read_all(path: Path, settings: Settings | None = None) -> list[Document | Failure]:
    return list(read_path(path, settings or Settings()))


def only(items: list[Document | Failure]) -> Document | Failure:
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def failure(item: Document | Failure, code: str) -> Failure:
    assert isinstance(item, Failure), item
    assert item.code == code, item
    return item


# ---------------------------------------------------------------- plain text


def test_text_file_becomes_document(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", STORY)
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert doc.text == STORY
    assert doc.origin == str(path)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8 + STORY.encode("utf-8"))
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert doc.text == STORY


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    text = "Café owners in Lyonsville reopened on Sunday after the flood, the mayor said."
    path = write(tmp_path, "wide.txt", text.encode("utf-16"))
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_undecodable_bytes_name_offset_and_fix(tmp_path: Path) -> None:
    data = "The café on Main Street was closed by police.".encode("cp1252")
    path = write(tmp_path, "legacy.txt", data)
    item = failure(only(read_all(path)), "E103")
    assert item.origin == str(path)
    offset = data.index("é".encode("cp1252"))
    assert f"offset {offset}" in item.message
    assert "UTF-8" in item.message


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    item = failure(only(read_all(path)), "E102")
    assert "binary" in item.message


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "noise.dat", bytes([1, 2, 3, 65, 66, 4, 5, 6]) * 100)
    failure(only(read_all(path)), "E102")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_empty_inputs(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "blank.txt", data)
    failure(only(read_all(path)), "E101")


def test_too_large_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "long.txt", STORY)
    opened: list[Path] = []
    real_open = Path.open

    def spy_open(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy_open)
    item = failure(only(read_all(path, Settings(max_chars=20))), "E104")
    assert "bytes" in item.message and "--max-chars" in item.message
    assert opened == []


def test_too_many_characters_is_refused(tmp_path: Path) -> None:
    # Within the byte limit (4 bytes a character) but over the character limit.
    path = write(tmp_path, "long.txt", STORY)
    item = failure(only(read_all(path, Settings(max_chars=len(STORY) - 5))), "E104")
    assert "characters" in item.message


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    item = failure(only(read_all(path)), "E108")
    assert item.origin == str(path)


def test_non_english_text_is_refused(tmp_path: Path) -> None:
    assert len(GERMAN.split()) >= 40
    path = write(tmp_path, "brücke.txt", GERMAN)
    item = failure(only(read_all(path)), "E109")
    assert "English" in item.message


# ---------------------------------------------------------------- JSON lines


def jsonl(*lines: str | dict[str, object]) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)


def test_jsonl_malformed_line_fails_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", jsonl(
        {"id": "a1", "text": STORY, "title": "Ships collide", "date": "2024-03-04T09:30:00Z"},
        '{"id": "a2", "text": "broken" "line"}',
        "",
        {"text": OTHER_STORY},
    ))  # fmt: skip
    first, bad, last = read_all(path)
    assert isinstance(first, Document) and first.text == STORY
    assert first.origin == f"{path}#a1"
    assert first.title == "Ships collide" and first.published == "2024-03-04"
    bad = failure(bad, "E105")
    assert bad.record_id == "line 2"
    assert bad.message.startswith("line 2: not valid JSON")
    assert "column" in bad.message
    assert isinstance(last, Document) and last.origin == f"{path}#line 4"


def test_jsonl_missing_text_field_lists_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", jsonl({"id": 7, "body": STORY, "headline": "x"}))
    item = failure(only(read_all(path)), "E106")
    assert item.record_id == "7"
    assert "'text'" in item.message
    assert "'body'" in item.message and "'headline'" in item.message


def test_jsonl_record_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", jsonl("[1, 2]", {"text": STORY}))
    bad, good = read_all(path)
    assert "array" in failure(bad, "E106").message
    assert isinstance(good, Document)


def test_jsonl_empty_text_and_non_string_text(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", jsonl({"text": "  "}, {"text": ["a list"]}))
    empty, wrong = read_all(path)
    failure(empty, "E101")
    assert "string" in failure(wrong, "E105").message


def test_jsonl_custom_field_names(tmp_path: Path) -> None:
    settings = Settings(fields=FieldMap.parse(["text=body", "id=doc"]))
    path = write(tmp_path, "corpus.ndjson", jsonl({"doc": "wire-9", "body": STORY, "text": "no"}))
    doc = only(read_all(path, settings))
    assert isinstance(doc, Document)
    assert doc.text == STORY
    assert doc.origin == f"{path}#wire-9"


def test_jsonl_over_long_line_fails_and_batch_goes_on(tmp_path: Path) -> None:
    settings = Settings(max_chars=200)
    path = write(tmp_path, "corpus.jsonl", jsonl({"text": "word " * 400}, {"text": OTHER_STORY}))
    too_long, good = read_all(path, settings)
    assert failure(too_long, "E104").record_id == "line 1"
    assert isinstance(good, Document) and good.text == OTHER_STORY


def test_jsonl_with_only_blank_lines_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", "\n\n  \n")
    failure(only(read_all(path)), "E101")


# ---------------------------------------------------------------- CSV / TSV and .json


def test_csv_corpus(tmp_path: Path) -> None:
    data = (
        "id,title,text,date\n"
        f'c1,"Ships, collide","{STORY}",2024-03-04\n'
        "c2,Protest,,2024-03-05\n"
        f"c3,Tax march,{OTHER_STORY},last Friday\n"
    )
    path = write(tmp_path, "corpus.csv", data)
    first, empty, last = read_all(path)
    assert isinstance(first, Document)
    assert first.text == STORY and first.title == "Ships, collide"
    assert first.published == "2024-03-04" and first.origin == f"{path}#c1"
    assert failure(empty, "E101").record_id == "c2"
    assert isinstance(last, Document) and last.published is None


def test_tsv_corpus_and_large_field(tmp_path: Path) -> None:
    big = " ".join([OTHER_STORY] * 2500)  # well over the csv module's default 128 KiB field limit
    path = write(tmp_path, "corpus.tsv", f"text\tsource\n\"{STORY}\"\tCoast Courier\n{big}\t\n")
    first, second = read_all(path)
    assert isinstance(first, Document) and first.source == "Coast Courier"
    assert first.text == STORY  # a quoted field keeps its blank line
    assert first.origin == f"{path}#row 1"
    assert isinstance(second, Document) and second.text == big


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.csv", "id,body\n1,hello\n")
    item = failure(only(read_all(path)), "E106")
    assert "'text'" in item.message and "'body'" in item.message


def test_csv_row_with_wrong_field_count(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.csv", f"id,text\n1,{OTHER_STORY},extra\n2,{OTHER_STORY}\n")
    bad, good = read_all(path)
    assert "header has 2" in failure(bad, "E105").message
    assert isinstance(good, Document) and good.origin.endswith("#2")


def test_json_list_and_object(tmp_path: Path) -> None:
    articles = [{"text": STORY}, {"id": "b", "text": OTHER_STORY}]
    listing = write(tmp_path, "two.json", json.dumps(articles))
    first, second = read_all(listing)
    assert isinstance(first, Document) and first.origin == f"{listing}#item 1"
    assert isinstance(second, Document) and second.origin == f"{listing}#b"
    single = write(tmp_path, "one.json", json.dumps({"text": STORY, "url": "https://example.org/a"}))
    doc = only(read_all(single))
    assert isinstance(doc, Document) and doc.origin == str(single)
    assert doc.url == "https://example.org/a"


def test_json_malformed_and_wrong_type(tmp_path: Path) -> None:
    failure(only(read_all(write(tmp_path, "bad.json", '{"text": '))), "E105")
    failure(only(read_all(write(tmp_path, "num.json", "42"))), "E105")


# ---------------------------------------------------------------- HTML


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = only(read_all(write(tmp_path, "page.html", HTML)))
    assert isinstance(doc, Document)
    assert doc.title == "Port reopens after ships collide"
    assert doc.author == "Mara Quill"
    assert "two cargo ships had collided" in doc.text
    assert "Weather menu" not in doc.text
    # Paragraphs stay apart, so the layout parser sees separate blocks.
    assert "northern pier, closing the port for several hours.\n\nNo one was hurt" in doc.text


def test_html_without_main_text(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.htm", "<html><body></body></html>")
    item = failure(only(read_all(path)), "E101")
    assert "HTML" in item.message


# ---------------------------------------------------------------- folders, stdin, batches


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", OTHER_STORY)
    write(tmp_path, "a/inner.txt", STORY)
    write(tmp_path, ".secret.txt", STORY)
    write(tmp_path, ".git/objects/x.txt", STORY)
    write(tmp_path, "c/image.bin", b"GIF89a\x00\x01\x00\x01" + bytes(200))
    items = read_all(tmp_path)
    origins = [item.origin for item in items]
    assert origins == [str(tmp_path / p) for p in ("a/inner.txt", "b.txt", "c/image.bin")]
    assert isinstance(items[0], Document) and isinstance(items[1], Document)
    failure(items[2], "E102")


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, STORY.encode("utf-8"))
    doc = only(list(read_inputs(["-"], Settings())))
    assert isinstance(doc, Document) and doc.text == STORY


def test_stdin_sniffs_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, ("\n  " + jsonl({"id": "s1", "text": STORY}, "{oops")).encode())
    doc, bad = read_inputs(["-"], Settings())
    assert isinstance(doc, Document) and doc.origin == "<stdin>#s1"
    assert failure(bad, "E105").record_id == "line 3"


def test_stdin_sniffs_html(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, HTML.encode("utf-8"))
    doc = only(list(read_inputs(["-"], Settings())))
    assert isinstance(doc, Document) and doc.title == "Port reopens after ships collide"


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, STORY.encode("utf-8"))
    failure(only(list(read_inputs(["-"], Settings(max_chars=10)))), "E104")


def test_batch_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", STORY)
    german = write(tmp_path, "de.jsonl", jsonl({"text": GERMAN}))
    paths = [str(tmp_path / "missing.txt"), str(german), str(good)]
    missing, non_english, doc = read_inputs(paths, Settings())
    failure(missing, "E108")
    assert failure(non_english, "E109").record_id == "line 1"
    assert isinstance(doc, Document) and doc.origin == str(good)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", "2024-03-04"),
        ("2024-03-04T23:10:00+02:00", "2024-03-04"),
        ("20240304", "2024-03-04"),
        ("2024", None),
        ("04/03/2024", None),
        (None, None),
    ],
)
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value, "test") == expected
