"""Key drivers: the people's outcomes, their exposures to drivers, the counts per driver and
the priority matrix, on DuckDB, against values worked out by hand and the plain-Python
reference (``tests/reference/drivers.py``)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference import drivers as ref
from tests.reference import experience
from tests.reference.experience import answer, at, touches

from recorrido.analysis.correlation import pearson
from recorrido.analysis.drivers import (
    MIN_WAITS,
    driver_counts,
    driver_exposures,
    outcome_totals,
    person_outcomes,
    place_correlations,
)
from recorrido.analysis.feedback_link import FEEDBACK, MapPlaces, feedback_table, link_feedback
from recorrido.analysis.feedback_scores import score_answers
from recorrido.analysis.frame import JOURNEY_EVENTS, journey_events_table

Row = dict[str, Any]

PLACES = MapPlaces(
    stages=("awareness", "consideration", "purchase", "support"),
    stage_of={"ad": "awareness", "product": "consideration", "checkout": "purchase",
              "till": "purchase", "call": "support"},
    channel_of={"ad": "ads", "product": "web", "checkout": "web", "till": "store",
                "call": "phone"},
    designed=dict.fromkeys(("awareness", "consideration", "purchase", "support")),
)  # fmt: skip
PURCHASES = ("checkout", "till")
"""Buying touchpoints (churn): the web checkout and the shop's till."""
CONVERSIONS = ("checkout",)
HORIZON = at(100)
"""The churn horizon: buyers before minute 100 with no purchase from then on churned."""


@dataclass(frozen=True)
class World:
    """Journey events at touchpoint level and the survey answers about them."""

    events: list[Row]
    answers: list[Row]


def world(journeys: Mapping[str, Sequence[tuple[float, str | None]]], *answers: Row) -> World:
    return World(touches(journeys), list(answers))


# -- the analytics, on an engine and by the reference ------------------------------------------

Build = Callable[[ibis.Table, ibis.Table], ibis.Table]
"""An analytic of (scored answers, journey events)."""


def scored(feedback: ibis.Table, events: ibis.Table) -> ibis.Table:
    """The answers as the key drivers read them: placed on the map and scored."""
    return score_answers(link_feedback(feedback, events, PLACES))


SCORED = scored(feedback_table(), journey_events_table()).schema()
"""The columns of scored answers."""


def outcomes_of(answers: ibis.Table, events: ibis.Table) -> ibis.Table:
    return person_outcomes(events, answers, PURCHASES, CONVERSIONS)


def matrix(outcome: str) -> Build:
    """The priority matrix of one outcome."""
    return lambda a, e: place_correlations(a, outcomes_of(a, e), outcome, HORIZON)


def matrices(answers: ibis.Table, events: ibis.Table) -> ibis.Table:
    """The priority matrices of every outcome, in one table (one query on slow engines)."""
    return ibis.union(
        *(matrix(o)(answers, events).mutate(outcome=ibis.literal(o)) for o in ref.OUTCOMES)
    )


def answer_pairs(answers: ibis.Table, events: ibis.Table) -> ibis.Table:
    """Pearson per metric between satisfaction and the answer's ``seq``: pairs with ties,
    constants and single rows."""
    valid = answers.filter(answers.problem.isnull())
    pairs = valid.select("metric", x=valid.satisfaction, y=valid.seq.cast("float64"))
    return pearson(pairs, "metric", "x", "y")


ANALYTICS: dict[str, Build] = {
    "person_outcomes": outcomes_of,
    "driver_exposures": lambda a, e: driver_exposures(e, a),
    "outcome_totals": lambda a, e: outcome_totals(outcomes_of(a, e), HORIZON),
    "driver_counts": lambda a, e: driver_counts(driver_exposures(e, a), outcomes_of(a, e), HORIZON),
    "place_correlations": matrices,
    "pearson": answer_pairs,
}


def scored_rows(w: World) -> list[Row]:
    """The answers of ``w`` placed and scored, by the reference."""
    return experience.score(experience.link(w.answers, w.events, PLACES))


