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
* a quotation with no cue of its own continues the speaker quoted before it in
  the same paragraph, or the person named as subject of the sentence just before
  it; across a paragraph break only a quotation left open runs on (a new
  paragraph often brings a new voice);
* a quotation signed with a dash and a name ('"..." ― Ana Ruiz') is that person's;
* a cue and a colon closing a paragraph ("The minister added:") introduce the
  next paragraph as what was said;
* nouns of saying with a that-clause are cues too ("his claim that ...", see
  :mod:`eventwire.extract.quotes.nominal`), and so are stances reported in the
  passive ("is expected to", "is widely seen as") and how people seem or appear
  ("voters seem tired"): these have no source unless "by X" names one;
* a belief verb with a pronoun subject inside what a verb of speech reports
  ("Ruiz said she wants talks") is part of that report, not a second quote;
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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extract.parse import block_index_at
from eventwire.extract.quotes.clauses import (
    channel_of,
    content_tokens,
    coordinated_at,
    cue_span,
    in_cue_phrase,
    own_content,
    passive_stance,
    reported_stance,
    trimmed,
)
from eventwire.extract.quotes.lexicon import CueEntry, cue_entry, lexicon, load_lexicon
from eventwire.extract.quotes.marks import Segment, quotation_segments
from eventwire.extract.quotes.nominal import content_clause, is_cue_noun, nominal_source
from eventwire.extract.quotes.speakers import (
    Entities,
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

VERSION = "quotes.rules.v11"

_MAX_GAP_WORDS = 30  # '"A," she said, smiling. "B."': one quotation broken by its cue
_MAX_LEADING_WORDS = 6  # "About 4 in 10", "Most Republicans polled"
_MAX_APPOSITION_WORDS = 12  # "Ana Ruiz, a spokeswoman for the ministry in Lima, said"
_MAX_TAIL_WORDS = 8  # '"...," said Ana Ruiz, the mayor.' closing a paragraph
_SAME_SHARE = 0.9  # two quotes sharing this much of the longer one report the same words
# A speaker's label opening a paragraph: up to four capitalized words and a colon.
_LABEL = re.compile(r"[\"“']?(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
# A signature after a quotation: closing mark, a dash, a name, then the end of the line.
_SIGNATURE = re.compile(r"[\"”»']?[^\S\n]*(?P<dash>[―—–]|--?)[^\S\n]*"
                        r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4})\.?[^\S\n]*(?:\n|$)")
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
    # Where a statement coordinated with an earlier one begins ("said A *and warned* B",
    # "said A, *arguing* B"): the earlier report's content ends there (see _nested).
    split: int | None = None
    # The coordinated cue has no subject of its own: its speaker is the earlier report's.
    shares: bool = False


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
        found: list[_Found] = self._signed()
        for index, pb in enumerate(self.parsed):
            found.extend(self._block(index, pb))
        found.extend(self._continuations(found))
        return found

    def _signed(self) -> list[_Found]:
        """'"...." ― Ana Ruiz': a quotation signed with a dash and its speaker's name.

        Collections of readers' or voters' reactions print each one so, with no verb.
        """
        out = []
        for seg in self.segments:
            m = _SIGNATURE.match(self.text, seg.end)
            if m is None:
                continue
            s, e = m.start("name"), m.end("name")
            hits = self.entities.at(s, e)
            speaker = (Speaker.of_mention(hits[0], self.entities) if hits
                       else Speaker(None, m.group("name"), (s, e)))
            dash = m.start("dash")
            self.claimed.add(seg)
            out.append(_Found(seg.start, seg.end, "direct", speaker,
                              Span.of(self.text, dash, dash + 1), None))
        return out

    @property
    def entities(self) -> Entities:
        return self.resolver.entities

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
            speaker = Speaker.of_mention(hits[0], self.resolver.entities)
        elif m.group("label").isupper() and m.group("label").lower() not in _NOT_SPEAKERS:
            speaker = Speaker(None, m.group("label"), (s, e))
        else:
            return None
        start, end = trimmed(self.text, pb.offset + m.end(), pb.block.end)
        if end <= start:
            return None
        colon = pb.offset + m.end("label")
        cue = Span.of(self.text, colon, colon + 1)
        return _Found(start, end, "direct", speaker, cue, None)

    def _block(self, index: int, pb: ParsedBlock) -> Iterator[_Found]:
        labelled = self._labelled(index, pb)
        if labelled is not None:
            # The label names who speaks here, whatever the quotation marks run on from.
            self.claimed.update(q for q in self.segments if q.block == index)
            yield labelled
            return
        for tok in pb.doc:
            if self._inside_quote(pb.offset + tok.idx):
                continue
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                hit = self._according(index, pb, tok)
            elif is_cue_noun(tok):
                hit = self._nominal(index, pb, tok)
            else:
                entry = cue_entry(tok)
                hit = self._verb(index, pb, tok, entry) if entry else None
            if hit is not None:
                yield from (self._to_sentence_end(pb, f) for f in hit)

    def _to_sentence_end(self, pb: ParsedBlock, f: _Found) -> _Found:
        """What a cue verb introduces runs to the end of its sentence.

        "Ruiz mentioned his remarks as examples of disrespect", "threatened to make him
        testify, should he fail to answer": the parser often hangs the tail of what
        was reported on another word. Reported words after their cue verb keep going
        to the full stop, unless another cue or a quotation starts on the way. A cue
        noun's clause ends where the noun phrase does.
        """
        if f.kind == "direct" or f.cue is None or f.cue.start >= f.start:
            return f
        sent = next((s for s in pb.doc.sents
                     if pb.offset + s.start_char < f.end <= pb.offset + s.end_char), None)
        if sent is None:
            return f
        _, end = trimmed(self.text, f.end, pb.offset + sent.end_char)
        if end <= f.end:
            return f
        cue = next((t for t in sent if pb.offset + t.idx == f.cue.start), None)
        if cue is None or cue_entry(cue) is None:
            return f  # "the warning that the dam could fail was ignored": a noun's clause ends
        between = [t for t in sent if f.end <= pb.offset + t.idx < end]
        if any(cue_entry(t) or is_cue_noun(t) or t.lower_ == "according" for t in between) \
                or any(f.end <= q.start < end for q in self.segments):
            return f
        return replace(f, end=end) if end > f.end else f

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
            # '"Why?" Ruiz asked.': the parser may end the sentence at the question mark.
            closes_before = 0 <= s_start - seg.end <= 3 and not own_content(verb)
            if (overlaps or after_colon or closes_before) and not seg.start <= at < seg.end \
                    and seg not in self.claimed:
                near.append(seg)
        # Another cue of the same sentence may be nearer to a quotation: let each go nearest.
        mine = [s for s in near if self._nearest_cue(pb, sent, s) == verb.i]
        return self._resumed(pb, verb, mine) if mine else mine

    def _resumed(self, pb: ParsedBlock, verb: Token, mine: list[Segment]) -> list[Segment]:
        """Add the quotation that resumes after its cue: '"A," she said. "B."'."""
        out = list(mine)
        subj = subject_of(verb)
        aside_of = {verb.i} | ({subj.i} if subj is not None else set())
        for seg in self.segments:
            last = out[-1]
            if seg.block != last.block or seg.start <= last.end or seg in out:
                continue
            between = self.text[last.end:seg.start]
            lo, hi = last.end - pb.offset, seg.start - pb.offset
            # '"A," said Ruiz, speaking of the plan. "B."': a participle on the cue is its aside.
            others = [t for t in pb.doc if lo <= t.idx < hi and t.i != verb.i
                      and (cue_entry(t) or t.lower_ == "according")
                      and not (t.tag_ == "VBG" and t.head.i in aside_of)]
            if len(between.split()) > _MAX_GAP_WORDS or others or self._own_cue(pb, seg, verb):
                break
            out.append(seg)
        return out

    def _own_cue(self, pb: ParsedBlock, seg: Segment, verb: Token) -> bool:
        """'"B," added another.': a quotation followed in its sentence by a cue of its own."""
        after = [t for t in pb.doc if pb.offset + t.idx >= seg.end and t.i != verb.i]
        if not after:
            return False
        sent_end = pb.offset + after[0].sent.end_char
        return any(pb.offset + t.idx < sent_end and cue_entry(t) is not None
                   and not self._inside_quote(pb.offset + t.idx) for t in after)

    def _nearest_cue(self, pb: ParsedBlock, sent: SpacySpan, seg: Segment) -> int:
        cues = [t for t in sent if cue_entry(t) and not self._inside_quote(pb.offset + t.idx)]
        if not cues:
            return -1
        return min(cues, key=lambda t: min(abs(pb.offset + t.idx - seg.start),
                                           abs(pb.offset + t.idx - seg.end))).i

    def _verb(self, index: int, pb: ParsedBlock, verb: Token,
              entry: CueEntry) -> list[_Found] | None:
        if entry.needs == "raising" or passive_stance(verb):
            return self._raising(index, pb, verb)
        if entry.kind == "belief" and reported_stance(verb):
            return None
        quotes = self._attached(pb, verb) if entry.needs != "ccomp" else []
        comp = content_tokens(verb, entry) if entry.needs != "quote" or quotes else None
        if not comp and not quotes:
            return self._introduced(index, pb, verb)
        speaker = self._speaker(index, pb, verb)
        cue = cue_span(verb, pb, self.text)
        channel = channel_of(verb, pb, self.text)
        found = self._contents(pb, comp, quotes, speaker, cue, channel)
        split = coordinated_at(verb, pb)
        if split is None:
            return found
        shares = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        return [replace(f, split=split, shares=shares) for f in found]

    def _raising(self, index: int, pb: ParsedBlock, verb: Token) -> list[_Found] | None:
        """"The plan seems to work": the subject and its complement, with no source.

        Only with an infinitive or adjective complement ("appeared at a rally" is no
        stance) and a subject that is not a quotation of its own.
        """
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        comp = next((c for c in verb.children if c.i > verb.i and (
            (c.dep_ == "xcomp" and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children))
            or c.dep_ in ("acomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"))), None)
        if subj is None or comp is None or subj.pos_ == "PRON" and subj.lower_ == "it":
            return None
        if cue_entry(comp) is not None:
            return None  # "seemed to concede that ...": the inner cue reports it
        start, end = trimmed(self.text, *absolute(pb, [*subj.subtree, *comp.subtree]))
        if end <= start:
            return None
        if subj.dep_ == "nsubjpass":  # "is expected to", "is seen as": by someone, or "by X"
            agent = subject_of(verb)
            speaker = (self.resolver.resolve(pb, index, agent) if agent is not None
                       else Speaker(None, None))
            return [_Found(start, end, self._kind(start, end), speaker,
                           cue_span(verb, pb, self.text), None)]
        # "Ruiz seemed to concede", "voters seem tired": how people named or counted
        # appear is reported (by the writer: no source); "the plan seems to work" is
        # the writer's own view, not an attribution.
        named = (subj.lower_ in ("he", "she", "they") or subj.tag_ == "NNS"
                 or bool(self.entities.at(*absolute(pb, [subj]))))
        if not named:
            return None
        return [_Found(start, end, self._kind(start, end), Speaker(None, None),
                       cue_span(verb, pb, self.text), None)]

    def _speaker(self, index: int, pb: ParsedBlock, verb: Token) -> Speaker:
        """Who a cue verb's words are: its subject, else a name just before a finite cue.

        The parser sometimes hangs a long subject elsewhere ("On Dec. 2, Col. Ana
        Ruiz, a spokeswoman, said"): a finite cue with no subject takes the latest
        person or organization named before it in its sentence, outside quotations.
        """
        subj = subject_of(verb)
        if subj is not None and self._inside_quote(pb.offset + subj.idx) \
                and not self._inside_quote(pb.offset + verb.idx):
            # '"It is panic. Full panic mode," said Ana Ruiz': words of the quotation
            # are not its speaker; the subject after the cue is.
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i
                         and not self._inside_quote(pb.offset + c.idx)), None)
        inverted = (self._inverted(pb, verb) if subj is not None and subj.i < verb.i
                    and not self.entities.at(*absolute(pb, [subj])) else None)
        if inverted is not None:
            return inverted
        if subj is not None:
            return self._apposed(pb, subj, verb) or self.resolver.resolve(pb, index, subj)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and cue_entry(verb.head) is not None:
            return self._speaker(index, pb, verb.head)  # '"...," said Ruiz, explaining ...'
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "ccomp"):
            return Speaker(None, None)
        after = self._after_quote(verb)
        if after is not None:
            return self.resolver.resolve(pb, index, after)
        lo = pb.offset + verb.sent.start_char
        at = pb.offset + verb.idx
        named = [h for h in self.entities.at(lo, at) if h[0].end <= at
                 and not self._inside_quote(h[0].start)]
        if named and len(self.text[named[-1][0].end:at].split()) <= _MAX_APPOSITION_WORDS:
            return Speaker.of_mention(named[-1], self.entities)
        return self._leading_words(pb, verb)

    @staticmethod
    def _after_quote(verb: Token) -> Token | None:
        """'"It is over," added one delegate': the parser takes the speaker for an object."""
        if verb.i == 0 or not (verb.nbor(-1).is_quote or verb.nbor(-1).text == ","):
            return None
        return next((c for c in verb.children if c.i > verb.i and (
            c.dep_ in ("dobj", "attr", "npadvmod")
            or (c.dep_ == "advmod" and c.text[:1].isupper()))), None)  # "said Skelly"

    def _leading_words(self, pb: ParsedBlock, verb: Token) -> Speaker:
        """'About 4 in 10 say ...': a short verbless stretch opening the sentence."""
        before = [t for t in verb.sent if t.i < verb.i]
        if not before or len(before) > _MAX_LEADING_WORDS or any(
                t.pos_ in ("VERB", "AUX", "PUNCT") or t.is_quote for t in before):
            return Speaker(None, None)
        s, e = absolute(pb, before)
        return Speaker(None, self.text[s:e], (s, e))

    def _apposed(self, pb: ParsedBlock, subj: Token, verb: Token) -> Speaker | None:
        """'The head of the group backing A, Mike Okafor, said': the name set off before the cue.

        A common-noun subject followed by a name between commas right before its
        cue is described by that name, whatever the parser attached it to.
        """
        if subj.pos_ != "NOUN" or subj.i > verb.i or self.entities.at(*absolute(pb, [subj])):
            return None
        lo, at = pb.offset + subj.idx, pb.offset + verb.idx
        named = [h for h in self.entities.at(lo, at) if h[1] == "person"
                 and self.text[h[0].end:at].strip() == ","
                 and self.text[h[0].start - 2:h[0].start].strip() == ","]
        if not named:
            return None
        return Speaker.of_mention(named[-1], self.entities)

    def _inverted(self, pb: ParsedBlock, verb: Token) -> Speaker | None:
        """'The plan, said Ana Ruiz, an economist, would fail': the name right after the cue.

        The parser takes such a name for the subject of what follows; a cue set off
        by a comma and followed at once by a named person or organization is theirs.
        """
        if verb.i == 0 or verb.nbor(-1).text != "," or verb.i + 1 >= len(verb.doc):
            return None
        at = pb.offset + verb.nbor(1).idx
        hits = [h for h in self.entities.at(at, at + 1) if h[0].start == at]
        # Set off by commas on both sides: "said Ruiz's aide" or "said Ruiz won" are not.
        if not hits or self.text[hits[0][0].end:hits[0][0].end + 1] not in (",", "."):
            return None
        return Speaker.of_mention(hits[0], self.entities)

    def _introduced(self, index: int, pb: ParsedBlock, verb: Token) -> list[_Found] | None:
        """'The minister added:' closing a paragraph: the next paragraph is what was said.

        Statements and letters are often set out as a paragraph of their own, without
        quotation marks, after a cue and a colon.
        """
        sent = verb.sent
        rest = pb.block.text[verb.idx:sent.end_char].rstrip()
        nxt = self.parsed[index + 1] if index + 1 < len(self.parsed) else None
        if (not rest.endswith(":") or sent.end_char < len(pb.block.text.rstrip())
                or nxt is None or any(q.block == index + 1 for q in self.segments)):
            return None
        start, end = trimmed(self.text, nxt.block.start, nxt.block.end)
        if end <= start:
            return None
        speaker = self._speaker(index, pb, verb)
        return [_Found(start, end, "indirect", speaker, cue_span(verb, pb, self.text), None)]

    def _contents(self, pb: ParsedBlock, comp: list[Token] | None, quotes: list[Segment],
                  speaker: Speaker, cue: Span, channel: str | None) -> list[_Found]:
        found: list[tuple[int, int, str]] = []
        if comp:
            s, e = trimmed(self.text, *absolute(pb, comp))
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

    def _nominal(self, index: int, pb: ParsedBlock, noun: Token) -> list[_Found] | None:
        """"his claim that ...": a cue noun and its that-clause (see :mod:`.nominal`)."""
        clause = content_clause(noun)
        if clause is None or in_cue_phrase(noun):
            return None
        start, end = trimmed(self.text, *absolute(pb, list(clause.subtree)))
        if end <= start:
            return None
        source = nominal_source(noun)
        speaker = (self.resolver.resolve(pb, index, source) if source is not None
                   else Speaker(None, None))
        cue = Span.of(self.text, *absolute(pb, [noun]))
        return [_Found(start, end, self._kind(start, end), speaker, cue, None)]

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
        start, end = trimmed(self.text, start, end)
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
            prior = runs_with_speaker.get(seg.run)
            if prior is None:
                introduced = self._introducing_subject(seg)
                if introduced is not None:
                    out.append(introduced)
                    continue
                prior = self._previous_direct(found, seg)
            if prior is None:
                prior = self._previous_paragraph(found, seg)
                if prior is not None:
                    # The same statement runs on: '"A," he said.' then a paragraph '"B."'.
                    found[found.index(prior)] = replace(prior, end=seg.end)
                continue
            out.append(_Found(seg.start, seg.end, "direct", prior.speaker, prior.cue,
                              prior.channel))
        return out

    def _previous_paragraph(self, found: list[_Found], seg: Segment) -> _Found | None:
        """'"A," he said.' then a paragraph that is only '"B."': B goes on with A.

        A paragraph made of one quotation with no cue of its own, right after a
        paragraph whose quote ends it, continues that quote: the speaker paused for
        the attribution and the reporter broke the paragraph.
        """
        if seg.block == 0:
            return None
        pb = self.parsed[seg.block]
        own = self.text[pb.block.start:pb.block.end]
        if own.strip(' \n"“”«»\'') != self.text[seg.start:seg.end].strip(' \n"“”«»\'.,'
                                                                            ).rstrip() and \
                own.strip(' \n"“”«»\'').rstrip('.,') != self.text[seg.start:seg.end].strip(
                    ' \n"“”«»\'.,'):
            return None
        prev = self.parsed[seg.block - 1]
        last = [f for f in found if prev.block.start <= f.start < prev.block.end
                and f.kind != "indirect" and f.end <= prev.block.end]
        if not last:
            return None
        f = max(last, key=lambda f: f.end)
        tail = self.text[f.end:prev.block.end]
        # The earlier quote's words end the paragraph, with at most the cue after them.
        return f if len(tail.split()) <= _MAX_TAIL_WORDS else None

    def _introducing_subject(self, seg: Segment) -> _Found | None:
        """'Ruiz described the plan as a gift. "It is theft," ...': the person just named.

        A quotation with no cue that opens a sentence right after one whose subject
        is a named person, in the same paragraph, is that person's.
        """
        pb = self.parsed[seg.block]
        sents = [s for s in pb.doc.sents if pb.offset + s.end_char <= seg.start]
        if not sents or self.text[pb.offset + sents[-1].end_char:seg.start].strip(' "“”«\'') \
                or self._inside_quote(pb.offset + sents[-1].start_char):
            return None
        root = sents[-1].root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        hits = [h for h in self.entities.at(*absolute(pb, [subj])) if h[1] == "person"]
        if not hits:
            return None
        speaker = Speaker.of_mention(hits[0], self.entities)
        return _Found(seg.start, seg.end, "direct", speaker, None, None)

    def _previous_direct(self, found: list[_Found], seg: Segment) -> _Found | None:
        """The latest quote with a named speaker earlier in the same paragraph."""
        before = [f for f in found if f.end <= seg.start and f.kind != "indirect"
                  and f.speaker.name is not None]
        if not before:
            return None
        last = max(before, key=lambda f: f.end)
        # Across a paragraph break a new voice is as likely as the last one (measured on
        # PolNeAR train: ~70% right), so only the same paragraph continues a speaker.
        return last if seg.block == block_index_at(self.parsed, last.start) else None


