"""Survey answers given in Python go through the same checks as a feedback file."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pyarrow as pa
import pytest

from recorrido.errors import IngestError
from recorrido.ingest import ingest_feedback_records
from recorrido.store import Store

ANSWERS = [
    {"response_id": "r1", "person_id": "ana", "ts": "2026-03-01 10:00:00", "nps": 9,
     "comment": "Todo perfecto"},
    {"response_id": "r2", "person_id": "bo", "ts": "2026-03-01 11:00:00", "nps": 14},
]  # fmt: skip


def stored(store: Store) -> list[tuple[object, ...]]:
    return store.connection.execute(
        "SELECT response_id, person_id, metric, score, comment FROM feedback ORDER BY seq"
    ).fetchall()


def test_answers_as_dicts_are_checked_stored_and_rejected_with_reasons(store: Store) -> None:
    report = ingest_feedback_records(store, ANSWERS)
    assert (report.accepted, report.rejected) == (1, 1)
    assert stored(store) == [("r1", "ana", "nps", 9.0, "Todo perfecto")]
    assert report.rejected_file == store.path.with_name("api_feedback.rejected.csv")
    assert report.rejected_file is not None
    with report.rejected_file.open(encoding="utf-8") as rejected:
        (row,) = list(csv.DictReader(rejected))
    assert row["response_id"] == "r2" and "14" in row["reason"] and "0–10" in row["reason"]
    again = ingest_feedback_records(store, ANSWERS[:1])
    assert (again.accepted, again.duplicates) == (0, 1)  # the same answer is not stored twice


def test_a_dataframe_or_an_arrow_table(store: Store) -> None:
    frame = pd.DataFrame([ANSWERS[0]])
    assert ingest_feedback_records(store, frame, name="csat_app").accepted == 1
    table = pa.Table.from_pylist([{**ANSWERS[0], "response_id": "r3", "person_id": "cy"}])
    assert ingest_feedback_records(store, table).accepted == 1
    assert [row[0] for row in stored(store)] == ["r1", "r3"]


def test_bad_calls_are_clear_errors(store: Store) -> None:
    with pytest.raises(IngestError, match="no answers given"):
        ingest_feedback_records(store, [])
    with pytest.raises(IngestError, match="list of dicts, a pandas DataFrame"):
        ingest_feedback_records(store, "nps=9")
    with pytest.raises(IngestError, match=re.escape("name '../x'")):
        ingest_feedback_records(store, ANSWERS, name="../x")
