"""The awards application: the province computes, checks, publishes and corrects the award lists, honours
advisors, organisers and units, and releases the exhibition list; certificates follow each decision.

Queries and the consumer's policies are mixed in. A command checks the caller's role and the edition's
state, then lets the aggregate decide; a refusal stores nothing (every aggregate is saved in one go).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any, ClassVar

from festival_awards.adapters.policies import AwardsPolicies
from festival_awards.domain import refusals
from festival_awards.domain.awards import Awards
from festival_awards.domain.certificate import Certificate, new_code
from festival_awards.domain.exhibition import Exhibition
from festival_awards.domain.honours import Honours
from festival_awards.domain.nominee import Nominee
from festival_awards.domain.reminders import Reminders
from festival_awards.domain.source import SourceRequest
from festival_awards.queries import AwardsQueries, require
from festival_decisions.awards import honours as advisor_rule
from festival_decisions.awards.honours import Advisor
from festival_decisions.names import person
from festival_kit.aggregate import event_id
from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, command
from festival_kit.errors import FestivalError

PROVINCE = "province_admin"


class AwardsApplication(AwardsQueries, AwardsPolicies, FestivalApplication):
    """Award lists, honours, certificates and the exhibition, over awards' own views of works and results."""

    SERVICE: ClassVar[str] = "awards"
    env: ClassVar[dict[str, str]] = {"AGGREGATE_CACHE_MAXSIZE": "20000"}

    # -- award lists -------------------------------------------------------------------------------------------

    @command
    def compute(self, cause: Cause, scope: str, edition: str = "") -> Awards:
        """Rank the qualified, judged works of a list from the latest results (a new draft until published)."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        view.check_scope(scope)
        computed = self.computed(view, scope)
        found = self.find(Awards.id_for(view.edition, scope))
        if found is None:
            found = Awards(edition=view.edition, scope=scope, **computed)
        elif not found.recompute(computed):
            return found
        self.save(found)
        return found

    @command
    def publish(self, cause: Cause, note: str, scope: str = "", edition: str = "") -> list[Awards]:
        """Publish one list (or every computed list not yet published) once judging has closed; issue certificates."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        if view.judging_closed_at is None:
            raise refusals.judging_not_closed()
        lists = self._to_publish(view, scope)
        for awards in lists:
            awards.publish(note.strip(), self.current_digest(view, awards.scope))
        register, certificates = self.register(view.edition), []
        for awards in lists:
            award_event = event_id(awards.id, awards.version)
            for work_id, tier in sorted(awards.tier_of.items()):
                certificates += self._work_certificates(view, work_id, tier, award_event, awards.published_at)
        honours, honoured = self._advisor_honours(view, lists, "")
        self._enter(register, certificates + honoured)
        self.save(*lists, *certificates, *honoured, honours, register)
        return lists

    def _to_publish(self, view: Any, scope: str) -> list[Awards]:
        if scope:
            view.check_scope(scope)
            found = self.find(Awards.id_for(view.edition, scope))
            if found is None:
                raise refusals.not_computed(scope)
            return [found]
        lists = self.award_lists(view)
        if not lists:
            raise refusals.not_computed(view.scopes()[0])
        waiting = [a for a in lists if not a.published]
        if not waiting:
            raise refusals.already_published(lists[0].scope)
        return waiting

    @command
    def correct(self, cause: Cause, work_id: str, tier: str, reason: str, edition: str = "") -> Awards:
        """Change a published award: its certificates are revoked and new ones issued with the new tier."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        awards = self.list_of(view, work_id)
        awards.correct(work_id, tier, reason)
        register = self.register(view.edition)
        new = self._work_certificates(view, work_id, tier, event_id(awards.id, awards.version), awards.modified_on)
        old = [self.find(Certificate.id_for(code)) for code in register.codes_of(work_id)]
        old = [c for c in old if c is not None and not c.revoked]
        for i, certificate in enumerate(old):
            certificate.revoke(reason.strip(), new[i].code if i < len(new) else "")
        self._enter(register, new)
        self.save(awards, *old, *new, register)
        return awards

    @command
    def request_source(self, cause: Cause, work_id: str, deadline: datetime, note: str,
                       edition: str = "") -> SourceRequest:
        """Ask a published award's team for the work's source files by a deadline (附件 四.4)."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        awards = self.list_of(view, work_id)
        work = self.nominee(work_id)
        request = SourceRequest.ask(self.find(SourceRequest.id_for(work_id)), submission_id=work_id,
                                    edition=view.edition, student_id=work.student_id,
                                    tier=awards.tier_of[work_id], deadline=deadline, note=note.strip())
        self.save(request)
        return request

    # -- honours -----------------------------------------------------------------------------------------------

    @command
    def honour_advisor(self, cause: Cause, name: str, reason: str = "", edition: str = "") -> Honours:
        """优秀指导教师奖 for an advisor of a best work not yet honoured (e.g. after a correction)."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        lists = [a for a in self.award_lists(view) if a.published]
        if not lists:
            raise refusals.not_published()
        honours, honoured = self._advisor_honours(view, lists, reason.strip(), only=person(name))
        if not honoured:
            known = any(person(h["name"]) == person(name) for h in honours.advisors.values())
            raise refusals.honour_exists() if known else refusals.not_best_advisor(name)
        register = self.register(view.edition)
        self._enter(register, honoured)
        self.save(honours, *honoured, register)
        return honours

    @command
    def honour_organiser(self, cause: Cause, name: str, region_id: str, school_id: str, reason: str,
                         edition: str = "") -> Honours:
        """优秀组织工作者奖 for a person of a region (and school), with the reason."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        clean, why = person(name), reason.strip()
        if not why:
            raise refusals.reason_required()
        if not clean or len(clean) > 40:
            raise refusals.name_invalid()
        school_name, region_name = self._unit_names(school_id, region_id)
        honours = self.honours(view.edition)
        honour_id = hashlib.sha256(f"{clean}|{region_id}|{school_id}".encode()).hexdigest()[:16]
        honours.honour_organiser(honour_id, clean, region_id, school_id, why)
        certificate = self._certificate(view, "organiser", "organiser", "", "", "", [clean], school_id, region_id,
                                        "", event_id(honours.id, honours.version), honours.modified_on,
                                        school_name, region_name)
        register = self.register(view.edition)
        self._enter(register, [certificate])
        self.save(honours, certificate, register)
        return honours

    @command
    def honour_unit(self, cause: Cause, unit: str, unit_id: str, reason: str, edition: str = "") -> Honours:
        """优秀组织单位奖 for a school or a region, with the reason."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        if not reason.strip():
            raise refusals.reason_required()
        school_id, region_id = (unit_id, self.directory().schools.get(unit_id, {}).get("region_id", "")) \
            if unit == "school" else ("", unit_id)
        school_name, region_name = self._unit_names(school_id, region_id)
        name = school_name if unit == "school" else region_name
        honours = self.honours(view.edition)
        honours.honour_unit(unit, unit_id, name, region_id, reason.strip())
        certificate = self._certificate(view, "unit", "unit", "", "", "", [name], school_id, region_id, "",
                                        event_id(honours.id, honours.version), honours.modified_on,
                                        school_name, region_name)
        register = self.register(view.edition)
        self._enter(register, [certificate])
        self.save(honours, certificate, register)
        return honours

    def _unit_names(self, school_id: str, region_id: str) -> tuple[str, str]:
        directory = self.directory()
        school = directory.schools.get(school_id) if school_id else None
        if (school_id and (school is None or school["region_id"] != region_id)) or \
                region_id not in directory.regions:
            raise refusals.unknown_unit(school_id or region_id)
        return directory.school_name(school_id), directory.region_name(region_id)

    def _advisor_honours(self, view: Any, lists: list[Awards], reason: str,
                         only: str = "") -> tuple[Honours, list[Certificate]]:
        """Honour every advisor of a best work of the edition's published lists (`only`: that one person)."""
        scopes = {a.scope for a in lists}
        stored = [a for a in self.award_lists(view) if a.published and a.scope not in scopes]
        best = {w: self.nominee(w) for a in (*lists, *stored) for w in a.works_of("best")}
        found = advisor_rule.advisor_honours({w: [Advisor(**p) for p in n.advisors] for w, n in best.items()})
        honours, certificates = self.honours(view.edition), []
        for h in found:
            if only and person(h.name) != only:
                continue
            if honours.honour_advisor(h.key, h.name, h.school, list(h.work_ids), advisor_rule.RULE, reason):
                first = best[h.work_ids[0]]
                titles = "、".join(best[w].title for w in h.work_ids)
                certificates.append(self._certificate(
                    view, "advisor", "advisor", h.work_ids[0], titles, first.category, [h.name], first.school_id,
                    first.region_id, "", event_id(honours.id, honours.version), honours.modified_on))
        return honours, certificates

    # -- the exhibition ----------------------------------------------------------------------------------------

    @command
    def release_exhibition(self, cause: Cause, region_id: str, note: str = "", edition: str = "") -> Exhibition:
        """Release the exhibition list (every region's best works) to a region; published awards only."""
        require(cause, PROVINCE)
        view = self.edition_of(self.edition_code(edition))
        lists = [a for a in self.award_lists(view) if a.published]
        if not lists:
            raise refusals.not_published()
        if region_id not in self.directory().regions:
            raise refusals.unknown_unit(region_id)
        exhibition = self.find(Exhibition.id_for(view.edition)) or Exhibition(edition=view.edition)
        exhibition.release(region_id, note.strip(), sorted(w for a in lists for w in a.works_of("best")))
        self.save(exhibition)
        return exhibition

    # -- reminders (the scheduler, as the system) ----------------------------------------------------------------

    def remind(self, now: datetime) -> list[str]:
        """Record the reminders due at `now` for the latest edition; returns the deadlines reminded."""
        try:
            view = self.edition_of(self.edition_code(""))
        except FestivalError:
            return []  # no edition with award rules yet
        rules, found = view.awards, self.find(Reminders.id_for(view.edition))
        reminders = found or Reminders(edition=view.edition)
        lead = timedelta(days=rules.remind_days_before)
        exhibition = self.find(Exhibition.id_for(view.edition))
        released = set(exhibition.released) if exhibition else set()
        lists = {a.scope: a for a in self.award_lists(view)}
        left = {"publish_by": sum(1 for s in view.scopes() if not (s in lists and lists[s].published)),
                "exhibition_by": len(set(self.directory().regions) - released)}
        due = [d for d, at in (("publish_by", rules.publish_by), ("exhibition_by", rules.exhibition_by))
               if at - lead <= now < at and reminders.remind(d, at, left[d])]
        if due:
            self.save(reminders)
        return due

    # -- certificates ------------------------------------------------------------------------------------------

    def _work_certificates(self, view: Any, work_id: str, tier: str, award_event: str, at: Any) -> list[Certificate]:
        work: Nominee = self.nominee(work_id)
        teams = [work.creators] if view.awards.certificates == "per_team" else [[c] for c in work.creators]
        return [self._certificate(view, "work", tier, work_id, work.title, work.category, names, work.school_id,
                                  work.region_id, work.student_id, award_event, at) for names in teams]

    def _certificate(self, view: Any, kind: str, award: str, work_id: str, title: str, category: str,
                     names: list[str], school_id: str, region_id: str, student_id: str, award_event: str, at: Any,
                     school_name: str | None = None, region_name: str | None = None) -> Certificate:
        directory = self.directory()
        return Certificate(
            code=new_code(), edition=view.edition, kind=kind, award=award, work_id=work_id, work_title=title,
            category=category, names=names, school_id=school_id or "", region_id=region_id or "",
            school_name=directory.school_name(school_id) if school_name is None else school_name,
            region_name=directory.region_name(region_id) if region_name is None else region_name,
            student_id=student_id, award_event_id=award_event, awarded_at=at)

    @staticmethod
    def _enter(register: Any, certificates: list[Certificate]) -> None:
        register.enter_certificates([
            {"code": c.code, "kind": c.kind, "work_id": c.work_id, "student_id": c.student_id,
             "school_id": c.school_id, "region_id": c.region_id} for c in certificates])
