"""How review reacts to what registry, intake and inspection publish; each handler returns what it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import structlog

from festival_events import contracts
from festival_events.contracts import inspection, intake
from festival_events.contracts import registry as reg
from festival_events.envelope import Envelope
from festival_review.domain import stages as st
from festival_review.domain.case import ReviewCase
from festival_review.domain.edition import CLOSED, OPEN, REGION_CLOSED, ReviewEdition
from festival_review.domain.findings import InspectionFindings, finding_of, holds_upload
from festival_review.domain.reviewer import REVIEWING_ROLES, Reviewer

if TYPE_CHECKING:
    from festival_kit.consumer import Handler
    from festival_review.queues import QueueIndex

log = structlog.get_logger()

CONSUMER = "review"
SUBJECTS = ["festival.registry.>", "festival.intake.>", "festival.media-inspection.InspectionCompleted"]
_PHASES = {"SubmissionWindowOpened": OPEN, "SubmissionWindowClosed": CLOSED, "RegionDeadlinePassed": REGION_CLOSED}


class ReviewPolicies:
    """The consumer side of ReviewApplication (mixed into it)."""

    index: QueueIndex

    def handlers(self) -> dict[str, Handler]:
        """Event type -> handler, for the durable consumer."""
        handlers: dict[str, Handler] = {
            "EditionConfigured": self.on_edition_configured,
            "RegionRegistered": self.on_region_registered,
            "SchoolRegistered": self.on_school_registered,
            "AccountOpened": self.on_account_opened,
            "SchoolAdminApproved": self.on_school_admin_decided,
            "SchoolAdminRefused": self.on_school_admin_decided,
            "SubmissionSubmitted": self.on_submitted,
            "SubmissionWithdrawn": self.on_withdrawn,
            "InspectionCompleted": self.on_inspected,
        }
        handlers.update({phase: self.on_phase for phase in _PHASES})
        return handlers

    def on_edition_configured(self, env: Envelope) -> list[Any]:
        rules = _read(env, reg.EditionConfigured).rules
        view = self.find(ReviewEdition.id_for(rules.code))
        if view is None:
            return [ReviewEdition.record(rules)]
        return [view] if view.reconfigure(rules) else []

    def on_phase(self, env: Envelope) -> list[Any]:
        """Enter the phase; at the region deadline, close every work the region did not report."""
        phase = contracts.read(env)
        view = self.find(ReviewEdition.id_for(phase.edition))
        if view is None:
            log.warning("review.phase_of_unknown_edition", edition=phase.edition, type=env.type)
            return []
        if not view.move_to(_PHASES[env.type], phase.at):
            return []
        closed = []
        if env.type == "RegionDeadlinePassed":
            ids = self.index.catch_up().select(edition=phase.edition, status=st.CLOSED_AT_REGION_DEADLINE)
            closed = [case for case in map(self.case, ids) if case.close_not_reported()]
            log.info("review.region_deadline", edition=phase.edition, closed=len(closed))
        return [view, *closed]

    def on_region_registered(self, env: Envelope) -> list[Any]:
        region = _read(env, reg.RegionRegistered)
        directory = self.directory()
        return [directory] if directory.record_region(env.aggregate_id, region.name_zh, region.name_en) else []

    def on_school_registered(self, env: Envelope) -> list[Any]:
        school = _read(env, reg.SchoolRegistered)
        directory = self.directory()
        return [directory] if directory.record_school(env.aggregate_id, school.name, school.region_id) else []

    def on_account_opened(self, env: Envelope) -> list[Any]:
        """Remember admin accounts (students are checked against the work itself)."""
        account = _read(env, reg.AccountOpened)
        if account.role not in REVIEWING_ROLES or self.find(Reviewer.id_for(env.aggregate_id)) is not None:
            return []
        status = "active" if account.active else "pending"
        return [Reviewer(account_id=env.aggregate_id, role=account.role, school_id=account.school_id,
                         region_id=account.region_id, status=status)]

    def on_school_admin_decided(self, env: Envelope) -> list[Any]:
        reviewer = self.find(Reviewer.id_for(env.aggregate_id))
        if reviewer is None:
            log.warning("review.decision_on_unknown_account", account_id=env.aggregate_id)
            return []
        status = "active" if env.type == "SchoolAdminApproved" else "refused"
        return [reviewer] if reviewer.change_status(status) else []

    def on_submitted(self, env: Envelope) -> list[Any]:
        """Open the work's case (or take its new version): it starts again at school level."""
        sub = _read(env, intake.SubmissionSubmitted)
        region_id = sub.region_id or self.directory().schools.get(sub.school_id, {}).get("region_id")
        case = self.find(ReviewCase.id_for(env.aggregate_id))
        if case is None:
            case = ReviewCase(edition=env.edition, submission_id=env.aggregate_id, student_id=sub.student_id,
                              school_id=sub.school_id, region_id=region_id)
        content = sub.model_dump(mode="json", include={"title", "category", "theme", "synopsis", "creators",
                                                       "advisors", "files", "voice_over", "subtitles"})
        if not case.receive(sub.submission_version, school_id=sub.school_id, region_id=region_id, **content):
            return []
        findings = self.find(InspectionFindings.id_for(env.aggregate_id))
        for f in sub.files.values() if findings else ():
            note = findings.for_file(f.object_key)
            if note:
                case.note_inspection(sub.submission_version, note)
        return [case]

    def on_inspected(self, env: Envelope) -> list[Any]:
        """Keep the finding; if a version of the case holds that upload, show it there too."""
        completed = _read(env, inspection.InspectionCompleted)
        findings = self.find(InspectionFindings.id_for(completed.submission_id))
        findings = findings or InspectionFindings(submission_id=completed.submission_id)
        if not findings.note(completed.upload_id, finding_of(completed)):
            return []
        case = self.find(ReviewCase.id_for(completed.submission_id))
        holding = [(v["version"], f["object_key"]) for v in (case.versions if case else ())
                   for f in v["files"].values() if holds_upload(f["object_key"], completed.upload_id)]
        noted = [case.note_inspection(version, findings.for_file(key)) for version, key in holding]
        return [findings, case] if any(noted) else [findings]

    def on_withdrawn(self, env: Envelope) -> list[Any]:
        withdrawn = _read(env, intake.SubmissionWithdrawn)
        case = self.find(ReviewCase.id_for(env.aggregate_id))
        if case is None:  # a draft that never reached review
            return []
        return [case] if case.withdraw(withdrawn.reason_code) else []


def _read(env: Envelope, contract: type[contracts.Contract]) -> Any:
    payload = contracts.read(env)
    assert isinstance(payload, contract), f"{env.type} is not {contract.__name__}"
    return payload
