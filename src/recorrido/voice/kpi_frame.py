"""What every KPI computation shares: a KPI's value over a window (:class:`KpiValue`), the
data it reads (:class:`KpiData`) and windows as a table, to compute many windows in one
query (:func:`windowed`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import ibis

if TYPE_CHECKING:
    from ..journey import Journey
    from ..map.models import JourneyMap

__all__ = [
    "CHURN_DAYS",
    "DAY",
    "KpiData",
    "KpiValue",
    "Window",
    "by_window",
    "naive",
    "windowed",
]

CHURN_DAYS = 28
"""A buyer has churned when they make no purchase in this many days after their last one."""

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class KpiValue:
    """One KPI over ``[start, end)``: ``value`` (None with a ``reason`` when it cannot be
    computed), ``n`` (the units, answers or events it is computed from), ``x`` (the numerator
    of a share), ``mean``/``sd`` (of a mean), ``promoters``/``detractors`` (of an NPS)."""

    kpi: str
    metric: str
    start: dt.datetime
    end: dt.datetime
    value: float | None = None
    n: int = 0
    x: int | None = None
    mean: float | None = None
    sd: float | None = None
    promoters: int | None = None
    detractors: int | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["start"], out["end"] = self.start.isoformat(), self.end.isoformat()
        return out


@dataclass(frozen=True)
class KpiData:
    """What every KPI reads, computed once (see :func:`kpi_data`): the journey events at
    touchpoint level with their ``stage``, the scored survey answers placed on the map (None
    without a store) and ``data_end``, midnight UTC after the latest event or answer."""

    journey: Journey
    journey_map: JourneyMap
    events: Any
    answers: Any
    data_end: dt.datetime


Window = tuple[dt.datetime, dt.datetime]


def naive(moment: dt.datetime) -> dt.datetime:
    """A UTC datetime without its zone (the store's timestamps are naive UTC)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _spans(windows: list[Window], *, previous: bool = False) -> Any:
    """The windows as a table: ``_w`` (the window's index as text), ``_w_start``, ``_w_end``;
    with ``previous``, each window's own length just before it."""
    return ibis.memtable(
        {
            "_w": [str(i) for i in range(len(windows))],
            "_w_start": [start - (end - start) if previous else start for start, end in windows],
            "_w_end": [start if previous else end for start, end in windows],
        }
    )


def windowed(table: Any, windows: list[Window], *, previous: bool = False) -> Any:
    """``table``'s rows with the index ``_w`` of each window their ``ts`` falls in (a row
    falls in every window that holds it: windows may overlap)."""
    spans = _spans(windows, previous=previous)
    joined = table.join(spans, (table.ts >= spans._w_start) & (table.ts < spans._w_end))
    return joined.drop("_w_start", "_w_end")


def by_window(journey: Journey, expr: Any) -> dict[str, dict[str, Any]]:
    """The rows of ``expr`` keyed by their window index ``_w``."""
    return {str(row.pop("_w")): row for row in journey._run(expr).to_pylist()}
