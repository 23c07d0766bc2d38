"""Actor resolution: a noun phrase of the parse -> typed :class:`~eventwire.records.Actor` s.

An event's source or target is written as a noun phrase: a country ("Turkey"), a
capital standing for its government ("Ankara", "the Kremlin"), an organization
("the Arab League"), a person ("Recep Tayyip Erdogan"), or an agent noun with or
without a nationality ("Russian and Syrian regime forces", "officials", "the armed
opposition"). Each is resolved to

* a code: ISO3 of the country, or the CAMEO code of an international body;
* a sector (CAMEO role code: GOV, MIL, REB, OPP, CVL, ...), from the person's role,
  the organization's kind or the agent noun (``data/agents.tsv``);
* the ACLED actor type (state forces, rebel groups, protesters, civilians ...).

Coordinated nationalities make several actors of one phrase: "Russian and Syrian
regime forces" are two. An agent noun named once with its nationality keeps it when
named again without ("the Syrian regime forces ... the regime forces"). An actor of no
known country takes the one country its sentence names, else, if it acts at home
(government, forces, police, courts, parties), the country the document is about;
"their forces" are the speaker's. A listed organization keeps the home its dictionary
entry gives; an international official speaks for the body named with them. Nothing is
read at import; the agent table is loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from eventwire.errors import DictionaryError
from eventwire.records import Actor, Organization, Person, Place, Span
from eventwire.resolve import dictionaries, figures
from eventwire.resolve.dictionaries import Source, data_file, read_rows

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.parse import ParsedBlock


ACLED_INTER = {
    "state": "State forces",
    "rebel": "Rebel groups",
    "political_militia": "Political militias",
    "identity_militia": "Identity militias",
    "rioter": "Rioters",
    "protester": "Protesters",
    "civilian": "Civilians",
    "external": "External/Other forces",
}
# Sector of an organization by its dictionary kind.
KIND_SECTOR = {
    "government": "GOV", "military": "MIL", "armed_group": "REB", "igo": "IGO",
    "ngo": "NGO", "media": "MED", "party": "OPP", "company": "BUS",
}
KIND_INTER = {
    "government": "state", "military": "state", "armed_group": "rebel", "igo": "external",
    "ngo": "civilian", "media": "civilian", "party": "", "company": "civilian",
}
# Dependents that leave the noun phrase: another conjunct, a clause, an apposition.
_OUTSIDE = frozenset({"conj", "cc", "relcl", "acl", "advcl", "appos", "punct", "prep",
                      "ccomp", "xcomp", "dep", "parataxis", "mark", "case"})
_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod", "det"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent noun ("regime force", "protester") with its sector and ACLED type."""

    agent: str
    sector: str | None
    inter: str | None


def load_agents(source: Source) -> tuple[Agent, ...]:
    """Read and check an agents table (see ``data/agents.tsv``)."""
    out: list[Agent] = []
    seen: dict[str, str] = {}
    for origin, (agent, sector, inter) in read_rows(source, ("agent", "sector", "acled_inter")):
        if not agent or agent != agent.lower():
            raise DictionaryError(f"agent {agent!r} must be non-empty lower case", origin=origin)
        if agent in seen:
            raise DictionaryError(f"agent {agent!r} already listed at {seen[agent]}",
                                  origin=origin)
        seen[agent] = origin
        if sector and sector not in dictionaries.SECTORS:
            raise DictionaryError(f"sector {sector!r} is not a known CAMEO code", origin=origin)
        if inter and inter not in ACLED_INTER:
            raise DictionaryError(f"acled_inter {inter!r} is not one of "
                                  f"{', '.join(ACLED_INTER)}", origin=origin)
        out.append(Agent(agent, sector or None, inter or None))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def agents() -> dict[str, Agent]:
    """The packaged agent nouns by phrase."""
    return {a.agent: a for a in load_agents(data_file("agents.tsv"))}


def agent_for(lemmas: Sequence[str]) -> Agent | None:
    """The longest listed agent phrase ending at the last lemma ("armed opposition")."""
    table = agents()
    words = [w.lower() for w in lemmas]
    for last in dict.fromkeys((words[-1], *_singulars(words[-1]))):
        tried = [*words[:-1], last]
        for start in range(len(tried)):
            found = table.get(" ".join(tried[start:]))
            if found is not None:
                return found
    return None


