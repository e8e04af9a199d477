"""Fixtures of the review tests: edition rules, the registry and intake events review hears, an app fed them."""

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
from festival_review.application import ReviewApplication

EDITION = "jl-11"
CC, JL = "region-cc", "region-jl"
SCHOOLS = {"school-a": ("长春市第一实验中学", CC), "school-b": ("长春市第二中学", CC), "school-c": ("吉林市第一中学", JL)}
# account id -> (role, school, region, active)
ACCOUNTS = {
    "sa-a": ("school_admin", "school-a", CC, False), "sa-b": ("school_admin", "school-b", CC, False),
    "sa-c": ("school_admin", "school-c", JL, False), "sa-pending": ("school_admin", "school-a", CC, False),
    "ra-cc": ("region_admin", None, CC, True), "ra-jl": ("region_admin", None, JL, True),
    "pa": ("province_admin", None, None, True), "au": ("auditor", None, None, True),
    "student-1": ("student", "school-a", CC, True),
}
APPROVED = ("sa-a", "sa-b", "sa-c")


def edition_rules(code: str = EDITION) -> EditionRules:
    now = clock.now()
    return EditionRules(
        code=code, name_zh="第11届吉林省青少年科学影像节", name_en="11th Jilin Youth Science Film Festival",
        timezone="Asia/Shanghai",
        categories=[Category(code="documentary", name_zh="科学探究纪录片", name_en="Documentary", max_duration_s=480),
                    Category(code="animation", name_zh="科普动画", name_en="Animation", max_duration_s=240)],
        themes=["节能减排", "低碳环保"], team=TeamLimits(max_creators=8, max_advisors=2),
        window_opens=now - timedelta(days=1), window_closes=now + timedelta(days=14),
        region_deadline=now + timedelta(days=24),
        files={"film": FileLimit(required=True, max_bytes=2**31, kinds=["mp4"])}, media={},
        award_ratios={"best": 0.2, "excellent": 0.3, "finalist": 0.5},
    )


def envelope(service: str, type_: str, payload: dict[str, Any], *, aggregate_id: str | None = None,
             edition: str = EDITION, version: int = 1, account: str = "system", role: str = "system") -> Envelope:
    """A well-formed envelope as another service would publish it."""
    fields = Envelope.model_validate({
        "event_id": str(uuid.uuid4()), "service": service, "type": type_, "schema_version": 1, "edition": edition,
        "aggregate_type": type_, "aggregate_id": aggregate_id or str(uuid.uuid4()), "aggregate_version": version,
        "actor": Actor(account_id=account, role=role).model_dump(), "occurred_at": datetime.now(UTC).isoformat(),
        "correlation_id": str(uuid.uuid4()), "causation_id": str(uuid.uuid4()), "payload": payload,
        "prev_hash": "", "hash": "",
    }).hashed_fields()
    return Envelope.model_validate({**fields, "prev_hash": GENESIS, "hash": chain_hash(GENESIS, fields)})


