"""The README's five-minute tour runs as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from recorrido.cli import run

README = Path(__file__).resolve().parents[1] / "README.md"


def tour_commands() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## The five-minute tour", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = []
    lines = block.group(1).replace("\\\n", " ").splitlines()  # join continued lines
    for line in lines:
        words = shlex.split(line, comments=True)
        if words and words[0] == "recorrido":
            commands.append(words[1:])
    return commands


def test_the_tour_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    commands = tour_commands()
    assert len(commands) >= 10
    for args in commands:
        code = run(args)
        output = capsys.readouterr()
        assert code == 0, f"recorrido {' '.join(args)} → {code}: {output.err}"
        if args[:2] == ["ingest", "events"] and "0 stored" in output.out:
            assert "already in the store" in output.out
    assert (tmp_path / "mi-tienda" / "recorrido.duckdb").is_file()
    assert (tmp_path / "journey.schema.json").is_file()
