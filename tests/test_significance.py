"""Differences, intervals and tests, checked against values worked out by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.significance import (
    Z95,
    benjamini_hochberg,
    correlation_p,
    difference_of_means,
    nps_difference,
    two_proportions,
    two_sided_p,
)


def test_two_sided_p_of_familiar_statistics() -> None:
    assert two_sided_p(0.0) == 1.0
    assert two_sided_p(Z95) == pytest.approx(0.05, abs=1e-12)
    assert two_sided_p(-2.5758293035489) == pytest.approx(0.01, abs=1e-9)


def test_two_proportions_by_hand() -> None:
    # 60/100 against 45/100: pooled p = 0.525, se = sqrt(0.525·0.475·0.02) = 0.0706222
    result = two_proportions(60, 100, 45, 100)
    assert result.difference == pytest.approx(0.15)
    assert result.z == pytest.approx(0.15 / math.sqrt(0.525 * 0.475 * 0.02))
    assert result.p_value == pytest.approx(0.03367, abs=1e-4)
    assert result.significant is True
    unpooled = math.sqrt(0.6 * 0.4 / 100 + 0.45 * 0.55 / 100)
    assert result.ci95 == pytest.approx((0.15 - Z95 * unpooled, 0.15 + Z95 * unpooled))


def test_two_proportions_without_data_or_spread() -> None:
    assert two_proportions(0, 0, 3, 10).difference is None
    flat = two_proportions(10, 10, 5, 5)  # both 100%: no spread at all
    assert (flat.difference, flat.ci95, flat.p_value, flat.significant) == (0.0, None, None, None)


def test_nps_difference_by_hand() -> None:
    # 50 promoters, 20 detractors of 100 (NPS 30) against 30 and 30 of 100 (NPS 0).
    result = nps_difference(50, 20, 100, 30, 30, 100)
    assert result.difference == pytest.approx(30.0)
    var1 = (100 * 70 - 30**2) / 100**3 * 100**2  # 61
    var0 = (100 * 60 - 0) / 100**3 * 100**2  # 60
    assert result.z == pytest.approx(30 / math.sqrt(var1 + var0))
    assert result.significant is True
    assert result.to_dict()["test"] == "nps_trinomial"


def test_difference_of_means_by_hand() -> None:
    result = difference_of_means(2.5, 1.0, 50, 4.5, 1.2, 40)
    se = math.sqrt(1 / 50 + 1.44 / 40)
    assert result.difference == pytest.approx(-2.0)
    assert result.z == pytest.approx(-2.0 / se)
    assert result.ci95 == pytest.approx((-2.0 - Z95 * se, -2.0 + Z95 * se))
    assert difference_of_means(None, None, 0, 1.0, 0.5, 10).difference is None
    assert difference_of_means(3.0, None, 1, 1.0, 0.5, 10).ci95 is None


@given(st.integers(0, 500), st.integers(1, 500), st.integers(0, 500), st.integers(1, 500))
def test_two_proportions_interval_holds_the_difference(x1: int, n1: int, x0: int, n0: int) -> None:
    x1, x0 = min(x1, n1), min(x0, n0)
    result = two_proportions(x1, n1, x0, n0)
    assert result.difference is not None and -1 <= result.difference <= 1
    if result.ci95 is not None:
        low, high = result.ci95
        assert -1 <= low <= result.difference <= high <= 1
    if result.p_value is not None:
        assert 0 <= result.p_value <= 1


def test_benjamini_hochberg_matches_the_step_up_rule_and_keeps_none() -> None:
    # m = 4 tests: q_(i) = min over j >= i of p_(j) * 4 / j
    qs = benjamini_hochberg([0.01, None, 0.04, 0.03, 0.5])
    assert qs[1] is None
    assert qs[0] == pytest.approx(0.04)  # 0.01 * 4 / 1
    assert qs[3] == pytest.approx(0.0533333, rel=1e-5)  # min(0.03*4/2, 0.04*4/3)
    assert qs[2] == pytest.approx(0.0533333, rel=1e-5)  # 0.04 * 4 / 3
    assert qs[4] == pytest.approx(0.5)
    assert benjamini_hochberg([]) == []


def test_correlation_p_uses_fishers_z() -> None:
    # r = 0.5 from 28 pairs: z = atanh(0.5) * 5 = 2.7465, p = 0.00602
    assert correlation_p(0.5, 28) == pytest.approx(0.006024, rel=1e-3)
    assert correlation_p(0.0, 50) == pytest.approx(1.0)
    assert correlation_p(1.0, 10) == 0.0
    assert correlation_p(0.3, 3) is None
    assert correlation_p(None, 100) is None


def test_adjusted_share_interval_has_width_when_a_group_is_all_or_nothing() -> None:
    plain = two_proportions(10, 10, 30, 60)
    adjusted = two_proportions(10, 10, 30, 60, adjusted=True)
    assert plain.difference == adjusted.difference == pytest.approx(0.5)
    assert plain.p_value == adjusted.p_value  # the test is the pooled one either way
    assert plain.ci95 is not None and adjusted.ci95 is not None
    # Agresti–Caffo: 11/12 against 31/62
    a1, a0 = 11 / 12, 31 / 62
    half = Z95 * math.sqrt(a1 * (1 - a1) / 12 + a0 * (1 - a0) / 62)
    assert adjusted.ci95 == pytest.approx((a1 - a0 - half, a1 - a0 + half))
    assert adjusted.ci95[1] - adjusted.ci95[0] > plain.ci95[1] - plain.ci95[0]


def test_adjusted_nps_of_all_detractors_is_not_certain() -> None:
    plain = nps_difference(0, 12, 12, 40, 20, 100)
    adjusted = nps_difference(0, 12, 12, 40, 20, 100, adjusted=True)
    assert plain.difference == adjusted.difference == pytest.approx(-120.0)
    assert adjusted.p_value is not None and plain.p_value is not None
    assert adjusted.p_value > plain.p_value
    assert adjusted.ci95 is not None and adjusted.ci95[0] < adjusted.ci95[1] < 0
