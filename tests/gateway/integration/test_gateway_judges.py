"""The province issues judge accounts through the gateway; the profile reaches the log for scoring."""

from __future__ import annotations


def error(reply, status: int, code: str) -> None:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"], body


def judge_form(username: str, **more) -> dict:
    return {"username": username, "password": "judge-pass-1", "display_name": "周评委", **more}


async def test_the_province_issues_a_judge_with_affiliation_expertise_and_declared_persons(http, login, platform):
    regions = {r["code"]: r["id"] for r in (await http.get("/regions")).json()["regions"]}
    form = judge_form("gw-judge-one", region_id=regions["jilin"], expertise=["animation", "documentary"],
                      declared_persons=["王老师", " 李雷 ", "王老师"])
    issued = await http.post("/accounts/judges", json=form, headers=await login("demo-province"))
    assert issued.status_code == 201, issued.text
    judge = issued.json()
    assert judge["role"] == "judge" and judge["status"] == "active" and judge["region_id"] == ""
    assert judge["judge"] == {"region_id": regions["jilin"], "school_id": "",
                              "expertise": ["documentary", "animation"], "declared_persons": ["李雷", "王老师"]}
    profile = [env for _, env in platform.registry.envelopes(0, 10_000)
               if env.type == "JudgeProfileRecorded" and env.aggregate_id == judge["id"]]
    assert len(profile) == 1 and profile[0].payload["region_id"] == regions["jilin"]
    assert (await http.post("/auth/login", json={"username": "gw-judge-one", "password": "judge-pass-1"})).json()[
        "account"]["role"] == "judge"


async def test_only_the_province_issues_judges_and_bad_profiles_are_refused(http, login, people):
    for who in ("demo-student", "demo-school", "demo-region", "demo-judge", "demo-auditor"):
        error(await http.post("/accounts/judges", json=judge_form("gw-judge-x"), headers=await login(who)),
              403, "forbidden")
    error(await http.post("/accounts/judges", json=judge_form("gw-judge-x")), 401, "not_logged_in")
    province = await login("demo-province")
    error(await http.post("/accounts/judges", json=judge_form("gw-judge-x", expertise=["cooking"]), headers=province),
          422, "unknown_category")
    error(await http.post("/accounts/judges", json=judge_form("gw-judge-x", region_id="nowhere"), headers=province),
          404, "not_found")
    regions = {r["code"]: r["id"] for r in (await http.get("/regions")).json()["regions"]}
    error(await http.post("/accounts/judges", json=judge_form("gw-judge-x", region_id=regions["jilin"],
                                                              school_id=people.school_two), headers=province),
          422, "school_outside_region")
    error(await http.post("/accounts/judges", json=judge_form("demo-judge"), headers=province), 409, "username_taken")
    error(await http.post("/accounts/judges", json={**judge_form("gw-judge-x"), "role": "province_admin"},
                          headers=province), 422, "invalid_request")
    accounts = (await http.get("/accounts?role=judge", headers=province)).json()["accounts"]
    assert "gw-judge-x" not in {a["username"] for a in accounts}
