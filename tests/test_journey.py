"""``Journey`` and the analytics commands on the sample world: planted truths come out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import ibis
import pytest

from recorrido import Journey, UsageError
from recorrido.cli import run
from recorrido.requests import Scope
from recorrido.voice.monitor import kpi_status
from tests.conftest import journeys_for, sample_store

ONLINE = ["product_view", "add_to_cart", "checkout_started", "order_completed"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("world")
    return sample_store(folder, people=1500, seed=7)


@pytest.fixture
def journey(world: Path) -> Iterator[Journey]:
    with Journey(world) as opened:
        yield opened


def test_the_checkout_loses_the_most_people_of_the_online_funnel(journey: Journey) -> None:
    steps = journey.funnel(ONLINE).rows()
    assert [s["name"] for s in steps] == ONLINE
    counts = [s["count"] for s in steps]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    worst = max(steps[1:], key=lambda s: s["drop_off_rate"])
    assert worst["name"] == "order_completed"
    assert 0.35 <= worst["drop_off_rate"] <= 0.55


def test_display_ads_bring_leads_who_do_not_convert(journey: Journey) -> None:
    display = journey.funnel(["display_ad", "online_order"], level="touchpoint").rows()
    search = journey.funnel(["search_ad", "online_order"], level="touchpoint").rows()
    assert display[0]["count"] > search[0]["count"]
    assert display[1]["conversion"] < 0.02 < search[1]["conversion"]


def test_funnel_options_and_json_shape(journey: Journey) -> None:
    windowed = journey.funnel(ONLINE, window="10m").to_dict()
    unbounded = journey.funnel(ONLINE).to_dict()
    assert windowed["steps"][-1]["count"] <= unbounded["steps"][-1]["count"]
    assert set(windowed["steps"][0]) >= {"name", "count", "conversion", "step_conversion"}
    assert windowed["request"]["window"] == "10m"
    by_channel = journey.funnel(ONLINE[:2], breakdown="channel").rows()
    assert {row["breakdown"] if "breakdown" in row else row["channel"] for row in by_channel}


def test_stage_transitions_paths_conformance_retention(journey: Journey) -> None:
    edges = journey.transitions(level="stage", collapse=True).to_dict()
    assert edges["edges"] and {"source", "target", "count", "people", "share_out"} <= set(
        edges["edges"][0]
    )
    assert all(e["source"] != e["target"] for e in edges["edges"])
    assert edges["starts"] and edges["ends"]
    # without the starts and ends: the same edges, and no pretence of starts or ends
    bare = journey.transitions(level="stage", collapse=True, ends=False).to_dict()
    assert bare["edges"] == edges["edges"] and "starts" not in bare and "ends" not in bare
    # without durations: the same counts, no times
    counts = journey.transitions(level="stage", collapse=True, durations=False).to_dict()
    timed = ("median_seconds", "p95_seconds")
    assert [{k: v for k, v in e.items() if k not in timed} for e in counts["edges"]] == [
        {k: v for k, v in e.items() if k not in timed} for e in edges["edges"]
    ]
    assert all(e[k] is None for e in counts["edges"] for k in timed)
    paths = journey.paths(length=3, level="touchpoint", top=5).to_dict()["paths"]
    assert len(paths) == 5 and all(1 <= len(p["path"]) <= 3 for p in paths)
    assert [p["count"] for p in paths] == sorted((p["count"] for p in paths), reverse=True)
    conformance = journey.conformance().to_dict()
    assert conformance["order"] == ["awareness", "consideration", "decision", "purchase"]
    kinds = {m["kind"] for m in conformance["moves"]}
    assert {"forward", "skip", "backward"} <= kinds
    assert 0 < conformance["summary"]["mean_fitness"] < 1
    retention = journey.retention(period="week", periods=4).rows()
    assert {r["period"] for r in retention} == {0, 1, 2, 3}
    assert all(r["rate"] == 1.0 for r in retention if r["period"] == 0)


def test_bad_requests_are_clear(journey: Journey) -> None:
    with pytest.raises(UsageError, match=r"unknown step .purchase..*did you mean"):
        journey.funnel(["product_view", "purchase"])
    with pytest.raises(UsageError, match="at least 2 steps"):
        journey.funnel(["product_view"])
    with pytest.raises(UsageError, match="window '7 months'"):
        journey.funnel(ONLINE, window="7 months")
    with pytest.raises(UsageError, match="mode"):
        journey.funnel(ONLINE, mode="loose")


def test_a_step_no_event_matches_warns_and_counts_zero(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert run(["init", str(project), "--lang", "en"]) == 0
    events = project / "events.csv"
    rows = journeys_for({"ana": ["ad_click", "product_view"], "luis": ["ad_click"]})
    events.write_text(
        "user_id,timestamp,event\n"
        + "".join(f"{r['user_id']},{r['timestamp']},{r['event']}\n" for r in rows),
        encoding="utf-8",
    )
    with Journey(events, map=project / "journey.yaml") as journey:
        result = journey.funnel(["ad_click", "product_view", "order_placed"], level="touchpoint")
    assert [s["count"] for s in result.rows()] == [2, 1, 0]
    assert result.warnings == ["step 'order_placed' matches no event: its count is 0"]


def test_cli_reads_an_events_file_directly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = tmp_path / "ventas.csv"
    rows = journeys_for({"ana": ["view", "cart", "buy"], "luis": ["view", "cart"], "eva": ["view"]})
    events.write_text(
        "cliente_id,fecha,evento\n"
        + "".join(f"{r['user_id']},{r['timestamp']},{r['event']}\n" for r in rows),
        encoding="utf-8",
    )
    code = run(["funnel", str(events), "--steps", "view,cart,buy", "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [s["count"] for s in document["steps"]] == [3, 2, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ventas.csv"]
    code = run(["transitions", str(events), "--json"])
    edges = json.loads(capsys.readouterr().out)
    assert {(e["source"], e["target"], e["count"]) for e in edges["edges"]} == {
        ("view", "cart", 2),
        ("cart", "buy", 1),
    }
    code = run(["funnel", str(events), "--steps", "view,carrt"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown step 'carrt'" in err and "did you mean 'cart'" in err


def test_dropped_units_and_exclusions(journey: Journey, tmp_path: Path) -> None:
    steps = journey.funnel(ONLINE).rows()
    lost = journey.dropped(ONLINE, 4)
    assert lost.to_arrow().num_rows == steps[3]["drop_off"]
    assert set(lost.to_arrow()["reached"].to_pylist()) == {3}
    with pytest.raises(UsageError, match="choose a step from 2 to 4"):
        journey.dropped(ONLINE, 1)
    excluded = journey.funnel(ONLINE, exclude=["page_scroll:1-2"]).rows()
    assert excluded[1]["count"] <= steps[1]["count"]
    with pytest.raises(UsageError, match="expected LABEL:A-B"):
        journey.funnel(ONLINE, exclude=["page_scroll"])
    with pytest.raises(UsageError, match="optional step 'cart' is not one of the steps"):
        journey.funnel(ONLINE, optional=["cart"])


def test_variants_and_loyalty(journey: Journey) -> None:
    found = journey.variants(level="stage", max_length=4, top=3).to_dict()["paths"]
    assert len(found) == 3 and found[0]["count"] >= found[1]["count"]
    loyalty = journey.loyalty("order_completed").to_dict()
    repeat = loyalty["repeat_purchases"]
    assert 0 < repeat["repeat_purchasers"] <= repeat["purchasers"]
    assert {"period", "active", "new", "returning", "resurrecting", "dormant"} <= set(
        loyalty["lifecycle"][0]
    )


def test_routes_and_deviations_of_the_sample_world(journey: Journey) -> None:
    routes = {r["route"]: r for r in journey.routes().rows()}
    assert list(routes) == [
        "ruta_informativa",
        "compra_directa",
        "anuncio_a_compra",
        "soporte_chat",
        "soporte_telefono",
    ]
    assert all(r["units"] > 0 for r in routes.values())
    for direct in ("compra_directa", "anuncio_a_compra"):  # they end at the conversion
        assert routes[direct]["kind"] == "direct_purchase"
        assert routes[direct]["converted"] == routes[direct]["units"]
    informative = routes["ruta_informativa"]
    assert informative["share"] > routes["compra_directa"]["share"]
    assert 0 < informative["conversion_rate"] < 1
    support = [routes["soporte_chat"], routes["soporte_telefono"]]
    assert all(r["kind"] == "support" and r["converted"] <= r["units"] for r in support)
    stages = {r["step"]: r for r in journey.conformance(by="stage").rows()}
    assert stages["decision"]["skipped"] > 0  # an ad or a product page straight to checkout
    assert stages["awareness"]["skipped"] == stages["purchase"]["skipped"] == 0
    personas = {r["persona"] for r in journey.conformance(by="persona").rows()}
    assert personas == {
        "lucia_origen",
        "jorge_oficina",
        "marta_de_barrio",
        "pablo_economico",
        "(no persona)",
    }


def test_retention_by_persona_splits_each_cohort(journey: Journey) -> None:
    whole = journey.retention(period="week", periods=2).rows()
    split = journey.retention(period="week", periods=2, breakdown="persona").rows()
    sizes: dict[object, int] = {}
    for row in split:
        if row["period"] == 0:
            sizes[row["cohort"]] = sizes.get(row["cohort"], 0) + row["cohort_size"]
    assert sizes == {r["cohort"]: r["cohort_size"] for r in whole if r["period"] == 0}
    assert {r["breakdown"] for r in split} >= {"lucia_origen", "pablo_economico"}
    with pytest.raises(UsageError, match="first_touch breaks down funnels"):
        journey.retention(breakdown="first_touch")


def test_a_property_to_hold_must_exist(journey: Journey) -> None:
    held = journey.funnel(["product_view", "add_to_cart"], hold="product").rows()
    assert held[0]["count"] > 0
    with pytest.raises(UsageError, match="hold 'prodcut': no event of the steps has this") as err:
        journey.funnel(["product_view", "add_to_cart"], hold="prodcut")
    assert "did you mean 'product'" in str(err.value)


def _rounded(value: object) -> object:
    """``value`` with every float rounded to 9 significant digits, however deep."""
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def test_cached_events_give_the_same_results_and_are_dropped(journey: Journey) -> None:
    assert journey.map is not None and journey.store is not None
    steps = list(journey.map.buyer_journey.steps)
    level = journey.map.journey_level()

    def analyses() -> list[object]:
        return [
            journey.funnel(steps, level=level).to_dict(),
            journey.transitions(level="stage").to_dict(),
            journey.painpoints().to_dict(),
            journey.experience("touchpoint").to_dict(),
            journey.retention(period="week", periods=4).to_dict(),
            # the properties, kept out of the cached file, joined back for these
            journey.funnel(["product_view", "add_to_cart"], hold="product").to_dict(),
            journey.funnel(steps, level=level, breakdown="properties.campaign").to_dict(),
            journey.retention(periods=4, breakdown="properties.campaign").to_dict(),
            # these read the cached events' position and placed stage
            journey.conformance().to_dict(),
            journey.routes().to_dict(),
            journey.drivers().to_dict(),
            journey.paths(level="touchpoint").to_dict(),
            [status.to_dict() for status in kpi_status(journey, journey.map)],
        ]

    def views() -> dict[str, str]:
        assert journey.store is not None
        rows = journey.store.connection.execute(
            "SELECT view_name, sql FROM duckdb_views() WHERE temporary AND NOT internal"
        ).fetchall()
        # (not Ibis's in-memory tables, which some analyses register and Ibis drops)
        return {str(name): str(sql) for name, sql in rows if not str(name).startswith("ibis_")}

    def tables() -> set[str]:
        assert journey.store is not None
        rows = journey.store.connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE temporary"
        ).fetchall()
        return {str(name) for (name,) in rows}

    before = analyses()
    assert not views()
    with journey.cached() as cached:
        assert cached is journey
        inside = analyses()
        # one file of placed events for every level, read through a view per scope
        files = {m for sql in views().values() for m in re.findall(r"read_parquet\('([^']+)'", sql)}
        assert len(files) == 1
        cache_file = Path(files.pop())
        assert cache_file.is_file()
        made = set(views())
        assert len(tables()) == 1  # the scored answers, kept for every analysis of them
        with journey.cached():  # nested: the same file and views
            journey.transitions(level="stage")
            assert set(views()) == made
    # sums of floats may add in another order (the file is sorted by person): last digits
    assert _rounded(inside) == _rounded(before)
    assert not views() and not tables()
    assert not cache_file.exists() and not cache_file.parent.exists()


def test_events_with_their_stage(journey: Journey) -> None:
    assert journey.map is not None
    stage_of = {tp.id: tp.stage for tp in journey.map.touchpoints}

    def pairs() -> set[tuple[str, str]]:
        events = journey.events(Scope(level="touchpoint"), stage=True)
        rows = journey._run(events.select("label", "stage").distinct()).to_pylist()
        return {(row["label"], row["stage"]) for row in rows}

    found = pairs()
    assert found == {(label, stage_of[label]) for label, _ in found}
    assert len(found) > 10
    with journey.cached():
        assert pairs() == found
    assert "stage" not in journey.events(Scope(level="touchpoint")).columns
    table = journey.events(Scope())
    given = Journey.from_table(ibis.memtable(journey._run(table.limit(5))))
    with pytest.raises(UsageError, match="no stage"):
        given.events(stage=True)
