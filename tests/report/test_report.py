"""The report of a small sample world: every section in Spanish and English, self-contained
(nothing is fetched), with readings that match the golden files; and bad input that is said
plainly instead of breaking the report."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from recorrido import Journey
from recorrido._drivers import purchase_touchpoints
from recorrido.cli import run
from recorrido.datasets import generate, write
from recorrido.ingest import ingest_events
from recorrido.map import load_map
from recorrido.report import Text, render_report
from recorrido.report.buyer_funnel import buyer_funnel, by_persona
from recorrido.report.facts import Facts
from recorrido.requests import Scope
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
    expected = {"emotion", "funnel", "funnel_groups", "sankey", "routes", "graph", "conformance",
                "experience_csat", "experience_trend_nps", "experience_trend_csat",
                "painpoints", "drivers", "matrix", "retention", "lifecycle",
                "attribution"}  # fmt: skip
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


# -- the sections' numbers ---------------------------------------------------------------------


def tables(page: str) -> dict[str, tuple[list[str], list[list[str]], str]]:
    """Each table of the page by its title: header, rows (cell texts) and reading."""
    found = {}
    pattern = (
        r"<h3>([^<]*)</h3>\s*<table class=\"data\"><thead><tr>(.*?)</tr></thead>\s*"
        r"<tbody>(.*?)</tbody></table>\s*(?:<p class=\"reading\">(.*?)</p>)?"
    )
    for title, head, body, reading in re.findall(pattern, page, re.S):
        rows = [
            [html.unescape(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
        ]
        header = [html.unescape(cell) for cell in re.findall(r"<th>(.*?)</th>", head)]
        found[html.unescape(title)] = (header, rows, html.unescape(reading or ""))
    return found


def _one(found: dict[str, Any], start: str) -> Any:
    (key,) = [k for k in found if k.startswith(start)]
    return found[key]


SMALL_MAP = """\
version: 1
meta: {name: Tostadero, language: en, timezone: UTC, currency: EUR}
stages:
  - {id: s1, name: Discover}
  - {id: s2, name: Compare}
  - {id: s3, name: Buy}
channels:
  - {id: web, name: Web, type: website}
touchpoints:
  - {id: t1, name: Ad, channel: web, stage: s1, match: {event: e1}}
  - {id: t2, name: Product page, channel: web, stage: s2, match: {event: e2}}
  - {id: t3, name: Order, channel: web, stage: s3, match: {event: e3}}
