"""Review and notification routes over the REAL review servicers, in-process beside registry and intake.

Review hears registry's events (and review's own, for the notifier) through `Review.sync`, as its two durable
consumers would; a submitted work is intake's SubmissionDrafted + SubmissionSubmitted handed to it directly,
since submitting through intake needs every file inspected first.
"""

from __future__ import annotations

import html
import io
import re
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest

from festival_gateway.tokens import Claims, Tokens
from festival_gateway.web.pages import reviewing
from festival_kit.consumer import cause_of
from festival_kit.context import Cause, caused_by
from festival_kit.rpc import start_server
from festival_registry.demo import PASSWORD
from festival_review.adapters import servicer as review_servicer
from festival_review.application import ReviewApplication
from festival_review.notifications import CONSUMER, Notifications
from festival_review.notifications import servicer as notifications_servicer

sys.path.insert(0, str(Path(__file__).parents[2]))
import log_envelopes  # noqa: E402

EDITION = "11"


@dataclass
class Review:
    """The review application and its notifier, fed the log by hand."""

    platform: object
    app: ReviewApplication
    notes: Notifications
    seq: int = 0
    registry_at: int = 0
    review_at: int = 0

    def hand(self, *envelopes) -> None:
        consumers = (("review", self.app.handlers()), (CONSUMER, self.notes.handlers()))
        for env in envelopes:
            self.seq += 1
            for durable, handlers in consumers:
                with caused_by(cause_of(env)):
                    handler = handlers.get(env.type)
                    self.app.save_tracked(durable, self.seq, *(handler(env) if handler else []))

    def sync(self) -> None:
        """registry's events review has not heard yet, then review's own (its notifier hears WorkReturned)."""
        for source, attr in ((self.platform.registry, "registry_at"), (self.app, "review_at")):
            batch = source.envelopes(getattr(self, attr), 10_000)
            if batch:
                setattr(self, attr, batch[-1][0])
                self.hand(*(env for _, env in batch))

    def submit(self, username: str, title: str, password: str = PASSWORD, version: int = 1,
               work_id: str = "") -> str:
        """A work of that student reaches review (drafted, then submitted as `version`)."""
        account = self.platform.registry.login(username, password)
        work_id = work_id or str(uuid.uuid4())
        who = (str(account.id), account.school_id, account.region_id)
        events = [log_envelopes.submitted(EDITION, work_id, title, *who, version=version)]
        if version == 1:
            events.insert(0, log_envelopes.drafted(EDITION, work_id, title, *who))
        self.hand(*events)
        return work_id

    def pass_region_deadline(self) -> None:
        self.hand(*(log_envelopes.phase(EDITION, t) for t in ("SubmissionWindowClosed", "RegionDeadlinePassed")))


@pytest.fixture
async def review(platform, people, tmp_path):
    app = ReviewApplication(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                                 "SQLITE_DBNAME": str(tmp_path / "review.sqlite")})
    running = Review(platform, app, Notifications(app))
    running.sync()
    server, _ = await start_server(
        platform.settings.grpc_address("review"),
        [review_servicer.register(app), notifications_servicer.register(running.notes)],
        [review_servicer.SERVICE_NAME, notifications_servicer.SERVICE_NAME])
    yield running
    await server.stop(grace=None)
    app.close()


def error(reply, status: int, code: str) -> dict:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"], body
    return body


