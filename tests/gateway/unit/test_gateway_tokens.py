"""Tokens: issue and verify, expiry on the injected clock, forgery and garbage refused with their codes."""

from __future__ import annotations

from dataclasses import replace

from datetime import datetime, timedelta, timezone

import jwt
import pytest

from festival_gateway.tokens import Claims, Tokens
from festival_kit.errors import FestivalError

SECRET = "unit-test-secret-that-is-long-enough-for-hs256"
T0 = datetime(2023, 6, 26, 1, 0, tzinfo=timezone.utc)
CLAIMS = Claims("acc-1", "student", school_id="school-1", region_id="region-1")


class Clock:
    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def refusal(tokens: Tokens, token: str) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        tokens.verify(token)
    assert caught.value.status == 401 and caught.value.message_zh and caught.value.message_en
    return caught.value


def test_an_issued_token_verifies_to_its_claims_and_expires_after_eight_hours():
    tokens = Tokens(SECRET, now=Clock(T0))
    token, expires = tokens.issue(CLAIMS)
    assert expires == T0 + timedelta(hours=8)
    body = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert len(body.pop("jti")) == 32  # each token its own id, what logging out revokes
    assert body == {"sub": "acc-1", "role": "student", "school_id": "school-1", "region_id": "region-1",
                    "iat": int(T0.timestamp()), "exp": int(expires.timestamp()), "gen": 0}
    verified = tokens.verify(token)
    assert verified.token_id and replace(verified, token_id="") == CLAIMS
    assert tokens.verify(tokens.issue(CLAIMS)[0]).token_id != verified.token_id


def test_a_token_carries_its_accounts_session_generation_and_a_token_without_one_is_of_the_first():
    tokens = Tokens(SECRET, now=Clock(T0))
    assert tokens.verify(tokens.issue(replace(CLAIMS, sessions=3))[0]).sessions == 3
    now = int(T0.timestamp())
    older = jwt.encode({"sub": "acc-1", "role": "student", "iat": now, "exp": now + 60}, SECRET, algorithm="HS256")
    assert tokens.verify(older).sessions == 0
    odd = jwt.encode({"sub": "acc-1", "role": "student", "iat": now, "exp": now + 60, "gen": "2"}, SECRET,
                     algorithm="HS256")
    assert refusal(tokens, odd).code == "bad_token"


def test_expiry_follows_the_platform_clock_not_the_wall_clock():
    clock = Clock(T0)  # 2023: long past on the wall clock, yet the token is fresh on the platform's clock
    tokens = Tokens(SECRET, now=clock)
    token, _ = tokens.issue(CLAIMS)
    clock.moment = T0 + timedelta(hours=7, minutes=59)
    assert tokens.verify(token).account_id == "acc-1"
    clock.moment = T0 + timedelta(hours=8)
    assert refusal(tokens, token).code == "token_expired"


def test_a_token_signed_with_another_secret_is_a_bad_token():
    forged, _ = Tokens("someone-elses-secret-also-long-enough-x", now=Clock(T0)).issue(
        Claims("acc-1", "province_admin")
    )
    assert refusal(Tokens(SECRET, now=Clock(T0)), forged).code == "bad_token"


@pytest.mark.parametrize("token", ["", "garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.xyz"])
def test_garbled_tokens_are_bad_tokens(token):
    assert refusal(Tokens(SECRET, now=Clock(T0)), token).code == "bad_token"


def test_an_unsigned_token_or_a_changed_role_is_a_bad_token():
    tokens = Tokens(SECRET, now=Clock(T0))
    now = int(T0.timestamp())
    unsigned = jwt.encode({"sub": "acc-1", "role": "province_admin", "iat": now, "exp": now + 60}, key=None,
                          algorithm="none")
    assert refusal(tokens, unsigned).code == "bad_token"
    token, _ = tokens.issue(CLAIMS)
    header, _, signature = token.split(".")
    other_body = jwt.encode({"sub": "acc-1", "role": "province_admin", "iat": now, "exp": now + 60}, SECRET,
                            algorithm="HS256").split(".")[1]
    assert refusal(tokens, f"{header}.{other_body}.{signature}").code == "bad_token"


@pytest.mark.parametrize("body", [
    {"role": "student", "iat": 1, "exp": 2**40},               # no subject
    {"sub": "acc-1", "iat": 1, "exp": 2**40},                  # no role
    {"sub": "acc-1", "role": "student", "iat": 1},              # no expiry
    {"sub": "acc-1", "role": ["student"], "iat": 1, "exp": 2**40},
    {"sub": "acc-1", "role": "student", "iat": 1, "exp": "never"},
])  # fmt: skip
def test_a_genuinely_signed_but_malformed_body_is_a_bad_token(body):
    token = jwt.encode(body, SECRET, algorithm="HS256")
    assert refusal(Tokens(SECRET, now=Clock(T0)), token).code == "bad_token"


def test_a_verified_token_is_remembered_but_a_tampered_copy_and_another_gateways_secret_are_not():
    tokens = Tokens(SECRET, now=Clock(T0))
    token, _ = tokens.issue(CLAIMS)
    assert tokens.verify(token) == tokens.verify(token)
    head, body, signature = token.split(".")
    tampered = ".".join((head, body, ("A" if signature[0] != "A" else "B") + signature[1:]))
    assert refusal(tokens, tampered).code == "bad_token"
    assert refusal(tokens, tampered).code == "bad_token"  # a refusal is not kept as a pass
    assert refusal(Tokens("another-gateways-secret-long-enough-x", now=Clock(T0)), token).code == "bad_token"
