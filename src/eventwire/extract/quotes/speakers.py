"""Speakers: the person or organization a cue's subject (or "according to" object) names.

* a subject is resolved through the mentions of the entities stage's records (which
  already merged short forms and misspellings: "Abu Salem", "Rahmuni");
* "the minister" is the latest person of that role, "the ministry" or "the newspaper"
  the latest organization of that name or kind;
* he/she (it) is the one person (organization) named in the latest sentence that
  names any, or the one of them that is a subject or speaker there; never a guess
  between two, and never a name inside a quotation (it is spoken about, not speaking);
* anything else keeps its own words ("Western diplomats"), a pronoun stays null.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.quotes.lexicon import cue_entry
from eventwire.extract.quotes.marks import Segment
from eventwire.records import Organization, Person, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

_MAX_BLOCKS_BACK = 3  # how far back a pronoun may look for who it names
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CORE_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "conj", "cc",
                        "appos", "flat", "case", "quantmod", "advmod"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "acomp"})
_NOUN_UP = frozenset({"pobj", "prep", "attr", "dobj"})  # a noun a participle's phrase hangs on
_PERSON_PRONOUNS = frozenset({"he", "she"})
_ORG_PRONOUNS = frozenset({"it"})
_RELATIVE = frozenset({"who", "that", "which"})
# Nouns of where someone is, never who: "sources on the ground who said".
_LOCATIVE_NOUNS = frozenset({"ground", "scene", "spot", "site", "front", "frontline",
                             "border", "street", "streets", "region", "area"})
# A subject whose head is one of these names nobody: the parser lost the noun ("a close-up
# of the map showed" heads on "up").
_NO_SPEAKER_POS = frozenset({"ADP", "PART", "CCONJ", "SCONJ", "PUNCT", "AUX", "INTJ", "SYM"})
_PARTICLES = frozenset({"up", "down", "out", "off", "in", "on", "over", "back"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "that", "which"})
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_LEADING_ARTICLES = ("the ", "a ", "an ")
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "madam": "f"}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Madam)\.?\s+$")
_GENDERED_NOUNS = {w: "f" for w in (
    "spokeswoman chairwoman congresswoman businesswoman actress mother wife daughter "
    "sister grandmother widow queen princess duchess countess").split()} | {w: "m" for w in (
    "spokesman chairman congressman businessman actor father husband son brother "
    "grandfather widower king prince duke").split()}
_OTHER_GENDER = {"he": "f", "she": "m"}  # the gender a pronoun cannot name
# Common nouns by which news refers back to a named organization already introduced.
_ORG_NOUNS = frozenset(
    "ministry government army police newspaper daily paper agency company party campaign "
    "committee council department office military court group organization organisation "
    "commission movement coalition administration cabinet parliament network channel "
    "magazine outlet website broadcaster station union bank embassy authority".split()
)
# What a speaker issues, publishes or airs: its words are the speaker's ("a statement saying").
_MESSAGES = frozenset(
    "statement letter tweet ad advertisement video report release message note email memo "
    "paper filing speech interview editorial column book spot comment remark document brief "
    "motion lawsuit suit complaint resolution post series language footage clip".split())
_MEDIA_NOUNS = frozenset("newspaper daily paper network channel magazine outlet website "
                         "broadcaster station agency weekly".split())
_POSSESSIVE_END = re.compile(r"['’]s?$")  # "the ministry's warning": the ministry
_EDGE = re.compile(r"^[\s,;:\-–—\"“”«»'‘’]+|[\s,;:\-–—\"“”«»'‘’]+$")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a cue attributes its content to; ``id`` only when a record is certain.

    ``span`` (document offsets) is where the text names the speaker for this quote:
    the name, pronoun or noun phrase the attribution rests on.
    """

    id: str | None
    name: str | None
    span: tuple[int, int] | None = None

    def named_at(self, start: int, end: int) -> Speaker:
        """The same speaker, named in the text at ``start:end`` (nobody is named nowhere)."""
        if self.id is None and self.name is None:
            return self
        return Speaker(self.id, self.name, (start, end))

    @classmethod
    def of_mention(cls, hit: tuple[Span, str, str], entities: Entities) -> Speaker:
        """The record a mention belongs to, named at that mention."""
        span, kind, rid = hit
        return cls(rid, entities.name(kind, rid), (span.start, span.end))


@dataclass(slots=True)
class Entities:
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


