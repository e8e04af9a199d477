"""The audit application: signs checkpoints of the log's Merkle tree, proves inclusion and consistency, and
runs the auditor's verify over the whole stream, keeping every checkpoint and run on its own store (and so
on the log)."""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path
from typing import Any, ClassVar

import structlog
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from festival_audit import refusals
from festival_audit.domain.records import AuditRun, Checkpoint
from festival_audit.log_tree import LogTree
from festival_audit.notes import Checkpoint as Note
from festival_audit.notes import load_or_create_key, sign, verifier_key
from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, caused_by
from festival_kit.settings import Settings

log = structlog.get_logger()

READERS = ("province_admin", "auditor")
ORIGIN_ENV, KEY_ENV = "FESTIVAL_LOG_ORIGIN", "FESTIVAL_AUDIT_KEY"
DEFAULT_ORIGIN = "jilin-youth-science-film-festival/FESTIVAL"
SYSTEM = Cause(account_id="system", role="system", correlation_id="", causation_id="")


def require(cause: Cause, *roles: str) -> None:
    if cause.role not in roles:
        raise refusals.forbidden()


def signing_key(settings: Settings) -> tuple[str, Ed25519PrivateKey, str]:
    """The log's origin, the festival's checkpoint key (made on first use) and its verifier key."""
    origin = os.environ.get(ORIGIN_ENV, DEFAULT_ORIGIN)
    key = load_or_create_key(Path(os.environ.get(KEY_ENV, "") or settings.data_dir / "audit" / "checkpoint-ed25519.pem"))
    return origin, key, verifier_key(origin, key.public_key())