def _singulars(word: str) -> tuple[str, ...]:
    """Singular guesses for a plural the lemmatizer left alone (a capitalized "Rebels")."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    if word.endswith("s"):
        return (word[:-1],)
    return ()


def acled_inter(inter: str | None, code: str | None, theatre: str | None) -> str | None:
    """ACLED actor type; a state's forces outside their own country are external forces."""
    if inter is None:
        return None
    if inter == "state" and code and theatre and len(code) == 3 and code != theatre:
        return ACLED_INTER["external"]
    return ACLED_INTER[inter]


@functools.lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in dictionaries.countries()}


def iso3(code: str | None) -> str | None:
    """ISO3 for an ISO2 or ISO3 country code (places carry GeoNames' ISO2)."""
    if not code:
        return None
    code = code.upper()
    if len(code) == 2:
        return _iso2_to_iso3().get(code)
    return code if dictionaries.country_by_iso3(code) else None


# --------------------------------------------------------------------------- phrases


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``: conjuncts and clauses left out,
    "of" phrases kept ("the President of Turkey")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            out.extend(child.subtree)
        elif child.dep_ not in _OUTSIDE:
            out.extend(phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


def _country_of_token(tok: Token) -> dictionaries.Country | None:
    if not tok.text[:1].isupper():
        return None
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "ORG", "") or tok.pos_ in ("ADJ", "PROPN"):
        ent = _entity_text(tok)
        for text in (ent, tok.text):
            if text and (c := dictionaries.country_by_word(text)):
                return c
    return None


def _entity_text(tok: Token) -> str | None:
    if not tok.ent_type_:
        return None
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            text = ent.text
            return text[4:] if text.lower().startswith("the ") else text
    return None


def _compound_countries(tok: Token, *, led: bool = False) -> tuple[dictionaries.Country, ...]:
    """Countries of a hyphenated pair written as one token or as three ("Turkish-Russian");
    with ``led``, also the leading country of "U.S.-led" (in an actor's own phrase, not
    elsewhere in its sentence: "blamed the U.S.-led coalition" names the other side)."""
    doc = tok.doc
    if "-" in tok.text:
        pair = dictionaries.split_compound_adjective(tok.text)
        if pair:
            return pair
        if not led:
            return ()
        # "U.S.-led" as one token: the leading country, as in "US - led" as three.
        first, _, rest = tok.text.rpartition("-")
        leader = first and rest.lower() in _LED and dictionaries.country_by_word(first)
        return (leader,) if leader else ()
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in "-–" and not doc[tok.i + 1].whitespace_:
        return dictionaries.split_compound_adjective(tok.text + "-" + doc[tok.i + 2].text)
    return ()


_LED = frozenset({"led", "commanded", "headed", "brokered", "sponsored"})


# --------------------------------------------------------------------------- resolver


