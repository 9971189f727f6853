"""``recorrido init``, ``validate`` and ``schema``: the journey map as code."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..analysis.personas import assign_personas
from ..errors import UsageError
from ..map.loader import load_map
from ..map.models import JourneyMap
from ..map.templates import TEMPLATES, render_template
from ..settings import CONFIG_FILE
from .app import app
from .context import open_store, out

__all__: list[str] = []


@app.command()
def init(
    directory: Path = typer.Argument(..., help="Project folder to create (or fill)."),
    template: str = typer.Option(
        "seven-stages", "--template", "-t", help=f"Stages to start from: {', '.join(TEMPLATES)}."
    ),
    lang: str = typer.Option("es", "--lang", help="Language of names and texts: es or en."),
    name: str | None = typer.Option(None, "--name", help="The business's name."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing journey.yaml."),
) -> None:
    """Start a project: write DIRECTORY/journey.yaml and DIRECTORY/recorrido.toml."""
    if lang not in ("es", "en"):
        raise UsageError(f"--lang {lang!r}: use es or en", code="usage_lang")
    text = render_template(template, "es" if lang == "es" else "en", name)
    directory.mkdir(parents=True, exist_ok=True)
    journey = directory / "journey.yaml"
    if journey.exists() and not force:
        raise UsageError(
            f"{journey}: already exists; edit it, or pass --force to overwrite it",
            code="file_exists",
        )
    journey.write_text(text, encoding="utf-8")
    config = directory / CONFIG_FILE
    if not config.exists():
        config.write_text(
            "# Recorrido settings (docs/settings.md). Paths are relative to this file.\n"
            "[recorrido]\n"
            'store = "recorrido.duckdb"\n'
            'map = "journey.yaml"\n',
            encoding="utf-8",
        )
    out.print(f"wrote {journey} ({template}, {lang}) and {config}")
    out.print(f"next: edit it, then `recorrido validate {journey}`")


@app.command()
def validate(
    map_file: Path = typer.Argument(..., metavar="MAP", help="The journey.yaml to check."),
    store: Path | None = typer.Option(
        None, "--store", help="Also check that the map's person attributes exist in this store."
    ),
) -> None:
    """Check a journey map: syntax, types, unknown keys and cross references."""
    journey = load_map(map_file)
    if store is not None:
        with open_store(store, read_only=True) as opened:
            assign_personas(opened.table("people"), journey)
    out.print(
        f"{map_file}: valid — {len(journey.stages)} stages, {len(journey.touchpoints)} "
        f"touchpoints, {len(journey.channels)} channels, {len(journey.personas)} personas"
    )


@app.command()
def schema(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to a file."),
) -> None:
    """Print the JSON Schema of journey.yaml (for editor autocompletion)."""
    document = JourneyMap.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "Recorrido journey map (journey.yaml), format version 1"
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        out.print(f"wrote {output}")
