"""Award lists re-derived: the tiers, ranks, ties and fragility of each AwardsComputed from the results
events it names and the works the review still had qualified at that point; and each advisor honour from the
best works of the lists and their advisors as review received them (festival_decisions.awards)."""

from __future__ import annotations

from typing import get_args

from festival_audit.rederive import Rederiver
from festival_decisions.awards.award_list import RoundInput, award_list
from festival_decisions.awards.honours import Advisor, advisor_honours
from festival_decisions.judging.round_log import method_of
from festival_decisions.judging.sheets import Sheet
from festival_events.contracts.awards import Tier
from festival_events.envelope import Envelope

TIER_ORDER = get_args(Tier)  # best, excellent, finalist: the contract's order is the tiers' order


class AwardLists(Rederiver):
    def __init__(self) -> None:
        super().__init__()
        self.category: dict[str, str] = {}  # round id -> category
        self.results: dict[str, RoundInput] = {}  # results event id -> what it recorded
        self.qualified: set[str] = set()
        self.tiers: dict[str, dict[str, str]] = {}  # award list -> work -> tier (after corrections)
        self.advisors: dict[str, list[Advisor]] = {}  # work -> its current version's advisors

    def see(self, seq: int, env: Envelope) -> None:
        p = env.payload
        if env.type == "JudgingRoundOpened":
            self.category[env.aggregate_id] = p["category"]
        elif env.type == "RoundResultsComputed":
            self.results[str(env.event_id)] = RoundInput(
                env.aggregate_id, self.category.get(env.aggregate_id, ""), str(env.event_id), p["final"],
                method_of(p["method"]), tuple(Sheet(s["judge_id"], s["work_id"], s["total"]) for s in p["sheets"]),
                tuple(p["works"]))
        elif env.type == "WorkQualified":
            self.qualified.add(p["submission_id"])
        elif env.type == "WorkDisqualified":
            self.qualified.discard(p["submission_id"])
        elif env.type == "ReviewVersionReceived":
            self.advisors[p["submission_id"]] = [Advisor(a["name"], a["school"], a["phone"]) for a in p["advisors"]]
        elif env.type == "AwardsComputed":
            self._list(seq, env)
            self.tiers[env.aggregate_id] = {w["work_id"]: w["tier"] for w in p["works"]}
        elif env.type == "AwardsCorrected" and env.aggregate_id in self.tiers:
            self.tiers[env.aggregate_id][p["work_id"]] = p["to_tier"]
        elif env.type == "AdvisorHonoured":
            self._advisor(seq, env)

    def _advisor(self, seq: int, env: Envelope) -> None:
        """An advisor honour must name an advisor of best works, with the name, school and works the rule gives."""
        self.checked["awards.honours"] += 1
        p = env.payload
        best = {w: self.advisors.get(w, []) for tiers in self.tiers.values() for w, t in tiers.items() if t == "best"}
        derived = {h.key: h for h in advisor_honours(best)}.get(p["key"])
        if derived is None:
            self.differ("awards.honours", seq, env, "honours someone who advised no best work", p["name"], "")
            return
        if (p["name"], p["school"]) != (derived.name, derived.school) or not set(p["work_ids"]) <= set(derived.work_ids):
            self.differ("awards.honours", seq, env, "the honour's advisor or works do not follow from the best works",
                        {k: p[k] for k in ("name", "school", "work_ids")},
                        {"name": derived.name, "school": derived.school, "work_ids": list(derived.work_ids)})

    def _list(self, seq: int, env: Envelope) -> None:
        self.checked["awards.tiers"] += 1
        p = env.payload
        missing = [i["results_event_id"] for i in p["inputs"] if i["results_event_id"] not in self.results]
        if missing:
            self.differ("awards.tiers", seq, env, "names results events that are not on the log before it", missing)
            return
        rounds = [self.results[i["results_event_id"]] for i in p["inputs"]]
        rated = {w["work_id"] for w in p["works"]}
        unqualified = sorted(rated - self.qualified)
        if unqualified:
            self.differ("awards.tiers", seq, env, "ranks works the review had not qualified (or disqualified)",
                        unqualified)
        eligible = {w["work_id"] for r in rounds for w in r.works} & self.qualified
        derived = award_list(rounds, eligible, p["ratios"], TIER_ORDER)
        self.compare("awards.tiers", seq, env, {k: p[k] for k in derived}, derived)
