"""KPI status: the current window against the previous one, the target and a weekly trend;
and the metric alerts a KPI raises when it falls below its target or drops.

Windows are fixed lengths ending at the *data end*: midnight UTC after the latest journey
event or survey answer (:class:`~.kpis.KpiData`). Churn looks :data:`~.kpis.CHURN_DAYS` days
ahead, so its windows end that many days earlier. See ``docs/monitoring.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..map.models import JourneyMap, Kpi, KpiMetric
from ..significance import Comparison
from .kpis import CHURN_DAYS, KpiData, KpiValue, compare, kpi_data, kpi_series

if TYPE_CHECKING:
    from ..journey import Journey

__all__ = [
    "DEFAULT_DAYS",
    "DROP_THRESHOLD",
    "TREND_WEEKS",
    "KpiAlert",
    "KpiStatus",
    "kpi_alerts",
    "kpi_status",
    "target_met",
]

DEFAULT_DAYS = 28
"""The length of the current window, in days, unless told otherwise."""

TREND_WEEKS = 8
"""The trend shows this many weekly values, the latest last."""

DROP_THRESHOLD = 0.10
"""A KPI that moves this much (relative to its previous value) the wrong way raises an alert."""

_DAY = dt.timedelta(days=1)


def target_met(kpi: Kpi, value: float | None) -> bool | None:
    """Whether ``value`` meets the KPI's target in its direction (None without a value)."""
    if value is None:
        return None
    return value >= kpi.target if kpi.direction == "higher" else value <= kpi.target


@dataclass(frozen=True)
class KpiStatus:
    """A KPI now (``current``), in the window before (``previous``), their ``comparison``
    (None when untested), whether the target is met, and the weekly ``trend``."""

    kpi: Kpi
    current: KpiValue
    previous: KpiValue
    comparison: Comparison | None
    trend: list[KpiValue]

    @property
    def met(self) -> bool | None:
        return target_met(self.kpi, self.current.value)

    @property
    def change(self) -> float | None:
        """Current − previous value (None when a side has none)."""
        if self.current.value is None or self.previous.value is None:
            return None
        return self.current.value - self.previous.value

    def to_dict(self) -> dict[str, Any]:
        return {
            "kpi": self.kpi.id,
            "name": self.kpi.name,
            "metric": self.kpi.metric.value,
            "target": self.kpi.target,
            "direction": self.kpi.direction,
            "met": self.met,
            "current": self.current.to_dict(),
            "previous": self.previous.to_dict(),
            "change": self.change,
            "comparison": None if self.comparison is None else self.comparison.to_dict(),
            "trend": [{"start": v.start.isoformat(), "value": v.value} for v in self.trend],
        }


def _status(data: KpiData, kpi: Kpi, days: int, end: dt.datetime) -> KpiStatus:
    if kpi.metric == KpiMetric.churn:
        end = end - CHURN_DAYS * _DAY
    length = days * _DAY
    week = 7 * _DAY
    windows = [(end - length, end), (end - 2 * length, end - length)] + [
        (end - (i + 1) * week, end - i * week) for i in reversed(range(TREND_WEEKS))
    ]
    current, previous, *trend = kpi_series(data, kpi, windows)
    return KpiStatus(kpi, current, previous, compare(current, previous), trend)


def kpi_status(
    journey: Journey,
    journey_map: JourneyMap,
    *,
    days: int = DEFAULT_DAYS,
    end: dt.datetime | None = None,
) -> list[KpiStatus]:
    """The status of every KPI of the map: the last ``days`` days before ``end`` (default:
    the data end, see :class:`~.kpis.KpiData`) against the ``days`` before, and the weekly trend."""
    if days < 1:
        raise UsageError(f"days {days}: the window needs at least 1 day", code="usage_days")
    if not journey_map.kpis:
        raise UsageError(
            "the journey map has no kpis: add some under kpis: in journey.yaml",
            code="usage_no_kpis",
        )
    with kpi_data(journey, journey_map) as data:
        last = data.data_end if end is None else end
        return [_status(data, kpi, days, last) for kpi in journey_map.kpis]


@dataclass(frozen=True)
class KpiAlert:
    """A KPI that needs attention: ``reason`` is ``target_not_met`` or ``dropped``."""

    kpi: str
    reason: str
    value: float | None
    previous: float | None
    target: float
    direction: str
    change: float | None
    significant: bool | None
    start: dt.datetime
    end: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "recorrido.kpi_alert",
            "kpi": self.kpi,
            "reason": self.reason,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "value": self.value,
            "previous": self.previous,
            "target": self.target,
            "direction": self.direction,
            "change": self.change,
            "significant": self.significant,
        }


def _dropped(status: KpiStatus, threshold: float) -> bool:
    change, previous = status.change, status.previous.value
    if change is None or previous is None:
        return False
    worse = -change if status.kpi.direction == "higher" else change
    scale = abs(previous) if previous else 1.0
    return worse / scale > threshold


def kpi_alerts(statuses: list[KpiStatus], threshold: float = DROP_THRESHOLD) -> list[KpiAlert]:
    """Alerts for KPIs whose current value misses its target (``target_not_met``) or moved the
    wrong way by more than ``threshold`` of the previous value (``dropped``)."""
    alerts: list[KpiAlert] = []
    for status in statuses:
        reasons = []
        if status.met is False:
            reasons.append("target_not_met")
        if _dropped(status, threshold):
            reasons.append("dropped")
        significant = None if status.comparison is None else status.comparison.significant
        alerts.extend(
            KpiAlert(
                status.kpi.id,
                reason,
                status.current.value,
                status.previous.value,
                status.kpi.target,
                status.kpi.direction,
                status.change,
                significant,
                status.current.start,
                status.current.end,
            )
            for reason in reasons
        )
    return alerts
