"""A killed ingestion leaves the store exactly as it was."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from tests.conftest import journeys_for

from recorrido.ingest import ingest_events
from recorrido.store import Store

pytestmark = pytest.mark.slow


def big_events_file(path: Path, rows: int) -> None:
    duckdb.sql(
        f"""COPY (SELECT 'c' || CAST(i % 5000 AS VARCHAR) AS user_id,
                         strftime(TIMESTAMP '2026-01-01' + to_seconds(i), '%Y-%m-%dT%H:%M:%SZ')
                           AS timestamp,
                         'view' AS event, CAST(i AS VARCHAR) AS page
                  FROM range({rows}) t(i)) TO '{path}' (FORMAT CSV, HEADER)"""
    )


def test_killing_an_ingestion_midway_stores_nothing_of_it(tmp_path: Path) -> None:
    store_path = tmp_path / "recorrido.duckdb"
    first = tmp_path / "first.csv"
    first.write_text(
        "user_id,timestamp,event\n"
        + "".join(
            f"{r['user_id']},{r['timestamp']},{r['event']}\n"
            for r in journeys_for({"ana": ["a", "b", "c"]})
        ),
        encoding="utf-8",
    )
    with Store.open(store_path, create=True) as store:
        ingest_events(store, first)
    big = tmp_path / "big.csv"
    big_events_file(big, 3_000_000)
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "recorrido",
            "ingest",
            "events",
            str(big),
            "--store",
            str(store_path),
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # start-up takes about a second; the 3M-row file then takes far longer to ingest
    time.sleep(4.0)
    assert child.poll() is None, "the ingestion finished before it could be interrupted"
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store.open(store_path) as store:
        assert store.count("events") == 3
        assert store.count("ingestions") == 1
        report = ingest_events(store, first)
        assert report.duplicates == 3
