"""The step table of a funnel: counts, conversion, drop-off and time to convert per step.

It reads the per-unit rows of :func:`recorrido.analysis.funnel.funnel_units`. Quantiles are
exact and the same on every backend: the *nearest-rank* ``p``-quantile of ``n`` sorted values
is the value of rank ``ceil(p * n)`` (1-based), found with ``row_number`` and integer
arithmetic (the median is the lower median, rank ``ceil(n / 2)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from ..errors import UsageError, did_you_mean

if TYPE_CHECKING:
    from .funnel import FunnelSpec

__all__ = ["funnel_steps", "previous_step", "step_columns"]


def step_columns(spec: FunnelSpec) -> list[str]:
    """The per-step columns of ``funnel_units``: ``step_1_ts`` … then ``step_1_seconds`` …"""
    count = len(spec.steps)
    return [f"step_{j}_ts" for j in range(1, count + 1)] + [
        f"step_{j}_seconds" for j in range(1, count + 1)
    ]


def previous_step(spec: FunnelSpec, step: int) -> int:
    """The 0-based step a step's conversion and drop-off are measured from: the nearest
    earlier required (not optional) step; step 0 is measured from itself."""
    before = [s for s in range(step) if s not in spec.optional]
    return before[-1] if before else step


def _check_units(units: Any, spec: FunnelSpec, breakdown: str | None) -> None:
    columns = list(units.columns)
    needed = [*step_columns(spec), *([breakdown] if breakdown is not None else [])]
    for name in needed:
        if name not in columns:
            raise UsageError(
                f"funnel: the units table has no column '{name}'{did_you_mean(name, columns)}; "
                "pass the output of funnel_units for the same spec (and breakdown)",
                code="funnel_units",
            )


def funnel_steps(
    units: ibis.Table, spec: FunnelSpec, *, breakdown: str | None = None
) -> ibis.Table:
    """One row per (breakdown value,) step of the funnel.

    Columns: the ``breakdown`` column when asked; ``step`` (1-based); ``name`` (the step's
    label); ``count`` (units that reached the step); ``conversion`` (count / count of step 1);
    ``step_conversion`` (count / count of the previous required step; 1.0 for step 1);
    ``drop_off`` (previous required step's count - count; 0 for step 1) and
    ``drop_off_rate`` (drop_off / that count; 0.0 for step 1); ``median_seconds`` and
    ``p90_seconds`` (nearest-rank quantiles of ``step_<j>_seconds`` over the units that have
    it; NULL when none, so always for step 1). Ratios whose denominator is 0 are NULL.
    """
    _check_units(units, spec, breakdown)
    keys = [breakdown] if breakdown is not None else []
    parts = []
    for i, label in enumerate(spec.steps):
        previous = previous_step(spec, i)
        parts.append(
            units.select(
                *keys,
                step=ibis.literal(i + 1, "int64"),
                name=ibis.literal(label, "string"),
                _f_hit=units[f"step_{i + 1}_ts"].notnull().cast("int64"),
                _f_prev=units[f"step_{previous + 1}_ts"].notnull().cast("int64"),
                _f_first=units.step_1_ts.notnull().cast("int64"),
                _f_d=units[f"step_{i + 1}_seconds"],
            )
        )
    long = ibis.union(*parts, distinct=False)
    group = [*keys, "step", "name"]
    missing_last = ibis.ifelse(long._f_d.isnull(), 1, 0)
    long = long.mutate(
        _f_r=ibis.row_number().over(ibis.window(group_by=group, order_by=[missing_last, long._f_d]))
        + 1,
        _f_n=long._f_d.count().over(ibis.window(group_by=group)),
    )
    rank, n, seconds = long._f_r, long._f_n, long._f_d
    median = seconds.notnull() & (2 * (rank - 1) < n) & (n <= 2 * rank)
    p90 = seconds.notnull() & (10 * (rank - 1) < 9 * n) & (9 * n <= 10 * rank)
    no_seconds = ibis.null("float64")
    table = long.group_by(group).aggregate(
        count=long._f_hit.sum().cast("int64"),
        _f_prev=long._f_prev.sum().cast("int64"),
        _f_first=long._f_first.sum().cast("int64"),
        median_seconds=ibis.ifelse(median, seconds, no_seconds).max(),
        p90_seconds=ibis.ifelse(p90, seconds, no_seconds).max(),
    )
    first_step = table.step == 1
    drop_off = table._f_prev - table["count"]
    return table.select(
        *keys,
        "step",
        "name",
        "count",
        conversion=table["count"] / table._f_first.nullif(0),
        step_conversion=ibis.ifelse(first_step, 1.0, table["count"] / table._f_prev.nullif(0)),
        drop_off=drop_off,
        drop_off_rate=ibis.ifelse(first_step, 0.0, drop_off / table._f_prev.nullif(0)),
        median_seconds=table.median_seconds,
        p90_seconds=table.p90_seconds,
    ).order_by([*keys, "step"])
