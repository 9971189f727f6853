"""``recorrido ingest events|feedback|people FILE``: load data files into the store."""

from __future__ import annotations

from pathlib import Path

import typer

from ..ingest.events import ingest_events
from ..ingest.feedback import ingest_feedback, parse_scale
from ..ingest.people import ingest_people
from ..ingest.pipeline import IngestReport
from ..map.models import JourneyMap
from .app import app
from .context import out, progress_bar, resolve_map, settings, store_path, writable_store

__all__: list[str] = []

ingest_app = typer.Typer(
    help="Load events, feedback or people files into the store.", no_args_is_help=True
)
app.add_typer(ingest_app, name="ingest")

STORE = typer.Option(None, "--store", "-s", help="Store file [env RECORRIDO_STORE].")
MAP = typer.Option(None, "--map", "-m", help="Journey map (default: journey.yaml by the store).")
COLUMN = typer.Option(
    [], "--column", "-c", help="Say which column plays a role: ROLE=COLUMN (repeatable)."
)
TIMEZONE = typer.Option(
    None, "--timezone", help="Zone of naive times (default: the map's, else UTC)."
)
TIME_FORMAT = typer.Option(
    None, "--time-format", help="strptime format of the time column, e.g. '%d/%m/%Y %H:%M'."
)
REJECTED = typer.Option(
    None, "--rejected", help="Where to write rejected rows (default: FILE.rejected.csv)."
)
MAX_REJECTED = typer.Option(
    0.5, "--max-rejected", min=0.0, max=1.0, help="Store nothing if more rows are rejected."
)
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")


def _zone(given: str | None, journey: JourneyMap | None) -> tuple[str, bool]:
    configured = given or settings().timezone
    if configured:
        return configured, True
    return (journey.meta.timezone if journey else "UTC"), False


def _print(report: IngestReport) -> None:
    detected = ", ".join(f"{role}={column}" for role, column in report.columns.items())
    out.print(f"read {report.source} as {report.file_format}: {detected}")
    if report.properties and report.kind != "people":
        shown = ", ".join(report.properties[:12]) + (" …" if len(report.properties) > 12 else "")
        out.print(f"properties: {shown}")
    if report.time:
        out.print(f"time: {report.time}; stored in UTC")
    for note in report.notes:
        out.print(note)
    out.print(report.summary() + f" in {report.seconds:.1f} s")
    if report.previous_ingestion is not None:
        out.print(f"this file was ingested before (ingestion #{report.previous_ingestion})")
    if report.rejected_file is not None:
        out.print(f"rejected rows and reasons: {report.rejected_file}")


@ingest_app.command("events")
def events(
    file: Path = typer.Argument(..., help="CSV/TSV, Parquet or JSON Lines, optionally .gz."),
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    column: list[str] = COLUMN,
    timezone: str | None = TIMEZONE,
    time_format: str | None = TIME_FORMAT,
    rejected: Path | None = REJECTED,
    max_rejected: float = MAX_REJECTED,
    quiet: bool = QUIET,
) -> None:
    """Ingest behavioural events (who, when, what, where)."""
    path = store_path(store)
    journey = resolve_map(map_file, path)
    zone, explicit = _zone(timezone, journey)
    with writable_store(path) as opened, progress_bar(not quiet) as progress:
        report = ingest_events(
            opened,
            file,
            columns=column,
            timezone=zone,
            timezone_explicit=explicit,
            time_format=time_format,
            rejected_path=rejected,
            max_rejected=max_rejected,
            progress=progress,
        )
    _print(report)


@ingest_app.command("feedback")
def feedback(
    file: Path = typer.Argument(..., help="Survey answers: CSV/TSV, Parquet or JSON Lines."),
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    column: list[str] = COLUMN,
    scale: list[str] = typer.Option(
        [], "--scale", help="A metric's scale: METRIC=LOW-HIGH, e.g. rating=1-10 (repeatable)."
    ),
    timezone: str | None = TIMEZONE,
    time_format: str | None = TIME_FORMAT,
    rejected: Path | None = REJECTED,
    max_rejected: float = MAX_REJECTED,
    quiet: bool = QUIET,
) -> None:
    """Ingest survey answers (NPS, CSAT, CES, ratings) and comments."""
    path = store_path(store)
    journey = resolve_map(map_file, path)
    zone, explicit = _zone(timezone, journey)
    scales = dict(parse_scale(item) for item in scale)
    with writable_store(path) as opened, progress_bar(not quiet) as progress:
        report = ingest_feedback(
            opened,
            file,
            journey=journey,
            columns=column,
            scales=scales,
            timezone=zone,
            timezone_explicit=explicit,
            time_format=time_format,
            rejected_path=rejected,
            max_rejected=max_rejected,
            progress=progress,
        )
    _print(report)


@ingest_app.command("people")
def people(
    file: Path = typer.Argument(..., help="One row per person; other columns are attributes."),
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    column: list[str] = COLUMN,
    rejected: Path | None = REJECTED,
    max_rejected: float = MAX_REJECTED,
    quiet: bool = QUIET,
) -> None:
    """Ingest people and their attributes (segment, city, lifetime value…)."""
    path = store_path(store)
    journey = resolve_map(map_file, path)
    declared = {n: a.type.value for n, a in journey.attributes.items()} if journey else None
    with writable_store(path) as opened, progress_bar(not quiet) as progress:
        report = ingest_people(
            opened,
            file,
            columns=column,
            declared=declared,
            rejected_path=rejected,
            max_rejected=max_rejected,
            progress=progress,
        )
    _print(report)
