"""Role, affiliation and nationality of a named person, read from the words around the name.

Two constructions carry them in news copy:

* a pre-modifier ending right at the name: "Turkish journalist and political
  analyst Hamid Kaya", "a correspondent for the daily "Le Matin" Anne Roux",
  "Foreign Minister Ana Ruiz";
* an apposition right after it: "Ana Ruiz, the foreign minister of Spain, said".

A coordinated second name that keeps only its nationality ("French President
Jean Morel and German Karl Weber") shares the first one's title: the head noun
was left out, not the office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Span
from eventwire.resolve import dictionaries

if TYPE_CHECKING:
    from eventwire.extract.parse import ParsedBlock

# Where a pre-modifier cannot reach across: clause punctuation, dashes, and words that open a list.
_BOUNDARY = re.compile(
    r"(?:[,;:()\[\]]|\s[-–—]\s|\b(?:including|such as|like|said|says|told|according to|"
    r"by|with|and that|that)\b)",
    re.IGNORECASE,
)
_PREP = re.compile(r"^\s*(?:for|at|of|with|from|in)\b", re.IGNORECASE)
_BARE_PREP = re.compile(r"^\s*(?:for|of|to|with)\s+(?:the\s+)?$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“«]([^\"”»]{2,60})[\"”»]")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_APPOSITION_END = re.compile(r"[,;.]|\s[-–—]\s")
_MAX_TAIL_WORDS = 12
_CLAUSE_OPENER = re.compile(r"(?:and|or|but|while|where|when|after|before)\b",
                            re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RoleFinding:
    role: str | None = None
    affiliation: str | None = None
    nationality: str | None = None
    evidence: Span | None = None
    title: bool = False  # the role was a title right before the name ("President X")


def _roles_in(segment: str) -> list[re.Match[str]]:
    return list(dictionaries.role_pattern().finditer(segment))


def _coordinated_run(segment: str, matches: list[re.Match[str]]) -> tuple[int, int]:
    """Start/end of the last run of roles joined by "and" or "&" ("writer and analyst")."""
    start, end = matches[-1].start(), matches[-1].end()
    for m in reversed(matches[:-1]):
        between = segment[m.end():start]
        if re.fullmatch(r"\s*(?:and|&|,)\s*(?:[a-z-]+\s+)?", between, re.IGNORECASE):
            start = m.start()
        else:
            break
    return start, end


def _demonym_before(segment: str, at: int) -> str | None:
    words = re.findall(r"[A-Z][\w’'-]*", segment[:at])
    if not words or not segment[:at].rstrip().endswith(words[-1]):
        return None
    country = dictionaries.country_by_word(words[-1])
    return country.iso3 if country else None


def _affiliation(tail: str) -> str | None:
    """Where a role is held: a quoted name, else the capitalised words after the preposition."""
    if not _PREP.match(tail):
        return None
    if quoted := _QUOTED.search(tail):
        return quoted.group(1).strip()
    words = re.match(r"^\s*\w+\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s*)+)", tail)
    return words.group(1).strip() if words else None


def _tail_ok(tail: str, parsed: ParsedBlock | None, start: int, end: int) -> bool:
    """Only a prepositional phrase or capitalised words may stand between role and name."""
    if len(tail.split()) > _MAX_TAIL_WORDS:
        return False
    if tail.strip() and not _PREP.match(tail) and not all(w[:1].isupper() for w in tail.split()):
        return False
    if parsed is None:
        return True
    doc = parsed.doc
    lo, hi = start - parsed.offset, end - parsed.offset
    return not any(t.pos_ in ("VERB", "AUX") for t in doc if lo <= t.idx < hi)


def _premodifier(text: str, span: Span, parsed: ParsedBlock | None) -> RoleFinding | None:
    sentence_start = _sentence_start(span, parsed)
    prefix = text[sentence_start:span.start]
    cuts = list(_BOUNDARY.finditer(prefix))
    seg_start = cuts[-1].end() if cuts else 0
    segment = prefix[seg_start:]
    matches = _roles_in(segment)
    if not matches:
        return None
    r_start, r_end = _coordinated_run(segment, matches)
    tail = segment[r_end:]
    base = sentence_start + seg_start
    if _BARE_PREP.match(tail):
        return None  # "the lawyer for X", "a spokesman for X": someone else's role toward X
    if not _tail_ok(tail, parsed, base + r_end, span.start):
        return None
    role_text = segment[r_start:r_end].lower()
    ev_start = base + r_start
    nationality = _demonym_before(segment, r_start)
    if nationality:
        ev_start = base + segment[:r_start].rstrip().rfind(" ") + 1
    return RoleFinding(
        role=role_text,
        affiliation=_affiliation(tail),
        nationality=nationality,
        evidence=Span.of(text, ev_start, span.end),
        title=not tail.strip(),
    )


def _apposition(text: str, span: Span) -> RoleFinding | None:
    after = text[span.end:span.end + 160]
    m = re.match(r"^\s*,\s*", after)
    if not m:
        return None
    body = after[m.end():]
    # ", and the governor said ...": a new clause or list item, not a description of the name.
    if _CLAUSE_OPENER.match(body):
        return None
    end = _APPOSITION_END.search(body)
    phrase = body[: end.start()] if end else body
    phrase = _ARTICLE.sub("", phrase)
    matches = _roles_in(phrase)
    if not matches or matches[0].start() > 25:
        return None
    r_start, r_end = _coordinated_run(phrase[: matches[0].end() + 40], matches[:1] + [
        x for x in matches[1:] if x.start() < matches[0].end() + 40])
    r_start = min(r_start, matches[0].start())
    nationality = _demonym_before(phrase, r_start)
    offset = span.end + m.end() + (len(body[: end.start()] if end else body) - len(phrase))
    return RoleFinding(
        role=phrase[r_start:r_end].lower(),
        affiliation=_affiliation(phrase[r_end:]),
        nationality=nationality,
        evidence=Span.of(text, span.start, offset + len(phrase)),
    )


def _sentence_start(span: Span, parsed: ParsedBlock | None) -> int:
    if parsed is None:
        return max(0, span.start - 200)
    for sent in parsed.doc.sents:
        s, e = parsed.offset + sent.start_char, parsed.offset + sent.end_char
        if s <= span.start < e:
            return s
    return parsed.offset


def find_role(text: str, span: Span, parsed: ParsedBlock | None) -> RoleFinding | None:
    """The role of the person named at ``span``, from a pre-modifier or an apposition."""
    return _premodifier(text, span, parsed) or _apposition(text, span)


def inherit_gapped_role(
    text: str, first: Span, second: Span, first_role: RoleFinding | None
) -> RoleFinding | None:
    """"Russian President A and Turkish B": B is the Turkish president."""
    if first_role is None or not first_role.title or first_role.role is None:
        return None
    between = text[first.end:second.start]
    m = re.fullmatch(r"\s+and\s+(?:the\s+)?([A-Z][\w’'-]+)\s+", between)
    if not m:
        return None
    country = dictionaries.country_by_word(m.group(1))
    if country is None:
        return None
    return RoleFinding(role=first_role.role, nationality=country.iso3,
                       evidence=Span.of(text, first.end + m.start(1), second.end), title=True)
