"""Article layout from plain text, the way wire and web copy is laid out.

Blocks are runs of non-blank lines. Within them we recognise:

* a byline with dateline, ``Name - Place`` (or ``By Name``), on the first line;
* a title: a short unpunctuated first line standing on its own;
* section headings: short lines without final punctuation, followed by text;
* photo captions: one-line blocks ending in a credit in parentheses,
  ``... backed by the army (Reuters)``;
* a wire dateline opening the first paragraph, ``BEIRUT (Reuters) -``;
* paragraphs: everything else.

Captions and headings are kept apart so that extractors do not code them as
new events: they restate or illustrate what the body says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.records import Block, Caption, Heading, Span

_NAME_WORD = r"(?:[A-Z][\w'’.]*(?:-[A-Za-z][\w'’]*)*|al|el|bin|ibn|de|van|von|du|da)"
_NAME = rf"[A-Z][\w'’.]*(?:-[A-Za-z][\w'’]*)*(?:\s+{_NAME_WORD}){{1,4}}"
_DASH = r"\s+[-–—]\s+"
BYLINE = re.compile(rf"^(?:By\s+)?(?P<name>{_NAME}){_DASH}(?P<place>[A-Z][^\n]{{1,60}}?)\s*$")
BY_ONLY = re.compile(rf"^By\s+(?P<name>{_NAME})(?:\s*,\s*(?P<place>[A-Z][^\n]{{1,60}}?))?\s*$")
CAPTION = re.compile(r"^(?P<body>.*[^.!?\s])\s*\((?P<credit>[A-Z][^()\n]{1,40})\)\s*$")
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,40}?)(?:,\s*(?P<rest>[A-Z][\w .,]{0,40}?))?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?\s*[-–—]{1,2}\s"
)
FINAL_PUNCT = tuple('.!?:;,"\'”’)…')
MAX_HEADING_WORDS = 12
MAX_TITLE_WORDS = 25
MAX_CAPTION_WORDS = 45


@dataclass(frozen=True, slots=True)
class Layout:
    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...]
    captions: tuple[Caption, ...]
    title: str | None = None
    author: str | None = None
    author_span: Span | None = None
    dateline: str | None = None
    dateline_span: Span | None = None
    source: str | None = None


def _lines(text: str) -> list[list[tuple[int, int]]]:
    """Groups of (start, end) of stripped non-blank lines, split at blank lines."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            current.append((start, start + len(stripped)))
        elif current:
            groups.append(current)
            current = []
        pos += len(raw) + 1
    if current:
        groups.append(current)
    return groups


def _words(s: str) -> int:
    return len(s.split())


def _is_headline_like(line: str, max_words: int) -> bool:
    return (
        0 < _words(line) <= max_words
        and not line.endswith(FINAL_PUNCT)
        and line[0].isupper()
        and not CAPTION.match(line)
    )


def _caption(text: str, start: int, end: int) -> Caption | None:
    line = text[start:end]
    m = CAPTION.match(line)
    if not m or _words(line) > MAX_CAPTION_WORDS or _words(m["credit"]) > 5:
        return None
    # A credit is a name: every word capitalised (Al-Jazeera Net, AFP, Getty Images).
    if not all(w[0].isupper() for w in m["credit"].split() if w[0].isalpha()):
        return None
    return Caption(line, start, end, m["credit"].strip(), start + m.start("credit"),
                   start + m.start("credit") + len(m["credit"].strip()))


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[Block] = []
        self.headings: list[Heading] = []
        self.captions: list[Caption] = []
        self.fields: dict[str, object] = {}

    def add(self, kind: str, start: int, end: int) -> None:
        self.blocks.append(Block(kind, start, end, self.text[start:end]))
        if kind == "heading":
            self.headings.append(Heading(self.text[start:end], start, end))

    def byline(self, start: int, end: int) -> bool:
        line = self.text[start:end]
        m = BYLINE.match(line) or BY_ONLY.match(line)
        if not m:
            return False
        self.fields["author"] = m["name"]
        self.fields["author_span"] = Span.of(
            self.text, start + m.start("name"), start + m.end("name"))
        if m["place"]:
            self.fields["dateline"] = m["place"]
            self.fields["dateline_span"] = Span.of(
                self.text, start + m.start("place"), start + m.end("place"))
        self.add("byline", start, end)
        return True

    def wire_dateline(self, start: int) -> None:
        m = WIRE_DATELINE.match(self.text, start)
        if not m or "dateline" in self.fields:
            return
        place = m["place"].strip()
        if not any(c.islower() for c in place) and len(place) > 2:
            self.fields["dateline"] = place.title() if place.isupper() else place
            self.fields["dateline_span"] = Span.of(self.text, m.start("place"),
                                                   m.start("place") + len(place))
            if m["agency"]:
                self.fields["source"] = m["agency"].strip()


def find_structure(text: str) -> Layout:
    """Find the layout of ``text``; offsets are into ``text`` itself."""
    b = _Builder(text)
    groups = _lines(text)
    first_paragraph_seen = False
    for gi, group in enumerate(groups):
        lines = list(group)
        if gi <= 1 and not b.blocks[1:] and len(lines) >= 1:
            # Title and byline can only open the article.
            s, e = lines[0]
            line = text[s:e]
            if "author" not in b.fields and b.byline(s, e):
                lines.pop(0)
            elif (gi == 0 and len(lines) == 1 and len(groups) > 1
                  and _is_headline_like(line, MAX_TITLE_WORDS)):
                b.fields["title"] = line
                b.add("title", s, e)
                lines.pop(0)
        if not lines:
            continue
        if len(lines) == 1 and (cap := _caption(text, *lines[0])):
            b.captions.append(cap)
            b.add("caption", cap.start, cap.end)
            continue
        is_last = gi == len(groups) - 1
        s, e = lines[0]
        if _is_headline_like(text[s:e], MAX_HEADING_WORDS) and (len(lines) > 1 or not is_last):
            if len(lines) > 1 or first_paragraph_seen:
                b.add("heading", s, e)
                lines.pop(0)
        if not lines:
            continue
        start, end = lines[0][0], lines[-1][1]
        if not first_paragraph_seen:
            b.wire_dateline(start)
        first_paragraph_seen = True
        b.add("paragraph", start, end)
    f = b.fields
    return Layout(
        blocks=tuple(b.blocks),
        headings=tuple(b.headings),
        captions=tuple(b.captions),
        title=f.get("title"),  # type: ignore[arg-type]
        author=f.get("author"),  # type: ignore[arg-type]
        author_span=f.get("author_span"),  # type: ignore[arg-type]
        dateline=f.get("dateline"),  # type: ignore[arg-type]
        dateline_span=f.get("dateline_span"),  # type: ignore[arg-type]
        source=f.get("source"),  # type: ignore[arg-type]
    )
