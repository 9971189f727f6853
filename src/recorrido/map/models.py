"""The journey map's pydantic models: one class per section of ``journey.yaml``.

Unknown keys are rejected everywhere (``extra="forbid"``). Cross references between
sections (a touchpoint's stage, a persona's rule…) are checked in :mod:`.validate`, which
runs after these models have parsed the document.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

__all__ = [
    "ALERT_FIELDS",
    "FORMAT_VERSION",
    "AlertAction",
    "AlertRule",
    "Attribute",
    "BuyerJourney",
    "Channel",
    "ChannelKind",
    "ChannelType",
    "JourneyMap",
    "Kpi",
    "KpiMetric",
    "Meta",
    "Opportunity",
    "OpportunityStatus",
    "Persona",
    "Route",
    "RouteKind",
    "Scenario",
    "Stage",
    "Survey",
    "SurveyMetric",
    "SurveyQuestion",
    "SurveyTiming",
    "Touchpoint",
    "TouchpointMatch",
    "Webhook",
]

FORMAT_VERSION = 1
"""The ``version`` of journey.yaml this Recorrido reads and writes."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64),
]
"""Identifiers: lowercase letters, digits and underscores, starting with a letter."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Meta(_Model):
    """The map's name, language, time zone and currency."""

    name: Text
    language: Literal["es", "en"] = "es"
    timezone: str = Field(
        default="UTC", description="IANA zone; naive timestamps in data files are read in it."
    )
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "EUR"
    description: str | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as 'Europe/Madrid', "
                "'America/Mexico_City' or 'UTC'"
            ) from None
        return value


class Stage(_Model):
    """An ordered phase of the journey."""

    id: Id
    name: Text
    description: str | None = None


class AttributeType(StrEnum):
    string = "string"
    number = "number"
    boolean = "boolean"
    timestamp = "timestamp"


class Attribute(_Model):
    """A person attribute that persona rules may use (a column of the people file)."""

    type: AttributeType = AttributeType.string
    description: str | None = None


class Persona(_Model):
    """A buyer persona: who they are and the rule that assigns people to it."""

    id: Id
    name: Text
    description: str | None = None
    goals: list[Text] = []
    needs: list[Text] = []
    pain_points: list[Text] = []
    motivations: list[Text] = []
    preferred_channels: list[Id] = []
    assign: str | None = Field(
        default=None,
        description="Rule over person attributes, e.g. 'segment == \"premium\"'. "
        "People get the first persona whose rule matches, in map order.",
    )


class ChannelKind(StrEnum):
    paid = "paid"
    owned = "owned"
    earned = "earned"


class ChannelType(StrEnum):
    ad = "ad"
    social = "social"
    search = "search"
    website = "website"
    app = "app"
    email = "email"
    newsletter = "newsletter"
    blog = "blog"
    forum = "forum"
    review = "review"
    referral = "referral"
    phone = "phone"
    chat = "chat"
    store = "store"
    customer_service = "customer_service"
    event = "event"
    other = "other"


class Channel(_Model):
    """A medium through which people meet the brand."""

    id: Id
    name: Text
    type: ChannelType = ChannelType.other
    kind: ChannelKind = ChannelKind.owned
    online: bool = True