buyer_journey: {steps: [s1, s2, s3], conversion: t3}
"""

# ana converts in 2 h 10 min and buys again 8 days later; ben stops at s2; eva goes from s1
# straight to s3 (a skip: she never reaches s2, so the ordered funnel has her at s1); luis goes
# back once (s2 → s1) and converts 2 days 23 h 58 min after his latest start (10:02)
SMALL_EVENTS = """\
user_id,timestamp,event,channel
ana,2026-03-02T09:00:00Z,e1,web
ana,2026-03-02T09:10:00Z,e2,web
ana,2026-03-02T11:10:00Z,e3,web
ana,2026-03-10T11:10:00Z,e3,web
ben,2026-03-02T09:00:00Z,e1,web
ben,2026-03-02T09:05:00Z,e2,web
eva,2026-03-02T09:00:00Z,e1,web
eva,2026-03-05T09:00:00Z,e3,web
luis,2026-03-03T10:00:00Z,e1,web
luis,2026-03-03T10:01:00Z,e2,web
luis,2026-03-03T10:02:00Z,e1,web
luis,2026-03-03T10:03:00Z,e2,web
luis,2026-03-06T10:00:00Z,e3,web
"""


@pytest.fixture(scope="module")
def small_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("tostadero")
    (folder / "journey.yaml").write_text(SMALL_MAP, encoding="utf-8")
    (folder / "events.csv").write_text(SMALL_EVENTS, encoding="utf-8")
    path = folder / "recorrido.duckdb"
    with Store.open(path, create=True) as opened:
        ingest_events(opened, folder / "events.csv")
    with Journey(path) as journey:
        return render_report(journey, lang="en", today=DAY)


def test_four_people_worked_out_by_hand(small_page: str) -> None:
    found = tables(small_page)
    header, rows, reading = _one(found, "The buyer journey step by step")
    assert header[0] == "stage" and header[-2:] == ["time to get there: median",
                                                    "p90 (the slowest 10%)"]  # fmt: skip
    # s2 times 60, 300, 600 s (median: 2nd of 3, p90: 3rd); s3 times 7 800 s and 259 080 s
    assert rows == [
        ["Discover", "4", "100%", "–", "–", "–", "–"],
        ["Compare", "3", "75%", "75%", "1 (25%)", "5 min", "10 min"],
        ["Buy", "2", "50%", "67%", "1 (33%)", "2 h 10 min", "3 days"],
    ]
    assert reading == (
        "Half of those who reach Buy get there within 2 h 10 min of entering at Discover; "
        "the slowest 10% take 3 days or more."
    )
    _, rows, reading = _one(found, "Stage skips and backward moves")
    assert rows == [["Discover → Buy", "skip", "1", "1"],
                    ["Compare → Discover", "backward", "1", "1"]]  # fmt: skip
    assert "1 person skipped a stage (1 move) and 1 went back (1 move)" in reading
    _, rows, _ = _one(found, "People who complete the buyer journey")
    assert sorted(rows) == [["Discover → Compare → Buy", "1", "50%"],
                            ["Discover → Compare → Discover → Compare → Buy", "1", "50%"]]  # fmt: skip
    _, rows, _ = _one(found, "People who enter and do not complete it")
    assert sorted(rows) == [["Discover → Buy", "1", "50%"], ["Discover → Compare", "1", "50%"]]
    _, rows, reading = found["Repeat purchase"]
    # buyers of t3: ana (2), eva (1), luis (1); ana's gap is 8 days
    assert rows == [["Order", "3", "1 (33%)", "1.33", "8.0"]]
    assert (
        reading == "33% of buyers (Order) buy 2 times or more; 1.33 purchases per buyer on average."
    )
    lines = readings(small_page)
    assert (
        "In the last full week (2 Mar 2026 – 8 Mar 2026) 4 people were active: 4 new, 0 "
        "returning and 0 resurrected; 0 went dormant." in lines
    )
    assert "By persona, no group has 30 people; by entry channel, no group has 30 people." in lines
    assert (
        "Not available: attribution by channel needs at least 2 channels and the data has 1"
        in lines
    )
    lifecycle = figures(small_page)["lifecycle"]["data"]
    assert [(trace["name"], trace["y"]) for trace in lifecycle] == [  # type: ignore[index, union-attr]
        ("new", [4, 0]), ("returning", [0, 1]), ("resurrected", [0, 0]),
        ("gone dormant", [0, -3]),
    ]  # fmt: skip


STEPS_KEY = {None: None, "persona": "breakdown"}


@pytest.fixture(scope="module")
def reference(store: Path) -> dict[str, Any]:
    """What the analytics say when asked directly, to hold the report's numbers against."""
    with Journey(store) as journey:
        assert journey.map is not None and journey.store is not None
        journey_map = journey.map
        steps, level = list(journey_map.buyer_journey.steps), journey_map.journey_level()
        funnels = {}
        for breakdown in (None, "persona", "channel", "first_touch", "last_touch"):
            rows = journey.funnel(steps, level=level, breakdown=breakdown).to_dict()["steps"]
            key = STEPS_KEY.get(breakdown, breakdown)
            funnels[breakdown] = [{("group" if k == key else k): v for k, v in r.items()}
                                  for r in rows]  # fmt: skip
        run = journey.store.ibis.to_pyarrow
        conversion = journey_map.buyer_journey.conversion
        assert conversion is not None
        found = {
            "map": journey_map,
            "steps": steps,
            "funnels": funnels,
            "dropped": {
                unit
                for at in range(2, len(steps) + 1)
                for unit in journey.dropped(steps, at, level=level).table["unit"].to_pylist()
            },
            "stage_events": run(journey.events(Scope(level=level))).to_pylist(),
            "touchpoint_events": run(journey.events(Scope(level="touchpoint"))).to_pylist(),
            "loyalty": journey.loyalty(purchase=conversion, level="touchpoint").to_dict(),
            "stages": journey.experience("stage").to_dict()["rows"],
            "conformance": journey.conformance().to_dict(),
            "feedback": journey.store.connection.execute(
                "SELECT ts, metric, score FROM feedback WHERE metric IN ('nps', 'csat')"
            ).fetchall(),
        }
        facts = Facts(journey)
        found["report_funnel"] = buyer_funnel(facts)
        found["report_personas"] = by_persona(facts)
    return found


