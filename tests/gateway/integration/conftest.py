"""The gateway over the REAL registry and intake servicers, in-process on free ports, with a real S3.

No NATS: what intake learns from registry (edition, phases, regions, schools) is handed to intake's own
handlers by `Platform.sync`, as its durable consumer would, so the services behave as on a stack.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime

import httpx
import pytest

from festival_gateway import create_app
from festival_intake.__main__ import file_store
from festival_intake.adapters import servicer as intake_servicer
from festival_intake.application import IntakeApplication
from festival_kit import clock
from festival_kit.consumer import cause_of
from festival_kit.context import Cause, caused_by
from festival_kit.rpc import start_server
from festival_kit.settings import Settings
from festival_registry.adapters.edition_file import packaged
from festival_registry.adapters.grpc_servicer import FULL_NAME, RegistryServicer
from festival_registry.application import RegistryApplication
from festival_registry.demo import PASSWORD

SECRET = "gateway-integration-secret-long-enough-for-hs256"
WINDOW_OPEN = datetime(2023, 6, 26, 9, 0, tzinfo=clock.SHANGHAI)


@dataclass
class Platform:
    """The two services' applications, the settings that locate them, and the gateway app over them."""

    settings: Settings
    registry: RegistryApplication
    intake: IntakeApplication
    servers: list = field(default_factory=list)
    position: int = 0

    def sync(self) -> None:
        """Hand intake every registry event it has not seen yet, tracked as its consumer would."""
        handlers = self.intake.handlers()
        for position, env in self.registry.envelopes(self.position, 1000):
            with caused_by(cause_of(env)):
                handler = handlers.get(env.type)
                self.intake.save_tracked("gateway-test", position, *(handler(env) if handler else []))
            self.position = position

    @asynccontextmanager
    async def client(self, settings: Settings | None = None) -> AsyncIterator[httpx.AsyncClient]:
        """An HTTP client of a fresh gateway app (its gRPC channels are closed afterwards)."""
        app = create_app(settings or self.settings, SECRET)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=30) as client:
            yield client
        await app.state.services.close()

    def as_account(self, username: str, password: str = PASSWORD):
        """Run registry commands as that account, the way the gateway's metadata names the caller."""
        account = self.registry.login(username, password)
        return caused_by(Cause(account_id=str(account.id), role=account.role))


@pytest.fixture(scope="session")
async def platform(tmp_path_factory, port_picker, s3_server):
    data = tmp_path_factory.mktemp("gateway-platform")
    settings = Settings(data_dir=data, ports=port_picker(), s3_endpoint=s3_server.endpoint,
                        s3_access_key=s3_server.access_key, s3_secret_key=s3_server.secret_key,
                        s3_bucket="gateway-test")
    registry = RegistryApplication(env=settings.store_env("registry"))
    files = file_store(settings)
    files.store.ensure_bucket()
    intake = IntakeApplication(env=settings.store_env("intake"), files=files)
    with caused_by(Cause()):
        registry.seed(packaged("11"))
        registry.seed_demo_accounts()
        registry.advance_phases(WINDOW_OPEN)
    running = Platform(settings, registry, intake)
    running.sync()
    for address, add, name in (
        (settings.grpc_address("registry"), RegistryServicer(registry).add_to, FULL_NAME),
        (settings.grpc_address("intake"), intake_servicer.register(intake), intake_servicer.SERVICE_NAME),
    ):
        server, _ = await start_server(address, [add], [name])
        running.servers.append(server)
    yield running
    for server in running.servers:
        await server.stop(grace=None)
    registry.close()
    intake.close()


@pytest.fixture
def gateway_secret() -> str:
    """The secret the test gateways sign tokens with."""
    return SECRET


@pytest.fixture
async def http(platform):
    async with platform.client() as client:
        yield client


@pytest.fixture
def login(http):
    """`await login("demo-student")` -> Authorization headers of that account."""

    async def signed_in(username: str, password: str = PASSWORD) -> dict[str, str]:
        reply = await http.post("/auth/login", json={"username": username, "password": password})
        assert reply.status_code == 200, reply.text
        return {"Authorization": f"Bearer {reply.json()['token']}"}

    return signed_in


@dataclass(frozen=True)
class People:
    """Accounts beyond the demo ones: a second approved school in the demo region, and another region."""

    school_two: str
    student_two: str = "gw-student-two"
    school_admin_two: str = "gw-school-two"
    region_admin_jilin: str = "gw-region-jilin"
    password: str = "gateway-pass-1"


@pytest.fixture(scope="session")
def people(platform) -> People:
    reg = platform.registry
    changchun = next(r for r in reg.regions() if r.code == "changchun")
    jilin = next(r for r in reg.regions() if r.code == "jilin")
    names = People(school_two="")
    with caused_by(Cause()):
        admin = reg.register_school_admin(names.school_admin_two, names.password, "赵老师", str(changchun.id),
                                          "长春市第二实验中学")
    with platform.as_account("demo-region"):
        reg.decide_school_admin(str(admin.id), True)
    with caused_by(Cause()):
        reg.register_student(names.student_two, names.password, "王小二", admin.school_id)
    with platform.as_account("demo-province"):
        reg.issue_region_admin(names.region_admin_jilin, names.password, "吉林市管理员", str(jilin.id))
    platform.sync()
    return People(school_two=admin.school_id)
