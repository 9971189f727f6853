"""Survey answers placed on the map and measured: the link rule, NPS/CSAT/CES per group,
journey-level satisfaction and stage emotions, on DuckDB, against values worked out by hand
and the plain-Python reference."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference import experience as ref
from tests.reference.experience import answer, touches

from recorrido.analysis.emotion import stage_emotions
from recorrido.analysis.experience import experience_by
from recorrido.analysis.feedback_link import FEEDBACK, MapPlaces, link_feedback
from recorrido.analysis.feedback_scores import answer_quality, score_answers
from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.satisfaction import journey_satisfaction, satisfaction_drivers
from recorrido.errors import UsageError

DAY_US = 86_400_000_000
PLACES = MapPlaces(
    stages=("awareness", "consideration", "purchase", "support"),
    stage_of={"ad": "awareness", "product": "consideration", "checkout": "purchase",
              "call": "support"},
    channel_of={"ad": "ads", "product": "web", "checkout": "web", "call": "phone"},
    designed={"awareness": 1, "consideration": 1, "purchase": 2, "support": None},
)  # fmt: skip
PERSONAS = [
    {"person_id": "ana", "persona": "premium"},
    {"person_id": "bo", "persona": None},
    {"person_id": "zed", "persona": "economy"},
]
PERSONA_SCHEMA = pa.schema([("person_id", pa.string()), ("persona", pa.string())])

JOURNEYS = touches(
    {
        "ana": [(0, "ad"), (10, "product"), (15, None), (20, "checkout")],
        "bo": [(0, "ad"), (30, "checkout"), (30, "call")],
        "cy": [(5, None)],
    }
)
"""ana browses and reaches the checkout; bo pays and calls in the same minute (the call comes
later in journey order); cy has only events the map does not place."""

ANSWERS = [
    answer(1, "ana", 12, "nps", 9),  # after the product page: last touch
    answer(2, "ana", 20, "csat", 2),  # at the checkout's very time: at or before counts
    answer(3, "bo", 30, "csat", 4),  # same time as checkout and call: the call is later
    answer(4, "bo", 30, "ces", 6, touchpoint="checkout"),
    answer(5, "bo", 31, "nps", 3, stage="purchase"),
    answer(6, "cy", 6, "nps", 10),  # no touchpoint ever: unlinked
    answer(7, "zed", 1, "csat", 5, touchpoint="ad"),  # never seen, names a touchpoint
    answer(8, "zed", 2, "nps", 7, touchpoint="kiosk", stage="purchase"),
    answer(9, None, 3, "ces", 2),  # nobody: unlinked
    answer(10, "ana", -5, "nps", 8),  # before ana's first event, the day before
    answer(11, "bo", 40, "csat", 6),  # outside 1–5
    answer(12, "bo", 41, "nps", 5, scale=(1, 5)),  # NPS on another scale
    answer(13, "ana", 50, "rating", 8, scale=(1, 10)),
    answer(14, "ana", 51, "effort", 3, scale=(1, 5)),  # not a metric we read
    answer(15, "cy", 7, "csat", 3, stage="delight"),  # a stage the map does not have
]

CON = ibis.duckdb.connect()
Build = Callable[[ibis.Table, ibis.Table, ibis.Table], ibis.Table]


def run(
    build: Build,
    answers: Sequence[Mapping[str, Any]] = ANSWERS,
    events: Sequence[Mapping[str, Any]] = JOURNEYS,
) -> list[dict[str, Any]]:
    """``build(feedback, events, personas)`` on DuckDB, rows sorted by every column."""
    feedback = ibis.memtable(pa.Table.from_pylist(list(answers), schema=FEEDBACK.to_pyarrow()))
    journey = ibis.memtable(pa.Table.from_pylist(list(events), schema=JOURNEY_EVENTS.to_pyarrow()))
    people = ibis.memtable(pa.Table.from_pylist(PERSONAS, schema=PERSONA_SCHEMA))
    return ref.sort_rows(CON.to_pyarrow(build(feedback, journey, people)).to_pylist())


def scored(feedback: ibis.Table, events: ibis.Table) -> ibis.Table:
    return score_answers(link_feedback(feedback, events, PLACES))


def grouped(by: str) -> Build:
    """The experience metrics ``by`` a grouping (personas from the people given)."""
    return lambda f, e, p: experience_by(scored(f, e), by, personas=p)


ANALYTICS: dict[str, Build] = {
    "scored": lambda f, e, p: scored(f, e),
    "quality": lambda f, e, p: answer_quality(scored(f, e)),
    **{f"by_{by}": grouped(by) for by in ("touchpoint", "stage", "channel", "persona", "none")},
    "by_day": lambda f, e, p: experience_by(scored(f, e), "period", period_us=DAY_US),
    "journey_satisfaction": lambda f, e, p: journey_satisfaction(scored(f, e)),
    "drivers": lambda f, e, p: satisfaction_drivers(scored(f, e)),
    "stage_emotions": lambda f, e, p: stage_emotions(scored(f, e)),
}


def reference(
    name: str, answers: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """What :data:`ANALYTICS` ``name`` gives, by the plain-Python reference."""
    rows = ref.score(ref.link(answers, events, PLACES))
    personas = {p["person_id"]: p["persona"] for p in PERSONAS}
    if name == "scored":
        return rows
    if name == "quality":
        return [ref.quality(rows)]
    if name == "by_day":
        return ref.experience_by(rows, "period", period_us=DAY_US)
    if name.startswith("by_"):
        return ref.experience_by(rows, name.removeprefix("by_"), personas=personas)
    functions = {
        "journey_satisfaction": ref.journey_satisfaction,
        "drivers": ref.satisfaction_drivers,
        "stage_emotions": ref.stage_emotions,
    }
    return functions[name](rows)


def by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in rows}


# -- the link rule -----------------------------------------------------------------------------


def test_each_answer_is_placed_by_the_link_rule() -> None:
    rows = by(run(ANALYTICS["scored"]), "seq")
    placed = {
        seq: (r["touchpoint"], r["stage"], r["channel"], r["link"], r["known_person"])
        for seq, r in rows.items()
    }
    assert placed == {
        1: ("product", "consideration", "web", "last_touch", True),
        2: ("checkout", "purchase", "web", "last_touch", True),
        3: ("call", "support", "phone", "last_touch", True),
        4: ("checkout", "purchase", "web", "touchpoint", True),
        5: (None, "purchase", None, "stage", True),
        6: (None, None, None, "unlinked", True),
        7: ("ad", "awareness", "ads", "touchpoint", False),
        8: ("kiosk", "purchase", None, "unknown_touchpoint", False),
        9: (None, None, None, "unlinked", False),
        10: (None, None, None, "unlinked", True),
        11: ("call", "support", "phone", "last_touch", True),
        12: ("call", "support", "phone", "last_touch", True),
        13: ("checkout", "purchase", "web", "last_touch", True),
        14: ("checkout", "purchase", "web", "last_touch", True),
        15: (None, "delight", None, "unknown_stage", True),
    }
    problems = {seq: r["problem"] for seq, r in rows.items() if r["problem"]}
    assert problems == {11: "out_of_scale", 12: "other_scale", 14: "unknown_metric"}


def test_scores_on_the_common_scales() -> None:
    rows = by(run(ANALYTICS["scored"]), "seq")
    levels = {seq: (r["satisfaction"], r["emotion"]) for seq, r in rows.items()}
    assert levels[1] == (0.9, 2.0)  # promoter
    assert levels[10] == (0.8, 0.0)  # passive
    assert levels[5] == (0.3, -2.0)  # detractor
    assert levels[2] == (0.25, -1.0)  # CSAT 2 of 1–5
    assert levels[4][0] == pytest.approx(1 / 6)  # CES 6 of 1–7: hard, low satisfaction
    assert levels[4][1] == pytest.approx(-4 / 3)
    assert levels[13][0] == pytest.approx(7 / 9)  # rating 8 of 1–10
    assert levels[13][1] == pytest.approx(4 * 7 / 9 - 2)
    assert levels[11] == levels[12] == levels[14] == (None, None)


def test_every_answer_is_counted() -> None:
    assert run(ANALYTICS["quality"]) == [
        {
            "answers": 15,
            "valid": 12,
            "unknown_metric": 1,
            "out_of_scale": 1,
            "other_scale": 1,
            "linked_touchpoint": 2,
            "linked_unknown_touchpoint": 1,
            "linked_stage": 1,
            "linked_unknown_stage": 1,
            "linked_last_touch": 7,
            "linked_unlinked": 3,
            "unknown_person": 2,
        }
    ]


def test_no_answers_count_zero() -> None:
    assert run(ANALYTICS["quality"], answers=[])[0]["answers"] == 0
    assert run(ANALYTICS["by_touchpoint"], answers=[]) == []


# -- metrics per group -------------------------------------------------------------------------


def test_metrics_per_touchpoint() -> None:
    rows = by(run(ANALYTICS["by_touchpoint"]), "group")
    assert set(rows) == {"product", "checkout", "call", "ad", "kiosk", "(unlinked)"}
    product, checkout, unlinked = rows["product"], rows["checkout"], rows["(unlinked)"]
    # one promoter: NPS 100, and the Wald interval has no width
    assert (product["nps"], product["nps_n"], product["nps_ci_low"]) == (100.0, 1, 100.0)
    assert (checkout["csat"], checkout["csat_mean"], checkout["csat_n"]) == (0.0, 2.0, 1)
    assert (checkout["ces"], checkout["ces_easy"], checkout["ces_sd"]) == (6.0, 0.0, None)
    assert checkout["rating"] == pytest.approx(1 + 7 * 4 / 9) and checkout["rating_n"] == 1
    # answers 5, 6, 9, 10 and 15: NPS 3, 10 and 8 (one detractor, one promoter)
    assert unlinked["answers"] == 5 and unlinked["nps"] == 0.0
    half = 100 * 1.959963984540054 * math.sqrt((3 * 2 - 0) / 3**3)
    assert unlinked["nps_ci_low"] == pytest.approx(-half) and half == pytest.approx(92.39, 1e-3)
    assert (unlinked["ces"], unlinked["ces_easy"], unlinked["csat"]) == (2.0, 1.0, 0.0)
    assert rows["kiosk"]["nps"] == 0.0  # a passive
    assert all(row["nps_low"] and row["csat_low"] for row in rows.values())


def test_metrics_per_stage_clip_the_interval() -> None:
    rows = by(run(ANALYTICS["by_stage"]), "group")
    assert set(rows) == {"consideration", "purchase", "support", "awareness", "delight",
                         "(unlinked)"}  # fmt: skip
    purchase, unlinked = rows["purchase"], rows["(unlinked)"]
    # NPS 3 and 7: −50 ± 69.3, clipped at −100
    assert purchase["nps"] == -50.0 and purchase["answers"] == 5
    assert purchase["nps_ci_low"] == -100.0
    assert purchase["nps_ci_high"] == pytest.approx(-50 + 100 * 1.959963984540054 / 8**0.5)
    # NPS 10 and 8: +50 ± 69.3, clipped at 100
    assert (unlinked["nps"], unlinked["nps_ci_high"]) == (50.0, 100.0)
    assert rows["delight"]["csat_mean"] == 3.0


def test_metrics_per_channel_persona_period_and_overall() -> None:
    channel = by(run(ANALYTICS["by_channel"]), "group")
    assert {g: r["answers"] for g, r in channel.items()} == {
        "web": 4, "phone": 1, "ads": 1, "(unlinked)": 6
    }  # fmt: skip
    persona = by(run(ANALYTICS["by_persona"]), "group")
    # bo has no persona, cy is not among the people, answer 9 has no person
    assert {g: r["answers"] for g, r in persona.items()} == {
        "premium": 4, "economy": 2, "(no persona)": 6
    }  # fmt: skip
    day = by(run(ANALYTICS["by_day"]), "group")
    assert {g.isoformat(): r["answers"] for g, r in day.items()} == {
        "2026-03-01T00:00:00": 1,  # ana's answer 5 minutes before midnight
        "2026-03-02T00:00:00": 11,
    }
    (everything,) = run(ANALYTICS["by_none"])
    assert everything["group"] == "(all)" and everything["answers"] == 12
    # NPS answers 9, 3, 10, 7 and 8: two promoters, one detractor of five
    nps = (everything["nps_n"], everything["nps_promoters"], everything["nps_detractors"])
    assert nps == (5, 2, 1) and everything["nps"] == 20.0


def test_unknown_grouping_names_the_closest() -> None:
    with pytest.raises(UsageError, match="did you mean 'touchpoint'"):
        experience_by(scored(ibis.table(FEEDBACK), ibis.table(JOURNEY_EVENTS)), "touchpoints")


# -- journey-level satisfaction and emotion ----------------------------------------------------


def test_journey_level_satisfaction_per_person() -> None:
    rows = by(run(ANALYTICS["journey_satisfaction"]), "person")
    ana = rows["ana"]  # NPS 9 and 8, CSAT 2, rating 8 of 1–10
    assert ana["answers"] == 4 and ana["nps"] == 8.5 and ana["nps_answers"] == 2
    assert ana["satisfaction"] == pytest.approx((0.9 + 0.25 + 0.8 + 7 / 9) / 4)
    assert ana["experience"] == pytest.approx((0.25 + 7 / 9) / 2)
    assert rows["bo"]["experience"] == pytest.approx((0.75 + 1 / 6) / 2)
    assert (rows["zed"]["satisfaction"], rows["zed"]["nps"]) == pytest.approx((0.85, 7.0))
    assert set(rows) == {"ana", "bo", "cy", "zed"}


def test_touchpoint_and_journey_scores_against_nps() -> None:
    rows = by(run(ANALYTICS["drivers"]), "touchpoint")
    # checkout: ana (0.514, NPS 8.5) and bo (0.167, NPS 3): two points on a line
    assert rows["checkout"]["people"] == 2 and rows["checkout"]["correlation"] == 1.0
    assert rows["call"]["people"] == 1 and rows["call"]["correlation"] is None
    journey = rows["(journey)"]  # ana, bo, cy, zed: r worked out by hand
    assert journey["people"] == 4 and journey["nps"] == 7.125
    assert journey["correlation"] == pytest.approx(0.05563, abs=1e-4)
    assert set(rows) == {"checkout", "call", "ad", "(journey)"}


def test_emotion_per_stage() -> None:
    rows = by(run(ANALYTICS["stage_emotions"]), "stage")
    purchase = rows["purchase"]  # CSAT 2, CES 6, NPS 3 and 7, rating 8 of 1–10
    assert purchase["answers"] == 5
    assert purchase["emotion"] == pytest.approx((-1 - 4 / 3 - 2 + 0 + (4 * 7 / 9 - 2)) / 5)
    assert purchase["emotion_nps"] == -1.0  # NPS −50 / 50
    assert purchase["emotion_ces"] == pytest.approx(-4 / 3)
    assert rows["consideration"]["emotion"] == 2.0 and rows["delight"]["emotion"] == 0.0
    assert set(rows) == {"awareness", "consideration", "purchase", "support", "delight"}


# -- against the reference ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_hand_written_answers_match_the_reference(name: str) -> None:
    ref.assert_rows(run(ANALYTICS[name]), reference(name, ANSWERS, JOURNEYS))


PEOPLE = st.sampled_from(["ana", "bo", "cy", "zed", None])
MINUTES = st.integers(min_value=-3, max_value=6).map(lambda m: m * 300)  # ties, and 2 days


@st.composite
def worlds(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Journeys of ana, bo and cy and answers about them, with ties, unknown names,
    out-of-scale scores and empty groups."""
    journeys = {
        person: draw(
            st.lists(st.tuples(MINUTES, st.sampled_from([*PLACES.stage_of, None])), max_size=5)
        )
        for person in ("ana", "bo", "cy")
    }
    answers = []
    for seq in range(1, draw(st.integers(0, 14)) + 1):
        metric = draw(st.sampled_from(["nps", "nps", "csat", "ces", "rating", "effort"]))
        scale = draw(st.sampled_from([None, None, None, (1.0, 10.0)]))
        answers.append(
            answer(
                seq,
                draw(PEOPLE),
                draw(MINUTES) + draw(st.sampled_from([0, 0, 1])),
                metric,
                draw(st.one_of(st.integers(-1, 11).map(float), st.none(), st.just(math.nan))),
                touchpoint=draw(st.sampled_from([None, None, "ad", "checkout", "kiosk"])),
                stage=draw(st.sampled_from([None, None, "purchase", "delight"])),
                scale=scale,
            )
        )
    return answers, touches(journeys)


@settings(max_examples=40, deadline=None)
@given(world=worlds(), name=st.sampled_from(sorted(ANALYTICS)))
def test_generated_answers_match_the_reference(
    world: tuple[list[dict[str, Any]], list[dict[str, Any]]], name: str
) -> None:
    answers, events = world
    ref.assert_rows(run(ANALYTICS[name], answers, events), reference(name, answers, events))
