"""NotificationWatch: what the notifier follows in one edition: its deadlines, who owns which work and how
far it got, which regions filed their table, and which reminder rounds went out.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

DRAFT, SUBMITTED, RETURNED, WITHDRAWN = "draft", "submitted", "returned", "withdrawn"
UNFINISHED = frozenset({DRAFT, RETURNED})  # what a student still has to (re)submit before the window closes
# Within a version a work moves draft -> submitted -> returned; withdrawn is final. A redelivered or older
# event ranks no higher than what is known, so it changes nothing.
_STEP = {DRAFT: 0, SUBMITTED: 1, RETURNED: 2}


def _rank(state: str, version: int) -> tuple[int, int]:
    return (1 << 30, 0) if state == WITHDRAWN else (version, _STEP[state])


class NotificationWatch(FestivalAggregate):
    """One edition as the notifier sees it."""

    SERVICE = "review"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return NotificationWatch.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:notification-watch:{edition}")

    @event("Opened")
    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.deadlines: dict[str, str] = {}
        self.timezone = ""
        self.works: dict[str, dict[str, Any]] = {}
        self.filed: set[str] = set()
        self.rounds: set[tuple[str, int]] = set()

    def set_deadlines(self, deadlines: dict[str, datetime], timezone: str) -> bool:
        """Take the edition's deadlines (again only if they changed)."""
        text = {name: moment.isoformat() for name, moment in deadlines.items()}
        if text == self.deadlines and timezone == self.timezone:
            return False
        self._deadlines_set(deadlines=text, timezone=timezone)
        return True

    @event("DeadlinesSet")
    def _deadlines_set(self, deadlines: dict[str, str], timezone: str) -> None:
        self.deadlines, self.timezone = deadlines, timezone

    def deadline(self, name: str) -> datetime | None:
        return datetime.fromisoformat(self.deadlines[name]) if name in self.deadlines else None

    def note_work(self, submission_id: str, state: str, version: int, **known: Any) -> bool:
        """Move a work on (student, school, region and title default to what is known of it)."""
        work = self.works.get(submission_id)
        if work is None and not known.get("student_id"):
            return False  # nothing says whose it is
        if work is not None and _rank(state, version) <= _rank(work["state"], work["submission_version"]):
            return False
        base = work or {"region_id": None, "title": ""}
        fields = {k: known.get(k) or base.get(k) for k in ("student_id", "school_id", "region_id", "title")}
        self._work_noted(submission_id=submission_id, state=state, submission_version=version, **fields)
        return True

    @event("WorkNoted")
    def _work_noted(self, submission_id: str, student_id: str, school_id: str, region_id: str | None, title: str,
                    state: str, submission_version: int) -> None:
        self.works[submission_id] = {"student_id": student_id, "school_id": school_id, "region_id": region_id,
                                     "title": title, "state": state, "submission_version": submission_version}

    def region_filed(self, region_id: str) -> bool:
        if region_id in self.filed:
            return False
        self._region_filed(region_id=region_id)
        return True

    @event("RegionFiled")
    def _region_filed(self, region_id: str) -> None:
        self.filed.add(region_id)

    def reminders_sent(self, deadline: str, lead_days: int, recipients: int) -> None:
        self._reminders_sent(deadline=deadline, lead_days=lead_days, recipients=recipients)

    @event("RemindersSent")
    def _reminders_sent(self, deadline: str, lead_days: int, recipients: int) -> None:
        self.rounds.add((deadline, lead_days))

    def unfinished(self) -> dict[str, list[dict[str, Any]]]:
        """Each student's works still to be submitted or resubmitted, by student id."""
        by_student: dict[str, list[dict[str, Any]]] = {}
        for submission_id, work in sorted(self.works.items()):
            if work["state"] in UNFINISHED:
                by_student.setdefault(work["student_id"], []).append({"submission_id": submission_id, **work})
        return by_student
