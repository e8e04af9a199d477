"""FastAPI dependencies: the services, and the caller as their token says (async: no thread hop)."""

from __future__ import annotations

import asyncio

import structlog
from fastapi import Request
from fastapi.security import HTTPBearer

from festival_gateway.clients import Caller, Services
from festival_gateway.errors import service_unavailable
from festival_gateway.sessions import Sessions
from festival_gateway.tokens import Tokens, not_logged_in, token_revoked

READY_WAIT_S = 10.0  # a request to a gateway that has just started waits this long for its sessions to load


async def services(request: Request) -> Services:
    return request.app.state.services


async def tokens(request: Request) -> Tokens:
    return request.app.state.tokens


async def sessions(request: Request) -> Sessions:
    return request.app.state.sessions


async def anonymous(request: Request) -> Caller:
    """A caller who need not sign in (login, sign-up, public catalogue)."""
    return Caller(None, request.state.correlation_id)


class _SignedIn(HTTPBearer):
    """The bearer scheme and the caller it names in one dependency: FastAPI's solving of each level costs every
    request, and the scheme is still documented as the API's security."""

    async def __call__(self, request: Request) -> Caller:  # type: ignore[override]
        """The caller a valid bearer token names; 401 not_logged_in, bad_token, token_expired or token_revoked
        otherwise."""
        credentials = await super().__call__(request)
        if credentials is None:
            raise not_logged_in()
        issuer: Tokens = request.app.state.tokens
        claims = issuer.verify(credentials.credentials)
        shared = request.app.state.sessions
        if not shared.ready.is_set():  # just started: the logged-out tokens and ended sessions are still loading
            if shared.unreachable:  # and JetStream does not answer: no use waiting
                raise service_unavailable()
            try:
                await asyncio.wait_for(shared.ready.wait(), READY_WAIT_S)
            except TimeoutError:
                raise service_unavailable() from None
        if shared.has_ended(claims):
            raise token_revoked()
        structlog.contextvars.bind_contextvars(account_id=claims.account_id, role=claims.role)
        request.state.claims = claims
        return Caller(claims, request.state.correlation_id)


caller = _SignedIn(auto_error=False, scheme_name="HTTPBearer",  # the name the API's documentation has always had
                   description="登录返回的令牌 / the token from POST /auth/login")
