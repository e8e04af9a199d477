"""Honours: the edition's 优秀指导教师奖, 优秀组织工作者奖 and 优秀组织单位奖, each given once with its reason."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_awards.domain import refusals
from festival_kit.aggregate import FestivalAggregate


class Honours(FestivalAggregate):
    """advisor key -> honour; organiser and unit honours by id (the unit's id or a digest of the person)."""

    SERVICE = "awards"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return Honours.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:honours:{edition}")

    @event("Started")
    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.advisors: dict[str, dict[str, Any]] = {}
        self.organisers: dict[str, dict[str, Any]] = {}
        self.units: dict[str, dict[str, Any]] = {}

    def honour_advisor(self, key: str, name: str, school: str, work_ids: list[str], rule: str, reason: str) -> bool:
        if key in self.advisors:
            return False
        self._advisor(key=key, name=name, school=school, work_ids=work_ids, rule=rule, reason=reason)
        return True

    class AdvisorHonoured(FestivalAggregate.Event):
        PUBLISHED_AS = "AdvisorHonoured"
        key: str
        name: str
        school: str
        work_ids: list[str]
        rule: str
        reason: str

    @event(AdvisorHonoured)
    def _advisor(self, key: str, name: str, school: str, work_ids: list[str], rule: str, reason: str) -> None:
        self.advisors[key] = {"name": name, "school": school, "work_ids": work_ids, "reason": reason}

    def honour_organiser(self, honour_id: str, name: str, region_id: str, school_id: str, reason: str) -> None:
        if honour_id in self.organisers:
            raise refusals.honour_exists()
        self._organiser(honour_id=honour_id, name=name, region_id=region_id, school_id=school_id, reason=reason)

    class OrganiserHonoured(FestivalAggregate.Event):
        PUBLISHED_AS = "OrganiserHonoured"
        honour_id: str
        name: str
        region_id: str
        school_id: str
        reason: str

    @event(OrganiserHonoured)
    def _organiser(self, honour_id: str, name: str, region_id: str, school_id: str, reason: str) -> None:
        self.organisers[honour_id] = {"name": name, "region_id": region_id, "school_id": school_id,
                                      "reason": reason}

    def honour_unit(self, unit: str, unit_id: str, name: str, region_id: str, reason: str) -> None:
        if unit_id in self.units:
            raise refusals.honour_exists()
        self._unit(honour_id=unit_id, unit=unit, unit_id=unit_id, name=name, region_id=region_id, reason=reason)

    class UnitHonoured(FestivalAggregate.Event):
        PUBLISHED_AS = "UnitHonoured"
        honour_id: str
        unit: str
        unit_id: str
        name: str
        region_id: str
        reason: str

    @event(UnitHonoured)
    def _unit(self, honour_id: str, unit: str, unit_id: str, name: str, region_id: str, reason: str) -> None:
        self.units[unit_id] = {"unit": unit, "name": name, "region_id": region_id, "reason": reason}
