"""Agreements: named agreements, talks, processes, formats and zones, and the events about them.

News refers to diplomacy by name: "the Minsk agreements", "the Geneva talks", "the
Normandy format", "the Dayton Agreement", "the Treaty of Lausanne", "the
Turkish-Russian memorandum", "the agreement between Russia and Turkey", and by a few
generic names that stand for one agreement of the article ("a ceasefire agreement",
"the de-escalation zone", "the peace process"). Over the dependency parse, a name is

* a head noun of the diplomatic lexicon (``HEADS``: agreement, accord, treaty, talks,
  process, format, zone, ...) used as a noun, not a verb ("Putin talks with ...");
* with the proper-name words before it ("Minsk", "Turkish-Russian", "US-Taliban",
  "Oslo II"), past topical modifiers ("the Geneva peace talks"), or the names after
  "of" ("the Treaty of Lausanne"), or the countries after "between" ("agreements
  between Russia and Turkey");
* or, with no name, one of the generic topics (``GENERIC_TOPICS``: ceasefire, peace,
  de-escalation, buffer, ...) before it.

Heads that are as often commercial, sporting or domestic (deal, plan, summit, format,
track, protocol, zone ...) need more: a topic ("the Iran nuclear deal", "the Arab Peace
Initiative") or a name that is a country or a place ("the Normandy format", "the Kyoto
Protocol"; "The Dead Zone" is a film). In a title-cased line every word looks like a
name, so there only places and countries are ("Envoys Revive Geneva Talks"). A head
that modifies another noun ("the Conference League") heads nothing.
Repeated mentions are merged into one record per family of kind and
name: "the Geneva talks" and "the Geneva process" are one process, "the
Turkish-Russian agreement" and "the agreements between Russia and Turkey" one agreement.
A bare "the agreement" or "the talks" later on is a mention of the one agreement (or
process) named before it, and of none when two were (:func:`resolve_anaphors`).

:func:`link` runs after the events stage and gives every event the agreements named in
its sentence.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.records import Agreement, Event, Place, Span
from eventwire.resolve import dictionaries

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

__all__ = ["VERSION", "extract", "link"]

VERSION = "agreements.rules.v1"
log = logging.getLogger(__name__)

# Head noun (lemma or lower form) -> kind. ``WEAK_HEADS`` need more than a name.
HEADS = {
    "agreement": "agreement", "accord": "agreement", "treaty": "agreement",
    "memorandum": "agreement", "pact": "agreement", "protocol": "agreement",
    "deal": "agreement", "understanding": "agreement", "declaration": "agreement",
    "armistice": "ceasefire", "truce": "ceasefire", "ceasefire": "ceasefire",
    "talks": "talks", "negotiations": "talks", "summit": "talks", "conference": "talks",
    "process": "process", "track": "process", "initiative": "process", "plan": "process",
    "roadmap": "process", "format": "format",
    "zone": "zone",
}
WEAK_HEADS = frozenset("deal understanding declaration summit conference track initiative "
                       "plan roadmap format protocol zone".split())
# Heads that are as often what one side intends: one country's is not an agreement.
INTENT_HEADS = frozenset({"plan", "roadmap"})
# Heads whose unnamed mention is never kept, even with a topic ("the ceasefire").
NEVER_GENERIC = frozenset({"ceasefire", "truce", "armistice", "understanding", "declaration",
                           "summit", "conference", "track", "initiative", "roadmap",
                           "format", "protocol"})
# Topics that make an unnamed head one agreement of the article ("a ceasefire agreement").
GENERIC_TOPICS = frozenset("ceasefire cease-fire truce peace de-escalation buffer safe no-fly "
                           "demilitarized demilitarised exclusion prisoner-exchange "
                           "prisoner hostage".split())
# Topics that may stand between a name and its head ("the Iran nuclear deal").
TOPICS = GENERIC_TOPICS | frozenset(
    "nuclear grain trade security reconciliation normalization normalisation power-sharing "
    "border withdrawal humanitarian political constitutional transition transitional "
    "framework final-status exchange prisoner denuclearization denuclearisation "
    "de-escalation partnership cooperation defence defense climate swap".split())
# Topics that make an agreement a ceasefire.
CEASEFIRE_TOPICS = frozenset("ceasefire cease-fire truce".split())
# Families whose members are the same thing under another head ("Geneva talks/process").
FAMILY = {"talks": "process", "process": "process", "format": "process"}
# Capitalised words that open a sentence or a noun phrase without naming anything.
NOT_NAMES = frozenset(
    "the a an this that these those any our their his her its new last next first second "
    "final previous recent current latest fresh direct further formal informal several "
    "both all other such proposed planned so-called".split())
NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC", "LAW", "EVENT", "PERSON"})
# What a name word must be in a title-cased line, where every word is capitalised.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
TITLE_CASED_SHARE = 0.6  # of a sentence's longer words capitalised: a headline's casing
NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY"})
# "Memorandum of Understanding" names a kind of text, not one agreement.
NOT_OF_NAMES = frozenset({"understanding", "intent", "cooperation", "agreement", "principles"})
PLACE_NAME_MIN_POPULATION = 100_000
# Words of names that the gazetteer also holds as some division ("South" in Cameroon) but
# that in an agreement's name describe, not name, a place.
NOT_PLACE_WORDS = frozenset("north south east west northern southern eastern western central "
                            "upper lower greater new free united".split())
MAX_NAME_WORDS = 5
# "the agreement", "the talks" after one named: the families of record they may refer to.
_AGREEMENT_FAMILIES = frozenset({"agreement", "ceasefire"})
ANAPHORA = {
    **{w: _AGREEMENT_FAMILIES for w in ("agreement", "accord", "deal", "treaty", "memorandum",
                                        "pact")},
    **{w: frozenset({"ceasefire"}) for w in ("truce", "ceasefire", "armistice")},
    **{w: frozenset({"process"}) for w in ("talks", "negotiations", "process")},
}
# Dependents that make "the <head>" a new or another one, not the one named before.
_QUALIFYING = frozenset({"amod", "compound", "nmod", "nummod", "poss", "relcl", "acl"})
_SPECIFYING = frozenset({"on", "to", "with", "for", "over", "about", "between", "of", "in"})
SKIPPED_BLOCKS = frozenset({"byline"})
_HYPHENS = frozenset({"-", "‐", "‑", "–"})
# Lowercase particles inside names ("Sharm el-Sheikh", "Bab al-Hawa", "Rio de Janeiro").
PARTICLES = frozenset("al el ad ash as an ar at az ud ul bin ibn de da di do du la le von "
                      "van der".split())


@dataclass(frozen=True, slots=True)
class _Mention:
    """One mention before merging: its span, kind and the words of its name."""

    span: Span
    sentence: Span
    kind: str
    head: str
    name_words: tuple[str, ...]  # the proper-name words, as written
    named_after: tuple[str, ...]  # those that name a country or a place
    topics: tuple[str, ...]
    countries: tuple[str, ...] = ()
    generic: bool = False
    between: tuple[str, ...] = ()  # ISO3 of "between X and Y"
    of_countries: bool = False  # every name word is a country's name or adjective


# --------------------------------------------------------------------------- recognition


def extract(ctx: Context) -> tuple[Agreement, ...]:
    """The document's agreements, in order of first mention, ids ``a1``, ``a2``, ..."""
    text = ctx.document.text
    place_word = _place_word(ctx)
    found: list[_Mention] = []
    anaphors: list[tuple[frozenset[str], Span]] = []
    for pb in ctx.parsed:
        if pb.block.kind not in SKIPPED_BLOCKS:
            found.extend(find_mentions(pb, text, place_word=place_word))
            anaphors.extend(find_anaphors(pb, text))
    return resolve_anaphors(merge(found, ctx.places), anaphors)