def noun_phrase(token: Token) -> list[Token]:
    """The noun phrase of a subject without its clauses and prepositional tails."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CORE_DEPS and not child.is_punct:
            out.extend(noun_phrase(child))
    return out


def absolute(pb: ParsedBlock, tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return pb.offset + start, pb.offset + end


class Resolver:
    """Resolves subject noun phrases to speakers, remembering who was named as subject."""

    def __init__(self, ctx: Context, parsed: list[ParsedBlock],
                 segments: list[Segment]) -> None:
        self.text = ctx.document.text
        self.segments = segments
        self.entities = Entities(ctx.people, ctx.organizations)
        self.parsed = parsed
        # (sentence start, sentence end, block index) of each body sentence, in order.
        self.sentences = [(pb.offset + s.start_char, pb.offset + s.end_char, i)
                          for i, pb in enumerate(parsed) for s in pb.doc.sents]
        # Subjects of a sentence's main verb or of a cue: "Ruiz said that Diaz won" -> Ruiz.
        self.main_subjects: set[tuple[int, str]] = set()
        self.subjects = self._subject_mentions()
        # Sentence start -> "he"/"she" when that pronoun is the subject of its main verb.
        self.pronoun_led = self._pronoun_led()
        self.group_subjects = self._group_subjects()
        self.genders = {p.id: g for p in ctx.people if (g := self._gender(p)) is not None}

    def _gender(self, person: Person) -> str | None:
        """'m' or 'f' when the text says so (Mr., Mrs., a gendered role noun), else None.

        Only used to rule a person out for "he" or "she", never to pick one.
        """
        said = set()
        for m in person.mentions:
            title = _HONORIFIC.search(self.text[max(0, m.start - 6):m.start])
            if title:
                said.add(_HONORIFICS[title.group(1).lower()])
        role = (person.role or "").lower().split()
        if role and role[-1] in _GENDERED_NOUNS:
            said.add(_GENDERED_NOUNS[role[-1]])
        return said.pop() if len(said) == 1 else None

    def _group_subjects(self) -> list[tuple[int, int, ParsedBlock, Token]]:
        """(start, block, parse, token) of each subject that is no pronoun nor a person."""
        out = []
        people = [m for m, kind, _ in self.entities.mentions() if kind == "person"]
        for index, pb in enumerate(self.parsed):
            for tok in pb.doc:
                if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                start = pb.offset + tok.idx
                if any(q.start <= start < q.end for q in self.segments):
                    continue
                if not _is_plural(tok) and any(m.start <= start < m.end for m in people):
                    continue
                out.append((start, index, pb, tok))
        return out

    def _pronoun_led(self) -> dict[int, str]:
        """Sentence start -> "he"/"she" where that pronoun is the main verb's subject."""
        out = {}
        for pb in self.parsed:
            for sent in pb.doc.sents:
                subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ in _PERSON_PRONOUNS:
                    out[pb.offset + sent.start_char] = subj.lower_
        return out

    def _subject_mentions(self) -> set[tuple[int, str]]:
        """(mention start, record id) of every named subject of a clause."""
        found: set[tuple[int, str]] = set()
        for pb in self.parsed:
            for tok in pb.doc:
                if tok.dep_ in _SUBJECTS or (tok.dep_ == "pobj" and tok.head.lower_ == "to"
                                             and tok.head.head.lower_ == "according"):
                    main = tok.head.dep_ == "ROOT" or cue_entry(tok.head) is not None
                    for head in (tok, *tok.conjuncts):  # "X and Y said": both speak
                        pick = self._named(pb, head)
                        if pick is not None:
                            found.add((pick[0].start, pick[2]))
                            if main:
                                self.main_subjects.add((pick[0].start, pick[2]))
        return found

    def resolve(self, pb: ParsedBlock, block: int, head: Token) -> Speaker:
        """The speaker a subject (or "according to" object) token names."""
        at = pb.offset + head.idx
        # A pronoun names a speaker even when it cannot be resolved: "she" is the evidence.
        if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
            found = self._pronoun(at, block, head.lower_)
            return Speaker(found.id, found.name, (at, at + len(head)))
        if head.lower_ in _POSSESSIVES and head.dep_ == "poss":  # "his claim that"
            found = self._pronoun(at, block, _POSSESSIVES[head.lower_])
            return Speaker(found.id, found.name, (at, at + len(head)))
        pick = self._named(pb, head)
        if pick is not None:
            return Speaker.of_mention(pick, self.entities)
        start, end = absolute(pb, _contiguous(head, noun_phrase(head)))
        return self._described(pb, head, start, end).named_at(start, end)

    def _named(self, pb: ParsedBlock, head: Token) -> tuple[Span, str, str] | None:
        """The mention a noun phrase names: the one on its head, else its first person."""
        phrase = noun_phrase(head)
        # Only names on the phrase's own words: "the head of a group backing A, B," is B.
        starts = {pb.offset + t.idx for t in phrase}
        hits = [h for h in self.entities.at(*absolute(pb, phrase))
                if any(h[0].start <= at < h[0].end for at in starts)]
        head_start = pb.offset + head.idx
        on_head = [h for h in hits if h[0].start <= head_start < h[0].end]
        if not on_head and _former(head):
            # "a former Isis fighter said": he no longer speaks for the group he left.
            hits = [h for h in hits if h[1] == "person"]
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
        if head.pos_ in _NO_SPEAKER_POS or head.lower_ in _PARTICLES:
            return Speaker(None, None)  # "a close-up of the map showed": "up" is nobody
        words = _POSSESSIVE_END.sub("", _EDGE.sub("", self.text[start:end]))
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
        elif word == "they":
            return self._group(at, block, plural=True)
        else:
            return Speaker(None, None)
        for s_start, s_end, s_block in reversed(self.sentences):
            if s_start >= at:
                continue
            if block - s_block > _MAX_BLOCKS_BACK:
                break
            # A name inside a quotation is spoken about, not speaking.
            named = [h for h in self.entities.at(s_start, min(s_end, at)) if h[1] == kind
                     and not any(q.start <= h[0].start < q.end for q in self.segments)
                     and self.genders.get(h[2]) != _OTHER_GENDER.get(word)]
            ids = list(dict.fromkeys(h[2] for h in named))
            if len(ids) > 1:  # two named: only one of them as subject or speaker will do
                ids = list(dict.fromkeys(h[2] for h in named
                                         if (h[0].start, h[2]) in self.subjects))
            if len(ids) > 1:  # the speaker or main subject over a subject inside what is said
                main = list(dict.fromkeys(h[2] for h in named
                                          if (h[0].start, h[2]) in self.main_subjects))
                ids = main if len(main) == 1 else ids
            if named and self.pronoun_led.get(s_start) == word and not any(
                    (h[0].start, h[2]) in self.subjects for h in named):
                continue  # "He held his fire on A and B.": he is still who he was before
            if len(ids) == 1:
                return Speaker(ids[0], self.entities.name(kind, ids[0]))
            if named:
                return Speaker(None, None)
            if kind == "org" and self._group(at, block, plural=False, within=s_start).name:
                return self._group(at, block, plural=False, within=s_start)
        return Speaker(None, None)

    def _group(self, at: int, block: int, *, plural: bool, within: int = -1) -> Speaker:
        """'they' (or 'it'): the latest subject before ``at`` of that number, not a person.

        "Critics of the plan sent a letter. They said ...": the critics. Only subjects
        count (they are what a text goes on talking about); a subject inside a
        quotation is spoken about. ``within`` limits the search to sentences from there.
        """
        for start, b, pb, tok in reversed(self.group_subjects):
            if start >= at or start < within:
                continue
            if block - b > 1:
                break
            if _is_plural(tok) != plural:
                continue
            return self.resolve(pb, b, tok)
        return Speaker(None, None)


