"""The report's journey sections: the buyer journey (funnel, steps and times, conversion by
persona and entry channel), the customer journey (real flows, routes, skips and backward
moves, top paths of those who convert and those who do not) and conformance."""

from __future__ import annotations

from typing import Any

from ..analysis.personas import UNASSIGNED
from ..errors import RecorridoError
from . import charts
from .blocks import (
    Section,
    attempt,
    best_and_worst,
    channel_names,
    chart,
    empty,
    persona_names,
    place_names,
    table,
)
from .buyer_funnel import PATH_STEPS, buyer_funnel, by_persona, top_routes
from .facts import Facts
from .graph import discovered_graph, layout
from .i18n import Text

__all__ = ["buyer", "conformance", "customer", "graph"]


def conformance(facts: Facts) -> dict[str, Any]:
    """``Journey.conformance()``, computed once for the customer journey and conformance."""
    return facts.once("conformance", lambda: facts.journey.conformance().to_dict())  # type: ignore[no-any-return]


# -- buyer journey -----------------------------------------------------------------------------


def _funnel_chart(t: Text, rows: list[dict[str, Any]], names: dict[str, str]) -> dict[str, Any]:
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
    return chart("funnel", figure, reading)


def _steps_table(t: Text, rows: list[dict[str, Any]], names: dict[str, str]) -> dict[str, Any]:
    body = []
    for r in rows:
        first = r["step"] == 1
        body.append([
            names.get(r["name"], r["name"]),
            t.number(r["count"]),
            t.percent(r["conversion"]),
            "–" if first else t.percent(r["step_conversion"]),
            "–" if first else f"{t.number(r['drop_off'])} ({t.percent(r['drop_off_rate'])})",
            t.duration(r["median_seconds"]),
            t.duration(r["p90_seconds"]),
        ])  # fmt: skip
    last, entry = rows[-1], rows[0]
    step = names.get(last["name"], last["name"])
    first_name = names.get(entry["name"], entry["name"])
    if last["count"] and last["median_seconds"] is not None:
        reading = t(
            "r_buyer_time",
            step=step,
            first=first_name,
            median=t.duration(last["median_seconds"]),
            p90=t.duration(last["p90_seconds"]),
        )
    else:
        reading = t("r_buyer_time_none", step=step)
    header = [t("h_stage"), t("h_people"), t("h_conversion"), t("h_step_conversion"),
              t("h_drop"), t("h_median"), t("h_p90")]  # fmt: skip
    return table(t("c_buyer_steps"), header, body, reading)


def _groups(rows: list[dict[str, Any]], names: dict[str, str], unknown: str) -> list[Any]:
    """``(name, conversion, people who entered)`` per group with entrants, best first."""
    entered = {r["group"]: int(r["count"]) for r in rows if r["step"] == 1}
    last = max((r["step"] for r in rows), default=0)
    found = [
        (names.get(r["group"], r["group"]) if r["group"] is not None else unknown,
         r["conversion"], entered[r["group"]])
        for r in rows
        if r["step"] == last and entered.get(r["group"])
    ]  # fmt: skip
    return sorted(found, key=lambda g: (-g[1], -g[2], g[0]))


def _group_chart(facts: Facts, t: Text) -> Section:
    found = empty()
    personas: list[Any] = []
    try:  # personas need the people's attributes; the entry channels are there anyway
        names = {**persona_names(facts.map), UNASSIGNED: t("no_persona")}
        personas = _groups(by_persona(facts), names, t("no_persona"))
    except RecorridoError as error:
        found["notes"].append(t("unavailable", reason=str(error)))
    channels = _groups(buyer_funnel(facts).rows("channel"), channel_names(facts.map),
                       t("no_channel"))  # fmt: skip
    groups = [(t("g_persona"), personas), (t("g_channel"), channels)]
    shown = [
        (kind, [g[0] for g in items], [100 * g[1] for g in items],
         [f"{t.percent(g[1])} ({t('n_people', n=t.number(g[2]))})" for g in items])
        for kind, items in groups
        if items
    ]  # fmt: skip
    if shown:
        figure = charts.grouped_bars(t("c_groups"), shown, axis=t("axis_conversion"))
        reading = t.sentence([best_and_worst(t, kind, items) for kind, items in groups if items])
        found["charts"].append(chart("funnel_groups", figure, reading))
    return found


def _no_entrants(facts: Facts, t: Text) -> Section | None:
    """A note when nobody entered the buyer journey (nothing to show), else None."""
    funnel = buyer_funnel(facts)
    if funnel.entrants:
        return None
    step = place_names(facts.map).get(funnel.steps[0], funnel.steps[0])
    return {**empty(), "notes": [t("unavailable", reason=t("no_entrants", step=step))]}


