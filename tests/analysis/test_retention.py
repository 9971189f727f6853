"""Retention by cohort, repeat purchases and lifecycle, on DuckDB against hand-written tables
and the plain-Python reference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference import retention as ref
from tests.reference.retention import DAY_US, WEEK_US, journeys, sort_rows

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.lifecycle import lifecycle
from recorrido.analysis.repeat import repeat_purchases
from recorrido.analysis.retention import period_index, retention
from recorrido.errors import UsageError

CON = ibis.duckdb.connect()
SCHEMA = JOURNEY_EVENTS.to_pyarrow()
D = dt.datetime

Build = Callable[[ibis.Table], ibis.Table]


def run(build: Build, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``build`` applied to ``rows`` on DuckDB (pyarrow in, pyarrow out), rows sorted."""
    table = ibis.memtable(pa.Table.from_pylist(list(rows), schema=SCHEMA))
    return sort_rows(CON.to_pyarrow(build(table)).to_pylist())


def grid(
    cohort: dt.datetime, size: int, retained: Sequence[int], **breakdown: object
) -> list[dict[str, Any]]:
    """Expected retention rows of one cohort: ``retained[k]`` units in period k."""
    return [
        {
            "cohort": cohort,
            **breakdown,
            "period": k,
            "cohort_size": size,
            "retained": n,
            "rate": n / size,
        }
        for k, n in enumerate(retained)
    ]


def life(
    period: dt.datetime, new: int, returning: int, resurrecting: int, dormant: int
) -> dict[str, Any]:
    """One expected lifecycle row."""
    active = new + returning + resurrecting
    return {
        "period": period,
        "active": active,
        "new": new,
        "returning": returning,
        "resurrecting": resurrecting,
        "dormant": dormant,
    }


ANALYTICS: dict[str, Callable[..., ibis.Table]] = {
    "retention": retention,
    "repeat_purchases": repeat_purchases,
    "lifecycle": lifecycle,
}
REFERENCES: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "retention": ref.retention,
    "repeat_purchases": ref.repeat_purchases,
    "lifecycle": ref.lifecycle,
}


@dataclass(frozen=True)
class Case:
    """A hand-written journey, an analytic with its options and the exact table it returns."""

    name: str
    analytic: str
    options: dict[str, Any]
    rows: list[dict[str, Any]]
    expected: list[dict[str, Any]] = field(default_factory=list)

    def build(self, events: ibis.Table) -> ibis.Table:
        """The analytic's expression over ``events``."""
        return ANALYTICS[self.analytic](events, **self.options)

    def reference(self) -> list[dict[str, Any]]:
        """The plain-Python reference's rows for the same journeys."""
        return REFERENCES[self.analytic](self.rows, **self.options)


# -- the journeys ----------------------------------------------------------------------------

SIGNUPS = journeys(
    {
        "ana": [
            ("2026-03-02T10:00:00", "signup", "web"),
            ("2026-03-03T09:00:00", "purchase", "web"),
            ("2026-03-04T23:59:59.999999", "purchase", "web"),
        ],
        "bo": [
            ("2026-03-02T23:00:00", "signup", None),
            ("2026-03-04T00:00:00", "purchase", "app"),
        ],
        "cy": [("2026-03-03T12:00:00", "signup", "app")],  # active only once
        None: [("2026-03-03T12:00:00", "signup", "app")],  # no unit: ignored
    }
)

VISITS = journeys(
    {
        "ana": [
            ("2026-03-02T10:00:00", "visit"),
            ("2026-03-03T10:00:00", "visit"),
            ("2026-03-05T10:00:00", "visit"),
        ],
        "bo": [("2026-03-03T18:00:00", "visit")],
    }
)

# Two start events in the same microsecond: the first written (lower seq) defines the entry.
TIES = journeys(
    {
        "ana": [
            ("2026-03-02T10:00:00", "signup", "web"),
            ("2026-03-02T10:00:00", "signup", "app"),
            ("2026-03-03T10:00:00", "purchase", "app"),
        ],
        "bo": [
            ("2026-03-02T11:00:00", "signup", "app"),
            ("2026-03-02T11:00:00", "signup", "web"),
        ],
    }
)