def reference(name: str, w: World) -> list[Row]:
    """What :data:`ANALYTICS` ``name`` gives on ``w``, by the plain-Python reference."""
    answers = scored_rows(w)
    outcomes = ref.person_outcomes(w.events, answers, PURCHASES, CONVERSIONS)
    if name == "person_outcomes":
        return outcomes
    if name == "driver_exposures":
        return ref.driver_exposures(w.events, answers)
    if name == "outcome_totals":
        return [ref.outcome_totals(outcomes, HORIZON)]
    if name == "driver_counts":
        return ref.driver_counts(ref.driver_exposures(w.events, answers), outcomes, HORIZON)
    if name == "place_correlations":
        return [
            {**row, "outcome": o}
            for o in ref.OUTCOMES
            for row in ref.place_correlations(answers, outcomes, o, HORIZON)
        ]
    assert name == "pearson"
    pairs = [
        {"metric": a["metric"], "x": a["satisfaction"], "y": float(a["seq"])}
        for a in answers
        if a["problem"] is None
    ]
    return ref.pearson_rows(pairs, "metric", "x", "y")


def assert_same(got: Sequence[Mapping[str, Any]], want: Sequence[Mapping[str, Any]]) -> None:
    """The same columns and rows (any order), floats equal to 1e-9 relative."""
    columns = [set(row) for row in [*got, *want]]
    assert all(c == columns[0] for c in columns), columns
    experience.assert_rows(got, want)


CON = ibis.duckdb.connect()


def on_duckdb(build: Build, w: World) -> list[Row]:
    """``build`` on DuckDB over the answers of ``w`` placed and scored there, rows sorted by
    every column."""
    feedback = ibis.memtable(pa.Table.from_pylist(w.answers, schema=FEEDBACK.to_pyarrow()))
    events = ibis.memtable(pa.Table.from_pylist(w.events, schema=JOURNEY_EVENTS.to_pyarrow()))
    expr = build(scored(feedback, events), events)
    return experience.sort_rows(CON.to_pyarrow(expr).to_pylist())


def run(name: str, w: World) -> list[Row]:
    """Analytic ``name`` on DuckDB, checked against the reference first."""
    got = on_duckdb(ANALYTICS[name], w)
    assert_same(got, reference(name, w))
    return got


def exposed(w: World, *kinds: str) -> set[tuple[str, str, Any]]:
    """``(person, driver, minutes)`` of the exposures of these kinds."""
    return {
        (r["person"], r["driver"], (r["ts"] - at(0)).total_seconds() / 60)
        for r in run("driver_exposures", w)
        if r["kind"] in kinds
    }


def counts(w: World, *columns: str) -> dict[str, tuple[int, ...]]:
    """Per driver, the given count columns."""
    return {r["driver"]: tuple(r[c] for c in columns) for r in run("driver_counts", w)}


def places(w: World, outcome: str) -> dict[str, Row]:
    """The priority matrix of ``outcome``, by place."""
    return {
        r["place"]: {k: v for k, v in r.items() if k != "outcome"}
        for r in run("place_correlations", w)
        if r["outcome"] == outcome
    }


# -- outcomes ----------------------------------------------------------------------------------

OUTCOMES = world(
    {
        "ana": [(0, "ad"), (20, "checkout"), (30, "till"), (40, "checkout")],
        "bo": [(5, "till")],
        "cy": [(5, None)],  # only events the map does not place
    },
    answer(1, "ana", 50, "nps", 6),
    answer(2, "ana", 50, "nps", 10),  # same time, later in ingestion order: the latest
    answer(3, "ana", 60, "nps", 11),  # out of scale: not an answer
    answer(4, "zed", 1, "nps", 8),  # no journey event at all
    answer(5, "cy", 6, "nps", 5, scale=(1, 7)),  # another scale: not valid
    answer(6, "bo", 7, "csat", 5, touchpoint="till"),
)


def test_one_row_per_person_with_a_placed_event_or_a_valid_nps() -> None:
    assert run("person_outcomes", OUTCOMES) == [
        {"person": "ana", "nps": 10.0, "nps_ts": at(50), "first_buy": at(20),
         "last_buy": at(40), "converted_at": at(20)},
        {"person": "bo", "nps": None, "nps_ts": None, "first_buy": at(5), "last_buy": at(5),
         "converted_at": None},  # bought at the till: a purchase, not a conversion
        {"person": "zed", "nps": 8.0, "nps_ts": at(1), "first_buy": None, "last_buy": None,
         "converted_at": None},
    ]  # fmt: skip


