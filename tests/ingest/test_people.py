"""Ingesting people: attribute types, updates, declared types, duplicates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recorrido.errors import IngestError
from recorrido.ingest.people import ingest_people
from recorrido.store import Store

WriteCsv = Callable[..., Path]


def column_types(store: Store) -> dict[str, str]:
    rows = store.connection.execute("DESCRIBE people").fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def test_attribute_types_are_inferred(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {
            "customer_id": "ana",
            "Segment": "premium",
            "Lifetime Value": "600",
            "newsletter": "true",
            "signup_date": "2026-01-02",
        },
        {
            "customer_id": "luis",
            "Segment": "economy",
            "Lifetime Value": "20.5",
            "newsletter": "no",
            "signup_date": "2026-02-01",
        },
    ]
    report = ingest_people(store, write_csv("clientes.csv", rows))
    assert report.accepted == 2
    types = column_types(store)
    assert types["segment"] == "VARCHAR"
    assert types["lifetime_value"] == "DOUBLE"
    assert types["newsletter"] == "BOOLEAN"
    assert types["signup_date"] == "TIMESTAMP"
    people = store.connection.execute(
        "SELECT person_id, segment, lifetime_value, newsletter FROM people ORDER BY person_id"
    ).fetchall()
    assert people == [("ana", "premium", 600.0, True), ("luis", "economy", 20.5, False)]


def test_declared_types_win_and_misfits_are_rejected(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {"customer_id": "ana", "lifetime_value": "600"},
        {"customer_id": "luis", "lifetime_value": "mucho"},
        {"customer_id": "eva", "lifetime_value": "10"},
    ]
    report = ingest_people(store, write_csv("p.csv", rows), declared={"lifetime_value": "number"})
    assert (report.accepted, report.rejected) == (2, 1)
    assert report.rejected_file is not None
    assert "lifetime_value: 'mucho' is not a number" in report.rejected_file.read_text(
        encoding="utf-8"
    )


def test_people_are_updated_and_other_attributes_kept(store: Store, write_csv: WriteCsv) -> None:
    ingest_people(
        store, write_csv("a.csv", [{"customer_id": "ana", "segment": "economy", "city": "Madrid"}])
    )
    report = ingest_people(
        store, write_csv("b.csv", [{"customer_id": "ana", "segment": "premium"}])
    )
    assert (report.accepted, report.duplicates) == (0, 1)
    assert store.connection.execute("SELECT segment, city FROM people").fetchall() == [
        ("premium", "Madrid")
    ]


def test_same_file_twice_keeps_the_count(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("p.csv", [{"customer_id": f"c{i}", "segment": "x"} for i in range(5)])
    ingest_people(store, path)
    ingest_people(store, path)
    assert store.count("people") == 5


def test_duplicate_person_in_one_file(store: Store, write_csv: WriteCsv) -> None:
    rows = [
        {"customer_id": "ana", "segment": "a"},
        {"customer_id": "ana", "segment": "b"},
        {"customer_id": "eva", "segment": "c"},
    ]
    report = ingest_people(store, write_csv("p.csv", rows))
    assert (report.accepted, report.rejected) == (2, 1)
    assert store.connection.execute(
        "SELECT segment FROM people WHERE person_id = 'ana'"
    ).fetchall() == [("a",)]


def test_reserved_and_colliding_columns(store: Store, write_csv: WriteCsv) -> None:
    with pytest.raises(IngestError, match="reserved"):
        ingest_people(store, write_csv("p.csv", [{"customer_id": "a", "updated_at": "x"}]))
    colliding = [{"customer_id": "a", "Lifetime Value": "1", "lifetime-value": "2"}]
    with pytest.raises(IngestError, match="both become attribute 'lifetime_value'"):
        ingest_people(store, write_csv("q.csv", colliding))
    assert store.count("people") == 0