def buyer(facts: Facts, t: Text) -> Section:
    names = place_names(facts.map)
    if (nothing := _no_entrants(facts, t)) is not None:
        return nothing
    rows = buyer_funnel(facts).rows()
    found = empty()
    found["charts"].append(_funnel_chart(t, rows, names))
    found["tables"].append(_steps_table(t, rows, names))
    attempt(found, t, lambda: _group_chart(facts, t))
    return found


# -- customer journey --------------------------------------------------------------------------


def _flows(facts: Facts, t: Text, names: dict[str, str]) -> Section:
    journey, journey_map = facts.journey, facts.map
    order = journey_map.stage_ids()
    flows = journey.transitions(level="stage", collapse=True, ends=False, durations=False)
    edges = flows.to_dict()["edges"]
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
    found = empty()
    found["charts"].append(chart("sankey", charts.sankey(t("c_sankey"), nodes, links), reading))
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
        found["charts"].append(chart("routes", figure, text))
    return found


def _moves(facts: Facts, t: Text, names: dict[str, str]) -> Section:
    """Skips and backward moves: ``Journey.conformance()``'s moves (one per consecutive pair
    of designed steps a person visits) and its ``skipped`` / ``backward`` deviation totals."""
    body = conformance(facts)
    odd = [m for m in body["moves"] if m["kind"] in ("skip", "backward")]
    odd.sort(key=lambda m: (-m["count"], -m["units"], m["source"], m["target"]))
    rows = [
        [f"{names.get(m['source'], m['source'])} → {names.get(m['target'], m['target'])}",
         t(f"k_{m['kind']}"), t.number(m["count"]), t.number(m["units"])]
        for m in odd[:8]
    ]  # fmt: skip
    skips = [m for m in odd if m["kind"] == "skip"]
    back = body["deviations"]["backward"]
    common = {
        "back_people": t.number(back["units"]),
        "backs": t.number(back["deviations"]),
    }
    if skips:
        top = skips[0]
        reading = t(
            "r_moves",
            skip_people=t.number(body["deviations"]["skipped"]["units"]),
            skips=t.number(sum(m["count"] for m in skips)),
            source=names.get(top["source"], top["source"]),
            target=names.get(top["target"], top["target"]),
            times=t.number(top["count"]),
            people=t.number(top["units"]),
            **common,
        )
    else:
        reading = t("r_moves_no_skip", **common)
    header = [t("h_move"), t("h_kind"), t("h_times"), t("h_people")]
    return {**empty(), "tables": [table(t("c_moves"), header, rows, reading)]}


def _path_tables(facts: Facts, t: Text, names: dict[str, str]) -> Section:
    if (nothing := _no_entrants(facts, t)) is not None:
        return nothing
    steps = buyer_funnel(facts).steps
    stage, first = names.get(steps[-1], steps[-1]), names.get(steps[0], steps[0])
    found = empty()
    for outcome, title in (
        ("converted", t("c_paths_converted", stage=stage, n=PATH_STEPS)),
        ("dropped", t("c_paths_dropped", first=first, n=PATH_STEPS)),
    ):
        paths = top_routes(facts)[outcome]
        text = [" → ".join(names.get(s, s) for s in p["path"]) for p in paths]
        rows = [
            [path, t.number(p["count"]), t.percent(p["share"])]
            for path, p in zip(text, paths, strict=True)
        ]
        reading = ""
        if paths:
            reading = t(
                f"r_paths_{outcome}",
                path=text[0],
                people=t.number(paths[0]["count"]),
                share=t.percent(paths[0]["share"]),
            )
        header = [t("h_path"), t("h_people"), t("h_share")]
        found["tables"].append(table(title, header, rows, reading))
    return found


def customer(facts: Facts, t: Text) -> Section:
    names = place_names(facts.map)
    found = empty()
    attempt(found, t, lambda: _flows(facts, t, names))
    attempt(found, t, lambda: _moves(facts, t, names))
    attempt(found, t, lambda: _path_tables(facts, t, names))
    return found


# -- discovered journey and conformance --------------------------------------------------------


def _discovered(facts: Facts, t: Text) -> Section:
    """The directly-follows graph of touchpoints (repeats collapsed), its most taken moves
    drawn over the stages, coloured by how they stand against the designed order."""
    result = facts.journey.transitions(
        level="touchpoint", collapse=True, ends=False, durations=False
    )
    reached = {p["touchpoint"]: p["people"] for p in facts.painpoints()["painpoints"]}
    stages = layout(facts.map.stage_touchpoints(), place_names(facts.map))
    drawn = discovered_graph(t, stages, result.rows(), reached)
    if drawn is None:
        raise RecorridoError(t("no_moves"))
    figure, reading = drawn
    return {**empty(), "charts": [chart("graph", figure, reading)]}


def graph(facts: Facts, t: Text) -> Section:
    found = empty()
    attempt(found, t, lambda: _discovered(facts, t))
    body = conformance(facts)
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
    found["charts"].append(chart("conformance", figure, reading))
    return found
