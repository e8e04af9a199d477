"""Error mapping, correlation ids and the request guard: every failure is JSON with a stable code."""

from __future__ import annotations

import grpc
import httpx
import pytest
from grpc.aio import AioRpcError, Metadata

from festival_gateway import create_app, errors
from festival_gateway.correlation import correlation_id_of, is_valid
from festival_kit.disposition import content_disposition
from festival_kit.errors import FestivalError
from festival_kit.ports import Ports
from festival_kit.settings import Settings


def rpc_error(code: grpc.StatusCode, trailer: FestivalError | None = None) -> AioRpcError:
    trailing = Metadata(*trailer.to_trailer()) if trailer else Metadata()
    return AioRpcError(code, Metadata(), trailing, details="details")


def test_a_refusal_keeps_its_code_messages_and_status():
    sent = FestivalError("too_many_creators", "创作者过多。", "Too many creators.", 422)
    mapped = errors.of_rpc_error(rpc_error(grpc.StatusCode.INVALID_ARGUMENT, sent))
    assert (mapped.as_dict(), mapped.status) == (sent.as_dict(), 422)


@pytest.mark.parametrize(("code", "expected"), [
    (grpc.StatusCode.UNAVAILABLE, ("service_unavailable", 503)),
    (grpc.StatusCode.DEADLINE_EXCEEDED, ("service_unavailable", 503)),
    (grpc.StatusCode.INTERNAL, ("internal_error", 500)),
    (grpc.StatusCode.UNIMPLEMENTED, ("internal_error", 500)),
    (grpc.StatusCode.NOT_FOUND, ("internal_error", 500)),  # a status without a refusal is a service bug
])  # fmt: skip
def test_failures_without_a_refusal(code, expected):
    mapped = errors.of_rpc_error(rpc_error(code))
    assert (mapped.code, mapped.status) == expected and mapped.message_zh and mapped.message_en


def test_validation_errors_name_their_fields():
    problem = errors.of_validation([
        {"type": "string_too_long", "loc": ("body", "creators", 0, "name"),
         "msg": "String should have at most 100 characters"},
        {"type": "missing", "loc": ("body", "title"), "msg": "Field required"},
    ])  # fmt: skip
    assert (problem.code, problem.status) == ("invalid_request", 422)
    assert "creators[0].name过长" in problem.message_zh and "title缺失" in problem.message_zh
    assert "creators[0].name: String should have at most 100" in problem.message_en
    malformed = errors.of_validation([{"type": "json_invalid", "loc": ("body", 7), "msg": "JSON decode error"}])
    assert (malformed.code, malformed.status) == ("malformed_json", 400)


def test_correlation_ids():
    assert is_valid("abc-123") and is_valid("A" * 64)
    for bad in ("", "A" * 65, "a b", "a\nb", "ä", "x;y", None):
        assert not is_valid(bad)
    assert correlation_id_of("req-42") == "req-42"
    fresh = correlation_id_of("bad id\r\nX-Injected: 1")
    assert is_valid(fresh) and fresh != correlation_id_of(None)


def test_content_disposition_carries_the_chinese_name_per_rfc_5987():
    header = content_disposition("作品申报表-1a2b3c4d.pdf", "application_form.pdf")
    assert header == ("attachment; filename=\"_____-1a2b3c4d.pdf\"; "
                      "filename*=UTF-8''%E4%BD%9C%E5%93%81%E7%94%B3%E6%8A%A5%E8%A1%A8-1a2b3c4d.pdf")
    assert content_disposition("表.pdf", "form.pdf").startswith('attachment; filename="form.pdf"')
    assert "\r" not in content_disposition('a"\r\nb.pdf', "x.pdf")


# -- the app itself, with no service behind it: everything here is refused before any gRPC call ------------

@pytest.fixture
async def client():
    app = create_app(Settings(ports=Ports(1)), "unit-secret-long-enough-for-hs256-signing")

    async def boom() -> dict:
        raise RuntimeError("a bug")

    app.add_api_route("/boom", boom)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        yield http


def assert_error(reply: httpx.Response, status: int, code: str) -> dict:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"code", "message_zh", "message_en"} and body["code"] == code
    assert reply.headers["x-correlation-id"]
    return body


