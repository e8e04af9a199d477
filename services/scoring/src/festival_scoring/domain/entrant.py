"""Entrant: what scoring knows of a submitted work — the blind view a judge gets and what conflicts read."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_decisions.judging.assignment import Work as Eligible
from festival_kit.aggregate import FestivalAggregate
from festival_decisions.names import person

QUALIFIED, DISQUALIFIED, IN_REVIEW = "qualified", "disqualified", "in_review"


class Entrant(FestivalAggregate):
    """One work: its latest submitted version's content, inspection notes, and the province's decision."""

    SERVICE = "scoring"

    @staticmethod
    def create_id(submission_id: str, **_: Any) -> uuid.UUID:
        return Entrant.id_for(submission_id)

    @staticmethod
    def id_for(submission_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:scoring:entrant:{submission_id}")

    class VersionReceived(FestivalAggregate.Created):
        class_version = 2
        submission_id: str
        submission_version: int
        edition: str
        title: str
        category: str
        theme: str
        synopsis: str
        school_id: str | None
        region_id: str | None
        people: list[str]
        files: dict[str, str]
        voice_over: str
        subtitles: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["voice_over"] = state["subtitles"] = ""  # received before the language was declared

    @event(VersionReceived)
    def __init__(self, submission_id: str, submission_version: int, edition: str, title: str, category: str,
                 theme: str, synopsis: str, school_id: str | None, region_id: str | None, people: list[str],
                 files: dict[str, str], voice_over: str, subtitles: str) -> None:
        self.submission_id, self.edition, self.status = submission_id, edition, IN_REVIEW
        self._take(submission_version, title, category, theme, synopsis, school_id, region_id, people, files,
                   voice_over, subtitles)

    class NewVersionReceived(FestivalAggregate.Event):
        """A resubmitted version; published under the same contract as the first."""

        PUBLISHED_AS = "EntrantVersionReceived"
        submission_id: str
        submission_version: int
        edition: str
        title: str
        category: str
        theme: str
        synopsis: str
        school_id: str | None
        region_id: str | None
        people: list[str]
        files: dict[str, str]
        voice_over: str
        subtitles: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["voice_over"] = state["subtitles"] = ""

    def receive(self, submission_version: int, title: str, category: str, theme: str, synopsis: str,
                school_id: str | None, region_id: str | None, people: list[str], files: dict[str, str],
                voice_over: str = "", subtitles: str = "") -> bool:
        """A newer submitted version replaces the content (and waits for review again); an old one changes nothing."""
        if submission_version <= self.submission_version:
            return False
        self._new_version(submission_id=self.submission_id, submission_version=submission_version,
                          edition=self.edition, title=title, category=category, theme=theme, synopsis=synopsis,
                          school_id=school_id, region_id=region_id, people=people, files=files,
                          voice_over=voice_over, subtitles=subtitles)
        return True

    @event(NewVersionReceived)
    def _new_version(self, submission_id: str, submission_version: int, edition: str, title: str, category: str,
                     theme: str, synopsis: str, school_id: str | None, region_id: str | None, people: list[str],
                     files: dict[str, str], voice_over: str, subtitles: str) -> None:
        self.status = IN_REVIEW
        self._take(submission_version, title, category, theme, synopsis, school_id, region_id, people, files,
                   voice_over, subtitles)

    def _take(self, submission_version: int, title: str, category: str, theme: str, synopsis: str,
              school_id: str | None, region_id: str | None, people: list[str], files: dict[str, str],
              voice_over: str, subtitles: str) -> None:
        self.submission_version, self.title, self.category = submission_version, title, category
        self.theme, self.synopsis, self.school_id, self.region_id = theme, synopsis, school_id, region_id
        self.people, self.files, self.voice_over, self.subtitles = people, files, voice_over, subtitles
        self.inspection: dict[str, dict[str, Any]] = {}

    def note_inspection(self, submission_version: int, slot: str, **note: Any) -> bool:
        if submission_version != self.submission_version or self.inspection.get(slot) == note:
            return False
        self._inspection_noted(submission_version=submission_version, slot=slot, **note)
        return True

    @event("InspectionNoted")
    def _inspection_noted(self, submission_version: int, slot: str, verdict: str, warnings: list[str],
                          messages_zh: list[str], messages_en: list[str]) -> None:
        self.inspection[slot] = {"verdict": verdict, "warnings": warnings, "messages_zh": messages_zh,
                                 "messages_en": messages_en}

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

    def eligible(self) -> Eligible:
        """What the assignment rule reads of this work."""
        return Eligible(self.submission_id, self.region_id, self.school_id, frozenset(person(p) for p in self.people))
