"""The store file: creation, reopening, versions, and files that are not stores."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from recorrido.errors import StoreError
from recorrido.store import Store
from recorrido.store.schema import SCHEMA_VERSION, TABLES


def test_create_then_reopen(tmp_path: Path) -> None:
    path = tmp_path / "a" / "recorrido.duckdb"
    with Store.open(path, create=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert all(store.count(name) == 0 for name in TABLES)
    with Store.open(path, read_only=True) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="store not found"):
        Store.open(tmp_path / "nope.duckdb")
    assert not (tmp_path / "nope.duckdb").exists()


def test_a_text_file_is_not_a_store_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text("version: 1\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not a Recorrido store"):
        Store.open(path, create=True)
    assert path.read_text(encoding="utf-8") == "version: 1\n"


def test_another_duckdb_database_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (x INTEGER)")
    with pytest.raises(StoreError, match="not a Recorrido store"):
        Store.open(path, create=True)
    with duckdb.connect(str(path)) as con:
        tables = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    assert tables == [("sales",)]


def test_a_store_from_a_newer_recorrido_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "recorrido.duckdb"
    Store.open(path, create=True).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE recorrido_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer Recorrido") as caught:
        Store.open(path)
    assert caught.value.code == "store_too_new"


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path, create=True)


def test_unknown_table_name(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown table 'evnts'"):
        store.table("evnts")


def test_no_progress_bar_on_stdout(tmp_path: Path) -> None:
    """DuckDB prints a progress bar on stdout for queries over 2 s, which would corrupt
    ``--json`` output: stores and the embedded backend turn it off."""
    from recorrido.backends.duckdb import DuckDBBackend

    query = "SELECT current_setting('enable_progress_bar')"
    with Store.open(tmp_path / "s.duckdb", create=True) as store:
        assert store.connection.execute(query).fetchall() == [(False,)]
    backend = DuckDBBackend.open()
    try:
        assert backend.con.raw_sql(query).fetchall() == [(False,)]
    finally:
        backend.close()