class TouchpointMatch(_Model):
    """Which events belong to a touchpoint: event name(s), optional channel(s) and a rule."""

    event: list[Text] = Field(min_length=1)
    channel: list[Text] | None = Field(
        default=None, description="Values of the events' channel column; omit for any."
    )
    where: str | None = Field(
        default=None, description="Rule over event fields: channel, value, properties.<key>."
    )

    @field_validator("event", "channel", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class Touchpoint(_Model):
    """A contact between a person and the brand, in a channel, placed in a stage."""

    id: Id
    name: Text
    channel: Id
    stage: Id
    description: str | None = None
    match: TouchpointMatch


class Scenario(_Model):
    """What the customer does, thinks, feels and expects in a stage, as the author designed."""

    does: str | None = None
    thinks: str | None = None
    feels: str | None = None
    expects: str | None = None
    emotion: int | None = Field(default=None, ge=-2, le=2, description="Expected emotion −2…+2.")


class BuyerJourney(_Model):
    """The designed, linear path leads should follow (stages or touchpoints) and its goal."""

    steps: list[Id] = Field(min_length=1)
    conversion: Id | None = Field(
        default=None, description="Touchpoint that counts as conversion, e.g. purchase."
    )


class RouteKind(StrEnum):
    informative = "informative"
    direct_purchase = "direct_purchase"
    support = "support"
    other = "other"


class Route(_Model):
    """A designed route besides the buyer journey (informative, direct purchase, support…):
    stages or touchpoints in the order people are expected to take them."""

    id: Id
    name: Text
    kind: RouteKind = RouteKind.other
    description: str | None = None
    steps: list[Id] = Field(
        description="Stage ids or touchpoint ids (not mixed), in order; at least 2.",
        json_schema_extra={"minItems": 2},
    )


class KpiMetric(StrEnum):
    conversion = "conversion"
    drop_off = "drop_off"
    time_to_convert = "time_to_convert"
    repeat_purchase_rate = "repeat_purchase_rate"
    retention = "retention"
    churn = "churn"
    nps = "nps"
    csat = "csat"
    ces = "ces"
    average_order_value = "average_order_value"
    revenue = "revenue"


class Kpi(_Model):
    """A key indicator with a target, optionally scoped to a stage or touchpoint."""

    id: Id
    name: Text | None = None
    metric: KpiMetric
    target: float
    direction: Literal["higher", "lower"] = "higher"
    stage: Id | None = None
    touchpoint: Id | None = None
    owner: str | None = Field(default=None, description="Who gets the KPI's alert cases.")
    webhooks: list[Id] = Field(
        default_factory=list, description="Webhooks told when the KPI raises an alert case."
    )


class OpportunityStatus(StrEnum):
    idea = "idea"
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    discarded = "discarded"


class Opportunity(_Model):
    """An improvement attached to a stage or touchpoint, with a date of change to monitor."""

    id: Id
    description: Text
    stage: Id | None = None
    touchpoint: Id | None = None
    owner: str | None = None
    status: OpportunityStatus = OpportunityStatus.idea
    changed_on: dt.date | None = Field(
        default=None, description="Day the change went live; monitoring compares before/after."
    )
    kpi: Id | None = None


class SurveyMetric(StrEnum):
    nps = "nps"
    csat = "csat"
    ces = "ces"
    rating = "rating"
    comment = "comment"


class SurveyQuestion(_Model):
    """One question of a survey: the metric it measures and, optionally, its wording."""

    metric: SurveyMetric
    text: Text | None = None


class SurveyTiming(StrEnum):
    after_touchpoint = "after_touchpoint"
    after_days = "after_days"


class Survey(_Model):
    """Questions asked at a touchpoint or a stage, right after it or some days later."""

    id: Id
    name: Text | None = None
    touchpoint: Id | None = None
    stage: Id | None = None
    questions: list[SurveyQuestion] = Field(min_length=1)
    when: SurveyTiming = SurveyTiming.after_touchpoint
    days: int | None = Field(
        default=None, ge=1, le=365, description="With when: after_days, how many days after."
    )


ALERT_FIELDS: dict[str, Literal["string", "number"]] = {
    "nps": "number",
    "csat": "number",
    "ces": "number",
    "rating": "number",
    "score": "number",
    "metric": "string",
    "touchpoint": "string",
    "stage": "string",
    "channel": "string",
    "persona": "string",
    "sentiment": "string",
    "theme": "string",
    "language": "string",
    "comment": "string",
}
"""Fields an alert rule's ``when`` may use: one feedback response's answers and context."""


class AlertAction(StrEnum):
    case = "case"
    advocacy = "advocacy"
    notify = "notify"


class AlertRule(_Model):
    """A rule over feedback responses that opens a case, an advocacy invitation or a notice."""

    id: Id
    name: Text | None = None
    when: Text = Field(description="A rule over ALERT_FIELDS, e.g. 'nps <= 6'.")
    action: AlertAction = AlertAction.case
    owner: str | None = None
    webhooks: list[Id] = []


class Webhook(_Model):
    """A receiver of alerts: JSON POSTs signed with HMAC-SHA256."""

    id: Id
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    secret_env: Annotated[str, StringConstraints(pattern=r"^[A-Z_][A-Z0-9_]*$")] = Field(
        description="Environment variable holding the signing secret (never the map itself)."
    )
    timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    max_attempts: int = Field(default=8, ge=1, le=100)


class JourneyMap(_Model):
    """A customer journey map: version 1 of the ``journey.yaml`` format."""

    version: Literal[1] = Field(description="Format version of this file; this Recorrido reads 1.")
    meta: Meta
    stages: list[Stage] = Field(min_length=1)
    attributes: dict[Id, Attribute] = {}
    personas: list[Persona] = []
    channels: list[Channel] = []
    touchpoints: list[Touchpoint] = []
    scenarios: dict[Id, Scenario] = {}
    buyer_journey: BuyerJourney
    routes: list[Route] = []
    kpis: list[Kpi] = []
    opportunities: list[Opportunity] = []
    surveys: list[Survey] = []
    alerts: list[AlertRule] = []
    webhooks: list[Webhook] = []

    def stage_ids(self) -> list[str]:
        return [s.id for s in self.stages]

    def stage_touchpoints(self) -> dict[str, list[str]]:
        """Each stage's id, in stage order, with its touchpoints' ids in map order."""
        return {
            stage.id: [tp.id for tp in self.touchpoints if tp.stage == stage.id]
            for stage in self.stages
        }

    def names(self) -> dict[str, str]:
        """The name of every id of the map's channels, personas, routes, stages and
        touchpoints (on a clash, the later kind in that list wins)."""
        kinds = (self.channels, self.personas, self.routes, self.stages, self.touchpoints)
        return {item.id: item.name for items in kinds for item in items}

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        """The touchpoint with this id (``KeyError`` if absent)."""
        for tp in self.touchpoints:
            if tp.id == touchpoint_id:
                return tp
        raise KeyError(touchpoint_id)

    def journey_level(self) -> Literal["stage", "touchpoint"]:
        """Whether the buyer journey's steps are stages or touchpoints."""
        return self.steps_level(self.buyer_journey.steps)

    def unforeseen_touchpoints(self) -> list[str]:
        """Touchpoints the design does not foresee: neither a step of the buyer journey or
        of a route, nor in a stage that is such a step."""
        foreseen = set(self.buyer_journey.steps) | {s for r in self.routes for s in r.steps}
        return [
            tp.id for tp in self.touchpoints if tp.id not in foreseen and tp.stage not in foreseen
        ]

    def steps_level(self, steps: list[str]) -> Literal["stage", "touchpoint"]:
        """Whether ``steps`` (of the buyer journey or a route) are stages or touchpoints."""
        stages = set(self.stage_ids())
        return "stage" if all(step in stages for step in steps) else "touchpoint"
