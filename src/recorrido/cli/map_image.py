"""``recorrido map-image``: the journey map alone, as PNG, PDF or SVG, for slides and documents.

PNG and PDF are the report's map printed by headless Chromium; SVG is drawn directly
(:func:`recorrido.report.mapsvg.map_svg`) and needs no browser."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from ..errors import UsageError
from ..journey import Journey
from ..map.models import JourneyMap
from ..report import LANGUAGES, Text, render_report
from ..report.browser import pdf, screenshot
from ..report.facts import Facts
from ..report.i18n import Lang
from ..report.mapsvg import map_svg
from .app import app
from .context import out, resolve_map, store_path

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
) -> None:
    """The journey map drawn from the data, alone, as an image: PNG or PDF (headless Chromium)
    or SVG (vector text, no browser needed)."""
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
    if chosen == "svg":
        with Journey(path, map=journey_map) as journey:
            drawing = map_svg(Facts(journey), Text(language, currency=journey_map.meta.currency))
        output.write_text(drawing, encoding="utf-8")
    else:
        _print(path, journey_map, language, output, chosen, (width, height))
    out.print(f"wrote {output} ({output.stat().st_size / 1024:.0f} KiB)", markup=False)


def _print(
    path: Path,
    journey_map: JourneyMap,
    language: Lang,
    output: Path,
    chosen: str,
    size: tuple[int, int],
) -> None:
    """The report's map as PNG or PDF, by headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="recorrido-map-") as work:
        page = Path(work) / "map.html"
        with Journey(path, map=journey_map) as journey:
            page.write_text(render_report(journey, lang=language, map_only=True), encoding="utf-8")
        if chosen == "png":
            screenshot(page, output, fragment="only-map", size=size)
        else:
            pdf(page, output, fragment="only-map")
