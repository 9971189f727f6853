"""The report's loyalty and monitoring sections: retention by cohort, repeat purchase, the
weekly lifecycle, conversion by first- and last-touch channel; KPIs, opportunities and
cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ibis

from .._drivers import purchase_touchpoints
from ..analysis.attribution import NO_TOUCH
from ..analysis.repeat import repeat_purchases
from ..analysis.retention import naive_utc
from ..map.models import JourneyMap
from ..requests import Scope
from ..voice.before_after import opportunity_effects
from ..voice.cases import list_cases
from ..voice.kpis import is_share
from ..voice.monitor import KpiStatus
from . import charts
from .blocks import (
    Section,
    attempt,
    best_and_worst,
    channel_names,
    chart,
    empty,
    place_names,
    table,
)
from .buyer_funnel import buyer_funnel
from .facts import Facts
from .i18n import Text
from .mapview import kpi_number
from .svgtext import fit

__all__ = ["loyalty", "monitor"]

_WEEK = dt.timedelta(days=7)
_LIFECYCLE_WEEKS = 26
_PURCHASE = "_purchase"


def _retention(facts: Facts, t: Text) -> Section:
    rows = facts.journey.retention(period="week", periods=6).to_dict()["rows"]
    cohorts = sorted({r["cohort"] for r in rows})[-10:]
    periods = sorted({r["period"] for r in rows})
    assert facts.journey.store is not None
    found = facts.journey.store.connection.execute("SELECT max(ts) FROM events").fetchone()
    end = found[0] if found else None
    week = dt.timedelta(days=7)

    def whole(cohort: str, period: int) -> bool:
        """Whether the data covers the cohort's week ``period`` to its end (else: blank)."""
        start = dt.datetime.fromisoformat(str(cohort)).replace(tzinfo=None)
        return end is not None and start + (period + 1) * week <= end

    by = {(r["cohort"], r["period"]): r["rate"] for r in rows if whole(r["cohort"], r["period"])}
    values = [[by.get((c, p)) for p in periods] for c in cohorts]
    texts = [[t.percent(v) if v is not None else "" for v in row] for row in values]
    labels = [t.date(dt.datetime.fromisoformat(str(c))) for c in cohorts]
    figure = charts.heatmap(
        t("c_retention"),
        labels,
        [str(p) for p in periods],
        values,
        axes=(t("axis_weeks"), t("axis_cohort")),
        texts=texts,
    )
    week1 = [v for (c, p), v in by.items() if p == 1 and v is not None]
    reading = t("r_retention", rate=t.percent(sum(week1) / len(week1) if week1 else None))
    return {**empty(), "charts": [chart("retention", figure, reading)]}


def _purchase_label(facts: Facts) -> tuple[str, str]:
    """The purchase repeat purchases count, and its level: the buyer journey's conversion
    touchpoint, else its last step."""
    journey_map = facts.map
    if journey_map.buyer_journey.conversion is not None:
        return journey_map.buyer_journey.conversion, "touchpoint"
    return journey_map.buyer_journey.steps[-1], journey_map.journey_level()


def _loyalty(facts: Facts) -> dict[str, Any]:
    label, level = _purchase_label(facts)
    return facts.journey.loyalty(purchase=label, level=level).to_dict()


def _any_purchase(facts: Facts, purchases: list[str]) -> dict[str, Any]:
    """Repeat purchases counting every way to buy (e.g. a café till beside the web order)."""
    events = facts.journey.events(Scope(level="touchpoint"))
    bought = events.filter(events.label.isin(purchases))  # only purchases are read
    marked = bought.mutate(label=ibis.literal(_PURCHASE))
    assert facts.journey.store is not None
    found = facts.journey.store.ibis.to_pyarrow(repeat_purchases(marked, purchase_label=_PURCHASE))
    return found.to_pylist()[0] if found.num_rows else {}


def _repeat_row(t: Text, name: str, row: dict[str, Any]) -> list[str]:
    return [
        name,
        t.number(row.get("purchasers") or 0),
        f"{t.number(row.get('repeat_purchasers') or 0)} ({t.percent(row.get('repeat_rate'))})",
        t.number(row.get("mean_purchases"), 2),
        t.number(row.get("median_days_between"), 1),
    ]


