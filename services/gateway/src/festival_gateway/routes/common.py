"""What every router shares: the error body in the API description and validated path parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import BaseModel

_ID = r"^[A-Za-z0-9_.:-]+$"
PathId = Annotated[str, Path(min_length=1, max_length=64, pattern=_ID, description="编号 / id")]
QueryText = Annotated[str, Query(max_length=64, description="筛选条件（可选）/ optional filter")]
PAGE_MAX = 500
PageLimit = Annotated[int, Query(ge=1, le=PAGE_MAX, description="每页最多条数 / at most this many on a page")]
PageAfter = Annotated[str, Query(max_length=64, pattern=_ID.replace("+$", "*$"),
                                 description="上一页的 next_after（第一页留空）/ the previous page's next_after; "
                                             "empty for the first page")]


class ErrorBody(BaseModel):
    """每个错误回答 / every error answer: a stable code and the message in Chinese and English."""

    code: str
    message_zh: str
    message_en: str


TEXT = {
    400: "请求内容不是有效的 JSON（malformed_json）/ the body is not valid JSON (malformed_json)",
    401: "未登录或登录无效 / not logged in or bad token",
    403: "无权访问 / forbidden", 404: "不存在 / not found", 409: "状态冲突 / conflict",
    413: "请求内容超过 1 MiB / body over 1 MiB (body_too_large)", 422: "输入无效 / invalid input",
    429: "尝试次数过多，见 Retry-After / too many attempts, see Retry-After",
    503: "服务不可用 / a service is unavailable",
}  # fmt: skip


def errors(*statuses: int) -> dict[int | str, dict]:
    """The documented error answers of a route (401 and 503 are possible nearly everywhere)."""
    return {s: {"model": ErrorBody, "description": TEXT[s]} for s in sorted({*statuses, 422, 503})}


def links(description: str, parameter: str, *targets: str) -> dict:
    """A success answer whose body's `id` is the path `parameter` of each target ("GET /works/{work_id}"), as
    OpenAPI links: a client (and schemathesis's stateful phase) learns where the new resource is used."""
    def ref(target: str) -> str:
        method, path = target.split(" ", 1)
        return f"#/paths/{path.replace('~', '~0').replace('/', '~1')}/{method.lower()}"

    named = {f"{t.split()[0].title()}{''.join(p.title() for p in t.split()[1].split('/') if '{' not in p)}": t
             for t in targets}
    return {"description": description, "links": {
        name: {"operationRef": ref(target), "parameters": {f"path.{parameter}": "$response.body#/id"}}
        for name, target in named.items()}}


def with_body_limit(schema: dict) -> dict:
    """The OpenAPI document with 400 and 413 on every operation that takes a body: a body that is not JSON (or
    not UTF-8) is refused while it is read, one over the request guard's limit before any route runs, so every
    such route can answer both, whatever its own errors(...) say."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                for status in (400, 413):
                    operation["responses"].setdefault(str(status), _error_answer(status))
    return schema


def _error_answer(status: int) -> dict:
    return {"description": TEXT[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}}
