"""Article layout from plain text: byline, title, headings, captions, wire datelines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest.structure import find_structure

ARTICLE = """Lena Varga - Eastern Ukraine

Artillery fire hit the outskirts of the town overnight, damaging a school and two houses, the regional governor said on Saturday.

Residents said the shelling began shortly after midnight and lasted for three hours.

A damaged classroom in the town's main school (Associated Press)

Aid convoys stalled
Trucks carrying food and medicine waited at a checkpoint for a second day, according to the local Red Cross office.

Officials said the convoy would try again on Monday.
"""


def test_byline_gives_author_and_dateline() -> None:
    layout = find_structure(ARTICLE)
    assert layout.author == "Lena Varga"
    assert layout.dateline == "Eastern Ukraine"
    assert layout.author_span is not None
    assert ARTICLE[layout.author_span.start:layout.author_span.end] == "Lena Varga"


def test_caption_with_credit_is_not_a_paragraph() -> None:
    layout = find_structure(ARTICLE)
    assert [c.credit for c in layout.captions] == ["Associated Press"]
    caption = layout.captions[0]
    assert ARTICLE[caption.credit_start:caption.credit_end] == "Associated Press"
    paragraphs = [b.text for b in layout.blocks if b.kind == "paragraph"]
    assert not any("damaged classroom" in p for p in paragraphs)


def test_heading_directly_above_its_paragraph() -> None:
    layout = find_structure(ARTICLE)
    assert [h.text for h in layout.headings] == ["Aid convoys stalled"]
    kinds = [b.kind for b in layout.blocks]
    assert kinds == ["byline", "paragraph", "paragraph", "caption", "heading", "paragraph",
                     "paragraph"]


def test_title_line_on_its_own() -> None:
    text = "Floods close schools across the north\n\nHeavy rain closed schools on Monday.\n"
    layout = find_structure(text)
    assert layout.title == "Floods close schools across the north"
    assert layout.author is None


def test_sentence_ending_in_parenthesis_is_not_a_caption() -> None:
    text = "Prices rose by four percent in March (the highest in a decade).\n\nMore follows.\n"
    assert find_structure(text).captions == ()


def test_wire_dateline_with_agency() -> None:
    text = "BEIRUT (Reuters) - Protesters blocked roads in the capital on Sunday.\n"
    layout = find_structure(text)
    assert layout.dateline == "Beirut"
    assert layout.source == "Reuters"


def test_short_last_line_is_not_a_heading() -> None:
    text = "The meeting ended without a statement.\n\nMore to follow\n"
    assert find_structure(text).headings == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab C.\n(-)") + ["Reuters", "By ", " - ", "\n\n"]),
                max_size=80).map("".join))
def test_every_block_points_into_the_text(text: str) -> None:
    layout = find_structure(text)
    for block in layout.blocks:
        assert text[block.start:block.end] == block.text
        assert block.text.strip() == block.text and block.text
    starts = [b.start for b in layout.blocks]
    assert starts == sorted(starts)
