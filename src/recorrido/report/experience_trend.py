"""NPS and CSAT over the data's last weeks, for the report's experience section.

Fixed 7-day windows (UTC) that end at the *answers' end*: midnight UTC after the latest survey
answer, so the latest week is a whole week however the calendar falls. The last
:data:`TREND_WEEKS` weeks are read, and the same answers in 4-week blocks for the reading
(the last 4 weeks against the 4 before). The answers are checked and scored as every
experience metric is (:func:`~recorrido.analysis.feedback_scores.score_answers`,
:func:`~recorrido.analysis.experience.experience_by` by period); a trend needs no link to the
map, so none is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import ibis

from ..analysis.experience import experience_by
from ..analysis.feedback_scores import score_answers
from ..analysis.retention import naive_utc
from ..errors import UsageError
from .facts import Facts

__all__ = ["BLOCK_WEEKS", "TREND_WEEKS", "Trend", "experience_trend"]

TREND_WEEKS = 12
"""Weeks shown: the last 12 whole weeks of answers."""

BLOCK_WEEKS = 4
"""The reading compares the last 4 weeks with the 4 before."""

_WEEK = dt.timedelta(days=7)
_WEEK_US = 7 * 86_400 * 1_000_000
_COLUMNS = ("group", "nps", "nps_n", "csat_mean", "csat_n")


@dataclass(frozen=True)
class Trend:
    """``weeks``: :data:`TREND_WEEKS` rows, oldest first, each ``start`` (naive UTC) with
    ``nps``, ``nps_n``, ``csat_mean`` and ``csat_n`` (None and 0 for a week without answers);
    ``blocks``: the same for the 4-week blocks, oldest first; ``end``: the answers' end."""

    end: dt.datetime
    weeks: list[dict[str, Any]]
    blocks: list[dict[str, Any]]


def _rows(found: list[dict[str, Any]], origin: dt.datetime, step: dt.timedelta, count: int) -> Any:
    """One row per window, also for windows without answers."""
    by_start = {naive_utc(row.pop("group")): row for row in found}
    empty = {"nps": None, "nps_n": 0, "csat_mean": None, "csat_n": 0}
    return [
        {"start": origin + i * step, **by_start.get(origin + i * step, empty)} for i in range(count)
    ]


def _build(facts: Facts) -> Trend:
    assert facts.journey.store is not None
    store = facts.journey.store
    feedback = store.table("feedback")
    latest = store.ibis.to_pyarrow(feedback.aggregate(end=feedback.ts.max()))["end"][0].as_py()
    if latest is None:
        raise UsageError("the store has no survey answers", code="no_feedback")
    end = dt.datetime.combine(naive_utc(latest).date() + dt.timedelta(days=1), dt.time())
    origin = end - TREND_WEEKS * _WEEK
    answers = feedback.select("ts", "metric", "score", "scale_min", "scale_max")
    scored = score_answers(answers.filter((answers.ts >= origin) & (answers.ts < end)))
    parts = [
        experience_by(scored, "period", period_us=weeks * _WEEK_US, origin=origin)
        .select(*_COLUMNS)
        .mutate(weeks=ibis.literal(weeks))
        for weeks in (1, BLOCK_WEEKS)
    ]
    split: dict[int, list[dict[str, Any]]] = {1: [], BLOCK_WEEKS: []}
    for row in store.ibis.to_pyarrow(ibis.union(*parts, distinct=False)).to_pylist():
        split[row.pop("weeks")].append(row)
    weekly, blocks = split[1], split[BLOCK_WEEKS]
    return Trend(
        end,
        _rows(weekly, origin, _WEEK, TREND_WEEKS),
        _rows(blocks, origin, BLOCK_WEEKS * _WEEK, TREND_WEEKS // BLOCK_WEEKS),
    )


def experience_trend(facts: Facts) -> Trend:
    """The weekly trend, computed once per report."""
    return facts.once("experience_trend", lambda: _build(facts))  # type: ignore[no-any-return]
