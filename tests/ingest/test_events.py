"""Ingesting event files: formats, column roles, time, ids, idempotency, rejects, atomicity."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.conftest import journeys_for

from recorrido.errors import IngestError
from recorrido.ingest import ingest_events
from recorrido.store import Store

WriteCsv = Callable[..., Path]


def stored(store: Store, *columns: str) -> list[tuple[object, ...]]:
    names = ", ".join(columns)
    return store.connection.execute(f"SELECT {names} FROM events ORDER BY seq").fetchall()


def rejected_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_journey_file_is_stored_in_order(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv(
        "events.csv", journeys_for({"ana": ["ad_click", "purchase"], "luis": ["blog_view"]})
    )
    report = ingest_events(store, path)
    assert (report.rows_read, report.accepted, report.duplicates, report.rejected) == (3, 3, 0, 0)
    assert report.columns == {"person": "user_id", "time": "timestamp", "event": "event"}
    assert stored(store, "person_id", "event", "seq", "source_row") == [
        ("ana", "ad_click", 1, 1),
        ("ana", "purchase", 2, 2),
        ("luis", "blog_view", 3, 3),
    ]


def test_ingesting_the_same_file_twice_adds_nothing(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("events.csv", journeys_for({"ana": ["a", "b", "b"], "luis": ["a"]}))
    first = ingest_events(store, path)
    second = ingest_events(store, path)
    assert first.accepted == 4
    assert (second.accepted, second.duplicates) == (0, 4)
    assert second.previous_ingestion == first.ingestion_id
    assert store.count("events") == 4


def test_identical_rows_in_one_file_are_kept_and_appended_rows_added(
    store: Store, write_csv: WriteCsv
) -> None:
    same = {"user_id": "ana", "timestamp": "2026-03-01T10:00:00Z", "event": "page_view"}
    ingest_events(store, write_csv("day1.csv", [same, same]))
    assert store.count("events") == 2
    later = {"user_id": "ana", "timestamp": "2026-03-02T10:00:00Z", "event": "purchase"}
    report = ingest_events(store, write_csv("day1-and-2.csv", [same, same, later]))
    assert (report.accepted, report.duplicates) == (1, 2)
    assert store.count("events") == 3


def test_equal_timestamps_keep_file_order_through_seq(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {"user_id": "ana", "ts": "2026-03-01 10:00:00", "event": name}
        for name in ["view", "add_to_cart", "checkout", "view"]
    ]
    ingest_events(store, write_csv("ties.csv", rows))
    assert [e for (e,) in stored(store, "event")] == ["view", "add_to_cart", "checkout", "view"]
    more = [{"user_id": "ana", "ts": "2026-03-01 10:00:00", "event": "purchase"}]
    ingest_events(store, write_csv("more.csv", more))
    assert stored(store, "event", "seq")[-1] == ("purchase", 5)


def test_properties_keep_the_other_columns(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {
            "user_id": "ana",
            "timestamp": "2026-03-01T10:00:00Z",
            "event": "view",
            "page": "/home",
            "store": None,
        }
    ]
    report = ingest_events(store, write_csv("e.csv", rows))
    assert report.properties == ["page", "store"]
    (properties,) = stored(store, "properties")[0]
    assert json.loads(str(properties)) == {"page": "/home", "store": None}


def test_column_roles_from_spanish_names_and_overrides(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {
            "Cliente ID": "c1",
            "Fecha Hora": "2026-03-01 10:00",
            "Acción": "compra",
            "Canal": "tienda",
            "Importe": "12,50",
            "quien": "x",
        }
    ]
    report = ingest_events(store, write_csv("ventas.csv", rows, delimiter=";"))
    assert report.columns == {
        "person": "Cliente ID",
        "time": "Fecha Hora",
        "event": "Acción",
        "channel": "Canal",
        "value": "Importe",
    }
    assert stored(store, "person_id", "channel", "value") == [("c1", "tienda", 12.5)]
    report = ingest_events(store, write_csv("otra.csv", rows), columns=["person=quien"])
    assert report.columns["person"] == "quien"


def test_missing_columns_say_which_exist(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("e.csv", [{"who": "a", "when": "2026-03-01", "what": "x"}])
    with pytest.raises(IngestError) as caught:
        ingest_events(store, path)
    message = str(caught.value)
    assert "no column found for person" in message
    assert "the file has: who, when, what" in message
    assert "--column person=<column>" in message


def test_override_naming_a_missing_column(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("e.csv", journeys_for({"ana": ["a"]}))
    with pytest.raises(IngestError, match="no column 'usr' in the file; did you mean 'user_id'"):
        ingest_events(store, path, columns=["person=usr"])
    with pytest.raises(IngestError, match="unknown role 'persona'"):
        ingest_events(store, path, columns=["persona=user_id"])


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("2026-03-01T10:00:00+02:00", "UTC", "2026-03-01 08:00:00"),
        ("2026-03-01T10:00:00Z", "Europe/Madrid", "2026-03-01 10:00:00"),
        ("2026-03-01 10:00:00", "Europe/Madrid", "2026-03-01 09:00:00"),
        ("2026-07-01 10:00:00", "Europe/Madrid", "2026-07-01 08:00:00"),
        ("2026-03-01 10:00", "America/Mexico_City", "2026-03-01 16:00:00"),
        ("2026-03-01", "UTC", "2026-03-01 00:00:00"),
        ("1772359200", "Europe/Madrid", "2026-03-01 10:00:00"),
        ("1772359200000", "UTC", "2026-03-01 10:00:00"),
        ("1772359200.5", "UTC", "2026-03-01 10:00:00.5"),
    ],
)
def test_timestamps_are_stored_in_utc(
    store: Store, write_csv: WriteCsv, text: str, zone: str, expected: str
) -> None:
    path = write_csv("e.csv", [{"user_id": "a", "time": text, "event": "x"}])
    report = ingest_events(store, path, timezone=zone)
    ((ts,),) = stored(store, "CAST(ts AS VARCHAR)")
    assert ts == expected
    assert report.time is not None
    if text.isdigit() and len(text) == 13:
        assert report.time == "epoch milliseconds"


def test_explicit_time_format(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("e.csv", [{"user_id": "a", "time": "01/03/2026 10:00", "event": "x"}])
    ingest_events(store, path, timezone="Europe/Madrid", time_format="%d/%m/%Y %H:%M")
    assert stored(store, "CAST(ts AS VARCHAR)") == [("2026-03-01 09:00:00",)]


def test_mixed_time_zones_are_refused_unless_the_zone_is_explicit(
    store: Store, write_csv: WriteCsv
) -> None:
    rows = [
        {"user_id": "a", "time": "2026-03-01T10:00:00+01:00", "event": "x"},
        {"user_id": "a", "time": "2026-03-01 11:00:00", "event": "y"},
    ]
    path = write_csv("e.csv", rows)
    with pytest.raises(IngestError) as caught:
        ingest_events(store, path, timezone="Europe/Madrid")
    message = str(caught.value)
    assert "mixes times with a UTC offset (1 rows) and without one (1 rows)" in message
    assert "row 1: '2026-03-01T10:00:00+01:00'" in message and "row 2:" in message
    assert store.count("events") == 0
    ingest_events(store, path, timezone="Europe/Madrid", timezone_explicit=True)
    assert stored(store, "CAST(ts AS VARCHAR)") == [
        ("2026-03-01 09:00:00",),
        ("2026-03-01 10:00:00",),
    ]


def test_bad_rows_are_rejected_with_row_and_reason(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {
            "user_id": "a",
            "anonymous_id": None,
            "time": "2026-03-01 10:00",
            "event": "x",
            "value": "1",
        },
        {"user_id": "a", "anonymous_id": None, "time": "ayer", "event": "x", "value": None},
        {
            "user_id": None,
            "anonymous_id": None,
            "time": "2026-03-01 10:00",
            "event": "x",
            "value": None,
        },
        {
            "user_id": "a",
            "anonymous_id": None,
            "time": "2026-03-01 10:00",
            "event": None,
            "value": None,
        },
        {
            "user_id": "a",
            "anonymous_id": None,
            "time": "2026-03-01 10:00",
            "event": "x",
            "value": "mucho",
        },
        {
            "user_id": "a",
            "anonymous_id": None,
            "time": "2026-03-01 11:00",
            "event": "x",
            "value": None,
        },
        {
            "user_id": None,
            "anonymous_id": "d1",
            "time": "2026-03-01 11:00",
            "event": "x",
            "value": None,
        },
    ]
    path = write_csv("e.csv", rows)
    report = ingest_events(store, path, max_rejected=0.9)
    assert (report.accepted, report.rejected) == (3, 4)
    assert report.rejected_file == path.with_name("e.csv.rejected.csv")
    rejects = rejected_rows(report.rejected_file)
    assert [(r["row"], r["reason"].split(";")[0]) for r in rejects] == [
        ("2", "time 'ayer' is not a recognised timestamp"),
        ("3", "no person: the person and anonymous id are both empty"),
        ("4", "event name is empty"),
        ("5", "value 'mucho' is not a number"),
    ]
    assert rejects[0]["time"] == "ayer"


def test_duplicate_ids_in_one_file_are_rejected(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {"event_id": "e1", "user_id": "a", "time": "2026-03-01 10:00", "event": "x"},
        {"event_id": "e2", "user_id": "a", "time": "2026-03-01 10:01", "event": "y"},
        {"event_id": "e1", "user_id": "b", "time": "2026-03-01 10:02", "event": "z"},
    ]
    report = ingest_events(store, write_csv("e.csv", rows))
    assert (report.accepted, report.rejected) == (2, 1)
    assert report.rejected_file is not None
    (reject,) = rejected_rows(report.rejected_file)
    assert reject["row"] == "3"
    assert reject["reason"] == "duplicate event id 'e1' (first at row 1)"
    assert stored(store, "event_id") == [("e1",), ("e2",)]


def test_a_mostly_bad_file_stores_nothing(store: Store, write_csv: WriteCsv) -> None:
    ingest_events(store, write_csv("good.csv", journeys_for({"ana": ["a"]})))
    rows = [{"user_id": "a", "time": f"el día {i}", "event": "x"} for i in range(5)]
    rows.append({"user_id": "a", "time": "2026-03-01 10:00", "event": "x"})
    with pytest.raises(IngestError) as caught:
        ingest_events(store, write_csv("bad.csv", rows))
    message = str(caught.value)
    assert "5 of 6 rows rejected" in message and "nothing stored" in message
    assert "row 1: time 'el día 0' is not a recognised timestamp" in message
    assert store.count("events") == 1
    assert store.count("ingestions") == 1


@pytest.mark.parametrize("kind", ["csv.gz", "tsv", "parquet", "jsonl", "jsonl.gz", "ndjson"])
def test_file_formats(store: Store, tmp_path: Path, kind: str) -> None:
    rows = journeys_for({"ana": ["ad_click", "purchase"]})
    path = tmp_path / f"events.{kind}"
    if kind == "parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    elif kind.startswith(("jsonl", "ndjson")):
        text = "".join(json.dumps(r) + "\n" for r in rows)
        path.write_bytes(gzip.compress(text.encode()) if kind.endswith(".gz") else text.encode())
    else:
        sep = "\t" if kind == "tsv" else ","
        text = (
            sep.join(rows[0]) + "\n" + "".join(sep.join(map(str, r.values())) + "\n" for r in rows)
        )
        path.write_bytes(gzip.compress(text.encode()) if kind.endswith(".gz") else text.encode())
    report = ingest_events(store, path)
    assert report.accepted == 2
    assert stored(store, "person_id", "event") == [("ana", "ad_click"), ("ana", "purchase")]


def test_parquet_typed_timestamps(store: Store, tmp_path: Path) -> None:
    import datetime as dt

    naive = dt.datetime(2026, 3, 1, 10, 0)
    table = pa.table(
        {"user_id": ["a"], "event_time": pa.array([naive], pa.timestamp("us")), "event": ["x"]}
    )
    pq.write_table(table, tmp_path / "e.parquet")
    ingest_events(store, tmp_path / "e.parquet", timezone="Europe/Madrid")
    assert stored(store, "CAST(ts AS VARCHAR)") == [("2026-03-01 09:00:00",)]


def test_json_lines_with_nested_properties(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(
        json.dumps(
            {
                "distinct_id": "a",
                "timestamp": "2026-03-01T10:00:00Z",
                "event": "view",
                "properties": {"url": "/x", "n": 2},
            }
        )
        + "\n",
        encoding="utf-8",
    )
    ingest_events(store, path)
    (properties,) = stored(store, "properties")[0]
    assert json.loads(str(properties)) == {"properties": {"url": "/x", "n": 2}}


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (None, "missing.csv", "file not found"),
        (b"", "empty.csv", "the file is empty"),
        (b"user_id,timestamp,event\n", "header.csv", "header only, no data rows"),
        (b"PK\x03\x04binary", "sales.xlsx", "unknown file format '.xlsx'"),
        (b"not really parquet", "fake.parquet", "cannot read it as Parquet"),
    ],
)
def test_unreadable_files(
    store: Store, tmp_path: Path, content: bytes | None, name: str, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(IngestError, match=message) as caught:
        ingest_events(store, path)
    assert str(path) in str(caught.value)
    assert store.count("events") == 0 and store.count("ingestions") == 0


def test_ingestion_is_logged(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("e.csv", journeys_for({"ana": ["a", "b"]}))
    report = ingest_events(store, path, timezone="Europe/Madrid")
    row = store.connection.execute(
        "SELECT kind, source_file, rows_read, accepted, duplicates, rejected, timezone "
        "FROM ingestions"
    ).fetchall()
    assert row == [("events", str(path.resolve()), 2, 2, 0, 0, "Europe/Madrid")]
    assert report.ingestion_id == 1
