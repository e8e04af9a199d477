"""The intake application: a student's commands on a Submission; queries and policies are mixed in."""

from __future__ import annotations

import uuid
from typing import ClassVar

from festival_intake.adapters.files import UPLOAD_URL_LIFETIME, FileStore, UploadTicket
from festival_intake.domain.consent import Consent
from festival_intake.domain.draft import Draft, invalid
from festival_intake.domain.edition import EditionView
from festival_intake.domain.submission import Submission
from festival_intake.domain.uploads import MULTIPART_SLOTS, PART_SIZE, check_part_numbers, check_parts, check_upload
from festival_intake.domain.uploads import object_key, part_count
from festival_intake.policies import IntakePolicies
from festival_intake.queries import IntakeQueries
from festival_intake.views import SubmissionIndex
from festival_kit import clock
from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, command
from festival_kit.errors import forbidden


class IntakeApplication(IntakeQueries, IntakePolicies, FestivalApplication):
    """Submissions, their files and versions; editions and the directory as registry published them."""

    SERVICE: ClassVar[str] = "intake"
    # One intake writes its store (deploy/k8s/intake.yaml: replicas 1), so its saves keep the cache current and
    # a read need not ask the store for newer events; queries read cached aggregates without a copy (read_only).
    env: ClassVar[dict[str, str]] = {"AGGREGATE_CACHE_MAXSIZE": "5000", "AGGREGATE_CACHE_FASTFORWARD": "n"}

    def __init__(self, env: dict[str, str] | None = None, *, files: FileStore | None = None):
        super().__init__(env)
        self.files = files
        self.index = SubmissionIndex(self)

    # -- commands ------------------------------------------------------------------------------------------

    @command
    def create_draft(
        self, cause: Cause, student_id: str, school_id: str, draft: Draft, edition: str = ""
    ) -> Submission:
        """Open a new draft for the calling student, in the given edition or the one whose window is open."""
        if cause.role != "student" or cause.account_id != student_id:
            raise forbidden()
        view = self.edition_view(edition or self._open_edition())
        directory = self.directory()
        if school_id not in directory.schools:
            raise invalid("unknown_school", "所选学校不存在。", "No such school.")
        sub = Submission.draft(draft, view.rules, view.window_open, student_id=student_id, school_id=school_id,
                               region_id=directory.region_of(school_id))
        self.save(sub)
        return sub

    @command
    def edit_draft(self, cause: Cause, submission_id: str, draft: Draft) -> Submission:
        """Change the draft's metadata (and team, until it has been returned once)."""
        sub, view = self._owned(cause, submission_id)
        sub.edit(draft, view.rules, view.window_open)
        self.save(sub)
        return sub

    @command
    def start_upload(self, cause: Cause, submission_id: str, slot: str, filename: str, size: int) -> UploadTicket:
        """A presigned upload into one slot: multipart (one URL per part) for the film, one PUT otherwise."""
        sub, view = self._owned(cause, submission_id)
        sub.check_upload_allowed(view.window_open, slot)
        filename = check_upload(view.rules, slot, filename, size)
        upload_id = uuid.uuid4().hex
        key = object_key(sub.edition, str(sub.id), slot, upload_id)
        multipart, expires_at = slot in MULTIPART_SLOTS, clock.now() + UPLOAD_URL_LIFETIME
        if multipart:
            s3_upload_id, parts = self._files().start_multipart(key, size)
            ticket = UploadTicket(upload_id, slot, True, expires_at, part_size=PART_SIZE, parts=parts)
        else:
            s3_upload_id = ""
            ticket = UploadTicket(upload_id, slot, False, expires_at, url=self._files().presign_put(key))
        sub.upload_started(upload_id=upload_id, slot=slot, object_key=key, filename=filename, size=size,
                           multipart=multipart, s3_upload_id=s3_upload_id)
        self.save(sub)
        return ticket

    def renew_upload(self, cause: Cause, submission_id: str, upload_id: str,
                     part_numbers: list[int] = ()) -> UploadTicket:
        """Fresh URLs for an upload not yet confirmed (the given parts, or all), so a long one outlives its
        first URLs; nothing is recorded, and the parts already stored stay where they are."""
        sub, view = self._owned(cause, submission_id)
        upload = sub.pending_upload(upload_id)
        sub.check_upload_allowed(view.window_open, upload["slot"])
        expires_at, key = clock.now() + UPLOAD_URL_LIFETIME, upload["object_key"]
        if not upload["multipart"]:
            return UploadTicket(upload_id, upload["slot"], False, expires_at, url=self._files().presign_put(key))
        numbers = check_part_numbers(list(part_numbers), part_count(upload["size"]))
        parts = self._files().presign_parts(key, upload["s3_upload_id"], numbers)
        return UploadTicket(upload_id, upload["slot"], True, expires_at, part_size=PART_SIZE, parts=parts)

    @command
    def confirm_upload(self, cause: Cause, submission_id: str, upload_id: str,
                       parts: list[tuple[int, str]] = ()) -> Submission:
        """Check what arrived (size, kind) and fill the slot with it; a refusal records nothing."""
        sub, view = self._owned(cause, submission_id)
        upload = sub.pending_upload(upload_id)
        sub.check_upload_allowed(view.window_open, upload["slot"])
        if upload["multipart"]:
            ordered = check_parts(list(parts), part_count(upload["size"]))
            self._files().complete(upload["object_key"], upload["s3_upload_id"], ordered)
        arrived = self._files().inspect(upload["object_key"])
        sub.confirm_file(upload_id, view.rules, view.window_open, size=arrived.size, kind=arrived.kind,
                         etag=arrived.etag)
        self.save(sub)
        return sub

    @command
    def submit(self, cause: Cause, submission_id: str, consent: Consent | None = None) -> Submission:
        """Submit the work (next version) if the window is open, files complete, the rules kept and the
        edition's statements confirmed."""
        sub, view = self._owned(cause, submission_id)
        sub.submit(view.rules, view.window_open, consent)
        self.save(sub)
        return sub

    def _owned(self, cause: Cause, submission_id: str) -> tuple[Submission, EditionView]:
        """The submission, if the caller is its student; and its edition."""
        sub = self._load(submission_id)
        if cause.role != "student" or cause.account_id != sub.student_id:
            raise forbidden()
        return sub, self.edition_view(sub.edition)
