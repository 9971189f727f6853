"""``Journey``: the notebook and CLI entry point to the analytics.

>>> from recorrido import Journey
>>> journey = Journey("demo/recorrido.duckdb")            # or an events file, read directly
>>> journey.funnel(["product_view", "add_to_cart", "checkout_started", "purchase"])
>>> journey.transitions(level="stage").to_dict()

Every method validates its request (:mod:`recorrido.requests`) before any query, builds the
analysis as Ibis expressions over the journey events (:mod:`recorrido.analysis.prepare`)
and runs them on the store's DuckDB connection.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar, cast

import ibis
import pyarrow as pa

from . import _conformance, _drivers, _experience, _painpoints
from ._closing import Closing
from .analysis.attribution import TOUCHES, funnel_touches
from .analysis.frame import JOURNEY_EVENTS
from .analysis.funnel import Exclusion, FunnelSpec, funnel_steps, funnel_units, hold_value
from .analysis.funnel_summary import funnel_histogram
from .analysis.funnel_trend import compare_periods, funnel_trend, trend_period_us
from .analysis.lifecycle import lifecycle
from .analysis.order import POSITION, unique_seq
from .analysis.paths import path_flows, top_paths
from .analysis.personas import UNASSIGNED, assign_personas
from .analysis.prepare import label_events, place_events
from .analysis.repeat import repeat_purchases
from .analysis.retention import retention
from .analysis.transitions import starts_and_ends, transitions
from .analysis.variants import variants
from .backends import Backend
from .errors import UsageError, did_you_mean
from .map.json_text import json_text
from .map.loader import load_map
from .map.models import JourneyMap
from .requests import (
    FunnelRequest,
    LoyaltyRequest,
    PathsRequest,
    RetentionRequest,
    Scope,
    TransitionsRequest,
    VariantsRequest,
    build,
    exclusion_parts,
)
from .results import Result
from .source import Source, events_columns, no_identities, open_source
from .store import Store

__all__ = ["Journey"]

_PERIODS_US = {"day": 86_400_000_000, "week": 7 * 86_400_000_000}

_Analysis = TypeVar("_Analysis", bound=Callable[..., Result])


def _named(method: _Analysis) -> _Analysis:
    """The analysis's result carries the map's names and language (for its notebook chart)."""

    @functools.wraps(method)
    def analysis(journey: Journey, *args: Any, **kwargs: Any) -> Result:
        result: Result = method(journey, *args, **kwargs)
        if journey.map is not None:
            result.names, result.lang = journey.map.names(), journey.map.meta.language
            result.stages = journey.map.stage_touchpoints()
        return result

    return cast("_Analysis", analysis)


class Journey(Closing):
    """Analyses over a store (or an events file) and, optionally, a journey map."""

    def __init__(
        self,
        source: str | Path | Store,
        map: str | Path | JourneyMap | None = None,
        *,
        timezone: str | None = None,
    ) -> None:
        self.map = _load_map(map, source)
        if isinstance(source, Store):
            self._source: Source | None = Source(source)
            self._owns = False
        else:
            zone = timezone or (self.map.meta.timezone if self.map else "UTC")
            self._source = open_source(source, timezone=zone, timezone_explicit=bool(timezone))
            self._owns = True
        self.store: Store | None = self._source.store
        self._run: Callable[[Any], pa.Table] = self.store.ibis.to_pyarrow
        self._table: Any = None
        self._raw: tuple[Any, Any] | None = None
        self._cache: dict[str, Any] | None = None

    @classmethod
    def from_table(
        cls,
        events: Any,
        map: JourneyMap | None = None,
        *,
        backend: Backend | None = None,
        identities: Any = None,
    ) -> Journey:
        """Analyses over events that live elsewhere: any Ibis table on any Ibis backend (PySpark
        over Parquet on a cluster, a ClickHouse or DuckDB table) with the columns of
        :data:`~recorrido.analysis.frame.JOURNEY_EVENTS`, analysed as they are, or those of the
        store's ``events`` table (:data:`~recorrido.source.STORE_EVENT_COLUMNS`), placed on
        ``map`` at every level and stitched with ``identities`` (person ids as they are when
        ``None``). The queries run there, through ``backend`` (see
        :func:`recorrido.backends.connect`) when given."""
        journey = cls.__new__(cls)
        journey.map = map
        journey._source = None
        journey._owns = False
        journey.store = None
        journey._table, journey._raw, journey._cache = None, None, None
        if events_columns(events, "the events table") == "journey":
            journey._table = events.select(*JOURNEY_EVENTS.names).cast(JOURNEY_EVENTS)
        else:
            journey._raw = (events, no_identities(events) if identities is None else identities)
        journey._run = backend.to_arrow if backend else events.get_backend().to_pyarrow
        return journey

    # -- the data ------------------------------------------------------------------------------

    def events(self, scope: Scope | None = None, *, stage: bool = False) -> Any:
        """Journey events (an Ibis table) for ``scope``; with ``stage``, also the ``stage``
        each event is placed at (NULL where the map places it nowhere)."""
        scope = scope or Scope()
        if self._table is not None:
            if scope.level != "event" or scope.unit != "person":
                raise UsageError(
                    "journey events given as a table are analysed as they are: their label and "
                    "unit columns are already chosen (level=event, unit=person)",
                    code="usage_table_scope",
                )
            if stage:
                raise UsageError(
                    "journey events given as a table have no stage: they are not placed on a map",
                    code="usage_table_scope",
                )
            return self._table
        events = self.prepared(scope, stage=stage)
        # at touchpoint or stage level, events the map does not place are left out
        return events if scope.level == "event" else events.filter(events.label.notnull())

    def prepared(self, scope: Scope, *, stage: bool = False) -> Any:
        """Journey events for ``scope`` with the events the map does not place (label NULL);
        with ``stage``, also their ``stage``."""
        if scope.level != "event" and self.map is None:
            raise UsageError(
                f"level '{scope.level}' needs a journey map: pass map=… or --map journey.yaml",
                code="usage_needs_map",
            )
        gap = scope.session_gap_us()
        if self._cache is None or self.store is None:
            return label_events(
                self._placed(), level=scope.level, unit=scope.unit, session_gap_us=gap, stage=stage
            )
        # within cached(): a view per scope, so that every analysis's query (and its
        # compilation by Ibis, the larger cost on small stores) starts from one plain table
        properties = scope.reads_properties()
        key = f"view:{scope.level}:{scope.unit}:{gap}:{properties}:{stage}"
        if key not in self._cache:
            placed = self._placed()
            if properties:  # kept apart: joined back from the store by ``seq``
                raw = self.store.table("events")
                raw = raw.select(_p_seq=raw.seq, properties=raw.properties)
                placed = placed.join(raw, placed.seq == raw._p_seq).drop("_p_seq")
            labelled = label_events(
                placed, level=scope.level, unit=scope.unit, session_gap_us=gap, stage=stage
            )
            self._cache[key] = self._view(self.store.ibis.compile(labelled))
        return self._cache[key]

    def _placed(self) -> Any:
        if self._cache is not None and "placed" in self._cache:
            return self._cache["placed"]
        if self._raw is not None:
            raw, identities = self._raw
        else:
            assert self.store is not None
            raw, identities = self.store.table("events"), self.store.table("identities")
        placed = place_events(raw, identities, self.map)
        if self._cache is not None and self.store is not None:
            placed = self._cache["placed"] = self._keep(placed)
        return placed

    def _keep(self, placed: Any) -> Any:
        """``placed`` written once to a temporary Parquet file that a view of the store's
        connection reads: compressed on disk, it takes a fraction of the memory a temporary
        table takes (10M events: 0.2 GB against 2.2 GB), so the analyses that read it do not
        spill, and DuckDB writes it in parallel, faster than into a database file. The
        ``properties`` stay in the store (the largest column, which few analyses read: 10M
        events are written and sorted about 4 s faster without it); :meth:`prepared` joins
        them back by ``seq``, unique in a store, for a scope that reads them."""
        assert self.store is not None and self._cache is not None
        folder = Path(tempfile.mkdtemp(prefix="recorrido-cache-"))
        self._cache["folder"] = folder
        path = str(folder / "placed.parquet").replace("'", "''")
        sql = self.store.ibis.compile(placed)
        # every analysis reads a person's events in (ts, seq) order: written in that order,
        # DuckDB's windows and groupings by person find them together (10M events: windows
        # 1.5-2x, groupings by person 8x faster)
        self.store.connection.execute(
            f"COPY (SELECT * EXCLUDE (properties) FROM ({sql}) ORDER BY person, ts, seq) "
            f"TO '{path}' "
            "(FORMAT parquet, COMPRESSION snappy)"
        )
        # the file's row number grows in journey order within each person: the analyses
        # read it as the events' position (see recorrido.analysis.order)
        return self._view(
            f"SELECT * EXCLUDE (file_row_number), file_row_number AS {POSITION} "
            f"FROM read_parquet('{path}', file_row_number = true)"
        )

    def _view(self, sql: str) -> Any:
        """A temporary view of the store's connection over ``sql`` (dropped on leaving
        :meth:`cached`), as an Ibis table."""
        assert self.store is not None and self._cache is not None
        name = f"_recorrido_cache_{uuid.uuid4().hex}"
        self.store.connection.execute(f'CREATE TEMP VIEW "{name}" AS {sql}')
        self._cache.setdefault("views", []).append(name)
        return self.store.ibis.table(name)

    @contextmanager
    def cached(self) -> Iterator[Journey]:
        """Within the block, the store's events are stitched and placed on the map once, into
        a temporary file every analysis reads (for many analyses of one store, as a
        report runs); without a store it changes nothing. It is deleted on exit. The
        analyses leave the label out of their sort keys: a store's ``seq`` never repeats
        (see :mod:`recorrido.analysis.order`)."""
        if self.store is None or self._cache is not None:
            yield self
            return
        self._cache = {}
        try:
            with unique_seq():
                yield self
        finally:
            cache, self._cache = self._cache, None
            for name in reversed(cache.get("views", [])):  # the views on the file first
                self.store.connection.execute(f'DROP VIEW IF EXISTS "{name}"')
            for name in cache.get("tables", []):
                self.store.connection.execute(f'DROP TABLE IF EXISTS temp."{name}"')
            if "folder" in cache:
                shutil.rmtree(cache["folder"], ignore_errors=True)

    def labels(self, scope: Scope | None = None) -> list[str]:
        """The step names the data has at ``scope.level``, most frequent first."""
        scope = scope or Scope()
        key = f"labels:{scope.level}:{scope.unit}:{scope.session_gap_us()}"
        if self._cache is not None and key in self._cache:
            return list(self._cache[key])
        events = self.events(scope)
        labelled = events.filter(events.label.notnull())
        counts = labelled.group_by("label").aggregate(n=labelled.count())
        table = self._run(counts.order_by([ibis.desc("n"), "label"]))
        found = [str(v) for v in table["label"].to_pylist()]
        if self._cache is not None:
            self._cache[key] = found
        return list(found)

    def _check_steps(self, steps: list[str], scope: Scope) -> list[str]:
        """Unknown steps are errors naming the closest; known steps without events warn."""
        seen = self.labels(scope)
        designed: list[str] = []
        if self.map is not None and scope.level == "touchpoint":
            designed = [tp.id for tp in self.map.touchpoints]
        elif self.map is not None and scope.level == "stage":
            designed = self.map.stage_ids()
        valid = set(seen) | set(designed)
        warnings = []
        for step in steps:
            if step not in valid:
                raise UsageError(
                    f"unknown step '{step}' at level {scope.level}"
                    f"{did_you_mean(step, sorted(valid))}",
                    code="usage_unknown_step",
                )
            if step not in seen:
                warnings.append(f"step '{step}' matches no event: its count is 0")
        return warnings

    def _with_breakdown(self, events: Any, breakdown: str | None) -> tuple[Any, str | None]:
        if breakdown is None or breakdown == "channel" or breakdown in TOUCHES:
            return events, breakdown
        if breakdown.startswith("properties."):
            key = breakdown.removeprefix("properties.")
            value = json_text(events.properties, tuple(key.split(".")))
            return events.mutate(_breakdown=value), "_breakdown"
        if breakdown == "persona":
            if self.map is None:
                raise UsageError("breakdown by persona needs a journey map", code="usage_needs_map")
            if self.store is None:
                raise UsageError("breakdown by persona needs a store", code="usage_needs_store")
            people = assign_personas(self.store.table("people"), self.map)
            people = people.select(_person=people.person_id, _breakdown=people.persona)
            joined = events.left_join(people, events.person == people._person)
            joined = joined.mutate(_breakdown=joined._breakdown.fill_null(UNASSIGNED))
            return joined.drop("_person"), "_breakdown"
        raise UsageError(
            f"breakdown '{breakdown}': use channel, first_touch, last_touch, persona or "
            "properties.<key>",
            code="usage_breakdown",
        )

    # -- analyses ------------------------------------------------------------------------------

    def _funnel(self, steps: list[str], options: dict[str, Any]) -> tuple[Any, ...]:
        request = build(FunnelRequest, steps=steps, **options)
        labels = [exclusion_parts(item)[0] for item in request.exclude]
        warnings = self._check_steps(list(dict.fromkeys(request.steps + labels)), request)
        spec = FunnelSpec(
            steps=tuple(request.steps),
            mode=request.mode,
            window_us=request.window_us(),
            open=request.open,
            optional=frozenset(request.steps.index(s) for s in request.optional),
            exclusions=tuple(
                Exclusion(label, after - 1, before - 1)
                for label, after, before in map(exclusion_parts, request.exclude)
            ),
            hold=request.hold,
        )
        if spec.hold is not None:
            self._check_hold(spec, request)
        events, breakdown = self._with_breakdown(self.events(request), request.breakdown)
        if breakdown in TOUCHES:  # first or last touch: read from the units and all events
            touched = funnel_touches(events, funnel_units(events, spec), spec)
            units = touched.drop(*(t for t in TOUCHES if t != breakdown))
        else:
            units = funnel_units(events, spec, breakdown=breakdown)
        return request, spec, units, breakdown, warnings

    def _check_hold(self, spec: FunnelSpec, scope: Scope) -> None:
        """A property to hold must be on some event of the steps (else every count is 0)."""
        assert spec.hold is not None
        events = self.events(scope)
        steps = events.filter(events.label.isin(spec.steps))
        held = hold_value(steps.properties, spec.hold).notnull().ifelse(1, 0).sum()
        if self._run(steps.aggregate(n=held))["n"][0].as_py():
            return
        keys: list[str] = []
        if self.store is not None:  # the keys the events do have, to suggest the closest
            rows = self.store.connection.execute(
                "SELECT DISTINCT unnest(json_keys(TRY_CAST(properties AS JSON))) FROM events "
                "WHERE properties IS NOT NULL LIMIT 1000"
            ).fetchall()
            keys = sorted(str(row[0]) for row in rows)
        raise UsageError(
            f"hold '{spec.hold}': no event of the steps has this property (a text or whole "
            f"number in properties){did_you_mean(spec.hold, keys)}",
            code="usage_hold_property",
        )

    @_named
    def funnel(self, steps: list[str], **options: Any) -> Result:
        """The buyer-journey funnel over ``steps`` (see :class:`~.requests.FunnelRequest`).

        With ``trend="day"|"week"`` the result's ``extra`` also holds ``trend`` (conversion
        per cohort period) and ``comparison`` (the latest period against the one before);
        with ``histogram=True``, ``histogram`` (times to convert in fixed bins). On a store,
        the units are then computed once; on a table of another backend each output's query
        computes them again.
        """
        request, spec, units, breakdown, warnings = self._funnel(steps, options)
        several = request.trend is not None or request.histogram
        with self._once(units) if several else nullcontext(units) as units:
            return self._funnel_outputs(request, spec, units, breakdown, warnings)

    @contextmanager
    def _once(self, expr: Any, *, events: bool = False, keep: bool = False) -> Iterator[Any]:
        """``expr`` computed once into a temporary table of the store (DuckDB, which spills
        to disk beyond its memory limit) when several queries read it; as it is when there
        is no store (each query computes it again). The table is dropped on exit, or, with
        ``keep`` within :meth:`cached`, with the cache (the caller memoises it there).

        ``events``: ``expr`` is the journey events, relabelled or filtered; within
        :meth:`cached` they are already placed once, and read from there as they are."""
        if self.store is None or (events and self._cache is not None):
            yield expr
            return
        name = f"_recorrido_once_{uuid.uuid4().hex}"
        connection = self.store.connection
        sql = self.store.ibis.compile(expr)
        connection.execute(f'CREATE TEMP TABLE "{name}" AS {sql}')
        kept = keep and self._cache is not None
        if kept:
            assert self._cache is not None
            self._cache.setdefault("tables", []).append(name)
        try:
            yield self.store.ibis.table(name)
        finally:
            if not kept:
                connection.execute(f'DROP TABLE IF EXISTS temp."{name}"')

    def _funnel_outputs(
        self,
        request: FunnelRequest,
        spec: FunnelSpec,
        units: Any,
        breakdown: str | None,
        warnings: list[str],
    ) -> Result:
        table = self._run(funnel_steps(units, spec, breakdown=breakdown))
        if breakdown == "_breakdown":
            table = table.rename_columns(
                ["breakdown" if c == "_breakdown" else c for c in table.column_names]
            )
        extra: dict[str, Any] = {}
        if request.trend is not None:
            period_us = trend_period_us(request.trend)
            by_period = funnel_trend(units, spec, period_us=period_us).order_by("period")
            trend = Result("trend", self._run(by_period))
            events = self.events(request)
            end = self._run(events.aggregate(end=events.ts.max()))["end"][0].as_py()
            extra["trend"] = trend.rows()
            rows = trend.table.to_pylist()
            comparison = compare_periods(rows, period_us=period_us, data_end=end)
            extra["comparison"] = _plain_comparison(comparison)
        if request.histogram:
            if spec.open:
                warnings = [
                    *warnings,
                    "open funnel: the histogram counts the units that reached each step "
                    "after entering at an earlier one; times run from their entry step",
                ]
            histogram = Result("histogram", self._run(funnel_histogram(units, spec)))
            extra["histogram"] = histogram.rows()
        return Result(
            "funnel", table, request.model_dump(), extra, shape=_funnel_shape, warnings=warnings
        )

    @_named
    def dropped(self, steps: list[str], at: int, **options: Any) -> Result:
        """The units that reached step ``at − 1`` but not step ``at`` (1-based), with times."""
        request, spec, units, _, warnings = self._funnel(steps, options)
        if not 2 <= at <= len(spec.steps):
            raise UsageError(
                f"dropped at step {at}: choose a step from 2 to {len(spec.steps)}",
                code="usage_dropped_step",
            )
        if spec.optional:
            raise UsageError(
                "dropped units are defined for funnels without optional steps",
                code="usage_dropped_optional",
            )
        lost = units.filter(units.reached == at - 1).order_by("unit")
        table = self._run(lost)
        return Result("dropped", table, {**request.model_dump(), "at": at}, warnings=warnings)

    @_named
    def transitions(self, *, ends: bool = True, durations: bool = True, **options: Any) -> Result:
        """The directly-follows graph (see :class:`~.requests.TransitionsRequest`), with the
        steps journeys start and end at (``starts``, ``ends``) and the units that reached each
        step (``reached``) unless ``ends`` is False, and
        each edge's median and 95th-percentile time unless ``durations`` is False (each a
        pass over the events less, for a caller that only needs the counts)."""
        request = build(TransitionsRequest, **options)
        events = self.events(request)
        # the person is the unit in person scope (a table given as it is may differ)
        people = request.unit == "person" and self._table is None
        edges = self._run(
            transitions(
                events, collapse=request.collapse, units_are_people=people, durations=durations
            )
        )
        extra: dict[str, Any] = {}
        if ends:
            found = self._run(starts_and_ends(events)).to_pylist()
            extra["starts"] = {str(r["label"]): int(r["starts"]) for r in found if r["starts"]}
            extra["ends"] = {str(r["label"]): int(r["ends"]) for r in found if r["ends"]}
            extra["reached"] = {str(r["label"]): int(r["units"]) for r in found}
        return Result("transitions", edges, request.model_dump(), extra, _edges_shape)

    @_named
    def paths(self, **options: Any) -> Result:
        """Top paths (see :class:`~.requests.PathsRequest`); with ``funnel``, the top paths
        of the units that converted and of those that dropped, side by side (``outcome``)."""
        request = build(PathsRequest, **options)
        named = [s for s in (request.start, request.end, request.before, request.after_last) if s]
        checked = [*named, *(request.funnel or [])]
        warnings = self._check_steps(list(dict.fromkeys(checked)), request) if checked else []
        events, group, after_last = self.events(request), None, request.after_last
        if request.funnel is not None:
            events, after_last = self._funnel_outcomes(events, request)
            group = "outcome"
        anchors: dict[str, Any] = {
            "length": request.length,
            "start": request.start,
            "end": request.end,
            "before": request.before,
            "after_last": after_last,
            "collapse": request.collapse,
            "min_share": request.min_share,
        }
        expr = top_paths(events, group_by=group, **anchors)
        if group is None:
            expr = expr.limit(request.top)
        else:  # the top paths of each outcome, not the top paths overall
            steps = [c for c in expr.columns if c.startswith("step_")]
            rank = ibis.row_number().over(
                group_by=expr[group], order_by=[ibis.desc("count"), *steps]
            )
            expr = expr.filter(rank < request.top).order_by([group, ibis.desc("count"), *steps])
        table = self._run(expr)
        extra: dict[str, Any] = {}
        if request.flows:
            extra["flows"] = self._run(path_flows(events, **anchors)).to_pylist()
        return Result(
            "paths", table, request.model_dump(), extra, shape=_paths_shape, warnings=warnings
        )

    def _funnel_outcomes(self, events: Any, request: PathsRequest) -> tuple[Any, str | None]:
        """The events of the units that entered ``request.funnel`` with their ``outcome``
        (``converted``: reached the last step; ``dropped``: did not); with ``dropped_at``,
        only the units that dropped there, and the step to read the paths after."""
        assert request.funnel is not None
        spec = FunnelSpec(steps=tuple(request.funnel))
        units = funnel_units(events, spec)
        last = len(spec.steps)
        if request.dropped_at is not None:
            units = units.filter(units.reached == request.dropped_at - 1)
            outcome = ibis.literal(f"dropped at {request.funnel[request.dropped_at - 1]}")
            after_last: str | None = request.funnel[request.dropped_at - 2]
        else:
            outcome = ibis.ifelse(units.reached == last, "converted", "dropped")
            after_last = request.after_last
        units = units.select(_o_unit=units.unit, outcome=outcome)
        joined = events.join(units, events.unit == units._o_unit)
        return joined.drop("_o_unit"), after_last

    @_named
    def conformance(self, by: str | None = None, **options: Any) -> Result:
        """How real journeys follow the map's designed buyer journey: fitness, moves and
        deviations (skipped steps, out of order, backward moves, unexpected touchpoints),
        optionally ``by`` stage, persona, channel (first touch) or unit (see
        :class:`~.requests.ConformanceRequest`)."""
        return _conformance.conformance(self, {**options, "by": by})

    @_named
    def experience(self, by: str = "touchpoint", **options: Any) -> Result:
        """NPS, CSAT, CES and ratings of the store's survey answers per touchpoint, stage,
        persona, channel, period (``period="day"|"week"``) or none; ``min_sample`` flags
        small groups (docs/analytics.md#experience)."""
        return _experience.experience(self, {**options, "by": by})

    @_named
    def emotion_curve(self, min_sample: int = 30) -> Result:
        """Designed against measured emotion (−2…+2) per stage of the map."""
        return _experience.emotion(self, {"min_sample": min_sample})

    @_named
    def satisfaction(self) -> Result:
        """Journey-level satisfaction per person; ``extra["drivers"]``: each touchpoint's and
        the whole journey's correlation with the person's NPS."""
        return _experience.satisfaction(self, {})

    @_named
    def painpoints(self, level: str = "touchpoint", **options: Any) -> Result:
        """Touchpoints (or stages) ranked as pain points, worst first: reach, drop-off,
        dissatisfied answers and negative comments, with evidence (docs/analytics.md, *Pain
        points*). Options: top, min_sample, conversion (touchpoint ids; default the buyer
        journey's conversion)."""
        return _painpoints.painpoints(self, {"level": level, **options})

    @_named
    def drivers(self, outcome: str = "nps", **options: Any) -> Result:
        """Key drivers of ``outcome`` (nps, conversion or churn): experiences and events that
        go with a worse or better outcome than their baseline, with effect sizes, 95%
        intervals and false-discovery-rate q-values, plus the priority matrix in
        ``extra["matrix"]`` (docs/analytics.md, *Key drivers*). Options: churn_days,
        min_exposed, kinds, top, purchases."""
        return _drivers.drivers(self, {"outcome": outcome, **options})

    @_named
    def routes(self, routes: list[str] | None = None, **options: Any) -> Result:
        """Who took each of the map's ``routes`` (default: all) and how many converted (see
        :class:`~.requests.RoutesRequest`)."""
        return _conformance.routes(self, {**options, "routes": routes or []})

    @_named
    def variants(self, **options: Any) -> Result:
        """Distinct whole journeys (see :class:`~.requests.VariantsRequest`)."""
        request = build(VariantsRequest, **options)
        expr = variants(
            self.events(request), max_length=request.max_length, collapse=request.collapse
        )
        table = self._run(expr.limit(request.top))
        return Result("variants", table, request.model_dump(), shape=_paths_shape)

    @_named
    def loyalty(self, purchase: str, **options: Any) -> Result:
        """Repeat purchases of ``purchase`` and the lifecycle of units per period."""
        request = build(LoyaltyRequest, purchase=purchase, **options)
        warnings = self._check_steps([request.purchase], request)
        events = self.events(request)
        repeat = self._run(repeat_purchases(events, purchase_label=purchase))
        stages = lifecycle(events, period_us=_PERIODS_US[request.period])
        table = self._run(stages.order_by("period"))
        extra = {"repeat_purchases": repeat.to_pylist()[0] if repeat.num_rows else {}}
        return Result(
            "lifecycle", table, request.model_dump(), extra, _loyalty_shape, warnings=warnings
        )

    @_named
    def retention(self, **options: Any) -> Result:
        """Cohort retention (see :class:`~.requests.RetentionRequest`)."""
        request = build(RetentionRequest, **options)
        named = [s for s in (request.start, request.returning) if s]
        warnings = self._check_steps(named, request) if named else []
        events, breakdown = self._with_breakdown(self.events(request), request.breakdown)
        expr = retention(
            events,
            period_us=_PERIODS_US[request.period],
            periods=request.periods,
            start_label=request.start,
            return_label=request.returning,
            mode=request.mode,
            breakdown=breakdown,
        )
        table = self._run(expr.order_by(["cohort", *([breakdown] if breakdown else []), "period"]))
        if breakdown == "_breakdown":
            table = table.rename_columns(
                ["breakdown" if c == "_breakdown" else c for c in table.column_names]
            )
        return Result("retention", table, request.model_dump(), warnings=warnings)

    # -- lifetime ------------------------------------------------------------------------------

    def close(self) -> None:
        if self._owns and self._source is not None:
            self._source.close()


def _load_map(
    given: str | Path | JourneyMap | None, source: str | Path | Store
) -> JourneyMap | None:
    if isinstance(given, JourneyMap):
        return given
    if given is not None:
        return load_map(given)
    base = source.path if isinstance(source, Store) else Path(source)
    beside = base.parent / "journey.yaml"
    return load_map(beside) if beside.is_file() else None


def _loyalty_shape(result: Result) -> dict[str, Any]:
    return {"lifecycle": result.rows(), **result.extra}


def _funnel_shape(result: Result) -> dict[str, Any]:
    return {"steps": result.rows(), **result.extra}


def _plain_comparison(comparison: dict[str, Any] | None) -> dict[str, Any] | None:
    """The comparison of two periods with ISO times, ready for JSON."""
    if comparison is None:
        return None
    sides = {
        side: {**comparison[side], "period": comparison[side]["period"].isoformat()}
        for side in ("latest", "previous")
    }
    return {**comparison, **sides}


def _edges_shape(result: Result) -> dict[str, Any]:
    return {"edges": result.rows(), **result.extra}


def _paths_shape(result: Result) -> dict[str, Any]:
    paths = []
    for row in result.rows():
        steps = [row[k] for k in sorted(row, key=_step_index) if k.startswith("step_")]
        path: dict[str, Any] = {"path": [s for s in steps if s is not None], "count": row["count"]}
        path["share"] = row.get("share")
        if "outcome" in row:
            path["outcome"] = row["outcome"]
        paths.append(path)
    return {"paths": paths, **result.extra}


def _step_index(key: str) -> int:
    return int(key.removeprefix("step_")) if key.startswith("step_") else 0
