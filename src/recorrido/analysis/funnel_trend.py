"""Funnel conversion by cohort period, and the latest period against the one before.

:func:`funnel_trend` puts each unit of :func:`~recorrido.analysis.funnel.funnel_units` in the
period of the time it **entered** the funnel (``step_<entry>_ts``) and counts, per period, the
units that entered, that converted (reached the last step) and that reached each step.
Periods are fixed lengths counted from an origin, as in :mod:`recorrido.analysis.retention`.

:func:`compare_periods` (plain Python on those few aggregated rows) compares the conversion of
the latest period with data with the period just before it: the difference in percentage
points, its 95% confidence interval and the p-value of a two-proportion z-test.
See ``docs/analytics.md`` (section *Funnels*, "Conversion trend").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import ibis

from ..errors import UsageError, did_you_mean
from ..significance import two_proportions
from .funnel_summary import step_columns
from .retention import naive_utc, period_index, period_start

if TYPE_CHECKING:
    from .funnel import FunnelSpec

__all__ = ["TREND_PERIODS", "compare_periods", "funnel_trend", "trend_period_us"]

TREND_PERIODS: Mapping[str, int] = {"day": 86_400_000_000, "week": 7 * 86_400_000_000}
"""The named trend periods and their fixed lengths in microseconds."""


def trend_period_us(name: str) -> int:
    """The length of the trend period ``name`` (``day`` or ``week``), or a UsageError."""
    if name in TREND_PERIODS:
        return TREND_PERIODS[name]
    raise UsageError(
        f"trend {name!r}: use day or week; trend periods have fixed lengths (months vary in "
        "length and are not cut the same way on every engine)",
        code="usage_trend",
    )


def funnel_trend(
    units: ibis.Table,
    spec: FunnelSpec,
    *,
    period_us: int,
    origin: datetime | None = None,
) -> ibis.Table:
    """One row per period in which some unit entered the funnel.

    Columns: ``period`` (the period's UTC start), ``entered`` (units whose entry step's time
    ``step_<entry>_ts`` falls in the period), ``converted`` (those of them that reached the
    last step, whenever they did), ``conversion`` (converted / entered) and ``step_<j>_count``
    (those of them that reached step ``j``). Rows come unordered.
    """
    present = list(units.columns)
    for name in ["entry", *step_columns(spec)]:
        if name not in present:
            raise UsageError(
                f"funnel: the units table has no column '{name}'{did_you_mean(name, present)}; "
                "pass the output of funnel_units for the same spec",
                code="funnel_units",
            )
    count = len(spec.steps)
    entered_at = ibis.cases(
        *((units.entry == j, units[f"step_{j}_ts"]) for j in range(1, count + 1))
    )
    cohort = units.select(
        _k=period_index(entered_at, period_us=period_us, origin=origin),
        **{
            f"_r{j}": ibis.ifelse(units[f"step_{j}_ts"].notnull(), 1, 0)
            for j in range(1, count + 1)
        },
    )
    table = cohort.group_by("_k").aggregate(
        entered=cohort.count(),
        **{f"step_{j}_count": cohort[f"_r{j}"].sum() for j in range(1, count + 1)},
    )
    converted = table[f"step_{count}_count"].cast("int64")
    return table.select(
        period=period_start(table._k, period_us=period_us, origin=origin),
        entered=table.entered.cast("int64"),
        converted=converted,
        conversion=(converted / table.entered).cast("float64"),
        **{f"step_{j}_count": table[f"step_{j}_count"].cast("int64") for j in range(1, count + 1)},
    )


def _side(period: datetime, rows: Mapping[datetime, Mapping[str, Any]]) -> dict[str, Any]:
    row = rows.get(period, {})
    entered, converted = int(row.get("entered") or 0), int(row.get("converted") or 0)
    return {
        "period": period,
        "entered": entered,
        "converted": converted,
        "conversion": converted / entered if entered else None,
    }


def compare_periods(
    trend: Sequence[Mapping[str, Any]], *, period_us: int, data_end: datetime | None
) -> dict[str, Any] | None:
    """The latest period of ``trend`` (rows of :func:`funnel_trend`) against the one before.

    ``None`` when ``trend`` has no rows. ``latest`` and ``previous`` give each period's
    ``period``, ``entered``, ``converted`` and ``conversion`` (None without units; a period
    without a row has 0 units). ``difference_pp`` = (latest − previous conversion) × 100;
    ``ci95_pp`` = [low, high], the unpooled (Wald) 95% interval of that difference, clipped
    to [−100, 100];
    ``z`` and ``p_value``: the pooled two-proportion z-test, two-sided; ``significant`` =
    p_value < 0.05. A value that would divide by zero (no units in a period, or a standard
    error of 0) is None. ``partial``: ``data_end`` (the time of the data's last event) is
    before the end of the latest period, so that period is not complete.
    """
    by_period = {naive_utc(row["period"]): row for row in trend}
    if not by_period:
        return None
    last = max(by_period)
    step = timedelta(microseconds=period_us)
    latest, previous = _side(last, by_period), _side(last - step, by_period)
    n1, x1 = latest["entered"], latest["converted"]
    n0, x0 = previous["entered"], previous["converted"]
    difference = interval = None
    test = two_proportions(x1, n1, x0, n0)
    if test.difference is not None:
        difference = test.difference * 100
        if test.ci95 is not None:
            interval = [test.ci95[0] * 100, test.ci95[1] * 100]
    end = None if data_end is None else naive_utc(data_end)
    return {
        "latest": latest,
        "previous": previous,
        "difference_pp": difference,
        "ci95_pp": interval,
        "z": test.z,
        "p_value": test.p_value,
        "significant": test.significant,
        "partial": end is None or end < last + step,
    }
