"""Sign-in tokens: JWT HS256 naming the account, its role and its scope, valid for a working day."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import jwt

from festival_kit import clock
from festival_kit.errors import FestivalError

ALGORITHM = "HS256"
LIFETIME = timedelta(hours=8)
_REQUIRED = ("sub", "role", "exp", "iat")
# Tokens whose signature has been checked, kept so a busy caller's every request does not decode and verify
# again (~15 % of a gateway read); expiry and revocation are still checked on each request.
VERIFIED = 4096


@dataclass(frozen=True)
class Claims:
    """Who a valid token says the caller is; school and region are empty when the role has none."""

    account_id: str
    role: str
    school_id: str = ""
    region_id: str = ""
    token_id: str = ""  # the token's own id (jti): what logging out revokes
    sessions: int = 0  # the account's session generation when issued: a suspension or new password ends it


def not_logged_in() -> FestivalError:
    return FestivalError("not_logged_in", "请先登录。", "Please log in first.", 401)


def token_expired() -> FestivalError:
    return FestivalError("token_expired", "登录已过期，请重新登录。", "Your login has expired: log in again.", 401)


def token_revoked() -> FestivalError:
    return FestivalError("token_revoked", "此次登录已结束（已退出、账号被停用或密码已更改），请重新登录。",
                         "This login was ended (logged out, account suspended or password changed): log in again.", 401)


def bad_token() -> FestivalError:
    return FestivalError("bad_token", "登录凭证无效，请重新登录。", "The login token is not valid: log in again.", 401)


class Tokens:
    """Issues and verifies tokens; time comes from the injected clock, so a moved clock moves expiry too."""

    def __init__(self, secret: str, now: Callable[[], datetime] = clock.now, lifetime: timedelta = LIFETIME):
        self.secret, self.now, self.lifetime = secret, now, lifetime
        self._claims = functools.lru_cache(maxsize=VERIFIED)(self._decode)

    def issue(self, claims: Claims) -> tuple[str, datetime]:
        """A signed token for these claims and the moment it expires (UTC)."""
        issued = self.now().astimezone(timezone.utc).replace(microsecond=0)
        expires = issued + self.lifetime
        body = {
            "sub": claims.account_id, "role": claims.role, "school_id": claims.school_id,
            "region_id": claims.region_id, "iat": int(issued.timestamp()), "exp": int(expires.timestamp()),
            "jti": uuid.uuid4().hex, "gen": claims.sessions,
        }
        return jwt.encode(body, self.secret, algorithm=ALGORITHM), expires

    def verify(self, token: str) -> Claims:
        """The claims of a genuine, unexpired token; else FestivalError bad_token or token_expired."""
        expires, claims = self._claims(token)
        if self.now().timestamp() >= expires:
            raise token_expired()
        return claims

    def _decode(self, token: str) -> tuple[int, Claims]:
        """(exp, claims) of a token signed with our secret; a refusal raises, so it is never kept."""
        try:
            # pyjwt would compare exp and iat with the wall clock; the platform's clock may be moved.
            body = jwt.decode(
                token, self.secret, algorithms=[ALGORITHM],
                options={"verify_exp": False, "verify_iat": False, "require": list(_REQUIRED)},
            )
        except jwt.PyJWTError as problem:
            raise bad_token() from problem
        if not _well_formed(body):
            raise bad_token()
        return body["exp"], Claims(body["sub"], body["role"], body.get("school_id") or "",
                                   body.get("region_id") or "", str(body.get("jti") or ""), body.get("gen", 0))


def _well_formed(body: dict) -> bool:
    texts = (body.get(k, "") for k in ("sub", "role", "school_id", "region_id"))
    numbers = (body.get(k) for k in ("exp", "iat", "gen") if k in body)
    return all(isinstance(t, str) for t in texts) and all(
        isinstance(n, int) and not isinstance(n, bool) for n in numbers
    ) and bool(body["sub"]) and bool(body["role"])
