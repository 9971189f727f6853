"""Ingesting survey answers: long and wide layouts, scales, unknown touchpoints."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from recorrido.errors import IngestError
from recorrido.ingest.feedback import ingest_feedback, parse_scale
from recorrido.map.models import JourneyMap
from recorrido.store import Store

WriteCsv = Callable[..., Path]


def answers(store: Store) -> list[tuple[object, ...]]:
    return store.connection.execute(
        "SELECT response_id, person_id, metric, score, scale_min, scale_max, comment, touchpoint "
        "FROM feedback ORDER BY seq"
    ).fetchall()


def test_long_layout(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {
            "response_id": "r1",
            "customer_id": "ana",
            "submitted_at": "2026-03-01T10:00:00Z",
            "touchpoint": "order_placed",
            "metric": "NPS",
            "score": "9",
            "comment": "Genial",
        },
        {
            "response_id": "r1",
            "customer_id": "ana",
            "submitted_at": "2026-03-01T10:00:00Z",
            "touchpoint": "order_placed",
            "metric": "csat",
            "score": "4",
            "comment": None,
        },
    ]
    report = ingest_feedback(store, write_csv("f.csv", rows))
    assert (report.accepted, report.rejected) == (2, 0)
    assert answers(store) == [
        ("r1", "ana", "nps", 9.0, 0.0, 10.0, "Genial", "order_placed"),
        ("r1", "ana", "csat", 4.0, 1.0, 5.0, None, "order_placed"),
    ]


def test_wide_layout_puts_the_comment_on_the_first_answer(
    store: Store, write_csv: WriteCsv
) -> None:
    rows = [
        {
            "id_respuesta": "r1",
            "cliente_id": "ana",
            "fecha": "2026-03-01 10:00",
            "nps": "3",
            "csat": "2",
            "comentario": "Me atendieron fatal",
        },
        {
            "id_respuesta": "r2",
            "cliente_id": "luis",
            "fecha": "2026-03-01 11:00",
            "nps": None,
            "csat": "5",
            "comentario": "Todo bien",
        },
    ]
    report = ingest_feedback(store, write_csv("encuestas.csv", rows, delimiter=";"))
    assert report.accepted == 3
    assert [(r[0], r[2], r[3], r[6]) for r in answers(store)] == [
        ("r1", "csat", 2.0, None),
        ("r1", "nps", 3.0, "Me atendieron fatal"),
        ("r2", "csat", 5.0, "Todo bien"),
    ]


def test_scores_out_of_scale_and_unknown_metrics_are_rejected(
    store: Store, write_csv: WriteCsv
) -> None:
    rows = [
        {"customer_id": "a", "time": "2026-03-01", "metric": "nps", "score": "11"},
        {"customer_id": "a", "time": "2026-03-01", "metric": "csat", "score": "0"},
        {"customer_id": "a", "time": "2026-03-01", "metric": "nsp", "score": "5"},
        {"customer_id": "a", "time": "2026-03-01", "metric": "ces", "score": "fácil"},
        {
            "customer_id": "a",
            "time": "2026-03-01",
            "metric": "rating",
            "score": "8",
            "scale": "1-10",
        },
        {"customer_id": "a", "time": "2026-03-01", "metric": "ces", "score": "2"},
    ]
    report = ingest_feedback(store, write_csv("f.csv", rows), max_rejected=0.9)
    assert (report.accepted, report.rejected) == (2, 4)
    assert report.rejected_file is not None
    with report.rejected_file.open(encoding="utf-8") as handle:
        reasons = [r["reason"] for r in csv.DictReader(handle)]
    assert reasons == [
        "score 11 is outside the nps scale 0–10",
        "score 0 is outside the csat scale 1–5",
        "unknown metric 'nsp'; did you mean 'nps'? (valid: ces, csat, nps, rating)",
        "score 'fácil' is not a number",
    ]
    assert [(r[2], r[4], r[5]) for r in answers(store)] == [
        ("rating", 1.0, 10.0),
        ("ces", 1.0, 7.0),
    ]


def test_custom_scale(store: Store, write_csv: WriteCsv) -> None:
    rows = [{"customer_id": "a", "time": "2026-03-01", "rating": "9"}]
    report = ingest_feedback(
        store, write_csv("f.csv", rows), scales=dict([parse_scale("rating=0-10")])
    )
    assert report.accepted == 1
    with pytest.raises(IngestError, match="expected METRIC=LOW-HIGH"):
        parse_scale("stars=1-5")


def test_unknown_touchpoints_are_rejected_against_the_map(
    store: Store, write_csv: WriteCsv, seven_stages: JourneyMap
) -> None:
    rows = [
        {"customer_id": "a", "time": "2026-03-01", "touchpoint": "order_placd", "nps": "9"},
        {"customer_id": "a", "time": "2026-03-01", "touchpoint": "order_placed", "nps": "7"},
        {"customer_id": "a", "time": "2026-03-01", "stage": "loyalty", "nps": "10"},
    ]
    report = ingest_feedback(store, write_csv("f.csv", rows), journey=seven_stages)
    assert (report.accepted, report.rejected) == (2, 1)
    assert report.rejected_file is not None
    text = report.rejected_file.read_text(encoding="utf-8")
    assert "unknown touchpoint 'order_placd'; did you mean 'order_placed'?" in text


def test_same_file_twice_adds_nothing(store: Store, write_csv: WriteCsv) -> None:
    rows = [{"customer_id": "a", "time": "2026-03-01", "nps": "9", "comment": "bien"}] * 2
    path = write_csv("f.csv", rows)
    assert ingest_feedback(store, path).accepted == 2
    second = ingest_feedback(store, path)
    assert (second.accepted, second.duplicates) == (0, 2)


def test_duplicate_response_ids_in_one_file(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {"response_id": "r1", "customer_id": "a", "time": "2026-03-01", "nps": "9"},
        {"response_id": "r1", "customer_id": "b", "time": "2026-03-01", "nps": "3"},
    ]
    report = ingest_feedback(store, write_csv("f.csv", rows))
    assert (report.accepted, report.rejected) == (1, 1)


def test_a_file_without_scores_is_refused(store: Store, write_csv: WriteCsv) -> None:
    rows = [{"customer_id": "a", "time": "2026-03-01", "comment": "hola"}]
    with pytest.raises(IngestError, match="no score found"):
        ingest_feedback(store, write_csv("f.csv", rows))
