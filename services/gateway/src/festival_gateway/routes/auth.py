"""Logging in, and who am I."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from festival.registry.v1 import registry_pb2
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.deps import anonymous, caller, services, tokens
from festival_gateway.models import LoginRequest
from festival_gateway.routes.common import errors
from festival_gateway.tokens import Claims, Tokens
from festival_kit.errors import FestivalError

router = APIRouter(tags=["登录 / auth"])


def not_active(status: str) -> FestivalError:
    return FestivalError(f"account_{status or 'inactive'}", "账号尚未启用。", "This account is not active.", 403)


@router.post(
    "/auth/login", summary="登录 / Log in", responses=errors(401, 403),
    description="用户名和密码换取 8 小时有效的令牌。\n\nExchange a username and password for a token valid 8 hours.",
)
async def login(
    body: LoginRequest, who: Caller = Depends(anonymous), svc: Services = Depends(services),
    issuer: Tokens = Depends(tokens),
) -> dict:
    account = await svc.registry.Login(registry_pb2.LoginRequest(**body.model_dump()), **who.call())
    if account.status != "active":  # the registry refuses these already; a token must never say otherwise
        raise not_active(account.status)
    token, expires = issuer.issue(Claims(account.id, account.role, account.school_id, account.region_id))
    return {"token": token, "token_type": "bearer", "expires_at": expires.isoformat(), "account": to_json(account)}


@router.get(
    "/me", summary="当前账号 / My account", responses=errors(401, 404),
    description="令牌所属的账号。\n\nThe account the token belongs to.",
)
async def me(who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    request = registry_pb2.GetAccountRequest(account_id=who.claims.account_id)
    return to_json(await svc.registry.GetAccount(request, **who.call()))
