"""KPI values over a window, on the hand-made shop (see ``shop.py`` for the arithmetic)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator

import ibis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recorrido import Journey
from recorrido.errors import UsageError
from recorrido.map.loader import parse_map
from recorrido.map.models import Kpi, KpiMetric
from recorrido.significance import difference_of_means, nps_difference, two_proportions
from recorrido.voice.kpis import KpiValue, compare, kpi_data, kpi_value, kpi_values

from .shop import MAP, write_shop

W = (dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 8))


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    with Journey(write_shop(tmp_path_factory.mktemp("shop"))) as opened:
        yield opened


@pytest.fixture(scope="module")
def values(journey: Journey) -> dict[str, KpiValue]:
    assert journey.map is not None
    return {value.kpi: value for value in kpi_values(journey, journey.map, *W)}


def test_buyer_journey_metrics(values: dict[str, KpiValue]) -> None:
    conv, drop, ttc = values["conv"], values["drop"], values["ttc"]
    assert (conv.value, conv.x, conv.n) == (0.5, 2, 4)
    assert (drop.x, drop.n) == (1, 3) and drop.value == pytest.approx(1 / 3)
    assert (ttc.value, ttc.n, ttc.mean) == (300.0, 2, 1950.0)
    assert ttc.sd == pytest.approx(math.sqrt(2 * 1650**2))


def test_survey_metrics(values: dict[str, KpiValue]) -> None:
    nps, csat, ces = values["nps_order"], values["csat_share"], values["ces_support"]
    assert (nps.value, nps.n, nps.promoters, nps.detractors) == (0.0, 3, 1, 1)
    assert (csat.value, csat.x, csat.n) == (pytest.approx(2 / 3), 2, 3)
    assert (ces.value, ces.n) == (4.0, 2) and ces.sd == pytest.approx(math.sqrt(8))


def test_purchase_metrics(values: dict[str, KpiValue]) -> None:
    assert (values["repeat"].value, values["repeat"].x, values["repeat"].n) == (0.5, 1, 2)
    assert (values["churn"].value, values["churn"].x, values["churn"].n) == (0.5, 1, 2)
    assert (values["ret"].value, values["ret"].x, values["ret"].n) == (0.5, 1, 2)
    assert (values["aov"].value, values["aov"].n, values["aov"].sd) == (20.0, 3, 10.0)
    assert (values["rev"].value, values["rev"].n) == (60.0, 3)


def test_a_kpi_off_the_buyer_journey_says_why(values: dict[str, KpiValue]) -> None:
    calls = values["calls"]
    assert calls.value is None
    assert calls.reason is not None and "'call' is not a step of the buyer journey" in calls.reason


def test_empty_windows_and_churn_beyond_the_data(journey: Journey) -> None:
    assert journey.map is not None
    kpis = {kpi.id: kpi for kpi in journey.map.kpis}
    with kpi_data(journey, journey.map) as data:
        assert data.data_end == dt.datetime(2026, 4, 11)
        quiet = (dt.datetime(2025, 1, 1), dt.datetime(2025, 1, 8))
        for kpi_id, words in [
            ("conv", "no unit entered"),
            ("nps_order", "no valid nps answer about order"),
            ("aov", "no purchase in the window"),
            ("ret", "nobody was active"),
        ]:
            value = kpi_value(data, kpis[kpi_id], *quiet)
            assert value.value is None and value.reason is not None and words in value.reason
        late = kpi_value(data, kpis["churn"], dt.datetime(2026, 3, 20), dt.datetime(2026, 3, 27))
        assert late.reason is not None and "the data ends 2026-04-11" in late.reason
        # aware datetimes are read in UTC
        aware = [moment.replace(tzinfo=dt.UTC) for moment in W]
        assert kpi_value(data, kpis["rev"], *aware).value == 60.0


def test_compare_picks_the_metric_test() -> None:
    start, end = W
    share = KpiValue("k", "conversion", start, end, value=0.5, n=10, x=5)
    other = KpiValue("k", "conversion", start, end, value=0.2, n=10, x=2)
    assert compare(share, other) == two_proportions(5, 10, 2, 10)
    nps = KpiValue("k", "nps", start, end, value=10.0, n=10, promoters=3, detractors=2)
    old = KpiValue("k", "nps", start, end, value=0.0, n=5, promoters=1, detractors=1)
    assert compare(nps, old) == nps_difference(3, 2, 10, 1, 1, 5)
    mean = KpiValue("k", "ces", start, end, value=2.0, n=9, mean=2.0, sd=1.0)
    before = KpiValue("k", "ces", start, end, value=4.0, n=4, mean=4.0, sd=2.0)
    assert compare(mean, before) == difference_of_means(2.0, 1.0, 9, 4.0, 2.0, 4)
    total = KpiValue("k", "revenue", start, end, value=60.0, n=3)
    assert compare(total, total) is None
    assert compare(KpiValue("k", "revenue", start, end), total) is None


_SCHEMA = {
    "person_id": "string",
    "anonymous_id": "string",
    "session_id": "string",
    "ts": "timestamp",
    "event": "string",
    "channel": "string",
    "value": "float64",
    "properties": "string",
    "seq": "int64",
}


def orders_value(orders: list[tuple[str, int]], kpi: Kpi, value: float | None) -> KpiValue:
    """``kpi`` over W on a table of orders: (person, hours after W's start), each of ``value``."""
    start = dt.datetime(2026, 3, 1)
    rows = [
        {
            "person_id": who,
            "anonymous_id": None,
            "session_id": None,
            "ts": start + dt.timedelta(hours=hour),
            "event": "order_completed",
            "channel": None,
            "value": value,
            "properties": None,
            "seq": i,
        }
        for i, (who, hour) in enumerate(orders)
    ]
    table = ibis.duckdb.connect().create_table("events", ibis.memtable(rows, schema=_SCHEMA))
    journey_map = parse_map(MAP)
    with Journey.from_table(table, journey_map) as journey, kpi_data(journey, journey_map) as data:
        return kpi_value(data, kpi, *W)


@settings(max_examples=25, deadline=None)
@given(
    orders=st.lists(
        st.tuples(st.sampled_from(["ana", "bo", "cy"]), st.integers(0, 6 * 24 - 1)),
        min_size=1,
        max_size=8,
    )
)
def test_repeat_rate_matches_a_plain_count(orders: list[tuple[str, int]]) -> None:
    """The repeat rate of random orders in W against counting them by hand."""
    kpi = Kpi(id="r", metric=KpiMetric.repeat_purchase_rate, target=0.5)
    value = orders_value(orders, kpi, 10.0)
    counts = {who: sum(1 for w, _ in orders if w == who) for who, _ in orders}
    again = sum(1 for n in counts.values() if n >= 2)
    assert (value.x, value.n) == (again, len(counts))


def test_orders_without_values_say_so() -> None:
    kpi = Kpi(id="a", metric=KpiMetric.average_order_value, target=10)
    value = orders_value([("ana", 1)], kpi, None)
    assert value.value is None
    assert value.reason == "no purchase in the window has a value (map a value column on ingest)"


def test_stage_targets_and_the_first_step(journey: Journey) -> None:
    assert journey.map is not None
    with kpi_data(journey, journey.map) as data:
        stage = Kpi(id="s", metric=KpiMetric.conversion, target=0.5, stage="consideration")
        value = kpi_value(data, stage, *W)
        assert (value.value, value.x, value.n) == (0.75, 3, 4)  # ana, bo, di of 4
        first = Kpi(id="f", metric=KpiMetric.drop_off, target=0.5, stage="awareness")
        assert kpi_value(data, first, *W).reason == (
            "'awareness' is the first step: nothing comes before it"
        )
        with pytest.raises(UsageError, match="the end must come after the start"):
            kpi_value(data, stage, W[1], W[0])