def _names(journey_map: Any) -> dict[str, str]:
    names = {s.id: s.name for s in journey_map.stages}
    names.update({tp.id: tp.name for tp in journey_map.touchpoints})
    return names


def test_the_buyer_journey_is_read_from_one_funnel(reference: dict[str, Any]) -> None:
    """The report computes the funnel's per-person rows once; every breakdown it reads from
    them equals ``Journey.funnel`` asked for that breakdown."""
    funnel, funnels = reference["report_funnel"], reference["funnels"]
    assert funnel.rows() == funnels[None]
    for breakdown in ("channel", "first_touch", "last_touch"):
        assert funnel.rows(breakdown) == sorted(
            funnels[breakdown], key=lambda r: (r["group"] is None, r["group"] or "", r["step"])
        ), breakdown
    assert reference["report_personas"] == sorted(
        funnels["persona"], key=lambda r: (r["group"] or "", r["step"])
    )
    # every breakdown splits the same people: its groups add up to each step's count
    for rows in [funnel.rows(b) for b in ("channel", "first_touch", "last_touch")] + [
        reference["report_personas"]
    ]:
        for total in funnels[None]:
            assert sum(r["count"] for r in rows if r["step"] == total["step"]) == total["count"]


def test_the_steps_table(reports: dict[str, str], reference: dict[str, Any]) -> None:
    t, names = Text("en"), _names(reference["map"])
    _, rows, reading = _one(tables(reports["en"]), "The buyer journey step by step")
    expected = reference["funnels"][None]
    assert [row[0] for row in rows] == [names[r["name"]] for r in expected]
    assert [row[1] for row in rows] == [t.number(r["count"]) for r in expected]
    assert [row[2] for row in rows] == [t.percent(r["conversion"]) for r in expected]
    assert [row[5] for row in rows] == [t.duration(r["median_seconds"]) for r in expected]
    assert [row[6] for row in rows] == [t.duration(r["p90_seconds"]) for r in expected]
    last = expected[-1]
    assert f"within {t.duration(last['median_seconds'])} of entering" in reading
    assert f"take {t.duration(last['p90_seconds'])} or more" in reading


def test_conversion_by_persona_and_entry_channel(
    reports: dict[str, str], reference: dict[str, Any]
) -> None:
    t, journey_map = Text("en"), reference["map"]
    personas = {p.id: p.name for p in journey_map.personas} | {
        "(no persona)": "no persona assigned"
    }
    channels = {c.id: c.name for c in journey_map.channels}
    figure = figures(reports["en"])["funnel_groups"]
    traces = {trace["name"]: trace for trace in figure["data"]}  # type: ignore[attr-defined]
    assert set(traces) == {"persona", "entry channel"}
    readings_en = readings(reports["en"])
    for kind, breakdown, names in (("persona", "persona", personas),
                                   ("entry channel", "channel", channels)):  # fmt: skip
        rows = reference["funnels"][breakdown]
        entered = {r["group"]: r["count"] for r in rows if r["step"] == 1}
        last = {r["group"]: r["conversion"] for r in rows if r["step"] == 4 and entered[r["group"]]}
        shown = dict(zip(traces[kind]["y"], traces[kind]["x"], strict=True))
        assert shown == {names.get(g, g): pytest.approx(100 * c) for g, c in last.items()}
        trusted = [(c, names.get(g, g), entered[g]) for g, c in last.items() if entered[g] >= 30]
        best, worst = max(trusted), min(trusted)
        clause = (
            f"by {kind}, {best[1]} converts most ({t.percent(best[0])}, n={t.number(best[2])}) "
            f"and {worst[1]} least ({t.percent(worst[0])}, n={t.number(worst[2])})"
        )
        assert any(clause in line.lower() or clause[3:] in line for line in readings_en), clause


def _collapsed(events: list[dict[str, Any]]) -> dict[str, list[str]]:
    by_unit: dict[str, list[tuple[Any, ...]]] = {}
    for e in events:
        if e["unit"] is not None and e["label"] is not None:
            by_unit.setdefault(e["unit"], []).append((e["ts"], e["seq"], e["label"]))
    journeys = {}
    for unit, found in by_unit.items():
        labels = [label for _, _, label in sorted(found)]
        journeys[unit] = [x for i, x in enumerate(labels) if i == 0 or labels[i - 1] != x]
    return journeys


