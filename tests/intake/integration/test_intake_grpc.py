"""festival.intake.v1.Intake over a real gRPC server: messages in and out, refusals as status + trailer."""

from __future__ import annotations

import grpc
import httpx
import pytest

from festival.intake.v1 import intake_pb2 as pb
from festival.intake.v1 import intake_pb2_grpc
from festival_intake.adapters import servicer
from festival_kit.context import Cause
from festival_kit.errors import FestivalError
from festival_kit.rpc import metadata_of, start_server


@pytest.fixture
async def stub(app, fresh_ports):
    address = f"127.0.0.1:{fresh_ports().of('intake')}"
    server, _ = await start_server(address, [servicer.register(app)], [servicer.SERVICE_NAME])
    channel = grpc.aio.insecure_channel(address)
    yield intake_pb2_grpc.IntakeStub(channel)
    await channel.close()
    await server.stop(grace=None)


async def refusal(call) -> tuple[grpc.StatusCode, FestivalError]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    error = FestivalError.from_rpc_error(caught.value)
    assert error is not None
    return caught.value.code(), error


def as_of(account: str, role: str = "student"):
    return metadata_of(Cause(account_id=account, role=role, correlation_id="corr-1"))


async def test_draft_upload_ticket_form_and_list(stub, student, registry, draft_fields, media) -> None:
    me = as_of(student.account_id)
    draft = pb.Draft(**{k: v for k, v in draft_fields.items() if k not in ("creators", "advisors")},
                     creators=[pb.Creator(**c) for c in draft_fields["creators"]],
                     advisors=[pb.Advisor(**a) for a in draft_fields["advisors"]])
    request = pb.CreateDraftRequest(student_id=student.account_id, school_id=registry.school_id, draft=draft)
    sub = await stub.CreateDraft(request, metadata=me)
    assert (sub.status, sub.edition, sub.region_id, sub.version) == ("draft", "jl-11", "region-changchun", 0)
    assert sub.draft.creators[1].name == "李华" and sub.created_at
    assert list(sub.missing_slots) == ["film", "cover", "application_form", "copyright_declaration"]

    ticket = await stub.StartUpload(pb.StartUploadRequest(submission_id=sub.id, slot="cover", filename="c.jpg",
                                                          size=len(jpeg := media.jpeg())), metadata=me)
    assert not ticket.multipart and ticket.url.startswith("http") and ticket.expires_at
    assert httpx.put(ticket.url, content=jpeg).status_code == 200
    confirmed = await stub.ConfirmUpload(pb.ConfirmUploadRequest(submission_id=sub.id, upload_id=ticket.upload_id),
                                         metadata=me)
    assert [(f.slot, f.kind, f.size) for f in confirmed.files] == [("cover", "jpeg", len(jpeg))]
    link = await stub.GetFileUrl(pb.GetFileUrlRequest(submission_id=sub.id, slot="cover"), metadata=me)
    assert link.url.startswith("http") and link.file.filename == "c.jpg"

    form = await stub.RenderForm(pb.RenderFormRequest(submission_id=sub.id, form="copyright_declaration"), metadata=me)
    assert form.pdf.startswith(b"%PDF-") and form.filename.startswith("著作权声明表")

    listed = await stub.ListSubmissions(pb.ListSubmissionsRequest(region_id="region-changchun"),
                                        metadata=as_of("admin", "region_admin"))
    assert [s.id for s in listed.submissions] == [sub.id]

    code, error = await refusal(stub.GetSubmission(pb.GetSubmissionRequest(submission_id=sub.id),
                                                   metadata=as_of("student-2")))
    assert (code, error.code, error.status) == (grpc.StatusCode.PERMISSION_DENIED, "forbidden", 403)
    code, error = await refusal(stub.Submit(pb.SubmitRequest(submission_id=sub.id), metadata=me))
    assert (error.code, error.status) == ("files_missing", 422) and "作品视频" in error.message_zh

    too_many = pb.Draft(title="t", category="animation", theme="创新创意",
                        creators=[pb.Creator(name=f"学生{n}", grade="初一", school="一中") for n in range(9)])
    code, error = await refusal(stub.CreateDraft(
        pb.CreateDraftRequest(student_id=student.account_id, school_id=registry.school_id, draft=too_many),
        metadata=me))
    assert (code, error.code) == (grpc.StatusCode.INVALID_ARGUMENT, "too_many_creators")
