"""Places: (stub; its issue fills it). The contract: ``extract(ctx) -> tuple[...]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.extract.context import Context

VERSION = "places.stub.v0"


def extract(ctx: Context) -> tuple:
    return ()
