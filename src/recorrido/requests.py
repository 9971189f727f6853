"""Request models: what the library, the CLI and (later) the HTTP API ask of the analytics.

One pydantic model per analytic, unknown keys rejected, validated before any query runs.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .durations import parse_duration
from .errors import UsageError, did_you_mean

__all__ = [
    "ConformanceRequest",
    "FunnelRequest",
    "PathsRequest",
    "RetentionRequest",
    "RoutesRequest",
    "Scope",
    "TransitionsRequest",
    "build",
    "exclusion_parts",
]

M = TypeVar("M", bound=BaseModel)


class Scope(BaseModel):
    """Which events and units an analysis looks at."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Literal["event", "touchpoint", "stage"] = Field(
        default="event", description="Steps are event names, touchpoints or stages of the map."
    )
    unit: Literal["person", "session"] = Field(
        default="person", description="Unit of analysis: a person's whole journey, or a session."
    )
    session_gap: str = Field(default="30m", description="Sessions are cut at longer gaps.")

    @field_validator("session_gap")
    @classmethod
    def _gap(cls, value: str) -> str:
        parse_duration(value, option="session_gap")
        return value

    def session_gap_us(self) -> int:
        return parse_duration(self.session_gap, option="session_gap")

    def reads_properties(self) -> bool:
        """Whether the analysis reads the events' ``properties`` (a held key, a breakdown by
        one): :meth:`~recorrido.journey.Journey.cached` keeps them apart from the rest."""
        breakdown = getattr(self, "breakdown", None)
        held = getattr(self, "hold", None)
        return held is not None or (breakdown or "").startswith("properties.")


class FunnelRequest(Scope):
    """A funnel over ``steps`` (≥ 2), in order mode ``mode``, within an optional window."""

    steps: list[str]
    mode: Literal["ordered", "strict", "any"] = "ordered"
    window: str | None = Field(default=None, description="Fixed length, e.g. 30m, 7d.")
    open: bool = False
    optional: list[str] = Field(default=[], description="Steps that may be skipped.")
    exclude: list[str] = Field(
        default=[],
        description="LABEL:A-B: units doing LABEL between steps A and B (1-based) are excluded.",
    )
    hold: str | None = Field(
        default=None, description="A properties key whose value must stay the same (same cart)."
    )
    breakdown: str | None = Field(
        default=None,
        description="channel, persona or properties.<key> (the value on the first step), or "
        "first_touch / last_touch (the unit's first channel; its last before its furthest step).",
    )
    trend: Literal["day", "week"] | None = Field(
        default=None,
        description="day or week: conversion per cohort period of entry, latest vs previous.",
    )
    histogram: bool = Field(default=False, description="Times to convert in fixed bins.")

    @field_validator("trend", mode="before")
    @classmethod
    def _trend(cls, value: object) -> object:
        if value is not None and value not in ("day", "week"):
            raise UsageError(
                f"trend {value!r}: use day or week; trend periods have fixed lengths (months "
                "vary in length and are not cut the same way on every engine)",
                code="usage_trend",
            )
        return value

    @field_validator("steps")
    @classmethod
    def _two_steps(cls, value: list[str]) -> list[str]:
        if len(value) < 2:
            raise UsageError(
                f"a funnel needs at least 2 steps (got {len(value)}): --steps a,b,c",
                code="usage_steps",
            )
        return value

    @field_validator("window")
    @classmethod
    def _window(cls, value: str | None) -> str | None:
        if value is not None:
            parse_duration(value, option="window")
        return value

    def window_us(self) -> int | None:
        return None if self.window is None else parse_duration(self.window, option="window")

    @field_validator("exclude")
    @classmethod
    def _exclusions(cls, value: list[str]) -> list[str]:
        for item in value:
            exclusion_parts(item)
        return value

    @field_validator("optional")
    @classmethod
    def _optional_known(cls, value: list[str], info: ValidationInfo) -> list[str]:
        steps = info.data.get("steps") or []
        for step in value:
            if step not in steps:
                raise UsageError(
                    f"optional step '{step}' is not one of the steps{did_you_mean(step, steps)}",
                    code="usage_optional",
                )
        return value


def exclusion_parts(item: str) -> tuple[str, int, int]:
    """``"refund:2-3"`` → ``("refund", 2, 3)`` (1-based steps)."""
    label, sep, span = item.rpartition(":")
    after, dash, before = span.partition("-")
    if not sep or not label or not dash or not after.isdigit() or not before.isdigit():
        raise UsageError(
            f"exclusion {item!r}: expected LABEL:A-B with 1-based steps, e.g. refund_request:2-3",
            code="usage_exclusion",
        )
    return label, int(after), int(before)


class TransitionsRequest(Scope):
    """The directly-follows graph of labels."""

    collapse: bool = Field(default=False, description="Drop consecutive repeats first.")


