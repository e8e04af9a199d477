"""Works (作品): a student's drafts and submissions, each visible only inside its owner's scope."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from fastapi import APIRouter, Depends, Request, Response

from festival.intake.v1 import intake_pb2
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import draft_of, to_json
from festival_gateway.deps import caller, services
from festival_gateway.models import Draft, SubmitRequest
from festival_gateway.routes.common import PageAfter, PageLimit, PathId, QueryText, errors, links

router = APIRouter(prefix="/works", tags=["作品 / works"])
# Not the timeline: a draft has no review history until it is submitted.
CREATED = links("新建的草稿 / the new draft", "work_id", "GET /works/{work_id}", "PUT /works/{work_id}",
                "POST /works/{work_id}/submit", "GET /works/{work_id}/audit",
                "POST /works/{work_id}/files/{slot}/uploads", "GET /works/{work_id}/forms/{form}")


async def fetch(svc: Services, who: Caller, work_id: str) -> intake_pb2.Submission:
    """The work, read first so its student, school and region decide who may go on (404, then 403)."""
    return await svc.intake.GetSubmission(intake_pb2.GetSubmissionRequest(submission_id=work_id), **who.call())


async def fetch_own(svc: Services, who: Caller, work_id: str) -> intake_pb2.Submission:
    work = await fetch(svc, who, work_id)
    scope.check_own_work(who.claims, work)
    return work


@router.post(
    "", status_code=201, summary="新建作品草稿 / Draft a work", responses={**errors(401, 403, 409), 201: CREATED},
    description="学生新建作品草稿，学校取自学生账号；类别、主题和人数限制按本届规则检查。\n\n"
    "A student drafts a work at their own school; category, theme and team limits follow the edition's rules.",
)
async def create(body: Draft, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.STUDENT)
    request = intake_pb2.CreateDraftRequest(
        student_id=who.claims.account_id, school_id=who.claims.school_id, draft=draft_of(body)
    )
    return to_json(await svc.intake.CreateDraft(request, **who.call()))


@router.get(
    "", summary="作品列表 / List works", responses=errors(401, 403),
    description="学生看到自己的作品，校级、地区管理员看到本校、本地区的作品，省级管理员和审计看到全部。\n\n"
    "Students see their own works, school and region admins their school's or region's, the province and "
    "auditors all. Asking for a filter outside your scope is 403.\n\n"
    "按新建先后分页：`next_after` 不为空时，以 `after=next_after` 再取下一页。\n\n"
    "In pages, oldest first: while `next_after` is not empty, ask again with `after=next_after`.",
)
async def list_works(status: QueryText = "", edition: QueryText = "", student_id: QueryText = "",
                     school_id: QueryText = "", region_id: QueryText = "", limit: PageLimit = 100,
                     after: PageAfter = "", who: Caller = Depends(caller),
                     svc: Services = Depends(services)) -> dict:
    filters = scope.works_filter(who.claims, student_id, school_id, region_id)
    request = intake_pb2.ListSubmissionsRequest(status=status, edition=edition, limit=limit, after=after, **filters)
    reply = await svc.intake.ListSubmissions(request, **who.call())
    return {"works": [to_json(w) for w in reply.submissions], "next_after": reply.next_after}


@router.get(
    "/{work_id}", summary="作品详情 / A work", responses=errors(401, 403, 404), response_model=dict,
    description="不在您权限范围内的作品返回 403。\n\nA work outside your scope answers 403.",
)
async def get_work(work_id: PathId, request: Request, who: Caller = Depends(caller)) -> Response:
    # The JSON as it was encoded when the work was read: a student's page polls it while the files are inspected.
    return Response((await _read(request, who, work_id)).encoded, media_type="application/json")


@dataclass(frozen=True)
class Read:
    """A work as intake answered it: where it belongs, its JSON, and that JSON encoded once."""

    placed: scope.Placed
    body: dict
    encoded: bytes


async def read_work(request: Request, who: Caller, work_id: str) -> dict:
    """The work as JSON, if the caller may read it. The dict is shared with other readers: never change it."""
    return (await _read(request, who, work_id)).body


async def _read(request: Request, who: Caller, work_id: str) -> Read:
    """From the works this replica read while the log says they have not changed (works_cache), else from
    intake. The scope check is the gateway's own either way, and intake refuses no reader the gateway lets
    through."""
    svc = request.app.state.services
    read = await request.app.state.works.read(work_id.lower(), lambda: _answer(svc, who, work_id))
    scope.check_read_work(who.claims, read.placed)
    return read


async def _answer(svc: Services, who: Caller, work_id: str) -> Read:
    work = await fetch(svc, who, work_id)
    body = to_json(work)
    return Read(scope.Placed(work.student_id, work.school_id, work.region_id), body, orjson.dumps(body))


@router.put(
    "/{work_id}", summary="修改草稿 / Edit the draft", responses=errors(401, 403, 404, 409),
    description="作者本人在提交前（或被退回后）修改。\n\nIts student edits a draft or a returned work.",
)
async def edit(work_id: PathId, body: Draft, who: Caller = Depends(caller),
               svc: Services = Depends(services)) -> dict:
    await fetch_own(svc, who, work_id)
    request = intake_pb2.EditDraftRequest(submission_id=work_id, draft=draft_of(body))
    return to_json(await svc.intake.EditDraft(request, **who.call()))


@router.post(
    "/{work_id}/submit", summary="提交作品 / Submit", responses=errors(401, 403, 404, 409),
    description="所有材料齐全、配音语言已声明后一次性提交，并确认本届的版权共享与原创承诺（GET /edition 的 consent）；"
    "提交后不能修改，除非被管理员退回。\n\n"
    "Submit once every file is in and the voice-over declared, confirming the edition's copyright and "
    "originality statements (`consent` of GET /edition); a submitted work cannot change unless an admin "
    "returns it.",
)
async def submit(work_id: PathId, body: SubmitRequest | None = None, who: Caller = Depends(caller),
                 svc: Services = Depends(services)) -> dict:
    await fetch_own(svc, who, work_id)
    consent = intake_pb2.Consent(version=body.consent_version, copyright=body.copyright,
                                 originality=body.originality) if body else None
    request = intake_pb2.SubmitRequest(submission_id=work_id, consent=consent)
    return to_json(await svc.intake.Submit(request, **who.call()))
