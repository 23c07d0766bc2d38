"""Recognition: every toponym of a document, before resolution.

Recognition starts from the tagger's GPE/LOC/FAC names and adds what it
misses or mislabels in conflict news:

* a name before or after a geographic head ("the Idlib countryside", "the
  southern countryside of Idlib", "Idlib province") even when tagged as a
  person or organization;
* the towns of "the X-Y-Z triangle";
* "the Syrian-Turkish border", a place of its own (part of a region);
* datelines: a town in capitals opening the copy, and the byline's place;
* proper names the tagger missed or called a person, kept as *weak*
  mentions that resolution keeps only when they lie near the article's places.

It leaves out what is not a place where something happened: demonyms and
adjectives ("Russian shelling" is an actor), names inside agreements, talks
and organizations ("the Astana talks", "the Sochi Agreement", "the League of
Arab States"), and media names and photo credits (the organizations stage
holds them, with their mentions). A capital or country standing for its
government ("Ankara is communicating", "Moscow said") is kept, flagged
``metonym`` so that no event is placed there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from eventwire.extract.names import is_given_name
from eventwire.extract.places.mention import Mention
from eventwire.records import Span
from eventwire.resolve import dictionaries
from eventwire.resolve.gazetteer.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

# Tagger labels a missed town name often carries; its tokens may start a weak mention.
WEAK_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ADMIN_HEADS = frozenset("province governorate state county region district prefecture oblast "
                        "department canton municipality".split())
TOWN_HEADS = frozenset("city town village township hamlet suburb".split())
# Heads that make the name part of a region around it: ACLED precision 2.
AREA_HEADS = frozenset("countryside outskirts suburbs environs vicinity area border "
                       "frontier hinterland periphery".split())
GEO_HEADS = ADMIN_HEADS | TOWN_HEADS | AREA_HEADS | frozenset(
    "triangle road highway crossing airport base camp valley river mountains".split())
# A name before these is a leader's: "the Clinton administration", "the Obama presidency".
LEADER_HEADS = frozenset({"administration", "administrations", "presidency"})
# A name before these names a process, a text or a body, not a place where things happen.
NON_PLACE_HEADS = frozenset("talks talk agreement agreements accord accords deal process format "
                            "summit declaration memorandum track negotiations protocol pact "
                            "treaty conference convention conventions communique framework "
                            "formula understanding platform group club forum initiative "
                            "peace-talks".split()) | LEADER_HEADS
# Verbs whose subject, when it is a capital or a country, is its government.
SPEECH_VERBS = frozenset(
    "say tell announce state claim accuse deny warn insist demand urge call reject respond reply "
    "communicate confirm agree want seek threaten condemn welcome believe argue stress add note "
    "express hope refuse propose offer ask order decide plan consider vow pledge insist respond "
    "criticize criticise blame dismiss acknowledge admit signal push press oppose back support "
    "recognize recognise negotiate mediate broker sign".split())
# Verbs whose object is someone dealt with, not somewhere: a capital there is its government.
_ADDRESSED_VERBS = frozenset(
    "urge press pressure lobby persuade convince warn accuse blame criticize criticise condemn "
    "ask call court reassure threaten sanction punish support back recognize recognise "
    "thank praise reward push join".split())
_ARTICLES = ("al", "el", "an", "ar", "as", "ad", "ash", "at", "az")
_TRIANGLE = re.compile(r"((?:[A-Z][\w'’]*|al|el|an|ar|as|ad|ash)(?:[- ](?:[A-Z][\w'’]*|"
                       r"al|el|an|ar|as|ad|ash))+)\s+triangle\b")
_TRIANGLE_SPLIT = re.compile(r"(?<!\bal)(?<!\bel)(?<!\ban)(?<!\bar)(?<!\bas)(?<!\bad)"
                             r"(?<!\bash)-(?=[A-Z])")
_BORDER = re.compile(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\s+(border|frontier)\b")
_QUOTES = "\"“”«»'‘’"


def clean_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article and quotes and a trailing possessive from a name."""
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    if text[start:end].lower().startswith("the "):
        start += 4
    for tail in ("'s", "’s"):
        if text[start:end].endswith(tail):
            end -= len(tail)
            break
    while end > start and (text[end - 1] in _QUOTES + ".,;:-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _next_word(ent: SpacySpan) -> str:
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    return doc[i].lower_ if i < len(doc) else ""


def _of_head(ent: SpacySpan) -> str | None:
    """The head noun of "the <head> of X" when the name is its object: "countryside of Idlib"."""
    head = ent.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return head.head.head.lemma_.lower()
    return None


def _is_place_name(ent: SpacySpan) -> bool:
    """A tagged name that is a place: a place label, or any name before/after a geo head."""
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ in ("ORG", "PERSON", "NORP"):
        return _next_word(ent) in GEO_HEADS or (_of_head(ent) or "") in GEO_HEADS
    return False


def _names_non_place(ent: SpacySpan) -> bool:
    """The name is part of the name of talks, an agreement or a body ("Astana talks")."""
    nxt = _next_word(ent)
    if nxt in NON_PLACE_HEADS:
        return True
    doc = ent.doc
    # "the Astana peace talks", "the Sochi de-escalation agreement"
    window = [t.lower_ for t in doc[ent.end:ent.end + 3]]
    return any(w in NON_PLACE_HEADS for w in window[1:]) and window[0] in (
        "peace", "de", "ceasefire", "cease", "de-escalation", "security", "-")


def is_demonym(text: str) -> bool:
    """A demonym or adjective of a country ("Russian", "Syrian-Turkish"): an actor, not a place."""
    return is_adjective(text)


# Adjectives of continents, regions and peoples without a state of their own.
REGION_ADJECTIVES = frozenset(
    "african european asian american arab arabian kurdish basque scandinavian balkan caucasian "
    "latin-american middle-eastern mideast western eastern southern northern "
    "pashtun baloch berber tamil sinhalese tuareg druze alawite yazidi igbo yoruba hausa fulani "
    "zulu xhosa hutu tutsi uighur uighurs uyghur uyghurs rohingya "
    # Adjectives of regions named with a direction: "a South East Asian city-state".
    "south-east-asian southeast-asian south-asian east-asian central-asian north-african "
    "west-african east-african southern-african central-african sub-saharan north-american "
    "south-american central-american east-european eastern-european west-european "
    "western-european".split())


def is_adjective(text: str) -> bool:
    """A demonym or adjective ("Russian", "Turks", "Syrian-Turkish"): an actor, not a place."""
    if dictionaries.fold(text).replace(" ", "-") in REGION_ADJECTIVES:
        return True
    country = dictionaries.country_by_word(text)
    if country is not None:
        return dictionaries.fold(text) not in {dictionaries.fold(n)
                                               for n in (country.name, *country.names)}
    return bool(dictionaries.split_compound_adjective(text))


def _want(ent: SpacySpan) -> str | None:
    nxt = _next_word(ent)
    before = [t.lower_ for t in ent.doc[max(0, ent.start - 2):ent.start]]
    of_head = _of_head(ent)
    if nxt in ADMIN_HEADS or of_head in ADMIN_HEADS:
        return "admin"
    if nxt in TOWN_HEADS or of_head in TOWN_HEADS or (before and before[-1] in TOWN_HEADS):
        return "town"
    return None


def _area_phrase(ent: SpacySpan, pb: ParsedBlock, text: str, span: Span) -> Span | None:
    """The phrase that makes the name part of an area: "the Idlib countryside", "near X"."""
    doc = ent.doc
    if _next_word(ent) in AREA_HEADS:
        end = ent.end + (2 if ent.end < len(doc) and doc[ent.end].text in ("'s", "’s") else 1)
        return Span.of(text, span.start, pb.offset + doc[end - 1].idx + len(doc[end - 1]))
    of_head = _of_head(ent)
    if of_head in AREA_HEADS:
        head = ent.root
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        noun = head.head.head
        left = min((t.i for t in noun.subtree if t.i <= noun.i and t.dep_ in ("amod", "compound")),
                   default=noun.i)
        return Span.of(text, pb.offset + doc[left].idx, span.end)
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("near", "outside", "around"):
        return Span.of(text, pb.offset + doc[ent.start - 1].idx, span.end)
    return None


def _is_metonym(ent: SpacySpan, country: dictionaries.Country | None, surface: str) -> bool:
    """A capital or seat of power (or a country, with a speech verb) standing for its government."""
    seat = dictionaries.metonym_country(surface) is not None
    if not seat and country is None:
        return False
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        return seat or root.head.lemma_.lower() in SPEECH_VERBS
    if root.dep_ == "poss":
        return seat
    if root.dep_ == "pobj" and root.head.lower_ == "between":
        return seat
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return seat  # "forces raised by Washington", "the town was retaken by Damascus"
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _ADDRESSED_VERBS:
        return seat  # "lobbying Baghdad", "urged Moscow to", "accused Tehran of"
    return False


def country_named(surface: str) -> dictionaries.Country | None:
    """The country ``surface`` names ("Syria", not "Syrian"), if any."""
    country = dictionaries.country_by_word(surface)
    if country is None or is_adjective(surface):
        return None
    return country



def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a.start < s.end and s.start < a.end for s in spans)


