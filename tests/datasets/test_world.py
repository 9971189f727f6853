"""The Café Altura sample world: shape, determinism, realism and its planted truths."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from recorrido.datasets import PLANTED_TRUTHS, SampleData, Truth, generate, write
from recorrido.datasets.comments import BANK, CHECKOUT_COMPLAINT, STAFF_COMPLAINT
from recorrido.map.loader import load_map
from recorrido.map.models import JourneyMap
from recorrido.map.rule_compile import evaluate_rule
from recorrido.map.rules import parse_rule
from recorrido.map.validate import EVENT_FIELDS

EVENT_COLUMNS = {
    "timestamp": pa.string(),
    "user_id": pa.string(),
    "anonymous_id": pa.string(),
    "session_id": pa.string(),
    "event": pa.string(),
    "channel": pa.string(),
    "value": pa.float64(),
    "page": pa.string(),
    "product": pa.string(),
    "store": pa.string(),
    "campaign": pa.string(),
    "order_id": pa.string(),
}
PEOPLE_COLUMNS = {
    "customer_id": pa.string(),
    "segment": pa.string(),
    "city": pa.string(),
    "signup_date": pa.string(),
    "lifetime_value": pa.float64(),
    "preferred_store": pa.string(),
    "newsletter": pa.bool_(),
}
FEEDBACK_COLUMNS = {
    "response_id": pa.string(),
    "customer_id": pa.string(),
    "submitted_at": pa.string(),
    "touchpoint": pa.string(),
    "metric": pa.string(),
    "score": pa.int64(),
    "comment": pa.string(),
    "language": pa.string(),
}
ISO = "%Y-%m-%dT%H:%M:%SZ"
SCALES = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}


@pytest.fixture(scope="module")
def world() -> SampleData:
    return generate()


@pytest.fixture(scope="module")
def journey(world: SampleData) -> JourneyMap:
    return load_map(world.journey_path)


@pytest.fixture(scope="module")
def db(world: SampleData) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    events = world.events.append_column("rn", pa.array(range(world.events.num_rows), pa.int64()))
    con.register("raw", events)
    con.execute(
        "CREATE TABLE events AS SELECT *, strptime(timestamp, '%Y-%m-%dT%H:%M:%SZ') AS ts FROM raw"
    )
    con.register("people", world.people)
    con.register("feedback", world.feedback)
    return con


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return con.execute(sql).fetchall()


def _number(con: duckdb.DuckDBPyConnection, sql: str) -> float:
    row = con.execute(sql).fetchone()
    assert row is not None and row[0] is not None
    return float(row[0])


# Determinism and size


def test_same_seed_gives_identical_tables_and_files(tmp_path: Path) -> None:
    first, second = generate(people=400, seed=3), generate(people=400, seed=3)
    for name in ("events", "people", "feedback"):
        assert getattr(first, name).equals(getattr(second, name)), name
    one, two = write(first, tmp_path / "one"), write(second, tmp_path / "two")
    for name in ("events", "people", "feedback", "journey"):
        assert getattr(one, name).read_bytes() == getattr(two, name).read_bytes(), name


def test_another_seed_gives_another_world() -> None:
    first, second = generate(people=400, seed=3), generate(people=400, seed=4)
    assert not first.events.equals(second.events)
    assert not first.feedback.equals(second.feedback)


def test_default_size(world: SampleData) -> None:
    assert 150_000 <= world.events.num_rows <= 260_000
    assert 2_000 <= world.people.num_rows <= 3_500
    assert 2_500 <= world.feedback.num_rows <= 6_000


def test_people_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        generate(people=0)


# Columns, types and values


def test_columns_and_types(world: SampleData) -> None:
    assert dict(zip(world.events.schema.names, world.events.schema.types, strict=True)) == (
        EVENT_COLUMNS
    )
    assert dict(zip(world.people.schema.names, world.people.schema.types, strict=True)) == (
        PEOPLE_COLUMNS
    )
    assert dict(zip(world.feedback.schema.names, world.feedback.schema.types, strict=True)) == (
        FEEDBACK_COLUMNS
    )


def test_timestamps_parse_and_lie_in_the_period(world: SampleData) -> None:
    start, end = dt.datetime(2026, 3, 1), dt.datetime(2026, 9, 1)
    for column in (world.events["timestamp"], world.feedback["submitted_at"]):
        assert column.null_count == 0
        parsed = pc.strptime(column, format=ISO, unit="s")
        low, high = pc.min_max(parsed).values()
        assert start <= low.as_py() and high.as_py() < end
    assert pc.all(
        pc.greater_equal(
            world.events["timestamp"].slice(1),
            world.events["timestamp"].slice(0, world.events.num_rows - 1),
        )
    ).as_py()
    signup = pc.strptime(world.people["signup_date"], format="%Y-%m-%d", unit="s")
    assert pc.max(signup).as_py() < end


def test_events_happen_in_waking_hours(db: duckdb.DuckDBPyConnection) -> None:
    hours = dict(
        _rows(
            db,
            "SELECT hour(timezone('Europe/Madrid', timezone('UTC', ts))) AS h, count(*) "
            "FROM events GROUP BY ALL",
        )
    )
    assert set(hours) <= set(range(7, 24))
    assert hours[9] > 10 * hours.get(23, 0)


def test_ids_and_values(world: SampleData, db: duckdb.DuckDBPyConnection) -> None:
    users = set(pc.unique(world.events["user_id"]).drop_null().to_pylist())
    anons = set(pc.unique(world.events["anonymous_id"]).drop_null().to_pylist())
    assert all(re.fullmatch(r"c\d{6}", u) for u in users)
    assert all(re.fullmatch(r"a\d{7}", a) for a in anons)
    assert (
        _number(db, "SELECT count(*) FROM events WHERE user_id IS NULL AND anonymous_id IS NULL")
        == 0
    )
    purchases = "event IN ('order_completed', 'store_purchase')"
    assert (
        _number(db, f"SELECT count(*) FROM events WHERE ({purchases}) <> (value IS NOT NULL)") == 0
    )
    assert _number(db, f"SELECT min(value) FROM events WHERE {purchases}") > 0
    assert (
        _number(db, "SELECT count(*) FROM events WHERE event = 'ad_click' AND campaign IS NULL")
        == 0
    )
    stores = _rows(db, "SELECT DISTINCT store FROM events WHERE channel = 'cafes'")
    assert {s for (s,) in stores} == {"centro", "norte", "playa"}


def test_people_are_the_known_customers(world: SampleData, db: duckdb.DuckDBPyConnection) -> None:
    people = world.people
    assert set(people["segment"].to_pylist()) == {"economy", "premium", "office"}
    assert set(people["preferred_store"].drop_null().to_pylist()) == {"centro", "norte", "playa"}
    assert people["newsletter"].null_count == 0
    assert pc.min(people["lifetime_value"]).as_py() >= 0
    assert len(set(people["customer_id"].to_pylist())) == people.num_rows
    known = set(people["customer_id"].to_pylist())
    users = set(pc.unique(world.events["user_id"]).drop_null().to_pylist())
    assert users == known
    assert set(world.feedback["customer_id"].to_pylist()) <= known
    leads = _number(db, "SELECT count(*) FROM people WHERE lifetime_value = 0")
    assert leads > 300


# The map and the events


def test_the_map_validates(world: SampleData, journey: JourneyMap) -> None:
    assert world.journey_path.name == "journey.yaml" and world.journey_path.is_file()
    assert journey.meta.name == "Café Altura"
    assert (journey.meta.language, journey.meta.timezone, journey.meta.currency) == (
        "es",
        "Europe/Madrid",
        "EUR",
    )
    assert journey.stage_ids() == [
        "awareness",
        "consideration",
        "decision",
        "purchase",
        "post_purchase",
        "loyalty",
        "advocacy",
    ]
    assert 15 <= len(journey.touchpoints) <= 25
    assert len(journey.channels) >= 8
    assert {"economy", "premium"} <= {
        p.assign.split('"')[1] for p in journey.personas if p.assign and "segment" in p.assign
    }


def _touchpoints_of(journey: JourneyMap, row: dict[str, object]) -> list[str]:
    record = {
        "event": row["event"],
        "channel": row["channel"],
        "value": None,
        "properties": {"page": row["page"], "store": row["store"]},
    }
    found = []
    for tp in journey.touchpoints:
        if row["event"] not in tp.match.event:
            continue
        if tp.match.channel is not None and row["channel"] not in tp.match.channel:
            continue
        rule = tp.match.where
        if rule is None or evaluate_rule(
            parse_rule(rule), record, EVENT_FIELDS, json_columns=("properties",)
        ):
            found.append(tp.id)
    return found


def test_every_touchpoint_has_events_and_no_event_has_two(
    world: SampleData, journey: JourneyMap
) -> None:
    kinds = world.events.group_by(["event", "channel", "page", "store"]).aggregate(
        [("event", "count")]
    )
    hits: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    for row in kinds.to_pylist():
        found = _touchpoints_of(journey, row)
        assert len(found) <= 1, (row, found)
        for tp in found:
            hits[tp] += row["event_count"]
        if not found:
            unmapped[row["event"]] += row["event_count"]
    assert set(hits) == {tp.id for tp in journey.touchpoints}
    assert {"page_scroll", "app_heartbeat", "login"} <= set(unmapped)
    assert sum(unmapped.values()) < 0.5 * world.events.num_rows


def test_feedback_uses_map_touchpoints_and_scales(
    world: SampleData, journey: JourneyMap, db: duckdb.DuckDBPyConnection
) -> None:
    touchpoints = {tp.id for tp in journey.touchpoints}
    assert set(world.feedback["touchpoint"].to_pylist()) <= touchpoints
    for metric, low, high in _rows(
        db, "SELECT metric, min(score), max(score) FROM feedback GROUP BY ALL"
    ):
        assert SCALES[str(metric)][0] <= low and high <= SCALES[str(metric)][1], metric
    assert set(world.feedback["metric"].to_pylist()) == set(SCALES)
    languages = dict(_rows(db, "SELECT language, count(*) FROM feedback GROUP BY ALL"))
    assert set(languages) == {"es", "en", None}
    assert languages["es"] > 3 * languages["en"] > 0
    assert (
        _number(db, "SELECT count(*) FROM feedback WHERE (comment IS NULL) <> (language IS NULL)")
        == 0
    )
    assert _number(db, "SELECT count(DISTINCT comment) FROM feedback") > 80


# Identities, sessions, ties


def test_anonymous_visitors_are_later_identified(db: duckdb.DuckDBPyConnection) -> None:
    assert (
        _number(
            db,
            """
        SELECT count(*) FROM (
            SELECT anonymous_id FROM events WHERE anonymous_id IS NOT NULL
              AND user_id IS NOT NULL GROUP BY ALL HAVING count(DISTINCT user_id) > 1
        )""",
        )
        == 0
    )
    stitched = _number(
        db,
        """
        WITH firsts AS (
            SELECT anonymous_id, min(rn) FILTER (user_id IS NULL) AS anonymous,
                   min(rn) FILTER (user_id IS NOT NULL) AS known
            FROM events WHERE anonymous_id IS NOT NULL GROUP BY ALL
        )
        SELECT count(*) FROM firsts WHERE anonymous < known""",
    )
    assert stitched > 500
    two_devices = _number(
        db,
        """
        SELECT count(*) FROM (
            SELECT user_id FROM events WHERE anonymous_id IS NOT NULL AND user_id IS NOT NULL
            GROUP BY ALL HAVING count(DISTINCT anonymous_id) > 1
        )""",
    )
    assert two_devices > 50
    in_store = _rows(
        db,
        """
        SELECT count(*), count(user_id), count(anonymous_id) FROM events WHERE channel = 'cafes'
    """,
    )
    total, with_user, with_anon = in_store[0]
    assert total == with_user and with_anon == 0


def test_same_second_ties(db: duckdb.DuckDBPyConnection) -> None:
    ties = _number(
        db,
        """
        SELECT count(*) FROM (
            SELECT coalesce(user_id, anonymous_id), timestamp FROM events
            GROUP BY ALL HAVING count(*) > 1
        )""",
    )
    assert ties > 1_000


def test_sessions_follow_the_30_minute_rule(db: duckdb.DuckDBPyConnection) -> None:
    db.execute("""
        CREATE OR REPLACE TEMP TABLE sessions AS
        WITH links AS (
            SELECT anonymous_id, min(user_id) AS user_id FROM events
            WHERE anonymous_id IS NOT NULL AND user_id IS NOT NULL GROUP BY ALL
        )
        SELECT session_id, min(coalesce(e.user_id, l.user_id, e.anonymous_id)) AS person,
               count(DISTINCT coalesce(e.user_id, l.user_id, e.anonymous_id)) AS people,
               min(ts) AS first, max(ts) AS last
        FROM events e LEFT JOIN links l USING (anonymous_id)
        WHERE session_id IS NOT NULL GROUP BY ALL
    """)
    assert _number(db, "SELECT max(people) FROM sessions") == 1
    gaps = _number(
        db,
        """
        SELECT count(*) FROM (
            SELECT ts - lag(ts) OVER (PARTITION BY session_id ORDER BY rn) AS gap
            FROM events WHERE session_id IS NOT NULL
        ) WHERE gap >= INTERVAL 30 MINUTE""",
    )
    assert gaps == 0
    close = _number(
        db,
        """
        SELECT count(*) FROM (
            SELECT first - lag(last) OVER (PARTITION BY person ORDER BY first) AS gap
            FROM sessions
        ) WHERE gap < INTERVAL 30 MINUTE""",
    )
    assert close == 0
    midnight = _number(
        db,
        """
        SELECT count(*) FROM sessions
        WHERE CAST(timezone('Europe/Madrid', timezone('UTC', first)) AS DATE)
           <> CAST(timezone('Europe/Madrid', timezone('UTC', last)) AS DATE)""",
    )
    assert midnight == 0


def test_routes_loops_skips_and_churn(db: duckdb.DuckDBPyConnection) -> None:
    loops = _number(
        db,
        """
        SELECT count(DISTINCT session_id) FROM (
            SELECT session_id, event,
                   lag(event) OVER (PARTITION BY session_id ORDER BY rn) AS before,
                   lag(event, 2) OVER (PARTITION BY session_id ORDER BY rn) AS before2
            FROM events WHERE session_id IS NOT NULL
        ) WHERE event = 'product_view' AND before = 'add_to_cart' AND before2 = 'product_view'
    """,
    )
    assert loops > 100
    direct = _number(
        db,
        """
        SELECT count(DISTINCT session_id) FROM events
        WHERE session_id IN (SELECT session_id FROM events WHERE event = 'ad_click')
          AND session_id IN (SELECT session_id FROM events WHERE event = 'order_completed')
    """,
    )
    assert direct > 20
    repeaters = _number(
        db,
        """
        SELECT count(*) FROM (
            SELECT user_id FROM events WHERE event = 'order_completed' GROUP BY ALL
            HAVING count(*) >= 2
        )""",
    )
    assert repeaters > 100
    quiet = _number(
        db,
        """
        SELECT count(*) FROM (
            SELECT user_id, max(ts) AS last FROM events WHERE event = 'store_purchase'
            GROUP BY ALL HAVING count(*) >= 3
        ) WHERE last < TIMESTAMP '2026-07-01'""",
    )
    assert quiet > 50
    for event in ("support_contact", "review_posted", "referral_sent", "reward_redeemed"):
        assert _number(db, f"SELECT count(*) FROM events WHERE event = '{event}'") > 20, event


# Files


def test_write_makes_the_four_files(world: SampleData, tmp_path: Path) -> None:
    small = generate(people=300, seed=5)
    files = write(small, tmp_path / "out")
    assert pq.read_table(files.events).equals(small.events)
    people = pacsv.read_csv(files.people)
    assert people.column_names == list(PEOPLE_COLUMNS)
    assert people.num_rows == small.people.num_rows
    assert people.schema.field("newsletter").type == pa.bool_()
    header, first = files.people.read_text(encoding="utf-8").splitlines()[:2]
    assert header == ",".join(PEOPLE_COLUMNS)
    assert first.split(",")[-1] in ("true", "false")
    feedback = pacsv.read_csv(files.feedback)
    assert feedback.column_names == list(FEEDBACK_COLUMNS)
    assert feedback.num_rows == small.feedback.num_rows
    assert files.journey.read_bytes() == world.journey_path.read_bytes()
    assert load_map(files.journey).meta.name == "Café Altura"


# The comment bank


def test_comment_bank_is_consistent() -> None:
    for (topic, polarity), by_lang in BANK.items():
        assert set(by_lang) == {"es", "en"}
        for text in by_lang["es"] + by_lang["en"]:
            staff = bool(STAFF_COMPLAINT.search(text))
            assert staff == ((topic, polarity) == ("staff_manners", "negative")), text
            if (topic, polarity) == ("website", "negative"):
                assert CHECKOUT_COMPLAINT.search(text), text


# Planted truths


@pytest.mark.parametrize("truth", PLANTED_TRUTHS, ids=lambda t: t.id)
def test_planted_truth_holds_at_default_size(world: SampleData, truth: Truth) -> None:
    assert truth.check(world), truth.figures(world)


@pytest.fixture(scope="module", params=[11, 23], ids=lambda s: f"seed{s}")
def small_world(request: pytest.FixtureRequest) -> SampleData:
    return generate(people=2000, seed=request.param)


@pytest.mark.parametrize("truth", PLANTED_TRUTHS, ids=lambda t: t.id)
def test_planted_truth_holds_in_smaller_worlds(small_world: SampleData, truth: Truth) -> None:
    assert truth.check(small_world), truth.figures(small_world)


def test_truths_have_both_languages() -> None:
    assert len(PLANTED_TRUTHS) >= 4
    assert len({t.id for t in PLANTED_TRUTHS}) == len(PLANTED_TRUTHS)
    for truth in PLANTED_TRUTHS:
        assert truth.statement and truth.statement_es and truth.statement != truth.statement_es