def test_totals_of_each_outcome() -> None:
    # ana: a promoter, converted, last bought at 40 < 100 (churned); bo: bought at 5 only
    # (churned); zed: a passive who never bought
    assert run("outcome_totals", OUTCOMES) == [
        {"nps_n": 2, "promoters": 1, "detractors": 0, "conversion_n": 3, "converted": 1,
         "churn_n": 2, "churned": 2}
    ]  # fmt: skip


def test_no_people_count_zero() -> None:
    nobody = world({})
    assert run("outcome_totals", nobody) == [dict.fromkeys(ref.outcome_totals([], HORIZON), 0)]
    assert run("person_outcomes", nobody) == run("driver_counts", nobody) == []


# -- exposures before the outcome --------------------------------------------------------------

NPS_TIMING = world(
    {"ana": [(0, "ad"), (10, "product"), (20, "checkout")], "bo": [(0, "ad"), (30, "product")]},
    answer(1, "ana", 10, "nps", 9),
    answer(2, "ana", 10, "csat", 1),  # last touch: the product page, at the NPS's very time
    answer(3, "ana", 25, "ces", 6, touchpoint="checkout"),  # after her NPS
    answer(4, "bo", 20, "nps", 2),
    answer(5, "bo", 40, "csat", 2, touchpoint="product"),  # after his NPS
)


def test_nps_counts_exposures_at_or_before_the_latest_answer() -> None:
    assert counts(NPS_TIMING, "nps_n", "promoters", "detractors") == {
        "contact:ad": (2, 1, 1),
        "contact:product": (1, 1, 0),  # ana's at 10 = her NPS; bo's at 30 > his at 20
        "contact:checkout": (0, 0, 0),
        "answered:product": (1, 1, 0),
        "bad_score:product": (1, 1, 0),
        "answered:checkout": (0, 0, 0),
        "bad_score:checkout": (0, 0, 0),
    }


CONVERSION_TIMING = world(
    {
        "ana": [(0, "ad"), (10, "call"), (10, "checkout"), (20, "product")],
        "bo": [(0, "ad"), (5, "call")],  # never converts: every exposure counts
        "cy": [(0, "ad"), (5, "till"), (8, "product")],  # buys at the till: not a conversion
    }
)


def test_conversion_counts_exposures_strictly_before_the_first_conversion() -> None:
    assert counts(CONVERSION_TIMING, "conversion_n", "converted") == {
        "contact:ad": (3, 1),
        "contact:call": (1, 0),  # ana called at her checkout's time, earlier in order: not before
        "contact:checkout": (0, 0),
        "contact:product": (1, 0),
        "contact:till": (1, 0),
    }


CHURN = world(
    {
        "ana": [(0, "ad"), (10, "checkout"), (100, "product"), (150, "till")],  # still buying
        "bo": [(0, "ad"), (20, "checkout"), (50, "call")],  # last bought at 20: churned
        "cy": [(0, "call"), (120, "checkout")],  # first bought after the horizon
        "dan": [(100, "checkout"), (130, "call")],  # first bought at the horizon
        "eve": [(0, "ad")],  # never bought
    }
)


def test_churn_counts_buyers_before_the_horizon_exposed_before_it() -> None:
    assert counts(CHURN, "churn_n", "churned") == {
        "contact:ad": (2, 1),
        "contact:checkout": (2, 1),
        "contact:product": (0, 0),  # ana's at the horizon itself
        "contact:till": (0, 0),
        "contact:call": (1, 1),
    }
    totals = run("outcome_totals", CHURN)[0]
    assert (totals["churn_n"], totals["churned"]) == (2, 1)


STRANGER = world(
    {"ana": [(0, "ad")]},
    answer(1, "zed", 1, "csat", 1, touchpoint="ad"),  # no event, no NPS: no outcomes
)


def test_people_without_outcomes_are_not_counted() -> None:
    assert ("zed", "bad_score:ad", 1) in exposed(STRANGER, "bad_score")
    assert counts(STRANGER, "conversion_n") == {"contact:ad": (1,)}


MS = 1 / 60_000
"""A millisecond, in minutes."""
INSTANTS = world(
    {"ana": [(0, "ad"), (500 * MS, "product"), (700 * MS, "product")]},
    answer(1, "ana", 200 * MS, "nps", 9),  # between the ad and the product page
    answer(2, "ana", 100 * MS, "csat", 1, touchpoint="product"),
)
"""Exposures a fraction of a second apart: times keep their microseconds."""


