"""A judge's pages: their own assignments only, blind; the film beside the rubric; save, submit, amend, or
withdraw from a work with a conflict of interest.

The scoring service checks the sheet's owner, the round's state, the window and the rubric's maxima; the
page shows each criterion's maximum so the judge sees the limit before the service has to refuse.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from festival_gateway.routes import judging
from festival_gateway.routes.judging import Conflict, SheetPoints
from festival_gateway.web import session
from festival_gateway.web.forms import Form, posted
from festival_gateway.web.pages.common import inline, page_router, redirect, services
from festival_gateway.web.render import page
from festival_kit.errors import FestivalError

router = page_router()


def not_a_number(code: str) -> FestivalError:
    return FestivalError("points_not_a_number", f"评分项 {code} 须填写整数。",
                         f"The points of {code} must be a whole number.", 422)


def points_of(form: Form, rubric: list[dict]) -> dict[str, int]:
    """The points typed per criterion; blank ones are left out (a draft may be partial)."""
    points = {}
    for criterion in rubric:
        typed = form.get(f"points_{criterion['code']}")
        if typed:
            if not typed.isdigit():
                raise not_a_number(criterion["code"])
            points[criterion["code"]] = int(typed)
    return points


@router.get("/judging")
async def assignments(request: Request) -> Response:
    who = session.page_caller(request)
    listed = await judging.my_assignments("", who, services(request))
    return page(request, "assignments.html", assignments=listed["assignments"],
                withdrawn=request.query_params.get("withdrawn", ""))


async def _sheet_page(request: Request, assignment_id: str, status: int = 200, **extra) -> Response:
    who = session.page_caller(request)
    found = await judging.assignment(assignment_id, who, services(request))
    typed = {c["code"]: "" for c in found["rubric"]} | {p["code"]: p["points"] for p in found["sheet"]["points"]}
    return page(request, "assignment.html", status=status, a=found, typed=extra.pop("typed", typed), **extra)


@router.get("/judging/{assignment_id}")
async def assignment(request: Request, assignment_id: str) -> Response:
    return await _sheet_page(request, assignment_id)


@router.post("/judging/{assignment_id}")
async def save(request: Request, assignment_id: str) -> Response:
    """Save the draft, or save and submit; amending a submitted sheet needs a reason."""
    who = session.page_caller(request)
    form = await posted(request)
    svc = services(request)
    try:
        found = await judging.assignment(assignment_id, who, svc)
        body = SheetPoints(points=points_of(form, found["rubric"]), comment=form.get("comment"),
                           reason=form.get("reason"))
        await judging.save_sheet(assignment_id, body, who, svc)
        if form.get("action") == "submit":
            await judging.submit_sheet(assignment_id, who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the sheet
        error = inline(problem)
        typed = {k[len("points_"):]: v for k, v in form.pairs if k.startswith("points_")}
        return await _sheet_page(request, assignment_id, status=error.status, error=error, typed=typed,
                                 comment=form.get("comment"))
    return redirect(f"/web/judging/{assignment_id}?saved=1")


@router.post("/judging/{assignment_id}/conflict")
async def conflict(request: Request, assignment_id: str) -> Response:
    """Withdraw from the work with a reason; scoring puts another eligible judge on it where one is left."""
    who = session.page_caller(request)
    form = await posted(request)
    try:
        answer = await judging.declare_conflict(assignment_id, Conflict(reason=form.get("conflict_reason")), who,
                                                services(request))
    except Exception as problem:  # noqa: BLE001 - shown on the sheet
        error = inline(problem)
        return await _sheet_page(request, assignment_id, status=error.status, error=error,
                                 conflict_reason=form.get("conflict_reason"))
    return redirect(f"/web/judging?withdrawn={'replaced' if answer.get('reassigned') else 'alone'}")
