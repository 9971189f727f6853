"""Settings: recorrido.toml, then RECORRIDO_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from recorrido.errors import RecorridoError
from recorrido.settings import load_settings


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert settings.store == Path("recorrido.duckdb") and settings.map is None


def test_toml_paths_are_relative_to_the_file_and_env_wins(tmp_path: Path) -> None:
    (tmp_path / "recorrido.toml").write_text(
        '[recorrido]\nstore = "data/s.duckdb"\nmap = "journey.yaml"\nmemory_limit = "1GB"\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path, environ={"RECORRIDO_MEMORY_LIMIT": "2GB"})
    assert settings.store == tmp_path / "data" / "s.duckdb"
    assert settings.map == tmp_path / "journey.yaml"
    assert settings.memory_limit == "2GB"


def test_bad_settings_are_clear(tmp_path: Path) -> None:
    with pytest.raises(RecorridoError, match="setting 'threads'"):
        load_settings(tmp_path, environ={"RECORRIDO_THREADS": "many"})
    (tmp_path / "recorrido.toml").write_text("[recorrido]\nstroe = 'x'\n", encoding="utf-8")
    with pytest.raises(RecorridoError, match="stroe"):
        load_settings(tmp_path, environ={})
    (tmp_path / "recorrido.toml").write_text("[recorrido\n", encoding="utf-8")
    with pytest.raises(RecorridoError, match=r"recorrido\.toml"):
        load_settings(tmp_path, environ={})
