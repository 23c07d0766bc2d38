"""The ``eventwire`` command: a thin Typer layer over plain library functions.

Each command lives in its own module and only parses arguments, calls the
library and prints. Errors from the library arrive as coded EventwireErrors
and leave with a message naming the input and a non-zero exit.
"""

from __future__ import annotations

import logging

import typer

from eventwire.cli import evaluate, extract, gazetteer, info, ingest, query, schema, show

app = typer.Typer(
    name="eventwire",
    help="News articles to event data: events, places, quotes and counts with their evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the library does."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


for module in (extract, schema, ingest, show, query, info, evaluate, gazetteer):
    module.register(app)


def main() -> None:
    app()
