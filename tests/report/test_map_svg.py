"""The journey map as a standalone SVG: valid XML with its size, every stage and touchpoint,
counts as each language writes them, both emotion curves, nothing fetched or run; long names
wrapped and clipped inside their column; and the text measures it is laid out with."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido import Journey
from recorrido.ingest import ingest_events
from recorrido.report import LANGUAGES, Text
from recorrido.report.facts import Facts
from recorrido.report.i18n import MESSAGES, Lang
from recorrido.report.mapsvg import COLUMN_WIDTH, map_svg
from recorrido.report.mapview import journey_map_view
from recorrido.report.svgtext import fit, text_element, text_width, wrap, xml
from recorrido.store import Store

SVG = "{http://www.w3.org/2000/svg}"
Drawn = dict[Lang, tuple[str, dict[str, Any]]]
LONG = "Etapa con un nombre larguísimo " * 8  # about 250 characters
ODD = 'Pago & envío <rápido> "ya"'


def _size(root: ET.Element) -> tuple[float, float]:
    width, height = float(root.attrib["width"]), float(root.attrib["height"])
    assert root.attrib["viewBox"] == f"0 0 {width:g} {height:g}"
    return width, height


def _texts(root: ET.Element) -> list[str]:
    """Each <text> as a person reads it: its lines joined by spaces."""
    found = []
    for node in root.iter(f"{SVG}text"):
        spans = node.findall(f"{SVG}tspan")
        if spans and all(s.get("y") for s in spans):  # one tspan per line
            found.append(" ".join(s.text or "" for s in spans))
        else:
            found.append("".join(node.itertext()))
    return found


def _lines(group: ET.Element) -> Iterator[tuple[float, float, str, bool]]:
    """Every line drawn in ``group``: its left edge, font size, text and weight."""
    for node in group.iter(f"{SVG}text"):
        size = float(node.attrib["font-size"])
        bold = any(part.get("font-weight") == "bold" for part in node.iter())
        for line in [s for s in node.findall(f"{SVG}tspan") if s.get("x")] or [node]:
            text = "".join(line.itertext())
            width = text_width(text, size, bold=bold)
            shift = {"start": 0, "middle": width / 2, "end": width}[
                node.get("text-anchor", "start")
            ]
            yield float(line.attrib["x"]) - shift, size, text, bold


@pytest.fixture(scope="module")
def drawn(report_store: Path) -> Drawn:
    """The sample world's SVG and map view, in Spanish and English."""
    found: Drawn = {}
    with Journey(report_store) as journey:
        facts = Facts(journey)  # its results do not depend on the language
        for lang in LANGUAGES:
            t = Text(lang, currency="EUR")
            found[lang] = (map_svg(facts, t), journey_map_view(facts, t))
    return found


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_sample_map(drawn: Drawn, lang: Lang) -> None:
    svg, view = drawn[lang]
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    columns = view["columns"]
    width, height = _size(root)
    assert width == 2 * 24 + 150 + 220 * len(columns) and height > 900
    texts = _texts(root)
    titles = [node.text for node in root.iter(f"{SVG}title")]
    for column in columns:
        assert column["name"] in texts
        group = root.find(f".//{SVG}g[@id='stage-{column['id']}']")
        assert group is not None and group.get("clip-path", "").startswith("url(#clip-")
        for lane in column["lanes"]:
            for tp in lane["touchpoints"]:
                assert tp["name"] in texts and tp["people"] in texts and tp["hover"] in titles
        for opportunity in column["opportunities"]:
            assert opportunity["text"] in texts and opportunity["status"] in texts
        for kpi in column["kpis"]:
            assert f"{kpi['value']} ({kpi['target']})" in texts and kpi["label"] in texts
    polylines = list(root.iter(f"{SVG}polyline"))
    assert [p.get("stroke") for p in polylines] == ["#8d99ae", "#1f5f8b"]  # designed, measured
    assert all(len(p.attrib["points"].split()) >= 2 for p in polylines)
    assert view["emotion"]["reading"] in texts
    assert MESSAGES["svg_pain"][lang] in texts


