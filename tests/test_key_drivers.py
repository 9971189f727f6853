"""Key drivers on the sample world: its planted truths come out on top (hard support leaves
detractors, rude service at the centro café loses customers, display ads do not convert),
and bad requests fail with one clear line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from recorrido import Journey
from recorrido.errors import UsageError
from tests.conftest import sample_store

SUPPORT = ("support_chat", "support_phone")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    folder = tmp_path_factory.mktemp("altura")
    with Journey(sample_store(folder, people=3000, seed=5)) as journey:
        yield journey


def test_hard_support_is_the_top_driver_of_detractors(world: Journey) -> None:
    body = world.drivers("nps").to_dict()
    first, second = body["drivers"][:2]
    for row in (first, second):
        assert row["verdict"] == "hurts"
        assert row["place"] in SUPPORT or row["place"] == "support", row["driver"]
        assert row["effect"] <= -80 and row["q_value"] < 0.001
        assert row["ci95"][1] < 0
    hard = next(r for r in body["drivers"] if r["driver"] == "bad_score:support_chat")
    # the baseline of a bad score is the people who rated the same place without one
    assert hard["baseline"] == "answered:support_chat"
    assert hard["exposed_value"] <= -50 <= 0 <= hard["unexposed_value"]
    fix_first = [m["place"] for m in body["matrix"] if m["quadrant"] == "fix_first"]
    assert set(fix_first) & set(SUPPORT)


def test_rude_service_at_centro_is_the_top_driver_of_churn(world: Journey) -> None:
    body = world.drivers("churn").to_dict()
    centro = {
        "bad_score:cafe_centro",
        "negative_comment:cafe_centro",
        "negative_theme:staff_manners",
    }
    top = [row["driver"] for row in body["drivers"][:3]]
    assert top[0] in centro and len(set(top) & centro) >= 2, top
    assert all(row["verdict"] == "hurts" for row in body["drivers"][:3])
    first = body["drivers"][0]
    assert first["exposed_value"] >= first["unexposed_value"] + 20
    # in the matrix, centro is important (above the mean importance; its performance sits
    # near the mean, pulled down by the checkout) and the most important café
    matrix = {m["place"]: m for m in body["matrix"]}
    assert matrix["cafe_centro"]["quadrant"] in {"fix_first", "keep_up"}
    assert matrix["cafe_centro"]["importance"] > 0.2 and matrix["cafe_centro"]["p_value"] < 0.001
    others = [matrix[c]["importance"] for c in ("cafe_norte", "cafe_playa")]
    assert matrix["cafe_centro"]["importance"] > max(others)


def test_display_ads_hold_back_online_conversion(world: Journey) -> None:
    body = world.drivers("conversion", kinds=["contact"]).to_dict()
    assert body["conversions"] == ["online_order"]
    display = next(r for r in body["drivers"] if r["driver"] == "contact:display_ad")
    assert display["verdict"] == "hurts" and display["exposed_value"] < 1.0
    assert display["rank"] <= 2
    assert all(row["kind"] == "contact" for row in body["drivers"])


def test_every_tested_driver_has_consistent_numbers(world: Journey) -> None:
    body = world.drivers("churn", min_exposed=30).to_dict()
    assert body["drivers"], "the sample world has drivers of churn"
    for row in body["drivers"]:
        assert row["exposed"] >= 30 and row["unexposed"] >= 30
        assert row["effect"] == pytest.approx(row["exposed_value"] - row["unexposed_value"])
        assert row["harm"] == pytest.approx(row["effect"])  # churn: more is worse
        assert row["q_value"] >= row["p_value"]
    assert [row["rank"] for row in body["drivers"]] == list(range(1, len(body["drivers"]) + 1))


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"outcome": "loyalty"}, "usage_drivers_outcome"),
        ({"kinds": ["bad_scores"]}, "usage_drivers_kind"),
        ({"purchases": ["cafe_center"]}, "usage_unknown_step"),
        ({"outcome": "churn", "churn_days": 10_000}, "no_data"),
    ],
)
def test_bad_requests_are_one_clear_line(
    world: Journey, options: dict[str, object], code: str
) -> None:
    outcome = str(options.pop("outcome", "nps"))
    with pytest.raises(UsageError) as error:
        world.drivers(outcome, **options)
    assert error.value.code == code
    assert "\n" not in str(error.value)


def test_nps_drivers_need_nps_answers(tmp_path: Path) -> None:
    from recorrido.datasets import generate, write
    from recorrido.ingest import ingest_events
    from recorrido.map import load_map
    from recorrido.store import Store

    files = write(generate(people=200, seed=3), tmp_path)
    with Store.open(tmp_path / "s.duckdb", create=True) as store:
        ingest_events(store, files.events, timezone=load_map(files.journey).meta.timezone)
    with Journey(tmp_path / "s.duckdb", map=files.journey) as journey:
        with pytest.raises(UsageError, match="no valid NPS answer") as error:
            journey.drivers("nps")
        assert error.value.code == "no_feedback"
        body = journey.drivers("conversion").to_dict()  # events alone are enough
    assert all(row["kind"] in {"contact", "repeat", "long_wait"} for row in body["drivers"])
    assert body["matrix"] == []


def test_a_map_whose_touchpoints_match_no_event(tmp_path: Path) -> None:
    from recorrido.datasets import generate, write
    from recorrido.ingest import ingest_events
    from recorrido.map import load_map
    from recorrido.store import Store

    files = write(generate(people=150, seed=2), tmp_path)
    with Store.open(tmp_path / "s.duckdb", create=True) as store:
        ingest_events(store, files.events, timezone=load_map(files.journey).meta.timezone)
    text = files.journey.read_text(encoding="utf-8").replace("match: {event: ", "match: {event: x_")
    odd = tmp_path / "odd.yaml"
    odd.write_text(text, encoding="utf-8")
    expected = "no journey event falls on the map's touchpoints"
    with (
        Journey(tmp_path / "s.duckdb", map=odd) as journey,
        pytest.raises(UsageError, match=expected),
    ):
        journey.drivers("conversion")
