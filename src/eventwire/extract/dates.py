"""Dates: the publication date, and every date expression resolved against it.

* The publication date comes from the metadata (``document.published``), else from a
  full date (day, month, year) in the byline, title or first paragraph: "Wed 05 Apr
  2017", "March 3, 2019", "3 JAN 90" (wire datelines), "2019-03-03".
* Date expressions in the text become :class:`DateMention` records with ACLED time
  precision (1 day, 2 week, 3 month; and 4 for a year alone, "in 2014", which ACLED
  does not code): absolute dates ("on 16 November", "March 3, 2019", "in March 2019",
  "since 2011"), weekdays ("on Wednesday": the last such day up to the
  publication date), "yesterday", "today", "last night", "last week", "earlier this
  month", "three days ago", and near futures ("within a few days", "in the coming
  days", marked ``future``). A relative expression with no publication date to anchor
  it keeps ``value=None``: no date is invented.
* :func:`date_for` gives the events stage the date written in the sentence of a span.

Matching is case-insensitive, so all-capitals wire copy reads like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventwire.records import Block, Span

if TYPE_CHECKING:
    from eventwire.extract.context import Context

VERSION = "dates.rules.v3"

DAY, WEEK, MONTH = 1, 2, 3  # ACLED time precision
# A year alone ("seized in 2014"): coarser than anything ACLED codes, so eventwire's own
# fourth step. Such a date says an act is background far more often than news.
YEAR = 4

_MONTHS = {m: i + 1 for i, name in enumerate(
    "january february march april may june july august september october november december"
    .split()) for m in (name, name[:3], *(["sept"] if name == "september" else []))}
_WEEKDAYS = {name: i for i, name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d|'?\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Full dates, most specific first; named groups day, month, year.
_FULL = [
    re.compile(rf"\b(?:{_WEEKDAY}\s+)?{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_WEEKDAY}\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_DAY_MONTH = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![\w])", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)", re.IGNORECASE),
]
_MONTH_YEAR = re.compile(rf"\b(?:in|since|during|until|by|of|from)\s+{_MONTH}\s+{_YEAR}\b",
                         re.IGNORECASE)
# "in 2014", "since 2011", "by 2020": a year after a preposition of time, unless a noun
# follows that the number counts ("in 2000 cases").
_YEAR_ALONE = re.compile(
    r"\b(?:in|since|during|until|till|by|from|through|throughout|before|after|early|late|"
    r"mid-?)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
    r"(?!\s+(?!(?:and|or|when|as|after|before|to|until|but|the|that|while|with|in|on|at|"
    r"for|from|by|which|where|it|he|she|they|we|a|an|its|their|his|her)\b)[a-z])",
    re.IGNORECASE)
_MONTH_NAME = r"(?P<month>january|february|march|april|june|july|august|september|october|" \
    r"november|december)"  # "may" alone is the verb far more often than the month
_MONTH_ALONE = re.compile(rf"\b(?:in|since|during|until|by|early|late|mid-?)\s+{_MONTH_NAME}\b"
                          r"(?!\s+\d)", re.IGNORECASE)
_WEEKDAY_MENTION = re.compile(
    r"\b(?P<rel>last|next|this|on|on\s+last|late|early|since)?\s*(?P<wd>monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)(?:'s)?\b", re.IGNORECASE)
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
                  r"several)\s+(?P<unit>day|week|month)s?\s+ago\b", re.IGNORECASE)
_N = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
      "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "several": 3}


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A fixed relative expression: offset in days from publication, precision, future."""

    pattern: re.Pattern[str]
    days: int
    precision: int
    future: bool = False
    month_offset: int | None = None  # for month expressions: months back from publication


