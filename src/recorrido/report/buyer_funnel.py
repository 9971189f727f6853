"""The buyer journey's funnel as the report reads it: computed once, read by several sections.

One query gives the funnel's per-person rows (:func:`~recorrido.analysis.funnel.funnel_units`:
how far each person got and when) with their entry channel and their first and last touch
(:func:`~recorrido.analysis.attribution.funnel_touches`). The step tables overall and by entry
channel, first touch, last touch and persona (:func:`~recorrido.analysis.funnel_summary.
funnel_steps`) and the top paths of those who converted and of those who did not are read
from those rows, so the funnel's chains are found once, not once per breakdown. The numbers
are those of ``Journey.funnel(steps, level=…, breakdown=…)`` (the report's tests check it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import ibis
import pyarrow as pa

from ..analysis.attribution import funnel_touches
from ..analysis.funnel import FunnelSpec, funnel_units
from ..analysis.funnel_summary import funnel_steps
from ..analysis.paths import top_paths
from ..analysis.personas import UNASSIGNED, assign_personas
from ..requests import Scope
from .facts import Facts

__all__ = ["BREAKDOWNS", "PATH_STEPS", "BuyerFunnel", "buyer_funnel", "by_persona", "top_routes"]

BREAKDOWNS: tuple[str, ...] = ("channel", "first_touch", "last_touch")
"""The breakdowns read from the per-person rows (persona needs the people: :func:`by_persona`)."""

PATH_STEPS = 5
"""The steps of a path in the tables of converted and dropped people."""

_ALL = "(all)"
_STEP_COLUMNS = (
    "step",
    "name",
    "count",
    "conversion",
    "step_conversion",
    "drop_off",
    "drop_off_rate",
    "median_seconds",
    "p90_seconds",
)


@dataclass(frozen=True)
class BuyerFunnel:
    """The funnel over the buyer journey's ``steps`` at ``level``: ``units`` (one row per
    person who entered, an in-memory Ibis table) and its step tables by breakdown."""

    steps: tuple[str, ...]
    level: Literal["stage", "touchpoint"]
    units: Any
    tables: dict[str, list[dict[str, Any]]]

    def rows(self, breakdown: str | None = None) -> list[dict[str, Any]]:
        """The step rows (``Journey.funnel(...).to_dict()["steps"]``), with ``group`` (the
        breakdown's value, None for an unknown one) when ``breakdown`` is given; none when
        nobody entered."""
        return self.tables.get(breakdown or _ALL, [])

    @property
    def entrants(self) -> int:
        """The people who entered the funnel (reached its first step)."""
        rows = self.rows()
        return int(rows[0]["count"]) if rows else 0


def _run(facts: Facts, expr: Any) -> pa.Table:
    assert facts.journey.store is not None
    return facts.journey.store.ibis.to_pyarrow(expr)


def _tagged(steps: Any, breakdown: str | None) -> Any:
    group = steps[breakdown].cast("string") if breakdown else ibis.null("string")
    return steps.select(
        *[steps[c] for c in _STEP_COLUMNS], kind=ibis.literal(breakdown or _ALL), group=group
    )


def _split(table: pa.Table) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_pylist():
        kind = row.pop("kind")
        if kind == _ALL:
            row.pop("group")
        found.setdefault(kind, []).append(row)
    for rows in found.values():
        rows.sort(key=lambda r: (r.get("group") is None, r.get("group") or "", r["step"]))
    return found


def _build(facts: Facts) -> BuyerFunnel:
    journey_map = facts.map
    spec = FunnelSpec(steps=tuple(journey_map.buyer_journey.steps))
    level = journey_map.journey_level()
    events = facts.journey.events(Scope(level=level))
    rows = funnel_touches(events, funnel_units(events, spec, breakdown="channel"), spec)
    units = ibis.memtable(_run(facts, rows.order_by("unit")))
    parts = [_tagged(funnel_steps(units, spec), None)]
    parts += [_tagged(funnel_steps(units, spec, breakdown=b), b) for b in BREAKDOWNS]
    tables = _split(_run(facts, ibis.union(*parts, distinct=False)))
    return BuyerFunnel(spec.steps, level, units, tables)


def buyer_funnel(facts: Facts) -> BuyerFunnel:
    """The buyer journey's funnel, computed the first time a section asks for it."""
    return facts.once("buyer_funnel", lambda: _build(facts))  # type: ignore[no-any-return]


def _personas(facts: Facts) -> list[dict[str, Any]]:
    funnel = buyer_funnel(facts)
    assert facts.journey.store is not None
    people = assign_personas(facts.journey.store.table("people"), facts.map)
    people = people.select(_person=people.person_id, persona=people.persona)
    units = funnel.units
    joined = units.left_join(people, units.unit == people._person).drop("_person")
    joined = joined.mutate(persona=joined.persona.fill_null(UNASSIGNED))
    spec = FunnelSpec(steps=funnel.steps)
    table = _run(facts, _tagged(funnel_steps(joined, spec, breakdown="persona"), "persona"))
    return _split(table).get("persona", [])


def by_persona(facts: Facts) -> list[dict[str, Any]]:
    """The step rows by persona (``group``: the persona id, or ``(no persona)``)."""
    return facts.once("buyer_by_persona", lambda: _personas(facts))  # type: ignore[no-any-return]


def _paths(facts: Facts, top: int) -> dict[str, list[dict[str, Any]]]:
    funnel = buyer_funnel(facts)
    events = facts.journey.events(Scope(level=funnel.level))
    units = funnel.units
    outcome = units.select(_o_unit=units.unit, _converted=units.reached == len(funnel.steps))
    joined = events.join(outcome, events.unit == outcome._o_unit).drop("_o_unit")
    converted = joined.filter(joined._converted)
    dropped = joined.filter(~joined._converted)
    parts = [
        top_paths(converted, length=PATH_STEPS, end=funnel.steps[-1])
        .limit(top)
        .mutate(outcome=ibis.literal("converted")),
        top_paths(dropped, length=PATH_STEPS, start=funnel.steps[0])
        .limit(top)
        .mutate(outcome=ibis.literal("dropped")),
    ]
    found: dict[str, list[dict[str, Any]]] = {"converted": [], "dropped": []}
    for row in _run(facts, ibis.union(*parts, distinct=False)).to_pylist():
        steps = [row[f"step_{k}"] for k in range(1, PATH_STEPS + 1)]
        path = {"path": [s for s in steps if s is not None]}
        found[row["outcome"]].append({**path, "count": row["count"], "share": row["share"]})
    for rows in found.values():
        rows.sort(key=lambda r: (-r["count"], r["path"]))
    return found


def top_routes(facts: Facts, top: int = 5) -> dict[str, list[dict[str, Any]]]:
    """The ``top`` paths (``path``, ``count``, ``share`` of the group) of the people who
    reached the buyer journey's last step (``converted``: their steps up to their first
    arrival there) and of those who did not (``dropped``: their steps from their first entry
    step), consecutive repeats dropped, :data:`PATH_STEPS` steps at most."""
    return facts.once("buyer_paths", lambda: _paths(facts, top))  # type: ignore[no-any-return]
