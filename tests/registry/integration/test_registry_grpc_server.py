"""The real Registry gRPC server in-process: a sign-in, and refusals that arrive as FestivalErrors."""

from __future__ import annotations

import grpc
import pytest

from festival.registry.v1 import registry_pb2 as pb
from festival.registry.v1 import registry_pb2_grpc
from festival_kit.context import Cause
from festival_kit.errors import FestivalError
from festival_kit.rpc import metadata_of, start_server
from festival_registry.adapters.grpc_servicer import FULL_NAME, RegistryServicer


@pytest.fixture
async def registry(sqlite_app, edition_file, act_as, fresh_ports):
    app = sqlite_app()
    with act_as():
        app.seed(edition_file)
        app.seed_demo_accounts()
    address = f"127.0.0.1:{fresh_ports().of('registry')}"
    server, _ = await start_server(address, [RegistryServicer(app).add_to], [FULL_NAME])
    async with grpc.aio.insecure_channel(address) as channel:
        yield registry_pb2_grpc.RegistryStub(channel)
    await server.stop(grace=None)


async def refusal(call) -> tuple[grpc.StatusCode, FestivalError]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    error = FestivalError.from_rpc_error(caught.value)
    assert error is not None, caught.value
    return caught.value.code(), error


async def test_login_and_a_refused_login(registry):
    account = await registry.Login(pb.LoginRequest(username="demo-region", password="festival-demo"))
    assert (account.role, account.status, account.school_id) == ("region_admin", "active", "")
    status, error = await refusal(registry.Login(pb.LoginRequest(username="demo-region", password="wrong-one")))
    assert (status, error.code, error.status) == (grpc.StatusCode.UNAUTHENTICATED, "bad_credentials", 401)
    assert error.message_zh == "用户名或密码错误。"


async def test_a_decision_by_the_wrong_caller_is_refused_with_its_code(registry):
    student = await registry.Login(pb.LoginRequest(username="demo-student", password="festival-demo"))
    regions = (await registry.ListRegions(pb.ListRegionsRequest())).regions
    jilin = next(r for r in regions if r.code == "jilin")
    teacher = await registry.RegisterSchoolAdmin(pb.RegisterSchoolAdminRequest(
        username="teacher.grpc", password="long-enough", display_name="周老师", region_id=jilin.id,
        school_name="吉林五中"))
    assert teacher.status == "pending"
    as_student = metadata_of(Cause(account_id=student.id, role=student.role, correlation_id="corr-1"))
    status, error = await refusal(registry.DecideSchoolAdmin(
        pb.DecideSchoolAdminRequest(account_id=teacher.id, approve=True), metadata=as_student))
    assert (status, error.code, error.status) == (grpc.StatusCode.PERMISSION_DENIED, "forbidden", 403)


async def test_the_edition_and_its_phase(registry):
    edition = await registry.GetEdition(pb.GetEditionRequest())
    assert edition.code == "11" and edition.phase == "before_window" and '"max_creators":8' in edition.rules_json
    _, error = await refusal(registry.GetEdition(pb.GetEditionRequest(code="99")))
    assert (error.code, error.status) == ("not_found", 404)


async def test_teachers_of_one_new_school_registering_at_once_all_get_their_accounts(registry):
    # Hashing runs on several threads, so the first teacher's new School can be saved by two requests
    # at once: the loser's conflict is retried (and finds the school), never reported as a taken name.
    import asyncio

    jilin = next(r for r in (await registry.ListRegions(pb.ListRegionsRequest())).regions if r.code == "jilin")
    replies = await asyncio.gather(*(registry.RegisterSchoolAdmin(pb.RegisterSchoolAdminRequest(
        username=f"teacher.burst{i}", password="long-enough", display_name="周老师", region_id=jilin.id,
        school_name="吉林一中")) for i in range(6)))
    assert {a.username for a in replies} == {f"teacher.burst{i}" for i in range(6)}
    assert len({a.school_id for a in replies}) == 1
    status, error = await refusal(registry.RegisterSchoolAdmin(pb.RegisterSchoolAdminRequest(
        username="teacher.burst0", password="long-enough", display_name="周老师", region_id=jilin.id,
        school_name="吉林一中")))
    assert error.code == "username_taken"
