"""Benchmark: ``recorrido report`` on the sample world at 190k, 1M and 10M events.

For each size it builds (once, cached) a store of the sample world (Café Altura) with about
38 events per simulated person: ``bench/data/report-<events>.duckdb`` with the map
``bench/data/journey.yaml`` beside it. The smallest store is exactly ``recorrido sample``'s
world (5,000 people, seed 7). Larger worlds are simulated in chunks of at most 25,000 people
(seeds 7, 8, 9…), each chunk's person, anonymous, session, order and response ids prefixed
with ``g<chunk>-`` so chunks never share a person, and ingested chunk by chunk with the real
``ingest_people`` / ``ingest_events`` / ``ingest_feedback``. Generation and ingestion times
are printed apart; they are not part of the report's time.

Then ``recorrido report --lang es`` runs in a fresh process, whose wall time and peak
resident memory (``os.wait4``) are measured, with the HTML's size, how much of it is
plotly.js and its gzipped size; at the smallest size ``recorrido map-image`` too, when
Chromium is installed. Prints a table and writes its section of ``docs/benchmarks.md``.

Usage: ``python bench/report.py [--events 190000,1000000,10000000] [--rebuild]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from plotly.offline import get_plotlyjs

from recorrido.datasets import generate, write
from recorrido.datasets.sample import SampleData, journey_path
from recorrido.ingest.events import ingest_events
from recorrido.ingest.feedback import ingest_feedback
from recorrido.ingest.people import ingest_people
from recorrido.map.loader import load_map
from recorrido.settings import load_settings
from recorrido.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- report:begin -->", "<!-- report:end -->"
EVENTS_PER_PERSON = 38
"""The sample world's events per simulated person (5,000 people make about 190,000)."""
CHUNK_PEOPLE = 25_000
SEED = 7
SIZES = "190000,1000000,10000000"

_IDS = {
    "events": ("user_id", "anonymous_id", "session_id", "order_id"),
    "people": ("customer_id",),
    "feedback": ("response_id", "customer_id"),
}
"""The id columns of each sample file: prefixed together, so a chunk stays consistent."""


@dataclass(frozen=True)
class Chunk:
    """One simulated chunk: its seed, id prefix and the rows written to each file."""

    seed: int
    prefix: str
    people: int
    events: int
    known: int
    answers: int


@dataclass(frozen=True)
class Build:
    """How a store was built: the chunks, and seconds spent simulating and ingesting."""

    people: int
    chunks: list[Chunk]
    generate_seconds: float
    ingest_seconds: float


@dataclass(frozen=True)
class Run:
    """One measured command: wall seconds, peak RSS (MiB) of it and its children, output."""

    seconds: float
    peak_mib: float
    returncode: int
    output: str


def people_for(events: int) -> int:
    """Simulated people that make about ``events`` events."""
    return max(50, round(events / EVENTS_PER_PERSON))


def split(people: int, most: int = CHUNK_PEOPLE) -> list[int]:
    """``people`` in the fewest chunks of at most ``most``, as even as possible."""
    count = math.ceil(people / most)
    base, extra = divmod(people, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def prefixed(table: pa.Table, columns: Sequence[str], prefix: str) -> pa.Table:
    """``table`` with ``prefix`` before every non-null value of ``columns``."""
    if not prefix:
        return table
    for name in columns:
        index = table.schema.get_field_index(name)
        joined = pc.binary_join_element_wise(prefix, table.column(index), "")
        table = table.set_column(index, name, joined)
    return table


def build_store(store: Path, people: int, *, most: int = CHUNK_PEOPLE) -> Build:
    """Simulate ``people`` in chunks of at most ``most`` into a new store at ``store``."""
    building = store.with_name(store.name + ".building")
    for leftover in (store, building):
        _remove_store(leftover)
    sizes = split(people, most)
    chunks: list[Chunk] = []
    seconds = [0.0, 0.0]
    config = load_settings()
    target = Store.open(
        building, create=True, memory_limit=config.memory_limit, threads=config.threads
    )
    try:
        with tempfile.TemporaryDirectory(dir=store.parent) as work:
            for index, size in enumerate(sizes):
                prefix = f"g{index}-" if len(sizes) > 1 else ""
                chunks.append(_add_chunk(target, size, SEED + index, prefix, Path(work), seconds))
                print(
                    f"  chunk {index + 1}/{len(sizes)}: {size:,} people, "
                    f"{chunks[-1].events:,} events ({seconds[0]:.0f} s simulating, "
                    f"{seconds[1]:.0f} s ingesting so far)",
                    flush=True,
                )
    finally:
        target.close()
    building.rename(store)
    return Build(people, chunks, seconds[0], seconds[1])


def _add_chunk(
    target: Store, people: int, seed: int, prefix: str, work: Path, seconds: list[float]
) -> Chunk:
    """Simulate one chunk with ids prefixed, ingest it; add the seconds spent to ``seconds``."""
    began = time.perf_counter()
    data = generate(people=people, seed=seed)
    tables = {kind: prefixed(getattr(data, kind), ids, prefix) for kind, ids in _IDS.items()}
    files = write(SampleData(**tables, journey_path=data.journey_path), work)
    del data, tables
    seconds[0] += time.perf_counter() - began
    began = time.perf_counter()
    journey = load_map(files.journey)
    zone = journey.meta.timezone
    declared = {name: attr.type.value for name, attr in journey.attributes.items()}
    reports = (
        ingest_people(target, files.people, declared=declared),
        ingest_events(target, files.events, timezone=zone),
        ingest_feedback(target, files.feedback, journey=journey, timezone=zone),
    )
    seconds[1] += time.perf_counter() - began
    for report in reports:
        if report.rejected or report.duplicates:
            raise SystemExit(f"seed {seed}: {report.kind}: {report.summary()}")
    known, events, answers = (report.accepted for report in reports)
    return Chunk(seed, prefix, people, events, known, answers)


def _remove_store(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".tmp"), ignore_errors=True)


