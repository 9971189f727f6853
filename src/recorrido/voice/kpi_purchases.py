"""KPIs of purchases (repeat purchase rate, churn, average order value, revenue) and of
retention, over many windows at once; the exact definitions are in ``docs/monitoring.md``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import ibis

from ..map.models import JourneyMap, Kpi, KpiMetric
from .kpi_frame import CHURN_DAYS, DAY, KpiData, KpiValue, Window, by_window, windowed

__all__ = ["purchase_touchpoints", "purchase_values", "retention_values"]

_PURCHASE = "_purchase"


def purchase_touchpoints(journey_map: JourneyMap, kpi: Kpi) -> list[str] | str:
    """The touchpoints whose events are the KPI's purchases, or why there are none: the KPI's
    touchpoint, else the buyer journey's conversion."""
    if kpi.touchpoint is not None:
        return [kpi.touchpoint]
    if journey_map.buyer_journey.conversion is not None:
        return [journey_map.buyer_journey.conversion]
    return "no purchase touchpoint: give the KPI a touchpoint or the buyer journey a conversion"


def _purchases(data: KpiData, kpi: Kpi) -> Any:
    found = purchase_touchpoints(data.journey_map, kpi)
    if isinstance(found, str):
        return found
    events = data.events.drop("stage")
    return events.filter(events.label.isin(found)).mutate(label=ibis.literal(_PURCHASE))


def purchase_values(data: KpiData, kpi: Kpi, windows: list[Window]) -> list[KpiValue]:
    """The purchase KPI over each window, in order: a few queries for all of them."""
    journey = data.journey
    bases = [KpiValue(kpi.id, kpi.metric.value, start, end) for start, end in windows]
    purchases = _purchases(data, kpi)
    if isinstance(purchases, str):
        return [replace(base, reason=purchases) for base in bases]
    if kpi.metric == KpiMetric.churn:
        return _churn(data, bases, purchases)
    bought = windowed(purchases, windows)
    counts = by_window(journey, bought.group_by("_w").aggregate(bought=bought.count()))
    if kpi.metric == KpiMetric.repeat_purchase_rate:  # as analysis.repeat.repeat_purchases
        known = bought.filter(bought.unit.notnull())
        per_unit = known.group_by(["_w", "unit"]).aggregate(_n=known.count())
        buyers = by_window(
            journey,
            per_unit.group_by("_w").aggregate(
                n=per_unit.count(), again=(per_unit._n >= 2).ifelse(1, 0).sum()
            ),
        )
        found = []
        for i, base in enumerate(bases):
            row = buyers.get(str(i), {})
            if not row.get("n"):
                found.append(replace(base, reason="no purchase in the window"))
            else:
                n, again = int(row["n"]), int(row["again"])
                found.append(replace(base, value=again / n, n=n, x=again))
        return found
    valued = bought.filter(bought.value.notnull() & ~bought.value.isnan())
    stats = by_window(
        journey,
        valued.group_by("_w").aggregate(
            n=valued.count(),
            total=valued.value.sum(),
            mean=valued.value.mean(),
            sd=valued.value.std(how="sample"),
        ),
    )
    found = []
    for i, base in enumerate(bases):
        row = stats.get(str(i), {})
        if not counts.get(str(i), {}).get("bought"):
            found.append(replace(base, reason="no purchase in the window"))
        elif not row.get("n"):
            found.append(replace(
                base, reason="no purchase in the window has a value (map a value column on ingest)"
            ))  # fmt: skip
        elif kpi.metric == KpiMetric.revenue:
            found.append(replace(base, value=row["total"], n=int(row["n"])))
        else:
            found.append(replace(
                base, value=row["mean"], n=int(row["n"]), mean=row["mean"], sd=row["sd"]
            ))  # fmt: skip
    return found


def _churn(data: KpiData, bases: list[KpiValue], purchases: Any) -> list[KpiValue]:
    """Buyers of each window and how many of them made no purchase in the :data:`CHURN_DAYS`
    days after their last purchase of the window; only for windows where the data covers
    those days for every buyer (the window's end + CHURN_DAYS at most the data end)."""
    found: dict[int, KpiValue] = {}
    measured: list[Window] = []
    for i, base in enumerate(bases):
        horizon_end = base.end + CHURN_DAYS * DAY
        if horizon_end > data.data_end:
            found[i] = replace(
                base,
                reason=f"churn needs the {CHURN_DAYS} days after the window "
                f"(to {horizon_end.date().isoformat()}); the data ends "
                f"{data.data_end.date().isoformat()}",
            )
        else:
            measured.append((base.start, base.end))
    index = [i for i in range(len(bases)) if i not in found]
    if measured:
        window = windowed(purchases, measured)
        last = window.group_by(["_w", "unit"]).aggregate(_last=window.ts.max())
        horizon = last._last + ibis.interval(days=CHURN_DAYS)
        later = purchases.select(_unit="unit", _ts="ts")
        again = last.join(
            later, [last.unit == later._unit, later._ts > last._last, later._ts <= horizon]
        )
        returned = again.select("_w", "unit").distinct()
        buyers = by_window(data.journey, last.group_by("_w").aggregate(n=last.count()))
        back = by_window(data.journey, returned.group_by("_w").aggregate(back=returned.count()))
        for j, i in enumerate(index):
            n = int(buyers.get(str(j), {}).get("n") or 0)
            if not n:
                found[i] = replace(bases[i], reason="no purchase in the window")
            else:
                churned = n - int(back.get(str(j), {}).get("back") or 0)
                found[i] = replace(bases[i], value=churned / n, n=n, x=churned)
    return [found[i] for i in range(len(bases))]


def retention_values(data: KpiData, kpi: Kpi, windows: list[Window]) -> list[KpiValue]:
    """Of the units active in the window's length just before it, the share active in it."""
    events = data.events
    if kpi.touchpoint is not None:
        events = events.filter(events.label == kpi.touchpoint)
    elif kpi.stage is not None:
        events = events.filter(events.stage == kpi.stage)
    events = events.filter(events.unit.notnull()).select("unit", "ts")
    cohort = windowed(events, windows, previous=True).select("_w", "unit").distinct()
    active = windowed(events, windows).select(_aw="_w", _unit="unit").distinct()
    joined = cohort.left_join(active, (cohort._w == active._aw) & (cohort.unit == active._unit))
    rows = by_window(
        data.journey,
        joined.group_by("_w").aggregate(
            n=joined.count(), back=joined._unit.notnull().ifelse(1, 0).sum()
        ),
    )
    found = []
    for i, (start, end) in enumerate(windows):
        base = KpiValue(kpi.id, kpi.metric.value, start, end)
        row = rows.get(str(i), {})
        n = int(row.get("n") or 0)
        if not n:
            found.append(replace(base, reason="nobody was active in the window before this one"))
        else:
            back = int(row.get("back") or 0)
            found.append(replace(base, value=back / n, n=n, x=back))
    return found
