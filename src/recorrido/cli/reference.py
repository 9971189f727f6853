"""Generate ``docs/cli.md`` from the commands' own ``--help`` (a test keeps it current).

Run ``python -m recorrido.cli.reference docs/cli.md`` (or ``make docs``).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

import typer

from .app import app

__all__ = ["command_paths", "render"]

_INTRO = """# Command-line reference

Generated from `recorrido … --help` by `make docs`; do not edit by hand (a test checks it is
current). Every command prints errors as one line on stderr and exits with 2 for usage or
input errors and 1 for other failures; add `--debug` before the command for a traceback.
"""


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as argument lists (``[]`` is the root)."""
    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def visit(command: object, path: list[str]) -> None:
        paths.append(path)
        children = getattr(command, "commands", {})
        for name in sorted(children):
            visit(children[name], [*path, name])

    visit(root, [])
    return paths


def _help(path: list[str]) -> str:
    command = typer.main.get_command(app)
    buffer = io.StringIO()
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
            command.main(args=[*path, "--help"], prog_name="recorrido", standalone_mode=True)
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous
    return buffer.getvalue().rstrip() + "\n"


def render() -> str:
    """The whole reference page."""
    parts = [_INTRO]
    for path in command_paths():
        title = " ".join(["recorrido", *path])
        parts.append(f"\n## `{title}`\n\n```text\n{_help(path)}```\n")
    return "".join(parts)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/cli.md")
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
