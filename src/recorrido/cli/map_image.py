"""``recorrido map-image``: the journey map alone, as PNG, PDF or SVG, for slides and documents.

PNG and PDF are the report's map printed by headless Chromium (the PDF has the all-customers
map and one page per persona); SVG is drawn directly (:func:`recorrido.report.mapsvg.map_svg`)
and needs no browser. ``--persona``, ``--from`` and ``--to`` draw the map of one persona's
people, or of a period, as ``recorrido report`` does."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path

import typer

from ..errors import UsageError
from ..journey import Journey
from ..report import LANGUAGES, Text, render_report
from ..report.browser import pdf, screenshot
from ..report.facts import Facts
from ..report.mapsvg import map_svg
from .app import app
from .context import out, resolve_map, store_path
from .scoping import day, scope_label, scoped

__all__: list[str] = []

FORMATS = ("png", "pdf", "svg")


@app.command("map-image")
def map_image(
    store: Path | None = typer.Option(
        None, "--store", help="The store [default: the configured store]."
    ),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    output: Path = typer.Option(Path("mapa.png"), "--output", "-o", help="File to write."),
    image_format: str | None = typer.Option(
        None, "--format", help="png, pdf or svg [default: the output's extension]."
    ),
    lang: str | None = typer.Option(None, "--lang", help="es or en [default: the map's]."),
    width: int = typer.Option(1600, "--width", min=800, max=6000, help="PNG width in pixels."),
    height: int = typer.Option(2000, "--height", min=600, max=12000, help="PNG height."),
    start: str | None = typer.Option(None, "--from", help="First day (YYYY-MM-DD, UTC)."),
    end: str | None = typer.Option(None, "--to", help="Last day (YYYY-MM-DD, UTC), included."),
    persona: str | None = typer.Option(
        None, "--persona", help="The map of this persona's people only."
    ),
) -> None:
    """The journey map drawn from the data, alone, as an image: PNG or PDF (headless Chromium)
    or SVG (vector text, no browser needed); of everyone, or of one persona (--persona)."""
    chosen = (image_format or output.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise UsageError(
            f"format '{chosen}': use {', '.join(FORMATS[:-1])} or {FORMATS[-1]} "
            "(--format, or the output's extension)",
            code="usage_format",
        )
    if not output.parent.is_dir():
        raise UsageError(f"{output.parent}: no such folder for --output", code="usage_output")
    path = store_path(store)
    if not path.is_file():
        raise UsageError(f"{path}: store not found", code="usage_file_not_found")
    journey_map = resolve_map(map_file, path)
    if journey_map is None:
        raise UsageError("pass --map journey.yaml", code="usage_needs_map")
    language = lang or journey_map.meta.language
    if language not in LANGUAGES:
        raise UsageError(f"--lang {language}: use es or en", code="usage_lang")
    first, last = day(start, "--from"), day(end, "--to")
    t = Text(language, currency=journey_map.meta.currency)
    scope = scope_label(t, journey_map, first, last, persona)
    with ExitStack() as stack:
        source = scoped(stack, path, journey_map, first, last, persona)
        journey = stack.enter_context(Journey(source, map=journey_map))
        if chosen == "svg":
            output.write_text(map_svg(Facts(journey), t, scope=scope), encoding="utf-8")
        else:
            page = render_report(
                journey, lang=t.lang, scope=scope, persona_scope=persona is not None,
                map_only=True,
            )  # fmt: skip
            _print(page, output, chosen, (width, height))
    out.print(f"wrote {output} ({output.stat().st_size / 1024:.0f} KiB)", markup=False)


def _print(page: str, output: Path, chosen: str, size: tuple[int, int]) -> None:
    """The report's map (``page``) as PNG or PDF, by headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="recorrido-map-") as work:
        html = Path(work) / "map.html"
        html.write_text(page, encoding="utf-8")
        if chosen == "png":
            screenshot(html, output, fragment="only-map", size=size)
        else:
            pdf(html, output, fragment="only-map")
