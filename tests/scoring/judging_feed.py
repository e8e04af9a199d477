"""Feeding a scoring application the events registry and review would publish (shared by scoring tests)."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from festival_events.envelope import Envelope
from festival_kit import clock
from festival_kit.consumer import cause_of
from festival_kit.context import Cause, caused_by
from festival_registry.adapters.edition_file import load, packaged
from festival_scoring.application import ScoringApplication

RULES = load(packaged("11")).rules
PROVINCE = Cause("province-1", "province_admin")
AUDITOR = Cause("auditor-1", "auditor")
REGIONS = ("changchun", "jilin", "siping", "yanbian")


def judge_cause(judge_id: str) -> Cause:
    return Cause(judge_id, "judge")


class Feeder:
    """Hands the application envelopes the way its durable consumer would (one tracked position each)."""

    def __init__(self, app: ScoringApplication):
        self.app, self.position = app, 0

    def __call__(self, service: str, event_type: str, payload: dict[str, Any], aggregate_id: str = "",
                 edition: str = "11", schema_version: int = 1) -> None:
        self.position += 1
        env = Envelope(
            event_id=uuid.uuid4(), service=service, type=event_type, schema_version=schema_version, edition=edition,
            aggregate_type="Test", aggregate_id=aggregate_id or str(uuid.uuid4()), aggregate_version=1,
            actor={"account_id": "system", "role": "system"}, occurred_at=datetime.now(timezone.utc),
            correlation_id="c", causation_id="c", payload=payload, prev_hash="", hash="",
        )
        self.last_event_id = env.event_id
        handler = self.app.handlers()[event_type]
        with caused_by(cause_of(env)):
            self.app.save_tracked("test", self.position, *handler(env))

    def edition(self, rules=RULES) -> None:
        self("registry", "EditionConfigured", {"rules": rules.model_dump(mode="json")})

    def phase(self, event_type: str, at: datetime) -> None:
        self("registry", event_type, {"edition": "11", "at": at.isoformat()})

    def judge(self, judge_id: str, region: str | None = None, school: str | None = None,
              declared: list[str] = (), expertise: list[str] = ()) -> None:
        self("registry", "AccountOpened", {"username": judge_id, "display_name": f"评委{judge_id}", "role": "judge",
                                           "active": True}, judge_id)
        self("registry", "JudgeProfileRecorded", {"region_id": region, "school_id": school,
                                                  "expertise": list(expertise), "declared_persons": list(declared)},
             judge_id)

    def qualified_work(self, work_id: str, category: str = "documentary", region: str = "changchun",
                       school: str = "school-1", people: tuple[str, ...] = ("李雷",)) -> None:
        version = {
            "submission_id": work_id, "submission_version": 1, "school_id": school, "region_id": region,
            "title": f"作品{work_id}", "category": category, "theme": "节能减排", "synopsis": "简介",
            "creators": [{"name": people[0], "grade": "初二", "school": "学校"}],
            "advisors": [{"name": p, "school": "学校", "phone": "13800000000"} for p in people[1:]],
            "files": {"film": {"object_key": f"works/{work_id}/u1/film.mp4", "filename": "李雷的片子.mp4",
                               "size": 10, "kind": "mp4", "etag": "e1"}},
        }
        self("review", "ReviewVersionReceived", version)
        self("review", "ReviewInspectionNoted", {
            "submission_id": work_id, "submission_version": 1, "slot": "film", "object_key": "k", "verdict": "warn",
            "warnings": ["bitrate"], "messages_zh": ["码率偏低"], "messages_en": ["bitrate low"],
            "duplicate_of": "other-work"})
        self("review", "WorkQualified", {"submission_id": work_id, "submission_version": 1, "category": category,
                                         "theme": "节能减排", "title": f"作品{work_id}", "school_id": school,
                                         "region_id": region, "note": ""})


def shanghai(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=clock.SHANGHAI)