def test_times_keep_their_microseconds() -> None:
    assert {(r["driver"], r["ts"]) for r in run("driver_exposures", INSTANTS)} == {
        ("contact:ad", at(0)),
        ("contact:product", at(500 * MS)),
        ("repeat:product", at(700 * MS)),
        ("answered:product", at(100 * MS)),
        ("bad_score:product", at(100 * MS)),
    }
    assert at(500 * MS).microsecond == 500_000
    assert counts(INSTANTS, "nps_n")["contact:product"] == (0,)  # half a second after the NPS
    assert counts(INSTANTS, "nps_n")["bad_score:product"] == (1,)


# -- journey drivers ---------------------------------------------------------------------------

REPEATS = world(
    {
        "ana": [(7, "product"), (0, "product"), (3, "ad"), (9, "product")],  # out of order
        "bo": [(2, "product"), (2, "product")],
        "cy": [(1, "product")],
    }
)


def test_a_repeat_is_the_second_event_at_a_touchpoint() -> None:
    assert exposed(REPEATS, "repeat") == {("ana", "repeat:product", 7), ("bo", "repeat:product", 2)}
    assert exposed(REPEATS, "contact") == {
        ("ana", "contact:product", 0),
        ("ana", "contact:ad", 3),
        ("bo", "contact:product", 2),
        ("cy", "contact:product", 1),
    }


QUEUE = world(
    {
        **{f"q{gap}": [(0, "ad"), (gap, "call")] for gap in (1, 2, 4, 5, 6, 7)},
        "q20": [(0, "ad"), (20, "call")],
        "q20b": [(0, "product"), (20, "call")],
        "q90": [(0, "ad"), (60, None), (90, "call")],  # the gap runs from the last placed event
        "again": [(0, "ad"), (3, "call"), (90, "call")],  # only first visits have gaps
        "first": [(0, "call")],  # no previous event: no gap
        "tie": [(5, "call"), (5, "ad")],  # call first in order: no gap; ad after a 0 gap
        **{f"r{i}": [(0, "ad"), (1, "product")] for i in range(8)},
        "r60": [(0, "ad"), (60, "product")],
    }
)
"""Ten first visits to the call centre after another touchpoint, waiting 1, 2, 3, 4, 5, 6, 7,
20, 20 and 90 minutes: the nearest-rank 90th percentile is the 9th, 20 minutes, so only the
90-minute wait is long. The product page has 9 such gaps: too few to judge."""


def test_a_long_wait_is_a_first_visit_after_a_gap_above_the_touchpoints_p90() -> None:
    assert exposed(QUEUE, "long_wait") == {("q90", "long_wait:call", 90)}


def test_ten_gaps_are_needed_before_any_wait_is_long() -> None:
    fewer = World([e for e in QUEUE.events if e["person"] != "q1"], [])
    assert exposed(fewer, "long_wait") == set()
    assert MIN_WAITS == ref.MIN_WAITS == 10


# -- survey drivers ----------------------------------------------------------------------------

SCORES = world(
    {"ana": [(0, "ad"), (10, "product"), (20, "checkout")]},
    answer(1, "ana", 11, "csat", 4, touchpoint="product"),
    answer(2, "ana", 15, "csat", 2, touchpoint="product"),
    answer(3, "ana", 16, "csat", 1, touchpoint="product"),  # a later bad score
    answer(4, "ana", 5, "csat", 9, touchpoint="product"),  # out of scale: not an answer
    answer(5, "ana", 12, "nps", 0, touchpoint="checkout"),  # NPS: the outcome, not a driver
    answer(6, "ana", 21, "ces", 4, touchpoint="checkout"),
    answer(7, "ana", 22, "ces", 5, touchpoint="checkout"),  # hard: bad
    answer(8, "ana", 25, "rating", 4, touchpoint="ad", scale=(1, 10)),  # 3/9: not bad
    answer(9, "ana", 30, "rating", 3, touchpoint="ad", scale=(1, 10)),  # 2/9: bad
    answer(10, "ana", 41, "rating", 2, touchpoint="till"),  # 1/4 of 1–5: bad
    answer(11, "ana", 42, "csat", 3, touchpoint="call"),  # neutral
    answer(12, "ana", 40, "effort", 1, touchpoint="call"),  # not a metric
    answer(13, None, 3, "csat", 1, touchpoint="call"),  # nobody
    answer(14, "bo", 3, "csat", 3, touchpoint="call"),  # bo has no events
)