def _with_name_word_before(ent: SpacySpan, pb: ParsedBlock, text: str, start: int, end: int,
                           gazetteer: Any) -> tuple[int, str]:
    """A capitalized word the tagger left before a place that makes a longer place name
    ("the Little Portugal home": "Little" + "Portugal") is part of the name when the gazetteer
    knows the longer name exactly."""
    i = ent.start
    if gazetteer is None or i < 2 or text[start:end] != ent.text:
        return start, text[start:end]
    word = ent.doc[i - 1]
    if (not word.text[:1].isupper() or word.is_sent_start or word.ent_type_
            or word.pos_ not in ("PROPN", "ADJ")):
        return start, text[start:end]
    longer_start = pb.offset + word.idx
    longer = text[longer_start:end]
    match = gazetteer.lookup(longer)
    if match.loose or not any(name_key(e.name) == name_key(longer) for e in match.entries):
        return start, text[start:end]
    return longer_start, longer


def _entity_mentions(pb: ParsedBlock, text: str, taken: list[Span],
                     bare_names: frozenset[Span] = frozenset(),
                     gazetteer: Any = None) -> list[Mention]:
    found = []
    for ent in pb.doc.ents:
        if not _is_place_name(ent) or _names_non_place(ent):
            continue
        start, end = clean_name(text, pb.offset + ent.start_char, pb.offset + ent.end_char)
        surface = text[start:end]
        if not surface or not surface[0].isupper() or is_adjective(surface):
            continue
        # "the South East" of "the South East Asian city-state" is part of an adjective.
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.is_alpha and is_adjective(f"{surface} {after.text}"):
            continue
        start, surface = _with_name_word_before(ent, pb, text, start, end, gazetteer)
        if _TRIANGLE_SPLIT.search(surface) and _next_word(ent) == "triangle":
            continue  # the triangle pattern splits it into its towns
        span = Span.of(text, start, end)
        # A tagged place grouped under a bare name ("Wisconsin" as a surname) stays a place.
        others = [t for t in taken if t not in bare_names] if ent.label_ in PLACE_LABELS else taken
        if _overlaps(span, others):
            continue
        country = country_named(surface)
        phrase = _area_phrase(ent, pb, text, span)
        found.append(Mention(
            span, pb.block.kind, want=_want(ent), phrase=phrase, area=phrase is not None,
            metonym=_is_metonym(ent, country, surface), country=country))
    return found


