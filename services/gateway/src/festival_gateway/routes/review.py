"""Review (审核): school, region and province decisions, queues, timelines and reason codes.

The gateway checks the role; the review service checks the rest against its own records (the work's school
and region, the admin's approval, the phase) and its refusals are passed on as they are.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from festival.review.v1 import review_pb2
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.convert_review import (
    LevelDecision, ProvinceDecision, caller_scope, disqualify_request, level_request, qualify_request,
)
from festival_gateway.deps import caller, services
from festival_gateway.routes.common import PageAfter, PageLimit, PathId, QueryText, errors
from festival_kit.errors import FestivalError, forbidden

router = APIRouter(tags=["审核 / review"])
READERS = (scope.STUDENT, scope.SCHOOL_ADMIN, scope.REGION_ADMIN, scope.PROVINCE_ADMIN, scope.AUDITOR)
View = Annotated[Literal["waiting", "decided", "all"] | None, Query(
    description="waiting 待我审核（默认）、decided 我已审核、all 范围内全部（审计只能用 all）/ "
    "waiting for me (default), decided by me, or all in my scope (auditors: all only)")]
DECIDED = {200: {"description": "审核后的作品 / the work's case after the decision"}}


@router.post(
    "/works/{work_id}/review/school", summary="校级审核 / School review",
    responses={**DECIDED, **errors(401, 403, 404, 409)},
    description="本校的校级管理员（须已通过审核）报送地区，或退回学生修改（须选原因并填写说明，仅限申报期内）。\n\n"
    "The work's school admin (approved) forwards it to the region, or returns it to the student with a reason "
    "code and a written reason (only while the submission window is open).",
)
async def school(work_id: PathId, body: LevelDecision, who: Caller = Depends(caller),
                 svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.SCHOOL_ADMIN)
    call = svc.review.SchoolForward if body.action == "forward" else svc.review.SchoolReturn
    return to_json(await call(level_request(work_id, body, who.claims), **who.call()))


@router.post(
    "/works/{work_id}/review/region", summary="地区审核 / Region review",
    responses={**DECIDED, **errors(401, 403, 404, 409)},
    description="本地区的地区管理员在上报截止前报送省级，或退回学生修改（同时通知学校，仅限申报期内）。\n\n"
    "The work's region admin forwards it to the province (until the region deadline), or returns it to the "
    "student (the school is told; only while the submission window is open).",
)
async def region(work_id: PathId, body: LevelDecision, who: Caller = Depends(caller),
                 svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.REGION_ADMIN)
    call = svc.review.RegionForward if body.action == "forward" else svc.review.RegionReturn
    return to_json(await call(level_request(work_id, body, who.claims), **who.call()))


@router.post(
    "/works/{work_id}/review/province", summary="省级资格审查 / Province qualification",
    responses={**DECIDED, **errors(401, 403, 404, 409)},
    description="地区上报截止后，省级管理员确认参评资格，或取消资格（至少一项通知规定的原因并填写依据）。\n\n"
    "After the region deadline the province admin qualifies the work, or disqualifies it with at least one "
    "reason code from the notice and evidence notes; a disqualified work is not rated.",
)
async def province(work_id: PathId, body: ProvinceDecision, who: Caller = Depends(caller),
                   svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)
    if body.action == "qualify":
        if body.reason_codes:
            raise FestivalError("reason_codes_not_allowed", "确认参评资格时不应填写取消资格的原因。",
                                "Reason codes belong to a disqualification, not a qualification.", 422)
        reply = await svc.review.Qualify(qualify_request(work_id, body, who.claims), **who.call())
    else:
        reply = await svc.review.Disqualify(disqualify_request(work_id, body, who.claims), **who.call())
    return to_json(reply)


@router.get(
    "/review/queue", summary="审核队列 / Review queue", responses=errors(401, 403),
    description="校级、地区、省级管理员的审核队列，可按类别、状态、学校筛选；审计只读全部。未通过审核的校级管理员"
    "没有队列（403 not_approved）。\n\n"
    "An admin's queue, filtered by category, status and school; auditors read everything (view=all). A school "
    "admin whose registration is not approved has no queue (403 not_approved).\n\n"
    "按作品进入审核的先后分页：`next_after` 不为空时，以 `after=next_after` 再取下一页。\n\n"
    "In pages, in the order the works reached review: while `next_after` is not empty, ask again with "
    "`after=next_after`.",
)
async def queue(view: View = None, category: QueryText = "", status: QueryText = "", school_id: QueryText = "",
                region_id: QueryText = "", edition: QueryText = "", limit: PageLimit = 100, after: PageAfter = "",
                who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.SCHOOL_ADMIN, scope.REGION_ADMIN, scope.PROVINCE_ADMIN, scope.AUDITOR)
    if who.claims.role == scope.AUDITOR:
        if view not in (None, "all"):
            raise forbidden()  # an auditor decides nothing: nothing waits for them
        view = "all"
    filters = scope.works_filter(who.claims, "", school_id, region_id)
    request = review_pb2.QueueRequest(view=view or "waiting", edition=edition, category=category, status=status,
                                      school_id=filters["school_id"], region_id=filters["region_id"],
                                      limit=limit, after=after, **caller_scope(who.claims))
    reply = await svc.review.ListQueue(request, **who.call())
    return {"view": request.view, "cases": [to_json(c) for c in reply.cases], "next_after": reply.next_after}


@router.get(
    "/works/{work_id}/timeline", summary="审核时间线 / A work's timeline", responses=errors(401, 403, 404),
    description="作品每个版本的审核经过。学生只能看自己的作品（不显示审核人）；学校、地区看本范围内的作品；"
    "省级和审计看全部。\n\n"
    "Every version's review history. Students see their own works (without who decided), school and region "
    "admins the works in their scope, the province and auditors all.",
)
async def timeline(work_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    request = review_pb2.GetCaseRequest(submission_id=work_id, **caller_scope(who.claims))
    return to_json(await svc.review.GetTimeline(request, **who.call()))


@router.get(
    "/review/reason-codes", summary="退回与取消资格原因 / Reason codes", responses=errors(401),
    description="退回（return）或取消资格（disqualify）可选的原因代码及其在通知中的出处。\n\n"
    "The reason codes a return or a disqualification may name, with where the notice states them.",
)
async def reason_codes(kind: Annotated[Literal["return", "disqualify"] | None, Query()] = None,
                       who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    reply = await svc.review.ListReasonCodes(review_pb2.ListReasonCodesRequest(kind=kind or ""), **who.call())
    return {"codes": [to_json(c) for c in reply.codes]}
