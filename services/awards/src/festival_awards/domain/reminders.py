"""Reminders: the province is reminded once before each date of the awards phase whose work is not done.

通知 二: 第三阶段 表彰 by 10月31日 (every list published), 第四阶段 展示交流 by 11月30日 (the exhibition
list released to every region). Pure: the scheduler asks `due` what to record at a moment.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from eventsourcing.domain import event

from festival_kit import clock
from festival_kit.aggregate import FestivalAggregate


def _day(at: datetime) -> str:
    # publish_by is the first instant after the last day: name the last day
    local = (at - timedelta(seconds=1)).astimezone(clock.SHANGHAI)
    return f"{local.year}年{local.month}月{local.day}日"


def messages(deadline: str, due: datetime, left: int) -> tuple[str, str]:
    """What the province reads: which date, and how much is still to do."""
    if deadline == "publish_by":
        return (f"获奖名单须于{_day(due)}前公布，还有 {left} 个名单未公布。",
                f"The awards must be published by {due:%Y-%m-%d}: {left} list(s) not published yet.")
    return (f"展示交流名单须于{_day(due)}前发给各地区，还有 {left} 个地区未发布。",
            f"The exhibition list must reach every region by {due:%Y-%m-%d}: {left} region(s) still waiting.")


class Reminders(FestivalAggregate):
    """deadline -> the reminder recorded for it (one each)."""

    SERVICE = "awards"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return Reminders.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:reminders:{edition}")

    @event("Started")
    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.sent: dict[str, dict[str, Any]] = {}

    def remind(self, deadline: str, due: datetime, left: int) -> bool:
        if deadline in self.sent or left <= 0:
            return False
        zh, en = messages(deadline, due, left)
        self._due(deadline=deadline, due=due, message_zh=zh, message_en=en)
        return True

    class Due(FestivalAggregate.Event):
        PUBLISHED_AS = "ReminderDue"
        deadline: str
        due: datetime
        message_zh: str
        message_en: str

    @event(Due)
    def _due(self, deadline: str, due: datetime, message_zh: str, message_en: str) -> None:
        self.sent[deadline] = {"due": due, "message_zh": message_zh, "message_en": message_en}
