"""The review queries: cases, timelines, queues, region tables and filings (mixed into ReviewApplication)."""

from __future__ import annotations

import copy
from typing import Any

from festival_kit import clock
from festival_kit.context import Cause
from festival_review.adapters import xlsx
from festival_review.domain import reasons, refusals
from festival_review.domain.case import ReviewCase
from festival_review.domain.directory import ReviewDirectory
from festival_review.domain.edition import ReviewEdition
from festival_review.domain.region_table import RegionTable
from festival_review.domain.reviewer import Reviewer, in_scope
from festival_review.domain.statistics import table_rows, title_of
from festival_review.queues import VIEWS, WAITING, QueueIndex

WHOLE_PROVINCE = frozenset({"province_admin", "auditor"})


class ReviewQueries:
    """Reads of ReviewApplication; nothing here changes the store."""

    index: QueueIndex
    find: Any  # FestivalApplication.find

    def readable_case(self, cause: Cause, submission_id: str, **scope: str) -> ReviewCase:
        """A case for its student, its school's or region's admin, the province or an auditor."""
        case = self.case(submission_id)
        if cause.role == "student":
            if cause.account_id != case.student_id:
                raise refusals.forbidden()
            return case
        me = in_scope(cause, self.reviewer(cause.account_id), **scope)
        if me.role == "school_admin" and case.school_id != me.school_id:
            raise refusals.wrong_school()
        if me.role == "region_admin" and case.region_id != me.region_id:
            raise refusals.wrong_region()
        return case

    def timeline(self, cause: Cause, submission_id: str, **scope: str) -> tuple[ReviewCase, list[dict[str, Any]]]:
        """Every version's history; a student does not see who decided, nor duplicate flags naming others' works."""
        case = self.readable_case(cause, submission_id, **scope)
        versions = copy.deepcopy(case.versions)
        if cause.role == "student":
            for version in versions:
                for e in version["entries"]:
                    e["actor_account_id"] = ""
                    e.get("inspection", {}).pop("duplicate_of", None)
                for note in version["inspection"].values():
                    note.pop("duplicate_of", None)
        return case, versions

    def queue(self, cause: Cause, view: str = "waiting", caller_school_id: str = "", caller_region_id: str = "",
              after: str = "", limit: int = 0, **filters: str) -> tuple[list[ReviewCase], str]:
        """A page of an admin's queue (waiting for me, decided by me, or all in my scope), in the order the works
        reached review, after the case `after`, at most `limit` (0: all); and the id to ask after for the next
        page ("" when this is the last). Refused if not approved."""
        in_scope(cause, self.reviewer(cause.account_id), caller_school_id, caller_region_id)
        if view and view not in VIEWS:
            raise refusals.unknown_view(view)
        ids, more = self.index.catch_up().queue(cause.account_id, view or WAITING, after, limit, **filters)
        return [self.read_only(ReviewCase.id_for(i)) for i in ids], (ids[-1] if more else "")

    def region_table(self, cause: Cause, region_id: str, edition: str = "", as_filed: bool = False,
                     **scope: str) -> tuple[str, bytes, int]:
        """(filename, XLSX bytes, works) of a region's table, now or as last filed."""
        self._check_region_reader(cause, region_id, scope)
        view = self.edition_of(self.edition_code(edition))
        title, as_of, rows = self.table_content(view, region_id)
        if as_filed:
            filed = self.find(RegionTable.id_for(view.edition, region_id))
            if filed is None or filed.last is None:
                raise refusals.not_found("已上报的统计表", "A filed table")
            as_of, rows = filed.last["as_of"], filed.last["rows"]
        name = f"{view.edition}-{self.directory().region_name(region_id)}-统计表.xlsx"
        return name, xlsx.workbook_bytes(title, as_of, rows), len(rows)

    def table_content(self, view: ReviewEdition, region_id: str) -> tuple[str, str, list[list[str]]]:
        """Title, as-of time (the region's last case event) and rows of the table as the log says now."""
        directory = self.directory()
        cases = [self.case(i) for i in self.index.catch_up().select(edition=view.edition, region_id=region_id)]
        as_of = clock.shanghai(max(c.modified_on for c in cases)) if cases else ""
        return title_of(view, directory.region_name(region_id)), as_of, table_rows(cases, view, directory)

    def region_filings(self, cause: Cause, edition: str = "", **scope: str) -> tuple[ReviewEdition, list[dict]]:
        """Each region (a region admin: its own) with its last filing, if any."""
        me = in_scope(cause, self.reviewer(cause.account_id), **scope)
        if me.role not in WHOLE_PROVINCE | {"region_admin"}:
            raise refusals.forbidden()
        view, directory = self.edition_of(self.edition_code(edition)), self.directory()
        regions = [me.region_id] if me.role == "region_admin" else sorted(directory.regions)
        result = []
        for region_id in regions:
            table = self.find(RegionTable.id_for(view.edition, region_id or ""))
            filings = table.filings if table else []
            result.append({"region_id": region_id, "region_name": directory.region_name(region_id),
                           "last": filings[-1] if filings else None, "times_filed": len(filings)})
        return view, result

    def reason_codes(self, kind: str = "") -> list[reasons.Reason]:
        return reasons.reasons(kind)

    def _check_region_reader(self, cause: Cause, region_id: str, scope: dict[str, str]) -> None:
        me = in_scope(cause, self.reviewer(cause.account_id), **scope)
        if me.role == "region_admin" and me.region_id != region_id:
            raise refusals.wrong_region()
        if me.role not in WHOLE_PROVINCE | {"region_admin"}:
            raise refusals.forbidden()

    # -- loading -------------------------------------------------------------------------------------------

    def case(self, submission_id: str) -> ReviewCase:
        case = self.find(ReviewCase.id_for(submission_id))
        if not isinstance(case, ReviewCase):
            raise refusals.not_in_review()
        return case

    def edition_of(self, edition: str) -> ReviewEdition:
        view = self.find(ReviewEdition.id_for(edition))
        if view is None:
            raise refusals.unknown_edition(edition)
        return view

    def edition_code(self, edition: str) -> str:
        """The edition named, or the only one review knows."""
        if edition:
            return edition
        known = self.index.catch_up().editions
        if len(known) > 1:
            raise refusals.edition_required()
        if not known:
            raise refusals.unknown_edition("")
        return known[0]

    def directory(self) -> ReviewDirectory:
        return self.find(ReviewDirectory.ID) or ReviewDirectory()

    def reviewer(self, account_id: str) -> Reviewer | None:
        return self.find(Reviewer.id_for(account_id))
