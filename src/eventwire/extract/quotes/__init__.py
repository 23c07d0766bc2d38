"""Quotes and attribution: who said (or believes) what, in which words, to whom.

Rules over the dependency parse of each body paragraph (no extra model):

* a **cue** is a verb of the lexicon ``resolve/data/speech_verbs.tsv`` ("said",
  "told", "pointed out", "believe") or the phrase "according to X";
* its **content** is its clausal complement ("told Reuters *that ...*"), the
  clause it is inserted in ("the talks, he said, failed"), the quotation next to
  it (``"...," X added``; ``X said: "..."``; ``"A," she said. "B."`` is one
  quote), or for stance verbs marked ``object`` their noun or infinitive
  complement ("stressed *the need for talks*", "called for *a truce*"); a
  quotation the complement only partly covers makes the quote *mixed*; content
  wholly inside quotation marks is *direct* (its span is the words inside the
  marks, or from the first mark to the last when the cue breaks a quotation);
* a paragraph opening with a speaker's label and a colon ("PENCE: Well, ...")
  is that speaker's direct quote;
* quotations run across paragraphs: a paragraph that ends inside an open
  quotation continues in the next paragraph that opens with a quotation mark;
* a quotation with no cue of its own that follows a quoted speaker in the same
  or the previous paragraph continues that speaker;
* the **speaker** is the cue's subject (inherited through "X asked ... and
  said", participles "..., adding that" and "according to X, ... pointing out"),
  resolved to a person or organization record by its mentions (short forms and
  misspellings are merged by the entities stage); role nouns ("the minister")
  and organization nouns ("the ministry", "the newspaper") to the latest record
  they describe; pronouns to the one person (or organization) named as subject
  or speaker in the latest sentence that names any; never across two (see
  :mod:`eventwire.extract.quotes.speakers`).
  Otherwise a named group keeps its words as the speaker's name ("Western
  diplomats") and a pronoun stays null;
* the **channel** is what a speaker told: "told Al Jazeera Net that".

Captions, headings and titles are not read: in news they summarize or label
what the body reports and hold no speech of their own (a caption is the
photographer's words), so reading them would count the same statement twice.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.quotes.lexicon import CueEntry, cue_entry, lexicon, load_lexicon
from eventwire.extract.quotes.marks import Segment, quotation_segments
from eventwire.extract.quotes.speakers import (
    Resolver,
    Speaker,
    absolute,
    subject_of,
)
from eventwire.records import Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

__all__ = ["VERSION", "CueEntry", "Segment", "Speaker", "cue_entry", "extract", "lexicon",
           "load_lexicon", "quotation_segments"]

log = logging.getLogger(__name__)

VERSION = "quotes.rules.v2"

_MAX_GAP_WORDS = 30  # '"A," she said, smiling. "B."': one quotation broken by its cue
_SAME_SHARE = 0.9  # two quotes sharing this much of the longer one report the same words
_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "xcomp", "attr", "acomp", "pcomp"})
_OBJECT_PREPS = frozenset({"for", "of", "against", "about", "on"})
# A speaker's label opening a paragraph: up to four capitalized words and a colon.
_LABEL = re.compile(r"[\"“']?(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
# Capitalized labels of news layout that are not speakers ("UPDATE: ...").
_NOT_SPEAKERS = frozenset({"update", "updated", "note", "editor's note", "editor’s note",
                           "breaking", "correction", "warning", "photo", "video", "watch",
                           "read more", "read", "see also", "related", "source", "sources",
                           "q", "a", "ps"})


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: str
    speaker: Speaker
    cue: Span | None
    channel: str | None


def _content_tokens(verb: Token, entry: CueEntry) -> list[Token] | None:
    """What a cue verb reports, as tokens: its clause, else what it interrupts, else its object.

    * "said (that) the talks failed": the complement clause;
    * "the talks, he said, failed": the clause the cue is inserted in;
    * "stressed the need for talks", "called for a ceasefire", "urged them to stop"
      (cues marked ``object``): the verb's complements after it.
    """
    for child in verb.children:
        if child.dep_ == "ccomp":
            return list(child.subtree)
    if entry.needs in ("any", "object") and verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return list(verb.head.subtree)
    if entry.needs != "object" or verb.tag_ == "VB":
        # A bare infinitive ("to disclose his returns", "would need to confirm") reports
        # what someone might say, not what was said.
        return None
    parts = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS))]
    if not parts:
        return None
    return [t for c in parts for t in c.subtree]


def _channel(verb: Token, pb: ParsedBlock, text: str) -> str | None:
    """What a speaker told: "told Al Jazeera Net that" -> "Al Jazeera Net"."""
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
            tokens = [t for t in child.subtree if not t.is_punct or t.text in "-'’."]
            s, e = absolute(pb, tokens)
            words = text[s:e]
            return words[4:] if words.lower().startswith("the ") else words
    return None


def _cue_span(verb: Token, pb: ParsedBlock, text: str) -> Span:
    tokens = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    s, e = absolute(pb, tokens)
    return Span.of(text, s, e)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading complementizer and edge punctuation or quotation marks."""
    m = re.match(r"[\s,;:\-–—\"“”«»'`]*(?:that\b)?[\s,;:\-–—\"“”«»'`]*", text[start:end])
    if m:
        start += m.end()
    while end > start and text[end - 1] in " \n,;:-–—.\"“”«»'`":
        end -= 1
    return start, end


