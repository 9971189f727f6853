"""Funnels agree with the plain-Python reference on every backend (the hand-written cases)."""

from __future__ import annotations

import pytest

from recorrido.analysis.funnel import funnel_steps, funnel_units
from tests.conformance.harness import BACKENDS, normalise, run_on
from tests.reference.funnel import CASES, Case, reference_funnel

GAPS: dict[tuple[str, str], str] = {}
"""Known gaps as ``(case name, backend): reason``, marked ``xfail(strict=True)``."""


def cases_on_backends() -> list[object]:
    params = []
    for case in CASES:
        for backend in BACKENDS:
            reason = GAPS.get((case.name, backend))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case, backend, id=f"{backend}-{case.name}", marks=marks))
    return params


@pytest.mark.parametrize(("case", "backend"), cases_on_backends())
def test_funnel_on_every_backend(case: Case, backend: str) -> None:
    spec, breakdown = case.spec, case.breakdown
    units = run_on(backend, lambda t: funnel_units(t, spec, breakdown=breakdown), case.rows)
    steps = run_on(
        backend,
        lambda t: funnel_steps(
            funnel_units(t, spec, breakdown=breakdown), spec, breakdown=breakdown
        ),
        case.rows,
    )
    expected_units, expected_steps = reference_funnel(case.rows, spec, breakdown)
    assert units == normalise(expected_units)
    assert steps == normalise(expected_steps)
