"""What every router shares: the error body in the API description and validated path parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import BaseModel

_ID = r"^[A-Za-z0-9_.:-]+$"
PathId = Annotated[str, Path(min_length=1, max_length=64, pattern=_ID, description="编号 / id")]
QueryText = Annotated[str, Query(max_length=64, description="筛选条件（可选）/ optional filter")]


class ErrorBody(BaseModel):
    """每个错误回答 / every error answer: a stable code and the message in Chinese and English."""

    code: str
    message_zh: str
    message_en: str


def errors(*statuses: int) -> dict[int | str, dict]:
    """The documented error answers of a route (401 and 503 are possible nearly everywhere)."""
    text = {
        400: "请求不是有效的 JSON / malformed JSON", 401: "未登录或登录无效 / not logged in or bad token",
        403: "无权访问 / forbidden", 404: "不存在 / not found", 409: "状态冲突 / conflict",
        413: "请求过大 / body too large", 422: "输入无效 / invalid input",
        429: "尝试次数过多，见 Retry-After / too many attempts, see Retry-After",
        503: "服务不可用 / a service is unavailable",
    }  # fmt: skip
    return {s: {"model": ErrorBody, "description": text[s]} for s in sorted({*statuses, 422, 503})}
