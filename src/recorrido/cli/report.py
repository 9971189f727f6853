"""``recorrido report``: the journey map and every analysis in one self-contained HTML file."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

import typer

from ..errors import UsageError
from ..journey import Journey
from ..report import LANGUAGES, render_report
from ..report.i18n import Text
from .app import app
from .context import out, resolve_map, store_path
from .scoping import day, scope_label, scoped

__all__: list[str] = []


@app.command()
def report(
    store: Path | None = typer.Option(
        None, "--store", help="The store [default: the configured store]."
    ),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    output: Path = typer.Option(Path("informe.html"), "--output", "-o", help="HTML file to write."),
    lang: str | None = typer.Option(
        None, "--lang", help="es or en [default: the map's meta.language]."
    ),
    start: str | None = typer.Option(None, "--from", help="First day (YYYY-MM-DD, UTC)."),
    end: str | None = typer.Option(None, "--to", help="Last day (YYYY-MM-DD, UTC), included."),
    persona: str | None = typer.Option(None, "--persona", help="Only this persona's people."),
) -> None:
    """Write the report: the journey map drawn from the data, buyer and customer journeys,
    experience, pain points and drivers, loyalty, alerts and KPIs (opens offline)."""
    began = time.perf_counter()
    path = store_path(store)
    if not path.is_file():
        raise UsageError(
            f"{path}: store not found; create one with recorrido sample or recorrido ingest",
            code="usage_file_not_found",
        )
    journey_map = resolve_map(map_file, path)
    if journey_map is None:
        raise UsageError(
            "the report draws the journey map: pass --map journey.yaml", code="usage_needs_map"
        )
    language = lang or journey_map.meta.language
    if language not in LANGUAGES:
        raise UsageError(f"--lang {language}: use es or en", code="usage_lang")
    t = Text(language)
    first, last = day(start, "--from"), day(end, "--to")
    with ExitStack() as stack:
        source = scoped(stack, path, journey_map, first, last, persona)
        journey = stack.enter_context(Journey(source, map=journey_map))
        html = render_report(
            journey,
            lang=t.lang,
            scope=scope_label(t, journey_map, first, last, persona),
            persona_scope=persona is not None,
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    size = output.stat().st_size / 1_048_576
    seconds = time.perf_counter() - began
    out.print(f"wrote {output} ({size:.1f} MiB, {seconds:.0f} s)", markup=False)
