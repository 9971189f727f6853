"""Ingest events, feedback and people files into the store."""

from .events import ingest_events
from .pipeline import IngestReport

__all__ = ["IngestReport", "ingest_events"]
