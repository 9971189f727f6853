"""Retention by cohort: do units come back, period after period, after a start event?

Periods are fixed lengths of ``period_us`` microseconds counted from an ``origin``: the
period of an event is ``floor((ts - origin) / period_us)``, computed on microsecond deltas
(no calendar arithmetic), so every engine cuts the same periods. The default origin,
Monday 1970-01-05 00:00 UTC, makes day periods UTC days and week periods ISO weeks.
See ``docs/analytics.md`` ("Retention and loyalty") for the exact definitions.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from ..errors import UsageError, did_you_mean
from .order import first_rows

__all__ = [
    "DEFAULT_ORIGIN",
    "RetentionMode",
    "naive_utc",
    "period_index",
    "period_start",
    "retention",
]

RetentionMode = Literal["first_time", "recurring"]

DEFAULT_ORIGIN = datetime(1970, 1, 5)
"""Periods are counted from Monday 1970-01-05 00:00 UTC unless told otherwise."""

_SECOND_US = 1_000_000
_MODES = ("first_time", "recurring")


def naive_utc(value: datetime) -> datetime:
    """``value`` as a naive UTC datetime (naive values are taken to be UTC already)."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value


def _origin(origin: datetime | None) -> datetime:
    """``origin`` as a naive UTC datetime, checked to be a whole second."""
    chosen = DEFAULT_ORIGIN if origin is None else origin
    chosen = naive_utc(chosen)
    if chosen.microsecond:
        raise UsageError(
            f"origin {chosen.isoformat()}: must be a whole second, e.g. "
            f"{chosen.replace(microsecond=0).isoformat()}",
            code="usage_origin",
        )
    return chosen


def _check_period(period_us: int) -> None:
    if period_us <= 0 or period_us % _SECOND_US:
        raise UsageError(
            f"period_us {period_us}: must be a positive whole number of seconds in "
            "microseconds, e.g. 86_400_000_000 for a day",
            code="usage_period",
        )


def period_index(
    ts: ir.TimestampValue, *, period_us: int, origin: datetime | None = None
) -> ir.IntegerValue:
    """The period of ``ts``: ``floor((ts - origin) / period_us)`` as an int64 expression."""
    _check_period(period_us)
    start = ibis.timestamp(_origin(origin)).cast(dt.Timestamp(scale=6))
    delta = ts.delta(start, unit="microsecond")
    return (delta // period_us).cast("int64")


def period_start(
    index: ir.IntegerValue, *, period_us: int, origin: datetime | None = None
) -> ir.TimestampValue:
    """The UTC start of period ``index`` (an integer expression), microsecond precision."""
    _check_period(period_us)
    start = ibis.timestamp(_origin(origin)).cast(dt.Timestamp(scale=6))
    seconds = index * (period_us // _SECOND_US)
    return (start + seconds.as_interval("s")).cast(dt.Timestamp(scale=6))


def _labelled(events: ibis.Table, label: str | None) -> ibis.Table:
    return events if label is None else events.filter(events.label == label)


def retention(
    events: ibis.Table,
    *,
    period_us: int,
    periods: int,
    start_label: str | None = None,
    return_label: str | None = None,
    mode: RetentionMode = "first_time",
    origin: datetime | None = None,
    breakdown: str | None = None,
) -> ibis.Table:
    """Retention of units by cohort period: one row per cohort (and breakdown) and period.

    Columns: ``cohort`` (the cohort period's UTC start), the ``breakdown`` column when given,
    ``period`` (0 … ``periods`` − 1), ``cohort_size``, ``retained`` and ``rate``.
    A cohort entry is a unit's first ``start_label`` event (``first_time``) or every period
    with one (``recurring``); it is retained in period k when it has a ``return_label`` event
    k periods after its cohort period. Period 0 is the cohort period itself: rate 1.0.
    ``None`` labels mean any event; events with a NULL ``unit`` are ignored.
    """
    _check_period(period_us)
    if periods < 1:
        raise UsageError(f"periods {periods}: must be at least 1", code="usage_periods")
    if mode not in _MODES:
        raise UsageError(f"mode {mode!r}: unknown" + did_you_mean(mode, _MODES), code="usage_mode")
    columns = list(events.columns)
    if breakdown is not None and breakdown not in columns:
        raise UsageError(
            f"breakdown {breakdown!r}: not a column of the events"
            + did_you_mean(breakdown, columns),
            code="usage_breakdown",
        )
    known = events.filter(events.unit.notnull())
    known = known.mutate(_k=period_index(known.ts, period_us=period_us, origin=origin))

    starts = _labelled(known, start_label)
    if breakdown is None:
        # the entry's period is all an entry needs: the earliest (periods grow with time), or
        # every period with a start; a grouping, not a window over the events
        if mode == "first_time":
            entries = starts.group_by("unit").aggregate(_cohort=starts._k.min())
        else:
            entries = starts.select("unit", _cohort=starts._k).distinct()
        entries = entries.mutate(_b=entries._cohort.cast("int64"))
    else:
        # the breakdown's value on the entry event itself: the first in (ts, seq) order
        by = ["unit"] if mode == "first_time" else ["unit", "_k"]
        entries = first_rows(starts, by, {"_cohort": "_k", "_b": breakdown})
        entries = entries.select("unit", "_cohort", "_b")

    offsets = ibis.literal(list(range(periods)), type="array<int64>").unnest()
    grid = entries.mutate(period=offsets)
    grid = grid.mutate(_target=grid._cohort + grid.period)

    returned = _labelled(known, return_label)
    returned = returned.select("unit", _rk=returned._k).distinct().mutate(_hit=1)
    joined = grid.left_join(
        returned, [grid.unit == returned.unit, grid._target == returned._rk]
    ).select(grid._cohort, grid._b, grid.period, _hit=returned._hit)
    # A missing match reads as 0 on every engine (ClickHouse fills unmatched columns with 0).
    hit = (joined.period == 0).ifelse(1, joined._hit.fill_null(0))
    counts = joined.group_by(["_cohort", "_b", "period"]).aggregate(
        cohort_size=joined.count(), retained=hit.sum()
    )
    result = counts.select(
        cohort=period_start(counts._cohort, period_us=period_us, origin=origin),
        _b=counts._b,
        period=counts.period.cast("int64"),
        cohort_size=counts.cohort_size.cast("int64"),
        retained=counts.retained.cast("int64"),
        rate=(counts.retained / counts.cohort_size).cast("float64"),
    )
    if breakdown is None:
        return result.drop("_b")
    return result.rename({breakdown: "_b"}).relocate(breakdown, after="cohort")
