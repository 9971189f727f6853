"""The designed journey against reality: stage moves and fitness to the buyer journey.

Both read journey events whose ``label`` is at the level of the designed order (stages, or
the touchpoints of the buyer journey) and take that order as a list of labels.

**Moves.** A unit's labelled events (``label`` in the order, NULLs and other labels dropped)
are ordered by ``(ts, seq, label)`` and consecutive repeats collapsed. Each consecutive pair
``a → b`` with designed positions ``i → j`` is a *forward* move when ``j = i + 1``, a *skip*
when ``j > i + 1`` (``j − i − 1`` steps skipped), a *backward* move when ``j < i``. A move is a
*revisit* (a loop) when the unit had already been at ``b`` before ``a``.

**Fitness.** For each designed step ``s_j`` (``j = 1…k``) take the unit's first event at it
(in that order). A step is *done* when that event exists, and *in order* when it is done
and comes after the first events of every done step designed before it. ``fitness`` = in-order
steps / ``k``; ``missed`` = steps never done; ``out_of_order`` = done − in order.

**Deviations** (:func:`journey_deviations`), each counted at one designed step: a *skipped*
step for every step jumped over by a skip move; an *out-of-order* step for every done step
not in order; a *backward* move at the step the unit went back from; an *unexpected*
touchpoint for every event at a touchpoint the design does not foresee, between the unit's
first designed event and its first event at the last designed step, counted at the step the
unit was at.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import ibis

from .order import carried, first_rows, journey_order, position

__all__ = [
    "DEVIATION_KINDS",
    "conformance_by",
    "designed_steps",
    "deviation_totals",
    "deviations_by_step",
    "first_channels",
    "journey_deviations",
    "journey_fitness",
    "move_counts",
    "stage_moves",
    "step_coverage",
    "unit_conformance",
]

DEVIATION_KINDS: tuple[str, ...] = ("skipped", "out_of_order", "backward", "unexpected")
"""The kinds of deviation from the designed journey, in report order."""


def _journey_order(events: Any) -> list[Any]:
    """A unit's events in journey order; the label settles equal ``(ts, seq)``."""
    return journey_order(events, events.label)


def _ordered(events: Any, order: Sequence[str], collapsed: bool = False) -> Any:
    """Events at a designed label, with its 1-based designed position, repeats collapsed
    (``collapsed``: ``events`` are :func:`designed_steps` already, collapsed)."""
    position = ibis.cases(*[(events.label == name, index) for index, name in enumerate(order, 1)])
    placed = events.filter(events.label.isin(list(order))).mutate(position=position)
    if collapsed:
        return placed
    window = ibis.window(group_by=placed.unit, order_by=_journey_order(placed))
    placed = placed.mutate(_previous=placed.label.lag().over(window))
    return placed.filter(placed._previous.isnull() | (placed._previous != placed.label)).drop(
        "_previous"
    )


def designed_steps(events: Any, order: Sequence[str]) -> Any:
    """``unit, ts, seq, label``: each unit's events at a label of ``order``, in journey order,
    consecutive repeats collapsed. :func:`stage_moves`, :func:`journey_fitness` and
    :func:`step_coverage` give the same results from these rows as from all the events, so
    a caller running several of them may compute these once (a third of the events on the
    sample world) and pass them with ``collapsed=True`` (which skips collapsing again)."""
    return _ordered(events, order).select("unit", "ts", "seq", "label", *carried(events))


