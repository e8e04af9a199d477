"""How scoring reacts to what registry and review publish; each handler returns the aggregates it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import structlog

from festival_events import contracts
from festival_events.contracts import registry as reg
from festival_events.contracts import review
from festival_events.envelope import Envelope
from festival_scoring.domain.edition import CLOSED, OPEN, ScoringEdition
from festival_scoring.domain.entrant import Entrant
from festival_scoring.domain.judge import ScoringJudge
from festival_scoring.domain.round import CLOSED as ROUND_CLOSED
from festival_scoring.domain.round import JudgingRound

if TYPE_CHECKING:
    from festival_kit.consumer import Handler

log = structlog.get_logger()

CONSUMER = "scoring"
_REGISTRY = ("EditionConfigured", "JudgingOpened", "JudgingClosed", "AccountOpened", "JudgeProfileRecorded")
_REVIEW = ("ReviewVersionReceived", "ReviewInspectionNoted", "WorkQualified", "WorkDisqualified")
SUBJECTS = [f"festival.registry.{t}" for t in _REGISTRY] + [f"festival.review.{t}" for t in _REVIEW]
_PHASES = {"JudgingOpened": OPEN, "JudgingClosed": CLOSED}
WINDOW_CLOSED = "评审期结束 / the judging window closed"


class ScoringPolicies:
    """The consumer side of ScoringApplication (mixed into it)."""

    find: Any
    judge: Any
    entrants: Any
    _closed: Any

    def handlers(self) -> dict[str, Handler]:
        """Event type -> handler, for the durable consumer."""
        return {
            "EditionConfigured": self.on_edition_configured,
            "JudgingOpened": self.on_phase, "JudgingClosed": self.on_phase,
            "AccountOpened": self.on_account_opened,
            "JudgeProfileRecorded": self.on_judge_profile,
            "ReviewVersionReceived": self.on_version_received,
            "ReviewInspectionNoted": self.on_inspection_noted,
            "WorkQualified": self.on_qualified,
            "WorkDisqualified": self.on_disqualified,
        }

    def on_edition_configured(self, env: Envelope) -> list[Any]:
        rules = _read(env, reg.EditionConfigured).rules
        view = self.find(ScoringEdition.id_for(rules.code))
        if view is None:
            return [ScoringEdition.record(rules)]
        return [view] if view.reconfigure(rules) else []

    def on_phase(self, env: Envelope) -> list[Any]:
        """Enter the phase; when judging closes, every round still open closes and computes final results."""
        phase = contracts.read(env)
        view = self.find(ScoringEdition.id_for(phase.edition))
        if view is None or not view.move_to(_PHASES[env.type], phase.at):
            return []
        if env.type != "JudgingClosed":
            return [view]
        rounds = (self.find(JudgingRound.id_for(view.edition, c.code)) for c in view.rules.categories)
        closing = [r for r in rounds if r is not None and r.status != ROUND_CLOSED]
        log.info("scoring.judging_closed", edition=view.edition, rounds=len(closing))
        return [view, *(changed for r in closing for changed in self._closed(r, WINDOW_CLOSED, early=False))]

    def on_account_opened(self, env: Envelope) -> list[Any]:
        account = _read(env, reg.AccountOpened)
        if account.role != "judge" or self.judge(env.aggregate_id) is not None:
            return []
        return [ScoringJudge(account_id=env.aggregate_id, display_name=account.display_name, active=account.active)]

    def on_judge_profile(self, env: Envelope) -> list[Any]:
        profile = _read(env, reg.JudgeProfileRecorded)
        judge = self.judge(env.aggregate_id)
        if judge is None:
            log.warning("scoring.profile_of_unknown_judge", account_id=env.aggregate_id)
            return []
        changed = judge.change_profile(profile.region_id, profile.school_id, profile.expertise,
                                       profile.declared_persons)
        return [judge] if changed else []

    def on_version_received(self, env: Envelope) -> list[Any]:
        """Keep what a judge may see of the version, and the names the conflict rules compare."""
        version = _read(env, review.ReviewVersionReceived)
        content = {
            "submission_version": version.submission_version, "title": version.title,
            "category": version.category, "theme": version.theme, "synopsis": version.synopsis,
            "school_id": version.school_id, "region_id": version.region_id,
            "people": [p.name for p in (*version.creators, *version.advisors)],
            "files": {slot: f.object_key for slot, f in sorted(version.files.items())},
            "voice_over": version.voice_over, "subtitles": version.subtitles,
        }
        entrant = self.find(Entrant.id_for(version.submission_id))
        if entrant is None:
            return [Entrant(submission_id=version.submission_id, edition=env.edition, **content)]
        return [entrant] if entrant.receive(**content) else []

    def on_inspection_noted(self, env: Envelope) -> list[Any]:
        note = _read(env, review.ReviewInspectionNoted)
        entrant = self.find(Entrant.id_for(note.submission_id))
        if entrant is None:
            return []
        shown = note.model_dump(include={"verdict", "warnings", "messages_zh", "messages_en"})
        return [entrant] if entrant.note_inspection(note.submission_version, note.slot, **shown) else []

    def on_qualified(self, env: Envelope) -> list[Any]:
        """The work enters its category's list of works to judge."""
        qualified = _read(env, review.WorkQualified)
        entrant = self.find(Entrant.id_for(qualified.submission_id))
        if entrant is None:
            log.warning("scoring.qualified_unknown_work", submission_id=qualified.submission_id)
            return []
        entrants = self.entrants(entrant.edition)
        changed = [a for a, did in ((entrant, entrant.qualify(qualified.submission_version, qualified.category)),
                                    (entrants, entrants.enter(qualified.category, qualified.submission_id))) if did]
        return changed

    def on_disqualified(self, env: Envelope) -> list[Any]:
        """The work leaves its list; if it was already placed in a round, it drops out of the round."""
        decision = _read(env, review.WorkDisqualified)
        entrant = self.find(Entrant.id_for(decision.submission_id))
        if entrant is None:
            return []
        changed: list[Any] = [entrant] if entrant.disqualify(decision.submission_version, decision.reason_codes) else []
        entrants = self.entrants(entrant.edition)
        if entrants.leave(decision.submission_id):
            changed.append(entrants)
        rnd = self.find(JudgingRound.id_for(entrant.edition, entrant.category))
        if rnd is not None and rnd.drop(decision.submission_id, decision.reason_codes):
            changed.append(rnd)
        return changed


def _read(env: Envelope, contract: type[contracts.Contract]) -> Any:
    payload = contracts.read(env)
    assert isinstance(payload, contract), f"{env.type} is not {contract.__name__}"
    return payload
