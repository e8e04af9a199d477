"""/judging/* through the gateway over a real scoring servicer: who may call what, and bad bodies."""

from __future__ import annotations

import pytest

from festival_kit.rpc import start_server
from festival_scoring.adapters import servicer as scoring_servicer
from festival_scoring.adapters.links import Links
from festival_scoring.application import ScoringApplication

ROUND, SHEET = "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"
PROVINCE_ONLY = [("post", "/judging/rounds", {"category": "documentary"}),
                 ("put", f"/judging/rounds/{ROUND}/judges", {"judge_ids": []}),
                 ("post", f"/judging/rounds/{ROUND}/assignment", None),
                 ("post", f"/judging/rounds/{ROUND}/close", {"reason": "x"})]
READ_ROUNDS = [("get", "/judging/rounds", None), ("get", f"/judging/rounds/{ROUND}", None),
               ("get", f"/judging/rounds/{ROUND}/progress", None), ("get", f"/judging/rounds/{ROUND}/results", None),
               ("get", f"/judging/rounds/{ROUND}/report", None)]
JUDGE_ONLY = [("get", "/judging/assignments", None), ("get", f"/judging/assignments/{SHEET}", None),
              ("put", f"/judging/assignments/{SHEET}/sheet", {"points": {"scientific": 1}}),
              ("post", f"/judging/assignments/{SHEET}/submit", None),
              ("post", f"/judging/assignments/{SHEET}/conflict", {"reason": "认识作者"})]


@pytest.fixture(autouse=True)
async def scoring_serving(platform):
    app = ScoringApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    server, _ = await start_server(platform.settings.grpc_address("scoring"),
                                   [scoring_servicer.register(app, Links(platform.settings))],
                                   [scoring_servicer.SERVICE_NAME])
    yield
    await server.stop(grace=None)
    app.close()


async def call(http, method: str, path: str, body, headers):
    return await getattr(http, method)(path, headers=headers, **({"json": body} if body is not None else {}))


@pytest.mark.parametrize("who", ["demo-student", "demo-school", "demo-region"])
async def test_students_and_school_and_region_admins_reach_no_judging_endpoint(http, login, who):
    headers = await login(who)
    for method, path, body in PROVINCE_ONLY + READ_ROUNDS + JUDGE_ONLY:
        reply = await call(http, method, path, body, headers)
        assert (reply.status_code, reply.json()["code"]) == (403, "forbidden"), (method, path)


async def test_judges_do_not_run_rounds_and_auditors_never_write(http, login):
    judge, auditor = await login("demo-judge"), await login("demo-auditor")
    for method, path, body in PROVINCE_ONLY + READ_ROUNDS:
        assert (await call(http, method, path, body, judge)).status_code == 403, (method, path)
    for method, path, body in PROVINCE_ONLY + JUDGE_ONLY:
        assert (await call(http, method, path, body, auditor)).status_code == 403, (method, path)
    reply = await call(http, "get", f"/judging/assignments/{SHEET}", None, judge)
    assert reply.status_code == 403 and reply.json()["code"] == "not_a_judge"  # scoring has not heard of them


async def test_bad_bodies_are_refused_before_the_service(http, login):
    judge, province = await login("demo-judge"), await login("demo-province")
    for body in ({"points": {"scientific": -1}}, {"points": {"scientific": 2.5}}, {"points": {"scientific": "x"}},
                 {"points": {}, "extra": 1}, {"comment": "no points"}):
        reply = await http.put(f"/judging/assignments/{SHEET}/sheet", headers=judge, json=body)
        assert reply.status_code == 422 and reply.json()["message_en"], body
    reply = await http.post(f"/judging/assignments/{SHEET}/conflict", headers=judge, json={"reason": ""})
    assert reply.status_code == 422
    reply = await http.post("/judging/rounds", headers=province, json={"category": "documentary"})
    assert reply.status_code == 404 and reply.json()["code"] == "unknown_edition"  # scoring has no edition yet
    reply = await http.get("/judging/rounds/not a round", headers=province)
    assert reply.status_code == 422