def test_bad_scores_and_their_baseline_of_answers() -> None:
    assert exposed(SCORES, "answered", "bad_score") == {
        ("ana", "answered:product", 11),
        ("ana", "bad_score:product", 15),
        ("ana", "answered:checkout", 21),
        ("ana", "bad_score:checkout", 22),
        ("ana", "answered:ad", 25),
        ("ana", "bad_score:ad", 30),
        ("ana", "answered:till", 41),
        ("ana", "bad_score:till", 41),
        ("ana", "answered:call", 42),
        ("bo", "answered:call", 3),
    }


STAGES = world(
    {"ana": [(0, "ad")]},
    answer(1, "ana", 1, "csat", 1, stage="purchase"),
    answer(2, "ana", 2, "csat", 2, stage="delight"),  # not on the map, still a place
    answer(3, "ana", 3, "csat", 1, touchpoint="kiosk", stage="purchase"),
    answer(4, "ana", 4, "csat", 5, touchpoint="call", stage="awareness"),
    answer(5, "cy", 5, "csat", 1),  # cy has no events: unlinked, no place
    answer(6, "ana", -1, "csat", 1),  # before her first event: no place
)


def test_a_place_is_the_touchpoint_else_the_stage() -> None:
    assert exposed(STAGES, "answered", "bad_score") == {
        ("ana", "answered:purchase", 1),
        ("ana", "bad_score:purchase", 1),
        ("ana", "answered:delight", 2),
        ("ana", "bad_score:delight", 2),
        ("ana", "answered:kiosk", 3),
        ("ana", "bad_score:kiosk", 3),
        ("ana", "answered:call", 4),
    }
    assert {p: r["answers"] for p, r in places(STAGES, "conversion").items()} == {
        "purchase": 1, "delight": 1, "kiosk": 1, "call": 1
    }  # fmt: skip


# -- the priority matrix -----------------------------------------------------------------------

RATED = world(
    {
        "ana": [(0, "checkout")],
        "bo": [(0, "checkout")],
        "cy": [(0, "checkout")],
        "dan": [(0, "call")],
    },
    answer(1, "ana", 1, "csat", 5, touchpoint="checkout"),
    answer(2, "bo", 1, "csat", 1, touchpoint="checkout"),
    answer(3, "cy", 1, "csat", 5, touchpoint="checkout"),
    answer(4, "ana", 2, "nps", 10),
    answer(5, "bo", 2, "nps", 0),
    answer(6, "cy", 2, "nps", 5),
    answer(7, "ana", 5, "csat", 3, touchpoint="checkout"),  # after her NPS: performance only
    answer(8, "ana", 1, "csat", 4, touchpoint="product"),  # one person: no correlation
    answer(9, "ana", 1, "csat", 4, touchpoint="ad"),
    answer(10, "bo", 1, "csat", 4, touchpoint="ad"),  # the same for both: no correlation
    answer(11, "dan", 1, "csat", 2, touchpoint="call"),  # no NPS
)


def test_nps_importance_and_performance_per_place() -> None:
    # checkout: satisfaction 1, 0, 1 against NPS 10, 0, 5 → r = 5 / √(2/3 · 50) = √3/2
    assert places(RATED, "nps") == {
        "checkout": {"place": "checkout", "answers": 4, "performance": 0.625, "people": 3,
                     "correlation": pytest.approx(math.sqrt(3) / 2)},
        "product": {"place": "product", "answers": 1, "performance": 0.75, "people": 1,
                    "correlation": None},
        "ad": {"place": "ad", "answers": 2, "performance": 0.75, "people": 2,
               "correlation": None},
        "call": {"place": "call", "answers": 1, "performance": 0.25, "people": 0,
                 "correlation": None},
    }  # fmt: skip


CONVERTING = world(
    {
        "ana": [(0, "product"), (10, "checkout")],
        "bo": [(0, "product")],
        "cy": [(0, "product"), (3, "checkout")],
    },
    answer(1, "ana", 5, "csat", 5, touchpoint="product"),
    answer(2, "bo", 5, "csat", 1, touchpoint="product"),
    answer(3, "cy", 5, "csat", 3, touchpoint="product"),  # after converting
    answer(4, "cy", 3, "csat", 4, touchpoint="product"),  # when converting: not before
)


