"""KPI status (current vs previous window, target, weekly trend) and metric alerts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido import Journey
from recorrido.errors import UsageError
from recorrido.map.models import Kpi, KpiMetric
from recorrido.significance import two_proportions
from recorrido.voice.kpis import KpiValue
from recorrido.voice.monitor import KpiStatus, kpi_alerts, kpi_status, target_met

from .shop import write_shop

END = dt.datetime(2026, 3, 8)


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    with Journey(write_shop(tmp_path_factory.mktemp("shop"))) as opened:
        yield opened


@pytest.fixture(scope="module")
def statuses(journey: Journey) -> dict[str, KpiStatus]:
    assert journey.map is not None
    found = kpi_status(journey, journey.map, days=7, end=END)
    return {status.kpi.id: status for status in found}


def test_current_previous_and_target(statuses: dict[str, KpiStatus]) -> None:
    conv = statuses["conv"]
    assert (conv.current.start, conv.current.end) == (dt.datetime(2026, 3, 1), END)
    assert (conv.previous.start, conv.previous.end) == (
        dt.datetime(2026, 2, 22),
        END - dt.timedelta(7),
    )
    # the week before, ana and ed clicked an ad and nobody ordered: 0 of 2
    assert (conv.current.value, conv.previous.value, conv.previous.n) == (0.5, 0.0, 2)
    assert conv.comparison == two_proportions(2, 4, 0, 2)
    assert conv.met is True and conv.change == 0.5
    csat = statuses["csat_share"]
    assert (csat.previous.value, csat.met) == (1.0, False)
    assert statuses["ces_support"].met is False  # 4 > 3, lower is better
    assert statuses["rev"].comparison is None  # a total is not tested


def test_weekly_trend_ends_with_the_current_week(statuses: dict[str, KpiStatus]) -> None:
    trend = statuses["rev"].trend
    assert len(trend) == 8 and trend[-1].end == END and trend[0].start == END - dt.timedelta(56)
    assert [v.value for v in trend][-1] == 60.0
    assert all(v.value is None for v in trend[:-1])


def test_churn_windows_end_churn_days_earlier(statuses: dict[str, KpiStatus]) -> None:
    churn = statuses["churn"]
    assert churn.current.end == END - dt.timedelta(28)
    assert churn.current.value is None and churn.met is None


def test_alerts(statuses: dict[str, KpiStatus]) -> None:
    alerts = [(a.kpi, a.reason) for a in kpi_alerts(list(statuses.values()))]
    assert alerts == [
        ("nps_order", "target_not_met"),
        ("csat_share", "target_not_met"),
        ("csat_share", "dropped"),
        ("ces_support", "target_not_met"),
        ("aov", "target_not_met"),
    ]
    dropped = next(a for a in kpi_alerts(list(statuses.values())) if a.reason == "dropped")
    assert (
        dropped.to_dict()["previous"] == 1.0 and dropped.to_dict()["type"] == "recorrido.kpi_alert"
    )
    # a threshold above the 33% drop silences it
    assert ("csat_share", "dropped") not in [
        (a.kpi, a.reason) for a in kpi_alerts(list(statuses.values()), threshold=0.5)
    ]


def test_bad_requests(journey: Journey) -> None:
    assert journey.map is not None
    with pytest.raises(UsageError, match="at least 1 day"):
        kpi_status(journey, journey.map, days=0)
    bare = journey.map.model_copy(update={"kpis": []})
    with pytest.raises(UsageError, match="no kpis"):
        kpi_status(journey, bare)


@given(
    target=st.floats(-100, 100),
    value=st.none() | st.floats(-100, 100),
    higher=st.booleans(),
)
def test_target_met_honours_the_direction(target: float, value: float | None, higher: bool) -> None:
    kpi = Kpi(
        id="k", metric=KpiMetric.nps, target=target, direction="higher" if higher else "lower"
    )
    expected = None if value is None else (value >= target if higher else value <= target)
    assert target_met(kpi, value) is expected


@given(previous=st.floats(0.01, 10), current=st.floats(0, 10), higher=st.booleans())
def test_dropped_is_a_relative_move_the_wrong_way(
    previous: float, current: float, higher: bool
) -> None:
    kpi = Kpi(
        id="k",
        metric=KpiMetric.ces,
        target=-1e9 if higher else 1e9,
        direction="higher" if higher else "lower",
    )
    start, end = dt.datetime(2026, 1, 8), dt.datetime(2026, 1, 15)
    now = KpiValue("k", "ces", start, end, value=current, n=1)
    before = KpiValue("k", "ces", start - dt.timedelta(7), start, value=previous, n=1)
    status = KpiStatus(kpi, now, before, None, [])
    worse = (previous - current) if higher else (current - previous)
    reasons = [a.reason for a in kpi_alerts([status], threshold=0.1)]
    assert reasons == (["dropped"] if worse / previous > 0.1 else [])
