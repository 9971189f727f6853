"""The ``recorrido`` command: a thin Typer layer over the library.

Errors are printed as one line on stderr (every line of a map's problems), with exit code 2
for usage and input errors and 1 for other failures; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

import typer
from rich.console import Console

from .._version import __version__
from ..errors import MapError, RecorridoError

__all__ = ["app", "run"]

app = typer.Typer(
    name="recorrido",
    help="Recorrido: design your customer journey map, measure it with real data.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recorrido {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of errors."),
) -> None:
    """Recorrido: design your customer journey map, measure it with real data."""


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name="recorrido", standalone_mode=True)
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 1
    except MapError as error:
        if debug:
            traceback.print_exc()
        for issue in error.issues:
            err.print(f"error: {issue}", markup=False)
        return error.exit_code
    except RecorridoError as error:
        if debug:
            traceback.print_exc()
        err.print(f"error: {error}", markup=False)
        return error.exit_code
    except KeyboardInterrupt:
        err.print("interrupted; nothing half-done was stored", markup=False)
        return 130
    except Exception as error:  # an unexpected failure: say so plainly, trace on request
        if debug:
            traceback.print_exc()
        err.print(
            f"error: internal error: {type(error).__name__}: {error} "
            "(run again with --debug for the traceback, and please report it)",
            markup=False,
        )
        return 1
    return 0


def main() -> None:
    """Entry point of the ``recorrido`` script."""
    sys.exit(run())
