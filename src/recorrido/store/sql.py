"""Quoting for the few SQL statements ingestion builds for DuckDB.

The store and ingestion are DuckDB-specific (the embedded store), so they speak DuckDB SQL; every
identifier and literal that comes from a file or a user goes through these two functions.
"""

from __future__ import annotations

from typing import Any

__all__ = ["first", "ident", "literal"]


def ident(name: str) -> str:
    """A quoted SQL identifier: ``ident('a"b')`` → ``"a""b"``."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A quoted SQL string literal: ``literal("it's")`` → ``'it''s'``."""
    return "'" + text.replace("'", "''") + "'"


def first(rows: list[Any]) -> Any:
    """The first row of a fetched result, or ``None``.

    DuckDB 2 keeps a connection busy until a result is fetched to the end, so results are
    always read with ``fetchall()`` and then narrowed with this.
    """
    return rows[0] if rows else None
