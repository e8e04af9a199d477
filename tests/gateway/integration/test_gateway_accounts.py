"""Logging in, tokens, sign-up and approval, account lists and the catalogue, over the real registry."""

from __future__ import annotations

from datetime import datetime, timezone

from festival_gateway.tokens import Claims, Tokens


def error(reply, status: int, code: str) -> dict:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"], body
    return body


async def test_login_gives_a_token_and_me_answers(http):
    reply = await http.post("/auth/login", json={"username": "demo-student", "password": "festival-demo"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["account"]["role"] == "student" and body["account"]["school_id"] and body["expires_at"]
    assert "password" not in str(body["account"])
    me = await http.get("/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200 and me.json()["username"] == "demo-student"


async def test_a_bad_login_is_refused_by_the_registry(http):
    error(await http.post("/auth/login", json={"username": "demo-student", "password": "wrong-password"}),
          401, "bad_credentials")
    error(await http.post("/auth/login", json={"username": "nobody-here", "password": "festival-demo"}),
          401, "bad_credentials")


async def test_expired_and_forged_tokens(http, login, gateway_secret):
    me = (await http.get("/me", headers=await login("demo-student"))).json()
    claims = Claims(me["id"], "student", me["school_id"], me["region_id"])
    expired, _ = Tokens(gateway_secret, now=lambda: datetime(2020, 1, 1, tzinfo=timezone.utc)).issue(claims)
    error(await http.get("/me", headers={"Authorization": f"Bearer {expired}"}), 401, "token_expired")
    forged, _ = Tokens("not-the-gateway-secret-but-long-enough-x").issue(claims)
    error(await http.get("/me", headers={"Authorization": f"Bearer {forged}"}), 401, "bad_token")
    error(await http.get("/me"), 401, "not_logged_in")


async def test_a_school_admin_signs_up_is_approved_by_the_region_and_students_follow(http, login, people):
    regions = (await http.get("/regions")).json()["regions"]
    changchun = next(r for r in regions if r["code"] == "changchun")
    signed_up = await http.post("/accounts/school-admins", json={
        "username": "gw-teacher-three", "password": "teacher-pass-3", "display_name": "钱老师",
        "region_id": changchun["id"], "school_name": "长春市第三实验中学"})
    assert signed_up.status_code == 201, signed_up.text
    teacher = signed_up.json()
    assert teacher["status"] == "pending"
    error(await http.post("/auth/login", json={"username": "gw-teacher-three", "password": "teacher-pass-3"}),
          403, "account_pending")
    student_form = {"username": "gw-early-student", "password": "student-pass", "display_name": "孙同学",
                    "school_id": teacher["school_id"]}
    error(await http.post("/accounts/students", json=student_form), 409, "school_not_approved")

    pending = (await http.get("/accounts?status=pending", headers=await login("demo-region"))).json()
    assert teacher["id"] in [a["id"] for a in pending["accounts"]]
    jilin = await login(people.region_admin_jilin, people.password)
    assert teacher["id"] not in [a["id"] for a in (await http.get("/accounts", headers=jilin)).json()["accounts"]]
    decision = {"approve": True, "reason": ""}
    refused = await http.post(f"/accounts/{teacher['id']}/decision", json=decision, headers=jilin)
    assert refused.status_code in (403, 404) and refused.json()["code"] in ("forbidden", "not_found")
    approved = await http.post(f"/accounts/{teacher['id']}/decision", json=decision,
                               headers=await login("demo-region"))
    assert approved.status_code == 200 and approved.json()["status"] == "active", approved.text

    student = await http.post("/accounts/students", json=student_form)
    assert student.status_code == 201 and student.json()["school_id"] == teacher["school_id"], student.text
    await login("gw-early-student", "student-pass")


async def test_who_lists_accounts_and_issues_region_admins(http, login, people):
    error(await http.get("/accounts", headers=await login("demo-student")), 403, "forbidden")
    region = await login("demo-region")
    own = (await http.get("/accounts", headers=region)).json()["accounts"]
    assert own and {a["region_id"] for a in own} == {own[0]["region_id"]}
    everyone = (await http.get("/accounts", headers=await login("demo-province"))).json()["accounts"]
    assert len(everyone) > len(own)
    other = next(a["region_id"] for a in everyone if a["region_id"] and a["region_id"] != own[0]["region_id"])
    error(await http.get(f"/accounts?region_id={other}", headers=region), 403, "forbidden")
    issue = {"username": "gw-region-x", "password": "region-pass-x", "display_name": "某地区管理员",
             "region_id": other}
    error(await http.post("/accounts/region-admins", json=issue, headers=region), 403, "forbidden")
    issued = await http.post("/accounts/region-admins", json=issue, headers=await login("demo-province"))
    assert issued.status_code == 201 and issued.json()["role"] == "region_admin", issued.text


async def test_the_catalogue_is_public(http):
    edition = (await http.get("/edition")).json()
    assert edition["phase"] == "window_open" and edition["rules"]["team"]["max_creators"] == 8
    assert edition["local_times"] == {"timezone": "Asia/Shanghai", "window_opens": "2023-06-25 00:00",
                                      "window_closes": "2023-07-11 00:00", "region_deadline": "2023-07-20 16:00"}
    regions = (await http.get("/regions")).json()["regions"]
    assert len(regions) == 11 and {"长春市", "梅河口市"} <= {r["name_zh"] for r in regions}
    changchun = next(r["id"] for r in regions if r["code"] == "changchun")
    schools = (await http.get(f"/schools?region_id={changchun}")).json()["schools"]
    assert "长春市第一实验中学" in [s["name"] for s in schools]
    error(await http.get("/edition?code=99"), 404, "not_found")
