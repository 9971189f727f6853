"""Typed settings, read from ``recorrido.toml``, then ``RECORRIDO_*`` variables, then flags.

Each field is documented in ``docs/settings.md``; a test checks that page lists them all.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import UsageError

__all__ = ["CONFIG_FILE", "Settings", "load_settings"]

CONFIG_FILE = "recorrido.toml"
ENV_PREFIX = "RECORRIDO_"


class Settings(BaseModel):
    """Where the store and the map are, and how much the engine may use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    store: Path = Field(
        default=Path("recorrido.duckdb"), description="The DuckDB file holding the data."
    )
    map: Path | None = Field(default=None, description="The journey map (journey.yaml).")
    timezone: str | None = Field(
        default=None,
        description="Zone for naive timestamps in data files; defaults to the map's meta.timezone, "
        "then UTC.",
    )
    memory_limit: str = Field(
        default="3GB", description="Most memory DuckDB may use before spilling to disk."
    )
    threads: int | None = Field(default=None, ge=1, description="DuckDB threads (default: cores).")


def load_settings(
    directory: Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from ``recorrido.toml`` in ``directory`` (default: cwd) and the environment."""
    base = directory or Path.cwd()
    values: dict[str, object] = {}
    config = base / CONFIG_FILE
    if config.is_file():
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise UsageError(f"{config}: {error}", code="settings_invalid") from None
        section = data.get("recorrido", data)
        for key in ("store", "map"):
            if isinstance(section.get(key), str):
                section[key] = str(base / section[key])
        values.update(section)
    env = os.environ if environ is None else environ
    for name in Settings.model_fields:
        value = env.get(ENV_PREFIX + name.upper())
        if value:
            values[name] = value
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            f"setting '{where}': {first['msg']} (from {config} or {ENV_PREFIX}{where.upper()})",
            code="settings_invalid",
        ) from None
