"""Fixtures of the intake tests: edition rules, registry envelopes, an application on a SQLite file."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from festival_events.contracts.registry import Category, EditionRules, FileLimit, TeamLimits
from festival_events.envelope import GENESIS, Actor, Envelope, chain_hash
from festival_kit import clock
from festival_kit.consumer import cause_of
from festival_kit.context import Cause, caused_by

EDITION = "jl-11"
MB = 1024 * 1024


def edition_rules(code: str = EDITION, **changes: Any) -> EditionRules:
    """Edition 11 as the notice sets it, with a window around the present moment."""
    now = clock.now()
    rules = {
        "code": code, "name_zh": "第11届吉林省青少年科学影像节", "name_en": "11th Jilin Youth Science Film Festival",
        "timezone": "Asia/Shanghai",
        "categories": [
            Category(code="documentary", name_zh="科学探究纪录片", name_en="Science documentary", max_duration_s=480),
            Category(code="microfilm", name_zh="科学微电影", name_en="Science micro-film", max_duration_s=480),
            Category(code="animation", name_zh="科普动画", name_en="Science animation", max_duration_s=240),
        ],
        "themes": ["节能减排", "低碳环保", "安全健康", "防灾减灾", "发明创造", "创新创意"],
        "team": TeamLimits(min_creators=1, max_creators=8, max_advisors=2),
        "window_opens": now - timedelta(days=1), "window_closes": now + timedelta(days=14),
        "region_deadline": now + timedelta(days=24),
        "files": {
            "film": FileLimit(required=True, max_bytes=2048 * MB, kinds=["mp4"]),
            "cover": FileLimit(required=True, max_bytes=1 * MB, kinds=["jpeg"], width=640, height=480),
            "poster": FileLimit(required=False, max_bytes=3 * MB, kinds=["jpeg"], width=2000, height=3000),
            "application_form": FileLimit(required=True, max_bytes=20 * MB, kinds=["pdf", "jpeg"]),
            "copyright_declaration": FileLimit(required=True, max_bytes=20 * MB, kinds=["pdf", "jpeg"]),
        },
        "media": {}, "award_ratios": {"best": 0.2, "excellent": 0.3, "finalist": 0.5},
    }
    return EditionRules(**{**rules, **changes})


def envelope(service: str, type_: str, payload: dict[str, Any], *, aggregate_id: str | None = None,
             edition: str = EDITION, version: int = 1, role: str = "system") -> Envelope:
    """A well-formed envelope as another service would publish it."""
    fields = Envelope.model_validate({
        "event_id": str(uuid.uuid4()), "service": service, "type": type_, "schema_version": 1, "edition": edition,
        "aggregate_type": type_, "aggregate_id": aggregate_id or str(uuid.uuid4()), "aggregate_version": version,
        "actor": Actor(role=role).model_dump(), "occurred_at": datetime.now(UTC).isoformat(),
        "correlation_id": str(uuid.uuid4()), "causation_id": str(uuid.uuid4()), "payload": payload,
        "prev_hash": "", "hash": "",
    }).hashed_fields()
    return Envelope.model_validate({**fields, "prev_hash": GENESIS, "hash": chain_hash(GENESIS, fields)})


@dataclass(frozen=True)
class Registry:
    """The registry events intake hears, as envelopes."""

    region_id: str = "region-changchun"
    school_id: str = "school-1"

    def configured(self, rules: EditionRules) -> Envelope:
        return envelope("registry", "EditionConfigured", {"rules": rules.model_dump(mode="json")})

    def phase(self, type_: str, edition: str = EDITION) -> Envelope:
        return envelope("registry", type_, {"edition": edition, "at": clock.now().isoformat()})

    def region(self) -> Envelope:
        payload = {"code": "changchun", "name_zh": "长春市", "name_en": "Changchun"}
        return envelope("registry", "RegionRegistered", payload, aggregate_id=self.region_id)

    def school(self) -> Envelope:
        payload = {"name": "长春市第一实验中学", "region_id": self.region_id}
        return envelope("registry", "SchoolRegistered", payload, aggregate_id=self.school_id)


def work_returned_envelope(submission_id: str, version: int = 1, level: str = "school") -> Envelope:
    payload = {"submission_id": submission_id, "submission_version": version, "level": level,
               "reason_code": "cover_unclear", "reason": "封面不清晰，请重新上传。"}
    return envelope("review", "WorkReturned", payload, role=f"{level}_admin")


def inspected_envelope(submission_id: str, record: dict[str, Any], slot: str, verdict: str = "pass",
                       checks: list[dict[str, Any]] | None = None) -> Envelope:
    """media-inspection's report on one confirmed file, as a worker publishes it."""
    payload = {"submission_id": submission_id, "upload_id": record["upload_id"], "slot": slot, "category": None,
               "verdict": verdict, "checks": checks or [], "content_hash": "0" * 64, "fingerprint": None,
               "duplicate_of": None, "elapsed_s": 0.1, "worker": "test"}
    return envelope("media-inspection", "InspectionCompleted", payload, version=2)


class Feeder:
    """Hands envelopes to an app's handlers as its consumer would: tracked, at made-up stream positions."""

    def __init__(self) -> None:
        self.seq = 0

    def __call__(self, app: Any, *envelopes: Envelope) -> None:
        handlers = app.handlers()
        for env in envelopes:
            self.seq += 1
            with caused_by(cause_of(env)):
                app.save_tracked("intake-test", self.seq, *handlers[env.type](env))


@pytest.fixture
def pass_inspections(feed):
    """Feed a passing inspection of every file the work holds (as if the workers had checked them)."""

    def inspect_all(app: Any, submission_id: str) -> None:
        sub = app.repository.get(uuid.UUID(submission_id))
        feed(app, *(inspected_envelope(submission_id, r, slot) for slot, r in sub.files.items()))

    return inspect_all


@pytest.fixture
def rules() -> EditionRules:
    return edition_rules()


@pytest.fixture
def make_rules():
    return edition_rules


@pytest.fixture
def registry() -> Registry:
    return Registry()


@pytest.fixture
def feed() -> Feeder:
    return Feeder()


@pytest.fixture
def work_returned():
    return work_returned_envelope


@pytest.fixture
def student() -> Cause:
    return Cause(account_id="student-1", role="student")


@pytest.fixture
def draft_fields() -> dict[str, Any]:
    return {
        "title": "教室里的电去哪儿了", "category": "documentary", "theme": "节能减排",
        "synopsis": "我们测量了校园用电。",
        "creators": [{"name": "张小明", "grade": "初二", "school": "长春市第一实验中学"},
                     {"name": "李华", "grade": "初二", "school": "长春市第一实验中学"}],
        "advisors": [{"name": "王丽", "school": "长春市第一实验中学", "phone": "138-0000-0000"}],
        "voice_over": "mandarin", "subtitles": "none",
    }


@pytest.fixture
def store_env(tmp_path) -> dict[str, str]:
    """An in-file SQLite event store under the test's tmp_path."""
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "intake.sqlite")}
