"""docs/comments.md stays true: its examples run, and it names every theme and CLI option."""

from __future__ import annotations

import doctest
from pathlib import Path

import typer

import recorrido.cli.comments as comments_command
import recorrido.voice.text
from recorrido.voice.text import THEMES

PAGE = Path(__file__).resolve().parents[3] / "docs" / "comments.md"


def test_examples_in_the_page_run() -> None:
    result = doctest.testfile(
        str(PAGE), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 10 and result.failed == 0


def test_examples_in_the_package_docstring_run() -> None:
    result = doctest.testmod(recorrido.voice.text)
    assert result.attempted > 0 and result.failed == 0


def test_every_theme_and_option_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for theme in THEMES:
        assert f"`{theme}`" in text, theme
    command = typer.main.get_command(comments_command.app).commands["comments"]  # type: ignore[attr-defined]
    for parameter in command.params:
        for option in parameter.opts:
            if option.startswith("--"):
                assert option in text, option