def _triangle_mentions(pb: ParsedBlock, text: str) -> list[Mention]:
    """The towns of "the X-Y-Z triangle", each a place of the area between them."""
    found = []
    for m in _TRIANGLE.finditer(pb.block.text):
        base = pb.offset + m.start(1)
        group = m.group(1)
        pos = 0
        for part in _TRIANGLE_SPLIT.split(group):
            start = group.index(part, pos)
            pos = start + len(part)
            s, e = clean_name(text, base + start, base + pos)
            if e > s and text[s].isupper():
                found.append(Mention(Span.of(text, s, e), pb.block.kind, area=True))
    return found


# "Rep. Charles Rangel, D-N.Y.," "Tony Sertich, DFL-Chisholm": a legislator's party, then
# the state or home town he or she represents.
_PARTY_PLACE = re.compile(r"(?<![\w-])(?:D|R|I|DFL)-(?P<name>[A-Z][\w'’]*\.?(?:[A-Z]\.)*"
                          r"(?:\s[A-Z][\w'’]*\.?)?)(?=[,;)]|\s*$|\s+[a-z\W])")


def _party_mentions(pb: ParsedBlock, text: str) -> list[Mention]:
    """The state or town after a legislator's party letter ("D-N.Y.", "R-Elbow Lake")."""
    found = []
    for m in _PARTY_PLACE.finditer(pb.block.text):
        s, e = clean_name(text, pb.offset + m.start("name"), pb.offset + m.end("name"))
        if e > s:
            found.append(Mention(Span.of(text, s, e), pb.block.kind))
    return found


