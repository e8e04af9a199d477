"""Protobuf messages from review's aggregates (what each role sees is decided in queries and here)."""

from __future__ import annotations

from typing import Any

from festival.review.v1 import review_pb2 as pb
from festival_review.domain.case import ReviewCase
from festival_review.domain.directory import ReviewDirectory
from festival_review.domain.edition import ReviewEdition

_NOTE = ("slot", "object_key", "verdict", "warnings", "messages_zh", "messages_en", "duplicate_of")
_DECISION = ("kind", "level", "actor_account_id", "actor_role", "at", "reason_code", "reason", "reason_codes",
             "evidence")


def note_pb(note: dict[str, Any]) -> pb.InspectionNote:
    return pb.InspectionNote(**{k: note[k] for k in _NOTE if k in note})


def decision_pb(entry: dict[str, Any]) -> pb.Decision:
    fields = {k: entry[k] for k in _DECISION if entry.get(k)}
    if entry.get("note") and not fields.get("reason"):
        fields["reason"] = entry["note"]  # a forward's or qualification's note travels as its reason text
    return pb.Decision(**fields)


def case_pb(case: ReviewCase, edition: ReviewEdition | None, directory: ReviewDirectory,
            student: bool = False) -> pb.Case:
    """The case as its current version stands; a student does not see who decided or duplicate flags."""
    v = case.current
    decisions = [e for e in v["entries"] if e.get("level")]
    last = decision_pb({**decisions[-1], "actor_account_id": ""} if student else decisions[-1]) if decisions else None
    notes = [note_pb({**n, "duplicate_of": ""} if student else n) for _, n in sorted(v["inspection"].items())]
    return pb.Case(
        submission_id=case.submission_id, edition=case.edition, submission_version=case.submission_version,
        student_id=case.student_id, school_id=case.school_id, region_id=case.region_id or "",
        title=v["title"], category=v["category"], theme=v["theme"], synopsis=v["synopsis"],
        voice_over=v.get("voice_over", ""), subtitles=v.get("subtitles", ""),
        creators=[pb.Creator(**c) for c in v["creators"]], advisors=[pb.Advisor(**a) for a in v["advisors"]],
        files=[pb.SubmittedFile(slot=slot, **{k: f[k] for k in ("object_key", "filename", "size", "kind")})
               for slot, f in sorted(v["files"].items())],
        status=case.status, submitted_at=v["submitted_at"], last_decision=last,
        inspection_verdict=case.inspection_verdict(), inspection=notes,
        duplicate_of=[] if student else sorted({n.duplicate_of for n in notes if n.duplicate_of}),
        school_name=directory.school_name(case.school_id), region_name=directory.region_name(case.region_id),
        category_name_zh=edition.category_zh(v["category"]) if edition else v["category"],
    )


def timeline_pb(case: pb.Case, versions: list[dict[str, Any]]) -> pb.Timeline:
    history = []
    for v in versions:
        entries = [pb.TimelineEntry(at=e["at"], kind=e["kind"], inspection=note_pb(e["inspection"]))
                   if e["kind"] == "inspected"
                   else pb.TimelineEntry(at=e["at"], kind=e["kind"], decision=decision_pb(e))
                   for e in v["entries"]]
        history.append(pb.VersionHistory(submission_version=v["version"], submitted_at=v["submitted_at"],
                                         status=v["status"], title=v["title"], entries=entries))
    return pb.Timeline(case=case, versions=history)


def filing_pb(region_id: str | None, region_name: str, last: dict[str, Any] | None, times: int) -> pb.RegionFiling:
    if last is None:
        return pb.RegionFiling(region_id=region_id or "", region_name=region_name, filed=False)
    return pb.RegionFiling(region_id=region_id or "", region_name=region_name, filed=True,
                           filed_at=last["at"].isoformat(), filed_by=last["by"], sha256=last["sha256"],
                           works=last["works"], times_filed=times)