def _repeat(facts: Facts, t: Text) -> Section:
    """Buyers who buy 2 times or more: of the purchase, and of every way to buy."""
    names = place_names(facts.map)
    label, level = _purchase_label(facts)
    first = facts.once("loyalty", lambda: _loyalty(facts))["repeat_purchases"]
    name = names.get(label, label)
    rows = [_repeat_row(t, name, first)]
    others: list[str] = []
    if level == "touchpoint":
        others = purchase_touchpoints(facts.map, [label])
    if len(others) > 1:
        every = facts.once("repeat_any", lambda: _any_purchase(facts, others))
        rows.append(
            _repeat_row(t, t("any_purchase", names=", ".join(names[p] for p in others)), every)
        )
    if first.get("purchasers"):
        reading = t(
            "r_repeat",
            share=t.percent(first["repeat_rate"]),
            purchase=name,
            mean=t.number(first["mean_purchases"], 2),
        )
    else:
        reading = t("r_repeat_none", purchase=name)
    header = [t("h_purchase"), t("h_buyers"), t("h_repeat"), t("h_mean_purchases"), t("h_gap")]
    return {**empty(), "tables": [table(t("c_repeat"), header, rows, reading)]}


def _data_end(facts: Facts) -> dt.datetime | None:
    """Midnight UTC after the latest event."""
    assert facts.journey.store is not None
    row = facts.journey.store.connection.execute("SELECT max(ts) FROM events").fetchone()
    if not row or row[0] is None:
        return None
    return dt.datetime.combine(naive_utc(row[0]).date() + dt.timedelta(days=1), dt.time())


def _lifecycle(facts: Facts, t: Text) -> Section:
    """Per week: new, returning and resurrected people (above zero), gone dormant (below)."""
    rows = facts.once("loyalty", lambda: _loyalty(facts))["lifecycle"][-_LIFECYCLE_WEEKS:]
    if not rows:
        return empty()
    starts = [naive_utc(dt.datetime.fromisoformat(str(r["period"]))) for r in rows]
    x = [start.date().isoformat() for start in starts]
    parts = (("new", charts.MAIN, 1), ("returning", charts.GOOD, 1),
             ("resurrecting", charts.SECOND, 1), ("dormant", charts.BAD, -1))  # fmt: skip
    series = [(t(f"lc_{key}"), [sign * r[key] for r in rows], color) for key, color, sign in parts]
    figure = charts.stacked_bars(
        t("c_lifecycle"),
        x,
        series,
        axis=t("axis_people"),
        x_axis=t("axis_week"),
        x_labels=[t.date(start) for start in starts],
    )
    end = _data_end(facts)
    full = [
        (s, r) for s, r in zip(starts, rows, strict=True) if end is not None and s + _WEEK <= end
    ]
    if full:
        start, last = full[-1]
        week = f"{t.date(start)} – {t.date(start + _WEEK - dt.timedelta(days=1))}"
        reading = t("r_lifecycle", week=week, **{k: t.number(last[k]) for k in (
            "active", "new", "returning", "resurrecting", "dormant")})  # fmt: skip
    else:
        reading = t("r_lifecycle_none")
    return {**empty(), "charts": [chart("lifecycle", figure, reading)]}


def _touch_groups(rows: list[dict[str, Any]], names: dict[str, str], none: str) -> list[Any]:
    """``(channel name, conversion, people who entered)`` per touch channel."""
    entered = {r["group"]: int(r["count"]) for r in rows if r["step"] == 1}
    last = max((r["step"] for r in rows), default=0)
    found = [
        (none if r["group"] in (None, NO_TOUCH) else names.get(r["group"], r["group"]),
         r["conversion"], entered[r["group"]])
        for r in rows
        if r["step"] == last and entered.get(r["group"])
    ]  # fmt: skip
    return sorted(found, key=lambda g: (-g[2], g[0]))