def _border_mentions(pb: ParsedBlock, text: str) -> list[Mention]:
    """"the Syrian-Turkish border": a stretch of two countries' frontier."""
    found = []
    for m in _BORDER.finditer(pb.block.text):
        a, b = (dictionaries.country_by_word(m.group(i)) for i in (1, 2))
        if a is None or b is None or a is b:
            continue
        span = Span.of(text, pb.offset + m.start(), pb.offset + m.end())
        found.append(Mention(span, pb.block.kind, area=True, country=a, fixed_name=span.text))
    return found


def _weak_mentions(pb: ParsedBlock, text: str, taken: list[Span],
                   bare_names: frozenset[Span] = frozenset()) -> list[Mention]:
    """Proper names the tagger missed or called a person: places only if they resolve nearby.

    Local news names its towns without the tagger knowing them ("Moorhead", an
    unknown "Alexandria" tagged as a person); such a name is kept when the
    gazetteer puts it close to the places the article is surely about.
    """
    found = []
    doc = pb.doc
    # The tagger calls many an unknown town a person: a bare name with no role may be one.
    taken = [s for s in taken if s not in bare_names]
    tagged = {t.i for ent in doc.ents if ent.label_ not in WEAK_LABELS for t in ent}
    for run in _proper_runs(doc, tagged):
        start, end = clean_name(text, pb.offset + run[0].idx,
                            pb.offset + run[-1].idx + len(run[-1]))
        span = Span.of(text, start, end)
        if not span.text[:1].isupper() or _overlaps(span, taken) or is_adjective(span.text):
            continue
        if dictionaries.organization_by_name(span.text) is not None:
            continue
        # "the Clinton administration": a leader's name.
        after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
        if after is not None and after.lower_ in LEADER_HEADS:
            continue
        # A country's own name is a place whatever the tagger made of it ("such as Cyprus").
        found.append(Mention(span, pb.block.kind, weak=True, country=country_named(span.text),
                             label=_run_label(run)))
    return found


def _run_label(run: list) -> str:  # noqa: ANN001 - spaCy Tokens
    """The tagger's label when it tagged the whole run as one name ("PERSON"), else ""."""
    labels = {t.ent_type_ for t in run}
    return labels.pop() if len(labels) == 1 and run[0].ent_iob_ == "B" else ""


