"""The report on awkward maps: a journey with 30 stages and names hundreds of characters long,
a persona with no people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from recorrido import Journey
from recorrido.cli import run
from recorrido.ingest import ingest_events, ingest_people
from recorrido.report import render_report
from recorrido.store import Store

from .test_report import figures

LONG = "Etapa con un nombre larguísimo " * 8  # about 250 characters


def _world(folder: Path, stages: int = 30) -> Path:
    """A map of ``stages`` stages (one web touchpoint each, long names) and 40 people who walk
    part of it; one persona that nobody matches."""
    lines = [
        "version: 1",
        "meta: {name: Prueba, language: es, timezone: UTC, currency: EUR}",
        "stages:",
        *(f"  - {{id: s{i:02d}, name: '{LONG}{i}'}}" for i in range(stages)),
        "channels:",
        "  - {id: web, name: Web, type: website}",
        "attributes:",
        "  tier: {type: string}",
        "personas:",
        "  - {id: nadie, name: Nadie, assign: 'tier == \"gold\"'}",
        "touchpoints:",
        *(
            f"  - {{id: t{i:02d}, name: 'Punto {LONG}{i}', channel: web, stage: s{i:02d}, "
            f"match: {{event: e{i:02d}}}}}"
            for i in range(stages)
        ),
        f"buyer_journey: {{steps: [{', '.join(f's{i:02d}' for i in range(stages))}], "
        f"conversion: t{stages - 1:02d}}}",
    ]
    (folder / "journey.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = dt.datetime(2026, 3, 1, 9)
    rows = ["user_id,timestamp,event"]
    for person in range(40):
        for step in range(person % stages + 1):
            moment = start + dt.timedelta(days=person % 20, minutes=7 * step)
            rows.append(f"p{person},{moment.isoformat()}Z,e{step:02d}")
    (folder / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    people = ["customer_id,tier", *(f"p{person},silver" for person in range(40))]
    (folder / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    path = folder / "recorrido.duckdb"
    with Store.open(path, create=True) as store:
        ingest_people(store, folder / "people.csv", declared={"tier": "string"})
        ingest_events(store, folder / "events.csv")
    return path


def test_thirty_stages_and_long_names(tmp_path: Path) -> None:
    path = _world(tmp_path)
    with Journey(path) as journey:
        page = render_report(journey, lang="es", today=dt.date(2026, 11, 30))
    maps = page.count('class="mapview"')  # all customers and one per persona (a persona)
    assert maps == 2
    assert page.count('<div class="stage"') == 30 * maps
    assert "grid-template-columns: 130px repeat(30, minmax(150px, 1fr))" in page
    assert "overflow-wrap:anywhere" in page  # long names wrap instead of overlapping
    charts = figures(page)
    assert len(charts["funnel"]["data"][0]["y"]) == 30  # type: ignore[index]
    assert "No disponible: el almacén no tiene respuestas de encuesta" in page


def test_a_persona_with_no_people(tmp_path: Path) -> None:
    path = _world(tmp_path, stages=5)
    output = tmp_path / "nadie.html"
    assert run(["report", "--store", str(path), "-o", str(output), "--persona", "nadie"]) == 0
    page = output.read_text(encoding="utf-8")
    assert "Persona: Nadie" in page
    assert "no hay eventos en este periodo o para esta persona" in page
