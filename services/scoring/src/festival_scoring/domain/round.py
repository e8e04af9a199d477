"""JudgingRound: one category's judging — its judges, panels, replacements, closing and results.

One aggregate per category and edition, so the round's decisions form one hash chain. The decisions are
made by festival_decisions.judging (the auditor's code too); the round records them with their inputs.
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_decisions.judging import assignment
from festival_decisions.judging.round_log import results_record
from festival_kit.aggregate import FestivalAggregate
from festival_scoring.domain import refusals

OPEN, ASSIGNED, CLOSED = "open", "assigned", "closed"


class JudgingRound(FestivalAggregate):
    """The round of one category: who judges, which judges score which work, and what came of it."""

    SERVICE = "scoring"

    @staticmethod
    def id_for(edition: str, category: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:scoring:round:{edition}:{category}")

    @staticmethod
    def create_id(edition: str, category: str, **_: Any) -> uuid.UUID:
        return JudgingRound.id_for(edition, category)

    @event("Opened")
    def __init__(self, edition: str, category: str, judges_per_work: int, rubric: list[dict[str, Any]],
                 normalisation: dict[str, Any]) -> None:
        self.edition, self.category, self.k = edition, category, judges_per_work
        self.rubric, self.normalisation = rubric, normalisation
        self.judge_ids: list[str] = []
        self.panels: dict[str, list[str]] = {}
        self.excluded: list[list[str]] = []  # (work, judge) pairs a judge declared a conflict on
        self.dropped: set[str] = set()
        self.assignments, self.status = 0, OPEN
        self.results: dict[str, Any] | None = None

    class JudgesAppointed(FestivalAggregate.Event):
        PUBLISHED_AS = "JudgesAppointed"
        judge_ids: list[str]

        def apply(self, rnd: Any) -> None:
            rnd.judge_ids = self.judge_ids

    def appoint(self, judge_ids: list[str]) -> None:
        """Set the round's judges; a judge with assigned works cannot leave it."""
        self._check_open()
        busy = {j for panel in self.panels.values() for j in panel}
        leaving = sorted(busy - set(judge_ids))
        if leaving:
            raise refusals.judge_has_assignments(leaving[0])
        self.trigger_event(self.JudgesAppointed, judge_ids=sorted(set(judge_ids)))

    class Assigned(FestivalAggregate.Event):
        PUBLISHED_AS = "RoundAssigned"
        rule: str
        seed: str
        k: int
        conflict_rules: dict[str, bool]
        works: list[dict[str, Any]]
        judges: list[dict[str, Any]]
        excluded: list[list[str]]
        panels: list[dict[str, Any]]
        loads: dict[str, int]

        def apply(self, rnd: Any) -> None:
            rnd.panels.update({p["work_id"]: list(p["judge_ids"]) for p in self.panels})
            rnd.assignments, rnd.status = rnd.assignments + 1, ASSIGNED

    def assign(self, works: list[assignment.Work], judges: list[assignment.Judge],
               rules: assignment.ConflictRules) -> list[tuple[str, str]]:
        """Place k judges on every work not yet placed; refused, assigning nothing, if a work lacks judges."""
        self._check_open()
        if not self.judge_ids:
            raise refusals.no_judges()
        if len(judges) < self.k:
            raise refusals.too_few_judges(self.k, len(judges))
        new = [w for w in works if w.work_id not in self.panels]
        if not new:
            raise refusals.nothing_to_assign()
        seed = f"{self.id}:{self.assignments + 1}"
        excluded = frozenset((w, j) for w, j in self.excluded)
        outcome = assignment.assign(new, judges, self.k, rules, seed, excluded)
        if isinstance(outcome, assignment.Infeasible):
            raise refusals.assignment_infeasible(list(outcome.reasons), self.k)
        self.trigger_event(
            self.Assigned, rule=outcome.rule, seed=seed, k=self.k, conflict_rules=_rules_dict(rules),
            works=[_work_dict(w) for w in sorted(new, key=lambda w: w.work_id)],
            judges=[_judge_dict(j) for j in sorted(judges, key=lambda j: j.judge_id)],
            excluded=sorted(map(list, excluded)),
            panels=[{"work_id": w, "judge_ids": list(p)} for w, p in outcome.panels], loads=dict(outcome.loads))
        return [(w, j) for w, panel in outcome.panels for j in panel]

    class Replaced(FestivalAggregate.Event):
        PUBLISHED_AS = "JudgeReplaced"
        rule: str
        work_id: str
        leaving_judge_id: str
        replacement_judge_id: str
        reason: str

        def apply(self, rnd: Any) -> None:
            panel = rnd.panels[self.work_id]
            panel.remove(self.leaving_judge_id)
            if self.replacement_judge_id:
                panel.append(self.replacement_judge_id)
            rnd.excluded.append([self.work_id, self.leaving_judge_id])

    def replace(self, work_id: str, leaving: str, reason: str, works: list[assignment.Work],
                judges: list[assignment.Judge], rules: assignment.ConflictRules) -> str:
        """Take the judge off the work and put the least-loaded eligible judge on it ('' if nobody is left)."""
        self._check_open()
        excluded = frozenset((w, j) for w, j in self.excluded) | {(work_id, leaving)}
        panels = {w: tuple(p) for w, p in self.panels.items()}
        seed = f"{self.id}:replace:{work_id}:{leaving}"
        replacement = assignment.replace_judge(panels, work_id, leaving, works, judges, rules, seed, excluded)
        self.trigger_event(self.Replaced, rule=assignment.RULE, work_id=work_id, leaving_judge_id=leaving,
                           replacement_judge_id=replacement or "", reason=reason)
        return replacement or ""

    class Dropped(FestivalAggregate.Event):
        PUBLISHED_AS = "WorkDroppedFromRound"
        work_id: str
        reason_codes: list[str]

        def apply(self, rnd: Any) -> None:
            rnd.dropped.add(self.work_id)

    def drop(self, work_id: str, reason_codes: list[str]) -> bool:
        """A work disqualified after assignment drops out; its sheets are never counted."""
        if work_id not in self.panels or work_id in self.dropped or self.status == CLOSED:
            return False
        self.trigger_event(self.Dropped, work_id=work_id, reason_codes=reason_codes)
        return True

    class Closed(FestivalAggregate.Event):
        PUBLISHED_AS = "RoundClosed"
        reason: str
        early: bool
        missing: list[dict[str, Any]]

        def apply(self, rnd: Any) -> None:
            rnd.status = CLOSED

    def close(self, reason: str, early: bool, submitted: set[tuple[str, str]]) -> None:
        """Close the round; closing before the judging window ends needs a reason. Missing sheets are listed."""
        self._check_open()
        if early and not reason.strip():
            raise refusals.reason_required()
        missing = {}
        for work_id, judge_id in self.active_pairs():
            if (work_id, judge_id) not in submitted:
                missing.setdefault(work_id, []).append(judge_id)
        self.trigger_event(self.Closed, reason=reason.strip(), early=early,
                           missing=[{"work_id": w, "judge_ids": j} for w, j in sorted(missing.items())])

    class ResultsComputed(FestivalAggregate.Event):
        PUBLISHED_AS = "RoundResultsComputed"
        rule: str
        method: dict[str, Any]
        sheets: list[dict[str, Any]]
        inputs_digest: str
        works: list[dict[str, Any]]
        final: bool

        def apply(self, rnd: Any) -> None:
            rnd.results = {"rule": self.rule, "method": self.method, "sheets": self.sheets,
                           "inputs_digest": self.inputs_digest, "works": self.works, "final": self.final}

    def compute_results(self, counted: list[dict[str, Any]], final: bool) -> bool:
        """Results from exactly the counted sheets (submitted, of works still in the round); the same inputs
        again change nothing."""
        payload = results_record(self.normalisation, counted)
        if self.results and self.results["inputs_digest"] == payload["inputs_digest"] and self.results["final"] == final:
            return False
        self.trigger_event(self.ResultsComputed, **payload, final=final)
        return True

    # -- reading -----------------------------------------------------------------------------------------------

    def active_pairs(self) -> list[tuple[str, str]]:
        """(work, judge) of every sheet that counts: on a panel, of a work still in the round."""
        return [(w, j) for w, panel in sorted(self.panels.items()) if w not in self.dropped for j in sorted(panel)]

    def _check_open(self) -> None:
        if self.status == CLOSED:
            raise refusals.round_closed()


def _rules_dict(rules: assignment.ConflictRules) -> dict[str, bool]:
    return {"same_region": rules.same_region, "same_school": rules.same_school,
            "declared_persons": rules.declared_persons}


def _work_dict(work: assignment.Work) -> dict[str, Any]:
    return {"work_id": work.work_id, "region_id": work.region_id, "school_id": work.school_id,
            "people": sorted(work.people)}


def _judge_dict(judge: assignment.Judge) -> dict[str, Any]:
    return {"judge_id": judge.judge_id, "region_id": judge.region_id, "school_id": judge.school_id,
            "declared": sorted(judge.declared)}
