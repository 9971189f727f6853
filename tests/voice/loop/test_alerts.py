"""Alert rules over feedback responses: which responses open which cases, idempotently."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ibis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recorrido.errors import UsageError
from recorrido.ingest.people import ingest_people
from recorrido.map.models import JourneyMap
from recorrido.store import Store
from recorrido.voice.alerts import alert_answers, alert_matches, open_cases

from .helpers import CHECKOUT, DETRACTOR, PROMOTER, add_feedback, answers_for, loop_map
from .reference import reference_matches

NOW = dt.datetime(2026, 3, 2, 9, 0, 0)


def cases(store: Store) -> list[tuple[Any, ...]]:
    return store.connection.execute(
        "SELECT case_id, rule_id, action, response_id, metric, score, status, owner "
        "FROM cases ORDER BY rule_id, number"
    ).fetchall()


def matched(store: Store, when: str, journey: JourneyMap | None = None, **kw: Any) -> list[Any]:
    rule = loop_map([{"id": "r", "when": when}]).alerts[0]
    answers = alert_answers(store.table("feedback"), journey or loop_map(), **kw)
    found = alert_matches(answers, rule).order_by("response_id").to_pyarrow().to_pylist()
    return [(row["response_id"], row["metric"], row["score"]) for row in found]


def test_a_detractor_opens_a_case_and_a_promoter_an_advocacy_invitation(store: Store) -> None:
    add_feedback(
        store,
        {
            "r1": {"person": "ana", "nps": 3, "comment": "Tardó dos semanas"},
            "r2": {"person": "bea", "nps": 10},
            "r3": {"person": "cai", "nps": 7},
        },
    )
    run = open_cases(store, loop_map([DETRACTOR, PROMOTER]), now=NOW)
    assert cases(store) == [
        ("detractor-1", "detractor", "case", "r1", "nps", 3.0, "open", "cx"),
        ("promoter-1", "promoter", "advocacy", "r2", "nps", 10.0, "open", None),
    ]
    assert [(r.rule_id, r.opened, r.total, r.messages) for r in run.rules] == [
        ("detractor", 1, 1, 1),
        ("promoter", 1, 1, 0),
    ]
    assert run.responses == 3 and run.opened == 2
    history = store.connection.execute(
        "SELECT case_id, occurred_at, actor, kind, status, owner, note FROM case_events "
        "ORDER BY event_id"
    ).fetchall()
    assert history == [
        ("detractor-1", NOW, "recorrido", "opened", "open", "cx", "rule detractor: nps <= 6"),
        ("promoter-1", NOW, "recorrido", "opened", "open", None, "rule promoter: nps >= 9"),
    ]


def test_the_webhook_message_is_queued_with_the_case(store: Store) -> None:
    add_feedback(
        store,
        {
            "r1": {
                "person": "ana",
                "touchpoint": "order_placed",
                "nps": 3,
                "csat": 2,
                "comment": "x",
            }
        },
    )
    open_cases(store, loop_map([DETRACTOR]), now=NOW)
    rows = store.connection.execute(
        "SELECT message_id, case_id, webhook_id, payload, status, attempts, next_attempt_at "
        "FROM outbox"
    ).fetchall()
    assert len(rows) == 1
    message_id, case_id, webhook, payload, status, attempts, due = rows[0]
    assert (case_id, webhook, status, attempts, due) == ("detractor-1", "crm", "pending", 0, NOW)
    assert json.loads(payload) == {
        "type": "recorrido.alert",
        "delivery_id": message_id,
        "webhook": "crm",
        "rule": {"id": "detractor", "name": None, "action": "case", "when": "nps <= 6"},
        "case": {
            "id": "detractor-1",
            "status": "open",
            "owner": "cx",
            "created_at": "2026-03-02T09:00:00Z",
        },
        "response": {
            "id": "r1",
            "person_id": "ana",
            "responded_at": "2026-03-01T10:00:00Z",
            "touchpoint": "order_placed",
            "stage": "purchase",
            "metric": "nps",
            "score": 3,
            "answers": {"nps": 3, "csat": 2},
            "comment": "x",
            "channel": "website",
            "persona": None,
            "sentiment": None,
            "theme": None,
            "language": None,
        },
    }
    assert shape(json.loads(payload)) == shape(json.loads(doc_json()))  # the docs show it


def shape(value: Any) -> Any:
    """The keys of nested objects, without the values."""
    return {k: shape(v) for k, v in value.items()} if isinstance(value, dict) else None


def doc_json() -> str:
    text = (Path(__file__).resolve().parents[3] / "docs" / "closed-loop.md").read_text("utf-8")
    return text.split("```json\n", 1)[1].split("```", 1)[0]


def test_low_csat_at_one_touchpoint(store: Store) -> None:
    add_feedback(
        store,
        {
            "r1": {"touchpoint": "order_placed", "nps": 8, "csat": 2},
            "r2": {"touchpoint": "product_view", "csat": 1},
            "r3": {"touchpoint": "order_placed", "csat": 3},
            "r4": {"touchpoint": "order_placed", "csat": 1},
        },
    )
    open_cases(store, loop_map([CHECKOUT]), now=NOW)
    # r1's case records its csat answer, the one the rule is about, not its nps
    assert cases(store) == [
        ("checkout_bad-1", "checkout_bad", "case", "r1", "csat", 2.0, "open", None),
        ("checkout_bad-2", "checkout_bad", "case", "r4", "csat", 1.0, "open", None),
    ]


def test_score_and_metric_are_per_answer(store: Store) -> None:
    add_feedback(store, {"r1": {"nps": 9, "csat": 1}, "r2": {"nps": 2, "csat": 5}})
    # matches when any one answer satisfies the rule; that answer is the case's
    assert matched(store, 'metric == "csat" and score <= 2') == [("r1", "csat", 1.0)]
    assert matched(store, "score <= 2") == [("r1", "csat", 1.0), ("r2", "nps", 2.0)]
    # nps is the response's nps on every answer row: the nps answer triggers
    assert matched(store, "nps <= 6 and csat >= 4") == [("r2", "nps", 2.0)]
    # no metric named: the earliest answer
    assert matched(store, "score >= 0") == [("r1", "nps", 9.0), ("r2", "nps", 2.0)]


def test_a_condition_on_a_null_field_is_false(store: Store) -> None:
    add_feedback(store, {"r1": {"csat": 1}, "r2": {"csat": 5, "touchpoint": "order_placed"}})
    assert matched(store, 'sentiment == "negative"') == []
    assert matched(store, 'sentiment != "positive"') == []
    assert matched(store, 'not sentiment == "negative"') == []
    assert matched(store, 'theme in ["staff", "price"]') == []
    assert matched(store, 'comment contains "slow"') == []
    assert matched(store, "nps <= 6") == []  # neither response answered nps
    assert matched(store, 'not touchpoint == "order_placed"') == []  # r1 has no touchpoint
    # asking for the NULL explicitly is how to match it
    assert matched(store, "sentiment is null and nps is null") == [
        ("r1", "csat", 1.0),
        ("r2", "csat", 5.0),
    ]


def test_context_fields_come_from_a_table_by_response(store: Store) -> None:
    add_feedback(store, {"r1": {"nps": 4, "language": "es"}, "r2": {"nps": 5}, "r3": {"nps": 6}})
    context = ibis.memtable(
        {
            "response_id": ["r1", "r2"],
            "sentiment": ["negative", "negative"],
            "theme": ["staff", "price"],
            "language": [None, "en"],
        }
    )
    rule = 'sentiment == "negative" and theme == "staff"'
    assert matched(store, rule, context=context) == [("r1", "nps", 4.0)]
    # a NULL in the context keeps the stored value; a value overrides it
    assert matched(store, 'language == "es"', context=context) == [("r1", "nps", 4.0)]
    assert matched(store, 'language == "en"', context=context) == [("r2", "nps", 5.0)]


def test_channel_and_stage_come_from_the_touchpoint_in_the_map(store: Store) -> None:
    add_feedback(
        store,
        {
            "r1": {"touchpoint": "order_placed", "nps": 2},
            "r2": {"touchpoint": "support_contact", "nps": 2},
            "r3": {"touchpoint": "order_placed", "stage": "loyalty", "nps": 2},
        },
    )
    assert matched(store, 'channel == "website"') == [("r1", "nps", 2.0), ("r3", "nps", 2.0)]
    assert matched(store, 'stage == "purchase"') == [("r1", "nps", 2.0)]  # r3 says loyalty
    assert matched(store, 'channel == "support" and stage == "post_purchase"') == [
        ("r2", "nps", 2.0)
    ]


def test_persona_comes_from_the_people_table(store: Store, write_csv: Callable[..., Path]) -> None:
    people = write_csv(
        "people.csv",
        [
            {"person_id": "ana", "segment": "premium", "lifetime_value": 900},
            {"person_id": "bea", "segment": "economy", "lifetime_value": 20},
        ],
    )
    journey = loop_map([{"id": "premium_detractor", "when": 'persona == "premium" and nps <= 6'}])
    ingest_people(store, people, declared={"segment": "string", "lifetime_value": "number"})
    add_feedback(store, {"r1": {"person": "ana", "nps": 2}, "r2": {"person": "bea", "nps": 2}})
    open_cases(store, journey, now=NOW)
    assert [row[3] for row in cases(store)] == ["r1"]


def test_running_again_opens_no_duplicate(store: Store) -> None:
    journey = loop_map()
    add_feedback(store, {"r1": {"nps": 2, "touchpoint": "order_placed", "csat": 1}})
    first = open_cases(store, journey, now=NOW)
    again = open_cases(store, journey, now=NOW + dt.timedelta(hours=1))
    assert first.opened == 2 and again.opened == 0
    assert [(r.opened, r.total, r.messages) for r in again.rules] == [
        (0, 1, 0),
        (0, 0, 0),
        (0, 1, 0),
    ]
    add_feedback(store, {"r2": {"nps": 1}, "r3": {"nps": 10}})
    later = open_cases(store, journey, now=NOW + dt.timedelta(hours=2))
    assert later.opened == 2
    assert [row[:4] for row in cases(store)] == [
        ("checkout_bad-1", "checkout_bad", "case", "r1"),
        ("detractor-1", "detractor", "case", "r1"),
        ("detractor-2", "detractor", "case", "r2"),
        ("promoter-1", "promoter", "advocacy", "r3"),
    ]
    assert store.count("outbox") == 2  # one per detractor case; none repeated
    assert store.count("case_events") == 4


def test_a_context_with_unknown_columns_or_repeated_responses_is_refused(store: Store) -> None:
    add_feedback(store, {"r1": {"nps": 2}})
    journey = loop_map()
    bad = ibis.memtable({"response_id": ["r1"], "sentimiento": ["negative"]})
    with pytest.raises(UsageError, match=r"'sentimiento'.*did you mean 'sentiment'"):
        open_cases(store, journey, context=bad)
    twice = ibis.memtable({"response_id": ["r1", "r1"], "theme": ["a", "b"]})
    with pytest.raises(UsageError, match="2 rows for response 'r1'") as caught:
        open_cases(store, journey, context=twice)
    assert caught.value.code == "context_invalid"
    assert store.count("cases") == 0


def test_no_feedback_opens_nothing(store: Store) -> None:
    run = open_cases(store, loop_map(), now=NOW)
    assert run.responses == 0 and run.opened == 0 and store.count("outbox") == 0


# --- against the plain-Python reference ---------------------------------------------------

RULES = [
    "nps <= 6",
    "nps >= 9",
    'csat <= 2 and touchpoint == "order_placed"',
    'metric == "ces" and score >= 5',
    "score <= 2 or rating >= 4",
    'not (channel == "website") and nps < 8',
    'stage in ["purchase", "post_purchase"] and comment contains "a"',
    "nps is null or csat is not null",
    'sentiment == "negative" or theme != "price"',
]

SCALES = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7), "rating": (1, 5)}


@st.composite
def responses(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    count = draw(st.integers(0, 6))
    out: dict[str, dict[str, Any]] = {}
    for index in range(count):
        metrics = draw(st.lists(st.sampled_from(list(SCALES)), min_size=1, max_size=4, unique=True))
        answer: dict[str, Any] = {m: draw(st.integers(*SCALES[m])) for m in metrics}
        answer["touchpoint"] = draw(
            st.sampled_from([None, "order_placed", "product_view", "support_contact"])
        )
        answer["stage"] = draw(st.sampled_from([None, "purchase", "loyalty"]))
        answer["comment"] = draw(st.sampled_from([None, "", "a la espera", "bien"]))
        out[f"r{index}"] = answer
    return out


@settings(max_examples=40, deadline=None)
@given(
    answers=responses(),
    when=st.sampled_from(RULES),
    sentiment=st.dictionaries(
        st.sampled_from(["r0", "r1", "r2"]), st.sampled_from([None, "negative", "positive"])
    ),
)
def test_matches_agree_with_the_reference(
    answers: dict[str, dict[str, Any]], when: str, sentiment: dict[str, str | None]
) -> None:
    journey = loop_map([{"id": "r", "when": when}])
    rows = [row | {"seq": i} for i, row in enumerate(answers_for(answers), start=1)]
    feedback = ibis.memtable(
        rows,
        schema={
            "response_id": "string",
            "person_id": "string",
            "ts": "timestamp",
            "touchpoint": "string",
            "stage": "string",
            "metric": "string",
            "score": "float64",
            "comment": "string",
            "language": "string",
            "seq": "int64",
        },
    )
    context = ibis.memtable(
        {"response_id": list(sentiment), "sentiment": list(sentiment.values())},
        schema={"response_id": "string", "sentiment": "string"},
    )
    table = alert_matches(alert_answers(feedback, journey, context=context), journey.alerts[0])
    got = {r["response_id"]: (r["metric"], r["score"]) for r in table.to_pyarrow().to_pylist()}
    expected = reference_matches(
        rows, when, journey, {r: {"sentiment": s} for r, s in sentiment.items()}
    )
    assert got == expected


def test_sentiment_and_theme_come_from_the_comment(store: Store) -> None:
    add_feedback(
        store,
        {
            "r1": {"csat": 1, "comment": "La camarera fue muy borde y tardaron una eternidad."},
            "r2": {"csat": 2, "comment": "Demasiado caro para lo que es."},
            "r3": {"csat": 5, "comment": "El personal, encantador."},
            "r4": {"csat": 1},
        },
    )
    rude = {"id": "rude", "when": 'sentiment == "negative" and theme == "staff_manners"'}
    journey = loop_map(alerts=[rude])
    run = open_cases(store, journey)
    assert [(r.rule_id, r.opened) for r in run.rules] == [("rude", 1)]
    assert [c[3] for c in cases(store)] == ["r1"]  # the response_id
    # each of the comment's themes is tried: r1 is also about waiting time
    waiting = {"id": "waiting", "when": 'theme == "waiting_time"'}
    assert open_cases(store, loop_map(alerts=[waiting])).rules[0].opened == 1
