"""Stage moves (skips, backward moves, revisits) and fitness to the designed journey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import ibis
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference.fitness import reference_fitness, reference_moves

from recorrido.analysis.fitness import journey_fitness, stage_moves
from recorrido.analysis.frame import JOURNEY_EVENTS

ORDER = ["awareness", "consideration", "decision", "purchase"]
START = dt.datetime(2026, 3, 1, 10, 0)
CON = ibis.duckdb.connect()


def journeys(
    spec: Mapping[str, Sequence[str | None]], *, same_time: bool = False
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for unit, labels in spec.items():
        for index, label in enumerate(labels):
            rows.append(
                {
                    "unit": unit,
                    "person": unit,
                    "seq": len(rows) + 1,
                    "label": label,
                    "ts": START if same_time else START + dt.timedelta(minutes=index),
                    "event": label,
                    "channel": None,
                    "value": None,
                    "properties": None,
                }
            )
    return rows


def run(build: object, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    table = ibis.memtable(pa.Table.from_pylist(rows, schema=JOURNEY_EVENTS.to_pyarrow()))
    result = CON.to_pyarrow(build(table, ORDER))  # type: ignore[operator]
    return sorted(result.to_pylist(), key=lambda r: sorted((k, str(v)) for k, v in r.items()))


def by_key(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return sorted(rows, key=lambda r: sorted((k, str(v)) for k, v in r.items()))


def test_ad_straight_to_purchase_is_a_skip_of_two_stages() -> None:
    moves = run(stage_moves, journeys({"ana": ["awareness", "purchase"]}))
    assert moves == [
        {
            "unit": "ana",
            "source": "awareness",
            "target": "purchase",
            "kind": "skip",
            "skipped": 2,
            "revisit": False,
        }
    ]


def test_backward_moves_and_revisits() -> None:
    rows = journeys(
        {
            "luis": [
                "awareness",
                "consideration",
                "consideration",
                None,
                "awareness",
                "decision",
                "purchase",
            ]
        }
    )
    kinds = [(m["source"], m["target"], m["kind"], m["revisit"]) for m in run(stage_moves, rows)]
    assert sorted(kinds) == sorted(
        [
            ("awareness", "consideration", "forward", False),
            ("consideration", "awareness", "backward", True),
            ("awareness", "decision", "skip", False),
            ("decision", "purchase", "forward", False),
        ]
    )


def test_equal_timestamps_follow_ingestion_order() -> None:
    rows = journeys({"eva": ["decision", "awareness"]}, same_time=True)
    (move,) = run(stage_moves, rows)
    assert (move["source"], move["target"], move["kind"]) == ("decision", "awareness", "backward")


def test_fitness() -> None:
    rows = journeys(
        {
            "ana": ["awareness", "purchase"],
            "eva": ["decision", "consideration"],
            "luis": ["awareness", "consideration", "decision", "purchase"],
            "sin": [None, "other"],
        }
    )
    assert run(journey_fitness, rows) == by_key(
        [
            {
                "unit": "ana",
                "done": 2,
                "in_order": 2,
                "missed": 2,
                "out_of_order": 0,
                "fitness": 0.5,
            },
            {
                "unit": "eva",
                "done": 2,
                "in_order": 1,
                "missed": 2,
                "out_of_order": 1,
                "fitness": 0.25,
            },
            {
                "unit": "luis",
                "done": 4,
                "in_order": 4,
                "missed": 0,
                "out_of_order": 0,
                "fitness": 1.0,
            },
        ]
    )


def test_empty_input() -> None:
    assert run(stage_moves, []) == []
    assert run(journey_fitness, []) == []


streams = st.dictionaries(
    st.sampled_from(["u1", "u2", "u3"]),
    st.lists(st.sampled_from([*ORDER, None, "other"]), max_size=12),
    max_size=3,
)


@settings(max_examples=40, deadline=None)
@given(spec=streams, same_time=st.booleans())
def test_duckdb_equals_the_reference(spec: dict[str, list[str | None]], same_time: bool) -> None:
    rows = journeys(spec, same_time=same_time)
    assert run(stage_moves, rows) == by_key(reference_moves(rows, ORDER))
    assert run(journey_fitness, rows) == by_key(reference_fitness(rows, ORDER))