def test_top_paths_of_those_who_complete_the_journey_and_those_who_do_not(
    reports: dict[str, str], reference: dict[str, Any]
) -> None:
    """Against a plain-Python reading of the stage events: the converted are the people who
    entered minus those ``Journey.dropped`` names at some step."""
    steps, names = reference["steps"], _names(reference["map"])
    journeys = _collapsed(reference["stage_events"])
    entered = {u for u, labels in journeys.items() if steps[0] in labels}
    converted = entered - reference["dropped"]
    assert len(converted) == reference["funnels"][None][-1]["count"]
    paths = {
        "converted": Counter(
            tuple(labels[: labels.index(steps[-1]) + 1][-5:])
            for u, labels in journeys.items()
            if u in converted
        ),
        "dropped": Counter(
            tuple(labels[labels.index(steps[0]) :][:5])
            for u, labels in journeys.items()
            if u in entered - converted
        ),
    }
    found = tables(reports["en"])
    for outcome, title in (("converted", "People who complete the buyer journey"),
                           ("dropped", "People who enter and do not complete it")):  # fmt: skip
        expected = paths[outcome]
        total = sum(expected.values())
        by_text = {" → ".join(names[s] for s in path): n for path, n in expected.items()}
        _, rows, reading = _one(found, title)
        assert len(rows) == 5
        counts = [int(row[1].replace(",", "")) for row in rows]
        assert counts == sorted(expected.values(), reverse=True)[:5]
        for path, count, share in rows:
            assert by_text[path] == int(count.replace(",", ""))
            assert share == Text("en").percent(by_text[path] / total)
        assert sum(by_text[row[0]] for row in rows) <= total  # shares add up to 100% at most
        if outcome == "converted":
            assert all(row[0].endswith(names[steps[-1]]) for row in rows)
        assert rows[0][0] in reading


def test_skips_and_backward_moves(reports: dict[str, str], reference: dict[str, Any]) -> None:
    t, names = Text("en"), _names(reference["map"])
    body = reference["conformance"]
    _, rows, reading = _one(tables(reports["en"]), "Stage skips and backward moves")
    odd = sorted((m for m in body["moves"] if m["kind"] in ("skip", "backward")),
                 key=lambda m: (-m["count"], -m["units"], m["source"], m["target"]))  # fmt: skip
    assert rows == [
        [f"{names[m['source']]} → {names[m['target']]}", m["kind"], t.number(m["count"]),
         t.number(m["units"])]
        for m in odd[:8]
    ]  # fmt: skip
    skips = sum(m["count"] for m in odd if m["kind"] == "skip")
    deviations = body["deviations"]
    assert (
        f"{t.number(deviations['skipped']['units'])} people skipped a stage "
        f"({t.number(skips)} moves) and {t.number(deviations['backward']['units'])} went back "
        f"({t.number(deviations['backward']['deviations'])} moves)" in reading
    )


def _nps(scores: list[float]) -> float:
    return 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)


def test_weekly_nps_and_csat(reports: dict[str, str], reference: dict[str, Any]) -> None:
    """Fixed 7-day weeks ending at midnight UTC after the latest answer, against plain Python."""
    answers = reference["feedback"]
    end = dt.datetime.combine(max(a[0] for a in answers).date() + dt.timedelta(days=1), dt.time())
    charts = figures(reports["en"])
    for metric in ("nps", "csat"):
        trace = charts[f"experience_trend_{metric}"]["data"][0]  # type: ignore[index]
        days = [dt.date.fromisoformat(x) for x in trace["x"]]
        assert len(days) == 12 and days[-1] == end.date() - dt.timedelta(days=7)
        assert {(b - a).days for a, b in itertools.pairwise(days)} == {7}
        for day, value in zip(days, trace["y"], strict=True):
            start = dt.datetime.combine(day, dt.time())
            scores = [a[2] for a in answers
                      if a[1] == metric and start <= a[0] < start + dt.timedelta(days=7)]  # fmt: skip
            if not scores:
                assert value is None
            elif metric == "nps":
                assert value == pytest.approx(_nps(scores))
            else:
                assert value == pytest.approx(sum(scores) / len(scores))
    last = [a[2] for a in answers if a[1] == "nps" and a[0] >= end - dt.timedelta(days=28)]
    before = [a[2] for a in answers
              if a[1] == "nps" and end - dt.timedelta(days=56) <= a[0] < end - dt.timedelta(days=28)]  # fmt: skip
    t = Text("en")
    change = f"NPS went from {t.number(_nps(before))} to {t.number(_nps(last))} in the last 4 weeks"
    assert any(line.startswith(change) for line in readings(reports["en"]))
    csat = [
        [a[2] for a in answers if a[1] == "csat" and low <= a[0] < low + dt.timedelta(days=28)]
        for low in (end - dt.timedelta(days=56), end - dt.timedelta(days=28))
    ]
    change = (
        f"CSAT went from {t.number(sum(csat[0]) / len(csat[0]), 2)} to "
        f"{t.number(sum(csat[1]) / len(csat[1]), 2)} in the last 4 weeks"
    )
    assert any(line.startswith(change) for line in readings(reports["en"]))


