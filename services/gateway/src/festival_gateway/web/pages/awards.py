"""Awards pages: the province computes, checks (fragility), publishes and corrects the lists, honours people and
units, releases the exhibition; region admins download it; students and admins their certificates; anyone
reads the published results and verifies a certificate (the QR code on it opens that page).

Every decision is the awards service's answer to the API's own routes; the pages only show and forward.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from festival_events.contracts.intake import SOURCE_SLOT
from festival_gateway import scope
from festival_gateway.routes import awards, catalogue, files
from festival_gateway.routes.awards import Correction, HonourDecision, Publication, Release, SourceAsk
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.guard import refusal_of
from festival_gateway.web.pages.common import anonymous, edition, inline, page_router, redirect, services
from festival_gateway.web.render import page

router = page_router()


async def _or_none(call):
    """A list not computed yet (or a part that does not exist yet) is None on the page, not an error."""
    try:
        return await call
    except Exception as problem:  # noqa: BLE001 - only a refusal means "not there"
        refusal = refusal_of(problem)
        if refusal is None or refusal.status not in (404, 409):
            raise
        return None


async def _overview(request: Request, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    scope.require_role(who.claims, *awards.READERS)
    shown = await edition(request)
    scopes = [c["code"] for c in shown["rules"]["categories"]] if shown.get("rules") else []
    lists = {s: await _or_none(awards.draft(s, "", who, svc)) for s in scopes}
    lists = {s: a for s, a in lists.items() if a is not None} | {s: None for s in scopes if s not in lists}
    reminders = (await awards.reminders("", who, svc))["reminders"]
    return page(request, "awards.html", status=status, edition=shown, lists=lists, reminders=reminders, **extra)


@router.get("/awards")
async def overview(request: Request) -> Response:
    return await _overview(request)


@router.post("/awards")
async def act(request: Request) -> Response:
    """Compute one list, or publish (one list or all)."""
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        if form.get("action") == "compute":
            await awards.compute(form.get("category"), "", who, svc)
        else:
            await awards.publish(Publication(note=form.get("note"), category=form.get("category")), who, svc)
    except Exception as problem:  # noqa: BLE001 - shown on the page
        error = inline(problem)
        return await _overview(request, status=error.status, error=error)
    return redirect("/web/awards?done=1")


async def _draft_page(request: Request, category: str, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    found = await awards.draft(category, "", who, svc)
    rules = (await edition(request)).get("rules") or {}
    names = {c["code"]: (c["name_zh"], c["name_en"]) for c in rules.get("categories", [])}
    return page(request, "awards_draft.html", status=status, a=found,
                scope_name=names.get(category, ("全部作品", "All works")), **extra)


@router.get("/awards/lists/{category}")
async def draft(request: Request, category: str) -> Response:
    return await _draft_page(request, category)


@router.post("/awards/lists/{category}")
async def correct(request: Request, category: str) -> Response:
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        body = Correction(work_id=form.get("work_id"), tier=form.get("tier"), reason=form.get("reason"))
        await awards.correct(body, who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the list
        error = inline(problem)
        return await _draft_page(request, category, status=error.status, error=error, typed=form)
    return redirect(f"/web/awards/lists/{category}?corrected=1")


async def _honours_page(request: Request, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    honoured = (await awards.honours("", who, svc))["honours"]
    report = await awards.participation("", "", who, svc)
    return page(request, "awards_honours.html", status=status, honours=honoured, report=report, **extra)


@router.get("/awards/honours")
async def honours(request: Request) -> Response:
    return await _honours_page(request)


@router.post("/awards/honours")
async def honour(request: Request) -> Response:
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        body = HonourDecision(kind=form.get("kind"), name=form.get("name"), unit=form.get("unit"),
                              region_id=form.get("region_id"), school_id=form.get("school_id"),
                              reason=form.get("reason"))
        await awards.honour(body, who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return await _honours_page(request, status=error.status, error=error, typed=form)
    return redirect("/web/awards/honours?done=1")


async def _exhibition_page(request: Request, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    if who.claims.role == scope.REGION_ADMIN:
        shown = await _or_none(awards.exhibition("", "", who, svc))
        return page(request, "awards_exhibition.html", status=status, exhibition=shown, regions=None, **extra)
    scope.require_role(who.claims, *awards.READERS)
    listed = (await catalogue.regions(anonymous(request), svc))["regions"]
    regions = [(r["id"], r["name_zh"]) for r in listed]
    return page(request, "awards_exhibition.html", status=status, exhibition=None, regions=regions, **extra)


@router.get("/awards/exhibition")
async def exhibition(request: Request) -> Response:
    return await _exhibition_page(request)


@router.post("/awards/exhibition")
async def release(request: Request) -> Response:
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        await awards.release(Release(region_id=form.get("region_id"), note=form.get("note")), who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return await _exhibition_page(request, status=error.status, error=error)
    return redirect("/web/awards/exhibition?released=1")


@router.get("/awards/exhibition.zip")
async def exhibition_zip(request: Request) -> Response:
    return await awards.exhibition_zip("", "", session.page_caller(request), services(request))


# -- source files of awarded works (附件 四.4) ----------------------------------------------------------------------


async def _sources_page(request: Request, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    scope.require_role(who.claims, *awards.READERS)
    asked = (await awards.source_requests("", who, svc))["requests"]
    shown = await edition(request)
    lists = [await _or_none(awards.draft(c["code"], "", who, svc)) for c in shown["rules"]["categories"]]
    awarded = [w for a in lists if a and a.get("published") for w in a["works"]]
    return page(request, "awards_sources.html", status=status, asked=asked, awarded=awarded, **extra)


@router.get("/awards/sources")
async def sources(request: Request) -> Response:
    return await _sources_page(request)


@router.post("/awards/sources")
async def ask_source(request: Request) -> Response:
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        body = SourceAsk(work_id=form.get("work_id"), deadline=f"{form.get('deadline')}:00+08:00",
                         note=form.get("note"))
        await awards.request_source(body, who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return await _sources_page(request, status=error.status, error=error, typed=form)
    return redirect("/web/awards/sources?asked=1")


@router.get("/works/{work_id}/files/source")
async def source_file(request: Request, work_id: str) -> Response:
    """The uploaded source files, through a fresh presigned link (the page's links would expire)."""
    who, svc = session.page_caller(request), services(request)
    found = await files.file_url(work_id, SOURCE_SLOT, who, svc)
    return RedirectResponse(found["url"], status_code=303)


# -- certificates -------------------------------------------------------------------------------------------------


@router.get("/certificates")
async def certificates(request: Request) -> Response:
    who = session.page_caller(request)
    found = (await awards.certificates("", "", "", "", who, services(request)))["certificates"]
    return page(request, "certificates.html", certificates=found)


@router.get("/certificates.zip")
async def certificates_zip(request: Request) -> Response:
    return await awards.certificates_zip("", "", "", session.page_caller(request), services(request))


@router.get("/certificates/check")
async def check(request: Request, code: str = "") -> Response:
    """The form to type a code in, and what a typed code finds (any text: it is never part of a path)."""
    if code.strip():
        return await verify(request, code.strip())
    return page(request, "certificate_verify.html", c=None, code="", asking=True)


@router.get("/certificates/{code}.pdf")
async def certificate_pdf(request: Request, code: str) -> Response:
    return await awards.certificate_pdf(code, session.page_caller(request), services(request))


@router.get("/certificates/{code}")
async def verify(request: Request, code: str) -> Response:
    """Public: what the certificate states (the QR code on a certificate opens this page)."""
    shown = await _or_none(awards.verify(code, anonymous(request), services(request)))
    return page(request, "certificate_verify.html", status=200 if shown else 404, c=shown, code=code[:40])


@router.get("/results")
async def results(request: Request, category: str = "") -> Response:
    """Public: the published lists, tier by tier."""
    shown = await awards.public("", category[:32], anonymous(request), services(request))
    return page(request, "results.html", results=shown)
