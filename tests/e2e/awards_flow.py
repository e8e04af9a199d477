"""Issue 8's play, continuing a judged season through the HTTP API: awards computed, the draft read, published,
certificates downloaded and verified (the PDF's text names the creators), a correction revokes one certificate
and issues another, the advisor and a school honoured, the exhibition list released and downloaded by a region;
the best work's team is asked for its source files (附件 四.4), is notified, uploads them (multipart) and the
province downloads exactly those bytes; every awards event is on FESTIVAL with intact chains."""

from __future__ import annotations

import asyncio
import io
import json
import os
import zipfile

import httpx
from pypdf import PdfReader

from festival_events.envelope import chain_problems
from flows import DRAFT, login, service_log, upload


def ok(reply: httpx.Response, status: int = 200):
    assert reply.status_code == status, reply.text
    return reply.json() if reply.headers.get("content-type", "").startswith("application/json") else reply


def refused(reply: httpx.Response, status: int, code: str) -> None:
    assert reply.status_code == status, reply.text
    assert reply.json()["code"] == code and reply.json()["message_zh"], reply.text


def pdf_text(content: bytes) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


async def play(client: httpx.Client, stack, works: dict[str, str], wait_until) -> None:
    province, region = login(client, stack, "province_admin"), login(client, stack, "region_admin")
    student, school = login(client, stack, "student"), login(client, stack, "school_admin")
    refused(client.post("/awards/compute?category=opera", headers=province), 422, "unknown_category")
    refused(client.post("/awards/compute?category=documentary", headers=region), 403, "forbidden")
    for category in ("documentary", "animation"):
        wait_until(lambda: client.post(f"/awards/compute?category={category}", headers=province).status_code == 200)
    draft = ok(client.get("/awards/draft?category=documentary", headers=province))
    assert {w["work_id"] for w in draft["works"]} == {w for w, c in works.items() if c == "documentary"}
    # Two documentaries: 0.4 / 0.6 / 1.0 of a work → 0 / 1 / 1 (or both excellent when their scores tie).
    assert [t["counted"] for t in draft["tiers"]] == [0, 1, 1] and not draft["published"] and not draft["stale"]
    assert all({"tier", "score", "rank", "fragile"} <= set(w) for w in draft["works"])

    # Before publication a region admin reads only their own region's participation.
    own = ok(client.get("/awards/participation", headers=region))["rows"]
    others = [r["id"] for r in ok(client.get("/regions"))["regions"] if r["id"] != own[0]["region_id"]]
    refused(client.get(f"/awards/participation?region_id={others[0]}", headers=region), 403, "forbidden")
    assert not ok(client.get("/awards/participation", headers=region))["published"]

    published = ok(client.post("/awards/publish", headers=province, json={"note": "第11届评奖结果"}))["lists"]
    assert {a["scope"] for a in published} == {"documentary", "animation"} and all(a["published"] for a in published)
    refused(client.post("/awards/publish", headers=province, json={"note": "again"}), 409, "awards_published")
    public = ok(client.get("/awards"))
    text = json.dumps(public, ensure_ascii=False)
    assert "13800000000" not in text and "李雷" not in text and "一滴水的旅行" in text

    # Certificates: one per creator; the student downloads their own, anyone verifies the code.
    mine = ok(client.get("/awards/certificates", headers=student))["certificates"]
    assert len(mine) == 2 * len(works) and {c["kind"] for c in mine} == {"work"}
    first = mine[0]
    pdf = ok(client.get(f"/awards/certificates/{first['code']}.pdf", headers=student)).content
    assert first["names"][0] in pdf_text(pdf) and first["award_name_zh"] in pdf_text(pdf)
    shown = ok(client.get(f"/certificates/{first['code'].lower()}"))
    assert shown["names"] == first["names"] and "student_id" not in shown and shown["award_event_id"]
    for bad in ("ZZZZ-ZZZZ-ZZZZ", "x" * 300, "%3Cscript%3E"):
        refused(client.get(f"/certificates/{bad}"), 404, "unknown_certificate")

    # A correction: the excellent documentary becomes best; its certificates are revoked and reissued.
    promoted, title = next((w["work_id"], w["title"]) for w in draft["works"] if w["tier"] == "excellent")
    refused(client.post("/awards/corrections", headers=province, json={"work_id": promoted, "tier": "best",
                                                                       "reason": " "}), 422, "reason_required")
    corrected = ok(client.post("/awards/corrections", headers=province,
                               json={"work_id": promoted, "tier": "best", "reason": "复核后更正"}))
    assert corrected["corrections"] == [{"work_id": promoted, "from_tier": "excellent", "to_tier": "best",
                                         "reason": "复核后更正"}]
    after = {c["code"]: c for c in ok(client.get("/awards/certificates", headers=student))["certificates"]}
    old = next(c for c in mine if c["work_title"] == title)
    revoked = ok(client.get(f"/certificates/{old['code']}"))
    assert revoked["revoked"] and after[revoked["replaced_by"]]["award"] == "best"

    # Honours: the advisor of the (now) best work, and the student's school as an organising unit.
    refused(client.post("/awards/honours", headers=province, json={"kind": "advisor", "name": "张老师"}),
            422, "not_best_advisor")
    ok(client.post("/awards/honours", headers=province, json={"kind": "advisor", "name": DRAFT["advisors"][0]["name"]}))
    school_id = ok(client.get(f"/works/{promoted}", headers=student))["school_id"]
    refused(client.post("/awards/honours", headers=province, json={"kind": "unit", "unit": "school",
                                                                   "school_id": school_id}), 422, "reason_required")
    honours = ok(client.post("/awards/honours", headers=province, json={
        "kind": "unit", "unit": "school", "school_id": school_id, "reason": "组织全校参与"}))["honours"]
    assert {h["kind"] for h in honours} == {"advisor", "unit"}
    listed = ok(client.get("/awards/certificates", headers=school))["certificates"]
    unit = next(c for c in listed if c["kind"] == "unit")
    refused(client.get(f"/awards/certificates/{unit['code']}.pdf", headers=student), 403, "forbidden")
    archive = zipfile.ZipFile(io.BytesIO(ok(client.get("/awards/certificates.zip", headers=school)).content))
    assert len(archive.namelist()) == len([c for c in after.values() if not c["revoked"]]) + 2  # + advisor, unit

    # The exhibition: released to the region, downloaded as metadata plus a manifest of links.
    report = ok(client.get("/awards/participation", headers=region))
    assert report["published"] and sum(r["submitted"] for r in report["rows"]) == len(works)
    refused(client.get("/awards/exhibition", headers=region), 404, "exhibition_not_released")
    region_id = report["rows"][0]["region_id"]
    ok(client.post("/awards/exhibition/releases", headers=province, json={"region_id": region_id,
                                                                         "note": "请在各校展映"}), 201)
    exhibition = ok(client.get("/awards/exhibition", headers=region))
    assert [w["work_id"] for w in exhibition["works"]] == [promoted]
    film = next(f["url"] for f in exhibition["works"][0]["files"] if f["slot"] == "film")
    assert httpx.get(film).status_code == 200
    package = zipfile.ZipFile(io.BytesIO(ok(client.get("/awards/exhibition.zip", headers=region)).content))
    # each download signs fresh links: the same object, another signature
    assert film.split("?")[0] in package.read("manifest.txt").decode() and "works.json" in package.namelist()

    source_files(client, province, region, student, promoted, wait_until)

    expected = {"AwardsComputed", "AwardsPublished", "AwardsCorrected", "CertificateIssued", "CertificateRevoked",
                "AdvisorHonoured", "UnitHonoured", "ExhibitionReleased", "SourceFilesRequested", "SourceFilesReceived"}
    for _ in range(40):  # the relay puts the last events on the log a moment after the answer
        log = await service_log(stack, "awards")
        if expected <= {e.type for e in log}:
            break
        await asyncio.sleep(0.5)
    assert expected <= {e.type for e in log}, expected - {e.type for e in log}
    assert chain_problems(log) == []


