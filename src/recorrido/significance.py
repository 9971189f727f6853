"""Comparing two groups: a difference, its 95% interval and a two-sided test.

Used wherever Recorrido says whether something changed: a period against the one before
(funnel trends, experience metrics) and a KPI before and after an opportunity's date of
change. All tests are large-sample normal approximations, stated in each result's ``test``:

* ``two_proportion``: shares ``x/n``. The interval uses the unpooled (Wald) standard error
  ``sqrt(p1(1−p1)/n1 + p0(1−p0)/n0)``; the test the pooled one
  ``sqrt(p(1−p)(1/n1 + 1/n0))`` with ``p = (x1 + x0)/(n1 + n0)``.
* ``nps_trinomial``: NPS = 100·(promoters − detractors)/n. Its variance is
  ``100²·(n(P + D) − (P − D)²)/n³`` (promoters, passives and detractors as a trinomial);
  the two variances add.
* ``welch_normal``: means, with the standard error ``sqrt(s1²/n1 + s0²/n0)`` (sample standard
  deviations) and the normal distribution (fine from about 30 answers a side; smaller
  groups are flagged by the callers).

A value that cannot be computed (an empty group, a standard error of 0) is ``None``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = [
    "LEVEL",
    "Z95",
    "Comparison",
    "benjamini_hochberg",
    "correlation_p",
    "difference_of_means",
    "nps_difference",
    "two_proportions",
    "two_sided_p",
]

Z95 = 1.959963984540054
"""The standard normal quantile of 0.975."""

LEVEL = 0.05
"""A difference is significant when its two-sided p-value is below this."""

Test = Literal["two_proportion", "nps_trinomial", "welch_normal"]


@dataclass(frozen=True)
class Comparison:
    """``difference`` = new − old, its 95% interval ``ci95`` (clipped to the metric's range),
    the statistic ``z``, the two-sided ``p_value`` and ``significant`` (p < :data:`LEVEL`)."""

    test: Test
    difference: float | None = None
    ci95: tuple[float, float] | None = None
    z: float | None = None
    p_value: float | None = None

    @property
    def significant(self) -> bool | None:
        return None if self.p_value is None else self.p_value < LEVEL

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["ci95"] = None if self.ci95 is None else list(self.ci95)
        out["significant"] = self.significant
        return out


def two_sided_p(z: float) -> float:
    """The two-sided p-value of a standard normal statistic."""
    return math.erfc(abs(z) / math.sqrt(2))


def _interval(difference: float, se: float, bound: float) -> tuple[float, float] | None:
    if not se > 0:
        return None
    half = Z95 * se
    return (max(difference - half, -bound), min(difference + half, bound))


def _tested(test: Test, difference: float, se: float, bound: float) -> Comparison:
    if not se > 0:
        return Comparison(test, difference)
    z = difference / se
    return Comparison(test, difference, _interval(difference, se, bound), z, two_sided_p(z))


def two_proportions(x1: int, n1: int, x0: int, n0: int, *, adjusted: bool = False) -> Comparison:
    """Share ``x1/n1`` against ``x0/n0`` (difference as a fraction, −1…1). ``adjusted``: the
    interval is Agresti–Caffo's (one success and one failure added to each group, centred on
    their difference), which keeps its coverage for small groups and shares of 0 or 1."""
    if n1 <= 0 or n0 <= 0:
        return Comparison("two_proportion")
    p1, p0 = x1 / n1, x0 / n0
    difference = p1 - p0
    if adjusted:
        a1, a0 = (x1 + 1) / (n1 + 2), (x0 + 1) / (n0 + 2)
        se = math.sqrt(a1 * (1 - a1) / (n1 + 2) + a0 * (1 - a0) / (n0 + 2))
        interval = _interval(a1 - a0, se, 1.0)
    else:
        unpooled = math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
        interval = _interval(difference, unpooled, 1.0)
    pooled = (x1 + x0) / (n1 + n0)
    error = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    if not error > 0:
        return Comparison("two_proportion", difference, interval)
    z = difference / error
    return Comparison("two_proportion", difference, interval, z, two_sided_p(z))


def _nps_variance(promoters: int, detractors: int, n: int) -> float:
    return (n * (promoters + detractors) - (promoters - detractors) ** 2) / n**3 * 100.0**2


def nps_difference(
    promoters1: int,
    detractors1: int,
    n1: int,
    promoters0: int,
    detractors0: int,
    n0: int,
    *,
    adjusted: bool = False,
) -> Comparison:
    """NPS of the first group against the second, in NPS points (−200…200). ``adjusted``:
    the standard error adds one promoter, one passive and one detractor to each group (as
    Agresti–Caffo do for shares; the interval is centred on the adjusted difference), so a
    group of all detractors does not read as certain."""
    if n1 <= 0 or n0 <= 0:
        return Comparison("nps_trinomial")
    difference = 100.0 * ((promoters1 - detractors1) / n1 - (promoters0 - detractors0) / n0)
    se = math.sqrt(
        _nps_variance(promoters1, detractors1, n1) + _nps_variance(promoters0, detractors0, n0)
    )
    if not adjusted:
        return _tested("nps_trinomial", difference, se, 200.0)
    centre = 100.0 * ((promoters1 - detractors1) / (n1 + 3) - (promoters0 - detractors0) / (n0 + 3))
    wide = math.sqrt(
        _nps_variance(promoters1 + 1, detractors1 + 1, n1 + 3)
        + _nps_variance(promoters0 + 1, detractors0 + 1, n0 + 3)
    )
    z = difference / wide
    return Comparison(
        "nps_trinomial", difference, _interval(centre, wide, 200.0), z, two_sided_p(z)
    )


def difference_of_means(
    mean1: float | None,
    sd1: float | None,
    n1: int,
    mean0: float | None,
    sd0: float | None,
    n0: int,
) -> Comparison:
    """Mean of the first group against the second (Welch's standard error, normal test)."""
    if mean1 is None or mean0 is None or n1 <= 0 or n0 <= 0:
        return Comparison("welch_normal")
    difference = mean1 - mean0
    if sd1 is None or sd0 is None:
        return Comparison("welch_normal", difference)
    se = math.sqrt(sd1**2 / n1 + sd0**2 / n0)
    return _tested("welch_normal", difference, se, math.inf)


def correlation_p(r: float | None, n: int) -> float | None:
    """The two-sided p-value of Pearson's ``r`` from ``n`` pairs against no correlation
    (Fisher's z: ``atanh(r)·√(n − 3)`` is about standard normal); None below 4 pairs."""
    if r is None or n < 4:
        return None
    if abs(r) >= 1.0:
        return 0.0
    return two_sided_p(math.atanh(r) * math.sqrt(n - 3))


def benjamini_hochberg(p_values: list[float | None]) -> list[float | None]:
    """Benjamini–Hochberg q-values (false discovery rate) of ``p_values``, in their order;
    None stays None and is not counted among the tests."""
    tested = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    q: list[float | None] = [None] * len(p_values)
    smallest = 1.0
    m = len(tested)
    for rank in range(m, 0, -1):
        p, index = tested[rank - 1]
        smallest = min(smallest, p * m / rank)
        q[index] = smallest
    return q