@dataclass
class ActorResolver:
    """Resolves the noun phrases of one document, remembering what it has resolved.

    Args:
        text: the document's text (offsets of every span point into it).
        people, organizations: the document's person and organization records.
        theatre: ISO3 of the country where the document's events take place, if known.
    """

    text: str
    people: Sequence[Person] = ()
    organizations: Sequence[Organization] = ()
    theatre: str | None = None
    on: date | None = None  # the document's date: who held an office then
    places: Sequence[Place] = ()  # the document's places: a region named as an actor
    _memory: dict[str, str] = field(default_factory=dict)
    _last_group: tuple[Actor, ...] = ()

    def resolve(self, head: Token, pb: ParsedBlock, *,
                remember: bool = True) -> tuple[Actor, ...]:
        """The actors a noun phrase names: one per coordinated head and nationality.

        With ``remember`` (the phrase is an event's source), "it" and "they" later refer
        to these actors.
        """
        heads = [head, *(c for c in head.conjuncts if c.i > head.i)]
        found: list[Actor] = []
        for h in heads:
            for actor in self._resolve_one(h, pb):
                actor = self._placed(actor, head, pb)
                if not any(_same(actor, a) for a in found):
                    found.append(actor)
        if remember and found and head.lower_ not in _PRONOUNS_PERSON:
            self._last_group = tuple(found)
        return tuple(found)

    def _resolve_one(self, head: Token, pb: ParsedBlock) -> list[Actor]:
        if head.pos_ == "PRON":
            return self._pronoun(head, pb)
        head = _quantified(head)
        tokens = phrase_tokens(head)
        span = self._span(tokens, pb)
        person = self._person(head, span, pb, contained=False)
        if person is not None:
            return [person]
        seat = self._seat(head, span) or self._head_country(head, span)
        if seat is not None:
            return [seat]
        org = self._organization(span) or self._listed_name(head, tokens, span)
        if org is not None and org.code is None and org.sector is None and head.pos_ == "PROPN":
            # A body the dictionary does not know ("the Supreme Court"): its head noun
            # still tells what it is, and the sentence or document where it acts. (A
            # common noun the tagger took for a name, "Warplanes", is left as it was.)
            words = self._by_words(head, tokens, span, pb)
            if words:
                return [replace(a, org_id=org.org_id) for a in words]
        if org is not None:
            return [org]
        # "Erdogan's government" names the government, unless nothing else resolves.
        return (self._by_words(head, tokens, span, pb)
                or _listed(self._person(head, span, pb, contained=True))
                or _listed(self._place(head, span, pb)))

    def _place(self, head: Token, span: Span, pb: ParsedBlock) -> Actor | None:
        """A province, region or city standing for its people or authorities ("Gaza
        fired back", "Sindh banned rallies"): an actor of the country it lies in."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("GPE", "LOC"):
            return None
        at = pb.offset + head.idx
        for place in self.places:
            if any(m.start <= at < m.end for m in place.mentions):
                code = iso3(place.country_code)
                return Actor(span.text, code, None, None, evidence=span) if code else None
        return None

    def _placed(self, actor: Actor, head: Token, pb: ParsedBlock) -> Actor:
        """An actor of no known country acts where its act took place ("prisoners
        rioted at a jail in Dili"), else in the one country its sentence names
        ("President X on Monday lifted the curfew imposed in Sudan"); international
        bodies and NGOs keep no country."""
        if actor.code or actor.sector in _STATELESS or _several_states(head):
            return actor
        # (A person's nationality is not where they happen to be.)
        scene = None if actor.person_id else self._act_country(head, pb)
        code = scene or _sentence_country(head)
        if code is None and (actor.sector in _DOMESTIC or _community(head)):
            # police, courts, ministries: of the country reported on; and an ethnic
            # community named in a story lives where the story is
            code = self.theatre
        if code is None:
            return actor
        inter = actor.acled_inter
        if inter == ACLED_INTER["state"]:
            inter = acled_inter("state", code, self.theatre)
        return replace(actor, code=code, acled_inter=inter)

    def _act_country(self, head: Token, pb: ParsedBlock) -> str | None:
        """The country of the place where the subject ``head`` acted: the "in"/"at"
        phrase of its verb, or a place inside that phrase ("at a jail in Dili")."""
        if head.dep_ not in ("nsubj", "csubj") or head.head.pos_ not in ("VERB", "AUX"):
            return None
        frontier = [head.head]
        for _ in range(2):  # the verb's phrase, and the phrases inside its object
            objects = [o for tok in frontier for prep in tok.children
                       if prep.dep_ == "prep" and prep.lower_ in _SCENE
                       for o in prep.children if o.dep_ == "pobj"]
            for obj in objects:
                for tok in (obj, *(c for c in obj.children if c.dep_ in ("poss", "compound"))):
                    if code := self._place_country(tok, pb):
                        return code
            frontier = objects
        return None

    def _place_country(self, tok: Token, pb: ParsedBlock) -> str | None:
        """The country a proper name stands for: by name or capital, else the place of
        the document it is a mention of."""
        if tok.pos_ != "PROPN":
            return None
        text = re.sub(r"['’]s$", "", _entity_text(tok) or tok.text)
        country = dictionaries.country_by_word(text) or dictionaries.metonym_country(text)
        if country is not None:
            return country.iso3
        at = pb.offset + tok.idx
        for place in self.places:
            if any(m.start <= at < m.end for m in place.mentions):
                return iso3(place.country_code)
        return None

    def _head_country(self, head: Token, span: Span) -> Actor | None:
        """A country named by the head itself ("NATO-member Norway" is Norway)."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("GPE", "NORP") or _ethnic(head):
            return None
        country = dictionaries.country_by_word(_entity_text(head) or head.text)
        if country is None:
            return None
        return Actor(span.text, country.iso3, None, None, evidence=span)

    def _seat(self, head: Token, span: Span) -> Actor | None:
        """A capital or seat of power standing for its government ("the Kremlin said")."""
        if head.pos_ != "PROPN":
            return None
        country = (dictionaries.metonym_country(_entity_text(head) or head.text)
                   or dictionaries.metonym_country(_proper_compound(head)))
        if country is None:
            return None
        return Actor(span.text, country.iso3, "GOV",
                     acled_inter("state", country.iso3, self.theatre), evidence=span)

    def _span(self, tokens: Sequence[Token], pb: ParsedBlock) -> Span:
        while len(tokens) > 1 and tokens[0].lower_ in _DETERMINERS | {"'s", "’s"}:
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens = tokens[:-1]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return pb.span(start, end, self.text)

    def _person(self, head: Token, span: Span, pb: ParsedBlock, *,
                contained: bool) -> Actor | None:
        """The person the head names or (``contained``) the phrase holds."""
        at = pb.offset + head.idx
        for p in self.people:
            if any(m.start <= at < m.end or (contained and span.start <= m.start
                                             and m.end <= span.end and m.end - m.start > 2)
                   for m in p.mentions):
                # A title that is part of how a figure is known ("Pope Francis", "King
                # Hussein"): the name alone ("Francis") is too common to be listed.
                figure = self._figure(p.name) or (
                    self._figure(f"{p.role} {p.name}") if p.role else None)
                role = dictionaries.role_by_phrase(p.role) if p.role else None
                agent = _title_agent(p.role, span.text) if p.role else None
                # The table's sector for a listed figure (a rebel leader is REB) before
                # the generic agent noun of their title ("leader").
                sector = ((role.sector if role else None) or (figure.sector if figure else None)
                          or (agent.sector if agent else None))
                # An international official ("U.N. Secretary-General X") speaks for the
                # body named with them, whatever their nationality.
                body = self._body_in(span) if sector == "IGO" else None
                code = (body or p.nationality or _affiliation_code(p.affiliation)
                        or self._country_in(span.text)
                        or (figure.country if figure else None))
                inter = agent.inter if agent else ("state" if sector == "GOV" else None)
                return Actor(p.name, code, sector, acled_inter(inter, code, self.theatre),
                             person_id=p.id, evidence=span)
        return None

    def _body_in(self, span: Span) -> str | None:
        """The code of an international body named inside ``span``."""
        for org in self.organizations:
            if any(span.start <= m.start and m.end <= span.end for m in org.mentions):
                code = _affiliation_code(org.name)
                if code and code.startswith(("IGO", "NGO")):
                    return code
        return None

    def _figure(self, name: str) -> figures.Figure | None:
        """The listed public figure a name denotes: their office then, or their last.

        A bare surname far from the figure's years in office names no one: "Bush" in
        a 1990 article is not the president of 2001-2009.
        """
        found = figures.office_on(name, self.on)
        if found is None:
            rows = figures.figure_in_news(name, self.on)
            found = rows[-1] if rows else None
        return found if found is not None and (len(found.country) == 3
                                               or found.country.startswith("IGO")) else None

    def _country_in(self, text: str) -> str | None:
        for word in re.findall(r"[A-Z][\w’'-]+", text):
            if c := dictionaries.country_by_word(word):
                return c.iso3
        return None

    def _organization(self, span: Span) -> Actor | None:
        for org in self.organizations:
            if not any(span.start <= m.start and m.end <= span.end for m in org.mentions):
                continue
            entry = dictionaries.organization_by_name(org.name)
            kind = (entry.kind if entry else None) or org.kind
            if kind == "media" or (entry is None and dictionaries.country_by_word(org.name)):
                continue  # a country the tagger took for a body: read by its words
            return self._body(org.name, entry, kind, org.country, span, org.id)
        return None

    def _listed_name(self, head: Token, tokens: Sequence[Token], span: Span) -> Actor | None:
        """A listed body the tagger did not mark as one ("the Tamil Tigers", "the State
        Duma"): the capitalized words of the phrase up to its head, looked up by name."""
        if not head.text[:1].isupper():
            if head.lemma_.lower() in _GROUP_NOUNS and head.i > 0 and (
                    head.doc[head.i - 1].text[:1].isupper()):
                # "the Islamic State group", "the Hamas movement": the name before the
                # noun that says it is a group.
                return self._listed_name(head.doc[head.i - 1], tokens, span)
            return None  # lower-case words ("memorial", "fed") are not names
        words = [t for t in tokens if t.i <= head.i and t.lower_ not in _DETERMINERS]
        for start, first in enumerate(words):
            if not first.text[:1].isupper() or head.i - first.i != len(words) - 1 - start:
                continue  # a name starts capitalized and runs unbroken to the head
            name = head.doc[first.i:head.i + 1].text
            entry = dictionaries.organization_by_name(name)
            if entry is not None and entry.kind != "media":
                return self._body(name, entry, entry.kind, None, span, None)
        return None

    def _body(self, name: str, entry: dictionaries.OrgEntry | None, kind: str | None,
              found_country: str | None, span: Span, org_id: str | None) -> Actor:
        """An organization as an actor: the code its dictionary entry gives, else the
        country found beside its name; a body of no country is still an IGO or NGO."""
        # The dictionary knows a listed body's home (or that it has none) better
        # than the sentence around its name does.
        if entry is not None and (entry.code or entry.country):
            code = entry.code if entry.code and entry.code.startswith(("IG", "NGO", "IMG")) \
                else (entry.country or entry.code)
        else:
            code = found_country
        if code is None and kind in ("igo", "ngo"):
            code = kind.upper()
        code = (code[:3] if code and len(code) > 3 and iso3(code[:3]) else code)
        inter = KIND_INTER.get(kind or "") or None
        return Actor(name, code, KIND_SECTOR.get(kind or ""),
                     acled_inter(inter, code, self.theatre), org_id=org_id, evidence=span)

    def _by_words(self, head: Token, tokens: Sequence[Token], span: Span,
                  pb: ParsedBlock) -> list[Actor]:
        """Countries, capitals and agent nouns in the phrase."""
        countries, seats = self._countries(head, tokens)
        if not countries:
            countries = _movement_country(head, tokens)  # "the Sandinista government"
        if not countries:
            countries = self._loyal_to(head)  # "forces loyal to President X"
        lemmas = [t.lemma_.lower() for t in tokens
                  if t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and t.i <= head.i
                  and not _country_of_token(t)]
        agent = agent_for(lemmas) if lemmas else None
        if agent is None and head.pos_ == "NOUN":
            agent = agent_for([head.lemma_.lower()])
        if not countries and agent is not None:
            located = self._located_in(head, pb) or self._owner(head)
            remembered = located or self._remembered(lemmas)
            countries = [remembered] if remembered else []
        elif countries and agent is not None:
            self._remember(lemmas, countries[-1])  # the nationality next to the noun
        if not countries and agent is None:
            return []
        sector = agent.sector if agent else ("GOV" if seats else None)
        inter = agent.inter if agent else ("state" if seats else None)
        name = span.text
        holder = self._office_holder(countries, lemmas)
        if holder is not None:
            return [Actor(holder.name, holder.country, holder.sector or sector,
                          acled_inter("state", holder.country, self.theatre), evidence=span)]
        return [Actor(name, code, sector, acled_inter(inter, code, self.theatre), evidence=span)
                for code in (countries or [None])]

    def _office_holder(self, countries: Sequence[str],
                       lemmas: Sequence[str]) -> figures.Figure | None:
        """"the Turkish President": whoever held the office on the document's date."""
        if len(countries) != 1 or not lemmas or self.on is None:
            return None
        role = dictionaries.role_by_phrase(" ".join(lemmas))
        if role is None or role.kind != "office":
            return None
        return figures.office_holder(countries[0], role.role, self.on)

    def _countries(self, head: Token, tokens: Sequence[Token]) -> tuple[list[str], bool]:
        """ISO3 codes named in the phrase (with coordinated nationalities), and whether
        one was named by its capital or seat of power."""
        codes: list[str] = []
        seat = False
        for tok in tokens:
            if tok.dep_ not in _MODIFIERS and tok.i != head.i and tok.dep_ != "pobj" \
                    or _ethnic(tok):
                continue
            compound = _compound_countries(tok, led=True)
            found = list(compound)
            if not found and (c := _country_of_token(tok)):
                found = [c]
            if not found and tok.text[:1].isupper() and (m := dictionaries.metonym_country(
                    _entity_text(tok) or tok.text)):
                found, seat = [m], True
            for c in found:
                if c.iso3 not in codes:
                    codes.append(c.iso3)
            if found and tok.i != head.i:
                for conj in tok.conjuncts:
                    if (c := _country_of_token(conj)) and c.iso3 not in codes \
                            and not _ethnic(conj):
                        codes.append(c.iso3)
        return codes, seat

    def _loyal_to(self, head: Token) -> list[str]:
        """"Troops loyal to President X", "militias loyal to Damascus": the side they
        are loyal to, by its country, capital or listed leader; "loyal to the
        government", the government of the country reported on."""
        for loyal in head.children:
            if loyal.dep_ != "amod" or loyal.lower_ not in ("loyal", "allied", "faithful"):
                continue
            for pobj in (o for p in loyal.children if p.dep_ == "prep" and p.lower_ == "to"
                         for o in p.children if o.dep_ == "pobj"):
                if pobj.ent_type_ == "PERSON":
                    rows = figures.figure_in_news(_entity_text(pobj) or pobj.text, self.on)
                    if rows and len(rows[-1].country) == 3:
                        return [rows[-1].country]
                for tok in pobj.subtree:
                    text = _entity_text(tok) or tok.text
                    found = tok.text[:1].isupper() and (dictionaries.country_by_word(text)
                                                        or dictionaries.metonym_country(text))
                    if found:
                        return [found.iso3]
                if pobj.lemma_.lower() in ("government", "regime") and self.theatre:
                    return [self.theatre]
        return []

    def _located_in(self, head: Token, pb: ParsedBlock) -> str | None:
        """Where an agent is: a country or capital named ("based in Beirut"), else a
        place of the document ("rebels in Aleppo") and the country it lies in."""
        found = _located_in(head)
        if found is not None:
            return found
        for pobj in _locatives(head):
            if pobj.pos_ != "PROPN":
                continue
            at = pb.offset + pobj.idx
            for place in self.places:
                if any(m.start <= at < m.end for m in place.mentions):
                    return iso3(place.country_code)
        return None

    def _owner(self, head: Token) -> str | None:
        """"Serbs said their forces withdrew": whose forces "their" or "its" are: the
        speaker of the reported clause, else the group named last."""
        if not any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in head.children):
            return None
        clause = head
        while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "ccomp":
            for subj in clause.head.children:
                if subj.dep_ == "nsubj" and subj.pos_ != "PRON":
                    for tok in phrase_tokens(subj):
                        if (country := _country_of_token(tok)) is not None:
                            return country.iso3
        codes = {a.code for a in self._last_group if a.code}
        return codes.pop() if len(codes) == 1 else None

    def _remember(self, lemmas: Sequence[str], code: str) -> None:
        for key in _memory_keys(lemmas):
            self._memory[key] = code

    def _remembered(self, lemmas: Sequence[str]) -> str | None:
        for key in _memory_keys(lemmas):
            if key in self._memory:
                return self._memory[key]
        return None

    def _pronoun(self, head: Token, pb: ParsedBlock) -> list[Actor]:
        lower = head.lower_
        if lower in _PRONOUNS_PERSON:
            at = pb.offset + head.idx
            best: tuple[int, Person] | None = None
            for p in self.people:
                for m in p.mentions:
                    if m.end <= at and (best is None or m.start > best[0]):
                        best = (m.start, p)
            if best is not None:
                span = pb.of(head, self.text)
                p = best[1]
                role = dictionaries.role_by_phrase(p.role) if p.role else None
                sector = role.sector if role else None
                return [Actor(p.name, p.nationality, sector,
                              acled_inter("state" if sector == "GOV" else None,
                                          p.nationality, self.theatre),
                              person_id=p.id, evidence=span)]
            return []
        if lower in _PRONOUNS_GROUP and self._last_group:
            span = pb.of(head, self.text)
            return [Actor(a.name, a.code, a.sector, a.acled_inter, a.person_id, a.org_id, span)
                    for a in self._last_group]
        return []


