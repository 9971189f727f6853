"""Pearson's correlation per group, the same on every engine.

Two passes (means, then centred sums) rather than the engines' own ``corr``, whose NULL and
small-sample rules differ.
"""

from __future__ import annotations

import ibis

from .feedback_scores import mean_where

__all__ = ["pearson"]


def pearson(pairs: ibis.Table, by: str, x: str, y: str) -> ibis.Table:
    """Per ``by`` group of ``pairs``: ``people`` (rows), ``mean_x``, ``mean_y`` and
    ``correlation`` (Pearson's r in two passes; NULL below 2 rows or when either side is
    constant). Rows come unordered."""
    first = pairs.group_by(by).aggregate(
        people=pairs.count().cast("int64"),
        mean_x=mean_where(pairs[x]),
        mean_y=mean_where(pairs[y]),
        _varies=(pairs[x].min() < pairs[x].max()) & (pairs[y].min() < pairs[y].max()),
    )
    means = first.select(_m_by=by, _mx="mean_x", _my="mean_y")
    centred = pairs.join(means, pairs[by] == means._m_by)
    dx, dy = centred[x] - centred._mx, centred[y] - centred._my
    second = centred.group_by(by).aggregate(
        _sxy=(dx * dy).sum(), _sxx=(dx * dx).sum(), _syy=(dy * dy).sum()
    )
    second = second.rename(_s_by=by)
    both = first.join(second, first[by] == second._s_by)
    r = both._sxy / (both._sxx * both._syy).sqrt().nullif(0.0)
    r = ibis.ifelse(r > 1.0, 1.0, ibis.ifelse(r < -1.0, -1.0, r))  # rounding
    defined = (both.people >= 2) & both._varies
    return both.select(
        by,
        "people",
        "mean_x",
        "mean_y",
        correlation=ibis.ifelse(defined, r, ibis.null().cast("float64")).cast("float64"),
    )
