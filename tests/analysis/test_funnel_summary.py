"""The time-to-convert histogram of a funnel on DuckDB: hand-written journeys, bins, open
funnels, and a property test against the plain-Python reference."""

from __future__ import annotations

from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from tests.analysis.test_funnel import event_streams, specs
from tests.reference.funnel import journey_rows, reference_funnel
from tests.reference.funnel_extras import BINS, reference_histogram

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.funnel import FunnelSpec, funnel_units
from recorrido.analysis.funnel_summary import TIME_BINS, funnel_histogram
from recorrido.errors import UsageError

DAY = 86_400
VIEW_CART_BUY = FunnelSpec(("view", "cart", "purchase"))

# Seconds to cart: ana 0, ben 59.999999 (still under a minute), cris 60 (a lower bound is
# inclusive), dani 3600 (1-4h), eva exactly 30 days; fede never reaches cart. To purchase:
# ana 20 min after her view, cris 3 days.
JOURNEYS: dict[str, list[Any]] = {
    "ana": [("view", 0), ("cart", 0), ("purchase", 1200)],
    "ben": [("view", 0), ("cart", 59.999999)],
    "cris": [("view", 0), ("cart", 60), ("purchase", 3 * DAY)],
    "dani": [("view", 0), ("cart", 3600)],
    "eva": [("view", 0), ("cart", 30 * DAY)],
    "fede": [("view", 0)],
}


@pytest.fixture(scope="module")
def con() -> Any:
    return ibis.duckdb.connect()


def histogram(con: Any, rows: list[dict[str, Any]], spec: FunnelSpec) -> list[dict[str, Any]]:
    events = ibis.memtable(pa.Table.from_pylist(rows, schema=JOURNEY_EVENTS.to_pyarrow()))
    return list(con.to_pyarrow(funnel_histogram(funnel_units(events, spec), spec)).to_pylist())


def counts(rows: list[dict[str, Any]]) -> dict[tuple[int, str], int]:
    """The non-zero counts by (step, bin)."""
    return {(r["step"], r["bin"]): r["count"] for r in rows if r["count"]}


def test_bins_of_hand_written_journeys(con: Any) -> None:
    rows = histogram(con, journey_rows(JOURNEYS), VIEW_CART_BUY)
    assert counts(rows) == {
        (2, "<1m"): 2,
        (2, "1-5m"): 1,
        (2, "1-4h"): 1,
        (2, ">=30d"): 1,
        (3, "15-60m"): 1,
        (3, "3-7d"): 1,
    }
    # Every bin of every step j >= 2, in order, zeros included.
    assert [(r["step"], r["bin"]) for r in rows] == [(j, b[0]) for j in (2, 3) for b in BINS]
    assert rows[0] == {"step": 2, "bin": "<1m", "from_seconds": 0.0, "to_seconds": 60.0, "count": 2}
    assert rows[10]["to_seconds"] is None


def test_the_bins_are_the_documented_ones() -> None:
    assert [(name, low, high) for name, low, high in TIME_BINS] == BINS


def test_open_funnel_counts_units_with_a_time(con: Any) -> None:
    # kike enters at cart (no time to cart) and buys a minute later; ana goes view → cart.
    journeys = {"kike": ["cart", "purchase"], "ana": ["view", "cart"]}
    spec = FunnelSpec(VIEW_CART_BUY.steps, open=True)
    assert counts(histogram(con, journey_rows(journeys), spec)) == {
        (2, "1-5m"): 1,
        (3, "1-5m"): 1,
    }


def test_nobody_reaches_step_2(con: Any) -> None:
    rows = histogram(con, journey_rows({"fede": ["view"]}), VIEW_CART_BUY)
    assert len(rows) == 2 * len(BINS) and counts(rows) == {}
    assert len(histogram(con, [], VIEW_CART_BUY)) == 2 * len(BINS)


def test_units_table_must_come_from_the_same_spec() -> None:
    events = ibis.table(JOURNEY_EVENTS, name="journey_events")
    with pytest.raises(UsageError, match="no column 'step_3_ts'"):
        funnel_histogram(funnel_units(events, FunnelSpec(("view", "cart"))), VIEW_CART_BUY)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=event_streams(), spec=specs())
def test_histogram_matches_the_reference(
    con: Any, rows: list[dict[str, Any]], spec: FunnelSpec
) -> None:
    units, _ = reference_funnel(rows, spec)
    assert histogram(con, rows, spec) == reference_histogram(units, spec)