# Sectors that belong to no country, and sectors that act at home.
_STATELESS = frozenset({"IGO", "NGO", "MED", "BUS"})
_DOMESTIC = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB"})


# Nouns that only say the name before them is a group: "the Islamic State group".
_GROUP_NOUNS = frozenset({"group", "movement", "organization", "organisation", "militia",
                          "faction", "network"})


def _proper_compound(head: Token) -> str:
    """A proper-noun head with the proper nouns compounded before it ("Downing Street")."""
    first = head
    while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN" \
            and first.doc[first.i - 1].head.i == head.i:
        first = first.doc[first.i - 1]
    return head.doc[first.i:head.i + 1].text


# Nouns that name states themselves: in the plural, with the name of a region or bloc
# ("Gulf states", "Western powers", "Arab governments"), they are several states, not
# the one the sentence or document is about. ("these countries" points back to states
# named before, which may well be the sentence's.)
_STATE_NOUNS = frozenset({"state", "country", "nation", "power", "ally", "government",
                          "neighbour", "neighbor"})


# Words naming a group of states by region or bloc: "Arab foreign ministers", "a Western
# diplomat", "Gulf leaders" speak for several states, none of them the sentence's one.
_BLOCS = frozenset({"arab", "western", "african", "european", "asian", "gulf", "nordic",
                    "scandinavian", "baltic", "balkan", "caribbean", "pacific", "allied",
                    "latin", "mideast", "eastern", "soviet-bloc", "non-aligned"})


