"""What the commands share: printing errors the same way, common options, notices."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import NoReturn, TypeVar

import typer

from eventwire.errors import EventwireError
from eventwire.records import Failure

T = TypeVar("T")

GAZETTEER_NOTICE = ("eventwire: compiling the gazetteer index into {path} before the first "
                    "article (once per installed version, about half a minute)...")


def fail(error: EventwireError | str, code: int = 1) -> NoReturn:
    """Print ``error`` to stderr and leave with a non-zero exit."""
    typer.echo(f"eventwire: error: {error}", err=True)
    raise typer.Exit(code)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def _stderr(message: str) -> None:
    typer.echo(message, err=True)


def gazetteer_is_built() -> bool:
    """Whether the default gazetteer index is already compiled in the cache."""
    from eventwire.resolve.gazetteer import default_index_path

    return default_index_path().is_file()


def gazetteer_index_path() -> str:
    from eventwire.resolve.gazetteer import default_index_path

    return str(default_index_path())


def notice_gazetteer_build(items: Iterable[T], *, echo: Callable[[str], None] = _stderr,
                           is_built: Callable[[], bool] | None = None) -> Iterator[T]:
    """``items`` unchanged, with a one-line notice before the first article if the
    gazetteer index is still to be compiled.

    The library compiles it silently on first use (about half a minute of CPU); the
    user should know why the first article is slow. Inputs that failed to read pass
    first without a notice: a batch of only bad files compiles nothing.

    Args:
        items: Documents and Failures, as ``read_inputs`` gives them.
        echo: where the notice goes (stderr by default; the ingest progress console).
        is_built: the check (default :func:`gazetteer_is_built`), looked up when the
            first article arrives.
    """
    pending = True
    for item in items:
        if pending and not isinstance(item, Failure):
            pending = False
            if not (is_built or gazetteer_is_built)():
                echo(GAZETTEER_NOTICE.format(path=gazetteer_index_path()))
        yield item
