"""Key drivers (outcomes, exposures, counts, the priority matrix, Pearson's r) on every
backend against the plain-Python reference, and their SQL snapshots."""

from __future__ import annotations

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recorrido.analysis.correlation import pearson
from recorrido.analysis.frame import JOURNEY_EVENTS, journey_events_table
from tests.analysis.test_drivers import (
    ANALYTICS,
    EVERYTHING,
    PAIRS,
    PAIRS_SCHEMA,
    SCORED,
    Build,
    Row,
    World,
    assert_same,
    matrix,
    reference,
    scored_rows,
    worlds,
)
from tests.reference import drivers as ref

from .harness import assert_sql_snapshot, backend_for, normalise

ANSWERS = ibis.table(SCORED, name="answers")


def run_world(backend: str, build: Build, w: World) -> list[Row]:
    """Load the journey events of ``w`` and its answers, placed and scored by the reference
    (the experience conformance tests check those on every backend), on ``backend`` and run
    ``build`` there."""
    engine = backend_for(backend)
    engine.register("answers", pa.Table.from_pylist(scored_rows(w), schema=SCORED.to_pyarrow()))
    engine.register(
        "journey_events", pa.Table.from_pylist(w.events, schema=JOURNEY_EVENTS.to_pyarrow())
    )
    return normalise(engine.to_arrow(build(ANSWERS, journey_events_table())).to_pylist())


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_hand_written_worlds(backend: str, name: str) -> None:
    assert_same(run_world(backend, ANALYTICS[name], EVERYTHING), reference(name, EVERYTHING))


def test_pearson_of_hand_written_pairs(backend: str) -> None:
    engine = backend_for(backend)
    engine.register("pairs", pa.Table.from_pylist(PAIRS, schema=PAIRS_SCHEMA))
    expr = pearson(ibis.table(ibis.Schema.from_pyarrow(PAIRS_SCHEMA), name="pairs"), "g", "x", "y")
    assert_same(
        normalise(engine.to_arrow(expr).to_pylist()), ref.pearson_rows(PAIRS, "g", "x", "y")
    )


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(w=worlds(), name=st.sampled_from(sorted(ANALYTICS)))
def test_generated_worlds(backend: str, w: World, name: str) -> None:
    assert_same(run_world(backend, ANALYTICS[name], w), reference(name, w))


SNAPSHOTS: dict[str, Build] = {
    "driver_exposures": ANALYTICS["driver_exposures"],
    "driver_counts": ANALYTICS["driver_counts"],
    "place_correlations": matrix("nps"),
}


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_sql_snapshots(name: str) -> None:
    assert_sql_snapshot(name, SNAPSHOTS[name](ANSWERS, journey_events_table()))
