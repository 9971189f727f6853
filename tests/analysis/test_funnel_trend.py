"""Funnel conversion by period of entry on DuckDB, and the comparison of the latest period
with the one before: hand-written journeys, edge cases, and a property test against the
plain-Python reference."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.analysis.test_funnel import event_streams, specs
from tests.reference.funnel import journey_rows, reference_funnel
from tests.reference.funnel_extras import reference_trend
from tests.reference.retention import sort_rows

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.funnel import FunnelSpec, funnel_units
from recorrido.analysis.funnel_trend import compare_periods, funnel_trend, trend_period_us
from recorrido.errors import UsageError

DAY_US = 86_400_000_000
HOUR = 3_600
VIEW_BUY = FunnelSpec(("view", "buy"))
START = dt.datetime(2026, 3, 1)  # journeys below count seconds from midnight UTC

# Daily periods. 03-01: ana and ben convert (ben the next day: he counts in the period he
# entered), cris does not. 03-02: eva converts; dani, fede and gabi do not.
JOURNEYS = {
    "ana": [("view", 10 * HOUR), ("buy", 10 * HOUR + 300)],
    "ben": [("view", 23 * HOUR), ("buy", 25 * HOUR)],
    "cris": [("view", 12 * HOUR)],
    "dani": [("view", 33 * HOUR)],
    "eva": [("view", 34 * HOUR), ("buy", 34 * HOUR + 1800)],
    "fede": [("view", 35 * HOUR)],
    "gabi": [("view", 36 * HOUR)],
}


@pytest.fixture(scope="module")
def con() -> Any:
    return ibis.duckdb.connect()


def trend_of(
    con: Any, rows: list[dict[str, Any]], spec: FunnelSpec, period_us: int = DAY_US
) -> list[dict[str, Any]]:
    events = ibis.memtable(pa.Table.from_pylist(rows, schema=JOURNEY_EVENTS.to_pyarrow()))
    expr = funnel_trend(funnel_units(events, spec), spec, period_us=period_us)
    return sort_rows(con.to_pyarrow(expr).to_pylist())


def test_conversion_by_day_of_entry(con: Any) -> None:
    rows = trend_of(con, journey_rows(JOURNEYS, start=START), VIEW_BUY)
    assert rows == [
        {
            "period": dt.datetime(2026, 3, 1),
            "entered": 3,
            "converted": 2,
            "conversion": 2 / 3,
            "step_1_count": 3,
            "step_2_count": 2,
        },
        {
            "period": dt.datetime(2026, 3, 2),
            "entered": 4,
            "converted": 1,
            "conversion": 0.25,
            "step_1_count": 4,
            "step_2_count": 1,
        },
    ]


def test_latest_period_against_the_one_before(con: Any) -> None:
    rows = trend_of(con, journey_rows(JOURNEYS, start=START), VIEW_BUY)
    last_event = dt.datetime(2026, 3, 2, 12)  # gabi's view
    comparison = compare_periods(rows, period_us=DAY_US, data_end=last_event)
    assert comparison is not None
    assert comparison["latest"] == {
        "period": dt.datetime(2026, 3, 2),
        "entered": 4,
        "converted": 1,
        "conversion": 0.25,
    }
    assert comparison["previous"]["conversion"] == 2 / 3
    # Worked out by hand: pooled p = 3/7, se = sqrt(3/7 · 4/7 · (1/4 + 1/3)) = sqrt(1/7);
    # z = −1.10240, p = 2 · (1 − Φ(1.10240)) = 0.27029; unpooled se = sqrt(0.25 · 0.75 / 4
    # + 2/3 · 1/3 / 3) = 0.347777, so the interval is −41.667 ± 1.96 · 34.78 pp.
    assert comparison["difference_pp"] == pytest.approx(-41.6667, abs=1e-4)
    assert comparison["z"] == pytest.approx((0.25 - 2 / 3) / math.sqrt(1 / 7))
    assert comparison["p_value"] == pytest.approx(0.27029, abs=1e-5)
    assert comparison["ci95_pp"] == pytest.approx([-100.0, 26.4964], abs=1e-4)  # clipped
    assert comparison["significant"] is False
    assert comparison["partial"] is True
    complete = compare_periods(rows, period_us=DAY_US, data_end=dt.datetime(2026, 3, 3))
    assert complete is not None and complete["partial"] is False


def test_a_clear_change_is_significant() -> None:
    rows = [
        {"period": dt.datetime(2026, 3, 2), "entered": 200, "converted": 20},
        {"period": dt.datetime(2026, 3, 9), "entered": 200, "converted": 60},
    ]
    comparison = compare_periods(rows, period_us=7 * DAY_US, data_end=dt.datetime(2026, 4, 1))
    assert comparison is not None
    assert comparison["difference_pp"] == pytest.approx(20.0)
    assert comparison["p_value"] < 1e-6 and comparison["significant"] is True
    low, high = comparison["ci95_pp"]
    assert 12.0 < low < 20.0 < high < 28.0
    assert comparison["partial"] is False


def test_nobody_converts_no_division_by_zero(con: Any) -> None:
    journeys = {"ana": [("view", 0)], "ben": [("view", 30 * HOUR)]}
    rows = trend_of(con, journey_rows(journeys, start=START), VIEW_BUY)
    comparison = compare_periods(rows, period_us=DAY_US, data_end=None)
    assert comparison is not None
    assert (comparison["latest"]["conversion"], comparison["previous"]["conversion"]) == (0.0, 0.0)
    assert comparison["difference_pp"] == 0.0
    assert comparison["ci95_pp"] is None
    assert comparison["z"] is None and comparison["p_value"] is None
    assert comparison["significant"] is None


def test_previous_period_without_units(con: Any) -> None:
    # Entries on 03-01 and 03-03: the period before the latest (03-02) had nobody.
    journeys = {"ana": [("view", 0), ("buy", 60)], "ben": [("view", 50 * HOUR)]}
    rows = trend_of(con, journey_rows(journeys, start=START), VIEW_BUY)
    comparison = compare_periods(rows, period_us=DAY_US, data_end=None)
    assert comparison is not None
    assert comparison["previous"] == {
        "period": dt.datetime(2026, 3, 2),
        "entered": 0,
        "converted": 0,
        "conversion": None,
    }
    assert comparison["difference_pp"] is None and comparison["p_value"] is None
    assert compare_periods([], period_us=DAY_US, data_end=None) is None


def test_open_funnel_units_count_in_the_period_of_their_entry_step(con: Any) -> None:
    # kike enters at buy (the last step) on 03-02: he entered and converted then. lu enters
    # at view on 03-03; her buy came before her view, so she entered at view, the lowest step.
    journeys = {"kike": [("buy", 30 * HOUR)], "lu": [("buy", 49 * HOUR), ("view", 50 * HOUR)]}
    spec = FunnelSpec(("view", "buy"), open=True)
    rows = trend_of(con, journey_rows(journeys, start=START), spec)
    assert [(r["period"], r["entered"], r["converted"]) for r in rows] == [
        (dt.datetime(2026, 3, 2), 1, 1),
        (dt.datetime(2026, 3, 3), 1, 0),
    ]


def test_week_periods_start_on_monday(con: Any) -> None:
    rows = trend_of(con, journey_rows(JOURNEYS, start=START), VIEW_BUY, 7 * DAY_US)
    # 2026-03-01 is a Sunday: it belongs to the ISO week of Monday 02-23.
    assert [(r["period"], r["entered"]) for r in rows] == [
        (dt.datetime(2026, 2, 23), 3),
        (dt.datetime(2026, 3, 2), 4),
    ]


@pytest.mark.parametrize("name", ["month", "year", "hour"])
def test_only_fixed_length_periods(name: str) -> None:
    with pytest.raises(UsageError, match="use day or week; trend periods have fixed lengths"):
        trend_period_us(name)
    assert trend_period_us("week") == 7 * DAY_US


def test_units_table_must_come_from_the_same_spec() -> None:
    events = ibis.table(JOURNEY_EVENTS, name="journey_events")
    units = funnel_units(events, VIEW_BUY)
    with pytest.raises(UsageError, match="no column 'step_3_ts'"):
        funnel_trend(units, FunnelSpec(("view", "cart", "buy")), period_us=DAY_US)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=event_streams(),
    spec=specs(),
    period_us=st.sampled_from((60_000_000, 120_000_000, DAY_US)),
)
def test_trend_matches_the_reference(
    con: Any, rows: list[dict[str, Any]], spec: FunnelSpec, period_us: int
) -> None:
    units, _ = reference_funnel(rows, spec)
    expected = reference_trend(units, spec, period_us=period_us)
    assert trend_of(con, rows, spec, period_us) == sort_rows(expected)
