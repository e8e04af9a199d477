"""The notifier on a real review store: returns tell the student (and the school, for a region's return)
once however often the event arrives; feeds are marked read; reminder rounds go out once each.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from festival_events import contracts
from festival_kit.context import Cause, caused_by
from festival_kit.errors import FestivalError
from festival_review.notifications.watch import NotificationWatch


@pytest.fixture
def submit(review, feed, notify, log, intake):
    """Draft and submit a work of student-1 (or another student): review and the notifier both hear it."""

    def submitted(sub_id: str, title: str, school: str = "school-a", student: str = "student-1") -> None:
        sub = log.submitted(sub_id, school=school, title=title, student=student)
        feed(review, sub)
        notify(intake.drafted(sub_id, title, school=school, student=student), sub)

    return submitted


def texts(notes, account: str) -> list[str]:
    feed = notes.feed(account)
    return [n["title_zh"] + " " + n["body_zh"] + " " + n["body_en"] for n in feed.newest_first()] if feed else []


def test_a_school_return_tells_the_student_once_even_when_the_event_comes_twice(
        review, notes, notify, submit, who, published) -> None:
    submit("w1", "教室里的电去哪儿了")
    review.return_for_fixes(who("sa-a"), "school", "w1", reason_code="forms_not_signed", reason="申报表未盖章")
    [returned] = published(review, "WorkReturned")
    notify(returned)
    notify(returned, seq=notify.seq)  # redelivered at the same stream position: skipped by tracking
    notify(returned)  # re-published at a new position: the notification's id is the same, so nothing new
    [text] = texts(notes, "student-1")
    assert "《教室里的电去哪儿了》" in text and "校级管理员" in text and "申报表或著作权声明表未按要求签章" in text
    assert "申报表未盖章" in text and "returned for fixes by the school admin" in text
    assert texts(notes, "sa-a") == []  # the school decided it: nobody to tell at the school
    [posted] = published(review, "NotificationPosted")
    assert contracts.read(posted).submission_id == "w1" and posted.actor.account_id == "sa-a"
    assert posted.causation_id == str(returned.event_id)


def test_a_region_return_tells_the_student_and_the_schools_approved_admins(
        review, notes, notify, submit, who, published) -> None:
    submit("w2", "节约用水")
    review.school_forward(who("sa-a"), "w2")
    review.return_for_fixes(who("ra-cc"), "region", "w2", reason_code="information_incorrect",
                            reason="指导教师电话有误")
    [returned] = published(review, "WorkReturned")
    notify(returned)
    notify(returned)
    [student] = texts(notes, "student-1")
    assert "地区管理员" in student and "指导教师电话有误" in student and "region admin" in student
    [school] = texts(notes, "sa-a")
    assert school.startswith("本校作品被地区退回") and "《节约用水》" in school and "作品信息填写有误" in school
    assert texts(notes, "sa-pending") == [] and texts(notes, "sa-b") == []  # not approved; another school
    assert len(published(review, "NotificationPosted")) == 2


def test_marking_read(review, notes, notify, submit, who, published) -> None:
    submit("w3", "雪")
    review.return_for_fixes(who("sa-a"), "school", "w3", reason_code="other", reason="请补充字幕")
    notify(*published(review, "WorkReturned"))
    [only] = notes.feed("student-1").unread()
    with caused_by(Cause("student-1", "student")):
        with pytest.raises(FestivalError) as caught:
            notes.mark_read("student-1", [only, "not-mine"])
        assert (caught.value.code, caught.value.status) == ("notification_not_found", 404)
        assert notes.mark_read("student-1", [only])[0] == 1
        assert notes.mark_read("student-1", [only])[0] == 0
        assert notes.mark_read("student-1", [], everything=True)[0] == 0
    assert notes.feed("student-1").unread() == [] and len(published(review, "NotificationRead")) == 1
    with pytest.raises(FestivalError):
        notes.mark_read("sa-a", [only])  # someone else's notification is not in your feed
    with pytest.raises(FestivalError) as caught:
        notes.feed("anonymous")
    assert caught.value.status == 403


def test_reminder_rounds_go_to_whoever_has_unfinished_work_once_each(
        review, notes, notify, submit, intake, who, log, published) -> None:
    notify(intake.drafted("d1", "未完成的草稿"), intake.drafted("d2", "另一位同学的草稿", student="student-2"))
    submit("s1", "已提交的作品")
    submit("r1", "被退回的作品")
    notify(intake.reopened("r1"))
    watch = notes.find(NotificationWatch.id_for(log.edition))
    closes, region = watch.deadline("window_closes"), watch.deadline("region_deadline")

    assert notes.remind(closes - timedelta(days=5)) == []
    assert notes.remind(closes - timedelta(hours=12)) == [(log.edition, "window_closes", 1, 2)]  # 3-day skipped
    assert notes.remind(closes - timedelta(hours=11)) == []
    [mine] = notes.feed("student-1").newest_first()
    assert "1 天" in mine["title_zh"] and "《未完成的草稿》、《被退回的作品》" in mine["body_zh"]
    assert "已提交的作品" not in mine["body_zh"] and mine["deadline"] == "window_closes"
    assert len(notes.feed("student-2").newest_first()) == 1

    review.file_region_table(who("ra-cc"), "region-cc")
    notify(*published(review, "RegionTableFiled"))
    assert notes.remind(region - timedelta(days=2)) == [(log.edition, "region_deadline", 3, 1)]
    assert notes.remind(region - timedelta(hours=1)) == [(log.edition, "region_deadline", 1, 1)]
    assert notes.remind(region + timedelta(hours=1)) == []
    assert notes.feed("ra-cc") is None  # its region filed
    assert [n["title_en"] for n in notes.feed("ra-jl").newest_first()] == [
        "1 day left to file the region statistics table", "3 days left to file the region statistics table"]
    sent = [contracts.read(e) for e in published(review, "NotificationWatchRemindersSent")]
    assert [(s.deadline, s.lead_days, s.recipients) for s in sent] == [
        ("window_closes", 1, 2), ("region_deadline", 3, 1), ("region_deadline", 1, 1)]


def test_an_awards_reminder_reaches_every_province_admin_once(notes, notify) -> None:
    import log_envelopes

    due = log_envelopes.envelope("awards", "ReminderDue", {
        "deadline": "publish_by", "due": "2023-10-31T16:00:00+00:00",
        "message_zh": "获奖名单须于2023年10月31日前公布，还有 3 个名单未公布。",
        "message_en": "The awards must be published by 2023-10-31: 3 list(s) not published yet."},
        aggregate_id="reminders-11", edition="11")
    notify(due)
    notify(due)  # at a new position: the same notification id, nothing new
    [text] = texts(notes, "pa")
    assert "获奖名单公布截止临近" in text and "还有 3 个名单未公布" in text and "3 list(s)" in text
    assert [n["kind"] for n in notes.feed("pa").newest_first()] == ["awards_reminder"]
    assert texts(notes, "ra-cc") == [] and texts(notes, "au") == []


def test_a_source_files_request_tells_the_student_of_the_awarded_work(notes, notify) -> None:
    import log_envelopes

    notify(log_envelopes.submitted("11", "w1", "教室里的电去哪儿了", "student-1", "school-a", "region-cc"))
    asked = log_envelopes.envelope("awards", "SourceFilesRequested", {
        "submission_id": "w1", "edition": "11", "student_id": "student-1", "tier": "best",
        "deadline": "2023-11-15T15:59:00+00:00", "note": "请打包工程文件"}, aggregate_id="source-w1", edition="11")
    notify(asked)
    [text] = texts(notes, "student-1")
    assert "《教室里的电去哪儿了》" in text and "2023-11-15 23:59" in text and "请打包工程文件" in text
    assert "source files" in text and [n["kind"] for n in notes.feed("student-1").newest_first()] == ["source_requested"]
