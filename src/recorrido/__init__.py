"""Recorrido: customer journeys, designed and measured.

The notebook API: load a map, open a store, ingest files, summarise what is there, and
analyse journeys with :class:`Journey`.
"""

from ._version import __version__
from .errors import IngestError, MapError, RecorridoError, RuleError, StoreError, UsageError
from .ingest import IngestReport, ingest_events, ingest_feedback, ingest_people
from .journey import Journey
from .map import JourneyMap, load_map, parse_map
from .store import Store
from .store.summary import StoreSummary, summarize

__all__ = [
    "IngestError",
    "IngestReport",
    "Journey",
    "JourneyMap",
    "MapError",
    "RecorridoError",
    "RuleError",
    "Store",
    "StoreError",
    "StoreSummary",
    "UsageError",
    "__version__",
    "ingest_events",
    "ingest_feedback",
    "ingest_people",
    "load_map",
    "parse_map",
    "summarize",
]
