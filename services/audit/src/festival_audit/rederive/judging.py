"""Judging re-derived: each round's assignment from the works, judges, rules and seed it recorded, and each
results event from the sheets that counted at that point of the log (festival_decisions.judging)."""

from __future__ import annotations

from festival_audit.rederive import Rederiver
from festival_decisions.judging import assignment
from festival_decisions.judging.round_log import RoundLog
from festival_events.envelope import Envelope


class Rounds(Rederiver):
    def __init__(self) -> None:
        super().__init__()
        self.log = RoundLog()
        self.k: dict[str, int] = {}

    def see(self, seq: int, env: Envelope) -> None:
        if env.service != "scoring":
            return
        p = env.payload
        if env.type == "JudgingRoundOpened":
            self.k[env.aggregate_id] = p["judges_per_work"]
        elif env.type == "RoundAssigned":
            self._assignment(seq, env)
        elif env.type == "RoundResultsComputed":
            self._results(seq, env)
        self.log.apply(env.type, env.aggregate_id, env.aggregate_version, p)

    def _assignment(self, seq: int, env: Envelope) -> None:
        self.checked["judging.assignment"] += 1
        p = env.payload
        if p["k"] != self.k.get(env.aggregate_id):
            self.differ("judging.assignment", seq, env, "k is not the round's judges per work", p["k"],
                        self.k.get(env.aggregate_id))
        rules = assignment.ConflictRules(**p["conflict_rules"])
        works = [assignment.Work(w["work_id"], w["region_id"], w["school_id"], w["people"]) for w in p["works"]]
        judges = [assignment.Judge(j["judge_id"], j["region_id"], j["school_id"], j["declared"]) for j in p["judges"]]
        outcome = assignment.assign(works, judges, p["k"], rules, p["seed"], frozenset(map(tuple, p["excluded"])))
        if isinstance(outcome, assignment.Infeasible):
            self.differ("judging.assignment", seq, env, "the recorded inputs admit no assignment",
                        p["panels"], [list(r) for r in outcome.reasons])
            return
        derived = {"rule": outcome.rule, "panels": [{"work_id": w, "judge_ids": list(panel)} for w, panel in outcome.panels],
                   "loads": dict(outcome.loads)}
        self.compare("judging.assignment", seq, env, {k: p[k] for k in derived}, derived)

    def _results(self, seq: int, env: Envelope) -> None:
        self.checked["judging.results"] += 1
        if env.aggregate_id not in self.log.rounds:
            self.differ("judging.results", seq, env, "results of a round the log never opened")
            return
        recorded = {k: v for k, v in env.payload.items() if k != "final"}
        self.compare("judging.results", seq, env, recorded, self.log.rederive(env.aggregate_id))
