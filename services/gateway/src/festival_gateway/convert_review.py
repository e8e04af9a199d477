"""Review's HTTP bodies and their gRPC requests, and its answers as JSON or as the statistics file.

The caller's school and region always come from the token, never from the body: the review service checks
them against its own record of the account.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi.responses import Response
from pydantic import Field

from festival.review.v1 import review_pb2
from festival_gateway.models import Body
from festival_gateway.tokens import Claims
from festival_kit.disposition import content_disposition

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Code = Annotated[str, Field(max_length=64)]
Version = Field(0, ge=0, le=10_000, description="审核时看到的版本，0 表示当前版本 / the version you saw (0: current)")


class LevelDecision(Body):
    """校级或地区审核 / a school's or region's decision."""

    action: Literal["forward", "return"] = Field(description="报送上级 forward，或退回修改 return")
    reason_code: Code = Field("", description="退回原因代码（退回时必填），见 GET /review/reason-codes")
    reason: str = Field("", max_length=2000, description="退回说明（退回时必填）或报送备注 / reason or note")
    submission_version: int = Version


class ProvinceDecision(Body):
    """省级资格审查 / the province's qualification review."""

    action: Literal["qualify", "disqualify"] = Field(description="通过 qualify，或取消参评资格 disqualify")
    reason_codes: list[Code] = Field(default_factory=list, max_length=20,
                                     description="取消资格的原因代码（至少一项）/ disqualification reason codes")
    evidence: str = Field("", max_length=5000, description="依据说明（取消资格时必填）或备注 / evidence or note")
    submission_version: int = Version


class TableFiling(Body):
    """上报统计表 / file the region's statistics table."""

    sha256: str = Field("", pattern=r"^([0-9a-f]{64})?$",
                        description="下载时的 X-Table-SHA256，表格已变化则拒绝 / the table you checked (optional)")
    edition: Code = Field("", description="届次代码（可选）/ edition code (optional)")


class MarkRead(Body):
    """标记已读 / mark notifications read."""

    ids: list[Code] = Field(default_factory=list, max_length=500, description="通知编号 / notification ids")
    all: bool = Field(False, description="全部标记为已读 / mark every unread notification read")


def caller_scope(claims: Claims) -> dict[str, str]:
    """The school and region the token names, for review to check against the account."""
    return {"caller_school_id": claims.school_id, "caller_region_id": claims.region_id}


def level_request(work_id: str, body: LevelDecision, claims: Claims) -> review_pb2.DecisionRequest:
    return review_pb2.DecisionRequest(submission_id=work_id, submission_version=body.submission_version,
                                      reason_code=body.reason_code, reason=body.reason, **caller_scope(claims))


def qualify_request(work_id: str, body: ProvinceDecision, claims: Claims) -> review_pb2.DecisionRequest:
    """A qualification carries its evidence notes as the decision's note."""
    return review_pb2.DecisionRequest(submission_id=work_id, submission_version=body.submission_version,
                                      reason=body.evidence, **caller_scope(claims))


def disqualify_request(work_id: str, body: ProvinceDecision, claims: Claims) -> review_pb2.DisqualifyRequest:
    return review_pb2.DisqualifyRequest(submission_id=work_id, submission_version=body.submission_version,
                                        reason_codes=body.reason_codes, evidence=body.evidence,
                                        **caller_scope(claims))


def table_response(table: review_pb2.RegionTable, region_id: str) -> Response:
    """The XLSX as a download named in Chinese (RFC 5987), with its sha256 to file exactly this table."""
    headers = {
        "Content-Disposition": content_disposition(table.filename, f"statistics-{region_id}.xlsx"),
        "X-Table-SHA256": table.sha256, "X-Table-Works": str(table.works),
    }
    return Response(table.xlsx, media_type=XLSX, headers=headers)
