"""festival.intake.v1.Intake over gRPC: thin translation between messages and the application."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from google.protobuf.json_format import MessageToDict, ParseDict
from google.protobuf.struct_pb2 import Value

from festival.intake.v1 import intake_pb2 as pb
from festival.intake.v1 import intake_pb2_grpc
from festival_intake.adapters.files import DOWNLOAD_URL_LIFETIME, UploadTicket
from festival_intake.application import IntakeApplication
from festival_intake.domain import inspections
from festival_intake.domain.consent import Consent
from festival_intake.domain.draft import Draft
from festival_intake.domain.submission import Submission
from festival_kit import clock
from festival_kit.context import Cause
from festival_kit.rpc import rpc

SERVICE_NAME = "festival.intake.v1.Intake"


def draft_of(message: pb.Draft) -> Draft:
    raw = MessageToDict(message, preserving_proto_field_name=True)
    return Draft.of(**raw)


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def file_pb(slot: str, record: dict[str, Any]) -> pb.FileRecord:
    return pb.FileRecord(slot=slot, filename=record["filename"], size=record["size"], kind=record["kind"],
                         object_key=record["object_key"], inspection=inspection_pb(record))


def inspection_pb(record: dict[str, Any]) -> pb.FileInspection:
    """The latest inspection of the file, as the student sees it: pending until a worker takes it."""
    found = record.get("inspection") or {}
    checks = [pb.InspectionCheck(id=c["id"], verdict=c["verdict"], measured=ParseDict(c["measured"], Value()),
                                 expected=ParseDict(c["expected"], Value()), message_zh=c["message_zh"],
                                 message_en=c["message_en"]) for c in found.get("checks", [])]
    return pb.FileInspection(status=inspections.status(record), verdict=found.get("verdict", ""), checks=checks,
                             inspection_id=found.get("id", ""))


def ticket_pb(ticket: UploadTicket) -> pb.UploadTicket:
    return pb.UploadTicket(
        upload_id=ticket.upload_id, slot=ticket.slot, multipart=ticket.multipart, url=ticket.url,
        parts=[pb.UploadPart(part_number=n, url=url) for n, url in ticket.parts],
        part_size=ticket.part_size, expires_at=_iso(ticket.expires_at),
    )


class IntakeServicer(intake_pb2_grpc.IntakeServicer):
    """Each method reads its request, calls one application method and answers with a message."""

    def __init__(self, app: IntakeApplication):
        self.app = app

    def submission_pb(self, sub: Submission) -> pb.Submission:
        return pb.Submission(
            id=str(sub.id), edition=sub.edition, student_id=sub.student_id, school_id=sub.school_id,
            region_id=sub.region_id or "", status=sub.status, version=sub.submission_version,
            team_frozen=sub.team_frozen,
            draft=pb.Draft(title=sub.title, category=sub.category, theme=sub.theme, synopsis=sub.synopsis,
                           creators=[pb.Creator(**c) for c in sub.creators],
                           advisors=[pb.Advisor(**a) for a in sub.advisors], voice_over=sub.voice_over,
                           subtitles=sub.subtitles),
            files=[file_pb(slot, record) for slot, record in sorted(sub.files.items())],
            missing_slots=self.app.missing_slots(sub), created_at=_iso(sub.created_on),
            updated_at=_iso(sub.modified_on), return_reason=sub.return_reason,
            consent_version=sub.consent_version or "",
            source_request=pb.SourceRequest(deadline=_iso(asked["deadline"]), note=asked["note"])
            if (asked := sub.source_request) else None,
        )

    @rpc
    def CreateDraft(self, request: pb.CreateDraftRequest, cause: Cause) -> pb.Submission:
        sub = self.app.create_draft(cause, request.student_id, request.school_id, draft_of(request.draft),
                                    request.edition)
        return self.submission_pb(sub)

    @rpc
    def EditDraft(self, request: pb.EditDraftRequest, cause: Cause) -> pb.Submission:
        return self.submission_pb(self.app.edit_draft(cause, request.submission_id, draft_of(request.draft)))

    @rpc
    def GetSubmission(self, request: pb.GetSubmissionRequest, cause: Cause) -> pb.Submission:
        return self.submission_pb(self.app.get(cause, request.submission_id))

    @rpc
    def ListSubmissions(self, request: pb.ListSubmissionsRequest, cause: Cause) -> pb.SubmissionList:
        subs, next_after = self.app.list(cause, after=request.after, limit=request.limit,
                                         student_id=request.student_id, school_id=request.school_id,
                                         region_id=request.region_id, status=request.status,
                                         edition=request.edition)
        return pb.SubmissionList(submissions=[self.submission_pb(s) for s in subs], next_after=next_after)

    @rpc
    def StartUpload(self, request: pb.StartUploadRequest, cause: Cause) -> pb.UploadTicket:
        ticket = self.app.start_upload(cause, request.submission_id, request.slot, request.filename, request.size)
        return ticket_pb(ticket)

    @rpc
    def RenewUpload(self, request: pb.RenewUploadRequest, cause: Cause) -> pb.UploadTicket:
        ticket = self.app.renew_upload(cause, request.submission_id, request.upload_id, list(request.part_numbers))
        return ticket_pb(ticket)

    @rpc
    def ConfirmUpload(self, request: pb.ConfirmUploadRequest, cause: Cause) -> pb.Submission:
        parts = [(p.part_number, p.etag) for p in request.parts]
        return self.submission_pb(self.app.confirm_upload(cause, request.submission_id, request.upload_id, parts))

    @rpc
    def RenderForm(self, request: pb.RenderFormRequest, cause: Cause) -> pb.Form:
        filename, pdf = self.app.render_form(cause, request.submission_id, request.form)
        return pb.Form(filename=filename, pdf=pdf)

    @rpc
    def Submit(self, request: pb.SubmitRequest, cause: Cause) -> pb.Submission:
        given = request.consent if request.HasField("consent") else None
        consent = Consent(given.version, given.copyright, given.originality) if given else None
        return self.submission_pb(self.app.submit(cause, request.submission_id, consent))

    @rpc
    def GetFileUrl(self, request: pb.GetFileUrlRequest, cause: Cause) -> pb.FileUrl:
        record, url = self.app.file_url(cause, request.submission_id, request.slot)
        expires_at = _iso(clock.now() + DOWNLOAD_URL_LIFETIME)
        return pb.FileUrl(file=file_pb(request.slot, record), url=url, expires_at=expires_at)


def register(app: IntakeApplication):
    """The function ServiceRuntime.serve takes: adds this servicer to a server."""
    servicer = IntakeServicer(app)
    return lambda server: intake_pb2_grpc.add_IntakeServicer_to_server(servicer, server)
