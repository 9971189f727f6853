"""One small sample world and its report in both languages, shared by the report's tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from recorrido import Journey
from recorrido.report import render_report
from tests.conftest import sample_store

DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="session")
def report_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("altura"), people=600, seed=3)


@pytest.fixture(scope="session")
def reports(report_store: Path) -> dict[str, str]:
    with Journey(report_store) as journey:
        return {lang: render_report(journey, lang=lang, today=DAY) for lang in ("es", "en")}


@pytest.fixture(scope="session")
def report_files(
    reports: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    files = {}
    for lang, page in reports.items():
        files[lang] = folder / f"informe_{lang}.html"
        files[lang].write_text(page, encoding="utf-8")
    return files
