"""Placing events on the map (touchpoints, stages) and people in personas."""

from __future__ import annotations

import json
import textwrap

import ibis
from hypothesis import given, settings
from hypothesis import strategies as st

from recorrido.analysis import assign_personas, assign_touchpoints
from recorrido.map.loader import parse_map
from recorrido.map.models import JourneyMap
from recorrido.map.rule_compile import evaluate_rule
from recorrido.map.rules import parse_rule
from recorrido.map.validate import EVENT_FIELDS, person_fields

CAFE = parse_map(
    textwrap.dedent(
        """\
        version: 1
        meta: {name: Café, timezone: Europe/Madrid}
        stages:
          - {id: awareness, name: Conciencia}
          - {id: purchase, name: Compra}
          - {id: post_purchase, name: Posventa}
        attributes:
          segment: {type: string}
          lifetime_value: {type: number}
          newsletter: {type: boolean}
        personas:
          - {id: premium, name: Premium, assign: 'segment == "premium" or lifetime_value >= 500'}
          - {id: economy, name: Económico, assign: 'segment == "economy"'}
        channels:
          - {id: ads, name: Anuncios, type: ad, kind: paid}
          - {id: web, name: Web, type: website}
          - {id: cafe, name: Cafeterías, type: store, online: false}
        touchpoints:
          - {id: ad_click, name: Anuncio, channel: ads, stage: awareness,
             match: {event: ad_click}}
          - {id: web_order, name: Pedido web, channel: web, stage: purchase,
             match: {event: purchase, channel: web}}
          - id: centro_visit
            name: Café centro
            channel: cafe
            stage: purchase
            match: {event: purchase, channel: store, where: 'properties.store == "centro"'}
          - id: other_visit
            name: Otros cafés
            channel: cafe
            stage: purchase
            match:
              event: purchase
              channel: store
              where: 'properties.store in ["norte", "playa"]'
          - {id: support, name: Soporte, channel: web, stage: post_purchase,
             match: {event: [support_chat, support_call]}}
        buyer_journey: {steps: [awareness, purchase], conversion: web_order}
        """
    )
)


def placed(rows: list[dict[str, object]], journey: JourneyMap = CAFE) -> list[tuple[object, ...]]:
    table = ibis.memtable(
        rows,
        schema={
            "event": "string",
            "channel": "string",
            "value": "float64",
            "properties": "string",
        },
    )
    result = assign_touchpoints(table, journey).select("event", "touchpoint", "stage")
    return [tuple(r.values()) for r in ibis.duckdb.connect().to_pyarrow(result).to_pylist()]


def row(event: str, channel: str | None = None, store: str | None = None) -> dict[str, object]:
    props = json.dumps({"store": store}) if store else None
    return {"event": event, "channel": channel, "value": None, "properties": props}


def test_events_get_their_touchpoint_and_stage() -> None:
    assert placed(
        [
            row("ad_click", "instagram"),
            row("purchase", "web"),
            row("purchase", "store", "centro"),
            row("purchase", "store", "playa"),
            row("purchase", "store", "aeropuerto"),
            row("support_call"),
            row("page_scroll", "web"),
        ]
    ) == [
        ("ad_click", "ad_click", "awareness"),
        ("purchase", "web_order", "purchase"),
        ("purchase", "centro_visit", "purchase"),
        ("purchase", "other_visit", "purchase"),
        ("purchase", None, None),
        ("support_call", "support", "post_purchase"),
        ("page_scroll", None, None),
    ]


def reference(record: dict[str, object], journey: JourneyMap) -> str | None:
    """Plain-Python touchpoint of one event: the one touchpoint whose match holds."""
    found = []
    for tp in journey.touchpoints:
        match = tp.match
        if record["event"] not in match.event:
            continue
        if match.channel is not None and record["channel"] not in match.channel:
            continue
        if match.where is not None and not evaluate_rule(
            parse_rule(match.where), record, EVENT_FIELDS, json_columns=("properties",)
        ):
            continue
        found.append(tp.id)
    assert len(found) <= 1, found
    return found[0] if found else None


events = st.lists(
    st.builds(
        row,
        st.sampled_from(["ad_click", "purchase", "support_chat", "support_call", "page_scroll"]),
        st.sampled_from([None, "web", "store", "instagram"]),
        st.sampled_from([None, "centro", "norte", "playa", "aeropuerto"]),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(rows=events)
def test_duckdb_placement_equals_the_python_reference(rows: list[dict[str, object]]) -> None:
    got = [touchpoint for _, touchpoint, _ in placed(rows)]
    assert got == [reference(r, CAFE) for r in rows]


def test_personas_first_matching_rule_wins() -> None:
    people = ibis.memtable(
        [
            {"person_id": "ana", "segment": "premium", "lifetime_value": 10.0, "newsletter": True},
            {
                "person_id": "luis",
                "segment": "economy",
                "lifetime_value": 900.0,
                "newsletter": False,
            },
            {"person_id": "eva", "segment": "economy", "lifetime_value": None, "newsletter": None},
            {"person_id": "sin", "segment": None, "lifetime_value": None, "newsletter": None},
        ]
    )
    result = assign_personas(people, CAFE).select("person_id", "persona")
    got = ibis.duckdb.connect().to_pyarrow(result).to_pylist()
    assert [(r["person_id"], r["persona"]) for r in got] == [
        ("ana", "premium"),
        ("luis", "premium"),
        ("eva", "economy"),
        ("sin", None),
    ]
    assert person_fields(CAFE) == {
        "segment": "string",
        "lifetime_value": "number",
        "newsletter": "boolean",
    }
