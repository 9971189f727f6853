"""Result objects: an analysis's table plus what was asked, in every shape users need.

``to_arrow()`` and ``to_pandas()`` give the table; ``to_dict()`` the JSON document the CLI
prints with ``--json``; ``repr`` a readable text table; in notebooks, the report's chart of
the result and its table (:mod:`recorrido.report.notebook`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

__all__ = ["Result"]


def _plain(value: object) -> object:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@dataclass
class Result:
    """The outcome of one analysis. ``names`` (ids of the map's stages, touchpoints, channels,
    personas and routes → their names), ``lang`` (the map's language) and ``stages`` (each
    stage id, in order, with its touchpoint ids) are what its chart in a notebook shows; a
    journey with a map fills them in."""

    kind: str
    table: pa.Table
    request: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    shape: Callable[[Result], dict[str, Any]] | None = None
    warnings: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    lang: str = "en"
    stages: dict[str, list[str]] = field(default_factory=dict)

    def to_arrow(self) -> pa.Table:
        return self.table

    def to_pandas(self) -> Any:
        return self.table.to_pandas()

    def rows(self) -> list[dict[str, Any]]:
        """The table as JSON-ready dicts."""
        return [{k: _plain(v) for k, v in row.items()} for row in self.table.to_pylist()]

    def to_dict(self) -> dict[str, Any]:
        body = self.shape(self) if self.shape else {"rows": self.rows()}
        return {**body, "request": self.request, "warnings": self.warnings}

    def __repr__(self) -> str:
        rows = self.rows()[:20]
        columns = self.table.column_names
        cells = [[_short(row.get(c)) for c in columns] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
        body = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
        more = self.table.num_rows - len(rows)
        tail = [f"… {more} more rows"] if more > 0 else []
        return "\n".join([f"<{self.kind}: {self.table.num_rows} rows>", line, *body, *tail])

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """In notebooks: the report's chart of this kind of result, then the table."""
        # imported when shown: no import cycle, and Plotly loads only in notebooks
        from .report import notebook  # noqa: PLC0415

        return notebook.mimebundle(self, include, exclude)

    def _repr_html_(self) -> str:
        """The same chart and table, for tools that ask for HTML only."""
        from .report import notebook  # noqa: PLC0415

        return notebook.notebook_html(self)


def _short(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)