def test_repeat_purchase_and_lifecycle(reports: dict[str, str], reference: dict[str, Any]) -> None:
    t, names = Text("en"), _names(reference["map"])
    loyalty = reference["loyalty"]
    _, rows, reading = tables(reports["en"])["Repeat purchase"]
    repeat = loyalty["repeat_purchases"]
    assert rows[0][:3] == [
        names[reference["map"].buyer_journey.conversion],
        t.number(repeat["purchasers"]),
        f"{t.number(repeat['repeat_purchasers'])} ({t.percent(repeat['repeat_rate'])})",
    ]
    assert reading.startswith(f"{t.percent(repeat['repeat_rate'])} of buyers")
    # every way to buy: the conversion and the cafés' tills, counted in plain Python
    ways = set(purchase_touchpoints(reference["map"], [reference["map"].buyer_journey.conversion]))
    bought = Counter(e["unit"] for e in reference["touchpoint_events"]
                     if e["label"] in ways and e["unit"] is not None)  # fmt: skip
    again = sum(n >= 2 for n in bought.values())
    assert rows[1][1:4] == [
        t.number(len(bought)),
        f"{t.number(again)} ({t.percent(again / len(bought))})",
        t.number(sum(bought.values()) / len(bought), 2),
    ]
    weeks = loyalty["lifecycle"][-26:]
    traces = figures(reports["en"])["lifecycle"]["data"]
    assert [trace["x"] for trace in traces] == [[w["period"][:10] for w in weeks]] * 4  # type: ignore[index]
    assert [trace["y"] for trace in traces] == [  # type: ignore[index]
        [w["new"] for w in weeks],
        [w["returning"] for w in weeks],
        [w["resurrecting"] for w in weeks],
        [-w["dormant"] for w in weeks],
    ]
    # the reading is about the last whole week: the data end before the last week does
    week = weeks[-2]
    assert (
        f"In the last full week ({t.date(dt.date.fromisoformat(week['period'][:10]))} – "
        f"{t.date(dt.date.fromisoformat(week['period'][:10]) + dt.timedelta(days=6))}) "
        f"{t.number(week['active'])} people were active: {t.number(week['new'])} new, "
        f"{t.number(week['returning'])} returning and {t.number(week['resurrecting'])} "
        f"resurrected; {t.number(week['dormant'])} went dormant." in readings(reports["en"])
    )


def test_conversion_by_first_and_last_touch(
    reports: dict[str, str], reference: dict[str, Any]
) -> None:
    channels = {c.id: c.name for c in reference["map"].channels}
    traces = figures(reports["en"])["attribution"]["data"]
    assert [trace["name"] for trace in traces] == ["first touch", "last touch"]  # type: ignore[index]
    for trace, breakdown in zip(traces, ("first_touch", "last_touch"), strict=True):
        rows = reference["funnels"][breakdown]
        entered = {r["group"]: r["count"] for r in rows if r["step"] == 1}
        expected = {
            channels.get(r["group"], "no channel"): pytest.approx(100 * r["conversion"])
            for r in rows
            if r["step"] == 4 and entered[r["group"]]
        }
        assert dict(zip(trace["y"], trace["x"], strict=True)) == expected  # type: ignore[index]


