"""Judging (评审): rounds, judges, assignment, blind score sheets, progress, results and the bias report.

The province runs the rounds; auditors read them; a judge sees only their own assignments. The gateway checks
the role; the scoring service checks the rest (the round's state, the window, the sheet's owner, the rubric).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from festival.scoring.v1 import scoring_pb2 as pb
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import caller, services
from festival_gateway.models import Body, EditionValue
from festival_gateway.routes.common import PathId, errors

router = APIRouter(prefix="/judging", tags=["评审 / judging"])
READERS = (scope.PROVINCE_ADMIN, scope.AUDITOR)
Edition = Annotated[str, Query(max_length=16, pattern=r"^[A-Za-z0-9_.-]*$", description="届次（可选）/ edition")]


class RoundOpening(Body):
    category: EditionValue = Field(description="作品类别代码 / category code")
    edition: str = Field("", max_length=16, pattern=r"^[A-Za-z0-9_.-]*$", description="届次（可选）/ edition")


class RoundJudges(Body):
    judge_ids: list[Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]] = Field(
        max_length=500, description="评委账号编号（完整名单）/ the round's judges' account ids (the whole list)")


class RoundClosing(Body):
    reason: str = Field("", max_length=500, description="提前结束的理由（评审期结束前必填）/ reason (required before "
                        "the judging window ends)")


class SheetPoints(Body):
    points: dict[Annotated[str, Field(max_length=32)], Annotated[int, Field(ge=0, le=100)]] = Field(
        max_length=20, description="各评分项得分（整数，0 至该项满分）/ points per criterion code, whole numbers from 0 "
        "to the criterion's maximum")
    comment: str = Field("", max_length=2000, description="评语 / comment")
    reason: str = Field("", max_length=500, description="修改已提交评分的理由（修改时必填）/ reason, required to amend "
                        "a submitted sheet")


class Conflict(Body):
    reason: str = Field(min_length=1, max_length=500, description="回避理由 / why the judge must not score the work")


async def _province(who: Caller) -> None:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)


@router.post("/rounds", status_code=201, summary="开设评审轮次 / Open a judging round",
             responses=errors(401, 403, 404, 409),
             description="省级管理员为一个类别开设评审轮次（每类一轮），采用本届的评分标准、每件作品评委人数和计分方法。\n\n"
             "The province opens the judging round of a category (one per category) with the edition's rubric, "
             "panel size and scoring method.")
async def open_round(body: RoundOpening, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    await _province(who)
    return to_json(await svc.scoring.OpenRound(pb.OpenRoundRequest(**body.model_dump()), **who.call()))


@router.get("/rounds", summary="评审轮次 / Judging rounds", responses=errors(401, 403, 404),
            description="本届各类别的评审轮次及进度（省级、审计）。\n\nThe edition's rounds and their state (province, "
            "auditors).")
async def rounds(edition: Edition = "", who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    reply = await svc.scoring.ListRounds(pb.ListRoundsRequest(edition=edition), **who.call())
    return {"rounds": [to_json(r) for r in reply.rounds]}


@router.get("/rounds/{round_id}", summary="一个评审轮次 / A judging round", responses=errors(401, 403, 404))
async def get_round(round_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.scoring.GetRound(pb.RoundRequest(round_id=round_id), **who.call()))


@router.put("/rounds/{round_id}/judges", summary="设定评委 / Set the round's judges",
            responses=errors(401, 403, 404, 409),
            description="完整的评委名单：须为在职评委账号，且专长包含该类别；已有分配作品的评委不能移出。\n\n"
            "The whole list of judges: active judge accounts whose expertise covers the category; a judge with "
            "assigned works cannot be removed.")
async def set_judges(round_id: PathId, body: RoundJudges, who: Caller = Depends(caller),
                     svc: Services = Depends(services)) -> dict:
    await _province(who)
    request = pb.SetJudgesRequest(round_id=round_id, judge_ids=body.judge_ids)
    return to_json(await svc.scoring.SetJudges(request, **who.call()))


@router.post("/rounds/{round_id}/assignment", summary="分配评委 / Assign judges",
             responses=errors(401, 403, 404, 409),
             description="评审期内为每件尚未分配的入围作品分配 k 位评委：不分配本地区、本校或申报相识的评委，工作量尽量均衡"
             "（最小费用流，随机种子记录在案）。若有作品找不到足够的评委，说明是哪些作品，且不做任何分配。\n\n"
             "Inside the judging window, give every qualified work not yet placed exactly k judges: none of its region "
             "or school nor one who declared its people, loads as even as possible (a min-cost flow with a recorded "
             "seed). When a work lacks eligible judges, the answer names the works and nothing is assigned.")
async def assign(round_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    await _province(who)
    return to_json(await svc.scoring.Assign(pb.RoundRequest(round_id=round_id), **who.call()))


@router.post("/rounds/{round_id}/close", summary="结束评审轮次 / Close a round", responses=errors(401, 403, 404, 409),
             description="结束本轮并计算最终结果；评审期结束前提前结束须填写理由，未交的评分表会被列出。\n\n"
             "Close the round and compute its final results; before the judging window ends a reason is required, "
             "and the missing sheets are recorded.")
async def close_round(round_id: PathId, body: RoundClosing, who: Caller = Depends(caller),
                      svc: Services = Depends(services)) -> dict:
    await _province(who)
    request = pb.CloseRoundRequest(round_id=round_id, reason=body.reason)
    return to_json(await svc.scoring.CloseRound(request, **who.call()))


@router.get("/rounds/{round_id}/progress", summary="评分进度 / Progress", responses=errors(401, 403, 404))
async def progress(round_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.scoring.GetProgress(pb.RoundRequest(round_id=round_id), **who.call()))


@router.get("/rounds/{round_id}/results", summary="评审结果 / Results", responses=errors(401, 403, 404),
            description="每件作品的原始平均分、标准化得分与名次（并列同名次），以及所依据评分表的摘要。\n\n"
            "Per work the raw mean, the normalised score and the rank (ties share a rank), with the digest of the "
            "sheets they were computed from.")
async def results(round_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.scoring.GetResults(pb.RoundRequest(round_id=round_id), **who.call()))


@router.get("/rounds/{round_id}/report", summary="评委偏差报告 / Judge-bias report", responses=errors(401, 403, 404),
            description="每位评委的平均分、离散度及与评审组的偏差（超过 1.5 倍评审组离散度标为异常），以及标准化前后各作品"
            "名次的变化。\n\nEach judge's mean, spread and deviation from the panel (outliers flagged beyond 1.5 panel "
            "spreads), and how far each work's rank moves between raw and normalised scores.")
async def report(round_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.scoring.GetBiasReport(pb.RoundRequest(round_id=round_id), **who.call()))


@router.get("/assignments", summary="我的评审任务 / My assignments", responses=errors(401, 403, 404),
            description="评委只看到分配给自己的作品（匿名：不含作者、学校、地区、指导教师及其他评委的评分），附短时有效的"
            "影片、封面、海报链接和技术检测报告。\n\nA judge sees only their own assignments, blind (no names, schools, "
            "regions, advisors or other judges' points), with short-lived links to film, cover and poster and the "
            "inspection report.")
async def my_assignments(edition: Edition = "", who: Caller = Depends(caller),
                         svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.JUDGE)
    reply = await svc.scoring.ListAssignments(pb.ListAssignmentsRequest(edition=edition), **who.call())
    return {"assignments": [to_json(a) for a in reply.assignments]}


@router.get("/assignments/{assignment_id}", summary="一项评审任务 / One assignment", responses=errors(401, 403, 404, 409))
async def assignment(assignment_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.JUDGE)
    return to_json(await svc.scoring.GetAssignment(pb.AssignmentRequest(assignment_id=assignment_id), **who.call()))


@router.put("/assignments/{assignment_id}/sheet", summary="保存评分 / Save the sheet",
            responses=errors(401, 403, 404, 409),
            description="保存草稿（可只填部分评分项）；已提交的评分表在本轮结束前可修改，须填写理由。\n\n"
            "Save a draft (some criteria may be empty); a submitted sheet can be amended with a reason while the "
            "round is open.")
async def save_sheet(assignment_id: PathId, body: SheetPoints, who: Caller = Depends(caller),
                     svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.JUDGE)
    request = pb.SaveSheetRequest(assignment_id=assignment_id, comment=body.comment, reason=body.reason,
                                  points=[pb.CriterionPoints(code=c, points=p) for c, p in body.points.items()])
    return to_json(await svc.scoring.SaveSheet(request, **who.call()))


@router.post("/assignments/{assignment_id}/submit", summary="提交评分 / Submit the sheet",
             responses=errors(401, 403, 404, 409),
             description="提交已保存的评分（每一项都须打分），只能提交一次。\n\nSubmit the saved sheet (every criterion "
             "scored), once.")
async def submit_sheet(assignment_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.JUDGE)
    return to_json(await svc.scoring.SubmitSheet(pb.AssignmentRequest(assignment_id=assignment_id), **who.call()))


@router.post("/assignments/{assignment_id}/conflict", summary="申报回避 / Declare a conflict",
             responses=errors(401, 403, 404, 409),
             description="评委认识作品的作者或指导教师等情况时申报回避（须填理由）；作品改派给另一位符合条件的评委。\n\n"
             "A judge who knows the work's people (or is otherwise conflicted) withdraws with a reason; the work goes "
             "to another eligible judge.")
async def declare_conflict(assignment_id: PathId, body: Conflict, who: Caller = Depends(caller),
                           svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.JUDGE)
    request = pb.DeclareConflictRequest(assignment_id=assignment_id, reason=body.reason)
    return to_json(await svc.scoring.DeclareConflict(request, **who.call()))
