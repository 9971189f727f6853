"""Column buffers that the simulation appends to, turned into Arrow tables in batches.

Events are appended person by person; every ``BATCH`` rows the buffers become an Arrow record
batch, so memory stays flat for millions of events. :meth:`Recorder.tables` sorts the events by
time (ties keep the order in which they were generated) and writes timestamps as ISO 8601 UTC.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["EVENT_SCHEMA", "FEEDBACK_SCHEMA", "PEOPLE_SCHEMA", "Recorder"]

BATCH = 250_000

EVENT_SCHEMA = pa.schema(
    [
        ("timestamp", pa.string()),
        ("user_id", pa.string()),
        ("anonymous_id", pa.string()),
        ("session_id", pa.string()),
        ("event", pa.string()),
        ("channel", pa.string()),
        ("value", pa.float64()),
        ("page", pa.string()),
        ("product", pa.string()),
        ("store", pa.string()),
        ("campaign", pa.string()),
        ("order_id", pa.string()),
    ]
)
PEOPLE_SCHEMA = pa.schema(
    [
        ("customer_id", pa.string()),
        ("segment", pa.string()),
        ("city", pa.string()),
        ("signup_date", pa.string()),
        ("lifetime_value", pa.float64()),
        ("preferred_store", pa.string()),
        ("newsletter", pa.bool_()),
    ]
)
FEEDBACK_SCHEMA = pa.schema(
    [
        ("response_id", pa.string()),
        ("customer_id", pa.string()),
        ("submitted_at", pa.string()),
        ("touchpoint", pa.string()),
        ("metric", pa.string()),
        ("score", pa.int64()),
        ("comment", pa.string()),
        ("language", pa.string()),
    ]
)
_ISO = "%Y-%m-%dT%H:%M:%SZ"
_RAW_EVENTS = pa.schema([("ts", pa.int64()), *list(EVENT_SCHEMA)[1:]])
_RAW_FEEDBACK = pa.schema(
    [FEEDBACK_SCHEMA.field(1), ("ts", pa.int64()), *list(FEEDBACK_SCHEMA)[3:]]
)


def _iso(seconds: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    return pc.strftime(seconds.cast(pa.timestamp("s", tz="UTC")), format=_ISO)


class Recorder:
    """Collects events, feedback and people; hands out ids for sessions, orders, responses."""

    def __init__(self) -> None:
        self._columns: list[list[object]] = [[] for _ in _RAW_EVENTS]
        self._batches: list[pa.RecordBatch] = []
        self._feedback: list[list[object]] = [[] for _ in _RAW_FEEDBACK]
        self._people: list[list[object]] = [[] for _ in PEOPLE_SCHEMA]
        self._sessions = 0
        self._orders = 0

    def session(self) -> str:
        """A new session id."""
        self._sessions += 1
        return f"s{self._sessions:08d}"

    def order(self, prefix: str = "o") -> str:
        """A new order (``o…``) or café ticket (``t…``) id."""
        self._orders += 1
        return f"{prefix}{self._orders:08d}"

    def event(
        self,
        ts: int,
        event: str,
        channel: str,
        user: str | None,
        anon: str | None,
        session: str | None,
        *,
        value: float | None = None,
        page: str | None = None,
        product: str | None = None,
        store: str | None = None,
        campaign: str | None = None,
        order_id: str | None = None,
    ) -> None:
        """Append one event at UTC epoch second ``ts``."""
        c = self._columns
        c[0].append(ts)
        c[1].append(user)
        c[2].append(anon)
        c[3].append(session)
        c[4].append(event)
        c[5].append(channel)
        c[6].append(value)
        c[7].append(page)
        c[8].append(product)
        c[9].append(store)
        c[10].append(campaign)
        c[11].append(order_id)
        if len(self._columns[0]) >= BATCH:
            self._flush()

    def feedback(
        self,
        customer: str,
        ts: int,
        touchpoint: str,
        metric: str,
        score: int,
        comment: str | None,
        language: str | None,
    ) -> None:
        """Append one survey answer (response ids are given in time order at the end)."""
        row = (customer, ts, touchpoint, metric, score, comment, language)
        for column, item in zip(self._feedback, row, strict=True):
            column.append(item)

    def person(
        self,
        customer: str,
        segment: str,
        city: str,
        signup_day: str,
        lifetime_value: float,
        store: str | None,
        newsletter: bool,
    ) -> None:
        """Append one known person."""
        row = (customer, segment, city, signup_day, round(lifetime_value, 2), store, newsletter)
        for column, item in zip(self._people, row, strict=True):
            column.append(item)

    def _flush(self) -> None:
        if self._columns[0]:
            arrays = [
                pa.array(c, type=f.type) for c, f in zip(self._columns, _RAW_EVENTS, strict=True)
            ]
            self._batches.append(pa.RecordBatch.from_arrays(arrays, schema=_RAW_EVENTS))
            self._columns = [[] for _ in _RAW_EVENTS]

    def tables(self) -> tuple[pa.Table, pa.Table, pa.Table]:
        """The events, people and feedback tables, events and feedback sorted by time."""
        self._flush()
        raw = pa.Table.from_batches(self._batches, schema=_RAW_EVENTS)
        self._batches = []
        raw = raw.append_column("seq", pa.array(range(raw.num_rows), type=pa.int64()))
        raw = raw.sort_by([("ts", "ascending"), ("seq", "ascending")]).combine_chunks()
        events = pa.Table.from_arrays(
            [_iso(raw.column("ts")), *raw.columns[1 : len(EVENT_SCHEMA)]], schema=EVENT_SCHEMA
        )
        feedback = self._feedback_table()
        people = pa.table(
            [pa.array(c, type=f.type) for c, f in zip(self._people, PEOPLE_SCHEMA, strict=True)],
            schema=PEOPLE_SCHEMA,
        )
        people = people.sort_by("customer_id")
        return events, people, feedback

    def _feedback_table(self) -> pa.Table:
        raw = pa.Table.from_arrays(
            [pa.array(c, type=f.type) for c, f in zip(self._feedback, _RAW_FEEDBACK, strict=True)],
            schema=_RAW_FEEDBACK,
        )
        raw = raw.append_column("seq", pa.array(range(raw.num_rows), type=pa.int64()))
        raw = raw.sort_by([("ts", "ascending"), ("seq", "ascending")])
        ids = pa.array([f"r{n:07d}" for n in range(1, raw.num_rows + 1)], type=pa.string())
        columns = [ids, raw.column(0), _iso(raw.column("ts")), *raw.columns[2 : len(_RAW_FEEDBACK)]]
        return pa.Table.from_arrays(columns, schema=FEEDBACK_SCHEMA)
