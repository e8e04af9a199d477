"""The outermost layer of every request: correlation id, security headers, body size limit, access log,
last-resort 500."""

from __future__ import annotations

import time

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from festival_gateway import errors
from festival_gateway.correlation import HEADER, correlation_id_of
from festival_gateway.web.guard import error_page

log = structlog.get_logger()
# JSON and the pages' forms only: films, pictures and signed forms go straight to object storage through
# presigned URLs, never through here. The longest body the API takes (a work's draft) is a few KiB.
MAX_BODY = 1024 * 1024


# The API's own documentation pages load Swagger UI / ReDoc from their CDN with inline scripts.
DOC_PATHS = ("/docs", "/redoc")


def security_headers(storage_origin: str) -> dict[str, str]:
    """Headers of every answer. The pages' scripts and styles are the gateway's own files; films, pictures and
    uploads go to and come from the object store's origin, nowhere else; nothing may frame a page."""
    storage = f" {storage_origin}" if storage_origin else ""
    policy = (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{storage}; "
              f"media-src 'self'{storage}; connect-src 'self'{storage}; object-src 'none'; base-uri 'self'; "
              "form-action 'self'; frame-ancestors 'none'")
    return {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY"}


class RequestGuard:
    """Pure ASGI middleware, so the body limit holds whether or not a Content-Length was sent."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, storage_origin: str = ""):
        self.app, self.max_body = app, max_body
        self.headers = security_headers(storage_origin)
        self.doc_headers = {**self.headers, "Content-Security-Policy": "frame-ancestors 'none'"}

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
                headers = MutableHeaders(scope=message)
                headers[HEADER] = cid
                extra = self.doc_headers if scope["path"].startswith(DOC_PATHS) else self.headers
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        started = time.perf_counter()
        with structlog.contextvars.bound_contextvars(correlation_id=cid, account_id=None, role=None):
            await self._guarded(scope, receive, send_marked, status)
            log.info("http.request", method=scope["method"], path=scope["path"], status=status["code"],
                     ms=round((time.perf_counter() - started) * 1000, 1))

    async def _guarded(self, scope: Scope, receive: Receive, send: Send, status: dict) -> None:
        try:
            if _bodiless(scope):  # nothing to limit or read ahead: most requests, every read
                await self.app(scope, receive, send)
                return
            body = await self._read_body(scope, receive)
            if body is None:
                await self._too_large(scope)(scope, receive, send)
                return
            await self.app(scope, _replay(body, receive), send)
        except Exception:  # noqa: BLE001 - the last resort: log it, answer JSON, never a traceback
            log.exception("http.unexpected_error", method=scope["method"], path=scope["path"])
            if not status["code"]:
                await errors.response(errors.internal_error())(scope, receive, send)

    def _too_large(self, scope: Scope) -> ASGIApp:
        """413 body_too_large: JSON for the API and the upload script, the error page for a page's form."""
        error, path = errors.body_too_large(self.max_body), scope["path"]
        if path.startswith("/web/") and not path.startswith("/web/api/"):
            return error_page(Request(scope), error)
        return errors.response(error)

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


def _bodiless(scope: Scope) -> bool:
    """A GET or HEAD with neither Content-Length nor Transfer-Encoding: no body follows (RFC 9112 6.3)."""
    if scope["method"] not in ("GET", "HEAD"):
        return False
    return not any(name in (b"content-length", b"transfer-encoding") for name, _ in scope["headers"])


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
