"""First/last touch, trend and time-to-convert histogram of a funnel: small hand-written
journeys on every backend against the plain-Python reference, and their SQL snapshots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ibis

from recorrido.analysis.attribution import funnel_touches
from recorrido.analysis.frame import journey_events_table
from recorrido.analysis.funnel import FunnelSpec, funnel_units
from recorrido.analysis.funnel_summary import funnel_histogram
from recorrido.analysis.funnel_trend import funnel_trend
from tests.analysis.test_attribution import JOURNEYS as TOUCH_JOURNEYS
from tests.analysis.test_funnel_summary import JOURNEYS as TIME_JOURNEYS
from tests.reference.funnel import journey_rows, reference_funnel
from tests.reference.funnel_extras import reference_histogram, reference_touches, reference_trend

from .harness import assert_sql_snapshot, normalise, on_backends, run_on

DAY_US = 86_400_000_000
VIEW_CART_BUY = FunnelSpec(("view", "cart", "purchase"))
SNAPSHOT_SPEC = FunnelSpec(
    ("product_view", "add_to_cart", "checkout_started", "order_completed"),
    window_us=DAY_US,
)


@on_backends()
def test_first_and_last_touch(backend: str) -> None:
    rows = journey_rows(TOUCH_JOURNEYS)
    spec = VIEW_CART_BUY
    got = run_on(backend, lambda t: funnel_touches(t, funnel_units(t, spec), spec), rows)
    units, _ = reference_funnel(rows, spec)
    assert got == normalise(reference_touches(rows, units))


@on_backends()
def test_histogram_and_daily_trend(backend: str) -> None:
    # The histogram's journeys all enter on 03-01 (their times reach 30 days), so the trend
    # adds two later entries: gabi on 03-03 converts, hugo on 03-04 skips the cart and does not.
    day = 86_400
    journeys = {
        **TIME_JOURNEYS,
        "gabi": [("view", 2 * day), ("cart", 2 * day + 30), ("purchase", 2 * day + 90)],
        "hugo": [("view", 3 * day), ("purchase", 3 * day + 60)],
    }
    spec = VIEW_CART_BUY
    # Both read the units (checked on every backend by test_funnel.py), loaded as a table.
    units, _ = reference_funnel(journey_rows(journeys), spec)
    schema = funnel_units(journey_events_table(), spec).schema()

    def on_units(build: Callable[[ibis.Table], ibis.Table]) -> list[dict[str, object]]:
        return run_on(backend, build, units, schema=schema, name="funnel_units")

    histogram = on_units(lambda t: funnel_histogram(t, spec))
    assert histogram == normalise(reference_histogram(units, spec))
    trend = on_units(lambda t: funnel_trend(t, spec, period_us=DAY_US))
    assert trend == normalise(reference_trend(units, spec, period_us=DAY_US))
    assert [(r["period"], r["entered"]) for r in trend] == [
        (dt.datetime(2026, 3, 1), 6),
        (dt.datetime(2026, 3, 3), 1),
        (dt.datetime(2026, 3, 4), 1),
    ]


def test_sql_snapshots() -> None:
    t = journey_events_table()
    units = funnel_units(t, SNAPSHOT_SPEC)
    assert_sql_snapshot("funnel_touches", funnel_touches(t, units, SNAPSHOT_SPEC))
    assert_sql_snapshot("funnel_histogram", funnel_histogram(units, SNAPSHOT_SPEC))
    assert_sql_snapshot("funnel_trend", funnel_trend(units, SNAPSHOT_SPEC, period_us=7 * DAY_US))
