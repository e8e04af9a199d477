"""How each ReviewCase event changes the case and its timeline; shared with the log projections. Pure."""

from __future__ import annotations

from typing import Any

from festival_review.domain import stages as st

# Published event type -> (timeline kind, level that decided, status it leaves the work in).
# The level of a return is the event's own; None means "not a decision".
STEPS: dict[str, tuple[str, str | None, str]] = {
    "ReviewVersionReceived": ("submitted", None, st.AWAITING_SCHOOL),
    "WorkForwardedToRegion": ("forwarded_to_region", "school", st.AWAITING_REGION),
    "WorkReturned": ("returned", "", st.RETURNED),
    "WorkForwardedToProvince": ("forwarded_to_province", "region", st.AWAITING_PROVINCE),
    "WorkQualified": ("qualified", "province", st.QUALIFIED),
    "WorkDisqualified": ("disqualified", "province", st.DISQUALIFIED),
    "WorkClosedNotReported": ("closed_not_reported", None, st.NOT_REPORTED),
    "WorkWithdrawnFromReview": ("withdrawn", None, st.WITHDRAWN),
}
CONTENT = ("title", "category", "theme", "synopsis", "creators", "advisors", "files")
DECLARED = ("voice_over", "subtitles")  # the language declaration; absent before ReviewVersionReceived v2
DETAILS = ("reason_code", "reason", "reason_codes", "evidence", "note", "stage")


def entry(published_as: str, payload: dict[str, Any], at: str, account_id: str, role: str) -> dict[str, Any]:
    """One line of a version's timeline: what happened, at which level, who did it, and why."""
    kind, level, _ = STEPS[published_as]
    return {
        "at": at, "kind": kind, "level": payload.get("level", level) or "",
        "actor_account_id": account_id, "actor_role": role,
        **{k: payload[k] for k in DETAILS if k in payload},
    }


def apply(case: Any, published_as: str, payload: dict[str, Any], at: str, account_id: str, role: str) -> None:
    """Change the case's state for one of its events (the decision's actor and time are the event's)."""
    if published_as == "ReviewInspectionNoted":
        version = next(v for v in case.versions if v["version"] == payload["submission_version"])
        note = {k: v for k, v in payload.items() if k not in ("submission_id", "submission_version")}
        version["inspection"][note["slot"]] = note
        version["entries"].append({"at": at, "kind": "inspected", "inspection": note})
        return
    status = STEPS[published_as][2]
    if published_as == "ReviewVersionReceived":
        case.school_id, case.region_id = payload["school_id"], payload["region_id"]
        case.versions.append({"version": payload["submission_version"], "submitted_at": at,
                              **{k: payload[k] for k in CONTENT}, **{k: payload.get(k, "") for k in DECLARED},
                              "inspection": {}, "entries": []})
        case.submission_version = payload["submission_version"]
    case.status = case.current["status"] = status
    case.current["entries"].append(entry(published_as, payload, at, account_id, role))
