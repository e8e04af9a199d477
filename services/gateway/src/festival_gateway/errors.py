"""Every answer that is not a success: JSON {code, message_zh, message_en} with its HTTP status."""

from __future__ import annotations

from typing import Any

import grpc
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import Match

from festival_kit.errors import FestivalError

log = structlog.get_logger()
_UNREACHABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}
# Pydantic error types, said in Chinese; anything else is just "invalid".
_ZH = {"missing": "缺失", "string_too_long": "过长", "string_too_short": "过短", "too_long": "条目过多",
       "too_short": "条目过少", "string_pattern_mismatch": "格式不正确", "literal_error": "取值无效",
       "extra_forbidden": "不允许出现", "greater_than_equal": "过小", "less_than_equal": "过大"}  # fmt: skip


def response(error: FestivalError) -> JSONResponse:
    """The error as JSON; a limit that says how long to wait says it in Retry-After too."""
    retry_after = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return JSONResponse(error.as_dict(), status_code=error.status, headers=headers)


def service_unavailable() -> FestivalError:
    return FestivalError("service_unavailable", "服务暂时不可用，请稍后再试。",
                         "A service is unavailable right now: try again later.", 503)


def internal_error() -> FestivalError:
    return FestivalError("internal_error", "服务器内部错误，请稍后再试。",
                         "Something went wrong on our side: try again later.", 500)


def body_too_large(limit: int) -> FestivalError:
    return FestivalError("body_too_large", f"请求内容过大（上限 {limit} 字节）。",
                         f"The request body is larger than {limit} bytes.", 413)


def of_rpc_error(error: grpc.RpcError) -> FestivalError:
    """The refusal a service sent; an unreachable service is 503; anything else is unexpected (500)."""
    refusal = FestivalError.from_rpc_error(error)
    if refusal is not None:
        return refusal
    code = error.code() if hasattr(error, "code") else None
    return service_unavailable() if code in _UNREACHABLE else internal_error()


def malformed_json() -> FestivalError:
    return FestivalError("malformed_json", "请求内容不是有效的 JSON。", "The request body is not valid JSON.", 400)


def of_validation(errors: list[dict[str, Any]]) -> FestivalError:
    """Malformed JSON is 400; any other invalid input is 422 naming the fields at fault."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return malformed_json()
    shown = errors[:3]
    zh = "；".join(f"{field_of(e['loc'])}{_ZH.get(e['type'], '无效')}" for e in shown)
    en = "; ".join(f"{field_of(e['loc'])}: {e['msg']}" for e in shown)
    more = len(errors) - len(shown)
    return FestivalError(
        "invalid_request", f"请求字段无效：{zh}" + (f"（另有 {more} 处）" if more else "") + "。",
        f"Invalid request field: {en}" + (f" (and {more} more)" if more else "") + ".", 422,
    )


def field_of(loc: tuple | list) -> str:
    """`("body", "creators", 0, "name")` reads `creators[0].name`."""
    parts = list(loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc) or ["body"]
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def of_http(status: int) -> FestivalError:
    if status == 404:
        return FestivalError("route_not_found", "没有这个接口。", "No such route.", 404)
    if status == 405:
        return FestivalError("method_not_allowed", "该接口不支持此请求方法。", "Method not allowed here.", 405)
    if status == 400:  # FastAPI's only 400 of its own: a body it cannot read as text (not UTF-8)
        return malformed_json()
    return FestivalError("http_error", "请求无法处理。", "The request cannot be handled.", status)


def install(app: FastAPI) -> None:
    """Register the handlers; unexpected exceptions are answered by the request guard middleware."""

    @app.exception_handler(FestivalError)
    async def refused(_: Request, error: FestivalError) -> JSONResponse:
        return response(error)

    @app.exception_handler(grpc.RpcError)
    async def rpc_failed(request: Request, error: grpc.RpcError) -> JSONResponse:
        mapped = of_rpc_error(error)
        if mapped.status >= 500:
            log.warning("gateway.rpc_failed", path=request.url.path, grpc_code=str(error.code()),
                        details=error.details() if hasattr(error, "details") else "")
        return response(mapped)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        return response(of_validation(list(error.errors())))

    @app.exception_handler(HTTPException)
    async def http(request: Request, error: HTTPException) -> JSONResponse:
        answer = response(of_http(error.status_code))
        if error.status_code == 405:  # RFC 9110: say what is allowed
            answer.headers["Allow"] = allowed_methods(request)
        return answer


def allowed_methods(request: Request) -> str:
    """Every method the path answers. Starlette's own Allow names the methods of one route only (GET /works, not
    POST /works too), so ask each method of the app's routes in turn."""
    methods = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
    routes = request.app.router.routes
    return ", ".join(m for m in methods if any(r.matches({**request.scope, "method": m})[0] == Match.FULL
                                               for r in routes))
