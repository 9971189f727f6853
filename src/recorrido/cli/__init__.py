"""The ``recorrido`` command line: thin commands that call the library and print."""

from . import (
    alerts,
    analytics,
    comments,
    drivers,
    experience,
    info,
    ingest,
    kpis,
    map_image,
    painpoints,
    project,
    report,
    sample,
)
from .app import app, main, run

__all__ = ["app", "main", "run"]

del (
    alerts,
    analytics,
    comments,
    drivers,
    experience,
    info,
    ingest,
    kpis,
    map_image,
    painpoints,
    project,
    report,
    sample,
)
