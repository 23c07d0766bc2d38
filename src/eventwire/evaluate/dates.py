"""Evaluators for event and incident dates: MUC-4 incident dates against the answer keys.

``muc4_dates`` reads ``<data>/muc4/muc4.jsonl`` (1987-1990 FBIS wire copy, all in
capitals, each message opening with a dateline such as "SAN SALVADOR, 3 JAN 90 --") and
scores the test split (tst3 + tst4). Each non-optional template's ``INCIDENT: DATE`` is a
gold incident date, in one of the key's three forms (template-doc 7.3):

* ``21 JAN 89``: on that day;
* ``15 JAN 89 - 21 JAN 89``: on or between the two days;
* ``- 21 JAN 89``: on or before that day, the form the key uses when the date comes
  from the dateline by default or from a weekday ("last Wednesday"). A date is read
  as matching it when it falls in the week up to that day (ACLED's precision 2).

Alternatives (``(21 JAN 89) / (- 22 JAN 89)``) are each accepted. The same date filler
repeated across templates of one message is one gold item.

Measured, each with its denominator:

* ``muc4.dates.events``: a gold incident date is found when an event of the message is
  dated within it (recall); an emitted event date is correct when it falls within some
  gold incident date of its message (precision; a lower bound, since the keys leave out
  events outside the task, e.g. clashes between armed forces);
* ``muc4.dates.exact_day``: of the single-day gold dates, those some event carries at
  day precision (ACLED precision 1) on that very day;
* ``muc4.dates.mentions``: gold incident dates among the dates extractor's resolved
  date expressions of the message, or its publication date (the extractor's recall,
  whatever the events make of it);
* ``muc4.dates.published``: messages whose publication date was read from the dateline.

``muc4_dates_gate`` scores a pinned subset (the first :data:`GATE_DOCUMENTS` scored
messages of tst4) for CI.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.base import (
    AreaResult,
    Check,
    DataPaths,
    EvaluatorResult,
    Score,
    combine,
    extract_or_none,
    register,
)
from eventwire.evaluate.counts import muc_records
from eventwire.extract import acled, dates
from eventwire.records import Extraction

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

NAME = "muc4_dates"
GATE_NAME = "muc4_dates_gate"
MUC_FILE = "muc4/muc4.jsonl"
SPLITS = ("tst3", "tst4")
GATE_SPLITS = ("tst4",)
GATE_DOCUMENTS = 25
ON_OR_BEFORE = timedelta(days=6)  # "- 21 JAN 89": the week up to that day

_MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
_KEY_DAY = r"(\d{1,2})\s+([A-Z]{3})\s+(\d{2})"
_KEY_RANGE = re.compile(rf"^(?:{_KEY_DAY})?\s*(-)?\s*(?:{_KEY_DAY})?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"(\[]?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Interval:
    """One reading of a key's date: every day from ``first`` to ``last`` is the incident's."""

    first: date
    last: date

    @property
    def day(self) -> bool:
        return self.first == self.last


@dataclass(frozen=True, slots=True)
class GoldDate:
    """A gold incident date of one message: the key's filler and its readings."""

    document: str
    filler: str
    readings: tuple[Interval, ...]

    def covers(self, value: date, precision: int | None) -> bool:
        """Whether a date given with ACLED precision can be this incident's date.

        Day precision: that day lies in a reading. Week: some day of the week up to it does
        (how a report's date stands for an event "within about a week"). Month: some day
        of its calendar month does.
        """
        first, last = _window(value, precision)
        return any(r.first <= last and first <= r.last for r in self.readings)


def _window(value: date, precision: int | None) -> tuple[date, date]:
    if precision == dates.WEEK:
        return value - ON_OR_BEFORE, value
    if precision == dates.MONTH:
        start = value.replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
        return start, following - timedelta(days=1)
    return value, value


def _key_day(day: str, month: str, year: str) -> date | None:
    if month not in _MONTHS:
        return None
    try:
        return date(1900 + int(year), _MONTHS[month], int(day))
    except ValueError:
        return None


def parse_key_date(filler: str) -> tuple[Interval, ...]:
    """The readings of a MUC-4 ``INCIDENT: DATE`` filler; () when it holds no date.

    >>> parse_key_date("- 21 JAN 89")[0].first
    datetime.date(1989, 1, 15)
    """
    out = []
    for alternative in filler.split("/"):
        text = alternative.strip().strip("()").strip().lstrip("?").strip()
        m = _KEY_RANGE.match(text)
        if not m or not text:
            continue
        first = _key_day(*m.group(1, 2, 3)) if m.group(1) else None
        last = _key_day(*m.group(5, 6, 7)) if m.group(5) else None
        if m.group(4) and first is None and last is not None:  # "- 21 JAN 89"
            out.append(Interval(last - ON_OR_BEFORE, last))
        elif first is not None and last is not None:  # "15 JAN 89 - 21 JAN 89"
            out.append(Interval(min(first, last), max(first, last)))
        elif first is not None and not m.group(4):  # "21 JAN 89"
            out.append(Interval(first, first))
    return tuple(out)


