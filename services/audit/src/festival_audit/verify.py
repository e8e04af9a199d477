"""`festival audit verify`: every message of FESTIVAL checked, in stream order, in one pass.

A message is checked against the stream (no sequence missing), its envelope (a valid envelope on the
subject and with the de-duplication id it claims), its contract (the payload validates, upcast from an
older version), its aggregate's chain (versions contiguous, `prev_hash` the previous event's hash, `hash`
the hash of its content), the rules of withdrawal (nothing but late inspection findings after a work was
withdrawn), and the decisions it records (re-derived from the log by `festival_audit.rederive`). The
Merkle tree of the messages is built as they pass, so every checkpoint signed on the log, and any a region
saved, is checked against the root of the log as it is now.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import ValidationError

from festival_audit.merkle import Tree, entry_of
from festival_audit.notes import NoteError, open_note, parse_verifier_key
from festival_audit.rederive import rederivers
from festival_audit.stream import Extent, Message
from festival_events import contracts
from festival_events.contracts.audit import CheckpointSigned, Problem
from festival_events.envelope import GENESIS, Envelope, chain_hash

# After an aggregate's withdrawal, only these may still follow it (findings of files confirmed before).
WITHDRAWALS: dict[str, frozenset[str]] = {
    "SubmissionWithdrawn": frozenset({"SubmissionInspectionStarted", "SubmissionFileInspected"}),
    "WorkWithdrawnFromReview": frozenset({"ReviewInspectionNoted"}),
}


_UNHASHED = ("hash", "prev_hash")


@dataclass
class SavedCheckpoint:
    """A checkpoint someone kept (a region, at a phase change): its text and where it came from."""

    label: str
    note: str


@dataclass
class Report:
    """What a run found; `to_json` is deterministic, so two runs over the same stream give the same bytes."""

    kind: str
    first_seq: int = 0
    last_seq: int = 0
    messages: int = 0
    root: str = ""
    key: str = ""
    checked: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "first_seq": self.first_seq, "last_seq": self.last_seq,
                "messages": self.messages, "root": self.root, "key": self.key, "checked": dict(self.checked),
                "skipped": sorted(self.skipped), "checkpoints": self.checkpoints,
                "problems": [p.model_dump() for p in sorted(self.problems, key=_order)]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _order(p: Problem) -> tuple:
    return (p.seq, p.check, p.aggregate_id, p.aggregate_version, p.message)


class Verifier:
    """Feed it the stream's messages in order (`see`), then `finish` with what the server said it holds."""

    def __init__(self, trusted_key: str = "", saved: list[SavedCheckpoint] | None = None):
        self.tree = Tree()
        self.report = Report("verify")
        self.trusted = parse_verifier_key(trusted_key) if trusted_key else None
        self.trusted_text = trusted_key.strip()
        self.saved = saved or []
        self.heads: dict[str, tuple[int, str]] = {}
        self.withdrawn: dict[str, str] = {}
        self.seen_ids: set[str] = set()
        self.last_seq = 0
        self.rederivers = rederivers()
        contracts.load_all()

    # -- one message --------------------------------------------------------------------------------

    def see(self, msg: Message) -> None:
        if msg.seq != self.last_seq + 1:
            self._gap(self.last_seq + 1, msg.seq - 1)
        self.last_seq = msg.seq
        raw = _parsed(msg.body)
        self.tree.append(entry_of(msg.body, raw))
        self.report.messages += 1
        env = self._envelope(msg, raw)
        if env is None:
            return
        self._contract(msg.seq, env)
        self._chain(msg.seq, env, raw)
        self._withdrawal(msg.seq, env)
        if env.type == CheckpointSigned.type:
            self._checkpoint_on_log(msg.seq, env)
        for rederiver in self.rederivers:
            rederiver.see(msg.seq, env)

    def _envelope(self, msg: Message, raw: Any) -> Envelope | None:
        self.report.checked["envelope"] += 1
        if not isinstance(raw, dict):
            self._problem("envelope", msg.seq, message="not a JSON object: not an envelope")
            return None
        try:
            env = Envelope.model_validate(raw)
        except ValidationError as exc:
            self._problem("envelope", msg.seq, message=f"not a valid envelope: {_first_error(exc)}")
            return None
        if env.subject != msg.subject:
            self._problem("envelope", msg.seq, env, f"published on {msg.subject}, not {env.subject}")
        if msg.msg_id != env.msg_id:
            self._problem("envelope", msg.seq, env, "Nats-Msg-Id is not the aggregate id and version",
                          recorded=msg.msg_id, derived=env.msg_id)
        if raw["event_id"] in self.seen_ids:
            self._problem("envelope", msg.seq, env, f"event {env.event_id} appears twice on the stream")
        self.seen_ids.add(raw["event_id"])
        return env

    def _contract(self, seq: int, env: Envelope) -> None:
        self.report.checked["contract"] += 1
        try:
            contracts.read(env)
        except (contracts.UnknownEvent, ValidationError) as exc:
            detail = _first_error(exc) if isinstance(exc, ValidationError) else str(exc)
            self._problem("contract", seq, env, f"payload does not follow its contract: {detail}")

    def _chain(self, seq: int, env: Envelope, raw: dict[str, Any]) -> None:
        """The hash is recomputed over the fields exactly as published (not as re-serialised after parsing)."""
        self.report.checked["chain"] += 1
        version, head = self.heads.get(env.aggregate_id, (0, GENESIS))
        if env.aggregate_version != version + 1:
            self._problem("chain", seq, env, "aggregate versions are not contiguous",
                          recorded=str(env.aggregate_version), derived=str(version + 1))
        if env.prev_hash != head:
            self._problem("chain", seq, env, "prev_hash is not the hash of the aggregate's previous event",
                          recorded=env.prev_hash, derived=head)
        fields = {k: v for k, v in raw.items() if k not in _UNHASHED}
        self.heads[env.aggregate_id] = (env.aggregate_version, env.hash)
        if _fast_hash(env.prev_hash, fields) == env.hash:
            return
        expected = chain_hash(env.prev_hash, fields)  # the canonical bytes, by the producers' own encoder
        if env.hash != expected:
            self._problem("chain", seq, env, "hash does not match the event's content",
                          recorded=env.hash, derived=expected)

    def _withdrawal(self, seq: int, env: Envelope) -> None:
        self.report.checked["withdrawal"] += 1
        withdrawal = self.withdrawn.get(env.aggregate_id)
        if withdrawal is not None and env.type not in WITHDRAWALS[withdrawal]:
            self._problem("withdrawal", seq, env, f"{env.type} recorded after {withdrawal}")
        if env.type in WITHDRAWALS and withdrawal is None:
            self.withdrawn[env.aggregate_id] = env.type

    # -- checkpoints ----------------------------------------------------------------------------------

    def _checkpoint_on_log(self, seq: int, env: Envelope) -> None:
        payload = CheckpointSigned.model_validate(env.payload)
        self.report.checked["checkpoint"] += 1
        if not self.report.key:
            self.report.key = payload.verifier_key
        outcome = self._check_note(f"checkpoint at seq {seq}", payload.note, payload.verifier_key, seq, env)
        self.report.checkpoints.append({"seq": seq, "size": payload.size, "root": payload.root,
                                        "trigger": payload.trigger, "ok": outcome})

    def _check_note(self, label: str, note: str, verifier_key: str, seq: int = 0, env: Envelope | None = None) -> bool:
        """Open the note with the trusted key (else the key it names, else the log's) and compare its root."""
        try:
            if self.trusted and verifier_key and verifier_key.strip() != self.trusted_text:
                raise NoteError("signed by another key than the trusted one")
            name, public = self.trusted or parse_verifier_key(verifier_key or self.report.key)
            checkpoint = open_note(note, name, public)
        except NoteError as exc:
            self._problem("checkpoint", seq, env, f"{label}: {exc}")
            return False
        if checkpoint.size > len(self.tree):
            self._problem("checkpoint", seq, env, f"{label}: signs {checkpoint.size} messages, the log has "
                          f"{len(self.tree)}", recorded=str(checkpoint.size), derived=str(len(self.tree)))
            return False
        root = self.tree.root(checkpoint.size)
        if root != checkpoint.root:
            self._problem("checkpoint", seq, env, f"{label}: the log's first {checkpoint.size} messages have "
                          "another Merkle root: history before it was rewritten",
                          recorded=checkpoint.root.hex(), derived=root.hex())
            return False
        return True

    # -- the end ----------------------------------------------------------------------------------------

    def finish(self, ends: Extent) -> Report:
        report = self.report
        report.first_seq, report.last_seq = (1 if report.messages else 0), self.last_seq
        if ends.last_seq > self.last_seq:
            self._gap(self.last_seq + 1, ends.last_seq)
            report.last_seq = ends.last_seq
        report.root = self.tree.root().hex()
        for saved in self.saved:
            report.checked["saved_checkpoint"] += 1
            ok = self._check_note(f"saved checkpoint {saved.label}", saved.note, "")
            report.checkpoints.append({"seq": 0, "size": _size_of(saved.note), "root": "", "trigger": saved.label,
                                       "ok": ok})
        for rederiver in self.rederivers:
            report.checked.update(rederiver.checked)
            report.skipped.extend(rederiver.skipped)
            report.problems.extend(rederiver.problems())
        return report

    def _gap(self, first: int, last: int) -> None:
        which = f"sequence {first}" if first == last else f"sequences {first}-{last}"
        self._problem("stream", first, message=f"stream {which} missing: deleted from the log")

    def _problem(self, check: str, seq: int, env: Envelope | None = None, message: str = "",
                 recorded: str = "", derived: str = "") -> None:
        self.report.problems.append(Problem(
            check=check, seq=seq, aggregate_id=env.aggregate_id if env else "",
            aggregate_version=env.aggregate_version if env else 0, event_type=env.type if env else "",
            message=message, recorded=recorded, derived=derived))


def _parsed(body: bytes) -> Any:
    """The message decoded (orjson, several times faster; the standard library for what orjson refuses)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        try:
            return json.loads(body)
        except ValueError:
            return None


def _fast_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """The chain hash with orjson's encoder. Equal to the recorded hash, it proves the content (same bytes);
    different, the standard encoder decides (orjson writes some floats otherwise, 0.00001 for 1e-05)."""
    try:
        body = orjson.dumps(fields, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return ""
    return hashlib.sha256(prev_hash.encode() + b"\n" + body).hexdigest()


def _size_of(note: str) -> int:
    try:
        return int(note.split("\n")[1])
    except (IndexError, ValueError):
        return 0


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first.get('loc', ()))}: {first.get('msg', '')}"