# Titles of a town's officers and services that follow its name ("Fargo Mayor", "Dalton Police",
# "Dalton Fire Chief").
_TOWN_TITLES = frozenset("mayor police sheriff fire chief commissioner".split())


def _proper_runs(doc, tagged: set[int]) -> list[list]:  # noqa: ANN001 - spaCy Doc and Tokens
    """Runs of capitalized proper nouns outside place/date/number entities.

    An Arabic article and its hyphen stay inside a run: "Maarat al-Numan".
    """
    runs: list[list] = []
    current: list = []
    for tok in doc:
        if tok.lower_ in _TOWN_TITLES:
            # "Mansfield Mayor Jane Doe": the town's name ends where its officer's title begins.
            _close(current, runs)
            current = []
            continue
        proper = (tok.text[:1].isupper() and tok.i not in tagged and len(tok.text) > 2
                  and not tok.text.isupper()
                  and (tok.pos_ == "PROPN" or (current and current[-1].text == "-")
                       or _name_modifier(tok)))
        if proper or (current and (tok.lower_ in _ARTICLES or tok.text == "-")):
            current.append(tok)
            continue
        _close(current, runs)
        current = []
    _close(current, runs)
    return [r for r in runs if len(r) <= 5]


def _name_modifier(tok) -> bool:  # noqa: ANN001 - a spaCy Token
    """"Gainesville residents", "An Augusta native": a name the tagger tagged, though it read
    the word as a noun or an adjective, before the noun it modifies."""
    if tok.ent_type_ not in WEAK_LABELS or tok.pos_ not in ("NOUN", "ADJ"):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower()


def _close(run: list, runs: list[list]) -> None:  # noqa: ANN001
    while run and (run[-1].lower_ in _ARTICLES or run[-1].text == "-"):
        run.pop()
    if run:
        runs.append(run)


_ORG_WORDS = frozenset(
    "university college school hospital church council department ministry agency party "
    "association society company inc corp ltd group club team union court office police "
    "army force forces press news times post institute center centre foundation bank "
    "committee board commission authority service services project network bureau "
    "administration sheriff jail prison museum academy clinic".split())


def _no_org_head(name: str) -> bool:
    return not any(w in _ORG_WORDS for w in name.lower().replace(".", " ").split())


def find_mentions(ctx: Context) -> list[Mention]:
    """Every toponym in the document, outside people's and organizations' names."""
    text = ctx.document.text
    # A lone country name is not a person's surname, whatever grouped it there.
    taken = [m for p in ctx.people for m in p.mentions if country_named(m.text) is None]
    taken += [m for o in ctx.organizations for m in o.mentions]
    bare = frozenset(m for p in ctx.people if not (p.role or p.affiliation or p.nationality)
                     for m in p.mentions)
    # An "organization" that is only a name with nothing of a body about it ("Red Deer").
    bare |= frozenset(m for o in ctx.organizations if o.kind is None and _no_org_head(o.name)
                      for m in o.mentions)
    found: list[Mention] = []
    for pb in ctx.parsed:
        patterns = (_triangle_mentions(pb, text) + _border_mentions(pb, text)
                    + _party_mentions(pb, text))
        patterns = [m for m in patterns if not _overlaps(m.span, taken)]
        # A dateline is a place by construction, whatever the tagger made of its capitals.
        patterns += [m for m in _caps_datelines(pb, text)
                     if not _overlaps(m.span, [p.span for p in patterns])]
        claimed = [m.span for m in patterns]
        found += patterns
        found += [m for m in _entity_mentions(pb, text, taken, bare, ctx.resources.gazetteer)
                  if not _overlaps(m.span, claimed)]
        claimed = [m.span for m in found]
        found += [m for m in _weak_mentions(pb, text, taken, bare)
                  if not _overlaps(m.span, claimed)]
    dateline = _dateline_mention(ctx, [m.span for m in found])
    found += dateline
    found += _body_name_mentions(ctx, [m.span for m in found], bare)
    surnames = _surnames(ctx)
    found = [m for m in found if not _is_surname(m, surnames, text)]
    return sorted(found, key=lambda m: m.span.start)