async def test_school_returns_student_is_told_resubmits_and_the_work_goes_up(http, login, people, review):
    work = review.submit("demo-student", "校园里的节能账本")
    school, student = await login("demo-school"), await login("demo-student")
    path = f"/works/{work}/review/school"
    waiting = (await http.get("/review/queue", headers=school)).json()
    assert waiting["view"] == "waiting" and work in [c["submission_id"] for c in waiting["cases"]]
    error(await http.post(path, json={"action": "return"}, headers=student), 403, "forbidden")
    error(await http.post(path, json={"action": "return", "reason_code": "other"}, headers=school),
          422, "reason_required")
    other_school = await login(people.school_admin_two, people.password)
    error(await http.post(path, json={"action": "forward"}, headers=other_school), 403, "wrong_school")
    error(await http.post(path, json={"action": "maybe"}, headers=school), 422, "invalid_request")

    returned = await http.post(path, json={"action": "return", "reason_code": "forms_not_signed",
                                           "reason": "申报表未盖章", "submission_version": 1}, headers=school)
    assert returned.status_code == 200 and returned.json()["status"] == "returned", returned.text
    review.sync()
    feed = (await http.get("/notifications", headers=student)).json()
    assert feed["unread"] == 1 and feed["notifications"][0]["submission_id"] == work
    assert "申报表未盖章" in feed["notifications"][0]["body_zh"]
    assert "school admin" in feed["notifications"][0]["body_en"]

    review.submit("demo-student", "校园里的节能账本（修改版）", version=2, work_id=work)
    error(await http.post(path, json={"action": "forward", "submission_version": 1}, headers=school),
          409, "stale_version")
    assert (await http.post(path, json={"action": "forward"}, headers=school)).json()["status"] == "awaiting_region"
    jilin = await login(people.region_admin_jilin, people.password)
    region_path = f"/works/{work}/review/region"
    error(await http.post(region_path, json={"action": "forward"}, headers=jilin), 403, "wrong_region")
    error(await http.post(region_path, json={"action": "forward"}, headers=school), 403, "forbidden")
    forwarded = await http.post(region_path, json={"action": "forward"}, headers=await login("demo-region"))
    assert forwarded.json()["status"] == "awaiting_province", forwarded.text

    mine = (await http.get(f"/works/{work}/timeline", headers=student)).json()
    assert [v["submission_version"] for v in mine["versions"]] == [1, 2]
    kinds = [e["kind"] for v in mine["versions"] for e in v["entries"]]
    assert kinds == ["submitted", "returned", "submitted", "forwarded_to_region", "forwarded_to_province"]
    assert all(not e["decision"]["actor_account_id"] for v in mine["versions"] for e in v["entries"])
    audit = (await http.get(f"/works/{work}/timeline", headers=await login("demo-auditor"))).json()
    assert audit["versions"][0]["entries"][1]["decision"]["actor_role"] == "school_admin"
    outsiders = ((await login(people.student_two, people.password), "forbidden"), (other_school, "wrong_school"),
                 (jilin, "wrong_region"), (await login("demo-judge"), "forbidden"))
    for headers, code in outsiders:
        error(await http.get(f"/works/{work}/timeline", headers=headers), 403, code)
    decided = (await http.get("/review/queue?view=decided", headers=school)).json()["cases"]
    assert [c["submission_id"] for c in decided] == [work]


async def test_a_region_return_tells_the_school_and_feeds_are_marked_read(http, login, people, review):
    work = review.submit("demo-student", "节约用水")
    school, student = await login("demo-school"), await login("demo-student")
    await http.post(f"/works/{work}/review/school", json={"action": "forward"}, headers=school)
    returned = await http.post(f"/works/{work}/review/region", headers=await login("demo-region"), json={
        "action": "return", "reason_code": "information_incorrect", "reason": "指导教师电话有误"})
    assert returned.status_code == 200, returned.text
    review.sync()
    review.sync()  # nothing new: still one notification each
    told = (await http.get("/notifications", headers=school)).json()
    assert told["unread"] == 1 and told["notifications"][0]["title_zh"] == "本校作品被地区退回"
    [mine] = (await http.get("/notifications", headers=student)).json()["notifications"]
    assert "指导教师电话有误" in mine["body_zh"] and mine["read"] is False

    stranger = await login(people.student_two, people.password)
    assert (await http.get("/notifications", headers=stranger)).json()["notifications"] == []
    error(await http.post("/notifications/read", json={"ids": [mine["id"]]}, headers=stranger),
          404, "notification_not_found")
    marked = await http.post("/notifications/read", json={"ids": [mine["id"]]}, headers=student)
    assert marked.json() == {"marked": 1, "unread": 0}, marked.text
    again = (await http.get("/notifications?unread_only=true", headers=student)).json()
    assert again["unread"] == 0 and again["notifications"] == [] and again["total"] == 1
    assert (await http.post("/notifications/read", json={"all": True}, headers=school)).json()["marked"] == 1
    error(await http.post("/notifications/read", json={"ids": ["x" * 65]}, headers=school), 422, "invalid_request")
    error(await http.get("/notifications"), 401, "not_logged_in")


