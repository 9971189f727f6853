"""``Journey.conformance`` and ``Journey.routes`` (and their commands) on a small store."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from recorrido import Journey, UsageError
from recorrido.cli import run
from recorrido.ingest import ingest_events, ingest_people
from recorrido.store import Store

MAP = textwrap.dedent(
    """\
    version: 1
    meta: {name: Tienda, language: es, timezone: UTC}
    stages:
      - {id: awareness, name: Conciencia}
      - {id: consideration, name: Consideración}
      - {id: decision, name: Decisión}
      - {id: purchase, name: Compra}
      - {id: post_purchase, name: Posventa}
      - {id: advocacy, name: Promoción}
    attributes:
      segment: {type: string}
    personas:
      - {id: premium, name: Premium, assign: 'segment == "premium"'}
      - {id: economy, name: Económico, assign: 'segment == "economy"'}
    channels:
      - {id: web, name: Web, type: website}
      - {id: ads, name: Anuncios, type: ad, kind: paid}
      - {id: phone, name: Teléfono, type: phone}
    touchpoints:
      - {id: ad, name: Anuncio, channel: ads, stage: awareness, match: {event: ad_click}}
      - {id: product, name: Ficha, channel: web, stage: consideration,
         match: {event: product_view}}
      - {id: cart, name: Carrito, channel: web, stage: decision, match: {event: add_to_cart}}
      - {id: order, name: Pedido, channel: web, stage: purchase, match: {event: order_completed}}
      - {id: call, name: Llamada, channel: phone, stage: post_purchase,
         match: {event: support_contact}}
      - {id: review, name: Reseña, channel: web, stage: advocacy, match: {event: review_posted}}
    buyer_journey:
      steps: [awareness, consideration, decision, purchase]
      conversion: order
    routes:
      - {id: directa, name: Del anuncio a la compra, kind: direct_purchase, steps: [ad, order]}
      - {id: soporte, name: Soporte tras el pedido, kind: support, steps: [order, call]}
    """
)
JOURNEYS = {
    "ana": [("ad_click", "social"), ("order_completed", "web")],
    "eva": [("add_to_cart", "web"), ("product_view", "web")],
    "sol": [("ad_click", "search"), ("product_view", "web"), ("review_posted", "web"),
            ("add_to_cart", "web"), ("order_completed", "web"), ("support_contact", "phone"),
            ("order_completed", "web")],
    "luz": [("support_contact", "phone")],
}  # fmt: skip
"""ana: an ad straight to the purchase; eva: cart, then back to a product page; sol: every
stage in order, a review before buying (unforeseen) and a call after; luz: only a call."""


def write_shop(folder: Path, *, people: bool = True, journey_map: str = MAP) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "journey.yaml").write_text(journey_map, encoding="utf-8")
    events = folder / "events.csv"
    lines = ["user_id,timestamp,event,channel"]
    for person, steps in JOURNEYS.items():
        for minute, (event, channel) in enumerate(steps):
            lines.append(f"{person},2026-03-01T10:{minute:02d}:00Z,{event},{channel}")
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(folder / "recorrido.duckdb", create=True) as store:
        if people:
            roster = folder / "people.csv"
            roster.write_text("customer_id,segment\nana,premium\nsol,economy\n", encoding="utf-8")
            ingest_people(store, roster, declared={"segment": "string"})
        ingest_events(store, events)
    return folder / "recorrido.duckdb"


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_shop(tmp_path_factory.mktemp("shop"))


@pytest.fixture
def journey(shop: Path) -> Iterator[Journey]:
    with Journey(shop) as opened:
        yield opened


def test_the_default_output_keeps_moves_and_adds_deviations(journey: Journey) -> None:
    document = journey.conformance().to_dict()
    assert document["order"] == ["awareness", "consideration", "decision", "purchase"]
    assert document["summary"] == {
        "units": 3,
        "mean_fitness": pytest.approx((0.5 + 0.25 + 1.0) / 3),
        "conforming": 1,
        "out_of_order_units": 1,
    }
    assert {(m["source"], m["target"], m["kind"]) for m in document["moves"]} == {
        ("awareness", "purchase", "skip"),
        ("decision", "consideration", "backward"),
        ("awareness", "consideration", "forward"),
        ("consideration", "decision", "forward"),
        ("decision", "purchase", "forward"),
    }
    assert document["deviations"] == {
        "skipped": {"deviations": 2, "units": 1},
        "out_of_order": {"deviations": 1, "units": 1},
        "backward": {"deviations": 1, "units": 1},
        "unexpected": {"deviations": 1, "units": 1},
    }
    assert document["warnings"] == []


def test_by_stage_counts_deviations_where_they_happen(journey: Journey) -> None:
    rows = journey.conformance(by="stage").to_dict()["rows"]
    zero = {"skipped": 0, "out_of_order": 0, "backward": 0, "unexpected": 0}
    assert rows == [
        {"position": 1, "step": "awareness", "stage": "awareness", "reached": 2, **zero,
         "deviating_units": 0},
        {"position": 2, "step": "consideration", "stage": "consideration", "reached": 2,
         **zero, "skipped": 1, "unexpected": 1, "deviating_units": 2},
        {"position": 3, "step": "decision", "stage": "decision", "reached": 2, **zero,
         "skipped": 1, "out_of_order": 1, "backward": 1, "deviating_units": 2},
        {"position": 4, "step": "purchase", "stage": "purchase", "reached": 2, **zero,
         "deviating_units": 0},
    ]  # fmt: skip


def test_by_persona_channel_and_unit(journey: Journey) -> None:
    personas = journey.conformance(by="persona").rows()
    assert {
        r["persona"]: (r["units"], r["mean_fitness"], r["deviating_units"]) for r in personas
    } == {
        "premium": (1, 0.5, 1),
        "economy": (1, 1.0, 1),
        "(no persona)": (1, 0.25, 1),
    }
    channels = journey.conformance(by="channel").rows()
    assert {r["channel"]: (r["units"], r["skipped"], r["unexpected"]) for r in channels} == {
        "social": (1, 2, 0),
        "search": (1, 0, 1),
        "web": (1, 0, 0),
    }
    units = journey.conformance(by="unit").rows()
    assert units == [
        {"unit": "ana", "fitness": 0.5, "done": 2, "missed": 2, "skipped": 2,
         "out_of_order": 0, "backward": 0, "unexpected": 0},
        {"unit": "eva", "fitness": 0.25, "done": 2, "missed": 2, "skipped": 0,
         "out_of_order": 1, "backward": 1, "unexpected": 0},
        {"unit": "sol", "fitness": 1.0, "done": 4, "missed": 0, "skipped": 0,
         "out_of_order": 0, "backward": 0, "unexpected": 1},
    ]  # fmt: skip


def test_routes_count_their_units_and_conversions(journey: Journey) -> None:
    document = journey.routes().to_dict()
    assert document["units"] == 4 and document["conversion"] == "order"
    assert document["routes"] == [
        {"route": "directa", "name": "Del anuncio a la compra", "kind": "direct_purchase",
         "steps": ["ad", "order"], "units": 2, "share": 0.5, "converted": 2,
         "conversion_rate": 1.0},
        {"route": "soporte", "name": "Soporte tras el pedido", "kind": "support",
         "steps": ["order", "call"], "units": 1, "share": 0.25, "converted": 1,
         "conversion_rate": 1.0},
    ]  # fmt: skip
    assert [r["route"] for r in journey.routes(["soporte"]).rows()] == ["soporte"]


def test_bad_requests_name_the_fix(journey: Journey) -> None:
    with pytest.raises(UsageError, match=r"conformance by 'persna'.*did you mean 'persona'"):
        journey.conformance(by="persna")
    with pytest.raises(UsageError, match=r"own level \(stage\); drop level='event'"):
        journey.conformance(level="event")
    with pytest.raises(UsageError, match=r"unknown route 'soprte'; did you mean 'soporte'"):
        journey.routes(["soprte"])


def test_persona_needs_people_and_personas(tmp_path: Path) -> None:
    store = write_shop(tmp_path / "nobody", people=False)
    with Journey(store) as journey, pytest.raises(UsageError, match="the store has none"):
        journey.conformance(by="persona")
    no_rules = MAP.replace(", assign: 'segment == \"premium\"'", "").replace(
        ", assign: 'segment == \"economy\"'", ""
    )
    store = write_shop(tmp_path / "norules", journey_map=no_rules)
    with Journey(store) as journey, pytest.raises(UsageError, match="'assign' rule"):
        journey.conformance(by="persona")


def test_a_map_no_event_reaches_gives_zeros_and_a_warning(tmp_path: Path) -> None:
    elsewhere = MAP.replace("match: {event: ad_click}", "match: {event: banner_click}")
    elsewhere = elsewhere.replace("{event: product_view}", "{event: page_view}")
    elsewhere = elsewhere.replace("{event: add_to_cart}", "{event: basket}")
    elsewhere = elsewhere.replace("{event: order_completed}", "{event: purchase}")
    store = write_shop(tmp_path / "elsewhere", journey_map=elsewhere)
    with Journey(store) as journey:
        result = journey.conformance(by="stage")
        routes = journey.routes()
    document = result.to_dict()
    assert document["summary"] == {
        "units": 0,
        "mean_fitness": None,
        "conforming": 0,
        "out_of_order_units": 0,
    }
    assert all(row["reached"] == 0 and row["deviating_units"] == 0 for row in document["rows"])
    assert result.warnings and "no event reaches a step of the buyer journey" in result.warnings[0]
    assert [r["units"] for r in routes.rows()] == [0, 0]
    assert any("route 'directa': step 'ad' matches no event" in w for w in routes.warnings)


def test_a_map_without_routes(tmp_path: Path) -> None:
    store = write_shop(tmp_path / "plain", journey_map=MAP.split("routes:")[0])
    with Journey(store) as journey, pytest.raises(UsageError, match="the map has no routes"):
        journey.routes()


def test_the_commands_print_json_and_fail_in_one_line(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["conformance", str(shop), "--by", "persona", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["by"] == "persona" and document["request"]["by"] == "persona"
    assert {row["persona"] for row in document["rows"]} == {"premium", "economy", "(no persona)"}
    assert run(["routes", str(shop), "--route", "directa", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(r["route"], r["units"]) for r in document["routes"]] == [("directa", 2)]
    assert run(["conformance", str(shop), "--by", "stage"]) == 0
    printed = capsys.readouterr().out
    assert "deviations: skipped 2 (1 units)" in printed and "unexpected 1 (1 units)" in printed
    assert run(["routes", str(shop)]) == 0
    assert "soporte" in capsys.readouterr().out
    assert run(["conformance", str(shop), "--by", "canal"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "conformance by 'canal'" in err