CONFORMANCE_BY = ("stage", "persona", "channel", "unit")
"""How ``recorrido conformance --by`` groups the deviations."""


class ConformanceRequest(Scope):
    """Conformance to the buyer journey; ``level`` is the buyer journey's own."""

    by: str | None = Field(
        default=None,
        description="Group by stage (designed step), persona, channel (first touch) or unit.",
    )

    @field_validator("by")
    @classmethod
    def _known_by(cls, value: str | None) -> str | None:
        if value is not None and value not in CONFORMANCE_BY:
            raise UsageError(
                f"conformance by '{value}': not a grouping{did_you_mean(value, CONFORMANCE_BY)}",
                code="usage_conformance_by",
            )
        return value


class RoutesRequest(BaseModel):
    """Who took the map's routes; each route is read at its steps' level."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    routes: list[str] = Field(default=[], description="Route ids to report (default: all).")
    unit: Literal["person", "session"] = "person"
    session_gap: str = Field(default="30m", description="Sessions are cut at longer gaps.")

    @field_validator("session_gap")
    @classmethod
    def _gap(cls, value: str) -> str:
        parse_duration(value, option="session_gap")
        return value

    def scope(self, level: Literal["touchpoint", "stage"]) -> Scope:
        return Scope(level=level, unit=self.unit, session_gap=self.session_gap)


class PathsRequest(Scope):
    """Top paths of ``length`` steps, optionally from/to/before a label."""

    length: int = Field(default=3, ge=1, le=20)
    start: str | None = None
    end: str | None = None
    before: str | None = None
    after_last: str | None = Field(
        default=None, description="The steps after each unit's last occurrence of this step."
    )
    collapse: bool = True
    min_share: float | None = Field(default=None, gt=0, lt=1)
    top: int = Field(default=20, ge=1)
    flows: bool = Field(
        default=False, description="Also the Sankey links between consecutive path steps."
    )
    funnel: list[str] | None = Field(
        default=None,
        description="Split paths by this ordered funnel's outcome: converted or dropped.",
    )
    dropped_at: int | None = Field(
        default=None,
        ge=2,
        description="With funnel: only units that dropped at this 1-based step, and the "
        "steps after their last occurrence of the step before it (where they went next).",
    )

    @field_validator("funnel", mode="before")
    @classmethod
    def _split_funnel(cls, value: object) -> object:
        if isinstance(value, str):
            return [s.strip() for s in value.split(",") if s.strip()]
        return value

    @model_validator(mode="after")
    def _check_funnel(self) -> PathsRequest:
        if self.dropped_at is not None and self.funnel is None:
            raise ValueError("dropped_at needs funnel: the steps the units dropped from")
        if self.funnel is not None:
            if len(self.funnel) < 2:
                raise ValueError(f"funnel needs at least 2 steps, got {self.funnel}")
            if self.dropped_at is not None and self.dropped_at > len(self.funnel):
                raise ValueError(
                    f"dropped_at {self.dropped_at}: choose a step from 2 to {len(self.funnel)}"
                )
            if self.dropped_at is not None and (self.after_last or self.start or self.before):
                raise ValueError(
                    "dropped_at already anchors the paths (after the step before the drop); "
                    "leave out start, before and after_last"
                )
        return self


class VariantsRequest(Scope):
    """Distinct whole sequences (variants) with counts."""

    max_length: int = Field(default=20, ge=1, le=50)
    collapse: bool = True
    top: int = Field(default=20, ge=1)


class LoyaltyRequest(Scope):
    """Repeat purchases of ``purchase`` and the lifecycle of units per period."""

    purchase: str
    period: Literal["day", "week"] = "week"


class RetentionRequest(Scope):
    """Cohort retention over fixed-length periods."""

    period: Literal["day", "week"] = "week"
    periods: int = Field(default=8, ge=1, le=366)
    start: str | None = None
    returning: str | None = None
    mode: Literal["first_time", "recurring"] = "first_time"
    breakdown: str | None = Field(
        default=None,
        description="channel, persona or properties.<key>: the value on the cohort entry event.",
    )

    @field_validator("breakdown")
    @classmethod
    def _cohort_breakdown(cls, value: str | None) -> str | None:
        if value in ("first_touch", "last_touch"):
            raise ValueError(
                f"{value} breaks down funnels; for retention use channel (the channel of "
                "the cohort entry event), persona or properties.<key>"
            )
        return value


def build(model: type[M], **values: object) -> M:
    """Validate a request; a bad option is a :class:`UsageError` naming it and the fix."""
    try:
        return model.model_validate(values)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "request"
        message = str(first["msg"]).removeprefix("Value error, ")
        if isinstance(first.get("ctx", {}).get("error"), UsageError):
            raise first["ctx"]["error"] from None
        got = first.get("input")
        shown = f" (got {got!r})" if isinstance(got, str | int | float) else ""
        raise UsageError(f"{where}: {message}{shown}", code="usage_invalid") from None
