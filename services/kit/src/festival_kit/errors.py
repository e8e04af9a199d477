"""Errors a user or client can cause: a stable code, a message in Chinese and in English, a status."""

from __future__ import annotations

import json

import grpc

# HTTP status of each gRPC status a FestivalError may travel as.
_HTTP = {
    grpc.StatusCode.INVALID_ARGUMENT: 422,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.UNAUTHENTICATED: 401,
}
_GRPC = {v: k for k, v in _HTTP.items()}
_GRPC[400] = grpc.StatusCode.INVALID_ARGUMENT
_GRPC[413] = grpc.StatusCode.INVALID_ARGUMENT
_GRPC[503] = grpc.StatusCode.UNAVAILABLE  # a dependency is down: the same request may work later
METADATA_KEY = "festival-error-bin"


class FestivalError(Exception):
    """A refusal the user can understand and act on; never a traceback, never a 500."""

    def __init__(self, code: str, message_zh: str, message_en: str, status: int = 422):
        super().__init__(f"{code}: {message_en}")
        self.code, self.message_zh, self.message_en, self.status = code, message_zh, message_en, status

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_zh": self.message_zh, "message_en": self.message_en}

    @property
    def grpc_status(self) -> grpc.StatusCode:
        return _GRPC.get(self.status, grpc.StatusCode.FAILED_PRECONDITION)

    def to_trailer(self) -> tuple[tuple[str, bytes], ...]:
        body = {**self.as_dict(), "status": self.status}
        return ((METADATA_KEY, json.dumps(body, ensure_ascii=False).encode()),)

    @classmethod
    def from_rpc_error(cls, error: grpc.RpcError) -> FestivalError | None:
        """The FestivalError a service sent, if the failure is one."""
        trailing = getattr(error, "trailing_metadata", None)
        for key, value in (trailing() if trailing else None) or ():
            if key == METADATA_KEY:
                body = json.loads(value)
                return cls(body["code"], body["message_zh"], body["message_en"], body["status"])
        return None


def not_found(what_zh: str, what_en: str) -> FestivalError:
    return FestivalError("not_found", f"{what_zh}不存在。", f"{what_en} not found.", 404)


def forbidden() -> FestivalError:
    return FestivalError(
        "forbidden", "您没有权限进行此操作。", "You are not allowed to do this.", 403
    )
