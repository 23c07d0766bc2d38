"""Dates: publication date from metadata or text, relative expressions, event dates.

(Stub: issue 5 fills it. The contract: ``extract(ctx) -> DocumentDates``.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from eventwire.records import Span

if TYPE_CHECKING:
    from eventwire.extract.context import Context

VERSION = "dates.stub.v0"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date, with ACLED precision."""

    span: Span
    value: date | None
    precision: int | None  # 1 day, 2 week, 3 month
    relative: bool = False


@dataclass(frozen=True, slots=True)
class DocumentDates:
    published: date | None = None
    published_span: Span | None = None
    mentions: tuple[DateMention, ...] = ()
    why_none: str | None = None


def extract(ctx: Context) -> DocumentDates:
    published = None
    if ctx.document.published:
        try:
            published = date.fromisoformat(ctx.document.published[:10])
        except ValueError:
            published = None
    return DocumentDates(published=published,
                         why_none=None if published else "no publication date in metadata")
