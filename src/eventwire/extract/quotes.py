"""Quotes and attribution: who said (or believes) what, in which words, to whom.

Rules over the dependency parse of each body paragraph (no extra model):

* a **cue** is a verb of the lexicon ``resolve/data/speech_verbs.tsv`` ("said",
  "told", "pointed out", "believe") or the phrase "according to X";
* its **content** is its clausal complement ("told Reuters *that ...*") or the
  quotation next to it (``"...," X added``; ``X said: "..."``); a quotation
  the complement only partly covers makes the quote *mixed*; content wholly
  inside quotation marks is *direct* (its span is the words inside the marks);
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
  or speaker in the latest sentence that names any; never across two.
  Otherwise a named group keeps its words as the speaker's name ("Western
  diplomats") and a pronoun stays null;
* the **channel** is what a speaker told: "told Al Jazeera Net that".

Captions, headings and titles are not read: in news they summarize or label
what the body reports and hold no speech of their own (a caption is the
photographer's words), so reading them would count the same statement twice.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.errors import DictionaryError
from eventwire.records import Organization, Person, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

log = logging.getLogger(__name__)

VERSION = "quotes.rules.v1"

LEXICON = "speech_verbs.tsv"
_KINDS = frozenset({"speech", "belief", "evidence"})
_NEEDS = frozenset({"ccomp", "quote", "any", "object"})
_OPENING = ("“", "«", "„", "``")
_CLOSING = ("”", "»")
# Straight marks open and close alike; '' and `` are the typewriter marks of some wires.
_MARK = re.compile(r"''|``|[“”«»„\"]")
_MIN_QUOTE_WORDS = 4  # shorter quotations are scare quotes or titles ("de-escalation zone")
_MAX_GAP_WORDS = 30  # '"A," she said, smiling. "B."': one quotation broken by its cue
_MAX_BLOCKS_BACK = 3  # how far back a pronoun may look for who it names
_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "xcomp", "attr", "acomp", "pcomp"})
_OBJECT_PREPS = frozenset({"for", "of", "against", "about", "on"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CORE_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "conj", "cc",
                        "appos", "flat", "case", "quantmod", "advmod"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "relcl", "acl", "pcomp"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_ORG_PRONOUNS = frozenset({"it"})
_RELATIVE = frozenset({"who", "that", "which"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "that", "which"})
_LEADING_ARTICLES = ("the ", "a ", "an ")
# Common nouns by which news refers back to a named organization already introduced.
_ORG_NOUNS = frozenset(
    "ministry government army police newspaper daily paper agency company party campaign "
    "committee council department office military court group organization organisation "
    "commission movement coalition administration cabinet parliament network channel "
    "magazine outlet website broadcaster station union bank embassy authority".split()
)
_MEDIA_NOUNS = frozenset("newspaper daily paper network channel magazine outlet website "
                         "broadcaster station agency weekly".split())
# A speaker's label opening a paragraph: up to four capitalized words and a colon.
_LABEL = re.compile(r"[\"“']?(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
# Capitalized labels of news layout that are not speakers ("UPDATE: ...").
_NOT_SPEAKERS = frozenset({"update", "updated", "note", "editor's note", "editor’s note",
                           "breaking", "correction", "warning", "photo", "video", "watch",
                           "read more", "read", "see also", "related", "source", "sources",
                           "q", "a", "ps"})
_EDGE = re.compile(r"^[\s,;:\-–—\"“”«»'‘’]+|[\s,;:\-–—\"“”«»'‘’]+$")


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One row of the cue lexicon (see ``data/speech_verbs.tsv``)."""

    lemma: str
    particle: str
    kind: str
    needs: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A quotation: ``start``/``end`` bound the words inside the marks (absolute offsets).

    ``run`` numbers quotations that continue one another across paragraphs.
    """

    start: int
    end: int
    block: int
    run: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a cue attributes its content to; ``id`` only when a record is certain."""

    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: str
    speaker: Speaker
    cue: Span | None
    channel: str | None


# --- lexicon ---------------------------------------------------------------------------


