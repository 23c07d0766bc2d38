"""Actor dictionaries: countries, organizations and roles, read from package data.

The data lives in ``resolve/data/*.tsv`` (UTF-8, tab-separated, a header line, ``#``
comments). Nothing is read at import: each table is loaded and indexed once, on first
use, and cached. The ``load_*`` functions take a path so that a bad file can be checked
on its own; a malformed row raises :class:`DictionaryError` naming the file and line.

Matching rules shared by every lookup (see :func:`fold`):

* case, accents, apostrophes (straight or typographic), periods and commas are ignored,
  and hyphens count as spaces, so "Al-Jazeera" == "al jazeera" and "U.S." == "US";
* a leading "the" in the query is ignored, but a data entry of the form "The <one word>"
  keeps its article ("The Hindu", "The Times"), so a bare common word does not match it;
* an entry written in capitals ("US", "IS", "WHO") does not match all-lowercase text
  ("us", "is", "who"), since an acronym in lower case is almost always an ordinary word;
* a ``~`` before an entry marks it weak: it yields to a plain entry held elsewhere and,
  if held weakly by several rows only, the word is ambiguous and resolves to nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Generic, TypeVar

from eventwire.errors import DictionaryError

__all__ = [
    "Country",
    "DictionaryError",
    "OrgEntry",
    "Role",
    "countries",
    "country_by_iso3",
    "country_by_word",
    "fold",
    "load_countries",
    "load_organizations",
    "load_roles",
    "metonym_country",
    "organization_by_name",
    "organizations",
    "role_by_phrase",
    "role_pattern",
    "roles",
    "split_compound_adjective",
]

ORG_KINDS = frozenset(
    {"media", "igo", "ngo", "government", "military", "armed_group", "party", "company"}
)
ROLE_KINDS = frozenset({"office", "profession", "title"})
# CAMEO role codes a role row may carry; empty means "take the organization's sector".
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "CVL",
        "MED",
        "EDU",
        "BUS",
        "LEG",
        "JUD",
        "COP",
        "HLH",
        "NGO",
        "IGO",
        "ELI",
        "SPY",
        "REL",
        "LAB",
        "AGR",
        "REF",
        "HRI",
        "UAF",
    }
)

_ISO3 = re.compile(r"[A-Z]{3}")
_ISO2 = re.compile(r"[A-Z]{2}")
_CAMEO = re.compile(r"[A-Z]{3,15}")
_WEAK = "~"


@dataclass(frozen=True)
class Country:
    """A state or commonly named territory and the words that name it in news."""

    iso3: str
    iso2: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    # Entries marked '~' in the file: they yield to another country's plain entry.
    weak: frozenset[str] = field(default=frozenset(), repr=False)


@dataclass(frozen=True)
class OrgEntry:
    """An organization with its aliases, kind, home country and CAMEO code."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    code: str | None
    credit_aliases: tuple[str, ...]
    weak: frozenset[str] = field(default=frozenset(), repr=False)


@dataclass(frozen=True)
class Role:
    """A role phrase ("foreign minister") with its CAMEO sector and kind."""

    role: str
    sector: str | None
    kind: str


# --------------------------------------------------------------------------- matching

_PUNCT = str.maketrans(
    {
        "'": "",
        "’": "",
        "‘": "",
        "ʼ": "",
        "ʻ": "",
        "`": "",
        "´": "",
        ".": "",
        ",": "",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        # Turkish dotless i has no decomposition; news spells it both ways.
        "ı": "i",
    }
)


def fold(text: str) -> str:
    """Return the matching key of ``text``: no accents, case or punctuation noise."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_PUNCT).casefold().split())


def _entry_key(text: str) -> str:
    """Key of a data entry: "The New York Times" -> "new york times", "The Hindu" kept."""
    key = fold(text)
    if key.startswith("the ") and " " in key[4:]:
        return key[4:]
    return key


def _needs_capital(text: str) -> bool:
    """True for entries in capitals (acronyms), which must not match lower-case text."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _all_lowercase(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.lower()


T = TypeVar("T")


@dataclass(frozen=True)
class _Hit(Generic[T]):
    value: T | None  # None: the key is ambiguous
    needs_capital: bool


