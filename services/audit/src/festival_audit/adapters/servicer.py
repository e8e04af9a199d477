"""festival.audit.v1.Audit over gRPC: thin translation between messages and the application."""

from __future__ import annotations

from festival.audit.v1 import audit_pb2 as pb
from festival.audit.v1 import audit_pb2_grpc
from festival_audit.application import READERS, AuditApplication, require
from festival_audit.domain.records import AuditRun, Checkpoint
from festival_kit.context import Cause
from festival_kit.rpc import rpc

SERVICE_NAME = "festival.audit.v1.Audit"


def checkpoint_pb(c: Checkpoint | None) -> pb.Checkpoint | None:
    if c is None:
        return None
    return pb.Checkpoint(id=str(c.id), origin=c.origin, size=c.size, root=c.root, note=c.note,
                         verifier_key=c.verifier_key, trigger=c.trigger, trigger_event_id=c.trigger_event_id,
                         trigger_seq=c.trigger_seq, signed_at=c.created_on.isoformat())


def run_pb(run: AuditRun, progress: dict[str, int]) -> pb.Run:
    outcome = run.outcome
    status = "finished" if run.finished else ("running" if progress else "interrupted")
    if run.finished and any(p.get("check") == "run" for p in outcome.get("problems", [])):
        status = "failed"
    return pb.Run(id=str(run.id), kind=run.kind, status=status, read=progress.get("read", outcome.get("last_seq", 0)),
                  total=progress.get("total", outcome.get("last_seq", 0)), started_at=run.created_on.isoformat(),
                  finished_at=run.modified_on.isoformat() if run.finished else "",
                  problem_count=outcome.get("problem_count", 0),
                  problems=[pb.Problem(**p) for p in outcome.get("problems", [])],
                  skipped=outcome.get("skipped", []), root=outcome.get("root", ""),
                  report_sha256=outcome.get("report_sha256", ""), requested_by=run.requested_by)


class AuditServicer(audit_pb2_grpc.AuditServicer):
    def __init__(self, app: AuditApplication):
        self.app = app

    @rpc
    def ListCheckpoints(self, request: pb.ListCheckpointsRequest, cause: Cause) -> pb.Checkpoints:
        return pb.Checkpoints(checkpoints=[checkpoint_pb(c) for c in self.app.checkpoints()],
                              verifier_key=self.app.verifier_key, log_size=len(self.app.tree.tree))

    @rpc
    def SignCheckpoint(self, request: pb.SignCheckpointRequest, cause: Cause) -> pb.Checkpoint:
        return checkpoint_pb(self.app.sign_now(cause))

    @rpc
    def GetInclusionProof(self, request: pb.InclusionRequest, cause: Cause) -> pb.InclusionProof:
        require(cause, *READERS)
        found = self.app.inclusion(request.event_id, request.tree_size)
        return pb.InclusionProof(**{**found, "checkpoint": checkpoint_pb(found["checkpoint"])})

    @rpc
    def GetConsistencyProof(self, request: pb.ConsistencyRequest, cause: Cause) -> pb.ConsistencyProof:
        require(cause, *READERS)
        return pb.ConsistencyProof(**self.app.consistency(request.from_size, request.to_size))

    @rpc
    def StartRun(self, request: pb.StartRunRequest, cause: Cause) -> pb.Run:
        run = self.app.start_run(cause, request.kind or "verify")
        return run_pb(run, self.app.progress.get(str(run.id), {}))

    @rpc
    def ListRuns(self, request: pb.ListRunsRequest, cause: Cause) -> pb.Runs:
        require(cause, *READERS)
        return pb.Runs(runs=[run_pb(run, progress) for run, progress in reversed(self.app.runs())])

    @rpc
    def GetWorkEvents(self, request: pb.WorkRequest, cause: Cause) -> pb.WorkEvents:
        require(cause, *READERS)
        found = self.app.work_events(request.work_id)
        return pb.WorkEvents(work_id=found["work_id"], tree_size=found["tree_size"], root=found["root"],
                             events=[pb.WorkEvent(**e) for e in found["events"]])


def register(app: AuditApplication):
    def add(server) -> None:
        audit_pb2_grpc.add_AuditServicer_to_server(AuditServicer(app), server)

    return add