def load_lexicon(text: str, origin: str = LEXICON) -> dict[tuple[str, str], CueEntry]:
    """Parse the cue lexicon; a malformed row raises DictionaryError naming its line."""
    out: dict[tuple[str, str], CueEntry] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        where = f"{origin}, line {lineno}"
        if not header_seen:
            if fields != ["cue", "kind", "needs"]:
                raise DictionaryError(f"expected header cue/kind/needs, got {fields}",
                                      origin=where)
            header_seen = True
            continue
        out.update([_lexicon_row(fields, where)])
    return out


def _lexicon_row(fields: list[str], where: str) -> tuple[tuple[str, str], CueEntry]:
    if len(fields) != 3:
        raise DictionaryError(f"expected 3 columns, got {len(fields)}", origin=where)
    cue, kind, needs = fields
    words = cue.split()
    if not 1 <= len(words) <= 2 or cue != cue.lower():
        raise DictionaryError(f"cue {cue!r} must be a lower-case lemma and particle",
                              origin=where)
    if kind not in _KINDS or needs not in _NEEDS:
        raise DictionaryError(f"bad kind {kind!r} or needs {needs!r}", origin=where)
    particle = words[1] if len(words) == 2 else ""
    return (words[0], particle), CueEntry(words[0], particle, kind, needs)


@functools.cache
def lexicon() -> dict[tuple[str, str], CueEntry]:
    """The packaged cue lexicon, read once on first use."""
    source = resources.files("eventwire.resolve").joinpath("data", LEXICON)
    return load_lexicon(source.read_text(encoding="utf-8"))


def cue_entry(verb: Token) -> CueEntry | None:
    """The lexicon entry a verb token is an instance of ("pointed out" -> point out)."""
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    table = lexicon()
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in table:
            return table[(lemma, child.lower_)]
    return table.get((lemma, ""))


# --- quotation marks -------------------------------------------------------------------


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
    for m in _MARK.finditer(body):
        mark = m.group()
        if open_at is None and mark not in _CLOSING:
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


# --- the document's entities -----------------------------------------------------------


@dataclass(slots=True)
class _Entities:
    """Mentions of people and organizations by offset, for speaker lookups."""

    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]

    def mentions(self) -> Iterator[tuple[Span, str, str]]:
        for p in self.people:
            for m in p.mentions:
                yield m, "person", p.id
        for o in self.organizations:
            for m in o.mentions:
                yield m, "org", o.id

    def at(self, start: int, end: int) -> list[tuple[Span, str, str]]:
        """Mentions overlapping [start, end), in text order."""
        hits = [x for x in self.mentions() if x[0].start < end and start < x[0].end]
        return sorted(hits, key=lambda x: x[0].start)

    def name(self, kind: str, rid: str) -> str:
        records: Iterable[Person | Organization] = (
            self.people if kind == "person" else self.organizations)
        return next(r.name for r in records if r.id == rid)


# --- speakers --------------------------------------------------------------------------


