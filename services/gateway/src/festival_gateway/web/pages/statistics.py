"""The region statistics table (统计表) in the browser: a region admin checks and files it, the province and
auditors see which regions filed. The page calls the API's own routes; review decides who may do what."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from festival.review.v1 import review_pb2
from festival_gateway import scope
from festival_gateway.convert import to_json
from festival_gateway.convert_review import TableFiling, caller_scope
from festival_gateway.routes import statistics
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.pages.common import inline, page_router, redirect, services
from festival_gateway.web.render import page

router = page_router()
READERS = (scope.REGION_ADMIN, scope.PROVINCE_ADMIN, scope.AUDITOR)


async def _page(request: Request, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    scope.require_role(who.claims, *READERS)
    # review narrows the list to the caller's own region for a region admin (the API's route is the province's)
    listed = to_json(await svc.review.ListRegionFilings(
        review_pb2.ListRegionFilingsRequest(**caller_scope(who.claims)), **who.call()))
    current = None
    if who.claims.role == scope.REGION_ADMIN:
        table = await statistics.statistics(who.claims.region_id, "", False, who, svc)
        current = {"sha256": table.headers["X-Table-SHA256"], "works": int(table.headers["X-Table-Works"])}
    return page(request, "statistics.html", status=status, filings=listed, current=current, **extra)


@router.get("/statistics")
async def statistics_page(request: Request) -> Response:
    return await _page(request)


@router.get("/regions/{region_id}/statistics.xlsx")
async def download(request: Request, region_id: str, as_filed: bool = False) -> Response:
    """The table as generated now, or as last filed: the API's download, authorised by the session."""
    who = session.page_caller(request)
    return await statistics.statistics(region_id, "", as_filed, who, services(request))


@router.post("/statistics/filing")
async def file_table(request: Request) -> Response:
    """File exactly the table the admin saw (its SHA-256 is in the form: a table changed since is refused)."""
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        await statistics.file_statistics(who.claims.region_id, TableFiling(sha256=form.get("sha256")), who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return await _page(request, status=error.status, error=error)
    return redirect("/web/statistics?filed=1")