class _Index(Generic[T]):
    """Folded key -> value, built with the strong/weak rules described in the module doc."""

    def __init__(self, kind: str, *, proper_nouns: bool = False) -> None:
        self._kind = kind
        # Metonyms and capitals are proper nouns: "male" is not Malé, "victoria" not Victoria.
        self._proper = proper_nouns
        self._claims: dict[str, list[tuple[T, bool, bool, str]]] = {}
        self._hits: dict[str, _Hit[T]] | None = None

    def add(self, text: str, value: T, *, weak: bool, origin: str, key: str | None = None) -> None:
        key = _entry_key(text) if key is None else key
        if not key:
            raise DictionaryError(f"empty {self._kind} entry {text!r}", origin=origin)
        caps = self._proper or _needs_capital(text)
        self._claims.setdefault(key, []).append((value, weak, caps, origin))

    def build(self, *, clash_is_error: bool = True) -> _Index[T]:
        hits: dict[str, _Hit[T]] = {}
        for key, claims in self._claims.items():
            strong = _distinct(v for v, weak, _, _ in claims if not weak)
            candidates = strong or _distinct(v for v, _, _, _ in claims)
            if len(strong) > 1 and clash_is_error:
                origins = ", ".join(o for _, weak, _, o in claims if not weak)
                raise DictionaryError(
                    f"{self._kind} {key!r} names more than one entry ({origins}); "
                    "mark the lesser one weak with '~'",
                    origin=origins.split(", ")[0],
                )
            value = candidates[0] if len(candidates) == 1 else None
            needs_capital = all(caps for v, _, caps, _ in claims if v is value)
            hits[key] = _Hit(value, needs_capital)
        self._hits = hits
        return self

    def get(self, query: str) -> T | None:
        """Look up raw text, retrying without a leading "the"."""
        assert self._hits is not None, "index used before build()"
        key = fold(query)
        hit = self._hits.get(key)
        if hit is None and key.startswith("the "):
            hit = self._hits.get(key[4:])
        if hit is None or (hit.needs_capital and _all_lowercase(query)):
            return None
        return hit.value

    def get_key(self, key: str, query: str) -> T | None:
        """Look up an already folded key (for derived keys such as the space-less form)."""
        assert self._hits is not None, "index used before build()"
        hit = self._hits.get(key)
        if hit is None or (hit.needs_capital and _all_lowercase(query)):
            return None
        return hit.value


def _distinct(values: Iterable[T]) -> list[T]:
    """Distinct values in first-seen order, by identity (rows are distinct objects)."""
    seen: list[T] = []
    for value in values:
        if not any(value is s for s in seen):
            seen.append(value)
    return seen


# --------------------------------------------------------------------------- reading

Source = Path | Traversable


def data_file(name: str) -> Traversable:
    return resources.files("eventwire.resolve").joinpath("data", name)


