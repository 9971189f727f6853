"""The report's header counts people as every analysis does: identities stitched."""

from __future__ import annotations

from pathlib import Path

import duckdb

_PEOPLE = """
SELECT count(DISTINCT coalesce(e.person_id, i.person_id, 'anon:' || e.anonymous_id)),
       (SELECT count(*) FROM people), count(*)
FROM events e
LEFT JOIN (SELECT anonymous_id, arg_min(person_id, (first_seen, seq)) AS person_id
           FROM identities GROUP BY anonymous_id) i ON e.anonymous_id = i.anonymous_id
"""


def test_people_with_events_and_known_customers(
    report_store: Path, reports: dict[str, str]
) -> None:
    with duckdb.connect(str(report_store), read_only=True) as con:
        found = con.execute(_PEOPLE).fetchone()
    assert found is not None
    people, known, events = (int(v) for v in found)
    assert people > known > 0  # anonymous visitors who never signed up count too
    assert (
        f"{people:,} people with events ({known:,} known customers), {events:,} events"
        in (reports["en"])
    )