def find_mentions(pb: ParsedBlock, text: str, *, place_word: Any = None) -> Iterator[_Mention]:
    """Every agreement mention in one parsed block.

    Args:
        pb: the block and its parse.
        text: the document's text (spans point into it).
        place_word: ``str -> bool``, whether a word names a place (the gazetteer); a
            weak head named after a place is kept ("the Normandy format").
    """
    for tok in pb.doc:
        kind = _head_kind(tok)
        if kind is None:
            continue
        mention = _mention(tok, kind, pb, text, place_word=place_word)
        if mention is not None:
            yield mention


def _head_kind(tok: Token) -> str | None:
    """The kind of agreement ``tok`` heads, if it is a noun of the lexicon."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_.startswith("VB") or tok.dep_ == "compound":
        return None
    word = _head_word(tok)
    return HEADS.get(word) if word else None


def _head_word(tok: Token) -> str | None:
    """The lexicon's form of a head noun: "agreements", "Accords" (a proper noun keeps its
    plural as lemma), "treaties" -> "agreement", "accord", "treaty"; "talks" stays."""
    word = tok.lower_
    if word in HEADS:
        return word
    for form in (tok.lemma_.lower(), word[:-1] if word.endswith("s") else "",
                 word[:-3] + "y" if word.endswith("ies") else ""):
        if form in HEADS and form not in ("talk", "negotiation"):
            return form
    return None


def _mention(tok: Token, kind: str, pb: ParsedBlock, text: str, *,
             place_word: Any) -> _Mention | None:
    """The mention headed by ``tok``: its name before it (or "of" after it), its topics and
    the countries "between" it, or None if it is neither named nor a generic one."""
    head = _head_word(tok) or tok.lower_
    left, topics = _topics_before(tok)
    names = _name_before(left, place_word=place_word)
    end_tok = tok
    of_names = _of_name(tok, place_word=place_word) if not names else []
    if of_names:
        names, end_tok = of_names, of_names[-1]
    between = _between_countries(tok)
    if between and not names:
        end_tok = between[-1][1]
    if any(t in CEASEFIRE_TOPICS for t in topics) and kind == "agreement":
        kind = "ceasefire"
    name_words = _name_words(names)
    generic = not name_words and not between
    if generic and (head in NEVER_GENERIC or not set(topics) & GENERIC_TOPICS):
        return None
    countries = _countries(name_words) + tuple(c for c, _ in between)
    if head in WEAK_HEADS and not _strong_enough(head, topics, name_words, countries,
                                                 place_word=place_word):
        return None
    if head in INTENT_HEADS and tok.lower_ != head:
        return None  # "Turkish plans to ...": intentions, not a plan anyone signed
    if of_names:
        first = left if topics else tok
    else:
        first = names[0] if names else (left if topics else tok)
    start_char, end_char = first.idx, end_tok.idx + len(end_tok)
    sent = tok.sent
    return _Mention(
        span=pb.span(start_char, end_char, text),
        sentence=pb.span(sent.start_char, sent.end_char, text),
        kind=kind, head=head, name_words=name_words, topics=tuple(topics),
        named_after=_named_after(name_words, place_word),
        countries=tuple(dict.fromkeys(countries)), generic=generic,
        between=tuple(c for c, _ in between),
        of_countries=bool(name_words) and all(_country_words(w) for w in name_words))


def _topics_before(head: Token) -> tuple[Token, list[str]]:
    """The first token of the topical modifiers before ``head`` (or ``head``), and the topics.

    Hyphenated topics are split by the tokenizer ("de", "-", "escalation"); they are read
    back whole.
    """
    doc = head.doc
    i = head.i
    first = head
    topics: list[str] = []
    while i - 1 >= head.sent.start:
        j, word = _word_before(doc, i)
        if word is None or word.lower() not in TOPICS:
            break
        topics.insert(0, word.lower())
        i = j
        first = doc[j]
    return first, topics


def _word_before(doc: Any, i: int) -> tuple[int, str | None]:
    """The word ending before token ``i``, hyphenated parts joined: (its first token, text)."""
    j = i - 1
    if j < 0:
        return j, None
    word = doc[j].text
    while j - 2 >= 0 and doc[j - 1].text in _HYPHENS and not doc[j - 1].whitespace_ \
            and not doc[j - 2].whitespace_:
        word = doc[j - 2].text + "-" + word
        j -= 2
    return j, word


def _name_before(first: Token, *, place_word: Any = None) -> list[Token]:
    """The proper-name tokens right before ``first`` ("Minsk", "Turkish - Russian")."""
    doc = first.doc
    names: list[Token] = []
    i = first.i - 1
    strict = place_word or _no_place if _title_cased(first.sent) else None
    while i >= first.sent.start:
        tok = doc[i]
        if names and _inner(tok) and _name_goes_on(doc, i - 1, first.sent.start, strict):
            names.insert(0, tok)
            i -= 1
            continue
        if not _is_name_word(tok, strict=strict) or _word_count(names) >= MAX_NAME_WORDS:
            break
        names.insert(0, tok)
        i -= 1
    return names


def _inner(tok: Token) -> bool:
    """A hyphen or a particle: part of a name only between its words."""
    return tok.text in _HYPHENS or tok.lower_ in PARTICLES


def _name_goes_on(doc: Any, i: int, start: int, strict: Any) -> bool:
    """Whether a name word ends at token ``i``, maybe past one more hyphen or particle."""
    if i < start:
        return False
    if _is_name_word(doc[i], strict=strict):
        return True
    return _inner(doc[i]) and i - 1 >= start and _is_name_word(doc[i - 1], strict=strict)


def _word_count(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.text not in _HYPHENS)


def _title_cased(sent: Any) -> bool:
    """A headline-cased sentence: most of its longer words capitalised, hardly one not
    (a sentence with a long name still has its lowercase verbs and prepositions)."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    upper = sum(1 for w in words if w[:1].isupper())
    return (len(words) >= 3 and upper >= TITLE_CASED_SHARE * len(words)
            and len(words) - upper <= 1)


