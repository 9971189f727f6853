"""Experience analytics (link rule, metrics per group, journey-level satisfaction, stage
emotions) on every backend against the plain-Python reference, and their SQL snapshots."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recorrido.analysis.feedback_link import FEEDBACK, feedback_table
from recorrido.analysis.frame import JOURNEY_EVENTS, journey_events_table
from tests.analysis.test_experience_metrics import (
    ANALYTICS,
    ANSWERS,
    JOURNEYS,
    PERSONA_SCHEMA,
    PERSONAS,
    Build,
    reference,
    worlds,
)
from tests.reference.experience import assert_rows

from .harness import assert_sql_snapshot, backend_for, normalise

PERSONAS_TABLE = ibis.table(ibis.Schema.from_pyarrow(PERSONA_SCHEMA), name="personas")


def run_tables(
    backend: str,
    build: Build,
    answers: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]],
) -> list[dict[str, object]]:
    """Load the answers, journey events and personas on ``backend`` and run ``build`` there."""
    engine = backend_for(backend)
    engine.register("feedback", pa.Table.from_pylist(list(answers), schema=FEEDBACK.to_pyarrow()))
    engine.register(
        "journey_events", pa.Table.from_pylist(list(events), schema=JOURNEY_EVENTS.to_pyarrow())
    )
    engine.register("personas", pa.Table.from_pylist(PERSONAS, schema=PERSONA_SCHEMA))
    expr = build(feedback_table(), journey_events_table(), PERSONAS_TABLE)
    return normalise(engine.to_arrow(expr).to_pylist())


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_hand_written_answers(backend: str, name: str) -> None:
    got = run_tables(backend, ANALYTICS[name], ANSWERS, JOURNEYS)
    assert_rows(got, reference(name, ANSWERS, JOURNEYS))


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=worlds(), name=st.sampled_from(sorted(ANALYTICS)))
def test_generated_answers(
    backend: str, world: tuple[list[dict[str, Any]], list[dict[str, Any]]], name: str
) -> None:
    answers, events = world
    assert_rows(run_tables(backend, ANALYTICS[name], answers, events),
                reference(name, answers, events))  # fmt: skip


SNAPSHOTS = {
    "experience_scored": "scored",
    "experience_quality": "quality",
    "experience_by_touchpoint": "by_touchpoint",
    "experience_by_persona": "by_persona",
    "experience_by_day": "by_day",
    "journey_satisfaction": "journey_satisfaction",
    "satisfaction_drivers": "drivers",
    "stage_emotions": "stage_emotions",
}


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_sql_snapshots(name: str) -> None:
    build = ANALYTICS[SNAPSHOTS[name]]
    assert_sql_snapshot(name, build(feedback_table(), journey_events_table(), PERSONAS_TABLE))