def test_conversion_importance_reads_answers_before_converting() -> None:
    assert places(CONVERTING, "conversion") == {
        "product": {"place": "product", "answers": 4, "performance": 0.5625, "people": 2,
                    "correlation": 1.0}
    }  # fmt: skip


STAYING = world(
    {
        "ana": [(0, "checkout"), (150, "checkout")],  # still buying: 1
        "bo": [(0, "checkout")],  # churned: 0
        "cy": [(0, "checkout"), (120, "till")],  # still buying: 1
        "dan": [(0, "ad")],  # never bought: not in the population
    },
    answer(1, "ana", 10, "csat", 5, touchpoint="product"),
    answer(2, "bo", 10, "csat", 2, touchpoint="product"),
    answer(3, "cy", 10, "csat", 4, touchpoint="product"),
    answer(4, "cy", 100, "csat", 1, touchpoint="product"),  # at the horizon
    answer(5, "dan", 10, "csat", 1, touchpoint="product"),
)


def test_churn_importance_reads_buyers_answers_before_the_horizon() -> None:
    # satisfaction 1, 1/4, 3/4 against 1, 0, 1 → r = (5/12) / √(7/24 · 2/3) = 5 / (2√7)
    assert places(STAYING, "churn") == {
        "product": {"place": "product", "answers": 5, "performance": 0.4, "people": 3,
                    "correlation": pytest.approx(5 / (2 * math.sqrt(7)))}
    }  # fmt: skip


ANONYMOUS = world(
    {"ana": [(0, "product")]},
    answer(1, "ana", 1, "csat", 5, touchpoint="product"),
    answer(2, None, 1, "csat", 1, touchpoint="product"),  # nobody's, about the product page
    answer(3, None, 1, "csat", 3, stage="support"),
)


def test_performance_reads_every_valid_answer_of_the_place() -> None:
    rows = on_duckdb(matrix("nps"), ANONYMOUS)
    assert {r["place"]: (r["answers"], r["performance"], r["people"]) for r in rows} == {
        "product": (2, 0.5, 0),
        "support": (1, 0.5, 0),
    }


def test_an_unknown_outcome_is_refused() -> None:
    t = ibis.table(JOURNEY_EVENTS, name="events")
    with pytest.raises(ValueError, match="outcome 'revenue': use one of nps, conversion, churn"):
        place_correlations(t, t, "revenue", HORIZON)


PAIRS = [
    {"g": g, "x": float(x), "y": float(y)}
    for g, x, y in [("up", 1, 2), ("up", 2, 4), ("up", 3, 6), ("mixed", 1, 3), ("mixed", 2, 1),
                    ("mixed", 3, 2), ("one", 1, 1), ("flat_y", 1, 5), ("flat_y", 2, 5),
                    ("flat_x", 1, 1), ("flat_x", 1, 2)]
]  # fmt: skip
PAIRS_SCHEMA = pa.schema([("g", pa.string()), ("x", pa.float64()), ("y", pa.float64())])


def test_pearson_in_two_passes() -> None:
    pairs = ibis.memtable(pa.Table.from_pylist(PAIRS, schema=PAIRS_SCHEMA))
    got = {r["g"]: r for r in CON.to_pyarrow(pearson(pairs, "g", "x", "y")).to_pylist()}
    assert got == {
        "up": {"g": "up", "people": 3, "mean_x": 2.0, "mean_y": 4.0, "correlation": 1.0},
        # centred: x −1, 0, 1; y 1, −1, 0 → −1 / √(2·2)
        "mixed": {"g": "mixed", "people": 3, "mean_x": 2.0, "mean_y": 2.0, "correlation": -0.5},
        "one": {"g": "one", "people": 1, "mean_x": 1.0, "mean_y": 1.0, "correlation": None},
        "flat_y": {"g": "flat_y", "people": 2, "mean_x": 1.5, "mean_y": 5.0, "correlation": None},
        "flat_x": {"g": "flat_x", "people": 2, "mean_x": 1.0, "mean_y": 1.5, "correlation": None},
    }
    assert got == {r["g"]: r for r in ref.pearson_rows(PAIRS, "g", "x", "y")}


# -- every hand-written world, and generated ones, against the reference -----------------------

