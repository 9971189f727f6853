"""One journey map per persona next to the all-customers map, with the persona's own numbers."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from recorrido import Journey
from recorrido.analysis.experience import MIN_SAMPLE
from recorrido.report import render_report
from recorrido.report.facts import Facts
from recorrido.report.i18n import Text
from recorrido.report.mapview import persona_views
from recorrido.report.personas import persona_layers

_PERSONA_SQL = """
SELECT persona, count(DISTINCT person) FROM (
  SELECT coalesce(e.person_id, i.person_id) AS person,
         CASE WHEN p.segment = 'premium' THEN 'lucia_origen'
              WHEN p.segment = 'office' THEN 'jorge_oficina'
              WHEN p.preferred_store IN ('centro', 'norte', 'playa') THEN 'marta_de_barrio'
              WHEN p.segment = 'economy' THEN 'pablo_economico' END AS persona
  FROM events e
  LEFT JOIN (SELECT anonymous_id, arg_min(person_id, (first_seen, seq)) AS person_id
             FROM identities GROUP BY anonymous_id) i ON e.anonymous_id = i.anonymous_id
  JOIN people p ON p.person_id = coalesce(e.person_id, i.person_id)
  WHERE e.event = 'add_to_cart' AND e.channel = 'website'
) WHERE persona IS NOT NULL GROUP BY persona
"""


def _direct_cart_reach(store: Path) -> dict[str, int]:
    """People of each persona who added to the cart on the website, by plain SQL (the sample
    map's persona rules, first match in map order; anonymous events stitched)."""
    with duckdb.connect(str(store), read_only=True) as con:
        return {str(k): int(v) for k, v in con.execute(_PERSONA_SQL).fetchall()}


def test_the_report_has_a_map_per_persona_and_one_for_everyone(
    report_store: Path, reports: dict[str, str]
) -> None:
    with Journey(report_store) as journey:
        assert journey.map is not None
        assigned = [p for p in journey.map.personas if p.assign]
    for lang, page in reports.items():
        panels = re.findall(r'class="mapview" id="mapview-panel-\d+" data-persona="([^"]+)"', page)
        assert panels == ["all", *[p.id for p in assigned]]
        # every panel can be chosen, the first is chosen, and CSS shows the chosen one only
        assert page.count('name="mapview"') == len(panels)
        assert 'id="mapview-1" checked' in page
        for i in range(1, len(panels) + 1):
            assert f"#mapview-{i}:checked ~ #mapview-panel-{i}" in page
        for persona in assigned:
            assert persona.name in page
        assert ("Objetivos" if lang == "es" else "Goals") in page


def test_persona_numbers_are_the_personas_own(report_store: Path) -> None:
    with Journey(report_store) as journey, journey.cached():
        facts = Facts(journey)
        layers = persona_layers(facts)
        overall = {p["touchpoint"]: p["people"] for p in facts.painpoints()["painpoints"]}
    direct = _direct_cart_reach(report_store)
    assert set(layers) == {"lucia_origen", "jorge_oficina", "marta_de_barrio", "pablo_economico"}
    assert all(direct.values()) and set(direct) <= set(layers)
    for persona, layer in layers.items():
        assert layer["reach"].get("cart", 0) == direct.get(persona, 0)
    # personas split the people: per touchpoint, their sum never exceeds everyone's
    for touchpoint, people in overall.items():
        assert sum(layer["reach"].get(touchpoint, 0) for layer in layers.values()) <= people
    for layer in layers.values():
        assert layer["people"] >= max(layer["reach"].values(), default=0)
        assert len(layer["worst"]) <= 3
        assert all(value < 0 and n >= MIN_SAMPLE for _, value, n in layer["worst"])
        assert [w[1] for w in layer["worst"]] == sorted(w[1] for w in layer["worst"])


def test_persona_views_read_their_layers(report_store: Path) -> None:
    with Journey(report_store) as journey, journey.cached():
        facts = Facts(journey)
        views = persona_views(facts, Text("en"))
        layers = persona_layers(facts)
    assert [v["id"] for v in views] == list(layers)
    for view in views:
        shown = {
            tp["id"]: int(tp["people"].replace(",", ""))
            for column in view["columns"]
            for lane in column["lanes"]
            for tp in lane["touchpoints"]
        }
        reach = layers[view["id"]]["reach"]
        assert all(shown[tp] == reach.get(tp, 0) for tp in shown)
        assert all(not column["kpis"] for column in view["columns"])  # KPIs: all customers only


def test_a_report_of_one_persona_has_one_map(report_store: Path) -> None:
    with Journey(report_store) as journey:
        page = render_report(journey, lang="en", persona_scope=True)
    assert 'data-persona="' not in page
    assert page.count('<div class="map" role="table">') == 1