def _core(token: Token) -> list[Token]:
    """The noun phrase of a subject without its clauses and prepositional tails."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CORE_DEPS and not child.is_punct:
            out.extend(_core(child))
    return out


def _abs(pb: ParsedBlock, tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return pb.offset + start, pb.offset + end


class _Resolver:
    """Resolves subject noun phrases to speakers, remembering who was named as subject."""

    def __init__(self, ctx: Context, parsed: list[ParsedBlock],
                 segments: list[Segment]) -> None:
        self.text = ctx.document.text
        self.segments = segments
        self.entities = _Entities(ctx.people, ctx.organizations)
        self.parsed = parsed
        # (sentence start, sentence end, block index) of each body sentence, in order.
        self.sentences = [(pb.offset + s.start_char, pb.offset + s.end_char, i)
                          for i, pb in enumerate(parsed) for s in pb.doc.sents]
        self.subjects = self._subject_mentions()

    def _subject_mentions(self) -> set[tuple[int, str]]:
        """(mention start, record id) of every named subject of a clause."""
        found: set[tuple[int, str]] = set()
        for pb in self.parsed:
            for tok in pb.doc:
                if tok.dep_ in _SUBJECTS or (tok.dep_ == "pobj" and tok.head.lower_ == "to"
                                             and tok.head.head.lower_ == "according"):
                    for head in (tok, *tok.conjuncts):  # "X and Y said": both speak
                        pick = self._named(pb, head)
                        if pick is not None:
                            found.add((pick[0].start, pick[2]))
        return found

    def resolve(self, pb: ParsedBlock, block: int, head: Token) -> Speaker:
        """The speaker a subject (or "according to" object) token names."""
        if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
            return self._pronoun(pb.offset + head.idx, block, head.lower_)
        pick = self._named(pb, head)
        if pick is not None:
            return Speaker(pick[2], self.entities.name(pick[1], pick[2]))
        return self._described(pb, head, *_abs(pb, _core(head)))

    def _named(self, pb: ParsedBlock, head: Token) -> tuple[Span, str, str] | None:
        """The mention a noun phrase names: the one on its head, else its first person."""
        hits = self.entities.at(*_abs(pb, _core(head)))
        head_start = pb.offset + head.idx
        on_head = [h for h in hits if h[0].start <= head_start < h[0].end]
        return (on_head or [h for h in hits if h[1] == "person"] or hits or [None])[0]

    def _described(self, pb: ParsedBlock, head: Token, start: int, end: int) -> Speaker:
        """A common-noun subject: a record it refers back to, else its own words."""
        lemma = head.lemma_.lower()
        at = pb.offset + head.idx
        if head.pos_ == "NOUN" and any(t.dep_ == "det" and t.lower_ == "the"
                                       for t in head.children):
            ref = self._role_anaphor(lemma, at) or self._org_anaphor(lemma, at)
            if ref is not None:
                return ref
        words = _EDGE.sub("", self.text[start:end])
        low = words.lower()
        for article in _LEADING_ARTICLES:
            if low.startswith(article):
                words = words[len(article):]
                break
        return Speaker(None, words or None)

    def _role_anaphor(self, lemma: str, at: int) -> Speaker | None:
        """'the minister' after 'Foreign Minister Ana Ruiz': the latest person of that role."""
        best: tuple[int, Person] | None = None
        for p in self.entities.people:
            if not p.role or p.role.lower().split()[-1] != lemma:
                continue
            last = max((m.start for m in p.mentions if m.start < at), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, p)
        return Speaker(best[1].id, best[1].name) if best else None

    def _org_anaphor(self, lemma: str, at: int) -> Speaker | None:
        """'the ministry' after 'the Defence Ministry': the latest organization it names."""
        if lemma not in _ORG_NOUNS:
            return None
        best: tuple[int, Organization] | None = None
        for o in self.entities.organizations:
            named = lemma in o.name.lower().split()
            media = lemma in _MEDIA_NOUNS and o.kind == "media"
            if not (named or media):
                continue
            last = max((m.start for m in o.mentions if m.start < at), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, o)
        return Speaker(best[1].id, best[1].name) if best else None

    def _pronoun(self, at: int, block: int, word: str) -> Speaker:
        """The one record a pronoun can name, or a null speaker if none or two could."""
        if word in _PERSON_PRONOUNS:
            kind = "person"
        elif word in _ORG_PRONOUNS:
            kind = "org"
        else:
            return Speaker(None, None)
        for s_start, s_end, s_block in reversed(self.sentences):
            if s_start >= at:
                continue
            if block - s_block > _MAX_BLOCKS_BACK:
                break
            # A name inside a quotation is spoken about, not speaking.
            named = [h for h in self.entities.at(s_start, min(s_end, at)) if h[1] == kind
                     and not any(q.start <= h[0].start < q.end for q in self.segments)]
            ids = list(dict.fromkeys(h[2] for h in named))
            if len(ids) > 1:  # two named: only one of them as subject or speaker will do
                ids = list(dict.fromkeys(h[2] for h in named
                                         if (h[0].start, h[2]) in self.subjects))
            if len(ids) == 1:
                return Speaker(ids[0], self.entities.name(kind, ids[0]))
            if named:
                return Speaker(None, None)
        return Speaker(None, None)


# --- cues ------------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The source of a cue verb: "according to X" on it, else its subject, else inherited.

    A cue with no subject of its own takes the one of the clause it hangs on
    ("X asked ... and said", "X said ..., adding that"); a participle the parser
    hung inside another cue's content ("X said that A, pointing out B") takes
    that cue's source.
    """
    for _ in range(5):
        according = _according_object(verb)
        if according is not None:
            return according
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if verb.dep_ == "relcl" and any(c.lower_ in _RELATIVE for c in subjects):
            return verb.head  # "the envoy, who said ...": the envoy
        if subjects:
            # The parser splits "the economist X told" into two subjects: the nearer is the name.
            return max(subjects, key=lambda t: (t.i < verb.i, t.i if t.i < verb.i else -t.i))
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "it is believed that": an attribution without a source
        if verb.dep_ not in _INHERIT_DEPS or verb.head is verb:
            return None
        if verb.dep_ in ("relcl", "acl"):
            return verb.head  # "the envoy, who said ..."
        participle = verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBG"
        verb = verb.head
        if verb.dep_ == "prep" and verb.head is not verb:  # "responded by saying"
            verb = verb.head
        while participle and verb.dep_ == "ccomp" and _governs_content(verb.head):
            verb = verb.head
    return None