async def test_a_school_admin_not_yet_approved_gets_the_services_refusal(http, platform, gateway_secret, review):
    changchun = next(r for r in platform.registry.regions() if r.code == "changchun")
    with caused_by(Cause()):
        pending = platform.registry.register_school_admin(f"gw-pending-{uuid.uuid4().hex[:6]}", "pending-pass-1",
                                                          "钱老师", str(changchun.id), "长春市第九中学")
    review.sync()
    # A pending account cannot sign in; a token it somehow holds still meets review's own check.
    token, _ = Tokens(gateway_secret).issue(Claims(str(pending.id), "school_admin", pending.school_id,
                                                   str(changchun.id)))
    headers = {"Authorization": f"Bearer {token}"}
    error(await http.get("/review/queue", headers=headers), 403, "not_approved")
    work = review.submit("demo-student", "雪")
    error(await http.post(f"/works/{work}/review/school", json={"action": "forward"}, headers=headers),
          403, "not_approved")


async def test_statistics_table_filing_and_filings(http, login, people, review):
    work = review.submit("demo-student", "教室里的电去哪儿了")
    region = await login("demo-region")
    me = (await http.get("/me", headers=region)).json()
    path = f"/regions/{me['region_id']}/statistics.xlsx"
    for headers in (await login(people.region_admin_jilin, people.password), await login("demo-school")):
        error(await http.get(path, headers=headers), 403, "forbidden")
    table = await http.get(path, headers=region)
    assert table.status_code == 200, table.text
    assert table.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = table.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=") and "filename*=UTF-8''" in disposition
    assert unquote(disposition.split("UTF-8''")[1]).endswith("统计表.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(table.content)).active
    assert any(work in str(cell.value) for row in sheet.iter_rows() for cell in row)
    assert (await http.get(path, headers=await login("demo-auditor"))).status_code == 200

    filing = f"/regions/{me['region_id']}/statistics/filing"
    error(await http.post(filing, json={}, headers=await login("demo-province")), 403, "forbidden")
    error(await http.post(filing, json={"sha256": "0" * 64}, headers=region), 409, "table_changed")
    filed = await http.post(filing, json={"sha256": table.headers["x-table-sha256"]}, headers=region)
    assert filed.status_code == 200 and filed.json()["filed"] is True, filed.text
    assert filed.json()["sha256"] == table.headers["x-table-sha256"]
    error(await http.get("/review/filings", headers=region), 403, "forbidden")
    regions = (await http.get("/review/filings", headers=await login("demo-province"))).json()["regions"]
    assert [r["filed"] for r in regions if r["region_id"] == me["region_id"]] == [True]
    assert not any(r["filed"] for r in regions if r["region_id"] != me["region_id"])


async def test_the_province_qualifies_and_disqualifies_after_the_region_deadline(http, login, review):
    good, bad = review.submit("demo-student", "好作品"), review.submit("demo-student", "小鸟的家")
    school, region, province = await login("demo-school"), await login("demo-region"), await login("demo-province")
    for work in (good, bad):
        await http.post(f"/works/{work}/review/school", json={"action": "forward"}, headers=school)
        await http.post(f"/works/{work}/review/region", json={"action": "forward"}, headers=region)
    error(await http.post(f"/works/{good}/review/province", json={"action": "qualify"}, headers=province),
          409, "wrong_phase")
    review.pass_region_deadline()
    error(await http.post(f"/works/{good}/review/province", json={"action": "qualify"}, headers=region),
          403, "forbidden")
    error(await http.post(f"/works/{good}/review/province", json={"action": "qualify", "reason_codes": ["off_theme"]},
                          headers=province), 422, "reason_codes_not_allowed")
    qualified = await http.post(f"/works/{good}/review/province", json={"action": "qualify"}, headers=province)
    assert qualified.json()["status"] == "qualified", qualified.text
    url = f"/works/{bad}/review/province"
    error(await http.post(url, json={"action": "disqualify", "evidence": "捕捉野鸟"}, headers=province),
          422, "reason_codes_required")
    out = await http.post(url, headers=province, json={
        "action": "disqualify", "reason_codes": ["harm_to_animals_or_plants"], "evidence": "捕捉野鸟（2:10）"})
    assert out.json()["status"] == "disqualified" and out.json()["last_decision"]["reason_codes"] == [
        "harm_to_animals_or_plants"], out.text

    auditor = await login("demo-auditor")
    seen = (await http.get("/review/queue", headers=auditor)).json()
    assert seen["view"] == "all" and {good, bad} <= {c["submission_id"] for c in seen["cases"]}
    error(await http.get("/review/queue?view=waiting", headers=auditor), 403, "forbidden")
    error(await http.get("/review/queue", headers=await login("demo-student")), 403, "forbidden")
    filtered = (await http.get("/review/queue?view=all&status=disqualified", headers=province)).json()["cases"]
    assert [c["submission_id"] for c in filtered] == [bad]
    whole = (await http.get("/review/queue?limit=500", headers=auditor)).json()
    paged, after = [], ""
    while True:  # a case at a time, the same cases in the same order
        page = (await http.get(f"/review/queue?limit=1&after={after}", headers=auditor)).json()
        paged += [c["submission_id"] for c in page["cases"]]
        if not (after := page["next_after"]):
            break
    assert whole["next_after"] == "" and len(paged) >= 2 and paged == [c["submission_id"] for c in whole["cases"]]
    error(await http.get(f"/review/queue?after={paged[0][:8]}", headers=auditor), 422, "bad_page")
    for limit in (0, 501, "x"):
        error(await http.get(f"/review/queue?limit={limit}", headers=auditor), 422, "invalid_request")
    codes = (await http.get("/review/reason-codes?kind=disqualify", headers=province)).json()["codes"]
    assert "harm_to_animals_or_plants" in {c["code"] for c in codes} and all(c["name_zh"] for c in codes)


async def test_the_queue_page_shows_a_page_at_a_time_and_links_the_next(http, login, review, monkeypatch):
    for title in ("第一页的作品", "第二页的作品"):
        review.submit("demo-student", title)
    auditor = (await login("demo-auditor"))["Authorization"].removeprefix("Bearer ")
    whole = (await http.get("/review/queue", headers={"Authorization": f"Bearer {auditor}"})).json()["cases"]
    monkeypatch.setattr(reviewing, "QUEUE_PAGE", 1)
    seen, url = [], "/web/queue"
    while url:
        page = await http.get(url, cookies={"festival_session": auditor})
        assert page.status_code == 200, page.text
        seen += re.findall(r'<a href="/web/works/([0-9a-f-]+)"', page.text)
        assert ("回到第一页" in page.text) == (len(seen) > 1)
        follow = re.search(r'<a href="([^"]+)" rel="next">', page.text)
        url = f"/web/queue{html.unescape(follow.group(1))}" if follow else ""
    assert len(seen) >= 2 and seen == [c["submission_id"] for c in whole]
    refused = await http.get("/web/queue?after=not-a-case", cookies={"festival_session": auditor})
    assert refused.status_code == 422 and "翻页位置无效" in refused.text
