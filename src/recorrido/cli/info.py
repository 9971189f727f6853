"""``recorrido info``: what a store holds and how the map covers it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from ..store.summary import StoreSummary, summarize
from .app import app
from .context import open_store, out, resolve_map, store_path

__all__: list[str] = []


@app.command()
def info(
    store: Path | None = typer.Option(
        None, "--store", "-s", help="Store file [env RECORRIDO_STORE]."
    ),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    top: int = typer.Option(10, "--top", min=1, help="How many event names to list."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Counts, date range, people, channels, and events not mapped to any touchpoint."""
    path = store_path(store)
    journey = resolve_map(map_file, path)
    with open_store(path) as opened:
        summary = summarize(opened, journey, top=top)
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
        return
    show(summary)


def _table(title: str, rows: list[tuple[str, int]], total: int | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column("name")
    table.add_column("count", justify="right")
    if total:
        table.add_column("share", justify="right")
    for name, count in rows:
        cells = [name, f"{count:,}"] + ([f"{count / total:.1%}"] if total else [])
        table.add_row(*cells)
    return table


def show(summary: StoreSummary) -> None:
    """Print a summary as text and tables."""
    out.print(f"[bold]{summary.path}[/bold] (store schema {summary.schema_version})")
    out.print(
        f"events {summary.events:,} · feedback answers {summary.feedback:,} · people "
        f"{summary.people:,} · identity links {summary.identities:,}"
    )
    if summary.events:
        out.print(
            f"journeys (people after identity stitching) {summary.journeys:,}, of which "
            f"{summary.anonymous_journeys:,} still anonymous"
        )
        out.print(f"from {summary.first_event} to {summary.last_event} UTC")
        out.print(_table("channels", summary.channels, summary.events))
        out.print(_table(f"top {len(summary.top_events)} events", summary.top_events))
    if summary.feedback_metrics:
        out.print(_table("feedback by metric", summary.feedback_metrics))
    if summary.mapped_events is not None:
        share = summary.mapped_events / summary.events if summary.events else 0
        out.print(
            f"events mapped to a touchpoint: {summary.mapped_events:,} ({share:.1%}); "
            f"not mapped: {summary.events - summary.mapped_events:,}"
        )
        if summary.unmapped:
            out.print(_table("most frequent unmapped events", summary.unmapped))
        out.print(_table("touchpoints", summary.touchpoints))
    if summary.personas:
        out.print(_table("personas", summary.personas, summary.people))
    for note in summary.notes:
        out.print(f"note: {note}")
    if not summary.events and not summary.feedback and not summary.people:
        out.print("the store is empty: add data with `recorrido ingest events FILE`")
