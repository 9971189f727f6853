"""``Journey.conformance`` and ``Journey.routes``: the designed journey against reality.

The analytics are the pure Ibis functions of :mod:`recorrido.analysis.fitness` and
:mod:`recorrido.analysis.routes`; this module checks the request against the map, prepares
the journey events once (at touchpoint level; stage labels are derived from them), runs the
queries and shapes the :class:`~recorrido.results.Result`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import ibis
import pyarrow as pa

from .analysis.fitness import (
    DEVIATION_KINDS,
    conformance_by,
    designed_steps,
    deviation_totals,
    deviations_by_step,
    first_channels,
    journey_deviations,
    journey_fitness,
    move_counts,
    stage_moves,
    step_coverage,
    unit_conformance,
)
from .analysis.routes import route_totals, route_units
from .errors import UsageError, did_you_mean
from .map.models import JourneyMap, Route
from .requests import ConformanceRequest, RoutesRequest, Scope, build
from .results import Result

if TYPE_CHECKING:
    from .journey import Journey

__all__ = ["NO_CHANNEL", "conformance", "routes"]

NO_CHANNEL = "(no channel)"
"""How conformance by channel names units none of whose events has a channel."""


def _needs_map(journey: Journey, what: str) -> JourneyMap:
    if journey.map is None:
        raise UsageError(f"{what}: pass --map journey.yaml", code="usage_needs_map")
    return journey.map


def _touchpoint_events(journey: Journey, scope: Scope) -> AbstractContextManager[Any]:
    """The journey events of ``scope`` at touchpoint level with their ``stage``, computed
    once (several queries read them; see ``Journey._once``)."""
    scope = scope.model_copy(update={"level": "touchpoint"})
    return journey._once(journey.events(scope, stage=True), events=True)


def _at_level(events: Any, journey_map: JourneyMap, level: str) -> Any:
    """Touchpoint-level events relabelled at ``level`` (their touchpoint's stage)."""
    if level == "touchpoint" or not journey_map.touchpoints:
        return events
    return events.mutate(label=events.stage)


# -- conformance -------------------------------------------------------------------------------


def conformance(journey: Journey, options: dict[str, Any]) -> Result:
    """See :meth:`recorrido.Journey.conformance`."""
    journey_map = _needs_map(journey, "conformance compares journeys with a map's buyer_journey")
    level = journey_map.journey_level()
    if options.get("level", level) != level:
        raise UsageError(
            f"conformance reads the buyer journey at its own level ({level}); "
            f"drop level={options['level']!r}",
            code="usage_conformance_level",
        )
    request = build(ConformanceRequest, **{**options, "level": level})
    with _touchpoint_events(journey, request) as touched:
        return _conformance(journey, journey_map, request, touched)


def _conformance(
    journey: Journey, journey_map: JourneyMap, request: ConformanceRequest, touched: Any
) -> Result:
    order = list(journey_map.buyer_journey.steps)
    events = _at_level(touched, journey_map, request.level)
    # fitness, coverage and moves read the designed steps: collapsed once, not per query
    with journey._once(designed_steps(events, order)) as designed:
        return _measured(journey, journey_map, request, touched, designed)


def _measured(
    journey: Journey,
    journey_map: JourneyMap,
    request: ConformanceRequest,
    touched: Any,
    events: Any,
) -> Result:
    """The conformance result from the touchpoint events and the designed steps."""
    order = list(journey_map.buyer_journey.steps)
    fitness = journey_fitness(events, order, collapsed=True)
    summary = fitness.aggregate(
        units=fitness.count(),
        mean_fitness=fitness.fitness.mean(),
        conforming=(fitness.fitness == 1).ifelse(1, 0).sum(),
        out_of_order_units=(fitness.out_of_order > 0).ifelse(1, 0).sum(),
    )
    totals = journey._run(summary).to_pylist()[0]
    # sums over no units are NULL: report 0 (the mean stays NULL)
    totals = {k: v if k == "mean_fitness" else int(v or 0) for k, v in totals.items()}
    coverage = step_coverage(events, order, collapsed=True)
    coverage = journey._run(coverage.order_by("position")).to_pylist()
    step_of = None
    if request.level == "stage":
        step_of = {tp.id: tp.stage for tp in journey_map.touchpoints}
    unforeseen = journey_map.unforeseen_touchpoints()
    # a store's events never tie on (ts, seq): the deviations may read the designed steps
    reuse = events if journey.store is not None else None
    deviations = journey_deviations(
        touched, order, step_of=step_of, unexpected=unforeseen, designed=reuse
    )
    # read twice when broken down (totals, then per step or unit): computed once
    with journey._once(deviations) if request.by else nullcontext(deviations) as deviations:
        found = {r["kind"]: r for r in journey._run(deviation_totals(deviations)).to_pylist()}
        extra: dict[str, Any] = {
            "summary": totals,
            "steps": coverage,
            "order": order,
            "deviations": {
                kind: {
                    "deviations": int(found.get(kind, {}).get("deviations") or 0),
                    "units": int(found.get(kind, {}).get("units") or 0),
                }
                for kind in DEVIATION_KINDS
            },
        }
        warnings = []
        if not totals["units"]:
            warnings.append(
                f"no event reaches a step of the buyer journey ({', '.join(order)}): every count "
                "is 0; check the touchpoints' match rules with `recorrido info`"
            )
        if request.by is None:
            moves = move_counts(stage_moves(events, order, collapsed=True))
            table = journey._run(moves.order_by([ibis.desc("count"), "source"]))
            dump = request.model_dump()
            return Result("conformance", table, dump, extra, _moves_shape, warnings=warnings)
        extra["by"] = request.by
        if request.by == "stage":
            table = _by_stage(journey, journey_map, deviations, coverage, order)
        else:
            per_unit = unit_conformance(fitness, deviations)
            if request.by == "unit":
                table = journey._run(per_unit.order_by("unit"))
            else:
                groups = _groups(journey, journey_map, request, touched)
                grouped = conformance_by(per_unit, groups)
                table = journey._run(grouped.order_by([ibis.desc("units"), "group"]))
                names = [request.by if c == "group" else c for c in table.column_names]
                table = table.rename_columns(names)
        dump = request.model_dump()
        return Result("conformance", table, dump, extra, _rows_shape, warnings=warnings)


def _by_stage(
    journey: Journey,
    journey_map: JourneyMap,
    deviations: Any,
    coverage: list[dict[str, Any]],
    order: list[str],
) -> pa.Table:
    """One row per designed step, in designed order, zeros included."""
    found = {r["step"]: r for r in journey._run(deviations_by_step(deviations)).to_pylist()}
    reached = {row["label"]: row["units"] for row in coverage}
    stage_of = {tp.id: tp.stage for tp in journey_map.touchpoints}
    rows = []
    for position, step in enumerate(order, 1):
        row = found.get(step, {})
        rows.append(
            {
                "position": position,
                "step": step,
                "stage": stage_of.get(step, step),
                "reached": int(reached.get(step) or 0),
                **{kind: int(row.get(kind) or 0) for kind in DEVIATION_KINDS},
                "deviating_units": int(row.get("deviating_units") or 0),
            }
        )
    return pa.Table.from_pylist(rows)


def _groups(
    journey: Journey, journey_map: JourneyMap, request: ConformanceRequest, touched: Any
) -> Any:
    """``unit``, ``group``: the persona of the unit's person, or its first-touch channel."""
    if request.by == "channel":
        everything = journey.events(request.model_copy(update={"level": "event"}))
        channels = first_channels(everything, NO_CHANNEL)
        return channels.select("unit", group=channels.channel)
    if journey.store is None:
        raise UsageError(
            "conformance by persona needs a store with people (journey events given as a "
            "table have none): use Journey(store) or by='channel'",
            code="usage_needs_store",
        )
    if not any(persona.assign for persona in journey_map.personas):
        raise UsageError(
            "conformance by persona needs personas with an 'assign' rule in the map; add "
            "them to journey.yaml (docs/map-format.md#personas)",
            code="usage_no_personas",
        )
    people = journey.store.table("people")
    if not journey._run(people.aggregate(n=people.count())).to_pylist()[0]["n"]:
        raise UsageError(
            "conformance by persona needs people, and the store has none: ingest a people "
            "file first (recorrido ingest people FILE)",
            code="usage_no_people",
        )
    units = touched.select("unit", "person").distinct()
    with_persona, column = journey._with_breakdown(units, "persona")
    return with_persona.select("unit", group=with_persona[column])


# -- routes ------------------------------------------------------------------------------------


def routes(journey: Journey, options: dict[str, Any]) -> Result:
    """See :meth:`recorrido.Journey.routes`."""
    journey_map = _needs_map(journey, "routes are read from the map's routes: section")
    if not journey_map.routes:
        raise UsageError(
            "the map has no routes: add a routes: section to journey.yaml "
            "(docs/map-format.md#routes)",
            code="usage_no_routes",
        )
    request = build(RoutesRequest, **options)
    known = [route.id for route in journey_map.routes]
    for route_id in request.routes:
        if route_id not in known:
            raise UsageError(
                f"unknown route '{route_id}'{did_you_mean(route_id, known)}",
                code="usage_unknown_route",
            )
    chosen = [r for r in journey_map.routes if not request.routes or r.id in request.routes]
    with _touchpoint_events(journey, request.scope("touchpoint")) as touched:
        return _routes(journey, journey_map, request, chosen, touched)


def _routes(
    journey: Journey,
    journey_map: JourneyMap,
    request: RoutesRequest,
    chosen: list[Route],
    touched: Any,
) -> Result:
    target = journey_map.buyer_journey.conversion
    conversions = None
    if target:  # each unit's latest conversion (converted: one at or after the route's end)
        converting = touched.filter(touched.label == target)
        conversions = converting.group_by("unit").aggregate(ts=converting.ts.max())
    with journey._once(conversions) if conversions is not None else nullcontext() as latest:
        levels = {journey_map.steps_level(route.steps) for route in chosen}
        events = {level: _at_level(touched, journey_map, level) for level in levels}
        total = journey._run(touched.aggregate(n=touched.unit.nunique())).to_pylist()[0]["n"]
        total = int(total or 0)
        seen = {
            level: set(journey._run(table.select("label").distinct())["label"].to_pylist())
            for level, table in events.items()
        }
        warnings = []
        rows = []
        for route in chosen:
            level = journey_map.steps_level(route.steps)
            missing = [step for step in route.steps if step not in seen[level]]
            if missing:
                warnings.append(
                    f"route '{route.id}': step '{missing[0]}' matches no event, so no unit took it"
                )
            units = route_units(events[level], route.steps)
            counts = journey._run(route_totals(units, latest)).to_pylist()[0]
            rows.append(_route_row(route, counts, total, target is not None))
        if target is None:
            warnings.append("the map's buyer_journey has no conversion: converted is not computed")
        table = pa.Table.from_pylist(rows, schema=_ROUTE_SCHEMA)
        extra = {"units": total, "conversion": target, "steps": {r.id: r.steps for r in chosen}}
        return Result(
            "routes", table, request.model_dump(), extra, _routes_shape, warnings=warnings
        )


_ROUTE_SCHEMA = pa.schema(
    [
        ("route", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("steps", pa.string()),
        ("units", pa.int64()),
        ("share", pa.float64()),
        ("converted", pa.int64()),
        ("conversion_rate", pa.float64()),
    ]
)


def _route_row(route: Route, counts: dict[str, Any], total: int, converts: bool) -> dict[str, Any]:
    units = int(counts["units"] or 0)
    converted = int(counts["converted"] or 0) if converts else None
    return {
        "route": route.id,
        "name": route.name,
        "kind": route.kind.value,
        "steps": " → ".join(route.steps),
        "units": units,
        "share": units / total if total else None,
        "converted": converted,
        "conversion_rate": converted / units if converted is not None and units else None,
    }


# -- JSON shapes -------------------------------------------------------------------------------


def _moves_shape(result: Result) -> dict[str, Any]:
    return {"moves": result.rows(), **result.extra}


def _rows_shape(result: Result) -> dict[str, Any]:
    return {"rows": result.rows(), **result.extra}


def _routes_shape(result: Result) -> dict[str, Any]:
    steps = result.extra["steps"]
    rows = [{**row, "steps": steps[row["route"]]} for row in result.rows()]
    return {
        "routes": rows,
        "units": result.extra["units"],
        "conversion": result.extra["conversion"],
    }
