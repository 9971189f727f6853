"""The directly-follows graph of labels, and where journeys start and end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference import paths as ref
from tests.reference.paths import START, event_row, journey_rows

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.transitions import starts_and_ends, transitions

CON = ibis.duckdb.connect()
SCHEMA = JOURNEY_EVENTS.to_pyarrow().append(pa.field("converted", pa.bool_()))


def run(
    build: Callable[[ibis.Table], ibis.Table], rows: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = [{"converted": None, **r} for r in rows]
    table = ibis.memtable(pa.Table.from_pylist(rows, schema=SCHEMA))
    return CON.to_pyarrow(build(table)).to_pylist()


def at(seconds: float) -> dt.datetime:
    return START + dt.timedelta(seconds=seconds)


def edge(source: str, target: str, count: int, units: int, people: int, share_out: float,
         median_seconds: float, p95_seconds: float) -> dict[str, Any]:  # fmt: skip
    return {
        "source": source,
        "target": target,
        "count": count,
        "units": units,
        "people": people,
        "share_out": share_out,
        "median_seconds": median_seconds,
        "p95_seconds": p95_seconds,
    }


def test_edges_count_units_people_shares_and_nearest_rank_durations() -> None:
    rows = [
        event_row("ana", "view", at(0), 1),
        event_row("ana", "cart", at(60), 2),
        event_row("ana", "view", at(180), 3),
        event_row("ana", "cart", at(210), 4),
        event_row("bo", "view", at(0), 5),
        event_row("bo", "cart", at(10), 6),
        event_row("cy", "view", at(0), 7),
        event_row("cy", "home", at(5.5), 8),
    ]
    assert run(transitions, rows) == [
        # view → cart took 60 s, 30 s and 10 s: median = 2nd of 3, p95 = 3rd (⌈2.85⌉).
        edge("view", "cart", 3, 2, 2, 0.75, 30.0, 60.0),
        edge("cart", "view", 1, 1, 1, 1.0, 120.0, 120.0),
        edge("view", "home", 1, 1, 1, 0.25, 5.5, 5.5),
    ]


def test_median_of_an_even_count_is_the_lower_middle_value() -> None:
    rows = [
        event_row("ana", "view", at(0), 1),
        event_row("ana", "cart", at(60), 2),
        event_row("bo", "view", at(0), 3),
        event_row("bo", "cart", at(120), 4),
    ]
    [result] = run(transitions, rows)
    assert (result["median_seconds"], result["p95_seconds"]) == (60.0, 120.0)


def test_sessions_of_one_person_are_two_units_and_one_person() -> None:
    rows = [
        event_row("ana#1", "view", at(0), 1, person="ana"),
        event_row("ana#1", "cart", at(60), 2, person="ana"),
        event_row("ana#2", "view", at(7200), 3, person="ana"),
        event_row("ana#2", "cart", at(7201), 4, person="ana"),
        event_row("zed", "view", at(0), 5, person=None),
        event_row("zed", "cart", at(1), 6, person=None),
    ]
    [result] = run(transitions, rows)
    assert (result["count"], result["units"], result["people"]) == (3, 3, 1)


def test_equal_timestamps_follow_seq_not_row_order_or_label() -> None:
    rows = [
        event_row("ana", "view", at(0), 2),
        event_row("ana", "cart", at(0), 3),
        event_row("ana", "search", at(0), 1),
    ]
    assert [(e["source"], e["target"], e["median_seconds"]) for e in run(transitions, rows)] == [
        ("search", "view", 0.0),
        ("view", "cart", 0.0),
    ]


def test_collapse_drops_repeats_and_times_from_the_first_of_a_run() -> None:
    rows = journey_rows({"ana": ["view", "view", "cart"]})
    assert [(e["source"], e["target"], e["median_seconds"]) for e in run(transitions, rows)] == [
        ("view", "cart", 60.0),
        ("view", "view", 60.0),
    ]
    collapsed = run(lambda t: transitions(t, collapse=True), rows)
    assert [(e["source"], e["target"], e["median_seconds"]) for e in collapsed] == [
        ("view", "cart", 120.0)
    ]


def test_unmapped_labels_are_a_label_and_events_without_a_unit_are_dropped() -> None:
    rows = [*journey_rows({"ana": [None, "view"]}), event_row(None, "cart", at(30), 9)]
    assert run(transitions, rows) == [edge("(unmapped)", "view", 1, 1, 1, 1.0, 60.0, 60.0)]
    assert run(starts_and_ends, rows) == [
        {"label": "(unmapped)", "units": 1, "starts": 1, "ends": 0},
        {"label": "view", "units": 1, "starts": 0, "ends": 1},
    ]


def test_starts_and_ends_count_units_by_first_and_last_label() -> None:
    rows = journey_rows(
        {
            "ana": ["ad_click", "view", "cart"],
            "bo": ["view", "cart"],
            "cy": ["view"],
            "di": ["home", "view", "home"],
        }
    )
    assert run(starts_and_ends, rows) == [
        {"label": "ad_click", "units": 1, "starts": 1, "ends": 0},
        {"label": "cart", "units": 2, "starts": 0, "ends": 2},
        {"label": "home", "units": 1, "starts": 1, "ends": 1},
        {"label": "view", "units": 4, "starts": 2, "ends": 1},
    ]


def test_a_label_only_passed_through_has_its_units_and_no_starts_or_ends() -> None:
    rows = journey_rows({"ana": ["home", "cart", "cart", "buy"], "bo": ["home", "cart", "home"]})
    assert run(starts_and_ends, rows) == [
        {"label": "buy", "units": 1, "starts": 0, "ends": 1},
        {"label": "cart", "units": 2, "starts": 0, "ends": 0},
        {"label": "home", "units": 2, "starts": 2, "ends": 1},
    ]


def test_one_event_units_have_no_edges_but_start_and_end() -> None:
    rows = journey_rows({"ana": ["view"]})
    assert run(transitions, rows) == []
    assert run(starts_and_ends, rows) == [{"label": "view", "units": 1, "starts": 1, "ends": 1}]


@pytest.mark.parametrize("build", [transitions, starts_and_ends])
def test_empty_input_gives_empty_output(build: Callable[[ibis.Table], ibis.Table]) -> None:
    assert run(build, []) == []


@settings(max_examples=40, deadline=None)
@given(rows=ref.event_streams())
def test_transitions_match_the_reference(rows: list[dict[str, Any]]) -> None:
    assert run(transitions, rows) == ref.transitions(rows)
    assert run(lambda t: transitions(t, collapse=True), rows) == ref.transitions(
        rows, collapse=True
    )
    assert run(starts_and_ends, rows) == ref.starts_and_ends(rows)
    # without durations: the reference's counts and shares, no times
    untimed = [{**e, "median_seconds": None, "p95_seconds": None}
               for e in ref.transitions(rows, collapse=True)]  # fmt: skip
    assert run(lambda t: transitions(t, collapse=True, durations=False), rows) == untimed


@settings(max_examples=30, deadline=None)
@given(micros=st.lists(st.integers(0, 10**9), min_size=1, max_size=25))
def test_median_and_p95_are_nearest_rank(micros: list[int]) -> None:
    rows = []
    for index, us in enumerate(micros):
        rows.append(event_row(f"u{index}", "view", START, 2 * index))
        rows.append(
            event_row(f"u{index}", "cart", START + dt.timedelta(microseconds=us), 2 * index + 1)
        )
    [result] = run(transitions, rows)
    assert result["median_seconds"] == ref.nearest_rank(micros, 50) / 1_000_000
    assert result["p95_seconds"] == ref.nearest_rank(micros, 95) / 1_000_000
