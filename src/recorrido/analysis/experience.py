"""NPS, CSAT, CES and ratings per touchpoint, stage, persona, channel or period.

:func:`experience_by` reads valid scored answers (see :mod:`.feedback_scores`) and returns one
row per group with each metric, its number of answers ``n`` and a ``low_sample`` flag
(``n < min_sample``):

- **NPS** = (promoters − detractors) / n × 100 on −100…100 (promoters score 9–10, detractors
  0–6), with a 95% Wald interval from the trinomial variance of the difference of the two
  shares: ``se = √((p₊ + p₋ − (p₊ − p₋)²) / n)`` = ``√((n(P + D) − (P − D)²) / n³)``, clipped to
  −100…100;
- **CSAT** = share of 4–5 answers (0…1), and ``csat_mean`` (1…5);
- **CES** = mean effort (1…7), ``ces_easy`` = share of 1–3 answers, ``ces_sd``;
- **rating** = mean rating rescaled to 1–5 (``1 + 4 × satisfaction``), ``rating_sd``.

:func:`compare_experience` (plain Python on the few rows by period) compares the latest
period with the one before, each metric with its own test. See ``docs/analytics.md``,
section *Experience*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import ibis

from ..errors import UsageError, did_you_mean
from ..significance import (
    Z95,
    Comparison,
    difference_of_means,
    nps_difference,
    two_proportions,
)
from .feedback_link import UNLINKED
from .personas import UNASSIGNED
from .retention import naive_utc, period_index, period_start

__all__ = [
    "ALL",
    "EXPERIENCE_BY",
    "MIN_SAMPLE",
    "compare_experience",
    "experience_by",
]

EXPERIENCE_BY: tuple[str, ...] = ("touchpoint", "stage", "persona", "channel", "period", "none")
"""The groupings of :func:`experience_by`."""

MIN_SAMPLE = 30
"""A metric from fewer answers than this is flagged ``low_sample``."""

ALL = "(all)"
"""The one group of ``by="none"``."""


def _group(
    answers: ibis.Table,
    by: str,
    personas: ibis.Table | None,
    period_us: int | None,
    origin: datetime | None,
) -> ibis.Table:
    if by not in EXPERIENCE_BY:
        raise UsageError(
            f"experience by '{by}': not a grouping{did_you_mean(by, EXPERIENCE_BY)}",
            code="usage_experience_by",
        )
    if by in ("touchpoint", "stage", "channel"):
        return answers.mutate(group=answers[by].fill_null(UNLINKED))
    if by == "none":
        return answers.mutate(group=ibis.literal(ALL))
    if by == "period":
        if period_us is None:
            raise UsageError("experience by period needs period_us", code="usage_period")
        index = period_index(answers.ts, period_us=period_us, origin=origin)
        return answers.mutate(group=period_start(index, period_us=period_us, origin=origin))
    if personas is None:
        raise UsageError(
            "experience by persona needs the people with their persona", code="usage_needs_store"
        )
    who = personas.select(_who=personas.person_id, _persona=personas.persona)
    joined = answers.left_join(who, answers.person == who._who)
    return joined.mutate(group=joined._persona.fill_null(UNASSIGNED)).drop("_who", "_persona")


def experience_by(
    scored: ibis.Table,
    by: str,
    *,
    personas: ibis.Table | None = None,
    period_us: int | None = None,
    origin: datetime | None = None,
    min_sample: int = MIN_SAMPLE,
) -> ibis.Table:
    """The experience metrics of the valid answers of ``scored``, one row per group.

    ``by``: ``touchpoint``, ``stage`` or ``channel`` (of the answer's link; ``(unlinked)``
    when it has none), ``persona`` (of the answer's person in ``personas``, a table with
    ``person_id`` and ``persona``; ``(no persona)`` when none), ``period`` (the UTC start of
    the fixed-length period of the answer's time, as in retention) or ``none`` (one group,
    ``(all)``). Groups without a valid answer have no row; rows come unordered.
    """
    valid = scored.filter(scored.problem.isnull())
    grouped = _group(valid, by, personas, period_us, origin)
    metric, s = grouped.metric, grouped.score
    rating = 1.0 + (s - grouped.scale_min) * 4.0 / (grouped.scale_max - grouped.scale_min)

    def count(condition: ibis.Value) -> ibis.Value:
        return ibis.ifelse(condition, 1, 0).sum().cast("int64")

    def total(condition: ibis.Value, value: ibis.Value) -> ibis.Value:
        return ibis.ifelse(condition, value, 0.0).sum().cast("float64")

    is_nps, is_csat = metric == "nps", metric == "csat"
    is_ces, is_rating = metric == "ces", metric == "rating"
    stats = grouped.group_by("group").aggregate(
        answers=grouped.count().cast("int64"),
        nps_n=count(is_nps),
        nps_promoters=count(is_nps & (s >= 9)),
        nps_detractors=count(is_nps & (s <= 6)),
        csat_n=count(is_csat),
        csat_satisfied=count(is_csat & (s >= 4)),
        _csat_sum=total(is_csat, s),
        ces_n=count(is_ces),
        ces_easy_n=count(is_ces & (s <= 3)),
        _ces_sum=total(is_ces, s),
        _ces_sq=total(is_ces, s * s),
        rating_n=count(is_rating),
        _rating_sum=total(is_rating, rating),
        _rating_sq=total(is_rating, rating * rating),
    )
    return stats.select(
        "group",
        "answers",
        *_nps(stats, min_sample),
        *_csat(stats, min_sample),
        *_mean_columns(stats, "ces", min_sample),
        (stats.ces_easy_n / stats.ces_n.nullif(0)).cast("float64").name("ces_easy"),
        stats.ces_easy_n.name("ces_easy_n"),
        *_mean_columns(stats, "rating", min_sample),
    )


def _clip(value: ibis.Value, bound: float) -> ibis.Value:
    """``value`` within −bound…bound; NULL stays NULL on every engine (unlike greatest/least)."""
    low = ibis.ifelse(value < -bound, -bound, value)
    return ibis.ifelse(low > bound, bound, low)


def _nps(stats: ibis.Table, min_sample: int) -> list[ibis.Value]:
    n, promoters, detractors = stats.nps_n, stats.nps_promoters, stats.nps_detractors
    nf = n.cast("float64").nullif(0.0)
    nps = ((promoters - detractors).cast("float64") * 100.0 / nf).cast("float64")
    spread = n * (promoters + detractors) - (promoters - detractors) * (promoters - detractors)
    half = (spread.cast("float64") / (nf * nf * nf)).sqrt() * (100.0 * Z95)
    return [
        nps.name("nps"),
        n.name("nps_n"),
        (n < min_sample).name("nps_low"),
        _clip(nps - half, 100.0).cast("float64").name("nps_ci_low"),
        _clip(nps + half, 100.0).cast("float64").name("nps_ci_high"),
        promoters.name("nps_promoters"),
        detractors.name("nps_detractors"),
    ]


def _csat(stats: ibis.Table, min_sample: int) -> list[ibis.Value]:
    n = stats.csat_n
    return [
        (stats.csat_satisfied / n.nullif(0)).cast("float64").name("csat"),
        n.name("csat_n"),
        (n < min_sample).name("csat_low"),
        (stats._csat_sum / n.nullif(0)).cast("float64").name("csat_mean"),
        stats.csat_satisfied.name("csat_satisfied"),
    ]


def _mean_columns(stats: ibis.Table, name: str, min_sample: int) -> list[ibis.Value]:
    """``<name>`` (the mean), ``<name>_n``, ``<name>_low`` and ``<name>_sd`` (the sample
    standard deviation, NULL below 2 answers) from the group's sum and sum of squares."""
    n, total, squares = stats[f"{name}_n"], stats[f"_{name}_sum"], stats[f"_{name}_sq"]
    nf = n.cast("float64")
    variance = (nf * squares - total * total) / (nf * (nf - 1.0)).nullif(0.0)
    variance = ibis.ifelse(variance < 0.0, 0.0, variance)  # rounding, never below 0
    return [
        (total / nf.nullif(0.0)).cast("float64").name(name),
        n.name(f"{name}_n"),
        (n < min_sample).name(f"{name}_low"),
        ibis.ifelse(n >= 2, variance.sqrt(), ibis.null().cast("float64"))
        .cast("float64")
        .name(f"{name}_sd"),
    ]


