"""Audit (审计): the log's signed checkpoints (public: anyone, a region above all, may keep one), inclusion and
consistency proofs, verify runs and their reports, and a work's events with their place in the log.

Auditors and the province read; nobody writes but the audit service, which signs at each phase change and when
the province or an auditor asks.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import Field

from festival.audit.v1 import audit_pb2 as pb
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import anonymous, caller, services
from festival_gateway.models import Body
from festival_gateway.routes.common import errors
from festival_kit.disposition import content_disposition
from festival_kit.errors import not_found

router = APIRouter(tags=["审计 / audit"])
READERS = (scope.PROVINCE_ADMIN, scope.AUDITOR)
_ID = r"^[A-Za-z0-9_.:-]+$"
EventId = Annotated[str, Query(min_length=1, max_length=64, pattern=_ID, description="事件编号 / event id")]
Size = Annotated[int, Query(ge=0, le=2**53, description="树的大小（0 为当前）/ tree size (0: now)")]


class RunRequest(Body):
    kind: Literal["verify", "replay"] = Field("verify", description="verify：检查整条日志；replay：由日志重建各服务的数据并与服务比对 / verify: check the whole log; replay: rebuild every service's read models and compare")


@router.get("/audit/checkpoints", summary="日志检查点（公开）/ Log checkpoints (public)", responses=errors(),
            description="每个阶段变更（报送截止、地区截止、评审结束、公布获奖）及按需签署的检查点：日志前 size 条消息的 "
            "Merkle 根及 Ed25519 签名（C2SP 签名文本）。各地区可保存，日后用 `festival audit verify --checkpoint` 证明"
            "其所见历史未被改写。\n\nThe checkpoints signed at each phase change and on request: the Merkle root of the "
            "log's first `size` messages and its Ed25519 signature (a C2SP signed note). A region keeps them; a later "
            "`festival audit verify --checkpoint` proves the history it saw was not rewritten.")
async def checkpoints(who: Caller = Depends(anonymous), svc: Services = Depends(services)) -> dict:
    return to_json(await svc.audit.ListCheckpoints(pb.ListCheckpointsRequest(), **who.call()))


@router.get("/audit/checkpoints/{checkpoint_id}.txt", summary="下载检查点 / Download a checkpoint",
            response_class=Response, responses={200: {"content": {"text/plain": {}}}, **errors(404)})
async def checkpoint_note(checkpoint_id: Annotated[str, Path(min_length=1, max_length=64, pattern=_ID)],
                          who: Caller = Depends(anonymous), svc: Services = Depends(services)) -> Response:
    found = await svc.audit.ListCheckpoints(pb.ListCheckpointsRequest(), **who.call())
    for c in found.checkpoints:
        if c.id == checkpoint_id:
            name = f"checkpoint-{c.size}-{c.trigger}.txt"
            return Response(c.note, media_type="text/plain; charset=utf-8",
                            headers={"Content-Disposition": content_disposition(name, name)})
    raise not_found("检查点", "Checkpoint")


@router.post("/audit/checkpoints", summary="签署检查点 / Sign a checkpoint now", responses=errors(401, 403),
             description="按审计服务当前读到的日志签署一个检查点。\n\nSign a checkpoint of the log as the audit service has "
             "read it now.")
async def sign(who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.audit.SignCheckpoint(pb.SignCheckpointRequest(), **who.call()))


@router.get("/audit/proofs/inclusion", summary="包含证明 / Inclusion proof", responses=errors(401, 403, 404),
            description="证明一个事件是日志（默认：包含它的最新检查点）中的第 leaf_index 条（RFC 6962 审计路径）。\n\n"
            "Prove an event is leaf `leaf_index` of the log (by default: of the latest checkpoint that includes it), "
            "as an RFC 6962 audit path.")
async def inclusion(event_id: EventId, tree_size: Size = 0, who: Caller = Depends(caller),
                    svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.audit.GetInclusionProof(pb.InclusionRequest(event_id=event_id, tree_size=tree_size),
                                                     **who.call()))


@router.get("/audit/proofs/consistency", summary="一致性证明 / Consistency proof", responses=errors(401, 403),
            description="证明前 from 条消息的日志是前 to 条消息日志的前缀（RFC 6962）。\n\nProve the log of the first "
            "`from` messages is a prefix of the log of the first `to` (RFC 6962).")
async def consistency(first: Annotated[int, Query(alias="from", ge=1, le=2**53)], to: Size = 0,
                      who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.audit.GetConsistencyProof(pb.ConsistencyRequest(from_size=first, to_size=to),
                                                       **who.call()))


@router.post("/audit/runs", summary="开始审计 / Start a verify run", responses=errors(401, 403, 409),
             description="在后台检查整条日志（契约、哈希链、序号、撤回规则、检查点、复算决定）；进度和结果见 "
             "GET /audit/reports。\n\nCheck the whole log in the background (contracts, chains, sequences, withdrawals, "
             "checkpoints, re-derived decisions); progress and outcome at GET /audit/reports.")
async def start_run(body: RunRequest, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.audit.StartRun(pb.StartRunRequest(kind=body.kind), **who.call()))


@router.get("/audit/reports", summary="审计报告 / Audit reports", responses=errors(401, 403),
            description="最近的审计运行（最新在前）：进度、发现的问题、未能复核的决定。\n\nThe latest runs, newest first: "
            "progress, problems found, decisions not re-derived.")
async def reports(who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.audit.ListRuns(pb.ListRunsRequest(), **who.call()))


@router.get("/works/{work_id}/audit", summary="作品的日志记录 / A work's events on the log",
            responses=errors(401, 403),
            description="作品的全部事件：流序号、哈希、前一哈希及包含证明。\n\nEvery event of the work with its stream "
            "sequence, hash, previous hash and inclusion proof.")
async def work_events(work_id: Annotated[str, Path(min_length=1, max_length=64, pattern=_ID)],
                      who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, *READERS)
    return to_json(await svc.audit.GetWorkEvents(pb.WorkRequest(work_id=work_id), **who.call()))
