"""How records map to table rows, and what each kind can be queried by.

Kept apart from the DuckDB code so another backend (PostgreSQL) can use the
same columns and filters; only the SQL dialect around them differs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from eventwire.records import Agreement, Count, Event, Organization, Person, Place, Quote


def to_json(value: Any) -> str:
    """Canonical JSON for a JSON column; raises TypeError on what JSON can't hold."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _person(p: Person) -> dict[str, Any]:
    return {"name": p.name, "role": p.role, "affiliation": p.affiliation,
            "nationality": p.nationality, "mentions": len(p.mentions)}


def _organization(o: Organization) -> dict[str, Any]:
    return {"name": o.name, "kind": o.kind, "country": o.country, "mentions": len(o.mentions)}


def _place(p: Place) -> dict[str, Any]:
    return {"name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
            "country_code": p.country_code, "admin1": p.admin1,
            "feature_code": p.feature_code, "geo_precision": p.geo_precision,
            "metonym": p.metonym, "confidence": p.confidence, "mentions": len(p.mentions)}


def _agreement(a: Agreement) -> dict[str, Any]:
    return {"name": a.name, "kind": a.kind, "generic": a.generic,
            "countries": ",".join(a.countries) or None, "mentions": len(a.mentions),
            "start_char": a.evidence.start, "end_char": a.evidence.end,
            "evidence": a.evidence.text}


def _event(e: Event) -> dict[str, Any]:
    actors = "; ".join(a.name for a in (*e.sources, *e.targets))
    return {"plover_type": e.plover_type, "plover_mode": e.plover_mode, "status": e.status,
            "cameo_code": e.cameo_code, "acled_event_type": e.acled_event_type,
            "actors": actors or None, "place_id": e.place_id, "date": e.date,
            "confidence": e.confidence, "start_char": e.evidence.start,
            "end_char": e.evidence.end, "evidence": e.evidence.text,
            "produced_by": e.produced_by}


def _quote(q: Quote) -> dict[str, Any]:
    return {"kind": q.kind, "speaker_id": q.speaker_id, "speaker_name": q.speaker_name,
            "channel": q.channel, "cameo_code": q.cameo_code, "start_char": q.start,
            "end_char": q.end, "text": q.text}


def _count(c: Count) -> dict[str, Any]:
    return {"kind": c.kind, "value_low": c.value_low, "value_high": c.value_high,
            "approximate": c.approximate, "vague": c.vague, "qualifier": c.qualifier,
            "object": c.object, "start_char": c.evidence.start, "end_char": c.evidence.end,
            "evidence": c.evidence.text}


# kind -> the scalar columns of one record (the row also has doc_id, id, ord, data).
SCALARS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "people": _person,
    "organizations": _organization,
    "places": _place,
    "agreements": _agreement,
    "events": _event,
    "quotes": _quote,
    "counts": _count,
}


def record_row(kind: str, doc_id: str, ord: int, record: Any) -> dict[str, Any]:
    """The full row of one record: key, order, filterable scalars and the whole record."""
    return {"doc_id": doc_id, "id": record.id, "ord": ord, **SCALARS[kind](record),
            "data": to_json(asdict(record))}


def event_agreement_rows(doc_id: str, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Rows of the event -> agreement link table, one per agreement an event names."""
    return [{"doc_id": doc_id, "event_id": e.id, "agreement_id": a}
            for e in events for a in dict.fromkeys(e.agreement_ids)]


@dataclass(frozen=True, slots=True)
class QuerySpec:
    """What ``query(kind)`` selects and which column each filter applies to."""

    table: str
    columns: tuple[str, ...]
    order: str
    doc: str | None = "doc_id"
    name: str | None = None
    type: str | None = None
    run: str | None = None
    cameo: str | None = None  # the CAMEO code column, for a code-prefix filter


def _records(kind: str, name: str | None, type: str | None, *cols: str) -> QuerySpec:
    return QuerySpec(kind, ("doc_id", "id", *cols, "data"), "doc_id, ord", name=name, type=type,
                     cameo="cameo_code" if "cameo_code" in cols else None)


QUERIES: dict[str, QuerySpec] = {
    "people": _records("people", "name", "role",
                       "name", "role", "affiliation", "nationality", "mentions"),
    "organizations": _records("organizations", "name", "kind",
                              "name", "kind", "country", "mentions"),
    "places": _records("places", "name", "feature_code",
                       "name", "country_code", "admin1", "feature_code", "geonameid",
                       "lat", "lon", "mentions"),
    "agreements": _records("agreements", "name", "kind",
                           "name", "kind", "generic", "countries", "mentions",
                           "start_char", "end_char", "evidence"),
    "events": _records("events", "actors", "plover_type",
                       "plover_type", "plover_mode", "cameo_code", "status", "actors",
                       "place_id", "date",
                       "start_char", "end_char", "evidence"),
    "quotes": _records("quotes", "speaker_name", "kind",
                       "kind", "speaker_name", "cameo_code", "start_char", "end_char",
                       "text"),
    "counts": _records("counts", "object", "kind",
                       "kind", "value_low", "value_high", "approximate", "object",
                       "start_char", "end_char", "evidence"),
    "documents": QuerySpec("documents", ("id", "origin", "title", "author", "dateline",
                                         "published", "source", "url", "language", "run_id",
                                         "stored_at"),
                           "stored_at, id", doc="id", name="title", type="source", run="run_id"),
    "failures": QuerySpec("failures", ("id", "run_id", "origin", "record_id", "code",
                                       "message", "at"),
                          "id", doc=None, name="origin", type="code", run="run_id"),
    "runs": QuerySpec("runs", ("id", "started_at", "finished_at", "status",
                               "eventwire_version", "summary"),
                      "id DESC", doc=None, type="status", run="id"),
}
