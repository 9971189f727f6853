"""Lifecycle: in each period, which active units are new, returning or resurrecting, and
how many went dormant.

A unit is *active* in a period when it has any event in it. Periods are the fixed-length
periods of :func:`.retention.period_index`. See ``docs/analytics.md`` ("Retention and
loyalty") for the exact definitions.
"""

from __future__ import annotations

from datetime import datetime

import ibis

from .retention import period_index, period_start

__all__ = ["lifecycle"]


def lifecycle(events: ibis.Table, *, period_us: int, origin: datetime | None = None) -> ibis.Table:
    """Per period: ``period`` (UTC start), ``active``, ``new``, ``returning``,
    ``resurrecting`` and ``dormant`` unit counts.

    ``new``: first active period of the unit; ``returning``: active in the previous period
    too; ``resurrecting``: not active in the previous period but in an earlier one;
    ``dormant`` (a positive count): active in the previous period, not in this one.
    ``active`` = new + returning + resurrecting. Periods run from the first to the last one
    with an active unit; periods in between with no active and no newly dormant unit are
    left out. Events with a NULL ``unit`` are ignored.
    """
    known = events.filter(events.unit.notnull())
    active = known.select(
        "unit", _k=period_index(known.ts, period_us=period_us, origin=origin)
    ).distinct()

    journey = ibis.window(group_by=active.unit, order_by=active._k)
    whole = ibis.window(group_by=active.unit)
    marked = active.mutate(
        _rn=ibis.row_number().over(journey),
        _previous=active._k.lag().over(journey),
        _last=active._k.max().over(whole),
    )
    # Row numbers, not NULL lags, mark the first period (ClickHouse lags default to 0).
    first = marked._rn == 0
    after_gap = ~first & (marked._previous < marked._k - 1)
    statuses = marked.select(
        _p=marked._k,
        new=first.ifelse(1, 0),
        returning=(~first & (marked._previous == marked._k - 1)).ifelse(1, 0),
        resurrecting=after_gap.ifelse(1, 0),
        dormant=ibis.literal(0),
    )
    gone_after_gap = marked.filter(after_gap)
    gone_after_gap = gone_after_gap.select(_p=gone_after_gap._previous + 1)
    gone_at_end = marked.filter(marked._k == marked._last)
    gone_at_end = gone_at_end.select(_p=gone_at_end._k + 1)
    gone = gone_after_gap.union(gone_at_end, distinct=False)
    went_dormant = gone.select(
        _p=gone._p,
        new=ibis.literal(0),
        returning=ibis.literal(0),
        resurrecting=ibis.literal(0),
        dormant=ibis.literal(1),
    )

    rows = statuses.union(went_dormant, distinct=False)
    counts = rows.group_by("_p").aggregate(
        new=rows.new.sum(),
        returning=rows.returning.sum(),
        resurrecting=rows.resurrecting.sum(),
        dormant=rows.dormant.sum(),
    )
    end = active.aggregate(_end=active._k.max())
    counts = counts.cross_join(end)
    counts = counts.filter(counts._p <= counts._end)
    return counts.select(
        period=period_start(counts._p, period_us=period_us, origin=origin),
        active=(counts.new + counts.returning + counts.resurrecting).cast("int64"),
        new=counts.new.cast("int64"),
        returning=counts.returning.cast("int64"),
        resurrecting=counts.resurrecting.cast("int64"),
        dormant=counts.dormant.cast("int64"),
    )
