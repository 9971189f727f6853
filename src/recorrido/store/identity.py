"""Identity stitching: anonymous visitors become the people they later turn out to be.

``identities`` records every (anonymous id, person) pair seen on one event. An anonymous id
belongs to the person of its earliest pair (by time, then ingestion order). An event's
person is its own person id, else the person its anonymous id belongs to, else
``"anon:" + anonymous_id`` (an unidentified visitor is a journey of their own).
"""

from __future__ import annotations

from typing import Any

import ibis

__all__ = ["ANONYMOUS_PREFIX", "identity_links", "journey_events"]

ANONYMOUS_PREFIX = "anon:"


def identity_links(identities: Any) -> Any:
    """One row per anonymous id: ``anonymous_id``, ``linked_person``."""
    order = ibis.window(
        group_by=identities.anonymous_id, order_by=[identities.first_seen, identities.seq]
    )
    ranked = identities.mutate(_rank=ibis.row_number().over(order))
    first = ranked.filter(ranked._rank == 0)
    return first.select("anonymous_id", linked_person=first.person_id)


def journey_events(events: Any, identities: Any) -> Any:
    """``events`` with a ``person`` column: the stitched person of each event."""
    links = identity_links(identities)
    joined = events.left_join(links, events.anonymous_id == links.anonymous_id)
    person = ibis.coalesce(
        joined.person_id,
        joined.linked_person,
        ibis.literal(ANONYMOUS_PREFIX) + joined.anonymous_id,
    )
    return joined.mutate(person=person).drop("linked_person", "anonymous_id_right")
