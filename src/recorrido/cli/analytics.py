"""``recorrido funnel|transitions|paths|retention SOURCE``: the journey analytics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.csv as pa_csv
import typer
from rich.table import Table

from ..errors import UsageError
from ..results import Result
from .app import app
from .context import BACKEND, open_journey, out

__all__: list[str] = []

SOURCE = typer.Argument(
    None,
    help="A store (.duckdb) or an events file read directly [default: the configured store]; "
    "with --backend, an events table or Parquet file there.",
)
MAP = typer.Option(None, "--map", "-m", help="Journey map (default: journey.yaml by the source).")
LEVEL = typer.Option("event", "--level", help="Steps are: event, touchpoint or stage.")
UNIT = typer.Option("person", "--unit", help="Unit of analysis: person or session.")
GAP = typer.Option("30m", "--session-gap", help="Sessions end after this much inactivity.")
JSON = typer.Option(False, "--json", help="Print JSON.")
CSV = typer.Option(None, "--csv", help="Also write the table to this CSV file.")


def _show(result: Result, as_json: bool, csv: Path | None, title: str) -> None:
    if csv is not None:
        pa_csv.write_csv(result.to_arrow(), csv)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    for warning in result.warnings:
        out.print(f"warning: {warning}", markup=False)
    table = Table(title=title, title_justify="left", show_edge=False)
    columns = result.to_arrow().column_names
    for column in columns:
        table.add_column(column, justify="left" if column in _TEXT else "right")
    for row in result.rows():
        table.add_row(*[_cell(column, row.get(column)) for column in columns])
    out.print(table)
    if csv is not None:
        out.print(f"wrote {csv}")


_TEXT = (
    {"name", "source", "target", "label", "breakdown", "kind"}
    | {"step", "stage", "persona", "channel", "unit", "route", "steps"}
    | {"outcome", "first_touch", "last_touch"}
    | {f"step_{i}" for i in range(1, 21)}
)


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if "conversion" in column or "rate" in column or "share" in column:
            return f"{value:.1%}"
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@app.command()
def funnel(
    source: Path | None = SOURCE,
    steps: str = typer.Option(..., "--steps", help="Comma-separated steps, in order."),
    mode: str = typer.Option("ordered", "--mode", help="ordered, strict or any."),
    window: str | None = typer.Option(None, "--window", help="Conversion window: 30m, 7d…"),
    open_funnel: bool = typer.Option(False, "--open", help="Enter at any step, then in order."),
    optional: str = typer.Option(
        "", "--optional", help="Comma-separated steps that may be skipped."
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="LABEL:A-B: drop units doing LABEL between steps A and B."
    ),
    hold: str | None = typer.Option(
        None, "--hold", help="A property that must stay the same across steps (e.g. cart_id)."
    ),
    breakdown: str | None = typer.Option(
        None,
        "--breakdown",
        help="channel, first_touch, last_touch, persona or properties.<key>.",
    ),
    trend: str | None = typer.Option(
        None, "--trend", help="day or week: conversion per period of entry, latest vs previous."
    ),
    histogram: bool = typer.Option(
        False, "--histogram", help="Also count the times to convert in fixed bins."
    ),
    dropped: int | None = typer.Option(
        None, "--dropped", help="List the units that dropped at this step (1-based) instead."
    ),
    level: str = LEVEL,
    unit: str = UNIT,
    session_gap: str = GAP,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """The buyer-journey funnel: who reaches each step, conversion, drop-off, time."""
    options: dict[str, Any] = {
        "mode": mode,
        "window": window,
        "open": open_funnel,
        "optional": [s.strip() for s in optional.split(",") if s.strip()],
        "exclude": exclude,
        "hold": hold,
        "breakdown": breakdown,
        "level": level,
        "unit": unit,
        "session_gap": session_gap,
    }
    step_list = [s.strip() for s in steps.split(",") if s.strip()]
    if dropped is not None and (trend is not None or histogram):
        raise UsageError(
            "--dropped lists units; --trend and --histogram summarise the funnel: "
            "ask for them in separate commands",
            code="usage_dropped_extras",
        )
    with open_journey(source, map_file, backend) as journey:
        if dropped is not None:
            result = journey.dropped(step_list, dropped, **options)
        else:
            result = journey.funnel(step_list, **options, trend=trend, histogram=histogram)
    _show(result, as_json, csv, f"dropped at step {dropped}" if dropped else "funnel")
    if not as_json:
        _show_funnel_extras(result)


def _show_funnel_extras(result: Result) -> None:
    """The trend, the comparison (saying whether the change is significant) and the
    histogram of ``recorrido funnel``, as text."""
    if "trend" in result.extra:
        _print_rows("conversion by period of entry", result.extra["trend"])
        out.print(_comparison_text(result.extra["comparison"]), markup=False)
    if "histogram" in result.extra:
        _print_rows("time to convert", result.extra["histogram"])


def _print_rows(title: str, rows: list[dict[str, Any]]) -> None:
    table = Table(title=title, title_justify="left", show_edge=False)
    columns = list(rows[0]) if rows else []
    for column in columns:
        left = column in {"period", "bin"} or column in _TEXT
        table.add_column(column, justify="left" if left else "right")
    for row in rows:
        table.add_row(*[_cell(column, row.get(column)) for column in columns])
    out.print(table)


def _comparison_text(comparison: dict[str, Any] | None) -> str:
    if comparison is None:
        return "no unit entered the funnel: nothing to compare"
    latest, previous = comparison["latest"], comparison["previous"]
    partial = " (partial: the data end before this period ends)" if comparison["partial"] else ""
    head = (
        f"period {latest['period']}{partial} against {previous['period']}: "
        f"conversion {_cell('conversion', latest['conversion']) or 'n/a'} "
        f"({latest['converted']:,} of {latest['entered']:,}) against "
        f"{_cell('conversion', previous['conversion']) or 'n/a'} "
        f"({previous['converted']:,} of {previous['entered']:,})"
    )
    if comparison["difference_pp"] is None:
        return f"{head}; a period without units: no difference to test"
    interval = comparison["ci95_pp"]
    shown = f", 95% CI {interval[0]:+.1f} to {interval[1]:+.1f} pp" if interval is not None else ""
    change = f"{head}; difference {comparison['difference_pp']:+.1f} pp{shown}"
    if comparison["p_value"] is None:
        return f"{change}; no test possible (no conversions, or only conversions, in both)"
    verdict = "significant" if comparison["significant"] else "not significant"
    return f"{change}, p = {comparison['p_value']:.3g}: the change is {verdict} at the 5% level"


@app.command()
def transitions(
    source: Path | None = SOURCE,
    collapse: bool = typer.Option(False, "--collapse", help="Drop consecutive repeats first."),
    level: str = LEVEL,
    unit: str = UNIT,
    session_gap: str = GAP,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """The directly-follows graph: transitions between steps, people, shares and times."""
    with open_journey(source, map_file, backend) as journey:
        result = journey.transitions(
            collapse=collapse, level=level, unit=unit, session_gap=session_gap
        )
    _show(result, as_json, csv, "transitions")


@app.command()
def paths(
    source: Path | None = SOURCE,
    length: int = typer.Option(3, "--length", help="Steps per path."),
    start: str | None = typer.Option(None, "--start", help="Paths from this step."),
    end: str | None = typer.Option(None, "--end", help="Paths to this step."),
    before: str | None = typer.Option(None, "--before", help="The steps before this step."),
    after_last: str | None = typer.Option(
        None, "--after-last", help="The steps after the last time a unit did this step."
    ),
    keep_repeats: bool = typer.Option(False, "--keep-repeats", help="Do not collapse repeats."),
    min_share: float | None = typer.Option(
        None, "--min-share", help="Group steps rarer than this share as 'other'."
    ),
    top: int = typer.Option(20, "--top", help="How many paths (per outcome with --funnel)."),
    flows: bool = typer.Option(
        False, "--flows", help="Also the Sankey links between consecutive steps (--json)."
    ),
    funnel: str | None = typer.Option(
        None, "--funnel", help="Comma-separated funnel steps: paths of converted vs dropped."
    ),
    dropped_at: int | None = typer.Option(
        None, "--dropped-at", help="With --funnel: where units that dropped at this step went."
    ),
    level: str = LEVEL,
    unit: str = UNIT,
    session_gap: str = GAP,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """The customer journey: the most frequent paths people really take."""
    with open_journey(source, map_file, backend) as journey:
        result = journey.paths(
            length=length,
            start=start,
            end=end,
            before=before,
            after_last=after_last,
            collapse=not keep_repeats,
            min_share=min_share,
            top=top,
            flows=flows,
            funnel=funnel,
            dropped_at=dropped_at,
            level=level,
            unit=unit,
            session_gap=session_gap,
        )
    _show(result, as_json, csv, "paths")
    if flows and not as_json:
        _print_rows("flows (Sankey links)", result.extra["flows"])


@app.command()
def retention(
    source: Path | None = SOURCE,
    period: str = typer.Option("week", "--period", help="day or week (fixed lengths)."),
    periods: int = typer.Option(8, "--periods", help="How many periods after the cohort's."),
    start: str | None = typer.Option(None, "--start", help="Cohort event (default: any)."),
    returning: str | None = typer.Option(None, "--return", help="Return event (default: any)."),
    mode: str = typer.Option("first_time", "--mode", help="first_time or recurring."),
    breakdown: str | None = typer.Option(
        None, "--breakdown", help="channel, persona or properties.<key> of the cohort entry."
    ),
    level: str = LEVEL,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """Retention by cohort: who comes back, period after period."""
    with open_journey(source, map_file, backend) as journey:
        result = journey.retention(
            period=period,
            periods=periods,
            start=start,
            returning=returning,
            mode=mode,
            breakdown=breakdown,
            level=level,
        )
    _show(result, as_json, csv, "retention")


@app.command()
def conformance(
    source: Path | None = SOURCE,
    by: str | None = typer.Option(
        None, "--by", help="Deviations per stage, persona, channel (first touch) or unit."
    ),
    unit: str = UNIT,
    session_gap: str = GAP,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """The designed buyer journey against reality: fitness, skips, backward moves, loops."""
    with open_journey(source, map_file, backend) as journey:
        result = journey.conformance(by=by, unit=unit, session_gap=session_gap)
    if not as_json:
        summary = result.extra["summary"]
        units = summary["units"] or 0
        out.print(
            f"designed journey: {' → '.join(result.extra['order'])}\n"
            f"units with a designed step: {units:,}; mean fitness "
            f"{(summary['mean_fitness'] or 0):.1%}; fully in order: {summary['conforming']:,} "
            f"({summary['conforming'] / units if units else 0:.1%})"
        )
        for step in result.extra["steps"]:
            out.print(f"  reached {step['label']}: {step['units']:,}")
        deviations = result.extra["deviations"]
        out.print(
            "deviations: "
            + "; ".join(
                f"{kind.replace('_', ' ')} {d['deviations']:,} ({d['units']:,} units)"
                for kind, d in deviations.items()
            ),
            markup=False,
        )
    _show(result, as_json, csv, f"conformance by {by}" if by else "moves between designed steps")


@app.command()
def routes(
    source: Path | None = SOURCE,
    route: str = typer.Option("", "--route", help="Comma-separated route ids [default: all]."),
    unit: str = UNIT,
    session_gap: str = GAP,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """The map's routes (informative, direct purchase, support…): who took each, who converted."""
    chosen = [r.strip() for r in route.split(",") if r.strip()]
    with open_journey(source, map_file, backend) as journey:
        result = journey.routes(chosen, unit=unit, session_gap=session_gap)
    if not as_json:
        target = result.extra["conversion"]
        out.print(
            f"units with a touchpoint: {result.extra['units']:,}"
            + (f"; conversion: {target}" if target else "")
        )
    _show(result, as_json, csv, "routes")