async def test_malformed_json_is_400(client):
    reply = await client.post("/auth/login", content=b'{"username": "a", ',
                              headers={"content-type": "application/json"})
    assert_error(reply, 400, "malformed_json")
    not_utf8 = '{"username": "张三"}'.encode("gbk")  # a Windows-Chinese body: not UTF-8
    reply = await client.post("/auth/login", content=not_utf8, headers={"content-type": "application/json"})
    assert_error(reply, 400, "malformed_json")


async def test_an_oversized_field_is_422_naming_it(client):
    reply = await client.post("/auth/login", json={"username": "u" * 65, "password": "secret"})
    body = assert_error(reply, 422, "invalid_request")
    assert "username" in body["message_en"] and "username" in body["message_zh"]


async def test_a_body_over_one_mebibyte_is_413(client):
    big = b'{"username": "' + b"u" * (1024 * 1024) + b'"}'
    assert_error(await client.post("/auth/login", content=big, headers={"content-type": "application/json"}),
                 413, "body_too_large")

    async def chunks():  # no Content-Length: the limit still holds while reading
        for _ in range(20):
            yield b"x" * 65536

    assert_error(await client.post("/auth/login", content=chunks()), 413, "body_too_large")


async def test_a_page_form_over_the_limit_is_an_error_page(client):
    form = {"username": "u" * (1024 * 1024), "password": "p"}
    reply = await client.post("/web/login", data=form)
    assert reply.status_code == 413 and reply.headers["content-type"].startswith("text/html")
    assert "请求内容过大" in reply.text and "1048576" in reply.text, reply.text[:500]
    schema = (await client.get("/openapi.json")).json()
    with_body = [(path, method) for path, ops in schema["paths"].items() for method, op in ops.items()
                 if isinstance(op, dict) and "requestBody" in op]
    assert with_body and all("413" in schema["paths"][p][m]["responses"] for p, m in with_body)


async def test_unknown_routes_and_methods_answer_json(client):
    assert_error(await client.get("/nowhere"), 404, "route_not_found")
    assert_error(await client.delete("/auth/login"), 405, "method_not_allowed")


async def test_missing_token_is_not_logged_in(client):
    assert_error(await client.get("/me"), 401, "not_logged_in")
    assert_error(await client.get("/works", headers={"Authorization": "Basic dTpw"}), 401, "not_logged_in")
    assert_error(await client.get("/works", headers={"Authorization": "Bearer x.y.z"}), 401, "bad_token")


async def test_an_unexpected_error_is_a_json_500_without_traceback(client):
    body = assert_error(await client.get("/boom"), 500, "internal_error")
    assert "RuntimeError" not in str(body) and "Traceback" not in str(body)


async def test_the_correlation_id_is_kept_or_made(client):
    kept = await client.get("/nowhere", headers={"X-Correlation-Id": "trace-me-42"})
    assert kept.headers["x-correlation-id"] == "trace-me-42"
    replaced = await client.get("/nowhere", headers={"X-Correlation-Id": "no good!"})
    assert replaced.headers["x-correlation-id"] != "no good!" and is_valid(replaced.headers["x-correlation-id"])


async def test_openapi_describes_routes_in_both_languages(client):
    spec = (await client.get("/openapi.json")).json()
    login = spec["paths"]["/auth/login"]["post"]
    assert login["summary"] == "登录 / Log in" and "Exchange a username" in login["description"]
    assert "422" in login["responses"] and "ErrorBody" in str(login["responses"]["401"])


@pytest.mark.parametrize(("public_url", "secure"), [("", False), ("https://festival.example.cn", True)])
async def test_the_page_cookies_are_httponly_lax_and_secure_behind_https(public_url, secure):
    """Behind a proxy that ends TLS the gateway sees plain HTTP; its public address says the browser is on HTTPS."""
    app = create_app(Settings(ports=Ports(1), public_url=public_url), "unit-secret-long-enough-for-hs256-signing")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        reply = await http.get("/web/login")
    assert reply.status_code == 200
    cookie = next(c for c in reply.headers.get_list("set-cookie") if c.startswith("festival_csrf="))
    attributes = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
    assert {"httponly", "samesite", "path"} <= attributes and "samesite=lax" in cookie.lower()
    assert ("secure" in attributes) == secure
