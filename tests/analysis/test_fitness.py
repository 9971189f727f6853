"""Stage moves (skips, backward moves, revisits) and fitness to the designed journey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import ibis
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference.fitness import (
    reference_deviations,
    reference_fitness,
    reference_moves,
    reference_unit_conformance,
)

from recorrido.analysis.fitness import (
    conformance_by,
    designed_steps,
    deviation_totals,
    deviations_by_step,
    first_channels,
    journey_deviations,
    journey_fitness,
    stage_moves,
    step_coverage,
    unit_conformance,
)
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
    moves, fitness = run(stage_moves, rows), run(journey_fitness, rows)
    assert moves == by_key(reference_moves(rows, ORDER))
    assert fitness == by_key(reference_fitness(rows, ORDER))
    # the same from the designed steps computed beforehand, not collapsed again
    for analysis, expected in ((stage_moves, moves), (journey_fitness, fitness),
                               (step_coverage, run(step_coverage, rows))):  # fmt: skip
        got = run(lambda t, o, f=analysis: f(designed_steps(t, o), o, collapsed=True), rows)
        assert got == expected


# Deviations: skipped steps, out of order, backward moves, unexpected touchpoints

STAGE_OF = {
    "ad": "awareness",
    "blog": "awareness",
    "product": "consideration",
    "cart": "decision",
    "order": "purchase",
}
"""Touchpoints of a small shop and their stage; ``call`` and ``review`` are unforeseen."""
UNFORESEEN = ["call", "review"]


def deviations_of(rows: list[dict[str, object]], **options: Any) -> list[dict[str, object]]:
    return run(lambda t, order: journey_deviations(t, order, **options), rows)


def test_an_ad_straight_to_purchase_skips_consideration_and_decision() -> None:
    assert deviations_of(journeys({"ana": ["awareness", "purchase"]})) == [
        {"unit": "ana", "kind": "skipped", "step": "consideration", "count": 1},
        {"unit": "ana", "kind": "skipped", "step": "decision", "count": 1},
    ]


def test_going_back_is_counted_where_the_unit_turned_back() -> None:
    rows = journeys(
        {
            "eva": ["decision", "consideration"],
            "luis": ["awareness", "consideration", "consideration", None, "awareness",
                     "decision", "purchase"],
        }
    )  # fmt: skip
    assert deviations_of(rows) == by_key(
        [
            {"unit": "eva", "kind": "backward", "step": "decision", "count": 1},
            {"unit": "eva", "kind": "out_of_order", "step": "decision", "count": 1},
            {"unit": "luis", "kind": "backward", "step": "consideration", "count": 1},
            {"unit": "luis", "kind": "skipped", "step": "consideration", "count": 1},
        ]
    )


def test_unforeseen_touchpoints_count_only_inside_the_designed_journey() -> None:
    rows = journeys(
        {
            # before the first designed event, at consideration, at decision, after purchase
            "sol": ["call", "ad", "blog", "product", "call", "product", "cart", "review",
                    "order", "review"],
            "rio": ["review", "call"],  # never in the designed journey
        }
    )  # fmt: skip
    got = deviations_of(rows, step_of=STAGE_OF, unexpected=UNFORESEEN)
    assert got == [
        {"unit": "sol", "kind": "unexpected", "step": "consideration", "count": 1},
        {"unit": "sol", "kind": "unexpected", "step": "decision", "count": 1},
    ]


def test_a_label_both_designed_and_unforeseen_counts_as_designed() -> None:
    rows = journeys({"ana": ["ad", "cart"]})
    got = deviations_of(rows, step_of=STAGE_OF, unexpected=["cart"])
    assert got == [{"unit": "ana", "kind": "skipped", "step": "consideration", "count": 1}]


def test_per_unit_conformance_and_its_totals() -> None:
    rows = journeys(
        {
            "ana": ["ad", "order"],
            "eva": ["cart", "product"],
            "sol": ["ad", "product", "call", "call", "cart", "order"],
            "sin": ["call"],
        }
    )
    options: dict[str, Any] = {"step_of": STAGE_OF, "unexpected": UNFORESEEN}

    def per_unit(table: Any, order: list[str]) -> Any:
        staged = table.mutate(label=table.label.substitute(STAGE_OF, else_=ibis.null("string")))
        return unit_conformance(
            journey_fitness(staged, order), journey_deviations(table, order, **options)
        )

    expected = [
        {"unit": "ana", "fitness": 0.5, "done": 2, "missed": 2,
         "skipped": 2, "out_of_order": 0, "backward": 0, "unexpected": 0},
        {"unit": "eva", "fitness": 0.25, "done": 2, "missed": 2,
         "skipped": 0, "out_of_order": 1, "backward": 1, "unexpected": 0},
        {"unit": "sol", "fitness": 1.0, "done": 4, "missed": 0,
         "skipped": 0, "out_of_order": 0, "backward": 0, "unexpected": 2},
    ]  # fmt: skip
    assert run(per_unit, rows) == by_key(expected)
    assert by_key(reference_unit_conformance(rows, ORDER, **options)) == by_key(expected)
    totals = run(lambda t, order: deviation_totals(journey_deviations(t, order, **options)), rows)
    assert totals == by_key(
        [
            {"kind": "skipped", "deviations": 2, "units": 1},
            {"kind": "out_of_order", "deviations": 1, "units": 1},
            {"kind": "backward", "deviations": 1, "units": 1},
            {"kind": "unexpected", "deviations": 2, "units": 1},
        ]
    )
    by_step = run(
        lambda t, order: deviations_by_step(journey_deviations(t, order, **options)), rows
    )
    assert by_step == by_key(
        [
            {"step": "consideration", "skipped": 1, "out_of_order": 0, "backward": 0,
             "unexpected": 2, "deviating_units": 2},
            {"step": "decision", "skipped": 1, "out_of_order": 1, "backward": 1,
             "unexpected": 0, "deviating_units": 2},
        ]
    )  # fmt: skip

    def grouped(table: Any, order: list[str]) -> Any:
        groups = table.select("unit").distinct()
        groups = groups.mutate(group=(groups.unit == "sol").ifelse("loyal", "new"))
        return conformance_by(per_unit(table, order), groups)

    assert run(grouped, rows) == by_key(
        [
            {"group": "loyal", "units": 1, "mean_fitness": 1.0, "conforming": 1, "skipped": 0,
             "out_of_order": 0, "backward": 0, "unexpected": 2, "deviating_units": 1},
            {"group": "new", "units": 2, "mean_fitness": 0.375, "conforming": 0, "skipped": 2,
             "out_of_order": 1, "backward": 1, "unexpected": 0, "deviating_units": 2},
        ]
    )  # fmt: skip


def test_first_touch_channel() -> None:
    rows = journeys({"ana": ["ad", "order", "call"], "eva": ["blog"], "luz": ["ad"]})
    channels = {"ana": [None, "social", "phone"], "eva": [None], "luz": ["search"]}
    for unit, values in channels.items():
        for row, value in zip([r for r in rows if r["unit"] == unit], values, strict=True):
            row["channel"] = value
    assert run(lambda t, _: first_channels(t, "(none)"), rows) == by_key(
        [
            {"unit": "ana", "channel": "social"},
            {"unit": "eva", "channel": "(none)"},
            {"unit": "luz", "channel": "search"},
        ]
    )


def test_no_designed_step_gives_no_deviations() -> None:
    rows = journeys({"sin": ["call", "other", None]})
    assert deviations_of(rows, step_of=STAGE_OF, unexpected=UNFORESEEN) == []
    assert deviations_of([], step_of=STAGE_OF, unexpected=UNFORESEEN) == []


def staged(table: Any, order: Sequence[str]) -> Any:
    """The designed steps of touchpoint events relabelled with their stage."""
    label = table.label.substitute(STAGE_OF, else_=ibis.null("string"))
    return designed_steps(table.mutate(label=label), order)


touchpoint_streams = st.dictionaries(
    st.sampled_from(["u1", "u2", "u3"]),
    st.lists(st.sampled_from([*STAGE_OF, *UNFORESEEN, None, "other"]), max_size=12),
    max_size=3,
)


@settings(max_examples=40, deadline=None)
@given(spec=touchpoint_streams, same_time=st.booleans(), short=st.booleans())
def test_deviations_equal_the_reference(
    spec: dict[str, list[str | None]], same_time: bool, short: bool
) -> None:
    rows = journeys(spec, same_time=same_time)
    order = ORDER[:2] if short else ORDER
    options: dict[str, Any] = {"step_of": STAGE_OF, "unexpected": UNFORESEEN}
    got = run(lambda t, _: journey_deviations(t, order, **options), rows)
    assert got == by_key(reference_deviations(rows, order, **options))
    # the same from the designed steps computed beforehand (seq never ties here, as in a store)
    assert run(lambda t, _: journey_deviations(t, order, designed=staged(t, order), **options),
               rows) == got  # fmt: skip
    stages = [{**row, "label": STAGE_OF.get(str(row["label"]))} for row in rows]
    assert run(lambda t, _: journey_deviations(t, order), stages) == by_key(
        reference_deviations(stages, order)
    )
