"""Where a work stands in review, in the festival's words, and which decisions each stage allows. Pure."""

from __future__ import annotations

from festival_review.domain import reasons, refusals

AWAITING_SCHOOL, AWAITING_REGION, AWAITING_PROVINCE = "awaiting_school", "awaiting_region", "awaiting_province"
RETURNED, QUALIFIED, DISQUALIFIED = "returned", "qualified", "disqualified"
NOT_REPORTED, WITHDRAWN = "not_reported", "withdrawn"

NAMES = {
    AWAITING_SCHOOL: ("待学校审核", "waiting for the school"),
    AWAITING_REGION: ("待地区审核", "waiting for the region"),
    AWAITING_PROVINCE: ("已报送省级，待资格审查", "reported to the province"),
    RETURNED: ("已退回修改", "returned for fixes"),
    QUALIFIED: ("资格审查通过", "qualified"),
    DISQUALIFIED: ("不予评审", "disqualified (not rated)"),
    NOT_REPORTED: ("未按期上报，已关闭", "closed: not reported by the region deadline"),
    WITHDRAWN: ("已放弃", "withdrawn"),
}
# How far along the way to the province a stage is; a decision needs its own stage exactly.
_PROGRESS = {AWAITING_SCHOOL: 0, AWAITING_REGION: 1, AWAITING_PROVINCE: 2}
# The stages the region deadline closes: nothing the province could still see.
CLOSED_AT_REGION_DEADLINE = (AWAITING_SCHOOL, AWAITING_REGION, RETURNED)
LEVEL_STAGE = {"school": AWAITING_SCHOOL, "region": AWAITING_REGION, "province": AWAITING_PROVINCE}


def check_stage(status: str, expected: str) -> None:
    """Refuse a decision unless the work waits at the decider's level."""
    if status == expected:
        return
    if status == WITHDRAWN:
        raise refusals.withdrawn()
    if status == NOT_REPORTED:
        raise refusals.not_reported()
    if status in _PROGRESS and _PROGRESS[status] < _PROGRESS[expected]:
        raise refusals.not_yet_forwarded()
    raise refusals.already_decided(*NAMES[status])


def check_return_reason(reason_code: str, reason: str) -> None:
    if not reason_code.strip() or not reason.strip():
        raise refusals.reason_required()
    if not reasons.known(reason_code, reasons.RETURN):
        raise refusals.unknown_reason_code(reason_code)


def check_disqualification(reason_codes: list[str], evidence: str) -> list[str]:
    """The distinct reason codes, in the order given, once each is one the notice names."""
    codes = list(dict.fromkeys(c.strip() for c in reason_codes if c.strip()))
    if not codes:
        raise refusals.reason_codes_required()
    for code in codes:
        if not reasons.known(code, reasons.DISQUALIFY):
            raise refusals.unknown_reason_code(code)
    if not evidence.strip():
        raise refusals.evidence_required()
    return codes
