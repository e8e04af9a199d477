"""Issue 12's sessions on a stack `festival up` started: the province suspends a student and the token the student
already holds is refused by the gateway within a second (the gateway learns it from the registry's event on
FESTIVAL, not by asking); a new password, changed by its owner or reset by the school's admin, ends every token
issued before it; each change is on the log without the password's hash."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import httpx

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
from flows import login, service_log  # noqa: E402


def bearer(reply: httpx.Response) -> dict:
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def refused_within_a_second(client: httpx.Client, auth: dict) -> float:
    """How long the gateway still took the token; fails past one second. The student's works come from intake,
    which knows nothing of accounts: only the gateway can refuse the token there."""
    started = time.monotonic()
    while (answer := client.get("/works", headers=auth)).status_code == 200:
        assert time.monotonic() - started < 1.0, "the old token still works a second later"
        time.sleep(0.01)
    assert (answer.status_code, answer.json()["code"]) == (401, "token_revoked"), answer.text
    assert "重新登录" in answer.json()["message_zh"]
    return time.monotonic() - started


async def test_suspension_and_new_passwords_end_the_tokens_already_issued(stack):
    client = httpx.Client(base_url=stack.gateway, timeout=30)
    province, school = login(client, stack, "province_admin"), login(client, stack, "school_admin")
    school_id = client.get("/me", headers=school).json()["school_id"]
    sign_up = {"username": "e2e-sessions-kid", "password": "first-pass-phrase", "display_name": "钱同学",
               "school_id": school_id}
    assert client.post("/accounts/students", json=sign_up).status_code == 201
    weak = client.post("/accounts/students", json={**sign_up, "username": "e2e-weak-kid", "password": "1234567890"})
    assert (weak.status_code, weak.json()["code"]) == (422, "weak_password")

    def log_in(password: str) -> httpx.Response:
        return client.post("/auth/login", json={"username": "e2e-sessions-kid", "password": password})

    kid = bearer(log_in("first-pass-phrase"))
    account_id = client.get("/me", headers=kid).json()["id"]

    # Suspended: the old token stops within a second; logging in is refused; reactivation brings no token back.
    not_province = client.post(f"/accounts/{account_id}/suspend", headers=school, json={"reason": "测试"})
    assert (not_province.status_code, not_province.json()["code"]) == (403, "forbidden")
    suspended = client.post(f"/accounts/{account_id}/suspend", headers=province, json={"reason": "冒用他人信息"})
    assert suspended.status_code == 200 and suspended.json()["status"] == "suspended", suspended.text
    refused_within_a_second(client, kid)
    assert log_in("first-pass-phrase").json()["code"] == "account_suspended"
    assert client.post(f"/accounts/{account_id}/reactivate", headers=province).json()["status"] == "active"
    assert client.get("/me", headers=kid).status_code == 401
    kid = bearer(log_in("first-pass-phrase"))
    other_device = bearer(log_in("first-pass-phrase"))

    # Changed by its owner: a wrong current password is refused; the answer's new token works, the others stop.
    wrong = client.post("/auth/password", headers=kid,
                        json={"current_password": "not-my-password", "new_password": "second-pass-phrase"})
    assert (wrong.status_code, wrong.json()["code"]) == (403, "wrong_password")
    changed = client.post("/auth/password", headers=kid,
                          json={"current_password": "first-pass-phrase", "new_password": "second-pass-phrase"})
    renewed = bearer(changed)
    refused_within_a_second(client, other_device)
    refused_within_a_second(client, kid)
    assert client.get("/me", headers=renewed).json()["username"] == "e2e-sessions-kid"
    assert log_in("first-pass-phrase").status_code == 401

    # Reset by the school's admin (the student forgot it): the student's tokens stop, the new password works.
    reset = client.post(f"/accounts/{account_id}/password", headers=school, json={"new_password": "set-by-teacher-1"})
    assert reset.status_code == 200, reset.text
    refused_within_a_second(client, renewed)
    assert client.get("/me", headers=bearer(log_in("set-by-teacher-1"))).status_code == 200
    short = client.post(f"/accounts/{account_id}/password", headers=school, json={"new_password": "short"})
    assert (short.status_code, short.json()["code"]) == (422, "invalid_request")

    log = [e for e in await service_log(stack, "registry") if e.aggregate_id == account_id]
    assert [e.type for e in log] == ["AccountOpened", "AccountSuspended", "AccountReactivated", "PasswordChanged",
                                     "PasswordChanged"]
    assert [e.payload.get("sessions") for e in log if e.type != "AccountReactivated"][1:] == [1, 2, 3]
    assert "$argon2" not in json.dumps([e.model_dump(mode="json") for e in log])
