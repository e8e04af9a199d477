"""festival.scoring.v1.Scoring over gRPC: thin translation between messages and the application."""

from __future__ import annotations

from typing import Any

from festival.scoring.v1 import scoring_pb2 as pb
from festival.scoring.v1 import scoring_pb2_grpc
from festival_kit.context import Cause
from festival_kit.rpc import rpc
from festival_scoring.adapters.links import Links
from festival_scoring.adapters.messages import assignment_pb, bias_pb, results_pb, round_pb
from festival_scoring.application import ScoringApplication
from festival_scoring.domain.round import JudgingRound

SERVICE_NAME = "festival.scoring.v1.Scoring"


class ScoringServicer(scoring_pb2_grpc.ScoringServicer):
    """Each method reads its request, calls one application method and answers with a message."""

    def __init__(self, app: ScoringApplication, links: Links):
        self.app, self.links = app, links

    # -- helpers -----------------------------------------------------------------------------------------------

    def _category_zh(self, rnd_or_work: Any) -> str:
        category = self.app.edition_of(rnd_or_work.edition).rules.category(rnd_or_work.category)
        return category.name_zh if category else rnd_or_work.category

    def _names(self, rnd: JudgingRound) -> dict[str, str]:
        found = {j: self.app.judge(j) for j in {*rnd.judge_ids, *(j for _, j in rnd.active_pairs())}}
        return {j: judge.display_name if judge else "" for j, judge in found.items()}

    def _titles(self, rnd: JudgingRound) -> dict[str, str]:
        return {w: self.app.entrant(w).title for w in rnd.panels}

    def _round(self, rnd: JudgingRound) -> pb.Round:
        placed = set(rnd.panels)
        waiting = len([w for w in self.app.entrants(rnd.edition).of(rnd.category) if w not in placed])
        submitted = len(self.app.counted_sheets(rnd))
        return round_pb(rnd, self._category_zh(rnd), self._names(rnd), waiting, submitted)

    def _assignment(self, sheet: Any, rnd: JudgingRound) -> pb.Assignment:
        work = self.app.entrant(sheet.work_id)
        return assignment_pb(sheet, rnd, work, self._category_zh(work), self.links)

    # -- the province ------------------------------------------------------------------------------------------

    @rpc
    def OpenRound(self, request: pb.OpenRoundRequest, cause: Cause) -> pb.Round:
        return self._round(self.app.open_round(cause, request.category, request.edition))

    @rpc
    def ListRounds(self, request: pb.ListRoundsRequest, cause: Cause) -> pb.RoundList:
        return pb.RoundList(rounds=[self._round(r) for r in self.app.rounds(cause, request.edition)])

    @rpc
    def GetRound(self, request: pb.RoundRequest, cause: Cause) -> pb.Round:
        return self._round(self.app.readable_round(cause, request.round_id))

    @rpc
    def SetJudges(self, request: pb.SetJudgesRequest, cause: Cause) -> pb.Round:
        return self._round(self.app.appoint_judges(cause, request.round_id, list(request.judge_ids)))

    @rpc
    def Assign(self, request: pb.RoundRequest, cause: Cause) -> pb.Round:
        return self._round(self.app.assign(cause, request.round_id))

    @rpc
    def CloseRound(self, request: pb.CloseRoundRequest, cause: Cause) -> pb.Round:
        return self._round(self.app.close_round(cause, request.round_id, request.reason))

    @rpc
    def GetProgress(self, request: pb.RoundRequest, cause: Cause) -> pb.Progress:
        rnd, judges, works = self.app.progress(cause, request.round_id)
        names, titles = self._names(rnd), self._titles(rnd)
        return pb.Progress(
            round_id=str(rnd.id),
            judges=[pb.JudgeProgress(judge_id=j, display_name=names.get(j, ""), **n) for j, n in sorted(judges.items())],
            works=[pb.WorkProgress(work_id=w, title=titles.get(w, ""), **n) for w, n in sorted(works.items())],
        )

    @rpc
    def GetResults(self, request: pb.RoundRequest, cause: Cause) -> pb.Results:
        rnd, results = self.app.round_results(cause, request.round_id)
        return results_pb(rnd, results, self._titles(rnd))

    @rpc
    def GetBiasReport(self, request: pb.RoundRequest, cause: Cause) -> pb.BiasReport:
        rnd, report = self.app.bias_report(cause, request.round_id)
        return bias_pb(rnd, report, self._names(rnd), self._titles(rnd))

    # -- judges ------------------------------------------------------------------------------------------------

    @rpc
    def ListAssignments(self, request: pb.ListAssignmentsRequest, cause: Cause) -> pb.AssignmentList:
        mine = self.app.assignments(cause, request.edition)
        return pb.AssignmentList(assignments=[self._assignment(sheet, rnd) for sheet, rnd in mine])

    @rpc
    def GetAssignment(self, request: pb.AssignmentRequest, cause: Cause) -> pb.Assignment:
        return self._assignment(*self.app.readable_sheet(cause, request.assignment_id))

    @rpc
    def SaveSheet(self, request: pb.SaveSheetRequest, cause: Cause) -> pb.Assignment:
        points = {p.code: p.points for p in request.points}
        sheet = self.app.save_sheet(cause, request.assignment_id, points, request.comment, request.reason)
        return self._assignment(sheet, self.app.round(sheet.round_id))

    @rpc
    def SubmitSheet(self, request: pb.AssignmentRequest, cause: Cause) -> pb.Assignment:
        sheet = self.app.submit_sheet(cause, request.assignment_id)
        return self._assignment(sheet, self.app.round(sheet.round_id))

    @rpc
    def DeclareConflict(self, request: pb.DeclareConflictRequest, cause: Cause) -> pb.ConflictOutcome:
        sheet, replacement = self.app.declare_conflict(cause, request.assignment_id, request.reason)
        return pb.ConflictOutcome(assignment_id=str(sheet.id), reassigned=bool(replacement))


def register(app: ScoringApplication, links: Links):
    """The function ServiceRuntime.serve takes: adds this servicer to a server."""
    servicer = ScoringServicer(app, links)
    return lambda server: scoring_pb2_grpc.add_ScoringServicer_to_server(servicer, server)
