"""What commands share: settings, the store and map they act on, progress bars."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..backends import connect
from ..errors import UsageError
from ..journey import Journey
from ..map.loader import load_map
from ..map.models import JourneyMap
from ..settings import Settings, load_settings
from ..source import open_events
from ..store import Store

__all__ = [
    "BACKEND",
    "open_journey",
    "open_store",
    "out",
    "progress_bar",
    "resolve_map",
    "settings",
    "store_path",
    "writable_store",
]

out = Console(highlight=False, soft_wrap=True)

BACKEND = typer.Option(
    None,
    "--backend",
    help="Where to run: duckdb:///file.duckdb, pyspark or clickhouse[://user:pw@host:port/db]; "
    "SOURCE is then a table there or a Parquet file or directory [default: SOURCE on DuckDB].",
)


def settings() -> Settings:
    return load_settings()


def store_path(given: Path | None) -> Path:
    """``--store``, else ``RECORRIDO_STORE`` / recorrido.toml, else ./recorrido.duckdb."""
    return given or settings().store


def resolve_map(given: Path | None, store: Path | None = None) -> JourneyMap | None:
    """``--map``, else the configured map, else ``journey.yaml`` beside the store, else none."""
    path = given or settings().map
    if path is None and store is not None and (store.parent / "journey.yaml").is_file():
        path = store.parent / "journey.yaml"
    return load_map(path) if path is not None else None


def open_store(path: Path, *, create: bool = False, read_only: bool = False) -> Store:
    config = settings()
    return Store.open(
        path,
        create=create,
        read_only=read_only,
        memory_limit=config.memory_limit,
        threads=config.threads,
    )


@contextmanager
def writable_store(path: Path) -> Iterator[Store]:
    """Open (or create) the store for writing; a store created here is removed on failure."""
    existed = path.exists()
    store = open_store(path, create=True)
    try:
        yield store
    except BaseException:
        store.close()
        if not existed:
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)
        raise
    store.close()


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Callable[[str, float], None] | None]:
    """A Rich progress bar fed by ``(step, percent)`` calls; ``None`` when disabled."""
    if not enabled or not Console(stderr=True).is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
    )  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(step: str, percent: float) -> None:
            if step not in tasks:
                tasks[step] = int(bar.add_task(step, total=100))
            bar.update(tasks[step], completed=percent)  # type: ignore[arg-type]

        yield update


@contextmanager
def open_journey(
    source: Path | None, map_file: Path | None, backend: str | None = None
) -> Iterator[Journey]:
    """The journey of SOURCE: a store or events file, or with ``--backend`` a table or Parquet
    files on that backend (see :func:`recorrido.source.open_events`); closed on exit."""
    if backend is None:
        path = source or settings().store
        with Journey(path, map=resolve_map(map_file, path)) as journey:
            report = journey._source.report if journey._source is not None else None
            if report is not None and report.rejected:
                Console(stderr=True, highlight=False, soft_wrap=True).print(
                    f"warning: {report.rejected:,} rows of {path} rejected; reasons in "
                    f"{report.rejected_file}",
                    markup=False,
                )
            yield journey
        return
    if source is None:
        raise UsageError(
            "--backend needs SOURCE: an events table there or a Parquet file or directory",
            code="usage_needs_source",
        )
    engine = connect(backend)
    try:
        events, identities = open_events(engine, _location(source))
        journey_map = resolve_map(map_file, source)
        with Journey.from_table(
            events, journey_map, backend=engine, identities=identities
        ) as journey:
            yield journey
    finally:
        engine.close()


def _location(source: Path) -> str:
    """SOURCE as typed: a path collapses ``s3://bucket`` to ``s3:/bucket``; restore it."""
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.-]+):/(?=[^/])", r"\1://", str(source))
