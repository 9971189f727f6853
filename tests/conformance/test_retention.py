"""Retention, repeat purchases and lifecycle: the hand-written journeys on every backend."""

from __future__ import annotations

import pytest

from recorrido.analysis.frame import JOURNEY_EVENTS
from tests.analysis.test_retention import CASES, Case
from tests.reference.retention import sort_rows

from .harness import run_on


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hand_written_journeys_on_every_backend(backend: str, case: Case) -> None:
    rows = run_on(backend, case.build, case.rows, schema=JOURNEY_EVENTS, name="journey_events")
    assert sort_rows(rows) == sort_rows(case.expected)
