"""Identity stitching: an anonymous visitor's events join the person they become."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from recorrido.ingest import ingest_events
from recorrido.store import Store
from recorrido.store.identity import journey_events


def test_anonymous_events_join_the_person_they_become(
    store: Store, write_csv: Callable[..., Path]
) -> None:
    rows = [
        {
            "timestamp": "2026-03-01T10:00:00Z",
            "anonymous_id": "a1",
            "user_id": None,
            "event": "ad_click",
        },
        {
            "timestamp": "2026-03-01T10:05:00Z",
            "anonymous_id": "a1",
            "user_id": None,
            "event": "product_view",
        },
        {
            "timestamp": "2026-03-01T10:09:00Z",
            "anonymous_id": "a1",
            "user_id": "ana",
            "event": "signup",
        },
        {
            "timestamp": "2026-03-02T09:00:00Z",
            "anonymous_id": None,
            "user_id": "ana",
            "event": "purchase",
        },
        {
            "timestamp": "2026-03-01T11:00:00Z",
            "anonymous_id": "a2",
            "user_id": None,
            "event": "ad_click",
        },
    ]
    ingest_events(store, write_csv("events.csv", rows))
    stitched = journey_events(store.table("events"), store.table("identities"))
    people = stitched.order_by("seq").select("event", "person").to_pyarrow().to_pylist()
    assert [(r["event"], r["person"]) for r in people] == [
        ("ad_click", "ana"),
        ("product_view", "ana"),
        ("signup", "ana"),
        ("purchase", "ana"),
        ("ad_click", "anon:a2"),
    ]


def test_an_anonymous_id_shared_by_two_people_belongs_to_the_first(
    store: Store, write_csv: Callable[..., Path]
) -> None:
    rows = [
        {
            "timestamp": "2026-03-01T10:00:00Z",
            "anonymous_id": "tablet",
            "user_id": None,
            "event": "product_view",
        },
        {
            "timestamp": "2026-03-01T10:01:00Z",
            "anonymous_id": "tablet",
            "user_id": "luis",
            "event": "login",
        },
        {
            "timestamp": "2026-03-03T10:00:00Z",
            "anonymous_id": "tablet",
            "user_id": "marta",
            "event": "login",
        },
    ]
    ingest_events(store, write_csv("events.csv", rows))
    assert store.count("identities") == 2
    stitched = journey_events(store.table("events"), store.table("identities"))
    people = stitched.order_by("seq").person.to_pyarrow().to_pylist()
    assert people == ["luis", "luis", "marta"]
