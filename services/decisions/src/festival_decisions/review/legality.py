"""The legality of a review decision (通知 二, 三): the phase it falls in, the deciding role, the version it
touches and the reasons it must give. Review checks its commands against this table; the auditor checks every
decision on the log against it.
"""

from __future__ import annotations

from typing import Any

RULE = "review.legality/1"
BEFORE, OPEN, CLOSED, REGION_CLOSED = "before_window", "window_open", "window_closed", "region_closed"
ORDER = (BEFORE, OPEN, CLOSED, REGION_CLOSED)
# registry's phase events and the phase each begins
PHASE_EVENTS = {"SubmissionWindowOpened": OPEN, "SubmissionWindowClosed": CLOSED, "RegionDeadlinePassed": REGION_CLOSED}

# decision -> (roles that take it, phases it may fall in)
DECISIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # returns only while the window is open: after it closes the student could not resubmit
    "WorkReturned": (("school_admin", "region_admin"), (OPEN,)),
    # school and region forwarding run until the region deadline
    "WorkForwardedToRegion": (("school_admin",), (OPEN, CLOSED)),
    "WorkForwardedToProvince": (("region_admin",), (OPEN, CLOSED)),
    # the province's qualification review starts once the region deadline has passed
    "WorkQualified": (("province_admin",), (REGION_CLOSED,)),
    "WorkDisqualified": (("province_admin",), (REGION_CLOSED,)),
}
_LEVEL_ROLE = {"school": "school_admin", "region": "region_admin"}


def phases_for(decision: str) -> tuple[str, ...]:
    return DECISIONS[decision][1]


def problems(decision: str, payload: dict[str, Any], role: str, phase: str, current_version: int | None) -> list[str]:
    """Why a recorded decision was not legal (empty when it was)."""
    roles, phases = DECISIONS[decision]
    found = []
    if phase not in phases:
        found.append(f"taken in phase {phase}; allowed in {', '.join(phases)}")
    if role not in roles:
        found.append(f"taken by role {role}; only {', '.join(roles)} may")
    if decision == "WorkReturned" and _LEVEL_ROLE.get(payload.get("level", "")) != role:
        found.append(f"a {payload.get('level')}-level return by role {role}")
    if current_version is None:
        found.append("decides on a work review never received")
    elif payload.get("submission_version") != current_version:
        found.append(f"touches version {payload.get('submission_version')}, the current one is {current_version}")
    if decision == "WorkReturned" and not payload.get("reason_code"):
        found.append("a return without a reason code")
    if decision == "WorkDisqualified" and not payload.get("reason_codes"):
        found.append("a disqualification without reason codes")
    return found


def scope_problem(role: str, actor_school: str | None, actor_region: str | None, case_school: str | None,
                  case_region: str | None) -> str:
    """Why the actor may not decide on a work outside their school (school admin) or region (region admin)."""
    if role == "school_admin" and actor_school != case_school:
        return f"a school admin of {actor_school} decided on a work of school {case_school}"
    if role == "region_admin" and actor_region != case_region:
        return f"a region admin of {actor_region} decided on a work of region {case_region}"
    return ""
