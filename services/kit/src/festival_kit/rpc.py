"""gRPC plumbing: start a server with health and reflection, carry the cause, map refusals."""

from __future__ import annotations

import asyncio
import functools
import random
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import grpc
import structlog
from eventsourcing.persistence import RecordConflictError
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from festival_kit.context import Cause, caused_by, current
from festival_kit.errors import FestivalError

log = structlog.get_logger()

ACCOUNT, ROLE, CORRELATION = "festival-account-id", "festival-role", "x-correlation-id"
CONFLICT_ATTEMPTS, CONFLICT_PAUSE_S = 8, 0.01


def cause_from(context: grpc.aio.ServicerContext) -> Cause:
    md = dict(context.invocation_metadata() or ())
    corr = md.get(CORRELATION, "")
    return Cause(
        account_id=md.get(ACCOUNT, "anonymous"), role=md.get(ROLE, "anonymous"),
        correlation_id=corr, causation_id=corr,
    )


def metadata_of(cause: Cause) -> tuple[tuple[str, str], ...]:
    """What a client sends so the service knows who asks and under which correlation id."""
    return ((ACCOUNT, cause.account_id), (ROLE, cause.role), (CORRELATION, cause.correlation_id))


async def attempts(method: Callable[[], Any], name: str) -> Any:
    """Run a command, again when another writer saved the same aggregate first (optimistic concurrency):
    the command reloads what it decides on, so a second run decides on the winner's state. Nothing of a
    conflicting attempt is stored (its transaction is refused whole)."""
    for attempt in range(1, CONFLICT_ATTEMPTS + 1):
        try:
            result = method()
            return await result if isinstance(result, Awaitable) else result
        except RecordConflictError:
            if attempt == CONFLICT_ATTEMPTS:
                raise
            log.info("rpc.conflict_retried", method=name, attempt=attempt)
            await asyncio.sleep(random.uniform(0.0, CONFLICT_PAUSE_S * attempt))


def rpc(method: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """Wrap a servicer method: run it under the caller's cause, retry a write conflict, and turn
    refusals into status + trailer."""

    @functools.wraps(method)
    async def wrapper(self: Any, request: Any, context: grpc.aio.ServicerContext) -> Any:
        with caused_by(cause_from(context)) as cause:
            started = time.perf_counter()
            try:
                result = await attempts(lambda: method(self, request, cause), method.__name__)
                log.info("rpc.done", method=method.__name__, role=cause.role,
                         ms=round((time.perf_counter() - started) * 1000, 1))
                return result
            except FestivalError as refusal:
                log.info("rpc.refused", method=method.__name__, code=refusal.code)
                context.set_trailing_metadata(refusal.to_trailer())
                await context.abort(refusal.grpc_status, refusal.message_en)
            except Exception:
                log.exception("rpc.failed", method=method.__name__)
                await context.abort(grpc.StatusCode.INTERNAL, "internal error")

    return wrapper


async def start_server(
    address: str, register: Iterable[Callable[[grpc.aio.Server], None]], service_names: Sequence[str]
) -> tuple[grpc.aio.Server, health.HealthServicer]:
    """Start an aio server with the servicers, gRPC health (all SERVING) and reflection."""
    server = grpc.aio.server()
    for add in register:
        add(server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection((*service_names, reflection.SERVICE_NAME, health.SERVICE_NAME), server)
    if server.add_insecure_port(address) == 0:
        raise OSError(f"cannot listen on {address}")
    await server.start()
    for name in ("", *service_names):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    return server, health_servicer


__all__ = ["rpc", "start_server", "metadata_of", "cause_from", "current"]
