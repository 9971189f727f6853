"""The embedded DuckDB store: schema, migrations and identity stitching."""

from .store import Store

__all__ = ["Store"]