class _Finder:
    """Finds the quotes of one document."""

    def __init__(self, ctx: Context) -> None:
        self.text = ctx.document.text
        self.parsed = [pb for pb in ctx.parsed if pb.block.kind == "paragraph"]
        self.segments = quotation_segments(
            self.text, [(pb.block.start, pb.block.end) for pb in self.parsed])
        self.resolver = Resolver(ctx, self.parsed, self.segments)
        self.claimed: set[Segment] = set()

    def run(self) -> list[_Found]:
        found: list[_Found] = []
        for index, pb in enumerate(self.parsed):
            found.extend(self._block(index, pb))
        found.extend(self._continuations(found))
        return found

    def _inside_quote(self, at: int) -> bool:
        return any(s.start <= at < s.end for s in self.segments)

    def _labelled(self, index: int, pb: ParsedBlock) -> _Found | None:
        """'PENCE: Well, look...' or 'Rivera: Talks will fail': a speaker's label and colon.

        Transcripts and headline-style paragraphs put the speaker before a colon;
        the label must be a named person or organization or a capitalized name.
        """
        m = _LABEL.match(pb.block.text)
        if m is None:
            return None
        s, e = pb.offset + m.start("label"), pb.offset + m.end("label")
        hits = self.resolver.entities.at(s, e)
        if hits:
            speaker = Speaker(hits[0][2], self.resolver.entities.name(hits[0][1], hits[0][2]))
        elif m.group("label").isupper() and m.group("label").lower() not in _NOT_SPEAKERS:
            speaker = Speaker(None, m.group("label"))
        else:
            return None
        start, end = _trimmed(self.text, pb.offset + m.end(), pb.block.end)
        if end <= start:
            return None
        colon = pb.offset + m.end("label")
        cue = Span.of(self.text, colon, colon + 1)
        return _Found(start, end, "direct", speaker, cue, None)

    def _block(self, index: int, pb: ParsedBlock) -> Iterator[_Found]:
        labelled = self._labelled(index, pb)
        if labelled is not None:
            yield labelled
            return
        for tok in pb.doc:
            if self._inside_quote(pb.offset + tok.idx):
                continue
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                hit = self._according(index, pb, tok)
            else:
                entry = cue_entry(tok)
                hit = self._verb(index, pb, tok, entry) if entry else None
            if hit is not None:
                yield from hit

    def _attached(self, pb: ParsedBlock, verb: Token) -> list[Segment]:
        """Quotations next to a cue: in its sentence, or right after "said:"."""
        sent = verb.sent
        s_start, s_end = pb.offset + sent.start_char, pb.offset + sent.end_char
        at = pb.offset + verb.idx
        near = []
        for seg in self.segments:
            overlaps = seg.start < s_end and s_start < seg.end
            after_colon = (self.text[s_start:s_end].rstrip().endswith(":")
                           and 0 <= seg.start - s_end <= 3)
            if (overlaps or after_colon) and not seg.start <= at < seg.end:
                near.append(seg)
        # Another cue of the same sentence may be nearer to a quotation: let each go nearest.
        mine = [s for s in near if self._nearest_cue(pb, sent, s) == verb.i]
        return self._resumed(pb, verb, mine) if mine else mine

    def _resumed(self, pb: ParsedBlock, verb: Token, mine: list[Segment]) -> list[Segment]:
        """Add the quotation that resumes after its cue: '"A," she said. "B."'."""
        out = list(mine)
        for seg in self.segments:
            last = out[-1]
            if seg.block != last.block or seg.start <= last.end or seg in out:
                continue
            between = self.text[last.end:seg.start]
            lo, hi = last.end - pb.offset, seg.start - pb.offset
            others = [t for t in pb.doc if lo <= t.idx < hi and t.i != verb.i
                      and (cue_entry(t) or t.lower_ == "according")]
            if len(between.split()) > _MAX_GAP_WORDS or others:
                break
            out.append(seg)
        return out

    def _nearest_cue(self, pb: ParsedBlock, sent: SpacySpan, seg: Segment) -> int:
        cues = [t for t in sent if cue_entry(t) and not self._inside_quote(pb.offset + t.idx)]
        if not cues:
            return -1
        return min(cues, key=lambda t: min(abs(pb.offset + t.idx - seg.start),
                                           abs(pb.offset + t.idx - seg.end))).i

    def _verb(self, index: int, pb: ParsedBlock, verb: Token,
              entry: CueEntry) -> list[_Found] | None:
        quotes = self._attached(pb, verb) if entry.needs != "ccomp" else []
        comp = _content_tokens(verb, entry) if entry.needs != "quote" or quotes else None
        if not comp and not quotes:
            return None
        subj = subject_of(verb)
        speaker = (self.resolver.resolve(pb, index, subj) if subj is not None
                   else Speaker(None, None))
        cue = _cue_span(verb, pb, self.text)
        channel = _channel(verb, pb, self.text)
        return self._contents(pb, comp, quotes, speaker, cue, channel)

    def _contents(self, pb: ParsedBlock, comp: list[Token] | None, quotes: list[Segment],
                  speaker: Speaker, cue: Span, channel: str | None) -> list[_Found]:
        found: list[tuple[int, int, str]] = []
        if comp:
            s, e = _trimmed(self.text, *absolute(pb, comp))
            inside = [q for q in quotes if q.start < e and s < q.end]
            kind = self._kind(s, e)
            if not inside:
                # A clause of its own: quotations before the cue belong to another one.
                found.append((s, e, kind))
                quotes = [q for q in quotes if q.start > cue.start]
            elif kind != "direct":
                lo = min([s, *(q.start for q in inside)])
                hi = max([e, *(q.end for q in inside)])
                found.append((lo, hi, kind))
                quotes = [q for q in quotes if q not in inside]
        if quotes:  # one quotation broken by its cue is one quote: '"A," she said, "B."'
            found.append((quotes[0].start, quotes[-1].end, "direct"))
        out = []
        for s, e, kind in found:
            s, e = self._whole_run((s, e))
            if e <= s:
                continue
            self.claimed.update(q for q in self.segments if q.start < e and s < q.end)
            out.append(_Found(s, e, kind, speaker, cue, channel))
        return out

    def _whole_run(self, span: tuple[int, int]) -> tuple[int, int]:
        """Extend a span over every paragraph of the quotations it touches."""
        s, e = span
        runs = {q.run for q in self.segments if q.start < e and s < q.end}
        parts = [q for q in self.segments if q.run in runs]
        return min([s, *(q.start for q in parts)]), max([e, *(q.end for q in parts)])

    def _kind(self, start: int, end: int) -> str:
        """direct: all inside quotation marks; mixed: partly; indirect: none."""
        inside = [q for q in self.segments if q.start < end and start < q.end]
        if not inside:
            return "indirect"
        if all(q.start <= start and end <= q.end for q in inside[:1]) and len(inside) == 1:
            return "direct"
        covered = sum(min(end, q.end) - max(start, q.start) for q in inside)
        rest = self.text[start:end]
        outside_words = len(rest.split()) - len(" ".join(
            self.text[max(start, q.start):min(end, q.end)] for q in inside).split())
        return "direct" if covered and outside_words <= 1 else "mixed"

    def _according(self, index: int, pb: ParsedBlock, acc: Token) -> list[_Found] | None:
        """"According to X, ..." : the clause it modifies, without the phrase itself."""
        obj = next((o for to in acc.children if to.lower_ == "to"
                    for o in to.children if o.dep_ == "pobj"), None)
        if obj is None:
            return None
        head = acc.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head  # "the attack, according to X": the clause the noun is in
        if head.i == acc.i or head.pos_ not in ("VERB", "AUX"):
            return None
        clause = list(head.subtree)
        phrase = list(acc.subtree)
        h_start, h_end = absolute(pb, clause)
        p_start, p_end = absolute(pb, phrase)
        if p_start <= h_start:
            start, end = p_end, h_end
        elif p_end >= h_end - 1:
            start, end = h_start, p_start
        else:
            start, end = h_start, h_end
        start, end = _trimmed(self.text, start, end)
        if end <= start:
            return None
        speaker = self.resolver.resolve(pb, index, obj)
        cue_tokens = [acc, *(t for t in acc.children if t.lower_ == "to")]
        cue = Span.of(self.text, *absolute(pb, cue_tokens))
        return [_Found(start, end, self._kind(start, end), speaker, cue, None)]

    def _continuations(self, found: list[_Found]) -> list[_Found]:
        """Quotations with no cue of their own, continuing the speaker quoted just before."""
        out = []
        runs_with_speaker = {}
        for f in found:
            for q in self.segments:
                if q.start < f.end and f.start < q.end:
                    runs_with_speaker[q.run] = f
        for seg in self.segments:
            if seg in self.claimed:
                continue
            prior = runs_with_speaker.get(seg.run) or self._previous_direct(found, seg)
            if prior is None:
                continue
            out.append(_Found(seg.start, seg.end, "direct", prior.speaker, prior.cue,
                              prior.channel))
        return out

    def _previous_direct(self, found: list[_Found], seg: Segment) -> _Found | None:
        """The latest quote with a named speaker in this or the previous paragraph."""
        before = [f for f in found if f.end <= seg.start and f.kind != "indirect"
                  and f.speaker.name is not None]
        if not before:
            return None
        last = max(before, key=lambda f: f.end)
        return last if seg.block - self._block_at(last.start) <= 1 else None

    def _block_at(self, pos: int) -> int:
        return next((i for i, pb in enumerate(self.parsed)
                     if pb.block.start <= pos < pb.block.end), -1)


def extract(ctx: Context) -> tuple[Quote, ...]:
    """Quotes of the document's body paragraphs, in text order, each with its evidence."""
    unique = _distinct(_Finder(ctx).run())
    text = ctx.document.text
    return tuple(
        Quote(id=f"q{i + 1}", text=text[f.start:f.end], start=f.start, end=f.end, kind=f.kind,
              speaker_id=f.speaker.id, speaker_name=f.speaker.name, cue=f.cue,
              channel=f.channel)
        for i, f in enumerate(unique))


def _distinct(found: list[_Found]) -> list[_Found]:
    """One quote per statement: two cues reporting (nearly) the same words are one quote.

    "Let's say you think X" finds nearly the same words under "say" and "think";
    the quote that starts first in the text is kept.
    """
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if any(_same_words(f, k) for k in kept):
            continue
        kept.append(f)
    return kept


def _same_words(a: _Found, b: _Found) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared >= _SAME_SHARE * max(a.end - a.start, b.end - b.start)
