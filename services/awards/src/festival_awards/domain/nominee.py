"""Nominee: what awards knows of a work — whose it is, where from, its title, people and the province's decision."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

QUALIFIED, DISQUALIFIED, IN_REVIEW = "qualified", "disqualified", "in_review"


class Nominee(FestivalAggregate):
    """One work of review: its latest submitted version and whether the province qualified it."""

    SERVICE = "awards"

    @staticmethod
    def create_id(submission_id: str, **_: Any) -> uuid.UUID:
        return Nominee.id_for(submission_id)

    @staticmethod
    def id_for(submission_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:nominee:{submission_id}")

    @event("Opened")
    def __init__(self, submission_id: str, edition: str, student_id: str, school_id: str, region_id: str) -> None:
        self.submission_id, self.edition, self.student_id = submission_id, edition, student_id
        self.school_id, self.region_id = school_id, region_id
        self.submission_version, self.status, self.title, self.category = 0, IN_REVIEW, "", ""
        self.creators: list[str] = []
        self.advisors: list[dict[str, str]] = []
        self.files: dict[str, str] = {}

    def receive(self, submission_version: int, title: str, category: str, creators: list[str],
                advisors: list[dict[str, str]], files: dict[str, str]) -> bool:
        if submission_version <= self.submission_version:
            return False
        self._version_received(submission_version=submission_version, title=title, category=category,
                               creators=creators, advisors=advisors, files=files)
        return True

    @event("VersionReceived")
    def _version_received(self, submission_version: int, title: str, category: str, creators: list[str],
                          advisors: list[dict[str, str]], files: dict[str, str]) -> None:
        self.submission_version, self.title, self.category = submission_version, title, category
        self.creators, self.advisors, self.files, self.status = creators, advisors, files, IN_REVIEW

    def qualify(self, submission_version: int, category: str) -> bool:
        if self.status == QUALIFIED:
            return False
        self._qualified(submission_version=submission_version, category=category)
        return True

    @event("Qualified")
    def _qualified(self, submission_version: int, category: str) -> None:
        self.status, self.category = QUALIFIED, category

    def disqualify(self, submission_version: int, reason_codes: list[str]) -> bool:
        if self.status == DISQUALIFIED:
            return False
        self._disqualified(submission_version=submission_version, reason_codes=reason_codes)
        return True

    @event("Disqualified")
    def _disqualified(self, submission_version: int, reason_codes: list[str]) -> None:
        self.status = DISQUALIFIED
