"""The scoring queries: rounds, progress, results, the bias report and a judge's own sheets (mixed in)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from festival_decisions.judging import bias, results
from festival_kit.context import Cause
from festival_scoring.domain import refusals
from festival_scoring.domain.edition import ScoringEdition
from festival_scoring.domain.entrant import Entrant
from festival_scoring.domain.entrants import Entrants
from festival_scoring.domain.judge import ScoringJudge
from festival_scoring.domain.round import JudgingRound
from festival_scoring.domain.sheet import WITHDRAWN, ScoreSheet

READERS = ("province_admin", "auditor")


def require(cause: Cause, *roles: str) -> None:
    if cause.role not in roles:
        raise refusals.forbidden()


class ScoringQueries:
    """Reads of ScoringApplication; nothing here changes the store."""

    find: Any  # FestivalApplication.find
    sheet_log: Any  # replay.LiveRoundLog
    recorder: Any
    mapper: Any

    # -- the province and auditors ----------------------------------------------------------------------------

    def rounds(self, cause: Cause, edition: str = "") -> list[JudgingRound]:
        """The rounds of an edition, in category order."""
        require(cause, *READERS)
        view = self.edition_of(self.edition_code(edition))
        found = (self.find(JudgingRound.id_for(view.edition, c.code)) for c in view.rules.categories)
        return [r for r in found if r is not None]

    def readable_round(self, cause: Cause, round_id: str) -> JudgingRound:
        require(cause, *READERS)
        return self.round(round_id)

    def progress(self, cause: Cause, round_id: str) -> tuple[JudgingRound, dict[str, dict], dict[str, dict]]:
        """Per judge and per work of the round: sheets submitted, pending, and conflicts declared."""
        rnd = self.readable_round(cause, round_id)
        judges: dict[str, dict] = defaultdict(lambda: {"done": 0, "pending": 0, "conflicts": 0})
        judges.update({j: {"done": 0, "pending": 0, "conflicts": 0} for j in rnd.judge_ids})
        works = {w: {"done": 0, "pending": 0, "dropped": w in rnd.dropped} for w in rnd.panels}
        submitted = {(s["work_id"], s["judge_id"]) for s in self.counted_sheets(rnd)}
        for pair in rnd.active_pairs():
            key = "done" if pair in submitted else "pending"
            works[pair[0]][key] += 1
            judges[pair[1]][key] += 1
        for work_id, judge_id in rnd.excluded:
            judges[judge_id]["conflicts"] += 1
        return rnd, dict(judges), works

    def round_results(self, cause: Cause, round_id: str) -> tuple[JudgingRound, dict[str, Any]]:
        rnd = self.readable_round(cause, round_id)
        if rnd.results is None:
            raise refusals.no_results()
        return rnd, rnd.results

    def bias_report(self, cause: Cause, round_id: str) -> tuple[JudgingRound, bias.BiasReport]:
        """Each judge's leniency and spread against the panel, and how ranks move under normalisation,
        re-derived from the sheets the latest results counted."""
        rnd, recorded = self.round_results(cause, round_id)
        method = results.Method(rnd.normalisation["method"], rnd.normalisation["min_sheets_for_zscore"],
                                rnd.normalisation["trim_when_at_least"])
        sheets = [results.Sheet(s["judge_id"], s["work_id"], s["total"]) for s in recorded["sheets"]]
        report = bias.bias_report(sheets, results.compute_results(sheets, method),
                                  rnd.normalisation["outlier_spreads"])
        return rnd, report

    # -- judges ------------------------------------------------------------------------------------------------

    def assignments(self, cause: Cause, edition: str = "") -> list[tuple[ScoreSheet, JudgingRound]]:
        """The caller's own sheets (conflicts declared excluded), round by round."""
        require(cause, "judge")
        view = self.edition_of(self.edition_code(edition))
        mine = []
        for category in view.rules.categories:
            rnd = self.find(JudgingRound.id_for(view.edition, category.code))
            for work_id, judge_id in rnd.active_pairs() if rnd else ():
                if judge_id == cause.account_id:
                    mine.append((self.find(ScoreSheet.id_for(str(rnd.id), work_id, judge_id)), rnd))
        return mine

    def own_sheet(self, cause: Cause, sheet_id: str) -> ScoreSheet:
        """A sheet of the caller's; another judge's (or a withdrawn one's work) is refused."""
        require(cause, "judge")
        judge = self.judge(cause.account_id)
        if judge is None or not judge.active:
            raise refusals.unknown_judge()
        sheet = self.find(_uuid(sheet_id))
        if not isinstance(sheet, ScoreSheet):
            raise refusals.not_found("评分任务", "Assignment")
        if sheet.judge_id != cause.account_id:
            raise refusals.not_your_assignment()
        return sheet

    def readable_sheet(self, cause: Cause, sheet_id: str) -> tuple[ScoreSheet, JudgingRound]:
        sheet = self.own_sheet(cause, sheet_id)
        if sheet.status == WITHDRAWN:
            raise refusals.conflict_declared()
        return sheet, self.round(sheet.round_id)

    # -- shared ------------------------------------------------------------------------------------------------

    def counted_sheets(self, rnd: JudgingRound, *fresh: ScoreSheet) -> list[dict[str, Any]]:
        """The submitted sheets that count now (on a panel, of a work in the round), as results record them;
        read from the live projection of the store, with `fresh` sheets not yet saved taking their place."""
        newer = {(s.work_id, s.judge_id): s for s in fresh}
        pairs = rnd.active_pairs()
        counted = {(s["work_id"], s["judge_id"]): s for s in self.sheet_log.catch_up().counted(str(rnd.id), pairs)}
        counted_pairs = set(pairs)
        for pair, sheet in newer.items():
            counted.pop(pair, None)
            if sheet.submitted and pair in counted_pairs:
                counted[pair] = {"sheet_id": str(sheet.id), "version": sheet.version, "judge_id": sheet.judge_id,
                                 "work_id": sheet.work_id, "total": float(sheet.total)}
        return [counted[p] for p in pairs if p in counted]

    def round(self, round_id: str) -> JudgingRound:
        rnd = self.find(_uuid(round_id))
        if not isinstance(rnd, JudgingRound):
            raise refusals.not_found("评审轮次", "Judging round")
        return rnd

    def edition_of(self, edition: str) -> ScoringEdition:
        view = self.find(ScoringEdition.id_for(edition))
        if view is None:
            raise refusals.unknown_edition(edition)
        return view

    def edition_code(self, edition: str) -> str:
        """The edition named, or the latest one scoring knows."""
        if edition:
            return edition
        recorded = self.recorder.select_notifications(1, 1_000_000, topics=[_topic()])
        if not recorded:
            raise refusals.unknown_edition("")
        return self.mapper.to_domain_event(recorded[-1]).edition

    def entrant(self, submission_id: str) -> Entrant:
        return self.find(Entrant.id_for(submission_id))

    def entrants(self, edition: str) -> Entrants:
        return self.find(Entrants.id_for(edition)) or Entrants(edition=edition)

    def judge(self, account_id: str) -> ScoringJudge | None:
        return self.find(ScoringJudge.id_for(account_id))


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _topic() -> str:
    from eventsourcing.utils import get_topic

    return get_topic(ScoringEdition.Recorded)  # type: ignore[attr-defined]