def stage_moves(events: Any, order: Sequence[str], *, collapsed: bool = False) -> Any:
    """One row per unit and move: ``unit``, ``source``, ``target``, ``kind``, ``skipped``,
    ``revisit`` (see the module docstring)."""
    steps = _ordered(events, order, collapsed)
    journey = _journey_order(steps)
    window = ibis.window(group_by=steps.unit, order_by=journey)
    steps = steps.mutate(
        _index=position(steps, journey),
        _source=steps.label.lag().over(window),
        _from=steps.position.lag().over(window),
    )
    # each unit's first visit to each step: a grouping joined back, not a window per
    # (unit, step) that sorts every step again
    moves = steps.filter(steps._source.notnull())
    firsts = steps.group_by(["unit", "label"]).aggregate(_first=steps._index.min())
    firsts = firsts.rename(_f_unit="unit", _f_label="label")
    moves = moves.join(firsts, [moves.unit == firsts._f_unit, moves.label == firsts._f_label]).drop(
        "_f_unit", "_f_label"
    )
    gap = moves.position - moves._from
    kind = ibis.cases((gap == 1, "forward"), (gap > 1, "skip"), else_="backward")
    return moves.select(
        "unit",
        source=moves._source,
        target=moves.label,
        kind=kind,
        skipped=(gap > 1).ifelse(gap - 1, 0),
        revisit=moves._first < moves._index,
    )


def journey_fitness(events: Any, order: Sequence[str], *, collapsed: bool = False) -> Any:
    """One row per unit with a designed step: ``done``, ``in_order``, ``missed``,
    ``out_of_order``, ``fitness`` (see the module docstring)."""
    steps = _ordered(events, order, collapsed)
    steps = steps.mutate(_index=position(steps, _journey_order(steps)))
    first = steps.group_by(["unit", "position"]).aggregate(first=steps._index.min() + 1)
    earlier = ibis.window(group_by=first.unit, order_by=first.position, rows=(None, -1))
    # positions start at 1, so "no earlier step" may be 0: ClickHouse gives 0, not NULL,
    # for an aggregate over an empty window frame
    first = first.mutate(_before=first.first.max().over(earlier).fill_null(0))
    in_order = first.first > first._before
    k = len(order)
    per_unit = first.group_by("unit").aggregate(
        done=first.count(), in_order=in_order.ifelse(1, 0).sum()
    )
    return per_unit.mutate(
        missed=k - per_unit.done,
        out_of_order=per_unit.done - per_unit.in_order,
        fitness=per_unit.in_order.cast("float64") / k,
    )


def move_counts(moves: Any) -> Any:
    """Moves grouped by ``source``, ``target``, ``kind``: ``count`` and distinct ``units``."""
    return moves.group_by(["source", "target", "kind"]).aggregate(
        count=moves.count(), units=moves.unit.nunique(), revisits=moves.revisit.ifelse(1, 0).sum()
    )


def step_coverage(events: Any, order: Sequence[str], *, collapsed: bool = False) -> Any:
    """Per designed step: ``units`` that reached it at least once (any order)."""
    steps = _ordered(events, order, collapsed)
    return steps.group_by(["label", "position"]).aggregate(units=steps.unit.nunique())


def _by_unit(table: Any, rows: tuple[int | None, int | None] | None = None) -> Any:
    """The window over each unit's events in journey order (``rows``: an optional frame)."""
    if rows is None:
        return ibis.window(group_by=table.unit, order_by=_journey_order(table))
    return ibis.window(group_by=table.unit, order_by=_journey_order(table), rows=rows)


def _placed(events: Any, order: Sequence[str], step_of: Mapping[str, str] | None) -> Any:
    """``events`` with ``_pos``: the 1-based designed position of the event's step (NULL when
    its label is on no designed step). ``step_of`` maps labels to steps (identity if None)."""
    mapping = {name: name for name in order} if step_of is None else dict(step_of)
    positions = {label: order.index(step) + 1 for label, step in mapping.items() if step in order}
    if not positions:
        return events.mutate(_pos=ibis.null("int64"))
    position = ibis.cases(*[(events.label == label, p) for label, p in positions.items()])
    return events.mutate(_pos=position.cast("int64"))


def _step_name(position: Any, order: Sequence[str]) -> Any:
    return ibis.cases(*[(position == index, name) for index, name in enumerate(order, 1)])


