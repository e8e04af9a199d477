"""The review application: school, region and province decisions, and filing the region table.

Queries and the consumer's policies are mixed in. Every command checks, in this order: the caller's
role and approval, the work's existence and scope, its stage, the edition's phase, then the decision's
own reasons; a refusal stores nothing.
"""

from __future__ import annotations

from typing import ClassVar

from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, command
from festival_review.adapters import xlsx
from festival_review.adapters.policies import ReviewPolicies
from festival_review.domain import refusals
from festival_review.domain.case import ReviewCase
from festival_review.domain.region_table import RegionTable
from festival_review.domain.reviewer import acting
from festival_review.queries import ReviewQueries
from festival_review.queues import QueueIndex


class ReviewApplication(ReviewQueries, ReviewPolicies, FestivalApplication):
    """ReviewCases, region tables, and review's own views of editions, the directory and admin accounts."""

    SERVICE: ClassVar[str] = "review"
    # One review writes its store (deploy/k8s/review.yaml: replicas 1), so its saves keep the cache current and
    # a read need not ask the store for newer events; a queue reads cached cases without a copy (read_only).
    env: ClassVar[dict[str, str]] = {"AGGREGATE_CACHE_MAXSIZE": "20000", "AGGREGATE_CACHE_FASTFORWARD": "n"}

    def __init__(self, env: dict[str, str] | None = None):
        super().__init__(env)
        self.index = QueueIndex(self)

    @command
    def school_forward(self, cause: Cause, submission_id: str, version: int = 0, note: str = "",
                       **scope: str) -> ReviewCase:
        """The school admin forwards the work to the region (until the region deadline)."""
        case = self._case_for(cause, "school_admin", submission_id, scope)
        case.check_waiting_at("school", version)
        self.edition_of(case.edition).check_forward()
        case.forward_to_region(note, version)
        return self._saved(case)

    @command
    def region_forward(self, cause: Cause, submission_id: str, version: int = 0, note: str = "",
                       **scope: str) -> ReviewCase:
        """The region admin reports the work to the province (until the region deadline)."""
        case = self._case_for(cause, "region_admin", submission_id, scope)
        case.check_waiting_at("region", version)
        self.edition_of(case.edition).check_forward()
        case.forward_to_province(note, version)
        return self._saved(case)

    @command
    def return_for_fixes(self, cause: Cause, level: str, submission_id: str, version: int = 0,
                         reason_code: str = "", reason: str = "", **scope: str) -> ReviewCase:
        """A school or region admin returns the work to its student, while the window is open."""
        case = self._case_for(cause, f"{level}_admin", submission_id, scope)
        case.check_waiting_at(level, version)
        self.edition_of(case.edition).check_return()
        case.return_for_fixes(level, reason_code, reason, version)
        return self._saved(case)

    @command
    def qualify(self, cause: Cause, submission_id: str, version: int = 0, note: str = "",
                **scope: str) -> ReviewCase:
        """The province finds the work qualified for judging (after the region deadline)."""
        case = self._case_for(cause, "province_admin", submission_id, scope)
        case.check_waiting_at("province", version)
        self.edition_of(case.edition).check_qualification()
        case.qualify(note, version)
        return self._saved(case)

    @command
    def disqualify(self, cause: Cause, submission_id: str, reason_codes: list[str], evidence: str,
                   version: int = 0, **scope: str) -> ReviewCase:
        """The province disqualifies the work (not rated), naming reason codes and evidence."""
        case = self._case_for(cause, "province_admin", submission_id, scope)
        case.check_waiting_at("province", version)
        self.edition_of(case.edition).check_qualification()
        case.disqualify(reason_codes, evidence, version)
        return self._saved(case)

    @command
    def file_region_table(self, cause: Cause, region_id: str, edition: str = "", sha256: str = "",
                          **scope: str) -> RegionTable:
        """The region admin files the region's table as it is now (before the region deadline)."""
        me = acting(cause, self.reviewer(cause.account_id), "region_admin", **_scope(scope))
        if me.region_id != region_id:
            raise refusals.wrong_region()
        view = self.edition_of(self.edition_code(edition))
        view.check_forward()
        title, as_of, rows = self.table_content(view, region_id)
        data = xlsx.workbook_bytes(title, as_of, rows)
        if sha256 and sha256 != xlsx.sha256(data):
            raise refusals.table_changed()
        table = self.find(RegionTable.id_for(view.edition, region_id)) or RegionTable(view.edition, region_id)
        table.file(xlsx.sha256(data), rows, as_of)
        self.save(table)
        return table

    def _case_for(self, cause: Cause, role: str, submission_id: str, scope: dict[str, str]) -> ReviewCase:
        """The case, if the caller acts in `role`, is approved, and the work is in its school or region."""
        me = acting(cause, self.reviewer(cause.account_id), role, **_scope(scope))
        case = self.case(submission_id)
        if role == "school_admin" and case.school_id != me.school_id:
            raise refusals.wrong_school()
        if role == "region_admin" and case.region_id != me.region_id:
            raise refusals.wrong_region()
        return case

    def _saved(self, case: ReviewCase) -> ReviewCase:
        self.save(case)
        return case


def _scope(scope: dict[str, str]) -> dict[str, str]:
    return {"caller_school_id": scope.get("caller_school_id", ""),
            "caller_region_id": scope.get("caller_region_id", "")}
