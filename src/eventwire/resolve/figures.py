"""Public figures and office holders: who a name denotes, and who held an office when.

The data lives in ``resolve/data/public_figures.tsv`` (see its header for the columns):
one row per term of one office, so a person has as many rows as offices and terms
(Erdogan: prime minister 2003-2014, president since 2014). Nothing is read at import;
the table is loaded, checked and indexed once, on first use, and cached.

Three questions are answered, all conservatively (an unknown or ambiguous answer is
``None`` or ``()``, never a guess):

* :func:`figure_by_name` -- the person a name or alias denotes (matched with
  :func:`~eventwire.resolve.dictionaries.fold`); a bare surname only if it was listed;
* :func:`office_holder` -- who held an office of a country on a date ("the Turkish
  President" in a 2019 article);
* :func:`office_on` -- which office a person held on a date;
* :func:`figure_in_news` -- the person a name denotes in a document of a given date: a
  bare surname only near the years the person held a listed office.

:func:`name_pattern` finds listed names in raw text, for the entity extractor to add
people the statistical tagger missed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventwire.resolve.dictionaries import (
    SECTORS,
    DictionaryError,
    Source,
    countries,
    data_file,
    fold,
    read_rows,
    roles,
)

__all__ = [
    "HEADER",
    "Figure",
    "figure_by_name",
    "figure_in_news",
    "figures",
    "is_international_code",
    "load_figures",
    "name_pattern",
    "office_holder",
    "office_key",
    "office_on",
]

HEADER = ("name", "aliases", "country", "office", "start", "end", "sector")

_WEAK = "~"
# CAMEO codes of international actors: IGO (intergovernmental) and IMG (international
# militarized group), e.g. IGOUNO, IGOARL, IMGMOSALQ.
_INTERNATIONAL = re.compile(r"(?:IGO|IMG)[A-Z]{3,12}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# How far before and after their listed terms a bare surname still names a figure: news
# names a leader as a candidate, minister or party chief before taking office, and as
# the former leader for a while after. Outside that window "Bush" or "Gandhi" may well be
# someone else of the name (a predecessor, a relative), so the surname resolves to no one.
SURNAME_MARGIN = timedelta(days=2 * 365)


@dataclass(frozen=True)
class Figure:
    """One term of one office held by a named person."""

    name: str
    aliases: tuple[str, ...]
    country: str
    office: str
    start: date | None
    end: date | None  # None: still in office
    sector: str
    # Aliases marked '~' in the file: they yield to another person's plain alias.
    weak: frozenset[str] = field(default=frozenset(), repr=False)
    # "public_figures.tsv, line 12": where the row came from, for error messages.
    origin: str = field(default="", repr=False, compare=False)

    def held_on(self, on: date) -> bool:
        """True if this term covers ``on`` (both ends inclusive; unknown start: never)."""
        if self.start is None or on < self.start:
            return False
        return self.end is None or on <= self.end


def is_international_code(code: str) -> bool:
    """True for a CAMEO international actor code (IGO..., IMG...) used in the country column."""
    return _INTERNATIONAL.fullmatch(code) is not None


# --------------------------------------------------------------------------- offices

# Spellings and national titles of one office. Keys and values are folded phrases.
_OFFICE_SYNONYMS = {
    "premier": "prime minister",
    "defense minister": "defence minister",
    "defense secretary": "defence secretary",
    # A king, a queen and "the monarch" are one office; the title follows the holder.
    "king": "monarch",
    "queen": "monarch",
}
# National titles that mean a generic office only in that country: a UK "secretary of
# state" is any cabinet minister, a US one is the foreign minister.
_NATIONAL_OFFICES = {
    "USA": {"secretary of state": "foreign minister", "defence secretary": "defence minister"},
    "GBR": {"foreign secretary": "foreign minister", "defence secretary": "defence minister"},
}


def office_key(country: str, office: str) -> str:
    """The matching key of an office in a country: "Secretary of State", USA -> foreign minister."""
    key = fold(office)
    key = _OFFICE_SYNONYMS.get(key, key)
    return _NATIONAL_OFFICES.get(country.strip().upper(), {}).get(key, key)


# --------------------------------------------------------------------------- reading


def _date(value: str, column: str, origin: str) -> date | None:
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise DictionaryError(f"{column} {value!r} is not a YYYY-MM-DD date", origin=origin)
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DictionaryError(f"{column} {value!r} is not a valid date", origin=origin) from exc


def _aliases(value: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Split a '|' list into its entries (without '~') and the set of weak entries."""
    items: list[str] = []
    weak: set[str] = set()
    for raw in value.split("|"):
        item = raw.strip()
        if item.startswith(_WEAK):
            item = item[1:].strip()
            weak.add(item)
        if item and item not in items:
            items.append(item)
    return tuple(items), frozenset(weak)


