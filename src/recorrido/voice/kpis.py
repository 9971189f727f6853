"""The value of each KPI of the journey map over a time window ``[start, end)``.

Every value carries what a test needs (counts, or mean, standard deviation and n) and
:func:`compare` picks the test of :mod:`recorrido.significance` that fits the metric. A KPI
that cannot be computed gets a ``reason`` instead of a value. The exact definitions are in
``docs/monitoring.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import ibis

from ..analysis.experience import experience_by
from ..analysis.feedback_link import MapPlaces, link_feedback
from ..analysis.feedback_scores import score_answers
from ..analysis.funnel import FunnelSpec, funnel_steps, funnel_units
from ..errors import UsageError
from ..map.models import JourneyMap, Kpi, KpiMetric
from ..requests import Scope
from ..significance import Comparison, difference_of_means, nps_difference, two_proportions
from .kpi_frame import CHURN_DAYS, DAY, KpiData, KpiValue, Window, by_window, naive, windowed
from .kpi_purchases import purchase_touchpoints, purchase_values, retention_values

if TYPE_CHECKING:
    from ..journey import Journey

__all__ = [
    "CHURN_DAYS",
    "SHARE_METRICS",
    "KpiData",
    "KpiValue",
    "compare",
    "is_share",
    "kpi_data",
    "kpi_series",
    "kpi_value",
    "kpi_values",
    "purchase_touchpoints",
]

SHARE_METRICS = frozenset(
    {
        KpiMetric.conversion,
        KpiMetric.drop_off,
        KpiMetric.repeat_purchase_rate,
        KpiMetric.retention,
        KpiMetric.churn,
    }
)
"""Metrics whose values are shares 0…1 (CSAT too when its target is one, see :func:`is_share`)."""


def is_share(metric: KpiMetric, target: float) -> bool:
    """Whether a KPI's values are shares 0…1: the :data:`SHARE_METRICS`, and CSAT as the share
    of satisfied answers (a target of 1 or less)."""
    return metric in SHARE_METRICS or (metric == KpiMetric.csat and target <= 1.0)


@contextmanager
def kpi_data(journey: Journey, journey_map: JourneyMap) -> Iterator[KpiData]:
    """The :class:`KpiData` of ``journey``, kept in temporary tables of its store while open.
    A store without events is an error (``no_data``)."""
    events = journey.events(Scope(level="touchpoint"), stage=True)
    with ExitStack() as stack:
        placed = stack.enter_context(journey._once(events, events=True))
        answers = None
        latest = [_scalar(journey, placed.aggregate(end=placed.ts.max()))["end"]]
        if journey.store is not None:
            places = MapPlaces.of(journey_map)
            linked = link_feedback(journey.store.table("feedback"), placed, places)
            answers = stack.enter_context(journey._once(score_answers(linked)))
            latest.append(_scalar(journey, answers.aggregate(end=answers.ts.max()))["end"])
        known = [moment for moment in latest if moment is not None]
        if not known:
            raise UsageError(
                "no journey event on the map's touchpoints: ingest events (recorrido ingest "
                "events FILE) and check the touchpoints' match rules",
                code="no_data",
            )
        last = max(known)
        end = dt.datetime(last.year, last.month, last.day) + DAY
        yield KpiData(journey, journey_map, placed, answers, end)


def _scalar(journey: Journey, expr: Any) -> dict[str, Any]:
    """The one row of ``expr`` as a dict."""
    rows: list[dict[str, Any]] = journey._run(expr).to_pylist()
    return rows[0] if rows else {}


# -- the buyer journey: conversion, drop-off, time to convert ----------------------------------


def _funnel_of(journey_map: JourneyMap, kpi: Kpi) -> tuple[list[str], str | None] | str:
    """The KPI's funnel: its steps and the touchpoint that replaces its stage (None when the
    steps are the buyer journey's own), or why there is none."""
    steps = journey_map.buyer_journey.steps
    level = journey_map.journey_level()
    target = kpi.touchpoint or kpi.stage or journey_map.buyer_journey.conversion or steps[-1]
    if target in steps:
        return steps[: steps.index(target) + 1], None
    stage_of = {tp.id: tp.stage for tp in journey_map.touchpoints}
    if level == "stage" and stage_of.get(target) in steps:
        return [*steps[: steps.index(stage_of[target])], target], target
    return (
        f"'{target}' is not a step of the buyer journey ({', '.join(steps)}) nor a touchpoint "
        "in one of its stages: give the KPI one of those"
    )


