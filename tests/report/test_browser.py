"""The report as a person opens it: headless Chromium (Debian's package) runs its scripts.
No console message (the page's Content-Security-Policy would report any request there),
every section shown and every chart drawn, and a screenshot of each section that is not
blank, in both languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from recorrido.report.browser import load, screenshot

from .test_report import SECTION_IDS, figures

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (make chromium installs it as root; CI does)",
)


def test_the_harness_sees_console_errors_and_blocked_requests(tmp_path: Path) -> None:
    """A control: a page that fails and tries a request, so a clean report means clean."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
        "<img src='http://127.0.0.1:9/x.png'><script>missing();</script></body></html>",
        encoding="utf-8",
    )
    console = load(bad, wait_ms=2_000).console
    assert any("Content Security Policy" in line for line in console)
    assert any("Uncaught ReferenceError" in line for line in console)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_report_renders_without_errors(
    report_files: dict[str, Path], reports: dict[str, str], lang: str
) -> None:
    page = load(report_files[lang])
    assert page.console == ()
    expected = len(figures(reports[lang]))
    assert f'data-charts="{expected}"' in page.dom
    for chart in figures(reports[lang]):
        block = re.search(rf'id="chart-{chart}"(.*?)</div></div>', page.dom, re.S)
        assert block is not None and "main-svg" in block.group(1), chart  # Plotly drew it
    for section in SECTION_IDS:
        assert f'<section id="{section}"' in page.dom


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_screenshot_of_each_section(
    report_files: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    sizes = {}
    for section in ("map", "pain"):
        png = screenshot(
            report_files[lang], tmp_path / f"{section}.png", fragment=f"only-{section}"
        )
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG")
        sizes[section] = len(data)
    # a blank page compresses to a few KB; these hold text, boxes and charts
    assert min(sizes.values()) > 40_000, sizes
