"""A student's pages: their works, the draft form with its team editor, files, inspection, submitting.

Every page calls the API's own route functions with the session's caller, so the same scope checks run
(another student's work is a 403 page) and the services decide; the page only shows.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from festival_gateway import scope
from festival_events.contracts.intake import SOURCE_SLOT as SOURCE
from festival_gateway.convert import to_json
from festival_gateway.models import SubmitRequest
from festival_gateway.routes import files, review, works
from festival_gateway.routes.common import PAGE_MAX
from festival_gateway.web import session
from festival_gateway.web.forms import draft_of, draft_values, posted
from festival_gateway.web.pages.common import edition, inline, page_router, redirect, services
from festival_gateway.web.pages.reviewing import review_page
from festival_gateway.web.render import page
from festival_kit.errors import not_found

router = page_router()
EDITABLE = ("draft", "returned")
FORMS = ("application_form", "copyright_declaration")


def slots(rules: dict, work: dict) -> list[dict]:
    """Each file slot of the edition with its limits and what the work holds in it."""
    held = {f["slot"]: f for f in work.get("files", [])}
    shown = [{"slot": slot, "limit": limit, "file": held.get(slot), "missing": slot in work.get("missing_slots", [])}
             for slot, limit in rules["files"].items()]
    # 附件 四.4: once the province asked (the request's deadline is "" until then), any kind of file
    if work["source_request"]["deadline"] and rules.get("awards"):
        limit = {"required": False, "max_bytes": rules["awards"]["source_max_bytes"], "kinds": ["*"]}
        shown.append({"slot": SOURCE, "limit": limit, "file": held.get(SOURCE), "missing": False})
    return shown


def running(work: dict) -> bool:
    """Is any inspection still to finish (the page keeps refreshing the checklist until none is)?"""
    return any(f["inspection"]["status"] != "completed" for f in work.get("files", []) if f["slot"] != SOURCE)


@router.get("/works")
async def my_works(request: Request) -> Response:
    who = session.page_caller(request)
    scope.require_role(who.claims, scope.STUDENT)
    # A student's own works: a handful, one page.
    listed = await works.list_works("", "", "", "", "", limit=PAGE_MAX, after="", who=who, svc=services(request))
    return page(request, "works.html", works=listed["works"], edition=await edition(request))


@router.get("/works/new")
async def new_work(request: Request) -> Response:
    who = session.page_caller(request)
    scope.require_role(who.claims, scope.STUDENT)
    return page(request, "draft.html", edition=await edition(request), work=None, values={})


@router.post("/works/new")
async def create_work(request: Request) -> Response:
    who = session.page_caller(request)
    form = await posted(request)
    try:
        created = await works.create(draft_of(form), who, services(request))
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return page(request, "draft.html", status=error.status, error=error, edition=await edition(request),
                    work=None, values=draft_values(form))
    return redirect(f"/web/works/{created['id']}")


async def _student_page(request: Request, work: dict, **extra) -> Response:
    current = await edition(request)
    editable = work["status"] in EDITABLE and current["phase"] == "window_open"
    return page(request, "work.html", status=extra.pop("status", 200), work=work, edition=current,
                editable=editable, slots=slots(current["rules"], work), running=running(work),
                values=extra.pop("values", work["draft"]), **extra)


@router.get("/works/{work_id}")
async def work_page(request: Request, work_id: str) -> Response:
    """The student's own work (403 page for anyone else's); reviewers get the review page."""
    who = session.page_caller(request)
    work = await works.read_work(request, who, work_id)
    if who.claims.role != scope.STUDENT:
        return await review_page(request, who, work)
    return await _student_page(request, work)


@router.post("/works/{work_id}")
async def save_work(request: Request, work_id: str) -> Response:
    who = session.page_caller(request)
    form = await posted(request)
    try:
        await works.edit(work_id, draft_of(form), who, services(request))
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        work = await works.read_work(request, who, work_id)
        return await _student_page(request, work, status=error.status, error=error, values=draft_values(form))
    return redirect(f"/web/works/{work_id}?saved=1")


@router.get("/works/{work_id}/inspection")
async def inspection(request: Request, work_id: str) -> Response:
    """The checklists alone, which the work page fetches again while an inspection runs."""
    who = session.page_caller(request)
    work = await works.read_work(request, who, work_id)
    current = await edition(request)
    return page(request, "_inspection.html", work=work, slots=slots(current["rules"], work), running=running(work))


@router.get("/works/{work_id}/forms/{form}")
async def form_pdf(request: Request, work_id: str, form: str) -> Response:
    who = session.page_caller(request)
    if form not in FORMS:
        raise not_found("表格", "Form")
    return await files.form(work_id, form, who, services(request))


@router.get("/works/{work_id}/submit")
async def confirm_submit(request: Request, work_id: str) -> Response:
    """What cannot change after submitting, said before the student commits to it."""
    who = session.page_caller(request)
    work = to_json(await works.fetch_own(services(request), who, work_id))
    return page(request, "submit.html", work=work, edition=await edition(request))


@router.post("/works/{work_id}/submit")
async def submit(request: Request, work_id: str) -> Response:
    who = session.page_caller(request)
    form = await posted(request)
    try:
        statements = SubmitRequest(consent_version=form.get("consent_version"), copyright=form.get("copyright") == "1",
                                   originality=form.get("originality") == "1")
        await works.submit(work_id, statements, who, services(request))
    except Exception as problem:  # noqa: BLE001 - shown on the work's page
        error = inline(problem)
        work = await works.read_work(request, who, work_id)
        return page(request, "submit.html", status=error.status, error=error, work=work,
                    edition=await edition(request))
    return redirect(f"/web/works/{work_id}?submitted=1")


@router.get("/works/{work_id}/timeline")
async def timeline(request: Request, work_id: str) -> Response:
    """Every version's review history: the student's own work, or any work in a reviewer's scope."""
    who = session.page_caller(request)
    history = await review.timeline(work_id, who, services(request))
    return page(request, "timeline.html", history=history, work_id=work_id)