@app.command()
def variants(
    source: Path | None = SOURCE,
    max_length: int = typer.Option(20, "--max-length", help="Longer journeys are truncated."),
    keep_repeats: bool = typer.Option(False, "--keep-repeats", help="Do not collapse repeats."),
    top: int = typer.Option(20, "--top", help="How many variants."),
    level: str = LEVEL,
    unit: str = UNIT,
    session_gap: str = GAP,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """Distinct whole journeys (variants), most frequent first."""
    with open_journey(source, map_file, backend) as journey:
        result = journey.variants(
            max_length=max_length,
            collapse=not keep_repeats,
            top=top,
            level=level,
            unit=unit,
            session_gap=session_gap,
        )
    _show(result, as_json, csv, "variants")


@app.command()
def loyalty(
    source: Path | None = SOURCE,
    purchase: str = typer.Option(..., "--purchase", help="The step that is a purchase."),
    period: str = typer.Option("week", "--period", help="day or week (fixed lengths)."),
    level: str = LEVEL,
    map_file: Path | None = MAP,
    backend: str | None = BACKEND,
    as_json: bool = JSON,
    csv: Path | None = CSV,
) -> None:
    """Repeat purchases, time between purchases, and new/returning/resurrecting/dormant units."""
    with open_journey(source, map_file, backend) as journey:
        result = journey.loyalty(purchase, period=period, level=level)
    if not as_json:
        repeat = result.extra["repeat_purchases"]
        out.print(
            f"purchasers {repeat.get('purchasers') or 0:,}; repeat purchasers "
            f"{repeat.get('repeat_purchasers') or 0:,} ({(repeat.get('repeat_rate') or 0):.1%}); "
            f"median days between purchases {_cell('days', repeat.get('median_days_between'))}"
        )
    _show(result, as_json, csv, "lifecycle")