def _governs_content(verb: Token) -> bool:
    return verb is not None and (cue_entry(verb) is not None
                                 or _according_object(verb) is not None)


def _according_object(verb: Token) -> Token | None:
    """X in "according to X" modifying ``verb``."""
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


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
    if entry.needs in ("any", "object") and verb.dep_ == "parataxis" and verb.head is not verb:
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
            s, e = _abs(pb, tokens)
            words = text[s:e]
            return words[4:] if words.lower().startswith("the ") else words
    return None


def _cue_span(verb: Token, pb: ParsedBlock, text: str) -> Span:
    tokens = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    s, e = _abs(pb, tokens)
    return Span.of(text, s, e)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading complementizer and edge punctuation or quotation marks."""
    m = re.match(r"[\s,;:\-–—\"“”«»'`]*(?:that\b)?[\s,;:\-–—\"“”«»'`]*", text[start:end])
    if m:
        start += m.end()
    while end > start and text[end - 1] in " \n,;:-–—.\"“”«»'`":
        end -= 1
    return start, end


@dataclass(slots=True)
class _Block:
    index: int
    pb: ParsedBlock


class _Finder:
    """Finds the quotes of one document."""

    def __init__(self, ctx: Context) -> None:
        self.text = ctx.document.text
        self.parsed = [pb for pb in ctx.parsed if pb.block.kind == "paragraph"]
        self.segments = quotation_segments(
            self.text, [(pb.block.start, pb.block.end) for pb in self.parsed])
        self.resolver = _Resolver(ctx, self.parsed, self.segments)
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
        subj = _subject(verb)
        speaker = (self.resolver.resolve(pb, index, subj) if subj is not None
                   else Speaker(None, None))
        cue = _cue_span(verb, pb, self.text)
        channel = _channel(verb, pb, self.text)
        return self._contents(pb, comp, quotes, speaker, cue, channel)

    def _contents(self, pb: ParsedBlock, comp: list[Token] | None, quotes: list[Segment],
                  speaker: Speaker, cue: Span, channel: str | None) -> list[_Found]:
        found: list[tuple[int, int, str]] = []
        if comp:
            s, e = _trimmed(self.text, *_abs(pb, comp))
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
        head = acc.head if acc.head is not acc else None
        if head is None or head.pos_ not in ("VERB", "AUX"):
            return None
        clause = list(head.subtree)
        phrase = list(acc.subtree)
        h_start, h_end = _abs(pb, clause)
        p_start, p_end = _abs(pb, phrase)
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
        cue = Span.of(self.text, *_abs(pb, cue_tokens))
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
    found = _Finder(ctx).run()
    unique: dict[tuple[int, int], _Found] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        unique.setdefault((f.start, f.end), f)
    text = ctx.document.text
    return tuple(
        Quote(id=f"q{i + 1}", text=text[f.start:f.end], start=f.start, end=f.end, kind=f.kind,
              speaker_id=f.speaker.id, speaker_name=f.speaker.name, cue=f.cue,
              channel=f.channel)
        for i, f in enumerate(unique.values()))
