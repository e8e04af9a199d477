"""/health reads the services' standard gRPC health; a service that is down is a 503, never a traceback."""

from __future__ import annotations

from dataclasses import replace

import pytest

from festival_audit.adapters import servicer as audit_servicer
from festival_audit.application import AuditApplication
from festival_awards.adapters import servicer as awards_servicer
from festival_awards.application import AwardsApplication
from festival_kit.rpc import start_server
from festival_review.adapters import servicer as review_servicer
from festival_review.application import ReviewApplication
from festival_scoring.adapters import servicer as scoring_servicer
from festival_scoring.adapters.links import Links
from festival_scoring.application import ScoringApplication


@pytest.fixture(autouse=True)
async def review_scoring_awards_and_audit_serving(platform, tmp_path):
    """review, scoring, awards and audit, serving beside the platform's registry and intake (their routes' tests
    start their own)."""
    review = ReviewApplication(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "r.db")})
    scoring = ScoringApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    awards = AwardsApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    audit = AuditApplication(replace(platform.settings, data_dir=tmp_path), env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    servers = [
        (await start_server(platform.settings.grpc_address("review"), [review_servicer.register(review)],
                            [review_servicer.SERVICE_NAME]))[0],
        (await start_server(platform.settings.grpc_address("scoring"),
                            [scoring_servicer.register(scoring, Links(platform.settings))],
                            [scoring_servicer.SERVICE_NAME]))[0],
        (await start_server(platform.settings.grpc_address("awards"),
                            [awards_servicer.register(awards, platform.settings)], [awards_servicer.SERVICE_NAME]))[0],
        (await start_server(platform.settings.grpc_address("audit"), [audit_servicer.register(audit)],
                            [audit_servicer.SERVICE_NAME]))[0],
    ]
    yield
    for server in servers:
        await server.stop(grace=None)
    review.close()
    scoring.close()
    awards.close()
    audit.close()


async def test_all_serving_is_ok(http):
    reply = await http.get("/health")
    assert reply.status_code == 200
    assert reply.json() == {"status": "ok", "services": {"registry": "SERVING", "intake": "SERVING", "review": "SERVING", "scoring": "SERVING", "awards": "SERVING", "audit": "SERVING"}}


@pytest.fixture
async def intake_down(platform, port_picker, monkeypatch):
    """A gateway whose intake address has nothing listening (the registry is still up)."""
    monkeypatch.setenv("INTAKE_GRPC", f"127.0.0.1:{port_picker().of('intake')}")
    async with platform.client() as client:
        yield client


async def test_a_service_down_is_degraded_and_its_routes_answer_503(intake_down):
    reply = await intake_down.get("/health")
    assert reply.status_code == 503
    assert reply.json() == {"status": "degraded", "services": {"registry": "SERVING", "intake": "UNREACHABLE", "review": "SERVING", "scoring": "SERVING", "awards": "SERVING", "audit": "SERVING"}}

    login = await intake_down.post("/auth/login", json={"username": "demo-student", "password": "festival-demo"})
    assert login.status_code == 200, login.text  # what needs only the registry still works
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    works = await intake_down.get("/works", headers=headers)
    assert works.status_code == 503 and works.json()["code"] == "service_unavailable"
    assert set(works.json()) == {"code", "message_zh", "message_en"}