def _deviation(table: Any, kind: str, step: Any) -> Any:
    return table.select("unit", kind=ibis.literal(kind, "string"), step=step.cast("string"))


def journey_deviations(
    events: Any,
    order: Sequence[str],
    *,
    step_of: Mapping[str, str] | None = None,
    unexpected: Collection[str] = (),
    designed: Any = None,
) -> Any:
    """One row per unit, deviation kind and designed step: ``unit``, ``kind`` (one of
    :data:`DEVIATION_KINDS`), ``step`` (where it is counted) and ``count`` (≥ 1).

    ``step_of`` maps each label to its designed step (e.g. touchpoints to their stage; labels
    it leaves out, or maps off the order, are not designed steps); ``None`` means the labels
    are the steps. ``unexpected`` lists the labels that are unexpected touchpoints (a label
    that is also a designed step counts as designed). See the module docstring.

    ``designed`` may pass :func:`designed_steps` of ``events`` relabelled with their steps,
    when the caller has them: the designed sequence is then read from there, not collapsed
    again from every event. The result is the same when no two events of a unit share
    ``(ts, seq)`` (a store's events: ``seq`` is unique); with ties the label settles the
    order, and a touchpoint and its step may settle it differently.
    """
    k = len(order)
    placed = _placed(events, order, step_of)
    off = list(unexpected)
    outside = placed.label.isin(off) & placed._pos.isnull() if off else ibis.literal(False)
    placed = placed.mutate(_off=outside)
    if designed is None:
        placed = placed.filter(placed.unit.notnull() & (placed._pos.notnull() | placed._off))
        # the designed sequence: designed events, consecutive repeats of a step collapsed
        designed = placed.filter(placed._pos.notnull())
        designed = designed.mutate(_previous=designed._pos.lag().over(_by_unit(designed)))
        designed = designed.filter(
            designed._previous.isnull() | (designed._previous != designed._pos)
        )
    else:
        # only the unexpected events are read from ``events``: a filter on their labels
        placed = placed.filter(placed.unit.notnull() & placed._off) if off else placed
        designed = _placed(designed, order, None)
        designed = designed.filter(designed.unit.notnull())
    designed = designed.mutate(
        _index=position(designed, _journey_order(designed)) + 1,
        _from=designed._pos.lag().over(_by_unit(designed)),
    )
    # ClickHouse gives lag's type default (0), not NULL, on a unit's first row: positions
    # start at 1, so 0 and NULL both mean "no move"
    moves = designed.filter(designed._from.fill_null(0) > 0)
    parts = [
        _deviation(
            moves.filter((moves._from < p) & (moves._pos > p)),
            "skipped",
            ibis.literal(order[p - 1], "string"),
        )
        for p in range(2, k)
    ]
    parts.append(
        _deviation(
            moves.filter(moves._pos < moves._from), "backward", _step_name(moves._from, order)
        )
    )

    first = designed.group_by(["unit", "_pos"]).aggregate(_first=designed._index.min())
    earlier = ibis.window(group_by=first.unit, order_by=first._pos, rows=(None, -1))
    # an empty frame gives 0 on ClickHouse and NULL elsewhere; indexes start at 1
    first = first.mutate(_before=first._first.max().over(earlier).fill_null(0))
    parts.append(
        _deviation(
            first.filter(first._first < first._before),
            "out_of_order",
            _step_name(first._pos, order),
        )
    )

    if off:
        # the designed steps (repeats collapsed: the latest designed step before an event,
        # and whether the last one was reached, are the same) and the unexpected events
        columns = ["unit", "ts", "seq", "label", "_pos", *carried(designed)]
        offs = placed.filter(placed._off).select(*columns)
        steps = ibis.union(designed.select(*columns), offs, distinct=False)
        numbered = steps.mutate(_rn=position(steps, _journey_order(steps)) + 1)
        # the latest designed event so far, packed as index·(k+1) + position (0: none yet)
        packed = numbered._pos.notnull().ifelse(numbered._rn * (k + 1) + numbered._pos, 0)
        at_last = (numbered._pos.fill_null(0) == k).ifelse(1, 0)
        numbered = numbered.mutate(_packed=packed, _at_last=at_last)
        running = _by_unit(numbered, rows=(None, 0))
        numbered = numbered.mutate(
            _latest=numbered._packed.max().over(running),
            _finished=numbered._at_last.max().over(running),
        )
        hits = numbered.filter(
            numbered._pos.isnull() & (numbered._latest > 0) & (numbered._finished == 0)
        )
        parts.append(_deviation(hits, "unexpected", _step_name(hits._latest % (k + 1), order)))

    rows = ibis.union(*parts, distinct=False) if len(parts) > 1 else parts[0]
    return rows.group_by(["unit", "kind", "step"]).aggregate(count=rows.count())


