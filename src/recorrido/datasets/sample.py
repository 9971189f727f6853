"""The public face of the sample world: :func:`generate` the tables, :func:`write` the files."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .world import simulate

__all__ = ["SampleData", "SampleFiles", "generate", "journey_path", "write"]


@dataclass(frozen=True)
class SampleData:
    """The simulated world: behavioural events, known people, survey answers and the map."""

    events: pa.Table
    people: pa.Table
    feedback: pa.Table
    journey_path: Path


@dataclass(frozen=True)
class SampleFiles:
    """Where :func:`write` put the sample's files."""

    events: Path
    people: Path
    feedback: Path
    journey: Path


def journey_path() -> Path:
    """The packaged ``journey.yaml`` of Café Altura."""
    return Path(str(resources.files("recorrido.datasets").joinpath("journey.yaml")))


def generate(people: int = 5000, seed: int = 7) -> SampleData:
    """Simulate Café Altura with ``people`` individuals; the same seed gives the same tables.

    About 40 events per person: the default (5,000 people) makes ≈200,000 events in a few
    seconds; ``people=250_000`` makes about ten million.
    """
    if people < 1:
        raise ValueError(f"people must be at least 1, got {people}")
    events, known, feedback = simulate(people, seed)
    return SampleData(events=events, people=known, feedback=feedback, journey_path=journey_path())


def write(data: SampleData, directory: Path) -> SampleFiles:
    """Write ``events.parquet``, ``people.csv``, ``feedback.csv`` and ``journey.yaml``."""
    directory.mkdir(parents=True, exist_ok=True)
    files = SampleFiles(
        events=directory / "events.parquet",
        people=directory / "people.csv",
        feedback=directory / "feedback.csv",
        journey=directory / "journey.yaml",
    )
    pq.write_table(data.events, files.events, compression="zstd")
    _write_csv(data.people, files.people)
    _write_csv(data.feedback, files.feedback)
    shutil.copyfile(data.journey_path, files.journey)
    return files


def _write_csv(table: pa.Table, path: Path) -> None:
    """CSV with a plain header, empty cells for nulls and ``true``/``false`` for booleans."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(_rows(table))


def _rows(table: pa.Table) -> Iterator[list[str]]:
    for batch in table.to_batches(max_chunksize=65_536):
        columns = [column.to_pylist() for column in batch.columns]
        for row in zip(*columns, strict=True):
            yield [_cell(value) for value in row]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