def load_figures(
    source: Source,
    *,
    known_countries: frozenset[str] | None = None,
    known_offices: frozenset[str] | None = None,
) -> tuple[Figure, ...]:
    """Read and check a public-figures table, in file order.

    ``known_countries`` (ISO3 codes) and ``known_offices`` (folded role phrases) check the
    country and office columns against the other dictionaries; international codes
    (IGO..., IMG...) are always accepted as countries. Each row's aliases are the union
    of its person's aliases over all their rows.
    """
    parsed: list[Figure] = []
    for origin, (name, aliases, country, office, start, end, sector) in read_rows(source, HEADER):
        if not name:
            raise DictionaryError("empty name", origin=origin)
        if not (re.fullmatch(r"[A-Z]{3}", country) or is_international_code(country)):
            raise DictionaryError(
                f"country {country!r} is neither an ISO3 code nor an IGO/IMG code",
                origin=origin,
            )
        if known_countries is not None and not is_international_code(country):
            if country not in known_countries:
                raise DictionaryError(
                    f"country {country!r} is not a known ISO3 code", origin=origin
                )
        if not office or office != office.lower():
            raise DictionaryError(f"office {office!r} must be non-empty lower case", origin=origin)
        if known_offices is not None and fold(office) not in known_offices:
            raise DictionaryError(f"office {office!r} is not a role in roles.tsv", origin=origin)
        if sector not in SECTORS:
            raise DictionaryError(f"sector {sector!r} is not a known CAMEO code", origin=origin)
        begin, finish = _date(start, "start", origin), _date(end, "end", origin)
        if begin is not None and finish is not None and finish < begin:
            raise DictionaryError(f"end {end} is before start {start}", origin=origin)
        items, weak = _aliases(aliases)
        parsed.append(Figure(name, items, country, office, begin, finish, sector, weak, origin))
    rows = tuple(_with_all_aliases(parsed))
    _name_index(_by_person(rows))  # raises on an alias that names two people
    return rows


def _with_all_aliases(rows: list[Figure]) -> Iterator[Figure]:
    """Give every row of a person the union of that person's aliases."""
    aliases: dict[str, list[str]] = {}
    weak: dict[str, set[str]] = {}
    for row in rows:
        known = aliases.setdefault(row.name, [])
        known.extend(a for a in row.aliases if a not in known)
        weak.setdefault(row.name, set()).update(row.weak)
    for row in rows:
        yield Figure(
            row.name,
            tuple(aliases[row.name]),
            row.country,
            row.office,
            row.start,
            row.end,
            row.sector,
            frozenset(weak[row.name]),
            row.origin,
        )


# --------------------------------------------------------------------------- the table


@functools.lru_cache(maxsize=1)
def figures() -> tuple[Figure, ...]:
    """Every row of the packaged table, in file order, checked against the other tables."""
    return load_figures(
        data_file("public_figures.tsv"),
        known_countries=frozenset(c.iso3 for c in countries()),
        known_offices=frozenset(fold(r.role) for r in roles()),
    )


@dataclass(frozen=True)
class _NameHit:
    person: str | None  # None: the key names several people
    needs_capital: bool