def _no_place(word: str) -> bool:
    return False


def _is_name_word(tok: Token, *, strict: Any = None) -> bool:
    """A capitalised word that can be part of a name: a proper noun, a country word.

    ``strict`` (in a title-cased line, the ``place_word`` test): only places, peoples and
    countries.
    """
    text = tok.text
    if not text[:1].isupper() or text.lower() in NOT_NAMES:
        return False
    if tok.ent_type_ in NOT_NAME_LABELS or tok.tag_ == "POS":
        return False
    country = (dictionaries.country_by_word(text) or dictionaries.metonym_country(text)
               or dictionaries.split_compound_adjective(text))
    if strict is not None:
        return tok.ent_type_ in PLACE_LABELS or bool(country) or strict(text)
    if tok.tag_ in ("NNP", "NNPS") or tok.ent_type_ in NAME_LABELS:
        return True
    return bool(country)


def _of_name(head: Token, *, place_word: Any = None) -> list[Token]:
    """"the Treaty of Lausanne": the proper names after a capitalised head's "of"."""
    doc = head.doc
    if not head.text[:1].isupper() or head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "of":
        return []
    names: list[Token] = []
    i = head.i + 2
    strict = place_word or _no_place if _title_cased(head.sent) else None
    while i < head.sent.end and _is_name_word(doc[i], strict=strict) \
            and len(names) < MAX_NAME_WORDS:
        names.append(doc[i])
        i += 1
    if not names or names[0].lower_ in NOT_OF_NAMES:
        return []
    return [doc[head.i + 1], *names]  # "of" stays inside the name's tokens


