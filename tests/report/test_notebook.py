"""Results in notebooks: the report's chart of each kind of result, then its table, offline.

Small hand-written journeys give the funnel, flows and retention with values worked out by
hand; the sample world (the report's store) gives the experience, pain points and emotion
curve, whose charts must carry the result's own numbers.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recorrido import Journey
from recorrido.report import notebook, sections_journey
from recorrido.report.browser import load
from recorrido.report.facts import Facts
from recorrido.report.i18n import Text
from recorrido.results import Result
from tests.conftest import journeys_for

PLOTLY = "application/vnd.plotly.v1+json"
JOURNEYS = {
    "ana": ["view", "cart", "buy"],
    "luis": ["view", "cart"],
    "eva": ["view"],
    "bea": ["view", "cart", "view"],
}
FORWARD, BACKWARD = "rgba(31,95,139,0.30)", "rgba(200,85,61,0.45)"
DRAW = re.compile(r'<div id="(recorrido-[0-9a-f-]{36})".*?Plotly\.newPlot\("([^"]+)"', re.S)
REMOTE = re.compile(r'<(script|link|img|iframe)[^>]+(src|href)=["\']?(https?:)?//', re.I)


@pytest.fixture(autouse=True)
def new_page() -> Iterator[None]:
    """Each test starts as a new notebook page: the next chart embeds plotly.js."""
    notebook.reset()
    yield
    notebook.reset()


def events_file(
    folder: Path,
    journeys: Mapping[str, Sequence[str]],
    *,
    start: str = "2026-03-01T10:00:00Z",
    step_seconds: int = 60,
) -> Path:
    path = folder / "events.csv"
    rows = journeys_for(journeys, start=start, step_seconds=step_seconds)
    path.write_text(
        "user_id,timestamp,event\n"
        + "".join(f"{r['user_id']},{r['timestamp']},{r['event']}\n" for r in rows),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def journey(tmp_path: Path) -> Iterator[Journey]:
    with Journey(events_file(tmp_path, JOURNEYS)) as opened:
        yield opened


@pytest.fixture(scope="module")
def voice(report_store: Path) -> Iterator[Journey]:
    with Journey(report_store) as opened:
        yield opened


def test_a_funnel_shows_its_bars_with_the_step_counts(journey: Journey) -> None:
    result = journey.funnel(["view", "cart", "buy"])
    bundle = result._repr_mimebundle_()
    assert set(bundle) == {PLOTLY, "text/html", "text/plain"}
    (bar,) = bundle[PLOTLY]["data"]
    # view: all 4; cart: ana, luis, bea; buy: ana
    assert bar["type"] == "bar" and bar["orientation"] == "h"
    assert bar["y"] == ["view", "cart", "buy"] and bar["x"] == [4, 3, 1]
    assert bar["x"] == [row["count"] for row in result.rows()]
    assert bar["text"] == ["4 · 100%", "3 · 75%", "1 · 25%"]
    assert bundle[PLOTLY]["layout"]["title"]["text"] == "Funnel (people per step)"
    assert bundle["text/plain"] == repr(result)
    json.dumps(bundle[PLOTLY])  # plain JSON, as the front end receives it


def test_a_funnel_broken_down_has_one_bar_series_per_group(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text(
        "user_id,timestamp,event,channel\n"
        "ana,2026-03-01T10:00:00Z,view,web\nana,2026-03-01T10:01:00Z,cart,web\n"
        "luis,2026-03-01T10:00:00Z,view,app\neva,2026-03-01T10:00:00Z,view,web\n",
        encoding="utf-8",
    )
    with Journey(events) as journey:
        result = journey.funnel(["view", "cart"], breakdown="channel")
    figure = notebook.figure_for(result)
    assert figure is not None and figure["layout"]["barmode"] == "group"
    # web: ana and eva view, ana adds to the cart; app: luis views; most entries first
    assert [(t["name"], t["y"], t["x"]) for t in figure["data"]] == [
        ("web", ["view", "cart"], [2, 1]),
        ("app", ["view", "cart"], [1, 0]),
    ]


def test_transitions_are_a_sankey_with_backward_flows_in_red(journey: Journey) -> None:
    result = journey.transitions()
    (sankey,) = result._repr_mimebundle_()[PLOTLY]["data"]
    assert sankey["type"] == "sankey"
    assert sankey["node"]["label"] == ["view", "cart", "buy"]
    link = sankey["link"]
    # view→cart: ana, luis, bea; cart→buy: ana; cart→view (back): bea
    assert list(zip(link["source"], link["target"], link["value"], strict=True)) == [
        (0, 1, 3),
        (1, 2, 1),
        (1, 0, 1),
    ]
    assert link["color"] == [FORWARD, FORWARD, BACKWARD]


def test_retention_is_a_heatmap_of_cohort_shares(tmp_path: Path) -> None:
    weekly = {"ana": ["visit"] * 3, "luis": ["visit"] * 2, "eva": ["visit"]}
    path = events_file(tmp_path, weekly, start="2026-03-02T10:00:00Z", step_seconds=7 * 86_400)
    with Journey(path) as journey:
        result = journey.retention(period="week", periods=3)
    (heat,) = result._repr_mimebundle_()[PLOTLY]["data"]
    assert heat["type"] == "heatmap"
    assert heat["y"] == ["2 Mar 2026"] and heat["x"] == ["0", "1", "2"]
    assert heat["z"] == [[1.0, pytest.approx(2 / 3), pytest.approx(1 / 3)]]
    assert heat["text"] == [["100%", "67%", "33%"]]


def test_paths_are_bars_of_the_top_paths(journey: Journey) -> None:
    result = journey.paths(length=2, collapse=False)
    figure = notebook.figure_for(result)
    assert figure is not None
    (bar,) = figure["data"]
    # each person's first two steps: view → cart for ana, luis and bea; eva only viewed
    assert bar["y"] == ["view → cart", "view"] and bar["x"] == [3, 1]
    assert bar["text"] == ["3 · 75%", "1 · 25%"]


def test_the_other_analyses_show_their_own_numbers(voice: Journey) -> None:
    conformance = voice.conformance()
    (bar,) = notebook.figures_for(conformance)[0]["data"]
    deviations = conformance.extra["deviations"]
    kinds = ["skipped", "out_of_order", "backward", "unexpected"]
    assert bar["x"] == [deviations[k]["deviations"] for k in kinds]
    routes = voice.routes()
    (bar,) = notebook.figures_for(routes)[0]["data"]
    assert bar["x"] == [100 * r["share"] for r in routes.rows()]
    assert bar["y"] == [r["name"] for r in routes.rows()]
    loyalty = voice.loyalty("purchase", level="stage")
    traces = {t["name"]: t["y"] for t in notebook.figures_for(loyalty)[0]["data"]}
    # the sample map is in Spanish: so are the charts of its results
    assert traces["nuevos"] == loyalty.table.column("new").to_pylist()
    assert traces["pasan a inactivos"] == [-n for n in loyalty.table.column("dormant").to_pylist()]
    drivers = voice.drivers("churn")
    effects, matrix = notebook.figures_for(drivers)
    hurts = [r for r in drivers.rows() if r["verdict"] == "hurts"][:8]
    assert effects["data"][0]["x"] == [r["effect"] for r in hurts] and hurts
    assert matrix["data"][0]["type"] == "scatter"
    assert notebook.figures_for(voice.satisfaction()) == []  # a table per person, no chart


def test_experience_shows_each_metric_of_the_result(voice: Journey) -> None:
    result = voice.experience()
    figures = notebook.figures_for(result)
    rows = result.rows()
    by_title = {f["layout"]["title"]["text"].split(" ")[0]: f["data"][0] for f in figures}
    measured = {m.upper() for m in ("nps", "csat", "ces") if any(r[f"{m}_n"] for r in rows)}
    assert set(by_title) == measured and {"NPS", "CSAT"} <= measured
    nps = [r for r in rows if r["nps_n"] and r["nps"] is not None]
    names = result.names
    assert by_title["NPS"]["y"] == [names[r["group"]] for r in nps]
    assert by_title["NPS"]["x"] == [r["nps"] for r in nps]
    csat = [r for r in rows if r["csat_n"] and r["csat_mean"] is not None]
    assert by_title["CSAT"]["x"] == [r["csat_mean"] for r in csat]
    # the lowest CSAT among groups with enough answers is marked
    trusted = [r for r in csat if not r["csat_low"]]
    worst = names[min(trusted, key=lambda r: r["csat_mean"])["group"]]
    marked = [g for g, c in zip(by_title["CSAT"]["y"], by_title["CSAT"]["marker"]["color"],
                                strict=True) if c == "#c8553d"]  # fmt: skip
    assert marked == [worst]
    html = result._repr_html_()
    assert html.count("Plotly.newPlot(") == len(figures)


def test_painpoints_bars_are_the_scores_worst_first(voice: Journey) -> None:
    result = voice.painpoints()
    (bar,) = result._repr_mimebundle_()[PLOTLY]["data"]
    scored = [r for r in result.rows() if r["score"] is not None][:8]
    assert bar["type"] == "bar" and len(scored) >= 3
    assert bar["y"] == [result.names[r["place"]] for r in scored]
    assert bar["x"] == [r["score"] for r in scored] == sorted(bar["x"], reverse=True)
    assert bar["marker"]["color"][0] == "#c8553d" and set(bar["marker"]["color"][1:]) == {"#1f5f8b"}


def test_the_emotion_curve_is_designed_against_measured(voice: Journey) -> None:
    result = voice.emotion_curve()
    designed, measured = result._repr_mimebundle_()[PLOTLY]["data"]
    curve = result.rows()
    assert designed["type"] == measured["type"] == "scatter"
    assert designed["name"] == "diseñada" and measured["name"] == "medida"
    assert designed["x"] == measured["x"] == [result.names[p["stage"]] for p in curve]
    assert designed["y"] == [p["designed"] for p in curve]
    assert measured["y"] == [p["measured"] for p in curve]
    assert any(v is not None for v in measured["y"])


def test_plotly_js_is_embedded_once_and_every_chart_draws_in_its_own_div(
    journey: Journey,
) -> None:
    funnel, flows = journey.funnel(["view", "cart"]), journey.transitions()
    first = funnel._repr_mimebundle_()["text/html"]
    second = flows._repr_mimebundle_()["text/html"]
    again = funnel._repr_html_()
    assert len(first) > 4_000_000 and "window.PlotlyConfig" in first
    for later in (second, again):
        assert len(later) < 100_000 and "window.PlotlyConfig" not in later
    ids = []
    for page in (first, second, again):
        (drawn,) = DRAW.findall(page)
        assert drawn[0] == drawn[1]  # the script draws into its own div
        ids.append(drawn[0])
        assert not REMOTE.search(page)  # nothing loads from a CDN
        assert "<table>" in page and page.index("Plotly.newPlot") < page.index("<table>")
    assert len(set(ids)) == 3
    notebook.reset()
    assert "window.PlotlyConfig" in flows._repr_html_()


def test_kinds_without_a_chart_show_the_table_alone(journey: Journey) -> None:
    dropped = journey.dropped(["view", "cart"], at=2)  # eva
    assert notebook.figure_for(dropped) is None
    bundle = dropped._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert "newPlot" not in bundle["text/html"] and "<td>eva</td>" in bundle["text/html"]
    # the table alone did not use up plotly.js: the next chart still embeds it
    assert "window.PlotlyConfig" in journey.transitions()._repr_html_()


def test_include_and_exclude_limit_the_bundle(journey: Journey) -> None:
    funnel = journey.funnel(["view", "cart"])
    assert set(funnel._repr_mimebundle_(include={"text/plain"})) == {"text/plain"}
    assert set(funnel._repr_mimebundle_(exclude={"text/html"})) == {PLOTLY, "text/plain"}
    # no HTML was made, so the next one still embeds plotly.js
    assert "window.PlotlyConfig" in funnel._repr_mimebundle_()["text/html"]


def test_names_are_escaped_in_the_table_and_inert_in_the_script(tmp_path: Path) -> None:
    name = "<script>alert(1)</script>"
    journeys = {"ana": [name, "buy"], "luis": [name]}
    with Journey(events_file(tmp_path, journeys)) as journey:
        result = journey.funnel([name, "buy"])
    bundle = result._repr_mimebundle_()
    page = bundle["text/html"]
    assert name not in page and "alert(1)" in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert bundle[PLOTLY]["data"][0]["y"] == [name, "buy"]  # JSON keeps the name as it is


def _funnel_result(names: list[str]) -> Result:
    counts = list(range(len(names), 0, -1))
    table = pa.table({
        "step": list(range(1, len(names) + 1)), "name": names, "count": counts,
        "conversion": [c / counts[0] for c in counts],
    })  # fmt: skip
    return Result("funnel", table)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4))
def test_any_name_reaches_the_chart_unchanged_and_never_closes_the_script(
    names: list[str],
) -> None:
    notebook.reset()
    notebook.notebook_html(_funnel_result(["x"]))  # plotly.js went out with an earlier chart
    page = notebook.notebook_html(_funnel_result(names))
    assert page.count("<script") == page.count("</script>") == 1  # only the chart's own
    script = page[page.index("<script") : page.index("</script>")]
    found = re.search(r"var figure = (\{.*\}), tries", script, re.S)
    assert found is not None and "<" not in found.group(1)
    assert json.loads(found.group(1))["data"][0]["y"] == names


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_two_outputs_draw_in_a_browser_offline(journey: Journey, tmp_path: Path) -> None:
    outputs = [
        journey.funnel(["view", "cart", "buy"])._repr_mimebundle_()["text/html"],
        journey.transitions()._repr_mimebundle_()["text/html"],
    ]
    page = tmp_path / "notebook.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; script-src "
        "'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; "
        'font-src data:"></head><body>' + "".join(outputs) + "</body></html>",
        encoding="utf-8",
    )
    loaded = load(page)
    assert loaded.console == ()
    drawn = re.findall(r'<div id="(recorrido-[^"]+)" class="plotly-graph-div[^"]*"(.*?)</table>',
                       loaded.dom, re.S)  # fmt: skip
    assert len(drawn) == 2
    assert all("main-svg" in body for _, body in drawn)  # Plotly drew both


def test_results_of_a_journey_with_a_map_speak_its_language_and_names(voice: Journey) -> None:
    assert voice.map is not None and voice.map.meta.language == "es"
    flows = voice.transitions(level="stage", collapse=True)
    assert flows.lang == "es" and flows.names["checkout"] == "Checkout (formulario de pago)"
    (sankey,) = notebook.figures_for(flows)[0]["data"]
    stages = {s.id: s.name for s in voice.map.stages}
    assert set(sankey["node"]["label"]) <= set(stages.values())
    assert "Consideración" in sankey["node"]["label"]
    title = notebook.figures_for(flows)[0]["layout"]["title"]["text"]
    assert title == "Flujos entre pasos (personas que pasan de uno al siguiente)"
    funnel = voice.funnel(["awareness", "consideration", "decision"], level="stage")
    (bar,) = notebook.figures_for(funnel)[0]["data"]
    assert bar["y"] == ["Conciencia", "Consideración", "Decisión"]
    assert bar["text"][0].endswith(" · 100 %")  # Spanish numbers
    # the same result without names or language reads in English with the ids
    plain = Result(funnel.kind, funnel.table, funnel.request)
    (bar,) = notebook.figures_for(plain)[0]["data"]
    assert bar["y"] == ["awareness", "consideration", "decision"]
    assert notebook.figures_for(plain)[0]["layout"]["title"]["text"] == "Funnel (people per step)"


def test_touchpoint_transitions_are_the_reports_discovered_graph(voice: Journey) -> None:
    assert voice.map is not None
    moves = voice.transitions(level="touchpoint", collapse=True)
    (figure,) = notebook.figures_for(moves)
    # the very chart of the report's section 4, with the same numbers and words
    section = sections_journey._discovered(Facts(voice), Text("es"))
    assert json.dumps(figure, sort_keys=True) == json.dumps(
        section["charts"][0]["figure"], sort_keys=True
    )
    assert figure["layout"]["title"]["text"].startswith("Recorrido descubierto: los 30 pasos")
    # a node's size and hover read the people who reached the touchpoint
    nodes = figure["data"][-1]
    reached = moves.extra["reached"]
    checkout = voice.map.touchpoint("checkout").name
    hover = next(h for h in nodes["hovertext"] if h.startswith(checkout + ":"))
    assert hover == f"{checkout}: {Text('es').number(reached['checkout'])} personas"
    # sessions as the unit, or stages, keep the Sankey of flows
    by_session = voice.transitions(level="touchpoint", collapse=True, unit="session")
    assert notebook.figures_for(by_session)[0]["data"][0]["type"] == "sankey"
    plain = Result(moves.kind, moves.table, moves.request, moves.extra)  # no map: no stages
    assert notebook.figures_for(plain)[0]["data"][0]["type"] == "sankey"