HAND_WRITTEN: dict[str, World] = {
    "outcomes": OUTCOMES,
    "nps_timing": NPS_TIMING,
    "conversion_timing": CONVERSION_TIMING,
    "churn": CHURN,
    "stranger": STRANGER,
    "instants": INSTANTS,
    "repeats": REPEATS,
    "queue": QUEUE,
    "scores": SCORES,
    "stages": STAGES,
    "rated": RATED,
    "converting": CONVERTING,
    "staying": STAYING,
}


def merged(worlds: Mapping[str, World]) -> World:
    """One world of all ``worlds``, their people named ``<world>.<person>``, events and
    answers numbered anew in the same order."""
    events: list[Row] = []
    answers: list[Row] = []
    for name, w in worlds.items():
        for e in w.events:
            person = f"{name}.{e['person']}"
            events.append({**e, "unit": person, "person": person, "seq": len(events) + 1})
        for a in w.answers:
            person = None if a["person_id"] is None else f"{name}.{a['person_id']}"
            seq = len(answers) + 1
            answers.append({**a, "person_id": person, "seq": seq, "response_id": f"r{seq}"})
    return World(events, answers)


EVERYTHING = merged(HAND_WRITTEN)


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_all_hand_written_worlds_at_once(name: str) -> None:
    assert run(name, EVERYTHING)


def test_the_worlds_at_once_meet_every_driver_and_correlation() -> None:
    kinds = {r["kind"] for r in reference("driver_exposures", EVERYTHING)}
    assert kinds == {"contact", "repeat", "long_wait", "answered", "bad_score"}
    correlated = {
        r["outcome"]
        for r in reference("place_correlations", EVERYTHING)
        if r["correlation"] is not None
    }
    assert correlated == set(ref.OUTCOMES)


PEOPLE = ("ana", "bo", "cy", "dan")
MINUTES = st.sampled_from([0, 5, 10, 20, 60, 100, 120])
"""Few distinct times (ties), some at and after the churn horizon (100)."""
SCORES_1_5 = st.integers(1, 5).map(float)
"""Valid on every standard scale: good, neutral and bad."""


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """A few people's journeys and answers: ratings of the product page and the checkout and
    a later NPS, then any answers (invalid ones, unknown places, people without events); and a
    queue at the call centre long enough, at times, for long waits, with equal gaps."""
    touchpoints = st.sampled_from([*PLACES.stage_of, *PURCHASES, None])
    journeys = {p: draw(st.lists(st.tuples(MINUTES, touchpoints), max_size=5)) for p in PEOPLE}
    waiting = draw(st.sampled_from([0, 3, 10, 12]))
    queue = draw(st.lists(st.sampled_from([0, 1, 2, 5, 30]), min_size=waiting, max_size=waiting))
    for i, gap in enumerate(queue):
        journeys[f"q{i}"] = [(0, draw(st.sampled_from(["ad", "product"]))), (gap, "call")]
    answers: list[Row] = []

    def add(person: str | None, minutes: float, metric: str, score: float | None,
            **where: Any) -> None:  # fmt: skip
        answers.append(answer(len(answers) + 1, person, minutes, metric, score, **where))

    for person in PEOPLE:
        for _ in range(draw(st.integers(0, 3))):
            metric = draw(st.sampled_from(["csat", "ces", "rating"]))
            place = draw(st.sampled_from([None, "product", "checkout"]))
            add(person, draw(MINUTES), metric, draw(SCORES_1_5), touchpoint=place)
        if draw(st.booleans()):
            add(person, draw(MINUTES.filter(bool)), "nps", float(draw(st.integers(0, 10))))
    for _ in range(draw(st.integers(0, 10))):
        add(
            draw(st.sampled_from([*PEOPLE, "q0", "zed", None])),
            draw(MINUTES) + draw(st.sampled_from([0, 0, 1])),
            draw(st.sampled_from(["nps", "csat", "ces", "rating", "effort"])),
            draw(st.one_of(st.integers(-1, 11).map(float), st.none(), st.just(math.nan))),
            touchpoint=draw(st.sampled_from([None, None, "product", "checkout", "kiosk"])),
            stage=draw(st.sampled_from([None, None, "purchase", "delight"])),
            scale=draw(st.sampled_from([None, None, None, (1.0, 10.0)])),
        )
    return World(touches(journeys), answers)


@settings(max_examples=30, deadline=None)
@given(w=worlds(), name=st.sampled_from(sorted(ANALYTICS)))
def test_generated_worlds_match_the_reference(w: World, name: str) -> None:
    run(name, w)
