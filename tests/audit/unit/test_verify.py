"""The verifier over hand-made logs (no server): what is clean passes, and each kind of damage is named."""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).parents[2]))
from log_envelopes import drafted, envelope, reopened, submitted  # noqa: E402

from festival_audit.merkle import Tree, entry_of  # noqa: E402
from festival_audit.notes import Checkpoint, sign, verifier_key  # noqa: E402
from festival_audit.stream import Extent, Message  # noqa: E402
from festival_audit.verify import SavedCheckpoint, Verifier  # noqa: E402
from festival_events.envelope import Envelope, chain_hash  # noqa: E402

ED = "11"
ORIGIN = "test.example/FESTIVAL"


def chained(events: list[Envelope]) -> list[Envelope]:
    out: list[Envelope] = []
    for version, env in enumerate(events, start=1):
        fields = {**env.hashed_fields(), "aggregate_version": version}
        prev = out[-1].hash if out else ""
        out.append(Envelope.model_validate({**fields, "prev_hash": prev, "hash": chain_hash(prev, fields)}))
    return out


def work(n: int, withdrawn: bool = False) -> list[Envelope]:
    sub = str(uuid.uuid4())
    args = (ED, sub, f"作品{n}", f"student-{n}", "school-1", "region-1")
    events = [drafted(*args), submitted(*args), reopened(ED, sub)]
    if withdrawn:
        events.append(envelope("intake", "SubmissionWithdrawn", {"reason_code": "window_closed"}, aggregate_id=sub,
                               edition=ED))
    return chained(events)


def messages(envs: list[Envelope]) -> list[Message]:
    return [Message(i, e.subject, e.msg_id, e.model_dump_json().encode()) for i, e in enumerate(envs, start=1)]


def verify(msgs: list[Message], **kwargs) -> list:
    v = Verifier(**kwargs)
    for m in msgs:
        v.see(m)
    return v.finish(Extent(1, msgs[-1].seq if msgs else 0, len(msgs))).problems


def checkpoint_event(msgs: list[Message], key: Ed25519PrivateKey, size: int) -> Envelope:
    tree = Tree()
    for m in msgs[:size]:
        tree.append(entry_of(m.body))
    root = tree.root(size)
    payload = {"origin": ORIGIN, "size": size, "root": root.hex(), "note": sign(Checkpoint(ORIGIN, size, root), ORIGIN, key),
               "verifier_key": verifier_key(ORIGIN, key.public_key()), "trigger": "on_demand"}
    return envelope("audit", "CheckpointSigned", payload, aggregate_id=str(uuid.uuid4()), edition="")


def test_a_clean_log_has_no_problems():
    log = messages(work(1) + work(2))
    assert verify(log) == []


def test_a_missing_sequence_is_named():
    log = messages(work(1) + work(2))
    del log[3]
    problems = verify(log)
    assert (problems[0].check, problems[0].seq) == ("stream", 4) and "deleted" in problems[0].message
    # and the deleted event's aggregate no longer starts at version 1
    assert {(p.check, p.seq) for p in problems[1:]} == {("chain", 5)}


def test_a_missing_tail_is_named_from_the_servers_last_sequence():
    log = messages(work(1))
    v = Verifier()
    for m in log:
        v.see(m)
    problems = v.finish(Extent(1, len(log) + 2, len(log))).problems
    assert [(p.check, p.seq) for p in problems] == [("stream", len(log) + 1)]


def test_an_edited_payload_breaks_its_hash():
    log = messages(work(1))
    body = json.loads(log[1].body)
    body["payload"]["title"] = "改"
    log[1] = Message(2, log[1].subject, log[1].msg_id, json.dumps(body).encode())
    problems = verify(log)
    assert [(p.check, p.seq, p.message) for p in problems] == [("chain", 2, "hash does not match the event's content")]


def test_a_wrong_dedup_id_and_a_payload_outside_its_contract():
    envs = work(1)
    log = messages(envs)
    log[0] = Message(1, log[0].subject, "someone-else:1", log[0].body)
    bad = envelope("intake", "SubmissionWithdrawn", {"reason_code": "bored"}, aggregate_id=str(uuid.uuid4()), edition=ED)
    log.append(Message(len(log) + 1, bad.subject, bad.msg_id, bad.model_dump_json().encode()))
    problems = verify(log)
    assert {(p.check, p.seq) for p in problems} == {("envelope", 1), ("contract", len(log))}


def test_garbage_on_the_stream_is_named_and_still_counted_in_the_tree():
    log = messages(work(1)) + [Message(4, "festival.intake.X", "x", b"not json")]
    problems = verify(log)
    assert [(p.check, p.seq) for p in problems] == [("envelope", 4)]


def test_an_event_after_a_withdrawal_is_named():
    envs = work(1, withdrawn=True)
    late = envelope("intake", "SubmissionReopened", {"submission_version": 1, "returned_by_role": "school_admin",
                                                     "reason_code": "other", "reason": "x"},
                    aggregate_id=envs[0].aggregate_id, edition=ED)
    problems = verify(messages(chained(envs + [late])))
    assert [(p.check, p.event_type) for p in problems] == [("withdrawal", "SubmissionReopened")]


def test_checkpoints_on_the_log_and_saved_ones_check_the_history_before_them():
    key = Ed25519PrivateKey.generate()
    log = messages(work(1) + work(2))
    cp = checkpoint_event(log, key, size=4)
    log += messages([cp])[:1]
    log[-1] = Message(len(log), cp.subject, cp.msg_id, log[-1].body)
    saved = [SavedCheckpoint("region", cp.payload["note"])]
    trusted = verifier_key(ORIGIN, key.public_key())
    assert verify(log, trusted_key=trusted, saved=saved) == []

    # the same history rewritten consistently before the checkpoint: only the roots differ
    rewritten = messages(work(3) + work(2)) + [log[-1]]
    problems = verify(rewritten, trusted_key=trusted, saved=saved)
    assert {p.check for p in problems} == {"checkpoint"} and len(problems) == 2
    assert all("rewritten" in p.message for p in problems)

    # signed by another key than the one trusted
    other = verifier_key(ORIGIN, Ed25519PrivateKey.generate().public_key())
    problems = verify(log, trusted_key=other)
    assert [p.check for p in problems] == ["checkpoint"] and "another key" in problems[0].message


def test_the_report_is_the_same_bytes_for_the_same_log():
    log = messages(work(1) + work(2))
    del log[2]
    reports = []
    for _ in range(2):
        v = Verifier()
        for m in log:
            v.see(m)
        reports.append(v.finish(Extent(1, 6, 5)).to_json())
    assert reports[0] == reports[1] and json.loads(reports[0])["problems"]


def test_a_float_the_fast_encoder_writes_otherwise_still_verifies():
    """orjson writes 1e-05 as 0.00001: the standard encoder (the producers') then decides, and the hash holds."""
    env = envelope("scoring", "Anything", {"score": 1e-05, "big": 1e22}, aggregate_id=str(uuid.uuid4()), edition=ED)
    problems = verify(messages([env]))
    assert not [p for p in problems if p.check == "chain"], problems