def _surnames(ctx: Context) -> frozenset[str]:
    """Surnames of the people the article names in full ("Helen Morris" gives "morris"):
    a given name first, or a role ("Village Malakal" is no one's name)."""
    out = set()
    for p in ctx.people:
        words = p.name.split()
        if (len(words) >= 2 and words[-1][:1].isupper()
                and (p.role or is_given_name(words[0]))):
            out.add(name_key(words[-1]))
    return frozenset(out)


# A preposition of place just before a name: "in Morris", "from Morris".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|of|outside|around)\s+$", re.IGNORECASE)


def _is_surname(m: Mention, surnames: frozenset[str], text: str) -> bool:
    """A one-word name that is the surname of a person the article names in full ("Helen
    Morris ... Morris said") is that person, unless a preposition of place puts it somewhere
    ("in Morris") or it names a country."""
    if (m.key not in surnames or " " in m.key or m.country is not None or m.dateline
            or m.in_name or m.fixed_name is not None):
        return False
    return _LOCATIVE_BEFORE.search(text, max(0, m.span.start - 10), m.span.start) is None


# Capitalized words of bodies' names that name a field or a function, not a place, though a
# gazetteer lists a town under some of them ("the Department of Commerce", "Homeland").
BODY_NAME_WORDS = frozenset(
    "health justice education defense defence commerce agriculture labor labour energy "
    "transportation transport public safety human rights affairs interior finance treasury "
    "homeland security veterans environment environmental natural resources emergency "
    "management fire rescue sheriff sheriff's state national federal general united "
    "international american community regional memorial medical children's family science "
    "sciences technology arts art history law medicine nursing business economics research "
    "development relations foreign home trade industry social welfare protection housing "
    "urban water power electric gas oil wildlife fish game parks recreation tourism culture "
    "information communications media sports athletic athletics city town village "
    "metropolitan metro capital central northern southern eastern western north south east "
    "west new old saint st holy christ christian catholic baptist methodist lutheran "
    "presbyterian first second third mount valley river lake hill park "
    "royal civil criminal supreme district circuit superior high middle elementary "
    "independent unified consolidated free mercy grace hope faith liberty victory green liberal "
    "conservative democratic republican socialist communist progressive".split())
_BODY_WORD = re.compile(r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*")
# Words that join the words of one place name inside a body's name ("Salt Lake City").
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "at", "in", "&"})


