"""Audit pages (审计): the auditor's and the province's verify runs with their problems, the log's signed
checkpoints (public: a region keeps them), and a work's events on the log with their inclusion proofs.

The audit service signs, verifies and proves; the pages call the API's own routes and only show the answers.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from festival_gateway import scope
from festival_gateway.routes import audit, works
from festival_gateway.routes.audit import RunRequest
from festival_gateway.routes.common import PathId
from festival_gateway.web import session
from festival_gateway.web.forms import posted
from festival_gateway.web.pages.common import anonymous, inline, page_router, redirect, services
from festival_gateway.web.render import page

router = page_router()


def running(runs: list[dict]) -> bool:
    """Is a run still reading the log (the page keeps refreshing the runs until none is)?"""
    return any(r["status"] == "running" for r in runs)


async def _runs(request: Request) -> list[dict]:
    who = session.page_caller(request)
    scope.require_role(who.claims, *audit.READERS)
    return (await audit.reports(who, services(request)))["runs"]


async def _overview(request: Request, status: int = 200, **extra) -> Response:
    runs = await _runs(request)
    signed = await audit.checkpoints(anonymous(request), services(request))
    return page(request, "audit.html", status=status, runs=runs, running=running(runs), signed=signed, **extra)


@router.get("/audit")
async def overview(request: Request) -> Response:
    return await _overview(request)


@router.get("/audit/runs")
async def runs_fragment(request: Request) -> Response:
    """The runs alone, which the audit page fetches again while a run is reading the log."""
    runs = await _runs(request)
    return page(request, "_audit_runs.html", runs=runs, running=running(runs))


@router.post("/audit/runs")
async def start_run(request: Request) -> Response:
    """Start a verify (or replay) run of the whole log (one at a time: a second is refused while one runs)."""
    who = session.page_caller(request)
    form = await posted(request)
    try:
        kind = "replay" if form.get("kind") == "replay" else "verify"
        await audit.start_run(RunRequest(kind=kind), who, services(request))
    except Exception as problem:  # noqa: BLE001 - shown on the page
        error = inline(problem)
        return await _overview(request, status=error.status, error=error)
    return redirect("/web/audit?started=1")


@router.post("/audit/checkpoints")
async def sign(request: Request) -> Response:
    """Sign a checkpoint of the log as the audit service has read it now."""
    who = session.page_caller(request)
    await posted(request)
    try:
        await audit.sign(who, services(request))
    except Exception as problem:  # noqa: BLE001 - shown on the page
        error = inline(problem)
        return await _overview(request, status=error.status, error=error)
    return redirect("/web/audit?signed=1#checkpoints")


@router.get("/audit/checkpoints")
async def checkpoints(request: Request) -> Response:
    """Public: every signed checkpoint to download, and why a region keeps them."""
    session.optional_caller(request)
    signed = await audit.checkpoints(anonymous(request), services(request))
    return page(request, "audit_checkpoints.html", signed=signed)


@router.get("/audit/checkpoints/{checkpoint_id}.txt")
async def checkpoint_note(request: Request, checkpoint_id: PathId) -> Response:
    """Public: the signed note, as a region saves it."""
    return await audit.checkpoint_note(checkpoint_id, anonymous(request), services(request))


@router.get("/works/{work_id}/audit")
async def work_events(request: Request, work_id: PathId) -> Response:
    """A work's events on the log: stream sequence, time, hash and the length of its inclusion proof."""
    who, svc = session.page_caller(request), services(request)
    scope.require_role(who.claims, *audit.READERS)
    found = await audit.work_events(work_id, who, svc)
    work = await works.read_work(request, who, work_id)
    return page(request, "work_audit.html", found=found, work=work)
