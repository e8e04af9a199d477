"""The province's judging pages: a round per category, its judges, the assignment, progress and results; judge
accounts issued with their conflict profile. Auditors read the same pages without any form. Every action is
the API's own route; scoring and registry decide what is allowed."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from festival_gateway import scope
from festival_gateway.models import JudgeIssue
from festival_gateway.routes import accounts, catalogue, judging
from festival_gateway.routes.judging import RoundClosing, RoundJudges, RoundOpening
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.pages.common import edition, inline, page_router, redirect, services
from festival_gateway.web.render import page

router = page_router()


async def _rounds_page(request: Request, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    scope.require_role(who.claims, *judging.READERS)
    listed = (await judging.rounds("", who, svc))["rounds"]
    judges = (await accounts.list_accounts("judge", "", "", who, svc))["accounts"]
    regions = (await catalogue.regions(who, svc))["regions"]
    names = {r["id"]: (r["name_zh"], r["name_en"]) for r in regions}
    return page(request, "rounds.html", status=status, rounds={r["category"]: r for r in listed}, judges=judges,
                regions=regions, region_names=names, edition=await edition(request), **extra)


@router.get("/rounds")
async def rounds(request: Request) -> Response:
    return await _rounds_page(request)


@router.post("/rounds")
async def open_round(request: Request) -> Response:
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        opened = await judging.open_round(RoundOpening(category=form.get("category")), who, svc)
    except Exception as problem:  # noqa: BLE001 - shown on the page
        return await _rounds_page(request, status=(error := inline(problem)).status, error=error)
    return redirect(f"/web/rounds/{opened['id']}?opened=1")


@router.post("/rounds/judges")
async def issue_judge(request: Request) -> Response:
    """A judge account with what the conflict rules read: region, expertise, people they know."""
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    try:
        people = [name.strip() for name in form.get("declared_persons").replace("，", ",").split(",") if name.strip()]
        body = JudgeIssue(username=form.get("username"), password=form.get("password"),
                          display_name=form.get("display_name"), region_id=form.get("region_id"),
                          expertise=form.all("expertise"), declared_persons=people)
        await accounts.issue_judge(body, who, svc)
    except Exception as problem:  # noqa: BLE001 - shown beside the form
        error = inline(problem)
        return await _rounds_page(request, status=error.status, error=error, typed=form)
    return redirect("/web/rounds?issued=1")


async def _round_page(request: Request, round_id: str, status: int = 200, **extra) -> Response:
    who, svc = session.page_caller(request), services(request)
    scope.require_role(who.claims, *judging.READERS)
    found = await judging.get_round(round_id, who, svc)
    judges = (await accounts.list_accounts("judge", "active", "", who, svc))["accounts"]
    fit = [j for j in judges if not j["judge"]["expertise"] or found["category"] in j["judge"]["expertise"]]
    progress = await judging.progress(round_id, who, svc) if found["status"] != "open" else None
    results = await judging.results(round_id, who, svc) if found["has_results"] else None
    return page(request, "round.html", status=status, r=found, judges=fit, progress=progress, results=results,
                chosen={j["account_id"] for j in found["judges"]}, **extra)


@router.get("/rounds/{round_id}")
async def round_page(request: Request, round_id: str) -> Response:
    return await _round_page(request, round_id)


@router.post("/rounds/{round_id}")
async def act(request: Request, round_id: str) -> Response:
    """One of the round's actions, named by the button: set the judges, assign, close."""
    who, svc = session.page_caller(request), services(request)
    form = await posted(request)
    action = form.get("action")
    try:
        if action == "judges":
            await judging.set_judges(round_id, RoundJudges(judge_ids=form.all("judge_ids")), who, svc)
        elif action == "assign":
            await judging.assign(round_id, who, svc)
        else:
            await judging.close_round(round_id, RoundClosing(reason=form.get("reason")), who, svc)
    except Exception as problem:  # noqa: BLE001 - shown on the round's page
        error = inline(problem)
        return await _round_page(request, round_id, status=error.status, error=error, typed=form)
    return redirect(f"/web/rounds/{round_id}?done={action if action in ('judges', 'assign') else 'close'}")
