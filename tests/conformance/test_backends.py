"""``connect`` and the ``Backend`` interface: URLs, install hints, ownership, typed results."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import duckdb
import ibis
import pyarrow as pa
import pytest

from recorrido.backends import Backend, connect
from recorrido.backends.clickhouse import ClickHouseBackend
from recorrido.backends.duckdb import DuckDBBackend
from recorrido.backends.pyspark import PySparkBackend
from recorrido.errors import UsageError
from tests.conformance.harness import backend_for


def test_every_backend_implements_the_interface(backend: str) -> None:
    engine = backend_for(backend)
    assert isinstance(engine, Backend)
    assert engine.name == backend


def test_duckdb_urls(tmp_path: Path) -> None:
    for url in (None, "duckdb", "duckdb://"):
        engine = connect(url)
        assert isinstance(engine, DuckDBBackend)
        engine.close()
    path = tmp_path / "analytics.duckdb"
    engine = connect(f"duckdb://{path}")
    engine.register("t", pa.table({"a": [1]}))
    engine.close()
    assert path.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("duckb", "unknown backend URL 'duckb'; did you mean 'duckdb'? (valid: chdb, clickhouse"),
        ("spark", "did you mean 'pyspark'?"),
        ("pyspark://cluster:7077", "'pyspark' takes no address"),
    ],
)
def test_bad_urls_name_the_valid_ones(url: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        connect(url)


@pytest.mark.parametrize(
    ("module", "url", "hint"),
    [
        ("pyspark.sql", "pyspark", "PySpark is not installed: pip install 'recorrido[spark]'"),
        ("chdb", "clickhouse", "chDB is not installed: pip install 'recorrido[clickhouse]'"),
    ],
)
def test_missing_extras_say_what_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, url: str, hint: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
    with pytest.raises(UsageError) as caught:
        connect(url)
    assert str(caught.value) == hint
    assert caught.value.code == "backend_not_installed"


def test_a_wrapped_duckdb_connection_stays_open_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with duckdb.connect(str(path)) as setup:
        setup.execute("CREATE TABLE journey_events (x INTEGER)")
    raw = duckdb.connect(str(path), read_only=True)
    engine = DuckDBBackend.from_connection(raw)
    table = engine.register("journey_events", pa.table({"a": [1, 2]}))
    assert engine.to_arrow(table.filter(table.a > 1)).to_pylist() == [{"a": 2}]
    engine.close()
    columns = "SELECT column_name FROM duckdb_columns() WHERE database_name = 'store'"
    assert raw.execute(columns).fetchall() == [("x",)]
    raw.close()


def test_clickhouse_results_are_typed_even_when_empty() -> None:
    engine = backend_for("clickhouse")
    assert isinstance(engine, ClickHouseBackend)
    moment = dt.datetime(2026, 1, 1, 12, 0, 0, 1)
    table = engine.register("events", pa.table({"ts": [moment], "n": [1]}))
    empty = engine.to_arrow(table.filter(table.n > 1).mutate(late=table.ts > moment))
    assert empty.schema == pa.schema(
        {"ts": pa.timestamp("us"), "n": pa.int64(), "late": pa.bool_()}
    )
    lookup = ibis.memtable({"n": [1], "label": ["one"]})
    joined = engine.to_arrow(table.join(lookup, "n").select("ts", "label"))
    assert joined.to_pylist() == [{"ts": moment, "label": "one"}]


def test_pyspark_uses_the_active_session_and_leaves_it_running() -> None:
    engine = backend_for("pyspark")
    assert isinstance(engine, PySparkBackend)
    borrowed = PySparkBackend()
    assert borrowed.session is engine.session
    borrowed.close()
    table = engine.register("one", pa.table({"a": [1]}))
    assert engine.to_arrow(table).to_pylist() == [{"a": 1}]
    assert engine.session.conf.get("spark.sql.session.timeZone") == "UTC"
