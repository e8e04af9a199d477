"""festival.review.v1.Review over a real gRPC server: decisions, queues, timeline, table; refusals as trailers."""

from __future__ import annotations

import io

import grpc
import openpyxl
import pytest

from festival.review.v1 import review_pb2 as pb
from festival.review.v1 import review_pb2_grpc
from festival_kit.errors import FestivalError
from festival_kit.rpc import metadata_of
from festival_kit.rpc import start_server
from festival_review.adapters import servicer


@pytest.fixture
async def stub(app, fresh_ports):
    address = f"127.0.0.1:{fresh_ports().of('review')}"
    server, _ = await start_server(address, [servicer.register(app)], [servicer.SERVICE_NAME])
    channel = grpc.aio.insecure_channel(address)
    yield review_pb2_grpc.ReviewStub(channel)
    await channel.close()
    await server.stop(grace=None)


async def refusal(call) -> tuple[grpc.StatusCode, FestivalError]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    error = FestivalError.from_rpc_error(caught.value)
    assert error is not None
    return caught.value.code(), error


async def test_a_work_through_review_over_grpc(stub, app, feed, log, who) -> None:
    feed(app, log.submitted("g1"), log.submitted("g2", category="animation"))
    sa, ra, pa = (metadata_of(who(a)) for a in ("sa-a", "ra-cc", "pa"))
    codes = await stub.ListReasonCodes(pb.ListReasonCodesRequest(kind="disqualify"), metadata=sa)
    assert len(codes.codes) == 8 and codes.codes[0].notice_ref

    queue = await stub.ListQueue(pb.QueueRequest(caller_school_id="school-a"), metadata=sa)
    assert [c.submission_id for c in queue.cases] == ["g1", "g2"]
    assert queue.cases[1].category_name_zh == "科普动画" and queue.cases[0].school_name == "长春市第一实验中学"

    code, error = await refusal(stub.SchoolReturn(pb.DecisionRequest(submission_id="g1", reason_code="other"),
                                                  metadata=sa))
    assert (code, error.code, error.status) == (grpc.StatusCode.INVALID_ARGUMENT, "reason_required", 422)
    returned = await stub.SchoolReturn(pb.DecisionRequest(submission_id="g1", reason_code="forms_not_signed",
                                                          reason="申报表未盖章", caller_school_id="school-a"),
                                       metadata=sa)
    assert returned.status == "returned" and returned.last_decision.reason_code == "forms_not_signed"
    feed(app, log.submitted("g1", version=2))
    await stub.SchoolForward(pb.DecisionRequest(submission_id="g1", submission_version=2), metadata=sa)
    code, error = await refusal(stub.SchoolForward(pb.DecisionRequest(submission_id="g1"), metadata=sa))
    assert (code, error.code) == (grpc.StatusCode.FAILED_PRECONDITION, "already_decided")
    code, error = await refusal(stub.RegionForward(pb.DecisionRequest(submission_id="g1"),
                                                   metadata=metadata_of(who("ra-jl"))))
    assert (code, error.code) == (grpc.StatusCode.PERMISSION_DENIED, "wrong_region")
    forwarded = await stub.RegionForward(pb.DecisionRequest(submission_id="g1", caller_region_id="region-cc"),
                                         metadata=ra)
    assert forwarded.status == "awaiting_province"

    table = await stub.GetRegionTable(pb.RegionTableRequest(region_id="region-cc"), metadata=ra)
    rows = list(openpyxl.load_workbook(io.BytesIO(table.xlsx)).active.iter_rows(values_only=True))
    assert table.works == 2 and len(rows) == 5 and table.filename.endswith(".xlsx")
    filing = await stub.FileRegionTable(pb.FileRegionTableRequest(region_id="region-cc", sha256=table.sha256),
                                        metadata=ra)
    assert filing.filed and filing.sha256 == table.sha256 and filing.filed_by == "ra-cc"

    code, error = await refusal(stub.Qualify(pb.DecisionRequest(submission_id="g1"), metadata=pa))
    assert error.code == "wrong_phase"
    feed(app, log.phase("SubmissionWindowClosed"), log.phase("RegionDeadlinePassed"))
    disq = await stub.Disqualify(pb.DisqualifyRequest(submission_id="g1", reason_codes=["off_theme"],
                                                      evidence="内容与六个主题均无关。"), metadata=pa)
    assert disq.status == "disqualified" and list(disq.last_decision.reason_codes) == ["off_theme"]

    filings = await stub.ListRegionFilings(pb.ListRegionFilingsRequest(), metadata=pa)
    assert {(r.region_name, r.filed) for r in filings.regions} == {("长春市", True), ("吉林市", False)}
    timeline = await stub.GetTimeline(pb.GetCaseRequest(submission_id="g1"), metadata=metadata_of(who("au")))
    assert [v.status for v in timeline.versions] == ["returned", "disqualified"]
    assert [e.kind for e in timeline.versions[1].entries] == ["submitted", "forwarded_to_region",
                                                             "forwarded_to_province", "disqualified"]
    assert timeline.versions[1].entries[3].decision.actor_account_id == "pa"
    mine = await stub.GetTimeline(pb.GetCaseRequest(submission_id="g1"), metadata=metadata_of(who("student-1")))
    assert mine.versions[0].entries[1].decision.reason == "申报表未盖章"
    assert mine.versions[0].entries[1].decision.actor_account_id == ""
    assert mine.case.status == "disqualified"

    code, error = await refusal(stub.ListQueue(pb.QueueRequest(), metadata=metadata_of(who("sa-pending"))))
    assert (code, error.code) == (grpc.StatusCode.PERMISSION_DENIED, "not_approved")
    code, error = await refusal(stub.GetCase(pb.GetCaseRequest(submission_id="nope"), metadata=pa))
    assert (code, error.code) == (grpc.StatusCode.NOT_FOUND, "not_in_review")
