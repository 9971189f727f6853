"""The analyses the report shows in more than one place, each computed once per report."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..voice.monitor import KpiStatus, kpi_status

if TYPE_CHECKING:
    from ..journey import Journey
    from ..map.models import JourneyMap

__all__ = ["Facts"]


class Facts:
    """A journey (store and map) and its shared results, memoised by name."""

    def __init__(self, journey: Journey) -> None:
        assert journey.map is not None and journey.store is not None
        self.journey = journey
        self.map: JourneyMap = journey.map
        self._memo: dict[str, Any] = {}

    def once(self, name: str, build: Callable[[], Any]) -> Any:
        """``build()``, computed the first time ``name`` is asked for (errors too)."""
        if name not in self._memo:
            try:
                self._memo[name] = (True, build())
            except Exception as error:  # re-raised to every caller, computed once
                self._memo[name] = (False, error)
        ok, value = self._memo[name]
        if not ok:
            raise value
        return value

    def count(self, table: str) -> int:
        assert self.journey.store is not None
        row = self.journey.store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def painpoints(self) -> dict[str, Any]:
        return self.once("painpoints", lambda: self.journey.painpoints().to_dict())  # type: ignore[no-any-return]

    def experience(self) -> dict[str, Any]:
        return self.once("experience", lambda: self.journey.experience("touchpoint").to_dict())  # type: ignore[no-any-return]

    def emotion(self) -> dict[str, Any]:
        return self.once("emotion", lambda: self.journey.emotion_curve().to_dict())  # type: ignore[no-any-return]

    def kpis(self) -> list[KpiStatus]:
        return self.once("kpis", lambda: kpi_status(self.journey, self.map))  # type: ignore[no-any-return]
