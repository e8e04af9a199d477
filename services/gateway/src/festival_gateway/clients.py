"""The gateway's gRPC clients of registry, intake and review, and who is asking on whose behalf."""

from __future__ import annotations

from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from festival.audit.v1 import audit_pb2_grpc
from festival.awards.v1 import awards_pb2_grpc
from festival.intake.v1 import intake_pb2_grpc
from festival.registry.v1 import registry_pb2_grpc
from festival.review.v1 import notifications_pb2_grpc, review_pb2_grpc
from festival.scoring.v1 import scoring_pb2_grpc
from festival_gateway.tokens import Claims
from festival_kit.context import Cause
from festival_kit.rpc import metadata_of
from festival_kit.settings import Settings

SERVICES = ("registry", "intake", "review", "scoring", "awards", "audit")  # what /health reports
DIALED = (*SERVICES, "review")
CALL_TIMEOUT_S = 15.0
# Calls that hash a password (argon2, ~0.1 s of CPU each by design) queue in the registry during a
# sign-up burst (500 at once is a minute of CPU on two cores): they wait their turn rather than fail.
PASSWORD_CALLS = frozenset({"Login", "RegisterStudent", "RegisterSchoolAdmin", "IssueRegionAdmin", "IssueJudge"})
PASSWORD_CALL_TIMEOUT_S = 120.0
# gRPC refuses an answer over 4 MiB by default; a province's whole review queue of 5,000 works is ~10 MiB.
MAX_ANSWER_BYTES = 64 * 1024 * 1024
CHANNEL_OPTIONS = (("grpc.max_receive_message_length", MAX_ANSWER_BYTES),)


class PasswordCallDeadline(grpc.aio.UnaryUnaryClientInterceptor):
    """Gives the registry's password calls PASSWORD_CALL_TIMEOUT_S instead of CALL_TIMEOUT_S."""

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        method = client_call_details.method
        name = (method.decode() if isinstance(method, bytes) else method).rsplit("/", 1)[-1]
        if name in PASSWORD_CALLS:
            client_call_details = client_call_details._replace(timeout=PASSWORD_CALL_TIMEOUT_S)
        return await continuation(client_call_details, request)


@dataclass(frozen=True)
class Caller:
    """The signed-in account (or nobody) and the request's correlation id."""

    claims: Claims | None
    correlation_id: str

    def cause(self) -> Cause:
        account, role = (self.claims.account_id, self.claims.role) if self.claims else ("anonymous", "anonymous")
        return Cause(account, role, self.correlation_id, self.correlation_id)

    def call(self) -> dict:
        """Keyword arguments of a stub call: who asks, under which correlation id, for how long."""
        return {"metadata": metadata_of(self.cause()), "timeout": CALL_TIMEOUT_S}


class Services:
    """Channels opened on first use, so they belong to the event loop that serves the requests."""

    def __init__(self, settings: Settings):
        self.addresses = {name: settings.grpc_address(name) for name in DIALED}
        self._channels: dict[str, grpc.aio.Channel] = {}
        self._stubs: dict[type, object] = {}  # one stub per service (a stub builds a callable per method)

    def channel(self, name: str) -> grpc.aio.Channel:
        if name not in self._channels:
            interceptors = [PasswordCallDeadline()] if name == "registry" else []
            self._channels[name] = grpc.aio.insecure_channel(self.addresses[name], interceptors=interceptors,
                                                             options=CHANNEL_OPTIONS)
        return self._channels[name]

    def _stub(self, stub: type, name: str):
        if stub not in self._stubs:
            self._stubs[stub] = stub(self.channel(name))
        return self._stubs[stub]

    @property
    def awards(self) -> awards_pb2_grpc.AwardsStub:
        return self._stub(awards_pb2_grpc.AwardsStub, "awards")

    @property
    def audit(self) -> audit_pb2_grpc.AuditStub:
        return self._stub(audit_pb2_grpc.AuditStub, "audit")

    @property
    def registry(self) -> registry_pb2_grpc.RegistryStub:
        return self._stub(registry_pb2_grpc.RegistryStub, "registry")

    @property
    def intake(self) -> intake_pb2_grpc.IntakeStub:
        return self._stub(intake_pb2_grpc.IntakeStub, "intake")

    @property
    def review(self) -> review_pb2_grpc.ReviewStub:
        return self._stub(review_pb2_grpc.ReviewStub, "review")

    @property
    def scoring(self) -> scoring_pb2_grpc.ScoringStub:
        return self._stub(scoring_pb2_grpc.ScoringStub, "scoring")

    @property
    def notifications(self) -> notifications_pb2_grpc.NotificationsStub:
        """In-app notifications are kept by the review service, on its channel."""
        return self._stub(notifications_pb2_grpc.NotificationsStub, "review")

    async def health(self, name: str, timeout: float = 2.0) -> str:
        """The standard gRPC health status of a service's server; UNREACHABLE when it does not answer."""
        stub = health_pb2_grpc.HealthStub(self.channel(name))
        try:
            reply = await stub.Check(health_pb2.HealthCheckRequest(), timeout=timeout)
        except grpc.RpcError:
            return "UNREACHABLE"
        return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)

    async def close(self) -> None:
        for channel in self._channels.values():
            await channel.close()
        self._channels.clear()
        self._stubs.clear()
