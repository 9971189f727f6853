"""PySpark: the same expressions on a Spark session, a local one or a cluster's.

Without a session, the active one is used, else one from the environment: a Spark Connect
session when ``SPARK_REMOTE`` is set (``sc://host:15002``), else a small local one started on
first use (``local[2]``, two shuffle partitions, no UI, bound to 127.0.0.1, errors-only logging,
interpreted queries and a fast-starting JVM: see :data:`LOCAL_SETTINGS`). The session time
zone is set to UTC either way, so naive timestamps are never shifted.
"""

from __future__ import annotations

import importlib
import os
import warnings
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa

from .base import conform, require, unknown_table

__all__ = ["LOCAL_SETTINGS", "PySparkBackend"]

_LOG4J = Path(__file__).with_name("log4j2.properties")

LOCAL_SETTINGS: dict[str, str] = {
    "spark.master": "local[2]",
    "spark.app.name": "recorrido",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.catalogImplementation": "in-memory",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    # On small data, generating code and re-planning adaptively cost more than they save
    # (measured: a quarter and a seventh of the time of the conformance suite's queries).
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.codegen.factoryMode": "NO_CODEGEN",
    "spark.sql.adaptive.enabled": "false",
    # UTC JVM; quiet logs; a JIT and GC that start fast (small data, short runs).
    "spark.driver.extraJavaOptions": (
        f"-Duser.timezone=UTC -Dlog4j2.configurationFile={_LOG4J.as_uri()} "
        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    ),
}
"""The settings of the local session Recorrido starts: small data on a small machine."""


def _pyspark_sql() -> Any:
    return require("pyspark.sql", package="PySpark", extra="spark")


class PySparkBackend:
    """Runs expressions with Ibis's PySpark backend; results are collected as Arrow."""

    name = "pyspark"

    def __init__(self, session: Any | None = None) -> None:
        self._spark = _pyspark_sql()
        self._ibis_pyspark: Any = ibis.pyspark  # loading it registers the compiler's options
        self._session = session
        self._owned = False
        self._con: Any = None

    @property
    def session(self) -> Any:
        """The Spark session: the one given, else the active one, else a new local one."""
        if self._session is None:
            session = self._spark.SparkSession.getActiveSession()
            if session is None:
                builder = self._spark.SparkSession.builder
                if not os.environ.get("SPARK_REMOTE"):
                    for key, value in LOCAL_SETTINGS.items():
                        builder = builder.config(key, value)
                session, self._owned = builder.getOrCreate(), True
            self._session = session
        return self._session

    @property
    def con(self) -> Any:
        """The Ibis PySpark connection over :attr:`session`."""
        if self._con is None:
            self.session.conf.set("spark.sql.session.timeZone", "UTC")
            self._con = self._ibis_pyspark.connect(self.session)
        return self._con

    def register(self, name: str, table: pa.Table) -> ibis.Table:
        """Load ``table`` as the temporary view ``name``, straight from Arrow (NaN stays NaN)."""
        types = importlib.import_module("ibis.backends.pyspark.datatypes")
        schema = types.PySparkSchema.from_ibis(ibis.Schema.from_pyarrow(table.schema))
        self.session.createDataFrame(table, schema=schema).createOrReplaceTempView(name)
        return self.con.table(name)

    def table(self, name: str) -> ibis.Table:
        """A table or view of the session's catalog (``db.name`` for another database)."""
        if not self.session.catalog.tableExists(name):
            known = [t.name for t in self.session.catalog.listTables()]
            raise unknown_table(name, known, "the Spark session's catalog")
        return self.con.table(name)

    def read_parquet(self, path: str, name: str) -> ibis.Table:
        """The temporary view ``name`` over ``path`` (a file, a directory, ``s3://…``)."""
        self.session.read.parquet(path).createOrReplaceTempView(name)
        return self.con.table(name)

    def to_arrow(self, expr: ibis.Table) -> pa.Table:
        con = self.con
        con._run_pre_execute_hooks(expr)  # memtables and the UDFs behind JSON unwrapping
        frame = self.session.sql(con.compile(expr))
        with warnings.catch_warnings():
            # PySpark leaves the result socket to the garbage collector (pyspark.util).
            warnings.filterwarnings("ignore", "unclosed <socket.socket", ResourceWarning)
            table = frame.toArrow()
        return conform(table, expr.schema())

    def to_sql(self, expr: ibis.Table) -> str:
        return str(ibis.to_sql(expr, dialect="pyspark"))

    def close(self) -> None:
        session, self._session, self._con = self._session, None, None
        if self._owned and session is not None:
            session.stop()
        self._owned = False