@functools.lru_cache(maxsize=1)
def _indexes() -> tuple[
    dict[str, tuple[Figure, ...]],
    dict[str, _NameHit],
    dict[tuple[str, str], tuple[Figure, ...]],
]:
    """Person -> rows (by start), name key -> person, (country, office key) -> rows."""
    by_office: dict[tuple[str, str], list[Figure]] = {}
    for row in figures():
        by_office.setdefault((row.country, office_key(row.country, row.office)), []).append(row)
    people = _by_person(figures())
    offices = {k: tuple(sorted(rows, key=_start_order)) for k, rows in by_office.items()}
    return people, _name_index(people), offices


def _by_person(rows: Iterable[Figure]) -> dict[str, tuple[Figure, ...]]:
    """Person (full name) -> their rows, oldest term first."""
    grouped: dict[str, list[Figure]] = {}
    for row in rows:
        grouped.setdefault(row.name, []).append(row)
    return {p: tuple(sorted(terms, key=_start_order)) for p, terms in grouped.items()}


def _start_order(row: Figure) -> tuple[date, date]:
    return (row.start or date.min, row.end or date.max)


def _name_index(people: dict[str, tuple[Figure, ...]]) -> dict[str, _NameHit]:
    """Folded name or alias -> the one person it denotes (clashes must be marked weak)."""
    # key -> [(person, weak, entry text, origin)]
    claims: dict[str, list[tuple[str, bool, str, str]]] = {}
    for person, rows in people.items():
        first = rows[0]
        for text in (person, *first.aliases):
            key = fold(text)
            if not key:
                raise DictionaryError(f"empty alias of {person!r}", origin=first.origin)
            entry = (person, text in first.weak and text != person, text, first.origin)
            claims.setdefault(key, []).append(entry)
    index: dict[str, _NameHit] = {}
    for key, entries in claims.items():
        strong = _distinct(p for p, weak, _, _ in entries if not weak)
        if len(strong) > 1:
            origins = ", ".join(o for p, weak, _, o in entries if not weak)
            raise DictionaryError(
                f"name {key!r} denotes more than one person ({', '.join(strong)}); "
                "mark the lesser alias weak with '~' or drop it",
                origin=origins.split(", ")[0],
            )
        candidates = strong or _distinct(p for p, _, _, _ in entries)
        person = candidates[0] if len(candidates) == 1 else None
        needs_capital = all(_is_acronym(t) for p, _, t, _ in entries if p == person)
        index[key] = _NameHit(person, needs_capital)
    return index


