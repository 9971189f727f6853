"""Did an opportunity's change help? Its KPI in the days before the change against the days
after it, with the metric's test, a 95% interval and a verdict in English and Spanish.

The *before* window is the ``days`` days before ``changed_on``; the *after* window the
``days`` days from the day after ``changed_on`` (the day of the change is left out). When the
KPI is a survey score (NPS, CSAT, CES) scoped wider than the opportunity's touchpoint (e.g.
support effort over the whole post-purchase stage, the change at the chat), the same score is
also compared at that touchpoint alone (``at_touchpoint``): the direct effect, which the wider
KPI dilutes. See ``docs/monitoring.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import UsageError
from ..map.models import JourneyMap, Kpi, KpiMetric, Opportunity
from ..significance import Comparison
from .kpis import CHURN_DAYS, KpiData, KpiValue, compare, kpi_data, kpi_series
from .monitor import DEFAULT_DAYS

if TYPE_CHECKING:
    from ..journey import Journey

__all__ = [
    "VERDICTS",
    "OpportunityEffect",
    "PlaceEffect",
    "opportunity_effect",
    "opportunity_effects",
    "verdict",
]

Verdict = Literal["helped", "hurt", "no clear change"]

VERDICTS: dict[str, str] = {
    "helped": "ayudó",
    "hurt": "empeoró",
    "no clear change": "sin cambio claro",
}
"""Each verdict and its Spanish wording."""

_DAY = dt.timedelta(days=1)


def verdict(kpi: Kpi, comparison: Comparison | None) -> Verdict:
    """``helped`` for a significant move the KPI's good way, ``hurt`` the other way, else
    ``no clear change`` (also when there is no test)."""
    if comparison is None or not comparison.significant or comparison.difference is None:
        return "no clear change"
    better = comparison.difference > 0 if kpi.direction == "higher" else comparison.difference < 0
    return "helped" if better else "hurt"


_SURVEY_METRICS = (KpiMetric.nps, KpiMetric.csat, KpiMetric.ces)


@dataclass(frozen=True)
class PlaceEffect:
    """The KPI's score at the opportunity's ``touchpoint`` alone, before and after."""

    touchpoint: str
    before: KpiValue
    after: KpiValue
    comparison: Comparison | None
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "touchpoint": self.touchpoint,
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "comparison": None if self.comparison is None else self.comparison.to_dict(),
            "verdict": self.verdict,
            "verdict_es": VERDICTS[self.verdict],
        }


@dataclass(frozen=True)
class OpportunityEffect:
    """An opportunity's KPI ``before`` and ``after`` its change, the ``comparison`` (after −
    before), the ``verdict`` and ``notes`` (e.g. an after window not over yet)."""

    opportunity: Opportunity
    kpi: Kpi
    before: KpiValue
    after: KpiValue
    comparison: Comparison | None
    verdict: Verdict
    notes: tuple[str, ...] = ()
    at_touchpoint: PlaceEffect | None = None

    @property
    def verdict_es(self) -> str:
        return VERDICTS[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        assert self.opportunity.changed_on is not None
        return {
            "opportunity": self.opportunity.id,
            "status": self.opportunity.status.value,
            "changed_on": self.opportunity.changed_on.isoformat(),
            "kpi": self.kpi.id,
            "metric": self.kpi.metric.value,
            "direction": self.kpi.direction,
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "comparison": None if self.comparison is None else self.comparison.to_dict(),
            "verdict": self.verdict,
            "verdict_es": self.verdict_es,
            "notes": list(self.notes),
            "at_touchpoint": None if self.at_touchpoint is None else self.at_touchpoint.to_dict(),
        }


def opportunity_effect(
    data: KpiData,
    opportunity: Opportunity,
    *,
    days: int = DEFAULT_DAYS,
    end: dt.datetime | None = None,
) -> OpportunityEffect:
    """The KPI of ``opportunity`` ``days`` days before its change against ``days`` days after
    it, from ``data`` (see :func:`~.kpis.kpi_data`). ``end`` (default: ``data.data_end``) is
    only used to note an after window
    that the data does not cover yet."""
    if opportunity.changed_on is None or opportunity.kpi is None:
        raise UsageError(
            f"opportunity '{opportunity.id}' needs changed_on and kpi to be measured",
            code="usage_opportunity",
        )
    kpis = {kpi.id: kpi for kpi in data.journey_map.kpis}
    if opportunity.kpi not in kpis:
        raise UsageError(
            f"opportunity '{opportunity.id}': kpi '{opportunity.kpi}' is not in the map's kpis",
            code="usage_opportunity",
        )
    kpi = kpis[opportunity.kpi]
    changed = dt.datetime.combine(opportunity.changed_on, dt.time())
    length = days * _DAY
    windows = ((changed - length, changed), (changed + _DAY, changed + _DAY + length))
    before, after = kpi_series(data, kpi, list(windows))
    comparison = compare(after, before)
    place = None
    if (
        kpi.metric in _SURVEY_METRICS
        and opportunity.touchpoint is not None
        and opportunity.touchpoint != kpi.touchpoint
    ):
        there = kpi.model_copy(update={"touchpoint": opportunity.touchpoint, "stage": None})
        sides = kpi_series(data, there, list(windows))
        tested = compare(sides[1], sides[0])
        place = PlaceEffect(
            opportunity.touchpoint, sides[0], sides[1], tested, verdict(kpi, tested)
        )
    notes = []
    covered = data.data_end if end is None else end
    needed = after.end + (CHURN_DAYS * _DAY if kpi.metric == KpiMetric.churn else dt.timedelta())
    if covered < needed:
        notes.append(
            f"the data ends on {covered.date().isoformat()}, before the after window closes "
            f"({needed.date().isoformat()}): the after value is partial"
        )
    for side, value in (("before", before), ("after", after)):
        if value.reason is not None:
            notes.append(f"{side}: {value.reason}")
    if comparison is None and before.value is not None and after.value is not None:
        notes.append(f"{kpi.metric.value} is a total: the change is not tested")
    return OpportunityEffect(
        opportunity, kpi, before, after, comparison, verdict(kpi, comparison), tuple(notes), place
    )


def opportunity_effects(
    journey: Journey, journey_map: JourneyMap, *, days: int = DEFAULT_DAYS
) -> tuple[list[OpportunityEffect], list[str]]:
    """The effect of every opportunity with a ``changed_on`` and a ``kpi``, and a note for
    each opportunity left out."""
    if days < 1:
        raise UsageError(f"days {days}: the window needs at least 1 day", code="usage_days")
    effects, skipped = [], []
    with kpi_data(journey, journey_map) as data:
        for opportunity in journey_map.opportunities:
            missing = [name for name in ("changed_on", "kpi") if getattr(opportunity, name) is None]
            if missing:
                note = f"opportunity '{opportunity.id}' has no {' or '.join(missing)}: not measured"
                skipped.append(note)
                continue
            effects.append(opportunity_effect(data, opportunity, days=days))
    return effects, skipped
