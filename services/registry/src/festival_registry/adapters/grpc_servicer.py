"""The Registry gRPC servicer: thin translation between protobuf messages and RegistryApplication."""

from __future__ import annotations

import grpc

from festival.registry.v1 import registry_pb2 as pb
from festival.registry.v1 import registry_pb2_grpc
from festival_kit.context import Cause
from festival_kit.rpc import rpc
from festival_registry.adapters.password_work import PasswordWork
from festival_registry.application import RegistryApplication
from festival_registry.domain.account import Account
from festival_registry.domain.edition import Edition
from festival_registry.domain.region import Region, School

FULL_NAME = "festival.registry.v1.Registry"


class RegistryServicer(registry_pb2_grpc.RegistryServicer):
    """Every RPC of festival.registry.v1.Registry; refusals travel as FestivalError trailers."""

    def __init__(self, app: RegistryApplication, passwords: PasswordWork | None = None):
        self.app = app
        self.passwords = passwords or PasswordWork()  # every call that hashes or verifies runs there

    def add_to(self, server: grpc.aio.Server) -> None:
        registry_pb2_grpc.add_RegistryServicer_to_server(self, server)

    @rpc
    async def Login(self, request: pb.LoginRequest, cause: Cause) -> pb.Account:
        return account_pb(await self.passwords.run(self.app.login, request.username, request.password))

    @rpc
    def GetAccount(self, request: pb.GetAccountRequest, cause: Cause) -> pb.Account:
        return account_pb(self.app.get_account(request.account_id))

    @rpc
    async def RegisterStudent(self, request: pb.RegisterStudentRequest, cause: Cause) -> pb.Account:
        r = request
        return account_pb(await self.passwords.run(
            self.app.register_student, r.username, r.password, r.display_name, r.school_id))

    @rpc
    async def RegisterSchoolAdmin(self, request: pb.RegisterSchoolAdminRequest, cause: Cause) -> pb.Account:
        r = request
        return account_pb(await self.passwords.run(
            self.app.register_school_admin, r.username, r.password, r.display_name, r.region_id, r.school_name))

    @rpc
    def DecideSchoolAdmin(self, request: pb.DecideSchoolAdminRequest, cause: Cause) -> pb.Account:
        return account_pb(self.app.decide_school_admin(request.account_id, request.approve, request.reason))

    @rpc
    def ListAccounts(self, request: pb.ListAccountsRequest, cause: Cause) -> pb.AccountList:
        found = self.app.list_accounts(request.role, request.region_id, request.status)
        return pb.AccountList(accounts=[account_pb(a) for a in found])

    @rpc
    async def IssueRegionAdmin(self, request: pb.IssueRegionAdminRequest, cause: Cause) -> pb.Account:
        r = request
        return account_pb(await self.passwords.run(
            self.app.issue_region_admin, r.username, r.password, r.display_name, r.region_id))

    @rpc
    async def IssueJudge(self, request: pb.IssueJudgeRequest, cause: Cause) -> pb.Account:
        r = request
        return account_pb(await self.passwords.run(
            self.app.issue_judge, r.username, r.password, r.display_name, r.region_id, r.school_id,
            tuple(r.expertise), tuple(r.declared_persons)))

    @rpc
    def SuspendAccount(self, request: pb.SuspendAccountRequest, cause: Cause) -> pb.Account:
        return account_pb(self.app.suspend_account(request.account_id, request.reason))

    @rpc
    def ReactivateAccount(self, request: pb.ReactivateAccountRequest, cause: Cause) -> pb.Account:
        return account_pb(self.app.reactivate_account(request.account_id))

    @rpc
    async def ChangePassword(self, request: pb.ChangePasswordRequest, cause: Cause) -> pb.Account:
        return account_pb(await self.passwords.run(
            self.app.change_password, request.current_password, request.new_password))

    @rpc
    async def ResetPassword(self, request: pb.ResetPasswordRequest, cause: Cause) -> pb.Account:
        return account_pb(await self.passwords.run(self.app.reset_password, request.account_id, request.new_password))

    @rpc
    def GetEdition(self, request: pb.GetEditionRequest, cause: Cause) -> pb.Edition:
        return edition_pb(self.app.edition(request.code))

    @rpc
    def ListRegions(self, request: pb.ListRegionsRequest, cause: Cause) -> pb.RegionList:
        return pb.RegionList(regions=[region_pb(r) for r in self.app.regions()])

    @rpc
    def ListSchools(self, request: pb.ListSchoolsRequest, cause: Cause) -> pb.SchoolList:
        return pb.SchoolList(schools=[school_pb(s) for s in self.app.schools(request.region_id)])


def account_pb(account: Account) -> pb.Account:
    """An account as the API shows it: never its password hash."""
    return pb.Account(
        id=str(account.id), username=account.username, display_name=account.display_name, role=account.role,
        region_id=account.region_id or "", school_id=account.school_id or "", status=account.status,
        judge=judge_pb(account.judge_profile), sessions=account.sessions,
        suspension_reason=account.suspension_reason,
    )


def judge_pb(profile: dict | None) -> pb.JudgeProfile | None:
    if profile is None:
        return None
    return pb.JudgeProfile(region_id=profile["region_id"] or "", school_id=profile["school_id"] or "",
                           expertise=profile["expertise"], declared_persons=profile["declared_persons"])


def edition_pb(edition: Edition) -> pb.Edition:
    return pb.Edition(
        id=str(edition.id), code=edition.edition, rules_json=edition.rules.model_dump_json(), phase=edition.phase
    )


def region_pb(region: Region) -> pb.Region:
    return pb.Region(id=str(region.id), code=region.code, name_zh=region.name_zh, name_en=region.name_en)


def school_pb(school: School) -> pb.School:
    return pb.School(id=str(school.id), name=school.name, region_id=school.region_id, approved=school.approved)
