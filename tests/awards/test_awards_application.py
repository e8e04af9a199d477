"""The awards application through its commands and queries: compute, check, publish, correct, honour, exhibit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from awards_feed import shanghai  # noqa: E402

from festival_awards.domain.awards import Awards  # noqa: E402
from festival_kit.context import Cause  # noqa: E402
from festival_kit.errors import FestivalError  # noqa: E402

PROVINCE = Cause("province-1", "province_admin")
REGION_CC = Cause("region-admin-cc", "region_admin")
STUDENT = Cause("student-w0", "student")
WORKS = [f"w{i}" for i in range(10)]


def refused(code: str, call, *args, **kwargs) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value.as_dict()
    return caught.value


@pytest.fixture
def season(feed):
    """Ten qualified documentaries (w0 best by far) in two regions, one disqualified, results of round R1."""
    for i, w in enumerate(WORKS):
        advisors = (("王老师", "13800000001"),) if i < 3 else ()
        feed.work(w, "region-cc" if i % 2 == 0 else "region-jl", school_n=1 + i % 4 // 2, advisors=advisors)
    feed.work("dq", "region-cc", qualify=True)
    feed("review", "WorkDisqualified", {"submission_id": "dq", "submission_version": 1,
                                        "reason_codes": ["plagiarism"], "evidence": "x"})
    feed.work("unjudged", "region-jl")
    feed.round("R1")
    totals = {w: [95.0 - 3 * i] * 3 for i, w in enumerate(WORKS)}
    totals["dq"] = [99.0, 99.0, 99.0]
    feed.results_event = feed.results("R1", totals)
    return feed


def test_compute_ranks_only_qualified_judged_works_by_largest_remainder(app, season):
    awards = app.compute(PROVINCE, "documentary")
    tiers = awards.tier_of
    assert set(tiers) == set(WORKS)  # neither the disqualified nor the unjudged work
    assert awards.computed["counts"] == {"best": 2, "excellent": 3, "finalist": 5}
    assert [w for w in WORKS if tiers[w] == "best"] == ["w0", "w1"]
    assert awards.computed["inputs"][0]["results_event_id"] == season.results_event
    again = app.compute(PROVINCE, "documentary")
    assert again.version == awards.version  # same inputs: nothing new recorded


def test_the_same_inputs_give_the_same_awards_byte_for_byte(app, season):
    from festival_awards.application import AwardsApplication
    first = app.compute(PROVINCE, "documentary").computed
    other = AwardsApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        season.app = other
        season.edition()
        season.directory()
        for i, w in enumerate(WORKS):
            season.work(w, "region-cc" if i % 2 == 0 else "region-jl", school_n=1 + i % 4 // 2,
                        advisors=(("王老师", "13800000001"),) if i < 3 else ())
        season.round("R1")
        payload = next(e for e in app.envelopes(0, 10_000) if e[1].type == "StandingResultsNoted")[1].payload
        season("scoring", "RoundResultsComputed", {
            "rule": "judging.results/1", "method": payload["method"], "inputs_digest": "d" * 64, "final": True,
            "sheets": payload["sheets"], "works": payload["works"]}, "R1")
        # Same results, but recorded under another event id: the digest names the inputs, so it differs ...
        second = other.compute(PROVINCE, "documentary").computed
        assert second["inputs_digest"] != first["inputs_digest"]
        assert {k: v for k, v in second.items() if k not in ("inputs", "inputs_digest")} == \
            {k: v for k, v in first.items() if k not in ("inputs", "inputs_digest")}
    finally:
        other.close()


def test_compute_refusals(app, feed):
    refused("no_results", app.compute, PROVINCE, "documentary")
    refused("unknown_category", app.compute, PROVINCE, "opera")
    refused("forbidden", app.compute, REGION_CC, "documentary")


def test_draft_flags_fragile_awards_and_becomes_stale_when_results_change(app, season):
    season.round("R2", "animation")
    season.work("a1", "region-cc", category="animation")
    season.work("a2", "region-jl", category="animation")
    season.work("a3", "region-jl", category="animation")
    season.work("a4", "region-jl", category="animation")
    season.work("a5", "region-jl", category="animation")
    season.results("R2", {"a1": [100, 70], "a2": [84, 85], "a3": [60, 60], "a4": [50, 50], "a5": [40, 40]})
    app.compute(PROVINCE, "animation")
    draft, stale = app.draft(PROVINCE, "animation")
    works = {w["work_id"]: w for w in draft.computed["works"]}
    assert works["a1"]["tier"] == "best" and works["a1"]["fragile"]
    assert ["a1", "J0", "excellent"] in works["a1"]["moved_by"]
    assert not works["a5"]["fragile"] and not stale
    season.results("R2", {"a1": [100, 71], "a2": [84, 85], "a3": [60, 60], "a4": [50, 50], "a5": [40, 40]})
    assert app.draft(PROVINCE, "animation")[1] is True


def test_publish_only_after_judging_closed_then_never_twice(app, season):
    app.compute(PROVINCE, "documentary")
    refused("judging_not_closed", app.publish, PROVINCE, "ok")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    published = app.publish(PROVINCE, "第11届评奖结果", "documentary")
    assert published[0].published
    refused("awards_published", app.publish, PROVINCE, "again", "documentary")
    refused("awards_published", app.compute, PROVINCE, "documentary")
    refused("awards_not_computed", app.publish, PROVINCE, "x", "animation")


def test_publishing_issues_certificates_and_advisor_honours(app, season):
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    mine = app.certificates(STUDENT, student_id="student-w0")
    assert sorted(c.names[0] for c in mine) == ["李雷", "韩梅梅"]  # one per creator
    assert {c.award for c in mine} == {"best"}
    honours = app.honours_of(PROVINCE)
    (wang,) = honours.advisors.values()
    assert wang["work_ids"] == ["w0", "w1"]  # w2 (also advised) is excellent, not best
    advisor_certificate = [c for c in app.certificates(PROVINCE) if c.kind == "advisor"]
    assert [c.names for c in advisor_certificate] == [["王老师"]]
    verified = app.verify(mine[0].code.lower().replace("-", ""))  # typed in lower case, without dashes
    assert verified.code == mine[0].code
    for bad in ("", "ABCD-EFGH-JKMN", "x" * 500, "<script>", "ÄÖÜ0-0000-0000"):
        refused("unknown_certificate", app.verify, bad)


def test_a_correction_revokes_and_reissues_and_keeps_the_original(app, season):
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    before = {c.code for c in app.certificates(STUDENT, student_id="student-w0")}
    refused("reason_required", app.correct, PROVINCE, "w0", "excellent", " ")
    refused("not_awarded", app.correct, PROVINCE, "dq", "best", "r")
    refused("same_tier", app.correct, PROVINCE, "w0", "best", "r")
    refused("unknown_tier", app.correct, PROVINCE, "w0", "gold", "r")
    awards = app.correct(PROVINCE, "w0", "excellent", "评分录入错误")
    assert awards.tier_of["w0"] == "excellent"
    assert next(w for w in awards.computed["works"] if w["work_id"] == "w0")["tier"] == "best"
    assert awards.corrections == [{"work_id": "w0", "from_tier": "best", "to_tier": "excellent",
                                   "reason": "评分录入错误"}]
    now = app.certificates(STUDENT, student_id="student-w0")
    old = [c for c in now if c.code in before]
    new = [c for c in now if c.code not in before]
    assert all(c.revoked and c.replaced_by in {n.code for n in new} for c in old)
    assert {c.award for c in new} == {"excellent"} and len(new) == 2


def test_honours_need_reasons_and_eligible_people(app, season):
    refused("awards_not_published", app.honour_advisor, PROVINCE, "王老师")
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    refused("honour_exists", app.honour_advisor, PROVINCE, "王老师")
    refused("not_best_advisor", app.honour_advisor, PROVINCE, "张老师")
    refused("reason_required", app.honour_organiser, PROVINCE, "赵主任", "region-cc", "", " ")
    refused("unknown_unit", app.honour_organiser, PROVINCE, "赵主任", "region-xx", "", "组织得力")
    refused("unknown_unit", app.honour_unit, PROVINCE, "school", "region-jl-school-9", "组织得力")
    app.honour_organiser(PROVINCE, "赵主任", "region-cc", "region-cc-school-1", "组织得力")
    honours = app.honour_unit(PROVINCE, "school", "region-cc-school-1", "参与面广")
    assert list(honours.units) == ["region-cc-school-1"]
    refused("honour_exists", app.honour_unit, PROVINCE, "school", "region-cc-school-1", "再一次")
    units = [c for c in app.certificates(PROVINCE, school_id="region-cc-school-1") if c.kind == "unit"]
    assert [c.names for c in units] == [["长春市第1中学"]]


def test_participation_report_and_its_scope(app, season):
    refused("forbidden", app.participation, STUDENT)
    rows = app.participation(PROVINCE)
    cc1 = next(r for r in rows if r["school_id"] == "region-cc-school-1")
    assert (cc1["submitted"], cc1["qualified"]) == (4, 3)  # w0, w4, w8 and the disqualified one
    assert cc1["tiers"] == {"best": 0, "excellent": 0, "finalist": 0} and not cc1["published"]
    season("review", "RegionTableFiled", {"region_id": "region-cc", "sha256": "0" * 64, "works": 5})
    assert next(r for r in app.participation(PROVINCE) if r["region_id"] == "region-cc")["filed_on_time"] is False
    own = app.participation(REGION_CC, region_id="region-cc")
    assert {r["region_id"] for r in own} == {"region-cc"}


def test_exhibition_is_released_per_region_once(app, season):
    refused("awards_not_published", app.release_exhibition, PROVINCE, "region-cc")
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    refused("exhibition_not_released", app.exhibition, REGION_CC, "region-cc")
    refused("unknown_unit", app.release_exhibition, PROVINCE, "region-xx")
    app.release_exhibition(PROVINCE, "region-cc", "请组织展映")
    released, works = app.exhibition(REGION_CC, "region-cc")
    assert [w.submission_id for w in works] == ["w0", "w1"]  # best works of every region
    assert released["note"] == "请组织展映"
    refused("exhibition_released", app.release_exhibition, PROVINCE, "region-cc")


def test_public_results_show_only_published_lists(app, season):
    app.compute(PROVINCE, "documentary")
    assert app.public_results() == []
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    (shown,) = app.public_results()
    assert isinstance(shown, Awards) and shown.scope == "documentary"


def test_every_stored_event_has_a_contract(app, season):
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    app.correct(PROVINCE, "w3", "best", "复核")
    app.honour_unit(PROVINCE, "region", "region-jl", "组织得力")
    app.release_exhibition(PROVINCE, "region-jl")
    types = {env.type for _, env in app.envelopes(0, 100_000)}  # envelope_of validates every payload
    assert {"AwardsComputed", "AwardsPublished", "AwardsCorrected", "CertificateIssued", "CertificateRevoked",
            "AdvisorHonoured", "UnitHonoured", "ExhibitionReleased"} <= types


def test_the_province_is_reminded_once_before_each_date_while_work_is_left(app, season):
    assert app.remind(shanghai(2023, 10, 20)) == []  # more than 7 days before 31 October
    assert app.remind(shanghai(2023, 10, 26)) == ["publish_by"]
    assert app.remind(shanghai(2023, 10, 27)) == []  # once
    (sent,) = app.reminders_of(PROVINCE)
    assert sent["deadline"] == "publish_by" and "10月31日" in sent["message_zh"] and "3 个名单" in sent["message_zh"]
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    app.publish(PROVINCE, "公布")
    app.release_exhibition(PROVINCE, "region-cc")
    app.release_exhibition(PROVINCE, "region-jl")
    assert app.remind(shanghai(2023, 11, 25)) == []  # every region has its list: nothing to remind of
    refused("forbidden", app.reminders_of, REGION_CC)


def test_source_files_are_asked_of_awarded_works_and_answered_by_intakes_upload(app, season):
    """附件 四.4: only a published award's team is asked; a new ask sets a new deadline; intake's confirmed
    `source` file answers it (other slots do not), late when after the deadline."""
    from datetime import datetime, timedelta, timezone

    from festival_awards.domain.source import SourceRequest

    ahead = datetime.now(timezone.utc) + timedelta(days=14)
    app.compute(PROVINCE, "documentary")
    season.phase("JudgingClosed", shanghai(2023, 9, 1))
    refused("not_awarded", app.request_source, PROVINCE, "w0", ahead, "请上传")  # not published yet
    app.publish(PROVINCE, "公布")
    refused("forbidden", app.request_source, REGION_CC, "w0", ahead, "请上传")
    refused("not_awarded", app.request_source, PROVINCE, "dq", ahead, "请上传")
    refused("bad_deadline", app.request_source, PROVINCE, "w0", ahead - timedelta(days=30), "请上传")
    assert app.source_requests(PROVINCE) == []
    asked = app.request_source(PROVINCE, "w0", ahead, " 请打包上传 ")
    assert (asked.tier, asked.note, asked.student_id, asked.status(ahead)) == ("best", "请打包上传", "student-w0",
                                                                              "requested")
    assert asked.status(ahead + timedelta(seconds=1)) == "overdue"
    again = app.request_source(PROVINCE, "w0", ahead + timedelta(days=7), "延期一周")
    assert again.id == asked.id and (again.deadline, again.note) == (ahead + timedelta(days=7), "延期一周")

    def confirmed(slot: str, upload_id: str) -> None:
        season("intake", "FileConfirmed", {"upload_id": upload_id, "slot": slot, "object_key": f"k/{upload_id}",
                                           "filename": "源文件.zip", "size": 1234, "kind": "zip", "etag": "e"},
               aggregate_id="w0")

    confirmed("film", "u-film")  # a film re-upload is not the answer
    assert app.find(SourceRequest.id_for("w0")).received is None
    confirmed("source", "u-src")
    confirmed("source", "u-src")  # the same message again changes nothing
    [(request, work)] = app.source_requests(PROVINCE)
    assert request.status(ahead + timedelta(days=30)) == "uploaded" and work.submission_id == "w0"
    assert (request.received["filename"], request.received["size"], request.received["late"]) == ("源文件.zip", 1234, False)
    published = [env for _, env in app.envelopes(0, 100_000) if env.type.startswith("SourceFiles")]
    assert [e.type for e in published] == ["SourceFilesRequested", "SourceFilesRequested", "SourceFilesReceived"]
