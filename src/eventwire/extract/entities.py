"""People and organizations: named-entity mentions grouped into records.

spaCy's small English model finds the names; this module decides what they
are and who is who:

* a name after a media noun ("the newspaper "X"") or in the organization
  dictionary is an organization, whatever the tagger said;
* a name followed by a geographic head noun ("the X-Y triangle") is a place;
* short forms, particles and one slipped letter of a surname are merged into
  the person they name ("Abu Salem", "Al-Khatib", "Rahmuni" for "Rahmouni");
* role, affiliation and nationality come from pre-modifiers and appositions
  (:mod:`eventwire.extract.roles`);
* photo-caption credits are news organizations.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.extract.names import (
    fold,
    is_common_surname,
    is_given_name,
    is_misspelling,
    is_short_form,
    name_tokens,
    org_key,
)
from eventwire.extract.parse import ParsedBlock
from eventwire.extract.roles import RoleFinding, find_role, inherit_gapped_role
from eventwire.records import Document, Organization, Person, Span
from eventwire.resolve import dictionaries, figures
from eventwire.resolve.actors import iso3

VERSION = "entities.rules.v14"

MEDIA_NOUNS = frozenset(
    "newspaper paper daily weekly magazine agency channel broadcaster network website "
    "outlet station tv television radio site portal tabloid".split()
)
GEO_HEADS = frozenset(
    "triangle region countryside district province governorate road highway border area "
    "city town village valley river mountain mountains crossing airport base camp square "
    "street neighborhood neighbourhood suburb".split()
)
# Words that make a name an organization's, whatever the tagger said: English heads and the
# Arabic ones that open the names of armed groups and associations in transliteration.
ORG_WORDS = frozenset(
    "front brigade brigades army movement council committee observatory party union ministry "
    "agency organization organisation foundation institute university forces group network "
    "coalition alliance league association society commission authority court bank company "
    "corporation federation office department directorate battalion division regiment "
    "jaysh jaish harakat harakat liwa liwaa ahrar ansar jabhat jabhet hayat hayet hayaat kataib "
    "kataeb saraya faylaq jamiyat jamaat tanzim "
    # local bodies named after their town: "Huntsville Fire", "Athens Parks", "X Elementary"
    "police fire school elementary academy parks church hospital library museum".split()
)
# Transliterated Arabic place names open with a landform or settlement word ("Tal Abyad",
# "Deir ez-Zor", "Jisr al-Shughur", "Kafr Nabl"); a personal name does not.
PLACE_FIRST_WORDS = frozenset(
    "tal tell tall deir dayr jisr maarat maarrat marat kafr kfar ain ayn beit bayt bir khan ras "
    "jabal jebel jabel wadi qasr marj khirbet khirbat nahr sahl qalaat qalat "
    "lake mount fort historic downtown greater hotel".split()
)
# Verbs whose subject is a person, not a town (a capital standing for its government is
# a country metonym, which the dictionaries catch first).
PERSONAL_VERBS = frozenset(
    "say tell add explain believe think know want ask urge insist argue recall admit write "
    "testify plead confess smile laugh nod shrug marry divorce resign retire apologize "
    "apologise joke recount remember feel hope wish wonder promise vow".split())
KIN_NOUNS = frozenset(
    "wife husband son daughter mother father brother sister family widow children parents "
    "lawyer attorney spokesman spokeswoman spokesperson".split())
_NUMBERED = re.compile(r"\s\d{1,2}$")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Sgt|Lt|Col|Gen|Capt)\.?\s+$")
# A name that ends in one of these is a street, a water or a local division ("Elm Drive",
# "Goose Creek", "Clark County"), not a person, unless the text shows a person.
PLACE_LAST_WORDS = frozenset(
    "road rd drive dr street st avenue ave boulevard blvd circle highway hwy parkway pkwy "
    "creek county twp township falls prairie estates heights springs".split())
# Last words that end streets and places as often as surnames ("Jay Lane", "Knox Park"): a
# place only where a street stands, after a house number or "on", "off", "along"...
STREET_OR_SURNAME = frozenset("lane park lake hill way place row trail mill quarry".split())
# Last words of buildings and sites no one is named after ("Manchester Arena", "Kabul
# Airport", "Tahrir Square"): such a "person" of the tagger is a facility.
FACILITY_LAST_WORDS = frozenset(
    "airport airbase stadium arena mosque cathedral hospital prison jail square station "
    "embassy consulate palace museum checkpoint crossing racecourse hotel inn".split())
# Last words of a tagger's "organization" that make it a street, a water, a landform or a
# site, whatever body shares the name ("Royal Street", "Kanawha River", "Canaan Valley",
# "Greer Station", "Rocky Mountain National Park"); bodies end in their own head words.
ORG_PLACE_LAST_WORDS = frozenset(
    "street road avenue boulevard lane river valley canal creek lakeshore mountains island "
    "islands bay peninsula canyon gorge reservoir wilderness park square station airport area "
    "airbase racecourse stadium arena".split())
# Words a local name opens that make it a street, a quarter, a village or a camp ("Rue Casa
# Calvo", "Faubourg Marigny", "Barangay San Jose", "Village Malakal", "Camp Bastion").
STREET_FIRST_WORDS = frozenset("rue via calle avenida faubourg barangay village camp".split())
# Streets that name the town they are in: "the Oxford Street of Raqqa".
_STREET_OF = re.compile(r"\b(?:Street|Road|Avenue|Boulevard|Square)\s+of\s+[A-Z]")
# Transliterated Arabic articles that open place names ("al-Hawl", "el-Arish") as often as
# the names of groups; the organization dictionary knows the groups.
_ARTICLE_OPENERS = ("al-", "el-", "as-", "ad-", "ar-", "Al-", "El-", "As-", "Ad-", "Ar-")
# Nouns of people a town's name describes: "a Gainesville man", "two Clay County teens".
RESIDENT_NOUNS = frozenset(
    "man woman men women resident residents native natives teen teens teenager teenagers "
    "youth couple homeowner homeowners motorist motorists".split())
_TOWN_BEFORE = frozenset("in near outside across around throughout".split())
_STREET_BEFORE = frozenset("on off along onto near at between".split())
# GeoNames feature classes of places people live in or govern: populated places, divisions.
_TOWN_CLASSES = frozenset({"P", "A"})
SIZEABLE = 10000  # inhabitants of a namesake that may be meant when no country is named
SIZEABLE_ORG = 15000  # inhabitants of a town that outweighs an organization of its name
_QUOTES = "\"“”«»'‘’"
_MEDIA_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(MEDIA_NOUNS, key=len, reverse=True)) + r")\s+[\"“«]?"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|al|el|de|du|la|le))*(?<![\s.]))"
)
_ORG_HEADS = {
    "government": ("ministry", "government", "cabinet", "parliament", "presidency", "council"),
    "military": ("army", "forces", "navy", "air force", "guard", "police", "brigade"),
    "party": ("party",),
    "media": ("news", "agency", "times", "post", "tv", "radio", "press", "television",
              "gazette", "gazeta", "journal", "herald", "tribune", "net"),
    "company": ("inc", "corp", "ltd", "plc", "company", "bank", "group"),
    "igo": ("united nations", "league", "union", "organisation", "organization"),
}


@dataclass(slots=True)
class Mention:
    """One name in the text, before grouping."""

    span: Span
    label: str  # PERSON or ORG
    parsed: ParsedBlock | None
    kind: str | None = None  # for organizations
    tokens: tuple[str, ...] = ()
    credit: bool = False
    subject: bool = False  # the name is the grammatical subject of its clause
    personal: bool = False  # it does what only people do: "X said", "X told", "Mr X"
    street: bool = False  # "on/at/12 X Lane": where a street name stands
    located: bool = False  # "in X", "near X": where a town stands


@dataclass(slots=True)
class _PersonGroup:
    mentions: list[Mention] = field(default_factory=list)
    finding: RoleFinding | None = None

    @property
    def full(self) -> tuple[str, ...]:
        return max((m.tokens for m in self.mentions), key=len)


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim leading articles, quotes and a trailing possessive from an entity span."""
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    if text[start:end].lower().startswith("the "):
        start += 4
    for tail in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(tail):
            end -= len(tail)
            break
    while end > start and (text[end - 1] in _QUOTES + ".,;:" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _classify(ent, pb: ParsedBlock, original: str) -> Mention | None:  # noqa: ANN001
    """Decide what a tagged name is; None for what is neither person nor organization."""
    ent = _without_opening_preposition(ent)
    start, end = _clean(original, pb.offset + ent.start_char, pb.offset + ent.end_char)
    if ent.label_ == "PERSON":
        start = _after_local_title(original, start, end)
    # No name holds a spaced dash: "Mr Trump - Wisconsin and ...", "Star Lake - Highway 3".
    if dash := _SPACED_DASH.search(original, start, end):
        end = dash.start()
    surface = original[start:end]
    if not surface or not any(c.isupper() for c in surface):
        return None
    span = Span.of(original, start, end)
    doc = ent.doc
    before = [t.lower_ for t in doc[max(0, ent.start - 3):ent.start] if not t.is_punct]
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    # "the Russian newspaper": a demonym before a media noun describes it, it is not its name;
    # "a gas station in Riverdale" puts the station in a town.
    prep_before = ent.start > 0 and doc[ent.start - 1].lower_ in _PREPOSITIONS
    if ent.label_ not in ("NORP", "GPE", "LOC", "DATE") and (
            (MEDIA_NOUNS & set(before[-2:]) and not prep_before) or after in MEDIA_NOUNS
            or (len(ent) > 1 and ent[-1].lower_ in MEDIA_NOUNS
                and not _ends_as_place(ent, surface))):
        return Mention(span, "ORG", pb, kind="media")
    subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    if ent.label_ not in ("PERSON", "ORG"):
        # The tagger calls an odd spelling of a surname a place ("Rahmuni said"); keep
        # subjects aside so a person with that surname can claim them.
        if ent.label_ in ("GPE", "LOC", "NORP") and subject and len(ent) == 1:
            return Mention(span, "OTHER", pb, tokens=name_tokens(surface), subject=True)
        return None
    entry = dictionaries.organization_by_name(surface)
    if entry is not None:
        return Mention(span, "ORG", pb, kind=entry.kind)
    if _names_a_place(ent) or _describes_residents(ent) or _dateline(ent, original, start, end):
        return None
    if ent.label_ == "ORG" and _ends_as_place(ent, surface):
        return None
    if ent.label_ == "PERSON":
        if dictionaries.country_by_word(surface) is not None:
            return None
        first = fold(surface).split()[0]
        if (first in PLACE_FIRST_WORDS | STREET_FIRST_WORDS
                or surface.startswith(_ARTICLE_OPENERS[:5])):
            return None
        if ORG_WORDS & set(name_tokens(surface)):
            return Mention(span, "ORG", pb, tokens=name_tokens(surface), subject=subject)
        return Mention(span, "PERSON", pb, tokens=name_tokens(surface), subject=subject,
                       personal=_acts_as_person(ent, original, start),
                       street=_stands_as_street(ent), located=_stands_as_town(ent))
    return Mention(span, "ORG", pb, tokens=name_tokens(surface), subject=subject,
                   located=_stands_as_town(ent))


_LOCAL_HEADS = PLACE_LAST_WORDS | frozenset("city town village borough parish".split())


def _after_local_title(text: str, start: int, end: int) -> int:
    """Where the person's own name starts in a county's or town's office glued to it
    ("Laurel County Clerk Dean Johnson" -> "Dean Johnson"), so the county stays a place
    and the title stays the role; ``start`` when the name holds no such office."""
    surface = text[start:end]
    for hit in dictionaries.role_pattern().finditer(surface):
        before = surface[:hit.start()].split()
        after = surface[hit.end():].split()
        if before and after and before[-1].lower().rstrip(".") in _LOCAL_HEADS and all(
                w[:1].isupper() for w in before + after):
            return start + hit.end() + len(surface[hit.end():]) - len(surface[hit.end():].lstrip())
        break
    return start


# Prepositions the tagger glues onto a name that opens a sentence ("Beyond Madinaty, the
# club runs other academies") and that sit between a media noun and a town.
_PREPOSITIONS = frozenset(
    "beyond despite after before unlike in at near from across outside inside around "
    "throughout amid among".split())


def _without_opening_preposition(ent):  # noqa: ANN001, ANN202
    """The tagged name without a preposition it swallowed at the start of a sentence."""
    if len(ent) < 2 or ent[0].lower_ not in _PREPOSITIONS or ent[0].pos_ != "ADP":
        return ent
    trimmed = ent.doc[ent.start + 1:ent.end]
    trimmed.label_ = ent.label_
    return trimmed


def _ends_as_place(ent, surface: str) -> bool:  # noqa: ANN001
    """A street, water, landform or site by its first or last word ("Royal Street", "Canaan
    Valley", "Rue Casa Calvo"), where no body word comes before that word ("Union Station"
    is a place; "Huntsville Police Station" stays with the police)."""
    tokens = name_tokens(surface)
    if len(tokens) < 2:
        return False
    if fold(surface).split()[0] in STREET_FIRST_WORDS or _STREET_OF.search(surface):
        return True
    if tokens[-1] not in ORG_PLACE_LAST_WORDS or ent[-1].lower_ != tokens[-1]:
        return False
    # "the Kanawha River Authority" ends in its body word; "Radio Station" names no place;
    # "Friends of the Canaan Valley" is a body named after the place.
    before = set(fold(surface).split()[:-1])
    if "of" in before:
        return False
    return not (before & (ORG_WORDS | MEDIA_NOUNS))


def _describes_residents(ent) -> bool:  # noqa: ANN001
    """The name stands before a noun of people from a place: "a Gainesville man", "the
    Loudon Co. woman", "three Clay County teens"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in RESIDENT_NOUNS:
        return False
    # "Smith men" is rare; "John Smith" before a noun of people is not a pre-modifier.
    return not (ent.label_ == "PERSON" and len(ent) > 1 and is_given_name(ent[0].text))


def _stands_as_street(ent) -> bool:  # noqa: ANN001
    """After a house number or a preposition of streets ("at 14 Jay Lane", "on Knox Park")."""
    if ent.start == 0:
        return False
    doc = ent.doc
    before = doc[ent.start - 1]
    if before.lower_ in _STREET_BEFORE or before.like_num:
        return True
    two = doc[ent.start - 2].lower_ if ent.start >= 2 else ""
    # "the 2400 block of X Lane"; "near Spencer Street and X Lane"
    return ((before.lower_ == "of" and two == "block")
            or (before.lower_ in ("and", "or") and two in PLACE_LAST_WORDS | STREET_OR_SURNAME))


def _stands_as_town(ent) -> bool:  # noqa: ANN001
    """After "in", "near", "outside"... and not a possessor ("in X's house"); or joined by
    "and"/"or" to a name the tagger calls a place or a street's name ("Sharon and Falls
    Village", "between Berry Lane and Lombardy Drive")."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in ("'s", "’s", "'", "’"):
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ in _TOWN_BEFORE:
        return True
    return _coordinated_with_place(ent)


def _coordinated_with_place(ent) -> bool:  # noqa: ANN001
    """A conjunct of the name is a place by the tagger's label or a street's last word."""
    root = ent.root
    heads = [root.head] if root.dep_ == "conj" else []
    siblings = [*root.children, *heads, *(c for h in heads for c in h.children)]
    for t in siblings:
        if t.dep_ != "conj" and t not in heads or ent.start <= t.i < ent.end:
            continue
        if t.ent_type_ in ("GPE", "LOC") or (
                t.text[:1].isupper() and t.lower_ in PLACE_LAST_WORDS):
            return True
    return False


def _dateline(ent, original: str, start: int, end: int) -> bool:  # noqa: ANN001
    """An upper-case name opening a paragraph before a dash: the dateline "CLINTON --",
    "ST. JOHN'S, N.L. -", which names the town the story was filed from."""
    opening = ent.doc[ent.sent.start:ent.start]
    if not original[start:end].isupper() or not all(t.is_upper for t in opening):
        return False
    return _DATELINE_TAIL.match(original, end) is not None


def _acts_as_person(ent, original: str, start: int) -> bool:  # noqa: ANN001
    """The name does what places do not: speaks, thinks, is addressed as Mr or Dr.

    A town can be a subject ("Lagos is flooded") but not of "said", "told",
    "believes"; nor can it be possessed by kin ("X's wife").
    """
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in PERSONAL_VERBS:
        return True
    # "..., X said." parses with X as the subject; "said X" (inverted) as well, or as dobj.
    if root.head.lemma_.lower() in ("say", "tell") and root.dep_ in ("dobj", "attr", "npadvmod"):
        return True
    if _TITLE_BEFORE.search(original[max(0, start - 6):start]):
        return True
    doc = ent.doc
    nxt = [t.lower_ for t in doc[ent.end:ent.end + 2]]
    return len(nxt) == 2 and nxt[0] in ("'s", "’s") and nxt[1] in KIN_NOUNS


def _names_a_place(ent) -> bool:  # noqa: ANN001
    """The tagger's PERSON/ORG is a place: "X province", "the countryside of X",
    "the villages of X, Y and Z"."""
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if after in GEO_HEADS | PLURAL_GEO_HEADS or _before_plural_head(ent):
        return True
    head = ent.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return head.head.head.lemma_.lower() in GEO_HEADS
    return False


# Plural heads shared by coordinated names: "Douglas and Wyandotte counties".
PLURAL_GEO_HEADS = frozenset(
    "counties streets roads avenues rivers townships parishes provinces districts villages "
    "towns cities".split())


def _before_plural_head(ent) -> bool:  # noqa: ANN001
    """The name opens a coordination of names that share a plural place noun ("Douglas
    and Wyandotte counties", "Elm, Oak and Pine streets")."""
    doc = ent.doc
    i = ent.end
    if i >= len(doc) or doc[i].lower_ not in ("and", "or", ","):
        return False
    for t in doc[i:i + 8]:
        if t.lower_ in PLURAL_GEO_HEADS:
            return True
        if not (t.lower_ in ("and", "or", ",") or t.text[:1].isupper()):
            return False
    return False


def _media_mentions(text: str) -> list[Mention]:
    """Names right after a media noun, tagged or not: 'the weekly "Le Point"', 'agency AFP'."""
    found = []
    for m in _MEDIA_NAME.finditer(text):
        found.append(Mention(Span.of(text, m.start("name"), m.end("name")), "ORG", None,
                             kind="media"))
    return found


def collect_mentions(document: Document, parsed: list[ParsedBlock]) -> list[Mention]:
    """Every PERSON/ORG name, the byline author and the caption credits, in text order."""
    text = document.text
    found: list[Mention] = []
    if document.author_span is not None:
        s = document.author_span
        found.append(Mention(s, "PERSON", None, tokens=name_tokens(s.text)))
    for pb in parsed:
        for ent in pb.doc.ents:
            if m := _classify(ent, pb, text):
                found.append(m)
    for media in _media_mentions(text):
        found = [m for m in found if not _overlaps(m.span, media.span)]
        found.append(media)
    for figure in _figure_mentions(document, parsed):
        if not any(m.label == "PERSON" and _overlaps(m.span, figure.span) for m in found):
            found = [m for m in found if not _overlaps(m.span, figure.span)]
            found.append(figure)
    for cap in document.captions:
        if cap.credit and cap.credit_start is not None and cap.credit_end is not None:
            span = Span.of(text, cap.credit_start, cap.credit_end)
            found = [m for m in found if not _overlaps(m.span, span)]
            found.append(Mention(span, "ORG", None, kind="media", credit=True))
    return sorted(found, key=lambda m: m.span.start)


def _figure_mentions(document: Document, parsed: list[ParsedBlock]) -> list[Mention]:
    """Full names of public figures the tagger missed ("... and Turkish Recep Tayyip Erdogan")."""
    found = []
    for pb in parsed:
        for m in figures.name_pattern().finditer(pb.block.text):
            span = pb.span(m.start(), m.end(), document.text)
            found.append(Mention(span, "PERSON", pb, tokens=name_tokens(span.text)))
    return found


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _group_people(mentions: list[Mention]) -> list[_PersonGroup]:
    """Full names first; then short forms and misspellings join the person they name."""
    people = [m for m in mentions if m.label == "PERSON"]
    groups: list[_PersonGroup] = []
    for m in sorted(people, key=lambda m: (-len(m.tokens), m.span.start)):
        target = _find_group(m.tokens, groups, m.span.start)
        if target is None:
            groups.append(_PersonGroup([m]))
        else:
            target.mentions.append(m)
    _adopt_org_mentions(mentions, groups)
    for g in groups:
        g.mentions.sort(key=lambda m: m.span.start)
    return sorted(groups, key=lambda g: g.mentions[0].span.start)


def _find_group(
    tokens: tuple[str, ...], groups: list[_PersonGroup], at: int
) -> _PersonGroup | None:
    exact = [g for g in groups if g.full == tokens]
    if exact:
        return exact[0]
    short = [g for g in groups if is_short_form(tokens, g.full)]
    if not short and len(tokens) == 1:
        short = [g for g in groups if len(g.full) > 1 and is_misspelling(tokens[0], g.full[-1])]
    if not short:
        return None
    # Two people share the surname: the one named last before this mention is meant.
    def last_before(g: _PersonGroup) -> int:
        return max((m.span.start for m in g.mentions if m.span.start <= at), default=-1)

    return max(short, key=last_before)


def _adopt_org_mentions(mentions: list[Mention], groups: list[_PersonGroup]) -> None:
    """The tagger often calls a lone surname an ORG ("Rahmouni told"): give it to its person."""
    for m in mentions:
        if m.label not in ("ORG", "OTHER") or m.kind is not None or not m.tokens:
            continue
        if len(m.tokens) > 3 or _is_country(m.span.text):
            continue
        target = _find_group(m.tokens, groups, m.span.start)
        if target is not None and (target.full == m.tokens or len(target.full) > len(m.tokens)):
            m.label = "PERSON"
            target.mentions.append(m)


def _is_country(word: str) -> bool:
    return bool(dictionaries.country_by_word(word) or dictionaries.metonym_country(word))


def _surname_mentions(document: Document, groups: list[_PersonGroup], taken: list[Span]) -> None:
    """Add later bare-surname mentions the tagger missed, so every mention is evidence."""
    for g in groups:
        full = max(g.mentions, key=lambda m: len(m.tokens))
        surface = full.span.text.split()[-1]
        if len(g.full) < 2 or len(surface) < 3:
            continue
        # A "surname" that names a country or seat of power ("... Egypt") is the tagger
        # gluing a name onto a place: spreading it would take every later mention of the place.
        if _is_country(surface):
            continue
        for hit in re.finditer(rf"\b{re.escape(surface)}\b", document.text):
            span = Span.of(document.text, hit.start(), hit.end())
            # "Clayton County", "Jackson Street": a place named after someone, not a mention.
            following = _NEXT_WORD.match(document.text, hit.end())
            if following and following.group(1).lower() in PLACE_LAST_WORDS:
                continue
            if not any(_overlaps(span, t) for t in taken):
                g.mentions.append(Mention(span, "PERSON", None, tokens=name_tokens(surface)))
                taken.append(span)
        g.mentions.sort(key=lambda m: m.span.start)


_SPACED_DASH = re.compile(r"\s+(?:--|[-–—])\s")
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:--|[-–—])\s")
_NEXT_WORD = re.compile(r"\s+(\w+)")