# Sunday 23:00 and Monday 01:00 fall in different weeks (weeks start on Monday 00:00 UTC).
WEEKS = journeys(
    {
        "ana": [("2026-03-01T23:00:00", "visit"), ("2026-03-02T01:00:00", "visit")],
        "bo": [("2026-03-02T01:00:00", "visit"), ("2026-03-15T23:59:59", "visit")],
    }
)

PURCHASES = journeys(
    {
        "ana": [
            ("2026-03-02T10:00:00", "purchase"),
            ("2026-03-03T10:00:00", "purchase"),
            ("2026-03-03T10:00:00", "purchase"),  # same microsecond: a gap of 0 days
            ("2026-03-09T10:00:00", "view"),
        ],
        "bo": [("2026-03-02T11:00:00", "purchase"), ("2026-03-05T23:00:00", "purchase")],
        "cy": [("2026-03-03T11:00:00", "purchase"), ("2026-03-06T11:00:00", "view")],
        "di": [("2026-03-03T11:00:00", "view")],
        None: [("2026-03-04T11:00:00", "purchase")],
    }
)

SIGNUP_TO_PURCHASE = {"start_label": "signup", "return_label": "purchase"}
AWARE_NOON = dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))

CASES = [
    Case(
        "first_time, signup then purchase, daily",
        "retention",
        {"period_us": DAY_US, "periods": 3, **SIGNUP_TO_PURCHASE},
        SIGNUPS,
        grid(D(2026, 3, 2), 2, [2, 1, 2]) + grid(D(2026, 3, 3), 1, [1, 0, 0]),
    ),
    Case(
        "first_time, breakdown by the channel of the start event (NULL is a group)",
        "retention",
        {"period_us": DAY_US, "periods": 3, **SIGNUP_TO_PURCHASE, "breakdown": "channel"},
        SIGNUPS,
        grid(D(2026, 3, 2), 1, [1, 0, 1], channel=None)
        + grid(D(2026, 3, 2), 1, [1, 1, 1], channel="web")
        + grid(D(2026, 3, 3), 1, [1, 0, 0], channel="app"),
    ),
    Case(
        "first_time, any event",
        "retention",
        {"period_us": DAY_US, "periods": 3},
        VISITS,
        grid(D(2026, 3, 2), 1, [1, 1, 0]) + grid(D(2026, 3, 3), 1, [1, 0, 0]),
    ),
    Case(
        "recurring, any event: every active period is a cohort entry",
        "retention",
        {"period_us": DAY_US, "periods": 3, "mode": "recurring"},
        VISITS,
        grid(D(2026, 3, 2), 1, [1, 1, 0])
        + grid(D(2026, 3, 3), 2, [2, 0, 1])
        + grid(D(2026, 3, 5), 1, [1, 0, 0]),
    ),
    Case(
        "equal timestamps: the start event with the lower seq gives the breakdown",
        "retention",
        {"period_us": DAY_US, "periods": 2, **SIGNUP_TO_PURCHASE, "breakdown": "channel"},
        TIES,
        grid(D(2026, 3, 2), 1, [1, 0], channel="app")
        + grid(D(2026, 3, 2), 1, [1, 1], channel="web"),
    ),
    Case(
        "weekly periods start on Monday 00:00 UTC",
        "retention",
        {"period_us": WEEK_US, "periods": 3},
        WEEKS,
        grid(D(2026, 2, 23), 1, [1, 1, 0]) + grid(D(2026, 3, 2), 1, [1, 1, 0]),
    ),
    Case(
        "30-day periods from a chosen origin (events before it have negative periods)",
        "retention",
        {"period_us": 30 * DAY_US, "periods": 2, "origin": D(2026, 3, 2)},
        WEEKS,
        grid(D(2026, 1, 31), 1, [1, 1]) + grid(D(2026, 3, 2), 1, [1, 0]),
    ),
    Case(
        "an aware origin is read in UTC",
        "retention",
        {"period_us": DAY_US, "periods": 1, "origin": AWARE_NOON},
        VISITS,
        grid(D(2026, 3, 2, 10), 1, [1]) + grid(D(2026, 3, 3, 10), 1, [1]),
    ),
    Case(
        "retention of no events is an empty table",
        "retention",
        {"period_us": DAY_US, "periods": 3},
        [],
        [],
    ),
    Case(
        "repeat purchases: rate, mean and the lower median gap",
        "repeat_purchases",
        {"purchase_label": "purchase"},
        PURCHASES,
        # gaps: ana 1 d and 0 d, bo 3.5 d → sorted 0, 1, 3.5 → median 1 d.
        [
            {
                "purchasers": 3,
                "purchases": 6,
                "repeat_purchasers": 2,
                "repeat_rate": 2 / 3,
                "mean_purchases": 2.0,
                "median_days_between": 1.0,
            }
        ],
    ),
    Case(
        "repeat purchases of an even number of gaps take the lower middle one",
        "repeat_purchases",
        {"purchase_label": "purchase"},
        journeys(
            {
                "ana": [("2026-03-02T00:00:00", "purchase"), ("2026-03-04T00:00:00", "purchase")],
                "bo": [("2026-03-02T00:00:00", "purchase"), ("2026-03-02T12:00:00", "purchase")],
            }
        ),
        [
            {
                "purchasers": 2,
                "purchases": 4,
                "repeat_purchasers": 2,
                "repeat_rate": 1.0,
                "mean_purchases": 2.0,
                "median_days_between": 0.5,
            }
        ],
    ),
    Case(
        "repeat purchases of no events: one row of zeros and NULLs",
        "repeat_purchases",
        {"purchase_label": "purchase"},
        [],
        [
            {
                "purchasers": 0,
                "purchases": 0,
                "repeat_purchasers": 0,
                "repeat_rate": None,
                "mean_purchases": None,
                "median_days_between": None,
            }
        ],
    ),
    Case(
        "lifecycle through new, returning, dormant and resurrecting",
        "lifecycle",
        {"period_us": DAY_US},
        PURCHASES,
        [
            life(D(2026, 3, 2), new=2, returning=0, resurrecting=0, dormant=0),
            life(D(2026, 3, 3), new=2, returning=1, resurrecting=0, dormant=1),
            life(D(2026, 3, 4), new=0, returning=0, resurrecting=0, dormant=3),
            life(D(2026, 3, 5), new=0, returning=0, resurrecting=1, dormant=0),
            life(D(2026, 3, 6), new=0, returning=0, resurrecting=1, dormant=1),
            life(D(2026, 3, 7), new=0, returning=0, resurrecting=0, dormant=1),
            # 2026-03-08: nobody active, nobody newly dormant → no row.
            life(D(2026, 3, 9), new=0, returning=0, resurrecting=1, dormant=0),
        ],
    ),
    Case(
        "lifecycle of no events is an empty table",
        "lifecycle",
        {"period_us": DAY_US},
        [],
        [],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hand_written_journeys(case: Case) -> None:
    assert run(case.build, case.rows) == sort_rows(case.expected)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_reference_agrees_with_the_hand_written_tables(case: Case) -> None:
    """The oracle of the property tests is itself checked against the same tables."""
    assert case.reference() == sort_rows(case.expected)


# -- checks before any query -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "code", "words"),
    [
        ({"period_us": 0, "periods": 3}, "usage_period", "period_us 0"),
        ({"period_us": 1_500_000_000_000_001, "periods": 3}, "usage_period", "whole number"),
        ({"period_us": DAY_US, "periods": 0}, "usage_periods", "periods 0"),
        ({"period_us": DAY_US, "periods": 3, "mode": "recuring"}, "usage_mode", "'recurring'"),
        (
            {"period_us": DAY_US, "periods": 3, "breakdown": "chanel"},
            "usage_breakdown",
            "'channel'",
        ),
        (
            {"period_us": DAY_US, "periods": 3, "origin": D(2026, 3, 2, 0, 0, 0, 5)},
            "usage_origin",
            "2026-03-02T00:00:00",
        ),
    ],
)
def test_bad_options_are_refused_before_any_query(
    options: dict[str, Any], code: str, words: str
) -> None:
    events = ibis.table(JOURNEY_EVENTS, name="journey_events")
    with pytest.raises(UsageError, match=words) as caught:
        retention(events, **options)
    assert caught.value.code == code


def test_period_index_floors_microsecond_deltas_from_the_origin() -> None:
    rows = journeys(
        {
            "ana": [
                ("2026-03-01T23:59:59.999999", "a"),
                ("2026-03-02T00:00:00", "b"),
                ("2026-03-01T00:00:00", "c"),
            ]
        }
    )
    result = run(
        lambda t: t.select("label", k=period_index(t.ts, period_us=DAY_US, origin=D(2026, 3, 2))),
        rows,
    )
    assert result == [{"label": "a", "k": -1}, {"label": "b", "k": 0}, {"label": "c", "k": -1}]


# -- properties: DuckDB agrees with the plain-Python reference -------------------------------

BASE = D(2026, 3, 1)
# A few instants, so equal timestamps, period edges and empty days all happen.
INSTANTS = [
    BASE + dt.timedelta(hours=h, microseconds=us)
    for h in (0, 1, 23, 24, 47, 70, 71, 72, 140, 170, 240)
    for us in (0, 999_999)
]

events_strategy = st.lists(
    st.tuples(
        st.sampled_from(["ana", "bo", "cy", "di", None]),
        st.sampled_from(INSTANTS),
        st.sampled_from(["signup", "purchase", "view", None]),
        st.sampled_from(["web", "app", None]),
    ),
    max_size=25,
).map(
    lambda events: [
        {
            "unit": unit,
            "person": unit,
            "ts": ts,
            "seq": seq,
            "label": label,
            "event": label,
            "channel": channel,
            "value": None,
            "properties": None,
        }
        for seq, (unit, ts, label, channel) in enumerate(events, start=1)
    ]
)
periods_strategy = st.sampled_from([3_600_000_000, DAY_US, 2 * DAY_US, WEEK_US])
origins = st.sampled_from([None, D(2026, 3, 3, 12), D(2026, 2, 1)])
labels = st.sampled_from([None, "signup", "purchase"])

FAST = settings(max_examples=20, deadline=None)


@FAST
@given(
    rows=events_strategy,
    period_us=periods_strategy,
    periods=st.integers(1, 4),
    start_label=labels,
    return_label=labels,
    mode=st.sampled_from(["first_time", "recurring"]),
    origin=origins,
    breakdown=st.sampled_from([None, "channel"]),
)
def test_retention_agrees_with_the_reference(
    rows: list[dict[str, Any]],
    period_us: int,
    periods: int,
    start_label: str | None,
    return_label: str | None,
    mode: str,
    origin: dt.datetime | None,
    breakdown: str | None,
) -> None:
    options: dict[str, Any] = {
        "period_us": period_us,
        "periods": periods,
        "start_label": start_label,
        "return_label": return_label,
        "mode": mode,
        "origin": origin,
        "breakdown": breakdown,
    }
    assert run(lambda t: retention(t, **options), rows) == ref.retention(rows, **options)


@FAST
@given(rows=events_strategy, purchase_label=st.sampled_from(["purchase", "view"]))
def test_repeat_purchases_agree_with_the_reference(
    rows: list[dict[str, Any]], purchase_label: str
) -> None:
    result = run(lambda t: repeat_purchases(t, purchase_label=purchase_label), rows)
    assert result == ref.repeat_purchases(rows, purchase_label=purchase_label)


@FAST
@given(rows=events_strategy, period_us=periods_strategy, origin=origins)
def test_lifecycle_agrees_with_the_reference(
    rows: list[dict[str, Any]], period_us: int, origin: dt.datetime | None
) -> None:
    result = run(lambda t: lifecycle(t, period_us=period_us, origin=origin), rows)
    assert result == ref.lifecycle(rows, period_us=period_us, origin=origin)


@FAST
@given(rows=events_strategy, period_us=periods_strategy)
def test_lifecycle_counts_balance(rows: list[dict[str, Any]], period_us: int) -> None:
    """Units active in a period were active in the previous one or are new/resurrecting;
    units active in the previous one are returning now or went dormant."""
    result = run(lambda t: lifecycle(t, period_us=period_us), rows)
    by_period = {r["period"]: r for r in result}
    for row in result:
        previous = by_period.get(row["period"] - dt.timedelta(microseconds=period_us))
        before = previous["active"] if previous else 0
        assert before == row["returning"] + row["dormant"]