def gold_dates(record: dict[str, Any]) -> tuple[GoldDate, ...]:
    """The distinct non-optional incident dates of one MUC-4 record."""
    seen: dict[str, GoldDate] = {}
    for template in record.get("gold_templates") or ():
        if template.get("optional"):
            continue
        for filler in template["slots"].get("INCIDENT: DATE", ()):
            readings = parse_key_date(filler)
            if readings and filler not in seen:
                seen[filler] = GoldDate(record["id"], filler, readings)
    return tuple(seen.values())


def _event_dates(ex: Extraction) -> list[tuple[date, int | None]]:
    out = []
    for event in ex.events:
        if event.date:
            try:
                out.append((date.fromisoformat(event.date), event.time_precision))
            except ValueError:
                log.warning("%s: event %s has a malformed date %r", ex.document.id,
                            event.id, event.date)
    return out


def _published(ex: Extraction) -> date | None:
    value = ex.document.published
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def incident_dates(ex: Extraction) -> list[tuple[date, int]]:
    """The date of each sentence the ACLED classifier calls violent, as events take it.

    The nearest resolved date expression of the sentence to the classifier's cue, else the
    publication date at week precision (what ``events.links.event_date`` does), so that the
    dates extractor is measured on every incident sentence even where the event coder,
    on all-capitals copy, finds no event. Distinct (date, precision) pairs, in order.
    """
    doc = ex.document
    found = dates.document_dates(doc.text, doc.blocks, doc.published)
    published = found.published
    mentions = [m for m in found.mentions if m.value is not None and m.precision is not None]
    out: dict[tuple[date, int], None] = {}
    for start, end in _sentences(doc.text):
        label = acled.classify(doc.text[start:end])
        if label is None or label.event_type not in acled.VIOLENT_EVENT_TYPES:
            continue
        cue = start + (label.cue[0] if label.cue else 0)
        inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
        if inside:
            m = min(inside, key=lambda m: abs(m.span.start - cue))
            out[(m.value, m.precision)] = None  # type: ignore[index]
        elif published is not None:
            out[(published, dates.WEEK)] = None
    return list(out)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if text[start:m.start()].strip():
            yield start, m.start()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def score_document(record_id: str, gold: Sequence[GoldDate], ex: Extraction) -> AreaResult:
    """Scores of one message: incident sentences, events, exact days, mentions, dateline."""
    incidents = incident_dates(ex)
    events = _event_dates(ex)
    doc = dates.document_dates(ex.document.text, ex.document.blocks, ex.document.published)
    published = doc.published
    resolved = [(m.value, m.precision) for m in doc.mentions if m.value is not None]
    resolved += [(published, dates.DAY)] if published else []
    found = [g for g in gold if any(g.covers(d, p) for d, p in incidents)]
    days = [g for g in gold if len(g.readings) == 1 and g.readings[0].day]
    exact = [g for g in days
             if any(d == g.readings[0].first and p == dates.DAY for d, p in incidents)]
    misses = tuple(f"muc4.dates: {record_id} missed {g.filler!r} (incident dates: "
                   f"{[f'{d.isoformat()}/{p}' for d, p in incidents] or 'none'})"
                   for g in gold if g not in found)
    return AreaResult("muc4.dates", (
        _score("muc4.dates.incidents", gold, incidents),
        _score("muc4.dates.events", gold, events)), (
        Check("muc4.dates.exact_day", len(exact), len(days)),
        Check("muc4.dates.mentions",
              sum(any(g.covers(d, p) for d, p in resolved) for g in gold), len(gold)),
        Check("muc4.dates.published", published is not None, 1)), misses)


def _score(name: str, gold: Sequence[GoldDate],
           predicted: Sequence[tuple[date, int | None]]) -> Score:
    """Gold dates some prediction falls in; predictions that fall in some gold date."""
    return Score(name, found=sum(any(g.covers(d, p) for d, p in predicted) for g in gold),
                 required=len(gold),
                 correct=sum(any(g.covers(d, p) for g in gold) for d, p in predicted),
                 emitted=len(predicted))


def _evaluate(name: str, pipeline: Pipeline, paths: DataPaths, splits: Sequence[str],
              limit: int | None) -> EvaluatorResult:
    areas, docs = [], []
    for record in muc_records(paths.data / MUC_FILE, splits, keep=gold_dates):
        if limit is not None and len(docs) >= limit:
            break
        ex = extract_or_none(pipeline, record["text"], record["id"])
        if ex is not None:
            areas.append(score_document(record["id"], gold_dates(record), ex))
            docs.append(record["id"])
    return EvaluatorResult(name, combine(areas), tuple(docs))


@register(NAME, description="MUC-4 tst3+tst4: event dates against the keys' incident dates")
def evaluate_muc4_dates(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    """Incident dates of the MUC-4 test split (all capitals, as distributed)."""
    return _evaluate(NAME, pipeline, paths, SPLITS, None)


@register(GATE_NAME,
          description=f"the first {GATE_DOCUMENTS} dated MUC-4 tst4 messages (CI)")
def evaluate_muc4_dates_gate(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    return _evaluate(GATE_NAME, pipeline, paths, GATE_SPLITS, GATE_DOCUMENTS)
