"""Stage moves and journey fitness agree with the reference on every backend."""

from __future__ import annotations

from recorrido.analysis.fitness import journey_fitness, stage_moves
from tests.analysis.test_fitness import ORDER, journeys
from tests.reference.fitness import reference_fitness, reference_moves

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


def test_journey_fitness(backend: str) -> None:
    rows = journeys(CASES)
    got = run_on(backend, lambda t: journey_fitness(t, ORDER), rows)
    assert got == normalise(reference_fitness(rows, ORDER))


def test_sql_snapshots() -> None:
    from recorrido.analysis.frame import journey_events_table

    assert_sql_snapshot("stage_moves", stage_moves(journey_events_table(), ORDER))
    assert_sql_snapshot("journey_fitness", journey_fitness(journey_events_table(), ORDER))
