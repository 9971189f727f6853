"""Property tests: whatever the event stream, ingestion keeps every valid row once, in order."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recorrido.ingest import ingest_events
from recorrido.store import Store

BASE = dt.datetime(2026, 3, 1, 10, 0, 0)

event_rows = st.lists(
    st.fixed_dictionaries(
        {
            "user_id": st.sampled_from(["ana", "luis", "eva", ""]),
            "anonymous_id": st.sampled_from(["", "d1", "d2"]),
            # few distinct seconds, so equal timestamps are common
            "offset": st.integers(min_value=0, max_value=5),
            "event": st.sampled_from(["view", "add_to_cart", "purchase", "view"]),
            "value": st.sampled_from(["", "1", "2.5", "12,5"]),
        }
    ),
    min_size=1,
    max_size=40,
)


def write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["user_id", "anonymous_id", "timestamp", "event", "value"])
        for row in rows:
            when = BASE + dt.timedelta(seconds=int(str(row["offset"])))
            writer.writerow(
                [
                    row["user_id"],
                    row["anonymous_id"],
                    when.isoformat() + "Z",
                    row["event"],
                    row["value"],
                ]
            )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=event_rows)
def test_valid_rows_are_stored_once_in_file_order(rows: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        write(path, rows)
        expected = [
            (str(r["event"]), i + 1)
            for i, r in enumerate(rows)
            if r["user_id"] or r["anonymous_id"]
        ]
        with Store.open(Path(folder) / "s.duckdb", create=True) as store:
            report = ingest_events(store, path, max_rejected=1.0) if expected else None
            if report is None:
                return
            got = store.connection.execute(
                "SELECT event, source_row FROM events ORDER BY ts, seq"
            ).fetchall()
            in_time_order = sorted(
                expected, key=lambda e: (int(str(rows[e[1] - 1]["offset"])), e[1])
            )
            assert got == in_time_order
            assert report.rejected == len(rows) - len(expected)
            again = ingest_events(store, path, max_rejected=1.0)
            assert again.accepted == 0
            assert store.count("events") == len(expected)
