"""The store: one Store protocol, the embedded DuckDB backend, versioned SQL migrations.

``store`` knows only ``records``: it takes Extractions and Failures and gives
back dicts (and rebuilt typed records), so any backend can follow the protocol.
"""

from eventwire.store.base import KINDS, RECORD_KINDS, Store
from eventwire.store.batch import BatchSummary, store_results
from eventwire.store.duckdb import SCHEMA_VERSION, DuckDBStore

__all__ = [
    "KINDS",
    "RECORD_KINDS",
    "SCHEMA_VERSION",
    "BatchSummary",
    "DuckDBStore",
    "Store",
    "store_results",
]
