"""Survey answers given in Python, stored exactly as a feedback file would be.

:func:`ingest_feedback_records` takes answers as a list of dicts, a pandas DataFrame or a
pyarrow Table, with the columns a feedback file has (``person_id``, ``ts``, ``touchpoint``,
``metric`` and ``score`` or ``nps``/``csat``/``ces``/``rating`` columns, ``comment`` …). They
are written to a Parquet file named ``<name>.parquet`` in a temporary folder and ingested
from there by :func:`~.feedback.ingest_feedback`: the same column detection, checks,
duplicate detection and rejections. Rejected answers are saved to ``rejected_path`` (default:
``<name>.rejected.csv`` beside the store) with their row number and reason.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import IngestError
from ..map.models import JourneyMap
from ..store import Store
from .feedback import ingest_feedback
from .pipeline import IngestReport

__all__ = ["ingest_feedback_records"]

_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _table(answers: Any) -> pa.Table:
    if isinstance(answers, pa.Table):
        return answers
    if hasattr(answers, "to_dict") and hasattr(answers, "columns"):  # a pandas DataFrame
        return pa.Table.from_pandas(answers, preserve_index=False)
    if isinstance(answers, Sequence) and all(isinstance(a, Mapping) for a in answers):
        if not answers:
            raise IngestError("no answers given: pass at least one", code="file_empty")
        return pa.Table.from_pylist([dict(a) for a in answers])
    raise IngestError(
        f"answers must be a list of dicts, a pandas DataFrame or a pyarrow Table, "
        f"not {type(answers).__name__}",
        code="usage_records",
    )


def ingest_feedback_records(
    store: Store,
    answers: Any,
    *,
    journey: JourneyMap | None = None,
    name: str = "api_feedback",
    rejected_path: Path | None = None,
    **options: Any,
) -> IngestReport:
    """Store ``answers`` like a feedback file called ``name`` (see the module docstring);
    ``options`` are those of :func:`~.feedback.ingest_feedback` (``scales``, ``timezone`` …)."""
    if not _NAME.fullmatch(name):
        raise IngestError(
            f"name {name!r}: use letters, digits, '_' or '-' (it names the source)",
            code="usage_records",
        )
    table = _table(answers)
    rejected = rejected_path or store.path.with_name(f"{name}.rejected.csv")
    with tempfile.TemporaryDirectory(prefix="recorrido-") as folder:
        path = Path(folder) / f"{name}.parquet"
        pq.write_table(table, path)
        return ingest_feedback(store, path, journey=journey, rejected_path=rejected, **options)
