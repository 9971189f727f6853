"""Pure Ibis analytics over journey events (no I/O, no backend imports).

Each function takes Ibis tables (see :mod:`.frame` for the journey-events columns) and returns
an Ibis table expression that runs unchanged on DuckDB, PySpark and ClickHouse.
"""

from .attribution import funnel_touches
from .fitness import (
    DEVIATION_KINDS,
    conformance_by,
    deviation_totals,
    deviations_by_step,
    first_channels,
    journey_deviations,
    journey_fitness,
    move_counts,
    stage_moves,
    step_coverage,
    unit_conformance,
)
from .frame import JOURNEY_EVENTS, journey_events_table
from .funnel import Exclusion, FunnelSpec, funnel_steps, funnel_units
from .funnel_summary import funnel_histogram
from .funnel_trend import compare_periods, funnel_trend
from .lifecycle import lifecycle
from .paths import collapse_repeats, path_flows, top_paths
from .personas import assign_personas
from .prepare import prepare_events
from .repeat import repeat_purchases
from .retention import retention
from .routes import route_totals, route_units
from .touchpoints import UNMAPPED, assign_touchpoints
from .transitions import starts_and_ends, transitions
from .variants import variants

__all__ = [
    "DEVIATION_KINDS",
    "JOURNEY_EVENTS",
    "UNMAPPED",
    "Exclusion",
    "FunnelSpec",
    "assign_personas",
    "assign_touchpoints",
    "collapse_repeats",
    "compare_periods",
    "conformance_by",
    "deviation_totals",
    "deviations_by_step",
    "first_channels",
    "funnel_histogram",
    "funnel_steps",
    "funnel_touches",
    "funnel_trend",
    "funnel_units",
    "journey_deviations",
    "journey_events_table",
    "journey_fitness",
    "lifecycle",
    "move_counts",
    "path_flows",
    "prepare_events",
    "repeat_purchases",
    "retention",
    "route_totals",
    "route_units",
    "stage_moves",
    "starts_and_ends",
    "step_coverage",
    "top_paths",
    "transitions",
    "unit_conformance",
    "variants",
]
