"""The store's tables and their migrations, as DuckDB DDL.

The schema is versioned: ``recorrido_meta`` holds ``schema_version``, and
:data:`MIGRATIONS` lists, per version, the statements that bring a store from the previous
version to it. Times are stored as naive ``TIMESTAMP`` values in UTC.
"""

from __future__ import annotations

__all__ = ["FORMAT_NAME", "MIGRATIONS", "SCHEMA_VERSION", "TABLES"]

FORMAT_NAME = "recorrido-store"

_V1 = (
    """
    CREATE TABLE recorrido_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)
    """,
    """
    CREATE TABLE events (
        event_id VARCHAR NOT NULL,      -- from the file's id column, or a content hash
        person_id VARCHAR,              -- known person, as given in the file
        anonymous_id VARCHAR,           -- device / cookie id before the person is known
        session_id VARCHAR,
        ts TIMESTAMP NOT NULL,          -- UTC
        event VARCHAR NOT NULL,
        channel VARCHAR,
        value DOUBLE,
        properties VARCHAR,             -- JSON object of the file's other columns
        source_file VARCHAR NOT NULL,
        source_row BIGINT NOT NULL,     -- 1-based data row in the file (header not counted)
        seq BIGINT NOT NULL,            -- ingestion sequence number: the tie-breaker
        ingestion_id INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE people (
        person_id VARCHAR PRIMARY KEY,
        updated_at TIMESTAMP NOT NULL,
        ingestion_id INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE identities (
        anonymous_id VARCHAR NOT NULL,
        person_id VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,  -- UTC time of the first event linking them
        seq BIGINT NOT NULL,
        ingestion_id INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE feedback (
        response_id VARCHAR NOT NULL,
        person_id VARCHAR,
        ts TIMESTAMP NOT NULL,
        touchpoint VARCHAR,
        stage VARCHAR,
        metric VARCHAR NOT NULL,        -- nps | csat | ces | rating
        score DOUBLE,
        scale_min DOUBLE,
        scale_max DOUBLE,
        comment VARCHAR,
        language VARCHAR,
        properties VARCHAR,
        source_file VARCHAR NOT NULL,
        source_row BIGINT NOT NULL,
        seq BIGINT NOT NULL,
        ingestion_id INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE ingestions (
        ingestion_id INTEGER PRIMARY KEY,
        kind VARCHAR NOT NULL,          -- events | feedback | people
        source_file VARCHAR NOT NULL,
        file_sha256 VARCHAR NOT NULL,
        file_bytes BIGINT NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        rows_read BIGINT NOT NULL,
        accepted BIGINT NOT NULL,
        duplicates BIGINT NOT NULL,
        rejected BIGINT NOT NULL,
        columns VARCHAR NOT NULL,       -- JSON: role → column, as detected or given
        timezone VARCHAR,
        recorrido_version VARCHAR NOT NULL
    )
    """,
)

_V2 = (
    """
    CREATE TABLE cases (
        case_id VARCHAR PRIMARY KEY,    -- '<rule id>-<number>', e.g. detractor-12
        rule_id VARCHAR NOT NULL,       -- the map's alerts[].id that opened it
        number BIGINT NOT NULL,         -- 1, 2, 3… per rule, in order of opening
        action VARCHAR NOT NULL,        -- case | advocacy | notify
        response_id VARCHAR NOT NULL,   -- feedback.response_id
        person_id VARCHAR,
        responded_at TIMESTAMP,         -- UTC time of the response
        touchpoint VARCHAR,
        stage VARCHAR,
        metric VARCHAR,                 -- the answer that triggered the rule
        score DOUBLE,
        comment VARCHAR,
        status VARCHAR NOT NULL,        -- open | in_progress | resolved
        owner VARCHAR,
        root_cause VARCHAR,
        action_taken VARCHAR,
        created_at TIMESTAMP NOT NULL,  -- UTC
        updated_at TIMESTAMP NOT NULL,
        resolved_at TIMESTAMP,
        UNIQUE (rule_id, response_id)
    )
    """,
    """
    CREATE TABLE case_events (
        event_id BIGINT PRIMARY KEY,    -- increasing: the order of the history
        case_id VARCHAR NOT NULL,
        occurred_at TIMESTAMP NOT NULL, -- UTC
        actor VARCHAR NOT NULL,         -- who: a user name, or 'recorrido'
        kind VARCHAR NOT NULL,          -- opened | assigned | progress | resolved | reopened
        status VARCHAR NOT NULL,        -- the case's status after the event
        owner VARCHAR,                  -- the case's owner after the event
        note VARCHAR
    )
    """,
    """
    CREATE TABLE outbox (
        message_id VARCHAR PRIMARY KEY, -- idempotency key: X-Recorrido-Delivery
        seq BIGINT NOT NULL,            -- order of enqueueing: the tie-breaker
        case_id VARCHAR NOT NULL,
        webhook_id VARCHAR NOT NULL,
        payload VARCHAR NOT NULL,       -- the JSON body, sent byte for byte on every attempt
        status VARCHAR NOT NULL,        -- pending | delivered | failed
        attempts INTEGER NOT NULL,      -- attempts whose outcome was recorded
        created_at TIMESTAMP NOT NULL,  -- UTC
        next_attempt_at TIMESTAMP NOT NULL,
        claimed_by VARCHAR,             -- the delivery run sending it now
        claimed_at TIMESTAMP,
        last_attempt_at TIMESTAMP,
        last_status INTEGER,            -- HTTP status of the last attempt, if any
        last_error VARCHAR,
        delivered_at TIMESTAMP,
        UNIQUE (case_id, webhook_id)
    )
    """,
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2)
"""``MIGRATIONS[i]`` brings a store from schema version ``i`` to ``i + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this Recorrido writes and reads."""

TABLES = (
    "events",
    "people",
    "identities",
    "feedback",
    "ingestions",
    "cases",
    "case_events",
    "outbox",
)
