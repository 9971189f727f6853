"""First-touch and last-touch channel of the units of a funnel.

:func:`funnel_touches` adds two columns to the per-unit rows of
:func:`~recorrido.analysis.funnel.funnel_units`, so that
:func:`~recorrido.analysis.funnel_summary.funnel_steps` can break the funnel down by them:

* ``first_touch``: the channel of the unit's **first** event with a channel, in journey order
  (``ts``, ``seq``, then ``label``), over **all** its events (not only the funnel's steps);
* ``last_touch``: the channel of the unit's **last** event with a channel at or before the
  time it reached its furthest step (``step_<reached>_ts``): for a converter, the last touch
  before converting. Events in the same microsecond as that step count, whatever their
  ``seq``;
* :data:`NO_TOUCH` (``"(none)"``) when there is no such event.

See ``docs/analytics.md`` (section *Funnels*, "Breakdown by first and last touch").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from ..errors import UsageError, did_you_mean
from .funnel_summary import step_columns
from .order import carried, journey_order, position

if TYPE_CHECKING:
    from .funnel import FunnelSpec

__all__ = ["NO_TOUCH", "TOUCHES", "funnel_touches"]

TOUCHES: tuple[str, ...] = ("first_touch", "last_touch")
"""The columns :func:`funnel_touches` adds, also the names of the breakdowns."""

NO_TOUCH = "(none)"
"""The touch of a unit without an event that has a channel (before its furthest step)."""

_EVENT_COLUMNS = ("unit", "ts", "seq", "label", "channel")


def _check(events: Any, units: Any, spec: FunnelSpec) -> None:
    columns = list(events.columns)
    for name in _EVENT_COLUMNS:
        if name not in columns:
            reason = (
                "first- and last-touch breakdowns read the channel of every event"
                if name == "channel"
                else "touches are read from journey events (recorrido.analysis.frame)"
            )
            raise UsageError(
                f"funnel: the events have no column '{name}'{did_you_mean(name, columns)}; "
                f"{reason}",
                code="funnel_touch_events",
            )
    present = list(units.columns)
    for name in ["unit", "reached", *step_columns(spec)]:
        if name not in present:
            raise UsageError(
                f"funnel: the units table has no column '{name}'{did_you_mean(name, present)}; "
                "pass the output of funnel_units for the same spec",
                code="funnel_units",
            )
    for name in TOUCHES:
        if name in present:
            raise UsageError(
                f"funnel: the units table already has a column '{name}'; rename it first",
                code="funnel_units",
            )


def funnel_touches(events: ibis.Table, units: ibis.Table, spec: FunnelSpec) -> ibis.Table:
    """``units`` (rows of ``funnel_units(events, spec)``) with ``first_touch`` and
    ``last_touch`` (strings, never NULL) added after its columns.

    ``events`` are the journey events the units come from (at least ``unit``, ``ts``,
    ``seq``, ``label`` and ``channel``); events with a NULL ``unit`` or ``channel`` are no
    touch.
    """
    _check(events, units, spec)
    count = len(spec.steps)
    # The time the unit reached its furthest step: the cut-off of its last touch.
    cutoff = ibis.cases(*((units.reached == j, units[f"step_{j}_ts"]) for j in range(1, count + 1)))
    reach = units.select(_t_unit=units.unit, _t_cut=cutoff)
    touches = events.filter(events.unit.notnull() & events.channel.notnull())
    touches = touches.select("unit", "ts", "seq", "label", "channel", *carried(touches))
    joined = touches.join(reach, touches.unit == reach._t_unit)
    in_time = joined.ts <= joined._t_cut
    missing_label = ibis.ifelse(joined.label.isnull(), 1, 0)
    forward = journey_order(joined, missing_label, joined.label)
    joined = joined.mutate(_t_in=ibis.ifelse(in_time, 0, 1), _t_pos=position(joined, forward))
    # The touches in time come first in journey order (they are the earlier ones): the last
    # touch is the latest of them, the one with the largest position (one window at most,
    # none when the events carry their position).
    in_time_position = ibis.ifelse(joined._t_in == 0, joined._t_pos, -1)
    per_unit = joined.group_by(_t_unit="unit").aggregate(
        _t_first=joined.channel.argmin(joined._t_pos),
        _t_last=joined.channel.argmax(in_time_position),
        _t_has_last=joined._t_in.min(),  # 0 when some touch is in time
        _t_hit=(joined.seq * 0 + 1).max(),
    )
    out = units.left_join(per_unit, units.unit == per_unit._t_unit)
    # Unmatched rows read NULL, or 0 on ClickHouse: `_t_hit` is 1 only on matched ones.
    matched = out._t_hit.fill_null(0) == 1
    has_last = matched & (out._t_has_last.fill_null(1) == 0)
    return out.select(
        *units.columns,
        first_touch=ibis.ifelse(matched, out._t_first, ibis.literal(NO_TOUCH)),
        last_touch=ibis.ifelse(has_last, out._t_last, ibis.literal(NO_TOUCH)),
    )