def _former(head: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in ("former", "ex") for c in head.children)


def _contiguous(head: Token, phrase: list[Token]) -> list[Token]:
    """The unbroken run of a phrase's words around its head.

    "A union representing pilots endorsed her, another example": the apposition at
    the end of the sentence is no part of the words that name the speaker.
    """
    at = {t.i for t in phrase}
    lo = hi = head.i
    while lo - 1 in at:
        lo -= 1
    while hi + 1 in at:
        hi += 1
    return [t for t in phrase if lo <= t.i <= hi]


def _is_plural(tok: Token) -> bool:
    """'critics', 'Mr. A and Mr. B': a plural noun or a coordination."""
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


# --- the source of a cue ----------------------------------------------------------


def subject_of(verb: Token) -> Token | None:
    """The source of a cue verb: "according to X" on it, else its subject, else inherited.

    A cue with no subject of its own takes the one of the clause it hangs on
    ("X asked ... and said", "X said ..., adding that"); a participle the parser
    hung inside another cue's content ("X said that A, pointing out B") takes
    that cue's source.
    """
    inherited = False
    for _ in range(5):
        according = according_object(verb)
        if according is not None:
            return according
        issuer = _issued(verb)
        if issuer is not None:
            verb = issuer  # "X issued a statement calling ...": X speaks
            continue
        agent = next((o for c in verb.children if c.dep_ == "agent"
                      for o in c.children if o.dep_ == "pobj"), None)
        if agent is not None:
            return agent  # "X was criticized by Y for ...", "asked by Y whether": Y speaks
        if verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                            for c in verb.children) and (
                (verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass")
                                                for c in verb.children))
                or (verb.lemma_.lower() == "ask" and any(c.dep_ == "mark"
                                                         for c in verb.children))):
            return None  # "Asked about the vote, X said", "when asked": who asked is not told
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if verb.dep_ == "relcl" and any(c.lower_ in _RELATIVE for c in subjects):
            return _antecedent(verb.head)  # "the envoy, who said ...": the envoy
        if subjects:
            # The parser splits "the economist X told" into two subjects: the nearer is the name.
            return max(subjects, key=lambda t: (t.i < verb.i, t.i if t.i < verb.i else -t.i))
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            # "X was prompted to say", "X was pressed and said": X speaks; but the cue's
            # own passive ("it is believed that") is an attribution without a source.
            return passive if inherited else None
        if verb.dep_ not in _INHERIT_DEPS or verb.head.i == verb.i:
            return None
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in verb.children):
            return None  # "an incentive to disclose", "the decision to announce": nobody
        if verb.dep_ in ("relcl", "acl"):
            return _antecedent(verb.head)  # "the envoy, who said ..."
        controller = _object_control(verb)
        if controller is not None:
            return controller  # "the senator forced Ruiz to admit that": Ruiz admits
        participle = verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBG"
        inherited = verb.dep_ in ("xcomp", "conj")
        outer = _out_of_relative(verb) if participle else None
        verb = outer if outer is not None else verb.head
        if verb.dep_ == "prep" and verb.head.i != verb.i:  # "responded by saying"
            verb = verb.head
        while participle and verb.pos_ not in ("VERB", "AUX") and verb.dep_ in _NOUN_UP \
                and verb.head.i != verb.i:
            verb = verb.head  # "were in the lead in advocating X": up to the clause's verb
        while participle and verb.dep_ == "ccomp" and governs_content(verb.head):
            verb = verb.head
    return None


