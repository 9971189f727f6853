"""What each section of the report shows: numbers from the analytics, figures, and a one-sentence
reading of each figure in the report's language.

A section that cannot be computed (no survey answers, no events in the period, a map without
KPIs) says why instead of breaking the report: :func:`safely` turns a
:class:`~recorrido.errors.RecorridoError` into that message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..analysis.experience import MIN_SAMPLE
from ..errors import RecorridoError
from ..voice.before_after import opportunity_effects
from ..voice.cases import list_cases
from ..voice.kpis import is_share
from ..voice.monitor import KpiStatus
from ..voice.text import analyse_comments, theme_summary
from . import charts
from .facts import Facts
from .i18n import Text
from .mapview import kpi_number

if TYPE_CHECKING:
    from ..journey import Journey
    from ..map.models import JourneyMap

__all__ = ["SECTIONS", "Section", "safely"]

Section = dict[str, Any]


def safely(build: Callable[[Facts, Text], Section], facts: Facts, t: Text) -> Section:
    """``build``'s section, or one that says why it is not available."""
    try:
        return build(facts, t)
    except RecorridoError as error:
        return {"charts": [], "tables": [], "notes": [t("unavailable", reason=str(error))]}


def _names(journey_map: JourneyMap) -> dict[str, str]:
    names = {tp.id: tp.name for tp in journey_map.touchpoints}
    names.update({stage.id: stage.name for stage in journey_map.stages})
    return names


def _chart(key: str, figure: dict[str, Any], reading: str) -> dict[str, Any]:
    return {"id": key, "figure": figure, "reading": reading}


