"""The experience analytics rediscover the sample world's planted truths (docs/sample-world.md):
the checkout has the lowest CSAT, the centro café the lowest of the cafés, and hard support
contacts (CES 5–7) leave detractors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import sample_store

from recorrido import Journey
from recorrido._experience import emotion, experience, satisfaction
from recorrido.analysis.experience import experience_by
from recorrido.analysis.feedback_link import MapPlaces, link_feedback
from recorrido.analysis.feedback_scores import score_answers
from recorrido.analysis.prepare import prepare_events
from recorrido.map import load_map
from recorrido.store import Store


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("altura"), people=2000, seed=11)


@pytest.fixture(scope="module")
def journey(world: Path) -> Iterator[Journey]:
    with Journey(world) as opened:
        yield opened


def csat_by_touchpoint(journey: Journey) -> dict[str, dict[str, Any]]:
    result = experience(journey, {"by": "touchpoint"})
    return {row["group"]: row for row in result.rows() if row["csat_n"]}


def test_the_checkout_has_the_lowest_csat(journey: Journey) -> None:
    rows = csat_by_touchpoint(journey)
    enough = {tp: row for tp, row in rows.items() if not row["csat_low"]}
    worst = min(enough, key=lambda tp: enough[tp]["csat_mean"])
    assert worst == "checkout"
    assert 2.5 <= enough["checkout"]["csat_mean"] <= 3.0
    assert enough["checkout"]["csat"] == min(row["csat"] for row in enough.values())


def test_the_centro_cafe_has_the_lowest_cafe_csat(journey: Journey) -> None:
    rows = csat_by_touchpoint(journey)
    cafes = {tp: rows[tp]["csat_mean"] for tp in ("cafe_centro", "cafe_norte", "cafe_playa")}
    assert min(cafes, key=lambda tp: cafes[tp]) == "cafe_centro"
    assert cafes["cafe_norte"] - cafes["cafe_centro"] > 0.25


def test_hard_support_contacts_leave_detractors(world: Path) -> None:
    """The NPS asked in the same survey as a CES of 5–7 (same person, time and touchpoint)."""
    journey_map = load_map(world.parent / "journey.yaml")
    with Store.open(world, read_only=True) as store:
        events = prepare_events(
            store.table("events"), store.table("identities"), journey_map, level="touchpoint"
        )
        scored = score_answers(
            link_feedback(store.table("feedback"), events, MapPlaces.of(journey_map))
        )
        effort = scored.filter(scored.metric == "ces")
        effort = effort.select(_p="person", _t="ts", _tp="touchpoint", hard=effort.score >= 5)
        nps = scored.filter((scored.metric == "nps") & scored.touchpoint.startswith("support"))
        same_survey = nps.join(
            effort,
            [nps.person == effort._p, nps.ts == effort._t, nps.touchpoint == effort._tp],
        )
        hard = same_survey.filter(same_survey.hard).drop("_p", "_t", "_tp", "hard")
        easy = same_survey.filter(~same_survey.hard).drop("_p", "_t", "_tp", "hard")
        (after_hard,) = store.ibis.to_pyarrow(experience_by(hard, "none")).to_pylist()
        (after_easy,) = store.ibis.to_pyarrow(experience_by(easy, "none")).to_pylist()
    assert after_hard["nps_n"] >= 10
    assert after_hard["nps"] <= -30
    assert after_hard["nps_ci_high"] < after_easy["nps_ci_low"]


def test_the_measured_curve_sits_below_the_design_after_purchase(journey: Journey) -> None:
    curve = {point["stage"]: point for point in emotion(journey, {}).rows()}
    assert list(curve)[:4] == ["awareness", "consideration", "decision", "purchase"]
    for stage in ("purchase", "post_purchase"):
        assert curve[stage]["answers"] >= 30 and curve[stage]["gap"] < 0
    assert curve["awareness"]["measured"] is None  # nobody is asked there


def test_the_journey_score_tracks_nps_better_than_most_touchpoints(journey: Journey) -> None:
    result = satisfaction(journey, {})
    drivers = {row["touchpoint"]: row for row in result.extra["drivers"]}
    journey_r = drivers["(journey)"]["correlation"]
    assert journey_r is not None and journey_r > 0.2
    assert journey_r > drivers["checkout"]["correlation"]
    people = result.rows()
    assert all(0 <= p["satisfaction"] <= 1 for p in people)
    assert {p["person"] for p in people} >= {p["person"] for p in people if p["nps"] is not None}
