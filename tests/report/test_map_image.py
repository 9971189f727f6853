"""``recorrido map-image``: the journey map alone as PNG and PDF (headless Chromium)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recorrido.cli import run

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (make chromium installs it as root; CI does)",
)


def test_png_and_pdf(
    report_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png, pdf = tmp_path / "mapa.png", tmp_path / "map.pdf"
    assert run(["map-image", "--store", str(report_store), "-o", str(png), "--width", "1200"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 40_000
    assert run(["map-image", "--store", str(report_store), "-o", str(pdf), "--lang", "en"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    assert "wrote" in capsys.readouterr().out


def test_bad_requests(
    report_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["map-image", "--store", str(report_store)]
    assert run([*args, "-o", str(tmp_path / "map.svg")]) == 2
    assert "use png or pdf" in capsys.readouterr().err
    assert run([*args, "-o", str(tmp_path / "m.png"), "--lang", "de"]) == 2
    assert run(["map-image", "--store", str(tmp_path / "none.duckdb")]) == 2
