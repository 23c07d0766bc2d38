"""``eventwire gazetteer``: what the offline gazetteer holds, lookups, GeoNames dump imports."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import fail
from eventwire.errors import EventwireError

DUMPS_HELP = ("GeoNames dumps: SY.txt, cities500.txt, allCountries.txt (or .zip), "
              "admin1CodesASCII.txt")
INDEX_HELP = "Read this index file instead of the default ones."

sub = typer.Typer(help="The offline GeoNames gazetteer: info, lookups, imports of GeoNames dumps.",
                  no_args_is_help=True)


def _gazetteer(index: Path | None):  # noqa: ANN202 - a Gazetteer, imported lazily
    from eventwire.resolve.gazetteer import Gazetteer, load_default

    return Gazetteer([index]) if index is not None else load_default()


@sub.command("info")
def info_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    index: Annotated[Path | None, typer.Option(help=INDEX_HELP)] = None,
) -> None:
    """Where the gazetteer indexes are, what they were built from, how many places they hold."""
    try:
        details = _gazetteer(index).info()
    except EventwireError as e:
        fail(e)
    if as_json:
        typer.echo(json.dumps(details, indent=2, ensure_ascii=False))
        return
    for d in details:
        typer.echo(f"index: {d['path']}")
        for key, value in dict(d["meta"]).items():
            typer.echo(f"  {key}: {value}")
        for key, value in dict(d["counts"]).items():
            typer.echo(f"  {key}: {value:,}")
        classes = ", ".join(f"{k} {v:,}" for k, v in sorted(dict(d["feature_classes"]).items()))
        typer.echo(f"  feature classes: {classes}")


@sub.command("lookup")
def lookup_command(
    name: Annotated[str, typer.Argument(help="A place name, any spelling.")],
    limit: Annotated[int, typer.Option(help="Show at most this many entries.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
    index: Annotated[Path | None, typer.Option(help=INDEX_HELP)] = None,
) -> None:
    """Entries a name can mean, most populous first (exit 1 when there is none)."""
    try:
        gaz = _gazetteer(index)
        match = gaz.lookup(name)
        rows = [dict(asdict(e), admin1_name=gaz.admin1_name(e.admin1_code), loose=match.loose)
                for e in match.entries[:limit]]
    except EventwireError as e:
        fail(e)
    if not rows:
        fail(f"{name!r}: not in the gazetteer")
    for r in rows:
        if as_json:
            typer.echo(json.dumps(r, ensure_ascii=False))
        else:
            typer.echo(f"{r['geonameid']:>10}  {r['name']}  {r['feature_code']}  "
                       f"{r['country_code'] or '-'}  {r['admin1_name'] or '-'}  "
                       f"({r['lat']:.4f}, {r['lon']:.4f})  pop {r['population']:,}"
                       + ("  [loose match]" if r["loose"] else ""))


@sub.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help=DUMPS_HELP)],
    index: Annotated[Path | None, typer.Option(help="Index to write (default: the user's "
                                                    "imported index beside the store).")] = None,
) -> None:
    """Import official GeoNames dumps (streamed, resumable).

    Malformed lines are listed with their line numbers and the exit status is 2.
    """
    from rich.progress import Progress

    from eventwire.resolve.gazetteer import imported_index_path
    from eventwire.resolve.gazetteer.dumps import import_file

    target = index or imported_index_path()
    bad = 0
    for path in files:
        with Progress(transient=True) as bar:
            task = bar.add_task(path.name, total=None)
            try:
                report = import_file(path, target, progress=lambda done, total, t=task:
                                     bar.update(t, completed=done, total=total))
            except EventwireError as e:
                fail(e)
        if report.already_done:
            typer.echo(f"{path}: already imported")
            continue
        resumed = f", resumed after line {report.resumed_at:,}" if report.resumed_at else ""
        typer.echo(f"{path}: {report.rows:,} {report.kind} rows{resumed}; "
                   f"{len(report.malformed)} malformed lines")
        for m in report.malformed:
            typer.echo(f"  {path}, line {m.line}: {m.reason}", err=True)
        bad += len(report.malformed)
    typer.echo(f"index: {target}")
    if bad:
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.add_typer(sub, name="gazetteer")
