"""Logging in, and who am I."""

from __future__ import annotations

import grpc
from fastapi import APIRouter, Depends, Request

from festival.registry.v1 import registry_pb2
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import anonymous, caller, services, sessions, tokens
from festival_gateway.models import LoginRequest, PasswordChange
from festival_gateway.routes.common import errors
from festival_gateway.sessions import FAILED_BY_ADDRESS, FAILED_BY_USER, Sessions, key
from festival_gateway.tokens import Claims, Tokens
from festival_kit.errors import FestivalError

router = APIRouter(tags=["登录 / auth"])


def not_active(status: str) -> FestivalError:
    return FestivalError(f"account_{status or 'inactive'}", "账号尚未启用。", "This account is not active.", 403)


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


@router.post(
    "/auth/login", summary="登录 / Log in", responses=errors(401, 403, 429),
    description="用户名和密码换取 8 小时有效的令牌。同一用户名失败 10 次（同一地址 100 次）且其间没有 15 分钟的间隔时，"
    "暂停登录（429，Retry-After 给出等待秒数）。\n\nExchange a username and password for a token valid 8 hours. "
    "After 10 failures for one username (100 from one address) without 15 quiet minutes between them, logins "
    "pause (429 with Retry-After).",
)
async def login(
    request: Request, body: LoginRequest, who: Caller = Depends(anonymous), svc: Services = Depends(services),
    issuer: Tokens = Depends(tokens), shared: Sessions = Depends(sessions),
) -> dict:
    user, address = key("user", body.username), key("addr", client_address(request))
    async with shared.guess((FAILED_BY_USER, user), (FAILED_BY_ADDRESS, address)) as failed:
        try:
            account = await svc.registry.Login(registry_pb2.LoginRequest(**body.model_dump()), **who.call())
        except grpc.RpcError as problem:
            refused = FestivalError.from_rpc_error(problem)
            if refused is not None and refused.status == 401:  # a wrong password (or no such user) counts
                await failed()
            raise
        await shared.clear(FAILED_BY_USER, user)
    if account.status != "active":  # the registry refuses these already; a token must never say otherwise
        raise not_active(account.status)
    return signed_in(issuer, account)


def signed_in(issuer: Tokens, account: registry_pb2.Account) -> dict:
    """A fresh token for the account, in its session generation in force."""
    claims = Claims(account.id, account.role, account.school_id, account.region_id, sessions=account.sessions)
    token, expires = issuer.issue(claims)
    return {"token": token, "token_type": "bearer", "expires_at": expires.isoformat(), "account": to_json(account)}


@router.post(
    "/auth/logout", summary="退出登录 / Log out", responses=errors(401),
    description="令牌立即失效（所有网关实例）。\n\nThe token stops working at once, on every gateway replica.",
)
async def logout(who: Caller = Depends(caller), shared: Sessions = Depends(sessions)) -> dict:
    await shared.revoke(who.claims.token_id)
    return {"logged_out": True}


@router.post(
    "/auth/password", summary="修改密码 / Change my password", responses=errors(401, 403, 422, 429),
    description="输入当前密码并设置新密码（10 至 128 个字符，不能过于常见，不能包含用户名）。此前签发的所有令牌"
    "（包括其他设备上的登录）立即失效；返回新的令牌。当前密码错误与登录失败一同计数。\n\nChange your password, "
    "proving the current one (the new one: 10 to 128 characters, not a common one, not containing the username). "
    "Every token issued before stops working, on every device; the answer carries a new token. A wrong current "
    "password counts as a failed login.",
)
async def change_password(body: PasswordChange, who: Caller = Depends(caller), svc: Services = Depends(services),
                          issuer: Tokens = Depends(tokens), shared: Sessions = Depends(sessions)) -> dict:
    async with shared.guess((FAILED_BY_USER, key("account", who.claims.account_id))) as failed:
        try:
            account = await svc.registry.ChangePassword(registry_pb2.ChangePasswordRequest(**body.model_dump()),
                                                        **who.call())
        except grpc.RpcError as problem:
            refused = FestivalError.from_rpc_error(problem)
            if refused is not None and refused.code == "wrong_password":
                await failed()
            raise
    return signed_in(issuer, account)


@router.get(
    "/me", summary="当前账号 / My account", responses=errors(401, 404),
    description="令牌所属的账号。\n\nThe account the token belongs to.",
)
async def me(who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    request = registry_pb2.GetAccountRequest(account_id=who.claims.account_id)
    return to_json(await svc.registry.GetAccount(request, **who.call()))
