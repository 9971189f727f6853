"""Pure Ibis analytics over journey events (no I/O, no backend imports).

Each function takes Ibis tables (see :mod:`.frame` for the journey-events columns) and returns
an Ibis table expression that runs unchanged on DuckDB, PySpark and ClickHouse.
"""

from .fitness import journey_fitness, move_counts, stage_moves, step_coverage
from .frame import JOURNEY_EVENTS, journey_events_table
from .funnel import Exclusion, FunnelSpec, funnel_steps, funnel_units
from .lifecycle import lifecycle
from .paths import collapse_repeats, path_flows, top_paths
from .personas import assign_personas
from .prepare import prepare_events
from .repeat import repeat_purchases
from .retention import retention
from .touchpoints import UNMAPPED, assign_touchpoints
from .transitions import starts_and_ends, transitions
from .variants import variants

__all__ = [
    "JOURNEY_EVENTS",
    "UNMAPPED",
    "Exclusion",
    "FunnelSpec",
    "assign_personas",
    "assign_touchpoints",
    "collapse_repeats",
    "funnel_steps",
    "funnel_units",
    "journey_events_table",
    "journey_fitness",
    "lifecycle",
    "move_counts",
    "path_flows",
    "prepare_events",
    "repeat_purchases",
    "retention",
    "stage_moves",
    "starts_and_ends",
    "step_coverage",
    "top_paths",
    "transitions",
    "variants",
]
