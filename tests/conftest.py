"""Shared fixtures: stores, data files and journeys written in the domain's words."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from recorrido.map.models import JourneyMap
from recorrido.map.templates import template_map
from recorrido.store import Store

Rows = Sequence[Mapping[str, object]]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new, empty store."""
    with Store.open(tmp_path / "recorrido.duckdb", create=True) as opened:
        yield opened


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (dicts) to a CSV file in the test's folder; ``None`` is an empty cell."""

    def write(name: str, rows: Rows, *, delimiter: str = ",") -> Path:
        path = tmp_path / name
        fields = list(dict.fromkeys(key for row in rows for key in row))
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, delimiter=delimiter)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        return path

    return write


def journeys_for(
    journeys: Mapping[str, Sequence[str]],
    *,
    start: str = "2026-03-01T10:00:00Z",
    step_seconds: int = 60,
) -> list[dict[str, object]]:
    """``{"ana": ["ad_click", "purchase"]}`` → event rows, one minute apart per person."""
    import datetime as dt

    base = dt.datetime.fromisoformat(start.replace("Z", "+00:00"))
    rows: list[dict[str, object]] = []
    for person, events in journeys.items():
        for index, event in enumerate(events):
            when = base + dt.timedelta(seconds=index * step_seconds)
            rows.append(
                {
                    "user_id": person,
                    "timestamp": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "event": event,
                }
            )
    return rows


@pytest.fixture
def seven_stages() -> JourneyMap:
    """The seven-stages template map, in Spanish."""
    return JourneyMap.model_validate(template_map("seven-stages", "es"))


def sample_store(folder: Path, *, people: int = 5000, seed: int = 7) -> Path:
    """The sample world (``people``, ``seed``) written to ``folder`` and ingested, as
    ``recorrido sample`` does: people, events and feedback in ``folder/recorrido.duckdb``."""
    from recorrido.datasets import generate, write
    from recorrido.ingest import ingest_events, ingest_feedback, ingest_people
    from recorrido.map import load_map

    files = write(generate(people=people, seed=seed), folder)
    journey = load_map(files.journey)
    declared = {name: attr.type.value for name, attr in journey.attributes.items()}
    path = folder / "recorrido.duckdb"
    with Store.open(path, create=True) as store:
        ingest_people(store, files.people, declared=declared)
        ingest_events(store, files.events, timezone=journey.meta.timezone)
        ingest_feedback(store, files.feedback, journey=journey)
    return path