def _distinct(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _is_acronym(text: str) -> bool:
    """An alias in capitals ("MBS", "AMLO") must not match lower-case text ("mbs")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# --------------------------------------------------------------------------- lookups


def figure_by_name(name: str) -> tuple[Figure, ...]:
    """Every row (term) of the person ``name`` denotes, oldest first; () if unknown or ambiguous.

    The full name and every listed alias match, ignoring case, accents, hyphens, periods
    and apostrophes; a bare surname matches only if it was listed as an alias.
    """
    people, names, _ = _indexes()
    hit = names.get(fold(name))
    if hit is None or hit.person is None:
        return ()
    if hit.needs_capital and name == name.lower():
        return ()
    return people[hit.person]


def figure_in_news(name: str, on: date | None) -> tuple[Figure, ...]:
    """The rows of the person ``name`` denotes in a document dated ``on``; () if none.

    A full name (two words or more) identifies its person whatever the date. A bare
    surname ("Putin") does so only if exactly one listed person owns it (as
    :func:`figure_by_name`) and, when the date is known, it falls within one of that
    person's terms widened by :data:`SURNAME_MARGIN`. In the margin, outside the
    terms, a relative or namesake in office that day ("Assad" in 1999: the father)
    takes the surname from them, so it names no one. A term with no known start counts
    as covering any date up to its end.
    """
    rows = figure_by_name(name)
    if not rows or on is None or len(fold(name).split()) > 1:
        return rows
    if any(r.held_on(on) for r in rows):
        return rows
    if not any(_near(r, on) for r in rows) or _kin_in_office(fold(name), rows[0].name, on):
        return ()
    return rows


def _kin_in_office(word: str, person: str, on: date) -> bool:
    """True if another listed person whose name holds ``word`` was in office on ``on``:
    "Assad" in 1999 is the father (Hafez al-Assad), not the son who took over in 2000."""
    people = _indexes()[0]
    return any(other != person and r.held_on(on)
               for other in _name_words().get(word, ())
               for r in people[other])


@functools.lru_cache(maxsize=1)
def _name_words() -> dict[str, frozenset[str]]:
    """Folded word of a full name -> the listed people whose full name holds it."""
    found: dict[str, set[str]] = {}
    for person in _indexes()[0]:
        for word in fold(person).split():
            found.setdefault(word, set()).add(person)
    return {w: frozenset(p) for w, p in found.items()}


def _near(row: Figure, on: date) -> bool:
    """True if ``on`` falls within the term ``row`` widened by the surname margin."""
    if row.start is not None and on < row.start - SURNAME_MARGIN:
        return False
    return row.end is None or on <= row.end + SURNAME_MARGIN


def office_holder(country: str, office: str, on: date | None) -> Figure | None:
    """The term of whoever held ``office`` in ``country`` on ``on``, or None.

    ``office`` may be any spelling or national title of the office ("Premier",
    "Secretary of State" for the USA, "defense minister"). On a handover day, when one
    term ends and the next starts, the incoming holder is returned. With ``on=None`` the
    answer is given only if a single person ever held the office in the data.
    """
    code = country.strip().upper()
    rows = _indexes()[2].get((code, office_key(code, office)), ())
    if on is None:
        people = {r.name for r in rows}
        return rows[-1] if len(people) == 1 else None
    return _one_person([r for r in rows if r.held_on(on)], on)


def office_on(name: str, on: date | None) -> Figure | None:
    """The term (office) the person ``name`` denotes held on ``on``; None if none or unknown.

    With ``on=None``, the person's most recent term. A person holding several offices at
    once (the Saudi crown prince who is also prime minister) yields the higher one: head
    of state, then head of government, then the rest.
    """
    rows = figure_by_name(name)
    if not rows:
        return None
    if on is None:
        return max(rows, key=lambda r: (_start_order(r), -_rank(r)))
    covering = [r for r in rows if r.held_on(on)]
    covering = _drop_outgoing(covering, on)
    if not covering:
        return None
    return min(covering, key=lambda r: (_rank(r), -(r.start or date.min).toordinal()))


def _one_person(covering: list[Figure], on: date) -> Figure | None:
    """The single holder among terms covering ``on``; None when they name several people."""
    covering = _drop_outgoing(covering, on)
    if len({r.name for r in covering}) != 1:
        return None
    return max(covering, key=_start_order)


def _drop_outgoing(covering: list[Figure], on: date) -> list[Figure]:
    """On a handover day keep the terms that go on: the outgoing term ends that day."""
    going_on = [r for r in covering if r.end != on]
    return going_on or covering


# Precedence of offices when one person holds several at once; lower is higher.
_RANK = {
    "supreme leader": 0,
    "monarch": 0,
    "emir": 0,
    "sultan": 0,
    "president": 0,
    "head of state": 0,
    "leader": 1,
    "chancellor": 1,
    "prime minister": 1,
    "chief executive": 1,
    "chairman": 1,
    "crown prince": 2,
    "vice president": 2,
}


def _rank(row: Figure) -> int:
    return _RANK.get(office_key(row.country, row.office), 3)


# --------------------------------------------------------------------------- finding names

_SEPARATOR = r"[\s\-‐‑–]+"
_APOSTROPHE = "['’‘ʼ]"
# Name particles that news capitalises or not ("al-Assad", "Al-Assad", "bin Salman").
_PARTICLES = frozenset(
    "al el ad ash as at az bin ibn bint ben abu abd ould ag de da di du del della der "
    "den van von le la".split()
)


@functools.lru_cache(maxsize=1)
def name_pattern() -> re.Pattern[str]:
    """A regex matching any listed full name or multi-word alias in running text.

    Longest names come first, so "Recep Tayyip Erdogan" wins over "Tayyip Erdogan". It is
    case-sensitive (names are proper nouns: "Abu Mazen" but not "abu mazen"), except for
    name particles and for the letter after a hyphen ("Kim Jong-un" / "Kim Jong Un").
    A hyphen and a space are interchangeable, straight and typographic apostrophes too,
    accented letters also match bare ones, and a match never starts or ends inside a
    word, so "Putin" never matches in "Putinism". Ambiguous aliases are left out.
    """
    _, names, _ = _indexes()
    texts: set[str] = set()
    for row in figures():
        # Single-word aliases ("Assad", "Xi") are too often other things in running text.
        for text in (row.name, *(a for a in row.aliases if len(fold(a).split()) > 1)):
            hit = names.get(fold(text))
            if hit is not None and hit.person is not None:
                texts.add(text)
    # One trie of all names rather than a flat alternation: the regex engine then tries
    # each distinct prefix once, which makes compiling and scanning many times faster.
    root = _Node()
    for text in texts:
        root.add(_text_atoms(text))
    return re.compile(r"(?<!\w)" + root.regex() + r"(?!\w)")


@dataclass
class _Node:
    """A trie node over regex atoms (one letter, apostrophe or word separator each)."""

    children: dict[str, _Node] = field(default_factory=dict)
    end: bool = False

    def add(self, atoms: Iterable[str]) -> None:
        node = self
        for atom in atoms:
            node = node.children.setdefault(atom, _Node())
        node.end = True

    def regex(self) -> str:
        """The regex of this subtree; longer continuations are tried before stopping here.

        If the final ``(?!\\w)`` fails after a long match, the engine backtracks into the
        optional groups and so finds the longest name that ends on a word boundary.
        """
        branches = [atom + child.regex() for atom, child in sorted(self.children.items())]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if self.end:
            return "(?:" + body + ")?"
        return body


def _text_atoms(text: str) -> list[str]:
    """The regex atoms of one name: words joined by any separator, variants folded in."""
    # re.split with a group keeps the separators at odd positions.
    tokens = re.split(r"([\s\-‐‑–]+)", text.strip())
    atoms: list[str] = []
    for i in range(0, len(tokens), 2):
        word = tokens[i]
        if i > 0:
            atoms.append(_SEPARATOR)
        after_hyphen = i > 0 and any(h in tokens[i - 1] for h in "-‐‑–")
        atoms.extend(_word_atoms(word, after_hyphen or word.casefold() in _PARTICLES))
    return atoms


def _word_atoms(word: str, loose_initial: bool) -> list[str]:
    out = []
    for i, char in enumerate(word):
        if char in "'’‘ʼ":
            out.append(_APOSTROPHE)
        elif char == ".":
            out.append(r"\.?")  # "Joseph R. Biden" and "Joseph R Biden"
        elif i == 0 and loose_initial and char.isalpha():
            out.append(_letter_class({char.lower(), char.upper()}))
        elif char.isalpha():
            out.append(_letter_class({char}))
        else:
            out.append(re.escape(char))
    return out


_TURKISH_I = {"i": "ı", "ı": "i", "I": "İ", "İ": "I"}


def _letter_class(chars: set[str]) -> str:
    """A letter and its unaccented form: "ğ" -> [gğ], "i" -> [iı]; other letters stay."""
    variants = set(chars)
    for char in chars:
        variants.add(unicodedata.normalize("NFKD", char)[0])
        # Turkish dotless and dotted i have no decomposition; news spells them both ways.
        variants.update(_TURKISH_I.get(char, ""))
    if len(variants) == 1:
        return re.escape(next(iter(variants)))
    return "[" + "".join(re.escape(c) for c in sorted(variants)) + "]"