def count_store(store: Path) -> dict[str, int]:
    """Events, known people and survey answers in ``store``, read-only."""
    with duckdb.connect(str(store), read_only=True) as con:
        row = con.sql(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM people), "
            "(SELECT count(*) FROM feedback)"
        ).fetchone()
    assert row is not None
    return dict(zip(("events", "people", "answers"), (int(n) for n in row), strict=True))


_LAUNCHER = """
import os, sys, time
began = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - began
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""
"""Runs the measured command from a fresh, small process: Linux counts the memory of the
process that forks into its child's peak (``ru_maxrss`` keeps the high-water mark across
``exec``), so a child forked from a large parent (pytest, a benchmark holding data) would
report the parent's size."""


def measure(command: Sequence[str]) -> Run:
    """Run ``command``; its wall time and peak RSS (of it alone, see :data:`_LAUNCHER`)."""
    program = shutil.which(command[0]) or command[0]
    with tempfile.TemporaryDirectory() as work:
        log, result = Path(work) / "log", Path(work) / "result"
        with log.open("wb") as sink:
            subprocess.run(
                [sys.executable, "-S", "-c", _LAUNCHER, str(result), program, *command[1:]],
                stdout=sink, stderr=subprocess.STDOUT, check=True,
            )  # fmt: skip
        seconds, peak_kib, returncode = result.read_text().split()
        output = log.read_text(encoding="utf-8", errors="replace")
    return Run(float(seconds), int(peak_kib) / 1024, int(returncode), output)


def recorrido(*args: str) -> list[str]:
    """The command line of ``recorrido ARGS`` with this interpreter."""
    return [sys.executable, "-m", "recorrido", *args]


def ensure_store(events: int, rebuild: bool) -> tuple[Path, Build | None]:
    """The cached store of about ``events`` events, built if missing or asked to."""
    store = DATA / f"report-{events}.duckdb"
    sidecar = store.with_suffix(".json")
    if store.exists() and not rebuild:
        build = None
        if sidecar.exists():
            saved = json.loads(sidecar.read_text(encoding="utf-8"))
            saved["chunks"] = [Chunk(**chunk) for chunk in saved["chunks"]]
            build = Build(**saved)
        return store, build
    people = people_for(events)
    print(f"building {store.name}: {people:,} people in {len(split(people))} chunk(s)…")
    build = build_store(store, people)
    sidecar.write_text(json.dumps(asdict(build), indent=1), encoding="utf-8")
    return store, build


