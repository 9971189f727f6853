"""``recorrido map-image``: the journey map alone, as PNG or PDF, for slides and documents."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from ..errors import UsageError
from ..journey import Journey
from ..report import LANGUAGES, render_report
from ..report.browser import pdf, screenshot
from .app import app
from .context import out, resolve_map, store_path

__all__: list[str] = []

FORMATS = ("png", "pdf")


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
        None, "--format", help="png or pdf [default: the output's extension]."
    ),
    lang: str | None = typer.Option(None, "--lang", help="es or en [default: the map's]."),
    width: int = typer.Option(1600, "--width", min=800, max=6000, help="PNG width in pixels."),
    height: int = typer.Option(2000, "--height", min=600, max=12000, help="PNG height."),
) -> None:
    """The journey map drawn from the data, alone, as an image (headless Chromium)."""
    chosen = image_format or output.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise UsageError(
            f"format '{chosen}': use png or pdf (SVG is not available yet)", code="usage_format"
        )
    path = store_path(store)
    if not path.is_file():
        raise UsageError(f"{path}: store not found", code="usage_file_not_found")
    journey_map = resolve_map(map_file, path)
    if journey_map is None:
        raise UsageError("pass --map journey.yaml", code="usage_needs_map")
    language = lang or journey_map.meta.language
    if language not in LANGUAGES:
        raise UsageError(f"--lang {language}: use es or en", code="usage_lang")
    with tempfile.TemporaryDirectory(prefix="recorrido-map-") as work:
        page = Path(work) / "map.html"
        with Journey(path, map=journey_map) as journey:
            page.write_text(render_report(journey, lang=language), encoding="utf-8")
        if chosen == "png":
            screenshot(page, output, fragment="only-map", size=(width, height))
        else:
            pdf(page, output, fragment="only-map")
    out.print(f"wrote {output} ({output.stat().st_size / 1024:.0f} KiB)", markup=False)
