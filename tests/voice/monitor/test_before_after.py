"""Opportunities: the KPI before vs after the change, the verdict in English and Spanish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from recorrido import Journey
from recorrido.errors import UsageError
from recorrido.map.models import Kpi, KpiMetric, Opportunity
from recorrido.significance import Comparison
from recorrido.voice.before_after import opportunity_effect, opportunity_effects, verdict
from recorrido.voice.kpis import kpi_data
from tests.conftest import sample_store

from .shop import write_shop


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    with Journey(write_shop(tmp_path_factory.mktemp("shop"))) as opened:
        yield opened


def test_windows_leave_the_change_day_out(shop: Journey) -> None:
    assert shop.map is not None
    effects, skipped = opportunity_effects(shop, shop.map, days=7)
    assert skipped == ["opportunity 'idea_only' has no changed_on or kpi: not measured"]
    (effect,) = effects
    before, after = effect.before, effect.after
    assert (before.start, before.end) == (dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 8))
    assert (after.start, after.end) == (dt.datetime(2026, 3, 9), dt.datetime(2026, 3, 16))
    # hu's 1000 € order on the day of the change counts on neither side
    assert (before.value, before.n, after.value, after.n) == (20.0, 3, 40.0, 1)
    assert effect.comparison is not None and effect.comparison.difference == 20.0
    assert effect.comparison.p_value is None  # one order after: no standard deviation
    assert (effect.verdict, effect.verdict_es) == ("no clear change", "sin cambio claro")
    assert effect.notes == ()
    document = effect.to_dict()
    assert document["changed_on"] == "2026-03-08" and document["verdict_es"] == "sin cambio claro"


def test_after_windows_beyond_the_data_are_noted(shop: Journey) -> None:
    assert shop.map is not None
    late = Opportunity(id="late", description="x", changed_on=dt.date(2026, 4, 5), kpi="aov")
    with kpi_data(shop, shop.map) as data:
        effect = opportunity_effect(data, late, days=7)
        assert effect.notes[0].startswith("the data ends on 2026-04-11, before the after window")
        assert "after: no purchase in the window" in effect.notes
        with pytest.raises(UsageError, match="kpi 'nope' is not in the map's kpis"):
            opportunity_effect(data, late.model_copy(update={"kpi": "nope"}))
        with pytest.raises(UsageError, match="needs changed_on and kpi"):
            opportunity_effect(data, late.model_copy(update={"changed_on": None}))


@pytest.mark.parametrize(
    ("direction", "difference", "p_value", "expected"),
    [
        ("higher", 0.1, 0.01, "helped"),
        ("higher", -0.1, 0.01, "hurt"),
        ("lower", -0.1, 0.01, "helped"),
        ("lower", 0.1, 0.01, "hurt"),
        ("higher", 0.1, 0.2, "no clear change"),
        ("lower", -0.1, None, "no clear change"),
    ],
)
def test_verdict(direction: str, difference: float, p_value: float | None, expected: str) -> None:
    kpi = Kpi(id="k", metric=KpiMetric.ces, target=3, direction=direction)  # type: ignore[arg-type]
    comparison = Comparison("welch_normal", difference, None, None, p_value)
    assert verdict(kpi, comparison) == expected
    assert verdict(kpi, None) == "no clear change"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    """The default sample world (5,000 people, seed 7)."""
    folder: Path = tmp_path_factory.mktemp("altura")
    path = sample_store(folder)
    with Journey(path) as journey:
        yield journey


def test_the_chat_hours_helped_support_effort(world: Journey) -> None:
    """Planted truth chat_hours_cut_effort: chat CES fell after 2026-06-01. The KPI
    support_ces covers the whole post-purchase stage (phone too), and the sample world has
    few support answers, so the windows are 90 days (the data runs March–August)."""
    assert world.map is not None
    effects, _ = opportunity_effects(world, world.map, days=90)
    effect = next(e for e in effects if e.opportunity.id == "chat_hours")
    assert effect.kpi.id == "support_ces"
    assert effect.before.value is not None and effect.after.value is not None
    assert effect.before.value - effect.after.value >= 0.5
    assert effect.comparison is not None and effect.comparison.ci95 is not None
    assert effect.comparison.ci95[1] < 0
    assert (effect.verdict, effect.verdict_es) == ("helped", "ayudó")
    # the chat alone, where the hours changed: a larger fall than the stage's, and helped
    place = effect.at_touchpoint
    assert place is not None and place.touchpoint == "support_chat"
    assert place.before.value is not None and place.after.value is not None
    assert place.before.value - place.after.value > effect.before.value - effect.after.value
    assert place.after.n < effect.after.n  # phone answers are left out
    assert place.verdict == "helped" and effect.to_dict()["at_touchpoint"]["verdict_es"] == "ayudó"
    # the other opportunities' KPIs are not survey scores: no at_touchpoint
    checkout = next(e for e in effects if e.opportunity.id == "one_step_checkout")
    assert checkout.at_touchpoint is None


def test_no_touchpoint_comparison_when_the_kpi_is_already_there(shop: Journey) -> None:
    assert shop.map is not None
    effects, _ = opportunity_effects(shop, shop.map, days=7)
    assert effects[0].at_touchpoint is None  # average order value is not a survey score