def extract(ctx: Context) -> tuple[Quote, ...]:
    """Quotes of the document's body paragraphs, in text order, each with its evidence."""
    text = ctx.document.text
    # A quotation with nothing inside its marks ('“” said X') has no words to report.
    unique = _unnested(text, _distinct([f for f in _Finder(ctx).run()
                                        if text[f.start:f.end].strip()]))
    return tuple(
        Quote(id=f"q{i + 1}", text=text[f.start:f.end], start=f.start, end=f.end, kind=f.kind,
              speaker_id=f.speaker.id, speaker_name=f.speaker.name, cue=f.cue,
              channel=f.channel, speaker_span=_speaker_span(text, f.speaker))
        for i, f in enumerate(unique))


def _speaker_span(text: str, speaker: Speaker) -> Span | None:
    return Span.of(text, *speaker.span) if speaker.span is not None else None


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


def _unnested(text: str, found: list[_Found]) -> list[_Found]:
    """A report inside the content of another is part of it, not a quote of its own.

    "Ruiz said the envoy had warned that talks would fail": what Ruiz said holds
    the envoy's warning; the article attributes the whole to Ruiz, and the words
    are counted once. A statement coordinated with the first ("said A and warned
    B", "said A, arguing B") is the speaker's next statement: the first report's
    content ends where it begins, and both are kept.
    """
    out: list[_Found | None] = list(found)
    for i in sorted(range(len(out)), key=lambda i: found[i].end - found[i].start):
        inner = out[i]
        j = _container(i, out) if inner is not None else None
        if inner is None or j is None:
            continue
        outer = out[j]
        assert outer is not None
        if inner.split is not None and outer.start < inner.split <= inner.start:
            start, end = trimmed(text, outer.start, inner.split)
            if end > start:
                out[j] = replace(outer, end=end)
                if inner.shares and (inner.speaker.name is None or inner.cue is None
                                     or not inner.cue.text.endswith("ing")):
                    # "X said A and warned B": X warned. A participle keeps a speaker
                    # of its own ("X said Y quit, citing ...": Y cites), else takes X.
                    out[i] = replace(inner, speaker=outer.speaker)
                continue
        out[i] = None
    return [f for f in out if f is not None]


def _container(i: int, found: list[_Found | None]) -> int | None:
    """The shortest other quote whose content holds quote ``i``'s content and its cue."""
    inner = found[i]
    assert inner is not None
    holders = [j for j, f in enumerate(found) if f is not None and j != i
               and f.start <= inner.start and inner.end <= f.end
               and f.end - f.start > inner.end - inner.start
               and (inner.cue is None or f.start <= inner.cue.start < f.end)]
    return min(holders, key=lambda j: found[j].end - found[j].start) if holders else None  # type: ignore[union-attr]


def _same_words(a: _Found, b: _Found) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared >= _SAME_SHARE * max(a.end - a.start, b.end - b.start)
