"""Repeat purchases: how many buyers buy again, and how long they take to do it.

The median gap is an exact nearest-rank median computed with window functions (engines'
own quantile functions differ): sort the n gaps, take the ⌈n/2⌉-th (the lower median).
See ``docs/analytics.md`` ("Retention and loyalty") for the exact definitions.
"""

from __future__ import annotations

import ibis

from .order import journey_order

__all__ = ["repeat_purchases"]

_DAY_US = 86_400_000_000


def repeat_purchases(events: ibis.Table, *, purchase_label: str) -> ibis.Table:
    """One row: ``purchasers``, ``purchases``, ``repeat_purchasers``, ``repeat_rate``,
    ``mean_purchases`` and ``median_days_between``.

    A purchase is an event labelled ``purchase_label`` of a non-NULL unit; a repeat purchaser
    has two or more. Gaps are between a unit's consecutive purchases ordered by
    (``ts``, ``seq``), in days (microseconds / 86 400 000 000). Rates and means are NULL
    when nobody purchased; the median is NULL when nobody purchased twice.
    """
    bought = events.filter(events.unit.notnull() & (events.label == purchase_label))

    per_unit = bought.group_by("unit").aggregate(_n=bought.count())
    totals = per_unit.aggregate(
        purchasers=per_unit.count(),
        purchases=per_unit._n.sum().fill_null(0),
        repeat_purchasers=(per_unit._n >= 2).ifelse(1, 0).sum().fill_null(0),
    )
    buyers = totals.purchasers.nullif(0)
    totals = totals.select(
        purchasers=totals.purchasers.cast("int64"),
        purchases=totals.purchases.cast("int64"),
        repeat_purchasers=totals.repeat_purchasers.cast("int64"),
        repeat_rate=(totals.repeat_purchasers / buyers).cast("float64"),
        mean_purchases=(totals.purchases / buyers).cast("float64"),
    )

    journey = ibis.window(group_by=bought.unit, order_by=journey_order(bought))
    steps = bought.mutate(
        _rn=ibis.row_number().over(journey), _previous=bought.ts.lag().over(journey)
    )
    # The first purchase has no gap; row numbers, not NULL lags, say which one it is.
    gaps = steps.filter(steps._rn > 0)
    gaps = gaps.select("unit", "ts", "seq", _gap=gaps.ts.delta(gaps._previous, unit="microsecond"))
    ranked = gaps.mutate(
        _rank=ibis.row_number().over(order_by=[gaps._gap, gaps.unit, gaps.ts, gaps.seq]),
        _pairs=gaps.count().over(ibis.window()),
    )
    # 0-based rank r is the ⌈n/2⌉-th gap when 2r + 1 == n (n odd) or 2r + 2 == n (n even).
    middle = ranked.filter(
        (ranked._rank * 2 + 1 == ranked._pairs) | (ranked._rank * 2 + 2 == ranked._pairs)
    )
    found = middle.aggregate(_gap=middle._gap.max(), _found=middle.count())
    # An empty max is NULL, except on ClickHouse (0): the count says whether there was one.
    days = (found._gap / _DAY_US).cast("float64")
    median = found.select(median_days_between=(found._found > 0).ifelse(days, ibis.null("float64")))
    return totals.cross_join(median)