def _several_states(head: Token) -> bool:
    """A phrase naming several states: plural state nouns with a region or bloc name
    ("Gulf states", "Western powers"), or any agent of a bloc ("Arab ministers")."""
    named = [c for c in head.children if c.dep_ in ("amod", "compound")
             and c.text[:1].isupper() and not dictionaries.country_by_word(c.text)]
    if any(c.lower_ in _BLOCS and not _hyphened(c) for c in named):
        return True  # ("Kurdish-Arab forces" are a force of two peoples, not a bloc)
    return bool(named) and head.tag_ in ("NNS", "NNPS") \
        and head.lemma_.lower() in _STATE_NOUNS


def _hyphened(tok: Token) -> bool:
    """The second word of a hyphenated pair written as three tokens ("Kurdish-Arab")."""
    return tok.i > 1 and tok.doc[tok.i - 1].text in ("-", "–") \
        and not tok.doc[tok.i - 2].whitespace_


def _ethnic(tok: Token) -> bool:
    """"ethnic Albanians", "ethnic Russian voters", and a people after the state they
    live in ("Bosnian Serb forces", "Kosovo Albanian leaders", "Iraqi Kurdish
    parties"): a people, not the citizens of the state of that name."""
    if tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    if before.lower_ == "ethnic":
        return True
    if not before.text[:1].isupper() or before.whitespace_ == "" \
            or before.dep_ not in ("amod", "compound") \
            or before.head.i not in (tok.i, tok.head.i):  # "of Syria Russian jets"
        return False
    mine, theirs = _country_word(tok), _country_word(before)
    return mine is not None and theirs is not None and mine != theirs


