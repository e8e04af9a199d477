"""What anyone may read before signing in: the edition's rules and phase, regions, schools."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from festival.registry.v1 import registry_pb2
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import edition_json, to_json
from festival_gateway.deps import anonymous, services
from festival_gateway.routes.common import QueryText, errors

router = APIRouter(tags=["赛事信息 / catalogue"])


@router.get(
    "/edition", summary="本届规则 / The edition", responses=errors(404),
    description="本届的规则、当前阶段，以及按本届时区（北京时间）显示的截止时间。\n\n"
    "The current edition's rules and phase, with its deadlines also in the edition's time zone for display.",
)
async def edition(code: QueryText = "", who: Caller = Depends(anonymous), svc: Services = Depends(services)) -> dict:
    return edition_json(await svc.registry.GetEdition(registry_pb2.GetEditionRequest(code=code), **who.call()))


@router.get(
    "/regions", summary="地区 / Regions", responses=errors(),
    description="参赛地区（市州）。\n\nThe regions taking part.",
)
async def regions(who: Caller = Depends(anonymous), svc: Services = Depends(services)) -> dict:
    reply = await svc.registry.ListRegions(registry_pb2.ListRegionsRequest(), **who.call())
    return {"regions": [to_json(r) for r in reply.regions]}


@router.get(
    "/schools", summary="学校 / Schools", responses=errors(),
    description="某地区（可选）的学校。\n\nThe schools, of one region when region_id is given.",
)
async def schools(region_id: QueryText = "", who: Caller = Depends(anonymous),
                  svc: Services = Depends(services)) -> dict:
    reply = await svc.registry.ListSchools(registry_pb2.ListSchoolsRequest(region_id=region_id), **who.call())
    return {"schools": [to_json(s) for s in reply.schools]}
