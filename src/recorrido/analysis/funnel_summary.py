"""The step table of a funnel: counts, conversion, drop-off and time to convert per step.

It reads the per-unit rows of :func:`recorrido.analysis.funnel.funnel_units`. Quantiles are
exact and the same on every backend: the *nearest-rank* ``p``-quantile of ``n`` sorted values
is the value of rank ``ceil(p * n)`` (1-based), found with ``row_number`` and integer
arithmetic (the median is the lower median, rank ``ceil(n / 2)``). :func:`funnel_histogram`
counts the units' times to convert in fixed bins (:data:`TIME_BINS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from ..errors import UsageError, did_you_mean

if TYPE_CHECKING:
    from .funnel import FunnelSpec

__all__ = ["TIME_BINS", "funnel_histogram", "funnel_steps", "previous_step", "step_columns"]

_MINUTE, _HOUR, _DAY = 60, 3_600, 86_400
TIME_BINS: tuple[tuple[str, int, int | None], ...] = (
    ("<1m", 0, _MINUTE),
    ("1-5m", _MINUTE, 5 * _MINUTE),
    ("5-15m", 5 * _MINUTE, 15 * _MINUTE),
    ("15-60m", 15 * _MINUTE, _HOUR),
    ("1-4h", _HOUR, 4 * _HOUR),
    ("4-24h", 4 * _HOUR, _DAY),
    ("1-3d", _DAY, 3 * _DAY),
    ("3-7d", 3 * _DAY, 7 * _DAY),
    ("7-14d", 7 * _DAY, 14 * _DAY),
    ("14-30d", 14 * _DAY, 30 * _DAY),
    (">=30d", 30 * _DAY, None),
)
"""Time-to-convert bins: ``(name, from_seconds, to_seconds)``, ``from <= seconds < to``; the
last bin has no upper bound (``None``)."""


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
    no_seconds = ibis.null("float64")
    counts = long.group_by(group).aggregate(
        count=long._f_hit.sum().cast("int64"),
        _f_prev=long._f_prev.sum().cast("int64"),
        _f_first=long._f_first.sum().cast("int64"),
        median_seconds=no_seconds,
        p90_seconds=no_seconds,
    )
    # Quantiles from the distinct times and how many units have each (a hash aggregate, then
    # a window over far fewer rows than units): the times of ranks `before + 1 … through`
    # all equal `_f_d`, so it is the q-quantile (rank ceil(q·n)) when before < q·n <= through.
    timed = long.filter(long._f_d.notnull())
    times = timed.group_by([*group, "_f_d"]).aggregate(_f_k=timed.count())
    running = ibis.window(group_by=group, order_by=times._f_d, rows=(None, 0))
    times = times.mutate(
        _f_through=times._f_k.sum().over(running), _f_n=times._f_k.sum().over(group_by=group)
    )
    through, n, seconds = times._f_through, times._f_n, times._f_d
    before = through - times._f_k
    median = (2 * before < n) & (n <= 2 * through)
    p90 = (10 * before < 9 * n) & (9 * n <= 10 * through)
    zero = ibis.literal(0, "int64")
    quantiles = times.group_by(group).aggregate(
        count=zero,
        _f_prev=zero,
        _f_first=zero,
        median_seconds=ibis.ifelse(median, seconds, no_seconds).max(),
        p90_seconds=ibis.ifelse(p90, seconds, no_seconds).max(),
    )
    # One row per group (NULL breakdown values group together on every engine, which a
    # join on them would not do).
    both = ibis.union(counts, quantiles.cast(counts.schema()), distinct=False)
    table = both.group_by(group).aggregate(
        count=both["count"].sum(),
        _f_prev=both._f_prev.sum(),
        _f_first=both._f_first.sum(),
        median_seconds=both.median_seconds.max(),
        p90_seconds=both.p90_seconds.max(),
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


def funnel_histogram(units: ibis.Table, spec: FunnelSpec) -> ibis.Table:
    """Times to convert in fixed bins: one row per step ``j`` >= 2 and bin of
    :data:`TIME_BINS`, zero counts included, ordered by step and bin.

    Columns: ``step`` (1-based), ``bin`` (its name), ``from_seconds`` and ``to_seconds``
    (``from_seconds <= step_<j>_seconds < to_seconds``; ``to_seconds`` NULL for the last bin)
    and ``count``: units whose ``step_<j>_seconds`` is in the bin. Units without a time to
    step ``j`` (not reached, or entered at ``j`` in an open funnel) are in no bin.
    """
    _check_units(units, spec, None)
    # One row per step with a count column per bin, then one part per bin (11, whatever the
    # number of steps): plain SQL on every engine, and zero counts need no grid table.
    per_step = []
    for j in range(2, len(spec.steps) + 1):
        seconds = units[f"step_{j}_seconds"]
        counts = {}
        for b, (_, low, high) in enumerate(TIME_BINS):
            inside = seconds >= float(low)
            if high is not None:
                inside &= seconds < float(high)
            counts[f"_h{b}"] = ibis.ifelse(inside, 1, 0).sum()
        table = units.aggregate(**counts)
        per_step.append(table.mutate(step=ibis.literal(j, "int64")).relocate("step"))
    steps = ibis.union(*per_step, distinct=False) if len(per_step) > 1 else per_step[0]
    parts = [
        steps.select(
            "step",
            bin=ibis.literal(name, "string"),
            from_seconds=ibis.literal(float(low), "float64"),
            to_seconds=ibis.literal(None if high is None else float(high), "float64"),
            count=steps[f"_h{b}"].fill_null(0).cast("int64"),  # SUM over no rows is NULL
        )
        for b, (name, low, high) in enumerate(TIME_BINS)
    ]
    return ibis.union(*parts, distinct=False).order_by(["step", "from_seconds"])
