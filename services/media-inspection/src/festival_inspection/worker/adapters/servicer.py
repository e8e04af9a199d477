"""festival.inspection.v1.Inspections over gRPC: every worker answers from the shared store."""

from __future__ import annotations

import uuid

from google.protobuf import struct_pb2
from google.protobuf.json_format import ParseDict

from festival.inspection.v1 import inspection_pb2 as pb
from festival.inspection.v1 import inspection_pb2_grpc
from festival_inspection.worker.application import InspectionApplication
from festival_inspection.worker.domain.inspection import Inspection, inspection_id
from festival_kit.context import Cause
from festival_kit.errors import FestivalError, forbidden, not_found
from festival_kit.rpc import rpc

SERVICE_NAME = "festival.inspection.v1.Inspections"
# Reviewing roles and the platform itself; students read their reports on the work, through intake.
READERS = frozenset({"school_admin", "region_admin", "province_admin", "judge", "auditor", "system"})


def value(data: object) -> struct_pb2.Value:
    return ParseDict(data, struct_pb2.Value())


def inspection_pb(insp: Inspection) -> pb.Inspection:
    result = insp.result or {}
    message = pb.Inspection(
        id=str(insp.id), edition=insp.edition, submission_id=insp.submission_id, upload_id=insp.upload_id,
        slot=insp.slot, object_key=insp.object_key, size=insp.size, category=insp.category or "",
        status=insp.status, verdict=insp.verdict, content_hash=result.get("content_hash", ""),
        fingerprinted=bool(result.get("fingerprint")), attempt=insp.attempt, worker=insp.worker,
        elapsed_s=result.get("elapsed_s", 0.0), started_at=insp.created_on.isoformat(),
        updated_at=insp.modified_on.isoformat(),
        checks=[pb.Check(id=c["id"], verdict=c["verdict"], measured=value(c["measured"]),
                         expected=value(c["expected"]), message_zh=c["message_zh"], message_en=c["message_en"])
                for c in result.get("checks", [])],
    )
    if result.get("duplicate_of"):
        message.duplicate_of.CopyFrom(pb.DuplicateOf(**result["duplicate_of"]))
    return message


class InspectionsServicer(inspection_pb2_grpc.InspectionsServicer):
    """Reads of inspections, for reviewers, auditors and the platform."""

    def __init__(self, app: InspectionApplication):
        self.app = app

    @rpc
    def GetInspection(self, request: pb.GetInspectionRequest, cause: Cause) -> pb.Inspection:
        _check_reader(cause)
        try:
            wanted = (uuid.UUID(request.inspection_id) if request.inspection_id
                      else inspection_id(request.submission_id, request.upload_id))
        except ValueError:
            wanted = None
        found = self.app.find(wanted) if wanted else None
        if not isinstance(found, Inspection):
            raise not_found("检测记录", "Inspection")
        return inspection_pb(found)

    @rpc
    def ListInspections(self, request: pb.ListInspectionsRequest, cause: Cause) -> pb.InspectionList:
        _check_reader(cause)
        if not request.submission_id:
            raise FestivalError("submission_required", "请指明作品。", "Name the submission.", 422)
        found = self.app.inspections_of(request.submission_id)
        return pb.InspectionList(inspections=[inspection_pb(i) for i in found])


def _check_reader(cause: Cause) -> None:
    if cause.role not in READERS:
        raise forbidden()


def register(app: InspectionApplication):
    """The function ServiceRuntime.serve takes: adds this servicer to a server."""
    servicer = InspectionsServicer(app)
    return lambda server: inspection_pb2_grpc.add_InspectionsServicer_to_server(servicer, server)
