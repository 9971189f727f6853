"""Reference: the experience analytics, written for clarity (docs/analytics.md, *Experience*).

Rows are plain dicts: journey events with ``person``, ``ts``, ``seq``, ``label`` (the
touchpoint, None when unmapped); answers with the ``FEEDBACK`` columns.
Also the builders the experience tests share: :func:`touches` and :func:`answer`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from recorrido.analysis.feedback_link import MapPlaces

Row = dict[str, Any]

T0 = dt.datetime(2026, 3, 2)  # a Monday: day and week periods start here
SCALES = {"nps": (0.0, 10.0), "csat": (1.0, 5.0), "ces": (1.0, 7.0), "rating": (1.0, 5.0)}
Z95 = 1.959963984540054
DEFAULT_ORIGIN = dt.datetime(1970, 1, 5)

# -- builders ----------------------------------------------------------------------------------


def at(minutes: float) -> dt.datetime:
    """``T0`` plus ``minutes``."""
    return T0 + dt.timedelta(minutes=minutes)


def touches(journeys: Mapping[str, Sequence[tuple[float, str | None]]]) -> list[Row]:
    """``{"ana": [(0, "ad"), (5, None)]}`` → journey events at touchpoint level: minutes
    after ``T0`` and touchpoint (None: an event the map does not place). ``seq`` numbers
    the events in the order written."""
    rows: list[Row] = []
    for person, events in journeys.items():
        for minutes, label in events:
            rows.append(
                {
                    "unit": person,
                    "person": person,
                    "ts": at(minutes),
                    "seq": len(rows) + 1,
                    "label": label,
                    "event": label or "page_scroll",
                    "channel": None,
                    "value": None,
                    "properties": None,
                }
            )
    return rows


def answer(
    seq: int,
    person: str | None,
    minutes: float,
    metric: str | None,
    score: float | None,
    *,
    touchpoint: str | None = None,
    stage: str | None = None,
    scale: tuple[float, float] | None = None,
) -> Row:
    """One survey answer; its scale is the metric's standard one unless given."""
    low, high = scale or SCALES.get(metric or "", (None, None))
    return {
        "response_id": f"r{seq}",
        "person_id": person,
        "ts": at(minutes),
        "seq": seq,
        "touchpoint": touchpoint,
        "stage": stage,
        "metric": metric,
        "score": score,
        "scale_min": low,
        "scale_max": high,
    }