# Words of BODY_NAME_WORDS that open place names: "New York", "St. Paul", "West Virginia",
# "North Charleston", "South Carolina".
_NAME_OPENERS = frozenset("new st saint salt san north south east west".split())


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalized words of a body's name that are neither function nor field words.

    "Ohio Department of Health" gives "Ohio"; "University of Georgia" gives "Georgia";
    "New York Police Department" gives "New York"; "Douglas County Hospital" gives
    "Douglas County" (a county's name keeps its head).
    """
    runs: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for m in _BODY_WORD.finditer(text):
        word = m.group().rstrip(".").lower()
        gap = text[current[-1][1]:m.start()] if current else ""
        if word in _ORG_WORDS or (word in BODY_NAME_WORDS and word not in _NAME_OPENERS):
            if current:
                runs.append((current[0][0], current[-1][1]))
            current = []
            continue
        if current and gap.strip():
            runs.append((current[0][0], current[-1][1]))
            current = []
        current.append((m.start(), m.end()))
    if current:
        runs.append((current[0][0], current[-1][1]))
    return runs


def _is_division_name(name: str, gazetteer: Any) -> bool:
    """The gazetteer knows a first-level division by exactly this name ("Georgia")."""
    if gazetteer is None:
        return False
    return any(e.feature_code == "ADM1" and name_key(e.name) == name_key(name)
               for e in gazetteer.lookup(name).entries)


def _body_name_mentions(ctx: Context, claimed: list[Span],
                        bare: frozenset[Span]) -> list[Mention]:
    """Place names inside the names of organizations and bodies, as name mentions.

    "The Dallas Police Department" says where the body is based, not where anything
    happened: the name is resolved like any other (with the article's context) and kept
    apart from the place's own mentions. They are weak: kept only where they resolve among
    the article's places, and they never vote on where the story is. An organization that
    is only a name (``bare``) is the places' own already; agreements and talks are not
    organizations and stay out.
    """
    text = ctx.document.text
    gazetteer = ctx.resources.gazetteer
    found: list[Mention] = []
    for org in ctx.organizations:
        for span in org.mentions:
            if span in bare or _overlaps(span, claimed):
                continue
            kind = next((pb.block.kind for pb in ctx.parsed
                         if pb.offset <= span.start < pb.offset + len(pb.block.text)), "")
            for a, b in _name_runs(span.text):
                s, e = clean_name(text, span.start + a, span.start + b)
                name = text[s:e]
                # A country in a body's name ("the U.S. Department of Justice", "Bank of
                # America") is the body's country, which its Organization record carries;
                # a state named like one ("the Georgia Bureau of Investigation") is read
                # as the gazetteer and the article say.
                if (e - s < 3 or (s, e) == (span.start, span.end) or is_adjective(name)
                        or name_key(name) in BODY_NAME_WORDS
                        or (country_named(name) and not _is_division_name(name, gazetteer))):
                    continue
                found.append(Mention(Span.of(text, s, e), kind, weak=True, in_name=True))
    return found


# "MANSFIELD -- The city council...", "BEIRUT (AP) -", "COLUMBIA, S.C. --", "BEIRUT: ...": a
# town in capitals opening a paragraph or following a headline, then a dash, colon or credit.
_CAPS_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\s\.\s)|(?<=\n))\s*"
    r"(?P<name>[A-Z][A-Z'’.-]+[A-Z](?:\s+[A-Z][A-Z'’.-]*[A-Z])*)"
    r"(?P<state>,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"\s*(?P<credit>\((?:AP|Reuters|AFP|UPI|CNN|Xinhua|dpa|IANS|PTI|Bloomberg)\))?"
    r"\s*(?P<end>--?-?|[—–:\ufffd])?")
# Capitals that open news copy without being a place.
_NOT_DATELINES = frozenset("breaking update updated watch video photos exclusive analysis opinion "
                           "editorial note correction advisory warning urgent live flash "
                           "alert".split())


def _caps_datelines(pb: ParsedBlock, text: str) -> list[Mention]:
    """Towns in capitals that open a story or paragraph: the dateline of local and wire copy."""
    found = []
    for m in _CAPS_DATELINE.finditer(pb.block.text):
        name = m.group("name")
        at_start = m.start() == 0 or not pb.block.text[:m.start()].strip()
        closed = m.group("end") or m.group("credit") or (
            at_start and pb.block.text[m.end():m.end() + 2][:1].isupper())
        letters = sum(c.isalpha() for c in name)
        if not closed or letters < 3 or name_key(name) in _NOT_DATELINES:
            continue
        start = pb.offset + m.start("name")
        found.append(Mention(Span.of(text, start, start + len(name)), pb.block.kind,
                              want="town", dateline=True))
    return found


def _dateline_mention(ctx: Context, taken: list[Span]) -> list[Mention]:
    """The byline's place ("Name - Northern Syria"), which no parsed block holds."""
    span = ctx.document.dateline_span
    if span is None or _overlaps(span, taken):
        return []
    if not span.text[:1].isupper():
        return []
    return [Mention(span, "dateline", country=country_named(span.text))]