class _Toponyms:
    """Asks the gazetteer whether a name is a town or division near the document's places.

    "Near" is the cheap reading of it: the place lies in a country the document
    names, or in the country of a name the tagger called a place. Without a
    gazetteer only the shape of a name ("... Drive", "... County") counts.
    """

    def __init__(self, gazetteer: Any, parsed: list[ParsedBlock]) -> None:
        self.gazetteer = gazetteer
        self.parsed = parsed
        self._countries: frozenset[str] | None = None
        self._places: frozenset[str] | None = None

    def countries(self) -> frozenset[str]:
        """ISO2 codes of the countries the document names or places its tagged places in."""
        if self._countries is None:
            self._countries = self._countries_besides(None)
        return self._countries

    def division_country(self, word: str, country_iso2: str) -> str | None:
        """The ISO2 code of the country the document is set in, when ``word`` (a country's
        name) is also one of that country's first-level divisions and nothing else in the
        document names the country ``word`` names (Georgia, the US state, in a story
        placed in Atlanta and Macon); else None."""
        if self.gazetteer is None:
            return None
        match = self.gazetteer.lookup(word)
        if match.loose:
            return None
        homes = {e.country_code for e in match.entries
                 if e.feature_code == "ADM1" and e.country_code
                 and e.country_code != country_iso2}
        around = self._countries_besides(word)
        if country_iso2 in around:
            return None
        found = sorted(homes & around)
        return found[0] if len(found) == 1 else None

    def _countries_besides(self, word: str | None) -> frozenset[str]:
        """The document's countries, leaving out what ``word`` itself says (if given)."""
        codes: set[str] = set()
        for pb in self.parsed:
            for ent in pb.doc.ents:
                if ent.label_ not in ("GPE", "LOC", "NORP") or ent.text == word:
                    continue
                country = dictionaries.country_by_word(ent.text)
                if country is not None:
                    codes.add(country.iso2)
                elif ent.label_ == "GPE" and self.gazetteer is not None:
                    entries = self._towns(ent.text)
                    if entries and entries[0].country_code:
                        codes.add(entries[0].country_code)
        return frozenset(codes)

    def _towns(self, name: str) -> tuple:
        match = self.gazetteer.lookup(name)
        if match.loose:
            return ()
        return tuple(e for e in match.entries if e.feature_class in _TOWN_CLASSES)

    def tagged_as_place(self, name: str) -> bool:
        """The tagger calls this very name a place (GPE, LOC) somewhere in the document."""
        if self._places is None:
            self._places = frozenset(ent.text for pb in self.parsed for ent in pb.doc.ents
                                     if ent.label_ in ("GPE", "LOC"))
        return name in self._places

    def is_sizeable_town(self, name: str) -> bool:
        """A town or division of SIZEABLE_ORG inhabitants in a country the document names."""
        if self.gazetteer is None:
            return False
        near = self.countries()
        return any(e.country_code in near and e.population >= SIZEABLE_ORG
                   for e in self._towns(name))

    def is_place(self, name: str, *, located: bool = False) -> bool:
        """The whole name is a street-like or a town/division name of the document's countries.

        A common personal name ("Madison") is a town only where the text puts
        something in it (``located``: "in Madison").
        """
        tokens = name_tokens(name)
        if len(tokens) > 1 and tokens[-1] in PLACE_LAST_WORDS:
            return True
        if _glued_title(name, tokens):
            return True
        if _name_like(tokens) and not located:
            return False
        # A capital or country standing for its government is the places stage's metonym.
        if _is_country(name):
            return True
        if self.gazetteer is None:
            return False
        entries = self._towns(name)
        if not entries:
            return False
        near = self.countries()
        if not near:
            # Local copy often names no country at all: only a sizeable namesake then.
            return any(e.population >= SIZEABLE for e in entries)
        return any(e.country_code in near for e in entries)