def _country_word(tok: Token) -> str | None:
    """ISO3 of a country named by this word alone (name, adjective or demonym)."""
    if not tok.text[:1].isupper():
        return None
    country = dictionaries.country_by_word(tok.text)
    return country.iso3 if country else None


def _title_agent(role: str, phrase: str) -> Agent | None:
    """The agent noun of a person's title, with the word before it in the phrase when
    that makes a longer listed agent ("rebel leader X": a rebel, not a government)."""
    words = role.split()
    found = re.search(r"([A-Za-z-]+)\s+" + re.escape(role) + r"\b", phrase, re.IGNORECASE)
    if found:
        longer = agent_for([found.group(1).lower(), *words])
        if longer is not None and longer.agent.count(" ") >= len(words):
            return longer
    return agent_for(words)


def _movement_country(head: Token, tokens: Sequence[Token]) -> list[str]:
    """The home of a listed movement or party named as a modifier ("the Sandinista
    government"): "Sandinista" is the Sandinistas' word."""
    for tok in tokens:
        if tok.i >= head.i or tok.dep_ not in _MODIFIERS or not tok.text[:1].isupper():
            continue
        for name in (tok.text, tok.text + "s"):
            entry = dictionaries.organization_by_name(name)
            if entry is not None and entry.kind != "media" and entry.country \
                    and len(entry.country) == 3:
                return [entry.country]
    return []