def source_files(client: httpx.Client, province: dict, region: dict, student: dict, work_id: str, wait_until) -> None:
    """附件 四.4: asked of an awarded work's team, notified, uploaded in parts, listed and downloaded."""
    start = {"filename": "源文件.zip", "size": 10}
    refused(client.post(f"/works/{work_id}/files/source/uploads", headers=student, json=start), 409,
            "source_not_requested")
    ask = {"work_id": work_id, "deadline": "2030-01-15T23:59:00+08:00", "note": "请把工程文件和原始素材打包上传"}
    refused(client.post("/awards/source-requests", headers=region, json=ask), 403, "forbidden")
    refused(client.post("/awards/source-requests", headers=province, json={**ask, "deadline": "2020-01-01T00:00:00+08:00"}),
            422, "bad_deadline")
    refused(client.post("/awards/source-requests", headers=province, json={**ask, "deadline": "2030-01-15T23:59:00"}),
            422, "invalid_request")  # a deadline without its offset means nothing
    refused(client.post("/awards/source-requests", headers=province, json={**ask, "work_id": "no-such-work"}),
            404, "not_awarded")
    asked = ok(client.post("/awards/source-requests", headers=province, json=ask))
    assert (asked["status"], asked["tier"], asked["note"]) == ("requested", "best", ask["note"])

    notified = wait_until(lambda: [n for n in ok(client.get("/notifications", headers=student))["notifications"]
                                   if n["kind"] == "source_requested"])
    assert "2030-01-15 23:59" in notified[0]["body_zh"] and ask["note"] in notified[0]["body_zh"]
    assert ok(client.get(f"/works/{work_id}", headers=student))["source_request"]["deadline"] in ("", ask["deadline"])
    wait_until(lambda: ok(client.get(f"/works/{work_id}", headers=student))["source_request"]["deadline"])
    data = os.urandom(9 * 1024 * 1024)  # two parts: the slot is multipart like the film's
    upload(client, student, work_id, "source", "源文件.zip", data)

    listed = wait_until(lambda: [r for r in ok(client.get("/awards/source-requests", headers=province))["requests"]
                                 if r["work_id"] == work_id and r["status"] == "uploaded"])
    assert listed[0]["filename"] == "源文件.zip" and int(listed[0]["size"]) == len(data) and not listed[0].get("late")
    link = ok(client.get(f"/works/{work_id}/files/source", headers=province))
    assert httpx.get(link["url"], timeout=60).content == data