def _glued_title(name: str, tokens: tuple[str, ...]) -> bool:
    """A town and a title the tagger glued together ("Avondale Mayor"), the person not named.

    A surname that is also a title ("Bishop", "King") keeps its person.
    """
    if len(tokens) < 2 or is_given_name(tokens[0]) or is_common_surname(tokens[-1]):
        return False
    last = name.split()[-1]
    return dictionaries.role_pattern().fullmatch(last) is not None


def _name_like(tokens: tuple[str, ...]) -> bool:
    """A common given name, alone or first ("Mark", "Sharon Ellis"), or a common surname alone.

    Such a name is as often a person's as a town's: only a town name no
    person commonly bears ("Douma", "Lagos") is taken for the town.
    """
    if not tokens:
        return False
    return is_given_name(tokens[0]) or (len(tokens) == 1 and is_common_surname(tokens[0]))


def _part_of_a_full_name(group: _PersonGroup, groups: list[_PersonGroup]) -> bool:
    """A lone word that opens or ends a full name the article gives ("Ban" of "Ban Ki-moon")."""
    if len(group.full) != 1:
        return False
    word = group.full[0]
    # "Greer Station" or "Clay County" is a place named after the word, not a full name.
    return any(len(g.full) > 1 and word in (g.full[0], g.full[-1])
               and g.full[-1] not in PLACE_LAST_WORDS | FACILITY_LAST_WORDS
               for g in groups if g is not group)