def _community(head: Token) -> bool:
    """"ethnic Albanians", "ethnic Serb villagers": a phrase naming an ethnic community."""
    return any(_ethnic(t) for t in head.subtree if t.i <= head.i)


def _listed(actor: Actor | None) -> list[Actor]:
    return [actor] if actor is not None else []


def _affiliation_code(affiliation: str | None) -> str | None:
    """The code of the body a person speaks for ("U.N. Secretary-General X")."""
    if not affiliation:
        return None
    entry = dictionaries.organization_by_name(affiliation)
    if entry is None or entry.kind == "media":
        return None
    if entry.code and entry.code.startswith(("IGO", "NGO")):
        return entry.code
    return entry.country or None


def _sentence_country(head: Token) -> str | None:
    """The one country a sentence names (by name, adjective, demonym or capital), or
    None when it names none or several."""
    codes: set[str] = set()
    for tok in head.sent:
        if not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "ADJ", "NOUN") \
                or _ethnic(tok):
            continue
        text = re.sub(r"['’]s$", "", _entity_text(tok) or tok.text)
        found = (dictionaries.country_by_word(text) or dictionaries.country_by_word(tok.text)
                 or dictionaries.metonym_country(text))
        if found is not None:
            codes.add(found.iso3)
        elif compound := _compound_countries(tok):
            codes.update(c.iso3 for c in compound)
        if len(codes) > 1:
            return None
    return next(iter(codes)) if codes else None


