"""The scoring application: the province runs judging rounds, judges fill in blind score sheets.

Queries and the consumer's policies are mixed in. Each command checks the caller's role, the round's and
the edition's state, then lets the aggregate decide; a refusal stores nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from festival_decisions.judging.assignment import ConflictRules
from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, command
from festival_scoring.adapters.policies import ScoringPolicies
from festival_scoring.domain import refusals
from festival_scoring.domain.edition import CLOSED
from festival_scoring.domain.round import CLOSED as ROUND_CLOSED
from festival_scoring.domain.round import JudgingRound
from festival_scoring.domain.sheet import ScoreSheet
from festival_scoring.queries import ScoringQueries, require
from festival_scoring.replay import LiveRoundLog


class ScoringApplication(ScoringQueries, ScoringPolicies, FestivalApplication):
    """Rounds, sheets, and scoring's own views of editions, judges and qualified works."""

    SERVICE: ClassVar[str] = "scoring"
    env: ClassVar[dict[str, str]] = {"AGGREGATE_CACHE_MAXSIZE": "20000"}

    def __init__(self, env: dict[str, str] | None = None):
        super().__init__(env)
        self.sheet_log = LiveRoundLog(self)

    # -- the province ------------------------------------------------------------------------------------------

    @command
    def open_round(self, cause: Cause, category: str, edition: str = "") -> JudgingRound:
        """Open the one judging round of a category, with the edition's rubric, panel size and method."""
        require(cause, "province_admin")
        view = self.edition_of(self.edition_code(edition))
        view.check_category(category)
        judging = view.judging
        if view.phase == CLOSED:
            raise refusals.judging_closed()
        if self.find(JudgingRound.id_for(view.edition, category)) is not None:
            raise refusals.round_exists(category)
        rnd = JudgingRound(edition=view.edition, category=category, judges_per_work=judging.judges_per_work,
                           rubric=[c.model_dump() for c in judging.rubric(category)],
                           normalisation=judging.normalisation.model_dump())
        self.save(rnd)
        return rnd

    @command
    def appoint_judges(self, cause: Cause, round_id: str, judge_ids: list[str]) -> JudgingRound:
        """Set the round's judges: active judge accounts whose expertise covers the category."""
        require(cause, "province_admin")
        rnd = self.round(round_id)
        for account_id in judge_ids:
            judge = self.judge(account_id)
            if judge is None or not judge.active:
                raise refusals.not_a_judge_account(account_id)
            if not judge.judges(rnd.category):
                raise refusals.outside_expertise(account_id, rnd.category)
        rnd.appoint(judge_ids)
        self.save(rnd)
        return rnd

    @command
    def assign(self, cause: Cause, round_id: str) -> JudgingRound:
        """Place k judges on every qualified work not yet placed (inside the judging window)."""
        require(cause, "province_admin")
        rnd = self.round(round_id)
        self.edition_of(rnd.edition).check_judging_open()
        works = [self.entrant(w).eligible() for w in self.entrants(rnd.edition).of(rnd.category)]
        pairs = rnd.assign(works, self._judges_of(rnd), self._conflict_rules(rnd))
        self.save(rnd, *(ScoreSheet(edition=rnd.edition, round_id=str(rnd.id), work_id=w, judge_id=j)
                         for w, j in pairs))
        return rnd

    @command
    def close_round(self, cause: Cause, round_id: str, reason: str = "") -> JudgingRound:
        """Close the round (a reason is needed before the judging window ends) and compute its final results."""
        require(cause, "province_admin")
        rnd = self.round(round_id)
        early = self.edition_of(rnd.edition).phase != CLOSED
        self.save(*self._closed(rnd, reason, early))
        return rnd

    def _closed(self, rnd: JudgingRound, reason: str, early: bool) -> list[Any]:
        counted = self.counted_sheets(rnd)
        rnd.close(reason, early, {(s["work_id"], s["judge_id"]) for s in counted})
        rnd.compute_results(counted, final=True)
        return [rnd]

    # -- judges ------------------------------------------------------------------------------------------------

    @command
    def save_sheet(self, cause: Cause, sheet_id: str, points: dict[str, int], comment: str = "",
                   reason: str = "") -> ScoreSheet:
        """Save a draft; on a submitted sheet, an amendment (with a reason) while the round is open."""
        sheet, rnd = self._scoring(cause, sheet_id)
        if sheet.submitted:
            sheet.amend(rnd.rubric, points, comment, reason)
            self.save(sheet, *self._recomputed(rnd, sheet))
        else:
            sheet.draft(rnd.rubric, points, comment)
            self.save(sheet)
        return sheet

    @command
    def submit_sheet(self, cause: Cause, sheet_id: str) -> ScoreSheet:
        """Submit the saved draft (every criterion scored); the last sheet of a round computes its results."""
        sheet, rnd = self._scoring(cause, sheet_id)
        sheet.submit(rnd.rubric, sheet.points, sheet.comment)
        self.save(sheet, *self._recomputed(rnd, sheet))
        return sheet

    @command
    def declare_conflict(self, cause: Cause, sheet_id: str, reason: str) -> tuple[ScoreSheet, str]:
        """The judge withdraws from a work; the round puts another eligible judge on it ('' if none is left)."""
        sheet, rnd = self._scoring(cause, sheet_id)
        sheet.declare_conflict(reason)
        works = [self.entrant(w).eligible() for w in rnd.panels]
        replacement = rnd.replace(sheet.work_id, sheet.judge_id, sheet.conflict_reason, works,
                                  self._judges_of(rnd), self._conflict_rules(rnd))
        new = [ScoreSheet(edition=rnd.edition, round_id=str(rnd.id), work_id=sheet.work_id, judge_id=replacement)
               ] if replacement else []
        self.save(sheet, rnd, *new)
        return sheet, replacement

    def _scoring(self, cause: Cause, sheet_id: str) -> tuple[ScoreSheet, JudgingRound]:
        """The caller's own sheet of a work still in an open round, inside the judging window."""
        sheet = self.own_sheet(cause, sheet_id)
        rnd = self.round(sheet.round_id)
        if rnd.status == ROUND_CLOSED:
            raise refusals.round_closed()
        self.edition_of(rnd.edition).check_judging_open()
        if sheet.work_id in rnd.dropped:
            raise refusals.work_dropped()
        return sheet, rnd

    def _recomputed(self, rnd: JudgingRound, changed: ScoreSheet) -> list[Any]:
        """Once every sheet of the round is in, its results (again after an amendment)."""
        counted = self.counted_sheets(rnd, changed)
        if len(counted) < len(rnd.active_pairs()):
            return []
        return [rnd] if rnd.compute_results(counted, final=False) else []

    def _judges_of(self, rnd: JudgingRound) -> list[Any]:
        return [self.judge(j).eligible() for j in rnd.judge_ids]

    def _conflict_rules(self, rnd: JudgingRound) -> ConflictRules:
        rules = self.edition_of(rnd.edition).judging.conflicts
        return ConflictRules(rules.same_region, rules.same_school, rules.declared_persons)
