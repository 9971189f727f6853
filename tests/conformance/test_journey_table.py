"""``Journey.from_table``: the analytics on journey events that live on another engine."""

from __future__ import annotations

import pyarrow as pa
import pytest

from recorrido import Journey
from recorrido.analysis.frame import JOURNEY_EVENTS
from tests.reference.funnel import journey_rows

from .harness import backend_for


@pytest.mark.parametrize("name", ["duckdb", "pyspark"])
def test_funnel_and_transitions_run_where_the_table_lives(name: str) -> None:
    rows = journey_rows({"ana": ["view", "cart", "buy"], "luis": ["view", "cart"], "eva": ["view"]})
    engine = backend_for(name)
    table = engine.register(
        "journey_table", pa.Table.from_pylist(rows, schema=JOURNEY_EVENTS.to_pyarrow())
    )
    journey = Journey.from_table(table, backend=engine)
    steps = journey.funnel(["view", "cart", "buy"]).rows()
    assert [s["count"] for s in steps] == [3, 2, 1]
    edges = {(e["source"], e["target"]): e["count"] for e in journey.transitions().rows()}
    assert edges == {("view", "cart"): 2, ("cart", "buy"): 1}
