"""DuckDB, the default backend: in memory, a ``.duckdb`` file, or the store's own connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import ibis
import pyarrow as pa
import sqlglot as sg
from ibis.common.exceptions import TableNotFound

from .base import conform, unknown_table

__all__ = ["DuckDBBackend"]


class DuckDBBackend:
    """Runs expressions with Ibis's DuckDB backend."""

    name = "duckdb"

    def __init__(self, con: Any, *, owned: bool = True) -> None:
        self.con = con
        """The Ibis DuckDB connection."""
        self._owned = owned

    @classmethod
    def open(cls, path: str | None = None) -> DuckDBBackend:
        """A new connection to ``path`` (a ``.duckdb`` file), in memory when ``None``."""
        con = ibis.duckdb.connect(path or ":memory:")
        # DuckDB prints a progress bar on stdout for queries over 2 s (into JSON output)
        con.raw_sql("SET enable_progress_bar = false")
        return cls(con)

    @classmethod
    def from_connection(cls, con: Any) -> DuckDBBackend:
        """Wrap an open DuckDB connection, raw or Ibis (a store's); ``close`` leaves it open."""
        if isinstance(con, duckdb.DuckDBPyConnection):
            con = ibis.duckdb.from_connection(con)
        return cls(con, owned=False)

    def register(self, name: str, table: pa.Table) -> ibis.Table:
        """Load ``table`` as the temporary table ``name``; a database file is left unchanged."""
        # Plain DuckDB: Ibis 12's create_table emits a nameless DROP with sqlglot >= 30.18.
        raw = self.con.con
        view = f"__recorrido_arrow_{name}"
        raw.register(view, table)
        try:
            target, source = (sg.to_identifier(n, quoted=True).sql("duckdb") for n in (name, view))
            raw.execute(f"CREATE OR REPLACE TEMP TABLE {target} AS SELECT * FROM {source}")
        finally:
            raw.unregister(view)
        return self.con.table(name)

    def table(self, name: str) -> ibis.Table:
        try:
            return self.con.table(name)
        except TableNotFound:
            listed = self.con.con.execute("SELECT table_name FROM information_schema.tables")
            known = [str(row[0]) for row in listed.fetchall()]
            raise unknown_table(name, known, "the DuckDB database") from None

    def read_parquet(self, path: str, name: str) -> ibis.Table:
        """A view ``name`` over the file, or over every ``*.parquet`` under a directory."""
        if Path(path).is_dir():
            path = str(Path(path) / "**" / "*.parquet")
        return self.con.read_parquet(path, table_name=name)

    def to_arrow(self, expr: ibis.Table) -> pa.Table:
        return conform(self.con.to_pyarrow(expr), expr.schema())

    def to_sql(self, expr: ibis.Table) -> str:
        return str(ibis.to_sql(expr, dialect="duckdb"))

    def close(self) -> None:
        if self._owned:
            self.con.disconnect()