def _between_countries(head: Token) -> list[tuple[str, Token]]:
    """"agreements between Russia and Turkey": the ISO3 codes of both sides and their tokens."""
    doc = head.doc
    i = head.i + 1
    if i >= head.sent.end or doc[i].lower_ != "between":
        return []
    sides: list[tuple[str, Token]] = []
    for obj in doc[i].children:
        if obj.dep_ != "pobj":
            continue
        for side in (obj, *obj.conjuncts):
            code = _country_code(side.text)
            if code is None:
                return []
            sides.append((code, side))
    if len(sides) < 2:
        return []
    return sorted(sides, key=lambda s: s[1].i)


def _name_words(names: Sequence[Token]) -> tuple[str, ...]:
    """The words of a name as written, hyphenated compounds joined ("Turkish-Russian")."""
    words: list[str] = []
    glue = False
    for tok in names:
        if tok.lower_ == "of":
            continue
        if tok.text in _HYPHENS:
            glue = True
            continue
        if glue and words:
            words[-1] += "-" + tok.text
        else:
            words.append(tok.text)
        glue = False
    return tuple(words)


def _named_after(words: Sequence[str], place_word: Any) -> tuple[str, ...]:
    """The words of a name that name a country (name, adjective, capital) or a place.

    A one-word name may be any place the gazetteer knows ("Dayton"); in a longer name only
    country words count, or the whole name as one place: "Camp David" is not named after
    David in Panama.
    """
    if len(words) > 1 and place_word is not None and place_word(" ".join(words)):
        return (" ".join(words),)
    if len(words) == 1 and place_word is not None and place_word(words[0]):
        return tuple(words)
    return tuple(w for w in words if _countries([w]))


