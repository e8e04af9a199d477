"""The awards queries: drafts, public results, participation, certificates and the exhibition (mixed in)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from festival_awards.domain import refusals
from festival_awards.domain.awards import Awards
from festival_awards.domain.certificate import Certificate, normalise
from festival_awards.domain.directory import DIRECTORY_ID, Directory
from festival_awards.domain.edition import AwardsEdition
from festival_awards.domain.exhibition import Exhibition
from festival_awards.domain.honours import Honours
from festival_awards.domain.nominee import QUALIFIED, Nominee
from festival_awards.domain.notice import TIER_ORDER
from festival_awards.domain.register import Register
from festival_awards.domain.reminders import Reminders
from festival_awards.domain.source import SourceRequest
from festival_awards.domain.standing import Standing
from festival_decisions.awards.award_list import RoundInput, award_list, inputs_digest
from festival_decisions.judging.round_log import method_of
from festival_decisions.judging.sheets import Sheet
from festival_kit.context import Cause
from festival_kit.errors import FestivalError

READERS = ("province_admin", "auditor")
ADMINS = ("school_admin", "region_admin", *READERS)


def require(cause: Cause, *roles: str) -> None:
    if cause.role not in roles:
        raise refusals.forbidden()


class AwardsQueries:
    """Reads of AwardsApplication; nothing here changes the store."""

    find: Any
    recorder: Any
    mapper: Any

    # -- the province and auditors ------------------------------------------------------------------------------

    def source_requests(self, cause: Cause, edition: str = "") -> list[tuple[Any, Nominee]]:
        """Every awarded work the province asked for source files, with the work (oldest request first)."""
        require(cause, *READERS)
        view = self.edition_of(self.edition_code(edition))
        found = [(self.find(SourceRequest.id_for(w)), self.nominee(w))
                 for awards in self.award_lists(view) if awards.published for w in sorted(awards.tier_of)]
        return sorted([(r, n) for r, n in found if r is not None], key=lambda pair: pair[0].created_on)

    def draft(self, cause: Cause, scope: str, edition: str = "") -> tuple[Awards, bool]:
        """A computed list and whether the results moved on since (then it must be computed again)."""
        require(cause, *READERS)
        view = self.edition_of(self.edition_code(edition))
        view.check_scope(scope)
        awards = self.find(Awards.id_for(view.edition, scope))
        if awards is None:
            raise refusals.not_computed(scope)
        stale = not awards.published and self._digest_now(view, scope) != awards.computed["inputs_digest"]
        return awards, stale

    def _digest_now(self, view: AwardsEdition, scope: str) -> str:
        try:
            return self.current_digest(view, scope)
        except FestivalError:  # no results any more: certainly stale
            return ""

    def participation(self, cause: Cause, region_id: str = "", edition: str = "") -> list[dict[str, Any]]:
        """Per region and school: works submitted, qualified, awarded by tier (published), table filed on time.

        A region admin reads only their own region until the awards are published.
        """
        require(cause, *ADMINS)
        view = self.edition_of(self.edition_code(edition))
        published = [a for a in self.award_lists(view) if a.published]
        tier_of = {w: t for a in published for w, t in a.tier_of.items()}
        directory, rows = self.directory(), {}
        for work_id in self.register(view.edition).works:
            work = self.nominee(work_id)
            if region_id and work.region_id != region_id:
                continue
            row = rows.setdefault(work.school_id, {"school_id": work.school_id, "region_id": work.region_id,
                                                   "submitted": 0, "qualified": 0, "tiers": Counter()})
            row["submitted"] += work.submission_version > 0
            row["qualified"] += work.status == QUALIFIED
            row["tiers"][tier_of.get(work_id, "")] += 1
        deadline = view.rules.region_deadline
        for row in rows.values():
            filed = directory.filed.get(f"{view.edition}/{row['region_id']}", "")
            row.update(school_name=directory.school_name(row["school_id"]),
                       region_name=directory.region_name(row["region_id"]), filed_at=filed,
                       filed_on_time=bool(filed) and datetime.fromisoformat(filed) <= deadline,
                       tiers={t: row["tiers"].get(t, 0) for t in TIER_ORDER}, published=bool(published))
        return sorted(rows.values(), key=lambda r: (r["region_id"], r["school_id"]))

    def reminders_of(self, cause: Cause, edition: str = "") -> list[dict[str, Any]]:
        """The reminders recorded for the edition, in date order."""
        require(cause, *READERS)
        found = self.find(Reminders.id_for(self.edition_code(edition)))
        sent = found.sent if found else {}
        return sorted(({"deadline": d, **r} for d, r in sent.items()), key=lambda r: r["due"])

    def honours_of(self, cause: Cause, edition: str = "") -> Honours:
        require(cause, *READERS)
        return self.honours(self.edition_code(edition))

    # -- anyone -------------------------------------------------------------------------------------------------

    def public_results(self, scope: str = "", edition: str = "") -> list[Awards]:
        """The published lists (every one, or one scope's); nothing before publication."""
        view = self.edition_of(self.edition_code(edition))
        if scope:
            view.check_scope(scope)
        return [a for a in self.award_lists(view) if a.published and (not scope or a.scope == scope)]

    def verify(self, code: str) -> Certificate:
        """The certificate of a code; malformed, overlong and unknown codes get the same answer."""
        canonical = normalise(code)
        found = self.find(Certificate.id_for(canonical)) if canonical else None
        if found is None:
            raise refusals.unknown_certificate()
        return found

    # -- certificates and the exhibition for the people they belong to ------------------------------------------

    def certificates(self, cause: Cause, student_id: str = "", school_id: str = "", region_id: str = "",
                     edition: str = "") -> list[Certificate]:
        """The certificates of a scope (the gateway forces the caller's own scope)."""
        require(cause, "student", *ADMINS)
        entries = self.register(self.edition_code(edition)).certificates
        wanted = {"student_id": student_id, "school_id": school_id, "region_id": region_id}
        chosen = [e for e in entries if all(not v or e[k] == v for k, v in wanted.items())]
        return [self.find(Certificate.id_for(e["code"])) for e in chosen]

    def exhibition(self, cause: Cause, region_id: str, edition: str = "") -> tuple[dict[str, Any], list[Nominee]]:
        """What was released to a region (its note, time and works); refused until it was released."""
        require(cause, "region_admin", *READERS)
        view = self.edition_of(self.edition_code(edition))
        exhibition = self.find(Exhibition.id_for(view.edition))
        released = exhibition.released.get(region_id) if exhibition else None
        if released is None:
            raise refusals.not_released()
        return released, [self.nominee(w) for w in released["work_ids"]]

    # -- what commands and queries share ------------------------------------------------------------------------

    def computed(self, view: AwardsEdition, scope: str) -> dict[str, Any]:
        """The AwardsComputed payload of a list from the latest results of its rounds (refused without any)."""
        inputs, eligible = self._inputs(view, scope)
        return award_list(inputs, eligible, view.rules.award_ratios, TIER_ORDER)

    def current_digest(self, view: AwardsEdition, scope: str) -> str:
        """The digest a computation now would record (without ranking: the fragility check is costly)."""
        inputs, eligible = self._inputs(view, scope)
        return inputs_digest(inputs, eligible, view.rules.award_ratios)

    def _inputs(self, view: AwardsEdition, scope: str) -> tuple[list[RoundInput], set[str]]:
        rounds = [s for s in self.standings(view) if s.results and (scope == "edition" or s.category == scope)]
        if not rounds:
            raise refusals.no_results(scope)
        inputs = [RoundInput(s.round_id, s.category, s.results["results_event_id"], s.results["final"],
                             method_of(s.results["method"]), tuple(Sheet(x["judge_id"], x["work_id"], x["total"])
                                                                  for x in s.results["sheets"]),
                             tuple(s.results["works"])) for s in rounds]
        return inputs, {w["work_id"] for r in inputs for w in r.works if self._qualified(w["work_id"])}

    def _qualified(self, work_id: str) -> bool:
        work = self.nominee(work_id)
        return work is not None and work.status == QUALIFIED

    def standings(self, view: AwardsEdition) -> list[Standing]:
        found = (self.find(Standing.id_for(r)) for r in self.register(view.edition).rounds)
        return [s for s in found if s is not None]

    def award_lists(self, view: AwardsEdition) -> list[Awards]:
        found = (self.find(Awards.id_for(view.edition, s)) for s in view.scopes())
        return [a for a in found if a is not None]

    def list_of(self, view: AwardsEdition, work_id: str) -> Awards:
        """The published list a work is on."""
        for awards in self.award_lists(view):
            if awards.published and work_id in awards.tier_of:
                return awards
        raise refusals.not_awarded(work_id)

    def edition_code(self, edition: str) -> str:
        """The edition named, or the latest one awards knows."""
        if edition:
            return edition
        recorded = self.recorder.select_notifications(1, 1_000_000, topics=[_topic()])
        if not recorded:
            raise refusals.unknown_edition("")
        return self.mapper.to_domain_event(recorded[-1]).edition

    def edition_of(self, edition: str) -> AwardsEdition:
        view = self.find(AwardsEdition.id_for(edition))
        if view is None:
            raise refusals.unknown_edition(edition)
        view.awards  # noqa: B018 - refuses an edition without award rules
        return view

    def nominee(self, submission_id: str) -> Nominee | None:
        return self.find(Nominee.id_for(submission_id))

    def register(self, edition: str) -> Register:
        return self.find(Register.id_for(edition)) or Register(edition=edition)

    def honours(self, edition: str) -> Honours:
        return self.find(Honours.id_for(edition)) or Honours(edition=edition)

    def directory(self) -> Directory:
        return self.find(DIRECTORY_ID) or Directory()


def _topic() -> str:
    from eventsourcing.utils import get_topic

    return get_topic(AwardsEdition.Recorded)  # type: ignore[attr-defined]
