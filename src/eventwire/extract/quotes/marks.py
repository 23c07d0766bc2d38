"""Quotation marks: the quoted stretches of body paragraphs, linked across paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = ("“", "«", "„", "``")
_CLOSING = ("”", "»")
# Straight marks open and close alike; '' and `` are the typewriter marks of some wires.
_MARK = re.compile(r"''|``|[“”«»„\"]")
_MIN_QUOTE_WORDS = 4  # shorter quotations are scare quotes or titles ("de-escalation zone")


@dataclass(frozen=True, slots=True)
class Segment:
    """A quotation: ``start``/``end`` bound the words inside the marks (absolute offsets).

    ``run`` numbers quotations that continue one another across paragraphs.
    """

    start: int
    end: int
    block: int
    run: int


def quotation_segments(text: str, blocks: list[tuple[int, int]]) -> list[Segment]:
    """Quotations in the given (start, end) blocks, linked across paragraph breaks.

    A block that ends inside an open quotation continues into the next block if
    that block opens with a quotation mark (the convention of news copy).
    """
    segments: list[Segment] = []
    run = 0
    carried = False
    for index, (b_start, b_end) in enumerate(blocks):
        body = text[b_start:b_end]
        starts_open = bool(_MARK.match(body.lstrip())) and body.lstrip()[:1] not in _CLOSING
        if not (carried and starts_open):
            run += 1
        spans, carried = _marked_spans(body)
        for i, (s, e) in enumerate(spans):
            if i > 0:
                run += 1
            segments.append(Segment(b_start + s, b_start + e, index, run))
    return [s for s in segments if _is_quotation(text[s.start:s.end], s, segments)]


def _marked_spans(body: str) -> tuple[list[tuple[int, int]], bool]:
    """Inside-the-marks spans of one block, and whether it ends with a quotation open."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    lead = len(body) - len(body.lstrip())
    for m in _MARK.finditer(body):
        mark = m.group()
        # '”Fear. I am afraid.” ― Ana Ruiz': web copy often opens a paragraph with the
        # closing mark; nothing can be open before a paragraph's first word.
        typo_opening = m.start() == lead and body[m.end():m.end() + 1].strip() != ""
        if open_at is None and (mark not in _CLOSING or typo_opening):
            open_at = m.end()
        elif open_at is not None and mark not in _OPENING:
            spans.append((open_at, m.start()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(body.rstrip())))
        return spans, True
    return spans, False


def _is_quotation(inner: str, seg: Segment, all_segments: list[Segment]) -> bool:
    """A quotation of speech, not scare quotes, a title or a name."""
    if sum(1 for s in all_segments if s.run == seg.run) > 1:
        return True
    words = inner.split()
    # Speech closes inside its marks ('"I would," she said'); a scare-quoted term rarely does.
    return len(words) >= _MIN_QUOTE_WORDS or inner.rstrip()[-1:] in (",", "?", "!")
