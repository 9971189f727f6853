"""The report of a small sample world: every section in Spanish and English, self-contained
(nothing is fetched), with readings that match the golden files; and bad input that is said
plainly instead of breaking the report."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from recorrido import Journey
from recorrido.cli import run
from recorrido.datasets import generate, write
from recorrido.ingest import ingest_events
from recorrido.map import load_map
from recorrido.report import render_report
from recorrido.store import Store

from .conftest import DAY

GOLDEN = Path(__file__).with_name("golden")
UPDATE = "RECORRIDO_UPDATE_GOLDEN"
SECTION_IDS = ("map", "buyer", "customer", "graph", "experience", "pain", "loyalty", "monitor")


@pytest.fixture(scope="module")
def store(report_store: Path) -> Path:
    return report_store


def readings(page: str) -> list[str]:
    """The report's words a person reads: titles, readings and notes, in order."""
    found = re.findall(r'<(h1|h2|h3|p class="(?:reading|note)")>(.*?)</', page, re.S)
    return [html.unescape(re.sub(r"\s+", " ", text)).strip() for _, text in found]


def figures(page: str) -> dict[str, dict[str, object]]:
    blob = re.search(r'<script type="application/json" id="figures">(.*?)</script>', page, re.S)
    assert blob is not None
    loaded: dict[str, dict[str, object]] = json.loads(blob.group(1))
    return loaded


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_section_and_chart_is_there(reports: dict[str, str], lang: str) -> None:
    page = reports[lang]
    assert f'<html lang="{lang}">' in page
    for section in SECTION_IDS:
        assert f'<section id="{section}">' in page
    charts = figures(page)
    expected = {"emotion", "funnel", "sankey", "routes", "conformance", "experience_csat",
                "painpoints", "drivers", "matrix", "retention"}  # fmt: skip
    assert expected <= set(charts)
    for chart_id, figure in charts.items():
        assert f'id="chart-{chart_id}"' in page
        assert figure["data"], chart_id  # no empty chart
        title = figure["layout"]["title"]["text"]  # type: ignore[index]
        assert title, chart_id
    assert page.count('class="reading"') >= len(charts)
    assert "Not available" not in page and "No disponible" not in page


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_page_fetches_nothing(reports: dict[str, str], lang: str) -> None:
    page = reports[lang]
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "Plotly.newPlot" in page and len(page) > 4_000_000  # plotly.js is embedded
    assert len(page) < 6_000_000


@pytest.mark.parametrize("lang", ["es", "en"])
def test_readings_match_the_golden_files(reports: dict[str, str], lang: str) -> None:
    got = "\n".join(readings(reports[lang])) + "\n"
    golden = GOLDEN / f"readings_{lang}.txt"
    if os.environ.get(UPDATE):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_spanish_and_english_read_differently(reports: dict[str, str]) -> None:
    es, en = readings(reports["es"]), readings(reports["en"])
    assert len(es) == len(en)
    assert "Mapa del recorrido del cliente · Café Altura" in es
    assert "Customer journey map · Café Altura" in en
    assert any("%" in line and " %" in line for line in es)  # "38 %" in Spanish


def test_cli_period_and_persona(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out" / "report.html"
    args = ["report", "--store", str(store), "-o", str(output), "--lang", "en"]
    assert run([*args, "--from", "2026-05-01", "--to", "2026-06-30",
                "--persona", "marta_de_barrio"]) == 0  # fmt: skip
    assert "wrote" in capsys.readouterr().out
    page = output.read_text(encoding="utf-8")
    assert "Period: 1 May 2026 – 30 Jun 2026 · Persona: Marta, clienta de barrio" in page
    assert run([*args, "--persona", "nobody"]) == 2
    assert "persona 'nobody'" in capsys.readouterr().err
    assert run([*args, "--from", "2026-07-01", "--to", "2026-06-01"]) == 2
    assert "swap them" in capsys.readouterr().err
    assert run([*args, "--from", "1 May"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run([*args, "--lang", "fr"]) == 2
    assert run(["report", "--store", str(tmp_path / "none.duckdb"), "-o", str(output)]) == 2


def test_a_period_without_data_says_so(store: Path, tmp_path: Path) -> None:
    output = tmp_path / "empty.html"
    args = ["report", "--store", str(store), "-o", str(output), "--lang", "en"]
    assert run([*args, "--from", "2030-01-01", "--to", "2030-01-31"]) == 0
    page = output.read_text(encoding="utf-8")
    assert "there are no events in this period or for this persona" in page
    assert page.count("Not available:") >= 3  # sections say why instead of breaking


def test_a_store_without_feedback_says_so(tmp_path: Path) -> None:
    files = write(generate(people=200, seed=5), tmp_path)
    path = tmp_path / "recorrido.duckdb"
    with Store.open(path, create=True) as opened:
        ingest_events(opened, files.events, timezone=load_map(files.journey).meta.timezone)
    with Journey(path) as journey:
        page = render_report(journey, lang="en", today=DAY)
    assert "Not available: the store has no survey answers" in page
    assert '<section id="buyer">' in page and '"funnel"' in page


def test_a_map_whose_touchpoints_match_nothing(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    shutil.copy(store, folder / "recorrido.duckdb")
    text = (store.parent / "journey.yaml").read_text(encoding="utf-8")
    text = re.sub(r"match: \{event: (\w+)", r"match: {event: nothing_\1", text)
    (folder / "journey.yaml").write_text(text, encoding="utf-8")
    output = folder / "report.html"
    assert run(["report", "--store", str(folder / "recorrido.duckdb"), "-o", str(output)]) == 0
    assert '<section id="map">' in output.read_text(encoding="utf-8")
