"""The Submission aggregate: a student's work from draft through files, submission, returns and withdrawal."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import event

from festival_events.contracts.registry import EditionRules
from festival_intake.domain import inspections, language, refusals
from festival_intake.domain.consent import Consent, confirmed_version
from festival_intake.domain.draft import Draft, check_draft
from festival_intake.domain.uploads import SOURCE, check_kind, check_size, limit_of
from festival_kit.aggregate import FestivalAggregate

DRAFT, SUBMITTED, RETURNED, WITHDRAWN = "draft", "submitted", "returned", "withdrawn"


class Submission(FestivalAggregate):
    """One work of one student in one edition; the team freezes once it has been returned."""

    SERVICE = "intake"

    class Drafted(FestivalAggregate.Created):
        class_version = 3
        edition: str
        student_id: str
        school_id: str
        region_id: str | None
        title: str
        category: str
        theme: str
        synopsis: str
        creators: list[dict[str, str]]
        advisors: list[dict[str, str]]
        voice_over: str
        subtitles: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["region_id"] = None  # v1 drafts predate regions per work

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["voice_over"] = state["subtitles"] = ""  # v2 drafts predate the language declaration

    @event(Drafted)
    def __init__(self, edition: str, student_id: str, school_id: str, region_id: str | None, title: str,
                 category: str, theme: str, synopsis: str, creators: list, advisors: list, voice_over: str,
                 subtitles: str) -> None:
        self.edition, self.student_id, self.school_id, self.region_id = edition, student_id, school_id, region_id
        self._set(title, category, theme, synopsis, creators, advisors, voice_over, subtitles)
        self.status, self.submission_version, self.team_frozen, self.return_reason = DRAFT, 0, False, ""
        self.consent_version: str | None = None
        self.source_request: dict[str, Any] | None = None
        self.files: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, dict[str, Any]] = {}

    @classmethod
    def draft(cls, draft: Draft, rules: EditionRules, window_open: bool, *, student_id: str, school_id: str,
              region_id: str | None) -> Submission:
        """A new draft, if the window is open and the draft keeps the edition's rules."""
        refusals.check_window(window_open)
        check_draft(draft, rules)
        return cls(edition=rules.code, student_id=student_id, school_id=school_id, region_id=region_id,
                   **draft.fields())

    def _set(self, title: str, category: str, theme: str, synopsis: str, creators: list, advisors: list,
             voice_over: str, subtitles: str) -> None:
        self.title, self.category, self.theme, self.synopsis = title, category, theme, synopsis
        self.creators, self.advisors, self.voice_over, self.subtitles = creators, advisors, voice_over, subtitles

    @property
    def content(self) -> Draft:
        return Draft(self.title, self.category, self.theme, self.synopsis, self.creators, self.advisors,
                     self.voice_over, self.subtitles)

    def edit(self, draft: Draft, rules: EditionRules, window_open: bool) -> None:
        """Change the draft; once returned, everything but the team."""
        self._check_editable(window_open)
        check_draft(draft, rules)
        if self.team_frozen and draft.team() != self.content.team():
            raise refusals.team_frozen()
        self._draft_edited(**draft.fields())

    class DraftEdited(FestivalAggregate.Event):
        class_version = 2
        title: str
        category: str
        theme: str
        synopsis: str
        creators: list[dict[str, str]]
        advisors: list[dict[str, str]]
        voice_over: str
        subtitles: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["voice_over"] = state["subtitles"] = ""

    @event(DraftEdited)
    def _draft_edited(self, title: str, category: str, theme: str, synopsis: str, creators: list,
                      advisors: list, voice_over: str, subtitles: str) -> None:
        self._set(title, category, theme, synopsis, creators, advisors, voice_over, subtitles)

    def _check_editable(self, window_open: bool) -> None:
        if self.status not in (DRAFT, RETURNED):
            raise refusals.not_editable(self.status)
        refusals.check_window(window_open)

    def check_upload_allowed(self, window_open: bool, slot: str = "") -> None:
        """Files can change while the work can: as a draft or once returned, inside the window; source files
        once the province has asked for them, whenever they come."""
        if slot == SOURCE:
            if self.source_request is None:
                raise refusals.source_not_requested()
            return
        self._check_editable(window_open)

    def source_requested(self, deadline: Any, note: str) -> bool:
        """The province asked (again) for the source files; the same request twice changes nothing."""
        if self.source_request == {"deadline": deadline, "note": note}:
            return False
        self._source_requested(deadline=deadline, note=note)
        return True

    @event("SourceRequested")
    def _source_requested(self, deadline: Any, note: str) -> None:
        self.source_request = {"deadline": deadline, "note": note}

    @event("UploadStarted")
    def upload_started(self, upload_id: str, slot: str, object_key: str, filename: str, size: int,
                       multipart: bool, s3_upload_id: str) -> None:
        """Record an upload session (its S3 upload id stays private to intake)."""
        self.uploads[upload_id] = {"slot": slot, "object_key": object_key, "filename": filename, "size": size,
                                   "multipart": multipart, "s3_upload_id": s3_upload_id}

    def pending_upload(self, upload_id: str) -> dict[str, Any]:
        upload = self.uploads.get(upload_id)
        if upload is None:
            raise refusals.unknown_upload()
        return upload

    def confirm_file(self, upload_id: str, rules: EditionRules, window_open: bool, *, size: int, kind: str,
                     etag: str) -> None:
        """Record what arrived for an upload if its size and sniffed kind are what the slot takes."""
        upload = self.pending_upload(upload_id)
        self.check_upload_allowed(window_open, upload["slot"])
        limit = limit_of(rules, upload["slot"])
        if size != upload["size"]:
            raise refusals.size_mismatch(upload["size"], size)
        check_size(upload["slot"], size, limit)
        check_kind(upload["slot"], kind, limit)
        fields = {k: upload[k] for k in ("slot", "object_key", "filename", "size")}
        self._file_confirmed(upload_id=upload_id, kind=kind, etag=etag, **fields)

    @event("FileConfirmed")
    def _file_confirmed(self, upload_id: str, slot: str, object_key: str, filename: str, size: int, kind: str,
                        etag: str) -> None:
        self.uploads.pop(upload_id, None)
        self.files[slot] = {"upload_id": upload_id, "object_key": object_key, "filename": filename,
                            "size": size, "kind": kind, "etag": etag, "inspection": None}

    def inspection_started(self, upload_id: str, slot: str, inspection_id: str) -> bool:
        """Show the slot's file as being inspected; a stale upload's or a repeated start changes nothing."""
        current = self.files.get(slot)
        if current is None or current["upload_id"] != upload_id or current.get("inspection"):
            return False
        self._inspection_started(upload_id=upload_id, slot=slot, inspection_id=inspection_id)
        return True

    @event("InspectionStarted")
    def _inspection_started(self, upload_id: str, slot: str, inspection_id: str) -> None:
        self.files[slot]["inspection"] = {"id": inspection_id, "status": inspections.RUNNING}

    def file_inspected(self, upload_id: str, slot: str, inspection_id: str, category: str | None, verdict: str,
                       checks: list[dict[str, Any]]) -> bool:
        """Show the report of the slot's current file; another upload's report, or a repeat, changes nothing."""
        current = self.files.get(slot)
        if current is None or current["upload_id"] != upload_id or inspections.completed(current):
            return False
        self._file_inspected(upload_id=upload_id, slot=slot, inspection_id=inspection_id, category=category,
                             verdict=verdict, checks=checks)
        return True

    @event("FileInspected")
    def _file_inspected(self, upload_id: str, slot: str, inspection_id: str, category: str | None, verdict: str,
                        checks: list[dict[str, Any]]) -> None:
        self.files[slot]["inspection"] = {"id": inspection_id, "status": inspections.COMPLETED,
                                          "category": category, "verdict": verdict, "checks": checks}

    def missing_slots(self, rules: EditionRules) -> list[str]:
        return [slot for slot, limit in rules.files.items() if limit.required and slot not in self.files]

    def submit(self, rules: EditionRules, window_open: bool, consent: Consent | None = None) -> None:
        """Submit the work as its next version: all required files there, the rules still kept, the language
        declared (with subtitles where the notice needs them) and the edition's statements confirmed."""
        if self.status == SUBMITTED:
            raise refusals.already_submitted()
        self._check_editable(window_open)
        check_draft(self.content, rules)
        missing = self.missing_slots(rules)
        if missing:
            raise refusals.files_missing(missing)
        inspections.check_passed(self.files, rules, self.category)
        language.check_for_submit(self.voice_over, self.subtitles, self.files.get("film"))
        consent_version = confirmed_version(rules.consent, consent)
        files = {slot: {k: f[k] for k in ("object_key", "filename", "size", "kind", "etag")}
                 for slot, f in self.files.items()}
        self._submitted(submission_version=self.submission_version + 1, student_id=self.student_id,
                        school_id=self.school_id, region_id=self.region_id, files=files,
                        consent_version=consent_version, **self.content.fields())

    class Submitted(FestivalAggregate.Event):
        class_version = 2
        submission_version: int
        student_id: str
        school_id: str
        region_id: str | None
        title: str
        category: str
        theme: str
        synopsis: str
        creators: list[dict[str, str]]
        advisors: list[dict[str, str]]
        files: dict[str, dict[str, Any]]
        voice_over: str
        subtitles: str
        consent_version: str | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["voice_over"] = state["subtitles"] = ""
            state["consent_version"] = None

    @event(Submitted)
    def _submitted(self, submission_version: int, student_id: str, school_id: str, region_id: str | None,
                   title: str, category: str, theme: str, synopsis: str, creators: list, advisors: list,
                   files: dict, voice_over: str, subtitles: str, consent_version: str | None) -> None:
        self.status, self.submission_version, self.return_reason = SUBMITTED, submission_version, ""
        self.consent_version = consent_version

    def reopen(self, submission_version: int, returned_by_role: str, reason_code: str, reason: str) -> bool:
        """Reopen for fixes after a return of the current version; a stale or repeated return changes nothing."""
        if self.status != SUBMITTED or submission_version != self.submission_version:
            return False
        self._reopened(submission_version=submission_version, returned_by_role=returned_by_role,
                       reason_code=reason_code, reason=reason)
        return True

    @event("Reopened")
    def _reopened(self, submission_version: int, returned_by_role: str, reason_code: str, reason: str) -> None:
        self.status, self.team_frozen, self.return_reason = RETURNED, True, reason

    def withdraw_at_close(self) -> bool:
        """At window close an unfinished work (draft or returned) counts as withdrawn."""
        if self.status not in (DRAFT, RETURNED):
            return False
        self._withdrawn(reason_code="window_closed")
        return True

    @event("Withdrawn")
    def _withdrawn(self, reason_code: str) -> None:
        self.status = WITHDRAWN


# Their contracts name these three for what they are, not after the aggregate ("SubmissionFileConfirmed").
for _name in ("DraftEdited", "UploadStarted", "FileConfirmed"):
    getattr(Submission, _name).PUBLISHED_AS = _name