def _not_a_person(group: _PersonGroup, finding: RoleFinding | None, name: str,
                  toponyms: _Toponyms, text: str = "") -> bool:
    """A town, street or seat of government the tagger took for a person ("Douma").

    A street's or county's shape ("... Drive", "... County") outweighs a role
    read nearby, and a capital "says" as a government does; any other name needs
    no evidence of a person (a role, personal verbs, a public figure) to be a place.
    """
    if figures.figure_by_name(name):
        return False
    tokens = name_tokens(name)
    if len(tokens) > 1 and tokens[-1] in PLACE_LAST_WORDS | FACILITY_LAST_WORDS:
        return True
    # A town's numbered district or ward ("Lexington 4"); a year or a score glued to a name
    # ("X 2015", "X 5-0") is not a number of that kind.
    numbered = _NUMBERED.search(name)
    if numbered and toponyms.is_place(name[:numbered.start()]):
        return True
    if finding is None and _is_country(name) and not _name_like(tokens):
        return True
    # The article itself uses the name as a town's ("Mansfield residents", "Mansfield Mayor
    # Ann Lee"): a town "says no" as a person would, so only a role outweighs that.
    if finding is None and _used_as_a_town(name, text) and toponyms.is_place(name, located=True):
        return True
    if _shows_a_person(group, finding, name):
        return False
    located = any(m.located for m in group.mentions)
    return toponyms.is_place(name, located=located) or _is_street(group)


