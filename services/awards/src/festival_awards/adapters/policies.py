"""How awards reacts to what registry, review and scoring publish; each handler returns the aggregates it changed."""

from __future__ import annotations

from typing import Any

import structlog

from festival_awards.domain.edition import AwardsEdition
from festival_awards.domain.nominee import Nominee
from festival_awards.domain.source import SourceRequest
from festival_awards.domain.standing import Standing
from festival_events import contracts
from festival_events.contracts import intake
from festival_events.contracts import registry as reg
from festival_events.contracts import review
from festival_events.contracts import scoring
from festival_events.envelope import Envelope

log = structlog.get_logger()

CONSUMER = "awards"
_REGISTRY = ("EditionConfigured", "JudgingClosed", "RegionRegistered", "SchoolRegistered")
_REVIEW = ("ReviewCaseOpened", "ReviewVersionReceived", "WorkQualified", "WorkDisqualified", "RegionTableFiled")
_SCORING = ("JudgingRoundOpened", "RoundResultsComputed")
SUBJECTS = ([f"festival.registry.{t}" for t in _REGISTRY] + [f"festival.review.{t}" for t in _REVIEW]
            + [f"festival.scoring.{t}" for t in _SCORING] + ["festival.intake.FileConfirmed"])


class AwardsPolicies:
    """The consumer side of AwardsApplication (mixed into it)."""

    find: Any
    nominee: Any
    register: Any
    directory: Any

    def handlers(self) -> dict[str, Any]:
        """Event type -> handler, for the durable consumer."""
        return {
            "EditionConfigured": self.on_edition_configured, "JudgingClosed": self.on_judging_closed,
            "RegionRegistered": self.on_region, "SchoolRegistered": self.on_school,
            "ReviewCaseOpened": self.on_case_opened, "ReviewVersionReceived": self.on_version_received,
            "WorkQualified": self.on_qualified, "WorkDisqualified": self.on_disqualified,
            "RegionTableFiled": self.on_table_filed,
            "JudgingRoundOpened": self.on_round_opened, "RoundResultsComputed": self.on_results,
            "FileConfirmed": self.on_file_confirmed,
        }

    def on_edition_configured(self, env: Envelope) -> list[Any]:
        rules = _read(env, reg.EditionConfigured).rules
        view = self.find(AwardsEdition.id_for(rules.code))
        if view is None:
            return [AwardsEdition.record(rules)]
        return [view] if view.reconfigure(rules) else []

    def on_judging_closed(self, env: Envelope) -> list[Any]:
        phase = _read(env, reg.JudgingClosed)
        view = self.find(AwardsEdition.id_for(phase.edition))
        return [view] if view is not None and view.close_judging(phase.at) else []

    def on_region(self, env: Envelope) -> list[Any]:
        region = _read(env, reg.RegionRegistered)
        directory = self.directory()
        return [directory] if directory.note_region(env.aggregate_id, region.name_zh) else []

    def on_school(self, env: Envelope) -> list[Any]:
        school = _read(env, reg.SchoolRegistered)
        directory = self.directory()
        return [directory] if directory.note_school(env.aggregate_id, school.name, school.region_id) else []

    def on_table_filed(self, env: Envelope) -> list[Any]:
        filed = _read(env, review.RegionTableFiled)
        directory = self.directory()
        return [directory] if directory.note_filing(env.edition, filed.region_id, env.occurred_at) else []

    def on_case_opened(self, env: Envelope) -> list[Any]:
        case = _read(env, review.ReviewCaseOpened)
        if self.nominee(case.submission_id) is not None:
            return []
        register = self.register(env.edition)
        register.enter_work(case.submission_id)
        return [Nominee(submission_id=case.submission_id, edition=env.edition, student_id=case.student_id,
                        school_id=case.school_id, region_id=case.region_id or ""), register]

    def on_version_received(self, env: Envelope) -> list[Any]:
        version = _read(env, review.ReviewVersionReceived)
        work = self.nominee(version.submission_id)
        if work is None:
            log.warning("awards.version_of_unknown_work", submission_id=version.submission_id)
            return []
        changed = work.receive(version.submission_version, version.title, version.category,
                               [c.name for c in version.creators], [a.model_dump() for a in version.advisors],
                               {slot: f.object_key for slot, f in sorted(version.files.items())})
        return [work] if changed else []

    def on_qualified(self, env: Envelope) -> list[Any]:
        decision = _read(env, review.WorkQualified)
        work = self.nominee(decision.submission_id)
        return [work] if work is not None and work.qualify(decision.submission_version, decision.category) else []

    def on_disqualified(self, env: Envelope) -> list[Any]:
        decision = _read(env, review.WorkDisqualified)
        work = self.nominee(decision.submission_id)
        changed = work is not None and work.disqualify(decision.submission_version, decision.reason_codes)
        return [work] if changed else []

    def on_round_opened(self, env: Envelope) -> list[Any]:
        opened = _read(env, scoring.JudgingRoundOpened)
        if self.find(Standing.id_for(env.aggregate_id)) is not None:
            return []
        register = self.register(opened.edition)
        register.enter_round(env.aggregate_id)
        return [Standing(round_id=env.aggregate_id, edition=opened.edition, category=opened.category), register]

    def on_results(self, env: Envelope) -> list[Any]:
        results = _read(env, scoring.RoundResultsComputed)
        standing = self.find(Standing.id_for(env.aggregate_id))
        if standing is None:
            log.warning("awards.results_of_unknown_round", round_id=env.aggregate_id)
            return []
        noted = standing.note_results(str(env.event_id), results.final, results.method.model_dump(),
                                      [s.model_dump() for s in results.sheets], [w.model_dump() for w in results.works])
        return [standing] if noted else []

    def on_file_confirmed(self, env: Envelope) -> list[Any]:
        """A work's source files arrived in intake: the province's request is answered (other slots are not ours)."""
        confirmed = _read(env, intake.FileConfirmed)
        if confirmed.slot != intake.SOURCE_SLOT:
            return []
        request = self.find(SourceRequest.id_for(env.aggregate_id))
        if request is None:
            log.warning("awards.source_without_request", submission_id=env.aggregate_id)
            return []
        changed = request.receive(confirmed.upload_id, confirmed.object_key, confirmed.filename, confirmed.size,
                                  env.occurred_at)
        return [request] if changed else []


def _read(env: Envelope, contract: type[contracts.Contract]) -> Any:
    payload = contracts.read(env)
    assert isinstance(payload, contract), f"{env.type} is not {contract.__name__}"
    return payload
