"""Check each survey answer against its scale and put it on the common scales.

An answer is *valid* when its ``metric`` is one of :data:`STANDARD_SCALES`, its ``score`` is a
number (not NULL, not NaN) within its own ``scale_min``…``scale_max`` (``scale_min <
scale_max``), and, for NPS, CSAT and CES, that scale is the standard one (0–10, 1–5, 1–7:
the thresholds of promoters, satisfied and easy answers are defined there). Otherwise
``problem`` says why (:data:`PROBLEMS`) and the answer is left out of every metric, but
counted by :func:`answer_quality`.

Valid answers get

- ``satisfaction`` on 0…1: ``(score − min) / (max − min)`` for NPS, CSAT and ratings;
  ``(max − score) / (max − min)`` for CES (low effort is good);
- ``emotion`` on −2…+2: for NPS +2 (promoter, 9–10), 0 (passive, 7–8) or −2 (detractor,
  0–6), so the mean is NPS / 50; for CSAT ``score − 3``; for CES ``(4 − score) × 2 / 3``; for
  ratings ``4 × satisfaction − 2`` (a 1–5 rating: ``score − 3``).
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis

from .feedback_link import LINK_KINDS

__all__ = [
    "PROBLEMS",
    "STANDARD_SCALES",
    "answer_quality",
    "mean_where",
    "score_answers",
]

STANDARD_SCALES: Mapping[str, tuple[float, float]] = {
    "nps": (0.0, 10.0),
    "csat": (1.0, 5.0),
    "ces": (1.0, 7.0),
    "rating": (1.0, 5.0),
}
"""The metrics the experience analytics read, with their standard scales (ratings may use
any scale: their means are reported rescaled to 1–5)."""

PROBLEMS: tuple[str, ...] = ("unknown_metric", "out_of_scale", "other_scale")
"""Why an answer is left out: a metric other than nps, csat, ces or rating; a missing score
or one outside its scale (or no valid scale); an NPS, CSAT or CES scale that is not the
standard one."""


def mean_where(value: ibis.Value, where: ibis.Value | None = None) -> ibis.Value:
    """The mean of ``value`` over the rows where ``where`` holds (all rows when None), NULL
    when there are none: sum / count, so every engine reads an empty set alike."""
    if where is None:
        return value.mean().cast("float64")
    total = ibis.ifelse(where, value, 0.0).sum()
    count = ibis.ifelse(where, 1, 0).sum()
    return (total / count.cast("float64").nullif(0.0)).cast("float64")


def score_answers(linked: ibis.Table) -> ibis.Table:
    """``linked`` (see :func:`~.feedback_link.link_feedback`) with ``problem`` (NULL for
    valid answers), ``satisfaction`` (0…1) and ``emotion`` (−2…+2), both NULL when invalid."""
    score, low, high, metric = linked.score, linked.scale_min, linked.scale_max, linked.metric
    # NaN is a missing score (Spark's isnull() already says so; DuckDB and ClickHouse do not)
    missing = score.isnull() | score.isnan().fill_null(False)
    no_scale = low.isnull() | high.isnull() | (low >= high)
    outside = (score < low) | (score > high)
    standard = [
        (metric == name) & ((low != lo) | (high != hi))
        for name, (lo, hi) in STANDARD_SCALES.items()
        if name != "rating"
    ]
    other_scale = standard[0] | standard[1] | standard[2]
    problem = ibis.cases(
        (metric.isnull() | ~metric.isin(list(STANDARD_SCALES)), "unknown_metric"),
        (missing | no_scale | outside, "out_of_scale"),
        (other_scale, "other_scale"),
        else_=ibis.null().cast("string"),
    )
    with_problem = linked.mutate(problem=problem)
    valid = with_problem.problem.isnull()
    s, lo, hi = with_problem.score, with_problem.scale_min, with_problem.scale_max
    span = (hi - lo).nullif(0.0)
    level = ibis.cases(
        (with_problem.metric == "ces", (hi - s) / span),
        else_=(s - lo) / span,
    )
    nps = ibis.cases((s >= 9, 2.0), (s <= 6, -2.0), else_=0.0)
    emotion = ibis.cases(
        (with_problem.metric == "nps", nps),
        (with_problem.metric == "csat", s - 3.0),
        (with_problem.metric == "ces", (4.0 - s) * 2.0 / 3.0),
        else_=(s - lo) * 4.0 / span - 2.0,
    )
    null = ibis.null().cast("float64")
    return with_problem.mutate(
        satisfaction=ibis.ifelse(valid, level.cast("float64"), null),
        emotion=ibis.ifelse(valid, emotion.cast("float64"), null),
    )


def answer_quality(scored: ibis.Table) -> ibis.Table:
    """One row counting the answers of ``scored`` (see :func:`score_answers`): ``answers``,
    ``valid``, one column per problem, one per link kind (``linked_<kind>``) and
    ``unknown_person`` (answers with a person who has no journey event). Every count is 0 on
    an empty table."""

    def count(condition: ibis.Value) -> ibis.Value:
        return ibis.ifelse(condition, 1, 0).sum()

    counts = {
        "answers": scored.count(),
        "valid": count(scored.problem.isnull()),
        **{name: count(scored.problem == name) for name in PROBLEMS},
        **{f"linked_{kind}": count(scored.link == kind) for kind in LINK_KINDS},
        "unknown_person": count(scored.person.notnull() & ~scored.known_person),
    }
    table = scored.aggregate(**counts)
    # an empty table sums to NULL (0 on ClickHouse): read both as 0
    return table.select(*(table[name].fill_null(0).cast("int64").name(name) for name in counts))