def read_rows(source: Source, header: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """Yield (origin, fields) per data row, checking the header and the column count."""
    name = source.name
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read dictionary: {exc}", origin=name) from exc
    seen_header = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        origin = f"{name}, line {lineno}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not seen_header:
            if tuple(fields) != header:
                raise DictionaryError(
                    f"expected header {' | '.join(header)}, found {' | '.join(fields)}",
                    origin=origin,
                )
            seen_header = True
            continue
        if len(fields) != len(header):
            raise DictionaryError(
                f"expected {len(header)} tab-separated columns, found {len(fields)}",
                origin=origin,
            )
        yield origin, fields
    if not seen_header:
        raise DictionaryError("no header line", origin=name)


def _split(value: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Split a '|' list into its entries (without '~') and the set of weak entries."""
    items: list[str] = []
    weak: set[str] = set()
    for raw in value.split("|"):
        item = raw.strip()
        if not item:
            continue
        if item.startswith(_WEAK):
            item = item[1:].strip()
            weak.add(item)
        if item not in items:
            items.append(item)
    return tuple(items), frozenset(weak)


def load_countries(source: Source) -> tuple[Country, ...]:
    """Read and check a countries table (see ``data/countries.tsv`` for the columns)."""
    header = ("iso3", "iso2", "name", "names", "adjectives", "demonyms", "capitals", "metonyms")
    out: list[Country] = []
    seen: dict[str, str] = {}
    for origin, (iso3, iso2, name, *lists) in read_rows(source, header):
        if not _ISO3.fullmatch(iso3):
            raise DictionaryError(f"iso3 {iso3!r} is not three capital letters", origin=origin)
        if not _ISO2.fullmatch(iso2):
            raise DictionaryError(f"iso2 {iso2!r} is not two capital letters", origin=origin)
        for code in (iso3, iso2):
            if code in seen:
                raise DictionaryError(f"code {code} already used at {seen[code]}", origin=origin)
            seen[code] = origin
        if not name:
            raise DictionaryError("empty name", origin=origin)
        split = [_split(v) for v in lists]
        weak = frozenset().union(*(w for _, w in split))
        names, adjectives, demonyms, capitals, metonyms = (items for items, _ in split)
        out.append(Country(iso3, iso2, name, names, adjectives, demonyms, capitals, metonyms, weak))
    return tuple(out)


def load_organizations(
    source: Source, *, known_iso3: frozenset[str] | None = None
) -> tuple[OrgEntry, ...]:
    """Read and check an organizations table; ``known_iso3`` checks the country column."""
    header = ("name", "aliases", "kind", "country", "code", "credit_aliases")
    out: list[OrgEntry] = []
    for origin, (name, aliases, kind, country, code, credits) in read_rows(source, header):
        if not name:
            raise DictionaryError("empty name", origin=origin)
        if kind not in ORG_KINDS:
            raise DictionaryError(
                f"kind {kind!r} is not one of {', '.join(sorted(ORG_KINDS))}", origin=origin
            )
        if country and (
            not _ISO3.fullmatch(country) or (known_iso3 is not None and country not in known_iso3)
        ):
            raise DictionaryError(f"country {country!r} is not a known ISO3 code", origin=origin)
        if code and not _CAMEO.fullmatch(code):
            raise DictionaryError(
                f"code {code!r} is not a CAMEO code (3-15 capital letters)", origin=origin
            )
        alias_items, weak = _split(aliases)
        credit_items, credit_weak = _split(credits)
        out.append(
            OrgEntry(
                name,
                alias_items,
                kind,
                country or None,
                code or None,
                credit_items,
                weak | credit_weak,
            )
        )
    return tuple(out)


def load_roles(source: Source) -> tuple[Role, ...]:
    """Read and check a roles table (see ``data/roles.tsv`` for the columns)."""
    out: list[Role] = []
    seen: dict[str, str] = {}
    for origin, (role, sector, kind) in read_rows(source, ("role", "sector", "kind")):
        if not role or role != role.lower():
            raise DictionaryError(f"role {role!r} must be non-empty lower case", origin=origin)
        if role in seen:
            raise DictionaryError(f"role {role!r} already listed at {seen[role]}", origin=origin)
        seen[role] = origin
        if sector and sector not in SECTORS:
            raise DictionaryError(f"sector {sector!r} is not a known CAMEO code", origin=origin)
        if kind not in ROLE_KINDS:
            raise DictionaryError(
                f"kind {kind!r} is not one of {', '.join(sorted(ROLE_KINDS))}", origin=origin
            )
        out.append(Role(role, sector or None, kind))
    return tuple(out)


# --------------------------------------------------------------------------- countries


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country and territory in the packaged table, in file order."""
    return load_countries(data_file("countries.tsv"))


@functools.lru_cache(maxsize=1)
def _country_indexes() -> tuple[dict[str, Country], _Index[Country], _Index[Country]]:
    by_iso3 = {c.iso3: c for c in countries()}
    words: _Index[Country] = _Index("country word")
    seats: _Index[Country] = _Index("capital or metonym", proper_nouns=True)
    origin = "countries.tsv"
    for c in countries():
        for text in (c.name, *c.names, *c.adjectives, *c.demonyms):
            words.add(text, c, weak=text in c.weak, origin=f"{origin} ({c.iso3})")
        for text in (*c.capitals, *c.metonyms):
            seats.add(text, c, weak=text in c.weak, origin=f"{origin} ({c.iso3})")
    return by_iso3, words.build(), seats.build()


def country_by_iso3(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-3 ``code`` (any case), or None."""
    return _country_indexes()[0].get(code.strip().upper())


def country_by_word(word: str) -> Country | None:
    """The country a name, other name, adjective or demonym refers to ("Turks" -> TUR).

    Compounds such as "Turkish-Russian" are not split here: use
    :func:`split_compound_adjective`.
    """
    return _country_indexes()[1].get(word)


def metonym_country(word: str) -> Country | None:
    """The country whose government a capital or seat of power stands for ("Kremlin")."""
    return _country_indexes()[2].get(word)


_COMPOUND_SEP = re.compile(r"\s*[-‐‑–—/]\s*")


def split_compound_adjective(word: str) -> tuple[Country, ...]:
    """Countries of a hyphenated compound: "Turkish-Russian" -> (TUR, RUS).

    Parts are matched greedily, longest first, so hyphenated names stay whole
    ("Guinea-Bissau", "Bissau-Guinean"). Returns () unless every part is a country word:
    "US-backed" is a relation, not a pair of nationalities.
    """
    parts = [p for p in _COMPOUND_SEP.split(word.strip()) if p]
    found: list[Country] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start, -1):
            country = country_by_word("-".join(parts[start:end]))
            if country is not None:
                if country not in found:
                    found.append(country)
                start = end
                break
        else:
            return ()
    return tuple(found)


# --------------------------------------------------------------------------- organizations


@functools.lru_cache(maxsize=1)
def organizations() -> tuple[OrgEntry, ...]:
    """Every organization in the packaged table, in file order."""
    known = frozenset(c.iso3 for c in countries())
    return load_organizations(data_file("organizations.tsv"), known_iso3=known)


@functools.lru_cache(maxsize=1)
def _org_indexes() -> tuple[_Index[OrgEntry], _Index[OrgEntry], _Index[OrgEntry]]:
    names: _Index[OrgEntry] = _Index("organization name")
    # "Aljazeera" vs "Al Jazeera": a fallback on keys without spaces. Clashes there are
    # only ambiguities (None), never errors, since the spaced keys already differ.
    squeezed: _Index[OrgEntry] = _Index("organization name")
    credits: _Index[OrgEntry] = _Index("credit alias")
    for org in organizations():
        origin = f"organizations.tsv ({org.name})"
        for text in (org.name, *org.aliases):
            weak = text in org.weak
            names.add(text, org, weak=weak, origin=origin)
            squeezed.add(text, org, weak=weak, origin=origin, key=_squeeze(_entry_key(text)))
        for text in org.credit_aliases:
            credits.add(text, org, weak=text in org.weak, origin=origin)
    return names.build(), squeezed.build(clash_is_error=False), credits.build()


def _squeeze(key: str) -> str:
    return key.replace(" ", "")


def organization_by_name(name: str, *, credit: bool = False) -> OrgEntry | None:
    """The organization ``name`` refers to, or None if unknown or ambiguous.

    With ``credit=True`` (the text is a photo or news credit) the credit-only aliases are
    consulted first, so "AA" in a credit is Anadolu Agency.
    """
    names, squeezed, credits = _org_indexes()
    if credit:
        found = credits.get(name)
        if found is not None:
            return found
    found = names.get(name)
    if found is not None:
        return found
    key = fold(name)
    found = squeezed.get_key(_squeeze(key), name)
    if found is None and key.startswith("the "):
        found = squeezed.get_key(_squeeze(key[4:]), name)
    return found


# --------------------------------------------------------------------------- roles


@functools.lru_cache(maxsize=1)
def roles() -> tuple[Role, ...]:
    """Every role in the packaged table, in file order."""
    return load_roles(data_file("roles.tsv"))


@functools.lru_cache(maxsize=1)
def _roles_by_key() -> dict[str, Role]:
    return {fold(r.role): r for r in roles()}


def role_by_phrase(phrase: str) -> Role | None:
    """The role a phrase names, e.g. a :func:`role_pattern` match ("Foreign Minister")."""
    return _roles_by_key().get(fold(phrase))


@functools.lru_cache(maxsize=1)
def role_pattern() -> re.Pattern[str]:
    """A case-insensitive regex matching any role phrase on word boundaries.

    Longer phrases come first so that "political analyst" wins over "analyst" and
    "editor-in-chief" over "editor"; spaces in a phrase match any run of whitespace.
    """
    phrases = sorted({r.role for r in roles()}, key=lambda p: (-len(p), p))
    alternatives = (r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
