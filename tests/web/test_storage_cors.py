"""The local S3 server answers the browser's CORS preflight for the gateway's pages only, ETag exposed."""

from __future__ import annotations

import httpx

from festival_cli.infra import web_origins


def preflight(s3_server, origin: str) -> httpx.Response:
    headers = {"Origin": origin, "Access-Control-Request-Method": "PUT"}
    return httpx.options(f"http://{s3_server.endpoint}/festival/a?uploadId=1&partNumber=1", headers=headers)


def test_the_gateways_origin_may_upload_and_read_the_etag(s3_server, stack_ports):
    for origin in web_origins(stack_ports).split(","):
        reply = preflight(s3_server, origin)
        assert reply.headers.get("access-control-allow-origin") == origin
        assert "PUT" in reply.headers.get("access-control-allow-methods", "")
        assert "etag" in reply.headers.get("access-control-expose-headers", "").lower()


def test_another_origin_is_not_allowed(s3_server):
    reply = preflight(s3_server, "http://evil.example")
    assert reply.headers.get("access-control-allow-origin") not in ("http://evil.example", "*")
