"""Ingest events, feedback and people files into the store."""

from .events import ingest_events
from .feedback import ingest_feedback
from .people import ingest_people
from .pipeline import IngestReport
from .records import ingest_feedback_records

__all__ = [
    "IngestReport",
    "ingest_events",
    "ingest_feedback",
    "ingest_feedback_records",
    "ingest_people",
]