def _plain(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def sort_rows(rows: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Rows sorted by every column, None first; NaN reads as None."""
    return sorted(
        ({key: _plain(value) for key, value in row.items()} for row in rows),
        key=lambda row: tuple((0, 0) if v is None else (1, v) for v in row.values()),
    )


def assert_rows(got: Sequence[Mapping[str, Any]], expected: Iterable[Mapping[str, Any]]) -> None:
    """``got`` holds ``expected``'s rows (any order; columns as in ``got``), floats equal
    to 1e-9: engines may add a group's values in another order."""
    want = sort_rows({key: row[key] for key in got[0]} if got else row for row in expected)
    have = sort_rows(got)
    assert len(have) == len(want), (have, want)
    for one, other in zip(have, want, strict=True):
        assert one.keys() == other.keys(), (one, other)
        for key, value in one.items():
            if isinstance(value, float) and isinstance(other[key], float):
                assert math.isclose(value, other[key], rel_tol=1e-9, abs_tol=1e-12), (
                    key, one, other
                )  # fmt: skip
            else:
                assert value == other[key], (key, one, other)


# -- link and score ----------------------------------------------------------------------------


def link(answers: Iterable[Row], events: Sequence[Row], places: MapPlaces) -> list[Row]:
    people = {e["person"] for e in events if e["person"] is not None}
    linked = []
    for a in answers:
        named_tp, named_stage, person = a["touchpoint"], a["stage"], a["person_id"]
        last = None
        if named_tp is None and named_stage is None and person is not None:
            before = [
                e
                for e in events
                if e["person"] == person and e["label"] is not None and e["ts"] <= a["ts"]
            ]
            if before:
                last = max(before, key=lambda e: (e["ts"], e["seq"]))["label"]
        if named_tp is not None:
            kind = "touchpoint" if named_tp in places.stage_of else "unknown_touchpoint"
        elif named_stage is not None:
            kind = "stage" if named_stage in places.stages else "unknown_stage"
        else:
            kind = "last_touch" if last is not None else "unlinked"
        touchpoint = named_tp if named_tp is not None else last
        stage = places.stage_of.get(touchpoint or "", named_stage)
        linked.append(
            {
                "seq": a["seq"],
                "response_id": a["response_id"],
                "person": person,
                "ts": a["ts"],
                "metric": a["metric"],
                "score": a["score"],
                "scale_min": a["scale_min"],
                "scale_max": a["scale_max"],
                "touchpoint": touchpoint,
                "stage": stage,
                "channel": places.channel_of.get(touchpoint or ""),
                "link": kind,
                "known_person": person in people,
            }
        )
    return linked


def problem(a: Row) -> str | None:
    metric, s, low, high = a["metric"], a["score"], a["scale_min"], a["scale_max"]
    if metric not in SCALES:
        return "unknown_metric"
    if s is None or math.isnan(s) or low is None or high is None or low >= high:
        return "out_of_scale"
    if s < low or s > high:
        return "out_of_scale"
    if metric != "rating" and (low, high) != SCALES[metric]:
        return "other_scale"
    return None


def emotion_of(a: Row) -> float:
    s, low, high = a["score"], a["scale_min"], a["scale_max"]
    if a["metric"] == "nps":
        return 2.0 if s >= 9 else (-2.0 if s <= 6 else 0.0)
    if a["metric"] == "csat":
        return s - 3.0
    if a["metric"] == "ces":
        return (4.0 - s) * 2.0 / 3.0
    return (s - low) * 4.0 / (high - low) - 2.0


def score(linked: Iterable[Row]) -> list[Row]:
    scored = []
    for a in linked:
        why = problem(a)
        satisfaction = emotion = None
        if why is None:
            s, low, high = a["score"], a["scale_min"], a["scale_max"]
            satisfaction = (high - s if a["metric"] == "ces" else s - low) / (high - low)
            emotion = emotion_of(a)
        scored.append({**a, "problem": why, "satisfaction": satisfaction, "emotion": emotion})
    return scored


def quality(scored: Sequence[Row]) -> Row:
    kinds = ("touchpoint", "unknown_touchpoint", "stage", "unknown_stage", "last_touch")
    return {
        "answers": len(scored),
        "valid": sum(a["problem"] is None for a in scored),
        **{p: sum(a["problem"] == p for a in scored) for p in SCALES_PROBLEMS},
        **{f"linked_{k}": sum(a["link"] == k for a in scored) for k in (*kinds, "unlinked")},
        "unknown_person": sum(a["person"] is not None and not a["known_person"] for a in scored),
    }


SCALES_PROBLEMS = ("unknown_metric", "out_of_scale", "other_scale")


# -- metrics per group -------------------------------------------------------------------------


def period_start(ts: dt.datetime, period_us: int) -> dt.datetime:
    micros = (ts - DEFAULT_ORIGIN) // dt.timedelta(microseconds=1)
    return DEFAULT_ORIGIN + dt.timedelta(microseconds=(micros // period_us) * period_us)


def group_of(a: Row, by: str, personas: Mapping[str, str | None], period_us: int | None) -> Any:
    if by in ("touchpoint", "stage", "channel"):
        return a[by] if a[by] is not None else "(unlinked)"
    if by == "none":
        return "(all)"
    if by == "period":
        assert period_us is not None
        return period_start(a["ts"], period_us)
    return personas.get(a["person"] or "") or "(no persona)"


def _mean_sd(values: list[float]) -> tuple[float | None, float | None]:
    n = len(values)
    if not n:
        return None, None
    total, squares = sum(values), sum(v * v for v in values)
    sd = None
    if n >= 2:
        sd = math.sqrt(max(0.0, (n * squares - total * total) / (n * (n - 1))))
    return total / n, sd


def metrics(answers: Sequence[Row], min_sample: int) -> Row:
    def of(metric: str) -> list[float]:
        return [a["score"] for a in answers if a["metric"] == metric]

    nps, csat, ces = of("nps"), of("csat"), of("ces")
    ratings = [
        1.0 + (a["score"] - a["scale_min"]) * 4.0 / (a["scale_max"] - a["scale_min"])
        for a in answers
        if a["metric"] == "rating"
    ]
    n, p, d = len(nps), sum(s >= 9 for s in nps), sum(s <= 6 for s in nps)
    value = low = high = None
    if n:
        value = (p - d) * 100.0 / n
        half = math.sqrt((n * (p + d) - (p - d) ** 2) / n**3) * 100.0 * Z95
        low, high = max(value - half, -100.0), min(value + half, 100.0)
    ces_mean, ces_sd = _mean_sd(ces)
    rating_mean, rating_sd = _mean_sd(ratings)
    easy = sum(s <= 3 for s in ces)
    satisfied = sum(s >= 4 for s in csat)
    return {
        "answers": len(answers),
        "nps": value,
        "nps_n": n,
        "nps_low": n < min_sample,
        "nps_ci_low": low,
        "nps_ci_high": high,
        "nps_promoters": p,
        "nps_detractors": d,
        "csat": satisfied / len(csat) if csat else None,
        "csat_n": len(csat),
        "csat_low": len(csat) < min_sample,
        "csat_mean": sum(csat) / len(csat) if csat else None,
        "csat_satisfied": satisfied,
        "ces": ces_mean,
        "ces_n": len(ces),
        "ces_low": len(ces) < min_sample,
        "ces_sd": ces_sd,
        "ces_easy": easy / len(ces) if ces else None,
        "ces_easy_n": easy,
        "rating": rating_mean,
        "rating_n": len(ratings),
        "rating_low": len(ratings) < min_sample,
        "rating_sd": rating_sd,
    }


def experience_by(
    scored: Iterable[Row],
    by: str,
    *,
    personas: Mapping[str, str | None] | None = None,
    period_us: int | None = None,
    min_sample: int = 30,
) -> list[Row]:
    groups: dict[Any, list[Row]] = defaultdict(list)
    for a in scored:
        if a["problem"] is None:
            groups[group_of(a, by, personas or {}, period_us)].append(a)
    return [{"group": g, **metrics(rows, min_sample)} for g, rows in groups.items()]


# -- journey-level satisfaction ----------------------------------------------------------------


def _avg(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _by_person(scored: Iterable[Row]) -> dict[str, list[Row]]:
    people: dict[str, list[Row]] = defaultdict(list)
    for a in scored:
        if a["problem"] is None and a["person"] is not None:
            people[a["person"]].append(a)
    return people


def journey_satisfaction(scored: Iterable[Row]) -> list[Row]:
    rows = []
    for person, answers in _by_person(scored).items():
        nps = [a["score"] for a in answers if a["metric"] == "nps"]
        rest = [a["satisfaction"] for a in answers if a["metric"] != "nps"]
        rows.append(
            {
                "person": person,
                "answers": len(answers),
                "satisfaction": _avg([a["satisfaction"] for a in answers]),
                "experience": _avg(rest),
                "nps": _avg(nps),
                "nps_answers": len(nps),
            }
        )
    return rows


def pearson(pairs: Sequence[tuple[float, float]]) -> float | None:
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    if len(pairs) < 2 or min(xs) == max(xs) or min(ys) == max(ys):
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def satisfaction_drivers(scored: Iterable[Row]) -> list[Row]:
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for answers in _by_person(scored).values():
        nps = _avg([a["score"] for a in answers if a["metric"] == "nps"])
        if nps is None:
            continue
        rest = [a for a in answers if a["metric"] != "nps"]
        if rest:
            groups["(journey)"].append((sum(a["satisfaction"] for a in rest) / len(rest), nps))
        for tp in {a["touchpoint"] for a in rest if a["touchpoint"] is not None}:
            there = [a["satisfaction"] for a in rest if a["touchpoint"] == tp]
            groups[tp].append((sum(there) / len(there), nps))
    return [
        {
            "touchpoint": tp,
            "people": len(pairs),
            "satisfaction": _avg([x for x, _ in pairs]),
            "nps": _avg([y for _, y in pairs]),
            "correlation": pearson(pairs),
        }
        for tp, pairs in groups.items()
    ]


# -- emotion -----------------------------------------------------------------------------------


def stage_emotions(scored: Iterable[Row]) -> list[Row]:
    stages: dict[str, list[Row]] = defaultdict(list)
    for a in scored:
        if a["problem"] is None and a["stage"] is not None:
            stages[a["stage"]].append(a)
    return [
        {
            "stage": stage,
            "answers": len(answers),
            "emotion": _avg([a["emotion"] for a in answers]),
            **{
                f"emotion_{m}": _avg([a["emotion"] for a in answers if a["metric"] == m])
                for m in SCALES
            },
        }
        for stage, answers in stages.items()
    ]
