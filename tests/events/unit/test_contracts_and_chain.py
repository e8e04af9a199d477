"""Envelope hash chains, contract validation and upcasting of old event versions."""

from __future__ import annotations

from datetime import datetime, timezone
from uuid import uuid4

import pytest
from pydantic import ValidationError

from festival_events import contracts
from festival_events.contracts.intake import SubmissionDrafted
from festival_events.envelope import GENESIS, Actor, Envelope, chain_hash, chain_problems

contracts.load_all()

V1_PAYLOAD = {
    "edition": "11", "student_id": "s-1", "school_id": "school-1", "title": "水的旅行", "category": "documentary",
    "theme": "节能减排", "synopsis": "…", "creators": [{"name": "李雷", "grade": "初二", "school": "一中"}],
    "advisors": [],
}  # fmt: skip


def envelope(version: int, payload: dict, prev_hash: str = GENESIS, type_: str = "SubmissionDrafted") -> Envelope:
    fields = {
        "event_id": str(uuid4()), "service": "intake", "type": type_, "schema_version": version,
        "edition": "11", "aggregate_type": "Submission", "aggregate_id": "agg-1",
        "aggregate_version": 1 if prev_hash == GENESIS else 2,
        "actor": Actor(account_id="s-1", role="student").model_dump(),
        "occurred_at": datetime(2023, 6, 26, 1, tzinfo=timezone.utc).isoformat(),
        "correlation_id": "c-1", "causation_id": "c-1", "payload": payload,
    }  # fmt: skip
    fields = Envelope.model_validate({**fields, "prev_hash": "", "hash": ""}).hashed_fields()
    return Envelope.model_validate({**fields, "prev_hash": prev_hash, "hash": chain_hash(prev_hash, fields)})


def test_a_version_1_event_is_upcast_to_the_latest_contract_on_read():
    old = envelope(1, V1_PAYLOAD)
    read = contracts.read(old)
    assert isinstance(read, SubmissionDrafted)
    assert read.region_id is None and read.title == "水的旅行"
    assert old.payload == V1_PAYLOAD  # the stored event itself is never rewritten


def test_a_current_event_reads_as_is_and_an_unknown_type_is_refused():
    current = envelope(2, {**V1_PAYLOAD, "region_id": "changchun"})
    assert contracts.read(current).region_id == "changchun"
    with pytest.raises(contracts.UnknownEvent):
        contracts.read(envelope(1, {}, type_="NoSuchEvent"))


def test_a_payload_that_breaks_its_contract_is_refused():
    with pytest.raises(ValidationError):
        contracts.validate("SubmissionDrafted", 2, {**V1_PAYLOAD, "region_id": None, "extra": 1})


def test_an_intact_chain_has_no_problems_and_tampering_is_found():
    first = envelope(2, {**V1_PAYLOAD, "region_id": None})
    second = envelope(1, {"reason_code": "by_student"}, prev_hash=first.hash, type_="SubmissionWithdrawn")
    assert chain_problems([first, second]) == []
    forged = second.model_copy(update={"payload": {"reason_code": "window_closed"}})
    assert any("hash does not match" in p for p in chain_problems([first, forged]))
    assert any("prev_hash" in p for p in chain_problems([first, envelope(1, {}, prev_hash="x" * 64)]))


def test_occurred_at_must_carry_a_zone_and_is_kept_in_utc():
    env = envelope(2, {**V1_PAYLOAD, "region_id": None})
    assert env.occurred_at.tzinfo == timezone.utc
    with pytest.raises(ValidationError):
        Envelope.model_validate({**env.model_dump(), "occurred_at": "2023-06-26T09:00:00"})
