"""Metric alerts through the closed loop: a KPI alert opens one case per (KPI, reason, window
end), owned by the KPI's owner, and reaches the KPI's webhooks through the outbox."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from recorrido import Journey
from recorrido.cli import run
from recorrido.errors import MapError
from recorrido.map import load_map
from recorrido.map.models import JourneyMap, Webhook
from recorrido.store import Store
from recorrido.voice.cases import get_case, list_cases
from recorrido.voice.kpi_cases import kpi_rule_id, open_kpi_cases
from recorrido.voice.monitor import KpiAlert, kpi_alerts, kpi_status
from recorrido.voice.outbox import deliver, messages_of
from tests.voice.loop.helpers import ENV, FAST, SECRET_ENV, Receiver

from .shop import write_shop

END = dt.datetime(2026, 3, 8)
NOW = dt.datetime(2026, 3, 9, 8, 0)


def _with_hooks(journey_map: JourneyMap, url: str) -> JourneyMap:
    """The shop's map with a webhook ``crm`` and an owner and that webhook on every KPI."""
    kpis = [kpi.model_copy(update={"owner": "cx", "webhooks": ["crm"]}) for kpi in journey_map.kpis]
    hook = Webhook(id="crm", url=url, secret_env=SECRET_ENV, max_attempts=3)
    return journey_map.model_copy(update={"kpis": kpis, "webhooks": [hook]})


Shop = tuple[Path, JourneyMap, list[KpiAlert], list[KpiAlert]]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    """The shop's store, map, and its alerts for the week to END and the week after."""
    path = write_shop(tmp_path_factory.mktemp("shop"))
    with Journey(path) as journey:
        assert journey.map is not None
        alerts = kpi_alerts(kpi_status(journey, journey.map, days=7, end=END))
        # the next week, the same KPIs off again (the API takes alerts from any window)
        week = dt.timedelta(days=7)
        later = [replace(a, start=a.start + week, end=a.end + week) for a in alerts]
        return path, journey.map, alerts, later


def _copy(shop: Shop, folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(shop[0].with_name("journey.yaml"), folder / "journey.yaml")
    return Path(shutil.copy(shop[0], folder / "recorrido.duckdb"))


def test_alerts_open_one_case_per_kpi_reason_and_window(shop: Shop, tmp_path: Path) -> None:
    path = _copy(shop, tmp_path / "shop")
    _, journey_map, alerts, later = shop
    assert alerts, "the shop has KPIs off target"
    hooked = _with_hooks(journey_map, "http://127.0.0.1:9/hooks")
    with Store.open(path) as store:
        first = open_kpi_cases(store, hooked, alerts, now=NOW)
        again = open_kpi_cases(store, hooked, alerts, now=NOW)
        cases = list_cases(store)
        assert first.opened == len(alerts) == len(cases) and again.opened == 0
        alert = alerts[0]
        case = get_case(store, f"{kpi_rule_id(alert.kpi)}-1")
        assert case.rule_id == f"kpi:{alert.kpi}" and case.owner == "cx"
        assert case.response_id == f"{alert.reason}:{END.isoformat()}"
        assert case.status == "open" and case.person_id is None
        assert case.score == alert.value and case.responded_at == END
        assert case.history[0].note is not None and alert.kpi in case.history[0].note
        messages = messages_of(store, case.case_id)
        assert [m.webhook_id for m in messages] == ["crm"]
    # a week later the same KPIs are off again: new cases, numbered on
    with Store.open(path) as store:
        opened = open_kpi_cases(store, hooked, later, now=NOW + dt.timedelta(days=7))
        assert opened.opened == len(later)
        ids = sorted(c.case_id for c in list_cases(store, rule=kpi_rule_id(alert.kpi)))
        reasons = sum(1 for a in alerts if a.kpi == alert.kpi)
        assert ids == [f"kpi:{alert.kpi}-{n}" for n in range(1, 2 * reasons + 1)]


def test_kpi_alerts_reach_a_real_receiver_signed_once(shop: Shop, tmp_path: Path) -> None:
    path = _copy(shop, tmp_path / "shop")
    _, journey_map, alerts, _ = shop
    with Receiver(fail_first=1) as receiver:
        hooked = _with_hooks(journey_map, receiver.url)
        with Store.open(path) as store:
            open_kpi_cases(store, hooked, alerts, now=NOW)
            report = deliver(store, hooked, backoff=FAST, environ=ENV)
            again = deliver(store, hooked, backoff=FAST, environ=ENV)
    assert report.delivered == len(alerts) and again.delivered == 0
    assert len(receiver.acknowledged()) == len(alerts)  # the failed first try was retried
    bodies = [r.body for r in receiver.received if r.status == 200]
    assert all(r.signed for r in receiver.received)
    body = bodies[0]
    assert body["type"] == "recorrido.kpi_alert" and body["webhook"] == "crm"
    assert re.fullmatch(r"kpi:\w+-1", body["case"]["id"]) and body["case"]["owner"] == "cx"
    assert body["alert"]["end"] == END.isoformat() and body["alert"]["summary"]
    assert body["alert"]["reason"] in {"target_not_met", "dropped"}


def test_cli_open_cases(shop: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _copy(shop, tmp_path / "shop")
    assert run(["kpis", str(path), "--days", "7", "--open-cases", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["cases"]["opened"] == len(body["alerts"]) > 0
    assert run(["alerts", "list", "--store", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    rows = listed["cases"] if isinstance(listed, dict) else listed
    assert {row["rule_id"].split(":")[0] for row in rows} == {"kpi"}
    assert run(["kpis", str(path), "--open-cases", "--opportunities"]) == 2
    assert "--open-cases" in capsys.readouterr().err


def test_map_rejects_a_kpi_webhook_it_does_not_declare(shop: Shop, tmp_path: Path) -> None:
    folder = _copy(shop, tmp_path / "shop").parent
    yaml = (folder / "journey.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace(
        "target: 0.4, touchpoint: order}", "target: 0.4, touchpoint: order, webhooks: [crn]}"
    )
    (folder / "journey.yaml").write_text(yaml, encoding="utf-8")
    with pytest.raises(MapError) as error:
        load_map(folder / "journey.yaml")
    assert "webhook" in str(error.value) and "crn" in str(error.value)
    assert re.search(r"journey\.yaml:\d+:\d+", str(error.value))