def _kind_sums(table: Any) -> dict[str, Any]:
    return {kind: (table.kind == kind).ifelse(table["count"], 0).sum() for kind in DEVIATION_KINDS}


def deviation_totals(deviations: Any) -> Any:
    """Per deviation ``kind``: ``deviations`` (occurrences) and distinct ``units``."""
    return deviations.group_by("kind").aggregate(
        deviations=deviations["count"].sum(), units=deviations.unit.nunique()
    )


def deviations_by_step(deviations: Any) -> Any:
    """Per designed ``step``: the deviations counted there by kind (one column per kind of
    :data:`DEVIATION_KINDS`) and ``deviating_units``, the units with any of them."""
    return deviations.group_by("step").aggregate(
        **_kind_sums(deviations), deviating_units=deviations.unit.nunique()
    )


def unit_conformance(fitness: Any, deviations: Any) -> Any:
    """One row per unit with a designed step: ``unit``, ``fitness``, ``done``, ``missed`` (from
    :func:`journey_fitness`) and its deviations by kind (one column per kind, 0 if none)."""
    per_unit = deviations.group_by("unit").aggregate(**_kind_sums(deviations))
    per_unit = per_unit.rename(_unit="unit")
    joined = fitness.left_join(per_unit, fitness.unit == per_unit._unit)
    return joined.select(
        "unit",
        "fitness",
        "done",
        "missed",
        **{kind: joined[kind].fill_null(0) for kind in DEVIATION_KINDS},
    )


def conformance_by(per_unit: Any, groups: Any) -> Any:
    """:func:`unit_conformance` rows summed per ``group`` (``groups``: ``unit``, ``group``;
    units it lacks are left out): ``units``, ``mean_fitness``, ``conforming`` (fitness 1),
    the deviations by kind and ``deviating_units`` (units with any deviation)."""
    groups = groups.rename(_unit="unit")
    joined = per_unit.join(groups, per_unit.unit == groups._unit)
    deviating = functools.reduce(operator.or_, [joined[kind] > 0 for kind in DEVIATION_KINDS])
    return joined.group_by("group").aggregate(
        units=joined.count(),
        mean_fitness=joined.fitness.mean(),
        conforming=(joined.fitness == 1).ifelse(1, 0).sum(),
        **{kind: joined[kind].sum() for kind in DEVIATION_KINDS},
        deviating_units=deviating.ifelse(1, 0).sum(),
    )


def first_channels(events: Any, missing: str) -> Any:
    """Per unit: ``channel``, the channel of its first event (journey order) that has one;
    ``missing`` when none of its events has a channel."""
    units = events.filter(events.unit.notnull()).select("unit").distinct()
    placed = events.filter(events.unit.notnull() & events.channel.notnull())
    first = first_rows(placed, ["unit"], {"_channel": "channel"}, ties=(placed.label,))
    first = first.rename(_unit="unit")
    joined = units.left_join(first, units.unit == first._unit)
    return joined.select("unit", channel=joined._channel.fill_null(missing))
