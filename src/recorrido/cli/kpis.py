"""``recorrido kpis [SOURCE]``: the map's KPIs against their targets, the previous window and a
weekly trend, with metric alerts; ``--opportunities``: each change's KPI before and after."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..errors import UsageError
from ..map.models import JourneyMap, Kpi, KpiMetric
from ..significance import Comparison
from ..voice.before_after import VERDICTS, OpportunityEffect, opportunity_effects
from ..voice.kpi_cases import open_kpi_cases
from ..voice.kpis import KpiValue, is_share
from ..voice.monitor import DEFAULT_DAYS, DROP_THRESHOLD, KpiStatus, kpi_alerts, kpi_status
from .app import app
from .context import open_journey, open_store, out

__all__: list[str] = []

_BARS = "▁▂▃▄▅▆▇█"


def _duration(seconds: float) -> str:
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "m")):
        if abs(seconds) >= size:
            return f"{seconds / size:.1f}{unit}"
    return f"{seconds:.0f}s"


def _number(value: float | None, metric: KpiMetric, target: float, currency: str) -> str:
    if value is None:
        return "—"
    if is_share(metric, target):
        return f"{value:.1%}"
    if metric == KpiMetric.nps:
        return f"{value:+.0f}"
    if metric == KpiMetric.time_to_convert:
        return _duration(value)
    if metric in {KpiMetric.average_order_value, KpiMetric.revenue}:
        return f"{value:,.2f} {currency}"
    return f"{value:.2f}"


def _difference(value: float | None, metric: KpiMetric, target: float) -> str:
    if value is None:
        return "—"
    if is_share(metric, target):
        return f"{value * 100:+.1f} pts"
    if metric == KpiMetric.time_to_convert:
        return ("+" if value >= 0 else "-") + _duration(abs(value))
    return f"{value:+,.2f}"


def _tested(comparison: Comparison | None) -> str:
    if comparison is None or comparison.p_value is None:
        return "not tested"
    p = "p<0.001" if comparison.p_value < 0.001 else f"p={comparison.p_value:.3f}"
    return ("significant, " if comparison.significant else "n.s., ") + p


def _sparkline(trend: list[KpiValue]) -> str:
    values = [v.value for v in trend if v.value is not None]
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(
        "·" if v.value is None else _BARS[round((v.value - low) / span * (len(_BARS) - 1))]
        for v in trend
    )


def _status_table(statuses: list[KpiStatus], journey_map: JourneyMap, days: int) -> Table:
    currency = journey_map.meta.currency
    table = Table(title=f"KPIs: last {days} days", title_justify="left", show_edge=False)
    for column in ("KPI", "value", "target", "status", "change vs previous", "trend (8 weeks)"):
        table.add_column(column, justify="left" if column in {"KPI", "status"} else "right")
    for status in statuses:
        kpi, metric = status.kpi, status.kpi.metric
        sign = "≥" if kpi.direction == "higher" else "≤"
        met = {True: "met", False: "not met", None: "—"}[status.met]
        change = _difference(status.change, metric, kpi.target)
        if status.change is not None:
            change += f" ({_tested(status.comparison)})"
        table.add_row(
            kpi.name or kpi.id,
            _number(status.current.value, metric, kpi.target, currency),
            f"{sign} {_number(kpi.target, metric, kpi.target, currency)}",
            met,
            change,
            _sparkline(status.trend),
        )
    return table


def _side(value: KpiValue, journey_map: JourneyMap, metric: KpiMetric, target: float) -> str:
    shown = _number(value.value, metric, target, journey_map.meta.currency)
    return f"{shown} (n={value.n:,})" if value.value is not None else shown


def _effects_table(effects: list[OpportunityEffect], journey_map: JourneyMap, days: int) -> Table:
    title = f"Opportunities: {days} days before vs after the change"
    table = Table(title=title, title_justify="left", show_edge=False)
    columns = ("opportunity", "KPI", "changed on", "before", "after", "change [95% CI]", "verdict")
    for column in columns:
        table.add_column(column, justify="right" if column in {"before", "after"} else "left")
    for effect in effects:
        kpi = effect.kpi
        assert effect.opportunity.changed_on is not None
        table.add_row(
            effect.opportunity.id,
            kpi.name or kpi.id,
            effect.opportunity.changed_on.isoformat(),
            _side(effect.before, journey_map, kpi.metric, kpi.target),
            _side(effect.after, journey_map, kpi.metric, kpi.target),
            _change(effect.comparison, kpi),
            f"{effect.verdict} / {effect.verdict_es}",
        )
        place = effect.at_touchpoint
        if place is not None:
            table.add_row(
                "",
                f"  at {place.touchpoint} only",
                "",
                _side(place.before, journey_map, kpi.metric, kpi.target),
                _side(place.after, journey_map, kpi.metric, kpi.target),
                _change(place.comparison, kpi),
                f"{place.verdict} / {VERDICTS[place.verdict]}",
            )
    return table


def _change(comparison: Comparison | None, kpi: Kpi) -> str:
    if comparison is None or comparison.difference is None:
        return "—"
    change = _difference(comparison.difference, kpi.metric, kpi.target)
    if comparison.ci95 is not None:
        low, high = (_difference(v, kpi.metric, kpi.target) for v in comparison.ci95)
        change += f" [{low}, {high}]"
    return change + f" ({_tested(comparison)})"


def _echo(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@app.command()
def kpis(
    source: Path | None = typer.Argument(
        None, help="A store (.duckdb) [default: --store, else the configured store]."
    ),
    store: Path | None = typer.Option(None, "--store", help="The store, if not given as SOURCE."),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    days: int = typer.Option(
        DEFAULT_DAYS, "--days", help="Window length in days (current vs previous; before/after)."
    ),
    opportunities: bool = typer.Option(
        False, "--opportunities", help="Each opportunity's KPI before vs after its change instead."
    ),
    threshold: float = typer.Option(
        DROP_THRESHOLD,
        "--drop-threshold",
        help="Alert when a KPI moves this share of its previous value the wrong way.",
    ),
    open_cases: bool = typer.Option(
        False,
        "--open-cases",
        help="Open a case per new metric alert (rule kpi:<id>) and queue the KPI's webhooks; "
        "recorrido alerts list|deliver take it from there.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """KPIs of the journey map: value, target, change vs the previous window, trend, alerts."""
    if source is not None and store is not None and source != store:
        raise UsageError(
            f"SOURCE {source} and --store {store} name two stores: give one",
            code="usage_two_stores",
        )
    if days < 1:
        raise UsageError(
            f"--days {days}: give a whole number of days, 1 or more", code="usage_days"
        )
    if not threshold > 0:
        raise UsageError(
            f"--drop-threshold {threshold}: give a share above 0, e.g. 0.1 for 10%",
            code="usage_threshold",
        )
    if open_cases and opportunities:
        raise UsageError(
            "--open-cases opens cases for metric alerts, which --opportunities does not raise: "
            "drop one of them",
            code="usage_invalid",
        )
    with open_journey(source or store, map_file) as journey:
        path = journey.store.path if journey.store is not None else None
        journey_map = journey.map
        if journey_map is None:
            raise UsageError(
                "kpis come from a journey map: pass --map journey.yaml", code="usage_needs_map"
            )
        if opportunities:
            effects, skipped = opportunity_effects(journey, journey_map, days=days)
            statuses: list[KpiStatus] = []
        else:
            statuses = kpi_status(journey, journey_map, days=days)
    if opportunities:
        _show_effects(effects, skipped, journey_map, days, as_json)
        return
    alerts = kpi_alerts(statuses, threshold)
    run = None
    if open_cases:
        if path is None:
            raise UsageError(
                "--open-cases writes cases into a store: give the store (recorrido kpis STORE)",
                code="usage_needs_store",
            )
        with open_store(path) as opened:
            run = open_kpi_cases(opened, journey_map, alerts)
    if as_json:
        _echo(
            {
                "days": days,
                "kpis": [status.to_dict() for status in statuses],
                "alerts": [alert.to_dict() for alert in alerts],
                **({"cases": run.to_dict()} if run is not None else {}),
            }
        )
        return
    out.print(_status_table(statuses, journey_map, days))
    for status in statuses:
        if status.current.reason is not None:
            out.print(f"note: {status.kpi.id}: {status.current.reason}", markup=False)
    for alert in alerts:
        reason = "target not met" if alert.reason == "target_not_met" else "dropped"
        out.print(f"alert: {alert.kpi}: {reason}", markup=False)
    if run is not None:
        messages = sum(rule.messages for rule in run.rules)
        out.print(
            f"cases: {run.opened:,} opened for {len(alerts):,} alerts ({messages:,} webhook "
            "messages queued; alerts already open for this window open none): recorrido alerts "
            "list --rule kpi:<id>, recorrido alerts deliver",
            markup=False,
        )


def _show_effects(
    effects: list[OpportunityEffect],
    skipped: list[str],
    journey_map: JourneyMap,
    days: int,
    as_json: bool,
) -> None:
    if as_json:
        _echo(
            {
                "days": days,
                "opportunities": [effect.to_dict() for effect in effects],
                "skipped": skipped,
            }
        )
        return
    if not effects:
        out.print("note: no opportunity has both changed_on and kpi: nothing to compare")
    else:
        out.print(_effects_table(effects, journey_map, days))
    for effect in effects:
        for note in effect.notes:
            out.print(f"note: {effect.opportunity.id}: {note}", markup=False)
    for note in skipped:
        out.print(f"note: {note}", markup=False)
