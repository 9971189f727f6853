"""The harness itself, proved with what exists: placement, rules, windows and timestamps."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from typing import Any

import ibis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.touchpoints import assign_touchpoints
from recorrido.map.loader import parse_map
from recorrido.map.models import JourneyMap
from recorrido.map.rule_compile import compile_rule, evaluate_rule
from recorrido.map.rules import parse_rule
from recorrido.map.validate import EVENT_FIELDS
from tests.conformance.harness import assert_sql_snapshot, normalise, run_on

T0 = dt.datetime(2026, 3, 29, 0, 59, 59, 999_999)  # a DST change in Europe, none in UTC
US = dt.timedelta(microseconds=1)


def event(seq: int, name: str | None = None, **values: object) -> dict[str, object]:
    """A journey event of ``"ana"`` at ``T0``; other columns NULL unless given."""
    row = dict.fromkeys(JOURNEY_EVENTS.names) | {"unit": "ana", "person": "ana", "ts": T0}
    return row | {"seq": seq, "event": name} | values


# --- (a) touchpoints placed on the map, by event name and channel -------------------------------

SHOP = parse_map(
    textwrap.dedent(
        """\
        version: 1
        meta: {name: Shop, timezone: Europe/Madrid}
        stages:
          - {id: awareness, name: Awareness}
          - {id: purchase, name: Purchase}
          - {id: support, name: Support}
        channels:
          - {id: ads, name: Ads, type: ad, kind: paid}
          - {id: web, name: Web, type: website}
          - {id: shop, name: Shop, type: store, online: false}
        touchpoints:
          - {id: ad_click, name: Ad, channel: ads, stage: awareness, match: {event: ad_click}}
          - {id: web_order, name: Web order, channel: web, stage: purchase,
             match: {event: purchase, channel: [web, app]}}
          - {id: shop_order, name: Shop order, channel: shop, stage: purchase,
             match: {event: purchase, channel: store}}
          - {id: help, name: Help, channel: web, stage: support,
             match: {event: [support_chat, support_call]}}
        buyer_journey: {steps: [awareness, purchase], conversion: web_order}
        """
    )
)

PLACEMENT_ROWS = [
    event(1, "ad_click", channel="instagram"),
    event(2, "ad_click"),
    event(3, "purchase", channel="web"),
    event(4, "purchase", channel="app"),
    event(5, "purchase", channel="store"),
    event(6, "purchase", channel="Web"),
    event(7, "purchase"),
    event(8, "support_call", channel="phone"),
    event(9, "support_chat"),
    event(10, "page_view", channel="web"),
    event(11, "Purchase", channel="web"),
    event(12, None, channel="web"),
]


def placed(record: dict[str, Any], journey: JourneyMap) -> tuple[str | None, str | None]:
    """Plain-Python placement: the touchpoint whose event names and channels match."""
    for tp in journey.touchpoints:
        channels = tp.match.channel
        if record["event"] in tp.match.event and (
            channels is None or record["channel"] in channels
        ):
            return tp.id, tp.stage
    return None, None


def test_touchpoints_by_event_and_channel(backend: str) -> None:
    got = run_on(
        backend,
        lambda t: assign_touchpoints(t, SHOP).select("seq", "touchpoint", "stage"),
        PLACEMENT_ROWS,
    )
    expected = [
        dict(zip(("seq", "touchpoint", "stage"), (row["seq"], *placed(row, SHOP)), strict=True))
        for row in PLACEMENT_ROWS
    ]
    assert got == normalise(expected)
    assert {row["touchpoint"] for row in got} == {
        None,
        "ad_click",
        "web_order",
        "shop_order",
        "help",
    }


# --- (b) rules on plain columns, against evaluate_rule ------------------------------------------

TEXTS = ["", "web", "Web", "app", "store", "a%b", "a_b", "é", "10", "web "]
NUMBERS = [-1.5, 0, 0.1, 2, 3, 10, 1e21]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def leaves(draw: st.DrawFn) -> str:
    """One comparison on ``event``, ``channel`` or ``value``."""
    field = draw(st.sampled_from(["event", "channel", "value"]))
    quote = _quote if field != "value" else repr
    values = draw(st.lists(st.sampled_from(TEXTS if field != "value" else NUMBERS), min_size=1))
    op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]))
    negated = draw(st.sampled_from(["", "not "]))
    choices = [
        f"{field} {op} {quote(values[0])}",
        f"{field} {negated}in [{', '.join(map(quote, values))}]",
        f"{field} is {negated}null",
    ]
    if field != "value":
        verb = draw(st.sampled_from(["contains", "startswith"]))
        choices.append(f"{field} {negated}{verb} {_quote(draw(st.sampled_from(TEXTS)))}")
    return draw(st.sampled_from(choices))


@st.composite
def rules(draw: st.DrawFn, depth: int = 0) -> str:
    """A rule text over the plain event fields: leaves under and, or, not."""
    shape = draw(st.sampled_from(["leaf", "and", "or", "not"] if depth < 2 else ["leaf"]))
    if shape == "leaf":
        return draw(leaves())
    if shape == "not":
        return f"not ({draw(rules(depth + 1))})"
    items = draw(st.lists(rules(depth + 1), min_size=2, max_size=3))
    return f" {shape} ".join(f"({item})" for item in items)


plain_events = st.lists(
    st.fixed_dictionaries(
        {
            "event": st.none() | st.sampled_from(TEXTS),
            "channel": st.none() | st.sampled_from(TEXTS),
            "value": st.none() | st.sampled_from([*NUMBERS, float("nan")]),
        }
    ),
    min_size=1,
    max_size=8,
)


def rule_columns(texts: list[str], json_columns: tuple[str, ...] = ()) -> Any:
    """A ``build`` selecting ``seq`` and one boolean column ``r<i>`` per rule."""

    def build(t: ibis.Table) -> ibis.Table:
        return t.select(
            "seq",
            **{
                f"r{i}": compile_rule(parse_rule(text), t, EVENT_FIELDS, json_columns=json_columns)
                for i, text in enumerate(texts)
            },
        )

    return build


def reference(
    texts: list[str], rows: list[dict[str, object]], json_columns: tuple[str, ...] = ()
) -> list[dict[str, object]]:
    """What :func:`rule_columns` must give, by :func:`evaluate_rule`."""
    return [
        {"seq": row["seq"]}
        | {
            f"r{i}": evaluate_rule(parse_rule(text), row, EVENT_FIELDS, json_columns=json_columns)
            for i, text in enumerate(texts)
        }
        for row in rows
    ]


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(rules(), min_size=1, max_size=6), records=plain_events)
def test_rules_on_plain_columns(
    backend: str, texts: list[str], records: list[dict[str, object]]
) -> None:
    rows = [event(seq, **record) for seq, record in enumerate(records)]
    got = run_on(backend, rule_columns(texts), rows)
    assert got == normalise(reference(texts, rows)), texts


# --- (c) rules on properties.* (JSON text) -----------------------------------------------------

PROPERTY_DOCS = [
    {"store": "centro", "qty": 3, "price": 2.50, "gift": True, "tags": ["a"]},
    {"store": "norte", "qty": "3", "price": "1e3", "gift": "false", "more": {"floor": 2}},
    {"store": "Centro", "qty": -0.5, "price": None, "gift": False},
    {"store": "", "qty": "three", "more": {"floor": "2"}},
    {"qty": 1e21},
]
PROPERTY_TEXTS = [  # as written: escapes, number spellings each engine renders differently
    r'{"store": "say \"hi\" \u00e9", "qty": 2.50, "price": 1E+2, "more": {"floor": 1e-7}}',
    '{"store": "{not an object}", "qty": 1e20, "price": -0.0, "gift": null, "tags": {}}',
    '{"store": "[1]", "qty": 123456789.25, "price": 0.001, "more": {"floor": 2.0}}',
]
PROPERTY_ROWS = [
    event(seq, "purchase", properties=text)
    for seq, text in enumerate(
        [
            *map(json.dumps, PROPERTY_DOCS),
            *PROPERTY_TEXTS,
            None,
            "not json",
            "[1, 2]",
            '"store"',
            "{}",
            '{"store": "x"} 1',
            '{"store": "x"}, {"qty": 1}',
        ]
    )
]
PROPERTY_RULES = [
    'properties.store == "centro"',
    'properties.store in ["norte", "Centro"]',
    'properties.store startswith "c"',
    "properties.store is null",
    "properties.qty >= 3",
    "properties.qty < 0",
    'properties.qty == "3"',
    "properties.price > 2",
    "properties.gift == true",
    "properties.gift == false",
    'properties.tags is not null or properties.more.floor == "2"',
    "properties.more.floor == 2",
    'properties.store contains \'"hi"\' or properties.store startswith "{"',
    'properties.store in ["[1]", "say \\"hi\\" é"]',
    'properties.qty in ["2.5", "100000000000000000000.0", "123456789.25", "1e21"]',
    'properties.price in ["100.0", "-0.0", "0.001", "1000.0"]',
    'properties.more.floor in ["1e-7", "2.0", "2"]',
    "properties.gift is null and properties.tags is null",
]


def test_rules_on_json_properties(backend: str) -> None:
    got = run_on(backend, rule_columns(PROPERTY_RULES, ("properties",)), PROPERTY_ROWS)
    assert got == normalise(reference(PROPERTY_RULES, PROPERTY_ROWS, ("properties",)))


def test_json_property_sql_snapshot() -> None:
    rules = ['properties.store == "centro"', "properties.more.floor >= 2"]
    build = rule_columns(rules, ("properties",))
    assert_sql_snapshot("rules_on_properties", build(ibis.table(JOURNEY_EVENTS, "journey_events")))


# --- (d) windows: ordering with tie-breaks, microsecond gaps --------------------------------------

WINDOW_ROWS = [
    event(5, "b", ts=T0 + US),
    event(3, "a", ts=T0),
    event(4, "a", ts=T0),  # same ts as seq 3: seq breaks the tie
    event(9, "c", ts=T0 + dt.timedelta(hours=1, microseconds=1)),
    event(1, "z", ts=T0 + dt.timedelta(days=400)),
    event(2, "x", unit="bea", ts=dt.datetime(1970, 1, 1)),
    event(7, "y", unit="bea", ts=dt.datetime(1970, 1, 1)),
    event(6, "w", unit=None, ts=T0),
    event(8, "w", unit=None, ts=T0 - US),
]


def window_smoke(t: ibis.Table) -> ibis.Table:
    """Step number and microseconds since the previous event, per unit."""
    order = [t.ts, t.seq]
    return t.select(
        "unit",
        "seq",
        step=ibis.row_number().over(group_by=t.unit, order_by=order),
        gap_us=t.ts.delta(t.ts.lag().over(group_by=t.unit, order_by=order), unit="microsecond"),
    )


def window_reference(rows: list[dict[str, Any]]) -> list[dict[str, object]]:
    result = []
    for unit in {row["unit"] for row in rows}:
        ordered = sorted((r for r in rows if r["unit"] == unit), key=lambda r: (r["ts"], r["seq"]))
        previous = None
        for step, row in enumerate(ordered):
            gap = None if previous is None else (row["ts"] - previous) // US
            result.append({"unit": unit, "seq": row["seq"], "step": step, "gap_us": gap})
            previous = row["ts"]
    return result


def test_window_order_ties_and_gaps(backend: str) -> None:
    got = run_on(backend, window_smoke, WINDOW_ROWS)
    assert got == normalise(window_reference(WINDOW_ROWS))
    gaps = {r["seq"]: r["gap_us"] for r in got if r["unit"] == "ana"}
    assert gaps == {3: None, 4: 0, 5: 1, 9: 3_600_000_000, 1: 34_556_399_999_999}


def test_window_sql_snapshot() -> None:
    assert_sql_snapshot(
        "window_smoke", window_smoke(ibis.table(JOURNEY_EVENTS, name="journey_events"))
    )


# --- timestamps come back as they went in ---------------------------------------------------------


def test_timestamps_round_trip_as_naive_utc(backend: str) -> None:
    moments = [T0, T0 + US, dt.datetime(1970, 1, 1), dt.datetime(2099, 12, 31, 23, 59, 59, 999_999)]
    rows = [event(seq, "x", ts=moment) for seq, moment in enumerate(moments)]
    got = run_on(
        backend,
        lambda t: t.select("seq", "ts", hour=t.ts.hour(), late=t.ts >= ibis.timestamp(T0 + US)),
        rows,
    )
    assert got == [
        {"seq": seq, "ts": moment, "hour": moment.hour, "late": moment >= T0 + US}
        for seq, moment in enumerate(moments)
    ]
