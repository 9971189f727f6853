"""Stage moves, fitness, deviations and routes agree with the reference on every backend."""

from __future__ import annotations

from typing import Any

import ibis

from recorrido.analysis.fitness import (
    DEVIATION_KINDS,
    conformance_by,
    designed_steps,
    first_channels,
    journey_deviations,
    journey_fitness,
    stage_moves,
    unit_conformance,
)
from recorrido.analysis.routes import route_totals, route_units
from tests.analysis.test_fitness import ORDER, STAGE_OF, UNFORESEEN, journeys, staged
from tests.reference.fitness import (
    reference_deviations,
    reference_fitness,
    reference_moves,
    reference_unit_conformance,
)
from tests.reference.routes import reference_route_totals, reference_route_units

from .harness import assert_sql_snapshot, normalise, run_on

CASES = {
    "ana": ["awareness", "purchase"],
    "eva": ["decision", "consideration"],
    "luis": ["awareness", "consideration", "consideration", None, "awareness", "decision",
             "purchase"],
    "sin": [None, "other"],
    "uno": ["purchase"],
}  # fmt: skip


def test_stage_moves(backend: str) -> None:
    rows = journeys(CASES) + journeys({"tie": ["decision", "awareness", "purchase"]},
                                      same_time=True)  # fmt: skip
    for row in rows:
        row["seq"] = rows.index(row) + 1
    got = run_on(backend, lambda t: stage_moves(t, ORDER), rows)
    assert got == normalise(reference_moves(rows, ORDER))
    collapsed = run_on(
        backend, lambda t: stage_moves(designed_steps(t, ORDER), ORDER, collapsed=True), rows
    )
    assert collapsed == got


def test_journey_fitness(backend: str) -> None:
    rows = journeys(CASES)
    got = run_on(backend, lambda t: journey_fitness(t, ORDER), rows)
    assert got == normalise(reference_fitness(rows, ORDER))
    collapsed = run_on(
        backend, lambda t: journey_fitness(designed_steps(t, ORDER), ORDER, collapsed=True), rows
    )
    assert collapsed == got


def test_sql_snapshots() -> None:
    from recorrido.analysis.frame import journey_events_table

    assert_sql_snapshot("stage_moves", stage_moves(journey_events_table(), ORDER))
    assert_sql_snapshot("journey_fitness", journey_fitness(journey_events_table(), ORDER))


# Deviations, per-unit conformance by group (first-touch channel) and routes

SHOP = {
    "ana": ["ad", "order"],
    "eva": ["cart", "product"],
    "sol": ["call", "ad", "blog", "product", "call", "product", "cart", "review", "order",
            "review"],
    "luis": ["ad", "product", "product", "ad", "cart", "order", "call"],
    "sin": ["call", None],
}  # fmt: skip
CHANNELS = {"ana": "social", "sol": "search", "luis": "social"}
"""The channel of each unit's first event (the others have none)."""
OPTIONS: dict[str, Any] = {"step_of": STAGE_OF, "unexpected": UNFORESEEN}


def shop_rows() -> list[dict[str, object]]:
    rows = journeys(SHOP) + journeys({"tie": ["cart", "ad", "order", "call"]}, same_time=True)
    for index, row in enumerate(rows, 1):
        row["seq"] = index
        first = not any(r["unit"] == row["unit"] for r in rows[: index - 1])
        row["channel"] = CHANNELS.get(str(row["unit"])) if first else None
    return rows


def per_channel(table: Any) -> Any:
    staged = table.mutate(label=table.label.substitute(STAGE_OF, else_=ibis.null("string")))
    per_unit = unit_conformance(
        journey_fitness(staged, ORDER), journey_deviations(table, ORDER, **OPTIONS)
    )
    channels = first_channels(table, "(none)")
    return conformance_by(per_unit, channels.select("unit", group=channels.channel))


def test_journey_deviations(backend: str) -> None:
    rows = shop_rows()
    got = run_on(backend, lambda t: journey_deviations(t, ORDER, **OPTIONS), rows)
    assert got == normalise(reference_deviations(rows, ORDER, **OPTIONS))
    # from the designed steps computed beforehand (as conformance does on a store)
    reused = run_on(
        backend, lambda t: journey_deviations(t, ORDER, designed=staged(t, ORDER), **OPTIONS), rows
    )
    assert reused == got


def test_conformance_by_first_touch_channel(backend: str) -> None:
    rows = shop_rows()
    channel = {str(r["unit"]): r["channel"] or "(none)" for r in rows if r["channel"]}
    expected: dict[str, dict[str, Any]] = {}
    for unit in reference_unit_conformance(rows, ORDER, **OPTIONS):
        group = channel.get(str(unit["unit"]), "(none)")
        row = expected.setdefault(
            group,
            {"group": group, "units": 0, "fitness": 0.0, "conforming": 0, "deviating_units": 0}
            | dict.fromkeys(DEVIATION_KINDS, 0),
        )
        row["units"] += 1
        row["fitness"] += float(str(unit["fitness"]))
        row["conforming"] += unit["fitness"] == 1
        row["deviating_units"] += any(unit[k] for k in DEVIATION_KINDS)
        for kind in DEVIATION_KINDS:
            row[kind] += unit[kind]
    for row in expected.values():
        row["mean_fitness"] = row.pop("fitness") / row["units"]
    got = run_on(backend, per_channel, rows)
    assert got == normalise(list(expected.values()))


def test_route_totals(backend: str) -> None:
    rows = shop_rows()
    steps = ["ad", "product", "order"]

    def totals(table: Any) -> Any:
        return route_totals(route_units(table, steps), table.filter(table.label == "order"))

    assert run_on(backend, totals, rows) == [reference_route_totals(rows, steps, "order")]
    got = run_on(backend, lambda t: route_units(t, steps), rows)
    assert got == normalise(reference_route_units(rows, steps))


def test_deviation_sql_snapshots() -> None:
    from recorrido.analysis.frame import journey_events_table

    table = journey_events_table()
    assert_sql_snapshot("journey_deviations", journey_deviations(table, ORDER, **OPTIONS))
    assert_sql_snapshot("conformance_by_channel", per_channel(table))
    steps = ["ad", "product", "order"]
    routes = route_totals(route_units(table, steps), table.filter(table.label == "order"))
    assert_sql_snapshot("route_totals", routes)