_WINDOW = "_window"


def _funnel_values(data: KpiData, kpi: Kpi, windows: list[Window]) -> list[KpiValue]:
    """The funnel KPI over each window, in one query: the events of every window, each unit
    keyed by its window, through one funnel broken down by window."""
    journey, journey_map = data.journey, data.journey_map
    bases = [KpiValue(kpi.id, kpi.metric.value, start, end) for start, end in windows]
    found = _funnel_of(journey_map, kpi)
    if isinstance(found, str):
        return [replace(base, reason=found) for base in bases]
    steps, touchpoint = found
    if kpi.metric != KpiMetric.conversion and len(steps) < 2:
        why = f"'{steps[0]}' is the first step: nothing comes before it"
        return [replace(base, reason=why) for base in bases]
    events = windowed(data.events, windows)
    if journey_map.journey_level() == "stage":  # stages, and the target touchpoint if any
        own = events.label == touchpoint if touchpoint is not None else ibis.literal(False)
        events = events.mutate(label=ibis.ifelse(own, events.label, events.stage))
    events = events.mutate(unit=events._w + ":" + events.unit).rename({_WINDOW: "_w"})
    events = events.drop("stage")
    spec = FunnelSpec(steps=tuple(steps))
    units = funnel_units(events, spec, breakdown=_WINDOW)
    last = len(steps)
    rows: dict[tuple[str, int], dict[str, Any]] = {
        (str(r[_WINDOW]), int(r["step"])): r
        for r in journey._run(funnel_steps(units, spec, breakdown=_WINDOW)).to_pylist()
    }
    stats: dict[str, dict[str, Any]] = {}
    if kpi.metric == KpiMetric.time_to_convert:
        seconds = units[f"step_{last}_seconds"]
        table = units.group_by(_WINDOW).aggregate(
            n=seconds.count(), mean=seconds.mean(), sd=seconds.std(how="sample")
        )
        stats = {str(r[_WINDOW]): r for r in journey._run(table).to_pylist()}
    return [
        _funnel_value(kpi, steps, base, rows, stats.get(str(i), {}), str(i))
        for i, base in enumerate(bases)
    ]


def _funnel_value(
    kpi: Kpi, steps: list[str], base: KpiValue, rows: dict[tuple[str, int], dict[str, Any]],
    stats: dict[str, Any], window: str,
) -> KpiValue:  # fmt: skip
    last = len(steps)

    def count(step: int) -> int:
        row = rows.get((window, step))
        return int(row["count"]) if row else 0

    entered, reached = count(1), count(last)
    if not entered:
        return replace(base, reason="no unit entered the buyer journey in the window")
    if kpi.metric == KpiMetric.conversion:
        return replace(base, value=reached / entered, n=entered, x=reached)
    before = count(last - 1)
    if kpi.metric == KpiMetric.drop_off:
        if not before:
            return replace(base, reason=f"no unit reached '{steps[-2]}' in the window")
        return replace(base, value=(before - reached) / before, n=before, x=before - reached)
    if not stats.get("n"):
        return replace(base, reason=f"no unit reached '{steps[-1]}' in the window")
    median = rows[(window, last)]["median_seconds"]
    return replace(
        base,
        value=None if median is None else float(median),
        n=int(stats["n"]),
        mean=stats["mean"],
        sd=stats["sd"],
    )


# -- survey answers: NPS, CSAT, CES ------------------------------------------------------------