@dataclass
class Log:
    """The registry and intake events review hears, as envelopes."""

    edition: str = EDITION

    def configured(self) -> Envelope:
        return envelope("registry", "EditionConfigured", {"rules": edition_rules(self.edition).model_dump(mode="json")},
                        edition=self.edition)

    def phase(self, type_: str) -> Envelope:
        return envelope("registry", type_, {"edition": self.edition, "at": clock.now().isoformat()},
                        edition=self.edition)

    def directory(self) -> list[Envelope]:
        regions = [envelope("registry", "RegionRegistered", {"code": c, "name_zh": zh, "name_en": c},
                            aggregate_id=rid) for rid, c, zh in ((CC, "cc", "长春市"), (JL, "jl", "吉林市"))]
        return regions + [envelope("registry", "SchoolRegistered", {"name": name, "region_id": region},
                                   aggregate_id=sid) for sid, (name, region) in SCHOOLS.items()]

    def accounts(self) -> list[Envelope]:
        return [envelope("registry", "AccountOpened", {
            "username": aid, "display_name": aid, "role": role, "school_id": school if role != "region_admin" else None,
            "region_id": region, "active": active}, aggregate_id=aid) for aid, (role, school, region, active) in
            ACCOUNTS.items()]

    def approved(self, account_id: str) -> Envelope:
        return envelope("registry", "SchoolAdminApproved", {"approved_by": "ra-cc"}, aggregate_id=account_id,
                        version=2, account="ra-cc", role="region_admin")

    def submitted(self, sub_id: str, version: int = 1, school: str = "school-a", title: str = "教室里的电去哪儿了",
                  category: str = "documentary", student: str = "student-1") -> Envelope:
        payload = {
            "submission_version": version, "student_id": student, "school_id": school,
            "region_id": SCHOOLS[school][1], "title": title, "category": category, "theme": "节能减排",
            "synopsis": "我们测量了校园用电。",
            "creators": [{"name": "张小明", "grade": "初二", "school": SCHOOLS[school][0]}],
            "advisors": [{"name": "王丽", "school": SCHOOLS[school][0], "phone": "138-0000-0000"}],
            "files": {"film": {"object_key": self.object_key(sub_id, version), "filename": "film.mp4", "size": 10,
                               "kind": "mp4", "etag": "e"}},
        }
        return envelope("intake", "SubmissionSubmitted", payload, aggregate_id=sub_id, edition=self.edition,
                        account=student, role="student")

    def object_key(self, sub_id: str, version: int) -> str:
        """As intake names an upload's object: the upload id ends it (keys of earlier versions went on with the
        file's name; odd versions here use that shape, so both are read)."""
        key = f"editions/{self.edition}/submissions/{sub_id}/film/{upload_of(sub_id, version)}"
        return key + "/film.mp4" if version % 2 else key

    def inspected(self, sub_id: str, version: int = 1, verdict: str = "pass", duplicate_of: str = "") -> Envelope:
        """media-inspection's report on the film uploaded for that version."""
        checks = [{"id": "resolution", "verdict": "pass", "measured": [1280, 720], "expected": None,
                   "message_zh": "分辨率符合要求。", "message_en": "Resolution is fine."}]
        if verdict != "pass":
            checks.append({"id": "bitrate", "verdict": verdict, "measured": 900, "expected": [2000, 2500],
                           "message_zh": "码率偏低。", "message_en": "Bitrate is low."})
        dup = {"work_id": duplicate_of, "edition": "jl-10", "title": "旧作", "similarity": 0.97,
               "source": "archive"} if duplicate_of else None
        payload = {"submission_id": sub_id, "upload_id": upload_of(sub_id, version), "slot": "film",
                   "category": "documentary", "verdict": verdict, "checks": checks, "content_hash": "h",
                   "fingerprint": None, "duplicate_of": dup, "elapsed_s": 1.0, "worker": "w1"}
        return envelope("media-inspection", "InspectionCompleted", payload, edition=self.edition)

    def withdrawn(self, sub_id: str) -> Envelope:
        return envelope("intake", "SubmissionWithdrawn", {"reason_code": "window_closed"}, aggregate_id=sub_id,
                        edition=self.edition)

    def setup(self) -> list[Envelope]:
        """Edition, directory, accounts (three school admins approved), window open."""
        return [self.configured(), *self.directory(), *self.accounts(), *map(self.approved, APPROVED),
                self.phase("SubmissionWindowOpened")]


class Feeder:
    """Hands envelopes to an app's handlers as its consumer would: tracked, at made-up stream positions."""

    def __init__(self) -> None:
        self.seq = 0
        self.fed: list[Envelope] = []

    def __call__(self, app: ReviewApplication, *envelopes: Envelope) -> None:
        handlers = app.handlers()
        for env in envelopes:
            self.seq += 1
            self.fed.append(env)
            with caused_by(cause_of(env)):
                app.save_tracked("review-test", self.seq, *handlers[env.type](env))


def upload_of(sub_id: str, version: int) -> str:
    return f"up-{sub_id}-v{version}"


def as_(account_id: str) -> Cause:
    """The cause of a command by one of the test accounts, in its role."""
    return Cause(account_id=account_id, role=ACCOUNTS[account_id][0], correlation_id=f"corr-{account_id}")


@pytest.fixture
def log() -> Log:
    return Log()


@pytest.fixture
def feed() -> Feeder:
    return Feeder()


@pytest.fixture
def who():
    return as_
