"""What every page module shares: the routers, the services, the caller, redirects, inline refusals."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from festival_gateway.clients import Caller, Services
from festival_gateway.routes import catalogue
from festival_gateway.web.guard import PageRoute, refusal_of
from festival_kit.errors import FestivalError


def page_router() -> APIRouter:
    """A router of HTML pages under /web, kept out of the API documentation."""
    return APIRouter(prefix="/web", route_class=PageRoute, include_in_schema=False)


def services(request: Request) -> Services:
    return request.app.state.services


def anonymous(request: Request) -> Caller:
    return Caller(None, request.state.correlation_id)


def redirect(url: str) -> RedirectResponse:
    """After a successful post: see the result with a GET (reloading never posts twice)."""
    return RedirectResponse(url, status_code=303)


def safe_next(target: str, default: str = "/web/") -> str:
    """Only a path on this site: never an open redirect to somewhere else."""
    ok = target.startswith("/") and not target.startswith("//") and "\\" not in target
    return target if ok else default


def inline(problem: Exception) -> FestivalError:
    """A refusal to show beside the form that caused it; anything else is not ours to catch."""
    refusal = refusal_of(problem)
    if refusal is None:
        raise problem
    return refusal


async def edition(request: Request) -> dict:
    """The current edition as GET /edition answers it: rules, phase, local deadlines."""
    return await catalogue.edition("", anonymous(request), services(request))