# -- the latest period against the one before (plain Python) --------------------------------


def _test(name: str, new: Mapping[str, Any], old: Mapping[str, Any]) -> Comparison:
    """The latest period's ``name`` against the previous one's (:mod:`..significance`)."""
    n1, n0 = int(new[f"{name}_n"]), int(old[f"{name}_n"])
    if name == "nps":
        return nps_difference(
            int(new["nps_promoters"]), int(new["nps_detractors"]), n1,
            int(old["nps_promoters"]), int(old["nps_detractors"]), n0,
        )  # fmt: skip
    if name == "csat":
        return two_proportions(int(new["csat_satisfied"]), n1, int(old["csat_satisfied"]), n0)
    return difference_of_means(new[name], new[f"{name}_sd"], n1, old[name], old[f"{name}_sd"], n0)


_TESTS = {
    "nps": "nps_trinomial",
    "csat": "two_proportion",
    "ces": "welch_normal",
    "rating": "welch_normal",
}


def compare_experience(
    rows: Sequence[Mapping[str, Any]], *, period_us: int, data_end: datetime | None
) -> dict[str, Any] | None:
    """The latest period of ``rows`` (:func:`experience_by` with ``by="period"``) against the
    period just before it; ``None`` without rows.

    Per metric: ``latest``, ``previous`` (the metric, None without answers), ``latest_n``,
    ``previous_n``, ``difference`` (latest − previous), ``ci95``, ``z``, ``p_value``,
    ``significant`` (p < 0.05) and ``test``; a value that cannot be computed (no answers in a
    period, a standard error of 0) is None. ``partial``: the data end before the latest
    period does.
    """
    by_period = {naive_utc(row["group"]): row for row in rows}
    if not by_period:
        return None
    last = max(by_period)
    step = timedelta(microseconds=period_us)
    new, old = by_period[last], by_period.get(last - step, {})
    metrics: dict[str, Any] = {}
    for name, test in _TESTS.items():
        n1, n0 = int(new.get(f"{name}_n") or 0), int(old.get(f"{name}_n") or 0)
        entry: dict[str, Any] = {
            "latest": new.get(name),
            "previous": old.get(name),
            "latest_n": n1,
            "previous_n": n0,
            "test": test,
        }
        empty = {"difference": None, "ci95": None, "z": None, "p_value": None}
        if not (n1 and n0):
            metrics[name] = {**entry, **empty, "significant": None}
        else:
            metrics[name] = {**entry, **_test(name, new, old).to_dict(), "test": test}
    end = None if data_end is None else naive_utc(data_end)
    return {
        "latest": last,
        "previous": last - step,
        "partial": end is None or end < last + step,
        "metrics": metrics,
    }