def _country_words(word: str) -> tuple[str, ...]:
    """ISO3 of a word that is a country's name or adjective, compounds split; else ()."""
    country = dictionaries.country_by_word(word)
    if country is not None:
        return (country.iso3,)
    return tuple(c.iso3 for c in dictionaries.split_compound_adjective(word))


def _country_code(word: str) -> str | None:
    """ISO3 of a country's name, adjective or capital, from the dictionary alone."""
    country = dictionaries.country_by_word(word)
    if country is None:
        country = dictionaries.metonym_country(word)
    return country.iso3 if country else None


def _countries(words: Sequence[str]) -> tuple[str, ...]:
    """ISO3 of every name word that is a country's (compounds split): "US-Taliban" -> USA."""
    codes: list[str] = []
    for word in words:
        parts = dictionaries.split_compound_adjective(word) if "-" in word else ()
        if parts:
            codes.extend(c.iso3 for c in parts)
            continue
        for part in word.split("-"):
            code = _country_code(part)
            if code:
                codes.append(code)
    return tuple(dict.fromkeys(codes))


def _strong_enough(head: str, topics: Sequence[str], name_words: Sequence[str],
                   countries: Sequence[str], *, place_word: Any) -> bool:
    """A weak head ("deal", "format", "summit") is an agreement only with more evidence:
    a topic, a country, or a name made of places ("the Apple deal" is none of these). One
    country's plan is what it intends ("the US plan to withdraw"); two countries' is
    agreed between them ("the Russian-Turkish plan")."""
    if topics:
        return True
    if countries:
        return head not in INTENT_HEADS or len(countries) >= 2
    if not name_words or place_word is None:
        return False
    return all(place_word(w) for w in name_words)


def _place_word(ctx: Context) -> Any:
    """``word -> bool``: a populous place or a division in the gazetteer (None without one)."""
    gazetteer = ctx.resources.gazetteer if ctx.resources is not None else None
    if gazetteer is None:
        return None

    def is_place(word: str) -> bool:
        if word.lower() in NOT_PLACE_WORDS:
            return False
        entries = gazetteer.lookup(word).entries
        return any(e.feature_class == "A" or e.population >= PLACE_NAME_MIN_POPULATION
                   for e in entries[:5])

    return is_place


# --------------------------------------------------------------------------- anaphora


def find_anaphors(pb: ParsedBlock, text: str) -> Iterator[tuple[frozenset[str], Span]]:
    """"the agreement", "the talks": a definite head with nothing that names or qualifies
    it, with the families of record it may refer to and its span (the head noun)."""
    for tok in pb.doc:
        word = _head_word(tok) if _head_kind(tok) else None
        if word not in ANAPHORA:
            continue
        if tok.i == 0 or tok.doc[tok.i - 1].lower_ != "the":
            continue
        if any(c.dep_ in _QUALIFYING or (c.dep_ == "prep" and c.lower_ in _SPECIFYING)
               for c in tok.children):
            continue  # "the agreement on grain", "the 2015 agreement": maybe another one
        yield ANAPHORA[word], pb.of(tok, text)


def resolve_anaphors(records: tuple[Agreement, ...],
                     anaphors: Sequence[tuple[frozenset[str], Span]]) -> tuple[Agreement, ...]:
    """Each anaphor becomes a mention of the one record of its families named before it;
    with two or more candidates it refers to none (no guessing)."""
    extra: dict[str, list[Span]] = {}
    taken = {(m.start, m.end) for r in records for m in r.mentions}
    for families, span in anaphors:
        if any(s <= span.start < e for s, e in taken):
            continue
        candidates = [r for r in records if FAMILY.get(r.kind, r.kind) in families
                      and r.mentions[0].start < span.start]
        if len(candidates) == 1:
            extra.setdefault(candidates[0].id, []).append(span)
    return tuple(dataclasses.replace(r, mentions=tuple(sorted(
        (*r.mentions, *extra[r.id]), key=lambda m: m.start))) if r.id in extra else r
        for r in records)


# --------------------------------------------------------------------------- merging


