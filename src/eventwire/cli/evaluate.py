"""``eventwire evaluate``: score the pipeline on the shared gold data, with denominators."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import fail
from eventwire.errors import EventwireError
from eventwire.evaluate import (
    AreaResult,
    Check,
    DataPaths,
    EvaluationReport,
    EvaluatorResult,
    Score,
    check_floors,
    load_floors,
    run_evaluation,
    save_floors,
    update_floors,
)
from eventwire.evaluate.base import Average
from eventwire.evaluate.floors import FLOORS_PATH
from eventwire.evaluate.runner import needs_pipeline
from eventwire.run import Pipeline
from eventwire.run.resources import Resources, default_parse_cache

NAME_WIDTH = 28


def _ratio(hits: int, total: int) -> str:
    return f"{hits}/{total}=" + (f"{hits / total:.3f}" if total else "-")


def format_score(s: Score) -> str:
    """``people  found 6/6  P 6/7=0.857  F1 0.923``: every ratio with its denominator."""
    f1 = "-" if s.f1 is None else f"{s.f1:.3f}"
    found = f"found {s.found}/{s.required}"
    return (f"{s.name:<{NAME_WIDTH}} {found:<14} P {_ratio(s.correct, s.emitted):<12} "
            f"F1 {f1}")


def format_check(c: Check) -> str:
    return f"{c.name:<{NAME_WIDTH}} {_ratio(c.hits, c.total)}"


def format_average(a: Average) -> str:
    """``acled.weighted_f1  0.7904 over 829``: the mean with the weight it is taken over."""
    value = "-" if a.value is None else f"{a.value:.4f}"
    weight = f"{a.weight:g}"
    return f"{a.name:<{NAME_WIDTH}} {value} over {weight}"


def _print_area(area: AreaResult, show_misses: bool) -> None:
    typer.echo(f"  {area.area}")
    for s in area.scores:
        typer.echo(f"    {format_score(s)}")
    for c in area.checks:
        typer.echo(f"    {format_check(c)}")
    for a in area.averages:
        typer.echo(f"    {format_average(a)}")
    if show_misses:
        for m in area.misses:
            typer.echo(f"      - {m}")
    elif area.misses:
        typer.echo(f"      ({len(area.misses)} misses; --show-misses lists them)")


def _print_result(result: EvaluatorResult, show_misses: bool) -> None:
    if result.skipped:
        typer.echo(f"{result.name}: {result.skipped} — skipped")
        return
    docs = ", ".join(result.documents)
    typer.echo(f"{result.name}: {len(result.documents)} document(s) ({docs})")
    for area in result.areas:
        _print_area(area, show_misses)


def _write_report(report: EvaluationReport, path: Path | None) -> Path:
    if path is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = Path("reports") / f"evaluate-{stamp}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    return path


def _update(report: EvaluationReport, floors_path: Path, allow_lower: bool) -> bool:
    """Raise (or, if allowed, lower) the pinned floors; False if a lowering was refused."""
    floors, changes = update_floors(load_floors(floors_path), report, allow_lower=allow_lower)
    save_floors(floors, floors_path)
    for c in changes:
        old = "none" if c.old is None else f"{c.old:.4f}"
        state = "" if c.applied else "  REFUSED (lowering needs --allow-lower)"
        typer.echo(f"floor {c.evaluator}.{c.metric}: {old} -> {c.new:.4f}{state}")
    typer.echo(f"floors: {len(changes)} change(s) considered, written to {floors_path}")
    return all(c.applied for c in changes)


def _gate(report: EvaluationReport, floors_path: Path) -> bool:
    floors = load_floors(floors_path)
    failures = check_floors(report, floors)
    for f in failures:
        typer.echo(f"gate: FAIL {f}", err=True)
    pinned = sum(len(floors.get(r.name, {})) for r in report.results)
    typer.echo(f"gate: {'FAILED' if failures else 'ok'} ({len(failures)} of {pinned} floors "
               "broken)")
    return not failures


def evaluate(
    data: Annotated[str | None, typer.Option(
        "--data", help="Shared data folder (env EVENTWIRE_DATA; default ../shared/data).")] = None,
    seed: Annotated[str | None, typer.Option(
        "--seed", help="Seed gold folder (env EVENTWIRE_SEED; default ../shared/seed).")] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Run only this evaluator (repeatable).")] = None,
    report: Annotated[Path | None, typer.Option(
        "--report", help="JSON report path (default reports/evaluate-<timestamp>.json).")] = None,
    gate: Annotated[bool, typer.Option(
        "--gate", help="Exit non-zero if a floor is broken or gated data is missing.")] = False,
    update: Annotated[bool, typer.Option(
        "--update-floors", help="Raise the pinned floors to today's values.")] = False,
    allow_lower: Annotated[bool, typer.Option(
        "--allow-lower", help="With --update-floors: also lower floors.")] = False,
    floors: Annotated[Path, typer.Option("--floors", help="Floors file.")] = FLOORS_PATH,
    show_misses: Annotated[bool, typer.Option(
        "--show-misses", help="List what was missed.")] = False,
    parse_cache: Annotated[bool, typer.Option(
        "--parse-cache/--no-parse-cache",
        help="Reuse spaCy parses of gold texts from earlier runs (cache directory).")] = True,
) -> None:
    """Score the pipeline on the shared gold data; print precision/recall with denominators."""
    paths = DataPaths.resolve(data, seed)
    try:
        pipeline = None
        if needs_pipeline(only):  # evaluators of resources alone never load the model
            pipeline = Pipeline(resources=Resources(
                parse_cache=default_parse_cache() if parse_cache else None))
        result = run_evaluation(pipeline, paths, only=only)
    except ValueError as e:
        fail(str(e), 2)
    except EventwireError as e:
        fail(e)
    for r in result.results:
        _print_result(r, show_misses)
    typer.echo(f"report: {_write_report(result, report)}")
    ok = True
    if update:
        ok = _update(result, floors, allow_lower)
    if gate:
        ok = _gate(result, floors) and ok
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
