"""Feeds, the notifier's watch and directory, and the texts, without storage."""

from __future__ import annotations

from datetime import datetime

from festival_kit import clock
from festival_kit.aggregate import envelope_of
from festival_review.notifications import messages
from festival_review.notifications.directory import NotificationDirectory
from festival_review.notifications.feed import Feed, notification_id
from festival_review.notifications.watch import NotificationWatch

CLOSES = datetime(2023, 7, 11, 0, 0, tzinfo=clock.SHANGHAI)


def test_a_notification_is_posted_once_and_read_once() -> None:
    feed = Feed(account_id="student-1")
    told = messages.returned_to_student("w1", "雪", 1, "school", "forms_not_signed", "未盖章", "")
    first, second = notification_id("returned:e1", "student-1"), notification_id("returned:e2", "student-1")
    assert first == notification_id("returned:e1", "student-1") != notification_id("returned:e1", "sa-a")
    assert feed.post(first, told) and not feed.post(first, told) and feed.post(second, told)
    assert [n["notification_id"] for n in feed.newest_first()] == [second, first]
    assert feed.unknown([first, "nope"]) == ["nope"]
    assert feed.mark_read([first, first]) == 1 and feed.mark_read([first]) == 0
    assert feed.unread() == [second]
    assert feed.newest_first()[1]["read_at"] and not feed.newest_first()[0]["read_at"]
    types = [envelope_of(e, "review").type for e in feed.collect_events()]
    assert types == ["FeedOpened", "NotificationPosted", "NotificationPosted", "NotificationRead"]


def test_the_watch_keeps_the_latest_state_of_each_work() -> None:
    watch = NotificationWatch(edition="11")
    assert watch.set_deadlines({"window_closes": CLOSES}, "Asia/Shanghai")
    assert not watch.set_deadlines({"window_closes": CLOSES}, "Asia/Shanghai")
    assert watch.deadline("window_closes") == CLOSES and watch.deadline("region_deadline") is None
    owner = {"student_id": "s1", "school_id": "school-a", "region_id": "r", "title": "雪"}
    assert watch.note_work("w1", "draft", 0, **owner)
    assert not watch.note_work("w1", "draft", 0, **owner)  # redelivered
    assert watch.note_work("w1", "submitted", 1) and watch.note_work("w1", "returned", 1)
    assert not watch.note_work("w1", "submitted", 1)  # an older event arriving late changes nothing
    assert watch.unfinished() == {"s1": [{"submission_id": "w1", **owner, "state": "returned",
                                          "submission_version": 1}]}
    assert watch.note_work("w1", "submitted", 2) and watch.unfinished() == {}
    assert watch.note_work("w1", "withdrawn", 0) and not watch.note_work("w1", "submitted", 3)
    assert not watch.note_work("w9", "returned", 1)  # nobody known to tell
    assert watch.region_filed("r") and not watch.region_filed("r")


def test_the_directory_tells_approved_school_admins_and_region_admins_only() -> None:
    d = NotificationDirectory()
    assert d.note_admin("sa-1", "school_admin", "school-a", "r1", False)
    assert not d.note_admin("st-1", "student", "school-a", "r1", True)
    d.note_admin("ra-1", "region_admin", None, "r1", True)
    assert d.school_admins("school-a") == [] and d.activate("sa-1") and not d.activate("sa-1")
    assert d.school_admins("school-a") == ["sa-1"] and d.region_admins() == {"r1": ["ra-1"]}
    assert d.note_edition("11") and not d.note_edition("11") and d.editions == ["11"]


def test_texts_say_it_in_chinese_and_english_with_the_notices_reason() -> None:
    closes = messages.local(CLOSES, "Asia/Shanghai")
    assert closes == "2023-07-11 00:00 (Asia/Shanghai)"
    m = messages.returned_to_student("w1", "雪", 2, "region", "information_incorrect", "电话有误", closes)
    assert "《雪》" in m.body_zh and "地区管理员" in m.body_zh and "作品信息填写有误" in m.body_zh
    assert "电话有误" in m.body_zh and closes in m.body_zh
    assert "region admin" in m.body_en and "Information entered is wrong" in m.body_en and closes in m.body_en
    school = messages.returned_to_school("w1", "雪", 2, "other", "见附件")
    assert "本校作品" in school.body_zh and "school's work" in school.body_en
    reminder = messages.window_reminder(1, closes, ["雪", "雨"])
    assert "1 天" in reminder.title_zh and "1 day left" in reminder.title_en and "《雪》、《雨》" in reminder.body_zh
    assert "3 days left" in messages.region_reminder(3, closes).title_en


def test_install_serves_consumes_and_schedules_on_the_runtime() -> None:
    from festival_review.notifications import CONSUMER, SUBJECTS, install

    class Runtime:
        def __init__(self) -> None:
            self.served, self.consumers, self.tasks = [], [], []

        def serve(self, register, name: str) -> None:
            self.served.append(name)

        def consume(self, durable: str, subjects: list[str], handlers: dict) -> None:
            self.consumers.append((durable, subjects, sorted(handlers)))

        def background(self, task) -> None:
            self.tasks.append(task)

    runtime = Runtime()
    notifier = install(runtime, app=object())
    assert runtime.served == ["festival.review.v1.Notifications"] and len(runtime.tasks) == 1
    [(durable, subjects, handled)] = runtime.consumers
    assert durable == CONSUMER == "review-notifications" and subjects == SUBJECTS
    assert {s.rsplit(".", 1)[1] for s in subjects} == set(handled) == set(notifier.handlers())
    assert "festival.review.WorkReturned" in subjects and "festival.review.RegionTableFiled" in subjects