def test_experience_by_stage_and_comment_sentiment(
    reports: dict[str, str], reference: dict[str, Any]
) -> None:
    t, names = Text("en"), _names(reference["map"])
    found = tables(reports["en"])
    _, rows, reading = found["Experience by stage"]
    stages = reference["stages"]
    assert rows == [
        [names[r["group"]], t.number(r["answers"]),
         f"{t.number(r['nps'])} ({t.number(r['nps_n'])})" if r["nps_n"] else "–",
         f"{t.number(r['csat_mean'], 2)} ({t.number(r['csat_n'])})" if r["csat_n"] else "–",
         f"{t.number(r['ces'], 2)} ({t.number(r['ces_n'])})" if r["ces_n"] else "–"]
        for r in stages
    ]  # fmt: skip
    lowest = min((r for r in stages if r["csat_n"] >= 30), key=lambda r: r["csat_mean"])
    assert reading.startswith(f"The lowest CSAT is at {names[lowest['group']]} ")
    header, rows, reading = found["Comment themes"]
    assert header[2:5] == ["% negative", "% positive", "mean sentiment (−1 … 1)"]
    assert rows and reading.startswith(f"The most mentioned theme is “{rows[0][0]}”")


def test_open_cases_and_opportunities_are_named_as_the_map_names_them(
    store: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "casos.duckdb"
    shutil.copyfile(store, copy)
    shutil.copyfile(store.with_name("journey.yaml"), tmp_path / "journey.yaml")
    assert run(["alerts", "run", "--store", str(copy)]) == 0
    assert run(["kpis", str(copy), "--open-cases"]) == 0
    with Journey(copy) as journey:
        page = render_report(journey, lang="es", today=DAY)
        assert journey.map is not None
        kpi_names = [k.name for k in journey.map.kpis]
    monitor = page[page.index('id="monitor"') :]
    cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", monitor, re.S)]
    # the rules by their names, KPI cases by the KPI's; never a rule's id
    assert "CSAT muy bajo en el checkout" in cells and "checkout_insatisfecho" not in cells
    assert not [c for c in cells if c.startswith("kpi:")]
    kpi_rows = [c for c in cells if c.startswith("Indicador: ")]
    assert kpi_rows and all(c.removeprefix("Indicador: ") in kpi_names for c in kpi_rows)
    # opportunities by what they are, not their ids
    assert any(c.startswith("Ampliar el horario del chat hasta las 22:00") for c in cells)
    assert "chat_hours" not in cells
    opened = re.search(r"Casos abiertos: ([\d.]+) \(de ([\d.]+)\)", monitor)
    assert opened is not None and int(opened.group(1).replace(".", "")) > 0
    assert monitor.count("Casos abiertos:") == 1  # the table's title, not a note besides


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_discovered_journey_graph_draws_the_most_taken_moves(
    store: Path, reports: dict[str, str], lang: str
) -> None:
    figure = figures(reports[lang])["graph"]
    with Journey(store) as journey:
        assert journey.map is not None
        stages = [s.id for s in journey.map.stages]
        stage_of = {tp.id: stages.index(tp.stage) for tp in journey.map.touchpoints}
        names = {tp.id: tp.name for tp in journey.map.touchpoints}
        moves = journey.transitions(level="touchpoint", collapse=True).rows()
    moves = [m for m in moves if m["source"] in names and m["target"] in names]
    top = sorted(moves, key=lambda m: (-m["people"], m["source"], m["target"]))[:30]
    t = Text(lang)  # type: ignore[arg-type]
    lines = [d for d in figure["data"] if d.get("mode") == "lines" and d.get("hovertext")]
    # one curve per move drawn, its hover naming the move and its people, as transitions count
    drawn = sorted(str(d["hovertext"]) for d in lines)
    people, times = ("personas", "veces") if lang == "es" else ("people", "times")
    expected = [
        f"{names[m['source']]} → {names[m['target']]}: {t.number(m['people'])} {people} "
        f"({t.number(m['count'])} {times})"
        for m in top
    ]
    assert drawn == sorted(expected)
    # coloured by the move against the stages' order; the widest is the most taken
    colors = {"forward": "rgba(31,95,139,0.45)", "skip": "rgba(230,159,0,0.70)",
              "backward": "rgba(200,85,61,0.55)"}  # fmt: skip
    by_hover = {str(d["hovertext"]): d["line"] for d in lines}
    for m, text in zip(top, expected, strict=True):
        gap = stage_of[m["target"]] - stage_of[m["source"]]
        kind = "forward" if gap in (0, 1) else "skip" if gap > 1 else "backward"
        assert by_hover[text]["color"] == colors[kind], text
    assert by_hover[expected[0]]["width"] == max(line["width"] for line in by_hover.values())
    # every touchpoint is a node, named under it
    labels = {a["text"].replace("<br>", " ") for a in figure["layout"]["annotations"]
              if not a.get("showarrow")}  # fmt: skip
    assert {html.escape(n) for n in names.values()} <= labels
