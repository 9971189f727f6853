"""The emotion curve: measured emotion per stage on −2…+2, beside the designed one.

:func:`stage_emotions` (Ibis) averages the ``emotion`` of the valid answers placed in each
stage (see :mod:`.feedback_scores`: NPS +2/0/−2 per promoter/passive/detractor, so its mean
is NPS / 50; CSAT ``score − 3``; CES ``(4 − score) × 2 / 3``; ratings ``4 × satisfaction −
2``), overall and per metric. :func:`emotion_curve` (plain Python on those few rows) lists the
map's stages in order with the designed emotion (``scenarios[stage].emotion``), the measured
one and the gap (measured − designed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ibis

from .experience import MIN_SAMPLE
from .feedback_link import MapPlaces
from .feedback_scores import STANDARD_SCALES, mean_where

__all__ = ["emotion_curve", "stage_emotions"]


def stage_emotions(scored: ibis.Table) -> ibis.Table:
    """One row per stage with a valid answer: ``stage``, ``answers``, ``emotion`` (the mean
    over all of them) and ``emotion_<metric>`` for nps, csat, ces and rating (NULL without
    answers of that metric). Rows come unordered."""
    valid = scored.filter(scored.problem.isnull() & scored.stage.notnull())
    return valid.group_by("stage").aggregate(
        answers=valid.count().cast("int64"),
        emotion=mean_where(valid.emotion),
        **{
            f"emotion_{metric}": mean_where(valid.emotion, valid.metric == metric)
            for metric in STANDARD_SCALES
        },
    )


def emotion_curve(
    rows: Sequence[Mapping[str, Any]], places: MapPlaces, *, min_sample: int = MIN_SAMPLE
) -> list[dict[str, Any]]:
    """The map's stages in order, each with ``designed`` (None when the map has no scenario
    emotion), ``measured`` (None without answers), ``gap`` (measured − designed, None when
    either is), ``answers``, ``low_sample`` (answers < ``min_sample``) and the per-metric
    emotions of ``rows`` (:func:`stage_emotions`). Stages the map does not have are left
    out."""
    by_stage = {row["stage"]: row for row in rows}
    curve = []
    for stage in places.stages:
        row = by_stage.get(stage, {})
        designed, measured = places.designed.get(stage), row.get("emotion")
        answers = int(row.get("answers") or 0)
        curve.append(
            {
                "stage": stage,
                "designed": designed,
                "measured": measured,
                "gap": None if designed is None or measured is None else measured - designed,
                "answers": answers,
                "low_sample": answers < min_sample,
                **{f"emotion_{m}": row.get(f"emotion_{m}") for m in STANDARD_SCALES},
            }
        )
    return curve
