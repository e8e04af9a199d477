"""The region statistics table (统计表): generated from the log, downloaded, filed by the region admin."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from festival.review.v1 import review_pb2
from festival_gateway import scope
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.convert_review import XLSX, TableFiling, caller_scope, table_response
from festival_gateway.deps import caller, services
from festival_gateway.routes.common import PathId, QueryText, errors
from festival_kit.errors import forbidden

router = APIRouter(tags=["统计表 / statistics"])


def check_region(who: Caller, region_id: str) -> None:
    """A region admin reads and files its own region's table only."""
    if who.claims.role == scope.REGION_ADMIN and who.claims.region_id != region_id:
        raise forbidden()


@router.get(
    "/regions/{region_id}/statistics.xlsx", summary="地区统计表 / Region statistics table",
    response_class=Response, responses={200: {"content": {XLSX: {}}, "description": "XLSX"}, **errors(401, 403, 404)},
    description="按日志生成的地区参赛统计表（XLSX）：本地区的地区管理员、省级管理员和审计可下载；"
    "as_filed=true 下载最近一次上报的版本。响应头 X-Table-SHA256 为文件的 SHA-256。\n\n"
    "The region's statistics table generated from the log, for its region admin, the province and auditors; "
    "as_filed=true gives the table as last filed. X-Table-SHA256 is the file's SHA-256.",
)
async def statistics(region_id: PathId, edition: QueryText = "", as_filed: bool = False,
                     who: Caller = Depends(caller), svc: Services = Depends(services)) -> Response:
    scope.require_role(who.claims, scope.REGION_ADMIN, scope.PROVINCE_ADMIN, scope.AUDITOR)
    check_region(who, region_id)
    request = review_pb2.RegionTableRequest(region_id=region_id, edition=edition, as_filed=as_filed,
                                            **caller_scope(who.claims))
    return table_response(await svc.review.GetRegionTable(request, **who.call()), region_id)


@router.post(
    "/regions/{region_id}/statistics/filing", summary="上报统计表 / File the statistics table",
    responses=errors(401, 403, 404, 409),
    description="本地区的地区管理员在上报截止前上报统计表（可再次上报，以最后一次为准）。\n\n"
    "The region admin files the region's table before the region deadline (filing again replaces it).",
)
async def file_statistics(region_id: PathId, body: TableFiling | None = None, who: Caller = Depends(caller),
                          svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.REGION_ADMIN)
    check_region(who, region_id)
    body = body or TableFiling()
    request = review_pb2.FileRegionTableRequest(region_id=region_id, edition=body.edition, sha256=body.sha256,
                                                **caller_scope(who.claims))
    return to_json(await svc.review.FileRegionTable(request, **who.call()))


@router.get(
    "/review/filings", summary="统计表上报情况 / Which regions filed", responses=errors(401, 403, 404),
    description="省级管理员和审计查看各地区统计表的上报情况（时间、上报人、文件 SHA-256）。\n\n"
    "The province and auditors see which regions filed their table, when, by whom, and its SHA-256.",
)
async def filings(edition: QueryText = "", who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    scope.require_role(who.claims, scope.PROVINCE_ADMIN, scope.AUDITOR)
    request = review_pb2.ListRegionFilingsRequest(edition=edition, **caller_scope(who.claims))
    return to_json(await svc.review.ListRegionFilings(request, **who.call()))
