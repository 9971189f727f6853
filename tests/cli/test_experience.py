"""``recorrido experience``: metrics per group, the emotion curve, drivers, and bad input."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

import recorrido.cli.experience  # noqa: F401  (registers the command)
from recorrido.cli import run
from recorrido.ingest import ingest_events, ingest_feedback, ingest_people
from recorrido.store import Store

MAP = textwrap.dedent(
    """\
    version: 1
    meta: {name: Tienda, language: es, timezone: UTC}
    stages:
      - {id: awareness, name: Conciencia}
      - {id: consideration, name: Consideración}
      - {id: purchase, name: Compra}
      - {id: post_purchase, name: Posventa}
    attributes:
      segment: {type: string}
    personas:
      - {id: premium, name: Premium, assign: 'segment == "premium"'}
    channels:
      - {id: ads, name: Anuncios, type: ad, kind: paid}
      - {id: web, name: Web, type: website}
      - {id: phone, name: Teléfono, type: phone}
    touchpoints:
      - {id: ad, name: Anuncio, channel: ads, stage: awareness, match: {event: ad_click}}
      - {id: product, name: Ficha, channel: web, stage: consideration,
         match: {event: product_view}}
      - {id: order, name: Pedido, channel: web, stage: purchase, match: {event: order_completed}}
      - {id: call, name: Llamada, channel: phone, stage: post_purchase,
         match: {event: support_contact}}
    scenarios:
      awareness: {emotion: 1}
      consideration: {emotion: 1}
      purchase: {emotion: 2}
      post_purchase: {emotion: 0}
    buyer_journey: {steps: [awareness, consideration, purchase], conversion: order}
    """
)
EVENTS = """\
user_id,timestamp,event
ana,2026-03-01T10:00:00Z,ad_click
ana,2026-03-01T10:01:00Z,product_view
ana,2026-03-01T10:02:00Z,order_completed
bo,2026-03-01T10:00:00Z,ad_click
bo,2026-03-01T10:05:00Z,support_contact
"""
FEEDBACK = """\
response_id,customer_id,submitted_at,touchpoint,stage,metric,score
r1,ana,2026-03-01T10:03:00Z,,,nps,9
r2,ana,2026-03-01T10:03:00Z,order,,csat,5
r3,bo,2026-03-01T10:06:00Z,call,,nps,2
r4,bo,2026-03-01T10:06:00Z,call,,ces,6
r5,bo,2026-03-01T10:06:00Z,call,,csat,2
r6,cy,2026-03-02T09:00:00Z,,purchase,csat,4
r7,ana,2026-03-02T09:30:00Z,kiosk,,csat,3
"""
"""ana's NPS follows her order (last touch); bo's call goes badly; cy, never seen, answers
about the purchase stage; r7 names a touchpoint the map does not have."""


def write_shop(folder: Path, *, feedback: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "journey.yaml").write_text(MAP, encoding="utf-8")
    (folder / "events.csv").write_text(EVENTS, encoding="utf-8")
    (folder / "feedback.csv").write_text(FEEDBACK, encoding="utf-8")
    (folder / "people.csv").write_text("customer_id,segment\nana,premium\n", encoding="utf-8")
    with Store.open(folder / "recorrido.duckdb", create=True) as store:
        ingest_people(store, folder / "people.csv", declared={"segment": "string"})
        ingest_events(store, folder / "events.csv")
        if feedback:
            ingest_feedback(store, folder / "feedback.csv")
    return folder / "recorrido.duckdb"


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_shop(tmp_path_factory.mktemp("shop"))


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["experience", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = call(capsys, *args, "--json")
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def test_metrics_per_touchpoint(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = as_json(capsys, str(shop))
    rows = {row["group"]: row for row in document["rows"]}
    assert list(rows) == ["order", "call", "kiosk", "(unlinked)"]  # map order, then the rest
    order, phone = rows["order"], rows["call"]
    assert (order["nps"], order["nps_n"], order["csat"], order["csat_n"]) == (100.0, 1, 1.0, 1)
    assert (phone["nps"], phone["ces"], phone["csat_mean"]) == (-100.0, 6.0, 2.0)
    assert phone["nps_low"] is True and phone["ces_easy"] == 0.0
    assert rows["(unlinked)"]["csat_mean"] == 4.0  # cy's answer names only a stage
    answers = document["answers"]
    assert (answers["answers"], answers["valid"], answers["linked_last_touch"]) == (7, 7, 1)
    assert (answers["linked_unknown_touchpoint"], answers["unknown_person"]) == (1, 1)
    assert any("kiosk" in w for w in document["warnings"])
    assert document["request"] == {"by": "touchpoint", "period": "week", "min_sample": 30}


def test_metrics_per_stage_persona_and_channel(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stages = {r["group"]: r["answers"] for r in as_json(capsys, str(shop), "--by", "stage")["rows"]}
    assert stages == {"purchase": 3, "post_purchase": 3, "(unlinked)": 1}
    personas = {
        r["group"]: r["answers"] for r in as_json(capsys, str(shop), "--by", "persona")["rows"]
    }
    assert personas == {"premium": 3, "(no persona)": 4}
    channels = {
        r["group"]: r["answers"] for r in as_json(capsys, str(shop), "--by", "channel")["rows"]
    }
    assert channels == {"web": 2, "phone": 3, "(unlinked)": 2}


def test_daily_periods_and_the_comparison(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = as_json(capsys, str(shop), "--by", "period", "--period", "day")
    assert [(r["group"], r["answers"]) for r in document["rows"]] == [
        ("2026-03-01T00:00:00", 5),
        ("2026-03-02T00:00:00", 2),
    ]
    comparison = document["comparison"]
    assert comparison["latest"] == "2026-03-02T00:00:00" and comparison["partial"] is True
    csat = comparison["metrics"]["csat"]  # 1 of 2 satisfied against 1 of 2
    assert (csat["latest"], csat["previous"], csat["difference"]) == (0.5, 0.5, 0.0)
    assert comparison["metrics"]["nps"]["difference"] is None  # no NPS on 03-02
    code, out, _ = call(capsys, str(shop), "--by", "period", "--period", "day")
    assert code == 0 and "period 2026-03-02 (partial" in out and "csat: +0.0 pp" in out


def test_the_emotion_curve(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = as_json(capsys, str(shop), "--emotion")
    curve = {p["stage"]: p for p in document["curve"]}
    assert list(curve) == ["awareness", "consideration", "purchase", "post_purchase"]
    # purchase: NPS 9 (+2), CSAT 5 (+2), CSAT 4 (+1); post-purchase: NPS 2 (−2), CES 6
    # (−4/3), CSAT 2 (−1)
    assert curve["purchase"]["measured"] == pytest.approx(5 / 3)
    assert curve["purchase"]["gap"] == pytest.approx(5 / 3 - 2)
    assert curve["post_purchase"]["measured"] == pytest.approx((-2 - 4 / 3 - 1) / 3)
    assert curve["awareness"] == {
        "stage": "awareness", "designed": 1, "measured": None, "gap": None, "answers": 0,
        "low_sample": True, "emotion_nps": None, "emotion_csat": None, "emotion_ces": None,
        "emotion_rating": None,
    }  # fmt: skip
    code, out, _ = call(capsys, str(shop), "--emotion")
    assert code == 0 and "emotion curve" in out and "○ designed" in out


def test_drivers(shop: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = as_json(capsys, str(shop), "--drivers")
    people = {p["person"]: p for p in document["people"]}
    assert people["bo"]["nps"] == 2.0 and people["bo"]["answers"] == 3
    assert people["bo"]["experience"] == pytest.approx((1 / 6 + 0.25) / 2)
    drivers = {d["touchpoint"]: d for d in document["drivers"]}
    assert list(drivers) == ["(journey)", "order", "call", "kiosk"]
    assert drivers["(journey)"]["people"] == 2  # ana and bo gave an NPS
    csv = tmp_path / "people.csv"
    code, out, _ = call(capsys, str(shop), "--drivers", "--csv", str(csv))
    assert code == 0 and "3 people answered" in out and "(journey)" in out
    assert csv.read_text(encoding="utf-8").startswith('"person","answers"')


def test_the_text_table(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, str(shop))
    assert code == 0
    assert "experience by touchpoint" in out and "warning: 1 answers name touchpoints" in out
    assert "+100*" in out and "-100*" in out  # low samples are starred


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "touchpoints"], "did you mean 'touchpoint'?"),
        (["--by", "period", "--period", "month"], "period 'month': use day or week"),
        (["--emotion", "--drivers"], "two views"),
    ],
)
def test_bad_options(
    shop: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = call(capsys, str(shop), *args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and len(err.strip().splitlines()) == 1


def test_a_store_without_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = write_shop(tmp_path / "empty", feedback=False)
    code, _, err = call(capsys, str(store))
    assert code == 2 and "the store has no survey answers" in err
    assert "recorrido ingest feedback FILE" in err


def test_an_events_file_or_no_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = write_shop(tmp_path / "shop")
    code, _, err = call(capsys, str(tmp_path / "shop" / "events.csv"))
    assert code == 2 and "SOURCE is an events file" in err
    (tmp_path / "shop" / "journey.yaml").unlink()
    code, _, err = call(capsys, str(store))
    assert code == 2 and "--map journey.yaml" in err