# After a town's name: its residents ("Gainesville residents"; not "Haftar's men") or,
# possessive or not, its offices and limits ("Mansfield Mayor", "Greer's city limits").
_TOWN_USAGE = (r"(?:\s+(?:" + "|".join(sorted(RESIDENT_NOUNS)) + r")"
               r"|(?:['’]s)?\s+(?i:mayor|aldermen|city\s+council|city\s+hall|city\s+limits"
               r"|town\s+council))\b")


def _used_as_a_town(name: str, text: str) -> bool:
    """Somewhere in ``text`` the name describes residents or heads a town's office or
    limits ("Gainesville residents", "a Mansfield woman", "Greer City Hall", "Mansfield
    Mayor"), or follows "downtown"."""
    if not text or not name:
        return False
    escaped = re.escape(name)
    return bool(re.search(rf"\b{escaped}{_TOWN_USAGE}", text)
                or re.search(rf"\b(?i:downtown)\s+{escaped}\b", text))


def _is_street(group: _PersonGroup) -> bool:
    """A "Lane"/"Park"/"Lake" name that stands where streets and places stand, or that no
    given name opens ("Freeborn Lake", "Knox Park"; "Ricki Lake" and "John Park" stay
    people). Callers have found no evidence of a person first."""
    if len(group.full) < 2 or group.full[-1] not in STREET_OR_SURNAME:
        return False
    return any(m.street for m in group.mentions) or not is_given_name(group.full[0])