def _p(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


_PHRASES = (
    _Phrase(_p("the day before yesterday"), -2, DAY),
    _Phrase(_p("yesterday|last night"), -1, DAY),
    _Phrase(_p("today|this morning|this afternoon|this evening|tonight|earlier today"), 0, DAY),
    _Phrase(_p("tomorrow"), 1, DAY, future=True),
    _Phrase(_p("last week|a week ago|over the past week|earlier this week|this week"), 0, WEEK),
    _Phrase(_p("last weekend|over the weekend|this weekend|at the weekend"), 0, WEEK),
    _Phrase(_p("within (?:a few|the next few|several|two|three) days|in the coming days|"
               r"in the next (?:few )?days|in (?:a few|several) days|within days|"
               r"next week|in the coming week|within a week"), 0, WEEK, future=True),
    _Phrase(_p("earlier this month|this month|so far this month|late last month"), 0, MONTH,
            month_offset=0),
    _Phrase(_p("last month"), 0, MONTH, month_offset=1),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date, with ACLED precision."""

    span: Span
    value: date | None
    precision: int | None  # 1 day, 2 week, 3 month (ACLED); 4 year
    relative: bool = False
    future: bool = False


@dataclass(frozen=True, slots=True)
class DocumentDates:
    published: date | None = None
    published_span: Span | None = None
    mentions: tuple[DateMention, ...] = ()
    why_none: str | None = None
    published_from: str | None = None  # metadata, text


# --- values ----------------------------------------------------------------------------


def _year(raw: str) -> int:
    digits = raw.lstrip("'")
    if len(digits) == 2:  # wire copy: "3 JAN 90"
        n = int(digits)
        return 2000 + n if n < 50 else 1900 + n
    return int(digits)


def _month(raw: str) -> int:
    return int(raw) if raw.isdigit() else _MONTHS[raw.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_date(m: re.Match[str]) -> date | None:
    """The date of a full-date match (day, month, year)."""
    return _safe_date(_year(m.group("year")), _month(m.group("month")), int(m.group("day")))


def _year_for(month: int, day: int, published: date) -> date | None:
    """A day and month without a year: the latest such date not long after publication."""
    for year in (published.year, published.year - 1):
        d = _safe_date(year, month, day)
        if d is not None and d <= published + timedelta(days=7):
            return d
    return None


def _months_back(published: date, months: int) -> date:
    y, m = divmod(published.year * 12 + published.month - 1 - months, 12)
    return date(y, m + 1, 1)


# --- publication date ------------------------------------------------------------------


def _from_metadata(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    from dateutil import parser  # imported on use: only free-form metadata needs it

    try:
        return parser.parse(value, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def _head_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """Where a publication date is written: byline, title and the first paragraph."""
    head: list[Block] = []
    for b in blocks:
        head.append(b)
        if b.kind == "paragraph":
            break
    return head


def published_from_text(text: str, blocks: tuple[Block, ...]) -> tuple[date, Span] | None:
    """The first full date in the byline, title or first paragraph's opening, with its span."""
    for b in _head_blocks(blocks):
        window = b.text if b.kind != "paragraph" else b.text[:200]
        for pattern in _FULL:
            m = pattern.search(window)
            d = full_date(m) if m else None
            if m and d is not None:
                return d, Span.of(text, b.start + m.start(), b.start + m.end())
    return None


# --- mentions --------------------------------------------------------------------------


def _mention(text: str, offset: int, m: re.Match[str], value: date | None, precision: int,
             *, relative: bool, future: bool = False) -> DateMention:
    return DateMention(Span.of(text, offset + m.start(), offset + m.end()), value, precision,
                       relative, future)


def _absolute(block: str, text: str, offset: int, published: date | None
              ) -> list[DateMention]:
    out = [_mention(text, offset, m, full_date(m), DAY, relative=False)
           for p in _FULL for m in p.finditer(block)]
    out += [_mention(text, offset, m,
                     _safe_date(_year(m.group("year")), _month(m.group("month")), 1), MONTH,
                     relative=False) for m in _MONTH_YEAR.finditer(block)]
    for p in _DAY_MONTH:
        for m in p.finditer(block):
            d = _year_for(_month(m.group("month")), int(m.group("day")), published) \
                if published else None
            out.append(_mention(text, offset, m, d, DAY, relative=True))
    for m in _MONTH_ALONE.finditer(block):
        d = _year_for(_month(m.group("month")), 1, published) if published else None
        out.append(_mention(text, offset, m, d, MONTH, relative=True))
    out += [_mention(text, offset, m, _safe_date(int(m.group("year")), 1, 1), YEAR,
                     relative=False) for m in _YEAR_ALONE.finditer(block)]
    return out


def _weekday(published: date | None, name: str, rel: str | None) -> date | None:
    if published is None:
        return None
    back = (published.weekday() - _WEEKDAYS[name.lower()]) % 7
    if rel and rel.lower() == "next":
        return published + timedelta(days=(7 - back) % 7 or 7)
    if rel and rel.lower() == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _relative(block: str, text: str, offset: int, published: date | None
              ) -> list[DateMention]:
    out = []
    for m in _WEEKDAY_MENTION.finditer(block):
        out.append(_mention(text, offset, m, _weekday(published, m.group("wd"), m.group("rel")),
                            DAY, relative=True, future=(m.group("rel") or "").lower() == "next"))
    for ph in _PHRASES:
        for m in ph.pattern.finditer(block):
            out.append(_mention(text, offset, m, _phrase_value(ph, m, published), ph.precision,
                                relative=True, future=ph.future))
    for m in _AGO.finditer(block):
        n = int(m.group("n")) if m.group("n").isdigit() else _N[m.group("n").lower()]
        unit = m.group("unit").lower()
        value = None
        if published is not None:
            value = (_months_back(published, n) if unit == "month"
                     else published - timedelta(days=n * (7 if unit == "week" else 1)))
        out.append(_mention(text, offset, m, value,
                            {"day": DAY, "week": WEEK, "month": MONTH}[unit], relative=True))
    return out


def _phrase_value(ph: _Phrase, m: re.Match[str], published: date | None) -> date | None:
    if published is None:
        return None
    if ph.month_offset is not None:
        return _months_back(published, ph.month_offset)
    if ph.precision == WEEK and not ph.future and "last" in m.group(0).lower():
        return published - timedelta(days=7)
    return published + timedelta(days=ph.days)


def _dedupe(mentions: list[DateMention]) -> tuple[DateMention, ...]:
    """One mention per stretch of text: the longest wins ("Wed 05 Apr 2017" over "05 Apr")."""
    ordered = sorted(mentions, key=lambda d: (d.span.start, -(d.span.end - d.span.start)))
    kept: list[DateMention] = []
    for d in ordered:
        if kept and d.span.start < kept[-1].span.end:
            continue
        kept.append(d)
    return tuple(kept)


def mentions_in(text: str, blocks: tuple[Block, ...], published: date | None
                ) -> tuple[DateMention, ...]:
    """Every date expression of the blocks that carry text (not the byline)."""
    found: list[DateMention] = []
    for b in blocks:
        if b.kind == "byline":
            continue
        found += _absolute(b.text, text, b.start, published)
        found += _relative(b.text, text, b.start, published)
    return _dedupe(found)


# --- the stage -------------------------------------------------------------------------


def extract(ctx: Context) -> DocumentDates:
    """Publication date (metadata, else text) and the document's date mentions."""
    doc = ctx.document
    return document_dates(doc.text, doc.blocks, doc.published)


def document_dates(text: str, blocks: tuple[Block, ...], metadata: str | None = None
                   ) -> DocumentDates:
    """The stage's work on a document's text, blocks and metadata date (evaluators too).

    The dateline's own date ("LIMA, 3 JAN 90 --", "Wed 05 Apr 2017") is the publication
    date, not a date the report gives an event: it is not among the mentions, so that an
    event in the lead sentence is not dated to the day of the report by it.
    """
    published, source = _from_metadata(metadata), "metadata"
    found = published_from_text(text, blocks)
    span = None
    if published is None and found is not None:
        published, span = found
        source = "text"
    dateline = found[1] if found is not None and found[0] == published else None
    mentions = tuple(m for m in mentions_in(text, blocks, published)
                     if dateline is None or not _overlaps(m.span, dateline))
    if published is None:
        return DocumentDates(None, None, mentions,
                             "no publication date in the metadata, byline, title or first "
                             "paragraph; relative dates are left unresolved")
    return DocumentDates(published, span, mentions, None, source)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def date_for(ctx: Context, start: int, end: int) -> DateMention | None:
    """The date written in the sentence holding ``start..end``, resolved; else None.

    The nearest resolved mention in that sentence wins (a sentence may name the date
    of the event and of its report). A year alone yields to any finer date in the
    sentence, and says nothing when it is the publication's own year. None when the
    sentence names no date: the caller decides whether the publication date stands in,
    and with what precision.
    """
    if ctx.dates is None:
        return None
    lo, hi = _sentence_bounds(ctx, start, end)
    published = ctx.dates.published
    inside = [d for d in ctx.dates.mentions
              if lo <= d.span.start and d.span.end <= hi and d.value is not None
              and not (d.precision == YEAR and published is not None
                       and d.value.year == published.year)]
    finer = [d for d in inside if d.precision != YEAR]
    if not inside:
        return None
    return min(finer or inside,
               key=lambda d: min(abs(d.span.start - end), abs(start - d.span.end)))


def _sentence_bounds(ctx: Context, start: int, end: int) -> tuple[int, int]:
    for pb in ctx.parsed:
        if pb.block.start <= start and end <= pb.block.end:
            for sent in pb.doc.sents:
                s, e = pb.offset + sent.start_char, pb.offset + sent.end_char
                if s <= start < e:
                    return s, max(e, end)
            return pb.block.start, pb.block.end
    return start, end
