"""``recorrido sample DIR``: build the sample world (Café Altura) into a store and show it."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from ..datasets import generate, write
from ..ingest.events import ingest_events
from ..ingest.feedback import ingest_feedback
from ..ingest.people import ingest_people
from ..map.loader import load_map
from ..store.summary import summarize
from .app import app
from .context import out, progress_bar, writable_store
from .info import show

__all__: list[str] = []


@app.command()
def sample(
    directory: Path = typer.Argument(Path("demo"), help="Folder for the files and the store."),
    people: int = typer.Option(5000, "--people", min=50, help="How many people to simulate."),
    seed: int = typer.Option(7, "--seed", help="Random seed: same seed, same world."),
    force: bool = typer.Option(False, "--force", help="Delete an existing store there first."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Simulate the sample business and ingest it: journey.yaml, events, people, feedback."""
    store_file = directory / "recorrido.duckdb"
    if force and store_file.exists():
        store_file.unlink()
        shutil.rmtree(directory / "recorrido.duckdb.tmp", ignore_errors=True)
    out.print(f"simulating {people:,} people (seed {seed})…")
    files = write(generate(people=people, seed=seed), directory)
    journey = load_map(files.journey)
    zone = journey.meta.timezone
    declared = {name: attr.type.value for name, attr in journey.attributes.items()}
    with writable_store(store_file) as store, progress_bar(not quiet) as progress:
        for report in (
            ingest_people(store, files.people, declared=declared, progress=progress),
            ingest_events(store, files.events, timezone=zone, progress=progress),
            ingest_feedback(
                store, files.feedback, journey=journey, timezone=zone, progress=progress
            ),
        ):
            out.print(f"{report.kind}: {report.summary()} in {report.seconds:.1f} s")
        summary = summarize(store, journey)
    show(summary)
    out.print(f"\nthe sample world is in {directory}/ (map: {files.journey}, store: {store_file})")
