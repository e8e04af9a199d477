"""What a page shows when something is refused: the service's own message, as a page, never JSON or a 500.

Pages use PageRoute: a refusal (FestivalError, a service's refusal over gRPC, invalid input) becomes the
error page with the same code and message_zh / message_en the API would answer; no session means the login
page, and back to the page afterwards.
"""

from __future__ import annotations

from urllib.parse import quote

import grpc
import structlog
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from pydantic import ValidationError

from festival_gateway import errors
from festival_gateway.web import session
from festival_gateway.web.render import page
from festival_kit.errors import FestivalError

log = structlog.get_logger()


def refusal_of(problem: Exception) -> FestivalError | None:
    """The FestivalError a page should show for this exception, or None when it is not a refusal."""
    if isinstance(problem, FestivalError):
        return problem
    if isinstance(problem, grpc.RpcError):
        return errors.of_rpc_error(problem)
    if isinstance(problem, (RequestValidationError, ValidationError)):
        return errors.of_validation(list(problem.errors()))
    return None


def error_page(request: Request, error: FestivalError) -> Response:
    return page(request, "error.html", status=error.status, error=error)


def to_login(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    response = RedirectResponse(f"/web/login?next={quote(target)}", status_code=303)
    session.sign_out(response)
    return response


class PageRoute(APIRoute):
    """An HTML route: refusals render the error page, a missing session redirects to the login page."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except session.LoginNeeded:
                return to_login(request)
            except Exception as problem:  # noqa: BLE001 - a page answers with a page, even for our own faults
                refusal = refusal_of(problem)
                if refusal is None:
                    log.exception("web.unexpected_error", path=request.url.path)
                    refusal = errors.internal_error()
                return error_page(request, refusal)

        return guarded
