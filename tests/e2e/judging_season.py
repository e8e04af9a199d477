"""A judged season (issue 7's play) through the HTTP API of a stack `festival up` started: three works qualified
in two categories, judges issued, rounds opened and assigned, every judge scores blind, one conflict is declared and reassigned, one
sheet amended, results and the bias report read; the judging window closes the rounds; every step is on FESTIVAL
with intact chains, and a replay of the scoring events re-derives the results byte for byte. The awards tests go
on from here (through the API: awards_flow.py; in the browser: tests/web/test_awards_pages.py)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import httpx

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
import media  # noqa: E402
from flows import DRAFT, login, prepared_work, service_log, submit_when_inspected  # noqa: E402

from festival_events.envelope import canonical, chain_problems  # noqa: E402
from festival_scoring.replay import differences, rebuild  # noqa: E402

REGIONS = ("jilin", "siping", "liaoyuan", "tonghua", "baishan", "songyuan")
POINTS = {"documentary": ("scientific", "professional", "story", "artistry", "technique"),
          "animation": ("scientific", "creative", "story", "artistry", "technique")}
MAXIMA = (30, 20, 20, 20, 10)


def ok(reply: httpx.Response, status: int = 200) -> dict:
    assert reply.status_code == status, reply.text
    return reply.json()


def refused(reply: httpx.Response, status: int, code: str) -> None:
    assert reply.status_code == status, reply.text
    assert reply.json()["code"] == code and reply.json()["message_zh"], reply.text


def wait_until(check, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)
    return found


def sign_in(client: httpx.Client, username: str, password: str) -> dict:
    reply = ok(client.post("/auth/login", json={"username": username, "password": password}))
    return {"Authorization": f"Bearer {reply['token']}"}


async def judged_season(stack, tmp_path) -> tuple[httpx.Client, dict[str, str]]:
    """Three works judged and the rounds closed, checked on the log; returns the client and work -> category."""
    client = httpx.Client(base_url=stack.gateway, timeout=60)
    student, school, region = (login(client, stack, r) for r in ("student", "school_admin", "region_admin"))
    film = media.film(tmp_path / "film.mp4", seconds=3).read_bytes()
    cover = media.image(640, 480)
    works = {prepared_work(client, student, film, cover, title, category): category for title, category in
             (("一滴水的旅行", "documentary"), ("风从哪里来", "documentary"), ("细胞的一天", "animation"))}
    for work in works:
        submit_when_inspected(client, student, work)
    for level, auth in (("school", school), ("region", region)):
        for work in works:
            wait_until(lambda: client.post(f"/works/{work}/review/{level}", headers=auth,
                                           json={"action": "forward"}).status_code == 200)

    # The province issues judges: six of other regions, one of the works' own region (never assigned to them),
    # one who declared the works' advisor.
    province = login(client, stack, "province_admin")
    region_ids = {r["code"]: r["id"] for r in ok(client.get("/regions"))["regions"]}
    judges = {}
    for i, (code, declared) in enumerate([(c, []) for c in REGIONS] + [("changchun", []), ("yanbian", ["王老师"])]):
        form = {"username": f"judge-{i}", "password": "judge-pass-1", "display_name": f"评委{i}",
                "region_id": region_ids[code], "declared_persons": declared}
        judges[ok(client.post("/accounts/judges", headers=province, json=form), 201)["id"]] = f"judge-{i}"
    stack.clock("2023-08-01T09:00")
    wait_until(lambda: client.get("/edition").json()["phase"] == "judging_open")
    province = login(client, stack, "province_admin")
    for work in works:
        wait_until(lambda: client.post(f"/works/{work}/review/province", headers=province,
                                       json={"action": "qualify"}).status_code == 200)

    rounds = {}
    for category in ("documentary", "animation"):
        opened = ok(client.post("/judging/rounds", headers=province, json={"category": category}), 201)
        rounds[category] = opened["id"]
        # scoring hears of the judge accounts through its consumer: wait until it knows them all
        wait_until(lambda: client.put(f"/judging/rounds/{opened['id']}/judges", headers=province,
                                      json={"judge_ids": list(judges)}).status_code == 200)
        wanted = sum(1 for c in works.values() if c == category)
        wait_until(lambda: ok(client.get(f"/judging/rounds/{opened['id']}", headers=province))["qualified_waiting"] == wanted)
        assigned = ok(client.post(f"/judging/rounds/{opened['id']}/assignment", headers=province))
        assert assigned["status"] == "assigned" and assigned["sheets_expected"] == 5 * wanted
        loads = {j["account_id"]: j["works"] for j in assigned["judges"]}
        assert all(loads[j] == 0 for j, name in judges.items() if name in ("judge-6", "judge-7"))  # conflicts
    refused(client.post("/judging/rounds", headers=province, json={"category": "documentary"}), 409, "round_exists")
    refused(client.get(f"/judging/rounds/{rounds['animation']}", headers=login(client, stack, "student")), 403, "forbidden")

    # Every judge scores blind; one declares a conflict (reassigned), one amends a submitted sheet.
    tokens = {j: sign_in(client, name, "judge-pass-1") for j, name in judges.items()}
    blind_words = ["李雷", "韩梅梅", "王老师", "13800000000", "长春", "changchun", *judges,
                   *(c["school"] for c in DRAFT["creators"])]
    conflicted = amended = None
    for judge_id, auth in tokens.items():
        mine = ok(client.get("/judging/assignments", headers=auth))["assignments"]
        text = json.dumps(mine, ensure_ascii=False)
        assert not [w for w in blind_words if w in text], "a judge's view names a person, school or region"
        for a in mine:
            if conflicted is None:
                moved = ok(client.post(f"/judging/assignments/{a['id']}/conflict", headers=auth,
                                       json={"reason": "作者是我的亲属"}))
                assert moved["reassigned"] is True
                conflicted = (judge_id, a["id"])
                continue
            film_link = next(f["url"] for f in a["work"]["files"] if f["slot"] == "film")
            assert httpx.get(film_link).content[:12] == film[:12]
            category = a["work"]["category"]
            points = {code: top - (hash(a["id"] + judge_id) % 5) for code, top in zip(POINTS[category], MAXIMA)}
            refused(client.put(f"/judging/assignments/{a['id']}/sheet", headers=auth,
                               json={"points": {**points, "scientific": 31}}), 422, "points_out_of_range")
            ok(client.put(f"/judging/assignments/{a['id']}/sheet", headers=auth, json={"points": points,
                                                                                  "comment": "选题好"}))
            ok(client.post(f"/judging/assignments/{a['id']}/submit", headers=auth))
            if amended is None:
                refused(client.post(f"/judging/assignments/{a['id']}/submit", headers=auth), 409, "already_submitted")
                ok(client.put(f"/judging/assignments/{a['id']}/sheet", headers=auth,
                              json={"points": {**points, "story": 1}, "reason": "重看后下调故事性"}))
                amended = a["id"]
    # the replacement judge has the work now
    for judge_id, auth in tokens.items():
        for a in ok(client.get("/judging/assignments", headers=auth))["assignments"]:
            if a["sheet"]["status"] == "draft":
                points = dict(zip(POINTS[a["work"]["category"]], MAXIMA))
                ok(client.put(f"/judging/assignments/{a['id']}/sheet", headers=auth, json={"points": points}))
                ok(client.post(f"/judging/assignments/{a['id']}/submit", headers=auth))
    outsider = next(auth for j, auth in tokens.items() if j != conflicted[0])
    refused(client.get(f"/judging/assignments/{conflicted[1]}", headers=outsider), 403, "not_your_assignment")

    for category, round_id in rounds.items():
        progress = ok(client.get(f"/judging/rounds/{round_id}/progress", headers=province))
        assert all(w["pending"] == 0 and w["done"] == 5 for w in progress["works"])
        results = ok(client.get(f"/judging/rounds/{round_id}/results", headers=province))
        assert not results["final"] and len(results["works"]) == sum(1 for c in works.values() if c == category)
        assert all(w["sheets"] == 5 and 0 < w["raw_mean"] <= 100 for w in results["works"])
        report = ok(client.get(f"/judging/rounds/{round_id}/report", headers=login(client, stack, "auditor")))
        assert {j["judge_id"] for j in report["judges"]} <= set(judges) and report["works"]

    # September: the judging window closes every round; results become final and sheets freeze.
    stack.clock("2023-09-01T09:00")
    for round_id in rounds.values():
        wait_until(lambda: ok(client.get(f"/judging/rounds/{round_id}", headers=login(client, stack, "province_admin")))["status"] == "closed")
    province = login(client, stack, "province_admin")
    final = {c: ok(client.get(f"/judging/rounds/{r}/results", headers=province)) for c, r in rounds.items()}
    assert all(r["final"] for r in final.values())

    # The log: every step, chains intact, and the results re-derived from the log byte for byte.
    log = await service_log(stack, "scoring")
    types = {e.type for e in log}
    assert {"JudgingRoundOpened", "JudgesAppointed", "RoundAssigned", "JudgeAssigned", "ConflictDeclared",
            "JudgeReplaced", "ScoreSheetDrafted", "ScoreSheetSubmitted", "ScoreSheetAmended", "RoundClosed",
            "RoundResultsComputed"} <= types
    assert chain_problems(log) == []
    assert {e.actor.role for e in log if e.type == "ScoreSheetSubmitted"} == {"judge"}
    replayed = rebuild(log)
    assert differences(replayed) == []
    for category, round_id in rounds.items():
        served = {w["work_id"]: (w["raw_mean"], w["score"], w["rank"]) for w in final[category]["works"]}
        rederived = replayed.rederive(round_id)
        assert served == {w["work_id"]: (w["raw_mean"], w["score"], w["rank"]) for w in rederived["works"]}
        assert rederived["inputs_digest"] == final[category]["inputs_digest"]
        assert canonical(rederived) == canonical(replayed.recorded[round_id])

    return client, works
