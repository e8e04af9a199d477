"""School, region and province admins' pages: queues with filters, a work with its film, the decision form.

Auditors read the same queue and work pages without any form. What a reviewer may see and decide is the
review service's answer to the API's own routes; the page never decides it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from festival_gateway import scope
from festival_gateway.clients import Caller
from festival_gateway.convert_review import LevelDecision, ProvinceDecision
from festival_gateway.routes import catalogue, files, review, works
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.guard import refusal_of
from festival_gateway.web.pages.common import edition, inline, page_router, redirect, services
from festival_gateway.web.render import page

router = page_router()
# Which case status waits for which role's decision (the service checks it again).
DECIDES = {scope.SCHOOL_ADMIN: "awaiting_school", scope.REGION_ADMIN: "awaiting_region",
           scope.PROVINCE_ADMIN: "awaiting_province"}
LEVEL_CALLS = {scope.SCHOOL_ADMIN: review.school, scope.REGION_ADMIN: review.region}
VIEWS = ("waiting", "decided", "all")
QUEUE_PAGE = 50  # works a queue page shows: a province's queue holds thousands, a school laptop is slow


@router.get("/queue")
async def queue(request: Request, view: str = "", category: str = "", status: str = "",
                school_id: str = "", after: str = "") -> Response:
    who = session.page_caller(request)
    auditor = who.claims.role == scope.AUDITOR
    view = "all" if auditor else (view if view in VIEWS else "waiting")
    answer = await review.queue(view, category, status, school_id, "", "", QUEUE_PAGE, after[:64], who,
                                services(request))
    region = who.claims.region_id if who.claims.role == scope.REGION_ADMIN else ""  # a school admin has one school
    schools = (await catalogue.schools(region, who, services(request)))["schools"] if region else []
    filters = {"view": view, "category": category, "status": status, "school_id": school_id}
    kept = {k: v for k, v in filters.items() if v}
    pages = {"next": f"?{urlencode({**kept, 'after': answer['next_after']})}" if answer["next_after"] else "",
             "first": f"?{urlencode(kept)}" if after else ""}
    return page(request, "queue.html", cases=answer["cases"], filters=filters, edition=await edition(request),
                schools=schools, auditor=auditor, pages=pages)


async def _optional(call) -> dict | None:
    """A part of the page that may not exist yet (no case before submitting, no poster): None, not an error."""
    try:
        return await call
    except Exception as problem:  # noqa: BLE001 - only a refusal means "not there"
        refusal = refusal_of(problem)
        if refusal is None or refusal.status not in (404, 409):
            raise
        return None


async def review_page(request: Request, who: Caller, work: dict, status: int = 200, **extra) -> Response:
    """A work as its reviewers see it: the film playing, images, forms, inspection, timeline, decision form."""
    svc, work_id = services(request), work["id"]
    history = await _optional(review.timeline(work_id, who, svc))
    links = {f["slot"]: await _optional(files.file_url(work_id, f["slot"], who, svc)) for f in work["files"]}
    case = history["case"] if history else None
    decides = bool(case) and DECIDES.get(who.claims.role) == case["status"]
    kind = "disqualify" if who.claims.role == scope.PROVINCE_ADMIN else "return"
    codes = (await review.reason_codes(kind, who, svc))["codes"] if decides else []
    return page(request, "review_work.html", status=status, work=work, case=case, history=history, links=links,
                decides=decides, codes=codes, edition=await edition(request), **extra)


def _decision(role: str, form) -> LevelDecision | ProvinceDecision:
    version = int(form.get("submission_version") or 0)
    if role == scope.PROVINCE_ADMIN:
        return ProvinceDecision(action=form.get("action"), reason_codes=form.all("reason_codes"),
                                evidence=form.get("evidence"), submission_version=version)
    return LevelDecision(action=form.get("action"), reason_code=form.get("reason_code"),
                         reason=form.get("reason"), submission_version=version)


@router.post("/works/{work_id}/decision")
async def decide(request: Request, work_id: str) -> Response:
    """Forward or return (school, region), qualify or disqualify (province), through the API's routes."""
    who = session.page_caller(request)
    form = await posted(request)
    role, svc = who.claims.role, services(request)
    try:
        body = _decision(role, form)
        call = review.province if role == scope.PROVINCE_ADMIN else LEVEL_CALLS.get(role)
        if call is None:
            scope.require_role(who.claims, *DECIDES)
        await call(work_id, body, who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        work = await works.read_work(request, who, work_id)
        return await review_page(request, who, work, status=error.status, error=error, values=form.pairs)
    return redirect("/web/queue?decided=1")
