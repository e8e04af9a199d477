"""The outermost layer of every request: correlation id, body size limit, access log, last-resort 500."""

from __future__ import annotations

import time

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from festival_gateway import errors
from festival_gateway.correlation import HEADER, correlation_id_of

log = structlog.get_logger()
MAX_BODY = 1024 * 1024  # JSON only: film bytes go straight to object storage, never through here


class RequestGuard:
    """Pure ASGI middleware, so the body limit holds whether or not a Content-Length was sent."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cid = correlation_id_of(Headers(scope=scope).get(HEADER))
        scope.setdefault("state", {})["correlation_id"] = cid
        status = {"code": 0}

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                MutableHeaders(scope=message)[HEADER] = cid
            await send(message)

        started = time.perf_counter()
        with structlog.contextvars.bound_contextvars(correlation_id=cid, account_id=None, role=None):
            await self._guarded(scope, receive, send_marked, status)
            log.info("http.request", method=scope["method"], path=scope["path"], status=status["code"],
                     ms=round((time.perf_counter() - started) * 1000, 1))

    async def _guarded(self, scope: Scope, receive: Receive, send: Send, status: dict) -> None:
        try:
            body = await self._read_body(scope, receive)
            if body is None:
                await errors.response(errors.body_too_large(self.max_body))(scope, receive, send)
                return
            await self.app(scope, _replay(body, receive), send)
        except Exception:  # noqa: BLE001 - the last resort: log it, answer JSON, never a traceback
            log.exception("http.unexpected_error", method=scope["method"], path=scope["path"])
            if not status["code"]:
                await errors.response(errors.internal_error())(scope, receive, send)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it is known to exceed the limit."""
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            return None
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
