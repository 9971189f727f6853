"""``recorrido map-image``: the journey map alone as PNG and PDF (headless Chromium) and as SVG
(drawn directly: no browser needed)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from recorrido.cli import run
from recorrido.cli.map_image import FORMATS  # and registers the command

from .test_map_svg import _world
from .test_persona_maps import _direct_cart_reach

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (make chromium installs it as root; CI does)",
)


@needs_chromium
def test_png_and_pdf(
    report_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png, pdf = tmp_path / "mapa.png", tmp_path / "map.pdf"
    assert run(["map-image", "--store", str(report_store), "-o", str(png), "--width", "1200"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 40_000
    assert run(["map-image", "--store", str(report_store), "-o", str(pdf), "--lang", "en"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    assert "wrote" in capsys.readouterr().out


def test_svg_without_a_browser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium to be found
    assert FORMATS == ("png", "pdf", "svg")
    (tmp_path / "world").mkdir()
    store = _world(tmp_path / "world", stages=3, people=30)  # its map says es
    svg = tmp_path / "x.svg"
    assert run(["map-image", "--store", str(store), "-o", str(svg)]) == 0
    kib = round(svg.stat().st_size / 1024)
    assert capsys.readouterr().out.strip() == f"wrote {svg} ({kib} KiB)"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert ">Hace<" in svg.read_text(encoding="utf-8")
    other = tmp_path / "mapa.img"
    args = ["map-image", "--store", str(store), "-o", str(other), "--format", "SVG"]
    assert run([*args, "--lang", "en", "--width", "900"]) == 0  # --width is for PNG only
    assert ">Does<" in other.read_text(encoding="utf-8")
    assert f"wrote {other}" in capsys.readouterr().out


def test_bad_requests(
    report_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["map-image", "--store", str(report_store)]
    assert run([*args, "-o", str(tmp_path / "map.gif")]) == 2
    assert "format 'gif': use png, pdf or svg" in capsys.readouterr().err
    assert run([*args, "-o", str(tmp_path / "map.svg"), "--format", "tiff"]) == 2
    assert "format 'tiff': use png, pdf or svg" in capsys.readouterr().err
    assert run([*args, "-o", str(tmp_path / "m.png"), "--lang", "de"]) == 2
    assert run([*args, "-o", str(tmp_path / "no" / "m.svg")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert run(["map-image", "--store", str(tmp_path / "none.duckdb")]) == 2
    assert not list(tmp_path.iterdir())  # nothing written


def _reach_in_svg(svg: Path, touchpoint: str) -> str:
    """The people count drawn in ``touchpoint``'s box of a map SVG."""
    svg_ns = "{http://www.w3.org/2000/svg}"
    for group in ET.parse(svg).getroot().iter(f"{svg_ns}g"):
        title = group.find(f"{svg_ns}title")
        if title is not None and (title.text or "").startswith(touchpoint):
            texts = ["".join(t.itertext()) for t in group.iter(f"{svg_ns}text")]
            return texts[-1]
    raise AssertionError(f"no box for {touchpoint} in {svg}")


def test_svg_of_one_persona(report_store: Path, tmp_path: Path) -> None:
    everyone, lucia = tmp_path / "todos.svg", tmp_path / "lucia.svg"
    assert run(["map-image", "--store", str(report_store), "-o", str(everyone)]) == 0
    args = ["map-image", "--store", str(report_store), "-o", str(lucia)]
    assert run([*args, "--persona", "lucia_origen"]) == 0
    text = lucia.read_text(encoding="utf-8")
    assert ">Persona: Lucía" in text and "Persona:" not in everyone.read_text(encoding="utf-8")
    # the persona's map counts its own people: those a plain SQL count finds at the cart
    assert _reach_in_svg(lucia, "Carrito") == f"{_direct_cart_reach(report_store)['lucia_origen']}"
    assert int(_reach_in_svg(everyone, "Carrito").replace(".", "")) > int(
        _reach_in_svg(lucia, "Carrito").replace(".", "")
    )
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run([*args, "--persona", "lucia"]) == 2  # an unknown persona: nothing written
    assert run([*args, "--from", "2026-13-01"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == before
