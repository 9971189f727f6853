"""What commands share: settings, the store and map they act on, progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..map.loader import load_map
from ..map.models import JourneyMap
from ..settings import Settings, load_settings
from ..store import Store

__all__ = [
    "open_store",
    "out",
    "progress_bar",
    "resolve_map",
    "settings",
    "store_path",
    "writable_store",
]

out = Console(highlight=False, soft_wrap=True)


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
