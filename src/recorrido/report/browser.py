"""Headless Chromium (Debian's ``chromium``), driven from the command line: the page's DOM
after its scripts ran, what it wrote to the console, and screenshots.

Chromium starts with a new empty profile and without background networking, so the only
requests are the page's own; the report's Content-Security-Policy turns any of those into a
console message, which :func:`load` returns.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

__all__ = ["Page", "chromium", "load", "pdf", "screenshot"]

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
_CONSOLE = re.compile(r":CONSOLE:\d+\] (.*)")


@dataclass(frozen=True)
class Page:
    """The DOM after the scripts ran, and each console message."""

    dom: str
    console: tuple[str, ...]


def chromium() -> str:
    """The path of Debian's Chromium, or an error that says how to install it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise UsageError(
            "headless Chromium is needed: apt-get install chromium (Debian's package)",
            code="usage_needs_chromium",
        )
    return found


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="recorrido-chromium-") as profile:
        command = [chromium(), *_FLAGS, f"--user-data-dir={profile}", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def load(page: Path, *, wait_ms: int = 10_000, timeout: float = 120) -> Page:
    """Open ``page`` (a local HTML file) and return its DOM and console messages."""
    done = _run(
        ["--enable-logging=stderr", "--v=0", f"--virtual-time-budget={wait_ms}", "--dump-dom",
         page.resolve().as_uri()],
        timeout,
    )  # fmt: skip
    return Page(done.stdout, tuple(_CONSOLE.findall(done.stderr)))


def _url(page: Path, fragment: str) -> str:
    """The page's file URL, with ``#fragment`` when given."""
    return page.resolve().as_uri() + (f"#{fragment}" if fragment else "")


def screenshot(
    page: Path,
    png: Path,
    *,
    fragment: str = "",
    size: tuple[int, int] = (1400, 1200),
    wait_ms: int = 10_000,
    timeout: float = 120,
) -> Path:
    """A PNG of ``page`` (``fragment``: e.g. ``only-pain`` for one report section)."""
    png.parent.mkdir(parents=True, exist_ok=True)
    url = _url(page, fragment)
    _run(
        [f"--window-size={size[0]},{size[1]}", f"--virtual-time-budget={wait_ms}",
         f"--screenshot={png.resolve()}", url],
        timeout,
    )  # fmt: skip
    if not png.is_file():
        raise UsageError(f"{png}: Chromium wrote no screenshot of {page}", code="chromium_failed")
    return png


def pdf(page: Path, target: Path, *, fragment: str = "", wait_ms: int = 10_000,
        timeout: float = 120) -> Path:  # fmt: skip
    """``page`` printed to a PDF (landscape A3 is the page's own print size)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    url = _url(page, fragment)
    _run(
        [f"--virtual-time-budget={wait_ms}", "--no-pdf-header-footer",
         f"--print-to-pdf={target.resolve()}", url],
        timeout,
    )  # fmt: skip
    if not target.is_file():
        raise UsageError(f"{target}: Chromium wrote no PDF of {page}", code="chromium_failed")
    return target
