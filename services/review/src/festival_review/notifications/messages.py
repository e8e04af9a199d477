"""What each notification says, in Chinese and English. Pure."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from festival_kit import clock
from festival_review.domain import reasons
from festival_review.notifications.feed import Message

RETURNED, REMINDER, AWARDS = "work_returned", "deadline_reminder", "awards_reminder"
SOURCE = "source_requested"
_LEVEL = {"school": ("校级管理员", "school admin"), "region": ("地区管理员", "region admin")}


def local(moment: datetime | None, timezone: str) -> str:
    """A deadline as its edition's wall clock shows it, to the minute, with the zone named."""
    if moment is None:
        return ""
    zone = ZoneInfo(timezone) if timezone else clock.SHANGHAI
    return f"{moment.astimezone(zone).strftime('%Y-%m-%d %H:%M')} ({zone.key})"


def _reason(code: str, reason: str) -> tuple[str, str]:
    known = next((r for r in reasons.reasons() if r.code == code), None)
    zh, en = (known.name_zh, known.name_en) if known else (code, code)
    return f"退回原因：{zh}。说明：{reason}", f"Reason: {en}. Note: {reason}"


def returned_to_student(submission_id: str, title: str, version: int, level: str, code: str, reason: str,
                        window_closes: str) -> Message:
    """To the student: their work came back, why, and until when it can be fixed."""
    who_zh, who_en = _LEVEL.get(level, (level, level))
    why_zh, why_en = _reason(code, reason)
    until_zh = f"请在申报截止（{window_closes}）前修改并重新提交。" if window_closes else "请修改后重新提交。"
    until_en = (f" Fix it and resubmit before submissions close ({window_closes})." if window_closes
                else " Fix it and resubmit.")
    return Message(
        RETURNED, "作品被退回修改", "Your work was returned for fixes",
        f"您的作品《{title}》（第 {version} 版）被{who_zh}退回修改。{why_zh}。{until_zh}",
        f"Your work “{title}” (version {version}) was returned for fixes by the {who_en}. {why_en}.{until_en}",
        submission_id=submission_id,
    )


def returned_to_school(submission_id: str, title: str, version: int, code: str, reason: str) -> Message:
    """To the school admins: the region sent one of their school's works back to its student."""
    why_zh, why_en = _reason(code, reason)
    return Message(
        RETURNED, "本校作品被地区退回", "A work of your school was returned by the region",
        f"本校作品《{title}》（第 {version} 版）被地区管理员退回给学生修改。{why_zh}。",
        f"The region admin returned your school's work “{title}” (version {version}) to its student for "
        f"fixes. {why_en}.",
        submission_id=submission_id,
    )


def window_reminder(lead_days: int, deadline: str, titles: list[str]) -> Message:
    """To a student with drafts not submitted, or returned works not resubmitted."""
    listed_zh, listed_en = "、".join(f"《{t}》" for t in titles), ", ".join(f"“{t}”" for t in titles)
    days_en = "1 day" if lead_days == 1 else f"{lead_days} days"
    return Message(
        REMINDER, f"作品申报还有 {lead_days} 天截止", f"{days_en} left to submit your work",
        f"作品申报将于 {deadline} 截止。您有 {len(titles)} 件作品尚未提交（或被退回后尚未重新提交）：{listed_zh}。"
        "截止时仍未完成的作品将视为自动放弃。",
        f"Submissions close at {deadline}. {len(titles)} of your works are not submitted yet (or were returned "
        f"and not resubmitted): {listed_en}. Works not finished by then count as withdrawn.",
        deadline="window_closes",
    )


def region_reminder(lead_days: int, deadline: str) -> Message:
    """To a region admin whose region has not filed its statistics table."""
    days_en = "1 day" if lead_days == 1 else f"{lead_days} days"
    return Message(
        REMINDER, f"地区统计表上报还有 {lead_days} 天截止", f"{days_en} left to file the region statistics table",
        f"地区统计表须于 {deadline} 前上报，贵地区尚未上报。截止时未报送省级的作品将关闭，不予评审。",
        f"The region statistics table must be filed by {deadline}; your region has not filed it yet. Works not "
        "forwarded to the province by then are closed and not rated.",
        deadline="region_deadline",
    )


def source_requested(submission_id: str, title: str, deadline: str, note: str) -> Message:
    """To the student of an awarded work: the organisers ask for its source files (附件 四.4), by when."""
    note_zh, note_en = (f"说明：{note}", f" Note: {note}") if note else ("", "")
    work_zh, work_en = (f"《{title}》", f" “{title}”") if title else ("", "")
    return Message(
        SOURCE, "请上传获奖作品的源文件", "Please upload your awarded work's source files",
        f"组委会请您在 {deadline} 前上传获奖作品{work_zh}的制作源文件（工程文件、原始素材等，可打包为一个文件）。{note_zh}",
        f"The organisers ask for the source files of your awarded work{work_en} (project files, original "
        f"footage; one archive is fine) by {deadline}.{note_en}",
        submission_id=submission_id,
    )


def awards_reminder(deadline: str, text_zh: str, text_en: str) -> Message:
    """To the province: the awards service's reminder before publish_by or exhibition_by (its own words)."""
    title_zh, title_en = {"publish_by": ("获奖名单公布截止临近", "The awards are due soon"),
                          "exhibition_by": ("展示交流名单发布截止临近", "The exhibition list is due soon")}[deadline]
    return Message(AWARDS, title_zh, title_en, text_zh, text_en, deadline=deadline)
