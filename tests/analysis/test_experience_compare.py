"""The latest period against the one before, and the emotion curve: plain Python on the few
aggregated rows, checked against values worked out by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from recorrido.analysis.emotion import emotion_curve
from recorrido.analysis.experience import compare_experience
from recorrido.analysis.feedback_link import MapPlaces

DAY_US = 86_400_000_000
MONDAY, TUESDAY = dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 3)


def period(start: dt.datetime, **values: Any) -> dict[str, Any]:
    """One row of ``experience_by(by="period")`` with only what the comparison reads."""
    row: dict[str, Any] = {"group": start}
    for name in ("nps", "csat", "ces", "rating"):
        row[f"{name}_n"] = 0
        row[name] = None
    return row | values


LATEST = period(
    TUESDAY,
    nps=30.0, nps_n=100, nps_promoters=50, nps_detractors=20,
    csat=0.8, csat_n=50, csat_satisfied=40,
    ces=3.0, ces_n=25, ces_sd=1.0,
)  # fmt: skip
PREVIOUS = period(
    MONDAY,
    nps=10.0, nps_n=100, nps_promoters=40, nps_detractors=30,
    csat=0.6, csat_n=50, csat_satisfied=30,
    ces=4.0, ces_n=25, ces_sd=2.0,
)  # fmt: skip


def compare(*rows: dict[str, Any], end: dt.datetime | None = None) -> dict[str, Any]:
    result = compare_experience(list(rows), period_us=DAY_US, data_end=end)
    assert result is not None
    return result


def test_each_metric_with_its_own_test() -> None:
    result = compare(PREVIOUS, LATEST, end=dt.datetime(2026, 3, 3, 12))
    assert (result["latest"], result["previous"], result["partial"]) == (TUESDAY, MONDAY, True)
    nps, csat, ces = (result["metrics"][m] for m in ("nps", "csat", "ces"))
    # NPS: variances (100·70 − 30²)/100³ and (100·70 − 10²)/100³, in points²: 61 and 69
    assert nps["difference"] == 20.0 and nps["test"] == "nps_trinomial"
    assert nps["ci95"] == pytest.approx([20 - 1.959964 * 130**0.5, 20 + 1.959964 * 130**0.5])
    assert nps["z"] == pytest.approx(20 / 130**0.5) and nps["p_value"] == pytest.approx(
        0.0794, 1e-3
    )
    assert nps["significant"] is False
    # CSAT 80% against 60%: unpooled interval, pooled test (p̄ = 0.7)
    assert csat["difference"] == pytest.approx(0.2)
    assert csat["ci95"] == pytest.approx([0.2 - 1.959964 * 0.008**0.5, 0.2 + 1.959964 * 0.008**0.5])
    assert csat["z"] == pytest.approx(0.2 / 0.0084**0.5) and csat["significant"] is True
    assert csat["p_value"] == pytest.approx(0.0291, 1e-2)
    # CES 3.0 (sd 1) against 4.0 (sd 2), 25 answers each: Welch's statistic, normal reference
    assert ces["difference"] == -1.0 and ces["z"] == pytest.approx(-1 / 0.2**0.5)
    assert ces["p_value"] == pytest.approx(0.02535, 1e-3) and ces["significant"] is True
    assert (ces["latest_n"], ces["previous_n"]) == (25, 25)
    rating = result["metrics"]["rating"]
    assert rating["difference"] is None and rating["significant"] is None


def test_a_missing_previous_period_has_no_answers() -> None:
    result = compare(period(MONDAY - dt.timedelta(days=3), nps=0.0, nps_n=1), LATEST,
                     end=dt.datetime(2026, 3, 4))  # fmt: skip
    assert result["previous"] == MONDAY and result["partial"] is False
    assert result["metrics"]["nps"]["previous_n"] == 0
    assert result["metrics"]["nps"]["difference"] is None


def test_no_spread_means_no_test() -> None:
    all_promoters = dict(nps=100.0, nps_n=3, nps_promoters=3, nps_detractors=0)
    one_answer = dict(ces=2.0, ces_n=1, ces_sd=None)
    result = compare(period(MONDAY, **all_promoters, **one_answer),
                     period(TUESDAY, **all_promoters, **one_answer))  # fmt: skip
    nps, ces = result["metrics"]["nps"], result["metrics"]["ces"]
    assert nps["difference"] == 0.0 and nps["ci95"] is None and nps["p_value"] is None
    assert ces["difference"] == 0.0 and ces["z"] is None
    assert compare_experience([], period_us=DAY_US, data_end=None) is None


def test_the_curve_lists_the_map_stages_with_designed_measured_and_gap() -> None:
    places = MapPlaces(
        stages=("awareness", "purchase", "loyalty"),
        stage_of={},
        channel_of={},
        designed={"awareness": 1, "purchase": 1, "loyalty": None},
    )
    measured = [
        {"stage": "purchase", "answers": 40, "emotion": -0.5, "emotion_csat": -0.5},
        {"stage": "loyalty", "answers": 3, "emotion": 1.5, "emotion_nps": 1.5},
        {"stage": "elsewhere", "answers": 9, "emotion": 2.0},
    ]
    curve = emotion_curve(measured, places, min_sample=30)
    assert [
        (p["stage"], p["designed"], p["measured"], p["gap"], p["low_sample"]) for p in curve
    ] == [
        ("awareness", 1, None, None, True),
        ("purchase", 1, -0.5, -1.5, False),
        ("loyalty", None, 1.5, None, True),
    ]
    assert curve[1]["emotion_csat"] == -0.5 and curve[1]["emotion_nps"] is None