def buyer(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    journey_map = facts.map
    names = _names(journey_map)
    steps = list(journey_map.buyer_journey.steps)
    rows = journey.funnel(steps, level=journey_map.journey_level()).to_dict()["steps"]
    labels = [names.get(r["name"], r["name"]) for r in rows]
    counts = [r["count"] for r in rows]
    texts = [f"{t.number(r['count'])} · {t.percent(r['conversion'])}" for r in rows]
    figure = charts.bars(t("c_funnel"), labels, counts, axis=t("axis_people"), texts=texts)
    worst = max(rows[1:], key=lambda r: r["drop_off_rate"] or 0.0, default=None)
    reading = ""
    if worst is not None and rows[0]["count"]:
        before = rows[worst["step"] - 2]
        reading = t(
            "r_funnel",
            drop=t.percent(worst["drop_off_rate"]),
            before=names.get(before["name"], before["name"]),
            after=names.get(worst["name"], worst["name"]),
            conversion=t.percent(rows[-1]["conversion"]),
        )
    return {"charts": [_chart("funnel", figure, reading)], "tables": [], "notes": []}


def customer(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    journey_map = facts.map
    names = _names(journey_map)
    order = journey_map.stage_ids()
    edges = journey.transitions(level="stage", collapse=True).to_dict()["edges"]
    known = [e for e in edges if e["source"] in order and e["target"] in order]
    position = {stage: i for i, stage in enumerate(order)}
    nodes = [names.get(s, s) for s in order]
    links = [
        (position[e["source"]], position[e["target"]], int(e["people"]),
         position[e["target"]] < position[e["source"]])
        for e in known
    ]  # fmt: skip
    moves = sum(e["count"] for e in known) or 1
    backward = sum(e["count"] for e in known if position[e["target"]] < position[e["source"]])
    top = max(known, key=lambda e: e["count"], default=None)
    reading = ""
    if top is not None:
        reading = t(
            "r_sankey",
            backward=t.number(100 * backward / moves),
            source=names.get(top["source"], top["source"]),
            target=names.get(top["target"], top["target"]),
        )
    found = [_chart("sankey", charts.sankey(t("c_sankey"), nodes, links), reading)]
    if journey_map.routes:
        routes = journey.routes().to_dict()["routes"]
        labels = [r["name"] or r["route"] for r in routes]
        figure = charts.bars(
            t("c_routes"),
            labels,
            [100 * (r["share"] or 0) for r in routes],
            axis=t("axis_share"),
            texts=[f"{t.percent(r['share'])} · {t.percent(r['conversion_rate'])}" for r in routes],
        )
        best = max(routes, key=lambda r: r["share"] or 0, default=None)
        text = ""
        if best is not None:
            text = t(
                "r_routes",
                route=best["name"] or best["route"],
                share=t.percent(best["share"]),
                conversion=t.percent(best["conversion_rate"]),
            )
        found.append(_chart("routes", figure, text))
    return {"charts": found, "tables": [], "notes": []}


def graph(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    body = journey.conformance().to_dict()
    kinds = ("skipped", "out_of_order", "backward", "unexpected")
    labels = [t(f"dev_{k}") for k in kinds]
    values = [body["deviations"][k]["deviations"] for k in kinds]
    units = [body["deviations"][k]["units"] for k in kinds]
    figure = charts.bars(
        t("c_conformance"),
        labels,
        values,
        axis=t("axis_count"),
        texts=[
            f"{t.number(v)} · {t.number(u)} {t('axis_people')}"
            for v, u in zip(values, units, strict=True)
        ],
    )
    summary = body["summary"]
    reading = t(
        "r_conformance",
        conforming=t.percent(
            summary["conforming"] / summary["units"] if summary["units"] else None
        ),
        fitness=t.number(summary["mean_fitness"], 2),
    )
    return {"charts": [_chart("conformance", figure, reading)], "tables": [], "notes": []}


def _experience_chart(
    t: Text, rows: list[dict[str, Any]], names: dict[str, str], metric: str
) -> dict[str, Any] | None:
    value_key = {"csat": "csat_mean", "nps": "nps", "ces": "ces"}[metric]
    found = [r for r in rows if r[f"{metric}_n"] and r[value_key] is not None]
    if not found:
        return None
    labels = [names.get(r["group"], r["group"]) for r in found]
    values = [r[value_key] for r in found]
    digits = 0 if metric == "nps" else 2
    texts = [
        f"{t.number(v, digits)} (n={t.number(r[f'{metric}_n'])})"
        for v, r in zip(values, found, strict=True)
    ]
    trusted = [r for r in found if r[f"{metric}_n"] >= MIN_SAMPLE] or found
    worst = (max if metric == "ces" else min)(trusted, key=lambda r: r[value_key])
    reading = t(
        f"r_{metric}",
        place=names.get(worst["group"], worst["group"]),
        value=t.number(worst[value_key], digits),
        n=t.number(worst[f"{metric}_n"]),
    )
    bad = {id(worst)}
    colors = [charts.BAD if id(r) in bad else charts.MAIN for r in found]
    figure = charts.bars(t(f"c_{metric}"), labels, values, axis=metric.upper(), texts=texts,
                         colors=colors)  # fmt: skip
    return _chart(f"experience_{metric}", figure, reading)


def experience(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    if not facts.count("feedback"):
        return {"charts": [], "tables": [], "notes": [t("unavailable", reason=t("no_feedback"))]}
    names = _names(facts.map)
    rows = facts.experience()["rows"]
    found = [c for m in ("csat", "nps", "ces") if (c := _experience_chart(t, rows, names, m))]
    return {"charts": found, "tables": [_themes(journey, t)], "notes": []}


def _themes(journey: Journey, t: Text) -> dict[str, Any]:
    assert journey.store is not None
    feedback = journey.store.table("feedback")
    texts = feedback.filter(feedback.comment.notnull()).select("comment", "language")
    analysed = analyse_comments(texts.to_pyarrow())
    summary = theme_summary(analysed, top=1).to_pylist() if analysed.num_rows else []
    rows = [
        [s["theme"], t.number(s["comments"]), t.percent(s["share_negative"]),
         (s["representative"] or [""])[0]]
        for s in summary
    ]  # fmt: skip
    header = [t("theme"), t("comments"), t("negative_share"), t("example")]
    return {"title": t("themes"), "header": header, "rows": rows}


def pain(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    names = _names(facts.map)
    body = facts.painpoints()
    items = [p for p in body["painpoints"] if p["score"] is not None][:8]
    found = []
    if items:
        labels = [names.get(p["touchpoint"], p["touchpoint"]) for p in items]
        figure = charts.bars(
            t("c_pain"),
            labels,
            [p["score"] for p in items],
            axis="0–100",
            colors=[charts.BAD if i == 0 else charts.MAIN for i in range(len(items))],
            texts=[t.number(p["score"], 1) for p in items],
        )
        first = items[0]
        reading = t(
            "r_pain",
            place=labels[0],
            score=t.number(first["score"], 1),
            drop=t.percent(first["drop_rate"]),
            dissatisfied=t.percent(first["dissatisfied"]),
        )
        found.append(_chart("painpoints", figure, reading))
    notes: list[str] = []
    try:
        found.extend(_drivers(journey, t, names))
    except RecorridoError as error:
        notes.append(t("unavailable", reason=str(error)))
    return {"charts": found, "tables": [], "notes": notes}


def _drivers(journey: Journey, t: Text, names: dict[str, str]) -> list[dict[str, Any]]:
    body = journey.drivers("churn").to_dict()
    hurts = [d for d in body["drivers"] if d["verdict"] == "hurts"][:8]
    found = []
    if hurts:
        labels = [
            t(f"d_{d['kind']}", place=names.get(d["place"], d["place"]).replace("_", " "))
            for d in hurts
        ]
        figure = charts.bars(
            t("c_drivers"),
            labels,
            [d["effect"] for d in hurts],
            axis="pp",
            colors=[charts.BAD] * len(hurts),
            texts=[f"{t.signed(d['effect'], 1)} pp (n={t.number(d['exposed'])})" for d in hurts],
        )
        first = hurts[0]
        reading = t(
            "r_drivers",
            driver=labels[0],
            exposed=t.percent(first["exposed_value"] / 100),
            baseline=t.percent(first["unexposed_value"] / 100),
        )
        found.append(_chart("drivers", figure, reading))
    points = [m for m in body["matrix"] if m["quadrant"] is not None]
    if points:
        for p in points:
            p["name"] = names.get(p["place"], p["name"])
            p["hover"] = (
                f"{p['name']}: r={t.number(p['importance'], 2)}, "
                f"{t.number(p['performance'])}/100, {t('q_' + p['quadrant'])}"
            )
        cut_i = sum(p["importance"] for p in points) / len(points)
        cut_p = sum(p["performance"] for p in points) / len(points)
        figure = charts.matrix(
            t("c_matrix"),
            points,
            axes=(t("axis_importance"), t("axis_performance")),
            cuts=(cut_i, cut_p),
        )
        first_fix = [p["name"] for p in points if p["quadrant"] == "fix_first"] or ["–"]
        found.append(_chart("matrix", figure, t("r_matrix", places=", ".join(first_fix))))
    return found


def loyalty(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    rows = journey.retention(period="week", periods=6).to_dict()["rows"]
    cohorts = sorted({r["cohort"] for r in rows})[-10:]
    periods = sorted({r["period"] for r in rows})
    by = {(r["cohort"], r["period"]): r["rate"] for r in rows}
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
    return {"charts": [_chart("retention", figure, reading)], "tables": [], "notes": []}


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
            tables.append({
                "title": t("opportunities"),
                "header": [t("row_opportunities"), t("kpi"), t("before"), t("after"),
                           t("verdict")],
                "rows": [[e.opportunity.id, e.kpi.name or e.kpi.id,
                          kpi_number(t, e.kpi, e.before.value),
                          kpi_number(t, e.kpi, e.after.value), t(e.verdict)] for e in effects],
            })  # fmt: skip
    assert journey.store is not None
    present = journey.store.connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'cases'"
    ).fetchone()
    cases = list_cases(journey.store) if present and present[0] else []
    opened = [c for c in cases if c.status != "resolved"]
    notes.append(t("cases_open", open=t.number(len(opened)), total=t.number(len(cases))))
    by_rule: dict[str, int] = {}
    for case in opened:
        by_rule[case.rule_id] = by_rule.get(case.rule_id, 0) + 1
    if by_rule:
        tables.append({
            "title": t("cases_open", open=t.number(len(opened)), total=t.number(len(cases))),
            "header": [t("rule"), t("axis_count")],
            "rows": [[rule, t.number(n)] for rule, n in sorted(by_rule.items(),
                                                             key=lambda i: -i[1])],
        })  # fmt: skip
    return {"charts": [], "tables": tables, "notes": notes}


SECTIONS: tuple[tuple[str, str, Callable[[Facts, Text], Section]], ...] = (
    ("buyer", "s_buyer", buyer),
    ("customer", "s_customer", customer),
    ("graph", "s_graph", graph),
    ("experience", "s_experience", experience),
    ("pain", "s_pain", pain),
    ("loyalty", "s_loyalty", loyalty),
    ("monitor", "s_monitor", monitor),
)
"""The report's sections after the map, in order: id, title key and builder."""
