"""The browser's session: the API's own token in an HttpOnly cookie, a CSRF token, the chosen language.

The cookie holds exactly what POST /auth/login returns, so a page is authorised by the same token
verification and scope checks as the API. SameSite=Lax keeps the cookie off cross-site posts; the CSRF
token (double submit: a random cookie that every form and script must echo) refuses the rest.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from fastapi import Request
from fastapi.responses import Response

from festival_gateway.clients import Caller
from festival_gateway.errors import service_unavailable
from festival_kit.errors import FestivalError

SESSION, CSRF, LANG = "festival_session", "festival_csrf", "festival_lang"
CSRF_FIELD, CSRF_HEADER = "csrf", "x-csrf-token"
LANGS = ("zh", "en")


class LoginNeeded(Exception):
    """No valid session: the page sends the browser to the login page and back."""


def csrf_failed() -> FestivalError:
    return FestivalError("csrf_failed", "页面已过期或来源不明，请刷新页面后重试。",
                         "This form has expired or did not come from this site: reload the page and try again.", 403)


def passwords_differ() -> FestivalError:
    return FestivalError("passwords_differ", "两次输入的密码不一致。", "The two passwords differ.", 422)


def lang_of(request: Request) -> str:
    chosen = request.cookies.get(LANG, "")
    return chosen if chosen in LANGS else "zh"


def csrf_token(request: Request) -> str:
    """The browser's CSRF token, made on its first page (kept on request.state until the cookie is set)."""
    token = request.cookies.get(CSRF) or getattr(request.state, "new_csrf", "")
    if not token:
        token = request.state.new_csrf = secrets.token_urlsafe(24)
    return token


def check_csrf(request: Request, submitted: str) -> None:
    """403 unless the form or header echoes the browser's CSRF cookie."""
    expected = request.cookies.get(CSRF, "")
    if not (expected and submitted and hmac.compare_digest(expected, submitted)):
        raise csrf_failed()


def page_caller(request: Request) -> Caller:
    """The signed-in caller of a page, by the session cookie verified exactly as a bearer token is."""
    token = request.cookies.get(SESSION, "")
    if not token:
        raise LoginNeeded()
    try:
        claims = request.app.state.tokens.verify(token)
    except FestivalError:
        raise LoginNeeded() from None
    if not request.app.state.sessions.ready.is_set():  # just started (the API waits a moment; a page says so)
        raise service_unavailable()
    if request.app.state.sessions.has_ended(claims):  # logged out (anywhere), suspended or a new password
        raise LoginNeeded()
    request.state.claims = claims
    return Caller(claims, request.state.correlation_id)


def optional_caller(request: Request) -> Caller | None:
    """The caller when signed in, else None (for pages anyone may read)."""
    try:
        return page_caller(request)
    except LoginNeeded:
        return None


def _secure(request: Request) -> bool:
    """Secure when the browser is on HTTPS: the request says so, or the public address does (TLS ends at a
    proxy in front of the gateway, which then sees plain HTTP)."""
    return request.url.scheme == "https" or getattr(request.app.state, "public_https", False)


def finish(request: Request, response: Response) -> Response:
    """Set the CSRF cookie a page has just made for this browser."""
    made = getattr(request.state, "new_csrf", "")
    if made and not request.cookies.get(CSRF):
        response.set_cookie(CSRF, made, httponly=True, samesite="lax", secure=_secure(request), path="/")
    return response


def sign_in(request: Request, response: Response, token: str, expires: datetime) -> None:
    response.set_cookie(SESSION, token, httponly=True, samesite="lax", secure=_secure(request), path="/",
                        max_age=max(0, int((expires - request.app.state.tokens.now()).total_seconds())))


def sign_out(response: Response) -> None:
    response.delete_cookie(SESSION, path="/")


def set_lang(request: Request, response: Response, lang: str) -> None:
    response.set_cookie(LANG, lang if lang in LANGS else "zh", samesite="lax", secure=_secure(request),
                        path="/", max_age=365 * 24 * 3600)