def _antecedent(noun: Token) -> Token:
    """What a relative clause is about: "forces on the ground who said" are the forces.

    The parser hangs "who" on the nearest noun; a place phrase ("on the ground", "at
    the scene") cannot speak, so the clause is about the noun that phrase follows.
    """
    prep = noun.head
    if (noun.dep_ == "pobj" and noun.lemma_.lower() in _LOCATIVE_NOUNS
            and prep.dep_ == "prep" and prep.head.i != prep.i
            and prep.head.pos_ in ("NOUN", "PROPN")):
        return prep.head
    return noun


def _out_of_relative(participle: Token) -> Token | None:
    """'Ruiz refused to pay an architect who said he was cheated, saying ...': Ruiz says.

    A participle set off by a comma, which the parser hung inside a relative clause,
    tells what the main clause's subject did: the verb that clause hangs on.
    """
    if participle.i == 0 or participle.nbor(-1).text != ",":
        return None
    relative = next((a for a in participle.ancestors if a.dep_ == "relcl"), None)
    if relative is None:
        return None
    node = relative.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _object_control(verb: Token) -> Token | None:
    """The object that does what an infinitive says: "pressed *Ruiz* to admit".

    A verb with an object and an infinitive complement hands the infinitive to its
    object (the one forced, urged or asked), not to its own subject; so does one
    with an object and a participle right after it ("left *voters* feeling that").
    """
    if verb.head.i == verb.i:
        return None
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
    elif not (verb.dep_ in ("xcomp", "ccomp", "oprd", "advcl") and verb.tag_ == "VBG"):
        return None  # "left the nations feeling that ...": the nations feel
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if obj is None or verb.tag_ == "VBG" and obj.right_edge.i != verb.i - 1:
        return None
    return obj


def _issued(verb: Token) -> Token | None:
    """'X released a letter saying ...': the verb by which an author sent out a message.

    The participle hangs on the message ("a series of tweets criticizing ..."); its
    words are those of whoever issued it, the subject of the verb it is the object of.
    """
    participle = verb.dep_ == "acl" and verb.tag_ == "VBG"
    relative = verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE
                                            for c in verb.children)
    if not (participle or relative) or verb.head.lemma_.lower() not in _MESSAGES:
        return None
    node = verb.head
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def governs_content(verb: Token) -> bool:
    return verb is not None and (cue_entry(verb) is not None
                                 or according_object(verb) is not None)


def according_object(verb: Token) -> Token | None:
    """X in "according to X" modifying ``verb``."""
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None
