"""The ``backend`` fixture: each conformance test runs once per backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conformance.harness import BACKENDS, backend_for, close_backends


@pytest.fixture(scope="session", params=BACKENDS, ids=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The name of a backend for :func:`~tests.conformance.harness.run_on`, started here."""
    backend_for(request.param)  # start-up time shows in the first test's setup
    return str(request.param)


@pytest.fixture(scope="session", autouse=True)
def _close_backends() -> Iterator[None]:
    yield
    close_backends()
