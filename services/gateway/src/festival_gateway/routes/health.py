"""Is the gateway able to serve: the standard gRPC health of every service it calls."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from festival_gateway.clients import SERVICES, Services
from festival_gateway.deps import services

router = APIRouter(tags=["运维 / operations"])


@router.get(
    "/health", summary="健康检查 / Health",
    responses={503: {"description": "有服务不可用 / a service is not serving"}},
    description="各服务的 gRPC 健康状态；全部 SERVING 时 200，否则 503。\n\n"
    "Each service's gRPC health status: 200 when all are SERVING, 503 otherwise.",
)
async def health(svc: Services = Depends(services)) -> JSONResponse:
    statuses = await asyncio.gather(*(svc.health(name) for name in SERVICES))
    report = dict(zip(SERVICES, statuses, strict=True))
    ok = all(s == "SERVING" for s in statuses)
    return JSONResponse({"status": "ok" if ok else "degraded", "services": report}, status_code=200 if ok else 503)