def _attribution(facts: Facts, t: Text) -> Section:
    """Conversion by first- and last-touch channel, when the data has 2 channels or more."""
    funnel = buyer_funnel(facts)
    names = channel_names(facts.map)
    first = _touch_groups(funnel.rows("first_touch"), names, t("no_channel"))
    last = _touch_groups(funnel.rows("last_touch"), names, t("no_channel"))
    touched = funnel.rows("first_touch")
    channels = {r["group"] for r in touched if r["group"] not in (None, NO_TOUCH)}
    if len(channels) < 2:
        return {**empty(), "notes": [t("unavailable", reason=t("one_channel", n=len(channels)))]}
    groups = [(t("g_first_touch"), first), (t("g_last_touch"), last)]
    shown = [
        (kind, [g[0] for g in items], [100 * g[1] for g in items],
         [f"{t.percent(g[1])} ({t('n_people', n=t.number(g[2]))})" for g in items])
        for kind, items in groups
    ]  # fmt: skip
    figure = charts.grouped_bars(
        t("c_attribution"), shown, axis=t("axis_conversion"), side_by_side=True
    )
    reading = t.sentence([best_and_worst(t, kind, items) for kind, items in groups])
    return {**empty(), "charts": [chart("attribution", figure, reading)]}


def loyalty(facts: Facts, t: Text) -> Section:
    found = empty()
    attempt(found, t, lambda: _retention(facts, t))
    attempt(found, t, lambda: _repeat(facts, t))
    attempt(found, t, lambda: _lifecycle(facts, t))
    attempt(found, t, lambda: _attribution(facts, t))
    return found


def _change(t: Text, status: KpiStatus) -> str:
    if status.change is None:
        return "–"
    if is_share(status.kpi.metric, status.kpi.target):
        return t.signed(100 * status.change, 1) + " pp"
    return t.signed(status.change, 2)


def monitor(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    journey_map = facts.map
    notes: list[str] = []
    tables = []
    if journey_map.kpis:
        statuses = facts.kpis()
        rows = [
            [s.kpi.name or s.kpi.id, kpi_number(t, s.kpi, s.current.value),
             kpi_number(t, s.kpi, s.kpi.target),
             {True: t("met"), False: t("not_met"), None: t("no_value")}[s.met],
             _change(t, s)]
            for s in statuses
        ]  # fmt: skip
        met = sum(1 for s in statuses if s.met)
        tables.append({
            "title": t("c_kpis"),
            "header": [t("kpi"), t("value"), t("target_h"), t("status"), t("change")],
            "rows": rows,
            "reading": t("r_kpis", met=met, total=len(statuses)),
        })  # fmt: skip
        effects, _ = opportunity_effects(journey, journey_map)
        if effects:
            # each opportunity by its description, on one line of the table
            briefs = [fit(e.opportunity.description, 560, 13, lines=1)[0] for e in effects]
            tables.append({
                "title": t("opportunities"),
                "header": [t("opportunity"), t("kpi"), t("before"), t("after"),
                           t("verdict")],
                "rows": [[brief, e.kpi.name or e.kpi.id, kpi_number(t, e.kpi, e.before.value),
                          kpi_number(t, e.kpi, e.after.value), t(e.verdict)]
                         for brief, e in zip(briefs, effects, strict=True)],
            })  # fmt: skip
    assert journey.store is not None
    present = journey.store.connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'cases'"
    ).fetchone()
    cases = list_cases(journey.store) if present and present[0] else []
    opened = [c for c in cases if c.status != "resolved"]
    by_rule: dict[str, int] = {}
    for case in opened:
        by_rule[case.rule_id] = by_rule.get(case.rule_id, 0) + 1
    summary = t("cases_open", open=t.number(len(opened)), total=t.number(len(cases)))
    if by_rule:
        names = _rule_names(t, journey_map)
        tables.append({
            "title": summary,
            "header": [t("rule"), t("axis_count")],
            "rows": [[names.get(rule, rule), t.number(n)]
                     for rule, n in sorted(by_rule.items(), key=lambda i: (-i[1], i[0]))],
        })  # fmt: skip
    else:
        notes.append(summary)
    return {"charts": [], "tables": tables, "notes": notes}


def _rule_names(t: Text, journey_map: JourneyMap) -> dict[str, str]:
    """The name of each case rule: an alert rule's own (its id without one), and a KPI's
    case ("kpi:<id>") as "KPI: <name>"."""
    names = {rule.id: rule.name or rule.id for rule in journey_map.alerts}
    for kpi in journey_map.kpis:
        names[f"kpi:{kpi.id}"] = t("kpi_case", name=kpi.name or kpi.id)
    return names
