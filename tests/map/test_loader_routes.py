"""The ``routes:`` section of journey.yaml: designed routes besides the buyer journey."""

from __future__ import annotations

import json

import pytest
from tests.map.test_loader import VALID, problems_of

from recorrido.cli import run
from recorrido.errors import MapError
from recorrido.map.loader import parse_map
from recorrido.map.models import RouteKind
from recorrido.map.templates import TEMPLATES, template_map

ROUTES = """\
routes:
  - id: directa
    name: Del anuncio a la compra
    kind: direct_purchase
    steps: [ad_click, order]
  - id: por_etapas
    name: Por etapas
    steps: [awareness, purchase]
"""


def with_routes(routes: str = ROUTES) -> str:
    return VALID + routes


def test_routes_parse_with_their_kind_and_level() -> None:
    journey = parse_map(with_routes())
    direct, staged = journey.routes
    assert (direct.id, direct.kind, direct.steps) == (
        "directa",
        RouteKind.direct_purchase,
        ["ad_click", "order"],
    )
    assert staged.kind is RouteKind.other  # the default
    assert journey.steps_level(direct.steps) == "touchpoint"
    assert journey.steps_level(staged.steps) == "stage"
    assert parse_map(VALID).routes == []


def test_an_unknown_step_is_located_and_names_the_closest_id() -> None:
    (problem,) = problems_of(with_routes(ROUTES.replace("[ad_click, order]", "[ad_click, ordr]")))
    assert problem == (
        "journey.yaml:38:23: routes[0].steps[1]: unknown step 'ordr': steps are stage or "
        "touchpoint ids; did you mean 'order'? (valid: ad_click, awareness, order, purchase)"
    )


def test_a_route_needs_two_steps() -> None:
    text = with_routes(ROUTES.replace("[awareness, purchase]", "[awareness]"))
    with pytest.raises(MapError) as caught:
        parse_map(text)
    assert caught.value.code == "map_route_too_short"
    (problem,) = problems_of(text)
    assert problem.startswith("journey.yaml:41:12: routes[1].steps: a route needs at least 2 steps")


def test_duplicate_route_ids() -> None:
    (problem,) = problems_of(with_routes(ROUTES.replace("id: por_etapas", "id: directa")))
    assert problem.startswith("journey.yaml:39:9: routes[1].id: duplicate id 'directa'")


def test_route_steps_do_not_mix_stages_and_touchpoints() -> None:
    (problem,) = problems_of(
        with_routes(ROUTES.replace("[ad_click, order]", "[ad_click, purchase]"))
    )
    assert "routes[0].steps: steps mix stages and touchpoints" in problem


def test_unknown_key_and_kind() -> None:
    found = problems_of(with_routes(ROUTES.replace("    kind: direct_purchase", "    knd: other")))
    assert any("routes[0].knd: unknown key 'knd'; did you mean 'kind'?" in p for p in found)
    (problem,) = problems_of(with_routes(ROUTES.replace("kind: direct_purchase", "kind: direct")))
    assert "routes[0].kind" in problem and "direct_purchase" in problem


def test_unforeseen_touchpoints_are_off_the_buyer_journey_and_the_routes() -> None:
    text = VALID.replace("steps: [awareness, purchase]", "steps: [ad_click, order]")
    assert parse_map(text).unforeseen_touchpoints() == []
    text = text.replace("steps: [ad_click, order]", "steps: [order]")
    assert parse_map(text).unforeseen_touchpoints() == ["ad_click"]
    assert parse_map(text + ROUTES).unforeseen_touchpoints() == []


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_templates_have_routes_on_their_own_touchpoints(name: str) -> None:
    routes = template_map(name, "en")["routes"]
    kinds = {route["kind"] for route in routes}
    assert {"informative", "direct_purchase"} <= kinds
    assert ("support" in kinds) == (name == "seven-stages")


def test_the_json_schema_describes_routes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    route = schema["$defs"]["Route"]
    assert route["properties"]["steps"]["minItems"] == 2
    assert route["additionalProperties"] is False
    assert set(schema["$defs"]["RouteKind"]["enum"]) == {
        "informative",
        "direct_purchase",
        "support",
        "other",
    }