def plotly_bytes() -> int:
    """Bytes of plotly.js that every report embeds."""
    return len(get_plotlyjs().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", default=SIZES, help="Target event counts, comma-separated.")
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the cached stores.")
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    journey = DATA / "journey.yaml"
    shutil.copyfile(journey_path(), journey)
    plotly = plotly_bytes()
    rows: list[dict[str, float]] = []
    image: Run | None = None
    targets = sorted(int(size) for size in args.events.split(","))
    has_chromium = bool(shutil.which("chromium") or shutil.which("chromium-browser"))
    for events in targets:
        store, build = ensure_store(events, args.rebuild)
        if build is not None:
            print(
                f"{store.name}: {build.people:,} people in {len(build.chunks)} chunk(s), "
                f"simulated in {build.generate_seconds:.0f} s, "
                f"ingested in {build.ingest_seconds:.0f} s (not part of the report's time)"
            )
        counts = count_store(store)
        html = DATA / f"report-{events}.html"
        run = _checked(recorrido("report", "--store", str(store), "--map", str(journey),
                                 "-o", str(html), "--lang", "es"))  # fmt: skip
        data = html.read_bytes()
        row = {
            **counts,
            "simulated": build.people if build is not None else people_for(events),
            "seconds": run.seconds,
            "peak_mib": run.peak_mib,
            "html_mib": len(data) / 2**20,
            "plotly_mib": plotly / 2**20,
            "gzip_mib": len(gzip.compress(data, 6)) / 2**20,
        }
        rows.append(row)
        print(format_row(row), flush=True)
        if events == targets[0] and has_chromium:
            png = DATA / f"report-{events}.png"
            image = _checked(recorrido("map-image", "--store", str(store), "--map", str(journey),
                                       "-o", str(png), "--lang", "es"))  # fmt: skip
            print(f"  map-image: {image.seconds:.1f} s, {image.peak_mib:,.0f} MiB peak")
        elif events == targets[0]:
            print("  map-image: skipped (no chromium)")
    DOC.write_text(
        replace_section(DOC.read_text(encoding="utf-8"), section(rows, image)),
        encoding="utf-8",
    )
    print(f"wrote {DOC}")


def _checked(command: list[str]) -> Run:
    run = measure(command)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:])} failed ({run.returncode}):\n{run.output}")
    return run


def format_row(row: dict[str, float]) -> str:
    """One line of the printed table."""
    return (
        f"{row['events']:>11,.0f} events {row['simulated']:>8,.0f} simulated "
        f"{row['people']:>8,.0f} known {row['answers']:>8,.0f} answers | report "
        f"{row['seconds']:6.1f} s {row['peak_mib']:7,.0f} MiB | HTML {row['html_mib']:5.2f} MiB "
        f"(plotly.js {row['plotly_mib']:.2f}, gzip {row['gzip_mib']:.2f})"
    )


def machine() -> str:
    """Cores, memory, Python and DuckDB versions, and today's date."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.machine()}, Python "
        f"{platform.python_version()}, DuckDB {duckdb.__version__} (memory limit "
        f"{load_settings().memory_limit}); measured "
        f"{time.strftime('%Y-%m-%d')} with `bench/report.py`."
    )


def section(rows: list[dict[str, float]], image: Run | None) -> str:
    """The markers section: the machine, the table and the map image's line."""
    lines = [
        BEGIN,
        "",
        machine(),
        "",
        "| events | people simulated | known people | answers | report time | peak memory "
        "| HTML size | of which plotly.js | gzipped |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['events']:,.0f} | {row['simulated']:,.0f} | {row['people']:,.0f} | "
            f"{row['answers']:,.0f} | {row['seconds']:.1f} s | {row['peak_mib']:,.0f} MiB | "
            f"{row['html_mib']:.2f} MiB | {row['plotly_mib']:.2f} MiB "
            f"({row['plotly_mib'] / row['html_mib']:.0%}) | {row['gzip_mib']:.2f} MiB |"
        )
    if image is not None and rows:
        lines += [
            "",
            f"`recorrido map-image -o map.png` on the smallest store "
            f"({rows[0]['events']:,.0f} events): "
            f"{image.seconds:.1f} s, {image.peak_mib:,.0f} MiB peak (Chromium included).",
        ]
    lines += ["", END]
    return "\n".join(lines)


def replace_section(text: str, block: str) -> str:
    """``text`` with its report markers section replaced by ``block`` (appended if absent)."""
    if BEGIN in text:
        head, _, rest = text.partition(BEGIN)
        return head + block + rest.partition(END)[2]
    return text.rstrip("\n") + "\n\n## Report\n\n" + INTRO + "\n" + block + "\n"


INTRO = """\
`bench/report.py` builds stores of the sample world (Café Altura, about 38 events per
simulated person; larger worlds are simulated in chunks of 25,000 people with their own seeds
and ids, ingested chunk by chunk) and runs `recorrido report --lang es` on each in a fresh
process, measuring its wall time (start-up, every analysis, the figures and writing the file)
and its peak resident memory, with DuckDB's default memory limit (3GB). Building the stores
is not part of the time. Targets: the sample world's report in seconds, a 10M-event store's
in under a minute; the HTML small enough to email. The report embeds plotly.js (about
4.6 MiB) so that it opens offline; the rest is the map, the figures' data and the text, which
grow little with the number of events. Mail services usually accept attachments up to 20–25
MB, and base64 encoding adds a third; zipped (the gzipped column), the report is far smaller.
"""


if __name__ == "__main__":
    main()
