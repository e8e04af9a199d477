"""festival.review.v1.Review over gRPC: thin translation between messages and the application."""

from __future__ import annotations

from typing import Any

from festival.review.v1 import review_pb2 as pb
from festival.review.v1 import review_pb2_grpc
from festival_kit.context import Cause
from festival_kit.rpc import rpc
from festival_review.adapters import xlsx
from festival_review.adapters.messages import case_pb, filing_pb, timeline_pb
from festival_review.application import ReviewApplication
from festival_review.domain.edition import ReviewEdition

SERVICE_NAME = "festival.review.v1.Review"


def _scope(request: Any) -> dict[str, str]:
    return {"caller_school_id": request.caller_school_id, "caller_region_id": request.caller_region_id}


class ReviewServicer(review_pb2_grpc.ReviewServicer):
    """Each method reads its request, calls one application method and answers with a message."""

    def __init__(self, app: ReviewApplication):
        self.app = app

    def _case(self, case: Any, cause: Cause) -> pb.Case:
        return self._cases([case], cause)[0]

    def _cases(self, cases: list[Any], cause: Cause) -> list[pb.Case]:
        """Cases as messages, reading the directory and each edition once for all of them, not twice a case
        (a queue of 5,000 cases took 15 s, the gateway's deadline, when each case copied both)."""
        directory, editions = self.app.directory(), {}
        for case in cases:
            if case.edition not in editions:
                editions[case.edition] = self.app.find(ReviewEdition.id_for(case.edition))
        student = cause.role == "student"
        return [case_pb(c, editions[c.edition], directory, student=student) for c in cases]

    @rpc
    def SchoolForward(self, request: pb.DecisionRequest, cause: Cause) -> pb.Case:
        case = self.app.school_forward(cause, request.submission_id, request.submission_version, request.reason,
                                       **_scope(request))
        return self._case(case, cause)

    @rpc
    def SchoolReturn(self, request: pb.DecisionRequest, cause: Cause) -> pb.Case:
        return self._return("school", request, cause)

    @rpc
    def RegionForward(self, request: pb.DecisionRequest, cause: Cause) -> pb.Case:
        case = self.app.region_forward(cause, request.submission_id, request.submission_version, request.reason,
                                       **_scope(request))
        return self._case(case, cause)

    @rpc
    def RegionReturn(self, request: pb.DecisionRequest, cause: Cause) -> pb.Case:
        return self._return("region", request, cause)

    def _return(self, level: str, request: pb.DecisionRequest, cause: Cause) -> pb.Case:
        case = self.app.return_for_fixes(cause, level, request.submission_id, request.submission_version,
                                         request.reason_code, request.reason, **_scope(request))
        return self._case(case, cause)

    @rpc
    def Qualify(self, request: pb.DecisionRequest, cause: Cause) -> pb.Case:
        case = self.app.qualify(cause, request.submission_id, request.submission_version, request.reason,
                                **_scope(request))
        return self._case(case, cause)

    @rpc
    def Disqualify(self, request: pb.DisqualifyRequest, cause: Cause) -> pb.Case:
        case = self.app.disqualify(cause, request.submission_id, list(request.reason_codes), request.evidence,
                                   request.submission_version, **_scope(request))
        return self._case(case, cause)

    @rpc
    def GetCase(self, request: pb.GetCaseRequest, cause: Cause) -> pb.Case:
        return self._case(self.app.readable_case(cause, request.submission_id, **_scope(request)), cause)

    @rpc
    def ListQueue(self, request: pb.QueueRequest, cause: Cause) -> pb.Queue:
        cases, next_after = self.app.queue(cause, request.view, after=request.after, limit=request.limit,
                                           edition=request.edition, category=request.category,
                                           status=request.status, school_id=request.school_id,
                                           region_id=request.region_id, **_scope(request))
        return pb.Queue(cases=self._cases(cases, cause), next_after=next_after)

    @rpc
    def GetTimeline(self, request: pb.GetCaseRequest, cause: Cause) -> pb.Timeline:
        case, versions = self.app.timeline(cause, request.submission_id, **_scope(request))
        return timeline_pb(self._case(case, cause), versions)

    @rpc
    def GetRegionTable(self, request: pb.RegionTableRequest, cause: Cause) -> pb.RegionTable:
        name, data, works = self.app.region_table(cause, request.region_id, request.edition, request.as_filed,
                                                  **_scope(request))
        return pb.RegionTable(filename=name, xlsx=data, sha256=xlsx.sha256(data), works=works)

    @rpc
    def FileRegionTable(self, request: pb.FileRegionTableRequest, cause: Cause) -> pb.RegionFiling:
        table = self.app.file_region_table(cause, request.region_id, request.edition, request.sha256,
                                           **_scope(request))
        name = self.app.directory().region_name(table.region_id)
        return filing_pb(table.region_id, name, table.last, len(table.filings))

    @rpc
    def ListRegionFilings(self, request: pb.ListRegionFilingsRequest, cause: Cause) -> pb.RegionFilingList:
        view, regions = self.app.region_filings(cause, request.edition, **_scope(request))
        return pb.RegionFilingList(
            edition=view.edition, region_deadline=view.rules.region_deadline.isoformat(),
            regions=[filing_pb(r["region_id"], r["region_name"], r["last"], r["times_filed"]) for r in regions],
        )

    @rpc
    def ListReasonCodes(self, request: pb.ListReasonCodesRequest, cause: Cause) -> pb.ReasonCodeList:
        return pb.ReasonCodeList(codes=[pb.ReasonCode(code=r.code, kind=r.kind, name_zh=r.name_zh,
                                                      name_en=r.name_en, notice_ref=r.notice_ref)
                                        for r in self.app.reason_codes(request.kind)])


def register(app: ReviewApplication):
    """The function ServiceRuntime.serve takes: adds this servicer to a server."""
    servicer = ReviewServicer(app)
    return lambda server: review_pb2_grpc.add_ReviewServicer_to_server(servicer, server)