def _feedback_values(data: KpiData, kpi: Kpi, windows: list[Window]) -> list[KpiValue]:
    journey = data.journey
    bases = [KpiValue(kpi.id, kpi.metric.value, start, end) for start, end in windows]
    if data.answers is None:
        return [replace(b, reason="survey metrics need a store with the answers") for b in bases]
    metric = kpi.metric.value
    scored = data.answers.filter(data.answers.metric == metric)
    if kpi.touchpoint is not None:
        scored = scored.filter(scored.touchpoint == kpi.touchpoint)
    elif kpi.stage is not None:
        scored = scored.filter(scored.stage == kpi.stage)
    scored = windowed(scored, windows)
    # experience_by groups by a place column: here the window's index stands in for it
    stats = experience_by(scored.mutate(touchpoint=scored._w), "touchpoint")
    rows = {str(r["group"]): r for r in journey._run(stats).to_pylist()}
    mean_csat = kpi.metric == KpiMetric.csat and kpi.target > 1.0
    sds: dict[str, dict[str, Any]] = {}
    if mean_csat:
        valid = scored.filter(scored.problem.isnull())
        sds = by_window(journey, valid.group_by("_w").aggregate(sd=valid.score.std(how="sample")))
    where = kpi.touchpoint or kpi.stage or "the whole journey"
    found = []
    for i, base in enumerate(bases):
        row = rows.get(str(i), {})
        n = int(row.get(f"{metric}_n") or 0)
        if not n:
            found.append(
                replace(base, reason=f"no valid {metric} answer about {where} in the window")
            )
        elif kpi.metric == KpiMetric.nps:
            promoters, detractors = int(row["nps_promoters"]), int(row["nps_detractors"])
            found.append(
                replace(base, value=row["nps"], n=n, promoters=promoters, detractors=detractors)
            )
        elif kpi.metric == KpiMetric.ces:
            found.append(replace(base, value=row["ces"], n=n, mean=row["ces"], sd=row["ces_sd"]))
        elif not mean_csat:  # CSAT as the share of satisfied (4–5) answers
            found.append(replace(base, value=row["csat"], n=n, x=int(row["csat_satisfied"])))
        else:
            sd = sds.get(str(i), {}).get("sd")
            found.append(replace(base, value=row["csat_mean"], n=n, mean=row["csat_mean"], sd=sd))
    return found


_FUNNEL = {KpiMetric.conversion, KpiMetric.drop_off, KpiMetric.time_to_convert}
_SURVEY = {KpiMetric.nps, KpiMetric.csat, KpiMetric.ces}


def kpi_value(data: KpiData, kpi: Kpi, start: dt.datetime, end: dt.datetime) -> KpiValue:
    """The value of ``kpi`` over ``[start, end)`` (UTC) from ``data`` (see :func:`kpi_data`)."""
    return kpi_series(data, kpi, [(start, end)])[0]


def kpi_series(data: KpiData, kpi: Kpi, windows: list[Window]) -> list[KpiValue]:
    """The value of ``kpi`` over each ``[start, end)`` (UTC) of ``windows``, in their order,
    computed for all windows at once (a few queries, whatever the number of windows)."""
    windows = [(naive(start), naive(end)) for start, end in windows]
    for start, end in windows:
        if end <= start:
            raise UsageError(
                f"window {start.isoformat()} – {end.isoformat()}: the end must come after the "
                "start",
                code="usage_window",
            )
    if kpi.metric in _FUNNEL:
        return _funnel_values(data, kpi, windows)
    if kpi.metric in _SURVEY:
        return _feedback_values(data, kpi, windows)
    if kpi.metric == KpiMetric.retention:
        return retention_values(data, kpi, windows)
    return purchase_values(data, kpi, windows)


def kpi_values(
    journey: Journey, journey_map: JourneyMap, start: dt.datetime, end: dt.datetime
) -> list[KpiValue]:
    """The value of every KPI of ``journey_map`` over ``[start, end)`` (UTC), in map order."""
    with kpi_data(journey, journey_map) as data:
        return [kpi_value(data, kpi, start, end) for kpi in journey_map.kpis]


def compare(new: KpiValue, old: KpiValue) -> Comparison | None:
    """``new`` against ``old`` with the metric's test: two proportions for shares, the NPS
    trinomial for NPS, Welch's normal test for means (time to convert: on the mean time).
    None when there is no test (revenue, a total) or a side has no value."""
    if new.value is None or old.value is None:
        return None
    if new.promoters is not None and old.promoters is not None:
        assert new.detractors is not None and old.detractors is not None
        return nps_difference(
            new.promoters, new.detractors, new.n, old.promoters, old.detractors, old.n
        )
    if new.x is not None and old.x is not None:
        return two_proportions(new.x, new.n, old.x, old.n)
    if new.mean is not None and old.mean is not None:
        return difference_of_means(new.mean, new.sd, new.n, old.mean, old.sd, old.n)
    return None
