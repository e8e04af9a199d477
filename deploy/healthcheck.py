"""Container healthcheck: exit 0 when this container's service answers on loopback (compose uses it)."""

from __future__ import annotations

import os
import sys
import urllib.request

from festival_kit.settings import Settings


def healthy(service: str, settings: Settings) -> bool:
    """The gateway's GET /health, or gRPC health SERVING for every other service."""
    if service == "gateway":
        url = f"http://127.0.0.1:{settings.ports.of('gateway')}/health"
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    port = settings.grpc_address(service).rsplit(":", 1)[1]
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
    return reply.status == health_pb2.HealthCheckResponse.SERVING


if __name__ == "__main__":
    try:
        sys.exit(0 if healthy(os.environ["FESTIVAL_SERVICE"], Settings()) else 1)
    except Exception as failure:  # noqa: BLE001 - any failure is "unhealthy", said on stderr
        print(f"unhealthy: {failure}", file=sys.stderr)
        sys.exit(1)
