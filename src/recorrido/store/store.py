"""The embedded store: one DuckDB file with versioned tables (see :mod:`.schema`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Self

import duckdb
import ibis

from .._closing import Closing
from .._version import __version__
from ..errors import StoreError
from .schema import FORMAT_NAME, MIGRATIONS, SCHEMA_VERSION, TABLES
from .sql import first

__all__ = ["Store"]


class Store(Closing):
    """An open Recorrido store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path, connection: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self.connection = connection
        self._ibis: Any = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        read_only: bool = False,
        memory_limit: str = "3GB",
        threads: int | None = None,
    ) -> Self:
        """Open the store at ``path``; with ``create``, make it if it does not exist.

        Opening migrates an older schema (unless ``read_only``); a store written by a newer
        Recorrido, a DuckDB file that is not a Recorrido store, or any other file is a
        :class:`StoreError`, and the file is left untouched.
        """
        file = Path(path)
        exists = file.exists()
        if not exists and not create:
            raise StoreError(
                f"{file}: store not found; ingest data into it first "
                f"(recorrido ingest events FILE --store {file}) or check the path",
                code="store_not_found",
            )
        if exists and file.is_dir():
            raise StoreError(f"{file}: is a directory, not a store file", code="store_invalid")
        if exists and file.stat().st_size > 0 and not looks_like_duckdb(file):
            raise StoreError(
                f"{file}: not a Recorrido store (not a DuckDB database file); "
                "pass the .duckdb file written by `recorrido ingest`",
                code="store_invalid",
            )
        if not exists:
            file.parent.mkdir(parents=True, exist_ok=True)
        config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": memory_limit}
        if threads:
            config["threads"] = threads
        try:
            connection = duckdb.connect(str(file), read_only=read_only and exists, config=config)
        except duckdb.IOException as error:
            text = str(error)
            if "lock" in text.lower():
                raise StoreError(
                    f"{file}: the store is in use by another process; close it and retry",
                    code="store_locked",
                ) from None
            raise StoreError(
                f"{file}: cannot open the store: {text}", code="store_invalid"
            ) from None
        except duckdb.Error as error:
            raise StoreError(
                f"{file}: cannot open the store: {error}", code="store_invalid"
            ) from None
        # DuckDB prints a progress bar on stdout for queries over 2 s (into JSON output)
        connection.execute("SET enable_progress_bar = false")
        store = cls(file, connection)
        try:
            store._prepare(writable=not read_only)
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self, *, writable: bool) -> None:
        version = self.schema_version()
        if version is None:
            others = first(
                self.connection.execute(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'"
                ).fetchall()
            )
            if others and others[0]:
                raise StoreError(
                    f"{self.path}: a DuckDB database but not a Recorrido store "
                    "(no recorrido_meta table); use a new file for the store",
                    code="store_invalid",
                )
            version = 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Recorrido (store schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}); upgrade: pip install -U recorrido",
                code="store_too_new",
            )
        if version < SCHEMA_VERSION:
            if writable:
                self._migrate(version)
            elif version == 0:
                raise StoreError(
                    f"{self.path}: store schema {version} needs migrating to {SCHEMA_VERSION}; "
                    "open it once without read-only (e.g. recorrido info)",
                    code="store_needs_migration",
                )
            # Read-only, an older schema is read as it is: its tables are a subset of the
            # current ones, and whatever needs the newer tables opens the store writable.

    def _migrate(self, version: int) -> None:
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            for steps in MIGRATIONS[version:]:
                for statement in steps:
                    con.execute(statement)
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")
            values = {
                "format": FORMAT_NAME,
                "schema_version": str(SCHEMA_VERSION),
                "written_by": __version__,
            }
            if version == 0:
                values["created_at"] = now
            for key, value in values.items():
                con.execute("INSERT OR REPLACE INTO recorrido_meta VALUES (?, ?)", [key, value])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def schema_version(self) -> int | None:
        """The store's schema version, or ``None`` for a database with no Recorrido tables."""
        try:
            row = first(
                self.connection.execute(
                    "SELECT value FROM recorrido_meta WHERE key = 'schema_version'"
                ).fetchall()
            )
        except duckdb.CatalogException:
            return None
        if row is None:
            return None
        try:
            return int(row[0])
        except ValueError:
            raise StoreError(
                f"{self.path}: recorrido_meta.schema_version is {row[0]!r}, not a number",
                code="store_invalid",
            ) from None

    @property
    def ibis(self) -> Any:
        """An Ibis DuckDB backend over this store's connection."""
        if self._ibis is None:
            self._ibis = ibis.duckdb.from_connection(self.connection)
        return self._ibis

    def table(self, name: str) -> Any:
        """One of the store's tables as an Ibis table expression."""
        if name not in TABLES:
            raise StoreError(f"unknown table '{name}' (tables: {', '.join(TABLES)})")
        return self.ibis.table(name)

    def count(self, name: str) -> int:
        """Rows in one of the store's tables."""
        return int(self.table(name).count().execute())

    def close(self) -> None:
        self.connection.close()


def looks_like_duckdb(file: Path) -> bool:
    """DuckDB files carry the magic bytes ``DUCK`` at offset 8."""
    with file.open("rb") as handle:
        header = handle.read(16)
    return header[8:12] == b"DUCK"
