"""Accounts: public sign-up of students and school admins, approval by the region, region admins."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from fastapi import APIRouter, Depends, Query, Request

from festival.registry.v1 import registry_pb2
from festival_events.contracts.registry import Role
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import anonymous, caller, services, sessions
from festival_gateway.models import (
    Decision, JudgeIssue, PasswordReset, RegionAdminIssue, SchoolAdminSignUp, StudentSignUp, Suspension,
)
from festival_gateway.routes.common import PathId, QueryText, errors
from festival_gateway.sessions import SIGN_UPS, Sessions, key

router = APIRouter(prefix="/accounts", tags=["账号 / accounts"])
RoleFilter = Annotated[Literal[("", *get_args(Role))], Query(description="角色（可选）/ role (optional)")]
# The registry's account statuses (festival_registry.domain.account.STATUSES).
StatusFilter = Annotated[Literal["", "active", "pending", "refused", "suspended"],
                         Query(description="状态（可选）/ status (optional)")]


async def count_sign_up(request: Request, shared: Sessions) -> None:
    """Sign-ups from one address are limited (429 past the limit); each attempt counts."""
    address = key("addr", request.client.host if request.client else "")
    await shared.check(SIGN_UPS, address)
    await shared.add(SIGN_UPS, address)


@router.post(
    "/students", status_code=201, summary="学生注册 / Student sign-up", responses=errors(404, 409, 429),
    description="在已审核通过的学校注册学生账号（同一地址每小时最多 200 次）。\n\nOpen a student account at an approved "
    "school (at most 200 sign-ups an hour from one address).",
)
async def register_student(request: Request, body: StudentSignUp, who: Caller = Depends(anonymous),
                           svc: Services = Depends(services), shared: Sessions = Depends(sessions)) -> dict:
    await count_sign_up(request, shared)
    request = registry_pb2.RegisterStudentRequest(**body.model_dump())
    return to_json(await svc.registry.RegisterStudent(request, **who.call()))


@router.post(
    "/school-admins", status_code=201, summary="校级管理员申请 / School admin application",
    responses=errors(404, 409, 429),
    description="申请成为学校的校级管理员，等待地区管理员审核。\n\n"
    "Ask to be a school's admin; the account stays pending until the region admin decides.",
)
async def register_school_admin(request: Request, body: SchoolAdminSignUp, who: Caller = Depends(anonymous),
                                svc: Services = Depends(services), shared: Sessions = Depends(sessions)) -> dict:
    await count_sign_up(request, shared)
    request = registry_pb2.RegisterSchoolAdminRequest(**body.model_dump())
    return to_json(await svc.registry.RegisterSchoolAdmin(request, **who.call()))


@router.get(
    "", summary="账号列表 / List accounts", responses=errors(401, 403),
    description="校级管理员只看到本校账号，地区管理员只看到本地区账号；省级管理员和审计看到全部。\n\n"
    "A school admin sees their school's accounts, a region admin their region's; the province admin and auditors "
    "see all.",
)
async def list_accounts(role: RoleFilter = "", status: StatusFilter = "", region_id: QueryText = "",
                        who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    region = scope.accounts_filter(who.claims, region_id)
    request = registry_pb2.ListAccountsRequest(role=role, status=status, region_id=region)
    reply = await svc.registry.ListAccounts(request, **who.call())
    return {"accounts": [to_json(a) for a in reply.accounts]}


@router.post(
    "/{account_id}/decision", summary="审核校级管理员 / Decide on a school admin",
    responses=errors(401, 403, 404, 409),
    description="本地区的地区管理员通过或驳回（须填理由）。\n\n"
    "The region admin of the account's region approves, or refuses with a reason.",
)
async def decide(account_id: PathId, body: Decision, who: Caller = Depends(caller),
                 svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.REGION_ADMIN)
    # registry checks the applicant's region (403) and existence (404); reading it first here would answer 404
    # for another region's applicant, whom GetAccount does not show this caller
    request = registry_pb2.DecideSchoolAdminRequest(account_id=account_id, **body.model_dump())
    return to_json(await svc.registry.DecideSchoolAdmin(request, **who.call()))


@router.post(
    "/region-admins", status_code=201, summary="开设地区管理员 / Issue a region admin",
    responses=errors(401, 403, 404, 409),
    description="省级管理员为地区开设管理员账号。\n\nThe province admin issues a region admin account.",
)
async def issue_region_admin(body: RegionAdminIssue, who: Caller = Depends(caller),
                             svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)
    request = registry_pb2.IssueRegionAdminRequest(**body.model_dump())
    return to_json(await svc.registry.IssueRegionAdmin(request, **who.call()))


@router.post(
    "/judges", status_code=201, summary="开设评委账号 / Issue a judge account",
    responses=errors(401, 403, 404, 409),
    description="省级管理员开设评委账号：所在地区和学校（评审时回避其作品）、专长类别、需回避的相识人员。\n\n"
    "The province admin issues a judge account with the region and school the judge works in (their works are "
    "never assigned to the judge), expertise categories, and the persons the judge declares they know.",
)
async def issue_judge(body: JudgeIssue, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)
    request = registry_pb2.IssueJudgeRequest(**body.model_dump())
    return to_json(await svc.registry.IssueJudge(request, **who.call()))


@router.post(
    "/{account_id}/suspend", summary="停用账号 / Suspend an account", responses=errors(401, 403, 404, 409, 422),
    description="省级管理员停用账号（须填理由；不能停用自己）：该账号不能再登录，已签发的令牌在一秒内于所有网关失效。"
    "\n\nThe province admin suspends an account, saying why (not their own): it can no longer log in, and every "
    "token it holds stops working on every gateway within a second.",
)
async def suspend(account_id: PathId, body: Suspension, who: Caller = Depends(caller),
                  svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)
    request = registry_pb2.SuspendAccountRequest(account_id=account_id, reason=body.reason)
    return to_json(await svc.registry.SuspendAccount(request, **who.call()))


@router.post(
    "/{account_id}/reactivate", summary="恢复账号 / Reactivate an account", responses=errors(401, 403, 404, 409),
    description="省级管理员恢复停用的账号；停用前的令牌不会恢复，须重新登录。\n\nThe province admin reactivates a "
    "suspended account; tokens from before the suspension stay dead: the person logs in again.",
)
async def reactivate(account_id: PathId, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN)
    request = registry_pb2.ReactivateAccountRequest(account_id=account_id)
    return to_json(await svc.registry.ReactivateAccount(request, **who.call()))


@router.post(
    "/{account_id}/password", summary="重置密码 / Reset a password", responses=errors(401, 403, 404, 422),
    description="为忘记密码的人设置新密码：省级管理员可重置除省级管理员外的任何账号，地区管理员可重置本地区的校级"
    "管理员和学生，校级管理员可重置本校学生。该账号此前的令牌全部失效。\n\nSet a new password for someone who "
    "forgot theirs: the province admin for any account but a province admin's, a region admin for the school admins "
    "and students of their region, a school admin for the students of their school. Every earlier token of the "
    "account stops working.",
)
async def reset_password(account_id: PathId, body: PasswordReset, who: Caller = Depends(caller),
                         svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN, scope.REGION_ADMIN, scope.SCHOOL_ADMIN)
    request = registry_pb2.ResetPasswordRequest(account_id=account_id, new_password=body.new_password)
    return to_json(await svc.registry.ResetPassword(request, **who.call()))
