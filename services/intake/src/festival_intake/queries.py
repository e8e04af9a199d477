"""The intake queries: a submission, lists, filled-in forms and download links (mixed into IntakeApplication)."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.application import AggregateNotFoundError

from festival_intake.adapters.files import FileStore
from festival_intake.adapters.forms import application_form_pdf, copyright_declaration_pdf
from festival_intake.domain.directory import Directory
from festival_intake.domain.draft import invalid
from festival_intake.domain.edition import EditionView
from festival_intake.domain.submission import Submission
from festival_intake.domain.uploads import slot_name
from festival_intake.views import SubmissionIndex
from festival_kit.context import Cause
from festival_kit.errors import FestivalError, forbidden, not_found

FORMS = {"application_form": application_form_pdf, "copyright_declaration": copyright_declaration_pdf}
# Roles that may read any submission: the gateway narrows admins to their school or region.
READERS = frozenset({"school_admin", "region_admin", "province_admin", "judge", "auditor", "system"})


class IntakeQueries:
    """Reads of IntakeApplication; nothing here changes the store."""

    index: SubmissionIndex
    repository: Any
    files: FileStore | None

    def get(self, cause: Cause, submission_id: str) -> Submission:
        """One submission, for its student or a reviewing role."""
        sub = self._load(submission_id, read_only=True)
        if not (cause.role in READERS or (cause.role == "student" and cause.account_id == sub.student_id)):
            raise forbidden()
        return sub

    def list(self, cause: Cause, after: str = "", limit: int = 0, **filters: str) -> tuple[list[Submission], str]:
        """A page of the submissions matching the filters (student_id, school_id, region_id, edition, status),
        oldest first, after the id `after`, at most `limit` (0: all); and the id to ask after for the next page
        ("" when this is the last). Students see theirs."""
        if cause.role == "student":
            if filters.get("student_id") not in ("", None, cause.account_id):
                raise forbidden()
            filters["student_id"] = cause.account_id
        elif cause.role not in READERS:
            raise forbidden()
        rows, more = self.index.select(after=after, limit=limit, **filters)
        return [self.read_only(uuid.UUID(row.id)) for row in rows], (rows[-1].id if more else "")

    def render_form(self, cause: Cause, submission_id: str, form: str) -> tuple[str, bytes]:
        """The application form or copyright declaration as a PDF filled from the draft: (filename, bytes)."""
        sub = self.get(cause, submission_id)
        if form not in FORMS:
            raise invalid("unknown_form", "没有这种表格。", f"There is no form {form!r}.")
        rules, directory = self.edition_view(sub.edition).rules, self.directory()
        category = rules.category(sub.category)
        data = {
            "edition_name": rules.name_zh, "submission_id": str(sub.id), "title": sub.title,
            "category_zh": category.name_zh if category else sub.category, "theme": sub.theme,
            "synopsis": sub.synopsis, "school": directory.school_name(sub.school_id),
            "region": directory.region_name(sub.region_id), "creators": sub.creators, "advisors": sub.advisors,
        }
        return f"{slot_name(form)[0]}-{str(sub.id)[:8]}.pdf", FORMS[form](data)

    def file_url(self, cause: Cause, submission_id: str, slot: str) -> tuple[dict[str, Any], str]:
        """A presigned download of a slot's confirmed file: (file record, URL)."""
        sub = self.get(cause, submission_id)
        record = sub.files.get(slot)
        if record is None:
            raise not_found("该文件", "That file")
        return record, self._files().presign_get(record["object_key"], record["filename"], slot)

    def missing_slots(self, sub: Submission) -> list[str]:
        return sub.missing_slots(self.edition_view(sub.edition).rules)

    def edition_view(self, edition: str) -> EditionView:
        try:
            return self.read_only(EditionView.id_for(edition))
        except AggregateNotFoundError:
            raise FestivalError("unknown_edition", "该届活动尚未发布。",
                                f"Edition {edition!r} has not been published.", 404) from None

    def directory(self) -> Directory:
        try:
            return self.read_only(Directory.ID)
        except AggregateNotFoundError:
            return Directory()

    def _open_edition(self) -> str:
        editions = self.index.current_editions()
        if len(editions) > 1:
            raise invalid("edition_required", "有多届活动正在申报，请指明届次。",
                          f"Several editions are open ({', '.join(editions)}): name one.")
        if not editions:
            raise FestivalError("window_closed", "当前不在作品申报期内。", "No submission window is open.", 409)
        return editions[0]

    def _load(self, submission_id: str, read_only: bool = False) -> Submission:
        """The submission: a copy a command may change, or for a query (read_only) the cached one."""
        try:
            aggregate_id = uuid.UUID(submission_id)
            sub = self.read_only(aggregate_id) if read_only else self.repository.get(aggregate_id)
        except (ValueError, AggregateNotFoundError):
            sub = None
        if not isinstance(sub, Submission):
            raise not_found("作品", "Submission")
        return sub

    def _files(self) -> FileStore:
        if self.files is None:
            raise RuntimeError("intake was started without object storage")
        return self.files