def _shows_a_person(group: _PersonGroup, finding: RoleFinding | None, name: str) -> bool:
    """Evidence that the name is a person's: a role or title, personal verbs, a public figure."""
    if finding is not None or any(m.personal for m in group.mentions):
        return True
    return bool(figures.figure_by_name(name))


def _person_records(document: Document, groups: list[_PersonGroup],
                    toponyms: _Toponyms | None = None) -> tuple[Person, ...]:
    findings: dict[int, RoleFinding] = {}
    ordered = sorted((m for g in groups for m in g.mentions), key=lambda m: m.span.start)
    owner = {id(m): i for i, g in enumerate(groups) for m in g.mentions}
    previous: Mention | None = None
    for m in ordered:
        gi = owner[id(m)]
        if m.parsed is None and document.author_span is not None and m.span == document.author_span:
            found = RoleFinding(role="author", evidence=m.span)
        else:
            found = find_role(document.text, m.span, m.parsed)
            if found is None and previous is not None:
                found = inherit_gapped_role(document.text, previous.span, m.span,
                                            findings.get(owner[id(previous)]))
        if found is not None and gi not in findings:
            findings[gi] = found
        previous = m
    records: list[Person] = []
    for i, g in enumerate(groups):
        if not _worth_a_record(g, findings.get(i), _document_date(document)):
            continue
        name_mention = max(g.mentions, key=lambda m: (len(m.tokens), -m.span.start))
        # A town the tagger took for a person ("Douma", "Sioux Falls") is left to places.
        if (toponyms is not None and not _part_of_a_full_name(g, groups)
                and _not_a_person(g, findings.get(i), name_mention.span.text, toponyms,
                                  document.text)):
            continue
        forms = dict.fromkeys(m.span.text for m in g.mentions)
        found = _with_office(findings.get(i), name_mention.span.text, document)
        records.append(Person(
            id=f"p{len(records) + 1}",
            name=name_mention.span.text,
            mentions=tuple(m.span for m in g.mentions),
            aliases=tuple(f for f in forms if f != name_mention.span.text),
            role=found.role if found else None,
            affiliation=found.affiliation if found else None,
            nationality=found.nationality if found else None,
            evidence=found.evidence if found else None,
        ))
    return tuple(records)