def test_standalone_and_in_each_language(drawn: Drawn) -> None:
    (es, _), (en, _) = drawn["es"], drawn["en"]
    for svg in (es, en):
        assert re.findall(r"https?://[^\"' ]*", svg) == ["http://www.w3.org/2000/svg"]
        for banned in ("<script", "foreignObject", "href", "<style", "<image", "@import"):
            assert banned not in svg
        assert "font-family=\"Inter, 'Segoe UI', Helvetica, Arial, sans-serif\"" in svg
    es_texts, en_texts = (set(_texts(ET.fromstring(s))) for s in (es, en))
    assert {"Puntos de contacto", "Hace", "Piensa", "Siente", "Espera", "Emoción"} <= es_texts
    assert {"Touchpoints", "Does", "Thinks", "Feels", "Expects", "Emotion"} <= en_texts
    assert "Touchpoints" not in es_texts and "Puntos de contacto" not in en_texts


def _world(folder: Path, *, stages: int, people: int, name: str = "Etapa") -> Path:
    """A map of ``stages`` stages named ``name`` plus their number, one web touchpoint each
    (and, in the first, one named ``ODD``), scenarios, an opportunity and a KPI; person ``p``
    walks the first ``p % stages + 1`` stages."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    last = f"t{stages - 1:02d}"
    lines = [
        "version: 1",
        "meta: {name: Prueba, language: es, timezone: UTC, currency: EUR}",
        "stages:",
        *(f"  - {{id: s{i:02d}, name: {q(f'{name} {i}')}}}" for i in range(stages)),
        "channels:",
        "  - {id: web, name: Web, type: website}",
        "  - {id: tienda, name: Tienda, type: store}",
        "touchpoints:",
        *(
            f"  - {{id: t{i:02d}, name: {q(f'Punto {name} {i}')}, channel: web, stage: s{i:02d}, "
            f"match: {{event: e{i:02d}}}}}"
            for i in range(stages)
        ),
        f"  - {{id: odd, name: {q(ODD)}, channel: tienda, stage: s00, match: {{event: odd}}}}",
        "scenarios:",
        *(f"  s{i:02d}: {{does: {q(f'Hace {name} {i}')}, emotion: 1}}" for i in range(stages)),
        f"buyer_journey: {{steps: [{', '.join(f's{i:02d}' for i in range(stages))}], "
        f"conversion: {last}}}",
        "kpis:",
        f"  - {{id: conv, name: Conversión, metric: conversion, target: 0.05, touchpoint: {last}}}",
        "opportunities:",
        f"  - {{id: idea, description: {q('Mejorar ' + name)}, stage: s00, status: in_progress}}",
    ]
    (folder / "journey.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = dt.datetime(2026, 3, 1, 9)
    rows = ["user_id,timestamp,event"]
    for person in range(people):
        for step in range(person % stages + 1):
            moment = start + dt.timedelta(days=person % 20, minutes=7 * step)
            rows.append(f"p{person},{moment.isoformat()}Z,e{step:02d}")
    (folder / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = folder / "recorrido.duckdb"
    with Store.open(path, create=True) as store:
        if people:
            ingest_events(store, folder / "events.csv")
    return path


def _draw(path: Path, lang: Lang) -> ET.Element:
    with Journey(path) as journey:
        svg = map_svg(Facts(journey), Text(lang))
    return ET.fromstring(svg.encode("utf-8"))


def test_counts_as_each_language_writes_them(tmp_path: Path) -> None:
    path = _world(tmp_path, stages=2, people=12_345)  # all reach t00; the odd half reach t01
    es, en = _draw(path, "es"), _draw(path, "en")
    assert {"12.345", "6172"} <= set(_texts(es))  # Spanish groups thousands from five digits
    assert {"12,345", "6,172"} <= set(_texts(en))
    for root, status in ((es, "en curso"), (en, "in progress")):
        texts = _texts(root)
        assert {ODD, "Punto Etapa 0", "Hace Etapa 1", "Mejorar Etapa", status} <= set(texts)
        assert len(list(root.iter(f"{SVG}polyline"))) == 1  # no answers: the designed curve


def test_thirty_stages_with_long_names(tmp_path: Path) -> None:
    path = _world(tmp_path, stages=30, people=40, name=LONG.strip())
    root = _draw(path, "es")
    width, _ = _size(root)
    assert width == 2 * 24 + 150 + 30 * 220 == 6798
    for index in range(30):
        group = root.find(f".//{SVG}g[@id='stage-s{index:02d}']")
        assert group is not None
        left = 24 + 150 + 220 * index
        lines = list(_lines(group))
        assert len(lines) >= 8
        for x, size, text, bold in lines:
            # inside the column's padding, by the conservative estimate and by a plain bound:
            # no font averages less than half an em per character of Spanish words
            assert left + 10 - 0.05 <= x and x + text_width(text, size, bold=bold) <= left + 210.05
            assert len(text) <= 200 / (0.5 * size)
        header = group.find(f"./{SVG}g/{SVG}text")  # the stage's name, clipped at 4 lines
        assert header is not None
        assert len(header) == 4 and (header[-1].text or "").endswith("…")
        titles = [node.text for node in group.iter(f"{SVG}title")]
        assert f"{LONG.strip()} {index}" in titles  # and whole where a viewer can see it


def test_a_map_without_events_says_so(tmp_path: Path) -> None:
    path = _world(tmp_path, stages=3, people=0)
    texts = _texts(_draw(path, "en"))
    assert "Not available: there are no events in this period or for this persona" in texts
    assert "Punto Etapa 2" in texts and "0" in texts


# the text measures


def test_widths_worked_by_hand() -> None:
    assert text_width("mil", 10) == pytest.approx((1.0 + 0.34 + 0.34) * 10)
    assert text_width("Ana", 10) == pytest.approx((0.8 + 0.64 + 0.64) * 10)
    assert text_width("añó", 10) == text_width("ano", 10)  # accents do not widen a letter
    assert text_width("ab", 10, bold=True) == pytest.approx(1.28 * 10 * 1.12)
    assert COLUMN_WIDTH == 220


def test_wrapping_and_clipping_worked_by_hand() -> None:
    # "ab" at 10px is 12.8px wide, a space 3.4px: "ab ab" needs 29px
    assert wrap("ab ab   ab", 30, 10) == ["ab ab", "ab"]
    assert wrap("ab ab ab", 28, 10) == ["ab", "ab", "ab"]
    assert wrap("abcdegh", 20, 10) == ["abc", "deg", "h"]  # 3 letters: 19.2px
    assert wrap("   ", 30, 10) == []
    assert fit("ab ab ab ab ab", 29, 10, lines=2) == ["ab ab", "ab…"]  # "ab ab…" needs 39px
    assert fit("ab ab", 29, 10, lines=1) == ["ab ab"]
    assert fit("ab ab", 28, 10, lines=1) == ["ab…"]


def test_escaping_and_text_elements() -> None:
    assert xml('<a href="x">&\x00\x0b</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    one = text_element(10, 20, ["a<b"], size=10, leading=14, fill="#222")
    assert one == '<text x="10.0" y="30.5" font-size="10" fill="#222">a&lt;b</text>'
    two = ET.fromstring(text_element(0, 0, ["a", "b"], size=10, leading=14, fill="#222"))
    assert [(s.get("y"), s.text) for s in two] == [("10.5", "a"), ("24.5", "b")]


@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    width=st.floats(min_value=20, max_value=400),
    size=st.sampled_from([11, 13, 14, 20]),
    bold=st.booleans(),
    lines=st.integers(min_value=1, max_value=6),
)
def test_wrapped_lines_fit_and_keep_every_character(
    text: str, width: float, size: int, bold: bool, lines: int
) -> None:
    wrapped = wrap(text, width, size, bold=bold)
    assert "".join("".join(line.split()) for line in wrapped) == "".join(text.split())
    for line in wrapped:
        assert line and line == line.strip()
        assert text_width(line, size, bold=bold) <= width or len(line) == 1
    clipped = fit(text, width, size, lines=lines, bold=bold)
    assert len(clipped) <= lines and clipped[:-1] == wrapped[: len(clipped) - 1]
    if len(wrapped) > lines:
        assert clipped[-1].endswith("…")
        ellipsis = text_width("…", size, bold=bold)
        assert text_width(clipped[-1], size, bold=bold) <= max(width, ellipsis)
    else:
        assert clipped == wrapped
    ET.fromstring(f"<t>{xml(text)}</t>")  # any text becomes valid XML