def _key(m: _Mention) -> tuple[object, ...]:
    """Mentions with the same key are one agreement (see the module doc)."""
    family = FAMILY.get(m.kind, m.kind)
    if m.of_countries:
        # "the Turkish-Russian agreement" is "the agreement between Russia and Turkey"
        return family, "countries", frozenset(c for w in m.name_words for c in _country_words(w))
    if m.name_words:
        return family, "name", tuple(w.lower() for w in m.name_words)
    if m.between:
        return family, "countries", frozenset(m.between)
    topics = tuple(t for t in m.topics if t in GENERIC_TOPICS)
    return family, "generic", topics


def merge(mentions: Sequence[_Mention], places: Sequence[Place] = ()) -> tuple[Agreement, ...]:
    """One record per key, in order of first mention, ids ``a1``, ``a2``, ..."""
    groups: dict[tuple[object, ...], list[_Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.span.start):
        groups.setdefault(_key(m), []).append(m)
    records = [_record(group, places) for group in _fold_generic(groups)]
    return tuple(dataclasses.replace(r, id=f"a{i}") for i, r in enumerate(records, start=1))


def _fold_generic(groups: dict[tuple[object, ...], list[_Mention]]) -> list[list[_Mention]]:
    """"peace talks" in an article about "the Geneva peace talks" are those talks: a
    generic group joins the one named group of its family with its topics (none if two)."""
    named = {k: g for k, g in groups.items() if k[1] != "generic"}
    out = {k: list(g) for k, g in named.items()}
    for key, group in groups.items():
        if key[1] != "generic":
            continue
        topics = set(key[2])  # type: ignore[arg-type]
        hosts = [k for k, g in named.items() if k[0] == key[0]
                 and topics <= {t for m in g for t in m.topics}]
        if len(hosts) == 1:
            out[hosts[0]] = sorted(out[hosts[0]] + group, key=lambda m: m.span.start)
        else:
            out[key] = list(group)
    return sorted(out.values(), key=lambda g: g[0].span.start)


def _record(group: Sequence[_Mention], places: Sequence[Place]) -> Agreement:
    spans = tuple(dict.fromkeys(m.span for m in group))
    # A generic mention names nothing: the name comes from the named ones, if any.
    naming = [m for m in group if not m.generic] or list(group)
    names = Counter(_display(m.span.text) for m in naming)
    first_seen = [_display(m.span.text) for m in naming]
    name = max(names, key=lambda n: (names[n], -first_seen.index(n)))
    kinds = Counter(m.kind for m in naming)
    named_after = tuple(dict.fromkeys(w for m in group for w in m.named_after))
    countries = tuple(dict.fromkeys(c for m in group for c in m.countries))
    place_ids = tuple(p.id for p in places
                      if any(dictionaries.fold(p.name) == dictionaries.fold(w)
                             for w in named_after))
    return Agreement(
        id="", name=name, kind=kinds.most_common(1)[0][0], mentions=spans,
        evidence=group[0].sentence,
        aliases=tuple(n for n in dict.fromkeys(first_seen) if n != name),
        generic=all(m.generic for m in group), named_after=named_after,
        countries=countries, place_ids=tuple(dict.fromkeys(place_ids)))


def _display(text: str) -> str:
    """A mention as a name: one line, single spaces."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- linking


def link(ctx: Context, events: Sequence[Event],
         agreements: Sequence[Agreement]) -> tuple[Event, ...]:
    """``events`` with ``agreement_ids``: the agreements named in each event's sentence."""
    if not agreements:
        return tuple(events)
    sentences = _sentences(ctx)
    out = []
    for event in events:
        sentence = _sentence_of(event.evidence, sentences)
        ids = tuple(a.id for a in agreements
                    if any(sentence[0] <= m.start and m.end <= sentence[1] for m in a.mentions))
        out.append(dataclasses.replace(event, agreement_ids=ids) if ids else event)
    return tuple(out)


def _sentences(ctx: Context) -> list[tuple[int, int]]:
    """Document offsets of every sentence of every block."""
    return [(pb.offset + s.start_char, pb.offset + s.end_char)
            for pb in ctx.parsed for s in pb.doc.sents]


def _sentence_of(evidence: Span, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The sentence that holds the evidence's start (the evidence itself if none does)."""
    for start, end in sentences:
        if start <= evidence.start < end:
            return start, max(end, evidence.end)
    return evidence.start, evidence.end