def _with_office(found: RoleFinding | None, name: str, document: Document) -> RoleFinding | None:
    """Fill a public figure's missing role and nationality from the office they held.

    The text's own words win; the dictionary only answers what the text left
    unsaid, for the document's date when it has one, else the latest office.
    """
    if found is not None and found.role and found.nationality:
        return found
    on = _document_date(document)
    term = figures.office_on(name, on)
    if term is None:
        return found
    nationality = term.country if not figures.is_international_code(term.country) else None
    if found is None:
        return RoleFinding(role=term.office, nationality=nationality)
    return dataclasses.replace(found, role=found.role or term.office,
                               nationality=found.nationality or nationality)


def _document_date(document: Document) -> date | None:
    try:
        return date.fromisoformat(document.published[:10]) if document.published else None
    except ValueError:
        return None


def _worth_a_record(group: _PersonGroup, finding: RoleFinding | None,
                    on: date | None = None) -> bool:
    """A lone word the tagger called a person needs support: a role, acting as a subject,
    or being the surname of a public figure in the news on the document's date ``on``.

    Without it, a single capitalised word is as often a place, a group or a
    common noun ("Observatory", "Palmyra") as a surname; a listed surname ("released
    by Putin", "met Lukashenko") names its figure in any position.
    """
    if len(group.full) > 1 or finding is not None:
        return True
    if any(m.subject for m in group.mentions):
        return True
    name = max(group.mentions, key=lambda m: len(m.tokens)).span.text
    return bool(figures.figure_in_news(name, on))


def _org_kind(name: str) -> str | None:
    lower = f" {name.lower()} "
    for kind, heads in _ORG_HEADS.items():
        if any(f" {h} " in lower for h in heads):
            return kind
    return None


