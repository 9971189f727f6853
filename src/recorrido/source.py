"""Where analytics read from: a store, or an events file read directly (nothing is kept).

An events file is ingested with the same column detection and time rules as
``recorrido ingest events`` into a temporary store that is deleted when the source closes;
its rejected rows are written to ``FILE.rejected.csv`` as ingestion does, so none is lost
silently.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ._closing import Closing
from .ingest.events import ingest_events
from .ingest.pipeline import IngestReport
from .store import Store
from .store.store import looks_like_duckdb

__all__ = ["Source", "open_source"]


class Source(Closing):
    """An open store, and the temporary folder to delete with it (for files read directly)."""

    def __init__(
        self, store: Store, temporary: Path | None = None, report: IngestReport | None = None
    ) -> None:
        self.store = store
        self.temporary = temporary
        self.report = report

    def close(self) -> None:
        self.store.close()
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)


def open_source(
    source: str | Path,
    *,
    columns: tuple[str, ...] = (),
    timezone: str = "UTC",
    timezone_explicit: bool = False,
    memory_limit: str = "4GB",
) -> Source:
    """A store file opened read-only, or an events file loaded into a temporary store."""
    path = Path(source)
    if path.suffix == ".duckdb" or (path.is_file() and looks_like_duckdb(path)):
        return Source(Store.open(path, read_only=True, memory_limit=memory_limit))
    folder = Path(tempfile.mkdtemp(prefix="recorrido-"))
    try:
        store = Store.open(folder / "source.duckdb", create=True, memory_limit=memory_limit)
        report = ingest_events(
            store,
            path,
            columns=columns,
            timezone=timezone,
            timezone_explicit=timezone_explicit,
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Source(store, folder, report)
