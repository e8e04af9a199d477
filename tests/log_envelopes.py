"""Envelopes as another service would publish them, for tests that feed a consumer's handlers by hand."""

from __future__ import annotations

import uuid
from typing import Any

from festival_events.envelope import GENESIS, Actor, Envelope, chain_hash
from festival_kit import clock


def envelope(service: str, type_: str, payload: dict[str, Any], *, aggregate_id: str, edition: str,
             schema_version: int = 1, account: str = "system", role: str = "system") -> Envelope:
    """A well-formed envelope (first of its aggregate, hashed) occurring now on the platform's clock."""
    fields = Envelope.model_validate({
        "event_id": str(uuid.uuid4()), "service": service, "type": type_, "schema_version": schema_version,
        "edition": edition, "aggregate_type": type_, "aggregate_id": aggregate_id, "aggregate_version": 1,
        "actor": Actor(account_id=account, role=role).model_dump(), "occurred_at": clock.now().isoformat(),
        "correlation_id": str(uuid.uuid4()), "causation_id": str(uuid.uuid4()), "payload": payload,
        "prev_hash": "", "hash": "",
    }).hashed_fields()
    return Envelope.model_validate({**fields, "prev_hash": GENESIS, "hash": chain_hash(GENESIS, fields)})


def drafted(edition: str, sub_id: str, title: str, student: str, school: str, region: str | None) -> Envelope:
    """intake's SubmissionDrafted (schema version 2, with the region)."""
    payload = {"edition": edition, "student_id": student, "school_id": school, "region_id": region, "title": title,
               "category": "documentary", "theme": "节能减排", "synopsis": "", "creators": [], "advisors": []}
    return envelope("intake", "SubmissionDrafted", payload, aggregate_id=sub_id, edition=edition, schema_version=2,
                    account=student, role="student")


def submitted(edition: str, sub_id: str, title: str, student: str, school: str, region: str | None,
              version: int = 1) -> Envelope:
    """intake's SubmissionSubmitted of a complete work (a film only: review does not check the files)."""
    payload = {
        "submission_version": version, "student_id": student, "school_id": school, "region_id": region,
        "title": title, "category": "documentary", "theme": "节能减排", "synopsis": "我们测量了校园用电。",
        "creators": [{"name": "张小明", "grade": "初二", "school": "实验中学"}],
        "advisors": [{"name": "王丽", "school": "实验中学", "phone": "138-0000-0000"}],
        "files": {"film": {"object_key": f"editions/{edition}/submissions/{sub_id}/film/up-{version}/film.mp4",
                           "filename": "film.mp4", "size": 10, "kind": "mp4", "etag": "e"}},
    }
    return envelope("intake", "SubmissionSubmitted", payload, aggregate_id=sub_id, edition=edition,
                    account=student, role="student")


def reopened(edition: str, sub_id: str, version: int = 1, by: str = "school_admin") -> Envelope:
    """intake's SubmissionReopened: the return reached the student's work."""
    payload = {"submission_version": version, "returned_by_role": by, "reason_code": "other", "reason": "改"}
    return envelope("intake", "SubmissionReopened", payload, aggregate_id=sub_id, edition=edition)


def phase(edition: str, type_: str) -> Envelope:
    """registry's SubmissionWindowOpened / SubmissionWindowClosed / RegionDeadlinePassed, now."""
    return envelope("registry", type_, {"edition": edition, "at": clock.now().isoformat()},
                    aggregate_id=f"edition-{edition}", edition=edition)