def _org_country(document: Document, span: Span, toponyms: _Toponyms | None = None,
                 *, inside_only: bool = False) -> str | None:
    """A demonym in or right before the name: "the Russian newspaper X", "Turkish Army";
    only in the name itself (``inside_only``) for a body the dictionary knows as
    international ("the Turkish Red Crescent" is Turkish, "a British recruit of Islamic
    State" says nothing of Islamic State).

    A country word is not its country after "New" ("New Mexico State University", "New
    Jersey Transit"), and a country that is also a first-level division of the country the
    document is set in is that division's country unless the document shows the other
    one ("the Georgia Bureau of Investigation" in an Atlanta story is American).
    """
    window = document.text[span.start if inside_only else max(0, span.start - 40):span.end]
    for hit in reversed(list(re.finditer(r"[A-Z][\w’'-]+", window))):
        country = dictionaries.country_by_word(hit.group())
        if country is None or _NEW_BEFORE.search(window, 0, hit.start()):
            continue
        home = toponyms.division_country(hit.group(), country.iso2) if toponyms else None
        return iso3(home) if home else country.iso3
    return None


_NEW_BEFORE = re.compile(r"\bNew\s+$")



def _bare_town(mentions: list[Mention], toponyms: _Toponyms) -> bool:
    """An "organization" that is only a town's name: no kind, no body word ("Saraqib")."""
    if any(m.kind or m.credit for m in mentions):
        return False
    name = max((m.span.text for m in mentions), key=len)
    tokens = name_tokens(name)
    if (len(tokens) != 1 or name.isupper() or _org_kind(name) is not None
            or ORG_WORDS & set(tokens)):
        return False
    # Firms, colleges and seats of power share names with small towns ("Delta", "Harvard",
    # "Kremlin"): only a sizeable town of the document's countries outweighs them.
    if _is_country(name) or _name_like(tokens):
        return False
    return toponyms.is_sizeable_town(name)


def _located_town(mentions: list[Mention], toponyms: _Toponyms, text: str = "") -> bool:
    """An "organization" the text puts things in ("in East Bank", "near Greenville"), or
    one the tagger calls a place elsewhere in the article, whose whole name is a town or
    division of the document's countries: a body's name word ("Bank") in a town's name
    does not make the town a body ("East Bank Mayor Chuck Blair"). Any name the article
    uses as a town's ("Oakdale Mayor Ann Fisher", "Oakdale residents") is one."""
    if any(m.kind or m.credit for m in mentions):
        return False
    name = max((m.span.text for m in mentions), key=len)
    if _used_as_a_town(name, text) and not _is_country(name):
        return toponyms.is_place(name, located=True)
    if not (any(m.located for m in mentions) or toponyms.tagged_as_place(name)):
        return False
    # A lone English word is left to _bare_town, which asks for a sizeable town: "in
    # Congress" is not in Congress, Arizona; a transliterated "al-Hawl" is no English word.
    if ((len(name_tokens(name)) < 2 and not name.startswith(_ARTICLE_OPENERS))
            or name.isupper() or _is_country(name)):
        return False
    return toponyms.is_place(name, located=True)


def _organization_records(document: Document, mentions: list[Mention],
                          toponyms: _Toponyms | None = None) -> tuple[Organization, ...]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    entries = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        entry = dictionaries.organization_by_name(m.span.text, credit=m.credit)
        key = f"dict:{entry.name}" if entry else org_key(m.span.text)
        if key:
            groups[key].append(m)
            entries[key] = entry
    records = []
    for key, ms in sorted(groups.items(), key=lambda kv: kv[1][0].span.start):
        entry = entries[key]
        if entry is None and toponyms is not None and (
                _bare_town(ms, toponyms) or _located_town(ms, toponyms, document.text)):
            continue
        name = entry.name if entry else max((m.span.text for m in ms), key=len)
        forms = dict.fromkeys(m.span.text for m in ms)
        kind = (entry.kind if entry else None) or next((m.kind for m in ms if m.kind), None)
        # A dictionary body with no country is international: only its own name can
        # make it national.
        country = ((entry.country if entry else None)
                   or _org_country(document, ms[0].span, toponyms,
                                   inside_only=entry is not None))
        records.append(Organization(
            id=f"o{len(records) + 1}",
            name=name,
            mentions=tuple(m.span for m in ms),
            aliases=tuple(f for f in forms if f != name),
            kind=kind or _org_kind(name),
            country=country or None,
        ))
    return tuple(records)


def extract_entities(
    document: Document, parsed: list[ParsedBlock], *, gazetteer: Any = None
) -> tuple[tuple[Person, ...], tuple[Organization, ...]]:
    """People and organizations named in ``document``, each with every mention as evidence.

    With a ``gazetteer`` (eventwire.resolve.gazetteer.Gazetteer), a name with no
    evidence of a person that names a town or division is left to the places stage.
    """
    mentions = collect_mentions(document, parsed)
    groups = _group_people(mentions)
    taken = [m.span for m in mentions if m.label in ("PERSON", "ORG")]
    _surname_mentions(document, groups, taken)
    toponyms = _Toponyms(gazetteer, parsed)
    people = _person_records(document, groups, toponyms)
    organizations = _organization_records(document, [m for m in mentions if m.label == "ORG"],
                                          toponyms)
    return people, organizations
