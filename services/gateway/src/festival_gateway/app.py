"""The gateway's FastAPI application: authentication, authorisation and HTTP over the services' gRPC."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from festival_gateway import errors, web
from festival_gateway.clients import Services
from festival_gateway.middleware import RequestGuard
from festival_gateway.routes import (
    accounts, audit, auth, awards, catalogue, files, health, judging, notifications, review, statistics, works,
)
from festival_gateway.routes.common import with_body_limit
from festival_gateway.sessions import Sessions
from festival_gateway.tokens import LIFETIME, Tokens
from festival_gateway.works_cache import EvictOnWrite, WorksCache
from festival_kit.settings import Settings

DESCRIPTION = """青少年科学影像节平台的 HTTP 接口。除登录、注册、赛事信息和健康检查外，均须携带
`Authorization: Bearer <令牌>`。错误一律返回 JSON `{code, message_zh, message_en}`。

The festival platform's HTTP API. Everything but login, sign-up, the catalogue and health needs
`Authorization: Bearer <token>`. Every error is JSON `{code, message_zh, message_en}`; a work or account
outside your scope answers 403, one that does not exist 404. Send `X-Correlation-Id` (at most 64 of
`A-Za-z0-9-`) to follow a request through the services' logs; it is returned on every answer."""


# The API documentation's order of sections. Requests are matched against the routers in turn, so the one
# read most (a work: students, admins and every page that shows one) is tried first.
DOCUMENTED = (auth, accounts, catalogue, works, files, review, statistics, notifications, judging, awards, audit,
              health)
MATCHED = (works, *(module for module in DOCUMENTED if module is not works))


def create_app(settings: Settings, token_secret: str) -> FastAPI:
    """The gateway app; gRPC channels open on first use and close when the app shuts down."""
    svc = Services(settings)
    shared = Sessions(settings.nats(), int(LIFETIME.total_seconds()))
    works_read = WorksCache(settings.nats())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await shared.start()
        await works_read.start()
        yield
        await works_read.stop()
        await shared.stop()
        await svc.close()

    app = FastAPI(title="科学影像节平台 / Science Film Festival API", description=DESCRIPTION,
                  version="1", lifespan=lifespan,
                  openapi_tags=[{"name": module.router.tags[0]} for module in DOCUMENTED])
    app.state.services, app.state.tokens, app.state.sessions = svc, Tokens(token_secret), shared
    app.state.works = works_read
    app.state.public_https = settings.public_base().startswith("https://")
    errors.install(app)
    for module in MATCHED:
        app.include_router(module.router)
    web.mount(app)
    build_openapi = app.openapi  # FastAPI's, cached after the first call
    app.openapi = lambda: with_body_limit(build_openapi())
    app.add_middleware(EvictOnWrite, works=works_read)
    app.add_middleware(RequestGuard, storage_origin=settings.s3_public_origin())
    return app