_QUANTITIES = frozenset({"thousand", "hundred", "dozen", "ten", "tens", "million", "score", "group",
                         "number", "crowd", "band", "some", "many", "most", "all", "several",
                         "handful", "majority", "contingent", "delegation", "team", "unit"})


def _quantified(head: Token) -> Token:
    """"Thousands of students": the students, not the number, are the actors."""
    if head.lemma_.lower() in _QUANTITIES or head.pos_ == "NUM":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return head


_LOCATIVE = frozenset({"in", "from", "inside", "throughout", "across", "of"})
# Prepositions of the place where an act happens ("rioted at a jail in Dili").
_SCENE = frozenset({"in", "at", "inside"})
# Participles that say where a body sits: "a newspaper based in Beirut", "rebels
# operating in the north", "troops stationed in Kosovo".
_SITED = frozenset({"base", "headquarter", "station", "operate", "deploy", "live",
                    "active", "locate"})


def _locatives(head: Token) -> Iterator[Token]:
    """The objects of the phrases that say where ``head`` is: its own "in"/"from"
    phrases and those of a participle of place ("based in", "operating in")."""
    holders = [head, *(c for c in head.children
                       if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _SITED)]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
                yield from (c for c in prep.children if c.dep_ == "pobj")


def _located_in(head: Token) -> str | None:
    """"Rebels in the Ivory Coast", "demonstrators in Baghdad", "a group based in
    Trinidad": the country where an agent is, by name or capital."""
    for pobj in _locatives(head):
        for tok in (pobj, *pobj.children):
            text = _entity_text(tok) or tok.text
            if not tok.text[:1].isupper():
                continue
            country = (dictionaries.country_by_word(text)
                       or dictionaries.metonym_country(text))
            if country is not None:
                return country.iso3
    return None


def _memory_keys(lemmas: Sequence[str]) -> Iterable[str]:
    """Keys an agent phrase is remembered by: the whole phrase without nationality, and a
    qualifying agent modifier on its own ("regime force" and "regime")."""
    words = [w for w in lemmas if w not in _DETERMINERS]
    if not words:
        return ()
    keys = [" ".join(words)]
    keys.extend(w for w in words[:-1] if w in agents())
    return keys


def _same(a: Actor, b: Actor) -> bool:
    return (a.code, a.sector, a.person_id, a.org_id) == (b.code, b.sector, b.person_id,
                                                         b.org_id)