class AuditApplication(FestivalApplication):
    SERVICE: ClassVar[str] = "audit"

    def __init__(self, settings: Settings | None = None, env: dict[str, str] | None = None):
        self.settings = settings or Settings()
        super().__init__(env=env if env is not None else self.settings.store_env("audit"))
        self.origin, self.key, self.verifier_key = signing_key(self.settings)
        self.tree = LogTree(on_seal=self.seal)
        self.progress: dict[str, dict[str, int]] = {}
        self._ids = self._own(("Checkpoint", "AuditRun"))

    # -- checkpoints -------------------------------------------------------------------------------------

    def seal(self, trigger: str, trigger_event_id: str, seq: int, size: int) -> Checkpoint:
        """The checkpoint of a sealing event: signed once, however often the log is read again."""
        found = self.find(Checkpoint.id_for(trigger_event_id))
        if found is not None:
            return found
        with caused_by(Cause("system", "system", "", trigger_event_id)):
            return self._sign(trigger, trigger_event_id, seq, size)

    def sign_now(self, cause: Cause) -> Checkpoint:
        require(cause, *READERS)
        return self._sign("on_demand", "", self.tree.last_seq, len(self.tree.tree))

    def _sign(self, trigger: str, trigger_event_id: str, seq: int, size: int) -> Checkpoint:
        root = self.tree.tree.root(size)
        note = sign(Note(self.origin, size, root), self.origin, self.key)
        checkpoint = Checkpoint(origin=self.origin, size=size, root=root.hex(), note=note,
                                verifier_key=self.verifier_key, trigger=trigger, trigger_event_id=trigger_event_id,
                                trigger_seq=seq)
        self.save(checkpoint)
        self._ids["Checkpoint"].append(checkpoint.id)
        log.info("audit.checkpoint_signed", size=size, trigger=trigger, root=root.hex())
        return checkpoint

    def checkpoints(self) -> list[Checkpoint]:
        return [self.repository.get(i) for i in self._ids["Checkpoint"]]

    def inclusion(self, event_id: str, tree_size: int = 0) -> dict[str, Any]:
        place = self.tree.places.get(event_id)
        if place is None:
            raise refusals.event_not_on_log(event_id)
        size, checkpoint = tree_size, None
        if not size:
            covering = [c for c in self.checkpoints() if c.size > place.index]
            checkpoint = covering[-1] if covering else None
            size = checkpoint.size if checkpoint else len(self.tree.tree)
        if not place.index < size <= len(self.tree.tree):
            raise refusals.bad_tree_sizes(place.index + 1, size, len(self.tree.tree))
        checkpoint = checkpoint or next((c for c in self.checkpoints() if c.size == size), None)
        tree = self.tree.tree
        return {"event_id": event_id, "seq": place.seq, "leaf_index": place.index, "tree_size": size,
                "leaf_hash": tree.levels[0][place.index].hex(), "path": [p.hex() for p in tree.inclusion(place.index, size)],
                "root": tree.root(size).hex(), "checkpoint": checkpoint}

    def consistency(self, first: int, second: int = 0) -> dict[str, Any]:
        tree = self.tree.tree
        second = second or len(tree)
        if not 0 < first <= second <= len(tree):
            raise refusals.bad_tree_sizes(first, second, len(tree))
        return {"from_size": first, "to_size": second, "from_root": tree.root(first).hex(),
                "to_root": tree.root(second).hex(), "proof": [p.hex() for p in tree.consistency(first, second)]}

    def work_events(self, work_id: str) -> dict[str, Any]:
        tree = self.tree.tree
        size = len(tree)
        events = [{**e, "path": [p.hex() for p in tree.inclusion(e["leaf_index"], size)]}
                  for e in self.tree.by_work.get(work_id, [])]
        return {"work_id": work_id, "tree_size": size, "root": tree.root().hex(), "events": events}

    # -- runs ----------------------------------------------------------------------------------------------

    def start_run(self, cause: Cause, kind: str = "verify") -> AuditRun:
        require(cause, *READERS)
        if kind not in ("verify", "replay"):
            raise refusals.unknown_run_kind(kind)
        if any(str(i) in self.progress and not self.repository.get(i).finished for i in self._ids["AuditRun"]):
            raise refusals.run_in_progress()
        run = AuditRun(kind=kind, requested_by=cause.account_id)
        self.save(run)
        self._ids["AuditRun"].append(run.id)
        self.progress[str(run.id)] = {"read": 0, "total": 0}
        asyncio.get_running_loop().create_task(self._run(run.id, kind, cause))
        return run

    async def _run(self, run_id, kind: str, cause: Cause) -> None:
        from festival_audit.cli import run_verify
        from festival_audit.replay import run_replay

        progress = self.progress[str(run_id)]

        def seen(seq: int, last: int) -> None:
            progress.update(read=seq, total=last)

        try:
            # its own thread and loop: the service keeps answering while the run reads the whole stream
            work = (run_verify(self.settings.nats(), self.verifier_key, progress=seen) if kind == "verify"
                    else run_replay(self.settings, cause.account_id, progress=seen))
            report = await asyncio.to_thread(asyncio.run, work)
            text = report.to_json()
            outcome = {"last_seq": report.last_seq, "events": report.messages, "root": report.root,
                       "report_sha256": hashlib.sha256(text.encode()).hexdigest(),
                       "problem_count": len(report.problems),
                       "problems": [p.model_dump() for p in report.problems[:500]], "skipped": sorted(report.skipped)}
        except Exception as exc:  # noqa: BLE001 - a run that cannot finish says so rather than hanging
            log.exception("audit.run_failed")
            outcome = {"last_seq": 0, "events": 0, "root": "", "report_sha256": "", "problem_count": 1,
                       "problems": [{"check": "run", "message": f"the run could not finish: {exc}"}], "skipped": []}
        with caused_by(cause):
            run = self.repository.get(run_id)
            run.finish(**outcome)
            self.save(run)

    def runs(self) -> list[tuple[AuditRun, dict[str, int]]]:
        return [(self.repository.get(i), self.progress.get(str(i), {})) for i in self._ids["AuditRun"]]

    def _own(self, kinds: tuple[str, ...]) -> dict[str, list]:
        """The ids of this store's checkpoints and runs, in the order they were made."""
        found: dict[str, list] = {k: [] for k in kinds}
        position = 0
        while batch := self.recorder.select_notifications(position + 1, 1000):
            for n in batch:
                kind = n.topic.rsplit(":", 1)[-1].split(".")[0]
                if kind in found and n.originator_version == 1:
                    found[kind].append(n.originator_id)
                position = n.id
        return found
